"""The one colour table, ``resources/theme.toml``, read without Qt.

The window (``viewer.qt.theme``) and the HTML reports (``viewer.report``) both take their colours from here,
so a report printed for an editor shows the same colours and legend sentences as the app.

Exports: ``RESOURCES``, ``THEME_FILE``, ``VARIANTS``, ``load_table``, ``colour``, ``state_colour``,
``state_legend``, ``blend``.
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


def state_colour(state: str, variant: str = "light") -> str | None:
    """The quote matrix's colour for a cell state (verbatim, altered, partial), None for absent."""
    cls = load_table().get("matrix", {}).get(state)
    return colour(cls, variant) if cls else None


def state_legend(state: str) -> str:
    """The sentence the legend shows for a cell state ("Verbatim: every word ...")."""
    return load_table()["matrix"][f"{state}_legend"]


def blend(base: str, fraction: float, variant: str = "light") -> str:
    """``base`` (#rrggbb) faded towards the page (white, or black for dark) as ``fraction`` goes 1 -> 0.

    The provenance heat map's cells: the stronger the share, the closer to the class colour.
    """
    page = 255 if variant == "light" else 30
    fraction = min(max(fraction, 0.0), 1.0)
    channels = [int(base[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(page + (value - page) * fraction):02x}" for value in channels)
