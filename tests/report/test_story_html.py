"""The story report: the quote matrix as a real table, provenance readable without colour, each outlet's
framing; safe with hostile input, and as Chromium renders it."""

from __future__ import annotations

import re
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.conftest import SEED_FILES
from tests.report.articles import hostile_pair
from tests.report.browser import dump_dom, needs_chromium, screenshot, watched_server
from tests.report.page import ALLOWED_TAGS, read_page
from viewer.engine.story import build_story
from viewer.report.story_html import story_report
from viewer.storage.importers import read_document
from viewer.theme import state_colour

OUTLETS = {"003": "People"}


def seeds():
    return [read_document(SEED_FILES[number], outlet=OUTLETS.get(number, "")) for number in ("000", "001", "002", "003")]


def _table(page, caption_start: str):
    return next(table for table in page.tables if table and any(caption_start in cell.text for cell in table[0])
                or table and table[0] and table[0][0].text.startswith(caption_start))


def test_quote_matrix_is_a_table_with_headers_and_states_in_words():
    """One header cell per document (People first, by date), one header cell per quotation; the "Be a man"
    row says verbatim (or altered/partial) in all four columns and names People as origin."""
    story = build_story(seeds())
    markup = story_report(story)
    page = read_page(markup)
    matrix = next(table for table in page.tables if table and table[0][0].text == "Quotation")
    head = matrix[0]
    assert all(cell.tag == "th" and cell.attrs.get("scope") == "col" for cell in head)
    assert head[4].text.startswith("People") and "2021-04-06" in head[4].text
    assert len(matrix) - 1 == len(story.quotes)
    row = next(row for row in matrix[1:] if "no 'be a man' in our house" in row[0].text.lower().replace("’", "'"))
    assert row[0].tag == "th" and row[0].attrs["scope"] == "row"
    assert row[1].text == "Chrissy Teigen" and row[2].text.startswith("People") and row[3].text == "4 of 4"
    states = [re.match(r"(verbatim|altered|partial|absent)", cell.text).group(1) for cell in row[4:]]
    assert len(states) == 4 and "absent" not in states
    assert all(cell.attrs["class"] == f"s-{state}" for cell, state in zip(row[4:], states))
    css = "".join(page.styles)
    assert f"td.s-verbatim {{ background: {state_colour('verbatim')}; }}" in css


def test_provenance_has_numbers_in_every_cell_and_framing_names_toxic_masculinity():
    """The heat map's cells carry percentages (it reads in black and white), the list says both
    directions, each re-report's likely source is People, and 001's framing lists "toxic masculinity"."""
    story = build_story(seeds())
    page = read_page(story_report(story))
    heat = next(table for table in page.tables if table and table[0][0].text == "Document")
    assert len(heat) == 5
    for row in heat[1:]:
        assert all(re.fullmatch(r"\d+%|—", cell.text) for cell in row[1:])
    documents = next(table for table in page.tables if table and table[0][0].text == "#")
    for row in documents[1:]:
        if row[1].text != "People":
            assert row[5].text.startswith("People:")
    markup = story_report(story)
    section = markup[markup.index("<h3>001"):]
    section = section[:section.index("</section>")]
    assert re.search(r'<th scope="row">toxic masculinity</th><td class="num">\d+\.\d</td>', section)


def test_hostile_documents_stay_text_in_the_story_report(tmp_path):
    """Markup in the articles, titles and outlets is escaped in every section of the story report."""
    documents = [*hostile_pair(tmp_path), read_document(SEED_FILES["003"], outlet="People")]
    markup = story_report(build_story(documents))
    page = read_page(markup)
    assert {tag for tag, _ in page.elements} <= ALLOWED_TAGS
    assert not re.search(r"<\s*(script|img)\b", markup, re.IGNORECASE)
    assert "City &lt;img src=&quot;http://127.0.0.1:9/outlet.png&quot;&gt; Herald" in markup
    assert all("src" not in attrs for _, attrs in page.elements)


def test_report_command_with_more_than_two_files_writes_the_story(tmp_path):
    """framing-viewer report with the four seeds writes the story report."""
    out = tmp_path / "story.html"
    result = subprocess.run([sys.executable, "-m", "viewer", "report", *map(str, SEED_FILES.values()), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "story report" in result.stderr
    assert read_page(out.read_text(encoding="utf-8")).title == "The story in 4 documents: Framing Viewer report"


@needs_chromium
def test_browser_renders_the_story_matrix_in_colour_without_requests(tmp_path):
    """Chromium shows the matrix table with verbatim cells in their colour and never calls the network."""
    with watched_server() as (server, asked):
        documents = [*hostile_pair(tmp_path, leak=f"{server}/leak.png"), *seeds()]
        report = tmp_path / "story.html"
        report.write_text(story_report(build_story(documents)), encoding="utf-8")
        dom = read_page(dump_dom(report, tmp_path))
        picture = screenshot(report, tmp_path, tmp_path / "story.png", height=2400)
    assert asked == []
    assert "img" not in {tag for tag, _ in dom.elements}
    matrix = next(table for table in dom.tables if table and table[0][0].text == "Quotation")
    assert len(matrix[0]) == 4 + 6
    image = QImage(str(picture))
    verbatim = int(state_colour("verbatim")[1:], 16)
    count = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                if image.pixel(x, y) & 0xFFFFFF == verbatim)
    assert count > 2000


def test_a_big_story_report_stays_readable():
    """With 40 articles the heat map gives way to a sentence and the list keeps each document's strongest
    links (and its likely source), saying how many of all it shows."""
    from bench.story_corpus import big_story
    from viewer.report import story_html

    story = build_story(big_story(5, 40, 250))
    markup = story_report(story)
    page = read_page(markup)
    assert "too many for a heat map" in markup
    assert not any(len(table[0]) == len(story.documents) + 1 for table in page.tables if table)
    links = next(table for table in page.tables if table and len(table[0]) > 1 and table[0][1].text == "Shares with")
    per_document: dict[str, int] = {}
    for row in links[1:]:
        per_document[row[0].text] = per_document.get(row[0].text, 0) + 1
    assert len(per_document) == len(story.documents)
    assert max(per_document.values()) <= story_html.LINKS_SHOWN + 1  # its likely source may be an eleventh
    assert len(links) - 1 < len(story.provenance)
    assert f"of {len(story.provenance):,}; the CSV and JSON exports hold them all" in markup
