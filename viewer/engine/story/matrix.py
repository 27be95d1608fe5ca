"""The quote matrix: one row per distinct quotation across the story, one cell per document.

How quotations become rows (documents are visited in date order, so a row is first written by its origin):

1. Every top-level quotation of ``MIN_QUOTE_WORDS`` words or more is an *instance*. A document's instances
   are visited longest first, so its full version of a quote makes the row and its headline's fragment
   of the same quote falls into that row.
2. An instance is looked up in an inverted index of the rows' word trigrams. Each row it shares trigrams
   with, best first, is aligned to it word by word (difflib on word keys, autojunk off). A row *claims* the
   instance's words from its first to its last matching word when the matching words are half the row or
   ``LONG_MATCH_WORDS`` words, or nearly the whole instance (a fragment: "Miles is very emotional," she
   said, "He's a lot like me too"), and fill at least ``MIN_DENSITY`` of the stretch they span. One instance
   can be claimed by several rows (a document merged two quotes into one).
3. What no row claims, in runs of ``MIN_QUOTE_WORDS`` words or more, becomes new rows.
4. A document's claims on one row that follow the row's order and sit within ``MAX_SPLIT_GAP_WORDS``
   words of each other are one *carrier* ("A," she said, "B"; or A, a paragraph of narration, then B); a
   headline's fragment of a quote the body quotes whole is a carrier of its own. The best carrier (most of the row's words, fewest changes) is the cell.
   Aligning the row's words with the carrier's gives the state: words changed, added, or dropped inside
   the carried stretch make it *altered* (a changed first or last word too: a claim stretches over up to
   ``MAX_STRETCH_WORDS`` differing words when both sides have them); words missing only at its ends or where the document split it
   (or marked the cut with an ellipsis) make it *partial*; otherwise it is *verbatim*.

Speakers come from the engine's speech tags (``Analysis.attributions``): the tag right beside the quote,
else the nearest in its paragraph. A bare surname is completed to the full name the documents print most
often ("Teigen" -> "Chrissy Teigen", "Mayor Dana Ortiz" -> "Dana Ortiz"); a row's speaker is the one most of its carriers give. A row only
tagged "she" gets the name that document's "she" has on the rows it shares with others.

Exports: ``MIN_QUOTE_WORDS``, ``quote_rows``; for the reader's corrections (``corrected``): ``reader_cell``,
``origin_of``, ``row_speaker``, ``full_names``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from ..classify import Analysis
from ..names import SPEECH_VERBS
from ..text import WORD_RE, Document, fold
from .model import ABSENT, ALTERED, PARTIAL, VERBATIM, QuoteCell, QuoteRow, WordChange, document_labels

_ABSENT_CELL = QuoteCell(ABSENT)
MIN_QUOTE_WORDS = 3  # words; a scare-quoted word or two ("emotional") is not a quotation row
GRAM = 3  # words per trigram of the row index
MAX_ROWS_PER_GRAM = 50  # rows; a trigram quoted in more rows than this is a stock phrase, not a lookup key
MIN_BLOCK = 2  # words; shorter agreements between a row and an instance are chance ("in the")
LONG_MATCH_WORDS = 8  # words; an agreement this long claims even a small part of a long row
MIN_DENSITY = 0.6  # matching words over the stretch they span; below it the words are scattered chance
MAX_STRETCH_WORDS = 4  # words; a claim reaches a quote's end over this many differing words on both sides
MAX_SPLIT_GAP_WORDS = 150  # words between two pieces of one quote a document split (a tag, a paragraph)

_PRONOUNS = frozenset("he she they we i it you".split())
_VERBS = frozenset(SPEECH_VERBS)
# Overlapping (a lookahead): "Mayor Dana Ortiz" counts "Mayor Dana" and "Dana Ortiz".
_FULL_NAME_RE = re.compile(r"\b(?=([A-Z][a-z]+)[ \u00a0]+([A-Z][a-z][\w'’-]*)\b)")
_ELLIPSIS_RE = re.compile(r"…|\.\s?\.\s?\.|\[\.\.\.\]")


@dataclass
class _Instance:
    document: int
    first: int  # word indices [first, end) inside the quotation
    end: int
    speaker: str
    verb: str
    free: bytearray = field(default_factory=bytearray)


@dataclass
class _Row:
    document: int
    first: int
    end: int
    keys: list[str]


@dataclass(frozen=True)
class _Claim:
    document: int
    instance: int
    first: int  # document word indices [first, end)
    end: int
    row_first: int  # row word indices it matched [row_first, row_end)
    row_end: int


def quote_rows(documents: list[Document], analyses: list[Analysis], check=lambda: None,
               progress=lambda fraction: None, label=None) -> list[QuoteRow]:
    """The quote matrix of date-ordered ``documents`` (``analyses`` in the same order), rows by reach.

    ``check`` is called now and then; it raises to stop the work. ``progress`` gets 0..1. ``label(number)``
    names a document in the origin notes (``document_label`` when not given).
    """
    label = label or document_labels(documents).__getitem__
    names = full_names(documents)
    instances = [_instances(number, analysis, names) for number, analysis in enumerate(analyses)]
    rows: list[_Row] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    claims: list[list[_Claim]] = []  # per row
    flat: list[_Instance] = []
    for number, found in enumerate(instances):
        check()
        if number % 32 == 0:
            progress(0.8 * number / len(instances))  # building the cells takes the last fifth
        keys = analyses[number].tokens.keys
        for instance in sorted(found, key=lambda item: (item.first - item.end, item.first)):
            instance_id = len(flat)
            flat.append(instance)
            words = keys[instance.first:instance.end]
            for row_id in _candidate_rows(index, words, rows):
                claim = _claim(rows[row_id], words, instance, instance_id)
                if claim:
                    claims[row_id].append(claim)
            for first, end in _free_runs(instance.free):
                row_id = len(rows)
                row = _Row(number, instance.first + first, instance.first + end, words[first:end])
                rows.append(row)
                claims.append([_Claim(number, instance_id, row.first, row.end, 0, end - first)])
                for gram in set(zip(*(row.keys[offset:] for offset in range(GRAM)))):
                    index[gram].append(row_id)
                instance.free[first:end] = bytes(end - first)
    return _resolve_pronouns([_row(row, row_claims, documents, analyses, flat, label)
                              for row, row_claims in zip(rows, claims)])


def _resolve_pronouns(rows: list[QuoteRow]) -> list[QuoteRow]:
    """Name the speaker of rows whose tags only say "she": whom that document's "she" is elsewhere.

    A document that never names its speaker beside a quote ("…," she said) still carries quotes that other
    documents attribute by name; its "she" is the name most of those rows have.
    """
    meaning: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for row in rows:
        if row.speaker and row.speaker.lower() not in _PRONOUNS:
            for number, cell in enumerate(row.cells):
                if cell.present and cell.speaker.lower() in _PRONOUNS:
                    meaning[number, cell.speaker.lower()][row.speaker] += 1
    resolved = []
    for row in rows:
        if not row.speaker or row.speaker.lower() in _PRONOUNS:
            names = Counter()
            for number, cell in enumerate(row.cells):
                if cell.present and cell.speaker:
                    names.update(meaning.get((number, cell.speaker.lower()), Counter()))
            if names:
                row = replace(row, speaker=names.most_common(1)[0][0])
        resolved.append(row)
    return resolved


def _instances(number: int, analysis: Analysis, names: dict[str, str]) -> list[_Instance]:
    tokens, text = analysis.tokens, analysis.text
    found = []
    for quote in analysis.quotes:
        if quote.depth:
            continue
        first, end = tokens.index_at(quote.start), tokens.index_at(quote.end - 1)
        if end < len(tokens) and tokens.starts[end] < quote.end:
            end += 1
        if end - first < MIN_QUOTE_WORDS:
            continue
        speaker, verb = _tag_of(text, quote.start, quote.end, analysis.attributions)
        if speaker[:1].isupper() and speaker.lower() not in _PRONOUNS:
            # "Teigen", "Chrissy Teigen" and "Mayor Dana Ortiz" are one person each: named by surname.
            speaker = names.get(speaker.split()[-1], speaker)
        found.append(_Instance(number, first, end, speaker, verb,
                               bytearray(b"\x01" * (end - first))))
    return found


def _tag_of(text: str, start: int, end: int, attributions) -> tuple[str, str]:
    """Speaker and speech verb of the tag beside a quote, else of the nearest tag in its paragraph."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    best, best_distance = None, None
    for tag in attributions:
        if tag.end <= paragraph_start or tag.start >= paragraph_end:
            continue
        distance = tag.start - end if tag.start >= end else start - tag.end
        if distance < 0:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = tag, distance
    if best is None:
        return "", ""
    verb = next((word.lower() for word in re.findall(r"[\w’']+", text[best.start:best.end])
                 if word.lower() in _VERBS), "")
    return best.speaker, verb


