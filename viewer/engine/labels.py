"""What a document is called in a sentence, a table header or a report: one rule for the window, the story
and the reports, so the Story tab and a report name a document the way the library list does.

A document is called by its outlet; else by its file's name, unless that looks like a download id or a
content hash (``000_311ba7cf338820a2``, ``65cb14cb-…_fox``: a run of eight hex digits), which names nothing a
reader knows; else by the start of its title (``short_title``).

Exports: ``LABEL_CHARS``, ``short_title``, ``hash_like``, ``name_label``.
"""

from __future__ import annotations

import re

_HASH_LIKE = re.compile(r"[0-9a-fA-F]{8}")  # a run of hex digits: a download id or content hash, not a name
LABEL_CHARS = 32  # characters of a title that stand in for an unknown outlet


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
    "" when all three are empty."""
    return outlet or ("" if hash_like(name) else name) or short_title(title)
