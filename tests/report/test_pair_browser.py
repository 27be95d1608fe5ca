"""The pair report as a browser shows it: headless Chromium renders the table and the coloured passages,
runs nothing from the articles and asks the network for nothing."""

from __future__ import annotations

from PySide6.QtGui import QImage

from tests.report.articles import hostile_pair
from tests.report.browser import dump_dom, needs_chromium, screenshot, watched_server
from tests.report.page import read_page
from viewer.engine import compare
from viewer.report.html import pair_report
from viewer.theme import colour

pytestmark = needs_chromium


def _count_colour(image: QImage, hex_colour: str, x_from: int, x_to: int) -> int:
    wanted = int(hex_colour[1:], 16)
    return sum(1 for x in range(x_from, x_to, 2) for y in range(0, image.height(), 2)
               if image.pixel(x, y) & 0xFFFFFF == wanted)


def test_browser_renders_the_pair_and_requests_nothing(tmp_path):
    """Chromium shows the side-by-side table with coloured passages on both sides and the altered word
    marked; the article's <img> and <script> stay text, so the local server never hears from it."""
    with watched_server() as (server, asked):
        left, right = hostile_pair(tmp_path, leak=f"{server}/leak.png")
        comparison = compare(left, right)
        report = tmp_path / "pair.html"
        report.write_text(pair_report(comparison), encoding="utf-8")
        dom = read_page(dump_dom(report, tmp_path))
        picture = screenshot(report, tmp_path, tmp_path / "pair.png")
        # The control: the same server is asked at once when a page really holds such an image.
        control = tmp_path / "control.html"
        control.write_text(f'<!DOCTYPE html><p>control<img src="{server}/control.png"></p>', encoding="utf-8")
        dump_dom(control, tmp_path)
    assert asked == ["/control.png"]

    tags = {tag for tag, _ in dom.elements}
    assert "script" not in tags and "img" not in tags  # the browser parsed them as text
    assert dom.title.startswith('City <img src="')  # the outlet, as written
    table = next(table for table in dom.tables if table and len(table[0]) == 3)
    passage_rows = [row for row in table if row[1].attrs.get("scope") == "row"]
    assert len(passage_rows) == len(comparison.passages) == 2
    assert any("much" in cell.text and "altered" in " ".join(cell.classes_seen)
               for row in passage_rows for cell in row)

    image = QImage(str(picture))
    assert image.width() == 1300
    middle = image.width() // 2
    shared = colour("shared-quote", "light")
    assert _count_colour(image, shared, 0, middle) > 500  # the left article's shared quotes
    assert _count_colour(image, shared, middle, image.width()) > 500  # and their counterparts
    assert _count_colour(image, colour("altered", "light"), middle, image.width()) > 20  # "much"
    assert _count_colour(image, colour("framing", "light"), middle, image.width()) > 500  # the re-report's angle
