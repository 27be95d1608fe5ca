"""Provenance: what each document shares with each other one, and the earlier document it most likely used.

Only the candidate pairs of the n-gram index are aligned, each with the pair view's own ``compare`` (so the
percentages here are the pair view's: shared quotes plus shared narration over the words that are not page
chrome). Both directions come from one alignment.

A document's likely source is the *earlier* document it shares the most words with (at least
``MIN_SOURCE_SHARE`` of its words), except that an even earlier document sharing nearly as much
(``NEAR_BEST`` of it) is preferred: text passes down chains of copies, and a later copy that carries a little
more (a quote its own source dropped, which both took from the original) is not where the text came from.
Quotes every re-report carries thus count for the original interview, not for whichever re-report repeats
most of them. Earlier means an earlier date, or dated when the other is
undated (a re-report without a date is taken to follow the dated articles it shares text with); two
undated documents, or two of the same day, never count as each other's source, and the evidence says so.

Exports: ``MIN_SOURCE_SHARE``, ``NEAR_BEST``, ``links_for``, ``likely_sources``, ``is_earlier``.
"""

from __future__ import annotations

from ..compare import compare
from ..corrections import apply_corrections, reader_passages
from ..match import MatchSettings
from ..text import Document
from .model import LikelySource, SourceLink, document_labels

MIN_SOURCE_SHARE = 0.02  # of a document's words; less is a stray phrase, not a source (one quote of 500 words is 4 %)
NEAR_BEST = 0.9  # share of the most shared words at which an earlier document is preferred
EVIDENCE_PASSAGES = 3  # longest shared passages kept as evidence


def links_for(documents: list[Document], pairs, check=lambda: None, progress=lambda fraction: None,
              settings: MatchSettings | None = None, corrections=None, corrected=None) -> list[SourceLink]:
    """Both directions of every pair in ``pairs``, aligned with ``compare``; pairs sharing nothing are left out.

    ``corrections``: ``{(first, second): Correction tuple}`` (``first`` on the left) applied to that pair's
    comparison, as the pair view does, so a reader's link counts and an unlinked passage does not;
    ``corrected``, a dict, receives each such pair's ``CorrectedComparison`` (the quote matrix reads them).
    """
    links: list[SourceLink] = []
    pairs = list(pairs)
    corrections = corrections or {}
    for done, (first, second) in enumerate(pairs):
        check()
        if done % 16 == 0:
            progress(done / max(1, len(pairs)))
        result = compare(documents[first], documents[second], settings)
        if (first, second) in corrections:
            result = apply_corrections(result, corrections[first, second])
            if corrected is not None:
                corrected[first, second] = result
        if not result.passages:
            continue
        linked = [result.passages[index] for index in sorted(reader_passages(result))]
        links.append(_link(first, second, result.left, [(p.left_start, p.left_end) for p in result.passages],
                           [(p.left_start, p.left_end) for p in linked]))
        links.append(_link(second, first, result.right, [(p.right_start, p.right_end) for p in result.passages],
                           [(p.right_start, p.right_end) for p in linked]))
    return links


def _link(document: int, other: int, side, passages, linked=()) -> SourceLink:
    stats = side.stats
    quote_words = stats.get("shared-quote", 0)
    shared = quote_words + stats.get("shared-text", 0)
    words = side.words - stats.get("boilerplate", 0)
    quoted = quote_words + stats.get("own-quote", 0)
    return SourceLink(document, other, shared, shared / words if words else 0.0, quote_words,
                      quote_words / quoted if quoted else 0.0, tuple(sorted(passages)), tuple(sorted(linked)))


def is_earlier(candidate: Document, document: Document) -> bool:
    """Whether ``candidate`` can have been a source of ``document`` by their dates."""
    if candidate.date and document.date:
        return candidate.date < document.date
    return bool(candidate.date) and not document.date


def likely_sources(documents: list[Document], links: list[SourceLink], label=None) -> list[LikelySource]:
    """One ``LikelySource`` per document (see the module docstring for the rule); ``label(number)`` names
    the documents in the evidence (``document_label`` when not given)."""
    by_document: dict[int, list[SourceLink]] = {number: [] for number in range(len(documents))}
    for link in links:
        by_document[link.document].append(link)
    label = label or document_labels(documents).__getitem__
    found = []
    for number, document in enumerate(documents):
        ranked = sorted(by_document[number], key=lambda link: (-link.share, link.other))
        earlier = [link for link in ranked
                   if is_earlier(documents[link.other], document) and link.share >= MIN_SOURCE_SHARE]
        if not earlier:
            found.append(LikelySource(number, None, 0.0, _no_source(document, ranked, documents, label)))
            continue
        most = max(link.words for link in earlier)
        # Text passes down a chain of copies: a later copy carrying a little more than its own source (a
        # quote the source dropped, taken from the original) must not hide that source.
        best = min((link for link in earlier if link.words >= NEAR_BEST * most), key=lambda link: link.other)
        source = documents[best.other]
        words = round(best.words / best.share) if best.share else 0
        evidence = (f"{best.share:.0%} of {label(number)} ({best.words} of {words} words) is text also in "
                    f"{label(best.other)}, in {len(best.passages)} passage{'s' if len(best.passages) != 1 else ''}"
                    f", {best.quote_words} of them quoted words; {label(best.other)} is dated {source.date}"
                    f"{', ' + label(number) + ' ' + document.date if document.date else ', ' + label(number) + ' is undated'}")
        others = [link for link in earlier if link is not best]
        if others:
            runner = max(others, key=lambda link: (link.words, -link.other))
            why = ""
            if runner.other > best.other and runner.words >= best.words:
                # Documents of one day keep the order given: the runner is not later, only listed after.
                why = (f" (same date as {label(best.other)}, which is listed first)"
                       if documents[runner.other].date == source.date else " (later, so not the source)")
            evidence += f"; next: {label(runner.other)} with {runner.share:.0%}{why}"
        longest = sorted(best.passages, key=lambda span: span[0] - span[1])[:EVIDENCE_PASSAGES]
        found.append(LikelySource(number, best.other, best.share, evidence, tuple(longest)))
    return found


def _no_source(document: Document, ranked: list[SourceLink], documents, label) -> str:
    if not ranked:
        return "shares no passage with any other document"
    best = ranked[0]
    other = documents[best.other]
    if not document.date and not other.date:
        why = "both are undated, so neither can be called the source"
    elif document.date and other.date and document.date == other.date:
        why = f"both are dated {document.date}"
    elif best.share < MIN_SOURCE_SHARE:
        why = f"under the {MIN_SOURCE_SHARE:.0%} a source needs"
    else:
        why = "it is not earlier"
    return f"no earlier source: shares most with {label(best.other)} ({best.share:.0%}), but {why}"
