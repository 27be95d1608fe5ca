"""The window's speed targets (issue 3), measured through the real widgets offscreen.

``seed pair``   from asking for a pair of seed articles (comparison not cached, engine caches cleared) until
                its colours are in, the bands painted and the window idle; median of ``SEED_RUNS`` runs over
                the three People / re-report pairs. Target: under 150 ms.
``50k pair``    the same for a generated original of 50,000 words and its re-report (``bench.corpus``);
                meanwhile a 10 ms timer measures the longest the event loop went without answering (a
                stall). Targets: under 1.5 s, no stall over 100 ms.
``200 files``   dropping 200 generated text files (about 400 words each) on the window until the import
                report is out, the progress bar shown throughout; longest stall measured the same way until
                the new documents' share bars are compared too. Target: under 5 s.

``story tab``    from Alt+2 (the Story tab) on the four seeds, nothing cached (engine and tab caches cleared),
                until the story is on the tab and the window painted; median of ``SEED_RUNS`` runs, and the
                same for reopening it (cached). Target: under 300 ms.

Every run uses a fresh data folder; nothing touches the user's library. Prints one table, then one line
per target with PASS or FAIL.

Exports: ``main(argv=None)``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEED_RUNS = 15  # runs of the seed pair; the median is reported
LARGE_WORDS = 50_000  # words in the generated original of the large pair
IMPORT_FILES = 200  # files dropped at once
IMPORT_WORDS = 400  # words per dropped file
TICK_MS = 10  # milliseconds between the stall detector's timer ticks
TARGETS = {"seed pair": 0.150, "50k pair": 1.5, "200 files": 5.0, "stall": 0.100, "story tab": 0.300}  # seconds


class StallMeter:
    """Longest gap between ticks of a 10 ms timer while it runs: how long the window could not answer."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = None

    def _tick(self):
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last - TICK_MS / 1000)
        self._last = now

    def __enter__(self):
        self._last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self._tick()
        self.timer.stop()


