"""Reports over engine results, plain Python, never Qt: self-contained HTML pages (``html``: the pair,
``story_html``: the whole story) and CSV and JSON tables (``tables``).

``write_report(documents, path, corrections=None, labels=None)`` writes the pair report for two documents
and the story report for more (``report_subject``: the comparison or the story it shows, ``export_text``: the
page of one); ``corrections`` (the reader's, ``{(hash_a, hash_b): corrections}`` by the
texts' ``content_hash``, as ``build_story`` takes them) are applied to the pair or the story, ``labels`` name
the story's documents.
"""

from __future__ import annotations

from pathlib import Path


def report_subject(documents, corrections=None, labels=None) -> tuple[str, object]:
    """``("pair", comparison)`` for two Documents, ``("story", story)`` for more; with ``corrections`` (even
    none), the comparison is a ``CorrectedComparison`` and the story has its ``reader`` counts."""
    if len(documents) == 2:
        from ..engine import compare
        from ..engine.corrections import content_hash, corrections_between, with_corrections

        comparison = compare(documents[0], documents[1])
        if corrections is not None:
            comparison = with_corrections(comparison, corrections_between(
                corrections, content_hash(documents[0].text), content_hash(documents[1].text)))
        return "pair", comparison
    from ..engine.story import build_story

    return "story", build_story(documents, corrections=corrections, labels=labels)


def build_report(documents, corrections=None, labels=None) -> tuple[str, str]:
    """``(kind, html)`` for a list of Documents: two give the "pair" report, more the "story" report."""
    kind, subject = report_subject(documents, corrections, labels)
    return kind, export_text(kind, subject if kind == "pair" else None, subject if kind == "story" else None)


def write_report(documents, path, corrections=None, labels=None) -> str:
    """Write the report for ``documents`` to ``path`` (UTF-8); returns its kind ("pair" or "story")."""
    kind, page = build_report(documents, corrections, labels)
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
