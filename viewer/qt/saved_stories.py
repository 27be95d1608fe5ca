"""Saved stories in the window: "Save Selection as Story…", the Story tab's chooser, "Delete Story" with undo.

``SavedStories`` fills the Story tab's ``choice`` (the selection, or all documents when fewer than two are
selected; all documents; each story saved in the library) and tells the ``StoryPresenter`` which documents
a saved story holds (``scope``). Saving and deleting are steps on the window's undo stack. Names are plain
text everywhere (escaped in messages, never markup). Owned by the ``Controller``.

Exports: ``SavedStories``, ``SELECTION``, ``ALL``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog

from ..storage.stories import check_name, delete_story, restore_story, save_story, stories, story_named

SELECTION = "selection"  # the chooser's default: the documents selected in the list, or all when fewer than two
ALL = "all"


class SavedStories(QObject):
    def __init__(self, controller):
        super().__init__(controller)
        self.controller, self.window = controller, controller.window
        self.view = self.window.story_view
        self.view.choice.addItem("The selection (all when fewer than two)", SELECTION)
        self.view.choice.addItem("All documents", ALL)
        self.view.delete_story_button.setDefaultAction(self.window.delete_story_action)
        self.view.choice.currentIndexChanged.connect(self._update_actions)
        self.window.save_story_action.triggered.connect(self.save_selection)
        self.window.delete_story_action.triggered.connect(self.delete_chosen)
        self.reload()

    # What the StoryPresenter asks -------------------------------------------------------------------
    def chosen(self) -> int | None:
        """The id of the saved story chosen in the tab, or None."""
        data = self.view.choice.currentData()
        return data if isinstance(data, int) else None

    def scope(self) -> tuple[list[int], str] | None:
        """``(document ids, how the tab names them)`` for the choice, or None for the default (the selection)."""
        data = self.view.choice.currentData()
        if data == ALL:
            return [entry.id for entry in self.controller.model.entries], "all {count} documents in the library"
        saved = next((item for item in stories(self.controller.library) if item.id == data), None)
        if saved is None:
            return None
        name = saved.name.replace("{", "{{").replace("}", "}}")
        return list(saved.members), f"the {{count}} documents of the story “{name}”"

    def reload(self, choose: int | None = None) -> None:
        """List the library's saved stories in the chooser, keeping the choice (or choosing ``choose``)."""
        choice = self.view.choice
        keep = choose if choose is not None else choice.currentData()
        choice.blockSignals(True)
        while choice.count() > 2:
            choice.removeItem(2)
        for saved in stories(self.controller.library):
            choice.addItem(saved.name, saved.id)  # a combo box shows its items as plain text
            choice.setItemData(choice.count() - 1, f"A saved story of {len(saved.members)} documents",
                               Qt.ItemDataRole.ToolTipRole)
        index = choice.findData(keep)
        changed = index < 0 and keep not in (None, SELECTION)
        choice.setCurrentIndex(max(index, 0))
        choice.blockSignals(False)
        if changed or choose is not None:
            choice.currentIndexChanged.emit(choice.currentIndex())  # another set of documents: another story
        self._update_actions()

    # Actions ----------------------------------------------------------------------------------------
    def save_selection(self) -> None:
        """Ask a name and save the documents selected in the list as a story (undoable)."""
        ids = self.window.selected_ids()
        if len(ids) < 2:
            self.window.notify("Select two or more documents in the list to save them as a story.", "info")
            return
        if self.controller._refused_read_only():
            return
        name, accepted = QInputDialog.getText(self.window, "Save Selection as Story",
                                              f"A name for the story of these {len(ids)} documents:")
        if not accepted:
            return
        try:
            name = check_name(name)
            if story_named(self.controller.library, name) is not None:
                raise ValueError(f"a story called “{name}” exists already")
        except ValueError as error:
            self.window.notify(f"Not saved: {escape(str(error))}.", "error")
            return
        self.controller.undo.push(_SaveCommand(self, name, ids))

    def delete_chosen(self) -> None:
        """Delete the story chosen in the tab (never its documents); undo puts it back."""
        story_id = self.chosen()
        if story_id is None:
            self.window.notify("Choose a saved story in the Story tab's Documents list to delete it.", "info")
            return
        if self.controller._refused_read_only():
            return
        self.controller.undo.push(_DeleteCommand(self, story_id, self.view.choice.currentText()))

    def _update_actions(self) -> None:
        self.window.delete_story_action.setEnabled(self.chosen() is not None)


def _menu_text(name: str) -> str:
    return name[:40].replace("&", "&&")  # a name's & is no menu shortcut in "Undo Save Story …"


class _SaveCommand(QUndoCommand):
    def __init__(self, stories_: SavedStories, name: str, ids: list[int]):
        super().__init__(f"Save Story “{_menu_text(name)}”")
        self.stories, self.name, self.ids = stories_, name, ids
        self.saved = None

    def redo(self) -> None:
        library = self.stories.controller.library
        self.saved = save_story(library, self.name, self.ids) if self.saved is None else restore_story(library, self.saved)
        self.stories.reload()
        self.stories.window.notify(f"Saved the story “{escape(self.name)}”: choose it in the Story tab. "
                                   "Undo with Ctrl+Z.", "info")

    def undo(self) -> None:
        delete_story(self.stories.controller.library, self.saved.id)
        self.stories.reload()


class _DeleteCommand(QUndoCommand):
    def __init__(self, stories_: SavedStories, story_id: int, name: str):
        super().__init__(f"Delete Story “{_menu_text(name)}”")
        self.stories, self.story_id, self.name = stories_, story_id, name
        self.saved = None

    def redo(self) -> None:
        self.saved = delete_story(self.stories.controller.library, self.story_id)
        self.stories.reload()
        self.stories.window.notify(f"Deleted the story “{escape(self.name)}” (its documents stay). "
                                   "Undo with Ctrl+Z.", "info")

    def undo(self) -> None:
        restore_story(self.stories.controller.library, self.saved)
        self.stories.reload(choose=self.saved.id)  # back on the tab as it was
