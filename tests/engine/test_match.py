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
    # (Paddington and flooded are rare words: a short run of only common ones is a stock phrase, see below.)
    left = "Heavy rain flooded Paddington station. Trains stopped for hours."
    right = "Buses replaced trains for a day. Heavy rain flooded Paddington station."
    assert compare(left, right).passages == ()
    assert len(compare(left, right, MatchSettings(min_words=5)).passages) == 1


def test_decomposed_accents_match_composed_ones():
    """Text pasted in decomposed Unicode (e + combining accent) is the same text as the composed form."""
    import unicodedata

    text = "The café owner José Núñez said the cafés would stay open all winter despite the costs."
    result = compare(text, unicodedata.normalize("NFD", text))
    assert len(result.passages) == 1 and not result.passages[0].left_edits and not result.passages[0].right_edits
    assert result.right.stats["framing"] == 0


def test_words_an_outlet_inserts_into_copied_narration_are_its_framing():
    """A sentence added inside copied press-release text is the outlet's own, not shared text."""
    release = ("The company reported revenue of four billion dollars for the quarter, up twelve percent. "
               "Its board approved a new share buyback programme worth two billion dollars.")
    article = ("The company reported revenue of four billion dollars for the quarter, up twelve percent. "
               "Analysts expected less. Its board approved a new share buyback programme worth two billion dollars.")
    result = compare(release, article)
    classes = {article[s.start:s.end]: s.cls for s in result.right.spans}
    assert classes.get("Analysts expected less.") == "framing", classes


def test_a_quote_inside_copied_narration_is_still_a_shared_quote():
    """A press release copied whole with its CEO quote is found by 'next quote': the passage counts as a quote."""
    release = ('Acme Corp reported record revenue for the third quarter on Monday. "This was an outstanding '
               'quarter for our customers and our people," said chief executive Jane Smith in the release.')
    article = "Markets rose. " + release + " Shares fell later."
    result = compare(release, article)
    assert len(result.passages) == 1 and result.quote_passages == frozenset({0})


def test_newsroom_formulas_invent_no_sharing():
    """Two unrelated wire stories ending in the same newsroom formulas share nothing."""
    rates = ("Interest rates rose by half a point on Tuesday. The central bank did not immediately respond to "
             "a request for comment. The Associated Press contributed to this report.")
    storm = ("A storm hit the coast overnight, cutting power to thousands. The utility did not immediately "
             "respond to a request for comment. The Associated Press contributed to this report.")
    assert compare(rates, storm).passages == ()


def test_altered_ending_shows_when_one_quote_runs_on():
    """A quote whose end was changed and shortened still shows its altered last words as edits."""
    original = '"We will build the new bridge over the river before the end of next year, whatever the cost," she said.'
    reprint = '"We will build the new bridge over the river before the end of the year," she said.'
    result = compare(original, reprint)
    assert result.altered_quotes == 1
    assert [original[s:e] for s, e in result.passages[0].left_edits] == ["next", "whatever the cost"]


def test_quoting_more_of_a_sentence_is_not_an_alteration():
    """A headline quoting the end of a sentence that the article quotes whole shows no altered words."""
    headline = 'Teigen says her son "wears his heart on his sleeve, and we embrace that"'
    article = 'Teigen explained. "He is a lot like me too. He wears his heart on his sleeve, and we embrace that."'
    result = compare(headline, article)
    assert len(result.passages) == 1 and result.altered_quotes == 0


@pytest.mark.parametrize("replacement", ["good", "good and for all"])  # gaps of equal or unequal size
def test_sentence_an_article_repeats_goes_to_the_copy_beside_the_rest_of_the_passage(replacement):
    """A sentence the re-report prints twice is matched where it continues the copied paragraph."""
    left = ("The council voted on Tuesday to close the old river bridge for repairs. "
            "Engineers found cracks in two of its steel beams last month.")
    right = ("Engineers found cracks in two of its steel beams last month. The mayor spoke first.\n\n"
             f"The council voted on Tuesday to close the old river bridge for {replacement}. "
             "Engineers found cracks in two of its steel beams last month.")
    result = compare(left, right)
    assert len(result.passages) == 1
    passage = result.passages[0]
    assert right[passage.right_start:].startswith("The council voted")
    assert [left[s:e] for s, e in passage.left_edits] == ["repairs"]
    assert [right[s:e] for s, e in passage.right_edits] == [replacement]


