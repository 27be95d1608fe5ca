"""Each outlet's framing: its own narration, the speech verbs it chose, and the terms that set it apart.

*Own narration* is narration (not a quotation, a speech tag or page chrome) that no other document in the
story shares: neither through a run of the n-gram index nor inside a passage an alignment found. Where the
reader marked text in the pair view (``marks``: ``(start, end, class)``), their class wins: text marked
framing is narration, shared narration is narration but not the outlet's own, anything else is not narration.

*Distinctive terms* rank the words and two-word phrases (neither word a stop word) of one document's own
narration against the pooled own narration of all the others by the weighted log-odds ratio with an
informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 16-22):

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w),      z_w = delta_w / sqrt(var_w)

where ``y_iw`` counts the term in this document, ``y_jw`` in the others, ``n`` are their totals, and the
informative prior is the whole story's own narration: ``a_w = PRIOR_WEIGHT * (pooled count of w)``,
``a_0 = PRIOR_WEIGHT * (pooled total)``, so a term every outlet uses is shrunk towards no difference. Words
and phrases are ranked on one list by z, and only those with z >= ``MIN_Z`` (one standard error) are kept;
plain Python, because a document's vocabulary is a few hundred terms. A word that only occurs inside one
listed phrase is left out in favour of the phrase.

Exports: ``TERMS_PER_DOCUMENT``, ``story_framing``, ``distinctive_terms``, ``own_narration``, ``narration_mask``.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..classify import FRAMING, NARRATION, SHARED_TEXT, Analysis
from ..text import STOP_WORDS
from .model import OutletFraming, OwnParagraph, Term, VerbUse

TERMS_PER_DOCUMENT = 25  # terms kept per document, highest z first
PRIOR_WEIGHT = 1.0  # a_0 over the pooled total: 1 lets the story's own usage act as the prior, unscaled
# z a term needs to be listed: its log-odds at least one standard error from no difference (about 84%
# one-sided). Monroe et al.'s 1.96 (95%) is out of reach for news articles of a few hundred words: in the seed
# story no term reaches it (the highest is 1.47), and 001's "toxic masculinity", twice in its own narration
# and nowhere else, scores 1.27. Below 1 a term is as likely chance as framing (z ~ 0.2 were listed).
MIN_Z = 1.0
MIN_TERM_CHARS = 3  # characters; shorter words ("mr", "ok", numbers like "35") carry no framing
_TERM_RE = re.compile(r"[^\W\d_][\w'’-]*$")


def narration_mask(analysis: Analysis, marks=()) -> bytearray:
    """One byte per word: 1 for narration that is not page chrome, after the reader's ``marks``."""
    mask = bytearray(1 if zone == NARRATION and not chrome else 0
                     for zone, chrome in zip(analysis.token_zones, analysis.chrome))
    tokens = analysis.tokens
    for start, end, cls in marks:
        first, stop = tokens.index_at(start), tokens.index_at(end - 1) + 1
        mask[first:stop] = (b"\x01" if cls in (FRAMING, SHARED_TEXT) else b"\x00") * max(0, stop - first)
    return mask


def own_narration(analysis: Analysis, shared: bytearray, marks=()) -> bytearray:
    """One byte per word: 1 for narration that no other document shares and that is not page chrome (text
    the reader marked as shared narration is shared)."""
    shared = bytearray(shared)
    tokens = analysis.tokens
    for start, end, cls in marks:
        if cls == SHARED_TEXT:
            first, stop = tokens.index_at(start), tokens.index_at(end - 1) + 1
            shared[first:stop] = b"\x01" * max(0, stop - first)
    return bytearray(1 if narrated and not is_shared else 0
                     for narrated, is_shared in zip(narration_mask(analysis, marks), shared))


def narration_words(analysis: Analysis, marks=()) -> int:
    return sum(narration_mask(analysis, marks))


def own_paragraphs(analysis: Analysis, own: bytearray) -> tuple[OwnParagraph, ...]:
    """The paragraphs (lines) holding own narration, with its character ranges inside each."""
    tokens, text = analysis.tokens, analysis.text
    found = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        first, stop = tokens.index_at(start), tokens.index_at(end)
        # index_at gives the first word ending after an offset; words ending at `end` belong to this line.
        while stop < len(tokens) and tokens.starts[stop] < end:
            stop += 1
        pieces = []
        for match in re.finditer(rb"\x01+", bytes(own[first:stop])):
            pieces.append((tokens.starts[first + match.start()], tokens.ends[first + match.end() - 1]))
        own_count = sum(own[first:stop])
        if own_count:
            found.append(OwnParagraph(start, end, tuple(pieces), own_count, stop - first))
        start = end + 1
    return tuple(found)


