"""Long work off the GUI thread: comparisons, and reading dropped files, links and pasted text.

Both run as ``QRunnable`` tasks in a ``QThreadPool`` and report back through signals, which Qt delivers on
the GUI thread (queued connections), so the window keeps answering while a 50,000-word pair is compared or
200 files are read. The engine holds Python's GIL while it works; the interpreter hands the GIL to the GUI
thread every few milliseconds (``sys.getswitchinterval()``), which is what keeps the window responsive.

Exports: ``ComparisonCache``, ``Comparer``, ``FileReader``, ``Paced``, ``Paste``, ``expand_paths``.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import deque
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..engine import Comparison, Document, compare
from ..storage.importers import UnreadableFile
from ..storage.intake import prepare, prepare_paste, sources_to_import
from ..storage.library import content_hash

CACHE_PAIRS = 256  # comparisons kept at most
CACHE_CHARS = 20_000_000  # characters of text across cached pairs (~ 60 pairs of 50,000-word articles)
PRIORITY_PAIR, PRIORITY_BAR = 10, 0  # the pair on screen jumps ahead of the list's share bars
# Seconds a thread may hold the GIL before another may take it (Python's default: 0.005). Every Python slot
# and most Qt calls on the GUI thread wait for the GIL; while an engine thread runs, each such wait can last a
# whole interval, and a repaint makes hundreds of them. A shorter interval keeps the window answering.
GIL_SWITCH_INTERVAL = 0.0005
RESULT_SECONDS = 0.010  # time per event-loop turn spent handing finished comparisons to the window
SHUTDOWN_WAIT_MS = 10_000  # milliseconds a closing window waits for the comparison or file in progress


class ComparisonCache:
    """Finished comparisons keyed by the two texts' hashes, least recently used dropped first.

    Bounded twice: ``size`` pairs, and ``chars`` characters of text across the cached pairs (a comparison
    costs memory roughly in proportion to its texts, so a few book-length pairs must not keep gigabytes).
    """

    def __init__(self, size: int = CACHE_PAIRS, chars: int = CACHE_CHARS):
        self._items: OrderedDict[tuple[str, str], Comparison] = OrderedDict()
        self._size, self._chars = size, chars
        self._held = 0  # characters of text in the cached pairs

    @staticmethod
    def _weight(comparison: Comparison) -> int:
        return len(comparison.left.document.text) + len(comparison.right.document.text)

    @staticmethod
    def key(left: Document, right: Document) -> tuple[str, str]:
        return content_hash(left.text), content_hash(right.text)

    def get(self, key) -> Comparison | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key, comparison: Comparison) -> None:
        previous = self._items.pop(key, None)
        if previous is not None:
            self._held -= self._weight(previous)
        self._items[key] = comparison
        self._held += self._weight(comparison)
        # The newest pair always stays, whatever its size: it is the one on screen.
        while len(self._items) > 1 and (len(self._items) > self._size or self._held > self._chars):
            _, dropped = self._items.popitem(last=False)
            self._held -= self._weight(dropped)

    def __len__(self) -> int:
        return len(self._items)


class Paced(QObject):
    """Small jobs run on the GUI thread a few milliseconds per event-loop turn, so hundreds never freeze it.

    Used where each job must touch GUI-thread objects (the library's SQLite connection, the models): storing
    200 dropped files or requesting 200 share bars is one job each.
    """

    def __init__(self, budget: float = 0.010, parent: QObject | None = None):
        super().__init__(parent)
        self.budget = budget  # seconds of jobs per event-loop turn
        self._jobs: deque = deque()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._run_some)

    def add(self, job) -> None:
        self._jobs.append(job)
        self._timer.start()

    def clear(self) -> None:
        self._jobs.clear()

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def _run_some(self) -> None:
        deadline = time.perf_counter() + self.budget
        while self._jobs and time.perf_counter() < deadline:
            self._jobs.popleft()()
        if self._jobs:
            self._timer.start()


class _ComparerSignals(QObject):
    ready = Signal()  # results are waiting in the Comparer's queue


class _CompareTask(QRunnable):
    def __init__(self, comparer: Comparer, tag, key, left: Document, right: Document):
        super().__init__()
        self.setAutoDelete(True)
        self._comparer, self._tag, self._key, self._left, self._right = comparer, tag, key, left, right

    def run(self) -> None:
        try:
            result = compare(self._left, self._right)
        except Exception as error:  # an engine bug must not take the window down
            self._comparer._deliver((self._tag, self._key, None, f"{type(error).__name__}: {error}"))
            return
        self._comparer._deliver((self._tag, self._key, result, ""))


class Comparer(QObject):
    """Compares pairs in one background thread, answering from the cache when it can.

    ``request(tag, left, right, priority)`` emits ``finished(tag, Comparison)`` later, or at once when the
    pair is cached. The tag says what the result is for (the pair on screen, a list bar).

    Results wait in a queue that the GUI thread empties a few milliseconds per event-loop turn: hundreds of
    small comparisons (the list's bars) finishing at once would otherwise be hundreds of queued signals
    handled in one go.
    """

    finished = Signal(object, object)  # tag, Comparison
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cache = ComparisonCache()
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
        # One thread: two engine threads would only share the GIL and slow the GUI thread down more.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _ComparerSignals(self)
        self._signals.ready.connect(self._on_ready)
        self._results: deque = deque()
        self._lock = threading.Lock()
        self._notified = False  # a ready signal is on its way or the queue is being emptied
        self._closing = False  # set by shutdown(): results are no longer wanted

    def request(self, tag, left: Document, right: Document, priority: int = PRIORITY_PAIR, key=None) -> bool:
        """Start comparing (True), or emit the cached result at once (False).

        ``key``: the pair's cache key when the caller knows the texts' hashes (the library stores them);
        hashing a long text on every request would cost the GUI thread a millisecond each time.
        """
        key = key or ComparisonCache.key(left, right)
        found = self.cache.get(key)
        if found is not None:
            self.finished.emit(tag, found)
            return False
        self.pool.start(_CompareTask(self, tag, key, left, right), priority)
        return True

    def cancel_pending(self) -> None:
        """Drop queued (not yet started) comparisons, e.g. share bars against a left document now gone."""
        self.pool.clear()

    @property
    def busy(self) -> bool:
        return self.pool.activeThreadCount() > 0 or bool(self._results)

    def shutdown(self, milliseconds: int = SHUTDOWN_WAIT_MS) -> None:
        """The window is closing: drop queued work, let the running comparison end, report nothing more.

        Waiting matters: a worker emitting a signal while the GUI thread destroys the objects it emits on
        can deadlock (the worker holds the GIL and wants Qt's lock; the destructor holds the lock and
        wants the GIL).
        """
        self._closing = True
        self.pool.clear()
        self.pool.waitForDone(milliseconds)

    def _deliver(self, item) -> None:
        """Worker thread: queue a result, and wake the GUI thread unless it is already awake."""
        if self._closing:
            return
        with self._lock:
            self._results.append(item)
            wake, self._notified = not self._notified, True
        if wake:
            self._signals.ready.emit()

    def _on_ready(self) -> None:
        deadline = time.perf_counter() + RESULT_SECONDS
        while time.perf_counter() < deadline:
            with self._lock:
                if not self._results:
                    self._notified = False
                    return
                tag, key, comparison, error = self._results.popleft()
            if comparison is None:
                self.failed.emit(tag, error)
            else:
                self.cache.put(key, comparison)
                self.finished.emit(tag, comparison)
        QTimer.singleShot(0, self._on_ready)  # more results: next turn, after the window has answered

    def wait(self, milliseconds: int = -1) -> bool:
        return self.pool.waitForDone(milliseconds)


def expand_paths(paths) -> tuple[list[str], list[tuple[str, str]]]:
    """What to import from dropped paths and links (folders searched inside, links as they are) and the
    things refused while walking folders, each with a reason."""
    sources, errors = sources_to_import(paths)
    return sources, [(error.path, error.reason) for error in errors]


@dataclass(frozen=True)
class Paste:
    """Pasted or dropped text, with the HTML a browser puts beside it ("" when there is none)."""

    text: str
    html: str = ""


class _ReaderSignals(QObject):
    read = Signal(int, object)  # number in the batch, storage.intake.Prepared
    failed = Signal(int, str, str)  # number, path, reason
    progress = Signal(int, int)  # done, total
    done = Signal()


class _ReadTask(QRunnable):
    def __init__(self, signals: _ReaderSignals, files: list, folder: Path):
        super().__init__()
        self._signals, self._files, self._folder = signals, files, folder
        self.cancelled = False
        self.silent = False  # cancelled because the window closes: report nothing more

    def run(self) -> None:
        total = len(self._files)
        for number, source in enumerate(self._files):
            if self.cancelled:
                if not self.silent:
                    self._signals.done.emit()  # the user's Cancel: what was read so far is kept
                return  # closing: no signal may reach objects being destroyed
            try:
                if isinstance(source, Paste):
                    prepared = prepare_paste(source.text, source.html or None, self._folder)
                else:
                    prepared = prepare(source, self._folder)
                self._signals.read.emit(number, prepared)
            except UnreadableFile as error:
                self._signals.failed.emit(number, error.path, error.reason)
            except Exception as error:  # anything unforeseen is still a message, never a crash
                self._signals.failed.emit(number, str(source), f"could not be read ({error})")
            self._signals.progress.emit(number + 1, total)
        self._signals.done.emit()


class FileReader(QObject):
    """Reads files, links and pastes into Documents in a worker thread, one signal per source (the GUI
    thread stores them). Downloads happen here too, with the importer's timeout: the window never waits.

    Reading and keeping each original happen in the worker: the library's SQLite connection belongs to the
    GUI thread, and a single-row insert is far cheaper than extracting an article.
    """

    read = Signal(int, object)
    failed = Signal(int, str, str)
    progress = Signal(int, int)
    done = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _ReaderSignals(self)
        self._signals.read.connect(self.read)
        self._signals.failed.connect(self.failed)
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self.done)
        self._task: _ReadTask | None = None

    def start(self, files: list, folder: Path) -> None:
        """Read ``files`` (paths, URLs or ``Paste``), keeping each original in the data ``folder``."""
        self._task = _ReadTask(self._signals, files, folder)
        self._task.setAutoDelete(False)  # kept so that cancel() can reach it while it runs
        self.pool.start(self._task)

    def cancel(self) -> None:
        """Stop after the file being read; ``done`` follows, and what was read is stored."""
        if self._task is not None:
            self._task.cancelled = True

    def shutdown(self, milliseconds: int = SHUTDOWN_WAIT_MS) -> None:
        """The window is closing: stop reading and wait for the worker (see ``Comparer.shutdown``)."""
        if self._task is not None:
            self._task.silent = True
        self.cancel()
        self.pool.waitForDone(milliseconds)

    def wait(self, milliseconds: int = -1) -> bool:
        return self.pool.waitForDone(milliseconds)
