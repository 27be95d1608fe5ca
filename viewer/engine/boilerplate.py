"""Page chrome: the lines a saved web page carries that no journalist wrote for this story.

A line (paragraph) is boilerplate when one of two general rules holds:

1. **Chrome phrases.** A short line (at most ``PATTERN_MAX_WORDS`` words) that contains one of the phrases in
   ``CHROME_PATTERNS``: navigation ("skip to main content"), comment widgets ("view all comments",
   "leave a comment", "notify of"), sharing and newsletter prompts, image credits, promotions that send the
   reader elsewhere ("watch the full episode ... app"), a wire story's credit line standing alone
   ("(Reporting by Jane Doe; Editing by John Roe)", "Associated Press writer X contributed to this
   report."). The list names kinds of page furniture, not sentences of any particular article.
2. **Widget labels.** A very short line (at most ``LABEL_MAX_WORDS`` words) with no sentence punctuation at
   its end that either starts with an interface verb ("Share", "Leave", "View", "Notify") or has no
   stop word at all and every word capitalised ("Inline Feedbacks", a bare name under a photo). Section
   headings written by the outlet ("An emotional journey") carry stop words and stay framing.

The first line of an article is its headline and is never judged by rule 2.

Newsroom formulas inside prose are not chrome, but they are not shared reporting either: wire stories say
"The Associated Press contributed to this report" and ask people who "did not immediately respond to a
request for comment". ``formula_spans(text)`` finds them (``NEWSROOM_FORMULAS``) so that the matcher never
counts them as copying; they stay the outlet's framing. A credit standing alone on its line is chrome (rule 1).

Exports: ``boilerplate_lines(text, tokens=None) -> list[(start, end)]``, ``is_boilerplate_line(line, first=False)``,
``formula_spans(text) -> list[(start, end)]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .text import STOP_WORDS, WORD_RE, Tokens

PATTERN_MAX_WORDS = 30  # words; a longer paragraph is prose even if it mentions "comments" or "credit"
CHROME_MAX_CHARS = 300  # characters; a longer line is prose (checked first: most paragraphs leave here)
LABEL_MAX_WORDS = 4  # words

CHROME_PATTERNS = re.compile(
    r"""
      \bskip\ to\ (?:main\ )?(?:content|navigation|header|footer)\b
    | \b(?:view|show|load|see)\ (?:all\ |more\ )?comments?\b
    | \b(?:leave|post|add)\ a\ (?:comment|reply)\b
    | \bnotify\ (?:me\ )?of\b
    | \binline\ feedbacks?\b
    | \b(?:share|tweet|pin)\ (?:this|on)\b
    | \bsign\ up\ (?:for|to)\b
    | \bsubscribe\ (?:to|now|for)\b
    | \bnewsletters?\b.{0,40}\b(?:inbox|sign|subscribe|email)\b
    | \bpush\ notifications?\b
    | \b(?:image|photo|pic|picture|video)\ (?:credit|zoom|courtesy|source)\b
    | ^\s*(?:credit|photo|image|source)\s*:
    | \badvertisement\b
    | \bread\ more\b\s*:?\s*$
    | \b(?:related|recommended)\ (?:stories|articles|content|posts?)\b
    | \bfollow\ us\b
    | \b(?:accept|manage)\ (?:all\ )?cookies\b
    | ^\s*(?:watch|listen|stream|download)\b.{0,120}\b(?:app|podcast|episode|\w+\.com)\b
    | ^\W*for\ immediate\ release\W*$
    | ^\W*(?:media|press|news)\ contacts?\W*$
    | ^\W*(?:additional\ )?(?:reporting|editing|writing)\ by\b
    | \bcontributed\ (?:reporting\ )?to\ this\ (?:report|story|article)\W*$
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Every alternative of CHROME_PATTERNS contains one of these words (tests/engine/test_text.py has a line
# for each alternative).
PATTERN_KEY_WORDS = frozenset(
    "skip comment comments reply notify inline feedback feedbacks share tweet pin sign subscribe newsletter "
    "newsletters push credit zoom courtesy source photo image pic picture video advertisement read related "
    "recommended follow cookies watch listen stream download immediate contact contacts reporting editing "
    "writing contributed".split()
)

NEWSROOM_FORMULAS = re.compile(
    r"""
      \b(?:did|does|has)\ not\ (?:immediately\ )?(?:respond|reply|return)\ (?:to\ )?(?:an?\ |multiple\ |several\ )?
        (?:requests?|emails?|messages?|calls?|inquir(?:y|ies))(?:\ (?:for|seeking)\ comment)?
    | \bcould\ not\ (?:immediately\ )?be\ reached\ for\ comment\b
    | \b(?:declined|refused)\ to\ comment\b
    | \bcontributed\ (?:reporting\ )?to\ this\ (?:report|story|article)\b
    | \bthis\ (?:story|article|report)\ (?:has\ been|was)\ updated\b
    | \b(?:editing|reporting|writing)\ by\ [A-Z]
    | \bat\ the\ time\ of\ (?:publication|writing)\b
    | \bfor\ more\ information\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Every formula contains one of these words; a text without any of them is not searched (the pattern is slow).
FORMULA_KEY_WORDS = frozenset("comment contributed updated editing reporting writing publication information".split())


def formula_spans(text: str, words=None) -> list[tuple[int, int]]:
    """Character ranges of the newsroom formulas in ``text``, in order.

    ``words``, the text's folded words when the caller has them, let a text with no formula key word skip
    the search.
    """
    if words is not None and FORMULA_KEY_WORDS.isdisjoint(words):
        return []
    return [match.span() for match in NEWSROOM_FORMULAS.finditer(text)]


INTERFACE_VERBS = frozenset(
    "share tweet pin email print comment comments leave view notify subscribe follow sign log login "
    "register skip load show hide close menu search reply like watch listen download".split()
)

_SENTENCE_END = (".", "!", "?", ":", ".”", '."', "!”", '!"', "?”", '?"')


def is_boilerplate_line(line: str, first: bool = False) -> bool:
    """Whether one line of text is page chrome (see the module docstring for the rules)."""
    if len(line) > CHROME_MAX_CHARS:
        return False
    words = WORD_RE.findall(line)
    return _is_chrome(line, first, len(words), None, lambda: words)


def _is_chrome(line: str, first: bool, count: int, keys: list[str] | None, words) -> bool:
    """``is_boilerplate_line`` given the number of the line's words (``WORD_RE``), the same words lowered
    when known, and a function giving the words themselves (most lines never need them).
    """
    if not count:
        # A line of symbols only ("©", "•••") is decoration; an empty line is nothing at all.
        return bool(line.strip())
    if count > PATTERN_MAX_WORDS:
        return False
    if keys is not None:
        lowered = set(keys)
    elif line.isascii():
        # The same set, without a second regular-expression scan: lowering ASCII moves no word boundary.
        lowered = set(" ".join(words()).lower().split())
    else:
        lowered = set(WORD_RE.findall(line.lower()))
    # The pattern list is slow to try on every paragraph; a line without any of its key words cannot match.
    if not lowered.isdisjoint(PATTERN_KEY_WORDS) and CHROME_PATTERNS.search(line):
        return True
    if first or count > LABEL_MAX_WORDS or line.rstrip().endswith(_SENTENCE_END):
        return False
    words = words()
    if words[0].lower() in INTERFACE_VERBS:
        return True
    no_stop_words = lowered.isdisjoint(STOP_WORDS)
    all_capitalised = all(word[0].isupper() or word[0].isdigit() for word in words)
    return no_stop_words and all_capitalised


def boilerplate_lines(text: str, tokens: Tokens | None = None) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of the boilerplate lines of ``text``, in order, end exclusive.

    ``tokens``, the text's words when the caller has them, spare scanning each short line for its words
    again (a word never spans a line break, so a line's words are the tokens between its ends).
    """
    found: list[tuple[int, int]] = []
    first = True
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            if len(line) > CHROME_MAX_CHARS:
                chrome = False
            elif tokens is None:
                chrome = is_boilerplate_line(line, first=first)
            else:
                low, high = bisect_left(tokens.starts, position), bisect_left(tokens.starts, end)
                keys = tokens.keys[low:high] if line.isascii() else None  # an ASCII word's key is it lowered
                chrome = high - low <= PATTERN_MAX_WORDS and _is_chrome(
                    line, first, high - low, keys,
                    lambda: [text[start:stop] for start, stop in zip(tokens.starts[low:high], tokens.ends[low:high])])
            if chrome:
                found.append((position, end))
            elif first:
                first = False  # the headline is the first line that is not chrome
        position = end + 1
    return found
