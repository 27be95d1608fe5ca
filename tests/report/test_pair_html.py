"""The pair report: one self-contained HTML page with both articles side by side, safe with any input."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_FILES
from tests.report.articles import HOSTILE_OUTLET, HOSTILE_TITLE, hostile_pair
from tests.report.page import ALLOWED_TAGS, read_page
from viewer.engine import compare
from viewer.report.html import pair_report
from viewer.storage.importers import read_document
from viewer.theme import colour, load_table

WORD = re.compile(r"\w+")


def _pair_table(page):
    return next(table for table in page.tables if table and len(table[0]) == 3)


def test_hostile_titles_file_names_and_text_are_shown_as_text(tmp_path):
    """Markup in a title, an outlet, a file name or an article is printed as it is written, never run."""
    left, right = hostile_pair(tmp_path)
    markup = pair_report(compare(left, right))
    page = read_page(markup)
    assert {tag for tag, _ in page.elements} <= ALLOWED_TAGS
    assert not re.search(r"<\s*(script|img|iframe|object|link)\b", markup, re.IGNORECASE)
    assert not any(name.startswith("on") for _, attrs in page.elements for name in attrs)
    text = "".join(cell.text for row in _pair_table(page) for cell in row)
    assert "<script>alert('title')</script>" in text  # the article's headline, as words
    assert '<img src="http://127.0.0.1:9/leak.png">' in text
    assert HOSTILE_OUTLET in page.title  # the outlet names the left article in the page title, as text
    header = markup[markup.index("<header>"):markup.index("</header>")]
    assert "city&lt;b onmouseover=&quot;x&quot;&gt;hall.txt" in header  # the file name, escaped
    assert "re&#x27;report&quot;.txt" in header
    assert html.escape(HOSTILE_TITLE) in header  # the left article's headline, escaped
    assert HOSTILE_OUTLET.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in markup


def test_page_loads_nothing_from_anywhere(tmp_path):
    """No script, stylesheet link, image or url(): the file reads the same offline or as an attachment."""
    left, right = hostile_pair(tmp_path)
    page = read_page(pair_report(compare(left, right)))
    for tag, attrs in page.elements:
        assert "src" not in attrs, tag
        assert not attrs.get("href", "#").strip().lower().startswith(("http", "//", "javascript", "data")), attrs
    css = "".join(page.styles)
    assert "url(" not in css and "@import" not in css and "http" not in css


def test_every_passage_is_one_numbered_row_with_both_sides(tmp_path):
    """Each shared passage is one row: its number on both sides, the left words beside the right ones."""
    left, right = read_document(SEED_FILES["003"], outlet="People"), read_document(SEED_FILES["001"])
    comparison = compare(left, right)
    table = _pair_table(read_page(pair_report(comparison)))
    passage_rows = [row for row in table if row[1].tag == "th" and row[1].attrs.get("scope") == "row"]
    assert len(passage_rows) == len(comparison.passages)
    for number, (row, passage) in enumerate(zip(passage_rows, comparison.passages), 1):
        left_cell, marker, right_cell = row
        assert left_cell.text.startswith(str(number)) and right_cell.text.startswith(str(number))
        assert marker.text.startswith(str(number))
        for cell, text in ((left_cell, left.text[passage.left_start:passage.left_end]),
                           (right_cell, right.text[passage.right_start:passage.right_end])):
            assert " ".join(text.split()) in " ".join(cell.text.split())
        kind = "shared quote" if number - 1 in comparison.quote_passages else "shared text"
        assert kind in marker.text
    header = [cell.text for cell in table[0]]
    assert "People" in header[0] and "001" in header[2]


@pytest.mark.parametrize("left_number, right_number", [
    ("003", "002"),  # People against the re-report that reorders most
    ("003", "000"),  # the longest re-report, with quotes from other magazines
    ("001", "003"),  # the mirror order: the re-report on the left
    ("000", "001"),  # two re-reports, sharing only what both took from People
])
def test_no_word_of_either_article_is_left_out(left_number, right_number):
    """Read down the left column and you read the whole left article; the same on the right."""
    left, right = read_document(SEED_FILES[left_number]), read_document(SEED_FILES[right_number])
    table = _pair_table(read_page(pair_report(compare(left, right))))
    for column, document in ((0, left), (2, right)):
        shown = Counter(WORD.findall(" ".join(row[column].text for row in table[1:])))
        wanted = Counter(WORD.findall(document.text))
        assert not wanted - shown, wanted - shown


def test_altered_words_are_marked_in_words_and_colour(tmp_path):
    """A quote changed on the way has its changed word marked, and its row says "altered"."""
    left, right = hostile_pair(tmp_path)
    comparison = compare(left, right)
    assert comparison.altered_quotes == 1
    markup = pair_report(comparison)
    assert re.search(r'<mark class="altered"[^>]*>much</mark>', markup)
    table = _pair_table(read_page(markup))
    altered_rows = [row for row in table if "altered" in row[1].text]
    assert len(altered_rows) == 1 and "much faster" in altered_rows[0][2].text


def test_colours_and_legend_come_from_the_apps_table(tmp_path):
    """The page uses the window's colours (light and dark) and its legend sentences, with word counts."""
    left, right = read_document(SEED_FILES["003"], outlet="People"), read_document(SEED_FILES["000"])
    comparison = compare(left, right)
    page = read_page(pair_report(comparison))
    css = "".join(page.styles)
    for cls, entry in load_table()["classes"].items():
        assert colour(cls, "light") in css and colour(cls, "dark") in css
        name, _, meaning = entry["legend"].partition(": ")
        legend = next(table for table in page.tables if table and table[0][0].text == "Colour")
        row = next(row for row in legend if row[0].text == name)
        assert row[1].text == meaning
        assert row[2].text == f"{comparison.left.stats.get(cls, 0):,}"
    assert "@media print" in css and "prefers-color-scheme: dark" in css


