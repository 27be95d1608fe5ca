"""How common a word is in English, to tell a copied phrase from a stock one.

Two outlets that both write "as White House chief of staff," copied nothing: every word of it is among the
commonest of the language, and any article naming the job says it. A short run of shared narration means
copying only when it carries words that are rare in general English. Frequencies come from wordfreq
(word lists built from news, books, subtitles and the web for this purpose), on its Zipf scale: the base-10
logarithm of a word's occurrences per billion words, so 7 is "the", 5 is "staff", 3 is "phony", 0 a word
it has never seen (a name, a typo).

The table (a few MB) loads on the first question, not at import: comparing two articles that share no
short narration never pays for it.

Exports: ``RARE_ZIPF``, ``is_rare``, ``rare_count``.
"""

from __future__ import annotations

from functools import lru_cache

RARE_ZIPF = 4.0  # Zipf; a word below this (fewer than 10 per million words) is rare: "theology" 3.9, "chief" 5.1


@lru_cache(maxsize=1)
def _zipf():
    from wordfreq import zipf_frequency  # loaded lazily: about 0.2 s the first time

    return zipf_frequency


@lru_cache(maxsize=100_000)
def is_rare(word: str) -> bool:
    """Whether ``word`` (a folded word key) is rarer than ``RARE_ZIPF`` in English."""
    return _zipf()(word, "en") < RARE_ZIPF


def rare_count(words, enough: int | None = None) -> int:
    """How many of ``words`` are rare, counting no further than ``enough`` when given."""
    count = 0
    for word in words:
        if is_rare(word):
            count += 1
            if count == enough:
                break
    return count
