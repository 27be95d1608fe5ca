"""``build_story``: documents in, one ``Story`` out, cached per document set.

The steps, with the share of the progress bar each takes:

1. analyse each document (the pair view's cached analysis: words, quotations, tags, chrome);
2. one n-gram index over all documents: shared words and the candidate pairs (``ngrams``);
3. the quote matrix (``matrix``);
4. align the candidate pairs with ``compare`` (and every pair the reader corrected, with the corrections
   applied), the provenance links and likely sources (``provenance``); the reader's links and speakers laid
   over the quote matrix (``corrected``);
5. each outlet's own narration, speech verbs and distinctive terms (``framing``).

Nothing is ever aligned all-pairs: step 4 aligns a few partners per document.

Exports: ``build_story``, ``story_cache_clear``, ``STORY_CACHE_SIZE``.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from contextlib import contextmanager
from typing import Callable, Iterable

from .. import classify
from ..classify import analyse
from ..compare import collector_paused
from ..text import Document
from .corrected import corrected_rows, pair_corrections, reader_counts, reader_marks
from .framing import story_framing
from .matrix import quote_rows
from .model import Story, StoryCancelled, distinct_labels, document_label, sort_rows
from .ngrams import StoryIndex
from .provenance import likely_sources, links_for

STORY_CACHE_SIZE = 4  # stories kept; reopening a story (or the tab) is then instant
_cache: OrderedDict[tuple, Story] = OrderedDict()
# One build at a time: a build widens the engine's analysis cache while it runs (see _analyses_kept), and
# two overlapping builds would restore the bound in the wrong order. Builds run in a worker; a second one
# simply waits for the first (which its cancel flag can stop).
_building = threading.Lock()

# Where each step ends on the progress scale (0..1).
_ANALYSED, _INDEXED, _MATRIX, _ALIGNED = 0.15, 0.25, 0.45, 0.9


def _key(documents: list[Document], labels: tuple[str, ...], corrections: dict | None) -> tuple:
    # The corrections of the story's pairs are part of the key: a new correction (or one undone) is
    # another story. None (not given) and {} (none for these pairs) differ: only the first has no
    # ``Story.reader``.
    texts = tuple((hashlib.sha1(document.text.encode("utf-8", "surrogatepass")).hexdigest(), document.path,
                   document.title, document.outlet, document.date) for document in documents)
    return texts, labels, None if corrections is None else tuple(sorted(corrections.items()))


def story_cache_clear() -> None:
    _cache.clear()


def date_order(items: Iterable, documents: list[Document] | None = None) -> list:
    """Dated documents oldest first, then the undated ones, each group in the order given.

    With ``documents``, ``items`` are anything parallel to them (numbers, labels) put in that order."""
    items = list(items)
    documents = items if documents is None else documents
    order = sorted(range(len(documents)), key=lambda index: (not documents[index].date, documents[index].date, index))
    return [items[index] for index in order]


def build_story(documents: Iterable[Document], progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None, corrections=None, labels=None) -> Story:
    """The story of ``documents`` (see ``viewer.engine.story`` for the result).

    ``progress(fraction)`` is called with 0..1 as work advances; ``cancelled()`` is polled and, when it
    returns True, the build stops with ``StoryCancelled``. The same documents again return the cached story.
    ``corrections``: the reader's, ``{(hash_a, hash_b): tuple of Correction}`` keyed by the texts'
    ``content_hash`` (hash_a's text on the left), applied wherever a pair is compared (see ``corrected``).
    ``labels``: what to call each document (parallel to ``documents``; the library list's names), used in
    the origin notes and evidence sentences and kept as ``Story.labels``.
    """
    documents = list(documents)
    named = list(labels) if labels is not None else [""] * len(documents)
    if len(named) != len(documents):
        raise ValueError(f"{len(named)} labels for {len(documents)} documents")
    order = date_order(range(len(documents)), documents)
    documents = [documents[number] for number in order]
    labels = tuple(named[number] for number in order)
    pairs = None if corrections is None else pair_corrections(documents, corrections)
    report = progress or (lambda fraction: None)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise StoryCancelled("story build cancelled")

    key = _key(documents, labels, pairs)
    found = _cache.get(key)
    if found is not None:
        _cache.move_to_end(key)
        report(1.0)
        return found
    with _building, collector_paused(), _analyses_kept(documents):
        story = _build(documents, report, check, labels, pairs)
    _cache[key] = story
    while len(_cache) > STORY_CACHE_SIZE:
        _cache.popitem(last=False)
    report(1.0)
    return story


@contextmanager
def _analyses_kept(documents: list[Document]):
    """Let the engine's analysis cache hold the whole story while it is built.

    ``compare`` looks each text's analysis up in that cache; with its usual bound, a story larger than the
    bound would be analysed again and again as the pairs come round (a third of the build time at 1,000
    articles). The bound is restored afterwards, and the next analysis trims the cache back to it.
    """
    saved = classify.ANALYSIS_CACHE_CHARS
    classify.ANALYSIS_CACHE_CHARS = max(saved, 2 * sum(len(document.text) for document in documents))
    try:
        yield
    finally:
        classify.ANALYSIS_CACHE_CHARS = saved


def _build(documents: list[Document], report, check, labels: tuple[str, ...], pairs: dict | None) -> Story:
    # The caller's names where given, else each document's own; two the same are numbered ("Gazette (2)").
    labels = distinct_labels([labels[number] or document_label(document, number)
                              for number, document in enumerate(documents)])
    label = labels.__getitem__
    report(0.0)
    analyses = []
    for number, document in enumerate(documents):
        check()
        analyses.append(analyse(document.text))
        if number % 32 == 0:
            report(_ANALYSED * number / max(1, len(documents)))
    index = StoryIndex(analyses)
    report(_INDEXED)
    rows = quote_rows(documents, analyses, check, lambda fraction: report(_INDEXED + (_MATRIX - _INDEXED) * fraction),
                      label)
    report(_MATRIX)
    corrected: dict = {}
    # Every pair the reader corrected is aligned, candidate or not: a reader's link may be all they share.
    aligned = sorted(set(index.candidate_pairs()) | set(pairs or ()))
    links = links_for(documents, aligned, check, lambda fraction: report(_MATRIX + (_ALIGNED - _MATRIX) * fraction),
                      corrections=pairs, corrected=corrected)
    report(_ALIGNED)
    rows = corrected_rows(rows, documents, analyses, corrected, label)
    sources = likely_sources(documents, links, label)
    framing = story_framing(analyses, index.shared_words, links, rows, check, reader_marks(corrected))
    return Story(tuple(documents), sort_rows(rows), tuple(links), tuple(sources), framing, labels,
                 None if pairs is None else reader_counts(corrected))
