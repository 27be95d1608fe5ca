"""One file, link or paste on its way into the library: read it, keep its original, then store it.

Reading and keeping the original need no database connection, so the window does them in its import worker
(``prepare``) and only the one-row insert on its own thread (``Library.add``); the ``import`` command does
both in turn (``import_sources``). Each source is one transaction: a crash leaves it complete or absent.

Exports: ``Prepared``, ``prepare``, ``prepare_paste``, ``named_sources``, ``ImportSummary``, ``import_sources``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.text import Document
from .importers import Imported, UnreadableFile, expand, from_paste, is_url, load, local_source
from .library import Entry, Library, store_original


@dataclass(frozen=True)
class Prepared:
    """A document read from its source, its original already kept (``original``: the content hash)."""

    source: str
    document: Document
    original: str


def _kept(source: str, imported: Imported, folder: Path) -> Prepared:
    try:
        digest = store_original(folder, imported.original, imported.original_name) if imported.original else ""
    except OSError as error:  # a full disk: the document is not added without its original
        raise UnreadableFile(source, f"could not be kept in the library ({error.strerror or error})") from None
    return Prepared(source, imported.document, digest)


def prepare(source: str | Path, folder: Path) -> Prepared:
    """Read ``source`` (a path or URL) and keep its original in ``folder``; raises ``UnreadableFile``."""
    return _kept(str(source), load(source), folder)


def prepare_paste(text: str | None, html: str | None, folder: Path) -> Prepared:
    """Pasted or dropped text (and a browser's HTML of it) as a document with its original kept."""
    return _kept("pasted text", from_paste(text=text, html=html), folder)


def named_sources(text: str) -> list[str]:
    """The files and links pasted ``text`` names, one a line, or [] when it is text to read.

    A line names a source when it is an http(s) link, a ``file://`` link (a file manager's "Copy", a
    browser's address bar on a saved page), or the absolute path of a file or folder that exists: a path
    that does not exist may be a sentence such as "/etc is where...", so it stays text. Every line must
    name one: a link inside an article is part of the article."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    for line in lines:
        if is_url(line) or line.lower().startswith("file://"):
            continue
        try:
            if not (Path(line).is_absolute() and Path(line).exists()):
                return []
        except (OSError, ValueError):  # a name too long, or holding a NUL: not a path
            return []
    return lines


def sources_to_import(sources) -> tuple[list[str], list[UnreadableFile]]:
    """URLs as given, folders walked into their files; and the errors met walking them."""
    items: list[str] = []
    errors: list[UnreadableFile] = []
    for source in sources:
        try:
            source = local_source(str(source))
        except UnreadableFile as error:
            errors.append(error)
            continue
        if is_url(source):
            items.append(source)
        else:
            files, walk_errors = expand([source])
            items += [str(path) for path in files]
            errors += walk_errors
    return items, errors


@dataclass
class ImportSummary:
    """What an import did: ids added, (source, existing entry) duplicates, (source, reason) failures."""

    added: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, Entry]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)


def import_sources(library: Library, sources, progress=None) -> ImportSummary:
    """Add every source to ``library``, one transaction each; ``progress(done, total, source)`` as it goes.

    A source that cannot be read is a failure with its reason, and the rest go on; ``LibraryError`` (the
    library is read-only, or no longer ours) stops the import.
    """
    items, errors = sources_to_import(sources)
    summary = ImportSummary(failures=[(error.path, error.reason) for error in errors])
    for done, source in enumerate(items):
        if progress is not None:
            progress(done, len(items), source)
        try:
            prepared = prepare(source, library.folder)
        except UnreadableFile as error:
            summary.failures.append((error.path, error.reason))
            continue
        try:
            entry, added = library.add(prepared.document, original=prepared.original)
        except sqlite3.Error as error:  # a full disk: this file fails, the rest go on (LibraryError stops all)
            summary.failures.append((source, f"could not be saved in the library ({error})"))
            continue
        if added:
            summary.added.append(entry.id)
        else:
            summary.duplicates.append((source, entry))
    if progress is not None:
        progress(len(items), len(items), "")
    return summary
