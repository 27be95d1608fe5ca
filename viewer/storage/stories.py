"""Saved stories: named sets of the library's documents, so a story can be built again without selecting it.

A story is a name and its member documents (library ids). A member leaves its stories when the document is
removed (the members' foreign key cascades); undoing the removal puts it back (``Library.restore``). Every
save, rename and delete is one transaction, and a read-only or foreign library refuses them as it refuses
every write (``LibraryReadOnly``, ``LibraryError``). Plain Python; no Qt.

    >>> saved = save_story(library, "Teigen interview", [1, 2, 3])
    >>> story_named(library, "teigen interview").members
    (1, 2, 3)
    >>> restore_story(library, delete_story(library, saved.id))

Exports: ``STORIES_TABLES``, ``Saved``, ``stories``, ``story_named``, ``save_story``, ``rename_story``,
``delete_story``, ``restore_story``, ``check_name``, ``NAME_CHARS``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

# Statements run in order to create the tables (a new library, or the migration from version 3).
STORIES_TABLES = [
    """CREATE TABLE IF NOT EXISTS stories (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: undo puts a deleted story back under its id
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- what the Story tab's chooser and `--story NAME` call it
    made  REAL NOT NULL                        -- seconds since the epoch
)""",
    """CREATE TABLE IF NOT EXISTS story_members (
    story    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,  -- removed with its document
    PRIMARY KEY (story, document)
)""",
    "CREATE INDEX IF NOT EXISTS story_members_document ON story_members (document)",
]
NAME_CHARS = 120  # the longest story name kept: it must fit a chooser and a command line


@dataclass(frozen=True)
class Saved:
    """A saved story: its id, its name, and its member documents' library ids (oldest first)."""

    id: int
    name: str
    members: tuple[int, ...]
    made: float


def check_name(name: str) -> str:
    """The name to store (one line, spaces collapsed); raises ValueError with a reason a user understands."""
    name = " ".join(str(name).split())
    if not name:
        raise ValueError("a story needs a name")
    if len(name) > NAME_CHARS:
        raise ValueError(f"a story's name has at most {NAME_CHARS} characters")
    return name


def stories(library) -> list[Saved]:
    """Every saved story, by name."""
    rows = library._db.execute("SELECT id, name, made FROM stories ORDER BY name COLLATE NOCASE, id").fetchall()
    return [_saved(library, *row) for row in rows]


def story_named(library, name: str) -> Saved | None:
    """The story called ``name`` (any case, spaces as typed or collapsed), or None."""
    row = library._db.execute("SELECT id, name, made FROM stories WHERE name=?",
                              (" ".join(str(name).split()),)).fetchone()
    return _saved(library, *row) if row else None


def save_story(library, name: str, document_ids) -> Saved:
    """Save the documents as a story called ``name``; raises ValueError when the name is empty or taken.
    Ids no longer in the library are left out."""
    name = check_name(name)
    if story_named(library, name) is not None:
        raise ValueError(f"a story called “{name}” exists already")
    with library._writing():
        story_id = library._db.execute("INSERT INTO stories (name, made) VALUES (?, ?)", (name, time.time())).lastrowid
        _add_members(library, story_id, document_ids)
    return _saved(library, story_id, name, None)


def rename_story(library, story_id: int, name: str) -> Saved:
    name = check_name(name)
    other = story_named(library, name)
    if other is not None and other.id != story_id:
        raise ValueError(f"a story called “{name}” exists already")
    with library._writing():
        library._db.execute("UPDATE stories SET name=? WHERE id=?", (name, story_id))
    return _saved(library, story_id, name, None)


def delete_story(library, story_id: int) -> Saved:
    """Delete a story (never its documents); the returned ``Saved`` puts it back with ``restore_story``."""
    row = library._db.execute("SELECT id, name, made FROM stories WHERE id=?", (story_id,)).fetchone()
    if row is None:
        raise KeyError(story_id)
    saved = _saved(library, *row)
    with library._writing():
        library._db.execute("DELETE FROM stories WHERE id=?", (story_id,))
    return saved


def restore_story(library, saved: Saved) -> Saved:
    """Put a deleted story back under its id, with those of its members still in the library. Raises
    ValueError when another story has taken its name since."""
    other = story_named(library, saved.name)
    if other is not None and other.id != saved.id:
        raise ValueError(f"a story called “{saved.name}” exists already")
    with library._writing():
        library._db.execute("INSERT OR IGNORE INTO stories (id, name, made) VALUES (?, ?, ?)",
                            (saved.id, saved.name, saved.made))
        _add_members(library, saved.id, saved.members)
    return _saved(library, saved.id, saved.name, saved.made)


def _add_members(library, story_id: int, document_ids) -> None:
    # Only documents still in the library: one removed meanwhile (by another window) is not a member.
    library._db.executemany("INSERT OR IGNORE INTO story_members (story, document) SELECT ?, id FROM documents"
                            " WHERE id=?", [(story_id, int(document_id)) for document_id in document_ids])


def _saved(library, story_id: int, name: str, made: float | None) -> Saved:
    if made is None:
        made = library._db.execute("SELECT made FROM stories WHERE id=?", (story_id,)).fetchone()[0]
    members = tuple(row[0] for row in library._db.execute(
        "SELECT document FROM story_members WHERE story=? ORDER BY document", (story_id,)))
    return Saved(story_id, name, members, made)
