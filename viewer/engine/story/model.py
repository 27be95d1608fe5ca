"""The result types of a story: frozen, plain values that views, reports and exports read.

Every ``document`` / ``origin`` / ``source`` number is an index into ``Story.documents``, which is ordered by
date (dated documents first, oldest first; undated ones after them in the order given). Every character
offset is a Python string index into that document's ``text`` (end exclusive), as in the pair view.

Exports: ``VERBATIM``, ``ALTERED``, ``PARTIAL``, ``ABSENT``, ``CELL_STATES``, ``WordChange``, ``QuoteCell``,
``QuoteRow``, ``ROW_ORDERS``, ``sort_rows``, ``SourceLink``, ``LikelySource``, ``OwnParagraph``,
``VerbUse``, ``Term``, ``OutletFraming``, ``ReaderCorrections``, ``Story``, ``StoryCancelled``, ``document_label``,
``document_labels``, ``distinct_labels``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..labels import name_label
from ..text import Document

VERBATIM, ALTERED, PARTIAL, ABSENT = "verbatim", "altered", "partial", "absent"
CELL_STATES = (VERBATIM, ALTERED, PARTIAL, ABSENT)


class StoryCancelled(Exception):
    """Raised by ``build_story`` when its ``cancelled`` callable returned True."""


def document_label(document: Document, index: int = 0) -> str:
    """A short name for a document in tables: its outlet, else its file name (unless it looks like a download
    id or a hash), else the start of its title (``viewer.engine.labels``: the library list's rule).

    ``name_label`` drops a file name's control characters: an escape sequence in it would otherwise reach the
    terminal through a CSV column header and retitle or recolour it."""
    return name_label(document.outlet, Path(document.path).stem, document.title) or f"document {index + 1}"

def document_labels(documents) -> tuple[str, ...]:
    """``document_label`` of each document, told apart by ``distinct_labels``."""
    return distinct_labels([document_label(document, index) for index, document in enumerate(documents)])


def distinct_labels(labels) -> tuple[str, ...]:
    """``labels`` numbered where several are the same ("Gazette (1)", "Gazette (2)", in the order given): two
    articles from one outlet are two columns a reader must tell apart."""
    labels = list(labels)
    counts = Counter(labels)
    seen: Counter = Counter()
    numbered = []
    for label in labels:
        seen[label] += 1
        numbered.append(f"{label} ({seen[label]})" if counts[label] > 1 else label)
    return tuple(numbered)


@dataclass(frozen=True)
class WordChange:
    """One difference between the row's wording and a document's: ``before`` the row's words ("" when the
    document added words), ``after`` the document's words ("" when it dropped them)."""

    before: str
    after: str


@dataclass(frozen=True)
class QuoteCell:
    """How one document carries one quotation.

    ``state``: ``verbatim`` (every word of the row, in order, nothing changed; case and punctuation do not
    count), ``altered`` (words changed, added or dropped inside it: see ``changes`` and ``edits``),
    ``partial`` (only some of it, unchanged: ``carried`` says which words), ``absent``.
    ``start``/``end``: the quotation as this document prints it (first to last carried word; 0, 0 when
    absent); ``pieces``: its character ranges, more than one when the document split it ("A," she said, "B").
    ``carried``: ranges ``(first, end)`` of indices into ``QuoteRow.words`` that this document has.
    ``edits``: character ranges in this document of the words that differ from the row's wording.
    ``speaker``/``verb``: as this document's speech tag gives them ("" when it has none).
    ``summary``: the cell in words, e.g. ``altered: "say" became "tell"`` or ``partial: words 1-8 of 20``.
    ``reader``: the reader linked this document's words to the quotation (a correction), not the engine.
    """

    state: str
    start: int = 0
    end: int = 0
    pieces: tuple[tuple[int, int], ...] = ()
    carried: tuple[tuple[int, int], ...] = ()
    changes: tuple[WordChange, ...] = ()
    edits: tuple[tuple[int, int], ...] = ()
    speaker: str = ""
    verb: str = ""
    summary: str = ABSENT
    reader: bool = False

    @property
    def present(self) -> bool:
        return self.state != ABSENT

    @property
    def changed_words(self) -> int:
        """Words changed, added or dropped inside the quote (what "how much it was altered" counts)."""
        return sum(max(len(change.before.split()), len(change.after.split())) for change in self.changes)


@dataclass(frozen=True)
class QuoteRow:
    """One distinct quotation across the story.

    ``text``: the quotation as its first carrier prints it (no outer quote marks; runs of white space, such
    as the paragraph breaks of a quote running over paragraphs, as one space); ``words``: its words.
    ``speaker``: who says it, from the documents' speech tags ("" when none names anyone).
    ``origin``: the earliest-dated document carrying it (None when the carriers are undated and more than
    one); ``origin_note`` says how it was decided ("first in People (2021-04-06)", ties, undated carriers).
    ``cells``: one per document, in ``Story.documents`` order.
    """

    text: str
    words: tuple[str, ...]
    speaker: str
    origin: int | None
    origin_note: str
    cells: tuple[QuoteCell, ...]

    @property
    def reach(self) -> int:
        """How many documents carry it (in any state but absent)."""
        return sum(1 for cell in self.cells if cell.present)

    @property
    def first_appearance(self) -> int:
        """Column of the first document (by date) that carries it."""
        return next((index for index, cell in enumerate(self.cells) if cell.present), len(self.cells))

    @property
    def alteration(self) -> int:
        """Words changed, added or dropped, summed over the documents that carry it altered."""
        return sum(cell.changed_words for cell in self.cells)


