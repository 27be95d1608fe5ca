"""Documents, tokens and folding, and the page-chrome rule, on tiny literal inputs."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.engine.boilerplate import boilerplate_lines, is_boilerplate_line
from viewer.engine.text import WORD_RE, Document, clean_text, guess_date, tokenize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_offsets_point_into_the_text_as_shown():
    """Every token's offsets slice exactly its word out of the text."""
    text = "Teigen’s son, 2,\u00a0is “very emotional.”"
    tokens = tokenize(text)
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends)] == [
        "Teigen", "s", "son", "2", "is", "very", "emotional"]


@pytest.mark.parametrize("left, right", [
    ("She’s", "she's"),  # curly and straight apostrophe, case
    ("tight–knit", "tight-knit"),  # en dash and hyphen
    ("ﬁne", "fine"),  # ligature (compatibility form)
    ("ＰＥＯＰＬＥ", "people"),  # full-width letters
    ("no\u00a0way", "no way"),  # non-breaking space is a space
    ("Straße", "STRASSE"),  # case folding beyond lower()
])
def test_matching_keys_fold_typography(left, right):
    """Words that differ only in typography get the same matching keys."""
    assert tokenize(left).keys == tokenize(right).keys


def test_clean_text_only_removes_bom_and_windows_newlines():
    """The text keeps every character the user sees except the byte-order mark and \\r."""
    assert clean_text("\ufeffOne\r\nTwo\rThree “x”") == "One\nTwo\nThree “x”"


@pytest.mark.parametrize("head, date", [
    ("date 2021-04-06 Headline", "2021-04-06"),  # ISO, as the People seed has it
    ("Published April 6, 2021\nHeadline", "2021-04-06"),  # written US style
    ("6 April 2021 — Headline", "2021-04-06"),  # written European style
    ("Headline without a date", ""),  # nothing to find
    ("Headline 2021-02-30", ""),  # an impossible date is no date
])
def test_date_near_the_top(head, date):
    """A date printed near the top of the article is read as ISO."""
    assert guess_date(head) == date


MATTIS_BODY = (
    "Jim Mattis, the retired Marine general who won Senate confirmation on Jan. 20, 2017, the day "
    "President Trump took office, said on Thursday that he would step down at the end of February.")
TWEET_BODY = (
    'Mr. Trump announced the change on Twitter. "The tariffs will go up starting January 1, 2019," he '
    "wrote, adding that talks with China would continue.")

# Each row: the top of an article and the date it carries ("" when it carries none of its own).
DATE_TABLE = [
    # the issue's own: a date deep in the first paragraph is an event, not the article's date
    ("Mattis Resigns After Clash With Trump\n\n" + MATTIS_BODY, ""),
    # the issue's own: a quoted tweet's date
    ("Trump Raises Tariffs on Chinese Goods\n\n" + TWEET_BODY, ""),
    ('Trump: "Starting January 1, 2019" tariffs will rise\n\n' + TWEET_BODY, ""),  # quoted in the headline
    # NYT: headline, byline, date line, then the body with its own dates
    ("Mattis Resigns After Clash With Trump\nBy Helene Cooper\nDec. 20, 2018\n\n" + MATTIS_BODY, "2018-12-20"),
    # Fox News: "Published" line under the headline
    ("Mattis resigns\nPublished December 20, 2018\nFox News\n\n" + MATTIS_BODY, "2018-12-20"),
    # CNN: "Updated" with a time and a weekday before the date
    ("Mattis resigns\nUpdated 5:32 PM ET, Thu December 20, 2018\n\n" + MATTIS_BODY, "2018-12-20"),
    # a byline with the date after a bar
    ("Mattis resigns\nBy Robert Burns | December 20, 2018\n\n" + MATTIS_BODY, "2018-12-20"),
    # AP dateline at the start of the first paragraph
    ("Mattis resigns\n\nWASHINGTON, Dec. 20, 2018 — " + MATTIS_BODY, "2018-12-20"),
    # tabloid: a weekday line
    ("MAD DOG QUITS!\nThursday, December 20, 2018\n\n" + MATTIS_BODY, "2018-12-20"),
    # Published before Updated: the publication date wins
    ("Mattis resigns\nPublished Dec. 20, 2018\nUpdated Dec. 21, 2018\n\n" + MATTIS_BODY, "2018-12-20"),
]


@pytest.mark.parametrize("text, date", DATE_TABLE)
def test_date_comes_from_the_top_never_from_the_body_or_a_quote(text, date):
    """The article is dated from its dateline, byline or Published line; body and quoted dates are events."""
    assert guess_date(text) == date


def test_title_skips_chrome_and_date_prefix():
    """The title is the first real line, without navigation chrome or a leading date."""
    document = Document.from_text("Skip to main content\n\n2021-04-06 Big news today\n\nBody text here.")
    assert document.title == "Big news today"
    assert document.date == "2021-04-06"


