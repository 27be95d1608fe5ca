"""Quotations and speech tags, on tiny literal texts."""

import pytest

from viewer.engine.quotes import find_attributions, find_quotes


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


@pytest.mark.parametrize("text, tag, speaker", [
    # pronoun after the quote
    ('"It is fine," she said. Later on.', "she said.", "she"),
    # name and verb, with the publication told
    ("“Miles is very emotional,” Teigen told People. “He is.”", "Teigen told People.", "Teigen"),
    # verb before the name; the relative clause after the comma is the outlet's own context
    ('"A lot," says Teigen, who has two kids. "More."', "says Teigen,", "Teigen"),
    # present tense adds
    ('"There is none," she adds.', "she adds.", "she"),
    # a tag with a source
    ('"It works," she said, per Popsugar.', "she said, per Popsugar.", "she"),
    # a role rather than a name, with time after the verb
    ('"We will build it," the mayor said on Monday.', "the mayor said on Monday.", "the mayor"),
    # a lead-in before the quote
    ("She continued, saying, “There is none.”", "She continued, saying,", "She"),
])
def test_speech_tags_are_found_with_their_speaker(text, tag, speaker):
    """The tag next to a quotation is its own span and names who spoke."""
    tags = find_attributions(text, find_quotes(text))
    assert [text[t.start:t.end] for t in tags] == [tag]
    assert tags[0].speaker == speaker


@pytest.mark.parametrize("text", [
    # reported speech after a quote is narration
    '"It is wonderful." Chrissy shared that her oldest is like her.',
    # a sentence that merely follows a quote
    '"Miles is emotional." Chrissy is not wrong about that.',
    # narration before a quote ending in a full stop
    'She opened up about her son. "Miles is emotional."',
])
def test_narration_next_to_quotes_is_not_a_tag(text):
    """Sentences beside a quotation that are not speech tags stay the outlet's narration."""
    assert find_attributions(text, find_quotes(text)) == []


def test_pronoun_speaker_resolves_to_the_last_named_speaker():
    """'she said' after 'says Teigen' is credited to Teigen."""
    text = '"One," says Teigen. Then more. "Two," she said.'
    assert [tag.speaker for tag in find_attributions(text, find_quotes(text))] == ["Teigen", "Teigen"]
