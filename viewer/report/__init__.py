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