def _wait(app, condition, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not finish in time")
        app.processEvents()
        time.sleep(0.0005)


def _open(app, folder: Path):
    from viewer.app import open_window

    controller = open_window(folder)
    controller.window.show()
    _wait(app, controller.is_idle)
    return controller


def _drawn(app, controller) -> None:
    """Wait until the pair is compared and coloured, then paint the whole window once, synchronously:
    the time includes the panes' text, the bands and the maps on screen."""
    _wait(app, controller.is_idle)
    controller.window.repaint()


def bench_seed_pair(app, folder: Path) -> list[float]:
    from viewer.engine.classify import analyse

    controller = _open(app, folder)
    ids = [entry.id for entry in controller.model.entries]
    people, reprints = ids[0], ids[1:]
    times = []
    for run in range(SEED_RUNS):
        right = reprints[run % len(reprints)]
        controller.comparer.cache = type(controller.comparer.cache)()
        analyse.cache_clear()
        controller.show_pair(people, reprints[(run + 1) % len(reprints)])
        _drawn(app, controller)
        started = time.perf_counter()
        controller.comparer.cache = type(controller.comparer.cache)()
        analyse.cache_clear()
        controller.show_pair(people, right)
        _drawn(app, controller)
        times.append(time.perf_counter() - started)
    controller.window.close()
    controller.library.close()
    return times


def bench_large_pair(app, folder: Path) -> tuple[float, float, int]:
    from bench.corpus import related_pair
    from viewer.engine import Document

    pair = related_pair(7, LARGE_WORDS)
    controller = _open(app, folder)
    left, _ = controller.library.add(Document.from_text(pair.left, title="Generated original"))
    right, _ = controller.library.add(Document.from_text(pair.right, title="Generated re-report"))
    for entry in (left, right):
        controller.model.insert_entry(entry)
    _drawn(app, controller)
    with StallMeter() as stalls:
        started = time.perf_counter()
        controller.show_pair(left.id, right.id)
        _drawn(app, controller)
        elapsed = time.perf_counter() - started
    words = left.words + right.words
    controller.comparer.wait()
    controller.window.close()
    controller.library.close()
    return elapsed, stalls.longest, words


def bench_import(app, folder: Path, files_folder: Path) -> tuple[float, float, int, int]:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from bench.corpus import generate_article

    paths = []
    for number in range(IMPORT_FILES):
        path = files_folder / f"article_{number:03}.txt"
        path.write_text(generate_article(1000 + number, IMPORT_WORDS).text(), encoding="utf-8")
        paths.append(path)
    controller = _open(app, folder)
    window = controller.window
    progress_seen = []
    controller.reader.progress.connect(lambda done, total: progress_seen.append(window.progress.isVisible()))
    reports = []
    controller.import_finished.connect(reports.append)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point, action, button, keys = (QPointF(600, 300), Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                                   Qt.KeyboardModifier.NoModifier)
    with StallMeter() as stalls:
        started = time.perf_counter()
        # As a real drag: Qt delivers a drop only to a widget that accepted the drag entering it.
        QApplication.sendEvent(window, QDragEnterEvent(point.toPoint(), action, mime, button, keys))
        QApplication.sendEvent(window, QDropEvent(point, action, mime, button, keys))
        _wait(app, lambda: bool(reports))
        elapsed = time.perf_counter() - started
        # The stall meter keeps running while the new documents' share bars are compared.
        _wait(app, lambda: controller.is_idle() and controller.comparer.pool.activeThreadCount() == 0)
    added = len(reports[0].added)
    shown = sum(progress_seen[:-1])  # the last report hides the bar: it is done
    _wait(app, controller.is_idle)
    controller.comparer.wait()
    window.close()
    controller.library.close()
    return elapsed, stalls.longest, added, shown


def bench_story_tab(app, folder: Path) -> tuple[list[float], list[float]]:
    """Opening the Story tab on the seeds: (times built from nothing, times reopened from the cache)."""
    from viewer.engine.classify import analyse
    from viewer.engine.story import story_cache_clear

    controller = _open(app, folder)
    window, presenter = controller.window, controller.story
    fresh, cached = [], []
    for _ in range(SEED_RUNS):
        for clear in (story_cache_clear, analyse.cache_clear, presenter.builder.cache.clear):
            clear()
        presenter.story = presenter.key = None
        presenter._stale = True
        for times in (fresh, cached):
            window.pair_view_action.trigger()
            _drawn(app, controller)
            started = time.perf_counter()
            window.story_view_action.trigger()
            _wait(app, lambda: presenter.story is not None and not presenter.builder.busy)
            window.repaint()
            times.append(time.perf_counter() - started)
    window.close()
    controller.library.close()
    return fresh, cached


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gui_bench", description=__doc__.split("\n")[0])
    parser.parse_known_args(argv)  # `python -m bench --quick` is meant for another benchmark
    from PySide6.QtWidgets import QApplication

    from viewer.qt import silence_size_hint_warnings

    silence_size_hint_warnings()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="fv-gui-bench-") as scratch:
        scratch = Path(scratch)
        os.environ["FRAMING_VIEWER_DATA"] = str(scratch / "unused")  # never the user's library
        seed_times = bench_seed_pair(app, scratch / "seed")
        large, large_stall, large_words = bench_large_pair(app, scratch / "large")
        (scratch / "files").mkdir()
        imported, import_stall, added, progress_shown = bench_import(app, scratch / "import", scratch / "files")
        story_fresh, story_cached = bench_story_tab(app, scratch / "story")

    median = statistics.median(seed_times)
    print(f"{'benchmark':<12} {'time':>9} {'longest stall':>14}  notes")
    print(f"{'seed pair':<12} {median * 1000:>7.0f} ms {'':>14}  median of {len(seed_times)}, "
          f"min {min(seed_times) * 1000:.0f} ms, max {max(seed_times) * 1000:.0f} ms")
    print(f"{'50k pair':<12} {large:>7.2f} s  {large_stall * 1000:>11.0f} ms  {large_words:,} words in the pair")
    print(f"{'200 files':<12} {imported:>7.2f} s  {import_stall * 1000:>11.0f} ms  {added} added, "
          f"progress bar visible at {progress_shown} of {IMPORT_FILES - 1} updates")
    story_median = statistics.median(story_fresh)
    print(f"{'story tab':<12} {story_median * 1000:>7.0f} ms {'':>14}  seeds, median of {len(story_fresh)} (max "
          f"{max(story_fresh) * 1000:.0f} ms); reopened from the cache {statistics.median(story_cached) * 1000:.0f} ms")
    print()
    checks = [
        ("seed pair drawn under 150 ms (median)", median < TARGETS["seed pair"], f"{median * 1000:.0f} ms"),
        ("50k pair drawn under 1.5 s", large < TARGETS["50k pair"], f"{large:.2f} s"),
        ("50k pair: no stall over 100 ms", large_stall < TARGETS["stall"], f"{large_stall * 1000:.0f} ms"),
        ("200 files imported under 5 s", imported < TARGETS["200 files"], f"{imported:.2f} s"),
        ("200 files: all added, progress shown", added == IMPORT_FILES and progress_shown == IMPORT_FILES - 1,
         f"{added} added"),
        ("200 files: no stall over 100 ms", import_stall < TARGETS["stall"], f"{import_stall * 1000:.0f} ms"),
        ("story tab on the seeds under 300 ms (median)", story_median < TARGETS["story tab"],
         f"{story_median * 1000:.0f} ms"),
    ]
    for name, passed, figure in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {figure}")


if __name__ == "__main__":
    main()