def full_names(documents: list[Document]) -> dict[str, str]:
    """Surname -> the "First Surname" the documents print most often (at least twice)."""
    counts: Counter = Counter()
    for document in documents:
        counts.update(f"{first} {last}" for first, last in _FULL_NAME_RE.findall(document.text))
    names: dict[str, str] = {}
    for name, count in counts.most_common():
        if count < 2:
            break
        names.setdefault(name.split()[-1], name)
    return names


def _candidate_rows(index: dict, words: list[str], rows: list[_Row]) -> list[int]:
    """Rows sharing trigrams with ``words``, most shared first: two at least, unless either side is so
    short that it has fewer. Trigrams in more than ``MAX_ROWS_PER_GRAM`` rows ("I think that") are skipped."""
    counts: Counter = Counter()
    grams = set(zip(*(words[offset:] for offset in range(GRAM))))
    for gram in grams:
        found = index.get(gram, ())
        if len(found) <= MAX_ROWS_PER_GRAM:
            counts.update(found)
    need = min(2, len(grams))
    return [row for row, count in counts.most_common() if count >= min(need, len(rows[row].keys) - GRAM + 1)]


def _claim(row: _Row, words: list[str], instance: _Instance, instance_id: int) -> _Claim | None:
    blocks = [block for block in SequenceMatcher(None, row.keys, words, autojunk=False).get_matching_blocks()
              if block.size >= MIN_BLOCK and all(instance.free[block.b:block.b + block.size])]
    if not blocks:
        return None
    matched = sum(block.size for block in blocks)
    first, end = blocks[0].b, blocks[-1].b + blocks[-1].size
    if matched < min(MIN_QUOTE_WORDS, len(row.keys)) or matched < MIN_DENSITY * (end - first):
        return None
    fragment = matched >= MIN_DENSITY * len(words) and matched >= min(MIN_QUOTE_WORDS, len(row.keys))
    if matched * 2 < len(row.keys) and matched < LONG_MATCH_WORDS and not fragment:
        return None
    row_first, row_end = blocks[0].a, blocks[-1].a + blocks[-1].size
    # An altered first or last word: both sides have a few words left at that end, so they are the same
    # words changed, not a trim (the pair view's passages stretch the same way).
    if 0 < first <= MAX_STRETCH_WORDS and 0 < row_first <= MAX_STRETCH_WORDS:
        first, row_first = 0, 0
    if 0 < len(words) - end <= MAX_STRETCH_WORDS and 0 < len(row.keys) - row_end <= MAX_STRETCH_WORDS:
        end, row_end = len(words), len(row.keys)
    if not all(instance.free[first:end]):
        return None
    instance.free[first:end] = bytes(end - first)
    return _Claim(instance.document, instance_id, instance.first + first, instance.first + end, row_first, row_end)


