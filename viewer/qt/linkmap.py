"""The bands between the two panes: one curved band per shared passage visible in either pane.

Drawn as Meld's ``linkmap.py`` draws its chunks: a closed curve from the passage's top and bottom in the
left pane to its counterpart's top and bottom in the right pane, control points at mid-width, so bands of
passages the other outlet moved cross. Only passages with an end on screen are drawn (Meld's
``pair_changes(..., visible_lines)``); ``drawn`` keeps the indices of the last paint for the tests and the
benchmark.

Exports: ``LinkMap``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .panes import TextPane
from .theme import Theme

BAND_ALPHA = 150  # 0..255: bands are see-through where they cross
WIDTH = 56  # pixels between the panes


class LinkMap(QWidget):
    """Bands joining each shared passage in the left pane to its counterpart in the right pane."""

    passage_hovered = Signal(int)
    passage_clicked = Signal(int)

    def __init__(self, left: TextPane, right: TextPane, parent: QWidget | None = None):
        super().__init__(parent)
        self.left, self.right = left, right
        self.setFixedWidth(WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName("Links between shared passages")
        self.setToolTip("Each band joins a passage to its counterpart; click a band to line the two up")
        self._passages: tuple = ()
        self._quotes: frozenset[int] = frozenset()
        self.reader: frozenset[int] = frozenset()
        self._theme = Theme("light")
        self._hovered = -1
        self._paths: list[tuple[int, QPainterPath]] = []
        self._clip = QRectF()
        self.drawn: list[int] = []
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.verticalScrollBar().rangeChanged.connect(self.update)
            pane.viewport().installEventFilter(self)  # a pane resized rewraps its text: bands move

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def set_passages(self, passages, quotes: frozenset[int], theme: Theme, reader: frozenset[int] = frozenset()) -> None:
        """``reader``: indices of passages a reader linked; their bands get the reader's outline."""
        self._passages, self._quotes, self._theme = tuple(passages), quotes, theme
        self.reader = reader
        self._hovered = -1
        self.update()

    def set_hovered(self, index: int) -> None:
        if index != self._hovered:
            self._hovered = index
            self.update()

    def visible_passages(self) -> list[int]:
        """Indices of passages with at least one end inside its pane's viewport."""
        return [index for index, _, _ in self._geometry()]

    def _geometry(self):
        """(index, (left top, left bottom), (right top, right bottom)) in this widget's y, for visible ones."""
        if not self._passages or not self.left.text or not self.right.text:
            return []
        left_shift, right_shift = self._viewport_top(self.left), self._viewport_top(self.right)
        left_height = self.left.viewport().height()
        right_height = self.right.viewport().height()
        left_top_offset, left_bottom_offset = self.left.visible_range()
        right_top_offset, right_bottom_offset = self.right.visible_range()
        result = []
        for index, passage in enumerate(self._passages):
            # Cheap offset test first; the line geometry is only asked for passages that can be visible.
            left_near = passage.left_end >= left_top_offset - 1 and passage.left_start <= left_bottom_offset + 1
            right_near = passage.right_end >= right_top_offset - 1 and passage.right_start <= right_bottom_offset + 1
            if not (left_near or right_near):
                continue
            left_span = self.left.viewport_span(passage.left_start, passage.left_end)
            right_span = self.right.viewport_span(passage.right_start, passage.right_end)
            left_visible = left_span[1] > 0 and left_span[0] < left_height
            right_visible = right_span[1] > 0 and right_span[0] < right_height
            if left_visible or right_visible:
                result.append((index,
                               (left_span[0] + left_shift, left_span[1] + left_shift),
                               (right_span[0] + right_shift, right_span[1] + right_shift)))
        return result

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Bands live beside the text, never beside the panes' headers: clip to where both viewports are.
        top = max(self._viewport_top(self.left), self._viewport_top(self.right))
        bottom = min(self._viewport_top(self.left) + self.left.viewport().height(),
                     self._viewport_top(self.right) + self.right.viewport().height())
        self._clip = QRectF(0, top, self.width(), max(bottom - top, 0))
        painter.setClipRect(self._clip)
        width = self.width()
        middle = width / 2
        self._paths, self.drawn = [], []
        for index, (left_top, left_bottom), (right_top, right_bottom) in self._geometry():
            # One closed curve per passage, as in Meld: top edge left->right, bottom edge right->left.
            path = QPainterPath(QPointF(0, left_top))
            path.cubicTo(QPointF(middle, left_top), QPointF(middle, right_top), QPointF(width, right_top))
            path.lineTo(QPointF(width, right_bottom))
            path.cubicTo(QPointF(middle, right_bottom), QPointF(middle, left_bottom), QPointF(0, left_bottom))
            path.closeSubpath()
            cls = "shared-quote" if index in self._quotes else "shared-text"
            fill = QColor(self._theme.hover if index == self._hovered else self._theme.background(cls))
            outline = QColor(fill).darker(160 if not self._theme.dark else 60)
            fill.setAlpha(255 if index == self._hovered else BAND_ALPHA)
            if index in self.reader:  # the reader's link: drawn in the reader's colour, dashed
                painter.setPen(QPen(self._theme.reader, 2, Qt.PenStyle.DashLine))
            else:
                painter.setPen(QPen(outline, 1))
            painter.setBrush(fill)
            painter.drawPath(path)
            self._paths.append((index, path))
            self.drawn.append(index)
        painter.end()

    def _viewport_top(self, pane: TextPane) -> float:
        return self.mapFromGlobal(pane.viewport().mapToGlobal(QPointF(0, 0))).y()

    def band_at(self, point: QPointF) -> int:
        """The band under ``point`` (the last drawn is on top), or -1; none beside the headers."""
        point = QPointF(point)
        if not self._clip.contains(point):
            return -1
        for index, path in reversed(self._paths):
            if path.contains(point):
                return index
        return -1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.passage_hovered.emit(self.band_at(event.position()))

    def leaveEvent(self, event) -> None:
        self.passage_hovered.emit(-1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.band_at(event.position())
            if index >= 0:
                self.passage_clicked.emit(index)
