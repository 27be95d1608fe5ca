"""The reader's corrections, kept in the library and shared as small JSON files.

A correction belongs to a pair of documents named by their texts' content hashes, not by library ids: a
document removed and imported again (same text, new id) finds its corrections again, and a team sharing a
corrections file needs no common library. Each row keeps the offsets into both texts *and* the words they
covered, so after a re-extract (``Library.reextract`` moves the rows to the new hash) a correction whose
words are no longer there is stale: ``apply_corrections`` lists it, it is never moved. Every save and
delete is one transaction.

A corrections file::

    {"framing-viewer": "corrections", "version": 1,
     "documents": {"<sha256 of the text>": {"title": "...", "outlet": "..."}},
     "corrections": [{"left": "<hash>", "right": "<hash>", "kind": "link", "class": "shared-quote",
                      "speaker": "", "left_range": [s, e], "left_text": "...",
                      "right_range": [s, e], "right_text": "..."}]}

``documents`` is for people reading the file; importing needs only the hashes. Plain Python; no Qt.

Exports: ``CORRECTIONS_TABLES``, ``Stored``, ``corrections_for``, ``save_correction``, ``delete_correction``,
``export_corrections``, ``import_corrections``, ``CorrectionsFileError``, ``FILE_FORMAT``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..engine.corrections import Correction

# Statements run in order to create the table (a new library, or the migration from version 2).
CORRECTIONS_TABLES = [
    """CREATE TABLE IF NOT EXISTS corrections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order they were made in: a later one wins
    left_hash   TEXT NOT NULL,      -- the pair, as the two panes showed it, by content hash
    right_hash  TEXT NOT NULL,
    kind        TEXT NOT NULL,      -- link, unlink, mark, speaker
    cls         TEXT NOT NULL DEFAULT '',
    speaker     TEXT NOT NULL DEFAULT '',
    left_start  INTEGER, left_end INTEGER, left_text TEXT NOT NULL DEFAULT '',   -- NULL: not this side
    right_start INTEGER, right_end INTEGER, right_text TEXT NOT NULL DEFAULT '',
    made        REAL NOT NULL       -- seconds since the epoch
)""",
    "CREATE INDEX IF NOT EXISTS corrections_pair ON corrections (left_hash, right_hash)",
]
FILE_FORMAT = "corrections"  # the value of a corrections file's "framing-viewer" key
FILE_VERSION = 1
MAX_FILE_BYTES = 50_000_000  # a corrections file larger than this is not one

_FIELDS = "id, left_hash, right_hash, kind, cls, speaker, left_start, left_end, left_text, right_start, right_end, right_text"


class CorrectionsFileError(Exception):
    """A corrections file that cannot be read; ``str()`` names the file and says why."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path} {reason}")


@dataclass(frozen=True)
class Stored:
    """A correction as the library holds it: its row id (to delete it) and the correction, oriented as asked."""

    id: int
    correction: Correction


def corrections_for(library, left_hash: str, right_hash: str) -> list[Stored]:
    """The corrections of a pair, oldest first, turned to match ``left_hash`` on the left."""
    rows = library._db.execute(
        f"SELECT {_FIELDS} FROM corrections WHERE (left_hash=? AND right_hash=?) OR (left_hash=? AND right_hash=?)"
        " ORDER BY id", (left_hash, right_hash, right_hash, left_hash)).fetchall()
    found = []
    for row in rows:
        correction = _correction(row)
        if correction is None:
            continue  # written by a newer version with a kind this one does not know
        found.append(Stored(row[0], correction if row[1] == left_hash else correction.swapped()))
    return found


def save_correction(library, left_hash: str, right_hash: str, correction: Correction) -> Stored:
    """Keep ``correction`` for the pair (one transaction); returns it with its row id."""
    with library._writing() as db:
        return Stored(_insert(db, left_hash, right_hash, correction), correction)


def delete_correction(library, row_id: int) -> None:
    with library._writing() as db:
        db.execute("DELETE FROM corrections WHERE id=?", (row_id,))


