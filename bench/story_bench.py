"""The whole story at once (issue 8): ``build_story`` on 100 to 1,000 generated articles of 800 words.

Inputs: ``bench.story_corpus.big_story``: one original interview per 50 articles, the rest re-reports of a
random original that carry, alter, drop, trim, split and merge its quotations, add their own narration and
quotations, and a fifth of which copy another re-report's narration. Each size runs in a fresh process
(``--one N``), so the caches start empty and the process's peak memory belongs to that size alone:

``build``   seconds of the first ``build_story`` (analysis cache empty): index, quote matrix, aligning the
            candidate pairs with ``compare``, provenance and framing. Median of ``REPEATS`` for small sizes.
``again``   the same documents built a second time (the story cache).
``peak``    the process's peak resident memory above what it held before the build (inputs and
            interpreter excluded), MiB.

Also the four seed articles. After the table, one line per target with PASS or FAIL: 200 articles under 5 s,
1,000 under 20 s, log-log slope of ``build`` from 100 to 1,000 articles under 1.3.

``python -m bench.story_bench --profile 1000`` prints a cProfile of one build at that size.

Exports: ``main(argv=None)``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import pstats
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SIZES = (100, 200, 400, 1000)  # articles
WORDS = 800  # words per article
REPEATS = 3  # builds per size up to REPEATS_MAX_ARTICLES (each in its own process); one above it
REPEATS_MAX_ARTICLES = 200
TARGETS = {200: 5.0, 1000: 20.0}  # articles -> seconds
SLOPE_TARGET = 1.3  # log-log slope of build time from 100 to 1,000 articles
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _documents(articles: int):
    if articles == 0:
        from viewer.storage.importers import read_document

        return [read_document(path) for path in sorted(SEEDS.glob("*.txt"))]
    from bench.story_corpus import big_story

    return big_story(articles, articles, WORDS)


def _resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def _peak_mib() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's ru_maxrss: Linux keeps ru_maxrss across
    exec, so a build started by a bench run that had just compared 20 MB read as the parent's 1.8 GiB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure_one(articles: int) -> dict:
    """One build in this process: seconds, seconds again (cached), peak MiB above the inputs, counts."""
    from viewer.engine.story import build_story

    documents = _documents(articles)
    gc.collect()
    before = _resident_mib()
    started = time.perf_counter()
    story = build_story(documents)
    seconds = time.perf_counter() - started
    peak = _peak_mib()
    started = time.perf_counter()
    build_story(documents)
    again = time.perf_counter() - started
    return {"seconds": seconds, "again": again, "peak": max(0.0, peak - before),
            "words": sum(document.word_count for document in documents), "rows": len(story.quotes),
            "links": len(story.provenance)}


def _run_child(articles: int) -> dict:
    result = subprocess.run([sys.executable, "-m", "bench.story_bench", "--one", str(articles)],
                            capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(articles: int) -> dict:
    runs = [_run_child(articles) for _ in range(REPEATS if articles <= REPEATS_MAX_ARTICLES else 1)]
    found = dict(runs[0])
    for field in ("seconds", "again", "peak"):
        found[field] = statistics.median(run[field] for run in runs)
    return found


def print_profile(articles: int, lines: int = 20) -> None:
    from viewer.engine.story import build_story

    documents = _documents(articles)
    profile = cProfile.Profile()
    profile.enable()
    build_story(documents)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(lines)
    print(out.getvalue())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.story_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--one", type=int, metavar="ARTICLES", help="measure one size here, print JSON (0: seeds)")
    parser.add_argument("--profile", type=int, metavar="ARTICLES", help="profile one build of this size")
    args = parser.parse_args(argv or [])
    if args.one is not None:
        print(json.dumps(measure_one(args.one)))
        return
    if args.profile:
        print_profile(args.profile)
        return
    print(f"build_story on generated stories of {WORDS}-word articles (each size in a fresh process)")
    rows = [("seeds (4 articles)", measure(0))]
    for articles in SIZES:
        rows.append((f"{articles:,} articles", measure(articles)))
        print(f"  measured {rows[-1][0]}", flush=True)
    print()
    print(f"| {'story':<20} | {'words':>9} | {'rows':>6} | {'links':>6} | {'build':>8} | {'again':>8} | {'peak':>9} |")
    print(f"| {'-' * 20} | {'-' * 9} | {'-' * 6} | {'-' * 6} | {'-' * 8} | {'-' * 8} | {'-' * 9} |")
    for label, row in rows:
        print(f"| {label:<20} | {row['words']:>9,} | {row['rows']:>6,} | {row['links']:>6,} | "
              f"{row['seconds']:>7.2f}s | {row['again'] * 1000:>6.2f}ms | {row['peak']:>5.0f} MiB |")
    print()
    by_size = dict(zip(SIZES, (row for _, row in rows[1:])))
    for articles, limit in TARGETS.items():
        seconds = by_size[articles]["seconds"]
        print(f"{'PASS' if seconds < limit else 'FAIL'}  {articles:,} articles in {seconds:.2f} s (target under {limit:g} s)")
    slope = math.log(by_size[SIZES[-1]]["seconds"] / by_size[SIZES[0]]["seconds"]) / math.log(SIZES[-1] / SIZES[0])
    print(f"{'PASS' if slope < SLOPE_TARGET else 'FAIL'}  log-log slope {slope:.2f} from {SIZES[0]:,} to "
          f"{SIZES[-1]:,} articles (target under {SLOPE_TARGET})")


if __name__ == "__main__":
    main(sys.argv[1:])
