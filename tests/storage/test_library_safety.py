"""The library file is never harmed: bad files are refused untouched, old ones migrate, originals are kept."""

from __future__ import annotations

import hashlib
import sqlite3
import struct

import pytest

from viewer.engine import Document
from viewer.storage import library as library_module
from viewer.storage.library import (
    APPLICATION_ID, SCHEMA_VERSION, Library, LibraryError, LibraryReadOnly, content_hash, original_path, set_aside,
    store_original,
)
from viewer.storage.paths import library_file

ARTICLE = ("Council approves the new bridge\n\n"
           "The city council voted 7-2 on Tuesday to fund the river bridge. \"It is long overdue,\" the mayor said.\n")


def header_markers(path):
    """(user_version, application_id) straight from the SQLite header bytes (offsets 60 and 68)."""
    header = path.read_bytes()[:100]
    return struct.unpack(">i", header[60:64])[0], struct.unpack(">I", header[68:72])[0]


def a_library_with_documents(folder, count=40):
    library = Library.open(folder)
    for number in range(count):
        library.add(Document.from_text(f"Story {number}\n\n" + ARTICLE * 3 + f"Closing line {number}.\n"))
    library.close()
    return library_file(folder)


def test_a_new_library_is_marked_as_this_apps(private_data_dir):
    """A new library file carries Framing Viewer's application id and schema version in its header."""
    Library.open(private_data_dir).close()
    assert header_markers(library_file(private_data_dir)) == (SCHEMA_VERSION, APPLICATION_ID)


def _emptied(path):
    path.write_bytes(b"")


def _not_sqlite(path):
    path.write_text("these are my notes, not a database\n" * 20, encoding="utf-8")


def write_other_programs_database(path):
    """Another program's SQLite database (an address book) where the library should be."""
    connection = sqlite3.connect(path)
    connection.executescript("CREATE TABLE contacts (name TEXT, phone TEXT);"
                             "INSERT INTO contacts VALUES ('Ana', '555-0100');")
    connection.close()


def _other_program_with_our_table_name(path):
    connection = sqlite3.connect(path)
    connection.executescript("PRAGMA user_version=7; CREATE TABLE documents (x);")
    connection.close()


def _newer_version(path):
    a_library_with_documents(path.parent, 3)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    connection.close()


def _damaged_inside(path):
    a_library_with_documents(path.parent)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page:3 * page] = b"\xa5" * page  # one page of the documents' tree overwritten
    path.write_bytes(bytes(data))


def _cut_short(path):
    a_library_with_documents(path.parent)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 3])


@pytest.mark.parametrize("spoil, reason", [
    (_emptied, "is empty (0 bytes)"),                         # a failed sync left nothing
    (_not_sqlite, "not an SQLite database"),                  # a text file under the library's name
    (write_other_programs_database, "another program's SQLite database"),    # someone else's database
    (_other_program_with_our_table_name, "another program's SQLite database"),  # a look-alike table is not enough
    (_newer_version, "newer version of Framing Viewer"),      # a library a later release has changed
    (_damaged_inside, "damaged"),                              # a page overwritten with garbage
    (_cut_short, "damaged"),                                   # a copy that stopped part-way
])
def test_a_bad_library_file_is_refused_and_left_byte_for_byte_unchanged(private_data_dir, spoil, reason):
    """Each row: the library file is refused with a reason that names it, and not one byte of it changes."""
    private_data_dir.mkdir(parents=True, exist_ok=True)
    path = library_file(private_data_dir)
    spoil(path)
    before = path.read_bytes()
    for _ in range(2):  # and a second try does no more harm than the first
        with pytest.raises(LibraryError) as caught:
            Library.open(private_data_dir)
        assert reason in caught.value.reason
        assert str(path) in str(caught.value)
    assert path.read_bytes() == before


def test_a_library_taken_over_while_open_is_not_written(private_data_dir):
    """When a newer version changes the library under an open window, the window's next write is refused."""
    library = Library.open(private_data_dir)
    entry, _ = library.add(Document.from_text(ARTICLE))
    newer = sqlite3.connect(library_file(private_data_dir))
    newer.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    newer.close()
    with pytest.raises(LibraryError, match="newer version"):
        library.update(entry.id, outlet="Changed")
    with pytest.raises(LibraryError, match="newer version"):
        library.add(Document.from_text("Another story\n\nWith words of its own."))
    library.close()
    check = sqlite3.connect(library_file(private_data_dir))
    assert check.execute("SELECT outlet FROM documents").fetchall() == [("",)]
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_a_fresh_library_keeps_the_old_file_aside(private_data_dir):
    """Starting a fresh library renames the unusable file aside with its bytes intact, then opens normally."""
    private_data_dir.mkdir(parents=True)
    path = library_file(private_data_dir)
    write_other_programs_database(path)
    before = path.read_bytes()
    kept = set_aside(private_data_dir)
    assert kept.read_bytes() == before and kept.parent == private_data_dir
    library = Library.open(private_data_dir)
    assert library.created and len(library) == 0