def _insert(db, left_hash: str, right_hash: str, correction: Correction) -> int:
    left, right = correction.left or (None, None), correction.right or (None, None)
    cursor = db.execute(
        f"INSERT INTO corrections ({_FIELDS.replace('id, ', '', 1)}, made) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (left_hash, right_hash, correction.kind, correction.cls, correction.speaker, left[0], left[1],
         correction.left_text, right[0], right[1], correction.right_text, time.time()))
    return cursor.lastrowid


def _correction(row) -> Correction | None:
    _, _, _, kind, cls, speaker, left_start, left_end, left_text, right_start, right_end, right_text = row
    try:
        return Correction(kind, None if left_start is None else (left_start, left_end),
                          None if right_start is None else (right_start, right_end), cls=cls, speaker=speaker,
                          left_text=left_text, right_text=right_text)
    except ValueError:
        return None


# Files ------------------------------------------------------------------------------------------------------
def export_corrections(library, path: str | Path) -> int:
    """Write every correction in the library to ``path``; returns how many."""
    rows = library._db.execute(f"SELECT {_FIELDS} FROM corrections ORDER BY id").fetchall()
    hashes = {digest for row in rows for digest in row[1:3]}
    documents = {}
    for digest in sorted(hashes):
        entry = library.find_hash(digest)
        documents[digest] = {"title": entry.title, "outlet": entry.outlet} if entry else {"title": "", "outlet": ""}
    items = []
    for row in rows:
        correction = _correction(row)
        if correction is None:
            continue
        items.append({"left": row[1], "right": row[2], "kind": correction.kind, "class": correction.cls,
                      "speaker": correction.speaker,
                      "left_range": list(correction.left) if correction.left else None, "left_text": correction.left_text,
                      "right_range": list(correction.right) if correction.right else None,
                      "right_text": correction.right_text})
    data = {"framing-viewer": FILE_FORMAT, "version": FILE_VERSION, "documents": documents, "corrections": items}
    temporary = Path(f"{path}.part")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)  # a reader of the file never sees half of it
    return len(items)


def read_corrections_file(path: str | Path) -> list[tuple[str, str, Correction]]:
    """``(left hash, right hash, correction)`` of each correction in a file; raises ``CorrectionsFileError``."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CorrectionsFileError(path, "is too large to be a corrections file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CorrectionsFileError(path, f"cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CorrectionsFileError(path, "is not a corrections file (not JSON text)") from None
    if not isinstance(data, dict) or data.get("framing-viewer") != FILE_FORMAT:
        raise CorrectionsFileError(path, "is not a Framing Viewer corrections file")
    if not isinstance(data.get("version"), int) or data["version"] > FILE_VERSION:
        raise CorrectionsFileError(path, f"is from a newer version (corrections file version {data.get('version')})")
    found = []
    for number, item in enumerate(data.get("corrections") or [], 1):
        try:
            left, right = item.get("left_range"), item.get("right_range")
            correction = Correction(
                str(item["kind"]), tuple(map(int, left)) if left else None, tuple(map(int, right)) if right else None,
                cls=str(item.get("class", "")), speaker=str(item.get("speaker", "")),
                left_text=str(item.get("left_text", "")), right_text=str(item.get("right_text", "")))
            hashes = str(item["left"]), str(item["right"])
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise CorrectionsFileError(path, f"has a correction (number {number}) that is not valid: {error}") from None
        found.append((*hashes, correction))
    return found


def import_corrections(library, path: str | Path) -> tuple[int, int]:
    """Add the corrections of a file (one transaction for the file); returns ``(added, already there)``."""
    items = read_corrections_file(path)
    added = known = 0
    with library._writing() as db:
        for left_hash, right_hash, correction in items:
            present = {stored.correction for stored in _pair_rows(db, left_hash, right_hash)}
            if correction in present:
                known += 1
                continue
            _insert(db, left_hash, right_hash, correction)
            added += 1
    return added, known


def _pair_rows(db, left_hash: str, right_hash: str) -> list[Stored]:
    rows = db.execute(f"SELECT {_FIELDS} FROM corrections WHERE left_hash=? AND right_hash=?",
                      (left_hash, right_hash)).fetchall()
    return [Stored(row[0], correction) for row in rows if (correction := _correction(row)) is not None]
