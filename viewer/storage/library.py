"""The library: every document the user has added, kept in one SQLite database in the data folder.

Each document is one row (text, content hash, title, outlet, author, date, URL, kind, word count, and the
content hash of its original file). Every write is one transaction, so a crash or a full disk leaves either
the whole document or nothing; two files with the same text are one document (the hash of the text is
unique, and an insert that meets a row another process committed meanwhile is a duplicate, never an error).

The originals (the saved page, PDF or Word file a document was extracted from) are kept content-addressed
beside the database, in ``originals/ab/abcdef….html``, each written to a temporary file and renamed into
place, so a file there is always complete.

The database is marked as this app's (SQLite ``application_id`` plus ``user_version``). Both are checked
when the library opens and again inside every write transaction: a file that is empty, damaged, another
program's database or from a newer version raises ``LibraryError`` and is never written to, not even its
version marker. A library the user may not write opens read-only (``Library.read_only``); every write then
raises ``LibraryReadOnly``. Plain Python and ``sqlite3``; no Qt.

    >>> library = Library.open(data_dir())
    >>> entry, added = library.add(document, original=store_original(library.folder, data, "page.html"))
    >>> library.update(entry.id, outlet="People")
    >>> removed = library.remove(entry.id); library.restore(removed)

Exports: ``Entry``, ``Removed``, ``Library``, ``LibraryError``, ``LibraryReadOnly``, ``check_field``,
``content_hash``, ``store_original``, ``set_aside``, ``EDITABLE_FIELDS``, ``APPLICATION_ID``,
``SCHEMA_VERSION``.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import sqlite3
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

# content_hash and the naming rule were defined here first; the engine needs them too (the story names
# documents as the list does and finds the reader's corrections by content hash) and never imports storage.
from ..engine.corrections import content_hash  # noqa: F401 (part of this module's interface)
from ..engine.labels import LABEL_CHARS, name_label, short_title  # noqa: F401 (part of this module's interface)
from ..engine.text import Document
from .corrections import CORRECTIONS_TABLES
from .stories import STORIES_TABLES
from .paths import library_file, make_folder, originals_folder

APPLICATION_ID = 0x46566965  # "FVie" in the SQLite header: this file is a Framing Viewer library
SCHEMA_VERSION = 4  # 1: documents and settings; 2: author, url, kind and original columns, application_id;
# 3: the reader's corrections (viewer/storage/corrections.py); 4: saved stories (viewer/storage/stories.py)
EDITABLE_FIELDS = ("title", "outlet", "date")  # the metadata a user may change in place
BUSY_TIMEOUT_S = 30.0  # seconds a write waits while another process (a second window, `import`) writes
STALE_PART_S = 3600  # seconds after which an unfinished original (a killed import's) is deleted at open
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database
_V1_TABLES = {"documents", "settings", "sqlite_sequence"}  # what an unmarked version-1 library holds

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
    added   REAL NOT NULL,             -- seconds since the epoch
    author  TEXT NOT NULL DEFAULT '',
    url     TEXT NOT NULL DEFAULT '',  -- the article's address (canonical URL, or the one it was downloaded from)
    kind    TEXT NOT NULL DEFAULT '',  -- what it was imported from: text, html, pdf, docx, paste, ...
    original TEXT NOT NULL DEFAULT ''  -- sha256 of the kept original file ('' when none was kept)
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
""" + "".join(statement + ";\n" for statement in CORRECTIONS_TABLES + STORIES_TABLES)

# Version 1 -> 2: the new columns, added with their defaults (every old document is plain text).
_MIGRATE_FROM_1 = [f"ALTER TABLE documents ADD COLUMN {column} TEXT NOT NULL DEFAULT ''"
                   for column in ("author", "url", "kind", "original")]
# Each step brings a library of that version to the next; a library several versions old takes them in turn.
_MIGRATIONS = {1: _MIGRATE_FROM_1, 2: CORRECTIONS_TABLES, 3: STORIES_TABLES}