# Row orders a view or the command line offers; each is a key function (smaller sorts first).
ROW_ORDERS = {
    "reach": lambda row: (-row.reach, row.first_appearance, row.text),
    "first": lambda row: (row.first_appearance, -row.reach, row.text),
    "speaker": lambda row: (row.speaker == "", row.speaker.lower(), -row.reach, row.first_appearance),
    "alteration": lambda row: (-row.alteration, -row.reach, row.first_appearance),
}


def sort_rows(rows, by: str = "reach") -> tuple[QuoteRow, ...]:
    """Rows sorted by ``reach`` (most outlets first), ``first`` appearance, ``speaker`` or ``alteration``."""
    return tuple(sorted(rows, key=ROW_ORDERS[by]))


@dataclass(frozen=True)
class SourceLink:
    """What ``document`` shares with ``other`` (one direction; the story holds both).

    ``words``: words of ``document`` inside passages shared with ``other``; ``share``: that fraction of its
    words. ``quote_words`` / ``quote_share``: the same for its quoted words ("48% of People's quotes appear
    in 000"). ``passages``: character ranges in ``document`` of the shared passages, in text order;
    ``reader_passages``: those the reader linked (a correction), not the engine.
    """

    document: int
    other: int
    words: int
    share: float
    quote_words: int
    quote_share: float
    passages: tuple[tuple[int, int], ...]
    reader_passages: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class LikelySource:
    """The earlier document ``document`` most likely took its shared text from, and why we think so: the
    earlier document it shares most with, or an even earlier one sharing nearly as much (see ``provenance``).

    ``source`` is None when no earlier document shares enough. ``share`` is ``SourceLink.share`` of that
    pair; ``evidence`` says it in a sentence; ``passages`` are the longest shared passages in ``document``
    (character ranges, longest first). A document counts as earlier when its date is earlier, or when it is
    dated and the other is not; two undated documents are never each other's source (``evidence`` says so).
    """

    document: int
    source: int | None
    share: float
    evidence: str
    passages: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class OwnParagraph:
    """A paragraph ``text[start:end]`` holding this document's own narration, in ``pieces`` (character
    ranges); ``own_words`` of its ``words`` are own narration."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    own_words: int
    words: int


@dataclass(frozen=True)
class VerbUse:
    """A speech verb ("said", "admitted") and how many of the shared quotes this document tags with it."""

    verb: str
    count: int


@dataclass(frozen=True)
class Term:
    """A word or two-word phrase of this document's own narration that sets it apart from the others'.

    ``count``: times in this document's own narration; ``others``: times in the other documents' own
    narration; ``log_odds``: weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
    and Quinn 2008); ``z``: that estimate over its standard deviation (above ~2 is unlikely by chance).
    """

    term: str
    count: int
    others: int
    log_odds: float
    z: float


@dataclass(frozen=True)
class OutletFraming:
    """What one document adds of its own.

    ``own_words`` of its ``narration_words`` (narration: neither quotation, speech tag nor page chrome) are
    text no other document in the story shares; ``paragraphs`` lists them paragraph by paragraph.
    ``verbs``: the speech verbs it uses for quotes other documents also carry, most used first.
    ``terms``: distinctive terms of its own narration, highest z first (only z >= framing.MIN_Z, 1.0).
    """

    document: int
    narration_words: int
    own_words: int
    paragraphs: tuple[OwnParagraph, ...]
    verbs: tuple[VerbUse, ...]
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class ReaderCorrections:
    """The reader's corrections a story was built with: ``applied`` in the pairs they belong to, ``stale``
    (their words are no longer at their offsets: not applied), over ``pairs`` pairs of the story's documents."""

    applied: int
    stale: int
    pairs: int


@dataclass(frozen=True)
class Story:
    """The whole story: documents by date, the quote matrix, provenance and each outlet's framing.

    ``quotes``: rows sorted by reach (``sort_rows`` for the other orders). ``provenance``: ``SourceLink``
    for both directions of every aligned pair that shares text: every pair sharing a run of six words in a
    story of up to 20 documents, each document's best partners in a larger one (see ``ngrams``).
    ``sources``: one ``LikelySource`` per document; ``framing``: one ``OutletFraming`` per document.
    ``labels``: what the caller calls each document (the library list's names), else ``document_label``.
    ``reader``: the reader's corrections it was built with, None when none were given.
    """

    documents: tuple[Document, ...]
    quotes: tuple[QuoteRow, ...]
    provenance: tuple[SourceLink, ...]
    sources: tuple[LikelySource, ...]
    framing: tuple[OutletFraming, ...]
    labels: tuple[str, ...] = ()
    reader: ReaderCorrections | None = None

    def label(self, index: int) -> str:
        if index < len(self.labels) and self.labels[index]:
            return self.labels[index]
        labels = self.__dict__.get("_labels")
        if labels is None:
            labels = document_labels(self.documents)
            object.__setattr__(self, "_labels", labels)  # a cache of derived data, not state
        return labels[index]

    def link(self, document: int, other: int) -> SourceLink | None:
        """What ``document`` shares with ``other``, or None when nothing."""
        return self._links.get((document, other))

    def share_matrix(self) -> tuple[tuple[float | None, ...], ...]:
        """``[document][other]``: the share of ``document``'s words also in ``other`` (the heat map's cells);
        0.0 where the pair shares nothing found, None on the diagonal."""
        count = len(self.documents)
        rows = [[0.0] * count for _ in range(count)]
        for number in range(count):
            rows[number][number] = None
        for link in self.provenance:
            rows[link.document][link.other] = link.share
        return tuple(tuple(row) for row in rows)

    @property
    def _links(self) -> dict[tuple[int, int], SourceLink]:
        cached = self.__dict__.get("_link_map")
        if cached is None:
            cached = {(link.document, link.other): link for link in self.provenance}
            object.__setattr__(self, "_link_map", cached)  # a cache of derived data, not state
        return cached
