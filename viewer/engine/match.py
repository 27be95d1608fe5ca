"""Shared passages between two texts, wherever they sit in each, and the edits inside them.

The method is the one plagiarism and text-reuse tools use (WCopyfind, passim, TextPAIR), because line diffs
(difflib, Meld) lose everything that moved:

1. **Seed.** Every run of ``SEED_WORDS`` consecutive word keys of the right text goes into a hash table.
   A run that occurs more than ``MatchSettings.max_seed_hits`` times seeds nothing (it is a stock phrase
   or repeated furniture); passages through it are still found from their other words.
2. **Extend.** Each seed hit grows forwards and backwards while the words agree: a *maximal match*. A
   diagonal (right index minus left index) already covered up to a point is not extended again.
3. **Tile.** Maximal matches are taken longest first (Greedy String Tiling); a match that overlaps words
   already taken is cut to its free pieces, which go back into the queue. Of equally long matches, one
   that continues a chosen match within ``max_gap`` words on both sides goes first: a sentence printed
   twice in one article is matched where the rest of its paragraph is. A chosen tile is cut where both
   texts start a new line at the same word, so it cannot take the equal first word of the next paragraph.
4. **Short quotes.** Words inside quotation marks on both sides get a second pass with seeds of
   ``min_quote_words`` words, so a short quote both outlets carry is found even below ``min_words``;
   quotations of two words that are the same words on both sides are paired whole.
5. **Join.** Tiles in the same order on both sides, separated by at most ``max_gap`` words on each side
   and by no word of another tile, form one passage (an inserted "she said", a changed word). So passages
   never overlap on either side, and no word another passage matches is ever reported as altered. A stray
   narration word or two that both outlets put just before or after a shared quote is trimmed off.
6. **Keep.** A passage needs ``min_words`` matched words; fewer only when it is (nearly) a whole quotation
   quoted on both sides, and down to two words when both sides quote exactly those words ("phony
   theology"). A passage under twice ``min_words`` made mostly of stop words ("at the end of the day")
   also needs to be a whole quotation or whole lines; a narration passage under ``BANAL_MAX_WORDS``
   needs ``BANAL_MIN_RARE`` words that are rare in English (``rarity``), so "as White House chief of
   staff," shared by two outlets naming the job, is no copying. So stock phrases invent no sharing.
7. **Stretch.** A passage inside quotations on both sides reaches the quotations' ends when at most
   ``max_gap`` unmatched words are left there, so an altered last word is shown, not cut off.
8. **Edits.** Inside a passage, the words between its tiles are compared with diff-match-patch, each
   distinct word standing for one character (its lines-to-chars trick, with words), and with no timeout:
   its default one-second limit silently reports "everything differs". A word it reports is an edit.
9. **Echoes.** A quotation one text repeats outside its passages (a headline quoting its own body), whose
   words the other text carries inside a passage, is an *echo*: classed as shared, linked by no passage.

Every step is linear or n log n in the words, whatever the text (a seed repeated more than
``max_seed_hits`` times is skipped, so one word or paragraph repeated 100,000 times costs no more).

Exports: ``MatchSettings``, ``Passage``, ``Matches``, ``find_passages``, ``find_matches``.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_not, ne

from diff_match_patch import diff_match_patch

from .rarity import rare_count
from .text import STOP_WORDS, Tokens

SEED_WORDS = 5  # words per hashed seed; fewer makes stock phrases seed, more misses short shared runs
_COMPARE_STRIDE = 64  # words compared at once while extending; list slices compare at C speed


@dataclass(frozen=True)
class MatchSettings:
    """How much agreement makes a shared passage.

    ``min_words``: words (>= 1); a passage outside quotations needs this many matching words.
    ``min_quote_words``: words (>= 1); a passage whose words are all quoted on both sides may be this short.
    ``max_gap``: words (>= 0); neighbouring matches this close on both sides join into one passage.
    ``max_seed_hits``: occurrences (>= 1); a seed more frequent than this in the right text is skipped.
    """

    min_words: int = 6
    min_quote_words: int = 3
    max_gap: int = 4
    max_seed_hits: int = 50

    def __post_init__(self):
        for name, lowest in (("min_words", 1), ("min_quote_words", 1), ("max_gap", 0), ("max_seed_hits", 1)):
            if getattr(self, name) < lowest:
                raise ValueError(f"{name.replace('_', '-')} must be at least {lowest}, not {getattr(self, name)}")


@dataclass(frozen=True)
class Tile:
    """An exact run of ``length`` words: left words ``[left, left+length)`` equal right words ``[right, …)``."""

    left: int
    right: int
    length: int


@dataclass(frozen=True)
class Passage:
    """A stretch both texts share, as character ranges (end exclusive) into each side's text.

    ``left_words`` and ``right_words`` are word-index ranges; ``matched_words`` counts the words that agree
    exactly; ``left_edits`` / ``right_edits`` are the character ranges of words that differ inside the
    passage, in order.
    """

    left_start: int
    left_end: int
    right_start: int
    right_end: int
    left_words: tuple[int, int]
    right_words: tuple[int, int]
    matched_words: int
    left_edits: tuple[tuple[int, int], ...] = ()
    right_edits: tuple[tuple[int, int], ...] = ()

    def swapped(self) -> Passage:
        return Passage(
            self.right_start, self.right_end, self.left_start, self.left_end,
            self.right_words, self.left_words, self.matched_words, self.right_edits, self.left_edits,
        )


def seed_index(keys: list, size: int) -> dict[tuple, int | list[int]]:
    """Where each run of ``size`` consecutive keys starts: one position, or a list where it recurs.

    Built with dict and set operations that run in C; Python loops only to collect recurring runs.
    """
    grams = list(zip(*(keys[offset:] for offset in range(size))))
    positions = range(len(grams))
    index: dict = dict(zip(grams, positions))  # each run's last position
    if len(index) < len(grams):
        # Positions that are not the last of their run are the recurrences; usually a handful.
        earlier = compress(positions, map(ne, map(index.__getitem__, grams), positions))
        recurring: dict[tuple, list[int]] = {}
        for position in earlier:
            recurring.setdefault(grams[position], []).append(position)
        for gram, found in recurring.items():
            found.append(index[gram])
            index[gram] = found
    return index


def maximal_matches(left: list, right: list, size: int, max_hits: int) -> list[Tile]:
    """Every maximal run of equal keys that contains a shared seed of ``size`` keys."""
    index = seed_index(right, size)
    left_count, right_count = len(left), len(right)
    covered: dict[int, int] = {}  # diagonal -> left index where the last extended run on it ended
    tiles: list[Tile] = []
    found = list(map(index.get, zip(*(left[offset:] for offset in range(size)))))
    for position in compress(range(len(found)), map(is_not, found, repeat(None))):
        hits = found[position]
        if hits.__class__ is int:
            hits = (hits,)
        elif len(hits) > max_hits:
            continue
        for hit in hits:
            diagonal = hit - position
            if covered.get(diagonal, -1) > position:
                continue
            start_left, start_right = position, hit
            while start_left and start_right and left[start_left - 1] == right[start_right - 1]:
                start_left -= 1
                start_right -= 1
            end_left, end_right = position + size, hit + size
            while (end_left + _COMPARE_STRIDE <= left_count and end_right + _COMPARE_STRIDE <= right_count
                   and left[end_left:end_left + _COMPARE_STRIDE] == right[end_right:end_right + _COMPARE_STRIDE]):
                end_left += _COMPARE_STRIDE
                end_right += _COMPARE_STRIDE
            while end_left < left_count and end_right < right_count and left[end_left] == right[end_right]:
                end_left += 1
                end_right += 1
            covered[diagonal] = end_left
            tiles.append(Tile(start_left, start_right, end_left - start_left))
    return tiles


class Taken:
    """What the tiling has taken so far: one mask per side, and where the chosen matches start and end.

    The starts and ends let a tie between overlapping equal-length matches go to the one that continues
    a chosen neighbour (``continues``). Freeing words (a piece cut off at a paragraph break) leaves them
    stale, so the caller re-registers the tiles it keeps (``register``).
    """

    __slots__ = ("left", "right", "ends", "starts")

    def __init__(self, left_count: int, right_count: int):
        self.left = bytearray(left_count)
        self.right = bytearray(right_count)
        self.ends: dict[int, int] = {}  # left end (exclusive) of a chosen match -> its right end
        self.starts: dict[int, int] = {}  # left start of a chosen match -> its right start

    def take(self, left: int, right: int, length: int) -> None:
        ones = b"\x01" * length
        self.left[left:left + length] = ones
        self.right[right:right + length] = ones
        self.ends[left + length] = right + length
        self.starts[left] = right

    def free(self, left: int, right: int, length: int) -> None:
        self.left[left:left + length] = bytes(length)
        self.right[right:right + length] = bytes(length)

    def register(self, tiles: list[Tile]) -> None:
        """Make ``tiles`` the chosen matches whose neighbours ``continues`` looks for."""
        self.ends = {tile.left + tile.length: tile.right + tile.length for tile in tiles}
        self.starts = {tile.left: tile.right for tile in tiles}

    def continues(self, left: int, right: int, length: int, max_gap: int) -> bool:
        """Whether a chosen match ends just before this one, or starts just after it, on both sides."""
        ends, starts = self.ends, self.starts
        for gap in range(max_gap + 1):
            right_end = ends.get(left - gap)
            if right_end is not None and 0 <= right - right_end <= max_gap:
                return True
            right_start = starts.get(left + length + gap)
            if right_start is not None and 0 <= right_start - (right + length) <= max_gap:
                return True
        return False


def tile_greedily(candidates: list[Tile], min_length: int, taken: Taken, max_gap: int = 0) -> list[Tile]:
    """Longest-first, non-overlapping choice among ``candidates``; marks what it takes in ``taken``.

    Among matches of equal length, one that continues an already chosen match within ``max_gap`` words
    on both sides goes first: when a sentence occurs twice in one article, the occurrence beside the rest
    of the passage is the one that was copied. Remaining ties go to the match nearest the start of both
    texts, a rule that reads the same from either side.
    """
    heap = [(-tile.length, tile.left + tile.right, tile.left, tile.right) for tile in candidates
            if tile.length >= min_length]
    heapq.heapify(heap)
    chosen: list[Tile] = []
    taken_left, taken_right, take = taken.left, taken.right, taken.take
    while heap:
        batch = [heapq.heappop(heap)]
        while heap and heap[0][0] == batch[0][0]:
            batch.append(heapq.heappop(heap))
        length = -batch[0][0]
        if len(batch) > 1 and _overlapping(batch, length):
            batch.sort(key=lambda item: not taken.continues(item[2], item[3], length, max_gap))
        for _, _, left, right in batch:
            if taken_left.find(1, left, left + length) < 0 and taken_right.find(1, right, right + length) < 0:
                take(left, right, length)
                chosen.append(Tile(left, right, length))
                continue
            for piece_start, piece_end in _free_pieces(taken_left, taken_right, left, right, length):
                piece_length = piece_end - piece_start
                if piece_length >= min_length:
                    item = (-piece_length, left + right + 2 * piece_start, left + piece_start, right + piece_start)
                    heapq.heappush(heap, item)
    return chosen


def _overlapping(batch: list[tuple], length: int) -> bool:
    """Whether two matches of one ``length`` in a batch of heap items overlap on either side.

    Only then does their order matter; most batches are matches of different text, and the check is
    cheaper than asking each whether it continues a neighbour.
    """
    for side in (2, 3):
        starts = sorted(item[side] for item in batch)
        if any(later - earlier < length for earlier, later in zip(starts, starts[1:])):
            return True
    return False


def _free_pieces(taken_left: bytearray, taken_right: bytearray, left: int, right: int,
                 length: int) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` within a match of the runs of words free on both sides."""
    # One big-integer OR of the two masks' slices: a loop in C, not over words in Python.
    both = (int.from_bytes(taken_left[left:left + length], "big")
            | int.from_bytes(taken_right[right:right + length], "big")).to_bytes(length, "big")
    pieces = []
    position = both.find(0)
    while position >= 0:
        end = both.find(1, position)
        if end < 0:
            end = length
        pieces.append((position, end))
        position = both.find(0, end)
    return pieces


