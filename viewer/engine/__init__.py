"""Framing Viewer's comparison engine: plain Python, no Qt, usable from a notebook.

    >>> from viewer.engine import compare
    >>> result = compare(people_text, reprint_text)        # two strings or two Documents
    >>> result.left.stats["shared-quote"], result.right.share("framing")
    >>> for passage in result.passages: ...

Public API
----------
``compare(left, right, settings=None) -> Comparison``
    ``left`` / ``right``: ``str`` or ``Document``; ``settings``: ``MatchSettings`` (defaults suit news).
``Comparison``
    ``left``, ``right``: ``Side``; ``passages``: tuple of ``Passage`` ordered by left start;
    ``quote_passages``: indices of passages that carry a quotation; ``altered_quotes``: how many of those differ;
    ``swapped()``: the mirror comparison; ``to_json()``: the command line's JSON contract.
``Side``
    ``document``: ``Document``; ``quotes``: ``Quote(start, end, depth)``; ``attributions``:
    ``Attribution(start, end, speaker)``; ``spans``: ``Span(start, end, cls)`` covering every non-space
    character once; ``stats``: ``{class: words}``; ``share(cls)``: fraction of words; ``speakers``:
    ``QuoteSpeaker(start, end, speaker)`` for each depth-0 quote, ``speaker`` a name ("James E. Clyburn"),
    an unnamed role ("the mayor") or None (see ``speakers.py``).
``Passage``
    ``left_start``, ``left_end``, ``right_start``, ``right_end``: character offsets (end exclusive);
    ``left_words``, ``right_words``: word-index ranges; ``matched_words``; ``left_edits`` / ``right_edits``:
    character ranges of the words that differ inside the passage.
``Document(text, path, title, outlet, date)``; ``Document.from_text(text, ...)`` reads title and date.
``attribute(text, quotes) -> Speech(tags, speakers)``: the speech tags and speakers of one text;
``find_attributions(text, quotes)``: the tags alone.
``CLASSES``: ``shared-quote``, ``shared-text``, ``own-quote``, ``attribution``, ``framing``, ``boilerplate``.
``MatchSettings(min_words=6, min_quote_words=3, max_gap=4, max_seed_hits=50)``.

``apply_corrections(comparison, corrections) -> Comparison`` (``viewer.engine.corrections``)
    a reader's ``Correction``s (link, unlink, mark, speaker) applied after matching; the result is a
    ``CorrectedComparison`` with ``reader_passages``, ``left_reader`` / ``right_reader``, ``stale``.

``pair_summary(comparison, left_label, right_label) -> Summary`` (``viewer.engine.summary``)
    the stats sentence, written from the side that quotes the other (``quoting_side``).

All offsets are Python string indices into ``Document.text``.

``viewer.engine.story.build_story(documents)``: the whole story over N documents (quote matrix, provenance,
each outlet's framing); its package docstring lists the result shapes.
"""

from .classify import CLASSES, Span
from .compare import Comparison, Side, compare
from .match import MatchSettings, Passage
from .quotes import Quote, find_quotes
from .speakers import Attribution, QuoteSpeaker, Speech, attribute, find_attributions
from .text import Document, Tokens, tokenize

__all__ = [
    "CLASSES", "Attribution", "Comparison", "Document", "MatchSettings", "Passage", "Quote", "Side",
    "Span", "Tokens", "compare", "find_attributions", "find_quotes", "tokenize",
    "QuoteSpeaker", "Speech", "attribute",
]
