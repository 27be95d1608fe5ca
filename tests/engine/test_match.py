"""Shared passages on tiny literal texts: order, splits, edits, and sharing never invented."""

from __future__ import annotations

import pytest

from viewer.engine import MatchSettings, compare

FIRST = "The council approved the new budget for the river bridge after a long debate on Tuesday night."
SECOND = "Residents packed the hall and several of them demanded more money for schools and street lights."
THIRD = "The mayor promised that work on the bridge would start before the end of the coming summer."


def shared(result, side: str) -> list[str]:
    """The shared passages as text on one side, in that side's order."""
    text = getattr(result, side).document.text
    ranges = sorted((p.left_start, p.left_end) if side == "left" else (p.right_start, p.right_end)
                    for p in result.passages)
    return [text[start:end] for start, end in ranges]


def test_reordered_paragraphs_are_all_found():
    """Paragraphs moved around in the re-report are each matched to their original."""
    result = compare("\n\n".join([FIRST, SECOND, THIRD]), "\n\n".join([THIRD, SECOND, FIRST]))
    assert len(result.passages) == 3
    assert result.right.stats["framing"] == 0 and result.left.stats["framing"] == 0


def test_split_quote_with_tag_is_one_shared_quote_and_a_tag():
    """A quote split by 'she said' in the re-report is still shared, and the tag is attribution."""
    original = '"We will build the bridge before the summer ends and we will pay for it ourselves," Smith said.'
    reprint = '"We will build the bridge before the summer ends," she said. "And we will pay for it ourselves."'
    result = compare(original, reprint)
    classes = {reprint[span.start:span.end]: span.cls for span in result.right.spans}
    assert classes["she said."] == "attribution"
    assert result.right.stats["own-quote"] == 0 and result.right.stats["framing"] == 0


def test_altered_words_inside_a_quote_are_edits():
    """A quote reworded on the way is one shared passage whose changed words are marked on both sides."""
    original = '"We will build the new bridge over the river before the end of next year," she said.'
    reprint = '"We will build a new bridge across the river before the end of the year," she said.'
    result = compare(original, reprint)
    assert len(result.passages) == 1 and result.altered_quotes == 1
    passage = result.passages[0]
    assert [original[s:e] for s, e in passage.left_edits] == ["the", "over", "next"]
    assert [reprint[s:e] for s, e in passage.right_edits] == ["a", "across", "the"]


def test_typography_alone_is_no_edit():
    """Curly versus straight quotes, case and dashes do not count as altered words."""
    original = "“It’s a well–known fact that the town will pay for it,” she said."
    reprint = "\"It's a well-known fact that the Town will pay for it,\" she said."
    result = compare(original, reprint)
    assert len(result.passages) == 1 and result.altered_quotes == 0


@pytest.mark.parametrize("phrase", [
    "according to the",  # sourcing formula
    "in the United States",  # place formula
    "said in a statement on",  # press formula
    "at the end of the day",  # idiom of six words
])
def test_stock_phrases_invent_no_sharing(phrase):
    """Two articles on different stories that share only a stock phrase share no passage."""
    left = f"Wheat prices rose sharply, {phrase} farmers who spoke to reporters at the market."
    right = f"A new museum opened downtown, {phrase} organisers who expect crowds all weekend."
    assert compare(left, right).passages == ()


def test_short_shared_quote_is_found_but_not_a_fragment_of_a_longer_one():
    """A whole three-word quote both carry is shared; three words inside two different quotes are not."""
    result = compare('He told them "be a man" again.', 'She recalled the words "be a man" later.')
    assert len(result.passages) == 1
    fragments = compare('"I care that it is done and over," she said.', '"They said that it is wrong," he said.')
    assert fragments.passages == ()


def test_stray_word_before_a_shared_quote_is_not_shared():
    """A lone narration word both outlets happen to put before the same quote stays each one's framing."""
    left = 'Luna is like her mom. "She is a bit of a perfectionist, which I did not know," says Teigen.'
    right = 'Teigen spoke about her mom. "She is a bit of a perfectionist, which I did not know," she said.'
    result = compare(left, right)
    assert [left[s.start:s.end] for s in result.left.spans if s.cls == "shared-text"] == []


def test_min_words_setting_controls_narration_passages():
    """A five-word shared sentence counts only when the minimum is lowered to five."""
    left = "Heavy rain flooded the station. Trains stopped for hours."
    right = "Buses replaced trains for a day. Heavy rain flooded the station."
    assert compare(left, right).passages == ()
    assert len(compare(left, right, MatchSettings(min_words=5)).passages) == 1
