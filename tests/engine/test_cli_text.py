"""``framing-viewer text`` and ``compare`` on every format: the same import path as the window, safe output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bench.web_pages import article_pages
from tests.conftest import SEED_FILES

PYTHON = sys.executable
PAGE = article_pages()[0]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "viewer", *args], capture_output=True, text=True, timeout=120)


def test_text_json_gives_the_article_and_its_metadata(tmp_path):
    """`text --format json` prints the seven documented fields for a saved page, article only."""
    path = tmp_path / "storm.html"
    path.write_text(PAGE.html, encoding="utf-8")
    result = run("text", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["text", "title", "outlet", "author", "date", "url", "kind"]
    assert (data["title"], data["outlet"], data["author"], data["date"], data["url"], data["kind"]) == (
        PAGE.title, PAGE.outlet, PAGE.author, PAGE.date, PAGE.url, "html")
    assert PAGE.paragraphs[0] in data["text"] and PAGE.comments[0] not in data["text"]


def test_text_prints_metadata_then_the_text(tmp_path):
    """The plain `text` output starts with the metadata lines, then a blank line and the article."""
    path = tmp_path / "storm.html"
    path.write_text(PAGE.html, encoding="utf-8")
    result = run("text", str(path))
    assert result.returncode == 0, result.stderr
    header, _, body = result.stdout.partition("\n\n")
    assert header.splitlines()[:2] == [f"title: {PAGE.title}", f"outlet: {PAGE.outlet}"]
    assert body.startswith(PAGE.title) and PAGE.paragraphs[-1] in body


def test_compare_reads_web_pages_as_articles(tmp_path):
    """`compare` on a saved page compares the article, not the markup: the title is the headline."""
    path = tmp_path / "storm.html"
    path.write_text(PAGE.html, encoding="utf-8")
    result = run("compare", str(SEED_FILES["003"]), str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    right = json.loads(result.stdout)["right"]
    assert right["title"] == PAGE.title and "<" not in right["text"] and "schema.org" not in right["text"]


def test_no_control_characters_from_a_file_reach_the_terminal(tmp_path):
    """ANSI escapes in a file's text or name are never printed: the terminal cannot be recoloured or retitled."""
    nasty = tmp_path / "evil\x1b[2J.txt"
    body = " ".join(PAGE.paragraphs)
    nasty.write_text(f"Headline \x1b]0;pwned\x07 here\n\n{body} Some \x1b[31mred\x1b[0m words \x9b31m here.\n",
                     encoding="utf-8")
    for args in (("text", str(nasty)), ("compare", str(nasty), str(SEED_FILES["001"]))):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\x07" not in result.stdout
    missing = run("text", str(tmp_path / "gone\x1b[31m.txt"))
    assert missing.returncode == 2 and "\x1b" not in missing.stderr and "no such file" in missing.stderr


def test_text_of_a_bad_file_is_one_line_and_status_2(tmp_path):
    """A file that is not an article gives one line naming it and the reason, and exit status 2."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(200))
    result = run("text", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "PDF" in lines[0]


@pytest.mark.parametrize("typed, hinted", [("www.example.com/news", True), ("example.com/news/valley-floods", True),
                                           ("missing-story.txt", False), ("notes/missing-story.txt", False)])
def test_a_missing_path_that_reads_as_a_web_address_says_to_start_it_with_https(typed, hinted):
    """``text www.example.com/news`` (a link typed without https://) says there is no such file and how to
    read the link; a missing file name gets no such hint."""
    result = run("text", typed)
    assert result.returncode == 2 and "no such file" in result.stderr
    assert ("to read a link, start it with https://" in result.stderr) == hinted
