"""The last step every importer shares: extracted text and metadata -> a checked ``Document``.

Every format ends here, so "is empty" and "has no words" mean the same for a text file, a page and a PDF,
and metadata read from a file is made plain, one-line text (no control characters, no line breaks) before
anything shows it.

Exports: ``make_document(...)``, ``plain_line(text)``.
"""

from __future__ import annotations

import re
import unicodedata

from ...engine.labels import one_line
from ...engine.text import Document, clean_text, guess_title
from .byline import read_byline
from .errors import UnreadableFile, UnreadableText

METADATA_MAX_CHARS = 300  # characters kept of a title, outlet or author; more is not a name


def plain_line(value: object) -> str:
    """``value`` as one line of plain text: control and bidi characters dropped, white space collapsed."""
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    return one_line(unicodedata.normalize("NFC", value))[:METADATA_MAX_CHARS]


def strip_controls(text: str) -> str:
    """``text`` with control characters other than tab and line breaks removed (ANSI escapes, NULs)."""
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", "", text)


def make_document(text: str, source: str, kind: str, *, title: str = "", outlet: str = "", author: str = "",
                  date: str = "", url: str = "", guess_date: bool = True,
                  error: type[UnreadableFile] = UnreadableText) -> Document:
    """A Document for ``text`` read from ``source``; raises ``error`` when it has no words.

    ``guess_date`` reads a date from the first lines of the text when ``date`` is empty: right for a plain
    text file whose dateline is the only date it has, wrong for a web page, whose body dates are events and
    whose metadata already said what it knows.
    """
    text = strip_controls(text)
    if kind in ("text", "paste") and not outlet:
        # A plain text knows its outlet only from its byline ("By Jane Doe | Fox News"); else it stays
        # empty and the list shows the title, never the file's name, which is often a download id.
        byline = read_byline(text)
        if byline is not None:
            outlet, author = byline.outlet, author or byline.author
    if not text.strip():
        raise error(source, "is empty" if kind in ("text", "paste") else "has no article text")
    fields = dict(path=source if kind not in ("url", "paste") else "", title=plain_line(title),
                  outlet=plain_line(outlet), author=plain_line(author), date=date, url=plain_line(url), kind=kind)
    if guess_date:
        document = Document.from_text(text, **fields)
    else:
        from ...engine.boilerplate import is_boilerplate_line

        text = clean_text(text)
        fields["title"] = fields["title"] or guess_title(text, skip=lambda line: is_boilerplate_line(line, first=True))
        document = Document(text=text, **fields)
    if not document.word_count:
        raise error(source, "has no words")
    return document
