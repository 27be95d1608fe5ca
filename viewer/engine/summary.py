"""The one-sentence summary of a pair: which article quotes which, and how much.

The summary is written from the side of the article that quotes the other, whichever pane it is in: the
later one when both dates are known and differ; otherwise the one that names the other's outlet ("Teigen
told People") when only one does. When neither tells, the sentence names both without a direction (how
much of the text is shared says nothing: an interview is all quotes, a copied press release all shared).

Exports: ``quoting_side``, ``pair_summary``, ``Summary``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass



@dataclass(frozen=True)
class Summary:
    """``headline`` ("001 quotes People") and ``details`` (the figures), both plain text."""

    headline: str
    details: str


def _mentions(text: str, name: str) -> bool:
    return len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def quoting_side(comparison) -> str | None:
    """``"left"`` or ``"right"``: the article that quotes the other; None when it cannot be told."""
    left, right = comparison.left.document, comparison.right.document
    if left.date and right.date and left.date != right.date:
        return "right" if right.date > left.date else "left"
    # "Teigen told People": a re-report names the outlet it quotes. An outlet naming itself tells nothing.
    right_names_left = _mentions(right.text, left.outlet) and not _mentions(left.text, right.outlet)
    left_names_right = _mentions(left.text, right.outlet) and not _mentions(right.text, left.outlet)
    if right_names_left != left_names_right:
        return "right" if right_names_left else "left"
    return None


def pair_summary(comparison, left_label: str, right_label: str) -> Summary:
    """The stats line's sentence for ``comparison``, naming the sides ``left_label`` and ``right_label``."""
    quoting = quoting_side(comparison)
    altered = comparison.altered_quotes
    altered_text = f"{altered} quote{'s' if altered != 1 else ''} altered"
    extra = _corrections_text(comparison)
    if quoting is None:
        quotes = len(comparison.quote_passages)
        parts = [f"{quotes} shared quote{'s' if quotes != 1 else ''}", altered_text,
                 f"{comparison.left.stats.get('framing', 0):,} words of {left_label}'s own framing, "
                 f"{comparison.right.stats.get('framing', 0):,} of {right_label}'s"]
        return Summary(f"{left_label} and {right_label}", "; ".join(parts + extra))
    other = "left" if quoting == "right" else "right"
    labels = {"left": left_label, "right": right_label}
    quoter, source = getattr(comparison, quoting), getattr(comparison, other)
    q, o = labels[quoting], labels[other]
    parts = [f"{quoter.share('shared-quote'):.0%} of {q}'s words are {o}'s quotes"]
    if quoter.stats.get("shared-text"):
        parts.append(f"{quoter.share('shared-text'):.0%} is {o}'s narration")
    parts.append(altered_text)
    parts.append(f"{quoter.stats.get('framing', 0):,} words of {q}'s own framing")
    if source.document.date and quoter.document.date:
        parts.append(f"{o} {source.document.date}, {q} {quoter.document.date}")
    return Summary(f"{q} quotes {o}", "; ".join(parts + extra))


def _corrections_text(comparison) -> list[str]:
    applied, stale = len(getattr(comparison, "corrections", ())), len(getattr(comparison, "stale", ()))
    parts = []
    if applied:
        parts.append(f"{applied} reader correction{'s' if applied != 1 else ''}")
    if stale:
        parts.append(f"{stale} no longer matching")
    return parts
