"""Generated re-reports with a known answer: what the engine finds, what it misses, what it invents.

``bench.corpus`` writes an original article and a re-report of it whose every word remembers where it came
from, so the shared characters, the moved paragraphs, the edited quote words and the carried short quotes
are known exactly. Scores count word characters only (see ``char_scores``): punctuation takes a
neighbouring word's class by display convention, and shared speech tags may be shown either as
attribution or as shared.

The tiny literal tests at the end reproduce engine bugs these cases once found (a replaced word marked
on one side only, a match running over the first word of the next paragraph, neighbouring quotations
counted as one), so they stay fixed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from bench.corpus import STOCK_PHRASES, Changes, char_scores, moved_found, related_pair, unrelated_pair
from viewer.engine import compare

ARTICLE_WORDS = 2_500  # words per generated original: a long feature, and ~30 ms per comparison

# Each generated case turns one kind of change up (a fraction of 1.0 applies it to every paragraph or
# quotation concerned) and the others off; the last two mix them.
NOTHING = Changes(drop=0, move=0, edit=0, split=0, merge=0, swap_marks=0, framing=0, own_quotes=0, carry=0)
CASES = {
    "moved": (11, replace(NOTHING, move=0.5)),
    "dropped": (12, replace(NOTHING, drop=0.5, framing=0.5, own_quotes=0.2)),
    "split": (13, replace(NOTHING, split=1.0, move=0.2)),
    "edited": (14, replace(NOTHING, edit=1.0, move=0.2)),
    "merged": (15, replace(NOTHING, merge=1.0)),
    "marks": (16, replace(NOTHING, swap_marks=1.0, move=0.2)),
    "carried": (19, replace(NOTHING, drop=0.5, carry=1.0, framing=0.2)),
    "mixed": (17, Changes()),
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


def _uncovered(ranges, covering) -> list[tuple[int, int]]:
    """The ranges that no range of ``covering`` contains."""
    return [(start, end) for start, end in ranges
            if not any(cover_start <= start and end <= cover_end for cover_start, cover_end in covering)]


def _sides(pair, result):
    return ((result.left, pair.left_truth, pair.left), (result.right, pair.right_truth, pair.right))


# Recall and precision of shared word characters on each side. Measured on every row: recall at least
# 0.9996 (one narration stretch in "dropped"), precision 1.000, also for shared-quote alone. 0.99 leaves
# room for a stray word and still fails on a lost paragraph (1 % of a 2,500-word article is a paragraph
# of ~25 words) or on invented sharing of that size.
MIN_RECALL = 0.99
MIN_PRECISION = 0.99

SHARED_ROWS = [
    "moved",  # half of the paragraphs moved to random places; nothing else changes
    # half of the paragraphs dropped, new framing paragraphs and own quotes in their place; an own short
    # quote just before a shared quote must stay own (it once was painted shared)
    "dropped",
    "split",  # every quote paragraph cut in two with "she said" inserted, some paragraphs moved
    "edited",  # one word changed in every quotation, some paragraphs moved
    "merged",  # consecutive quote paragraphs joined into one quotation, the second speech tag dropped
    "marks",  # every paragraph's quote marks swapped, curly for straight
    # half of the paragraphs dropped, their short quotes carried into new sentences; own short quotes
    # before shared quotes stay own, as in "dropped"
    "carried",
    "mixed",  # the default mix of a re-report: some of everything
    "heavy",  # everything at once, heavily: most paragraphs moved, split, edited or new
]


@pytest.mark.parametrize("case", SHARED_ROWS)
def test_shared_words_are_found_and_none_invented(case):
    """Nearly every word the re-report took from the original is shown shared on both sides, and no other."""
    pair, result = _compared(case)
    for side, truth, text in _sides(pair, result):
        assert side.document.word_count == truth.word_count  # the ground truth counts the engine's words
        recall, precision = char_scores(text, truth.quote_words + truth.text_words, truth.tag_words,
                                        _spans(side, "shared-quote", "shared-text"))
        assert recall >= MIN_RECALL and precision >= MIN_PRECISION, (recall, precision)


@pytest.mark.parametrize("case", SHARED_ROWS)
def test_shared_quotes_and_shared_narration_keep_their_class(case):
    """Shared quotation words are shown as shared-quote and shared narration words as shared-text."""
    pair, result = _compared(case)
    for side, truth, text in _sides(pair, result):
        for words, cls in ((truth.quote_words, "shared-quote"), (truth.text_words, "shared-text")):
            recall, precision = char_scores(text, words, truth.tag_words, _spans(side, cls))
            assert recall >= MIN_RECALL and precision >= MIN_PRECISION, (cls, recall, precision)


@pytest.mark.parametrize("case", [
    "moved",  # 34 paragraphs moved, nothing else changed
    "split",  # moved quotes that are also split by "she said"
    # moved quotes with a changed word; a quote's first word must not go to the passage before it
    "edited",
    "marks",  # moved quotes with their marks swapped
    "mixed",  # the default mix
    "heavy",  # most paragraphs moved among every other change
])
def test_every_moved_paragraph_is_found(case):
    """Each paragraph the re-report moved is linked to its new place, covering 90 % of its words or more."""
    pair, result = _compared(case)
    assert len(pair.moved) >= 10  # the case really moves paragraphs
    assert moved_found(pair, _alignments(result)) == 1.0


@pytest.mark.parametrize("case", [
    # a changed word in every quotation, at any place in it, the first word too ("I" -> "Rascheang")
    "edited",
    "mixed",  # edits among the default mix of changes
    "heavy",  # among every other change; "a" -> "sairbot", "joostkoam" (letters of one inside the other)
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


@pytest.mark.parametrize("case", [
    "moved",  # identical paragraphs, only moved
    "dropped",  # own short quotes next to a shared quote are no edits of it
    "split",  # the inserted "she said" is no edit
    "edited",  # only changed words are edits, not a quote's equal first word
    "merged",  # the speech tag dropped between merged quotes is no edit
    "marks",  # swapped quote marks are no edits
    "carried",  # carried short quotes and own ones are no edits
    "mixed",  # the default mix
    "heavy",  # everything at once
])
def test_no_edit_is_invented(case):
    """Every edit the engine reports lies on a word the re-report really changed."""
    pair, result = _compared(case)
    left_edits = [edit for passage in result.passages for edit in passage.left_edits]
    right_edits = [edit for passage in result.passages for edit in passage.right_edits]
    invented = ([pair.left[slice(*edit)] for edit in _uncovered(left_edits, pair.left_truth.edited_words)],
                [pair.right[slice(*edit)] for edit in _uncovered(right_edits, pair.right_truth.edited_words)])
    assert invented == ([], [])


@pytest.mark.parametrize("case", [
    "carried",  # every short quote of the dropped paragraphs carried
    "mixed",  # half of them carried, among the default mix
    "heavy",  # half of them carried, among every other change
])
def test_carried_short_quotes_are_shared_quotes(case):
    """A short quote the re-report lifts out of a dropped paragraph into a sentence of its own is a shared quote."""
    pair, result = _compared(case)
    assert len(pair.carried) >= 3  # the case really carries short quotes
    for (side, _, text), ranges in zip(_sides(pair, result), zip(*pair.carried)):
        assert [text[slice(*quote)] for quote in _uncovered(ranges, _spans(side, "shared-quote"))] == []


# ---------------------------------------------------------------------------------------------------------
# The bugs above on tiny literal inputs.

@pytest.mark.parametrize("old, new", [
    ("a", "the"),  # no letter in common: both words marked
    ("said", "told"),  # same length, one letter shared
    pytest.param("in", "into"),  # "in" lies inside "into"
    pytest.param("a", "that"),  # "a" lies inside "that"
])
def test_a_replaced_word_is_marked_on_both_sides(old, new):
    """A word replaced inside a shared quote is an edit in both texts."""
    template = "“Every morning we walked with our children {} the old mill by the river,” she said."
    left, right = template.format(old), template.format(new)
    (passage,) = compare(left, right).passages
    assert [left[slice(*edit)] for edit in passage.left_edits] == [old]
    assert [right[slice(*edit)] for edit in passage.right_edits] == [new]


def test_reordered_quotes_that_start_alike_are_not_altered():
    """Two unaltered quotes that both begin with "This", moved apart, are reported with no edits."""
    tagged = "“Our town needs a new bridge over the river before winter comes, and everybody knows it,” she said."
    plan = "“This plan will cost the city more money than anyone expected.”"
    bridge = "“This bridge should have been built years ago.”"
    framing = "Residents have complained about the old crossing for a decade."
    result = compare("\n\n".join([tagged, plan, bridge]), "\n\n".join([tagged, bridge, framing, plan]))
    assert result.altered_quotes == 0
    assert all(not passage.left_edits and not passage.right_edits for passage in result.passages)


SHORT_QUOTE_ORIGINAL = ("The mayor called the plan “a complete disgrace”. “We will fight this decision in "
                        "every court of the land,” she said.")


@pytest.mark.parametrize("after", [
    "The council has not commented.",  # narration after the short quote
    pytest.param("“Nobody asked us anything before the vote,” he said."),  # a quote
])
def test_a_short_quote_is_shared_whatever_follows_it(after):
    """A three-word quote both outlets carry is a shared quote, whatever paragraph follows it."""
    reprint = f"One resident called it “a complete disgrace”.\n\n{after}"
    result = compare(SHORT_QUOTE_ORIGINAL, reprint)
    assert [reprint[passage.right_start:passage.right_end] for passage in result.passages] == ["a complete disgrace"]


def test_an_own_quote_before_a_shared_quote_stays_own():
    """A short quote only the re-report has, just before a shared quote, is neither shared nor an edit."""
    quote = "“We will fight this decision in every court of the land,” she said."
    result = compare(f"The council met on Monday.\n\n{quote}",
                     f"One resident called the plan “a complete disgrace”.\n\n{quote}")
    assert result.right.stats["own-quote"] == 3
    assert result.altered_quotes == 0


@pytest.mark.parametrize("seed, words", [
    (2, 800),  # two short news items
    (1, 2_500),  # two long features
    (3, 2_500),  # another pair: a different draw of stock phrases and speakers
    (4, 6_000),  # two long reads: every stock phrase, many chances of an accidental six-word run
])
def test_unrelated_articles_share_no_passage(seed, words):
    """Two articles on different stories that share only stock phrases have no passage in common."""
    left, right = unrelated_pair(seed, words)
    in_both = [phrase for phrase in STOCK_PHRASES if phrase in left and phrase in right]
    assert len(in_both) >= 3  # the pair really shares stock phrases, so the test can fail
    assert compare(left, right).passages == ()
