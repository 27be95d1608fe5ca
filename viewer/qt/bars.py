"""The small strips around the panes: the notice bar, the find bar and the colour legend.

Exports: ``NoticeBar``, ``FindBar``, ``Legend``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ..engine import CLASSES
from .theme import Theme


class NoticeBar(QFrame):
    """A message across the top of the panes (not a dialog: nothing to dismiss before working on)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)  # messages are HTML-escaped: never guess plain text
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close this message (Esc)")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str, theme: Theme) -> None:
        """``kind``: "info" or "error"; errors use the theme's strongest colour."""
        self.kind = kind
        palette = self.palette()
        colour = theme.altered if kind == "error" else theme.background("shared-text")
        palette.setColor(QPalette.ColorRole.Window, colour)
        self.setPalette(palette)
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        """The message as the user reads it (plain text, entities resolved), or "" when hidden."""
        return QTextDocumentFragment.fromHtml(self.label.text()).toPlainText() if self.isVisible() else ""


class FindBar(QFrame):
    """Ctrl+F: one search field for both panes; Enter finds the next match, Shift+Enter the previous."""

    find_requested = Signal(str, bool)  # text, backwards

    def __init__(self, parent=None):
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in both articles")
        self.field.setClearButtonEnabled(True)
        self.field.setAcceptDrops(False)  # a file dropped here is an import, not text to search for
        self.result = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.result)
        self.field.returnPressed.connect(lambda: self.find_requested.emit(self.field.text(), False))
        self.field.textEdited.connect(lambda text: self.find_requested.emit(text, False))
        self.field.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.hide()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_requested.emit(self.field.text(), True)
                return True
        return super().eventFilter(watched, event)


class Legend(QWidget):
    """What each colour means, in words, with a swatch each (from the theme table), one line each."""

    COLUMNS = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(6, 0, 6, 2)
        self._layout.setHorizontalSpacing(16)
        self._layout.setVerticalSpacing(1)
        self.items: dict[str, QLabel] = {}

    def set_theme(self, theme: Theme) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        entries = [(cls, theme.background(cls), theme.legend(cls)) for cls in CLASSES]
        entries.append(("altered", theme.altered, theme.altered_legend))
        entries.append(("reader", theme.reader, theme.reader_legend))
        self.items = {}
        for number, (cls, colour, sentence) in enumerate(entries):
            name, _, explanation = sentence.partition(": ")
            label = QLabel(f'<span style="background:{colour.name()};">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;'
                           f"<b>{name}</b>: {explanation}")
            label.setObjectName(f"legend-{cls}")
            self.items[cls] = label
            self._layout.addWidget(label, number // self.COLUMNS, number % self.COLUMNS)
        self._layout.setColumnStretch(self.COLUMNS, 1)