def term_counts(analysis: Analysis, own: bytearray) -> Counter:
    """Words and two-word phrases of the own narration (neither word a stop word), folded."""
    keys = analysis.tokens.keys
    counts: Counter = Counter()
    usable = [bool(flag) and len(key) >= MIN_TERM_CHARS and key not in STOP_WORDS and bool(_TERM_RE.match(key))
              for key, flag in zip(keys, own)]
    starts, ends, text = analysis.tokens.starts, analysis.tokens.ends, analysis.text
    for index, ok in enumerate(usable):
        if not ok:
            continue
        counts[keys[index]] += 1
        after = index + 1
        # A phrase never runs across a sentence end, a comma or a line break.
        if after < len(keys) and usable[after] and text[ends[index]:starts[after]].strip() == "":
            counts[keys[index] + " " + keys[after]] += 1
    return counts


def distinctive_terms(counts: list[Counter], limit: int = TERMS_PER_DOCUMENT) -> list[tuple[Term, ...]]:
    """For each document's term counts, its terms with z >= ``MIN_Z`` against all the others', highest first."""
    pooled: Counter = Counter()
    for found in counts:
        pooled.update(found)
    total = sum(pooled.values())
    alpha_0 = PRIOR_WEIGHT * total
    result = []
    for found in counts:
        n_i = sum(found.values())
        n_j = total - n_i
        terms = []
        for term, y_i in found.items():
            pooled_count = pooled[term]
            y_j = pooled_count - y_i
            alpha = alpha_0 * pooled_count / total
            delta = (math.log((y_i + alpha) / (n_i + alpha_0 - y_i - alpha))
                     - math.log((y_j + alpha) / (n_j + alpha_0 - y_j - alpha)))
            z = delta / math.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
            if z >= MIN_Z:
                terms.append(Term(term, y_i, y_j, delta, z))
        terms.sort(key=lambda item: (-item.z, item.term))
        result.append(tuple(_without_phrase_parts(terms)[:limit]))
    return result


def _without_phrase_parts(terms: list[Term]) -> list[Term]:
    """Drop a word that only ever occurs inside one of the phrases listed ("black" of "black hole"): the
    same evidence twice would fill the list with halves of the same phrase."""
    inside = {(word, term.count, term.others) for term in terms if " " in term.term for word in term.term.split()}
    return [term for term in terms if " " in term.term or (term.term, term.count, term.others) not in inside]


def story_framing(analyses: list[Analysis], shared: list[bytearray], links, rows,
                  check=lambda: None, marks=None) -> tuple[OutletFraming, ...]:
    """Each document's framing. ``shared``: the index's shared-word masks (updated here with the aligned
    passages of ``links``); ``rows``: the quote matrix, for the speech verbs of quotes others carry too;
    ``marks``: ``{document: [(start, end, class), ...]}``, the classes the reader set, in order."""
    marks = marks or {}
    for link in links:
        # An alignment also finds shared quotations shorter than the index's runs; they are not own narration.
        tokens = analyses[link.document].tokens
        mask = shared[link.document]
        for start, end in link.passages:
            first, stop = tokens.index_at(start), tokens.index_at(end - 1) + 1
            mask[first:stop] = b"\x01" * (stop - first)
    check()
    own = [own_narration(analysis, mask, marks.get(number, ()))
           for number, (analysis, mask) in enumerate(zip(analyses, shared))]
    check()
    terms = distinctive_terms([term_counts(analysis, flags) for analysis, flags in zip(analyses, own)])
    verbs: list[Counter] = [Counter() for _ in analyses]
    for row in rows:
        if row.reach < 2:
            continue
        for number, cell in enumerate(row.cells):
            if cell.present and cell.verb:
                verbs[number][cell.verb] += 1
    return tuple(
        OutletFraming(number, narration_words(analysis, marks.get(number, ())), sum(flags),
                      own_paragraphs(analysis, flags),
                      tuple(VerbUse(verb, count) for verb, count in
                            sorted(verbs[number].items(), key=lambda item: (-item[1], item[0]))),
                      terms[number])
        for number, (analysis, flags) in enumerate(zip(analyses, own)))
