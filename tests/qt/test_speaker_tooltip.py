"""Hovering a quotation in a pane names who said it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from viewer.engine import compare
from viewer.qt.panes import TextPane
from viewer.qt.theme import Theme

LEFT = ("Rep. James E. Clyburn spent Tuesday in his office.\n\n"
        "“We are not going to let this moment pass us by,” Mr. Clyburn said in an interview.\n\n"
        "Critics were unmoved.")
RIGHT = ("Rep. Jim Clyburn wants a deal.\n\n"
         "“We are not going to let this moment pass us by,” he said. Others called it a “fantasy.”")


def hover(qtbot, pane: TextPane, offset: int) -> str:
    """Send the pane the tooltip event Qt sends when the mouse rests over ``text[offset]``; the tooltip shown."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offsets.to_qt(offset))
    rect = pane.cursorRect(cursor)
    point = QPoint(rect.right() + 2, rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    QApplication.sendEvent(pane.viewport(), event)
    # Offscreen, Qt never reports the tooltip window as visible and keeps the last text after hiding it:
    # a pane that shows nothing hides the tooltip and leaves the event unaccepted.
    return QToolTip.text() if event.isAccepted() else ""


def test_hovering_a_quote_shows_its_speaker(qtbot):
    """The mouse resting on a quotation shows "Said by <speaker>"; on narration or an unattributed phrase, nothing."""
    result = compare(LEFT, RIGHT)
    panes = []
    for side in (result.left, result.right):
        pane = TextPane("left")
        qtbot.addWidget(pane)
        pane.resize(700, 400)
        pane.show()
        qtbot.waitExposed(pane)
        pane.show_side(side, [], [], Theme("light"))
        panes.append(pane)
    left, right = panes
    assert hover(qtbot, left, LEFT.index("this moment")) == "Said by James E. Clyburn"
    assert hover(qtbot, left, LEFT.index("unmoved")) == ""
    # the re-report's "he said" resolves to the Clyburn its narration names
    assert hover(qtbot, right, RIGHT.index("this moment")) == "Said by Jim Clyburn"
    assert hover(qtbot, right, RIGHT.index("fantasy")) == ""
