"""Scroll-sync arithmetic: where the other pane should be when one pane shows a given position."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.engine import compare
from viewer.engine.sync import Anchor, SyncMap, sync_maps
from viewer.storage.importers import read_document

# Source text of 100 characters, target of 200: passage A at 10-20 -> 110-120, passage B at 50-70 -> 20-60
# (B comes first in the target: the target outlet moved it up).
REORDERED = SyncMap([Anchor(10, 20, 110, 120), Anchor(50, 70, 20, 60)], 100, 200)
IN_ORDER = SyncMap([Anchor(10, 20, 30, 40), Anchor(50, 70, 100, 140)], 100, 200)


@pytest.mark.parametrize("source_map, offset, expected", [
    (IN_ORDER, 0, 0),        # top of one text is the top of the other
    (IN_ORDER, 100, 200),    # and the end is the end
    (IN_ORDER, 5, 15),       # before the first passage: interpolate from the top to its start
    (IN_ORDER, 15, 35),      # inside a passage: proportional
    (IN_ORDER, 60, 120),     # inside a passage that is twice as long in the target
    (IN_ORDER, 35, 70),      # in the gap between passages in order: linear from 40 to 100
    (REORDERED, 15, 115),    # inside a passage: still proportional
    (REORDERED, 55, 30),     # inside the moved passage: follows it to where it moved
    (REORDERED, 25, 125),    # first half of a reordered gap: keep following the passage above
    (REORDERED, 45, 15),     # second half: lead into the passage below, wherever it is
    (REORDERED, 85, 130),    # after the last passage: interpolate from its end (60) to the end (200)
])
def test_counterpart_table(source_map, offset, expected):
    """Each row: a source offset and the target offset the other pane should show level with it."""
    assert source_map.counterpart(offset) == pytest.approx(expected)


def test_overlapping_passages_follow_the_innermost():
    """Where a headline passage and a body passage overlap, the one starting later decides."""
    overlapping = SyncMap([Anchor(0, 50, 0, 50), Anchor(10, 20, 300, 310)], 100, 400)
    assert overlapping.counterpart(15) == pytest.approx(305)
    assert overlapping.counterpart(30) == pytest.approx(30)


def test_seed_quotes_are_level_in_both_directions(seed_path):
    """Every shared passage of People against a re-report maps start to start, both ways."""
    # 002 moved People's headline quote into its body, so one passage runs against the order.
    result = compare(read_document(seed_path("003")), read_document(seed_path("002")))
    left_to_right, right_to_left = sync_maps(result)
    reordered = any(b.right_start < a.right_start for a, b in zip(result.passages, result.passages[1:]))
    assert reordered, "the seed pair should include a passage 002 moved"
    for passage in result.passages:
        middle_left = (passage.left_start + passage.left_end) / 2
        assert passage.right_start <= left_to_right.counterpart(middle_left) <= passage.right_end
        middle_right = (passage.right_start + passage.right_end) / 2
        assert passage.left_start <= right_to_left.counterpart(middle_right) <= passage.left_end


anchor_lists = st.lists(
    st.tuples(st.integers(0, 900), st.integers(1, 100), st.integers(0, 900), st.integers(1, 100)),
    max_size=8,
)


@given(anchor_lists, st.floats(-50, 1100, allow_nan=False))
def test_counterpart_stays_in_bounds(raw, offset):
    """Whatever the passages, the other pane is never asked to scroll outside its text."""
    anchors = [Anchor(a, a + n, b, b + m) for a, n, b, m in raw]
    mapping = SyncMap(anchors, 1000, 1000)
    assert 0 <= mapping.counterpart(offset) <= 1000


@given(st.integers(1, 5000), st.floats(0, 1))
def test_text_compared_with_itself_scrolls_identically(length, fraction):
    """Two identical texts (one passage covering all) scroll in lockstep."""
    mapping = SyncMap([Anchor(0, length, 0, length)], length, length)
    assert mapping.counterpart(fraction * length) == pytest.approx(fraction * length)
