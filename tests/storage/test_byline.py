"""A plain-text article's outlet comes from its byline, never from a hash-like file name."""

from __future__ import annotations

import pytest

from viewer.storage.importers import read_document
from viewer.storage.importers.byline import read_byline
from viewer.storage.library import Library

BODY = "\n\nThe council voted on Tuesday to close the old bridge to traffic for a year of repairs.\n"


@pytest.mark.parametrize("line, outlet", [
    ("By Jane Doe | Fox News", "Fox News"),  # the form
    ("By Jane Doe, Reuters", "Reuters"),  # agency after a comma
    ("BY JANE DOE • The Guardian", "The Guardian"),  # capitals and a bullet
    ("By Jane Doe for The Independent", "The Independent"),  # "for" an outlet
    ("By Jane Doe — Associated Press", "Associated Press"),  # a dash
    ("By JANE DOE Associated Press", "Associated Press"),  # the AP's own style: authors in capitals, no mark
    ("By Jane Doe, Staff Writer", None),  # a job, not an outlet
    ("By Jane Doe | Published 3:04 PM EST", None),  # a time, not an outlet
    ("By Jane Doe and John Roe", None),  # two authors, no outlet
    ("Bystanders said the fire spread fast | Fox News", None),  # not a byline
])
def test_a_byline_names_the_outlet_only_when_it_reads_like_one(line, outlet):
    """Known byline forms give the outlet; jobs, times and sentences do not."""
    found = read_byline("Council closes bridge\n\n" + line + BODY)
    assert (found.outlet if found else None) == outlet
    if found:
        assert found.author.lower() == "jane doe"


def test_a_byline_deep_in_the_text_is_not_the_articles():
    """A "By … | …" line far down (a quoted or related piece) does not name this article's outlet."""
    text = "Title\n\n" + "\n\n".join(f"Paragraph {n} about the bridge." for n in range(20)) + "\n\nBy Jane Doe | Fox News\n"
    assert read_byline(text) is None


def test_a_text_file_with_a_hash_name_is_called_by_its_title(tmp_path, private_data_dir):
    """A text file named like a download id, with no byline: no outlet, and the window calls it by its title."""
    path = tmp_path / "65cb14cb-1f2e-4d5a-9b8c-0123456789ab_fox.txt"
    path.write_text("Council closes the old bridge for a year of repairs after inspection" + BODY, encoding="utf-8")
    library = Library.open(private_data_dir)
    try:
        entry, _ = library.add(read_document(path))
        assert entry.outlet == "" and entry.name == ""
        assert entry.label == "Council closes the old bridge…"
        with_byline = tmp_path / "0badc0ffee_1.txt"
        with_byline.write_text("Bridge shut\n\nBy Jane Doe | Fox News" + BODY, encoding="utf-8")
        entry, _ = library.add(read_document(with_byline))
        assert (entry.outlet, entry.author, entry.label) == ("Fox News", "Jane Doe", "Fox News")
    finally:
        library.close()


def test_compare_names_articles_by_outlet_or_title_never_by_file_name(tmp_path):
    """`compare` calls a file with a byline by its outlet, one without by its title, never by a hash-like name."""
    import subprocess
    import sys

    plain = tmp_path / "65cb14cb-1f2e-4d5a-9b8c-0123456789ab_fox.txt"
    plain.write_text("Council closes the old bridge for a year of repairs after inspection" + BODY, encoding="utf-8")
    bylined = tmp_path / "0badc0ffee_1.txt"
    bylined.write_text("Bridge shut\n\nBy Jane Doe | Fox News" + BODY, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "viewer", "compare", str(plain), str(bylined)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "65cb14cb" not in done.stdout and "0badc0ffee" not in done.stdout
    assert "RIGHT: Fox News — Bridge shut" in done.stdout
    assert "LEFT FRAMING" in done.stdout and "Council closes the old bridge…)" in done.stdout
