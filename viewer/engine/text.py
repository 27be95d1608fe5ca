"""Documents and word tokens with character offsets.

Every offset the engine reports is a Python string index into ``Document.text``, the text the user sees.
Matching never compares raw characters: it compares *word keys*, the tokens folded for case, Unicode
compatibility forms (ligatures, full-width letters), curly and straight apostrophes, and dashes. Because a
token is a run of word characters, punctuation, quote marks, dashes and every kind of Unicode space are
separators and never part of a key: "tight–knit" and "tight-knit" give the same two keys, and so do
"she’s" and "she's".

Exports: ``Document``, ``Tokens``, ``tokenize``, ``fold``, ``clean_text``, ``sentences``, ``guess_title``,
``guess_date``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

# A word is a run of letters, digits or underscores (Unicode-aware), with any combining marks inside it:
# text pasted in decomposed form ("cafe" + U+0301) must give the same words as the composed "café".
# Everything else separates words.
COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD_RE = re.compile(rf"\w[\w{COMBINING_MARKS}]*")
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")  # never matches empty: a word has a letter

# Dates as outlets print them near the top of a page: ISO, "April 6, 2021", "6 April 2021", "Apr. 6, 2021".
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_US_DATE_RE = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_EU_DATE_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# Only the top of an article holds its own date; later dates are events the story mentions.
DATE_SEARCH_CHARS = 600
# A leading "date 2021-04-06" or "Published: April 6, 2021" is metadata, not part of the headline.
_DATE_PREFIX_RE = re.compile(
    rf"^\s*(?:(?:date|published|updated|posted)\s*:?\s*)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTH_RE})\.?\s+\d{{1,2}},?\s+\d{{4}})\s*[-–—|:]?\s*",
    re.IGNORECASE,
)
TITLE_MAX_CHARS = 200

# The commonest function words of English news; a run made mostly of them says nothing about copying.
STOP_WORDS = frozenset(
    "a an the and or but of to in on at for with from by as is are was were be been it its this that these "
    "those he she they we you i his her their our my your not no so if than then there here who what when "
    "where how why which about into over after before up down out off said says end day time".split()
)


def clean_text(raw: str) -> str:
    """The text as the user should see it: byte-order mark removed, Windows and old-Mac newlines as ``\\n``.

    Nothing else changes, so offsets into the result are offsets into what the viewer shows.
    """
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def fold(word: str) -> str:
    """The matching key of one word: compatibility forms unified, case folded."""
    if word.isascii():
        return word.lower()
    return unicodedata.normalize("NFKC", word).casefold()


class Tokens:
    """The words of a text: parallel lists of start offsets, end offsets and folded keys.

    Parallel lists rather than one object per word: a 200,000-word article would otherwise cost
    200,000 objects, and the matcher only ever walks the keys.
    """

    __slots__ = ("starts", "ends", "keys")

    def __init__(self, starts: list[int], ends: list[int], keys: list[str]):
        self.starts = starts
        self.ends = ends
        self.keys = keys

    def __len__(self) -> int:
        return len(self.keys)

    def index_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (``len(self)`` when none does)."""
        return bisect_right(self.ends, offset)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into word tokens with character offsets and folded keys."""
    # Splitting on the words (kept by the group) gives gap, word, gap, ..., word, gap: the running sum of
    # the pieces' lengths is every word's start and end. All of it runs in C; a loop over match objects
    # took a third longer.
    pieces = _WORD_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    # Folding the whole word list at once is several times faster than folding word by word; the NUL
    # separator survives NFKC and casefold unchanged, so the split gives back one key per word.
    joined = "\0".join(words)
    if joined.isascii():
        keys = joined.lower().split("\0")
    else:
        keys = unicodedata.normalize("NFKC", joined).casefold().split("\0")
        if len(keys) != len(words):  # a compatibility form expanded to a separator: fold one by one
            keys = [fold(word) for word in words]
    if not words:
        keys = []
    return Tokens(starts, ends, keys)


# Sentence ends (see ``sentences``). The lookbehind makes a run of marks a candidate only at its first
# mark, and the possessive quantifiers never give back what they took: a run of 100,000 "!" is one
# candidate scanned once, not a backtracking search from each of its marks.
_SENTENCE_END_RE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s|\Z)|\n")
# Words after which a full stop is an abbreviation's, not a sentence's end: honorifics and titles,
# months, and other short forms news style uses before a name or a number.
ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof rev hon sen rep gov gen lt col capt cmdr adm maj sgt cpl pvt det insp supt atty "
    "pres sec amb msgr fr sr jr st mt ft no nos vol pp gov't vs v ca approx dept univ inc corp co ltd bros "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
)
_WORD_BEFORE_RE = re.compile(r"(?:(\w)\.)?(\w+)$")  # the word before a full stop, and a dotted letter before it
_ABBREVIATION_WINDOW = 12  # characters before a full stop searched for its word; abbreviations are shorter


def sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of the sentences of ``text``, outer spaces trimmed.

    A sentence ends at a line break (headlines and captions have no full stop) or at a run of ``. ! ? …``
    (with any closing quote marks or brackets after it) followed by white space or the end of the text,
    except where the text goes on in lower case ("Yahoo! said", "and so on… then") or a single full stop
    follows an abbreviation: a word of ``ABBREVIATIONS`` (Mr., Sen., Jan.), a single letter (the initial
    in "John F. Kennedy", "U.S.", "a.m."). So a sentence never ends inside a name or a date; the cost is
    that "…moved to the U.S. Then…" stays one sentence. "et al." ends a sentence only before a capital
    ("(Lee et al. 2020)" is one sentence). Linear in the text.
    """
    found = []
    start = 0
    length = len(text)
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end()
        if match.group() != "\n":
            if _continues(text, match.start(), end, length):
                continue
        else:
            end = match.start()
        _add_sentence(text, start, end, found)
        start = match.end()
    _add_sentence(text, start, length, found)
    return found


