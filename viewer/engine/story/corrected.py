"""The reader's corrections in the whole story: which pairs they touch, and what they change in the quote matrix.

Corrections are made in the pair view, per pair of texts (``viewer.engine.corrections``), and the story
takes them as plain data: ``{(hash_a, hash_b): corrections}`` keyed by the texts' ``content_hash``.
``pair_corrections`` turns that into the story's document numbers. Provenance applies them where it aligns
a pair (``provenance.links_for``), so a reader's link adds to both documents' shares and an unlinked
passage no longer counts; every pair with corrections is aligned, candidate or not.

The quote matrix is built from each document's quotations, not from pairs, so the pairs' corrections are
laid over it here (``corrected_rows``), in the order the pairs come:

- a passage the reader *linked as a shared quote* between documents A and B joins the row whose cell in A
  covers the link (else the row whose cell in B does): the other document's cell becomes the linked words,
  read against the row's quotation word by word (verbatim, altered, partial) and marked ``reader``; a cell
  of that document in another row over the same words is taken out of that row (a row left with no carrier
  goes). When neither side's words are in the matrix (a quote of fewer than three words, reported speech),
  the link makes a row of its own, worded as the earlier document prints it.
- a passage the reader *unlinked* between A and B where one row carries both ends (the engine took them
  for one quotation) loses B's cell, B being the later document; B's words become a row of their own,
  marked as the reader's ("your unlink"), unless another row already has them. Unlinks come before the
  pair's links, so linking the same words again afterwards puts them back.
- a *speaker* the reader named (or cleared) for a quotation is that document's cell's speaker; the row's
  speaker is then the reader's (the last one named), or the carriers' vote when cleared.

Origins and row speakers of the rows touched are decided again. A later unlink of a reader's link leaves no
reader passage in the corrected comparison, so the link's cells go with it.

Each outlet's framing takes the classes the reader set (``reader_marks``): text marked boilerplate, a speech
tag or a quotation is not its own narration, text marked framing is.

Exports: ``pair_corrections``, ``corrected_rows``, ``reader_counts``, ``reader_marks``.
"""

from __future__ import annotations

from dataclasses import replace

from ..classify import SHARED_QUOTE
from ..corrections import content_hash, corrections_between
from .matrix import full_names, origin_of, reader_cell, row_speaker
from .model import ABSENT, QuoteCell, QuoteRow, ReaderCorrections

_ABSENT_CELL = QuoteCell(ABSENT)


def pair_corrections(documents, by_hash) -> dict[tuple[int, int], tuple]:
    """``{(first, second): corrections}`` (``first < second``, ``first`` on the left) for the pairs of
    ``documents`` that ``by_hash`` (``{(hash_a, hash_b): corrections}``) holds corrections for."""
    if not by_hash:
        return {}
    hashes = [content_hash(document.text) for document in documents]
    numbers: dict[str, list[int]] = {}
    for number, digest in enumerate(hashes):
        numbers.setdefault(digest, []).append(number)
    found = {}
    for hash_a, hash_b in by_hash:
        for first in numbers.get(hash_a, ()):
            for second in numbers.get(hash_b, ()):
                if first == second:
                    continue
                pair = (min(first, second), max(first, second))
                if pair not in found:
                    corrections = corrections_between(by_hash, hashes[pair[0]], hashes[pair[1]])
                    if corrections:
                        found[pair] = corrections
    return found


def reader_counts(corrected: dict) -> ReaderCorrections:
    """How many corrections the corrected pairs applied and found stale."""
    comparisons = list(corrected.values())
    return ReaderCorrections(sum(len(getattr(c, "corrections", ())) for c in comparisons),
                             sum(len(getattr(c, "stale", ())) for c in comparisons), len(comparisons))


def reader_marks(corrected: dict) -> dict[int, list[tuple[int, int, str]]]:
    """``{document: [(start, end, class), ...]}``: the classes the reader set ("Mark as…") in the corrected
    pairs, pair by pair, each pair's in the order they were made (a later one wins where two overlap)."""
    marks: dict[int, list[tuple[int, int, str]]] = {}
    for (first, second), comparison in sorted(corrected.items()):
        for correction in getattr(comparison, "corrections", ()):
            if correction.kind != "mark":
                continue
            number, where = (first, correction.left) if correction.left is not None else (second, correction.right)
            marks.setdefault(number, []).append((*where, correction.cls))
    return marks


def _overlaps(cell: QuoteCell, start: int, end: int) -> bool:
    return cell.present and any(piece_start < end and start < piece_end for piece_start, piece_end in cell.pieces)


