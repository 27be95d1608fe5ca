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

Exports: ``Quote``, ``find_quotes``.
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
    return char.isalnum() or unicodedata.category(char).startswith("M")  # combining marks belong to words


def find_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, ordered by start (see the module docstring for the rules)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (kind, offset of the opening mark)
    skip_continuation = -1  # offset of a paragraph-opening mark that continues the previous paragraph's quote
    length = len(text)
    for match in _MARK_RE.finditer(text):
        position = match.start()
        mark = match.group()
        if mark == "\n":
            skip_continuation = _end_paragraph(text, position, stack, spans)
            continue
        if position == skip_continuation:
            continue
        before = text[position - 1] if position else " "
        after = text[position + 1] if position + 1 < length else " "
        kind = _KIND[mark]
        if kind == SINGLE and _is_word(before) and _is_word(after):
            continue  # apostrophe inside a word
        pending = [index for index, (open_kind, _) in enumerate(stack) if open_kind == kind]
        can_close = not before.isspace() and not _is_word(after)
        can_open = (before in _OPENING_CONTEXT or before in _KIND or position == 0) and not after.isspace()
        if mark in _ALWAYS_OPEN:
            if mark == "‘" and not can_open and stack:
                continue  # a reversed apostrophe ("‘til") in the middle of a word
            stack.append((kind, position))
        elif pending and (mark in _ALWAYS_CLOSE or can_close or not can_open):
            index = pending[-1]
            spans.append((stack[index][1], position + 1))
            del stack[index:]  # anything opened inside and never closed was not a quote
        elif mark not in _ALWAYS_CLOSE and mark != "’" and can_open:
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
