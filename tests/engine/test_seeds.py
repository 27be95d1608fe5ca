"""The sample story end to end: People's interview (003) against each re-report.

The snippets below were read off the articles by a person; the test finds each one in the text (curly and
straight marks alike) and checks the class of every character in it, so the answers come from the seeds
and not from the engine.
"""

from __future__ import annotations

import re

import pytest

from viewer.engine import compare
from viewer.storage.importers import read_document

# Sentences of Teigen's interview that each re-report quotes too (split, merged, reordered or re-tagged).
SHARED_QUOTES = {
    "001": [
        "Miles is very emotional", "He's a lot like me too", "He wears his heart on his sleeve, and we embrace that",
        "I think more men should embrace their emotions", "That it's okay to cry",
        "There is no 'Be a man' in our house", "There's no right way to be a man", "It's wonderful to see",
        "She is a bit of a perfectionist", "not everything has to be perfect",
        "And that's me talking to myself when I tell her that stuff",
        "creative and wondrous and spirited and curious beings",
    ],
    "002": [
        "Miles is very emotional. He's a lot like me too", "We're going to talk it through and it's okay",
        "There is no 'Be a man' in our house", "It's wonderful to see", "She is a bit of a perfectionist",
        "I'm an open, free spirit and I love kids to be kids", "For us, kindness is such a big thing",
        "You instill those things in them, but for the most part let them be creative",
    ],
    "000": [
        "Miles is very emotional", "He's a lot like me too", "I think more men should embrace their emotions",
        "I think that's really important in this world", "There is no 'Be a man' in our house",
        "how to be a good father", "She is a bit of a perfectionist", "I'm an open, free spirit",
        "When you meet our kids, they're very warm and friendly",
    ],
}

# Quotations only the re-report carries.
OWN_QUOTES = {
    "002": [  # the Medium letter and the reply to the haters
        "Here we were, just wheeled down to a new floor",
        "I cannot express how little I care that you hate the photos",
        "These photos are only for the people who need them",
    ],
    "000": [  # Popsugar, Harper's Bazaar and Glamour
        "It just works for them", "The depression thing came out of nowhere!", "I have postpartum depression",
        "How can I feel this way when everything is so great?",
    ],
}

# The outlet's own commentary.
FRAMING = {
    "001": ["Which is such a refreshing thing to hear in a time where we're constantly bearing witness to the "
            "effects toxic masculinity has on society."],
    "000": ["Many times, men are told they need to suppress their emotions, which can often be tricky."],
    "002": ["An emotional journey"],
}

BOILERPLATE = {"001": ["Skip to main content", "Leave a Comment"], "002": ["View all comments", "Notify of"]}

# Speech tags between the two halves of a quote the original has whole (or the other way round).
# Square brackets mark the part checked; the rest only finds the right place.
TAGS = {"000": ["emotional,\" [she said]", "[she continued]"], "001": ["[Teigen told People]"],
        "002": ["their emotions,” [Teigen said]"]}


def locate(text: str, snippet: str) -> tuple[int, int]:
    """Where ``snippet`` (or its [bracketed] part) stands in ``text``; curly and straight marks alike."""
    before, _, rest = snippet.rpartition("[")
    inner, _, after = rest.partition("]") if before or snippet.startswith("[") else (snippet, "", "")
    pattern = "".join((_loose(before), "(", _loose(inner), ")", _loose(after)))
    match = re.search(pattern, text)
    assert match, f"snippet not in text: {snippet!r}"
    return match.span(1)


def _loose(snippet: str) -> str:
    classes = {"'": "['’‘]", "’": "['’‘]", '"': '["“”]', "“": '["“”]', "”": '["“”]', " ": r"\s+"}
    return "".join(classes.get(char, re.escape(char)) for char in snippet)


def classes_at(side, start: int, end: int) -> set[str]:
    """Classes of the non-space characters in ``text[start:end]``."""
    found = set()
    for span in side.spans:
        if span.end > start and span.start < end:
            found.add(span.cls)
    return found


@pytest.fixture(scope="module")
def pairs():
    """People's original on the left of each re-report, compared once per test module."""
    from tests.conftest import SEED_FILES

    original = read_document(SEED_FILES["003"])
    return {number: compare(original, read_document(SEED_FILES[number])) for number in ("000", "001", "002")}


