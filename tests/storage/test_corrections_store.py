"""The reader's corrections kept in the library, found again by the texts, and shared as JSON files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import SEED_FILES
from viewer.engine import compare
from viewer.engine.corrections import Correction, apply_corrections
from viewer.engine.text import Document
from viewer.storage.corrections import (
    CorrectionsFileError, corrections_for, delete_correction, export_corrections, import_corrections, save_correction,
)
from viewer.storage.importers import read_document
from viewer.storage.library import SCHEMA_VERSION, Library, content_hash
from viewer.storage.paths import library_file


@pytest.fixture
def library(private_data_dir):
    opened = Library.open(private_data_dir)
    yield opened
    opened.close()


@pytest.fixture
def seeds():
    return read_document(SEED_FILES["003"]), read_document(SEED_FILES["001"])


def a_link(left: Document, right: Document) -> Correction:
    left_at = left.text.index("Get push notifications with news, features and more.")
    right_at = right.text.index("These celebrity moms make us all feel better")
    return Correction.made("link", left.text, right.text, (left_at, left_at + 52), (right_at, right_at + 44),
                           cls="shared-text")


def test_corrections_are_found_by_text_in_either_order(library, seeds):
    """Saved for (People, re-report), a correction is found for that pair, turned round for the swapped pair."""
    left, right = seeds
    link = a_link(left, right)
    stored = save_correction(library, content_hash(left.text), content_hash(right.text), link)
    assert [item.correction for item in corrections_for(library, content_hash(left.text), content_hash(right.text))] == [link]
    assert [item.correction for item in corrections_for(library, content_hash(right.text), content_hash(left.text))] == [link.swapped()]
    assert corrections_for(library, content_hash(left.text), "0" * 64) == []
    delete_correction(library, stored.id)
    assert corrections_for(library, content_hash(left.text), content_hash(right.text)) == []


def test_a_document_removed_and_imported_again_keeps_its_corrections(library, seeds):
    """Corrections belong to the texts: removing a document and adding the same text again finds them."""
    left, right = seeds
    first, _ = library.add(left)
    library.add(right)
    save_correction(library, first.hash, content_hash(right.text), a_link(left, right))
    library.remove(first.id)
    again, added = library.add(left)
    assert added and again.id != first.id
    assert len(corrections_for(library, again.hash, content_hash(right.text))) == 1


def test_a_reextracted_text_flags_corrections_whose_words_moved(library, seeds):
    """After a re-extract that changed the text, a correction over changed words is stale, not moved; one over
    unchanged words still applies."""
    left, right = seeds
    library.add(left)
    entry, _ = library.add(right)
    link = a_link(left, right)
    where = right.text.index("Skip to main content")
    mark = Correction.made("mark", left.text, right.text, right=(where, where + 20), cls="framing")
    for correction in (link, mark):
        save_correction(library, content_hash(left.text), entry.hash, correction)
    changed = right.text.replace("These celebrity moms", "These famous mothers")
    entry = library.reextract(entry.id, Document(changed, title=entry.title))
    stored = [item.correction for item in corrections_for(library, content_hash(left.text), entry.hash)]
    assert stored == [link, mark]
    result = apply_corrections(compare(left, Document(changed)), stored)
    assert result.stale == (link,) and result.corrections == (mark,)


def test_export_delete_import_gives_the_same_result(private_data_dir, tmp_path, seeds):
    """compare --library: export the corrections, delete the library, import the file: the same JSON."""
    left_path, right_path = str(SEED_FILES["003"]), str(SEED_FILES["001"])
    left, right = seeds
    library = Library.open(private_data_dir)
    save_correction(library, content_hash(left.text), content_hash(right.text), a_link(left, right))
    quote = compare(left, right).right.quotes[0]
    save_correction(library, content_hash(left.text), content_hash(right.text), Correction.made(
        "speaker", left.text, right.text, right=(quote.start, quote.end), speaker="Chrissy Teigen"))
    library.add(left)
    library.close()

    def run(*args):
        done = subprocess.run([sys.executable, "-m", "viewer", *args, "--data-dir", str(private_data_dir)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    before = json.loads(run("compare", left_path, right_path, "--library", "--format", "json"))
    assert [p["source"] for p in before["passages"]].count("reader") == 1
    assert len(before["corrections"]) == 2
    assert "READER CORRECTIONS: 2 applied" in run("compare", left_path, right_path, "--library")
    shared = tmp_path / "shared.json"
    assert "2 corrections written" in run("corrections", "export", str(shared))
    exported = json.loads(shared.read_text(encoding="utf-8"))
    assert exported["documents"][content_hash(left.text)]["outlet"] == left.outlet
    for path in private_data_dir.iterdir():
        if path.is_file():
            path.unlink()
    empty = json.loads(run("compare", left_path, right_path, "--library", "--format", "json"))
    assert empty["corrections"] == [] and {p["source"] for p in empty["passages"]} == {"engine"}
    assert run("corrections", "import", str(shared)).startswith("2 added, 0 already")
    assert run("corrections", "import", str(shared)).startswith("0 added, 2 already")
    after = json.loads(run("compare", left_path, right_path, "--library", "--format", "json"))
    assert after == before
    plain = json.loads(run("compare", left_path, right_path, "--format", "json"))
    assert "corrections" not in plain and "source" not in plain["passages"][0]


@pytest.mark.parametrize("content, reason", [
    (b"\xff\xfe not json", "not JSON"),  # bytes that are not UTF-8 text
    (b'{"framing-viewer": "library"}', "not a Framing Viewer corrections file"),  # another kind of file
    (b'{"framing-viewer": "corrections", "version": 99}', "newer version"),  # from the future
    (b'{"framing-viewer": "corrections", "version": 1, "corrections": [{"kind": "link"}]}', "number 1"),  # broken
])
def test_a_bad_corrections_file_is_refused_with_the_reason(library, tmp_path, content, reason):
    """A file that is not a corrections file is named with the reason, and nothing is added."""
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(CorrectionsFileError, match=reason) as error:
        import_corrections(library, path)
    assert str(path) in str(error.value)
    assert library._db.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0


def test_a_version_2_library_gains_the_corrections_table(private_data_dir, seeds):
    """A library made before corrections existed opens, keeps its documents, and takes corrections."""
    library = Library.open(private_data_dir)
    entry, _ = library.add(seeds[0])
    library.close()
    connection = sqlite3.connect(library_file(private_data_dir), isolation_level=None)
    connection.execute("DROP TABLE corrections")
    connection.execute("PRAGMA user_version=2")
    connection.close()
    library = Library.open(private_data_dir)
    try:
        assert library.entry(entry.id).title == entry.title
        save_correction(library, entry.hash, "0" * 64, Correction("mark", (0, 4), None, cls="framing", left_text="date"))
        assert library._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    finally:
        library.close()


def test_export_names_the_documents_for_people(library, seeds, tmp_path):
    """The exported file names each document by title and outlet beside its hash."""
    left, right = seeds
    entry, _ = library.add(left)
    save_correction(library, entry.hash, content_hash(right.text), a_link(left, right))
    path = tmp_path / "out.json"
    assert export_corrections(library, path) == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["documents"][entry.hash] == {"title": entry.title, "outlet": entry.outlet}
    assert data["documents"][content_hash(right.text)] == {"title": "", "outlet": ""}  # not in this library
    assert data["corrections"][0]["left_text"] == "Get push notifications with news, features and more."
