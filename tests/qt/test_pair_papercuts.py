"""The pair view's papercuts: the stats sentence's direction, undoing a removal, labels, keys, small windows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar

from viewer.qt.documents import Column

from .conftest import WAIT_MS, shown_text, wait_idle

# Keys common window managers take for themselves (so an app never sees them), with who takes them.
WINDOW_MANAGER_KEYS = {
    "Alt+Shift+Up", "Alt+Shift+Down", "Alt+Shift+Left", "Alt+Shift+Right",  # Openbox: send window to desktop
    "Ctrl+Alt+Up", "Ctrl+Alt+Down", "Ctrl+Alt+Left", "Ctrl+Alt+Right",  # GNOME, Openbox: switch desktop
    "Meta+Up", "Meta+Down", "Meta+Left", "Meta+Right", "Meta+PgUp", "Meta+PgDown",  # GNOME, KDE: tiling, desktops
    "Ctrl+F1", "Ctrl+F2", "Ctrl+F3", "Ctrl+F4",  # KDE: switch to desktop N
    "Alt+F1", "Alt+F2", "Alt+F3", "Alt+F4", "Alt+F7", "Alt+F8", "Alt+F10",  # GNOME/KDE window menu, move, resize
    "Ctrl+Shift+U", "Ctrl+Shift+E",  # IBus (GNOME's input methods): Unicode and emoji input
}


def test_the_stats_sentence_says_which_article_quotes_which_on_either_side(open_app, qtbot):
    """The re-report quotes People: the sentence says so with People on the left, and after a swap."""
    controller = open_app()
    window = controller.window
    before = window.stats.text()
    reprint = controller.model.entry(controller.right_id).label
    assert before.startswith(f"<b>{reprint} quotes People</b>: ")
    assert f"of {reprint}&#x27;s words are People&#x27;s quotes" in before or f"of {reprint}'s words are People's quotes" in before
    window.swap_action.trigger()
    wait_idle(qtbot, controller)
    assert controller.model.entry(controller.left_id).label == reprint
    assert window.stats.text() == before


@pytest.mark.parametrize("pane", ["left", "right"])
def test_undoing_a_removal_brings_back_the_pair_that_was_on_screen(open_app, qtbot, pane):
    """Remove the document shown in a pane, undo: it is back in that pane, beside the same other document."""
    controller = open_app()
    left, right = controller.left_id, controller.right_id
    removed = left if pane == "left" else right
    controller.remove(removed)
    wait_idle(qtbot, controller)
    assert removed not in (controller.left_id, controller.right_id)
    controller.window.undo_action.trigger()
    wait_idle(qtbot, controller)
    assert (controller.left_id, controller.right_id) == (left, right)
    assert shown_text(getattr(controller.window, pane)) == controller.library.text(removed)


def test_a_text_file_named_like_a_download_id_is_listed_by_its_title(open_app, qtbot, tmp_path):
    """No outlet known and no byline: the outlet stays empty and the window calls it by its title, never by
    the hash-like file name; with a "By … | Outlet" line, the outlet is read from it."""
    controller = open_app()
    window = controller.window
    plain = tmp_path / "65cb14cb-1f2e-4d5a-9b8c-0123456789ab_fox.txt"
    plain.write_text("Teigen talks emotions with her son\n\nChrissy Teigen told People that Miles is very "
                     "emotional and wears his heart on his sleeve, and we embrace that.\n", encoding="utf-8")
    bylined = tmp_path / "0badc0ffee.txt"
    bylined.write_text("Teigen on raising Miles\n\nBy Jane Doe | Fox News\n\nChrissy Teigen told People "
                       "that there is no right way to be a man.\n", encoding="utf-8")
    controller.import_paths([str(plain)])
    wait_idle(qtbot, controller)
    entry = controller.model.entry(controller.right_id)
    assert entry.outlet == "" and entry.label == "Teigen talks emotions with her…"
    assert "65cb14cb" not in window.windowTitle() and "65cb14cb" not in window.right_view.header.text()
    assert "65cb14cb" not in window.stats.text()
    assert not window.list_index(entry.id, Column.OUTLET).data()
    assert window.list_index(entry.id, Column.TITLE).data() == "Teigen talks emotions with her son"
    controller.import_paths([str(bylined)])
    wait_idle(qtbot, controller)
    assert controller.model.entry(controller.right_id).outlet == "Fox News"
    assert window.windowTitle().startswith("People → Fox News")


def test_navigation_keys_avoid_window_manager_keys_and_work(open_app, qtbot):
    """Next/previous quote and framing keep F8/F9, add Ctrl+] / Ctrl+[ and Ctrl+PgDown / Ctrl+PgUp, and none
    is a key GNOME, KDE or Openbox takes; pressing them moves in the articles."""
    controller = open_app()
    window = controller.window
    actions = {"next quote": (window.next_quote_action, "F8", "Ctrl+]"),
               "previous quote": (window.previous_quote_action, "Shift+F8", "Ctrl+["),
               "next framing": (window.next_framing_action, "F9", "Ctrl+PgDown"),
               "previous framing": (window.previous_framing_action, "Shift+F9", "Ctrl+PgUp")}
    for name, (action, function_key, added) in actions.items():
        keys = [key.toString() for key in action.shortcuts()]
        assert function_key in keys and added in keys, name
        assert not set(keys) & WINDOW_MANAGER_KEYS, name
    for action in window.actions():
        for key in action.shortcuts():
            assert key.toString() not in WINDOW_MANAGER_KEYS, action.text()

    window.left.setFocus()
    qtbot.keyClick(window.left, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Shared quote 1 of")
    qtbot.keyClick(window.left, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Shared quote 2 of")
    qtbot.keyClick(window.left, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Shared quote 1 of")
    window.right.setFocus()
    qtbot.waitUntil(lambda: window.focused_pane is window.right, timeout=WAIT_MS)
    qtbot.keyClick(window.right, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    cursor = window.right.textCursor()
    assert cursor.hasSelection()
    start = window.right.offsets.to_python(cursor.selectionStart())
    span = next(span for span in window.comparison.right.spans if span.start == start)
    assert span.cls == "framing"
    assert QKeySequence("Ctrl+PgDown").toString() == "Ctrl+PgDown"


def test_at_small_widths_the_library_folds_first_and_articles_stay_readable(open_app, qtbot):
    """Narrowing the window shrinks the library first; at the minimum size it is folded away (the Library
    button brings it back) and each article still shows about 40 characters a line; widening unfolds it."""
    controller = open_app()
    window = controller.window

    def characters_per_line(pane):
        return (pane.viewport().width() - 2 * pane.document().documentMargin()) / pane.fontMetrics().averageCharWidth()

    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.width() == 1400)
    wide_library = window.splitter.sizes()[0]
    window.resize(1050, 700)
    qtbot.waitUntil(lambda: window.width() == 1050)
    qtbot.wait(20)
    assert window.list.isVisible() and 0 < window.splitter.sizes()[0] < wide_library
    assert min(characters_per_line(window.left), characters_per_line(window.right)) >= 40

    minimum = window.minimumSizeHint()
    assert minimum.width() < 800
    window.resize(minimum)
    qtbot.waitUntil(lambda: window.width() == minimum.width() and not window.list.isVisible())
    assert not window.library_action.isChecked()
    assert min(characters_per_line(window.left), characters_per_line(window.right)) >= 40
    button = window.findChild(QToolBar, "main-toolbar").widgetForAction(window.library_action)
    assert button.isVisible() and button.text() == "Library"
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.list.isVisible(), timeout=WAIT_MS)
    assert window.library_action.isChecked() and window.splitter.sizes()[0] >= 180
    window.resize(minimum)
    qtbot.waitUntil(lambda: not window.list.isVisible())
    button.click()  # asked for at the minimum size: the window widens to hold it
    qtbot.waitUntil(lambda: window.list.isVisible() and window.splitter.sizes()[0] >= 180, timeout=WAIT_MS)
    assert min(characters_per_line(window.left), characters_per_line(window.right)) >= 40
