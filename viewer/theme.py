"""The one colour table, ``resources/theme.toml``, read without Qt.

The window (``viewer.qt.theme``) and the HTML reports (``viewer.report``) both take their colours from here,
so a report printed for an editor shows the same colours and legend sentences as the app.

Exports: ``RESOURCES``, ``THEME_FILE``, ``VARIANTS``, ``load_table``, ``colour``.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .engine import CLASSES

# resources/ sits beside the viewer package in the source tree (the app runs from a checkout or an
# editable install; packaging resources into a wheel is the packaging issue's job).
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
THEME_FILE = RESOURCES / "theme.toml"
VARIANTS = ("light", "dark")


@lru_cache(maxsize=1)
def load_table() -> dict:
    """The parsed table; raises ValueError naming the file when a class has no colour."""
    with open(THEME_FILE, "rb") as handle:
        table = tomllib.load(handle)
    missing = [cls for cls in CLASSES if cls not in table["classes"]]
    if missing:
        raise ValueError(f"{THEME_FILE}: no colour for {', '.join(missing)}")
    return table


def colour(cls: str, variant: str = "light", key: str = "") -> str | None:
    """A class's colour as ``#rrggbb``: its background, or ``key`` ("text") for that variant, or None.

    ``cls`` is one of the engine's classes, or ``altered`` / ``hover``, the table's two extra entries.
    """
    entry = load_table()["classes"].get(cls) or load_table()[cls]
    return entry.get(f"{key}_{variant}" if key else variant)
