"""Short quotations: two-word quotes both outlets carry, and quoted titles that are no one's words."""

from __future__ import annotations

import pytest

from viewer.engine import compare
from viewer.engine.classify import analyse
from viewer.engine.quotes import find_quotes, quoted_titles


def classes_of(side, snippet: str) -> set[str]:
    """Classes of the non-space characters of the first occurrence of ``snippet`` on one side."""
    text = side.document.text
    start = text.index(snippet)
    end = start + len(snippet)
    return {span.cls for span in side.spans if span.end > start and span.start < end}


# Each row: two articles on one event quoting the same short words (issue 7's "phony theology").
SHARED_SHORT = [
    # Fox News and NYT, the issue's own pair of words
    ("Graham blasted what he called the bishops' \"phony theology\" in a statement on Sunday.",
     "Mr. Graham dismissed the letter as “phony theology,” according to a spokesman.",
     "phony theology"),
    # AP scare quotes on a policy, curly on one side, straight on the other
    ('Critics say the plan amounts to "economic sabotage" and will cost jobs.',
     "The union called the proposal “economic sabotage” on Tuesday night.",
     "economic sabotage"),
    # tabloid: a nickname both outlets quote
    ('The singer, dubbed the "Material Girl" by fans, arrived late.',
     'Fans of the "Material Girl" waited outside the hotel for hours.',
     "Material Girl"),
]


@pytest.mark.parametrize("left, right, words", SHARED_SHORT)
def test_same_two_quoted_words_on_both_sides_are_a_shared_quote(left, right, words):
    """Two outlets quoting the same two words share that quote on both sides."""
    result = compare(left, right)
    assert len(result.passages) == 1 and result.quote_passages == frozenset({0})
    assert classes_of(result.left, words) == {"shared-quote"}
    assert classes_of(result.right, words) == {"shared-quote"}


@pytest.mark.parametrize("left, right", [
    # two words inside two different longer quotations are fragments, not a shared quote
    ('"We think the phony theology is wrong," she said.', '"I never used the words phony theology," he said.'),
    # the same two words, quoted on one side only
    ('He called it "phony theology" at the rally.', "He spoke of phony theology at the rally."),
    # two quoted stop words say nothing
    ('She asked what "it is" meant.', 'He wrote "it is" twice.'),
])
def test_two_words_count_only_when_both_quote_exactly_them(left, right):
    """Two-word sharing needs the whole quotation to be those words on both sides."""
    assert compare(left, right).passages == ()


# Each row: a text and whether its only quotation is the title of a work.
TITLE_TABLE = [
    ('Sen. Lindsey Graham said on "Face the Nation" that he disagreed.', True),  # broadcast, after "on"
    ("Mr. Schiff told “Meet the Press” on Sunday that the inquiry would go on.", True),  # after "told"
    ('The actress, who stars in "The Crown," declined to comment.', True),  # a series, comma inside
    ('She reviewed the film "Gone with the Wind" for the paper.', True),  # small words in lower case
    ('He appeared on "Fox & Friends" early Monday.', True),  # an ampersand
    ('Trump said "Make America Great Again" would return.', False),  # after a speech verb: a slogan quoted
    ('She said on Sunday "we will win this fight," to cheers.', False),  # a sentence in lower case
    ('He wrote in "a moment of weakness" that he regretted it.', False),  # not title case
    ('The mayor said in a statement: "Enough Is Enough!"', False),  # sentence punctuation
]


@pytest.mark.parametrize("text, is_title", TITLE_TABLE)
def test_quoted_title_is_told_apart_from_a_quotation(text, is_title):
    """A show, film or book title in quotation marks after "on" or "in" is a title, not a quotation."""
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert (quoted_titles(text, quotes) == quotes) is is_title
    assert (analyse(text).quotes == ()) is is_title


def test_title_both_outlets_name_is_not_a_shared_quote():
    """A programme both outlets name ("Face the Nation") is narration on each side, never a shared quote."""
    left = 'Graham, speaking on "Face the Nation," said the wall would be built.'
    right = 'Asked on "Face the Nation" about the shutdown, Pelosi laughed.'
    result = compare(left, right)
    assert result.passages == ()
    assert classes_of(result.left, "Face the Nation") == {"framing"}
    assert classes_of(result.right, "Face the Nation") == {"framing"}