def test_a_version_1_library_is_migrated_with_its_documents(private_data_dir):
    """A library made by the previous release opens with every document, and is then marked as version 2."""
    private_data_dir.mkdir(parents=True)
    path = library_file(private_data_dir)
    old = sqlite3.connect(path)
    old.executescript("""
        CREATE TABLE documents (id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '', outlet TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', words INTEGER NOT NULL, added REAL NOT NULL);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        PRAGMA user_version=1;""")
    old.execute("INSERT INTO documents (hash, text, title, outlet, words, added) VALUES (?, ?, ?, ?, ?, ?)",
                (content_hash(ARTICLE), ARTICLE, "Council approves the new bridge", "Gazette", 27, 1.0))
    old.commit()
    old.close()
    library = Library.open(private_data_dir)
    [entry] = library.entries()
    assert (entry.title, entry.outlet, entry.author, entry.kind, entry.original) == (
        "Council approves the new bridge", "Gazette", "", "", "")
    assert library.text(entry.id) == ARTICLE
    assert library.add(Document.from_text("A second story\n\nWith its own words."))[1]
    library.close()
    assert header_markers(path) == (SCHEMA_VERSION, APPLICATION_ID)


def test_a_read_only_library_opens_read_only_and_refuses_writes(private_data_dir, monkeypatch):
    """A library the user may not write opens with its documents, and adding or editing says it is read-only."""
    path = a_library_with_documents(private_data_dir, 5)
    before = path.read_bytes()
    # The tests may run as root, for whom no file is read-only: the permission check is what is simulated.
    monkeypatch.setattr(library_module, "_writable", lambda path: False)
    library = Library.open(private_data_dir)
    assert library.read_only and len(library) == 5
    entry = library.entries()[0]
    with pytest.raises(LibraryReadOnly, match="read-only"):
        library.add(Document.from_text("A new story\n\nIt cannot be saved."))
    with pytest.raises(LibraryReadOnly):
        library.update(entry.id, outlet="X")
    with pytest.raises(LibraryReadOnly):
        library.remove(entry.id)
    library.close()
    assert path.read_bytes() == before


def test_originals_are_kept_once_by_content_and_complete(private_data_dir):
    """The same page imported twice is kept once, under its content hash with its extension, byte for byte."""
    page = b"<html><head><title>Bridge</title></head><body><p>" + ARTICLE.encode() + b"</p></body></html>"
    first = store_original(private_data_dir, page, "/downloads/Bridge vote.HTML")
    again = store_original(private_data_dir, page, "copy.htm")
    assert first == again == hashlib.sha256(page).hexdigest()
    kept = original_path(private_data_dir, first)
    assert kept.name == first + ".html" and kept.parent.name == first[:2]
    assert kept.read_bytes() == page
    assert [path.name for path in kept.parent.iterdir()] == [kept.name], "no temporary file is left behind"

    library = Library.open(private_data_dir)
    entry, added = library.add(Document.from_text(ARTICLE, path="/downloads/Bridge vote.HTML"), original=first)
    assert added and library.original_path(entry.id) == kept
    size = library.size()
    assert size.originals == len(page) and size.original_files == 1
    assert size.database >= library_file(private_data_dir).stat().st_size > 0


def test_reextract_replaces_the_text_and_keeps_the_users_edits(private_data_dir):
    """Reading an original again replaces the text and word count, and keeps the outlet the user typed."""
    library = Library.open(private_data_dir)
    entry, _ = library.add(Document.from_text("Bridge vote\n\nMenu Home Sport\n" + ARTICLE))
    library.update(entry.id, outlet="The Gazette")
    updated = library.reextract(entry.id, Document.from_text(ARTICLE, outlet="gazette.example"))
    assert library.text(entry.id) == ARTICLE
    assert updated.outlet == "The Gazette" and updated.hash == content_hash(ARTICLE)
    assert updated.words == Document.from_text(ARTICLE).word_count
    other, _ = library.add(Document.from_text("Another story\n\nWith words of its own."))
    with pytest.raises(ValueError, match="already in the library"):
        library.reextract(other.id, Document.from_text(ARTICLE))


