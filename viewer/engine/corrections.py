"""A reader's corrections to a comparison: link, unlink, reclassify, and name a quote's speaker.

Matching is heuristic; a journalist who has read both articles knows better. ``apply_corrections`` runs
after matching and changes exactly what each correction covers:

``link``     ``left`` and ``right`` ranges become one shared passage (``cls``: ``shared-quote`` or
             ``shared-text``). Engine passages the link overlaps on either side are replaced by it (their
             other characters become unshared); speech tags and page chrome inside keep their class.
``unlink``   every passage overlapping ``left`` on the left *and* ``right`` on the right is dropped; its
             characters become unshared (``shared-quote`` -> ``own-quote``, ``shared-text`` ->
             ``framing``) unless another passage still covers them.
``mark``     every non-space character of the one given range (``left`` or ``right``) gets class ``cls``.
``speaker``  the quotation at the one given range is said by ``speaker`` ("" clears it).

Corrections apply in order, so a later one wins where two overlap. Each carries the text it covered when
it was made (``left_text`` / ``right_text``): one whose text no longer sits at its offsets (the document
was extracted again) is *stale*, never applied and never moved, and listed in ``stale``.

The result is a ``CorrectedComparison``: a ``Comparison`` whose spans are cut at the corrections' edges,
so each span is wholly the reader's or wholly the engine's, with ``reader_passages``, ``left_reader`` /
``right_reader`` (character ranges the reader changed), ``speakers`` and ``stale``; its JSON marks
passages and spans with ``"source": "reader"`` or ``"engine"``. Swapping the sides commutes with
applying: ``apply(c.swapped(), [x.swapped() for x in xs]) == apply(c, xs).swapped()``.

Exports: ``Correction``, ``CorrectedComparison``, ``apply_corrections``, ``reader_marks``, ``reader_passages``,
``KINDS``, ``LINK_CLASSES``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from .classify import ATTRIBUTION, BOILERPLATE, CLASSES, FRAMING, OWN_QUOTE, SHARED_QUOTE, SHARED_TEXT, Span
from .compare import Comparison, Side
from .match import Passage

KINDS = ("link", "unlink", "mark", "speaker")
LINK_CLASSES = (SHARED_QUOTE, SHARED_TEXT)  # what a link may say the shared passage is
READER, ENGINE = "reader", "engine"
_UNSHARED = {SHARED_QUOTE: OWN_QUOTE, SHARED_TEXT: FRAMING}  # what a character is once no passage covers it
_KEPT_BY_LINK = (ATTRIBUTION, BOILERPLATE)  # a speech tag inside a linked quote is still a speech tag

Range = tuple[int, int]


@dataclass(frozen=True)
class Correction:
    """One correction. ``left`` / ``right``: ``(start, end)`` character ranges (end exclusive) into each
    side's text, or None where the correction does not touch that side; ``left_text`` / ``right_text``:
    the text they covered when made."""

    kind: str
    left: Range | None = None
    right: Range | None = None
    cls: str = ""
    speaker: str = ""
    left_text: str = ""
    right_text: str = ""
    source: str = READER

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown correction {self.kind!r}; one of {', '.join(KINDS)}")
        both = self.kind in ("link", "unlink")
        if both and (self.left is None or self.right is None):
            raise ValueError(f"a {self.kind} needs a range on both sides")
        if not both and (self.left is None) == (self.right is None):
            raise ValueError(f"a {self.kind} needs a range on exactly one side")
        if self.kind == "link" and self.cls not in LINK_CLASSES:
            raise ValueError(f"a link is {' or '.join(LINK_CLASSES)}, not {self.cls!r}")
        if self.kind == "mark" and self.cls not in CLASSES:
            raise ValueError(f"unknown class {self.cls!r}")
        for value in (self.left, self.right):
            if value is not None and not 0 <= value[0] < value[1]:
                raise ValueError(f"an empty or reversed range {value}")

    @classmethod
    def made(correction_type, kind: str, left_text: str, right_text: str, left: Range | None = None,
             right: Range | None = None, **fields) -> Correction:
        """A correction over the two texts shown, recording the text each range covers now.

        (Its first parameter is not ``cls``: corrections have a field of that name.)"""
        return correction_type(kind, left, right, left_text=left_text[left[0]:left[1]] if left else "",
                   right_text=right_text[right[0]:right[1]] if right else "", **fields)

    def swapped(self) -> Correction:
        return replace(self, left=self.right, right=self.left, left_text=self.right_text, right_text=self.left_text)

    def matches(self, left_text: str, right_text: str) -> bool:
        """Whether each range still covers the text it covered when the correction was made."""
        return all(where is None or (where[1] <= len(text) and text[where[0]:where[1]] == covered)
                   for where, text, covered in ((self.left, left_text, self.left_text),
                                                (self.right, right_text, self.right_text)))

    def describe(self) -> str:
        """The correction in a few words, for menus, undo and messages."""
        if self.kind == "link":
            return "link as shared " + ("quote" if self.cls == SHARED_QUOTE else "narration")
        if self.kind == "mark":
            return f"mark as {self.cls}"
        if self.kind == "speaker":
            return f"speaker {self.speaker}" if self.speaker else "clear speaker"
        return "unlink"


@dataclass(frozen=True)
class CorrectedComparison(Comparison):
    """A comparison with a reader's corrections applied (see the module docstring)."""

    corrections: tuple[Correction, ...] = ()  # the ones applied, in order
    stale: tuple[Correction, ...] = ()  # the ones whose text no longer matches: not applied
    reader_passages: frozenset[int] = frozenset()  # indices into ``passages`` the reader linked
    left_reader: tuple[Range, ...] = ()  # merged character ranges whose class the reader decided
    right_reader: tuple[Range, ...] = ()
    speakers: tuple[Correction, ...] = field(default=())  # the speaker corrections in force

    def swapped(self) -> CorrectedComparison:
        plain = Comparison.swapped(self)
        reader = {self.passages[index].swapped() for index in self.reader_passages}
        return CorrectedComparison(
            plain.left, plain.right, plain.passages, plain.quote_passages, plain.settings,
            tuple(c.swapped() for c in self.corrections), tuple(c.swapped() for c in self.stale),
            frozenset(index for index, passage in enumerate(plain.passages) if passage in reader),
            self.right_reader, self.left_reader, tuple(c.swapped() for c in self.speakers),
        )

    def reader_ranges(self, side: str) -> tuple[Range, ...]:
        return self.left_reader if side == "left" else self.right_reader

    def speaker_at(self, side: str, offset: int) -> Correction | None:
        """The reader's speaker correction covering ``offset`` on ``side``, or None."""
        for correction in reversed(self.speakers):
            where = getattr(correction, side)
            if where is not None and where[0] <= offset < where[1]:
                return correction
        return None

    def to_json(self) -> dict:
        result = super().to_json()
        for index, passage in enumerate(result["passages"]):
            passage["source"] = READER if index in self.reader_passages else ENGINE
        for side in ("left", "right"):
            ranges = self.reader_ranges(side)
            for span in result["spans"][side]:
                span["source"] = READER if _inside(ranges, span["start"]) else ENGINE
        result["corrections"] = [_correction_json(c) for c in self.corrections]
        result["stale_corrections"] = [_correction_json(c) for c in self.stale]
        return result


