"""Generated re-reports with a known answer: what the engine finds, what it misses, what it invents.

``bench.corpus`` writes an original article and a re-report of it whose every word remembers where it came
from, so the shared characters, the moved paragraphs and the edited quote words are known exactly. Scores
count word characters only (see ``char_scores``): punctuation takes a neighbouring word's class by display
convention, and shared speech tags may be shown either as attribution or as shared.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from bench.corpus import STOCK_PHRASES, Changes, char_scores, moved_found, related_pair, unrelated_pair
from viewer.engine import compare

ARTICLE_WORDS = 2_500  # words per generated original: a long feature, and ~30 ms per comparison

# Every generated case, with one kind of change turned up (a fraction of 1.0 applies it to every paragraph
# or quotation concerned) and the others off, then all of them together.
NOTHING = Changes(drop=0, move=0, edit=0, split=0, merge=0, swap_marks=0, framing=0, own_quotes=0)
CASES = {
    # half of the paragraphs moved to random places; nothing else changes
    "moved": (11, replace(NOTHING, move=0.5)),
    # half of the paragraphs dropped, new framing paragraphs and own quotes in their place
    "dropped": (12, replace(NOTHING, drop=0.5, framing=0.5, own_quotes=0.2)),
    # every quote paragraph cut in two with "she said" inserted, some paragraphs moved
    "split": (13, replace(NOTHING, split=1.0, move=0.2)),
    # one word changed in every quotation long enough, some paragraphs moved
    "edited": (14, replace(NOTHING, edit=1.0, move=0.2)),
    # consecutive quote paragraphs of one speaker joined into one quotation, the second tag dropped
    "merged": (15, replace(NOTHING, merge=1.0)),
    # every paragraph's quote marks swapped, curly for straight
    "marks": (16, replace(NOTHING, swap_marks=1.0, move=0.2)),
    # the default mix of a re-report: some of everything
    "mixed": (17, Changes()),
    # everything at once, heavily: most paragraphs moved, split, edited or new
    "heavy": (18, Changes(drop=0.4, move=0.6, edit=1.0, split=0.6, merge=0.3, swap_marks=0.5, framing=0.6,
                          own_quotes=0.3)),
}


@cache
def _compared(case: str):
    seed, changes = CASES[case]
    pair = related_pair(seed, ARTICLE_WORDS, changes)
    return pair, compare(pair.left, pair.right)


def _spans(side, *classes) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in side.spans if span.cls in classes]


def _alignments(result) -> list[tuple[int, int, int, int]]:
    return [(*passage.left_words, *passage.right_words) for passage in result.passages]


# Recall and precision of shared word characters on each side. Measured on these cases: never below 0.998
# (a few words lost or added where a moved paragraph starts with the same word as its new neighbour's
# old one). 0.99 allows that and still fails on a lost paragraph (1 % of a 2,500-word article is a
# paragraph of ~25 words) or on invented sharing of the same size.
MIN_RECALL = 0.99
MIN_PRECISION = 0.99


@pytest.mark.parametrize("case", list(CASES))
def test_shared_words_are_found_and_none_invented(case):
    """Nearly every word the re-report took from the original is shown shared on both sides, and no other."""
    pair, result = _compared(case)
    for side, truth, text in ((result.left, pair.left_truth, pair.left), (result.right, pair.right_truth, pair.right)):
        assert side.document.word_count == truth.word_count  # the ground truth counts the engine's words
        recall, precision = char_scores(text, truth.quote_words + truth.text_words, truth.tag_words,
                                        _spans(side, "shared-quote", "shared-text"))
        assert recall >= MIN_RECALL and precision >= MIN_PRECISION, (recall, precision)


@pytest.mark.parametrize("case", list(CASES))
def test_shared_quotes_and_shared_narration_keep_their_class(case):
    """Shared quotation words are shown as shared-quote and shared narration words as shared-text."""
    pair, result = _compared(case)
    for side, truth, text in ((result.left, pair.left_truth, pair.left), (result.right, pair.right_truth, pair.right)):
        for words, cls in ((truth.quote_words, "shared-quote"), (truth.text_words, "shared-text")):
            recall, precision = char_scores(text, words, truth.tag_words, _spans(side, cls))
            assert recall >= MIN_RECALL and precision >= MIN_PRECISION, (cls, recall, precision)


@pytest.mark.parametrize("case", [case for case, (_, changes) in CASES.items() if changes.move])
def test_every_moved_paragraph_is_found(case):
    """Each paragraph the re-report moved is linked to its new place, covering 90 % of its words or more."""
    pair, result = _compared(case)
    assert len(pair.moved) >= 10  # the case really moves paragraphs
    assert moved_found(pair, _alignments(result)) == 1.0


def _uncovered(truth_ranges, found_ranges) -> list[tuple[int, int]]:
    return [(start, end) for start, end in truth_ranges
            if not any(found_start <= start and end <= found_end for found_start, found_end in found_ranges)]


# A word replaced by a longer word that holds its letters in order ("a" -> "that", "in" -> "into") is
# marked only on the longer side: edits come from a character diff, which aligns the short word's letters
# inside the long one. Reported to the engine's owner; strict, so the mark goes when it is fixed.
SUBSEQUENCE_EDITS = pytest.mark.xfail(strict=True, reason="replaced word whose letters appear in order in "
                                                          "its replacement is not marked on its own side")


@pytest.mark.parametrize("case", [
    pytest.param("edited", marks=SUBSEQUENCE_EDITS),  # 38 edits, some at a quote's first or last word;
                                                      # "I" and "a" became words holding an "i", an "a"
    "mixed",  # 10 edits among the default mix of changes
    "heavy",  # 14 edits among many splits, merges and moves
])
def test_edited_quote_words_are_marked_on_both_sides(case):
    """Every word changed inside a shared quotation is an edit of its passage, in the original and the re-report."""
    pair, result = _compared(case)
    assert pair.left_truth.edited_words  # the case really edits quotes
    left_edits = [edit for passage in result.passages for edit in passage.left_edits]
    right_edits = [edit for passage in result.passages for edit in passage.right_edits]
    missed = ([pair.left[slice(*edit)] for edit in _uncovered(pair.left_truth.edited_words, left_edits)],
              [pair.right[slice(*edit)] for edit in _uncovered(pair.right_truth.edited_words, right_edits)])
    assert missed == ([], [])


# A match grows over every equal word, also across a paragraph break: 'she said. “This' in both texts
# joins the first word of two different quotes to the passage before them. The quote then starts one word
# late, and stretching it to its quotation's start reports that word as edited. Reported to the engine's
# owner; strict, so the mark goes when it is fixed.
BOUNDARY_EDITS = pytest.mark.xfail(strict=True, reason="a match runs across a paragraph break over an "
                                                       "equal first word; the moved quote reports it as edited")


@pytest.mark.parametrize("case", [
    pytest.param("moved", marks=BOUNDARY_EDITS),  # identical paragraphs, only moved: "I" invented twice
    pytest.param("dropped", marks=BOUNDARY_EDITS),  # no edits at all; "It" invented in the re-report
    pytest.param("split", marks=BOUNDARY_EDITS),  # the inserted "she said" is no edit; "You" invented
    "edited",  # only the changed words are edits
    "merged",  # the speech tag dropped between merged quotes is no edit
    "marks",  # swapped quote marks are no edits
    pytest.param("mixed", marks=BOUNDARY_EDITS),  # some of everything; "They", "This" invented
    pytest.param("heavy", marks=BOUNDARY_EDITS),  # everything at once; "You" invented in the original
])
def test_no_edit_is_invented(case):
    """Every edit the engine reports lies on a word the re-report really changed."""
    pair, result = _compared(case)
    left_edits = [edit for passage in result.passages for edit in passage.left_edits]
    right_edits = [edit for passage in result.passages for edit in passage.right_edits]
    invented = ([pair.left[slice(*edit)] for edit in _uncovered(left_edits, pair.left_truth.edited_words)],
                [pair.right[slice(*edit)] for edit in _uncovered(right_edits, pair.right_truth.edited_words)])
    assert invented == ([], [])


@pytest.mark.parametrize("old, new", [
    ("a", "the"),  # no letter in common: both words marked
    ("said", "told"),  # same length, one letter shared
    pytest.param("in", "into", marks=SUBSEQUENCE_EDITS),  # "in" lies inside "into"
    pytest.param("a", "that", marks=SUBSEQUENCE_EDITS),  # "a" lies inside "that"
])
def test_a_replaced_word_is_marked_on_both_sides(old, new):
    """A word replaced inside a shared quote is an edit in both texts."""
    template = "“Every morning we walked with our children {} the old mill by the river,” she said."
    left, right = template.format(old), template.format(new)
    (passage,) = compare(left, right).passages
    assert [left[slice(*edit)] for edit in passage.left_edits] == [old]
    assert [right[slice(*edit)] for edit in passage.right_edits] == [new]


@BOUNDARY_EDITS
def test_reordered_quotes_that_start_alike_are_not_altered():
    """Two unaltered quotes that both begin with "This", moved apart, are reported with no edits."""
    tagged = "“Our town needs a new bridge over the river before winter comes, and everybody knows it,” she said."
    plan = "“This plan will cost the city more money than anyone expected.”"
    bridge = "“This bridge should have been built years ago.”"
    framing = "Residents have complained about the old crossing for a decade."
    result = compare("\n\n".join([tagged, plan, bridge]), "\n\n".join([tagged, bridge, framing, plan]))
    assert result.altered_quotes == 0
    assert all(not passage.left_edits and not passage.right_edits for passage in result.passages)


@pytest.mark.parametrize("seed, words", [
    (5, 800),  # two short news items
    (2, 2_500),  # two long features
    (3, 2_500),  # another pair: a different draw of stock phrases and speakers
    (4, 6_000),  # two long reads: every stock phrase, many chances of an accidental six-word run
])
def test_unrelated_articles_share_no_passage(seed, words):
    """Two articles on different stories that share only stock phrases have no passage in common."""
    left, right = unrelated_pair(seed, words)
    in_both = [phrase for phrase in STOCK_PHRASES if phrase in left and phrase in right]
    assert len(in_both) >= 3  # the pair really shares stock phrases, so the test can fail
    assert compare(left, right).passages == ()
