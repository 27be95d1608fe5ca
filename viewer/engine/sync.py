"""Scroll-sync arithmetic: a position in one pane's text -> the matching position in the other's.

Plain numbers, no widgets: the window turns the line at a pane's anchor into a character offset, asks
``SyncMap.counterpart`` for the offset in the other text, and scrolls the other pane so that offset sits at
its own anchor line.

The algorithm (Meld's ``_sync_vscroll`` idea, extended to passages that moved):

* Inside a shared passage, the position moves proportionally through the counterpart passage, so both
  ends of a passage stay level while it scrolls by.
* The start and end of both texts are anchors too: the top of one text maps to the top of the other.
* Between two neighbouring anchors (in the source text's order) whose counterparts are in the same order,
  the position is interpolated linearly between the end of one and the start of the next.
* Between two anchors whose counterparts are *reordered* (the other outlet moved the quote), there is no
  straight line to follow. The first half of the gap keeps following the passage above it (one character
  for one character from its counterpart's end), the second half leads into the passage below it; the
  other pane jumps once, in the middle of the gap, where no shared text is on screen.
* Where two passages overlap in the source (a headline repeating a body quote), the one that starts
  later (the innermost) wins.

Results are clamped to ``[0, target_length]``. Offsets may be fractional (a position inside a line).

Exports: ``Anchor``, ``SyncMap``, ``sync_maps``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Anchor:
    """A stretch of the source text (``source_start`` to ``source_end``) and its counterpart in the target."""

    source_start: float
    source_end: float
    target_start: float
    target_end: float


class SyncMap:
    """Maps offsets of one text (the source) to offsets of the other (the target)."""

    def __init__(self, anchors: Iterable[Anchor], source_length: int, target_length: int):
        self.source_length = source_length
        self.target_length = target_length
        inner = sorted(anchors, key=lambda anchor: (anchor.source_start, anchor.source_end))
        # The two ends of the texts are empty anchors, so the gaps before the first passage and after the
        # last are ordinary gaps.
        self.anchors: tuple[Anchor, ...] = (
            Anchor(0, 0, 0, 0), *inner, Anchor(source_length, source_length, target_length, target_length)
        )
        self._starts = [anchor.source_start for anchor in self.anchors]
        # _reach[i]: index of the anchor with the furthest end among anchors[0..i]. It answers both "can an
        # anchor before i still contain this offset?" and "which passage did the text above end with?".
        self._reach: list[int] = []
        for number, anchor in enumerate(self.anchors):
            best = self._reach[-1] if self._reach else 0
            self._reach.append(number if anchor.source_end >= self.anchors[best].source_end else best)

    @classmethod
    def from_passages(cls, passages, left_length: int, right_length: int, source: str = "left") -> SyncMap:
        """The map from the ``source`` side ("left" or "right") of a comparison's passages to the other."""
        if source == "left":
            anchors = [Anchor(p.left_start, p.left_end, p.right_start, p.right_end) for p in passages]
            return cls(anchors, left_length, right_length)
        if source == "right":
            anchors = [Anchor(p.right_start, p.right_end, p.left_start, p.left_end) for p in passages]
            return cls(anchors, right_length, left_length)
        raise ValueError(f"source must be 'left' or 'right', not {source!r}")

    def counterpart(self, offset: float) -> float:
        """The target offset that corresponds to source ``offset``."""
        offset = min(max(offset, 0.0), float(self.source_length))
        index = bisect_right(self._starts, offset) - 1  # anchors[0..index] start at or before offset
        # Innermost containing anchor: walk back from the latest start while some earlier anchor still
        # reaches past the offset (one step unless passages overlap).
        candidate = index
        while candidate >= 0 and self.anchors[self._reach[candidate]].source_end > offset:
            anchor = self.anchors[candidate]
            if anchor.source_start <= offset < anchor.source_end:
                return self._clamp(_inside(anchor, offset))
            candidate -= 1
        before = self.anchors[self._reach[index]]
        after = self.anchors[min(index + 1, len(self.anchors) - 1)]
        return self._clamp(_between(before, after, offset))

    def _clamp(self, value: float) -> float:
        return min(max(value, 0.0), float(self.target_length))


def _inside(anchor: Anchor, offset: float) -> float:
    fraction = (offset - anchor.source_start) / (anchor.source_end - anchor.source_start)
    return anchor.target_start + fraction * (anchor.target_end - anchor.target_start)


def _between(before: Anchor, after: Anchor, offset: float) -> float:
    """A gap in the source between ``before`` (ends at or before offset) and ``after`` (starts after it)."""
    gap = after.source_start - before.source_end
    if gap <= 0:
        return after.target_start
    if before.target_end <= after.target_start:
        fraction = (offset - before.source_end) / gap
        return before.target_end + fraction * (after.target_start - before.target_end)
    # Reordered: follow the passage above for the first half, lead into the passage below for the second.
    if offset - before.source_end < gap / 2:
        return before.target_end + (offset - before.source_end)
    return after.target_start - (after.source_start - offset)


def sync_maps(comparison) -> tuple[SyncMap, SyncMap]:
    """Left-to-right and right-to-left maps for a ``Comparison``."""
    left_length = len(comparison.left.document.text)
    right_length = len(comparison.right.document.text)
    return (SyncMap.from_passages(comparison.passages, left_length, right_length, "left"),
            SyncMap.from_passages(comparison.passages, left_length, right_length, "right"))


__all__ = ["Anchor", "SyncMap", "sync_maps"]