def _runs(mask, codes: bytes | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of non-zero bytes in ``mask``, also cut where ``codes`` changes."""
    if codes is not None:
        # Keep each word's quotation code where the mask is set (a byte-wise AND of big integers), then
        # let the regular-expression engine find the runs of one code.
        kept = int.from_bytes(codes, "big") & int.from_bytes(bytes(mask).translate(_FULL), "big")
        return [match.span() for match in _CODE_RUN_RE.finditer(kept.to_bytes(len(codes), "big"))]
    runs = []
    position = mask.find(1)
    while position >= 0:
        end = mask.find(0, position)
        if end < 0:
            end = len(mask)
        runs.append((position, end))
        position = mask.find(1, end)
    return runs


_FULL = bytes([0] + [255] * 255)  # bytes.translate table: any non-zero byte becomes 0xFF
_CODE_RUN_RE = re.compile(rb"([^\x00])\1*")


_FLAG = bytes([0] + [1] * 255)  # bytes.translate table: any non-zero byte becomes 1
_INVERT = bytes([1] + [0] * 255)  # bytes.translate table: 0 becomes 1, anything else 0


def _free(wanted: bytes, taken: bytearray) -> bytearray:
    """1 where a word is wanted and not taken yet (one big-integer AND instead of a loop over words)."""
    value = int.from_bytes(wanted.translate(_FLAG), "big") & ~int.from_bytes(taken, "big")
    return bytearray(value.to_bytes(len(wanted), "big"))


def _compact(keys: list, mask: bytearray, quotes: bytes, size: int) -> tuple[list, list[int]]:
    """The keys of the words under ``mask``, quotations separated by unique stoppers, and each one's index.

    The short and repeat passes search only quoted words; compacting them first makes those passes cost
    what the quotations cost, not what the whole text costs. Runs shorter than ``size`` cannot seed and
    are left out.
    """
    compact: list = []
    where: list[int] = []
    for start, end in _runs(mask, quotes):
        if end - start < size:
            continue
        compact += keys[start:end]
        where += range(start, end)
        compact.append(object())  # equal to nothing: no match runs across two quotations
        where.append(-1)
    return compact, where


def _matches_within(left_keys: list, left_mask: bytearray, left_quotes: bytes, right_keys: list,
                    right_mask: bytearray, right_quotes: bytes, size: int, max_hits: int) -> list[Tile]:
    """Maximal matches between the masked words of both sides, in the sides' own word indices."""
    left_compact, left_where = _compact(left_keys, left_mask, left_quotes, size)
    if not left_compact:
        return []
    right_compact, right_where = _compact(right_keys, right_mask, right_quotes, size)
    if not right_compact:
        return []
    return [Tile(left_where[tile.left], right_where[tile.right], tile.length)
            for tile in maximal_matches(left_compact, right_compact, size, max_hits)]


def _cut_at_common_breaks(tiles: list[Tile], left_breaks: tuple[int, ...], right_breaks: frozenset[int],
                          min_length: int, taken: Taken) -> list[Tile]:
    """Chosen tiles cut where both texts start a new line at the same word; short pieces are given back.

    A match runs on over the equal first word of two different paragraphs ("she said. “This…" in both)
    and takes that word from the paragraph's own match. Cutting after the choice, not before, keeps the
    longest-first order honest (a text against itself stays one diagonal); the words of a piece too short
    to stand alone are marked free again, for the later passes and for stretching to a quote's start.
    """
    if not left_breaks or not right_breaks:
        return tiles
    cut: list[Tile] = []
    for tile in tiles:
        end = tile.left + tile.length
        inside = left_breaks[bisect_right(left_breaks, tile.left):bisect_left(left_breaks, end)]
        shift = tile.right - tile.left
        pieces, start = [], tile.left
        for position in inside:
            if position + shift in right_breaks:
                pieces.append((start, position))
                start = position
        if not pieces:
            cut.append(tile)
            continue
        pieces.append((start, end))
        for start, stop in pieces:
            if stop - start >= min_length:
                cut.append(Tile(start, start + shift, stop - start))
            else:
                taken.free(start, start + shift, stop - start)
    return cut


def _with_stoppers(keys: list[str], excluded: bytearray | None) -> list:
    """``keys`` with each excluded word replaced by an object equal to nothing."""
    if excluded is None or excluded.find(1) < 0:
        return keys
    keys = list(keys)
    for start, end in _runs(excluded):
        for index in range(start, end):
            keys[index] = object()
    return keys


def find_tiles(left: Tokens, right: Tokens, settings: MatchSettings, left_quotes: bytes, right_quotes: bytes,
               left_excluded: bytearray | None = None, right_excluded: bytearray | None = None,
               left_breaks: tuple[int, ...] = (), right_breaks: tuple[int, ...] = ()) -> list[Tile]:
    """All tiles between two token lists: the long pass, then the short passes inside quotations.

    Excluded words (page chrome) take part in no tile: two pages of one site share their navigation, and
    that is not shared reporting.
    """
    # Word keys are compared directly: strings cache their hash, so seeds of strings cost what seeds of
    # integer ids would, without a vocabulary pass.
    left_keys = _with_stoppers(left.keys, left_excluded)
    right_keys = _with_stoppers(right.keys, right_excluded)
    right_break_set = frozenset(right_breaks)
    taken = Taken(len(left_keys), len(right_keys))
    size = min(SEED_WORDS, settings.min_words)
    candidates = maximal_matches(left_keys, right_keys, size, settings.max_seed_hits)
    tiles = _cut_at_common_breaks(tile_greedily(candidates, size, taken, settings.max_gap),
                                  left_breaks, right_break_set, size, taken)
    taken.register(tiles)
    short = min(settings.min_quote_words, size)
    if short < size and left_quotes.strip(b"\x00") and right_quotes.strip(b"\x00"):
        # Quoted words not taken yet are the only words that can match in the short pass.
        candidates = _matches_within(left_keys, _free(left_quotes, taken.left), left_quotes,
                                     right_keys, _free(right_quotes, taken.right), right_quotes,
                                     short, settings.max_seed_hits)
        tiles += _cut_at_common_breaks(tile_greedily(candidates, short, taken, settings.max_gap),
                                       left_breaks, right_break_set, short, taken)
    if short > WHOLE_QUOTE_MIN_WORDS and left_quotes.strip(b"\x00") and right_quotes.strip(b"\x00"):
        tiles += _whole_short_quotes(left_keys, left_quotes, right_keys, right_quotes, short, taken)
    return sorted(tiles, key=lambda tile: (tile.left, tile.right))


WHOLE_QUOTE_MIN_WORDS = 2  # words; a quotation this short is shared only when both sides quote exactly it


def _whole_short_quotes(left_keys: list, left_quotes: bytes, right_keys: list, right_quotes: bytes,
                        below: int, taken: Taken) -> list[Tile]:
    """Tiles pairing quotations of ``WHOLE_QUOTE_MIN_WORDS`` to ``below - 1`` words that are the same words
    on both sides: "phony theology", quoted by two outlets reporting one speech.

    Too short to seed, they are matched whole, by their words; at least one must be no stop word, so two
    outlets both quoting "it is" share nothing. The n-th such quotation of one side pairs with the n-th
    equal one of the other.
    """
    def whole_quotes(keys: list, quotes: bytes, mask: bytearray) -> dict[tuple, list[int]]:
        found: dict[tuple, list[int]] = {}
        for start, end in _runs(bytearray(quotes.translate(_FLAG)), quotes):
            if not WHOLE_QUOTE_MIN_WORDS <= end - start < below or mask.find(1, start, end) >= 0:
                continue
            words = tuple(keys[start:end])
            if not STOP_WORDS.issuperset(words) and all(type(key) is str for key in words):
                found.setdefault(words, []).append(start)
        return found

    right_found = whole_quotes(right_keys, right_quotes, taken.right)
    tiles = []
    for words, left_starts in whole_quotes(left_keys, left_quotes, taken.left).items():
        for left, right in zip(left_starts, right_found.get(words, ())):
            taken.take(left, right, len(words))
            tiles.append(Tile(left, right, len(words)))
    return tiles


def join_tiles(tiles: list[Tile], max_gap: int, left_covered: bytearray | None = None,
               right_covered: bytearray | None = None) -> list[list[Tile]]:
    """Group tiles (sorted by left position) that follow each other closely on both sides.

    Two tiles join only when the gaps between them hold no word of another tile (``*_covered``): a
    passage's range never contains another passage's words, so no word is both matched and "altered".
    """
    groups: list[list[Tile]] = []
    for tile in tiles:
        if groups:
            last = groups[-1][-1]
            left_end, right_end = last.left + last.length, last.right + last.length
            gap_left = tile.left - left_end
            gap_right = tile.right - right_end
            if (0 <= gap_left <= max_gap and 0 <= gap_right <= max_gap
                    and (left_covered is None or left_covered.find(1, left_end, tile.left) < 0)
                    and (right_covered is None or right_covered.find(1, right_end, tile.right) < 0)):
                groups[-1].append(tile)
                continue
        groups.append([tile])
    return groups


@dataclass(frozen=True)
class Matches:
    """What two texts share: ``passages`` (ordered by left start, never overlapping on either side) and
    ``left_echoes`` / ``right_echoes``, word ranges of quotations one text repeats (a headline quoting its
    own body) whose words the other text carries inside a passage already."""

    passages: tuple[Passage, ...]
    left_echoes: tuple[tuple[int, int], ...] = ()
    right_echoes: tuple[tuple[int, int], ...] = ()


def find_passages(left_text: str, left: Tokens, right_text: str, right: Tokens,
                  settings: MatchSettings = MatchSettings(),
                  left_quoted: bytes | None = None, right_quoted: bytes | None = None,
                  left_excluded: bytearray | None = None, right_excluded: bytearray | None = None,
                  left_breaks: tuple[int, ...] = (), right_breaks: tuple[int, ...] = ()) -> list[Passage]:
    """Shared passages of two tokenized texts, ordered by their left start (see ``find_matches``)."""
    return list(find_matches(left_text, left, right_text, right, settings, left_quoted, right_quoted,
                             left_excluded, right_excluded, left_breaks, right_breaks).passages)


def find_matches(left_text: str, left: Tokens, right_text: str, right: Tokens,
                 settings: MatchSettings = MatchSettings(),
                 left_quoted: bytes | None = None, right_quoted: bytes | None = None,
                 left_excluded: bytearray | None = None, right_excluded: bytearray | None = None,
                 left_breaks: tuple[int, ...] = (), right_breaks: tuple[int, ...] = ()) -> Matches:
    """Shared passages of two tokenized texts, ordered by their left start, and the echoes of quotations.

    ``left_quoted`` / ``right_quoted`` give one byte per word: 0 outside quotations, non-zero inside, with
    different values for neighbouring quotations. Quoted words may form passages shorter than
    ``settings.min_words``; without these marks no short passage is kept. ``left_excluded`` /
    ``right_excluded`` mark words that never match (page chrome); ``left_breaks`` / ``right_breaks`` are
    the sorted indices of the words that begin a line.
    """
    left_quoted = bytes(left_quoted) if left_quoted is not None else bytes(len(left))
    right_quoted = bytes(right_quoted) if right_quoted is not None else bytes(len(right))
    tiles = find_tiles(left, right, settings, left_quoted, right_quoted, left_excluded, right_excluded,
                       left_breaks, right_breaks)
    left_covered, right_covered = bytearray(len(left)), bytearray(len(right))
    for tile in tiles:
        left_covered[tile.left:tile.left + tile.length] = b"\x01" * tile.length
        right_covered[tile.right:tile.right + tile.length] = b"\x01" * tile.length
    left_quotations = _Quotations(left_quoted, left_covered)
    right_quotations = _Quotations(right_quoted, right_covered)
    passages = []
    for group in join_tiles(tiles, settings.max_gap, left_covered, right_covered):
        group = _trim_stray_words(group, left_quoted, right_quoted, settings.min_quote_words)
        if not group:
            continue
        matched = sum(tile.length for tile in group)
        first, last = group[0], group[-1]
        left_words = (first.left, last.left + last.length)
        right_words = (first.right, last.right + last.length)
        if matched < settings.min_words:
            if matched >= settings.min_quote_words:
                kept = _whole_quote(left_words, right_words, left_quotations, right_quotations)
            else:  # "phony theology": two words, each side's whole quotation
                kept = (matched >= WHOLE_QUOTE_MIN_WORDS and _exactly_one_quote(left_words, left_quoted)
                        and _exactly_one_quote(right_words, right_quoted))
            if not kept:
                continue
        elif (matched < 2 * settings.min_words and _content_words(left.keys, group) * 2 < settings.min_words
              and not _whole_quote(left_words, right_words, left_quotations, right_quotations)
              and not (_whole_lines(left_text, left, *left_words) and _whole_lines(right_text, right, *right_words))):
            continue  # "at the end of the day": long enough, but only function words and stock nouns
        elif (matched < BANAL_MAX_WORDS
              and not _mostly_quoted(left_words, left_quoted) and not _mostly_quoted(right_words, right_quoted)
              and rare_count(_matched_keys(left.keys, group), BANAL_MIN_RARE) < BANAL_MIN_RARE
              and not (_whole_lines(left_text, left, *left_words) and _whole_lines(right_text, right, *right_words))):
            continue  # "as White House chief of staff": any article naming the job says it
        group = _to_quote_ends(group, left_quoted, right_quoted, left_covered, right_covered, settings.max_gap)
        first, last = group[0], group[-1]
        left_words = (first.left, last.left + last.length)
        right_words = (first.right, last.right + last.length)
        left_quotations.cover(*left_words)  # no two passages stretch over one gap
        right_quotations.cover(*right_words)
        left_edits, right_edits = _edits(left, right, group)
        passages.append(Passage(
            left.starts[left_words[0]], left.ends[left_words[1] - 1],
            right.starts[right_words[0]], right.ends[right_words[1] - 1],
            left_words, right_words, matched, left_edits, right_edits,
        ))
    left_echoes, right_echoes = _echoes(left, right, settings, left_quoted, right_quoted, left_excluded,
                                        right_excluded, passages)
    return Matches(tuple(passages), left_echoes, right_echoes)


def _echoes(left: Tokens, right: Tokens, settings: MatchSettings, left_quoted: bytes, right_quoted: bytes,
            left_excluded: bytearray | None, right_excluded: bytearray | None, passages: list[Passage]):
    """Quotations one side repeats outside its passages whose words the other side shares in a passage.

    People's headline quotes its own interview; the re-report carries that sentence once, in the passage
    matching the interview. Lighting the headline's words as shared needs no second passage (a word of
    the re-report would then belong to two): they are an echo, classed as shared but linked to nothing.
    """
    short = min(settings.min_quote_words, SEED_WORDS, settings.min_words)
    if not left_quoted.strip(b"\x00") or not right_quoted.strip(b"\x00"):
        return (), ()
    in_left, in_right = bytearray(len(left)), bytearray(len(right))
    for passage in passages:
        in_left[slice(*passage.left_words)] = b"\x01" * (passage.left_words[1] - passage.left_words[0])
        in_right[slice(*passage.right_words)] = b"\x01" * (passage.right_words[1] - passage.right_words[0])
    keys = (_with_stoppers(left.keys, left_excluded), _with_stoppers(right.keys, right_excluded))
    found = []
    for this, other in ((0, 1), (1, 0)):
        quoted, in_passage = (left_quoted, right_quoted), (in_left, in_right)
        free = _free(quoted[this], in_passage[this])
        carried = _free(quoted[other], bytearray(in_passage[other].translate(_INVERT)))  # quoted and in a passage
        if free.find(1) < 0 or carried.find(1) < 0:
            found.append(())
            continue
        # The free quotations are usually the fewer words: they are the ones hashed, the others scanned.
        candidates = [Tile(tile.right, tile.left, tile.length) for tile in _matches_within(
            keys[other], carried, quoted[other], keys[this], free, quoted[this], short, settings.max_seed_hits)]
        if not candidates:
            found.append(())
            continue
        taken = Taken(len(keys[this]), len(keys[other]))
        taken.left[:] = in_passage[this]
        quotations = _Quotations(quoted[this], in_passage[this])
        echoes = []
        for tile in sorted(tile_greedily(candidates, short, taken), key=lambda tile: tile.left):
            words = (tile.left, tile.left + tile.length)
            quote_start, quote_end = span = quotations.span(words)
            # Short echoes count when they complete their quotation: with the words of it already in
            # passages they make (nearly) all of it, as for short passages (``_whole_quote``).
            shared = tile.length + quotations.covered_in(span)
            if tile.length >= settings.min_words or shared >= SHORT_QUOTE_COVER * (quote_end - quote_start):
                echoes.append(words)
        found.append(tuple(echoes))
    return found[0], found[1]


def _trim_stray_words(group: list[Tile], left_quoted: bytearray, right_quoted: bytearray,
                      limit: int) -> list[Tile]:
    """Drop fewer than ``limit`` words not quoted on both sides at either end of a passage quoted on both.

    A match grows over any equal words, so a shared quote drags along the "mom." before it when both
    outlets happen to end their lead-in with that word, or the name one outlet quotes and the other writes
    before its quote ('"If Leader Graves brings a clean bill"' and 'if Graves "brings a clean bill"'); a
    reader sees that as noise, not copying, and without the cut the short quote is lost with it.
    """
    def stray(left: int, right: int, step: int, length: int) -> int:
        # Only a run shorter than ``bound`` is cut, so the count stops there: a long narration passage
        # costs a few steps here, not one per word.
        bound = min(limit, length)
        count = 0
        while count < bound and not (left_quoted[left + step * count] and right_quoted[right + step * count]):
            count += 1
        if 0 < count < bound and left_quoted[left + step * count] and right_quoted[right + step * count]:
            return count
        return 0

    first = group[0]
    cut = stray(first.left, first.right, 1, first.length)
    if cut:
        group = [Tile(first.left + cut, first.right + cut, first.length - cut)] + group[1:]
    last = group[-1]
    cut = stray(last.left + last.length - 1, last.right + last.length - 1, -1, last.length)
    if cut:
        group = group[:-1] + [Tile(last.left, last.right, last.length - cut)]
    return group


BANAL_MAX_WORDS = 10  # matched words; a shorter narration passage must carry rare words to count
BANAL_MIN_RARE = 2  # rare words (``rarity.is_rare``) such a passage needs: "Chrissy Teigen", "phony theology"


def _matched_keys(keys: list[str], group: list[Tile]):
    """The keys of a passage's matched words."""
    return (key for tile in group for key in keys[tile.left:tile.left + tile.length])


def _mostly_quoted(words: tuple[int, int], quotes: bytes) -> bool:
    """Whether at least half the words of a range are quoted: quotations keep their own, shorter minimum."""
    start, end = words
    return (end - start - quotes.count(0, start, end)) * 2 >= end - start


def _content_words(keys: list[str], group: list[Tile]) -> int:
    """Matched words of a passage that are not stop words."""
    return sum(1 for tile in group for key in keys[tile.left:tile.left + tile.length] if key not in STOP_WORDS)


def _whole_lines(text: str, tokens: Tokens, first: int, end: int) -> bool:
    """Whether words ``[first, end)`` are all the words of the lines they stand on."""
    line_start = text.rfind("\n", 0, tokens.starts[first]) + 1
    line_end = text.find("\n", tokens.ends[end - 1])
    line_end = len(text) if line_end < 0 else line_end
    return tokens.index_at(line_start) == first and (end == len(tokens) or tokens.starts[end] >= line_end)


def _to_quote_ends(group: list[Tile], left_quoted: bytearray, right_quoted: bytearray,
                   left_covered: bytearray, right_covered: bytearray, max_gap: int) -> list[Tile]:
    """Stretch a passage inside quotations on both sides to the quotations' ends when they are near.

    "before the end of next year" against "before the end of the year": the last word agrees but is too
    short to match alone, so the passage would stop at "of" and hide the altered word. When few unmatched
    words remain to the quote's end on each side (see ``_near``), they join the passage as edits.
    Zero-length tiles mark the new ends.
    """
    first, last = group[0], group[-1]
    left_end, right_end = last.left + last.length, last.right + last.length
    if left_quoted[left_end - 1] and right_quoted[right_end - 1]:
        left_stop = _run_end(left_quoted, left_covered, left_end)
        right_stop = _run_end(right_quoted, right_covered, right_end)
        if _near(left_stop - left_end, right_stop - right_end, max_gap):
            group = group + [Tile(left_stop, right_stop, 0)]
    if left_quoted[first.left] and right_quoted[first.right]:
        left_stop = _run_start(left_quoted, left_covered, first.left)
        right_stop = _run_start(right_quoted, right_covered, first.right)
        if _near(first.left - left_stop, first.right - right_stop, max_gap):
            group = [Tile(left_stop, right_stop, 0)] + group
    return group


def _near(left_rest: int, right_rest: int, max_gap: int) -> bool:
    """Whether words left to a quotation's end on both sides are few enough to belong to the passage.

    One side may run on a little further than ``max_gap`` ("next year, whatever the cost" against "the
    year"), as long as the other side's rest is short. Where one side's quotation already ends, the other
    outlet merely quoted more of the sentence: that is no alteration, and nothing is stretched.
    """
    shorter, longer = sorted((left_rest, right_rest))
    return 0 < shorter <= max_gap and longer <= 2 * max_gap


def _run_end(quotes: bytes, covered: bytearray, start: int) -> int:
    """First word from ``start`` on that is outside the quotation of word ``start - 1``, or in a passage."""
    code = quotes[start - 1]
    end = start
    while end < len(quotes) and quotes[end] == code and not covered[end]:
        end += 1
    return end


def _run_start(quotes: bytes, covered: bytearray, end: int) -> int:
    """First word of the unmatched stretch before ``end`` inside the quotation of word ``end``."""
    code = quotes[end]
    start = end
    while start > 0 and quotes[start - 1] == code and not covered[start - 1]:
        start -= 1
    return start


SHORT_QUOTE_COVER = 0.8  # fraction of one side's quotation that must be shared for a short passage to count


def _whole_quote(left_words, right_words, left: _Quotations, right: _Quotations) -> bool:
    """Whether a passage quoted on both sides stands for a whole quotation.

    Short passages and passages of small words count only so: without this rule, three-word runs like
    "that it's" inside two different quotes would count as shared. Either the passage is (nearly) all of
    its quotation on one side ("a complete disgrace" quoted from a longer sentence), or other matches
    share the rest of its quotation on both sides: a headline quote whose first words match the other
    outlet's paraphrase and whose last words ("we embrace that") match its quotation.
    """
    if left.quotes.find(0, *left_words) >= 0 or right.quotes.find(0, *right_words) >= 0:
        return False
    sides = ((left_words, left.span(left_words), left), (right_words, right.span(right_words), right))
    if any(words[1] - words[0] >= SHORT_QUOTE_COVER * (end - start) for words, (start, end), _ in sides):
        return True
    return all(quotations.covered_in(span) >= SHORT_QUOTE_COVER * (span[1] - span[0])
               for _, span, quotations in sides)


LONG_QUOTATION_WORDS = 1_000  # words; the covered words of a longer quotation are tallied as passages cover them


class _Quotations:
    """One side's quotations as runs of words, and how many words of each long one matches cover.

    "How much of this quotation is shared" is a count over the quotation. For a quotation of ordinary
    length that count runs in C and costs nothing; a quotation left open over a whole article with
    thousands of short matches inside would make it quadratic, so long quotations keep a running tally,
    updated as passages cover words. The runs are found on first use: most comparisons never ask.
    """

    def __init__(self, quotes: bytes, covered: bytearray):
        self.quotes = quotes
        self.covered = covered
        self.spans: list[tuple[int, int]] | None = None  # runs of one quotation code
        self.starts: list[int] = []
        self.long: dict[int, int] = {}  # index in spans of each long quotation -> its covered words
        self.long_starts: list[int] = []  # start words of the long quotations, in order

    def _index(self, word: int) -> int:
        if self.spans is None:
            self.spans = [match.span() for match in _CODE_RUN_RE.finditer(self.quotes)]
            self.starts = [start for start, _ in self.spans]
            self.long = {index: self.covered.count(1, start, end) for index, (start, end) in enumerate(self.spans)
                         if end - start > LONG_QUOTATION_WORDS}
            self.long_starts = [self.spans[index][0] for index in self.long]
        return bisect_right(self.starts, word) - 1

    def span(self, words: tuple[int, int]) -> tuple[int, int]:
        """Word range of the quotations that ``words`` (all quoted) touch, first one's start to last one's end."""
        first, last = self._index(words[0]), self._index(words[1] - 1)
        return self.spans[first][0], self.spans[last][1]

    def covered_in(self, span: tuple[int, int]) -> int:
        """Covered words in ``span``, a range of whole quotations."""
        first, last = self._index(span[0]), self._index(span[1] - 1)
        if not self.long:
            return self.covered.count(1, *span)
        return sum(self.long[index] if index in self.long else self.covered.count(1, *self.spans[index])
                   for index in range(first, last + 1))

    def cover(self, start: int, end: int) -> None:
        """Mark words ``[start, end)`` covered, keeping the tallies of long quotations."""
        if self.long:
            for position in range(max(0, bisect_right(self.long_starts, start) - 1), len(self.long_starts)):
                if self.long_starts[position] >= end:
                    break
                index = self._index(self.long_starts[position])
                run_start, run_end = self.spans[index]
                low, high = max(run_start, start), min(run_end, end)
                if low < high:
                    self.long[index] += high - low - self.covered.count(1, low, high)
        self.covered[start:end] = b"\x01" * (end - start)


def _exactly_one_quote(words: tuple[int, int], quotes: bytes) -> bool:
    """Whether word range ``words`` is one whole quotation: all of its words and nothing else."""
    start, end = words
    code = quotes[start]
    return (code != 0 and quotes[start:end] == bytes([code]) * (end - start)
            and (start == 0 or quotes[start - 1] != code) and (end == len(quotes) or quotes[end] != code))


_DIFFER = diff_match_patch()
_DIFFER.Diff_Timeout = 0  # seconds, 0 = no limit: the default 1 s silently gives "everything differs"


def _edits(left: Tokens, right: Tokens, group: list[Tile]):
    """Character ranges of the words that differ between consecutive tiles of one passage."""
    left_edits: list[tuple[int, int]] = []
    right_edits: list[tuple[int, int]] = []
    for before, after in zip(group, group[1:]):
        left_gap = range(before.left + before.length, after.left)
        right_gap = range(before.right + before.length, after.right)
        left_changed, right_changed = _changed_words(
            [left.keys[index] for index in left_gap], [right.keys[index] for index in right_gap])
        left_edits += _word_ranges(left, [left_gap[offset] for offset in left_changed])
        right_edits += _word_ranges(right, [right_gap[offset] for offset in right_changed])
    return tuple(left_edits), tuple(right_edits)


def _changed_words(left: list[str], right: list[str]) -> tuple[list[int], list[int]]:
    """Offsets of the words of each side that diff-match-patch reports as not shared.

    Each distinct word becomes one character (diff-match-patch's lines-to-chars trick, with words), so the
    diff aligns whole words: "into" against "in" is one changed word on each side, never a shared "in".
    """
    alphabet: dict[str, str] = {}
    encode = lambda words: "".join(alphabet.setdefault(word, chr(_FIRST_WORD_CHAR + len(alphabet))) for word in words)
    left_changed, right_changed = [], []
    left_at = right_at = 0
    for operation, chunk in _DIFFER.diff_main(encode(left), encode(right), False):
        size = len(chunk)
        if operation <= 0 and operation:
            left_changed += range(left_at, left_at + size)
        elif operation > 0:
            right_changed += range(right_at, right_at + size)
        if operation <= 0:
            left_at += size
        if operation >= 0:
            right_at += size
    return left_changed, right_changed


_FIRST_WORD_CHAR = 0xF0000  # a private-use plane: 65,534 distinct words per gap, far more than a gap holds


def _word_ranges(tokens: Tokens, indices: list[int]) -> list[tuple[int, int]]:
    """Character ranges of the words at ``indices``; neighbouring words make one range."""
    ranges: list[tuple[int, int]] = []
    previous = None
    for index in indices:
        if previous is not None and index == previous + 1:
            ranges[-1] = (ranges[-1][0], tokens.ends[index])
        else:
            ranges.append((tokens.starts[index], tokens.ends[index]))
        previous = index
    return ranges