def _continues(text: str, mark: int, end: int, length: int) -> bool:
    """Whether the sentence goes on after the end mark at ``mark`` (see ``sentences``)."""
    after = end
    while after < length and text[after] in " \t\u00a0":
        after += 1
    if after < length and text[after].islower():
        return True
    if text[mark] != "." or (end - mark > 1 and text[mark + 1] == "."):
        return False
    word = _WORD_BEFORE_RE.search(text, max(0, mark - _ABBREVIATION_WINDOW), mark)
    if word is None:
        return False
    if word.group(2).lower() == "al" and text[max(0, mark - 6):mark - 2].lower().endswith("et "):
        # "(Lee et al. 2020)": a citation goes on, unless a capital opens the next sentence
        return after < length and not text[after].isupper()
    return len(word.group(2)) == 1 or word.group(2).lower() in ABBREVIATIONS


def _add_sentence(text: str, start: int, end: int, found: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        found.append((start, end))


def guess_title(text: str, skip=lambda line: False) -> str:
    """The first non-empty line that ``skip`` does not reject, with a leading date removed."""
    for line in text.split("\n"):
        line = line.strip()
        if not line or skip(line):
            continue
        title = _DATE_PREFIX_RE.sub("", line, count=1).strip() or line
        return title[:TITLE_MAX_CHARS]
    return ""


def guess_date(text: str) -> str:
    """The article's own date (ISO ``YYYY-MM-DD``) from its top lines, or ``""`` when unsure.

    Only the lines above the body count (the first ``DATE_SEARCH_LINES`` non-empty lines within
    ``DATE_SEARCH_CHARS``, up to the first paragraph of prose), and in them only a date that stands where
    outlets print their own: at the start of a line ("2021-04-06 Headline", a dateline), after a
    "Published" / "Updated" / "Posted" / "Date" label, or on a short byline or date line ("By Jane Doe |
    Dec. 20, 2018", "December 20, 2018 5:12 PM ET"). A date inside quotation marks (a quoted tweet) or
    in a sentence ("won Senate confirmation on Jan. 20, 2017") is an event the story mentions, never the
    article's date. The earliest accepted date wins: "Published" comes before "Updated".
    """
    from .quotes import find_quotes

    position = 0
    lines_seen = 0
    for line in text[:DATE_SEARCH_CHARS].split("\n"):
        line_start, position = position, position + len(line) + 1
        if not line.strip():
            continue
        lines_seen += 1
        words = len(WORD_RE.findall(line))
        prose = lines_seen > 1 and words > DATE_LINE_MAX_WORDS
        quoted = [(quote.start, quote.end) for quote in find_quotes(line)]
        for at, date in _dates_in(line):
            if date and not any(start <= at < end for start, end in quoted) and _stands_as_own_date(line, at, prose):
                return date
        if lines_seen >= DATE_SEARCH_LINES or prose:
            break  # the body has begun: any later date is an event the story reports
    return ""


DATE_SEARCH_LINES = 8  # non-empty lines at the top that may hold the article's date
DATE_LINE_MAX_WORDS = 14  # words; a longer line after the headline is prose, where the body begins
_DATE_LABEL_RE = re.compile(
    r"\b(?:date|dated|published|updated|posted|modified|first\ published|last\ updated)\b", re.IGNORECASE)
# What may stand before a date at the start of a line: a label, a place name in capitals ("WASHINGTON,"),
# punctuation.
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_LINE_START_RE = re.compile(
    rf"^[\W_]*(?:(?:[A-Z][A-Z .'-]{{1,30}}|[A-Za-z ]{{0,20}}:|(?i:{_WEEKDAY}))[\W_]*)?$")
_DATELINE_RE = re.compile(r"^[\W_]*[A-Z][A-Z .'-]{1,30}[\W_]*$")  # "WASHINGTON, " before the date
_BYLINE_RE = re.compile(r"^\W*by\s", re.IGNORECASE)
# "DAYTON, Ohio, Nov. 18, 2026 /PRNewswire/ --": a wire or press-release dateline names the state too
_STATE_DATELINE_RE = re.compile(r"^[\W_]*[A-Z][A-Z .'-]{1,30},[ \t]*[A-Z][a-z]+\.?(?:[ \t][A-Z][a-z]+\.?)?,[ \t]*$")
# "Molly Gamble - Tuesday, November 18th, 2026": an author's name and a dash or bar before the date
_AUTHOR_DATE_RE = re.compile(
    rf"^[\W_]*(?:[A-Z][\w'’.-]*[ \t]+){{1,3}}[-–—|][ \t]*(?:(?i:{_WEEKDAY}),?[ \t]*)?$")


def _dates_in(line: str) -> list[tuple[int, str]]:
    """``(offset, ISO date or "")`` of every date written in ``line``, in order."""
    found: list[tuple[int, str]] = []
    for match in _ISO_DATE_RE.finditer(line):
        year, month, day = (int(part) for part in match.groups())
        found.append((match.start(), _iso(year, month, day)))
    for match in _US_DATE_RE.finditer(line):
        month, day, year = match.groups()
        found.append((match.start(), _iso(int(year), _MONTHS[month.lower()], int(day))))
    for match in _EU_DATE_RE.finditer(line):
        day, month, year = match.groups()
        found.append((match.start(), _iso(int(year), _MONTHS[month.lower()], int(day))))
    return sorted(found)


def _stands_as_own_date(line: str, at: int, prose: bool) -> bool:
    """Whether the date at ``at`` is where an outlet prints its own date (see ``guess_date``).

    In a line of ``prose`` (the first paragraph) only a labelled date or a dateline counts.
    """
    before = line[:at]
    if _DATE_LABEL_RE.search(before):
        return True
    if prose:
        return bool(_DATELINE_RE.match(before) or _STATE_DATELINE_RE.match(before))
    if _LINE_START_RE.match(before) or _STATE_DATELINE_RE.match(before) or _AUTHOR_DATE_RE.match(before):
        return True
    return len(WORD_RE.findall(line)) <= DATE_LINE_MAX_WORDS and bool(_BYLINE_RE.match(line))


def _iso(year: int, month: int, day: int) -> str:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""


@dataclass(frozen=True)
class Document:
    """One article: its text exactly as shown, and what we know about it.

    ``path`` is where it was read from ("" for text given directly); ``outlet`` is the publication when
    known ("" otherwise); ``date`` is ISO ``YYYY-MM-DD`` or "".
    """

    text: str
    path: str = ""
    title: str = ""
    outlet: str = ""
    date: str = ""
    author: str = ""
    url: str = ""
    kind: str = ""  # where the text came from: text, html, mhtml, pdf, docx, url or paste ("" when given directly)

    @classmethod
    def from_text(cls, text: str, path: str = "", outlet: str = "", title: str = "", date: str = "",
                  *, author: str = "", url: str = "", kind: str = "") -> Document:
        """A Document for ``text`` with title and date read from the text where not given."""
        from .boilerplate import is_boilerplate_line

        text = clean_text(text)
        return cls(
            text=text,
            path=path,
            title=title or guess_title(text, skip=lambda line: is_boilerplate_line(line, first=True)),
            outlet=outlet,
            date=date or guess_date(text),
            author=author,
            url=url,
            kind=kind,
        )

    @cached_property
    def tokens(self) -> Tokens:
        return tokenize(self.text)

    @property
    def word_count(self) -> int:
        return len(self.tokens)
