"""Delete with several documents selected in the list removes them all, after asking, as one undo step."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from viewer.storage.library import Library

from .conftest import wait_idle


def select_rows(window, ids) -> None:
    selection = window.list.selectionModel()
    selection.clearSelection()
    for document_id in ids:
        selection.select(window.list_index(document_id),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    window.list.setFocus()


def test_delete_removes_every_selected_document_and_one_undo_brings_them_all_back(open_app, qtbot,
                                                                                   private_data_dir, monkeypatch):
    """Three documents selected, Delete, Yes: all three leave the list and the library; Ctrl+Z once restores
    all three; No removes nothing."""
    controller = open_app()
    window = controller.window
    before = list(controller.model.entries)
    victims = [entry.id for entry in before[1:]]
    asked = []
    monkeypatch.setattr(window, "confirm", lambda title, question: asked.append(question) or False)
    select_rows(window, victims)
    qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    assert "3 selected documents" in asked[0]
    assert controller.model.entries == before  # No: nothing removed

    monkeypatch.setattr(window, "confirm", lambda title, question: True)
    select_rows(window, victims)
    steps = window.undo_stack.count()
    qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    wait_idle(qtbot, controller)
    assert [entry.id for entry in controller.model.entries] == [before[0].id]
    assert [entry.id for entry in Library.open(private_data_dir).entries()] == [before[0].id]
    assert window.undo_stack.count() == steps + 1
    assert "Removed 3 documents" in window.notice.text()

    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    assert sorted(entry.id for entry in controller.model.entries) == sorted(entry.id for entry in before)
    assert len(Library.open(private_data_dir).entries()) == len(before)


def test_delete_with_one_document_selected_removes_it_without_asking(open_app, qtbot, monkeypatch):
    """A single selected document is removed at once (undo is there), as before."""
    controller = open_app()
    window = controller.window
    monkeypatch.setattr(window, "confirm", lambda title, question: (_ for _ in ()).throw(AssertionError(question)))
    victim = controller.model.entries[-1]
    window.select_document(victim.id)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    assert controller.model.entry(victim.id) is None
