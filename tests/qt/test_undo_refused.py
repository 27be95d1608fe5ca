"""Undo and redo after the library was taken over by a newer version: a clear notice, never an exception."""

from __future__ import annotations

import sqlite3

import pytest

from viewer.storage.paths import library_file

from .conftest import wait_idle


def _take_over(data) -> bytes:
    """A newer Framing Viewer marks the library as its own; returns the file's bytes after that."""
    newer = sqlite3.connect(library_file(data))
    newer.execute("PRAGMA user_version=99")
    newer.close()
    return library_file(data).read_bytes()


@pytest.mark.parametrize("step", ["undo an edit", "redo a removal", "undo a removal of several"])
def test_an_undo_or_redo_refused_by_a_taken_over_library_says_why_and_changes_nothing(open_app, qtbot,
                                                                                      private_data_dir, step):
    """Ctrl+Z or Ctrl+Shift+Z on an older step, once a newer version has taken the library over, shows one
    notice with the reason; the file, the list and the history are left as they were, with nothing left to
    undo or redo that would fail again."""
    controller = open_app()
    window = controller.window
    if step == "undo an edit":
        controller.edit(controller.right_id, "outlet", "Changed Here")
        action = window.undo_action
    elif step == "undo a removal of several":
        controller.remove_many([entry.id for entry in controller.model.entries[:2]])
        wait_idle(qtbot, controller)
        action = window.undo_action
    else:
        controller.remove(controller.right_id)
        wait_idle(qtbot, controller)
        window.undo_action.trigger()  # brought back: the removal can be redone
        wait_idle(qtbot, controller)
        action = window.redo_action
    entries = list(controller.model.entries)
    before = _take_over(private_data_dir)
    notices = []
    window.notice.show_message = lambda text, *rest: notices.append(text)
    assert action.isEnabled()
    action.trigger()
    wait_idle(qtbot, controller)
    assert len(notices) == 1 and "newer version" in notices[0] and "Nothing was changed" in notices[0]
    assert library_file(private_data_dir).read_bytes() == before
    assert list(controller.model.entries) == entries
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert controller.undo.count() == 0
