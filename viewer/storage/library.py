"""The library: every document the user has added, kept in one SQLite database in the data folder.

Each document is one row (text, content hash, title, outlet, date, word count). Every write is one
transaction, so a crash or a full disk leaves either the whole document or nothing; two files with the same
text are one document (the hash of the text is unique). Plain Python and ``sqlite3``; no Qt.

    >>> library = Library.open(data_dir())
    >>> entry, added = library.add(read_document("article.txt"))
    >>> library.update(entry.id, outlet="People")
    >>> removed = library.remove(entry.id); library.restore(removed)

Exports: ``Entry``, ``Removed``, ``Library``, ``check_field``, ``content_hash``, ``EDITABLE_FIELDS``.
"""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from ..engine.text import Document
from .paths import library_file

SCHEMA_VERSION = 1
EDITABLE_FIELDS = ("title", "outlet", "date")  # the metadata a user may change in place

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo, window.ini and caches hold ids
    hash    TEXT NOT NULL UNIQUE,   -- sha256 of the text: the same article is never stored twice
    text    TEXT NOT NULL,
    title   TEXT NOT NULL DEFAULT '',
    outlet  TEXT NOT NULL DEFAULT '',
    date    TEXT NOT NULL DEFAULT '',  -- ISO YYYY-MM-DD or ''
    path    TEXT NOT NULL DEFAULT '',  -- where it was imported from
    name    TEXT NOT NULL DEFAULT '',  -- short label when the outlet is unknown (the file's name)
    words   INTEGER NOT NULL,
    added   REAL NOT NULL              -- seconds since the epoch
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def check_field(field: str, value: str) -> str:
    """The value to store for an edited field; raises ValueError with a reason a user understands."""
    if field not in EDITABLE_FIELDS:
        raise ValueError(f"{field} cannot be edited")
    value = str(value).strip()
    if field == "date" and value:
        try:
            value = datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError(f"“{value}” is not a date like 2021-04-06") from None
    if field == "title" and not value:
        raise ValueError("a title cannot be empty")
    return value


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One document of the library, without its text (the list shows thousands of these cheaply)."""

    id: int
    hash: str
    title: str
    outlet: str
    date: str
    path: str
    name: str
    words: int
    added: float

    @property
    def label(self) -> str:
        """What the window calls the document in a sentence: its outlet, else its short name."""
        return self.outlet or self.name or self.title[:30] or f"#{self.id}"


@dataclass(frozen=True)
class Removed:
    """Everything needed to put a removed document back exactly as it was (for undo)."""

    entry: Entry
    text: str


_COLUMNS = "id, hash, title, outlet, date, path, name, words, added"


class Library:
    """The documents in one SQLite file. Use from one thread (the window's); workers only read files."""

    def __init__(self, connection: sqlite3.Connection, created: bool, folder: Path):
        self._db = connection
        self.created = created  # True when this open made a new, empty library (first launch)
        self.folder = folder  # the data folder holding the database

    @classmethod
    def open(cls, folder: Path) -> Library:
        path = library_file(folder)
        created = not path.exists()
        folder.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, isolation_level=None)  # explicit BEGIN/COMMIT below
        # WAL: a commit is one append, so importing hundreds of files stays fast, and readers never block.
        connection.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a crash of the app loses nothing committed and a power cut may lose the last
        # commits, but never leaves a half-written document; each commit then costs no disk flush.
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        with _transaction(connection):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        return cls(connection, created, folder)

    def close(self) -> None:
        self._db.close()

    # Reading ---------------------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        """All documents, oldest first."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM documents ORDER BY id").fetchall()
        return [Entry(*row) for row in rows]

    def entry(self, document_id: int) -> Entry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM documents WHERE id=?", (document_id,)).fetchone()
        return Entry(*row) if row else None

    def find_hash(self, digest: str) -> Entry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM documents WHERE hash=?", (digest,)).fetchone()
        return Entry(*row) if row else None

    def text(self, document_id: int) -> str:
        row = self._db.execute("SELECT text FROM documents WHERE id=?", (document_id,)).fetchone()
        if row is None:
            raise KeyError(document_id)
        return row[0]

    def document(self, document_id: int) -> Document:
        """The engine's Document for a library entry, with the user's edited metadata."""
        entry = self.entry(document_id)
        if entry is None:
            raise KeyError(document_id)
        return Document(self.text(document_id), entry.path, entry.title, entry.outlet, entry.date)

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    # Writing (each method is one transaction) ------------------------------------------------------
    def add(self, document: Document, name: str = "") -> tuple[Entry, bool]:
        """Store ``document``; returns ``(entry, True)``, or ``(existing entry, False)`` for known text."""
        digest = content_hash(document.text)
        existing = self.find_hash(digest)
        if existing is not None:
            return existing, False
        name = name or (Path(document.path).stem if document.path else "")
        with _transaction(self._db):
            cursor = self._db.execute(
                "INSERT INTO documents (hash, text, title, outlet, date, path, name, words, added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, document.text, document.title, document.outlet, document.date, document.path,
                 name, document.word_count, time.time()),
            )
        return self.entry(cursor.lastrowid), True

    def update(self, document_id: int, **fields: str) -> Entry:
        """Change title, outlet and/or date; returns the updated entry."""
        unknown = set(fields) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        values = {key: check_field(key, value) for key, value in fields.items()}
        if values:
            assignments = ", ".join(f"{key}=?" for key in values)
            with _transaction(self._db):
                self._db.execute(f"UPDATE documents SET {assignments} WHERE id=?", (*values.values(), document_id))
        entry = self.entry(document_id)
        if entry is None:
            raise KeyError(document_id)
        return entry

    def remove(self, document_id: int) -> Removed:
        """Delete a document; the returned ``Removed`` puts it back with ``restore``."""
        entry = self.entry(document_id)
        if entry is None:
            raise KeyError(document_id)
        removed = Removed(entry, self.text(document_id))
        with _transaction(self._db):
            self._db.execute("DELETE FROM documents WHERE id=?", (document_id,))
        return removed

    def restore(self, removed: Removed) -> Entry:
        """Put a removed document back, under its old id while that is free (or return the copy added since)."""
        existing = self.find_hash(removed.entry.hash)
        if existing is not None:
            return existing
        entry = removed.entry
        taken = self._db.execute("SELECT 1 FROM documents WHERE id=?", (entry.id,)).fetchone()
        with _transaction(self._db):
            cursor = self._db.execute(
                f"INSERT INTO documents ({_COLUMNS}, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (None if taken else entry.id, entry.hash, entry.title, entry.outlet, entry.date, entry.path,
                 entry.name, entry.words, entry.added, removed.text),
            )
        return self.entry(cursor.lastrowid)

    # Settings: small values the library itself needs (the window keeps its own in window.ini) --------
    def setting(self, key: str, default: str = "") -> str:
        row = self._db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with _transaction(self._db):
            self._db.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                             " ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, str(value)))


class _transaction:
    """``with _transaction(db):`` — BEGIN IMMEDIATE, then COMMIT, or ROLLBACK if anything raised."""

    def __init__(self, connection: sqlite3.Connection):
        self._db = connection

    def __enter__(self):
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, kind, error, trace):
        self._db.execute("ROLLBACK" if kind else "COMMIT")
        return False
