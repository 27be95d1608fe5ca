"""The engine against its floor and against line diffs, from one article to a book (issue 2).

Inputs: the seed pair (People's interview and a re-report) and generated pairs (``bench.corpus``) whose
original has 3,000 to 200,000 words and whose re-report reorders, drops and edits shared paragraphs. On the
same inputs in the same run:

``engine``    ``viewer.engine.compare(a, b)`` on fresh strings with the analysis cache cleared: quotes,
              passages, classes, edits, everything the window shows.
``passages``  tokenizing both texts and ``find_passages`` (quotation and chrome masks computed beforehand).
``floor``     only tokenizing both texts with offsets and hashing their ``SEED_WORDS``-word n-grams: no
              matcher that seeds on word n-grams can be faster, so it is the yardstick of the ratios.
``difflib``   ``SequenceMatcher`` on the word lists (``autojunk=False``: with it, frequent words of a long
              text are silently ignored). Quadratic: run up to ``DIFFLIB_MAX_WORDS``, extrapolated above.
``dmp``       diff-match-patch in word mode (each word mapped to one character, its lines-to-chars trick)
              with ``Diff_Timeout = 0``: its default one-second timeout silently answers "everything
              differs" (printed below the table). Run while the run predicted from the last size stays
              under ``DMP_BUDGET_S``.

Every time includes tokenizing, so the ratios compare like with like. ``compare`` pauses the cyclic
garbage collector itself, as in the app, and the floor and passages steps are timed with it paused too, so
the ratios compare like with like (a floor timed with the collector running once read 986 ms at 200,000
words, flattering the engine's ratio); the generated inputs are frozen out of its sight for the other
methods. "moved" is the share of the pair's moved paragraphs that a method links to their new place
(``bench.corpus.moved_found``). Peak memory is what ``compare`` allocates above its inputs, measured by
tracemalloc in a separate run (tracemalloc slows the code it watches). After the table, one line per
target of issue 2 with PASS or FAIL and the figure; when a time target fails, the time of each step of
``compare`` and a short cProfile at that size.

Then two more tables. *Before and after*: the generated 3,000- and 200,000-word pairs compared by this
engine and by the previous one (a checkout named by ``--baseline DIR`` or ``$FRAMING_BENCH_BASELINE``,
e.g. ``git worktree add ../engine-base main``), runs interleaved in one process; this engine may be at
most 10 % slower. *Adversarial inputs* (issue 7): unclosed quote marks, long runs of punctuation, one
word repeated 100,000 times, one paragraph repeated 1,000 times, 20 MB on one line; each is compared
with itself plus one sentence, the text summary included, and may take at most 3x what an ordinary
generated article of as many characters takes.

``python -m bench.engine_bench --profile 200000`` prints a cProfile of one comparison at that size.
``--quick`` stops at 20,000 words and puts 2 MB on one line; ``--only before-after`` or ``--only
adversarial`` prints just that table.

Exports: ``main(argv=None)``.
"""

from __future__ import annotations

import argparse
import cProfile
import difflib
import gc
import io
import math
import os
import pstats
import statistics
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from diff_match_patch import diff_match_patch

from bench.corpus import Changes, GeneratedPair, generate_article, moved_found, related_pair
from viewer.engine import compare, tokenize
from viewer.engine.classify import analyse
from viewer.engine.compare import collector_paused
from viewer.engine.match import SEED_WORDS, MatchSettings, find_passages

SEED_PAIR = ("003", "001")  # People's interview (the original) and a re-report of it
SIZES = (3_000, 10_000, 20_000, 100_000, 200_000)  # words in the generated original
QUICK_MAX_WORDS = 20_000
QUICK_ONE_LINE_CHARS = 2_000_000  # characters of the one-line adversarial input with --quick
RE_REPORT = Changes()  # reordered, dropped and edited shared paragraphs, split quotes, new framing
DIFFLIB_MAX_WORDS = 20_000  # above this difflib takes tens of seconds (quadratic): extrapolated instead
DMP_BUDGET_S = 6.0  # seconds; dmp is skipped where its predicted time exceeds this (10,000 words took 12 s)
DMP_DEFAULT_TIMEOUT_S = 1.0  # seconds, diff-match-patch's own default


def _runs(words: int) -> int:
    """Timed runs per measurement: the median of several for small inputs, fewer for large ones."""
    return 15 if words <= 5_000 else 7 if words <= 20_000 else 3


