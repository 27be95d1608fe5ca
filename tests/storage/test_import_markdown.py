"""Markdown files: a web clipper's front matter gives the metadata, and the markup is not compared as words."""

from __future__ import annotations

import pytest

from viewer.storage.importers import read

CLIPPED = """---
title: "Council votes to close Riverside library"
source: "https://www.riversidecourier.com/news/story-123"
author:
  - "[[Jane Porter]]"
published: 2026-03-03T09:00:00+00:00
created: 2026-03-05
tags:
  - "clippings"
---
# Council votes to close Riverside library

![hero](https://www.riversidecourier.com/hero.jpg)

The city council voted on Tuesday to close the Riverside library, ending a century of service to the [east side](https://www.riversidecourier.com/east "East") of town.

> “We simply cannot afford to keep every branch open while the roof is falling in,” said council leader **Maria Olsen** at the meeting.

The council_minutes_2026 file and a sum of 2*3*4 keep their characters.

---

*Read more:* <https://www.riversidecourier.com/more>
"""

PARAGRAPHS = [
    "Council votes to close Riverside library",
    "The city council voted on Tuesday to close the Riverside library, ending a century of service to the east "
    "side of town.",
    "“We simply cannot afford to keep every branch open while the roof is falling in,” said council leader "
    "Maria Olsen at the meeting.",
    "The council_minutes_2026 file and a sum of 2*3*4 keep their characters.",
    "Read more: https://www.riversidecourier.com/more",
]


def test_a_clipped_article_has_its_metadata_and_no_markup(tmp_path):
    """An article saved by a web clipper (Obsidian, MarkDownload) gets title, outlet, author, date and URL
    from its front matter; headings, emphasis, link targets, images and rules are not article words."""
    path = tmp_path / "Council votes to close Riverside library.md"
    path.write_text(CLIPPED, encoding="utf-8")
    document = read(path)
    assert (document.title, document.outlet, document.author, document.date, document.url) == (
        "Council votes to close Riverside library", "riversidecourier.com", "Jane Porter", "2026-03-03",
        "https://www.riversidecourier.com/news/story-123")
    assert document.text.strip().split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("name", ["notes.md", "notes.markdown"])
def test_a_plain_markdown_note_is_titled_by_its_heading(tmp_path, name):
    """Without front matter the first heading, without its "#", is the title; nothing is invented."""
    path = tmp_path / name
    path.write_text("## Library to close\n\nThe council met on _Tuesday_ and voted.\n", encoding="utf-8")
    document = read(path)
    assert (document.title, document.outlet, document.date) == ("Library to close", "", "")
    assert document.text.strip() == "Library to close\n\nThe council met on Tuesday and voted."


def test_the_same_text_as_txt_keeps_its_characters(tmp_path):
    """Only Markdown files lose their markup: a .txt with asterisks keeps them."""
    path = tmp_path / "notes.txt"
    path.write_text("The **council** met.\n", encoding="utf-8")
    assert read(path).text.strip() == "The **council** met."
