"""Colours for the classes, read from the one table in ``resources/theme.toml``.

The table has a light and a dark variant of every colour; ``Theme.for_palette`` picks the variant that suits
the application's current palette (a dark window background means dark variants), so the window follows
the system's light or dark mode and re-reads the theme when the palette changes.

Exports: ``RESOURCES``, ``Theme``, ``load_table``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# The table is parsed without Qt in viewer/theme.py, which the HTML reports read too.
from ..theme import RESOURCES, THEME_FILE, load_table  # noqa: F401  (re-exported: app.py and tests use them)


@dataclass(frozen=True)
class Theme:
    """The colours of one variant ("light" or "dark")."""

    variant: str

    @classmethod
    def for_palette(cls, palette: QPalette) -> Theme:
        window = palette.color(QPalette.ColorRole.Window)
        return cls("dark" if window.lightness() < 128 else "light")

    @property
    def dark(self) -> bool:
        return self.variant == "dark"

    def background(self, cls: str) -> QColor:
        return QColor(load_table()["classes"][cls][self.variant])

    def text(self, cls: str) -> QColor | None:
        """A text colour for the class, or None to keep the palette's."""
        value = load_table()["classes"][cls].get(f"text_{self.variant}")
        return QColor(value) if value else None

    def legend(self, cls: str) -> str:
        return load_table()["classes"][cls]["legend"]

    @property
    def altered(self) -> QColor:
        return QColor(load_table()["altered"][self.variant])

    @property
    def altered_underline(self) -> QColor:
        return QColor(load_table()["altered"][f"underline_{self.variant}"])

    @property
    def altered_legend(self) -> str:
        return load_table()["altered"]["legend"]

    @property
    def reader(self) -> QColor:
        """The mark of a reader's correction (margin bar, band outline)."""
        return QColor(load_table()["reader"][self.variant])

    @property
    def reader_legend(self) -> str:
        return load_table()["reader"]["legend"]

    @property
    def hover(self) -> QColor:
        return QColor(load_table()["hover"][self.variant])
