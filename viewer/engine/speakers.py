"""Speech tags and speakers: who said each quotation.

``attribute(text, quotes)`` reads the speech tags beside the top-level quotations of ``text`` and names the
speaker of each quotation. It returns ``Speech(tags, speakers)``:

- ``tags``: ``Attribution(start, end, speaker)``, one per speech tag, ordered by start; ``text[start:end]``
  is the tag ("Mr. Clyburn said", "said Sadie Weiner, the DSCC spokeswoman.", "according to the mayor").
- ``speakers``: ``QuoteSpeaker(start, end, speaker)`` for every depth-0 quotation, in order; ``speaker`` is
  None when the text does not say who spoke.

``find_attributions(text, quotes)`` returns the tags alone.

**The speaker string** is the person's name without honorific or title, in the fullest form the article
uses anywhere ("Rep. James E. Clyburn ... Mr. Clyburn said" gives "James E. Clyburn"; "Mr. Clyburn said"
alone gives "Clyburn"), so all quotes of one person carry one string. An unnamed speaker is the role as
written ("the mayor", "a White House spokesman"), unless a definite role ("the senator") names a person
the article gave that role ("Sen. Sherrod Brown", "Brown, the senator,"). A group ("critics said") or a
pronoun that cannot be resolved gives "" (None for a quotation): saying nothing beats naming the wrong
person.

**Tags.** Around the quote, its halves, or both:

- after: ``"…," Mr. Clyburn said.``, ``"…," said Sheila Krumholz, executive director of …``,
  ``"…," Sadie Weiner, the DSCC spokeswoman, said.``, ``"…," a smiling Clinton said.``,
  ``"…," he told CNN on Sunday.``, ``"…," she said in a statement.``, ``"…," according to X.``;
- before: ``Mr. Trump said: "…"``, ``In a statement, Ms. Weiner said, "…"``, ``According to X, "…"``,
  ``As she put it, "…"``; a colon after a person's name also names the speaker (``Mr. Biden was blunt:``);
- between halves: ``"…," she said, "…"``: the second half inherits, as does a quote that follows its
  speaker's quote with nothing but a tag or a paragraph break between them;
- inside reported speech: ``Warren called the plan "a giveaway"`` names the subject of the nearest
  reporting verb (said, called, described, dubbed ...), also past a programme title in the same sentence
  (``Fauci told NBC's "Meet the Press" on Sunday that "…"``).

Someone's role before a named person is not the speaker: ``Mayor Brandon Johnson's spokeswoman, Ronnie
Reese, said`` names Ronnie Reese; ``According to Gen. Mark A. Milley, the chairman of …,`` names Milley.

The speech verbs are ``names.SPEECH_VERBS`` (said, says, told, wrote, tweeted, posted, added, continued,
explained, noted, argued, insisted, responded, replied, recalled, admitted, acknowledged, warned, joked,
interjected and sixty more). A verb followed by "that", "how", "whether" … after a quote that ended its
sentence is reported speech, not a tag. A tag keeps up to ``TAG_REST_MAX_WORDS`` words after the verb
("said on CBS's program Sunday"); a longer tail is the outlet's narration and the tag is trimmed to its verb
phrase ("the newspaper wrote"), never dropped.

**Pronouns** ("he said", "she told CNN") resolve to the most recent person named before them, in narration
or in a tag (never inside a quotation), who agrees in gender where the name shows one (Mr./Mrs./Ms., a
gendered role such as "spokeswoman", or a common given name; see ``names.py``). Within the most recent
sentence naming such a person, the subject is preferred over a name after a preposition, a possessive or a
leading "After …," clause. "they", "we", "I" and "it" name nobody. A lone capitalised word opening a
sentence before a verb ("McConnell disagreed.") is a person only when it is the surname of someone named in
full earlier ("Mitch McConnell"); any other ("Hezbollah rejected …", "Pfizer declined …", "Ukraine
rejected …") may be a place or a body, rare in English or not, and a pronoun after it names nobody.

**Linear time.** Each quote looks at the text between it and its neighbours, at most ``WINDOW_CHARS``
characters on each side; narration is scanned once, left to right, with patterns that never backtrack
(possessive quantifiers); a pronoun looks back over at most ``LOOKBACK_MENTIONS`` names.

nameparser was considered for names: it splits a name already found into title, first and last, but it
does not find names in running text nor tell a tag from narration, which is the work here, and parsing
each name through it would cost more than the rest of this module; the few title and name tables it would
bring are in ``names.py``.

Exports: ``Attribution``, ``QuoteSpeaker``, ``Speech``, ``attribute``, ``find_attributions``, ``SPEECH_VERBS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .names import (
    ABBREVIATIONS, FEMALE_NAMES, GROUP_NOUNS, INSTITUTION_WORDS, LEADING_WORDS, MALE_NAMES, NAME_PARTICLES,
    REPORTING_VERBS, ROLE_GENDER, ROLE_NOUNS, SPEECH_VERBS, SUFFIXES, TITLE_FILLERS, TITLE_ROLES, TITLES,
)

from .quotes import TITLE_MAX_CHARS

if TYPE_CHECKING:
    from .quotes import Quote

WINDOW_CHARS = 400  # characters before a quote searched for its lead-in tag or reported-speech subject
AFTER_WINDOW_CHARS = 200  # characters after a quote searched for its tag
TAG_REST_MAX_WORDS = 6  # words after "Teigen told People" that still belong to the tag ("on Monday")
TAG_BEFORE_MAX_WORDS = 12  # words of a lead-in tag ("Sadie Weiner, the DSCC spokeswoman, said:")
LOOKBACK_MENTIONS = 60  # named people a pronoun looks back over
SAME_SURNAME_MAX = 16  # people sharing one surname that are told apart


@dataclass(frozen=True)
class Attribution:
    """A speech tag ``text[start:end]`` ("she said") and who it names as the speaker ("" when unknown)."""

    start: int
    end: int
    speaker: str = ""


@dataclass(frozen=True)
class QuoteSpeaker:
    """A depth-0 quotation ``text[start:end]`` and who said it (None when the text does not say)."""

    start: int
    end: int
    speaker: str | None


class Speech:
    """The speech tags of a text and the speaker of each of its top-level quotations.

    ``tag_spans`` (where the tags are) is read at once: a comparison needs it for its classes. Who speaks
    (``tags`` with their speakers, ``speakers``) is resolved on first use and kept: it costs about twice
    the reading of the tags and only the JSON and the window's tooltips need it, so a comparison that
    never asks pays nothing for it.
    """

    def __init__(self, text: str, quotes: list[Quote]):
        self._text = text
        self._readings = _read_tags(text, [quote for quote in quotes if quote.depth == 0])
        self.tag_spans: tuple[tuple[int, int], ...] = tuple(
            (tag.start, tag.end) for reading in self._readings for tag in (reading.before, reading.after)
            if tag is not None and tag.end > tag.start)

    @cached_property
    def _resolved(self) -> tuple[tuple[Attribution, ...], tuple[QuoteSpeaker, ...]]:
        return _resolve_speakers(self._text, self._readings)

    @property
    def tags(self) -> tuple[Attribution, ...]:
        return self._resolved[0]

    @property
    def speakers(self) -> tuple[QuoteSpeaker, ...]:
        return self._resolved[1]


def find_attributions(text: str, quotes: list[Quote]) -> list[Attribution]:
    """Speech tags beside the depth-0 ``quotes`` of ``text``, ordered by start."""
    return list(attribute(text, quotes).tags)


# ------------------------------------------------------------------------------------------------ words

# A word (with inner apostrophes, hyphens and dots: "Teigen's", "Jean-Pierre", "U.S.") and an optional
# full stop, or one punctuation mark. Possessive repetition: no backtracking on long runs.
_TOKEN_RE = re.compile(r"\w+(?:['’.\-]\w+)*+\.?|[^\w\s]")
_QUOTE_MARKS = frozenset("\"'“”„«»‘’‚")
_SENTENCE_END = frozenset(".!?")
_CLAUSE_END = frozenset(".!?;:—–()[]") | _QUOTE_MARKS
_PRONOUNS = {"he": "M", "she": "F", "they": "", "we": "", "i": "", "it": "", "you": ""}
_DETERMINERS = frozenset("the a an his her their its this that one another our my".split())
_DEFINITE = frozenset("the this that his her their its".split())
_ADVERBS = frozenset("also then later again once still quickly simply finally flatly only even repeatedly "
                     "has have had would will was is has had previously recently publicly privately "
                     "often long".split())
_COMPLEMENTS = frozenset("that how whether if why what when who which where".split())
_ADJUNCTS = frozenset(
    "in on at during while after before as when of to from with without via per through outside inside "
    "near about over under later earlier then again afterward afterwards recently today yesterday tonight "
    "last this next adding noting citing pointing referring calling according before following "
    "monday tuesday wednesday thursday friday saturday sunday morning evening afternoon night early late "
    "shortly briefly privately publicly".split()
)
_CLAUSE_WORDS = frozenset("that as while because after when if since although though".split())
_NOT_IN_SPEAKER = frozenset("would will be is was are were been being has have had do does did but and that "
                             "who which not".split())
_NOT_APPOSITIVE = frozenset("who whom whose which that adding noting citing saying referring pointing "
                            "before after while when as and but".split())


class _Tok(NamedTuple):  # a tuple, not a dataclass: thousands are made per article
    start: int
    end: int
    text: str
    lower: str

    @property
    def bare(self) -> str:
        """Lowercase without a final full stop or possessive: "Sen." -> "sen", "Trump's" -> "trump"."""
        word = self.text.lower().rstrip(".")
        return word[:-2] if word.endswith(("'s", "’s")) else word

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capital(self) -> bool:
        return self.text[0].isupper()


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """Words and punctuation of ``text[start:end]``; a full stop is its own token unless it abbreviates."""
    found: list[_Tok] = []
    append = found.append
    for match in _TOKEN_RE.finditer(text, start, end):
        word = match.group()
        first, last = match.span()
        if len(word) > 1 and word[-1] == "." and _ends_sentence(text, word, last):
            append(_Tok(first, last - 1, word[:-1], word[:-1].lower()))
            append(_Tok(last - 1, last, ".", "."))
        else:
            append(_Tok(first, last, word, word.lower()))
    return found


def _ends_sentence(text: str, word: str, end: int) -> bool:
    """Whether the full stop closing ``word`` (at ``end - 1``) ends a sentence rather than abbreviating."""
    following = text[end:end + 1]
    if following and (following in "),;" or following.islower()):
        return False  # "(D-Calif.)", "Jan. 20," "U.S. troops"
    if not _keeps_stop(word):
        return True
    ahead = text[end:end + 3].lstrip(" ")
    return not ahead or ahead[0] in _QUOTE_MARKS or ahead[0] == "\n"  # "on X." before a quote mark


def _keeps_stop(word: str) -> bool:
    """Whether the final full stop of ``word`` abbreviates ("Mr.", "U.S.", "E.") instead of ending a sentence."""
    core = word[:-1]
    return "." in core or (len(core) == 1 and core.isupper()) or core.lower() in ABBREVIATIONS


def _is_title(token: _Tok) -> bool:
    return token.bare in TITLES or token.bare in TITLE_FILLERS


# ------------------------------------------------------------------------------------------------ people

@dataclass(eq=False)
class _Person:
    """One person the text names: the fullest name seen, gender ("M", "F" or None) and roles."""

    words: list[str]
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    doubtful: bool = False  # a lone unknown word opening a sentence ("Hezbollah rejected"): maybe nobody

    @property
    def surname(self) -> str:
        return _surname(self.words)

    @property
    def first(self) -> str:
        return self.words[0].lower() if len(self.words) > 1 else ""

    @property
    def name(self) -> str:
        return " ".join(self.words)


class _Mention(NamedTuple):
    position: int
    person: _Person
    sentence: int
    subject: bool  # not after a preposition, not possessive, not in a leading "After …," clause


def _surname(words: list[str]) -> str:
    index = len(words) - 1
    while index > 0 and words[index].lower() in SUFFIXES:
        index -= 1
    return words[index].lower()


def _given_gender(first: str) -> str | None:
    if first in MALE_NAMES:
        return "M"
    if first in FEMALE_NAMES:
        return "F"
    return None


# A run of capitalised words (with name particles, initials and abbreviating full stops) in narration.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAPS_RE = re.compile(
    rf"(?<![\w'’])[{_UPPER}][\w'’\-]*+\.?"
    rf"(?:[ \t]++(?:[{_UPPER}][\w'’\-]*+\.?|(?:{'|'.join(sorted(NAME_PARTICLES - {'st.'}))})(?=[ \t][{_UPPER}])))*+"
)
# A sentence end: the mark comes first so the scan runs at C speed; abbreviations are checked behind it.
_BOUNDARY_RE = re.compile(
    r"[.!?]++(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bGov\.)(?<!\bGen\.)"
    r"(?<!\bLt\.)(?<!\bSt\.)(?<!\bRev\.)(?<!\bProf\.)(?<!\bCol\.)(?<!\bSgt\.)(?<![\s.][A-Z]\.)[\"'”’)\]]*+(?=\s)|\n"
)
_WORD_RE = re.compile(r"\S+")
_LAST_WORD_RE = re.compile(r"([\w'’-]+)[ \t]$")
_FIRST_WORD_RE = re.compile(r"[ \t]([\w'’-]+)")
_AGE_RE = re.compile(r", (?:\d{1,3}[,)]|who\b)")
_PREPOSITIONS = frozenset("to with about against for by of from on at toward towards than into onto over "
                          "under between among like unlike beside besides behind".split())
_SUBORDINATORS = frozenset("after when while although though because since before as if unless until "
                           "once whereas despite unlike like".split())
_WORD_BEFORE_RE = re.compile(r"([\w'’]+)[ \t,]*$")  # the word just before, in the same sentence
_NAMED_APPOSITIVE_RE = re.compile(rf",[ \t]+[{_UPPER}]")
_PERSON_NOUNS = ROLE_NOUNS | set(ROLE_GENDER) | {"man", "woman", "boy", "girl", "teen", "teenager", "source",
                                                  "guest", "concertgoer", "pal", "insider", "customer",
                                                  "passenger", "driver", "owner", "parent"}
# A sentence of narration opening with a determiner, perhaps an unnamed person: "Another resident, …",
# "The boy's mother …" (the words are checked against _PERSON_NOUNS; a pattern listing them is slow).
_UNNAMED_RE = re.compile(
    r"(?:^|[.!?][\"”’]?[ \t]+)(?P<opening>(?:The|A|An|Another|One|His|Her|Their))((?:[ \t]+[\w'’-]+){1,4})",
    re.MULTILINE)


# A verb after a lone subject: a past tense, a reporting verb, or a common auxiliary.
_LONE_VERB_RE = re.compile(
    r"[ \t]++(?:[a-z]+ed|is|was|has|had|will|would|" + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
    + r")\b")


def _opens_sentence(text: str, position: int) -> bool:
    """Whether ``text[position]`` starts a sentence (the text, a paragraph, or after a sentence's end)."""
    before = text[max(0, position - 4):position].rstrip(" \t")
    if before[-1:] in ("\"", "”", "’", ")"):
        before = before[:-1]
    return not before or before[-1] in ".!?\n"


class _People:
    """The people named so far, read from the narration left to right, and who a pronoun or role means."""

    def __init__(self, text: str):
        self.text = text
        self.scanned = 0  # narration before this offset has been read
        self.mentions: list[_Mention] = []
        self.by_surname: dict[str, list[_Person]] = {}
        self.by_first: dict[str, _Person] = {}
        self.by_role: dict[str, _Person] = {}
        self._boundaries = 0  # sentence boundaries before _boundary_at
        self._boundary_at = 0

    # Narration ---------------------------------------------------------------------------------------
    def read(self, end: int) -> None:
        """Register the people named in the narration up to ``end`` (each character is read once)."""
        if end <= self.scanned:
            return
        for match in _CAPS_RE.finditer(self.text, self.scanned, end):
            self._runs(match.start(), match.group())
        self.scanned = end

    def _runs(self, start: int, run: str) -> None:
        """Read a capitalised run sentence by sentence: "in Berlin. Gazprom responded" is two runs, so the
        word opening the second sentence is judged as a lone subject, not as the tail of "Berlin."."""
        words = list(_WORD_RE.finditer(run))
        piece = 0
        for word, following in zip(words, words[1:]):
            if word.group().endswith(".") and not _keeps_stop(word.group()):
                self._run(start + piece, run[piece:word.end()])
                piece = following.start()
        self._run(start + piece, run[piece:])

    def skip(self, end: int) -> None:
        """Names up to ``end`` (a quotation) are not narration: nobody in a quote is an antecedent."""
        self.scanned = max(self.scanned, end)

    def nickname(self, start: int, end: int) -> None:
        """Harold "Hal" Jefferies: the quoted nickname splits a name that the narration reader would miss."""
        before = _LAST_WORD_RE.search(self.text, max(0, start - 40), start)
        after = _FIRST_WORD_RE.match(self.text, end)
        if before and after and before.group(1)[0].isupper() and after.group(1)[0].isupper():
            name = [before.group(1), after.group(1)]
            if name[0].lower() not in LEADING_WORDS and not any(w.lower() in INSTITUTION_WORDS for w in name):
                self.note(self.find(name), before.start(1))

    def _sentence(self, position: int) -> int:
        """A number that grows by one per sentence end before ``position`` (positions only ever grow).

        Counted in one C call (every sentence of a long text passes here); titles ("Mr. ") and initials
        are not sentence ends, a rarer abbreviation only splits a sentence in two for the subject preference.
        """
        if position > self._boundary_at:
            self._boundaries += len(_BOUNDARY_RE.findall(self.text, self._boundary_at, position))
            self._boundary_at = position
        return self._boundaries

    def _run(self, start: int, run: str) -> None:
        words = run.split()
        if len(words) == 1:
            # The common case: "The", "But", a capitalised word starting a sentence. Only a known name, or
            # one followed by ", who" or an age, can be a person here.
            bare = words[0].lower().rstrip(".")
            if bare in LEADING_WORDS:
                return
            bare = bare[:-2] if bare.endswith(("'s", "’s")) else bare
            end = start + len(run)
            if bare not in self.by_surname and bare not in self.by_first and not _AGE_RE.match(self.text, end) \
                    and not self.text.startswith((", the ", ", a ", ", an ", ", The "), end):
                self._lone_subject(start, end, words[0], bare)
                return
        skipped = 0
        while skipped < len(words) - 1 and words[skipped].lower().rstrip(".") in LEADING_WORDS:
            skipped += 1
        offset = start + sum(len(word) + 1 for word in words[:skipped])
        before = words[skipped - 1].lower() if skipped else self._word_before(start)
        found = self._person_from_words(words[skipped:], offset, start + len(run))
        if found is None:
            return
        person, possessive = found
        subject = not possessive and before not in _PREPOSITIONS and not self._in_leading_clause(start)
        self.note(person, offset, subject)

    def _lone_subject(self, start: int, end: int, word: str, bare: str) -> None:
        """ "McConnell disagreed.": a lone capitalised word opening a sentence before a verb is its subject.

        It is a person only when it is the surname or given name of someone the text named in full before
        ("Senate Minority Leader Mitch McConnell … McConnell disagreed."); ``_run`` sends those to the known
        person and never here. Any other word may be a person, a place or a body ("Hezbollah rejected",
        "Pfizer declined", "Ukraine rejected"), and being rare in English does not tell them apart, so it only
        stops a later pronoun from reaching back past it to someone named before: nobody rather than a wrong
        name.
        """
        if (bare in GROUP_NOUNS or bare in INSTITUTION_WORDS or not word.isalpha()
                or not _LONE_VERB_RE.match(self.text, end) or not _opens_sentence(self.text, start)):
            return
        self.note(_Person([word], doubtful=True), start)

    def _word_before(self, position: int) -> str:
        match = _WORD_BEFORE_RE.search(self.text, max(0, position - 30), position)
        return match.group(1).lower() if match else ""

    def _in_leading_clause(self, position: int) -> bool:
        head = self.text[_sentence_start(self.text, max(0, position - WINDOW_CHARS), position):position]
        first = head.split(None, 1)[0].lower() if head.strip() else ""
        # "After Obama left, Trump …", "Asked whether he would back Johnson, Roy …": up to the first comma
        return (first in _SUBORDINATORS or first.endswith("ing") or first == "asked") and "," not in head

    def _person_from_words(self, words: list[str], start: int, end: int) -> tuple[_Person, bool] | None:
        """The person a capitalised run in narration names, if the run shows it is one."""
        if words[-1].endswith(".") and not _keeps_stop(words[-1]):
            words = [*words[:-1], words[-1][:-1]]  # "met Donald Trump." ends a sentence
        possessive = words[-1].endswith(("'s", "’s"))
        if possessive:
            words = [*words[:-1], words[-1][:-2]]
        titles, name = _split_titles(words)
        if not name or len(name) > 5 or any(word.lower().rstrip(".") in INSTITUTION_WORDS for word in name):
            return None
        gender, roles = _title_gender_roles(titles)
        role_before = self._word_before(start) if not titles else ""
        if role_before in ROLE_NOUNS:
            roles.add(role_before)
            gender = gender or ROLE_GENDER.get(role_before)
        appositive = self._appositive_role(end)
        if appositive:
            roles.add(appositive)
            gender = gender or ROLE_GENDER.get(appositive)
        evidence = bool(titles and any(title.lower().rstrip(".") in TITLES for title in titles))
        evidence = evidence or role_before in ROLE_NOUNS or bool(appositive)
        if _AGE_RE.match(self.text, end) or (len(name) > 1 and _given_gender(name[0].lower())):
            evidence = True  # "Olena Shevchuk, 64, stood in line"; "Washington, who shares …"
        person = self.find(name, gender, create=evidence)
        if person is None:
            return None
        for role in roles:
            person.roles.add(role)
        return person, possessive

    def _appositive_role(self, end: int) -> str:
        """The role noun of ", the DSCC spokeswoman," right after a name, or ""."""
        if not self.text.startswith((", the ", ", a ", ", an ", ", The "), end):
            return ""
        tail = _tokens(self.text, end, min(len(self.text), end + 80))
        for token in tail[2:9]:
            if not token.is_word:
                return ""
            if token.lower in ROLE_NOUNS:
                return token.lower
        return ""

    # People -----------------------------------------------------------------------------------------
    def find(self, name: list[str], gender: str | None = None, create: bool = True) -> _Person | None:
        """The person ``name`` refers to (a known one when the surname or given name matches)."""
        surname = _surname(name)
        first = name[0].lower() if len(name) > 1 else ""
        known = self.by_surname.get(surname, [])
        person = None
        if first:
            person = next((p for p in reversed(known) if p.first == first), None)
            if person is None:
                # "Mrs. Whitford" then "Eleanor Whitford": the given name completes her, not her husband
                given = gender or _given_gender(first)
                person = next((p for p in reversed(known) if not p.first and _agrees(p, given)), None)
        else:
            # Two people share the surname ("Harold Jefferies", his granddaughter "Kayla Jefferies"): news
            # style calls the one it is about by the surname and the other by the given name.
            person = next((p for p in known if _agrees(p, gender)), None)
            if person is None and surname in self.by_first and _agrees(self.by_first[surname], gender):
                person = self.by_first[surname]  # "Chrissy shared" after "Chrissy Teigen"
        if person is None:
            if not create:
                return None
            person = _Person(list(name))
            if len(known) < SAME_SURNAME_MAX:  # bounded, so every look-up stays constant time
                known.append(person)
            self.by_surname[surname] = known
        elif len(name) > len(person.words):
            person.words = list(name)
        person.gender = person.gender or gender or _given_gender(person.first)
        if person.first:
            self.by_first[person.first] = person
        return person

    def note(self, person: _Person, position: int, subject: bool = True) -> None:
        """Record that ``person`` is named at ``position``."""
        mention = _Mention(position, person, self._sentence(position), subject)
        mentions = self.mentions
        index = len(mentions)
        # A lead-in tag's speaker is noted after the narration read past it: it goes back a few places
        # (never more than a pronoun looks at, so a long text never shifts a long list).
        while index and mentions[index - 1].position > position and len(mentions) - index < LOOKBACK_MENTIONS:
            index -= 1
        mentions.insert(index, mention)
        for role in person.roles:
            self.by_role[role] = person

    def pronoun(self, gender: str, position: int, narration_start: int) -> _Person | str | None:
        """Who a "he" (M) or "she" (F) at ``position`` means: the most recent agreeing person.

        Sentence by sentence backwards, the leftmost subject wins; names after a preposition, possessives,
        names in a leading "After …," clause and names earlier in the pronoun's own sentence ("Speaking
        with X, he said") count only when no sentence offers a subject. An unnamed person who opens a
        sentence of the narration just before ("Another resident, who asked not to be named, …") is
        more recent than any name before it and is returned as written.
        """
        own_sentence = self._sentence(position)
        subject = fallback = None
        current = None
        for mention in reversed(self.mentions[-LOOKBACK_MENTIONS:]):
            if mention.position >= position or not _agrees(mention.person, gender):
                continue
            if subject is not None and mention.sentence != current:
                break
            current = mention.sentence
            if mention.subject and mention.sentence != own_sentence:
                subject = mention  # keeps moving left within the sentence
            elif fallback is None:
                fallback = mention
        chosen = subject or fallback
        if chosen is not None and chosen.person.doubtful:
            return None  # "Ukraine rejected the offer." may or may not be the one meant
        unnamed = self._unnamed_subject(gender, max(narration_start, chosen.position if chosen else 0), position)
        if unnamed:
            return unnamed
        return chosen.person if chosen else None

    def _unnamed_subject(self, gender: str, start: int, end: int) -> str:
        """ "another resident" when a sentence in ``text[start:end]`` opens with such a person, else ""."""
        found = ""
        for match in _UNNAMED_RE.finditer(self.text, max(start, end - WINDOW_CHARS), end):
            words = match.group(2).split()
            noun_at = next((i for i, word in enumerate(words) if word.lower() in _PERSON_NOUNS), -1)
            if noun_at < 0 or any(word[0].isupper() for word in words[:noun_at + 1]):
                continue
            noun = words[noun_at].lower()
            phrase_end = match.start(2) + match.group(2).index(words[noun_at]) + len(words[noun_at])
            if _NAMED_APPOSITIVE_RE.match(self.text, phrase_end):
                continue  # "Her opponent, Mr. Eric Hovde, …" is named
            if ROLE_GENDER.get(noun, gender) == gender:
                phrase = self.text[match.start("opening"):phrase_end]
                found = phrase[0].lower() + phrase[1:]
        if found and found.split()[0] in _DEFINITE:
            person = self.by_role.get(found.split()[-1])
            if person is not None and _agrees(person, gender):
                return ""  # "The mayor said …" is a person already named: the name wins
        return found

    def role(self, noun: str) -> _Person | None:
        return self.by_role.get(noun)


def _agrees(person: _Person, gender: str | None) -> bool:
    return not gender or not person.gender or person.gender == gender


def _is_title_word(word: str) -> bool:
    bare = word.lower().rstrip(".")
    return bare in TITLES or bare in ROLE_NOUNS or ("-" in bare and any(part in TITLES for part in bare.split("-")))


def _split_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """("Secretary of State", "Antony Blinken") from "Secretary of State Antony Blinken"; a name keeps a word.

    A title may follow an adjective or two ("Russian President Vladimir Putin", "former Gov. Jerry Brown").
    """
    first_title = next((index for index, word in enumerate(words[:3]) if _is_title_word(word)), -1)
    if first_title < 0 or first_title == len(words) - 1:
        if len(words) > 2 and _INITIALISM_RE.fullmatch(words[0]):
            return words[:1], words[1:]  # "the U.N. Nikki Haley", "the U.S. Rep. …": no initialism in a name
        return [], words
    end = first_title + 1
    while end < len(words) - 1:
        if _is_title_word(words[end]) or words[end].lower().rstrip(".") in TITLE_FILLERS:
            end += 1
        elif end + 1 < len(words) - 1 and _is_title_word(words[end + 1]):
            end += 2  # "Chief Medical Officer Anita Raman": one word between two titles belongs to them
        else:
            break
    rest = end
    while rest < len(words) - 2 and words[rest] in ("to", "the", "of", "for"):
        rest += 1
    if rest < len(words) - 2 and _INITIALISM_RE.fullmatch(words[rest]):
        end = rest + 1  # "Former U.S. Ambassador to the U.N. Nikki Haley": the initialism ends the title
    return words[:end], words[end:]


def _title_gender_roles(titles: list[str]) -> tuple[str | None, set[str]]:
    gender, roles = None, set()
    for title in titles:
        bare = title.lower().rstrip(".")
        gender = gender or TITLES.get(bare)
        roles.update(TITLE_ROLES.get(bare, ()))
    return gender, roles


# ------------------------------------------------------------------------------------------------ who

class _Who(NamedTuple):
    """A parsed speaker phrase: a pronoun, a name (with titles), a role, or a group."""

    kind: str  # "pronoun", "name", "role", "group"
    words: tuple[str, ...]
    position: int
    gender: str | None = None
    roles: tuple[str, ...] = ()


def _who(tokens: list[_Tok]) -> _Who | None:
    """Read a speaker phrase: "he", "Mr. Clyburn", "a smiling Clinton", "the DSCC spokeswoman", "critics"."""
    tokens = _without_parentheses(tokens)
    while tokens and (tokens[-1].lower in _ADVERBS or tokens[-1].lower.endswith("ly") and not tokens[-1].is_capital):
        tokens = tokens[:-1]
    while tokens and tokens[0].lower in ("as", "and", "but", "so", "then", "later", "also", "here", "now"):
        tokens = tokens[1:]
    if not tokens or len(tokens) > 10 or any(not t.is_word and t.text not in "-&" for t in tokens):
        return None
    if any(t.lower in _NOT_IN_SPEAKER for t in tokens):
        return None  # "a shutdown would be a mistake but": a clause, not a speaker
    first = tokens[0]
    if len(tokens) == 1 and first.lower in _PRONOUNS:
        return _Who("pronoun", (first.lower,), first.start, _PRONOUNS[first.lower] or None)
    if tokens[-1].lower in ("who", "which"):
        return None
    tail = len(tokens)  # where the trailing run of capitalised words starts
    while tail > 0 and tokens[tail - 1].is_capital:
        tail -= 1
    if first.lower not in _DETERMINERS and first.is_capital and tokens[-1].lower not in ROLE_NOUNS and all(
            token.is_capital or token.lower in TITLE_FILLERS or token.text == "&" for token in tokens):
        # "Secretary of State Antony Blinken"; "CEO" alone is a role
        if len(tokens) == 1 and first.lower in GROUP_NOUNS:
            return _Who("group", (first.lower,), first.start)
        return _name(tokens)
    if first.lower in _DEFINITE and tokens[-1].lower in _PARTY_MEMBERS and len(tokens) > 1:
        # "the Georgia Republican said": a description of someone named before, never a person's name
        return _Who("role", tuple(t.text for t in tokens), first.start, None, (tokens[-1].lower,))
    if 0 < tail < len(tokens):
        before = tokens[tail - 1]
        lowercase_before = all(not t.is_capital for t in tokens[:tail])
        # "the critic Phil Vettel", "head of product Sam Oyelaran": a description, then a full name
        described = lowercase_before and len(tokens) - tail >= 2 and (
            first.lower in _DEFINITE or any(t.lower in ROLE_NOUNS for t in tokens[:tail]))
        if before.lower in ("of", "for", "at", "from") and not _is_title(tokens[tail]):
            # "of" joins a title ("the Secretary of State Antony Blinken"), but after "The mayor of New York",
            # "the Rev. Marcus Hill of Greater Allen Church", "The Association of American Railroads" or "a
            # spokesperson for Amazon" comes a place or a body, never the person's name ("American Railroads")
            own = _who(tokens[:tail - 1])
            if own is not None and own.kind == "name":
                return own  # "the Rev. Marcus Hill" of his church
            if first.lower in _DETERMINERS or any(token.lower in INSTITUTION_WORDS for token in tokens[:tail]):
                head = _head_noun(tokens)
                return _Who("role", tuple(token.text for token in tokens), first.start, ROLE_GENDER.get(head), (head,))
            return None
        if before.lower in ROLE_NOUNS or _is_title(before) or (first.lower in ("a", "an") and lowercase_before) \
                or described:
            # "a smiling Clinton", "former President Obama", "White House press secretary Karine Jean-Pierre"
            who = _name(tokens[tail:])
            if who and who.kind == "name" and before.lower in ROLE_NOUNS:
                return _Who("name", who.words, who.position, who.gender or ROLE_GENDER.get(before.lower),
                            (*who.roles, before.lower))
            return who
    if first.lower in GROUP_NOUNS or tokens[-1].lower in GROUP_NOUNS:
        return _Who("group", tuple(t.lower for t in tokens), first.start)
    if (first.lower in _DETERMINERS or (first.is_capital and first.lower.endswith(("'s", "’s")))
            or (tokens[-1].lower in ROLE_NOUNS and len(tokens) <= 3 and all(t.is_capital for t in tokens[:-1]))
            or (tokens[-1].lower in ROLE_NOUNS and _owned_role(tokens))):
        # "Mayor Brandon Johnson's spokeswoman": someone's role, never the name before the possessive
        # headlines drop the article: "GOP senator says", "CEO admits"
        head = _head_noun(tokens)  # "the mayor", "a spokesman for the agency", "Trump's spokesman"
        return _Who("role", tuple(t.text for t in tokens), first.start, ROLE_GENDER.get(head), (head,))
    return None


def _owned_role(tokens: list[_Tok]) -> bool:
    """ "Gov. Ron DeSantis's press secretary": a capitalised possessive, then lowercase words only."""
    index = len(tokens) - 1
    while index > 0 and not tokens[index - 1].is_capital:
        index -= 1
    return index > 0 and tokens[index - 1].lower.endswith(("'s", "’s"))


@lru_cache(maxsize=4096)
def _who_of(phrase: str) -> _Who | None:
    return _who(_tokens(phrase, 0, len(phrase)))


def _who_at(text: str, start: int, end: int) -> _Who | None:
    """``_who`` of ``text[start:end]``; the usual few names and pronouns of an article are read once."""
    who = _who_of(text[start:end])
    return who if who is None else _Who(who.kind, who.words, start + who.position, who.gender, who.roles)


def _name(tokens: list[_Tok]) -> _Who | None:
    while len(tokens) > 1 and tokens[0].lower.endswith(("'s", "’s")):
        tokens = tokens[1:]  # "Fed's Harmon says": the Fed is not part of her name
    words = [t.text for t in tokens]
    if words and words[-1].lower().endswith(("'s", "’s")):
        return None
    titles, name = _split_titles(words)
    for index, word in enumerate(name):
        if index and word[0].islower() and word.lower() not in NAME_PARTICLES:
            name = name[:index]  # "Mondaire Jones of New York"
            break
    if not name or len(name) > 5:
        return None
    if any(word.lower().rstrip(".") in INSTITUTION_WORDS for word in name) and not titles:
        return _Who("role", tuple(words), tokens[0].start)  # "the Pentagon", "Google" speak as bodies
    gender, roles = _title_gender_roles(titles)
    return _Who("name", tuple(name), tokens[len(titles)].start, gender, tuple(sorted(roles)))


def _head_noun(tokens: list[_Tok]) -> str:
    """The noun a role phrase is about: "a spokesman for the agency" -> "spokesman"."""
    head = tokens
    for index, token in enumerate(tokens):
        if index and token.lower in ("for", "of", "at", "from", "with", "in", "on", "to"):
            head = tokens[:index]
            break
    return head[-1].bare if head else ""


def _without_parentheses(tokens: list[_Tok]) -> list[_Tok]:
    kept, depth = [], 0
    for token in tokens:
        if token.text in "([":
            depth += 1
        elif token.text in ")]":
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(token)
    return kept


def _split_commas(tokens: list[_Tok]) -> list[list[_Tok]]:
    parts: list[list[_Tok]] = [[]]
    for token in tokens:
        if token.text == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _clause_end(tokens: list[_Tok], start: int, stops: frozenset = _CLAUSE_END | frozenset(",")) -> int:
    index = start
    while index < len(tokens) and tokens[index].text not in stops:
        index += 1
    return index


def _words_in(tokens: list[_Tok]) -> int:
    return sum(1 for token in tokens if token.is_word)


# ------------------------------------------------------------------------------------------------ tags

class _Tag(NamedTuple):
    start: int
    end: int  # equal to start when the words are narration, not a tag ('Mr. Biden was blunt:')
    who: _Who | None
    appositive: _Who | None = None
    guessed: bool = False  # the sentence's subject, read without a verb of its own: a known person only


def _tag_after(text: str, start: int, limit: int, ends_sentence: bool, embedded: bool) -> _Tag | None:
    """A tag right after a closing mark: "she said.", "said X, the …,", "X told CNN", "according to X"."""
    end = min(limit, start + AFTER_WINDOW_CHARS)
    if start >= end or text[start] in ".\n!?":
        return None  # '… "a phrase".': the sentence ends with the quote
    fast = _FAST_TAG_RE.match(text, start, end)
    if fast is not None:
        fast_end = fast.end()
        if text[fast_end - 1] == "." and _keeps_stop(text[max(start, fast_end - 5):fast_end].split()[-1]):
            fast = None  # "said Sen." goes on: "said Sen. Tammy Baldwin."
        elif not (text[fast_end - 1] == "," and _SOURCE_AFTER_RE.match(text, fast_end, end)):
            # The usual tag, "she said." / "Mr. Clyburn told CNN," / "says Teigen.", read by one pattern;
            # the same answer as the word-by-word reading below, which handles everything else.
            pronoun, name, _ = fast.group("pronoun", "name", "named")
            group = "pronoun" if pronoun else "name" if name else "named"
            who = _who_at(text, fast.start(group), fast.end(group))
            tag_start = fast.start("verb") if group == "named" else fast.start(group)
            return _Tag(tag_start, fast_end, who) if who else None
    boundary = _BOUNDARY_RE.search(text, start, end)  # a tag ends with its sentence: read no further
    stop = boundary.end() if boundary else end
    words = _LETTERS_RE.findall(text[start:stop].lower())
    if SPEECH_VERBS.isdisjoint(words) and "according" not in words:
        return None
    tokens = _tokens(text, start, stop)
    index = 0
    while index < len(tokens) and tokens[index].text in ",;—–-":
        index += 1
    if index >= len(tokens):
        return None
    first = tokens[index]
    if first.lower == "according" and index + 1 < len(tokens) and tokens[index + 1].lower == "to":
        stop = _clause_end(tokens, index + 2)
        who = _who(tokens[index + 2:stop])
        if who is None or _words_in(tokens[index + 2:stop]) > 8:
            return None
        return _Tag(first.start, _with_stop(tokens, stop), who)
    if first.lower in SPEECH_VERBS and first.lower not in ("told", "tells", "tell", "telling") and not first.is_capital:
        return _verb_first(tokens, index)
    verb = index
    depth = 0
    while verb < len(tokens) and verb - index <= 16:
        token = tokens[verb]
        depth += (token.text == "(") - (token.text == ")")
        if depth > 0 or token.text == ")":
            verb += 1
            continue  # "Chuck Schumer (D-N.Y.) posted"
        if token.text in _CLAUSE_END:
            return None
        if token.lower in SPEECH_VERBS and not token.is_capital and verb > index:
            break
        verb += 1
    else:
        return None
    if verb >= len(tokens) or verb - index > 16:
        return None
    subject = tokens[index:verb]
    parts = _split_commas(subject)
    appositive = None
    if len(parts) == 3 and not parts[2]:
        parts = parts[:2]
    if len(parts) == 2 and parts[0] and parts[1]:
        head, appositive = _who(parts[0]), _who(parts[1])
    elif len(parts) == 1:
        head = _who(parts[0])
    else:
        return None
    if head is None:
        return None
    tag_end = _tag_rest(tokens, verb, ends_sentence or embedded)
    if tag_end is None:
        return None
    return _Tag(subject[0].start, tag_end, head, appositive)


_NAME_WORD = r"[A-Z][\w'’\-]*+"
_VERBS_PATTERN = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_FAST_TAG_RE = re.compile(
    rf"[ \t]*+(?:(?:(?P<pronoun>he|she|they|we|I)"
    rf"|(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.[ \t]++)?{_NAME_WORD}(?:[ \t]++{_NAME_WORD}){{0,2}}+))"
    rf"[ \t]++(?:{_VERBS_PATTERN})(?:[ \t]++{_NAME_WORD}(?:[ \t]++{_NAME_WORD}){{0,2}}+)?(?P<stop>[.,;!?])"
    rf"|(?P<verb>said|says)[ \t]++(?P<named>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.[ \t]++)?{_NAME_WORD}"
    rf"(?:[ \t]++{_NAME_WORD}){{0,2}}+)[.;!?])"
)
_SOURCE_AFTER_RE = re.compile(r"[ \t]*(?:per|according)\b")


def _verb_first(tokens: list[_Tok], verb: int) -> _Tag | None:
    """ "said Sheila Krumholz, executive director of …" / "says Teigen, who …" / "said a spokesman." """
    stop = _clause_end(tokens, verb + 1)
    phrase = tokens[verb + 1:stop]
    if not phrase:
        return None
    who = _who(phrase)
    name_end = stop
    if who is None:
        # "said Trump, adding …" handled above; "said the mayor of the small town" -> keep the first words
        # "said the Rev. Marcus Hill of Greater Allen Church": the name ends at its first preposition
        first_preposition = next((i for i, token in enumerate(phrase[:7]) if i and token.lower in _PREPOSITIONS), 0)
        for cut in ([first_preposition] if first_preposition else []) + list(range(min(len(phrase), 6), 0, -1)):
            who = _who(phrase[:cut])
            if who is not None:
                name_end = verb + 1 + cut
                break
        if who is None:
            return None
    end = tokens[name_end - 1].end
    appositive = None
    if name_end < len(tokens) and tokens[name_end].text == ",":
        end = tokens[name_end].end
        following = _clause_end(tokens, name_end + 1)
        words = tokens[name_end + 1:following]
        if words and words[0].lower not in _NOT_APPOSITIVE and _words_in(words) <= 8 and (
                following >= len(tokens) or tokens[following].text in ".!?;,"):
            appositive = _who(words)
            end = _with_stop(tokens, following)
    elif name_end < len(tokens) and tokens[name_end].text in ".!?;:":
        end = tokens[name_end].end
    return _Tag(tokens[verb].start, end, who, appositive)


def _with_stop(tokens: list[_Tok], stop: int) -> int:
    """End offset of the tag whose last word is ``tokens[stop - 1]``, taking the punctuation after it."""
    if stop < len(tokens) and tokens[stop].text in ".,;:!?":
        return tokens[stop].end
    return tokens[stop - 1].end


def _tag_rest(tokens: list[_Tok], verb: int, strict: bool) -> int | None:
    """Where a tag ends after its verb: the object of "told", short adjuncts, then its punctuation."""
    index = verb + 1
    word = tokens[verb].lower
    if word in ("told", "tells", "tell", "telling", "asked", "asks") and index < len(tokens):
        index = _object_end(tokens, index)
    stop = _clause_end(tokens, index)
    rest = tokens[index:stop]
    if rest and (rest[0].lower in _COMPLEMENTS or not _is_adjunct(rest[0])):
        if strict:
            return None  # '"We won." Smith said the team …': reported speech, not a tag
        return tokens[index - 1].end
    if _words_in(rest) > TAG_REST_MAX_WORDS:
        return tokens[index - 1].end  # trimmed to the verb phrase
    end = _with_stop(tokens, stop)
    # '"It works," she said, per Popsugar.' / ', according to the network.'
    if stop < len(tokens) and tokens[stop].text == ",":
        after = stop + 1
        if after < len(tokens) and (tokens[after].lower == "per" or (
                tokens[after].lower == "according" and after + 1 < len(tokens) and tokens[after + 1].lower == "to")):
            source_end = _clause_end(tokens, after + 1)
            if _words_in(tokens[after:source_end]) <= 8:
                end = _with_stop(tokens, source_end)
    return end


def _object_end(tokens: list[_Tok], index: int) -> int:
    """End index of the object of "told": "CNN", "The Washington Post", "reporters", "the newspaper"."""
    token = tokens[index]
    if token.is_capital:
        while index < len(tokens) and tokens[index].is_word and (
                tokens[index].is_capital or tokens[index].lower in ("of", "the", "and")):
            index += 1
        return index
    if token.lower in _DETERMINERS:
        index += 1
        count = 0
        while index < len(tokens) and tokens[index].is_word and count < 3 and not _is_adjunct(tokens[index]):
            index += 1
            count += 1
        return index
    if token.is_word and token.lower not in _COMPLEMENTS and not _is_adjunct(token):
        return index + 1
    return index


def _is_adjunct(token: _Tok) -> bool:
    lower = token.lower
    return (lower in _ADJUNCTS or (lower.endswith("ly") and not token.is_capital) or lower[0].isdigit()
            or lower in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


def _lead_in(text: str, limit: int, quote_start: int) -> list[_Tok]:
    """The tokens of the sentence (part) between the previous quote or sentence end and a quote."""
    before = quote_start - 1
    while before >= limit and text[before] in " \t\u00a0":
        before -= 1
    if before < limit or text[before] in "\n.!?\"“”'’":
        return []  # the quote opens a paragraph or a sentence: no lead-in to read
    start = _sentence_start(text, max(limit, quote_start - WINDOW_CHARS), quote_start)
    if text[before] not in ",:" and REPORTING_VERBS.isdisjoint(_LETTERS_RE.findall(text[start:quote_start].lower())):
        # A quoted phrase in narration with no verb of saying before it ('her "emotional" side'): only
        # whether it is embedded matters, and one word says so.
        return [_Tok(before, before + 1, text[before], text[before])]
    tokens = _tokens(text, start, quote_start)
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].text in _SENTENCE_END or tokens[index].text in _QUOTE_MARKS:
            return tokens[index + 1:]
    return tokens


def _sentence_start(text: str, low: int, high: int) -> int:
    """Where the sentence holding ``text[high]`` starts, not before ``low`` (C-speed searches, no regex)."""
    position = high
    while True:
        cut = max(text.rfind(". ", low, position), text.rfind("? ", low, position), text.rfind("! ", low, position),
                  text.rfind("\n", low, position))
        if cut < 0:
            return low
        if text[cut] == ".":
            word = text[max(low, cut - 6):cut + 1].rsplit(None, 1)[-1] if cut > low else "."
            if len(word) > 1 and _keeps_stop(word):
                position = cut  # "Mr. Clyburn said:" goes on past "Mr."
                continue
        return cut + 1


def _tag_before(tokens: list[_Tok]) -> _Tag | None:
    """A lead-in ending in a comma or colon: "Mr. Trump said:", "According to X,", "As she put it,"."""
    if len(tokens) < 2 or tokens[-1].text not in ",:":
        return None
    body = tokens[:-1]
    if body[0].lower == "according" and len(body) > 2 and body[1].lower == "to":
        who = _who(body[2:])
        parts = _split_commas(body[2:])
        if who is None and len(parts) == 2 and parts[0] and parts[1]:
            # "According to Gen. Mark A. Milley, the chairman of the Joint Chiefs,": the name, then its role
            head = _who(parts[0])
            if head is not None and head.kind == "name":
                return _Tag(body[0].start, tokens[-1].end, head, _who(parts[1]))
        return _Tag(body[0].start, tokens[-1].end, who) if who else None
    for verb, token in enumerate(body):
        is_put = token.lower == "put" and verb + 1 < len(body) and body[verb + 1].lower == "it"
        if not (token.lower in SPEECH_VERBS or is_put) or token.is_capital or verb == 0:
            continue
        tag = _subject_before(body, verb)
        if tag is None:
            continue
        rest = body[verb + 1:]
        if token.lower in ("told", "tells", "tell", "asked"):
            rest = body[_object_end(body, verb + 1):] if verb + 1 < len(body) else []
        if _words_in([t for t in body if t.start >= tag.start]) > TAG_BEFORE_MAX_WORDS or (
                _words_in(rest) > TAG_REST_MAX_WORDS):
            return _Tag(tag.start, token.end, tag.who, tag.appositive)  # trimmed to the verb phrase
        return _Tag(tag.start, tokens[-1].end, tag.who, tag.appositive)
    if tokens[-1].text == ":":
        # 'Mr. Biden was blunt: "…"': a named person opening the sentence speaks; no tag.
        while body and not body[0].is_word:
            body = body[1:]  # a list's bullet: "- Cruz was more guarded:"
        stop = 0
        while stop < len(body) and body[stop].is_word and (body[stop].is_capital or _is_title(body[stop])):
            stop += 1
        who = _who(body[:stop]) if stop else None
        if who and who.kind in ("name", "pronoun") and stop < len(body) and not body[stop].is_capital and (
                body[stop].lower not in ROLE_NOUNS):  # "Fed official slams door on a cut:" is no "Fed"
            return _Tag(body[0].start, body[0].start, who)
    return None


def _subject_before(tokens: list[_Tok], verb: int) -> _Tag | None:
    """The subject of ``tokens[verb]``: back to a comma, or a head and an appositive set off by commas."""
    parts = _split_commas(tokens[:verb])
    own = parts[-1]
    if own and own[-1].lower in ("and", "but", "then"):
        # "She stopped the music, stared into the crowd and said,": the sentence's subject, no tag
        who = _leading_subject(tokens)
        return _Tag(tokens[0].start, tokens[0].start, who, guessed=True) if who else None
    while own and own[0].lower in ("and", "but", "so", "then", "as", "when", "while", "which", "whom"):
        own = own[1:]
    if own and own[0].lower == "who":
        own = []
    while own and own[-1].lower in _ADVERBS:
        own = own[:-1]
    if own:
        who = _who(own)
        return _Tag(own[0].start, tokens[verb].end, who) if who else None
    # "Sadie Weiner, the DSCC spokeswoman, said" / "Mr. Trump, who …, said"
    if len(parts) >= 3 and parts[-3]:
        head = _who(parts[-3])
        if head and head.kind in ("name", "pronoun"):
            appositive = _who(parts[-2]) if parts[-2] and parts[-2][0].lower not in _NOT_APPOSITIVE else None
            return _Tag(parts[-3][0].start, tokens[verb].end, head, appositive)
        if head and head.kind == "role" and parts[-2]:
            appositive = _who(parts[-2])  # "The health secretary, Victoria Atkins, described"
            if appositive and appositive.kind == "name":
                return _Tag(parts[-3][0].start, tokens[verb].end, head, appositive)
    return None


_LETTERS_RE = re.compile(r"[a-z]+")
_BLANK_RE = re.compile(r"\s*")
_SENTENCE_BREAK_RE = re.compile(r"[.!?\n]")
_STOP_RE = re.compile(r"[.!?]")
_PARTY_MEMBERS = frozenset("republican democrat independent conservative liberal socialist libertarian".split())
_INITIALISM_RE = re.compile(r"(?:[A-Z]\.){2,}")
_NOUN_LIKE = frozenset("call calls claim claims note notes post posts state states answer answers remark remarks "
                       "share shares tweet tweets report reports reply replies joke jokes cry cries pledge "
                       "praise label labels brand brands term terms blast slam slams rip promise promises "
                       "vow vows warning".split())


def _used_as_noun(tokens: list[_Tok], index: int) -> bool:
    """ "a conference call", "the posts": a verb form that is a noun after a determiner."""
    if tokens[index].lower not in _NOUN_LIKE:
        return False
    before = tokens[index - 1].lower if index else ""
    two_before = tokens[index - 2].lower if index > 1 else ""
    return before in _DETERMINERS or (two_before in _DETERMINERS and before.isalpha() and before.islower())


def _leading_subject(tokens: list[_Tok]) -> _Who | None:
    """The noun phrase a sentence opens with, after a leading "In a statement," or "Asked about it,"."""
    index = 0
    if tokens and (tokens[0].lower in _ADJUNCTS or tokens[0].lower.endswith("ing") or tokens[0].lower == "asked"):
        comma = next((i for i, token in enumerate(tokens[:20]) if token.text == ","), -1)
        index = comma + 1 if comma >= 0 else len(tokens)
    phrase: list[_Tok] = []
    for position in range(index, min(len(tokens), index + 8)):
        token = tokens[position]
        lower = token.lower
        if not token.is_word or (phrase and lower in _ADJUNCTS):
            break
        if lower in _PRONOUNS and not phrase:
            return _who([token])
        if token.is_capital or lower in _DETERMINERS or lower in TITLE_FILLERS:
            phrase.append(token)
        elif lower in ROLE_NOUNS:
            phrase.append(token)
            name = position + 1
            while name < len(tokens) and name < position + 4 and tokens[name].is_word and tokens[name].is_capital:
                name += 1
            if name - position > 2:
                phrase.extend(tokens[position + 1:name])  # "Union boss Terrence Boyd fired back": a full name
            break
        elif any(later.lower in ROLE_NOUNS for later in tokens[position + 1:position + 3]):
            phrase.append(token)  # "A federal judge"
        else:
            break
    return _who(phrase) if phrase else None


def _reported(tokens: list[_Tok]) -> _Tag | None:
    """Who speaks a quoted phrase inside reported speech: the subject of the last reporting verb before it.

    'Warren called the plan "a giveaway"', 'Fariss, a Republican, said he would act, calling it "an
    emergency"' (a participle or a second verb takes the first verb's subject), 'Trump lashed out at
    senators, calling them "weak"' (no other verb: the sentence's subject, if a known person or a role).
    """
    seen = False
    for verb in range(len(tokens) - 1, 0, -1):
        token = tokens[verb]
        if token.lower not in REPORTING_VERBS or token.is_capital or _used_as_noun(tokens, verb):
            continue
        seen = True
        before = tokens[verb - 1]
        if before.lower in ("is", "was", "are", "were", "be", "been", "being"):
            return None  # "is said to be 'devastated'": nobody in particular
        if before.lower in ("and", "but", "then") or (token.lower.endswith("ing") and before.text == ","):
            continue
        start = verb
        while start > 0 and tokens[start - 1].text not in ",;:—–()" and tokens[start - 1].lower not in _CLAUSE_WORDS:
            start -= 1
        own = tokens[start:verb]
        while own and own[-1].lower in _ADVERBS | {"been", "not", "never"}:
            own = own[:-1]
        if own and own[-1].lower == "who" and start >= 2 and tokens[start - 1].text == ",":
            head_start = start - 1  # "Trump, who has called the inquiry "a witch hunt,""
            while head_start > 0 and tokens[head_start - 1].text not in ",;:—–":
                head_start -= 1
            who = _who(tokens[head_start:start - 1])
            return _Tag(0, 0, who) if who else None
        if own and own[0].lower in ("which", "that", "whom"):
            own = own[1:]  # "which Lindqvist said would be"
        if own:
            who = _who(own)
            return _Tag(0, 0, who) if who else None
        tag = _subject_before(tokens, verb)
        return _Tag(0, 0, tag.who, tag.appositive, tag.guessed) if tag else None
    if seen:
        who = _leading_subject(tokens)
        return _Tag(0, 0, who, guessed=True) if who else None
    return None


# ------------------------------------------------------------------------------------------------ speakers

def _looks_like_title(text: str, quote: Quote) -> bool:
    """A quoted title ("Face the Nation", "Meet the Press"): short, every long word capitalised, no stop."""
    if quote.end - quote.start > TITLE_MAX_CHARS or not text[quote.start + 1:quote.start + 2].isupper():
        return False
    inner = text[quote.start + 1:quote.end - 1].strip()
    words = inner.rstrip(".,").split()
    if inner[-1:] == "," and 0 < len(words) <= 5 and all(word[0].isupper() for word in words):
        following = text[quote.end:quote.end + 2].lstrip(" ")
        preceding = text[max(0, quote.start - 2):quote.start].rstrip(" ")
        if following[:1].islower() and preceding[-1:].islower():
            return True  # 'A24, which distributed "Past Lives," is releasing': the sentence goes on
    if inner[-1:] in ".,":
        # American style puts the sentence's full stop inside the marks: a title then needs a lead-in.
        before = text[max(0, quote.start - 12):quote.start].split()
        if not before or not (before[-1].lower() in _TITLE_LEAD_INS or before[-1].endswith(("'s", "’s"))):
            return False
        inner = inner[:-1]
    words = inner.split()
    if not words or len(words) > 8 or inner[-1:] in ".,!?;:" or "\n" in inner:
        return False
    return all(word[0].isupper() or len(word) <= 3 for word in words) and words[0][0].isupper()


_TITLE_LEAD_INS = frozenset("on in of from to film show book song album series program programme podcast "
                            "column titled".split())


def attribute(text: str, quotes: list[Quote]) -> Speech:
    """Speech tags and the speaker of each depth-0 quotation of ``text`` (see the module docstring)."""
    return Speech(text, quotes)


class _Reading(NamedTuple):
    """What the text around one top-level quote says, before anyone is resolved."""

    quote: Quote
    title: bool  # a programme or book title: nobody's quote
    narration_start: int  # end of the previous quote or tag: narration before this quote starts here
    before: _Tag | None  # a lead-in tag ("Mr. Trump said:")
    after: _Tag | None  # a tag after the quote ("she said.")
    reported: _Tag | None  # the subject of reported speech around a quoted phrase
    continues: bool  # nothing but the previous quote's tag (or a paragraph break) stands between them
    coordinated: bool  # 'wrote that it would "do its job" and called for "unity"': the same subject


def _read_tags(text: str, top: list[Quote]) -> list[_Reading]:
    """Find the tags beside each quote, in order; nothing here depends on who the speakers are."""
    readings: list[_Reading] = []
    previous_end = 0  # end of the previous quote, or of its tag
    tag_open = False  # the previous quote's tag did not end its sentence ("says Teigen, who …")
    after_quote = False  # the previous quote had no tag and its sentence goes on after it
    next_starts = [quote.start for quote in top[1:]] + [len(text)]
    title: Quote | None = None  # the first of the titles just before this quote, and the limit before it
    title_limit = 0
    # The tests below that skip a call are the called function's own first test (most quotes fail it):
    # about one call in three saved per quote, the same readings.
    for quote, next_start in zip(top, next_starts):
        if (quote.end - quote.start <= TITLE_MAX_CHARS and text[quote.start + 1:quote.start + 2].isupper()
                and _looks_like_title(text, quote)):
            # A programme or book title is nobody's quote, and the speaker before it goes on after it.
            readings.append(_Reading(quote, True, previous_end, None, None, None, False, False))
            if title is None:
                title, title_limit = quote, previous_end
            keeps = tag_open or not text[previous_end:quote.start].strip()
            previous_end = max(previous_end, quote.end) if keeps else quote.end
            continue
        lead = _lead_in(text, previous_end, quote.start)
        embedded = bool(lead) and lead[-1].text not in ",:"
        before = _tag_before(lead) if len(lead) > 1 else None
        inside = text[max(quote.start, quote.end - 12):quote.end].rstrip("\"'”’» \n")
        ends_sentence = inside[-1:] in _SENTENCE_END
        after = _tag_after(text, quote.end, next_start, ends_sentence, embedded)
        reported = _reported(lead) if embedded and after is None and before is None and len(lead) > 1 else None
        if reported is None and embedded and after is None and before is None and title is not None:
            reported = _reported_around_title(text, title, title_limit, quote.start)
        coordinated = (embedded and reported is None and after_quote
                       and not _SENTENCE_BREAK_RE.search(text, previous_end, lead[0].start))
        continues = (after is None and before is None and not embedded
                     and _continues(text, previous_end, quote.start, tag_open))
        readings.append(_Reading(quote, False, previous_end, before, after, reported, continues, coordinated))
        title = None
        previous_end = after.end if after is not None else quote.end
        after_quote = after is None and not ends_sentence
        tag_open = after is not None and text[after.end - 1] not in _SENTENCE_END
    return readings


def _reported_around_title(text: str, title: Quote, limit: int, quote_start: int) -> _Tag | None:
    """ 'Fauci told NBC's "Meet the Press" on Sunday that "we are …"': reported speech whose verb comes
    before a quoted title in the same sentence; the title stands in the sentence as one capitalised word.
    """
    if _SENTENCE_BREAK_RE.search(text, title.end, quote_start) or quote_start - title.end > WINDOW_CHARS:
        return None
    lead = _lead_in(text, limit, title.start)
    if len(lead) < 2:
        return None
    between = _tokens(text, title.end, quote_start)
    if any(token.text in _QUOTE_MARKS for token in between):
        return None
    return _reported([*lead, _Tok(title.start, title.end, "Title", "title"), *between])


def _resolve_speakers(text: str, readings: list[_Reading]) -> tuple[tuple[Attribution, ...], tuple[QuoteSpeaker, ...]]:
    """Who speaks each quote, reading the narration once, left to right, beside the tags found."""
    people = _People(text)
    # Speakers are kept as people until the end, so that each is named by the fullest name the whole
    # article gives ("Pelosi says" in a headline, "House Speaker Nancy Pelosi" below: "Nancy Pelosi").
    tags: list[tuple[int, int, _Person | str]] = []
    speakers: list[tuple[int, int, _Person | str | None]] = []
    previous_speaker: _Person | str | None = None
    for reading in readings:
        quote = reading.quote
        people.read(quote.start)
        if reading.title:
            people.nickname(quote.start, quote.end)  # Harold "Hal" Jefferies
            people.skip(quote.end)
            speakers.append((quote.start, quote.end, None))
            continue
        speaker: _Person | str | None = None
        before, after = reading.before, reading.after
        if before is not None:
            speaker = _speaker(people, before, reading.narration_start)
            if before.end > before.start:
                tags.append((before.start, before.end, speaker))
        people.skip(quote.end)
        if after is not None:
            speaker = _speaker(people, after, reading.narration_start)
            tags.append((after.start, after.end, speaker))
            people.skip(after.end)
        elif before is None:
            if reading.reported is not None:
                speaker = _speaker(people, reading.reported, reading.narration_start)
            elif reading.coordinated or reading.continues:
                speaker = previous_speaker  # '"…," she said, "…"' and a quote paragraph that follows hers
        speakers.append((quote.start, quote.end, speaker or None))
        previous_speaker = speaker or None
    return (tuple(Attribution(start, end, _named(who) or "") for start, end, who in tags),
            tuple(QuoteSpeaker(start, end, _named(who) or None) for start, end, who in speakers))


def _named(who: _Person | str | None) -> str | None:
    return who.name if isinstance(who, _Person) else who


def _continues(text: str, previous_end: int, start: int, tag_open: bool) -> bool:
    """Whether a quote goes on from the previous one: nothing between them, or only the rest of the tag's
    sentence ('"…," says Teigen, who has two kids. "…"', '"…," she said in an interview at her office. "…"').
    """
    if _BLANK_RE.fullmatch(text, previous_end, start):
        return True
    if not tag_open or start - previous_end > WINDOW_CHARS:
        return False
    between = text[previous_end:start]
    if "\n" in between:
        return False
    # '… said on "Face the Nation." "…"': the full stop inside the title's closing mark is the last one
    inner = between.rstrip().rstrip("\"'”’»")
    if len(inner) > WINDOW_CHARS:
        return False
    for stop in _STOP_RE.finditer(inner, 0, len(inner) - 1):
        word = inner[max(0, stop.start() - 8):stop.end()].split()[-1]
        if stop.group() != "." or not _keeps_stop(word):
            return False  # a sentence ends between them; "St. Louis." and "J.D. Vance" do not end one
    return True


def _speaker(people: _People, tag: _Tag, narration_start: int) -> _Person | str:
    """The name a tag gives, registering it as a mention; the appositive names or describes the speaker."""
    who, appositive = tag.who, tag.appositive
    if who is not None and who.kind == "role" and appositive is not None and appositive.kind == "name":
        who, appositive = appositive, who  # "Trump's spokesman, Hogan Gidley, said"
    if who is None:
        return ""
    if who.kind == "name" and appositive is not None and appositive.kind == "role":
        who = _Who("name", who.words, who.position, who.gender or appositive.gender, (*who.roles, *appositive.roles))
    return _resolve(people, who, narration_start, create=not tag.guessed)


def _resolve(people: _People, who: _Who, narration_start: int = 0, create: bool = True) -> _Person | str:
    """The person (or unnamed role, or "") a speaker phrase stands for, noting the mention."""
    if who.kind == "pronoun":
        if not who.gender:
            return ""
        found = people.pronoun(who.gender, who.position, narration_start)
        if isinstance(found, _Person):
            people.note(found, who.position)
        return found or ""
    if who.kind == "group":
        return ""
    if who.kind == "role":
        head = who.roles[0] if who.roles else ""
        if who.words[0].lower() in _DEFINITE and head:
            person = people.role(head)
            if head in _PARTY_MEMBERS and person is None:
                # "the Georgia Republican said": news style for the person the narration just named, as "he"
                found = people.pronoun("", who.position, narration_start)
                person = found if isinstance(found, _Person) else None
            if person is not None:
                return person
        phrase = " ".join(who.words)
        return phrase[0].lower() + phrase[1:] if who.words[0].lower() in _DETERMINERS else phrase
    evident = create or bool(who.roles) or who.gender is not None or _given_gender(who.words[0].lower()) is not None
    person = people.find(list(who.words), who.gender, create=evident and len(who.words) >= 1)
    if person is None:
        return ""
    for role in who.roles:
        person.roles.add(role)
    people.note(person, who.position)
    return person


__all__ = ["Attribution", "QuoteSpeaker", "Speech", "attribute", "find_attributions", "SPEECH_VERBS"]
