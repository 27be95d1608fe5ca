"""Saved stories in the window: save the selection as a story, choose it in the Story tab, delete it, undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from tests.qt.conftest import WAIT_MS
from tests.qt.test_story_tab import open_story
from viewer.qt import saved_stories
from viewer.qt.story import Column
from viewer.storage.stories import stories

NAME = "Teigen & <b>her</b> readers"  # an ampersand and markup: both stay plain text


def select(window, ids) -> None:
    selection = window.list.selectionModel()
    selection.clearSelection()
    for document_id in ids:
        selection.select(window.list_index(document_id), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def column_labels(view) -> list[str]:
    model = view.matrix_model
    return sorted(model.label(column - Column.FIRST_DOCUMENT)
                  for column in range(Column.FIRST_DOCUMENT, model.columnCount()))


def test_a_saved_selection_is_a_story_to_choose_and_delete_with_undo(qtbot, open_app, monkeypatch):
    """Two seeds saved as a story and chosen in the Story tab give a matrix of exactly those two columns, even
    with nothing selected; deleting the story goes back to all four documents, and Ctrl+Z brings the story
    back, chosen, with its two columns."""
    controller = open_app()
    window = controller.window
    entries = controller.model.entries[:2]
    chosen = sorted(entry.label for entry in entries)
    select(window, [entry.id for entry in entries])
    asked = []
    monkeypatch.setattr(saved_stories.QInputDialog, "getText",
                        lambda parent, title, label: asked.append(label) or (f"  {NAME} ", True))
    window.save_story_action.trigger()
    assert asked == ["A name for the story of these 2 documents:"]
    [saved] = stories(controller.library)
    assert (saved.name, set(saved.members)) == (NAME, {entry.id for entry in entries})

    window.list.selectionModel().clearSelection()
    view = open_story(qtbot, controller)
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 4, timeout=WAIT_MS)
    assert not window.delete_story_action.isEnabled()
    view.choice.setCurrentIndex(view.choice.findText(NAME))
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 2, timeout=WAIT_MS)
    assert column_labels(view) == chosen
    assert f"the 2 documents of the story “{NAME}”" in view.scope.text()

    assert window.delete_story_action.isEnabled()
    window.delete_story_action.trigger()
    assert stories(controller.library) == [] and view.choice.findText(NAME) < 0
    assert len(controller.model.entries) == 4  # its documents stay
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 4, timeout=WAIT_MS)
    assert window.undo_action.text() == f"&Undo Delete Story “{NAME.replace('&', '&&')}”"

    window.undo_action.trigger()
    assert stories(controller.library) == [saved]
    assert view.choice.currentText() == NAME
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 2, timeout=WAIT_MS)
    assert column_labels(view) == chosen


def test_a_removed_document_leaves_the_chosen_story(qtbot, open_app, monkeypatch):
    """Removing one of a saved story's documents takes its column out of that story's matrix."""
    controller = open_app()
    window = controller.window
    entries = controller.model.entries[:3]
    select(window, [entry.id for entry in entries])
    monkeypatch.setattr(saved_stories.QInputDialog, "getText", lambda *args: ("Three", True))
    window.save_story_action.trigger()
    view = open_story(qtbot, controller)
    view.choice.setCurrentIndex(view.choice.findText("Three"))
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 3, timeout=WAIT_MS)
    controller.remove(entries[2].id)
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 2, timeout=WAIT_MS)
    assert column_labels(view) == sorted(entry.label for entry in entries[:2])


def test_saving_needs_two_selected_documents_and_a_free_name(qtbot, open_app, monkeypatch):
    """With one document selected nothing is asked; a name another story has is refused, saying why."""
    controller = open_app()
    window = controller.window
    entries = controller.model.entries
    select(window, [entries[0].id])
    monkeypatch.setattr(saved_stories.QInputDialog, "getText", lambda *args: ("Pair", True))
    window.save_story_action.trigger()
    assert stories(controller.library) == []
    assert "Select two or more documents" in window.statusBar().currentMessage()
    select(window, [entries[0].id, entries[1].id])
    window.save_story_action.trigger()
    select(window, [entries[2].id, entries[3].id])
    window.save_story_action.trigger()
    assert "Not saved: a story called “Pair” exists already." in window.statusBar().currentMessage()
    [saved] = stories(controller.library)
    assert set(saved.members) == {entries[0].id, entries[1].id}


def test_a_read_only_library_shows_its_stories_and_refuses_to_change_them(qtbot, open_app, monkeypatch,
                                                                          private_data_dir):
    """In a library the user may not write, a saved story can be chosen, but saving or deleting one says the
    library is read-only and changes no byte."""
    from viewer.storage import library as library_module
    from viewer.storage.paths import library_file

    controller = open_app()
    select(controller.window, [entry.id for entry in controller.model.entries[:2]])
    monkeypatch.setattr(saved_stories.QInputDialog, "getText", lambda *args: ("Pair", True))
    controller.window.save_story_action.trigger()
    controller.window.close()
    before = library_file(private_data_dir).read_bytes()
    monkeypatch.setattr(library_module, "_writable", lambda path: False)  # tests may run as root
    controller = open_app()
    window = controller.window
    view = open_story(qtbot, controller)
    view.choice.setCurrentIndex(view.choice.findText("Pair"))
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 2, timeout=WAIT_MS)
    window.delete_story_action.trigger()
    select(window, [entry.id for entry in controller.model.entries[2:]])
    window.save_story_action.trigger()
    assert "read-only" in window.statusBar().currentMessage()
    assert [saved.name for saved in stories(controller.library)] == ["Pair"]
    assert library_file(private_data_dir).read_bytes() == before