def _correction_json(correction: Correction) -> dict:
    return {"kind": correction.kind, "left": list(correction.left) if correction.left else None,
            "right": list(correction.right) if correction.right else None, "class": correction.cls,
            "speaker": correction.speaker, "source": correction.source}


def apply_corrections(comparison: Comparison, corrections) -> Comparison:
    """``comparison`` with ``corrections`` applied in order; unchanged when there are none."""
    corrections = tuple(corrections)
    if not corrections:
        return comparison
    left_text, right_text = comparison.left.document.text, comparison.right.document.text
    state = _State(comparison)
    applied, stale = [], []
    for correction in corrections:
        if not correction.matches(left_text, right_text):
            stale.append(correction)
            continue
        applied.append(correction)
        getattr(state, correction.kind)(correction)
    return state.result(comparison, tuple(applied), tuple(stale))


class _State:
    """The passages and both sides' spans while corrections are applied one after another."""

    def __init__(self, comparison: Comparison):
        # Each passage with whether it carries a quote and whether the reader made it.
        self.passages = [(passage, index in comparison.quote_passages, False)
                         for index, passage in enumerate(comparison.passages)]
        self.sides = {"left": comparison.left, "right": comparison.right}
        self.spans = {"left": list(comparison.left.spans), "right": list(comparison.right.spans)}
        self.reader: dict[str, list[Range]] = {"left": [], "right": []}
        self.speakers: list[Correction] = []

    # The four kinds ---------------------------------------------------------------------------------
    def link(self, correction: Correction) -> None:
        left, right = correction.left, correction.right
        gone = [item for item in self.passages
                if _overlaps(_range(item[0], "left"), left) or _overlaps(_range(item[0], "right"), right)]
        self._drop(gone, {"left": left, "right": right})
        for side, where in (("left", left), ("right", right)):
            self._paint(side, where, lambda cls: cls if cls in _KEPT_BY_LINK else correction.cls)
        self.passages.append((self._passage(left, right), correction.cls == SHARED_QUOTE, True))

    def unlink(self, correction: Correction) -> None:
        gone = [item for item in self.passages
                if _overlaps(_range(item[0], "left"), correction.left)
                and _overlaps(_range(item[0], "right"), correction.right)]
        self._drop(gone, {})

    def mark(self, correction: Correction) -> None:
        side = "left" if correction.left is not None else "right"
        self._paint(side, getattr(correction, side), lambda cls: correction.cls)

    def speaker(self, correction: Correction) -> None:
        side = "left" if correction.left is not None else "right"
        where = getattr(correction, side)
        self.speakers = [c for c in self.speakers if getattr(c, side) != where]
        self.speakers.append(correction)

    # Helpers ----------------------------------------------------------------------------------------
    def _drop(self, gone, spared: dict[str, Range]) -> None:
        """Remove passages ``gone``; their characters no other passage (nor ``spared``) covers are unshared."""
        if not gone:
            return
        gone_ids = {id(item) for item in gone}
        self.passages = [item for item in self.passages if id(item) not in gone_ids]
        for side in ("left", "right"):
            still = [_range(item[0], side) for item in self.passages]
            if side in spared:
                still.append(spared[side])
            for item in gone:
                whole = _range(item[0], side)
                holes = [hole for hole in still if _overlaps(hole, whole)]
                for piece in _subtract(whole, holes):
                    self._paint(side, piece, lambda cls: _UNSHARED.get(cls, cls))

    def _paint(self, side: str, where: Range, recolour) -> None:
        """Give the non-space characters of ``where`` the class ``recolour(old class)``; spans are cut at
        its edges, so the reader's part and the engine's part never share a span."""
        text = self.sides[side].document.text
        start, end = where
        spans = self.spans[side]
        # Spans are in order and never overlap: both their starts and their ends are sorted.
        first = bisect_right(spans, start, key=_span_end)
        last = bisect_left(spans, end, key=_span_start)
        pieces = []
        for span in spans[first:last]:
            pieces += _trimmed(text, span.start, start, span.cls)
            pieces += _trimmed(text, max(span.start, start), min(span.end, end), recolour(span.cls))
            pieces += _trimmed(text, end, span.end, span.cls)
        spans[first:last] = pieces
        self.reader[side].append(where)

    def _passage(self, left: Range, right: Range) -> Passage:
        words = {}
        for side, (start, end) in (("left", left), ("right", right)):
            tokens = self.sides[side].document.tokens
            words[side] = (tokens.index_at(start), max(tokens.index_at(end - 1) + 1, tokens.index_at(start)))
        return Passage(left[0], left[1], right[0], right[1], words["left"], words["right"],
                       min(words["left"][1] - words["left"][0], words["right"][1] - words["right"][0]))

    def result(self, comparison: Comparison, applied, stale) -> CorrectedComparison:
        ordered = sorted(self.passages, key=lambda item: (item[0].left_start, item[0].right_start))
        sides = {side: _restated(self.sides[side], self.spans[side]) for side in ("left", "right")}
        return CorrectedComparison(
            sides["left"], sides["right"], tuple(item[0] for item in ordered),
            frozenset(index for index, item in enumerate(ordered) if item[1]), comparison.settings,
            applied, stale, frozenset(index for index, item in enumerate(ordered) if item[2]),
            _merged(self.reader["left"]), _merged(self.reader["right"]), tuple(self.speakers),
        )


