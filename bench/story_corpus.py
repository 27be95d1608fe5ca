"""Generated stories whose quote matrix and likely sources are known exactly.

A *story* is one or more original articles (an interview: narration and quotations with speech tags) and
articles derived from them the way re-reports are written: each of the original's quotations is carried
verbatim, altered (one word changed), dropped, trimmed (only its first words), split in two around a
speech tag, or merged with the next one into one quotation; the quote paragraphs are reordered; the
re-report adds its own narration and its own quotations; and some re-reports copy another re-report's
narration wholesale. Words come from ``bench.corpus``'s generated vocabulary, so two texts share a run of
six words only where the generator put it.

``story(seed, plans, ...)`` writes one original and one derived article per plan, with the truth;
``big_story(seed, articles, words)`` writes a large story for the benchmarks.

Exports: ``VERBATIM``, ``ALTER``, ``DROP``, ``TRIM``, ``SPLIT``, ``MERGE``, ``Plan``, ``GeneratedStory``,
``story``, ``big_story``.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from bench.corpus import _Writer
from viewer.engine.text import Document

VERBATIM, ALTER, DROP, TRIM, SPLIT, MERGE = "verbatim", "alter", "drop", "trim", "split", "merge"
OPERATIONS = (VERBATIM, ALTER, DROP, TRIM, SPLIT, MERGE)
# What each operation must look like in the quote matrix.
EXPECTED_STATE = {VERBATIM: "verbatim", ALTER: "altered", DROP: "absent", TRIM: "partial", SPLIT: "verbatim",
                  MERGE: "verbatim"}
QUOTE_WORDS = 22  # words per original quotation, at least
TRIM_KEEP = 0.6  # share of a trimmed quotation's words that stay (its first ones)
FIRST_DAY = datetime.date(2024, 3, 1)


@dataclass(frozen=True)
class Plan:
    """How one derived article treats the original: one operation per original quotation (MERGE joins a
    quote with the next one the plan keeps), ``own_quotes`` new quotations, and ``copy_from``: the number
    of an earlier derived article (1-based, in plan order) whose narration it copies, or 0."""

    operations: tuple[str, ...]
    own_quotes: int = 1
    copy_from: int = 0
    narration_paragraphs: int = 4


@dataclass(frozen=True)
class GeneratedStory:
    """Documents in date order (the original first) and what is true of them.

    ``quotes``: the original quotations' words; ``states[d][q]``: the state quote ``q`` must have in
    document ``d``; ``altered[(d, q)]``: (original word, new word); ``own_quotes``: (document, words) of
    quotations only that document has; ``sources[d]``: the expected likely source (None for originals,
    and for a re-report that carries nothing of the original).
    """

    documents: tuple[Document, ...]
    quotes: tuple[tuple[str, ...], ...]
    speakers: tuple[str, ...]
    states: tuple[tuple[str, ...], ...]
    altered: dict = field(default_factory=dict)
    own_quotes: tuple[tuple[int, tuple[str, ...]], ...] = ()
    sources: tuple[int | None, ...] = ()


class _StoryWriter:
    def __init__(self, rng: random.Random):
        self.writer = _Writer(rng, numbered=False)
        self.rng = rng

    def sentence_words(self, quoted: bool = False) -> list[str]:
        words = self.writer.sentence(quoted=quoted)
        words[0] = words[0].capitalize()
        return words

    def narration(self, sentences: int) -> str:
        return " ".join(" ".join(self.sentence_words()) + "." for _ in range(sentences))

    def quote(self) -> list[str]:
        """A quotation's words; sentence ends are marked by a trailing "." on the word."""
        words: list[str] = []
        while len(words) < QUOTE_WORDS:
            sentence = self.sentence_words(quoted=True)
            sentence[-1] += "."
            words += sentence
        words[-1] = words[-1].rstrip(".")
        return words

    def headline(self) -> str:
        return " ".join(word.capitalize() for word in self.writer.sentence()[:8])


def _quoted(words: list[str], end: str = ",") -> str:
    return "\u201c" + " ".join(words).rstrip(".") + end + "\u201d"


def _tag(speaker: tuple[str, str, str], named: set) -> str:
    full, surname, pronoun = speaker
    if full not in named:
        named.add(full)
        return f"{full} said."
    return f"{surname} said."


def _original(writer: _StoryWriter, quotes: int, words: int, speakers) -> tuple[str, list[list[str]], list[int]]:
    paragraphs = [writer.headline()]
    texts, who = [], []
    named: set = set()
    for number in range(quotes):
        paragraphs.append(writer.narration(2))
        quote = writer.quote()
        speaker = number % len(speakers)
        texts.append(quote)
        who.append(speaker)
        paragraphs.append(f"{_quoted(quote)} {_tag(speakers[speaker], named)}")
    while sum(len(paragraph.split()) for paragraph in paragraphs) < words:
        paragraphs.insert(writer.rng.randint(1, len(paragraphs)), writer.narration(3))
    return "\n\n".join(paragraphs), texts, who


