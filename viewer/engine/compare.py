"""The whole comparison of two documents: passages, edits, classes and word counts.

``compare(left, right, settings)`` takes two ``Document`` objects or two strings and returns a
``Comparison``. The result for (right, left) is always the mirror image of the result for (left, right):
the pair is computed in one canonical order (the text that sorts first on the left) and mirrored back when needed, so the
tie-breaks inside greedy tiling can never make the answer depend on which pane a text sits in.

Exports: ``Side``, ``Comparison``, ``compare``.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from .classify import CHROME, CLASSES, TAG, Analysis, Span, analyse, classify
from .match import MatchSettings, Passage, find_matches
from .quotes import Quote
from .speakers import Attribution, QuoteSpeaker, Speech
from .text import Document, sentences


@dataclass(frozen=True)
class Side:
    """One text of a comparison: the document, its quotations and tags, its classed spans and word counts."""

    document: Document
    quotes: tuple[Quote, ...]
    speech: Speech = field(compare=False)  # its speech tags and speakers, resolved when first asked for
    spans: tuple[Span, ...]
    stats: dict[str, int] = field(hash=False)

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        """The speech tags, each with the speaker it names ("" when none can be read)."""
        return self.speech.tags

    @property
    def speakers(self) -> tuple[QuoteSpeaker, ...]:
        """Who said each depth-0 quotation, in order (``speaker`` None when the text does not say)."""
        return self.speech.speakers

    @property
    def words(self) -> int:
        return sum(self.stats.values())

    def share(self, cls: str) -> float:
        """Fraction (0..1) of this side's words that have class ``cls``."""
        return self.stats.get(cls, 0) / self.words if self.words else 0.0

    def sentences_of(self, cls: str, min_share: float = 0.5) -> list[tuple[int, int]]:
        """Sentences ``(start, end)`` in which at least ``min_share`` of the classed characters are ``cls``.

        This is what a reader calls "the outlet's framing sentences": whole sentences, not the fragments
        left between two quotes.
        """
        chosen = []
        spans = self.spans
        index = 0
        for start, end in sentences(self.document.text):
            while index < len(spans) and spans[index].end <= start:
                index += 1
            total = wanted = 0
            probe = index
            while probe < len(spans) and spans[probe].start < end:
                span = spans[probe]
                size = min(end, span.end) - max(start, span.start)
                total += size
                if span.cls == cls:
                    wanted += size
                probe += 1
            if total and wanted >= min_share * total:
                chosen.append((start, end))
        return chosen

    def to_json(self) -> dict:
        document = self.document
        return {"path": document.path, "title": document.title, "outlet": document.outlet,
                "date": document.date, "text": document.text,
                "quotes": [{"start": quote.start, "end": quote.end, "speaker": quote.speaker}
                           for quote in self.speakers]}


@dataclass(frozen=True)
class Comparison:
    """Two sides and the passages they share (ordered by left start, then right start; never overlapping).

    ``quote_passages`` are the indices of passages that carry a quotation: on one side at least, half
    their words are quoted, or ``settings.min_words`` of them are.
    """

    left: Side
    right: Side
    passages: tuple[Passage, ...]
    quote_passages: frozenset[int]
    settings: MatchSettings

    def swapped(self) -> Comparison:
        passages = [passage.swapped() for passage in self.passages]
        order = sorted(range(len(passages)), key=lambda index: (passages[index].left_start, passages[index].right_start))
        position = {old: new for new, old in enumerate(order)}
        return Comparison(
            self.right, self.left, tuple(passages[index] for index in order),
            frozenset(position[index] for index in self.quote_passages), self.settings,
        )

    @property
    def altered_quotes(self) -> int:
        """Shared quotations whose wording differs somewhere between the two sides."""
        return sum(1 for index in self.quote_passages
                   if self.passages[index].left_edits or self.passages[index].right_edits)

    def to_json(self) -> dict:
        """The documented JSON contract of ``framing-viewer compare --format json`` (see the README)."""
        return {
            "left": self.left.to_json(),
            "right": self.right.to_json(),
            "passages": [
                {"left": [passage.left_start, passage.left_end],
                 "right": [passage.right_start, passage.right_end],
                 "quote": index in self.quote_passages,
                 "edits": {"left": [list(edit) for edit in passage.left_edits],
                           "right": [list(edit) for edit in passage.right_edits]}}
                for index, passage in enumerate(self.passages)
            ],
            "spans": {side: [{"start": span.start, "end": span.end, "class": span.cls} for span in getattr(self, side).spans]
                      for side in ("left", "right")},
            "stats": {"left": dict(self.left.stats), "right": dict(self.right.stats)},
        }


