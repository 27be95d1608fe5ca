"""Files to Documents: reading what users drop on the window or name on the command line.

``read_document(path)`` returns a ``Document`` or raises ``UnreadableFile`` whose message names the file and
the reason in words a user understands ("… is empty", "… is binary data, not text"). It never lets a
``UnicodeDecodeError`` or ``IsADirectoryError`` escape.

Text files (``.txt``, ``.md`` and anything without a known other format) are decoded as UTF-8 first (a
byte-order mark is removed), then as UTF-16 when a UTF-16 byte-order mark says so, then as Windows-1252, the
encoding of most legacy news exports, and finally as Latin-1, which accepts every byte.

Exports: ``TEXT_SUFFIXES``, ``UnreadableFile``, ``read_document``, ``decode_bytes``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..engine.text import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_FILE_BYTES = 50 * 1024 * 1024  # bytes; a larger "article" is not an article
BINARY_CONTROL_SHARE = 0.05  # fraction of control characters above which decoded bytes are not text


class UnreadableFile(Exception):
    """A file that cannot become a Document; ``str()`` names the file and says why."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def decode_bytes(data: bytes) -> str:
    """Text from bytes, trying UTF-8, UTF-16 (with its mark), Windows-1252, then Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_binary(data: bytes, text: str) -> bool:
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = text[:8192]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t\f")
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def read_document(path: str | Path, outlet: str = "") -> Document:
    """The Document stored in ``path``; raises ``UnreadableFile`` with the reason when there is none."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(path, "no such file")
    if path.is_dir():
        raise UnreadableFile(path, "is a folder, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(path, f"is {size // (1024 * 1024)} MB, larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
        data = path.read_bytes()
    except PermissionError:
        raise UnreadableFile(path, "permission denied") from None
    except OSError as error:
        raise UnreadableFile(path, error.strerror or "could not be read") from None
    text = decode_bytes(data)
    if _looks_binary(data, text):
        raise UnreadableFile(path, "is binary data, not text")
    document = Document.from_text(text, path=str(path), outlet=outlet)
    if not document.text.strip():
        raise UnreadableFile(path, "is empty")
    if not document.word_count:
        raise UnreadableFile(path, "has no words")
    return document
