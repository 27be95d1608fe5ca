"""The reader's corrections in the window: the actions, the undoable commands, and the pair they apply to.

``PairCorrections`` sits between the controller and the window: each finished comparison of the pair on
screen passes through ``corrected()``, which applies the corrections the library holds for the two texts
(by content hash) and says when some no longer match. The actions (Edit menu and the panes' right-click
menu) make a ``Correction`` from the panes' selections and push a ``CorrectionCommand`` onto the window's
undo stack; the command saves or deletes the library row (one transaction) and redraws the pair at once,
where the reader was.

Keys: Ctrl+K link the two selections as a shared quote, Ctrl+Shift+K as shared narration; Ctrl+M then U
unlink the passage at the cursor; Ctrl+M then F / B / A / O mark the selection as framing, boilerplate,
attribution or own quote; Ctrl+M then S set the speaker of the quote at the cursor. (Not Ctrl+Shift+U or
Ctrl+Shift+E: input methods such as IBus take those for Unicode and emoji input.)

Exports: ``PairCorrections``, ``CorrectionCommand``, ``MARK_CLASSES``, ``word_range``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMenu, QToolTip

from ..engine.corrections import Correction, apply_corrections
from ..storage.corrections import Stored, corrections_for, delete_correction, save_correction

# The classes "Mark as" offers, with the key that follows Ctrl+M. Shared classes need a counterpart: those
# come from "Link as shared".
MARK_CLASSES = (("framing", "Framing", "F"), ("boilerplate", "Boilerplate", "B"),
                ("attribution", "Attribution", "A"), ("own-quote", "Own Quote", "O"))


def word_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` widened to whole words and narrowed past outer spaces; None when only spaces."""
    while start > 0 and start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class PairCorrections(QObject):
    """The corrections of the pair on screen, the actions that make new ones, and the redraw after each."""

    def __init__(self, controller):
        super().__init__(controller)
        self.controller, self.window = controller, controller.window
        self.base = None  # the engine's comparison of the pair on screen, before corrections
        self.hashes: tuple[str, str] | None = None  # the content hashes of that pair (left, right)
        self.stored: list[Stored] = []
        self._create_actions()
        for pane in (self.window.left, self.window.right):
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(lambda point, pane=pane: self.on_context_menu(pane, point))
            pane.viewport().installEventFilter(self)
        self._update_actions()

    # Actions -----------------------------------------------------------------------------------------
    def _create_actions(self) -> None:
        window = self.window
        self.link_quote_action = window._action("&Link as Shared Quote", "Ctrl+K",
                                                "Link the text selected in both articles as one shared quote")
        self.link_text_action = window._action("Link as Shared &Narration", "Ctrl+Shift+K",
                                               "Link the text selected in both articles as shared narration")
        self.unlink_action = window._action("&Unlink Passage", "Ctrl+M, U",
                                            "Say the passage at the cursor is not shared after all")
        self.speaker_action = window._action("Set &Speaker of Quote…", "Ctrl+M, S",
                                             "Name who says the quotation at the cursor")
        self.clear_speaker_action = window._action("Clear Speaker of Quote", None,
                                                   "Say the quotation at the cursor has no known speaker")
        self.mark_menu = QMenu("&Mark as", window)
        self.mark_actions = {}
        for cls, name, key in MARK_CLASSES:
            action = window._action(name, f"Ctrl+M, {key}", f"Mark the selected text as {name.lower()}")
            action.triggered.connect(lambda checked=False, cls=cls: self.mark(cls))
            self.mark_menu.addAction(action)
            self.mark_actions[cls] = action
        self.link_quote_action.triggered.connect(lambda: self.link("shared-quote"))
        self.link_text_action.triggered.connect(lambda: self.link("shared-text"))
        self.unlink_action.triggered.connect(self.unlink)
        self.speaker_action.triggered.connect(self.ask_speaker)
        self.clear_speaker_action.triggered.connect(lambda: self.set_speaker(""))
        menu = window.edit_menu
        menu.addSeparator()
        menu.addActions([self.link_quote_action, self.link_text_action, self.unlink_action])
        menu.addMenu(self.mark_menu)
        menu.addActions([self.speaker_action, self.clear_speaker_action])

    @property
    def actions(self) -> list[QAction]:
        return [self.link_quote_action, self.link_text_action, self.unlink_action, *self.mark_actions.values(),
                self.speaker_action, self.clear_speaker_action]

    def _update_actions(self) -> None:
        for action in self.actions:
            action.setEnabled(self.base is not None and not self.controller.library.read_only)

    def on_context_menu(self, pane, point) -> None:
        menu = pane.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addActions([self.link_quote_action, self.link_text_action, self.unlink_action])
        menu.addMenu(self.mark_menu)
        menu.addActions([self.speaker_action, self.clear_speaker_action])
        menu.exec(pane.viewport().mapToGlobal(point))
        menu.deleteLater()

    # The pair on screen ------------------------------------------------------------------------------
    def corrected(self, comparison, left_hash: str, right_hash: str):
        """The engine's ``comparison`` of the pair on screen with its saved corrections applied."""
        self.base, self.hashes = comparison, (left_hash, right_hash)
        self.stored = corrections_for(self.controller.library, left_hash, right_hash)
        self._update_actions()
        result = apply_corrections(comparison, [item.correction for item in self.stored])
        stale = getattr(result, "stale", ())
        if stale:
            count = len(stale)
            self.window.notify(
                f"{count} of your corrections to this pair no longer match{'es' if count == 1 else ''} the text "
                "(a document was read again): " + escape(", ".join(c.describe() for c in stale)) +
                ". They are kept but not applied.", "error")
        return result

    def forget(self) -> None:
        """No comparison on screen (another pair is being compared)."""
        self.base, self.hashes, self.stored = None, None, []
        self._update_actions()

    def redraw(self) -> None:
        """Apply the saved corrections again and draw the pair where the reader was."""
        if self.base is None:
            return
        self.stored = corrections_for(self.controller.library, *self.hashes)
        self.window.redraw_comparison(apply_corrections(self.base, [item.correction for item in self.stored]))

    # Making corrections ------------------------------------------------------------------------------
    def _selection(self, pane) -> tuple[int, int] | None:
        cursor = pane.textCursor()
        if not cursor.hasSelection():
            return None
        return word_range(pane.text, pane.offsets.to_python(cursor.selectionStart()),
                          pane.offsets.to_python(cursor.selectionEnd()))

    def _make(self, kind: str, left=None, right=None, **fields) -> None:
        comparison = self.base
        correction = Correction.made(kind, comparison.left.document.text, comparison.right.document.text,
                                     left, right, **fields)
        self.window.undo_stack.push(CorrectionCommand(self, self.hashes, correction))

    def _refused(self) -> bool:
        """True, having said why, when no correction can be made now (no comparison, or a library that
        cannot be written: refused before an undo step is recorded)."""
        if self.base is None:
            self.window.notify("Wait for the comparison to finish before correcting it.", "info")
            return True
        return self.controller._refused_read_only()

    def link(self, cls: str) -> None:
        if self._refused():
            return
        left, right = self._selection(self.window.left), self._selection(self.window.right)
        if left is None or right is None:
            self.window.notify("To link, select the words in <b>both</b> articles first.", "info")
            return
        self._make("link", left, right, cls=cls)

    def unlink(self) -> None:
        if self._refused():
            return
        window = self.window
        for pane in (window.focused_pane, window.right if window.focused_pane is window.left else window.left):
            cursor = pane.textCursor()
            index = pane.passage_at(pane.offsets.to_python(cursor.selectionStart()))
            if index < 0:
                index = pane._selected
            if 0 <= index < len(window.comparison.passages):
                passage = window.comparison.passages[index]
                self._make("unlink", (passage.left_start, passage.left_end), (passage.right_start, passage.right_end))
                return
        window.notify("To unlink, put the cursor in a shared passage (or click it) first.", "info")

    def mark(self, cls: str) -> None:
        if self._refused():
            return
        pane = self.window.focused_pane
        where = self._selection(pane)
        if where is None:
            self.window.notify("To mark text, select it in one article first.", "info")
            return
        self._make("mark", **{pane.side_name: where}, cls=cls)

    def quote_at_cursor(self, pane) -> tuple[int, int] | None:
        """The quotation holding the focused pane's cursor (the outermost), else the selection."""
        side = getattr(self.window.comparison, pane.side_name)
        offset = pane.offsets.to_python(pane.textCursor().selectionStart())
        for quote in side.quotes:
            if quote.depth == 0 and quote.start <= offset < quote.end:
                return word_range(pane.text, quote.start, quote.end)
        return self._selection(pane)

    def _speaker_target(self, where=None):
        """The focused pane and the quotation there to name a speaker for, or None (after saying why)."""
        if self._refused():
            return None
        pane = self.window.focused_pane
        where = where or self.quote_at_cursor(pane)
        if where is None:
            self.window.notify("To name a speaker, put the cursor in a quotation first.", "info")
            return None
        return pane, where

    def ask_speaker(self) -> None:
        target = self._speaker_target()
        if target is None:
            return
        pane, where = target
        comparison = self.window.comparison
        current = comparison.speaker_at(pane.side_name, where[0]) if hasattr(comparison, "speaker_at") else None
        name, accepted = QInputDialog.getText(self.window, "Speaker", "Who says this quotation?",
                                              text=current.speaker if current else "")
        if accepted:
            self.set_speaker(" ".join(name.split()), where)

    def set_speaker(self, speaker: str, where: tuple[int, int] | None = None) -> None:
        target = self._speaker_target(where)
        if target is not None:
            pane, where = target
            self._make("speaker", **{pane.side_name: where}, speaker=speaker)

    # What a reader's mark means, on hover ---------------------------------------------------------------
    def describe_at(self, pane, offset: int) -> str:
        """The tooltip over a reader's correction at ``offset`` in ``pane`` ("" when there is none)."""
        comparison = self.window.comparison
        if not any(start <= offset < end for start, end in pane.reader_marks):
            return ""
        parts = []
        speaker = comparison.speaker_at(pane.side_name, offset) if hasattr(comparison, "speaker_at") else None
        if speaker is not None:
            parts.append(f"speaker: {speaker.speaker}" if speaker.speaker else "no known speaker")
        for correction in reversed(getattr(comparison, "corrections", ())):
            where = getattr(correction, pane.side_name)
            if correction.kind != "speaker" and where and where[0] <= offset < where[1]:
                parts.append(correction.describe())
                break
        return "Your correction: " + "; ".join(parts) if parts else "Your correction"

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pane = self.window.left if watched is self.window.left.viewport() else self.window.right
            offset = pane.offsets.to_python(pane.cursorForPosition(event.pos()).position())
            text = self.describe_at(pane, offset)
            if text:
                QToolTip.showText(event.globalPos(), text, pane)
                return True
        return False


class CorrectionCommand(QUndoCommand):
    """One correction: redo saves it in the library (one transaction), undo deletes it; both redraw."""

    def __init__(self, corrections: PairCorrections, hashes: tuple[str, str], correction: Correction):
        super().__init__(correction.describe().capitalize())
        self.corrections, self.hashes, self.correction = corrections, hashes, correction
        self.stored: Stored | None = None

    def redo(self) -> None:
        library = self.corrections.controller.library
        self.stored = save_correction(library, *self.hashes, self.correction)
        self._redraw()

    def undo(self) -> None:
        if self.stored is not None:
            delete_correction(self.corrections.controller.library, self.stored.id)
            self.stored = None
        self._redraw()

    def _redraw(self) -> None:
        if self.corrections.hashes == self.hashes:  # the pair is still on screen
            self.corrections.redraw()