def _as_document(value: Document | str) -> Document:
    return value if isinstance(value, Document) else Document.from_text(value)


def compare(left: Document | str, right: Document | str, settings: MatchSettings | None = None) -> Comparison:
    """Compare two documents (or plain strings); see the package docstring for the result's shape."""
    settings = settings or MatchSettings()
    left_document, right_document = _as_document(left), _as_document(right)
    with collector_paused():
        if right_document.text < left_document.text:
            return _compare(right_document, left_document, settings).swapped()
        return _compare(left_document, right_document, settings)


@contextmanager
def collector_paused():
    """Hold Python's cyclic garbage collector while comparing.

    A comparison allocates hundreds of thousands of small tuples and lists and frees none of them in
    cycles; the collector still walks them all each time its counters fill (about 15 % of the time for a
    200,000-word pair in ``make bench``). Reference counting frees everything as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compare(left_document: Document, right_document: Document, settings: MatchSettings) -> Comparison:
    left, right = analyse(left_document.text), analyse(right_document.text)
    matches = find_matches(
        left.text, left.tokens, right.text, right.tokens, settings,
        left.quoted, right.quoted, left.chrome, right.chrome, left.line_starts, right.line_starts,
    )
    # Left start, then right start: a fully determined order that swapping the sides cannot disturb.
    passages = sorted((_without_tag_edits(passage, left, right) for passage in matches.passages),
                      key=lambda passage: (passage.left_start, passage.right_start))
    quote_passages = frozenset(
        index for index, passage in enumerate(passages)
        if _quotes_in(left, passage.left_words, settings) or _quotes_in(right, passage.right_words, settings)
    )
    return Comparison(
        _side(left_document, left, [passage.left_words for passage in passages] + list(matches.left_echoes),
              [edit for passage in passages for edit in passage.left_edits]),
        _side(right_document, right, [passage.right_words for passage in passages] + list(matches.right_echoes),
              [edit for passage in passages for edit in passage.right_edits]),
        tuple(passages), quote_passages, settings,
    )


def _side(document: Document, analysis: Analysis, shared_words: list[tuple[int, int]], edited) -> Side:
    spans, stats = classify(analysis, shared_words, edited)
    return Side(document, analysis.quotes, analysis.speech, tuple(spans), stats)


def _quotes_in(analysis: Analysis, words: tuple[int, int], settings: MatchSettings) -> bool:
    """Whether a passage carries a quotation: half its words quoted, or a whole passage's worth of them.

    The second case is a press release copied with its quote: mostly narration, yet the quote in it is
    one a reader wants to find with "next quote".
    """
    start, end = words
    quoted = end - start - analysis.quoted.count(0, start, end)
    return quoted * 2 >= end - start or quoted >= settings.min_words


def _without_tag_edits(passage: Passage, left: Analysis, right: Analysis) -> Passage:
    """Drop 'edits' that are speech tags or chrome: "she said" inserted into a quote changes no wording."""
    def keep(analysis: Analysis, edits):
        return tuple(edit for edit in edits if analysis.zones[edit[0]] not in (TAG, CHROME))

    if not passage.left_edits and not passage.right_edits:
        return passage
    return Passage(passage.left_start, passage.left_end, passage.right_start, passage.right_end,
                   passage.left_words, passage.right_words, passage.matched_words,
                   keep(left, passage.left_edits), keep(right, passage.right_edits))


__all__ = ["Side", "Comparison", "compare", "collector_paused", "CLASSES"]
