"""Fixtures for the window tests: a real window over a library in the test's own data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported: a bare `pytest` works headless

import pytest  # noqa: E402

import viewer.qt  # noqa: E402,F401  (first: its PySide6 work-around must run before any widget is made)
from viewer.app import open_window  # noqa: E402

WAIT_MS = 20_000  # milliseconds; generous for a 2-core CI machine shared with other jobs


@pytest.fixture
def open_app(qtbot, private_data_dir):
    """open_app(files=()) -> the controller of a shown window, once its first pair is drawn."""
    opened = []

    def opener(files=(), data=private_data_dir):
        controller = open_window(data, list(files))
        window = controller.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # Keyboard shortcuts only reach an active window (under a real X server there may be no window
        # manager to activate it).
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        wait_idle(qtbot, controller)
        opened.append(controller)
        return controller

    yield opener
    for controller in opened:
        controller.shutdown()  # no worker may emit while pytest-qt deletes the window
        controller.library.close()


def wait_idle(qtbot, controller) -> None:
    """Wait until imports, the pair's comparison and its colouring are all done."""
    qtbot.waitUntil(controller.is_idle, timeout=WAIT_MS)
    qtbot.wait(1)


def shown_text(pane) -> str:
    """The text a pane shows, character for character (toPlainText would turn no-break spaces into spaces)."""
    return pane.document().toRawText().replace("\u2029", "\n")
