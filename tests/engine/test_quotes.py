"""Quotations, on tiny literal texts (speech tags and speakers: test_speakers.py)."""

import pytest

from viewer.engine.quotes import find_quotes


def quoted(text: str) -> list[str]:
    """The depth-0 quotations of ``text`` as strings, marks included."""
    return [text[quote.start:quote.end] for quote in find_quotes(text) if quote.depth == 0]


@pytest.mark.parametrize("text, expected", [
    # straight double quotes around a sentence, tag after
    ('"It is fine," she said.', ['"It is fine,"']),
    # curly double quotes
    ("“It is fine,” she said.", ["“It is fine,”"]),
    # an apostrophe inside a quote does not end it
    ("“It’s fine, it's fine,” she said.", ["“It’s fine, it's fine,”"]),
    # a plural possessive after the quote is an apostrophe, not a quote mark
    ("The kids' room. “Hello there,” he said. The kids’ toys.", ["“Hello there,”"]),
    # two quotes in one paragraph, split by a tag
    ('"One two," she said. "Three four."', ['"One two,"', '"Three four."']),
    # single quotes used as the outer quotation (a headline)
    ("Teigen: 'No \"Be a man\" in our house'", ["'No \"Be a man\" in our house'"]),
    # an opening single quote in the middle of a line starts a quote
    ("He said ‘enough’ twice.", ["‘enough’"]),
    # an apostrophe at the start of a word ('90s) opens no quote
    ("Back in the '90s it was fine.", []),
    # an unclosed double quote ends at its paragraph end, never fails
    ('"Never closed\n\nNext paragraph.', ['"Never closed']),
    # a quote running over two paragraphs: no closing mark until the last one
    ('“First part.\n\n“Second part,” she said.', ["“First part.\n\n“Second part,”"]),
    # a stray closing mark alone is ignored
    ("Nothing ” here.", []),
])
def test_quotations_are_found(text, expected):
    """Each quotation is found once with its marks, whatever marks and apostrophes surround it."""
    assert quoted(text) == expected


def test_nested_single_quote_is_one_level_down():
    """A 'Be a man' inside a double-quoted sentence is a nested quotation, not a second top-level one."""
    text = '"There is no \'Be a man\' in our house," she adds.'
    quotes = find_quotes(text)
    assert [(text[q.start:q.end], q.depth) for q in quotes] == [
        ('"There is no \'Be a man\' in our house,"', 0), ("'Be a man'", 1)]