# Each row: two articles where one sentence of a quote is repeated nearby in different words; no word that
# another passage matches identically may be reported as altered.
NO_FALSE_ALTERATION = [
    # AP style: the re-report quotes a short version right after the shared sentence, the full one later.
    ('"The money is there and the parents want it open. There is no plan to close the school," Smith said.',
     '"The money is there and the parents want it open." "No plan to close the school," he said. Asked '
     'again on Friday, he repeated: "There is no plan to close the school."'),
    # NYT style (seed 001 against 002 in miniature): "Mr. Diaz said" after the shared quote.
    ('“We will pay for every repair ourselves. There is no plan to raise the fares,” Mr. Diaz said.',
     '“We will pay for every repair ourselves.” “No plan to raise the fares” was the promise. “There is no '
     'plan to raise the fares,” Mr. Diaz said.'),
    # Tabloid style: the headline's short version, then the whole quote in the body.
    ('The star said: "I never wanted the fame. I just wanted to sing for my family every night."',
     'I just wanted to sing\n\nThe star told the magazine: "I never wanted the fame." She added: "I just '
     'wanted to sing for my family every night."'),
]


@pytest.mark.parametrize("left, right", NO_FALSE_ALTERATION)
def test_words_matched_elsewhere_are_in_one_passage_and_never_altered(left, right):
    """A quote both outlets carry whole is one passage, not also linked to a shorter variant, and not altered."""
    result = compare(left, right)
    assert result.altered_quotes == 0, [(left[p.left_start:p.left_end], p.left_edits) for p in result.passages]
    for side in ("left_words", "right_words"):
        ranges = sorted(getattr(passage, side) for passage in result.passages)
        assert all(end <= start for (_, end), (start, _) in zip(ranges, ranges[1:])), ranges


# Each row: two outlets' sentences sharing a short run of narration made only of common words: any article
# on the subject says it, so it is no copying (issue 7's "as White House chief of staff,").
BANAL = [
    ("Mick Mulvaney, who will serve as White House chief of staff, met donors on Friday.",
     "The budget director, named as White House chief of staff, spoke to reporters in Ohio."),  # NYT / Fox
    ("Shares fell after the Federal Reserve said on Wednesday that rates would rise.",
     "Mortgage lenders moved fast after the Federal Reserve said on Wednesday it was worried."),  # AP / Reuters
    ("The star was seen leaving the restaurant with her new boyfriend late on Saturday night.",
     "Fans spotted the singer leaving the restaurant with her new boyfriend after the gig."),  # two tabloids
]


@pytest.mark.parametrize("left, right", BANAL)
def test_short_run_of_common_words_is_not_shared_text(left, right):
    """Two outlets that both name a job or a time in the same common words share no passage."""
    assert compare(left, right).passages == ()


def test_short_run_with_rare_words_is_shared_text():
    """Eight copied words carrying rare ones (a name, "co-founded") are shared narration."""
    left = "Mr. Mulvaney, a fiscal hawk who co-founded the Freedom Caucus, will take over in January."
    right = "The pick is a fiscal hawk who co-founded the Freedom Caucus, aides told Fox News."
    result = compare(left, right)
    assert len(result.passages) == 1 and not result.quote_passages
    assert {s.cls for s in result.right.spans if "fiscal hawk" in right[s.start:s.end]} == {"shared-text"}


def test_short_quotation_of_common_words_keeps_the_short_minimum():
    """A quotation of common words both carry is still a shared quote: the rarity rule is for narration."""
    left = 'The senator said "we will win this fight" as the crowd cheered.'
    right = 'Speaking later, she repeated: "We will win this fight."'
    result = compare(left, right)
    assert len(result.passages) == 1 and result.quote_passages == frozenset({0})


def test_word_frequency_table_loads_only_when_needed():
    """Importing the engine and comparing texts with no short narration match never loads wordfreq."""
    import subprocess
    import sys

    code = ("import sys; from viewer.engine import compare; "
            "compare('A river flooded the old town.', 'Prices rose in the capital.'); "
            "print('wordfreq' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
