"""One inverted index of word n-grams over every document of a story.

Comparing every pair of N documents costs N² alignments; a story of 1,000 articles would take hours. The
index answers the two questions that need all documents at once in time linear in their words:

- **Which words does some other document share?** A word is shared when a run of ``SHARE_WORDS`` words
  around it (the pair view's ``min_words``) occurs in another document too, unless that run is mostly stop
  words ("at the end of the day"). What is left, outside quotations and tags, is an outlet's own narration.
- **Which pairs are worth aligning?** For each document, the documents it shares the most runs with (all
  of them in a story of up to ``ALL_PAIRS_MAX_DOCUMENTS`` documents). A run
  carried by hundreds of documents (a famous quote) counts only towards the earliest ``MAX_PARTNERS_PER_RUN``
  of them (documents are in date order), so a popular quote never makes every pair a candidate.

Runs are Python hashes of tuples of word keys (64 bits: a collision among a million runs is vanishingly
rare, and would only add one candidate pair). Page chrome never forms a run.

Exports: ``SHARE_WORDS``, ``StoryIndex``.
"""

from __future__ import annotations

from collections import Counter
from itertools import accumulate, chain

from ..classify import Analysis
from ..text import STOP_WORDS

SHARE_WORDS = 6  # words per run; the pair view's min_words, so both views call the same text shared
MAX_STOP_WORDS = 4  # of SHARE_WORDS; a run with more stop words than this is a stock phrase, never sharing
MAX_PARTNERS_PER_RUN = 12  # documents; a run counts towards pairs with at most this many earlier carriers
CANDIDATES_PER_DOCUMENT = 3  # partners aligned per document (its best by shared runs) in a large story
ALL_PAIRS_MAX_DOCUMENTS = 20  # documents; up to this many, every pair sharing runs is aligned (190 at most)
MIN_SHARED_RUNS = 2  # runs two documents must share before they are aligned


class StoryIndex:
    """The runs of every document and where else each occurs.

    ``shared_words[d]``: one byte per word of document ``d``, 1 when another document shares a run through it.
    ``candidate_pairs()``: the unordered pairs ``(a, b)``, ``a < b``, worth aligning.
    """

    def __init__(self, analyses: list[Analysis]):
        self._runs: list[list[int]] = []  # per document, per position: the run's hash (-1: no run)
        carriers: dict[int, int | list[int]] = {}  # run -> the one document carrying it, or all of them
        for number, analysis in enumerate(analyses):
            runs = _runs(analysis)
            self._runs.append(runs)
            for run in set(runs):
                first = carriers.setdefault(run, number)
                if first != number:
                    if first.__class__ is int:
                        carriers[run] = [first, number]
                    else:
                        first.append(number)
        carriers.pop(-1, None)
        self._carriers = {run: found for run, found in carriers.items() if found.__class__ is list}
        self.shared_words = [self._shared_mask(runs, len(analysis.tokens))
                             for runs, analysis in zip(self._runs, analyses)]

    def _shared_mask(self, runs: list[int], words: int) -> bytearray:
        mask = bytearray(words)
        shared = self._carriers
        covered_to = 0
        for position, run in enumerate(runs):
            if run in shared:
                start = max(position, covered_to)
                end = position + SHARE_WORDS
                mask[start:end] = b"\x01" * (end - start)
                covered_to = end
        return mask

    def candidate_pairs(self) -> list[tuple[int, int]]:
        """Pairs worth aligning: each document with its ``CANDIDATES_PER_DOCUMENT`` best partners, or with
        every partner in a story of up to ``ALL_PAIRS_MAX_DOCUMENTS`` documents (a full heat map)."""
        per_document = len(self._runs) if len(self._runs) <= ALL_PAIRS_MAX_DOCUMENTS else CANDIDATES_PER_DOCUMENT
        pairs: set[tuple[int, int]] = set()
        shared = self._carriers
        for number, runs in enumerate(self._runs):
            partners = Counter(chain.from_iterable(
                _partners(shared[run], number) for run in set(runs) if run in shared))
            partners.pop(number, None)
            for other, count in partners.most_common(per_document):
                if count >= MIN_SHARED_RUNS:
                    pairs.add((min(number, other), max(number, other)))
        return sorted(pairs)


def _partners(carriers: list[int], number: int) -> list[int]:
    """The documents a run links ``number`` to: all its carriers, or the earliest few of a popular run."""
    if len(carriers) <= MAX_PARTNERS_PER_RUN:
        return carriers
    return carriers[:MAX_PARTNERS_PER_RUN]


def _runs(analysis: Analysis) -> list[int]:
    """The hash of the run starting at each word (-1 where the run holds chrome or is a stock phrase)."""
    keys = analysis.tokens.keys
    count = len(keys) - SHARE_WORDS + 1
    if count <= 0:
        return []
    runs = list(map(hash, zip(*(keys[offset:] for offset in range(SHARE_WORDS)))))
    stops = list(accumulate((key in STOP_WORDS for key in keys), initial=0))
    chrome = list(accumulate(analysis.chrome, initial=0))
    for position in range(count):
        end = position + SHARE_WORDS
        if stops[end] - stops[position] > MAX_STOP_WORDS or chrome[end] != chrome[position]:
            runs[position] = -1
    return runs
