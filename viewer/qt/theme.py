"""Colours for the classes, read from the one table in ``resources/theme.toml``.

The table has a light and a dark variant of every colour; ``Theme.for_palette`` picks the variant that suits
the application's current palette (a dark window background means dark variants), so the window follows
the system's light or dark mode and re-reads the theme when the palette changes.

Exports: ``RESOURCES``, ``Theme``, ``load_table``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QColor, QPalette

from ..engine import CLASSES

# resources/ sits beside the viewer package in the source tree (the app runs from a checkout or an
# editable install; packaging resources into a wheel is the packaging issue's job).
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
THEME_FILE = RESOURCES / "theme.toml"


@lru_cache(maxsize=1)
def load_table() -> dict:
    with open(THEME_FILE, "rb") as handle:
        table = tomllib.load(handle)
    missing = [cls for cls in CLASSES if cls not in table["classes"]]
    if missing:
        raise ValueError(f"{THEME_FILE}: no colour for {', '.join(missing)}")
    return table


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
