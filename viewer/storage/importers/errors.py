"""The one error every importer raises: ``UnreadableFile``, whose ``str()`` names the source and the reason.

Each format has its own subclass so a caller (or a test) can tell a broken PDF from a failed download, but
catching ``UnreadableFile`` catches them all. ``path`` is the file or URL as given, ``reason`` the words a
user reads ("is empty", "this PDF has no text layer (scanned?)").
"""

from __future__ import annotations

from pathlib import Path


class UnreadableFile(Exception):
    """A file, URL or paste that cannot become a Document; ``str()`` names it and says why."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class NotARegularFile(UnreadableFile):
    """A folder, FIFO, socket or device: nothing is opened that is not a regular file."""


class TooLarge(UnreadableFile):
    """More bytes than ``limits.MAX_BYTES``; found while reading, never trusted from ``stat``."""


class UnreadableText(UnreadableFile):
    """Binary data, an empty file or one with no words."""


class UnreadableHtml(UnreadableFile):
    """A web page (or MHTML archive) with no article text in it."""


class UnreadablePdf(UnreadableFile):
    """A truncated, encrypted or scanned PDF."""


class UnreadableDocx(UnreadableFile):
    """A corrupt or oversized Word file, or an old binary .doc."""


class DownloadFailed(UnreadableFile):
    """A URL that did not give an article: 404, timeout, unreachable, too large, not a page."""
