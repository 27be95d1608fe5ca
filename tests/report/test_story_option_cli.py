"""``--story NAME``: ``report``, ``quotes`` and ``provenance`` over a story saved in the library."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED_FILES
from tests.report.page import read_page
from viewer.cli import main
from viewer.storage.importers import read_document
from viewer.storage.library import Library
from viewer.storage.stories import save_story

OUTLETS = {"000": "Parents", "001": "Good Morning America", "002": "Fatherly", "003": "People"}


@pytest.fixture
def folder(tmp_path):
    """A library of the four seeds, outlets set, with the story "Re-reports" (People, GMA and Fatherly)."""
    library = Library.open(tmp_path / "lib")
    ids = {number: library.add(read_document(SEED_FILES[number], outlet=outlet))[0].id
           for number, outlet in OUTLETS.items()}
    save_story(library, "Re-reports", [ids["003"], ids["001"], ids["002"]])
    save_story(library, "Pair", [ids["003"], ids["000"]])
    library.close()
    return tmp_path / "lib"


def test_quotes_and_provenance_of_a_saved_story_cover_exactly_its_documents(folder, capsys):
    """``quotes --library --story NAME`` has one column per member (any case of the name), and
    ``provenance --story NAME`` names People as the re-reports' likely source."""
    assert main(["quotes", "--library", "--story", "re-reports", "--data-dir", str(folder)]) == 0
    quotes = json.loads(capsys.readouterr().out)
    assert sorted(document["label"] for document in quotes["documents"]) == ["Fatherly", "Good Morning America", "People"]
    assert main(["provenance", "--story", "Re-reports", "--data-dir", str(folder)]) == 0
    provenance = json.loads(capsys.readouterr().out)
    labels = [document["label"] for document in provenance["documents"]]
    assert sorted(labels) == ["Fatherly", "Good Morning America", "People"]


def test_report_of_a_saved_story_writes_its_page(folder, tmp_path, capsys):
    """``report --library --story NAME -o x.html`` writes the story report of its three documents, and a
    two-document story gives the pair report."""
    out = tmp_path / "story.html"
    assert main(["report", "--library", "--story", "Re-reports", "--data-dir", str(folder), "-o", str(out)]) == 0
    assert "story report" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "Fatherly" in text and "Good Morning America" in text and "Parents" not in text
    pair = tmp_path / "pair.html"
    assert main(["report", "--story", "Pair", "--data-dir", str(folder), "-o", str(pair)]) == 0
    assert "pair report" in capsys.readouterr().err
    assert read_page(pair.read_text(encoding="utf-8")).title.startswith("Parents → People")  # the library's order


@pytest.mark.parametrize("arguments, reason", [
    (["--story", "Nothing"], "no story called “Nothing” (its saved stories: “Pair”, “Re-reports”)"),
    (["--story", "Pair", str(SEED_FILES["000"])], "give no FILE with it"),
])
def test_an_unknown_story_or_files_with_it_say_why_in_one_line(folder, tmp_path, capsys, arguments, reason):
    """A name the library has no story for lists the saved ones; FILEs beside --story are refused; status 2."""
    for command in (["quotes"], ["report", "-o", str(tmp_path / "r.html")]):
        assert main([*command, "--library", "--data-dir", str(folder), *arguments]) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and reason in lines[0]
    assert not (tmp_path / "r.html").exists()
