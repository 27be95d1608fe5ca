"""The whole story at once: the quote matrix, provenance and each outlet's framing over N documents.

    >>> from viewer.engine.story import build_story
    >>> story = build_story(documents, progress=print, cancelled=lambda: False)
    >>> for row in story.quotes:                       # sorted by reach; sort_rows(story.quotes, "speaker")
    ...     print(row.speaker, row.text, [cell.state for cell in row.cells])

Result shapes (frozen dataclasses in ``model``; document numbers index ``Story.documents``, which is in date
order: dated oldest first, undated after them; offsets are string indices into that document's text):

``Story(documents, quotes, provenance, sources, framing, labels, reader)``
    ``label(i)``: a document's short name (``labels[i]`` when the caller named it, as the library list does);
    ``reader``: ``ReaderCorrections(applied, stale, pairs)`` when built with the reader's corrections; ``link(a, b)``: the ``SourceLink`` from a to b or None;
    ``share_matrix()``: ``[a][b]`` share of a's words also in b (0.0 when none found, None on the diagonal).
``QuoteRow(text, words, speaker, origin, origin_note, cells)``
    one per distinct quotation; ``origin`` is a document number or None; ``cells`` one per document;
    properties ``reach``, ``first_appearance``, ``alteration``. ``sort_rows(rows, by)`` with ``by`` in
    ``ROW_ORDERS``: ``reach``, ``first``, ``speaker``, ``alteration``.
``QuoteCell(state, start, end, pieces, carried, changes, edits, speaker, verb, summary, reader)``
    ``state`` in ``CELL_STATES``: ``verbatim``, ``altered``, ``partial``, ``absent``; ``changes`` are
    ``WordChange(before, after)``; ``carried`` are ranges of row word indices; ``summary`` is the cell in words.
``SourceLink(document, other, words, share, quote_words, quote_share, passages, reader_passages)``
    one per ordered pair that shares text (both directions present).
``LikelySource(document, source, share, evidence, passages)``
    one per document; ``source`` None when no earlier document shares enough.
``OutletFraming(document, narration_words, own_words, paragraphs, verbs, terms)``
    ``paragraphs``: ``OwnParagraph(start, end, pieces, own_words, words)``; ``verbs``: ``VerbUse(verb,
    count)``; ``terms``: ``Term(term, count, others, log_odds, z)``, highest z first.

``build_story(documents, progress=None, cancelled=None, corrections=None, labels=None) -> Story``:
``progress(fraction 0..1)``; ``cancelled()`` returning True stops it with ``StoryCancelled``;
``corrections``: the reader's, ``{(hash_a, hash_b): (Correction, ...)}`` by ``content_hash`` of the texts,
applied wherever a pair is compared and laid over the quote matrix (``corrected``); ``labels``: names
parallel to ``documents``. Results are cached per document set (content, path, title, outlet, date), labels
and corrections, so building the same story again is instant and a new correction builds it again.

How each part is computed: ``ngrams`` (the inverted index), ``matrix`` (rows and cells), ``provenance``
(shares and likely sources), ``corrected`` (the reader's corrections), ``framing`` (own narration and weighted
log-odds terms).
"""

from .build import build_story, date_order, story_cache_clear
from .model import (ABSENT, ALTERED, CELL_STATES, PARTIAL, ROW_ORDERS, VERBATIM, LikelySource, OutletFraming,
                    OwnParagraph, QuoteCell, QuoteRow, ReaderCorrections, SourceLink, Story, StoryCancelled, Term,
                    VerbUse, WordChange, distinct_labels, document_label, document_labels, sort_rows)

__all__ = [
    "ABSENT", "ALTERED", "CELL_STATES", "PARTIAL", "ROW_ORDERS", "VERBATIM", "LikelySource", "OutletFraming",
    "OwnParagraph", "QuoteCell", "QuoteRow", "ReaderCorrections", "SourceLink", "Story", "StoryCancelled", "Term",
    "VerbUse", "WordChange", "build_story", "date_order", "distinct_labels", "document_label", "document_labels",
    "sort_rows", "story_cache_clear",
]