@pytest.mark.parametrize("line, chrome", [
    ("Skip to main content", True),  # navigation
    ("View all comments", True),  # comment widget
    ("Sign up for our daily newsletter", True),  # newsletter prompt
    ("Photo credit: Jane Doe/Getty Images", True),  # image credit
    ("Share on Facebook", True),  # share widget
    ("Inline Feedbacks", True),  # widget label: capitalised, no stop words, no full stop
    ("Related Stories", True),  # related-content block
    ("Load more comments", True),  # comment widget, another wording
    ("Post a reply", True),  # reply widget
    ("Notify me of new replies", True),  # comment subscription
    ("Tweet this", True),  # share widget
    ("Subscribe now for full access", True),  # paywall prompt
    ("Get our newsletter in your inbox every morning", True),  # newsletter prompt
    ("Turn on push notifications", True),  # app prompt
    ("Image courtesy of the city archive", True),  # image credit, another wording
    ("Source: city records", True),  # caption source
    ("Advertisement", True),  # ad slot
    ("Read more:", True),  # teaser link
    ("Follow us on Instagram", True),  # social prompt
    ("Accept all cookies", True),  # consent banner
    ("Listen to the full episode on our podcast app", True),  # promotion elsewhere
    ("(Reporting by Jane Doe; Editing by John Roe)", True),  # Reuters' credit line
    ("Additional reporting by Jane Doe in London; Writing by John Roe", True),  # another wire credit
    ("Associated Press writer Jane Doe contributed to this report.", True),  # AP's credit line
    ("The Associated Press contributed to this report.", True),  # AP's credit line, no name
    ("Jane Doe, who contributed to this report, was in Kyiv on Monday.", False),  # prose about a reporter
    ("The senator was editing by hand late into the night.", False),  # prose, "editing by" lower case
    ("An unexpected turn", False),  # a section heading has a stop word
    ("The minister said the law would change next year.", False),  # a sentence
    ("Readers left more than 300 comments on the post, many of them angry.", False),  # prose mentioning comments
])
def test_chrome_rule(line, chrome):
    """Short widget lines are chrome; sentences and headings written by the outlet are not."""
    assert is_boilerplate_line(line) is chrome


def test_first_line_is_a_headline_not_a_label():
    """A short capitalised first line is the headline, not chrome."""
    text = "Budget Vote Delayed\n\nThe vote was delayed again on Monday.\n\nMore Stories"
    lines = [text[s:e] for s, e in boilerplate_lines(text)]
    assert lines == ["More Stories"]


def test_sentences_end_at_stops_and_line_breaks():
    """Sentences split after . ! ? (with closing marks) and at line ends, as a reader would."""
    from viewer.engine.text import sentences

    text = 'Headline here\n\nFirst one. "Quoted!" she said. Last?'
    assert [text[s:e] for s, e in sentences(text)] == ["Headline here", "First one.", '"Quoted!" she said.', "Last?"]


# Each row: a text and its sentences. None may end at an abbreviation or an initial.
SENTENCE_TABLE = [
    # the issue's own: "Mattis told U." / "S. Naval War College graduates" was split
    ("Mattis told U.S. Naval War College graduates on Friday that the war was not over. He left at noon.",
     ["Mattis told U.S. Naval War College graduates on Friday that the war was not over.", "He left at noon."]),
    # NYT honorifics and a middle initial
    ("Mr. Clyburn said John F. Kennedy had won the state. Mrs. Obama and Dr. Fauci agreed.",
     ["Mr. Clyburn said John F. Kennedy had won the state.", "Mrs. Obama and Dr. Fauci agreed."]),
    # AP dates, times and titles
    ("Sen. Mitch McConnell spoke on Jan. 20, 2017, at 9 a.m. in Washington. Gov. Jay Inslee did not.",
     ["Sen. Mitch McConnell spoke on Jan. 20, 2017, at 9 a.m. in Washington.", "Gov. Jay Inslee did not."]),
    # tabloid exclamations and a quote with its tag
    ('"It was a total disaster!" the star told the Daily Mail. Fans were furious!!! The show went on.',
     ['"It was a total disaster!" the star told the Daily Mail.', "Fans were furious!!!", "The show went on."]),
    # broadcast: a programme name, a company, a lower-case word after a full stop
    ("Lt. Gen. H.R. McMaster said on CBS. Apple Inc. said it would wait. Prices rose etc. and then fell.",
     ["Lt. Gen. H.R. McMaster said on CBS.", "Apple Inc. said it would wait.", "Prices rose etc. and then fell."]),
    # science desk: a citation's "et al." goes on; before a capital it may end the sentence
    ("Warming slowed briefly (Lee et al. 2020). Later work disagreed.",
     ["Warming slowed briefly (Lee et al. 2020).", "Later work disagreed."]),
    ("As Lee et al. (2020) showed, it held. The study was led by Lee et al. The team found more.",
     ["As Lee et al. (2020) showed, it held.", "The study was led by Lee et al.", "The team found more."]),
]