def _derived(writer: _StoryWriter, plan: Plan, quotes, who, speakers, copied: list[str], words: int):
    """The text, its own narration paragraphs, its own quotations, the altered words, each quote's state."""
    rng = writer.rng
    states = [EXPECTED_STATE[operation] for operation in plan.operations]
    named: set = set()
    blocks: list[str] = []
    altered: dict[int, tuple[str, str]] = {}
    kept = [number for number, operation in enumerate(plan.operations) if operation != DROP]
    skip = set()
    for position, number in enumerate(kept):
        if number in skip:
            continue
        operation = plan.operations[number]
        quote = list(quotes[number])
        speaker = speakers[who[number]]
        if operation == ALTER:
            index = len(quote) // 2
            new = writer.writer.content()
            while new == quote[index].rstrip(".").lower():
                new = writer.writer.content()
            altered[number] = (quote[index].rstrip("."), new)
            quote[index] = new + ("." if quote[index].endswith(".") else "")
        if operation == TRIM:
            quote = quote[:round(len(quote) * TRIM_KEEP)]
        if operation == SPLIT:
            middle = len(quote) // 2
            blocks.append(f"{_quoted(quote[:middle])} {_tag(speaker, named)[:-1]}. "
                          f"{_quoted(quote[middle:], end='.')}")
            continue
        if operation == MERGE and position + 1 < len(kept):
            following = kept[position + 1]
            skip.add(following)
            states[following] = EXPECTED_STATE[VERBATIM]  # carried whole inside the merged quotation
            quote = quote + [word for word in quotes[following]]
            quote[len(quotes[number]) - 1] += "."
        blocks.append(f"{_quoted(quote)} {_tag(speaker, named)}")
    rng.shuffle(blocks)
    own_narration = [writer.narration(3) for _ in range(plan.narration_paragraphs)]
    own_quotes = []
    for _ in range(plan.own_quotes):
        quote = writer.quote()
        own_quotes.append(tuple(word.rstrip(".") for word in quote))
        speaker = writer.writer.name()
        blocks.insert(rng.randint(0, len(blocks)), f"{_quoted(quote)} {_tag(speaker, named)}")
    paragraphs = [writer.headline()]
    narration = own_narration + copied
    rng.shuffle(narration)
    # Narration and quotations alternate, so no two quotations of the original end up side by side.
    for index in range(max(len(narration), len(blocks))):
        if index < len(narration):
            paragraphs.append(narration[index])
        if index < len(blocks):
            paragraphs.append(blocks[index])
    while sum(len(paragraph.split()) for paragraph in paragraphs) < words:
        extra = writer.narration(3)
        own_narration.append(extra)
        paragraphs.insert(rng.randint(1, len(paragraphs)), extra)
    return "\n\n".join(paragraphs), own_narration, own_quotes, altered, tuple(states)


def story(seed: int, plans: list[Plan], quotes: int = 6, words: int = 500, speakers: int = 2,
          outlet_prefix: str = "Outlet") -> GeneratedStory:
    """One original (dated ``FIRST_DAY``, outlet "Original") and one derived article per plan, each a day
    later than the one before."""
    writer = _StoryWriter(random.Random(seed))
    people = [writer.writer.name() for _ in range(speakers)]
    text, quote_words, who = _original(writer, quotes, words, people)
    documents = [Document.from_text(text, path="original.txt", outlet="Original", date=FIRST_DAY.isoformat())]
    states = [tuple(EXPECTED_STATE[VERBATIM] for _ in quote_words)]
    narrations: list[list[str]] = []
    altered_truth: dict = {}
    own_truth: list = []
    sources: list[int | None] = [None]
    for number, plan in enumerate(plans, start=1):
        copied = list(narrations[plan.copy_from - 1]) if plan.copy_from else []
        text, own_narration, own_quotes, altered, quote_states = _derived(writer, plan, quote_words, who, people,
                                                                         copied, words)
        narrations.append(own_narration)
        date = (FIRST_DAY + datetime.timedelta(days=number)).isoformat()
        documents.append(Document.from_text(text, path=f"derived_{number}.txt", outlet=f"{outlet_prefix} {number}",
                                            date=date))
        states.append(quote_states)
        for quote, change in altered.items():
            altered_truth[number, quote] = change
        own_truth += [(number, quote) for quote in own_quotes]
        # A re-report that dropped every quote and copied nobody carries nothing of the original: no text
        # tells where it came from, so it has no likely source.
        carries = any(state != EXPECTED_STATE[DROP] for state in quote_states)
        sources.append(plan.copy_from if plan.copy_from else 0 if carries else None)
    return GeneratedStory(tuple(documents), tuple(tuple(word.rstrip(".") for word in quote) for quote in quote_words),
                          tuple(people[speaker][0] for speaker in who), tuple(states), altered_truth,
                          tuple(own_truth), tuple(sources))


def big_story(seed: int, articles: int, words: int = 800, per_original: int = 50) -> list[Document]:
    """``articles`` documents of about ``words`` words: one original per ``per_original`` articles, the rest
    re-reports of a random original with random operations, a fifth of them copying an earlier
    re-report's narration. Dated one day apart per original, re-reports after their original."""
    rng = random.Random(seed)
    writer = _StoryWriter(rng)
    originals = max(1, articles // per_original)
    documents: list[Document] = []
    stories = []
    for number in range(originals):
        people = [writer.writer.name() for _ in range(2)]
        text, quote_words, who = _original(writer, 8, words, people)
        date = (FIRST_DAY + datetime.timedelta(days=number)).isoformat()
        documents.append(Document.from_text(text, path=f"original_{number}.txt", date=date))
        stories.append((quote_words, who, people, []))
    for number in range(articles - originals):
        quote_words, who, people, narrations = stories[rng.randrange(originals)]
        operations = tuple(rng.choice(OPERATIONS) for _ in quote_words)
        copied = list(rng.choice(narrations)) if narrations and rng.random() < 0.2 else []
        plan = Plan(operations, own_quotes=rng.randint(0, 2), narration_paragraphs=3)
        text, own_narration, _, _, _ = _derived(writer, plan, quote_words, who, people, copied, words)
        narrations.append(own_narration)
        date = (FIRST_DAY + datetime.timedelta(days=originals + number // 20)).isoformat()
        documents.append(Document.from_text(text, path=f"derived_{number}.txt", date=date))
    return documents