PARAGRAPHS = [
    "The city council approved the harbour bridge budget on Monday after a debate that lasted until midnight.",
    "Engineers told the council that the old bridge could carry trucks for no more than another three winters.",
    "Residents of the north bank asked for a footpath wide enough for bicycles and prams on both sides.",
    "The first contracts will be signed in March and the work should be finished before the summer of 2027.",
]


def test_a_paragraph_moved_to_the_top_is_the_one_row_marked_moved():
    """A re-report that puts the last paragraph first: that passage's row says "moved", no other does."""
    original = "Bridge budget approved\n\n" + "\n\n".join(PARAGRAPHS)
    rereport = "Bridge works to start in March\n\n" + "\n\n".join([PARAGRAPHS[3], *PARAGRAPHS[:3]])
    table = _pair_table(read_page(pair_report(compare(original, rereport))))
    rows = [row for row in table if row[1].attrs.get("scope") == "row"]
    moved = [row[0].text for row in rows if "moved" in row[1].text]
    assert len(moved) == 1 and "first contracts" in moved[0]
    in_place = " ".join(row[0].text for row in rows if "moved" not in row[1].text)
    assert all(paragraph[:40] in in_place for paragraph in PARAGRAPHS[:3])


MARKUP = st.sampled_from(["<script>", "</td>", "<img src=x>", "&amp;", "&", '"', "'", "<!--", "]]>", "<b>"])
NEWS_WORDS = st.sampled_from(
    "the minister said law would change next year people town river council vote budget school".split())


@st.composite
def pairs_with_markup(draw):
    """An article whose words include markup, and a re-report that reorders its paragraphs and adds some."""
    paragraphs = [" ".join(draw(st.lists(st.one_of(NEWS_WORDS, MARKUP), min_size=8, max_size=20)))
                  for _ in range(draw(st.integers(1, 4)))]
    order = draw(st.permutations(range(len(paragraphs))))
    extra = " ".join(draw(st.lists(st.one_of(NEWS_WORDS, MARKUP), max_size=10)))
    return "\n\n".join(paragraphs), "\n\n".join([extra, *(paragraphs[index] for index in order)])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs_with_markup())
def test_markup_in_any_article_stays_text_and_every_word_is_shown(pair):
    """Whatever the articles hold, the report is only the report's own elements, and each column holds
    every word of its article."""
    left, right = pair
    page = read_page(pair_report(compare(left, right)))
    assert {tag for tag, _ in page.elements} <= ALLOWED_TAGS
    assert all("src" not in attrs for _, attrs in page.elements)
    table = _pair_table(page)
    for column, text in ((0, left), (2, right)):
        shown = Counter(WORD.findall(" ".join(row[column].text for row in table[1:])))
        assert not Counter(WORD.findall(text)) - shown