# Targets of issue 2.
SMALL_TARGET = (3_000, 0.015)  # words, seconds: median of the whole comparison
LARGE_TARGET = (200_000, 1.5)  # words, seconds
MEMORY_TARGET_MIB = 1024.0  # MiB, peak at the largest size
PASSAGES_MAX_RATIO = 3.0  # finding passages, times the floor, at every size
ENGINE_MAX_RATIO = 5.0  # the whole comparison, times the floor, at every size
SLOPE_RANGE = (10_000, 200_000)  # words
MAX_SLOPE = 1.2  # log-log slope of the engine's time against size


@dataclass
class Row:
    """One input's measurements; times in seconds, ``None`` where a method was not run."""

    label: str
    words: int  # words of the original (left text)
    right_words: int
    engine: float
    passages: float
    floor: float
    engine_moved: float | None
    peak_mib: float
    difflib: float | None = None
    difflib_moved: float | None = None
    difflib_note: str = ""
    dmp: float | None = None
    dmp_moved: float | None = None
    dmp_note: str = ""


# ----------------------------------------------------------------------------------------------- methods

def floor(left: str, right: str) -> None:
    """Tokenize both texts and hash every ``SEED_WORDS``-word run of each into a table of positions."""
    for text in (left, right):
        keys = tokenize(text).keys
        table: dict[tuple, list[int]] = {}
        get = table.get
        for position, gram in enumerate(zip(*(keys[offset:] for offset in range(SEED_WORDS)))):
            found = get(gram)
            if found is None:
                table[gram] = [position]
            else:
                found.append(position)


def _ordered(left: str, right: str) -> tuple[str, str]:
    """The order ``compare`` computes in (the smaller text first), so the passages step does the same work."""
    return (right, left) if right < left else (left, right)


def passages(left: str, right: str, masks) -> list:
    """Tokenize both texts and find their passages, as ``compare`` does after its analysis."""
    return find_passages(left, tokenize(left), right, tokenize(right), MatchSettings(), *masks)


def _masks(left: str, right: str):
    left_analysis, right_analysis = analyse(left), analyse(right)
    return (left_analysis.quoted, right_analysis.quoted, left_analysis.chrome, right_analysis.chrome,
            left_analysis.line_starts, right_analysis.line_starts)


def engine(left: str, right: str):
    """The whole comparison from two fresh strings, nothing cached."""
    analyse.cache_clear()
    return compare((left + " ")[:-1], (right + " ")[:-1])


def difflib_blocks(left: str, right: str) -> list[tuple[int, int, int, int]]:
    """difflib's matching blocks between the two word lists, as word-range alignments."""
    matcher = difflib.SequenceMatcher(None, tokenize(left).keys, tokenize(right).keys, autojunk=False)
    return [(block.a, block.a + block.size, block.b, block.b + block.size)
            for block in matcher.get_matching_blocks() if block.size]


def _as_characters(left_keys: list[str], right_keys: list[str]) -> tuple[str, str]:
    """Each distinct word as one character (diff-match-patch's lines-to-chars trick, with words)."""
    table: dict[str, str] = {}

    def encode(keys: list[str]) -> str:
        out = []
        for key in keys:
            char = table.get(key)
            if char is None:
                code = len(table) + 1
                code += 0x800 if code >= 0xD800 else 0  # skip the surrogate block
                char = table[key] = chr(code)
            out.append(char)
        return "".join(out)

    return encode(left_keys), encode(right_keys)


def dmp_blocks(left: str, right: str, timeout: float = 0.0) -> list[tuple[int, int, int, int]]:
    """diff-match-patch's equal runs between the two word lists, as word-range alignments."""
    left_chars, right_chars = _as_characters(tokenize(left).keys, tokenize(right).keys)
    differ = diff_match_patch()
    differ.Diff_Timeout = timeout  # seconds, 0 = no limit
    blocks = []
    left_at = right_at = 0
    for operation, chunk in differ.diff_main(left_chars, right_chars, False):
        size = len(chunk)
        if operation == 0:
            blocks.append((left_at, left_at + size, right_at, right_at + size))
            left_at += size
            right_at += size
        elif operation < 0:
            left_at += size
        else:
            right_at += size
    return blocks


# ------------------------------------------------------------------------------------------- measuring