@pytest.mark.parametrize("text, expected", SENTENCE_TABLE)
def test_sentences_never_end_at_an_abbreviation_or_initial(text, expected):
    """Mr., U.S., Jan., John F. and a.m. stay inside their sentence."""
    from viewer.engine.text import sentences

    assert [text[s:e] for s, e in sentences(text)] == expected


def test_analysis_cache_is_bounded_by_text_length(monkeypatch):
    """Comparing many long articles keeps only a bounded amount of their analyses in memory."""
    from viewer.engine import classify

    monkeypatch.setattr(classify, "ANALYSIS_CACHE_CHARS", 50_000)
    classify.analyse.cache_clear()
    texts = [f"Article number {number}. " + "The council met again and argued. " * 600 for number in range(8)]
    for text in texts:
        assert classify.analyse(text) is classify.analyse(text)  # the second call is served from the cache
    assert sum(map(len, classify._cache)) <= 50_000
    assert texts[-1] in classify._cache and texts[0] not in classify._cache
    classify.analyse.cache_clear()


def test_framing_list_shows_whole_sentences_only():
    """compare's framing list never shows "- Mr." or "- U.S." as a sentence of its own."""
    from viewer.cli import format_text
    from viewer.engine import compare

    left = ('Mattis Quits\n\n"The world is safer with allies," Jim Mattis said in his letter, which the Pentagon '
            "released on Thursday afternoon.")
    right = ("Defense Secretary Jim Mattis told U.S. Naval War College graduates in June that Mr. Trump valued "
             'allies. "The world is safer with allies," Jim Mattis said in his letter, which the Pentagon '
             "released on Thursday afternoon. Gen. John F. Kelly, the chief of staff, left on Jan. 2 at 9 a.m.")
    summary = format_text(compare(left, right))
    framing = summary[summary.index("RIGHT FRAMING"):].splitlines()[1:]
    assert framing == [
        "  - Defense Secretary Jim Mattis told U.S. Naval War College graduates in June that Mr. Trump valued allies.",
        "  - Gen. John F. Kelly, the chief of staff, left on Jan. 2 at 9 a.m.",
    ]


# Lines of a saved page: chrome, headings, prose, with and without accents, ligatures and combining marks.
PAGE_LINES = [
    "Skip to main content", "Share this", "Inline Feedbacks", "View all comments", "Photo credit: Getty",
    "Café Noir Photos", "Crédit: AFP", "Ｓｈａｒｅ ｏｎ Facebook", "ＳＨＡＲＥ ＴＨＩＳ", "Cafe\u0301 Society",
    "ﬁnal Thoughts",
    "Budget Vote Delayed", "The vote was delayed again on Monday.", "— • —", "Más información",
    "Readers left more than 300 comments on the post, many of them angry.", "",
]


@given(st.lists(st.sampled_from(PAGE_LINES) | st.text(max_size=40), max_size=12))
@settings(max_examples=80, deadline=None)
def test_chrome_lines_are_the_same_during_a_comparison(lines):
    """A comparison (which reads each line's words from the text's tokens) finds exactly the chrome lines the
    rule finds on the text alone, whatever the lines hold."""
    text = "\n".join(lines)
    assert boilerplate_lines(text, tokenize(text)) == boilerplate_lines(text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_seed_chrome_lines_are_the_same_during_a_comparison(path):
    """On the seed pages, a comparison drops the same navigation and widget lines as the rule alone."""
    text = path.read_text(encoding="utf-8")
    assert boilerplate_lines(text, tokenize(text)) == boilerplate_lines(text)


# Letters, accents and combining marks (composed and not), ligature, sharp s, dotted I, no-break and
# full-width forms, quote marks and dashes: what makes a word start, go on or stop.
TOKEN_ALPHABET = list("ab Zé\u0301\u0300 .,\n\t'’“”-_09") + ["ﬁ", "ß", "İ", "\u00a0", "Ｐ"]


@given(st.text(alphabet=st.sampled_from(TOKEN_ALPHABET), max_size=60))
@settings(max_examples=200, deadline=None)
def test_tokens_are_the_words_of_the_text_with_their_offsets(text):
    """Whatever the text, its tokens are exactly its words (letters, digits, combining marks) in order,
    each with the offsets that slice it out of the text."""
    tokens = tokenize(text)
    assert list(zip(tokens.starts, tokens.ends)) == [match.span() for match in WORD_RE.finditer(text)]
    assert len(tokens.keys) == len(tokens.starts)