class LibraryError(Exception):
    """The library file cannot be used, and has not been touched; ``str()`` names the file and says why."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path} {reason}")


class LibraryReadOnly(LibraryError):
    """A write was asked of a library opened read-only."""


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


# Originals ------------------------------------------------------------------------------------------------
_SUFFIX_RE = re.compile(r"\.[A-Za-z0-9]{1,10}$")  # a file name's extension, kept so the system knows the type


def store_original(folder: Path, data: bytes, name: str = "") -> str:
    """Keep ``data`` in the data folder's originals; returns its content hash (the library's ``original``).

    The same bytes are kept once, however often imported. The file appears complete or not at all: it is
    written beside its final name, flushed to disk, then renamed. Needs no database connection, so the
    import worker calls it.
    """
    digest = hashlib.sha256(data).hexdigest()
    if original_path(folder, digest) is not None:
        return digest
    match = _SUFFIX_RE.search(Path(name).name) if name else None
    target = originals_folder(folder) / digest[:2] / (digest + (match.group(0).lower() if match else ""))
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{digest}.{uuid.uuid4().hex}.part")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must never publish a file whose bytes are not on disk
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()
    return digest


def _remove_stale_parts(folder: Path) -> None:
    """Delete originals half-written by an import that was killed (never renamed into place, never in the
    database). Only old ones: another process may be writing one right now."""
    cutoff = time.time() - STALE_PART_S
    for part in originals_folder(folder).glob("*/.*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:  # gone already, or not ours to delete: it is only a leftover
            pass


def original_path(folder: Path, digest: str) -> Path | None:
    """The kept original with content hash ``digest``, or None when there is none."""
    if not re.fullmatch(r"[0-9a-f]{64}", digest or ""):
        return None
    bucket = originals_folder(folder) / digest[:2]
    if not bucket.is_dir():
        return None
    for path in bucket.iterdir():
        if path.name == digest or (path.name.startswith(digest + ".") and not path.name.endswith(".part")):
            return path
    return None


def set_aside(folder: Path) -> Path:
    """Rename an unusable library file (with its -wal and -shm files) out of the way; returns its new name.

    Used when the user chooses a fresh library: the old file is kept, untouched, for them to restore.
    """
    path = library_file(folder)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.unusable-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.unusable-{stamp}-{number}")
    for extra in ("-wal", "-shm"):
        companion = Path(str(path) + extra)
        if companion.exists():
            os.replace(companion, Path(str(target) + extra))
    os.replace(path, target)
    return target


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
    author: str
    url: str
    kind: str
    original: str  # content hash of the kept original file, '' when none

    @property
    def label(self) -> str:
        """What the window calls the document in a sentence: its outlet, else its short name (never a
        hash-like file name an older version stored), else the start of its title."""
        return name_label(self.outlet, self.name, self.title) or f"#{self.id}"


@dataclass(frozen=True)
class Removed:
    """Everything needed to put a removed document back exactly as it was (for undo)."""

    entry: Entry
    text: str
    stories: tuple[int, ...] = ()  # the saved stories it was a member of (viewer/storage/stories.py)


@dataclass(frozen=True)
class LibrarySize:
    """Bytes on disk: the database (with its write-ahead log) and the kept originals."""

    database: int
    originals: int
    original_files: int

    @property
    def total(self) -> int:
        return self.database + self.originals


_COLUMNS = "id, hash, title, outlet, date, path, name, words, added, author, url, kind, original"


class Library:
    """The documents in one SQLite file. Use from one thread (the window's); workers only read files."""

    def __init__(self, connection: sqlite3.Connection, created: bool, folder: Path, read_only: bool = False):
        self._db = connection
        self.created = created  # True when this open made a new, empty library (first launch)
        self.folder = folder  # the data folder holding the database
        self.read_only = read_only  # the file or its folder cannot be written: nothing is ever saved
        self._data_version = self.data_version()

    @property
    def path(self) -> Path:
        return library_file(self.folder)

    @classmethod
    def open(cls, folder: Path, read_only: bool = False) -> Library:
        """The library in ``folder``, created when there is none; raises ``LibraryError`` for a file that is
        not a usable library (nothing is written to it then), ``OSError`` when the folder cannot be made."""
        folder = Path(folder)
        path = library_file(folder)
        make_folder(folder)
        created = False
        if not os.path.lexists(path) and not read_only:
            created = _create(folder, path)
        version = _inspect(path)  # raises LibraryError; opens the file read-only and writes nothing
        if read_only or not _writable(path):
            connection = _read_only_connection(path)
            if version < SCHEMA_VERSION:
                connection.close()
                raise LibraryError(path, f"is an older library (version {version}) that must be updated, "
                                         "and it is read-only")
            return cls(connection, False, folder, read_only=True)
        connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            # WAL: a commit is one append, so importing hundreds of files stays fast, and readers never block.
            # The file was checked above: this is the first write, and only ever to a library of ours.
            connection.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a crash of the app loses nothing committed and a power cut may lose the last
            # commits, but never leaves a half-written document; each commit then costs no disk flush.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            if version < SCHEMA_VERSION:
                _migrate(connection, path)
        except BaseException:
            connection.close()
            raise
        _remove_stale_parts(folder)
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
        return Document(self.text(document_id), entry.path, entry.title, entry.outlet, entry.date,
                        author=entry.author, url=entry.url, kind=entry.kind)

    def original_path(self, document_id: int) -> Path | None:
        """The kept original file of a document, or None (added before originals were kept, or pasted)."""
        entry = self.entry(document_id)
        return original_path(self.folder, entry.original) if entry else None

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def data_version(self) -> int:
        """A number that changes when another connection (another window, `import`) commits a change."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """True once after another process changed the library (this connection's own writes do not count)."""
        version = self.data_version()
        changed, self._data_version = version != self._data_version, version
        return changed

    def size(self) -> LibrarySize:
        database = sum(Path(str(self.path) + extra).stat().st_size
                       for extra in ("", "-wal") if Path(str(self.path) + extra).exists())
        originals, count = 0, 0
        root = originals_folder(self.folder)
        if root.is_dir():
            for bucket in root.iterdir():
                if bucket.is_dir():
                    for path in bucket.iterdir():
                        if path.is_file() and not path.name.endswith(".part"):
                            originals += path.stat().st_size
                            count += 1
        return LibrarySize(database, originals, count)

    # Writing (each method is one transaction) ------------------------------------------------------
    def add(self, document: Document, name: str = "", original: str = "") -> tuple[Entry, bool]:
        """Store ``document``; returns ``(entry, True)``, or ``(existing entry, False)`` for known text.

        ``original``: the content hash ``store_original`` returned for the file it came from.
        """
        digest = content_hash(document.text)
        existing = self.find_hash(digest)
        if existing is not None:
            return existing, False
        # No name from the file's: it is often a download id or a hash ("65cb14cb-…_fox"). Without an
        # outlet the window calls the document by its title.
        with self._writing():
            # Another process may have committed the same text since the check above: then this insert
            # does nothing and the document is a duplicate, as it would have been a moment later.
            cursor = self._db.execute(
                "INSERT INTO documents (hash, text, title, outlet, date, path, name, words, added,"
                " author, url, kind, original) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(hash) DO NOTHING",
                (digest, document.text, document.title, document.outlet, document.date, document.path,
                 name, document.word_count, time.time(), getattr(document, "author", ""),
                 getattr(document, "url", ""), getattr(document, "kind", ""), original),
            )
            inserted = cursor.rowcount == 1
            row_id = cursor.lastrowid
        if not inserted:
            return self.find_hash(digest), False
        return self.entry(row_id), True

    def reextract(self, document_id: int, document: Document) -> Entry:
        """Replace a document's text with ``document``'s (its original read again by a newer importer).

        The text, word count, author, URL and kind come from the new reading; title, outlet and date are
        the user's to edit, so they are kept, and filled in only where they were empty. Raises ValueError
        when the new text is another document's.
        """
        entry = self.entry(document_id)
        if entry is None:
            raise KeyError(document_id)
        digest = content_hash(document.text)
        other = self.find_hash(digest)
        if other is not None and other.id != document_id:
            raise ValueError(f"the text read again is already in the library as “{other.title}”")
        with self._writing():
            self._db.execute(
                "UPDATE documents SET hash=?, text=?, words=?, author=?, url=?, kind=?,"
                " title=CASE title WHEN '' THEN ? ELSE title END,"
                " outlet=CASE outlet WHEN '' THEN ? ELSE outlet END,"
                " date=CASE date WHEN '' THEN ? ELSE date END WHERE id=?",
                (digest, document.text, document.word_count, getattr(document, "author", ""),
                 getattr(document, "url", "") or entry.url, getattr(document, "kind", "") or entry.kind,
                 document.title, document.outlet, document.date, document_id),
            )
            # The reader's corrections follow the document to its new text; those whose words are no
            # longer at their offsets are then flagged as stale, never moved.
            for column in ("left_hash", "right_hash"):
                self._db.execute(f"UPDATE corrections SET {column}=? WHERE {column}=?", (digest, entry.hash))
        return self.entry(document_id)

    def update(self, document_id: int, **fields: str) -> Entry:
        """Change title, outlet and/or date; returns the updated entry."""
        unknown = set(fields) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        values = {key: check_field(key, value) for key, value in fields.items()}
        if values:
            assignments = ", ".join(f"{key}=?" for key in values)
            with self._writing():
                self._db.execute(f"UPDATE documents SET {assignments} WHERE id=?", (*values.values(), document_id))
        entry = self.entry(document_id)
        if entry is None:
            raise KeyError(document_id)
        return entry

    def remove(self, document_id: int) -> Removed:
        """Delete a document; the returned ``Removed`` puts it back with ``restore``.

        Its original file stays: undo needs it, and another document may share it.
        """
        entry = self.entry(document_id)
        if entry is None:
            raise KeyError(document_id)
        stories = tuple(row[0] for row in self._db.execute(
            "SELECT story FROM story_members WHERE document=? ORDER BY story", (document_id,)))
        removed = Removed(entry, self.text(document_id), stories)
        with self._writing():  # its memberships of saved stories go with it (the foreign key cascades)
            self._db.execute("DELETE FROM documents WHERE id=?", (document_id,))
        return removed

    def restore(self, removed: Removed) -> Entry:
        """Put a removed document back, under its old id while that is free (or return the copy added since)."""
        existing = self.find_hash(removed.entry.hash)
        if existing is not None:
            return existing
        entry = removed.entry
        with self._writing():
            taken = self._db.execute("SELECT 1 FROM documents WHERE id=?", (entry.id,)).fetchone()
            cursor = self._db.execute(
                f"INSERT INTO documents ({_COLUMNS}, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(hash) DO NOTHING",
                (None if taken else entry.id, entry.hash, entry.title, entry.outlet, entry.date, entry.path,
                 entry.name, entry.words, entry.added, entry.author, entry.url, entry.kind, entry.original,
                 removed.text),
            )
            inserted, row_id = cursor.rowcount == 1, cursor.lastrowid
            if inserted:  # back in the saved stories it was in, those not deleted since
                self._db.executemany("INSERT OR IGNORE INTO story_members (story, document) SELECT id, ? FROM"
                                     " stories WHERE id=?", [(row_id, story) for story in removed.stories])
        return self.entry(row_id) if inserted else self.find_hash(entry.hash)

    # Settings: small values the library itself needs (the window keeps its own in window.ini) --------
    def setting(self, key: str, default: str = "") -> str:
        row = self._db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._writing():
            self._db.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                             " ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, str(value)))

    def check_writable(self) -> None:
        """Raise ``LibraryReadOnly`` or ``LibraryError`` now if a write would be refused (before an undoable
        step is recorded, so a refused write never leaves a step behind)."""
        with self._writing():
            pass

    def _writing(self) -> _Transaction:
        if self.read_only:
            raise LibraryReadOnly(self.path, "is read-only: nothing can be added or changed")
        return _Transaction(self._db, self.path)


class _Transaction:
    """``with library._writing():`` — BEGIN IMMEDIATE, check the file is still our library, then COMMIT,
    or ROLLBACK if anything raised.

    The check runs inside the transaction, under the write lock: a newer version or another program that
    took the file over since it was opened is noticed before this write, never after.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db, self._path = connection, path

    def __enter__(self):
        self._db.execute("BEGIN IMMEDIATE")
        application_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if application_id != APPLICATION_ID or version != SCHEMA_VERSION:
            self._db.execute("ROLLBACK")
            raise LibraryError(self._path, _foreign_reason(application_id, version))
        return self._db

    def __exit__(self, kind, error, trace):
        self._db.execute("ROLLBACK" if kind else "COMMIT")
        return False


# Opening: create, inspect, migrate ---------------------------------------------------------------------
def _create(folder: Path, path: Path) -> bool:
    """A new, empty, marked library at ``path``; False when another process created one meanwhile.

    The library is built under a temporary name and linked into place, so nobody (a second window, an
    `import` started at the same moment) ever sees a half-made or empty file there.
    """
    with _creation_lock(folder):
        # Looked at again under the lock: another process may have created the library since, and then a
        # write-ahead log beside it is that process's live log, not an orphan to set aside (moving it lost its
        # imports). While the name is free nobody can have it open, so a log there now is an orphan.
        if os.path.lexists(path):
            return False
        _set_aside_orphans(path)
        return _link_new_library(folder, path)


@contextmanager
def _creation_lock(folder: Path):
    """Held while a library is created: two processes starting at once take turns. An advisory lock on a small
    file beside the library (POSIX); without fcntl (Windows) creation relies on the hard link alone."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(folder / ".library.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _link_new_library(folder: Path, path: Path) -> bool:
    temporary = folder / f".{path.name}.{uuid.uuid4().hex}.new"
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            connection.executescript(_SCHEMA)
            connection.execute("PRAGMA journal_mode=WAL")
        finally:
            connection.close()
        try:
            os.link(temporary, path)  # fails if the name is taken: never replaces another library
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if os.path.lexists(path):
                return False
            os.replace(temporary, path)
        return True
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            if leftover.exists():
                leftover.unlink()


def _set_aside_orphans(path: Path) -> None:
    """Move away a write-ahead log (and its index) left where no library is: it belonged to a database
    deleted or moved alone, and SQLite would replay its pages into the new library. Kept, renamed, not
    deleted. Called under the creation lock, with the library's name free."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for extra in ("-wal", "-shm"):
        orphan = Path(f"{path}{extra}")
        if os.path.lexists(orphan):
            os.replace(orphan, orphan.with_name(f"{orphan.name}.orphaned-{stamp}-{uuid.uuid4().hex[:6]}"))


def _inspect(path: Path) -> int:
    """The schema version of the library at ``path``; raises ``LibraryError`` when it is not one we may
    write. Reads only (the header bytes, then a read-only connection)."""
    if not path.is_file():
        raise LibraryError(path, "is not a file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise LibraryError(path, f"cannot be read ({error.strerror or error})") from None
    if not header:
        raise LibraryError(path, "is empty (0 bytes): it may have been emptied by a failed copy or sync")
    if not header.startswith(SQLITE_MAGIC):
        raise LibraryError(path, "is not a Framing Viewer library: it is not an SQLite database, or it is damaged")
    if len(header) < 100:
        raise LibraryError(path, "is damaged: it is cut short")
    try:
        connection = _read_only_connection(path)
    except sqlite3.OperationalError as error:
        raise LibraryError(path, f"cannot be opened ({error})") from None
    except sqlite3.Error as error:
        raise LibraryError(path, f"is damaged ({error})") from None
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        check = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as error:
        raise LibraryError(path, f"is damaged ({error})") from None
    finally:
        connection.close()
    if check != [("ok",)]:
        raise LibraryError(path, f"is damaged (SQLite's check says: {check[0][0]})")
    if application_id == 0 and version == 1 and "documents" in tables and tables <= _V1_TABLES:
        return 1  # this app's library from before the marker existed: migrated when opened for writing
    if application_id == APPLICATION_ID and 1 <= version <= SCHEMA_VERSION:
        return version
    raise LibraryError(path, _foreign_reason(application_id, version))


def _foreign_reason(application_id: int, version: int) -> str:
    if application_id == APPLICATION_ID and version > SCHEMA_VERSION:
        return (f"was made by a newer version of Framing Viewer (library version {version}; this version "
                f"reads up to {SCHEMA_VERSION}): update Framing Viewer to open it")
    if application_id == APPLICATION_ID:
        return f"is damaged (unknown library version {version})"
    return "is another program's SQLite database, not a Framing Viewer library"


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring an older library of ours up to ``SCHEMA_VERSION``, in one transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated it since we looked.
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if not (application_id == APPLICATION_ID and version == SCHEMA_VERSION):
            if not (application_id in (0, APPLICATION_ID) and version == 1
                    or application_id == APPLICATION_ID and 1 <= version < SCHEMA_VERSION):
                raise LibraryError(path, _foreign_reason(application_id, version))
            for step in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[step]:
                    connection.execute(statement)
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. In a folder we may not write, SQLite cannot make the shared-memory
    file a WAL library needs to be read; the file is then opened as immutable (nobody can change it anyway)."""
    uri = f"file:{quote(str(path))}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError:
        connection.close()
        if os.access(path.parent, os.W_OK):
            raise
        connection = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                     check_same_thread=False)
    return connection


def _writable(path: Path) -> bool:
    """Whether this process may write the library: the file, and its folder (for the write-ahead log)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
