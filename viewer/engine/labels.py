"""What a document is called in a sentence, a table header or a report: one rule for the window, the story
and the reports, so the Story tab and a report name a document the way the library list does.

A document is called by its outlet; else by its file's name, unless that looks like a download id or a
content hash (``000_311ba7cf338820a2``, ``65cb14cb-…_fox``: a run of eight hex digits), which names nothing a
reader knows; else by the start of its title (``short_title``).

A name read from a file (or stored by an older version) may hold control characters: an ANSI escape in a
file's name, a newline in a title. ``visible_text`` removes them, and ``one_line`` makes it one line; every
label goes through it, so no label carries a control character or a line break.

Exports: ``LABEL_CHARS``, ``short_title``, ``hash_like``, ``name_label``, ``visible_text``, ``one_line``.
"""

from __future__ import annotations

import re

# Control characters but tab and line breaks (C0, DEL, C1: an ANSI escape's ESC), zero-width characters and
# bidi overrides (which can make "txt.exe" read "exe.txt"): none is meant to be seen.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_HASH_LIKE = re.compile(r"[0-9a-fA-F]{8}")  # a run of hex digits: a download id or content hash, not a name
LABEL_CHARS = 32  # characters of a title that stand in for an unknown outlet


def visible_text(text: str) -> str:
    """``text`` without control, zero-width and bidi-override characters; tabs and line breaks stay."""
    return _INVISIBLE.sub("", text)


def one_line(text: str) -> str:
    """``text`` as one line a person can read: ``visible_text``, each run of white space (line breaks
    included) one space, no space at either end."""
    return " ".join(visible_text(text).split())


def short_title(title: str) -> str:
    """``title`` cut after a whole word near ``LABEL_CHARS`` characters, with an ellipsis when cut."""
    if len(title) <= LABEL_CHARS:
        return title
    cut = title[:LABEL_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:—-")
    return (cut or title[:LABEL_CHARS]) + "…"


def hash_like(name: str) -> bool:
    """Whether a file name looks like a download id or a hash rather than a name a person gave."""
    return bool(_HASH_LIKE.search(name))


def name_label(outlet: str, name: str, title: str) -> str:
    """The outlet, else ``name`` (a file's name without extension) unless hash-like, else the short title;
    "" when all three are empty. Each is made one line first (``one_line``): a name an older version stored
    with an escape sequence or a newline is shown without it."""
    outlet, name, title = one_line(outlet), one_line(name), one_line(title)
    return outlet or ("" if hash_like(name) else name) or short_title(title)
