"""``framing-viewer --screenshot``: a picture of the window after the comparison is drawn, then exit."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from viewer.qt.theme import Theme
from viewer.qt.window import WINDOW_SIZE


def test_screenshot_shows_both_articles_coloured(tmp_path):
    """The PNG has the window's fixed size and shared-quote colour in both the left and the right half."""
    picture = tmp_path / "shot.png"
    # No display at all: --screenshot still works (it draws offscreen by itself).
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    finished = subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data"), "--screenshot", str(picture)],
        env=environment, capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout == finished.stderr == ""
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (WINDOW_SIZE.width(), WINDOW_SIZE.height())
    shared = Theme("light").background("shared-quote").rgb()
    middle = image.width() * 2 // 3  # the panes take the right two thirds; the list the left third
    counts = [0, 0]
    for x in range(image.width() // 3, image.width(), 3):
        for y in range(0, image.height(), 3):
            if image.pixel(x, y) == shared:
                counts[x >= middle] += 1
    assert min(counts) > 200, counts


def test_without_a_display_the_window_says_why_instead_of_crashing(tmp_path):
    """With no display the window command exits with a one-line reason and points to the command line."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    finished = subprocess.run([sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data")],
                              env=environment, capture_output=True, text=True, timeout=60)
    assert finished.returncode == 2
    assert "no display" in finished.stderr and "compare" in finished.stderr


def test_screenshot_of_the_story_tab_shows_the_quote_matrix(tmp_path):
    """--tab story --screenshot waits for the story and pictures the matrix with its verbatim cells."""
    from viewer.theme import state_colour

    picture = tmp_path / "story.png"
    finished = subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data"), "--tab", "story",
         "--screenshot", str(picture)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    image = QImage(str(picture))
    verbatim = int(state_colour("verbatim")[1:], 16)
    count = sum(1 for x in range(image.width() // 3, image.width(), 3) for y in range(0, image.height(), 3)
                if image.pixel(x, y) & 0xFFFFFF == verbatim)
    assert count > 300, count


def test_a_screenshot_at_the_minimum_size_keeps_both_articles_coloured(tmp_path):
    """--screenshot-size minimum draws the window at its smallest: the library folded, both articles shown."""
    picture = tmp_path / "small.png"
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    finished = subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data"), "--screenshot", str(picture),
         "--screenshot-size", "minimum"], env=environment, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    image = QImage(str(picture))
    assert image.width() < 800 and image.height() < WINDOW_SIZE.height()
    coloured = {Theme("light").background(cls).rgb() for cls in ("shared-quote", "framing", "own-quote")}
    counts = [0, 0]
    for x in range(0, image.width(), 3):
        for y in range(0, image.height(), 3):
            if image.pixel(x, y) in coloured:
                counts[x >= image.width() // 2] += 1
    assert min(counts) > 300, counts