def test_the_same_text_committed_by_another_process_is_a_duplicate(private_data_dir):
    """A document another process saved between our check and our insert is reported as already there."""
    ours = Library.open(private_data_dir)
    theirs = Library.open(private_data_dir)
    document = Document.from_text(ARTICLE)
    original_find = ours.find_hash
    calls = []

    def late_find(digest):  # our first look happens before the other process commits
        calls.append(digest)
        return None if len(calls) == 1 else original_find(digest)

    ours.find_hash = late_find
    their_entry, added = theirs.add(document)
    assert added
    entry, added = ours.add(document)
    assert not added and entry.id == their_entry.id and len(ours) == 1


def test_a_change_by_another_process_is_noticed(private_data_dir):
    """A removal committed by another process is seen by the open library; its own writes are not."""
    ours = Library.open(private_data_dir)
    entry, _ = ours.add(Document.from_text(ARTICLE))
    assert not ours.changed_elsewhere()
    theirs = Library.open(private_data_dir)
    theirs.remove(entry.id)
    assert ours.changed_elsewhere()
    assert not ours.changed_elsewhere()


def test_an_original_left_half_written_by_a_killed_import_is_cleared_later(private_data_dir):
    """A temporary original an import killed mid-write left behind is deleted at a later open, once it is
    old enough that no running import can still be writing it; a recent one is left alone."""
    import os
    import time

    Library.open(private_data_dir).close()
    bucket = private_data_dir / "originals" / "ab"
    bucket.mkdir(parents=True)
    old, recent = bucket / ".ab12.1.part", bucket / ".ab34.2.part"
    old.write_bytes(b"<html>half")
    recent.write_bytes(b"<html>half")
    hours_ago = time.time() - 2 * library_module.STALE_PART_S
    os.utime(old, (hours_ago, hours_ago))
    Library.open(private_data_dir).close()
    assert not old.exists() and recent.exists()


def test_a_log_left_without_its_library_is_not_replayed_into_a_new_one(private_data_dir):
    """When the library file was deleted but its write-ahead log stayed, a new library starts empty and sound,
    and the old log is kept aside rather than replayed into it."""
    import shutil

    library = Library.open(private_data_dir)
    for number in range(20):
        library.add(Document.from_text(f"Story {number}\n\n" + ARTICLE))
    wal = private_data_dir / "library.sqlite3-wal"
    shutil.copy(wal, private_data_dir / "saved-log")  # the log as it is while the window is open
    library.close()
    library_file(private_data_dir).unlink()
    shutil.copy(private_data_dir / "saved-log", wal)
    fresh = Library.open(private_data_dir)
    assert fresh.created and len(fresh) == 0
    assert fresh._db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    kept = [path for path in private_data_dir.iterdir() if path.name.startswith("library.sqlite3-wal.orphaned-")]
    assert len(kept) == 1 and kept[0].read_bytes() == (private_data_dir / "saved-log").read_bytes()


def test_a_library_another_process_creates_at_the_same_moment_keeps_its_log(private_data_dir, monkeypatch):
    """Two first launches at once: when the other process creates the library (and writes an import to its
    write-ahead log) just after this one found no library, this one never moves that log aside as an orphan:
    the import stays in the library."""
    path = library_file(private_data_dir)
    real_lexists = library_module.os.path.lexists
    other = []

    def lexists(name):
        # The first look for the library's own name finds nothing, and just after it the other process
        # creates the library and adds a document (its connection stays open, so its log stays). Creation
        # then looks again under the creation lock, which the other process held while it created.
        if str(name) == str(path) and not other:
            monkeypatch.setattr(library_module.os.path, "lexists", real_lexists)
            library = Library.open(private_data_dir)
            library.add(Document.from_text("Added by the other process\n\n" + ARTICLE))
            other.append(library)
            return False
        return real_lexists(name)

    private_data_dir.mkdir(parents=True)
    monkeypatch.setattr(library_module.os.path, "lexists", lexists)
    this = Library.open(private_data_dir)
    assert not this.created
    assert [entry.title for entry in this.entries()] == ["Added by the other process"]
    assert not [name for name in private_data_dir.iterdir() if ".orphaned-" in name.name]
    other[0].close()
