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
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    finished = subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data"), "--screenshot", str(picture)],
        env=environment, capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
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
