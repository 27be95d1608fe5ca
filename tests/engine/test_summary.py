"""The stats sentence: written from the side of the article that quotes the other, whichever pane it is in."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import SEED_FILES
from viewer.engine import compare
from viewer.engine.summary import pair_summary, quoting_side
from viewer.storage.importers import read_document


@pytest.fixture(scope="module")
def people():
    return dataclasses.replace(read_document(SEED_FILES["003"]), outlet="People")


@pytest.mark.parametrize("number", ["000", "001", "002"])  # each re-report names People, People names none of them
def test_the_re_report_quotes_people_whichever_side_it_is_on(people, number):
    """With the re-report on the left or on the right, the sentence says the re-report quotes People."""
    comparison = compare(people, read_document(SEED_FILES[number]))
    assert quoting_side(comparison) == "right" and quoting_side(comparison.swapped()) == "left"
    right_first = pair_summary(comparison, "People", number)
    left_first = pair_summary(comparison.swapped(), number, "People")
    assert right_first == left_first
    assert right_first.headline == f"{number} quotes People"
    assert right_first.details.startswith(f"{comparison.right.share('shared-quote'):.0%} of {number}'s words are People's quotes")
    assert f"words of {number}'s own framing" in right_first.details


def test_dates_decide_before_anything_else(people):
    """When both dates are known, the later article quotes the earlier, and the dates are said."""
    later_people = dataclasses.replace(people, date="2021-05-01")
    report = dataclasses.replace(read_document(SEED_FILES["001"]), date="2021-04-07")
    summary = pair_summary(compare(later_people, report), "People", "Site")
    assert summary.headline == "People quotes Site"
    assert "Site 2021-04-07, People 2021-05-01" in summary.details


def test_without_dates_or_outlets_the_sentence_takes_no_direction():
    """Two articles with no dates and no known outlets: the sentence names both and counts for each."""
    left = read_document(SEED_FILES["000"])
    right = read_document(SEED_FILES["002"])
    left, right = dataclasses.replace(left, date=""), dataclasses.replace(right, date="")
    comparison = compare(left, right)
    assert quoting_side(comparison) is None
    summary = pair_summary(comparison, "A", "B")
    assert summary.headline == "A and B"
    assert "words of A's own framing" in summary.details and "of B's" in summary.details
