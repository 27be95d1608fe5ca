"""Reports over engine results, plain Python, never Qt: self-contained HTML pages (``html``: the pair,
``story_html``: the whole story) and CSV and JSON tables (``tables``).

``write_report(documents, path)`` writes the pair report for two documents and the story report for more.
"""

from __future__ import annotations

from pathlib import Path


def build_report(documents) -> tuple[str, str]:
    """``(kind, html)`` for a list of Documents: two give the "pair" report, more the "story" report."""
    if len(documents) == 2:
        from ..engine import compare
        from .html import pair_report

        return "pair", pair_report(compare(documents[0], documents[1]))
    from ..engine.story import build_story
    from .story_html import story_report

    return "story", story_report(build_story(documents))


def write_report(documents, path) -> str:
    """Write the report for ``documents`` to ``path`` (UTF-8); returns its kind ("pair" or "story")."""
    kind, page = build_report(documents)
    Path(path).write_text(page, encoding="utf-8")
    return kind


# What File > Export Report… offers: kind -> (name in the dialog, file suffix).
EXPORTS = {
    "pair": ("Pair report, HTML", "html"),
    "story": ("Story report, HTML", "html"),
    "quotes-csv": ("Quote matrix, CSV", "csv"),
    "quotes-json": ("Quote matrix, JSON", "json"),
    "provenance-csv": ("Provenance, CSV", "csv"),
    "provenance-json": ("Provenance, JSON", "json"),
}


def export_text(kind: str, comparison=None, story=None, order: str = "reach") -> str:
    """The file's text for one of ``EXPORTS``: the pair kinds need ``comparison``, the others ``story``
    (``order``: the quote matrix's row order, as on screen)."""
    import json

    if kind == "pair":
        from .html import pair_report

        return pair_report(comparison)
    if kind == "story":
        from .story_html import story_report

        return story_report(story)
    from . import tables

    if kind.endswith("-csv"):
        return tables.quotes_csv(story, order) if kind == "quotes-csv" else tables.provenance_csv(story)
    data = tables.quotes_json(story, order) if kind == "quotes-json" else tables.provenance_json(story)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