def corrected_rows(rows: list[QuoteRow], documents, analyses, corrected: dict, label) -> list[QuoteRow]:
    """``rows`` with the corrected pairs' reader links and speakers laid over them (see the module docstring).

    ``corrected``: ``{(first, second): CorrectedComparison}``; ``label(number)`` names documents in notes.
    """
    if not corrected:
        return rows
    originals = list(rows)  # grows by the rows a link makes
    cells = [list(row.cells) for row in rows]
    touched: set[int] = set()
    reader_speakers: dict[int, str] = {}
    found_names: list[dict[str, str]] = []

    def names() -> dict[str, str]:
        # Surname -> full name over all documents: read once, and only when a link or unlink needs it.
        if not found_names:
            found_names.append(full_names(documents))
        return found_names[0]

    for (first, second), comparison in sorted(corrected.items()):
        for correction in getattr(comparison, "corrections", ()):
            if correction.kind == "unlink":
                _unlink(cells, originals, {first: correction.left, second: correction.right}, first, second,
                        analyses, names, touched)
        for index in sorted(getattr(comparison, "reader_passages", ())):
            if index not in comparison.quote_passages:
                continue  # linked as shared narration: provenance, not a quotation
            passage = comparison.passages[index]
            ranges = {first: (passage.left_start, passage.left_end), second: (passage.right_start, passage.right_end)}
            _link(cells, originals, ranges, first, second, analyses, names, touched)
        for correction in getattr(comparison, "speakers", ()):
            for number, side in ((first, "left"), (second, "right")):
                where = getattr(correction, side)
                if where is None:
                    continue
                for row_number, row_cells in enumerate(cells):
                    if _overlaps(row_cells[number], *where):
                        row_cells[number] = replace(row_cells[number], speaker=correction.speaker)
                        touched.add(row_number)
                        if correction.speaker:
                            reader_speakers[row_number] = correction.speaker
                        else:
                            reader_speakers.pop(row_number, None)
    result = []
    for row_number, (row, row_cells) in enumerate(zip(originals, cells)):
        if row_number in touched:
            present = {number: cell for number, cell in enumerate(row_cells) if cell.present}
            if not present:
                continue
            origin, note = origin_of(documents, present, label)
            speaker = reader_speakers.get(row_number) or row_speaker(present)
            row = replace(row, cells=tuple(row_cells), origin=origin, origin_note=note, speaker=speaker)
        result.append(row)
    return result


def _row_of_words(analysis, number: int, start: int, end: int, count: int) -> QuoteRow | None:
    """An empty row (no cells yet) worded as document ``number`` prints ``text[start:end]``."""
    text, tokens = analysis.text, analysis.tokens
    words = tuple(text[tokens.starts[i]:tokens.ends[i]]
                  for i in range(tokens.index_at(start), tokens.index_at(end - 1) + 1))
    if not words:
        return None
    return QuoteRow(" ".join(text[start:end].split()), words, "", number, "", (_ABSENT_CELL,) * count)


def _unlink(cells, originals, ranges, first, second, analyses, names, touched) -> None:
    """Take the later document's words out of every row carrying both ends of an unlinked passage."""
    for row_number in range(len(cells)):
        row_cells = cells[row_number]
        if not (_overlaps(row_cells[first], *ranges[first]) and _overlaps(row_cells[second], *ranges[second])):
            continue
        cell = row_cells[second]
        row_cells[second] = _ABSENT_CELL
        touched.add(row_number)
        if any(_overlaps(other[second], cell.start, cell.end) for other in cells):
            continue  # its words are in another row already
        row = _row_of_words(analyses[second], second, cell.start, cell.end, len(analyses))
        if row is not None:
            originals.append(row)
            cells.append([_ABSENT_CELL] * len(analyses))
            own = reader_cell(row, analyses[second], cell.start, cell.end, names(), "your unlink")
            cells[-1][second] = replace(own, speaker=cell.speaker, verb=cell.verb)
            touched.add(len(cells) - 1)


def _link(cells, originals, ranges, first, second, analyses, names, touched) -> None:
    """Put one reader-linked quotation into the matrix (see the module docstring)."""
    found = None
    for carrier, target in ((first, second), (second, first)):
        found = next((row_number for row_number, row_cells in enumerate(cells)
                      if _overlaps(row_cells[carrier], *ranges[carrier])), None)
        if found is not None:
            break
    if found is None:  # neither side's words are a row: the link is a quotation of its own
        target = second
        start, end = ranges[first]
        row = _row_of_words(analyses[first], first, start, end, len(analyses))
        if row is None:
            return
        originals.append(row)
        cells.append([_ABSENT_CELL] * len(analyses))
        found = len(cells) - 1
        cells[found][first] = reader_cell(row, analyses[first], start, end, names())
    row = originals[found]
    start, end = ranges[target]
    new_cell = reader_cell(row, analyses[target], start, end, names())
    if not new_cell.present:
        return
    for row_number, row_cells in enumerate(cells):
        if row_number != found and _overlaps(row_cells[target], start, end):
            row_cells[target] = _ABSENT_CELL
            touched.add(row_number)
    cells[found][target] = new_cell
    touched.add(found)
