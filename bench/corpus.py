"""Generated news-like articles and re-reports whose shared wording is known exactly.

The engine's accuracy tests and the benchmarks need inputs of any size with a right answer. This module
writes them: seeded (the same seed gives the same text on every machine), plain Python, about a second for a
pair of 200,000-word articles.

An article is a headline and paragraphs of narration and direct quotations with speech tags ("she said",
"says Smith", "Smith told Reuters"); some sentences of narration end on a short quotation (called it “a
total disaster”). Words come from a fixed vocabulary of about 20,000 word forms built
from syllables, drawn with a Zipf-like skew, threaded on a few real function words, so that text reads like
prose to a tokenizer while a chance run of six words shared by two articles almost never happens (the
accuracy tests check this on the unrelated pairs).

``re_report(article, seed, changes)`` derives a second article from it the way outlets re-report: shared
paragraphs reordered, some dropped, a word changed inside some quotes, quotes split in two with "she said"
inserted, consecutive quotes merged, curly and straight quote marks swapped, short quotes of dropped
paragraphs carried into new sentences, new framing paragraphs and own quotes added. Every word remembers
which word of the original it came from, so the ground truth follows: which characters of each text are
shared (quoted or narration), which words were edited and into what, which short quotes were carried, and
which shared paragraphs moved.

``unrelated_pair(seed, words)`` writes two articles on different stories that share only stock phrases
("according to the", "said in a statement"), each flanked by story words, so no run of ``min_words`` words
is common to both: any passage found between them is invented sharing.

Exports: ``Changes``, ``Article``, ``Piece``, ``SideTruth``, ``SharedParagraph``, ``GeneratedPair``,
``generate_article``, ``re_report``, ``related_pair``, ``unrelated_pair``, ``STOCK_PHRASES``,
``moved_found``, ``char_scores``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from viewer.engine.compare import collector_paused

# Word kinds inside a paragraph. A paragraph is a tuple of pieces; rendering decides spacing and which
# quote marks (curly or straight) the OPEN and CLOSE pieces become.
WORD, PUNCT, OPEN, CLOSE = "word", "punct", "open", "close"
# What a word is part of: the outlet's narration, a quotation, or a speech tag.
TEXT, QUOTE, TAG = "text", "quote", "tag"
NEW = -1  # origin of a word the re-report wrote itself

VOCABULARY_SEED = 20_260_101  # fixed: every article draws on the same "language", as real outlets do
VOCABULARY_SIZE = 20_000  # content word forms
ZIPF_EXPONENT = 0.9  # skew of content-word frequencies; 1.0 is English, lower keeps chance 6-grams rare
PARAGRAPH_WORDS = 60  # typical words per paragraph

_ONSETS = "b c d f g h j k l m n p r s t v w z br cr dr fr gr kr pl pr st tr ch sh th sk sl sp bl gl".split()
_VOWELS = "a e i o u ai ea ee ou oo ie oa".split()
_CODAS = ["", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng", "rt", "ll", "x"]

# Real words give the text its news flavour; they take the most frequent ranks of the vocabulary.
_NEWS_WORDS = (
    "government officials minister police city council report people week year plan budget court judge "
    "law company workers union market prices energy election campaign voters party leader president "
    "state health hospital school students teachers families children community residents water power "
    "road bridge project funding tax policy security border army ministry agency program data study "
    "research scientists climate weather storm fire flood rescue crews investigation charges case trial "
    "statement announced approved rejected expected reported warned released confirmed launched "
    "increased reduced delayed local national federal regional public private new former senior major "
    "recent early late second final key million billion percent"
).split()
# Words the generator must never invent by chance: they carry meaning for the engine (speech verbs,
# pronouns, stop words) or for the page furniture rules.
_RESERVED = frozenset(
    "a an the and or but of to in on at for with from by as is are was were be been it its this that these "
    "those he she they we you i his her their our my your not no so if than then there here who what when "
    "where how why which about into over after before up down out off has had have will would could may "
    "said says say told tells added adds continued stated explained wrote noted shared recalled admitted "
    "revealed insisted asked replied answered claimed argued joked tweeted posted agreed share tweet pin "
    "email print comment leave view notify subscribe follow sign log login register skip load show hide "
    "close menu search reply like watch listen download credit photo image source read more january "
    "february march april june july august september october november december monday tuesday wednesday "
    "thursday friday saturday sunday per according while because".split()
)
_DETERMINERS = "the the the a a its their this every".split()
_PREPOSITIONS = "of of in in on at for with from by after before over under near against across".split()
_AUXILIARIES = "has had will would could is was were".split()
_CONJUNCTIONS = "and but while as because".split()
_QUOTE_SUBJECTS = "I we you they it this".split()
_FIRST_NAMES = (
    "Maria James Anna David Sofia Daniel Laura Michael Elena Thomas Sarah Peter Julia Mark Clara Paul Nina "
    "Robert Alice John Helen Samuel Grace Martin Irene Lucas Emma Victor Rosa Adam"
).split()
_OUTLETS = ("Reuters", "People", "CNN", "the Associated Press", "the BBC", "local radio", "reporters")
# Phrases every outlet uses about every story. Five words at most, and always flanked by story words:
# two unrelated articles then share no run of six words (``MatchSettings.min_words``).
STOCK_PHRASES = (
    "according to the", "in the United States", "said in a statement", "for the first time",
    "at the end of the", "one of the most", "in an interview with", "the White House",
    "as well as the", "at the same time", "in recent years", "on Tuesday", "last year",
    "the prime minister", "more than a", "it is not clear whether", "in a statement on",
    "in the wake of", "a spokesperson for the", "did not respond to",
)
STOCK_PHRASE_RATE = 0.25  # chance a narration sentence carries a stock phrase
SHORT_QUOTE_RATE = 0.15  # chance a narration sentence ends on a short quotation: called it “a disaster”
SHORT_QUOTE_WORDS = (3, 5)  # words of a short quotation, fewest and most


class Piece(NamedTuple):
    """One word or mark of a paragraph (a named tuple: articles of 200,000 words hold 400,000 of them).

    ``kind``: WORD, PUNCT, OPEN or CLOSE (quote marks; curly or straight is chosen when rendering);
    ``role``: TEXT, QUOTE or TAG; ``origin``: a number unique to the word in the original article (NEW
    for words a re-report wrote); ``edited``: the re-report changed this word of a quotation.
    """

    text: str
    kind: str = WORD
    role: str = TEXT
    origin: int = NEW
    edited: bool = False


Paragraph = tuple[Piece, ...]


@dataclass(frozen=True)
class Article:
    """An article as paragraphs (the first is the headline) and whether a paragraph is one quotation."""

    paragraphs: tuple[Paragraph, ...]
    quote_only: tuple[bool, ...]  # paragraph is a single quotation with a speech tag after it
    curly: bool = True

    def text(self) -> str:
        return render(self.paragraphs, [self.curly] * len(self.paragraphs))[0]


@dataclass(frozen=True)
class Changes:
    """How a re-report treats the original. Fractions are 0..1 of the paragraphs (or quotes) concerned."""

    drop: float = 0.2  # of the original's paragraphs, left out
    move: float = 0.3  # of the kept paragraphs, moved to a random place
    edit: float = 0.4  # of the kept quotations, one word changed
    split: float = 0.3  # of the kept quote paragraphs, cut in two with "she said" inserted
    merge: float = 0.1  # of the kept quote paragraphs, joined with the next quote paragraph
    swap_marks: float = 0.5  # of the kept paragraphs, curly marks made straight or the reverse
    framing: float = 0.3  # new framing paragraphs per kept paragraph
    own_quotes: float = 0.1  # new quote paragraphs per kept paragraph
    carry: float = 0.5  # of the short quotations in dropped paragraphs, carried into a new sentence


@dataclass(frozen=True)
class SideTruth:
    """What is true of one text of a generated pair. Ranges are character offsets, end exclusive.

    ``quote_words`` / ``text_words``: each shared word of a quotation / of narration (edited words
    included: the passage is shared, its wording altered). ``tag_words``: shared speech-tag words, which a
    viewer may show as attribution or as shared. ``edited_words``: words changed inside shared quotations.
    ``word_count``: words in the text, as the engine tokenizes it.
    """

    quote_words: tuple[tuple[int, int], ...]
    text_words: tuple[tuple[int, int], ...]
    tag_words: tuple[tuple[int, int], ...]
    edited_words: tuple[tuple[int, int], ...]
    word_count: int


@dataclass(frozen=True)
class SharedParagraph:
    """A paragraph of the original that the re-report kept: its shared words in each text.

    ``left_words`` / ``right_words``: word-index ranges from its first to its last shared word;
    ``left_chars`` / ``right_chars``: the same as character ranges; ``words``: how many words it shares;
    ``moved``: it left the order of the original (it is not on the longest run of kept paragraphs that
    keep their order, which is all a line diff could align).
    """

    left_words: tuple[int, int]
    right_words: tuple[int, int]
    left_chars: tuple[int, int]
    right_chars: tuple[int, int]
    words: int
    moved: bool


@dataclass(frozen=True)
class GeneratedPair:
    """An original (left), its re-report (right), and the ground truth of what they share."""

    left: str
    right: str
    left_truth: SideTruth
    right_truth: SideTruth
    paragraphs: tuple[SharedParagraph, ...]
    carried: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()  # (left, right) character ranges of
    # the short quotations the re-report carried out of a dropped paragraph into a sentence of its own
    edits: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()  # (left, right) ranges of each changed word

    @property
    def moved(self) -> tuple[SharedParagraph, ...]:
        return tuple(paragraph for paragraph in self.paragraphs if paragraph.moved)


# ---------------------------------------------------------------------------------------------- vocabulary

@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], list[float]]:
    """Content words by rank, and cumulative Zipf weights for ``random.choices``."""
    rng = random.Random(VOCABULARY_SEED)
    syllables = [onset + vowel + coda for onset in _ONSETS for vowel in _VOWELS for coda in _CODAS]
    words = list(dict.fromkeys(_NEWS_WORDS))
    seen = set(words) | _RESERVED
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(syllables) for _ in range(rng.choices((1, 2, 3), (2, 6, 2))[0]))
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1.0 / (rank + 10) ** ZIPF_EXPONENT for rank in range(len(words))]
    return tuple(words), list(itertools.accumulate(weights))


class _Writer:
    """Draws words for one article and numbers every word it writes (the words' origins)."""

    def __init__(self, rng: random.Random, numbered: bool = True):
        self.rng = rng
        self.words, self.cumulative = _vocabulary()
        self.numbered = numbered
        self.next_origin = 0
        self._pool: list[str] = []

    def content(self) -> str:
        if not self._pool:
            self._pool = self.rng.choices(self.words, cum_weights=self.cumulative, k=512)
        return self._pool.pop()

    def piece(self, text: str, role: str, kind: str = WORD) -> Piece:
        if kind != WORD or not self.numbered:
            return Piece(text, kind, role)
        self.next_origin += 1
        return Piece(text, kind, role, self.next_origin)

    def name(self) -> tuple[str, str, str]:
        """A speaker: full name, surname, pronoun."""
        surname = self.content()
        while surname in _NEWS_WORDS:
            surname = self.content()
        surname = surname.capitalize()
        return f"{self.rng.choice(_FIRST_NAMES)} {surname}", surname, self.rng.choice(("she", "he"))

    # Sentences are word lists; every noun phrase ends in a content word, so a stock phrase (which is
    # placed between two noun phrases) is always flanked by story words.
    def noun_phrase(self) -> list[str]:
        words = [self.rng.choice(_DETERMINERS)] if self.rng.random() < 0.7 else []
        if self.rng.random() < 0.4:
            words.append(self.content())
        words.append(self.content())
        return words

    def sentence(self, quoted: bool = False) -> list[str]:
        rng = self.rng
        words = [rng.choice(_QUOTE_SUBJECTS)] if quoted else self.noun_phrase()
        if rng.random() < 0.5:
            words.append(rng.choice(_AUXILIARIES))
        words.append(self.content())
        words += self.noun_phrase()
        for _ in range(rng.randint(0, 2)):
            words.append(rng.choice(_PREPOSITIONS))
            words += self.noun_phrase()
        if not quoted and rng.random() < STOCK_PHRASE_RATE:
            words += rng.choice(STOCK_PHRASES).split()
            words.append(self.content())
        if rng.random() < 0.3:
            words.append(rng.choice(_CONJUNCTIONS))
            words += self.noun_phrase()
            words.append(self.content())
            words += self.noun_phrase()
        return words

    def narration(self, sentences: int, short_quotes: bool = True) -> list[Piece]:
        pieces: list[Piece] = []
        for _ in range(sentences):
            words = self.sentence()
            words[0] = words[0].capitalize()
            pieces += [self.piece(word, TEXT) for word in words]
            if short_quotes and self.rng.random() < SHORT_QUOTE_RATE:
                pieces += self.short_quote()
            pieces.append(Piece(".", PUNCT, TEXT))
        return pieces

    def short_quote(self) -> list[Piece]:
        """A few quoted words that end a sentence of narration."""
        words = [self.piece(self.content(), QUOTE) for _ in range(self.rng.randint(*SHORT_QUOTE_WORDS))]
        return [Piece("", OPEN, QUOTE), *words, Piece("", CLOSE, QUOTE)]

    def quotation(self, min_words: int = 14) -> list[Piece]:
        """Marks and words of one quotation of at least ``min_words`` words, ending in a comma inside."""
        pieces = [Piece("", OPEN, QUOTE)]
        count = 0
        while count < min_words:
            words = self.sentence(quoted=True)
            words[0] = words[0].capitalize()
            if count:
                pieces.append(Piece(".", PUNCT, QUOTE))
            pieces += [self.piece(word, QUOTE) for word in words]
            count += len(words)
        pieces += [Piece(",", PUNCT, QUOTE), Piece("", CLOSE, QUOTE)]
        return pieces

    def tag_after(self, speaker: tuple[str, str, str], first: bool) -> list[Piece]:
        full, surname, pronoun = speaker
        rng = self.rng
        choice = rng.random()
        if first:
            words = f"{full} said" if choice < 0.5 else f"{full} told {rng.choice(_OUTLETS)}"
        elif choice < 0.4:
            words = f"{pronoun} said"
        elif choice < 0.6:
            words = f"says {surname}"
        elif choice < 0.8:
            words = f"{surname} told {rng.choice(_OUTLETS)}"
        else:
            words = f"{pronoun} added"
        return [self.piece(word, TAG) for word in words.split()] + [Piece(".", PUNCT, TAG)]


def render(paragraphs, curly: list[bool]) -> tuple[str, list[tuple[int, int, Piece]]]:
    """The text of ``paragraphs`` (blank line between them) and ``(start, end, piece)`` of every word."""
    parts: list[str] = []
    words: list[tuple[int, int, Piece]] = []
    add_part, add_word = parts.append, words.append
    at = 0
    for number, (paragraph, is_curly) in enumerate(zip(paragraphs, curly)):
        if number:
            add_part("\n\n")
            at += 2
        opening, closing = ("\u201c", "\u201d") if is_curly else ('"', '"')
        space = ""  # what goes before the next word or opening mark
        for piece in paragraph:
            text, kind = piece.text, piece.kind
            if kind == WORD:
                at += len(space)
                add_word((at, at + len(text), piece))
                add_part(space + text)
                space = " "
            elif kind == OPEN:
                text = space + opening
                add_part(text)
                space = ""
            else:
                text = closing if kind == CLOSE else text
                add_part(text)
                space = " "
            at += len(text)
    return "".join(parts), words


# ------------------------------------------------------------------------------------------------ articles

def _without_gc(function):
    """Run ``function`` with the cyclic garbage collector paused, as the engine's ``compare`` does.

    A 200,000-word pair is half a million small tuples, none in a cycle; the collector's passes over them
    took more than half the generation time.
    """
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with collector_paused():
            return function(*args, **kwargs)
    return wrapper


@_without_gc
def generate_article(seed: int, words: int, curly: bool = True, numbered: bool = True) -> Article:
    """An article of about ``words`` words: headline, then narration, quote and mixed paragraphs."""
    writer = _Writer(random.Random(seed), numbered)
    rng = writer.rng
    speakers = [writer.name() for _ in range(max(2, words // 1500))]
    introduced: set[int] = set()
    headline = writer.sentence()[:rng.randint(6, 10)]
    paragraphs: list[Paragraph] = [tuple(writer.piece(word.capitalize(), TEXT) for word in headline)]
    quote_only = [False]
    count = len(headline)
    while count < words:
        kind = rng.random()
        speaker = rng.randrange(len(speakers))
        if kind < 0.45:
            pieces = writer.narration(rng.randint(2, 4))
        elif kind < 0.8:
            pieces = writer.quotation() + writer.tag_after(speakers[speaker], speaker not in introduced)
            introduced.add(speaker)
        else:
            pieces = writer.narration(1) + writer.quotation() + writer.tag_after(
                speakers[speaker], speaker not in introduced)
            introduced.add(speaker)
        paragraphs.append(tuple(pieces))
        quote_only.append(0.45 <= kind < 0.8)
        count += sum(1 for piece in pieces if piece.kind == WORD)
    return Article(tuple(paragraphs), tuple(quote_only), curly)


@_without_gc
def re_report(article: Article, seed: int, changes: Changes = Changes()) -> GeneratedPair:
    """A re-report of ``article`` changed as ``changes`` says, with the ground truth of the pair."""
    rng = random.Random(seed)
    writer = _Writer(rng, numbered=False)
    body = list(range(1, len(article.paragraphs)))
    kept = [index for index in body if rng.random() >= changes.drop]
    entries: list[tuple[Paragraph, bool]] = []  # the new article: each paragraph and its quote marks
    position = 0
    while position < len(kept):
        index = kept[position]
        paragraph = article.paragraphs[index]
        if article.quote_only[index]:
            following = kept[position + 1] if position + 1 < len(kept) else None
            merging = (following == index + 1 and article.quote_only[following] and rng.random() < changes.merge)
            # A passage bridges at most ``max_gap`` words, so a changed word beside the speech tag that a
            # merge drops would make a gap too wide to bridge: such edits keep clear of the junction.
            if rng.random() < changes.edit:
                paragraph = _edited(paragraph, writer, end_margin=SPLIT_MARGIN if merging else 0)
            if merging:
                second = article.paragraphs[following]
                if rng.random() < changes.edit:
                    second = _edited(second, writer, start_margin=SPLIT_MARGIN)
                paragraph = _merged(paragraph, second)
                position += 1
            if rng.random() < changes.split:
                paragraph = _split(paragraph, rng)
        curly = article.curly != (rng.random() < changes.swap_marks)
        entries.append((paragraph, curly))
        position += 1
    for _ in range(round(changes.move * len(entries))):
        entry = entries.pop(rng.randrange(len(entries)))
        entries.insert(rng.randrange(len(entries) + 1), entry)
    kept_set = set(kept)
    dropped = [index for index in body if index not in kept_set]
    carried = [quote for index in dropped for quote in _short_quotes(article.paragraphs[index])
               if rng.random() < changes.carry]
    for quote in carried:
        sentence = writer.narration(1, short_quotes=False)
        paragraph = tuple(sentence[:-1]) + quote + tuple(sentence[-1:])
        entries.insert(rng.randrange(len(entries) + 1), (paragraph, article.curly))
    for _ in range(round(changes.framing * len(entries))):
        paragraph = tuple(writer.narration(rng.randint(1, 3)))
        entries.insert(rng.randrange(len(entries) + 1), (paragraph, article.curly))
    for _ in range(round(changes.own_quotes * len(entries))):
        paragraph = tuple(writer.quotation() + writer.tag_after(writer.name(), True))
        entries.insert(rng.randrange(len(entries) + 1), (paragraph, article.curly))
    headline = tuple(Piece(word.capitalize()) for word in writer.sentence()[:rng.randint(6, 10)])
    entries.insert(0, (headline, article.curly))
    return _pair(article, entries, kept, carried)


def related_pair(seed: int, words: int, changes: Changes = Changes()) -> GeneratedPair:
    """An original of about ``words`` words and its re-report (both from ``seed``)."""
    return re_report(generate_article(seed, words), seed + 1, changes)


def unrelated_pair(seed: int, words: int) -> tuple[str, str]:
    """Two articles on different stories, one with curly and one with straight quote marks."""
    left = generate_article(seed, words, curly=True, numbered=False)
    right = generate_article(seed + 7919, words, curly=False, numbered=False)
    return left.text(), right.text()


def _short_quotes(paragraph: Paragraph) -> list[Paragraph]:
    """The short quotations of a paragraph, each with its marks."""
    quotes = []
    start = None
    for index, piece in enumerate(paragraph):
        if piece.kind == OPEN:
            start = index
        elif piece.kind == CLOSE and start is not None:
            quote = paragraph[start:index + 1]
            if sum(1 for piece in quote if piece.kind == WORD) <= SHORT_QUOTE_WORDS[1]:
                quotes.append(quote)
            start = None
    return quotes


def _quote_bounds(paragraph: Paragraph) -> tuple[int, int]:
    """Indices of the first quotation's OPEN and CLOSE pieces."""
    start = next(index for index, piece in enumerate(paragraph) if piece.kind == OPEN)
    end = next(index for index, piece in enumerate(paragraph) if piece.kind == CLOSE and index > start)
    return start, end


# A split cuts a quotation at least this many words from its ends and from any edit in it: the engine
# anchors a passage on runs of five equal words, and each piece needs such a run of its own.
SPLIT_MARGIN = 6


def _edited(paragraph: Paragraph, writer: _Writer, start_margin: int = 0, end_margin: int = 0) -> Paragraph:
    """One word of the quotation, anywhere between the margins (in words), replaced by another word."""
    start, end = _quote_bounds(paragraph)
    words = [index for index in range(start, end) if paragraph[index].kind == WORD]
    if len(words) <= start_margin + end_margin:
        return paragraph
    target = words[writer.rng.randrange(start_margin, len(words) - end_margin)]
    old = paragraph[target]
    new_word = writer.content()
    while new_word.lower() == old.text.lower():
        new_word = writer.content()
    if old.text[0].isupper():
        new_word = new_word.capitalize()
    replaced = Piece(new_word, WORD, old.role, old.origin, edited=True)
    return paragraph[:target] + (replaced,) + paragraph[target + 1:]


def _split(paragraph: Paragraph, rng: random.Random) -> Paragraph:
    """The first quotation cut in two with a pronoun tag between: “A B,” she said, “C D,” ..."""
    start, end = _quote_bounds(paragraph)
    words = [index for index in range(start, end) if paragraph[index].kind == WORD]
    edits = [position for position, index in enumerate(words) if paragraph[index].edited]
    candidates = [position for position in range(SPLIT_MARGIN, len(words) - SPLIT_MARGIN)
                  if all(abs(position - edit) > SPLIT_MARGIN for edit in edits)]
    if not candidates:
        return paragraph
    cut = words[rng.choice(candidates)]
    tag = (Piece(",", PUNCT, QUOTE), Piece("", CLOSE, QUOTE),
           Piece(rng.choice(("she", "he")), WORD, TAG), Piece("said", WORD, TAG), Piece(",", PUNCT, TAG),
           Piece("", OPEN, QUOTE))
    # A full stop right before the cut would read ".,": drop it.
    before = paragraph[:cut]
    if before[-1].kind == PUNCT:
        before = before[:-1]
    return before + tag + paragraph[cut:]


def _merged(first: Paragraph, second: Paragraph) -> Paragraph:
    """Two quote paragraphs as one quotation under the first one's tag: the second's tag is dropped."""
    first_start, first_end = _quote_bounds(first)
    second_start, second_end = _quote_bounds(second)
    # first: OPEN words "," CLOSE tag ; second: OPEN words "," CLOSE tag -> OPEN words "." words "," CLOSE tag
    return (first[:first_end - 1] + (Piece(".", PUNCT, QUOTE),) + second[second_start + 1:second_end]
            + first[first_end:])


# ---------------------------------------------------------------------------------------------- ground truth

def _pair(article: Article, entries, kept: list[int], carried: list[Paragraph]) -> GeneratedPair:
    left_text, left_words = render(article.paragraphs, [article.curly] * len(article.paragraphs))
    paragraphs, curly = zip(*entries)
    right_text, right_words = render(paragraphs, list(curly))
    right_origins = {piece.origin for _, _, piece in right_words if piece.origin != NEW}
    edited_origins = {piece.origin for _, _, piece in right_words if piece.edited}
    left_truth = _side_truth(left_words, right_origins, edited_origins)
    right_truth = _side_truth(right_words, right_origins, edited_origins)

    # Where each original word landed in the re-report (word index), for the paragraph table.
    right_index = {piece.origin: number for number, (_, _, piece) in enumerate(right_words) if piece.origin != NEW}
    paragraph_of: dict[int, int] = {}
    for number, paragraph in enumerate(article.paragraphs):
        for piece in paragraph:
            if piece.kind == WORD:
                paragraph_of[piece.origin] = number
    left_by_paragraph: dict[int, list[int]] = {}
    kept_paragraphs = set(kept)  # not the dropped ones whose short quotes were carried
    for number, (_, _, piece) in enumerate(left_words):
        if piece.origin in right_index and piece.role != TAG and paragraph_of[piece.origin] in kept_paragraphs:
            left_by_paragraph.setdefault(paragraph_of[piece.origin], []).append(number)
    order = sorted(left_by_paragraph)
    landing = [right_index[left_words[left_by_paragraph[number][0]][2].origin] for number in order]
    in_order = _longest_increasing(landing)
    paragraphs = []
    for rank, number in enumerate(order):
        left_numbers = left_by_paragraph[number]
        right_numbers = sorted(right_index[left_words[index][2].origin] for index in left_numbers)
        paragraphs.append(SharedParagraph(
            (left_numbers[0], left_numbers[-1] + 1), (right_numbers[0], right_numbers[-1] + 1),
            (left_words[left_numbers[0]][0], left_words[left_numbers[-1]][1]),
            (right_words[right_numbers[0]][0], right_words[right_numbers[-1]][1]),
            len(left_numbers), rank not in in_order,
        ))
    left_chars = {piece.origin: (start, end) for start, end, piece in left_words}
    right_chars = {piece.origin: (start, end) for start, end, piece in right_words if piece.origin != NEW}
    carried_ranges = []
    for quote in carried:
        origins = [piece.origin for piece in quote if piece.kind == WORD]
        carried_ranges.append(((left_chars[origins[0]][0], left_chars[origins[-1]][1]),
                               (right_chars[origins[0]][0], right_chars[origins[-1]][1])))
    edits = tuple((left_chars[piece.origin], (start, end)) for start, end, piece in right_words if piece.edited)
    return GeneratedPair(left_text, right_text, left_truth, right_truth, tuple(paragraphs),
                         tuple(carried_ranges), edits)


def _side_truth(words, shared_origins: set[int], edited_origins: set[int]) -> SideTruth:
    shared = {QUOTE: [], TEXT: [], TAG: []}
    edited = []
    for start, end, piece in words:
        if piece.origin in shared_origins:
            shared[piece.role].append((start, end))
            if piece.origin in edited_origins:
                edited.append((start, end))
    return SideTruth(tuple(shared[QUOTE]), tuple(shared[TEXT]), tuple(shared[TAG]), tuple(edited), len(words))


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence of ``values`` (patience sorting)."""
    tails: list[int] = []  # value at the end of the best run of each length
    tail_index: list[int] = []
    parent: list[int] = []
    for index, value in enumerate(values):
        length = bisect.bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[length] = value
            tail_index[length] = index
        parent.append(tail_index[length - 1] if length else -1)
    chosen, index = set(), tail_index[-1] if tail_index else -1
    while index >= 0:
        chosen.add(index)
        index = parent[index]
    return chosen


# --------------------------------------------------------------------------------------------------- scores

def moved_found(pair: GeneratedPair, alignments, cover: float = 0.9) -> float:
    """Share (0..1) of the pair's moved paragraphs that ``alignments`` finds.

    ``alignments``: ``(left_start, left_end, right_start, right_end)`` word ranges that a method says
    correspond (passages, difflib matching blocks, ...). A moved paragraph is found when alignments that
    land inside its place in the re-report cover ``cover`` of its words in the original.
    """
    moved = pair.moved
    if not moved:
        return 1.0
    alignments = sorted(alignments)
    starts = [alignment[0] for alignment in alignments]
    found = 0
    for paragraph in moved:
        left_start, left_end = paragraph.left_words
        right_start, right_end = paragraph.right_words
        covered = 0
        first = max(0, bisect.bisect_right(starts, left_start) - 1)
        for a_start, a_end, b_start, b_end in alignments[first:]:
            if a_start >= left_end:
                break
            if b_end <= right_start or b_start >= right_end:
                continue
            covered += max(0, min(a_end, left_end) - max(a_start, left_start))
        if covered >= cover * (left_end - left_start):
            found += 1
    return found / len(moved)


def char_scores(text: str, truth_ranges, neutral_ranges, found_ranges) -> tuple[float, float]:
    """Recall and precision of ``found_ranges`` against ``truth_ranges``, counted in word characters.

    Only word characters count: the engine gives punctuation and quote marks the class of a neighbouring
    word, a convention of display rather than of sharing. Characters of ``neutral_ranges`` (shared speech
    tags, which may be shown as attribution or as shared) count for neither score.
    """
    def mask(ranges) -> bytearray:
        marks = bytearray(len(text))
        for start, end in ranges:
            marks[start:end] = b"\x01" * (end - start)
        return marks

    truth, neutral, found = mask(truth_ranges), mask(neutral_ranges), mask(found_ranges)
    true_positive = found_total = truth_total = 0
    for position, char in enumerate(text):
        if not (char.isalnum() or char == "_") or neutral[position]:
            continue
        truth_total += truth[position]
        found_total += found[position]
        true_positive += truth[position] and found[position]
    recall = true_positive / truth_total if truth_total else 1.0
    precision = true_positive / found_total if found_total else 1.0
    return recall, precision
