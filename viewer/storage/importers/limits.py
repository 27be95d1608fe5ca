"""Reading a file's bytes safely: only regular files, never more than ``MAX_BYTES``, never blocking.

``stat`` cannot be trusted for size (``/dev/zero`` and ``/proc`` files report 0) nor for type at the moment
of opening (a FIFO can be swapped in between), so the type is checked before opening, the file is opened
with ``O_NONBLOCK`` so a FIFO that slipped through returns at once instead of waiting for a writer, the type
is checked again on the open descriptor, and the size cap is enforced on the bytes actually read.

Exports: ``MAX_BYTES``, ``read_capped(path) -> bytes``, ``check_regular(path)``, ``os_reason(error)``,
``too_large_reason(size, limit)``, ``looks_like_address(path)``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from .errors import NotARegularFile, TooLarge, UnreadableFile

MAX_BYTES = 50 * 1024 * 1024  # bytes; a larger "article" is not an article
CHUNK_BYTES = 1024 * 1024  # bytes read per call while counting towards the cap

_KIND_NAMES = (
    (stat.S_ISDIR, "is a folder, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
)


def _amount(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def too_large_reason(size: int | None = None, limit: int = MAX_BYTES) -> str:
    """The reason for refusing ``size`` bytes (unknown until read: None) over ``limit``."""
    if size is None:
        return f"is larger than the {_amount(limit)} limit"
    return f"is {_amount(size)}, larger than the {_amount(limit)} limit"


def _refuse_non_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    for test, reason in _KIND_NAMES:
        if test(mode):
            raise NotARegularFile(path, reason)
    raise NotARegularFile(path, "is not a regular file")


def os_reason(error: OSError) -> str:
    """The words for an operating-system error on a path ("permission denied", "no such file" ...)."""
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if error.errno == errno.ELOOP:  # a symbolic link pointing (eventually) at itself
        return "is a symbolic link loop"
    return (error.strerror or "could not be read").lower()


def check_regular(path: str | Path) -> os.stat_result:
    """The ``stat`` of ``path`` (links followed) when it is a regular file; raises ``UnreadableFile``."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as error:
        reason = os_reason(error)
        if isinstance(error, FileNotFoundError) and looks_like_address(str(path)):
            reason += " (to read a link, start it with https://)"
        raise UnreadableFile(path, reason) from None
    _refuse_non_regular(path, info.st_mode)
    return info


_DOMAIN_RE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)


def looks_like_address(path: str) -> bool:
    """Whether a relative path reads as a web address without its scheme: ``www.example.com``, or a domain
    with a path after it (``example.com/news``); a file name alone (``story.txt``) does not."""
    first, _, rest = path.partition("/")
    if not _DOMAIN_RE.fullmatch(first):
        return False
    return first.lower().startswith("www.") or bool(rest)


def read_capped(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``, refusing (before reading it all) anything over ``limit``."""
    path = Path(path)
    info = check_regular(path)
    if info.st_size > limit:  # said before reading: a 2 GB file is refused at once
        raise TooLarge(path, too_large_reason(info.st_size, limit))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise UnreadableFile(path, os_reason(error)) from None
    try:
        _refuse_non_regular(path, os.fstat(descriptor).st_mode)  # swapped for a FIFO after the first check
        chunks, total = [], 0
        while True:
            chunk = os.read(descriptor, CHUNK_BYTES)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # the size stat reported was wrong (a growing file, /proc)
                raise TooLarge(path, too_large_reason(limit=limit))
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(path, os_reason(error)) from None
    finally:
        os.close(descriptor)