def _restated(side: Side, spans: list[Span]) -> Side:
    """``side`` with new spans and its word counts taken again from them (a word counts by its first character)."""
    word_starts = side.document.tokens.starts
    stats = {cls: 0 for cls in CLASSES}
    for span in spans:  # per span, not per word: a 200,000-word side has a few thousand spans
        stats[span.cls] += bisect_left(word_starts, span.end) - bisect_left(word_starts, span.start)
    return replace(side, spans=tuple(spans), stats=stats)


def _span_end(span: Span) -> int:
    return span.end


def _span_start(span: Span) -> int:
    return span.start


def _trimmed(text: str, start: int, end: int, cls: str) -> list[Span]:
    """A span over ``text[start:end]`` without its outer spaces, or none when only spaces are left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end, cls)] if start < end else []


def _range(passage: Passage, side: str) -> Range:
    return (passage.left_start, passage.left_end) if side == "left" else (passage.right_start, passage.right_end)


def _overlaps(first: Range, second: Range) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _subtract(whole: Range, holes: list[Range]) -> list[Range]:
    """The parts of ``whole`` no range in ``holes`` covers."""
    pieces, position = [], whole[0]
    for start, end in sorted(holes):
        if end <= position or start >= whole[1]:
            continue
        if start > position:
            pieces.append((position, start))
        position = max(position, end)
    if position < whole[1]:
        pieces.append((position, whole[1]))
    return pieces


def _merged(ranges: list[Range]) -> tuple[Range, ...]:
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def _inside(ranges: tuple[Range, ...], offset: int) -> bool:
    position = bisect_right(ranges, (offset, float("inf"))) - 1
    return position >= 0 and ranges[position][0] <= offset < ranges[position][1]


def reader_passages(comparison: Comparison) -> frozenset[int]:
    """Indices of the passages a reader linked (none for a plain comparison)."""
    return getattr(comparison, "reader_passages", frozenset())


def reader_marks(comparison: Comparison, side: str) -> tuple[Range, ...]:
    """Character ranges of ``side`` a reader corrected: classes set, links, and quotes given a speaker."""
    if not isinstance(comparison, CorrectedComparison):
        return ()
    speakers = [getattr(correction, side) for correction in comparison.speakers if getattr(correction, side)]
    return _merged([*comparison.reader_ranges(side), *speakers])


__all__ = ["Correction", "CorrectedComparison", "apply_corrections", "reader_marks", "reader_passages", "KINDS", "LINK_CLASSES"]
