"""The library on disk: documents and their edited metadata last, nothing is stored twice or half."""

from __future__ import annotations

import sqlite3

import pytest

from viewer.engine import Document
from viewer.storage.importers import read_document
from viewer.storage.library import Library, check_field
from viewer.storage.paths import DATA_ENV, data_dir


def test_documents_and_edits_survive_reopening(private_data_dir, seed_path):
    """A document added and renamed is there, with its new outlet, after the library is closed and reopened."""
    library = Library.open(private_data_dir)
    assert library.created
    entry, added = library.add(read_document(seed_path("003")))
    assert added
    library.update(entry.id, outlet="People", date="2021-04-06")
    library.close()

    again = Library.open(private_data_dir)
    assert not again.created
    [stored] = again.entries()
    assert (stored.outlet, stored.date, stored.title) == ("People", "2021-04-06", entry.title)
    assert again.document(stored.id).text == read_document(seed_path("003")).text


def test_same_text_is_stored_once(private_data_dir, seed_path, tmp_path):
    """A copy of an article under another file name is recognised as the same document, not added again."""
    library = Library.open(private_data_dir)
    first, _ = library.add(read_document(seed_path("001")))
    copy = tmp_path / "renamed copy.txt"
    copy.write_bytes(seed_path("001").read_bytes())
    second, added = library.add(read_document(copy))
    assert not added and second.id == first.id and len(library) == 1


def test_remove_and_restore_gives_back_the_same_document(private_data_dir, seed_path):
    """Undoing a removal brings the document back with its id, edited metadata and text."""
    library = Library.open(private_data_dir)
    entry, _ = library.add(read_document(seed_path("002")))
    edited = library.update(entry.id, title="Edited title")
    removed = library.remove(entry.id)
    assert library.entries() == []
    assert library.restore(removed) == edited
    assert library.text(entry.id) == read_document(seed_path("002")).text


def test_restore_after_another_add_loses_nothing(private_data_dir, seed_path):
    """A document added after a removal never takes the removed one's id, so undoing the removal works."""
    library = Library.open(private_data_dir)
    first, _ = library.add(read_document(seed_path("000")))
    second, _ = library.add(read_document(seed_path("001")))
    removed = library.remove(second.id)
    third, _ = library.add(read_document(seed_path("002")))
    assert third.id != second.id
    restored = library.restore(removed)
    assert {entry.title for entry in library.entries()} == {first.title, second.title, third.title}
    assert library.text(restored.id) == read_document(seed_path("001")).text


def test_failed_write_leaves_library_unchanged(private_data_dir, seed_path):
    """A write that fails half-way (here: a bad field) changes nothing already in the library."""
    library = Library.open(private_data_dir)
    entry, _ = library.add(read_document(seed_path("000")))
    with pytest.raises(ValueError):
        library.update(entry.id, title="New", words="5")
    assert library.entry(entry.id) == entry

    broken = Document(text="a document whose insert fails", title="broken")
    with pytest.raises(sqlite3.Error):
        library.add(broken, name=object())  # sqlite cannot store an object: the insert fails mid-transaction
    assert [item.id for item in library.entries()] == [entry.id]
    assert library.add(Document(text="the next import works", title="ok"))[1]


def test_data_folder_override_order(tmp_path, monkeypatch):
    """--data-dir beats the FRAMING_VIEWER_DATA variable, which beats the per-user folder."""
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "from-env"))
    assert data_dir() == tmp_path / "from-env"
    assert data_dir(tmp_path / "from-option") == tmp_path / "from-option"
    assert (tmp_path / "from-option").is_dir()


@pytest.mark.parametrize("field, value, stored", [
    ("date", " 2021-04-06 ", "2021-04-06"),  # surrounding spaces go
    ("date", "", ""),                        # a date may be unknown
    ("outlet", "  People ", "People"),
    ("title", "A title", "A title"),
])
def test_check_field_accepts(field, value, stored):
    """Each row: an edit the list accepts and the value it stores."""
    assert check_field(field, value) == stored


@pytest.mark.parametrize("field, value, reason", [
    ("date", "April 6", "not a date like 2021-04-06"),   # dates are ISO, as the engine reports them
    ("date", "2021-02-30", "not a date like 2021-04-06"),  # a day that does not exist
    ("title", "   ", "cannot be empty"),                  # a document always has a title to show
    ("words", "12", "cannot be edited"),                  # counts come from the text
])
def test_check_field_refuses_with_a_reason(field, value, reason):
    """Each row: an edit refused, with the reason the user is shown."""
    with pytest.raises(ValueError, match=reason):
        check_field(field, value)


def test_labels_of_names_stored_by_an_older_version_carry_no_control_characters(private_data_dir):
    """Names, outlets and titles stored before names were made plain (an ANSI escape, a newline, a bidi
    override) still label their documents on one line, without those characters."""
    library = Library.open(private_data_dir)
    stored = [("\x1b[31mred\x1b[0m", "", "Any title"), ("", "Coastal\nLedger", "Any title"),
              ("", "", "Ferry strike\r\nends \u202etoday")]
    labels = []
    for number, (name, outlet, title) in enumerate(stored):
        document = Document.from_text(f"Story {number} about the ferry strike and the union's offer.\n",
                                      path=f"{number}.txt", outlet=outlet, title=title)
        entry, _ = library.add(document, name=name)
        labels.append(entry.label)
    assert labels == ["[31mred[0m", "Coastal Ledger", "Ferry strike ends today"]
