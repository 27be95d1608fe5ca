"""The outlet (and author) of a plain-text article, read from its byline: "By Jane Doe | Fox News".

A text file says nothing about where it was published except in its words, and the file's name is often
a hash or a download id (``65cb14cb-…_fox``), which makes a poor label. A byline near the top often names
the outlet after a separator: "By Jane Doe | Fox News", "By Jane Doe, Reuters", "By Jane Doe for The
Guardian", "By Jane Doe — Associated Press". What follows the separator is taken as the outlet only when it
reads like a name: capitalised, no digits (a time or date), not a job ("Staff Writer", "Senior Editor").

Exports: ``read_byline(text) -> Byline | None``, ``Byline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BYLINE_LINES = 12  # lines from the top searched for a byline; a byline further down is a quoted one
MAX_OUTLET_CHARS = 60  # characters; more is a sentence, not a publication's name

_BYLINE_RE = re.compile(
    r"^\s*by\s+(?P<author>[^|•·,\n]{2,80}?)\s*(?:\||•|·|—|–|\s-\s|,|\s+for\s+)\s*(?P<outlet>[^|•·\n]+?)\s*$",
    re.IGNORECASE)
# The AP's own style puts the outlet after authors in capitals, with no separator: "By LISA MASCARO and
# JOSH FUNK Associated Press"; the change from capitals to a capitalised word is the separator.
_CAPITALS_BYLINE_RE = re.compile(
    r"^\s*(?i:by)\s+(?P<author>[A-Z][A-Z.'’\-]+(?:\s+(?:and\s+)?[A-Z][A-Z.'’\-]+)*)\s+(?P<outlet>[A-Z][a-z][^|•·\n]*?)\s*$")
_NOT_AN_OUTLET = re.compile(
    r"\d|\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|updated|published|posted|"
    r"min(?:ute)?s?|read|photos?|and)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Byline:
    author: str
    outlet: str


def read_byline(text: str) -> Byline | None:
    """The first byline among the top ``BYLINE_LINES`` lines that names an outlet, or None."""
    for line in text.lstrip().splitlines()[:BYLINE_LINES]:
        match = _BYLINE_RE.match(line) or _CAPITALS_BYLINE_RE.match(line)
        if match is None:
            continue
        outlet = match.group("outlet").strip(" .")
        if outlet and outlet[0].isupper() and len(outlet) <= MAX_OUTLET_CHARS and not _NOT_AN_OUTLET.search(outlet):
            return Byline(match.group("author").strip(), outlet)
    return None
