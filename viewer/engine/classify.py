"""One class for every non-space character of a text.

The classes, in the words the window's legend uses:

===============  =======================================================================================
``shared-quote``  inside a quotation, and shared with the other text
``shared-text``   narration that the other text has too (copied or shared wording)
``own-quote``     a quotation only this text has
``attribution``   a speech tag around a quotation ("she said", "Teigen told People")
``framing``       the outlet's own narration: headline, lede, context, opinion
``boilerplate``   page chrome: navigation, share and comment widgets, image credits, prompts
===============  =======================================================================================

Each text is first cut into *zones* (later ones win): narration, quotation, speech tag, boilerplate line.
A word's class follows from its zone and from whether a shared passage covers it. Punctuation and quote
marks between words take the class of the neighbouring word in the same zone (the word before, else the
word after), or the zone's own class when the zone holds no word; so the closing ``,”`` of a shared quote is
shared-quote and the full stop after "she said" is attribution.

Exports: ``CLASSES``, ``Span``, ``Analysis``, ``analyse``, ``classify``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, OrderedDict
from dataclasses import dataclass
from operator import itemgetter

from .boilerplate import boilerplate_lines, formula_spans
from .quotes import Quote, find_quotes, quoted_titles
from .speakers import Attribution, Speech, attribute
from .text import Tokens, tokenize

SHARED_QUOTE, SHARED_TEXT, OWN_QUOTE = "shared-quote", "shared-text", "own-quote"
ATTRIBUTION, FRAMING, BOILERPLATE = "attribution", "framing", "boilerplate"
CLASSES = (SHARED_QUOTE, SHARED_TEXT, OWN_QUOTE, ATTRIBUTION, FRAMING, BOILERPLATE)

# Zones, painted in this order. Neighbouring quotations alternate between two codes so that the marks of
# one quote are never given the class of the words of the next.
NARRATION, QUOTATION, TAG, CHROME, QUOTATION_NEXT = 0, 1, 2, 3, 4
ZONES = (NARRATION, QUOTATION, TAG, CHROME, QUOTATION_NEXT)
_ZONE_CLASS = {NARRATION: FRAMING, QUOTATION: OWN_QUOTE, TAG: ATTRIBUTION, CHROME: BOILERPLATE,
               QUOTATION_NEXT: OWN_QUOTE}
_SHARED_CLASS = {NARRATION: SHARED_TEXT, QUOTATION: SHARED_QUOTE, TAG: ATTRIBUTION, CHROME: BOILERPLATE,
                 QUOTATION_NEXT: SHARED_QUOTE}


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` (end exclusive) has class ``cls``; spans never overlap and skip outer spaces."""

    start: int
    end: int
    cls: str


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything about one text that does not depend on the text it is compared with."""

    text: str
    tokens: Tokens
    quotes: tuple[Quote, ...]
    speech: Speech  # speech tags (their spans at once) and speakers (resolved when first asked for)
    boilerplate: tuple[tuple[int, int], ...]
    zones: bytes  # one zone code per character
    token_zones: bytes  # one zone code per word
    quoted: bytes  # one byte per word: 0 outside quotations, 1 or 2 inside; neighbouring quotations differ
    chrome: bytearray  # one byte per word: 1 for words that never match (page chrome, newsroom formulas)
    line_starts: tuple[int, ...]  # indices of the words that begin a line

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        return self.speech.tags

    def zone_spans(self, zone: int) -> list[tuple[int, int]]:
        """Character ranges painted with ``zone``."""
        marker = bytes([zone])
        ranges, position = [], self.zones.find(marker)
        while position >= 0:
            end = position
            while end < len(self.zones) and self.zones[end] == zone:
                end += 1
            ranges.append((position, end))
            position = self.zones.find(marker, end)
        return ranges


ANALYSIS_CACHE_CHARS = 4_000_000  # characters of text whose analyses are kept (~40 MB per 1.2 M characters)
_cache: OrderedDict[str, Analysis] = OrderedDict()


def analyse(text: str) -> Analysis:
    """Tokens, quotations, speech tags, chrome and zones of ``text``.

    Cached, because the window compares the left article with every other one: the most recently used
    analyses are kept up to ``ANALYSIS_CACHE_CHARS`` characters of text, so memory stays bounded however
    long the articles are.
    """
    found = _cache.get(text)
    if found is not None:
        _cache.move_to_end(text)
        return found
    found = _analyse(text)
    _cache[text] = found
    held = sum(map(len, _cache))
    while held > ANALYSIS_CACHE_CHARS and len(_cache) > 1:
        oldest, _ = _cache.popitem(last=False)
        held -= len(oldest)
    return found


analyse.cache_clear = _cache.clear  # the benchmarks time analyses from scratch


def _analyse(text: str) -> Analysis:
    tokens = tokenize(text)
    quotes = find_quotes(text)
    titles = quoted_titles(text, quotes)
    if titles:  # on "Face the Nation": a title is narration, and what is nested in it is no quotation either
        title_starts = [title.start for title in titles]
        quotes = [quote for quote in quotes if not _inside_title(quote, titles, title_starts)]
    quotes = tuple(quotes)
    speech = attribute(text, list(quotes))
    chrome = tuple(boilerplate_lines(text, tokens))
    zones = bytearray(len(text))
    for number, quote in enumerate(quote for quote in quotes if quote.depth == 0):
        zone = QUOTATION_NEXT if number % 2 else QUOTATION
        zones[quote.start:quote.end] = bytes([zone]) * (quote.end - quote.start)
    for start, end in speech.tag_spans:
        zones[start:end] = bytes([TAG]) * (end - start)
    for start, end in chrome:
        zones[start:end] = bytes([CHROME]) * (end - start)
    token_zones = _bytes_at(zones, tokens.starts)
    quoted = token_zones.translate(_QUOTED_TABLE)
    is_chrome = bytearray(token_zones.translate(_CHROME_TABLE))
    for start, end in formula_spans(text, tokens.keys):
        first, stop = tokens.index_at(start), tokens.index_at(end - 1) + 1
        is_chrome[first:stop] = b"\x01" * (stop - first)
    line_starts = tuple(sorted({tokens.index_at(match.end()) for match in _NEWLINE_RE.finditer(text)} - {len(tokens)}))
    return Analysis(text, tokens, quotes, speech, chrome, bytes(zones), token_zones, quoted, is_chrome,
                    line_starts)


def _bytes_at(data: bytearray, positions: list[int]) -> bytes:
    """The bytes of ``data`` at ``positions``, picked in C by one ``itemgetter`` (2.5x a ``map`` over them)."""
    if len(positions) < 2:  # itemgetter of one position gives the bare value, of none it refuses
        return bytes(data[position] for position in positions)
    return bytes(itemgetter(*positions)(data))


def _inside_title(quote: Quote, titles: list[Quote], title_starts: list[int]) -> bool:
    """Whether ``quote`` is one of ``titles`` (ordered, never overlapping) or nested in one."""
    index = bisect_right(title_starts, quote.start) - 1
    return index >= 0 and quote.start < titles[index].end


_NEWLINE_RE = re.compile("\n")
_QUOTED_TABLE = bytes({QUOTATION: 1, QUOTATION_NEXT: 2}.get(code, 0) for code in range(256))
_CHROME_TABLE = bytes(1 if code == CHROME else 0 for code in range(256))


def classify(analysis: Analysis, shared_words: list[tuple[int, int]],
             edited: list[tuple[int, int]] = ()) -> tuple[list[Span], dict[str, int]]:
    """Spans covering every non-space character once, and the number of words of each class.

    ``shared_words`` are the word-index ranges ``(start, end)`` of this side's shared passages;
    ``edited`` are character ranges of words that differ inside them. An edited word in narration is the
    outlet's own ("Smith said, visibly angry."): it is framing, not shared text. An edited word inside a
    quotation stays a shared quote, marked as altered by the viewer.
    """
    tokens, text, zones = analysis.tokens, analysis.text, analysis.zones
    shared = bytearray(len(tokens))
    for start, end in shared_words:
        shared[start:end] = b"\x01" * (end - start)
    for start, end in edited:
        for index in range(tokens.index_at(start), tokens.index_at(end - 1) + 1):
            if analysis.token_zones[index] == NARRATION:
                shared[index] = 0
    # Class of each word as a small code: zone * 2 + shared, looked up in one table.
    # Byte-wise zone * 2 + flag as one big-integer sum: no byte exceeds 9, so nothing carries.
    count = len(tokens)
    codes = (int.from_bytes(analysis.token_zones, "big") * 2 + int.from_bytes(shared, "big")).to_bytes(count, "big")
    names = [(_SHARED_CLASS if flag else _ZONE_CLASS)[zone] for zone in ZONES for flag in (0, 1)]
    counts = Counter(codes)
    stats = {cls: 0 for cls in CLASSES}
    for code, count in counts.items():
        stats[names[code]] += count

    pieces: list[tuple[int, int, str]] = []  # (start, end, class) in text order, gaps not yet merged
    runs = _runs_of_equal(codes)
    previous = None  # (end offset, zone, class) of the run before the current gap
    for run_start, run_end in runs:
        code = codes[run_start]
        first_start = tokens.starts[run_start]
        gap_start = previous[0] if previous else 0
        pieces += _fill_gap(text, zones, gap_start, first_start, previous, (zones[first_start], names[code]))
        pieces.append((first_start, tokens.ends[run_end - 1], names[code]))
        last_end = tokens.ends[run_end - 1]
        previous = (last_end, zones[last_end - 1], names[code])
    pieces += _fill_gap(text, zones, previous[0] if previous else 0, len(text), previous, None)
    return _merge(text, pieces), stats


def _runs_of_equal(codes: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` index ranges of the runs of equal values in ``codes``."""
    return [match.span() for match in _RUN_RE.finditer(codes)]