@pytest.mark.parametrize("number, snippet", [(n, s) for n, snippets in SHARED_QUOTES.items() for s in snippets])
def test_quote_both_carry_is_shared_quote_on_both_sides(pairs, number, snippet):
    """A quotation People and the re-report both carry is lit as a shared quote on both sides."""
    result = pairs[number]
    for side in (result.left, result.right):
        start, end = locate(side.document.text, snippet)
        assert classes_at(side, start, end) == {"shared-quote"}, side.document.path


@pytest.mark.parametrize("number, snippet", [(n, s) for n, snippets in OWN_QUOTES.items() for s in snippets])
def test_quote_only_the_reprint_carries_is_own_quote(pairs, number, snippet):
    """A quotation from another source (the Medium letter, Glamour, Harper's Bazaar) is the outlet's own."""
    side = pairs[number].right
    assert classes_at(side, *locate(side.document.text, snippet)) == {"own-quote"}


@pytest.mark.parametrize("number, snippet", [(n, s) for n, snippets in FRAMING.items() for s in snippets])
def test_outlet_commentary_is_framing(pairs, number, snippet):
    """The re-report's own commentary is marked as its framing."""
    side = pairs[number].right
    assert classes_at(side, *locate(side.document.text, snippet)) == {"framing"}


@pytest.mark.parametrize("number, snippet", [(n, s) for n, snippets in BOILERPLATE.items() for s in snippets])
def test_page_chrome_is_boilerplate(pairs, number, snippet):
    """Navigation and comment widgets are set aside as boilerplate."""
    side = pairs[number].right
    assert classes_at(side, *locate(side.document.text, snippet)) == {"boilerplate"}


@pytest.mark.parametrize("number, snippet", [(n, s) for n, snippets in TAGS.items() for s in snippets])
def test_tag_between_quote_halves_is_attribution(pairs, number, snippet):
    """'she said' between two halves of a shared quote is a speech tag, not shared or framing text."""
    side = pairs[number].right
    assert classes_at(side, *locate(side.document.text, snippet)) == {"attribution"}


def test_people_chrome_is_boilerplate(pairs):
    """People's own page furniture (push prompt, image credit) is boilerplate, not People's framing."""
    side = pairs["001"].left
    for snippet in ("Get push notifications with news, features and more.", "Image zoom Credit: Mike Rosenthal"):
        assert classes_at(side, *locate(side.document.text, snippet)) == {"boilerplate"}


def test_date_and_title_are_read_from_the_original():
    """People's article has its date and headline read from the top of the text."""
    from tests.conftest import SEED_FILES

    document = read_document(SEED_FILES["003"])
    assert document.date == "2021-04-06"
    assert document.title.startswith("Chrissy Teigen tells PEOPLE")
    assert read_document(SEED_FILES["001"]).title.startswith("Chrissy Teigen Is Fighting Toxic Masculinity")


def test_framing_sentences_are_the_outlets_own(pairs):
    """The re-report's framing sentences include its commentary and none of Teigen's shared words."""
    side = pairs["001"].right
    text = side.document.text
    chosen = [text[start:end] for start, end in side.sentences_of("framing")]
    assert any("toxic masculinity has on society" in sentence for sentence in chosen)
    assert not any("perfectionist" in sentence for sentence in chosen)


@pytest.mark.parametrize("number", ["000", "001", "002"])
def test_headline_quote_repeating_the_body_is_shared(pairs, number):
    """People's headline quotes its own interview; that quote is lit as shared against every re-report."""
    side = pairs[number].left
    snippet = "wears his heart on his sleeve, and we embrace that"
    assert classes_at(side, *locate(side.document.text, snippet)) == {"shared-quote"}


def test_re_reports_carrying_the_same_sentence_report_no_alteration():
    """Seed 001 against seed 002: both print "There is no 'Be a man' in our house" whole; nothing is altered."""
    from tests.conftest import SEED_FILES

    result = compare(read_document(SEED_FILES["001"]), read_document(SEED_FILES["002"]))
    assert result.altered_quotes == 0
    for side in (result.left, result.right):
        start, end = locate(side.document.text, "There is no 'Be a man' in our house")
        assert classes_at(side, start, end) == {"shared-quote"}
