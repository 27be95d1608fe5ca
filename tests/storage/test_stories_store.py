"""Saved stories in the library: saved, listed, renamed, deleted and put back; a removed document leaves them;
an older library gains them; a read-only library refuses them."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import SEED_FILES
from viewer.storage import library as library_module
from viewer.storage.importers import read_document
from viewer.storage.library import SCHEMA_VERSION, Library, LibraryReadOnly
from viewer.storage.paths import library_file
from viewer.storage.stories import (
    delete_story, rename_story, restore_story, save_story, stories, story_named,
)


@pytest.fixture
def library(private_data_dir):
    opened = Library.open(private_data_dir)
    yield opened
    opened.close()


def add_seeds(library) -> list[int]:
    """The four seed articles' library ids, 000 to 003."""
    return [library.add(read_document(SEED_FILES[number]))[0].id for number in sorted(SEED_FILES)]


def test_a_saved_story_is_listed_with_its_documents_after_reopening(private_data_dir):
    """A story saved from three documents is there, with those three, when the library is opened again;
    stories are listed by name, and a name is found whatever its case."""
    library = Library.open(private_data_dir)
    ids = add_seeds(library)
    save_story(library, "  Teigen   interview ", ids[1:])
    save_story(library, "always first", ids[:2])
    library.close()
    library = Library.open(private_data_dir)
    try:
        assert [(saved.name, saved.members) for saved in stories(library)] == [
            ("always first", tuple(ids[:2])), ("Teigen interview", tuple(ids[1:]))]
        assert story_named(library, "TEIGEN INTERVIEW").members == tuple(ids[1:])
        assert story_named(library, "nothing") is None
    finally:
        library.close()


@pytest.mark.parametrize("name, reason", [("   ", "needs a name"), ("x" * 121, "at most 120"),
                                          ("teigen", "exists already")])
def test_an_empty_long_or_taken_name_is_refused_with_a_reason(library, name, reason):
    """A story needs a name, not too long, and not one another story has (in any case)."""
    ids = add_seeds(library)
    save_story(library, "Teigen", ids[:2])
    with pytest.raises(ValueError, match=reason):
        save_story(library, name, ids[2:])
    assert [saved.name for saved in stories(library)] == ["Teigen"]


def test_rename_keeps_the_members(library):
    """Renaming a story changes its name only; renaming onto another story's name is refused."""
    ids = add_seeds(library)
    first = save_story(library, "First", ids[:2])
    save_story(library, "Second", ids[2:])
    renamed = rename_story(library, first.id, "People and the re-reports")
    assert (renamed.id, renamed.members) == (first.id, tuple(ids[:2]))
    with pytest.raises(ValueError, match="exists already"):
        rename_story(library, first.id, "second")
    assert [saved.name for saved in stories(library)] == ["People and the re-reports", "Second"]


def test_deleting_a_story_keeps_its_documents_and_restore_puts_it_back(library):
    """Deleting a story leaves every document in the library; restoring gives the same story back."""
    ids = add_seeds(library)
    saved = save_story(library, "Teigen", ids[1:3])
    deleted = delete_story(library, saved.id)
    assert stories(library) == [] and len(library) == 4
    assert restore_story(library, deleted) == saved
    assert stories(library) == [saved]


def test_a_removed_document_leaves_its_stories_and_undo_brings_it_back(library):
    """Removing a document takes it out of every saved story; restoring it (undo) puts it back in them."""
    ids = add_seeds(library)
    save_story(library, "All four", ids)
    save_story(library, "Two", ids[2:])
    removed = library.remove(ids[3])
    assert [saved.members for saved in stories(library)] == [tuple(ids[:3]), (ids[2],)]
    restored = library.restore(removed)
    assert restored.id == ids[3]
    assert [saved.members for saved in stories(library)] == [tuple(ids), tuple(ids[2:])]


def test_a_version_3_library_gains_saved_stories(private_data_dir):
    """A library made before stories existed opens with its documents, is marked as the new version, and
    takes a saved story."""
    library = Library.open(private_data_dir)
    ids = add_seeds(library)
    library.close()
    connection = sqlite3.connect(library_file(private_data_dir), isolation_level=None)
    connection.execute("DROP TABLE story_members")
    connection.execute("DROP TABLE stories")
    connection.execute("PRAGMA user_version=3")
    connection.close()
    library = Library.open(private_data_dir)
    try:
        assert [entry.id for entry in library.entries()] == ids
        assert save_story(library, "Teigen", ids[:2]).members == tuple(ids[:2])
        assert library._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    finally:
        library.close()


def test_a_read_only_library_lists_stories_and_refuses_to_change_them(private_data_dir, monkeypatch):
    """A library the user may not write shows its stories, and saving or deleting one says it is read-only,
    changing nothing."""
    library = Library.open(private_data_dir)
    ids = add_seeds(library)
    saved = save_story(library, "Teigen", ids[:2])
    library.close()
    before = library_file(private_data_dir).read_bytes()
    monkeypatch.setattr(library_module, "_writable", lambda path: False)
    library = Library.open(private_data_dir)
    try:
        assert library.read_only and stories(library) == [saved]
        with pytest.raises(LibraryReadOnly, match="read-only"):
            save_story(library, "Another", ids[2:])
        with pytest.raises(LibraryReadOnly, match="read-only"):
            delete_story(library, saved.id)
        assert stories(library) == [saved]
    finally:
        library.close()
    assert library_file(private_data_dir).read_bytes() == before