def _free_runs(free: bytearray) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(rb"\x01{%d,}" % MIN_QUOTE_WORDS, bytes(free))]


def _carriers(claims: list[_Claim]) -> list[list[_Claim]]:
    """One document's claims on a row, grouped into the stretches that carry it (split quotes join)."""
    groups: list[list[_Claim]] = []
    for claim in sorted(claims, key=lambda item: item.first):
        last = groups[-1][-1] if groups else None
        if (last and claim.instance != last.instance and claim.first - last.end <= MAX_SPLIT_GAP_WORDS
                and claim.row_first >= last.row_end - 1):
            groups[-1].append(claim)
        else:
            groups.append([claim])
    return groups


def _row(row: _Row, claims: list[_Claim], documents, analyses, instances, label) -> QuoteRow:
    origin_tokens = analyses[row.document].tokens
    origin_text = documents[row.document].text
    starts, ends = origin_tokens.starts, origin_tokens.ends
    words = tuple(origin_text[starts[index]:ends[index]] for index in range(row.first, row.end))

    def row_text(first: int, end: int) -> str:
        return origin_text[starts[row.first + first]:ends[row.first + end - 1]] if end > first else ""

    by_document: dict[int, list[_Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.document].append(claim)
    # One shared absent cell: a story of 1,000 documents has a million cells, nearly all absent.
    cells = [_ABSENT_CELL] * len(documents)
    present = {}
    for number in sorted(by_document):
        candidates = [_cell(row, row_text, group, analyses[number], instances)
                      for group in _carriers(by_document[number])]
        present[number] = cells[number] = max(
            candidates, key=lambda cell: (_carried_count(cell), -cell.changed_words, -len(cell.pieces)))
    speaker = row_speaker(present)
    origin, note = origin_of(documents, present, label)
    # On one line: a quote running over paragraphs is one row of a table.
    text = " ".join(row_text(0, len(row.keys)).split())
    return QuoteRow(text, words, speaker, origin, note, tuple(cells))


def reader_cell(row: QuoteRow, analysis: Analysis, start: int, end: int, names: dict[str, str],
                note: str = "your link") -> QuoteCell:
    """The cell of a document whose words ``text[start:end]`` a reader linked to ``row``'s quotation: the
    same word-by-word reading as the engine's cells (verbatim, altered, partial), marked ``reader``, its
    summary ending with ``(note)``."""
    tokens = analysis.tokens
    first, stop = tokens.index_at(start), tokens.index_at(end - 1) + 1
    if stop <= first:
        return _ABSENT_CELL
    speaker, verb = _tag_of(analysis.text, start, end, analysis.attributions)
    if speaker[:1].isupper() and speaker.lower() not in _PRONOUNS:
        speaker = names.get(speaker.split()[-1], speaker)
    keys = [fold(word) for word in row.words]
    as_row = _Row(-1, 0, len(keys), keys)
    claim = _Claim(-1, 0, first, stop, 0, len(keys))

    def row_text(first_word: int, end_word: int) -> str:
        return " ".join(row.words[first_word:end_word])

    cell = _cell(as_row, row_text, [claim], analysis, [_Instance(-1, first, stop, speaker, verb)])
    return replace(cell, reader=True, summary=f"{cell.summary} ({note})")


def _carried_count(cell: QuoteCell) -> int:
    return sum(end - start for start, end in cell.carried)


def _cell(row: _Row, row_text, group: list[_Claim], analysis: Analysis, instances) -> QuoteCell:
    tokens, text = analysis.tokens, analysis.text
    indices = [index for claim in group for index in range(claim.first, claim.end)]
    piece_starts = set()
    position = 0
    for claim in group:
        piece_starts.add(position)
        position += claim.end - claim.first
    keys = [tokens.keys[index] for index in indices]
    opcodes = SequenceMatcher(None, row.keys, keys, autojunk=False).get_opcodes()
    equal = [index for index, op in enumerate(opcodes) if op[0] == "equal"]
    carried: list[tuple[int, int]] = []
    changes: list[WordChange] = []
    edits: list[tuple[int, int]] = []
    gaps = False

    def doc_words(first: int, end: int) -> str:
        if end <= first:
            return ""
        if indices[end - 1] - indices[first] == end - 1 - first:
            return text[tokens.starts[indices[first]]:tokens.ends[indices[end - 1]]]
        return " … ".join(text[tokens.starts[indices[j]]:tokens.ends[indices[j]]] for j in range(first, end))

    for number, (op, row_first, row_end, first, end) in enumerate(opcodes):
        if op == "equal":
            if carried and carried[-1][1] == row_first:
                carried[-1] = (carried[-1][0], row_end)
            else:
                carried.append((row_first, row_end))
            continue
        if (not equal or number < equal[0] or number > equal[-1]) and op == "delete":
            continue  # the ends: the document trimmed the quote
        if op == "delete" and (first in piece_starts or _ellipsis_between(text, tokens, indices, first)):
            gaps = True
            continue
        changes.append(WordChange(row_text(row_first, row_end), doc_words(first, end)))
        edits.extend((tokens.starts[indices[j]], tokens.ends[indices[j]]) for j in range(first, end))
    carried_words = sum(end - start for start, end in carried)
    if changes:
        state = ALTERED
    elif carried_words < len(row.keys) or gaps:
        state = PARTIAL
    else:
        state = VERBATIM
    pieces = tuple((tokens.starts[claim.first], tokens.ends[claim.end - 1]) for claim in group)
    instance = next((instances[claim.instance] for claim in group if instances[claim.instance].speaker),
                    instances[group[0].instance])
    return QuoteCell(state, pieces[0][0], pieces[-1][1], pieces, tuple(carried), tuple(changes),
                     tuple(edits), instance.speaker, instance.verb,
                     _summary(state, row_text, len(row.keys), carried, changes, len(pieces)))


def _ellipsis_between(text: str, tokens, indices: list[int], position: int) -> bool:
    if position == 0 or position >= len(indices):
        return False
    return bool(_ELLIPSIS_RE.search(text, tokens.ends[indices[position - 1]], tokens.starts[indices[position]]))


def _summary(state: str, row_text, length: int, carried, changes, pieces: int) -> str:
    split = f", split in {pieces} pieces" if pieces > 1 else ""
    if state == VERBATIM:
        return VERBATIM + split
    if state == ALTERED:
        described = []
        for change in changes:
            if not change.after:
                described.append(f"“{change.before}” dropped")
            elif not change.before:
                described.append(f"“{change.after}” added")
            else:
                described.append(f"“{change.before}” became “{change.after}”")
        missing = length - sum(end - start for start, end in carried) - sum(
            len(WORD_RE.findall(change.before)) for change in changes)
        trimmed = f"; {missing} of {length} words left out" if missing > 0 else ""
        return f"{ALTERED}: " + "; ".join(described) + trimmed + split
    parts = ", ".join(f"words {start + 1}-{end} (“{_abridged(row_text, start, end)}”)" for start, end in carried)
    return f"{PARTIAL}: {parts} of {length}" + split


def _abridged(row_text, start: int, end: int, limit: int = 8) -> str:
    if end - start <= limit:
        return row_text(start, end)
    return row_text(start, start + limit // 2) + " … " + row_text(end - limit // 2, end)


def row_speaker(present: dict[int, QuoteCell]) -> str:
    """The speaker most carriers name (``present``: document -> cell, in document order)."""
    cells = list(present.values())
    votes = Counter(cell.speaker for cell in cells if cell.speaker and cell.speaker.lower() not in _PRONOUNS)
    if votes:
        best = max(votes.values())
        # Ties go to the earliest document that names the speaker.
        return next(cell.speaker for cell in cells if votes.get(cell.speaker) == best)
    return next((cell.speaker for cell in cells if cell.speaker), "")


def origin_of(documents: list[Document], present: dict[int, QuoteCell], label) -> tuple[int | None, str]:
    """A row's origin and the note saying how (``present``: document -> cell of its carriers, in order)."""
    carriers = list(present)
    dated = [number for number in carriers if documents[number].date]
    undated = [number for number in carriers if not documents[number].date]
    if not dated:
        if len(undated) == 1:
            return undated[0], f"only in {label(undated[0])} (undated)"
        return None, f"carried by {len(undated)} undated documents; no date says which came first"
    earliest = min(documents[number].date for number in dated)
    first = [number for number in dated if documents[number].date == earliest]
    if len(first) > 1:
        note = f"tie: {', '.join(label(number) for number in first)} all dated {earliest}"
    else:
        note = f"first in {label(first[0])} ({earliest})"
    if undated:
        note += f"; {len(undated)} undated document{'s' if len(undated) > 1 else ''} also carr{'y' if len(undated) > 1 else 'ies'} it"
    return first[0], note
