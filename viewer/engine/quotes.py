"""Direct quotations and the speech tags around them.

``find_quotes(text)`` returns every quotation as a ``Quote(start, end, depth)``: ``start`` at the opening mark,
``end`` just after the closing mark (or at the end of the paragraph where a quote was never closed), depth 0
for a quotation in the narration and 1 or more for one nested inside another (``'Be a man'`` inside a
double-quoted sentence).

Rules, in the order they are applied to each quote mark:

- Curly marks say what they are: “ „ « open, ” » close. ‘ opens; ’ closes a pending single quote and is an
  apostrophe otherwise (``kids’``, ``don’t``).
- A straight mark between two letters or digits is an apostrophe (``it's``). Otherwise a straight mark
  closes a pending quote of its kind when it follows a non-space character, and opens one when it follows a
  space, an opening bracket or a dash and precedes a non-space character.
- News style runs one speaker's quote over several paragraphs: the opening mark is repeated at the start of
  each new paragraph and the closing mark appears only in the last. A quote still open at the end of a
  paragraph therefore continues when the next paragraph starts with an opening mark of the same kind, and
  ends at the end of its paragraph otherwise (an unbalanced mark never fails the scan). An unclosed single
  mark at a paragraph end was an apostrophe (``'90s``) and makes no quote.

The speech tags beside the quotations and their speakers are ``speakers.py``'s.

``quoted_titles(text, quotes)`` picks out the quotations that are titles of works (on "Face the Nation"):
those are narration, not words anyone said.

Exports: ``Quote``, ``find_quotes``, ``quoted_titles``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass



@dataclass(frozen=True)
class Quote:
    """A quotation: ``text[start:end]`` includes its marks; depth 0 is a top-level quote."""

    start: int
    end: int
    depth: int = 0


DOUBLE, SINGLE = "double", "single"
_KIND = {'"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "«": DOUBLE, "»": DOUBLE,
         "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE}
_ALWAYS_OPEN = frozenset("“„«‘‚")
_ALWAYS_CLOSE = frozenset("”»")
_MARK_RE = re.compile("[\"'“”„«»‘’‚\n]")
_OPENING_CONTEXT = frozenset(" \t\n\u00a0\u2009\u202f([{—–-/:")


def _is_word(char: str) -> bool:
    if char.isalnum():
        return True
    # Combining marks belong to words; no ASCII character is one, which spares most lookups.
    return not char.isascii() and unicodedata.category(char).startswith("M")


def find_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, ordered by start (see the module docstring for the rules).

    Linear in the text whatever its marks: the open marks are a stack, and for each kind the stack
    positions of its open marks are kept too, so finding the innermost pending quote of a kind never
    rescans the stack (80,000 unclosed marks once took minutes).
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (kind, offset of the opening mark)
    open_of_kind: dict[str, list[int]] = {DOUBLE: [], SINGLE: []}  # stack indices of each kind's open marks
    skip_continuation = -1  # offset of a paragraph-opening mark that continues the previous paragraph's quote
    length = len(text)
    for match in _MARK_RE.finditer(text):
        position = match.start()
        mark = match.group()
        if mark == "\n":
            skip_continuation = _end_paragraph(text, position, stack, spans)
            for open_kind, indices in open_of_kind.items():  # only an outer mark carries over
                indices[:] = [0] if stack and stack[0][0] == open_kind else []
            continue
        if position == skip_continuation:
            continue
        before = text[position - 1] if position else " "
        after = text[position + 1] if position + 1 < length else " "
        kind = _KIND[mark]
        if kind == SINGLE and _is_word(before) and _is_word(after):
            continue  # apostrophe inside a word
        pending = open_of_kind[kind]
        can_open = (before in _OPENING_CONTEXT or before in _KIND or position == 0) and not after.isspace()
        if mark in _ALWAYS_OPEN:
            if mark == "‘" and not can_open and stack:
                continue  # a reversed apostrophe ("‘til") in the middle of a word
            pending.append(len(stack))
            stack.append((kind, position))
            continue
        can_close = not before.isspace() and not _is_word(after)
        if pending and (mark in _ALWAYS_CLOSE or can_close or not can_open):
            index = pending[-1]
            spans.append((stack[index][1], position + 1))
            del stack[index:]  # anything opened inside and never closed was not a quote
            for indices in open_of_kind.values():
                while indices and indices[-1] >= index:
                    indices.pop()
        elif mark not in _ALWAYS_CLOSE and mark != "’" and can_open:
            pending.append(len(stack))
            stack.append((kind, position))
    _end_paragraph(text, length, stack, spans)
    return _with_depth(spans)


def _end_paragraph(text: str, newline: int, stack: list, spans: list) -> int:
    """Close or carry over the quotes still open at a line break; return a mark to skip, or -1."""
    if not stack:
        return -1
    next_start = newline
    while next_start < len(text) and text[next_start].isspace():
        next_start += 1
    outer_kind, outer_start = stack[0]
    carried = next_start < len(text) and _KIND.get(text[next_start]) == outer_kind and (
        text[next_start] not in _ALWAYS_CLOSE and text[next_start] != "’"
    )
    if carried:
        del stack[1:]  # nested marks do not run across paragraphs
        return next_start
    end = newline
    while end > outer_start and text[end - 1].isspace():
        end -= 1
    if outer_kind == DOUBLE:
        spans.append((outer_start, end))
    else:
        # An unclosed single mark is an apostrophe; doubles opened inside it are still quotes.
        for kind, start in stack[1:]:
            if kind == DOUBLE:
                spans.append((start, end))
                break
    stack.clear()
    return -1


def _with_depth(spans: list[tuple[int, int]]) -> list[Quote]:
    quotes: list[Quote] = []
    open_ends: list[int] = []  # ends of the quotes that contain the current one
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        quotes.append(Quote(start, end, len(open_ends)))
        open_ends.append(end)
    return quotes


TITLE_MAX_WORDS = 7  # words; a programme, book or film title in quotation marks is rarely longer
TITLE_MAX_CHARS = 80  # characters, marks included; a longer quotation is no title (checked first: cheap)
# Words a title leaves in lower case ("Face the Nation", "Fox & Friends", "Gone with the Wind").
TITLE_SMALL_WORDS = frozenset("a an and at by for from in into of on or the to with vs".split())
# Words after which a capitalised quotation names a work: on "Face the Nation", in "The Crown", the
# film "Vice", told "Fox & Friends". Other speech verbs are not: said "Make America Great Again" quotes.
TITLE_CUES = frozenset(
    "on in of from to at titled entitled host hosts hosted anchor anchors show shows program programme "
    "series film films movie movies book books novel memoir documentary song songs album episode podcast "
    "column op-ed essay headline told".split()
)
_TITLE_WORD_RE = re.compile(r"[\w&'’-]+")


def quoted_titles(text: str, quotes: list[Quote]) -> list[Quote]:
    """The depth-0 ``quotes`` that are titles of works, not words anyone said: on "Face the Nation".

    A title is short (at most ``TITLE_MAX_WORDS`` words), in title case (every word capitalised but the
    small ones of ``TITLE_SMALL_WORDS``, the first always), ends without a sentence's punctuation inside
    its marks other than a full stop, and follows a cue word (``TITLE_CUES``: "on", "in", "the film"),
    maybe with a network's possessive between them (on CNN's "State of the Union").
    A quotation of a whole sentence in title case ("Make America Great Again", said after "said") stays
    a quotation.
    """
    titles = []
    for quote in quotes:
        # The cheap tests first: most quotations are long, or follow a comma or a speech verb.
        if quote.depth or quote.end - quote.start > TITLE_MAX_CHARS:
            continue
        before = text[max(0, quote.start - 24):quote.start].split()
        if before and before[-1].endswith(("'s", "’s")) and len(before) > 1:
            before.pop()  # on CNN's "State of the Union": the network's name stands between cue and title
        if not before or before[-1].lower().lstrip("([—–-") not in TITLE_CUES:
            continue
        inner = text[quote.start + 1:quote.end - 1].strip().rstrip(".,")
        words = _TITLE_WORD_RE.findall(inner)
        if not words or len(words) > TITLE_MAX_WORDS or any(mark in inner for mark in "!?;:"):
            continue
        if words[0][0].isupper() and all(
                word[0].isupper() or word[0].isdigit() or word.lower() in TITLE_SMALL_WORDS or word == "&"
                for word in words):
            titles.append(quote)
    return titles

