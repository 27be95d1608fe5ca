"""Dropped files and folders -> the files to import, and one error per thing that cannot be walked.

Folders are walked depth first in name order. Inside a folder only files with a supported extension are
taken (a saved page's images and scripts are not articles), hidden entries are skipped, and so is a saved
page's ``NAME_files`` folder when ``NAME.html`` (or ``.htm``) sits beside it. A symbolic link to a folder is
followed once: a folder reached again (a link loop) is reported, not walked forever. A folder that cannot
be listed is reported and the rest of the drop goes on. Files named directly are always taken, whatever
their extension: their content decides what they are.

Exports: ``expand(paths) -> (files, errors)``, ``SUPPORTED_SUFFIXES``.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import UnreadableFile
from .limits import check_regular, os_reason
from .sniff import HTML_SUFFIXES, MHTML_SUFFIXES, WEBARCHIVE_SUFFIXES

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES + HTML_SUFFIXES[:3] + MHTML_SUFFIXES + WEBARCHIVE_SUFFIXES
                      + (".pdf", ".docx", ".doc"))
_DIGITS_RE = re.compile(r"(\d+)")
MAX_DEPTH = 64  # folder levels walked; deeper is a loop that inode tracking could not see (some network drives)


def natural_key(name: str) -> list:
    """Sorts names as a file manager shows them: "story-2" before "story-10", case aside."""
    # split() with a group puts the digit runs at the odd places, so texts and numbers never meet in a compare
    return [int(part) if index % 2 else part.casefold() for index, part in enumerate(_DIGITS_RE.split(name))]


def _saved_page_folder(entry: os.DirEntry, names: set[str]) -> bool:
    if not entry.name.endswith("_files"):
        return False
    stem = entry.name[:-len("_files")]
    return any(stem + suffix in names for suffix in (".html", ".htm", ".xhtml", ".shtml"))


def _walk(folder: Path, seen: set[tuple[int, int]], files: list[Path], errors: list[UnreadableFile],
          depth: int) -> None:
    try:
        info = os.stat(folder)
    except OSError as error:
        errors.append(UnreadableFile(folder, os_reason(error)))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen or depth > MAX_DEPTH:
        errors.append(UnreadableFile(folder, "is a symbolic link loop (a folder inside itself); skipped"))
        return
    seen.add(key)
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: natural_key(entry.name))
    except OSError as error:
        errors.append(UnreadableFile(folder, f"folder cannot be listed: {os_reason(error)}"))
        return
    names = {entry.name for entry in entries}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links: a link to a folder is walked (once)
        except OSError:
            is_dir = False
        if is_dir:
            if not _saved_page_folder(entry, names):
                _walk(path, seen, files, errors, depth + 1)
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        try:
            check_regular(path)
        except UnreadableFile as error:  # a FIFO, device, dangling or looping link named like an article
            errors.append(error)
            continue
        files.append(path)
    seen.discard(key)  # only the folders above this one count as a loop; a second way in is not one


def expand(paths) -> tuple[list[Path], list[UnreadableFile]]:
    """The files to import for the dropped or named ``paths``, and the errors met while walking folders."""
    files: list[Path] = []
    errors: list[UnreadableFile] = []
    for path in paths:
        path = Path(path)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            files.append(path)  # missing or a link loop: load() words the reason with the rest
            continue
        if stat.S_ISDIR(mode):
            _walk(path, set(), files, errors, 0)
        else:
            files.append(path)
    unique, real_paths = [], set()
    for path in files:  # a folder reached through two links (not a loop) gives its files once
        real = os.path.realpath(path)
        if real not in real_paths:
            real_paths.add(real)
            unique.append(path)
    return unique, errors

