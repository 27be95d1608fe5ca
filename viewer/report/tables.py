"""The quote matrix and provenance of a story as JSON and CSV (the schemas are documented in the README).

JSON keeps everything a program needs (offsets into each document's text, every cell); CSV is for a
spreadsheet: one line per quotation with one column per document, or one line per ordered pair.

Exports: ``quotes_json``, ``quotes_csv``, ``provenance_json``, ``provenance_csv``, ``documents_json``.
"""

from __future__ import annotations

import csv
import io

from ..engine.story import Story, sort_rows

SHARE_DIGITS = 4  # decimals of a share (0..1) in the exports


def documents_json(story: Story) -> list[dict]:
    return [{"index": number, "label": story.label(number), "path": document.path, "title": document.title,
             "outlet": document.outlet, "date": document.date}
            for number, document in enumerate(story.documents)]


def _spans(spans) -> list[list[int]]:
    return [list(span) for span in spans]


def quotes_json(story: Story, order: str = "reach") -> dict:
    """``{"documents": [...], "quotes": [...]}``: every row with one cell per document."""
    return {
        "documents": documents_json(story),
        "quotes": [
            {"text": row.text, "speaker": row.speaker, "origin": row.origin, "origin_note": row.origin_note,
             "reach": row.reach, "first_appearance": row.first_appearance, "alteration": row.alteration,
             "cells": [{"document": number, "state": cell.state, "start": cell.start, "end": cell.end,
                        "pieces": _spans(cell.pieces), "carried": _spans(cell.carried),
                        "changes": [{"before": change.before, "after": change.after} for change in cell.changes],
                        "edits": _spans(cell.edits), "speaker": cell.speaker, "verb": cell.verb,
                        "summary": cell.summary}
                       for number, cell in enumerate(row.cells)]}
            for row in sort_rows(story.quotes, order)
        ],
    }


def quotes_csv(story: Story, order: str = "reach") -> str:
    """One line per quotation: its text, speaker, origin, reach and alteration, then each document's cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    labels = [story.label(number) for number in range(len(story.documents))]
    writer.writerow(["quote", "speaker", "origin", "origin_note", "reach", "alteration", *labels])
    for row in sort_rows(story.quotes, order):
        origin = labels[row.origin] if row.origin is not None else ""
        writer.writerow([row.text, row.speaker, origin, row.origin_note, row.reach, row.alteration,
                         *(cell.summary for cell in row.cells)])
    return out.getvalue()


def provenance_json(story: Story) -> dict:
    """``{"documents": [...], "links": [...], "sources": [...]}``: both directions of each sharing pair."""
    return {
        "documents": documents_json(story),
        "links": [{"document": link.document, "other": link.other, "words": link.words,
                   "share": round(link.share, SHARE_DIGITS), "quote_words": link.quote_words,
                   "quote_share": round(link.quote_share, SHARE_DIGITS), "passages": _spans(link.passages)}
                  for link in sorted(story.provenance, key=lambda link: (link.document, -link.share, link.other))],
        "sources": [{"document": source.document, "source": source.source,
                     "share": round(source.share, SHARE_DIGITS), "evidence": source.evidence,
                     "passages": _spans(source.passages)}
                    for source in story.sources],
    }


def provenance_csv(story: Story) -> str:
    """One line per ordered pair that shares text, biggest share first within each document."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["document", "other", "share", "words", "quote_share", "quote_words", "likely_source",
                     "evidence"])
    sources = {source.document: source for source in story.sources}
    for link in sorted(story.provenance, key=lambda link: (link.document, -link.share, link.other)):
        likely = sources[link.document].source == link.other
        writer.writerow([story.label(link.document), story.label(link.other), f"{link.share:.{SHARE_DIGITS}f}",
                         link.words, f"{link.quote_share:.{SHARE_DIGITS}f}", link.quote_words,
                         "yes" if likely else "", sources[link.document].evidence if likely else ""])
    return out.getvalue()
