"""One window per library, even when two launches race: exactly one opens, the other hands its file over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QLockFile

from bench.web_pages import article_pages
from viewer.qt.instance import LOCK_FILE, WindowNotAnswering, claim_window
from viewer.storage.library import Library

from .conftest import WAIT_MS

LAUNCH_TIMEOUT_S = WAIT_MS / 1000 * 3  # seconds; two Qt start-ups and a first library on 2 busy cores


def _launch(data, path):
    return subprocess.Popen(
        [sys.executable, "-m", "viewer", "--data-dir", str(data), str(path)], cwd=path.parent,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def _write_pages(folder):
    """Two saved web pages of different stories: (the pages, their files)."""
    pages = article_pages()[:2]
    paths = [folder / f"story {number}.html" for number in range(len(pages))]
    for page, path in zip(pages, paths):
        path.write_text(page.html, encoding="utf-8")
    return pages, paths


def _titles(data) -> set[str]:
    try:
        library = Library.open(data, read_only=True)
    except Exception:  # not created yet, or being created by the window right now
        return set()
    try:
        return {entry.title for entry in library.entries()}
    finally:
        library.close()


def test_two_launches_at_the_same_instant_open_one_window_which_takes_both_files(tmp_path):
    """`framing-viewer A.html` and `framing-viewer B.html` started together on a new library: one window
    opens and imports both articles; the other launch hands its file over and exits."""
    data = tmp_path / "data"
    pages, paths = _write_pages(tmp_path)
    launches = [_launch(data, path) for path in paths]  # together: neither finds a window to hand over to
    try:
        deadline = time.monotonic() + LAUNCH_TIMEOUT_S
        while all(launch.poll() is None for launch in launches) and time.monotonic() < deadline:
            time.sleep(0.1)
        ended = [launch for launch in launches if launch.poll() is not None]
        assert len(ended) == 1, "one launch hands over and exits; the other keeps its window open"
        [handed] = ended
        [window] = [launch for launch in launches if launch is not handed]
        _, err = handed.communicate()
        assert handed.returncode == 0 and "handed to the window already open" in err
        while not {page.title for page in pages} <= _titles(data) and time.monotonic() < deadline:
            assert window.poll() is None, window.communicate()[1]
            time.sleep(0.2)
        assert {page.title for page in pages} <= _titles(data), "the one window imported both files"
        assert window.poll() is None
    finally:
        for launch in launches:
            if launch.poll() is None:
                launch.send_signal(signal.SIGTERM)
            launch.communicate(timeout=30)


def test_a_window_that_crashed_does_not_keep_the_library_locked(tmp_path):
    """After a window is killed (its lock file left behind), the next launch opens a window and imports its
    file instead of waiting for the dead one."""
    data = tmp_path / "data"
    pages, paths = _write_pages(tmp_path)
    crashed = _launch(data, paths[0])
    deadline = time.monotonic() + LAUNCH_TIMEOUT_S
    while pages[0].title not in _titles(data) and time.monotonic() < deadline:
        time.sleep(0.1)
    crashed.kill()
    crashed.communicate(timeout=30)
    assert (data / LOCK_FILE).exists(), "a killed window leaves its lock file"
    relaunched = _launch(data, paths[1])
    try:
        while pages[1].title not in _titles(data) and time.monotonic() < deadline:
            assert relaunched.poll() is None, relaunched.communicate()[1]
            time.sleep(0.1)
        assert pages[1].title in _titles(data) and relaunched.poll() is None
    finally:
        relaunched.kill()
        relaunched.communicate(timeout=30)


def test_a_launch_whose_rival_never_answers_gives_up_saying_why(qapp, tmp_path):
    """When another process holds the library's window but never answers, a launch stops waiting and says
    which library is held, rather than opening a second window."""
    held = QLockFile(str(tmp_path / LOCK_FILE))
    assert held.tryLock(0)
    try:
        with pytest.raises(WindowNotAnswering, match="did not answer"):
            claim_window(tmp_path, [], wait_s=0.3)
    finally:
        held.unlock()
    lock = claim_window(tmp_path, [], wait_s=0.3)  # released: this launch becomes the window
    assert lock is not None and lock.isLocked()
    lock.unlock()