_RUN_RE = re.compile(rb"(.)\1*", re.DOTALL)


def _fill_gap(text: str, zones: bytes, start: int, end: int, before, after) -> list[tuple[int, int, str]]:
    """Classes for the non-space characters between two runs of words.

    ``before`` is ``(end, zone, class)`` of the run before the gap, ``after`` is ``(zone, class)`` of the run
    after it; either is None at the ends of the text.
    """
    pieces = []
    before_zone, before_cls = (before[1], before[2]) if before else (None, None)
    after_zone, after_cls = after if after else (None, None)
    for position in range(start, end):
        if text[position].isspace():
            continue
        zone = zones[position]
        if zone == before_zone:
            cls = before_cls
        elif zone == after_zone:
            cls = after_cls
        else:
            cls = _ZONE_CLASS[zone]
        pieces.append((position, position + 1, cls))
    return pieces


def _merge(text: str, pieces: list[tuple[int, int, str]]) -> list[Span]:
    """Join neighbouring pieces of one class; the spaces between them join too."""
    spans: list[Span] = []
    current_start = current_end = None
    current_cls = None
    for start, end, cls in pieces:
        if cls == current_cls:
            current_end = end
            continue
        if current_cls is not None:
            spans.append(Span(current_start, current_end, current_cls))
        current_start, current_end, current_cls = start, end, cls
    if current_cls is not None:
        spans.append(Span(current_start, current_end, current_cls))
    return spans