def _median_seconds(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _paused(function, *args):
    """``function(*args)`` with the cyclic collector held, the condition ``compare`` itself runs under."""
    with collector_paused():
        return function(*args)


def _timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def _peak_mib(left: str, right: str) -> float:
    """MiB that one comparison allocates above its inputs at its peak (tracemalloc)."""
    analyse.cache_clear()
    gc.collect()
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        engine(left, right)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    analyse.cache_clear()
    return (peak - baseline) / 2**20


def _alignments(result) -> list[tuple[int, int, int, int]]:
    return [(*passage.left_words, *passage.right_words) for passage in result.passages]


class _Extrapolation:
    """The last measured (words, seconds) of a quadratic method, to predict or print larger sizes."""

    def __init__(self):
        self.words = self.seconds = None

    def predict(self, words: int) -> float | None:
        return None if self.words is None else self.seconds * (words / self.words) ** 2

    def note(self, words: int) -> str:
        predicted = self.predict(words)
        return "skipped" if predicted is None else f"~{predicted:,.0f} s est."


def measure(label: str, left: str, right: str, pair: GeneratedPair | None,
            difflib_trend: _Extrapolation, dmp_trend: _Extrapolation) -> Row:
    # The generated pairs and their ground truth are a million small objects the window never holds;
    # frozen, the garbage collector skips them, so its passes cost what they would cost in the app.
    gc.collect()
    gc.freeze()
    words, right_words = len(tokenize(left)), len(tokenize(right))
    runs = _runs(words)
    ordered = _ordered(left, right)
    masks = _masks(*ordered)
    row = Row(
        label, words, right_words,
        engine=_median_seconds(lambda: engine(left, right), runs),
        passages=_median_seconds(lambda: _paused(passages, *ordered, masks), runs),
        floor=_median_seconds(lambda: _paused(floor, left, right), runs),
        engine_moved=moved_found(pair, _alignments(engine(left, right))) if pair else None,
        peak_mib=_peak_mib(left, right),
    )
    analyse.cache_clear()
    if words <= DIFFLIB_MAX_WORDS:
        row.difflib = _median_seconds(lambda: difflib_blocks(left, right), max(1, runs // 5))
        difflib_trend.words, difflib_trend.seconds = words, row.difflib
        if pair:
            row.difflib_moved = moved_found(pair, difflib_blocks(left, right))
    else:
        row.difflib_note = difflib_trend.note(words)
    predicted = dmp_trend.predict(words)
    if predicted is None or predicted <= DMP_BUDGET_S:
        seconds, blocks = _timed(lambda: dmp_blocks(left, right))  # one run: seconds each
        row.dmp = seconds
        dmp_trend.words, dmp_trend.seconds = words, seconds
        if pair:
            row.dmp_moved = moved_found(pair, blocks)
    else:
        row.dmp_note = dmp_trend.note(words)
    return row


def _seed_texts() -> tuple[str, str]:
    from viewer.storage.importers import read_document

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    left, right = (next(seeds.glob(f"{number}_*.txt")) for number in SEED_PAIR)
    return read_document(left).text, read_document(right).text


# --------------------------------------------------------------------------------------------- printing

def _ms(seconds: float | None, note: str = "") -> str:
    if seconds is None:
        return note or "-"
    return f"{seconds * 1000:,.1f}" if seconds < 10 else f"{seconds * 1000:,.0f}"


def _ratio(seconds: float | None, floor_seconds: float) -> str:
    return "" if seconds is None else f"{seconds / floor_seconds:,.1f}x"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def print_table(rows: list[Row]) -> None:
    header = ("input", "words L/R", "engine ms", "x floor", "passages ms", "x floor", "floor ms",
              "difflib ms", "x floor", "moved", "dmp ms", "x floor", "moved", "engine moved", "peak MiB")
    lines = [header]
    for row in rows:
        lines.append((
            row.label, f"{row.words:,}/{row.right_words:,}",
            _ms(row.engine), _ratio(row.engine, row.floor),
            _ms(row.passages), _ratio(row.passages, row.floor),
            _ms(row.floor),
            _ms(row.difflib, row.difflib_note), _ratio(row.difflib, row.floor), _share(row.difflib_moved),
            _ms(row.dmp, row.dmp_note), _ratio(row.dmp, row.floor), _share(row.dmp_moved),
            _share(row.engine_moved), f"{row.peak_mib:,.1f}",
        ))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    for number, line in enumerate(lines):
        print("  ".join(cell.ljust(width) if column == 0 else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(line, widths))))
        if number == 0:
            print("  ".join("-" * width for width in widths))


def slope(rows: list[Row], attribute: str) -> float | None:
    """Least-squares slope of log(time) against log(words) over the generated sizes in ``SLOPE_RANGE``."""
    points = [(math.log(row.words), math.log(getattr(row, attribute))) for row in rows
              if row.label != "seed pair" and SLOPE_RANGE[0] * 0.9 <= row.words <= SLOPE_RANGE[1] * 1.1]
    spanned = [row.words for row in rows if row.label != "seed pair"]
    if (len(points) < 2 or min(spanned) > SLOPE_RANGE[0] * 1.1 or max(spanned) < SLOPE_RANGE[1] * 0.9):
        return None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    return (sum((x - mean_x) * (y - mean_y) for x, y in points)
            / sum((x - mean_x) ** 2 for x, _ in points))


def _nearest(rows: list[Row], words: int) -> Row | None:
    generated = [row for row in rows if row.label != "seed pair"]
    row = min(generated, key=lambda row: abs(row.words - words), default=None)
    return row if row is not None and abs(row.words - words) <= 0.1 * words else None


def print_targets(rows: list[Row]) -> list[int]:
    """One line per target; returns the sizes (words) whose time target failed."""
    def line(passed: bool | None, text: str) -> None:
        print(f"{'PASS' if passed else 'n/a ' if passed is None else 'FAIL'}  {text}")

    failed_sizes = []
    small = _nearest(rows, SMALL_TARGET[0])
    if small:
        passed = small.engine < SMALL_TARGET[1]
        line(passed, f"{small.words:,}-word pair in under {SMALL_TARGET[1] * 1000:.0f} ms median: "
                     f"{small.engine * 1000:.1f} ms")
        if not passed:
            failed_sizes.append(small.words)
    else:
        line(None, f"{SMALL_TARGET[0]:,}-word pair: not measured")
    large = _nearest(rows, LARGE_TARGET[0])
    if large:
        passed = large.engine < LARGE_TARGET[1]
        line(passed, f"{large.words:,}-word pair in under {LARGE_TARGET[1]:.1f} s: {large.engine:.2f} s")
        if not passed:
            failed_sizes.append(large.words)
        line(large.peak_mib < MEMORY_TARGET_MIB,
             f"{large.words:,}-word pair peak memory under {MEMORY_TARGET_MIB:,.0f} MiB: {large.peak_mib:,.0f} MiB")
    else:
        line(None, f"{LARGE_TARGET[0]:,}-word pair: not measured (--quick)")
    for attribute, limit, what in (("passages", PASSAGES_MAX_RATIO, "finding passages"),
                                   ("engine", ENGINE_MAX_RATIO, "whole comparison")):
        worst = max(rows, key=lambda row: getattr(row, attribute) / row.floor)
        ratio = getattr(worst, attribute) / worst.floor
        over = [row.label for row in rows if getattr(row, attribute) / row.floor > limit]
        passed = ratio <= limit
        line(passed, f"{what} at most {limit:.0f}x the floor at every size: worst {ratio:.1f}x "
                     f"({worst.label}){'; over at: ' + ', '.join(over) if over else ''}")
        if not passed and worst.label != "seed pair":
            failed_sizes.append(worst.words)
    value = slope(rows, "engine")
    if value is None:
        line(None, f"log-log slope: needs sizes from {SLOPE_RANGE[0]:,} to {SLOPE_RANGE[1]:,} words")
    else:
        line(value < MAX_SLOPE, f"time close to linear, log-log slope under {MAX_SLOPE} from "
                                f"{SLOPE_RANGE[0]:,} to {SLOPE_RANGE[1]:,} words: {value:.2f}")
        print(f"      (slope of finding passages: {slope(rows, 'passages'):.2f}; "
              f"of the floor: {slope(rows, 'floor'):.2f})")
    return sorted(set(failed_sizes))


def print_dmp_timeout(pair: GeneratedPair) -> None:
    """What diff-match-patch does with its default timeout on a pair too large for it."""
    words = len(tokenize(pair.left))
    seconds, blocks = _timed(lambda: dmp_blocks(pair.left, pair.right, DMP_DEFAULT_TIMEOUT_S))
    equal = sum(block[1] - block[0] for block in blocks)
    print(f"dmp with its default {DMP_DEFAULT_TIMEOUT_S:.0f} s timeout at {words:,} words: returned after "
          f"{seconds:.1f} s with {equal / words:.1%} of the words equal"
          f"{' (it timed out: everything reported as different)' if equal < 0.01 * words else ''}; "
          f"moved paragraphs found: {moved_found(pair, blocks):.0%}")


def stage_seconds(left: str, right: str, runs: int) -> dict[str, float]:
    """Median seconds of each step of one comparison, both texts, without a profiler's overhead.

    The steps are those ``compare`` takes: ``analyse`` of each text (tokens, quotations, speech tags,
    chrome lines, then zones and masks), then ``find_passages``, then ``classify`` of each side. Each is
    timed on its own, so on a busy machine the parts need not add up to the whole.
    """
    from viewer.engine.boilerplate import boilerplate_lines
    from viewer.engine.classify import classify
    from viewer.engine.quotes import find_quotes
    from viewer.engine.speakers import attribute

    left, right = _ordered(left, right)
    quotes = {text: find_quotes(text) for text in (left, right)}
    words = {text: tokenize(text) for text in (left, right)}  # compare reads chrome lines from its tokens

    def analysed():
        analyse.cache_clear()
        return analyse(left), analyse(right)

    left_analysis, right_analysis = analysed()
    found = passages(left, right, _masks(left, right))
    steps = {
        "tokenize": lambda: (tokenize(left), tokenize(right)),
        "find_quotes": lambda: (find_quotes(left), find_quotes(right)),
        "attribute (speech tags)": lambda: [attribute(text, quotes[text]) for text in (left, right)],
        "boilerplate_lines": lambda: (boilerplate_lines(left, words[left]), boilerplate_lines(right, words[right])),
        "analyse (above + zones)": analysed,
        "find_passages": lambda: find_passages(left, left_analysis.tokens, right, right_analysis.tokens,
                                               MatchSettings(), left_analysis.quoted, right_analysis.quoted,
                                               left_analysis.chrome, right_analysis.chrome,
                                               left_analysis.line_starts, right_analysis.line_starts),
        "classify": lambda: (classify(left_analysis, [passage.left_words for passage in found]),
                             classify(right_analysis, [passage.right_words for passage in found])),
        "compare (whole)": lambda: engine(left, right),
    }
    return {name: _median_seconds(step, runs) for name, step in steps.items()}


def print_stages(left: str, right: str, runs: int) -> None:
    seconds = stage_seconds(left, right, runs)
    whole = seconds["compare (whole)"]
    for name in seconds:
        print(f"  {name:<28} {seconds[name] * 1000:>10,.1f} ms  {seconds[name] / whole:>4.0%}")


def print_profile(left: str, right: str, lines: int = 12) -> None:
    """cProfile of one comparison: engine functions by cumulative time, then everything by own time."""
    analyse.cache_clear()
    profiler = cProfile.Profile()
    profiler.runcall(engine, left, right)
    for order, restriction, title in (("cumulative", "viewer/engine", "engine functions by cumulative time"),
                                      ("tottime", "", "all functions by own time (builtins included)")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats(order)
        stats.print_stats(*([restriction] if restriction else []), lines)
        text = out.getvalue()
        print(f"  {title}:")
        print(text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text.rstrip())


# ------------------------------------------------------------------------------------- before and after

BASELINE_ENV = "FRAMING_BENCH_BASELINE"  # folder of a checkout of the previous engine (a `git worktree` of main)
BEFORE_AFTER_SIZES = (3_000, 200_000)  # words of the generated pairs timed with both engines
BEFORE_AFTER_MAX_SLOWDOWN = 1.10  # this engine may take at most 10 % longer than the previous one


def load_baseline(directory: str):
    """The ``viewer/engine`` package of another checkout, imported as ``baseline_engine`` beside this one.

    The engine imports only itself (relatively), the standard library and diff-match-patch, so its folder
    loads as a separate package: both engines run in one process, on the same inputs, in the same run.
    """
    import importlib.util
    import sys

    folder = Path(directory).expanduser() / "viewer" / "engine"
    if not (folder / "__init__.py").is_file():
        raise FileNotFoundError(f"no engine at {folder}")
    spec = importlib.util.spec_from_file_location("baseline_engine", folder / "__init__.py",
                                                  submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_engine"] = module
    spec.loader.exec_module(module)
    return module


def before_after(baseline, sizes=BEFORE_AFTER_SIZES) -> list[tuple[str, float, float]]:
    """``(label, previous engine's seconds, this engine's seconds)``: medians, runs interleaved.

    The two engines take turns on the same fresh strings, so a busy moment of the machine slows both.
    """
    rows = []
    for size in sizes:
        pair = related_pair(size, size, RE_REPORT)
        before, after = [], []
        for _ in range(_runs(size) + 2):
            for module, times in ((baseline, before), (None, after)):
                (module.classify.analyse if module else analyse).cache_clear()
                left, right = (pair.left + " ")[:-1], (pair.right + " ")[:-1]
                started = time.perf_counter()
                (module.compare if module else compare)(left, right)
                times.append(time.perf_counter() - started)
        rows.append((f"generated {size // 1000}k", statistics.median(before), statistics.median(after)))
    return rows


def print_before_after(directory: str | None) -> None:
    print(f"this engine against the previous one ({BASELINE_ENV} or --baseline), same run, medians:")
    if not directory:
        print(f"n/a   no previous engine given: set {BASELINE_ENV} or pass --baseline to a checkout of main")
        return
    try:
        baseline = load_baseline(directory)
    except (OSError, ImportError) as error:
        print(f"n/a   cannot load the previous engine from {directory}: {error}")
        return
    for label, before, after in before_after(baseline):
        ratio = after / before
        print(f"{'PASS' if ratio <= BEFORE_AFTER_MAX_SLOWDOWN else 'FAIL'}  {label}: before {_ms(before)} ms, "
              f"after {_ms(after)} ms ({ratio - 1:+.0%}; at most {BEFORE_AFTER_MAX_SLOWDOWN - 1:+.0%})")


# ---------------------------------------------------------------------------------------- adversarial

ADVERSARIAL_MAX_RATIO = 3.0  # an adversarial input may take at most this many times an ordinary text's time
ONE_LINE_CHARS = 20_000_000  # characters of the one-line input ("20 MB on one line")
OWN_SENTENCE = " A sentence of our own goes here today. "


def adversarial_inputs(one_line_chars: int = ONE_LINE_CHARS) -> list[tuple[str, str, str | None]]:
    """``(label, text, other text or None)`` of inputs built to defeat a careless scanner or matcher (issue 7).

    Each is the worst case of one stage: open quote marks that never close (the quote scanner's stack),
    long runs of one punctuation mark (sentence splitting), one word or one paragraph repeated (seed
    tables and tiling), a whole long article on one line (every line-based rule), quotations with a
    lead-in tag on one line (the tag finder), and one quotation left open over a whole article against a
    text sharing only four-word fragments of it (thousands of short quoted matches in one quotation).
    Without another text, an input is compared with itself plus one sentence.
    """
    article = generate_article(7, 2_000).text()
    paragraph = max(article.split("\n\n")[1:], key=len)
    ordinary = _ordinary(one_line_chars)
    words = _ordinary(600_000).split()
    fragments = [word for start in range(0, len(words), 9)
                 for word in words[start:start + 4] + [f"other{start}x{k}" for k in range(5)]]
    return [
        ("80,000 unclosed “ (240 KB)", "“" * 80_000, None),
        ("80,000 unclosed \" before words", ' "word' * 80_000, None),
        ("100,000 !", "!" * 100_000, None),
        ("100,000 . ? … in a sentence", "Wait" + ".?…" * 33_334 + " then", None),
        ("one word x 100,000", "news " * 100_000, None),
        ("one paragraph x 1,000", "\n\n".join([paragraph] * 1_000), None),
        ("80,000 tagged quotes on one line", 'He said, "yes" ' * 80_000, None),
        ("open quotation, 4-word fragments", '"' + " ".join(words), '"' + " ".join(fragments)),
        (f"{one_line_chars / 1e6:.0f} MB on one line", ordinary.replace("\n", " "), None),
    ]


def _ordinary(chars: int) -> str:
    """A generated article of ``chars`` characters (cut at a space), the yardstick of the adversarial rows."""
    text = generate_article(8, chars // 6 + 1_000).text()
    cut = text.rfind(" ", 0, chars)
    return text[:cut if cut > 0 else chars]


def _with_sentence(text: str) -> str:
    """``text`` with one sentence of its own in the middle: what a re-report of it would add."""
    middle = len(text) // 2
    return text[:middle] + OWN_SENTENCE + text[middle:]


def compare_and_summarise(text: str, other: str | None = None) -> str:
    """The whole of ``framing-viewer compare``'s work: ``text`` against ``other`` (by default itself with a
    sentence added), summary included (the summary lists the framing sentences)."""
    from viewer.cli import format_text

    analyse.cache_clear()
    with collector_paused():
        return format_text(compare((text + " ")[:-1], _with_sentence(text) if other is None else other))


def adversarial_rows(one_line_chars: int = ONE_LINE_CHARS) -> list[tuple[str, int, float, float]]:
    """``(label, characters, seconds, seconds of an ordinary text of the same size)`` per input."""
    rows = []
    for label, text, other in adversarial_inputs(one_line_chars):
        ordinary = _ordinary(len(text))
        runs = 3 if len(text) <= 2_000_000 else 1  # a 20 MB comparison takes tens of seconds
        seconds = _median_seconds(lambda: compare_and_summarise(text, other), runs)
        reference = _median_seconds(lambda: compare_and_summarise(ordinary), runs)
        rows.append((label, len(text), seconds, reference))
        print(f"  measured {label}", flush=True)
    return rows


def print_adversarial(rows) -> None:
    print(f"adversarial inputs, each compared with itself plus one sentence (or its pair), summary included "
          f"(at most {ADVERSARIAL_MAX_RATIO:.0f}x an ordinary text of as many characters):")
    width = max(len(row[0]) for row in rows)
    print(f"      {'input':<{width}}  {'chars':>12}  {'time ms':>10}  {'ordinary ms':>11}  ratio")
    for label, chars, seconds, reference in rows:
        ratio = seconds / reference
        print(f"{'PASS' if ratio <= ADVERSARIAL_MAX_RATIO else 'FAIL'}  {label:<{width}}  {chars:>12,}  "
              f"{_ms(seconds):>10}  {_ms(reference):>11}  {ratio:.2f}x")


# ------------------------------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.engine_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"stop at {QUICK_MAX_WORDS:,} words")
    parser.add_argument("--profile", type=int, metavar="WORDS", help="profile one comparison of this size")
    parser.add_argument("--baseline", metavar="DIR", default=os.environ.get(BASELINE_ENV),
                        help=f"checkout of the previous engine to time against (default: ${BASELINE_ENV})")
    parser.add_argument("--only", choices=("before-after", "adversarial"), help="print only this table")
    args = parser.parse_args(argv or [])
    if args.profile:
        pair = related_pair(args.profile, args.profile, RE_REPORT)
        print(f"cProfile of compare() on a generated {args.profile:,}-word pair:")
        print_profile(pair.left, pair.right, lines=25)
        return

    if args.only != "adversarial":
        if args.only is None:
            main_table(args.quick)
            print()
        print_before_after(args.baseline)
    if args.only != "before-after":
        print()
        print_adversarial(adversarial_rows(QUICK_ONE_LINE_CHARS if args.quick else ONE_LINE_CHARS))


def main_table(quick: bool) -> None:
    """The engine, its steps, its floor, difflib and dmp on the seed pair and the generated pairs."""
    sizes = [size for size in SIZES if not quick or size <= QUICK_MAX_WORDS]
    print(f"engine vs floor (tokenize + hash {SEED_WORDS}-grams), difflib and diff-match-patch (word mode); "
          f"times are medians, ms")
    difflib_trend, dmp_trend = _Extrapolation(), _Extrapolation()
    rows = [measure("seed pair", *_seed_texts(), None, difflib_trend, dmp_trend)]
    pairs = {}
    for size in sizes:
        pair = pairs[size] = related_pair(size, size, RE_REPORT)
        rows.append(measure(f"generated {size // 1000}k", pair.left, pair.right, pair, difflib_trend, dmp_trend))
        print(f"  measured {rows[-1].label} ({len(pair.moved):,} moved paragraphs)", flush=True)
    print()
    print_table(rows)
    print()
    skipped = [size for size, row in zip(sizes, rows[1:]) if row.dmp is None]
    for size in skipped[:1] + skipped[-1:] if len(skipped) > 1 else skipped:
        print_dmp_timeout(pairs[size])
    print()
    failed_sizes = print_targets(rows)
    for size in failed_sizes:
        pair = pairs.get(size) or related_pair(size, size, RE_REPORT)
        print(f"\nwhere the time goes at {size:,} words (steps of compare, medians, both texts):")
        print_stages(pair.left, pair.right, max(1, _runs(size) // 3))
        print(f"cProfile of one comparison at {size:,} words:")
        print_profile(pair.left, pair.right, lines=8)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
