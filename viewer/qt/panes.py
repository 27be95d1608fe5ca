"""The two text panes: a read-only article with its classes coloured, its header, and its overview map.

``TextPane`` shows one ``Side`` of a comparison. It speaks Python string offsets (the engine's unit) to
everyone else and converts to Qt's positions (UTF-16 code units) inside, so articles with emoji or other
characters outside the Basic Multilingual Plane scroll and highlight at the right words.

Exports: ``Utf16Offsets``, ``TextPane``, ``PaneView``, ``OverviewMap``.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from itertools import accumulate

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont, QMouseEvent, QPainter, QPalette, QPen, QPixmap, QTextCharFormat, QTextCursor,
    QTextFormat, QTextOption,
)
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QTextEdit, QToolTip, QVBoxLayout, QWidget,
)

from ..engine import CLASSES
from .theme import Theme

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")

FORMAT_BATCH_SECONDS = 0.012  # colouring time per event-loop turn, so scrolling never waits long
FORMAT_CHECK_SPANS = 50  # spans coloured between looks at the clock
SELECTED_BAR_WIDTH = 5  # pixels: the margin bar beside the passage navigation went to
READER_MARK_WIDTH = 4  # pixels: the bar in the right margin beside a reader's correction


class Utf16Offsets:
    """Python str index <-> Qt text position. The identity unless the text has astral characters."""

    def __init__(self, text: str):
        astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral = astral
        # Qt position of the second code unit of each astral character.
        self._lows = [index + number + 1 for number, index in enumerate(astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index) if self._astral else index

    def to_python(self, position: int) -> int:
        return position - bisect_left(self._lows, position) if self._astral else position


class TextPane(QTextEdit):
    """One article, read-only and word-wrapped, its characters coloured by class.

    Signals carry passage indices into the comparison's ``passages`` (``-1``: none).
    """

    passage_hovered = Signal(int)
    passage_clicked = Signal(int)
    focused = Signal()

    def __init__(self, side_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.side_name = side_name  # "left" or "right": which ends of a Passage belong to this pane
        self.setAccessibleName(f"{side_name.capitalize()} article")
        self.setReadOnly(True)
        # Keyboard users see which article has the focus (Next Framing and Find act on it): the frame
        # takes the selection colour. The frame is the widget's, so the text's colours are untouched.
        self.setStyleSheet("TextPane { border: 1px solid palette(mid); }"
                           " TextPane:focus { border: 2px solid palette(highlight); }")
        # A caret for the keyboard: select and copy a quote, page through, find from where one is reading.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # files dropped on a pane go to the window, which imports them
        self.viewport().setAcceptDrops(False)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(10)
        self.text = ""
        self.offsets = Utf16Offsets("")
        self.passages: list[tuple[int, int]] = []  # (start, end) of each passage on this side
        self._passage_starts: list[int] = []
        self._reach: list[int] = []
        self._order: list[int] = []
        self._hovered = -1
        self._selected = -1
        self._theme = Theme("light")
        self._pending_formats: list[tuple[int, int, QTextCharFormat]] = []
        self._format_timer = QTimer(self, singleShot=True, interval=0)
        self._format_timer.timeout.connect(self._apply_format_batch)
        self._press = QPoint()
        self.reader_marks: tuple[tuple[int, int], ...] = ()  # ranges the reader corrected (margin bars)
        self._side = None  # the side shown: its speakers are resolved on the first tooltip, not before
        self._speakers: list | None = None  # QuoteSpeaker of each top-level quote, by start
        self._speaker_starts: list[int] = []

    # Content --------------------------------------------------------------------------------------
    def show_side(self, side, passages: list[tuple[int, int]], edits: list[tuple[int, int]], theme: Theme) -> None:
        """Show a comparison side: its text, a colour per class, altered words marked strongly.

        Formatting is applied in batches on later event-loop turns, so a long article never freezes the
        window; ``formatting_done`` tells when the last batch is in.
        """
        self._theme = theme
        self.text = side.document.text
        self.offsets = Utf16Offsets(self.text)
        self.passages = list(passages)
        self._order = sorted(range(len(passages)), key=lambda index: passages[index])
        self._passage_starts = [passages[index][0] for index in self._order]
        self._reach = list(accumulate((passages[index][1] for index in self._order), max))  # furthest end so far
        self._hovered = self._selected = -1
        self._side, self._speakers = side, None
        self.setExtraSelections([])
        self.setPlainText(self.text)
        formats = {cls: self._class_format(cls) for cls in CLASSES}
        altered = self._altered_format()
        pending = [(span.start, span.end, formats[span.cls]) for span in side.spans]
        pending += [(start, end, altered) for start, end in edits]
        # The top of the article first: it is what the user sees while the rest is coloured. The first
        # batch waits for the next event-loop turn too, so both panes' texts appear before any colouring.
        self._pending_formats = pending[::-1]
        self._format_timer.start()

    def show_placeholder(self, message: str) -> None:
        """A message instead of an article (no document to show)."""
        self.show_plain("")
        self.setPlainText(message)

    def show_plain(self, text: str) -> None:
        """An article without colours or passages (its comparison is still running)."""
        self.text = text
        self.offsets = Utf16Offsets(text)
        self.passages, self._order, self._passage_starts, self._reach = [], [], [], []
        self.reader_marks = ()
        self._side, self._speakers = None, None
        self._pending_formats = []
        self._hovered = self._selected = -1
        self.setExtraSelections([])
        self.setPlainText(text)

    @property
    def formatting_done(self) -> bool:
        return not self._pending_formats

    def _class_format(self, cls: str) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setBackground(self._theme.background(cls))
        text_colour = self._theme.text(cls)
        if text_colour is not None:
            char_format.setForeground(text_colour)
        return char_format

    def _altered_format(self) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setBackground(self._theme.altered)
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        char_format.setUnderlineColor(self._theme.altered_underline)
        char_format.setFontWeight(QFont.Weight.DemiBold)
        return char_format

    def _apply_format_batch(self) -> None:
        if not self._pending_formats:
            return
        cursor = QTextCursor(self.document())
        pending, to_qt = self._pending_formats, self.offsets.to_qt
        deadline = time.perf_counter() + FORMAT_BATCH_SECONDS
        cursor.beginEditBlock()
        while pending and time.perf_counter() < deadline:
            for _ in range(min(FORMAT_CHECK_SPANS, len(pending))):
                start, end, char_format = pending.pop()
                cursor.setPosition(to_qt(start))
                cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(char_format)
        cursor.endEditBlock()
        if self._pending_formats:
            self._format_timer.start()

    def format_at(self, offset: int) -> QTextCharFormat:
        """The character format at Python offset ``offset`` (what the user sees there)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(offset) + 1)
        return cursor.charFormat()

    # Geometry: offsets <-> content y (document coordinates) and viewport y ---------------------------
    def _line_box(self, position: int) -> tuple[float, float, int, int]:
        """Document y of the top of the line holding Qt ``position``, its height, first position, length."""
        document = self.document()
        block = document.findBlock(position)
        if not block.isValid():
            return document.size().height(), 0.0, position, 0
        top = document.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return top, 0.0, block.position(), 0
        return top + line.y(), line.height(), block.position() + line.textStart(), line.textLength()

    def content_y(self, offset: float) -> float:
        """Document y of (fractional) Python offset ``offset``: the line's top plus the fraction inside it."""
        whole = min(int(offset), len(self.text))
        position = self.offsets.to_qt(whole)
        top, height, start, length = self._line_box(position)
        fraction = (position - start + (offset - whole)) / max(length, 1)
        return top + min(max(fraction, 0.0), 1.0) * height

    def offset_at_content_y(self, y: float) -> float:
        """Fractional Python offset at document y ``y`` (the inverse of ``content_y``)."""
        scroll = self.verticalScrollBar().value()
        position = self.cursorForPosition(QPoint(4, int(y - scroll))).position()
        top, height, start, length = self._line_box(position)
        fraction = min(max((y - top) / max(height, 1.0), 0.0), 1.0)
        # The line's start and length are in Qt's UTF-16 units: convert both ends, then interpolate in
        # Python offsets, or a line of emoji would overshoot up to twice.
        first, last = self.offsets.to_python(start), self.offsets.to_python(start + length)
        return first + fraction * (last - first)

    def viewport_span(self, start: int, end: int) -> tuple[float, float]:
        """Viewport y of the top of ``start``'s line and the bottom of the line of ``end``'s last character."""
        scroll = self.verticalScrollBar().value()
        top, _, _, _ = self._line_box(self.offsets.to_qt(start))
        last_top, last_height, _, _ = self._line_box(self.offsets.to_qt(max(end - 1, start)))
        return top - scroll, last_top + last_height - scroll

    def anchor_y(self) -> float:
        """Viewport y of the line that scroll sync keeps level: top when scrolled to the top, bottom at the
        end, in proportion between (so both texts' first and last lines can always be reached)."""
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if bar.maximum() <= 0:
            return 0.0
        return height * bar.value() / bar.maximum()

    def anchor_offset(self) -> float:
        return self.offset_at_content_y(self.verticalScrollBar().value() + self.anchor_y())

    def scroll_to_offset(self, offset: float, viewport_y: float) -> None:
        """Scroll so that ``offset`` sits at ``viewport_y`` (clamped by the scroll bar's range)."""
        bar = self.verticalScrollBar()
        bar.setValue(round(self.content_y(offset) - viewport_y))

    def scroll_line_to(self, offset: int, viewport_y: float) -> None:
        """Scroll so that the top of the line holding ``offset`` sits at ``viewport_y``."""
        top, _, _, _ = self._line_box(self.offsets.to_qt(offset))
        self.verticalScrollBar().setValue(round(top - viewport_y))

    def visible_range(self) -> tuple[float, float]:
        """Python offsets at the top and bottom of the viewport."""
        scroll = self.verticalScrollBar().value()
        return (self.offset_at_content_y(scroll), self.offset_at_content_y(scroll + self.viewport().height()))

    # Passages under the mouse ----------------------------------------------------------------------
    def passage_at(self, offset: int) -> int:
        """Index of the passage covering ``offset`` (the one starting last if several), or -1."""
        position = bisect_right(self._passage_starts, offset) - 1
        # Walk back from the last passage starting here while some earlier one still reaches past the
        # offset (one step unless passages overlap), as SyncMap does.
        while position >= 0 and self._reach[position] > offset:
            index = self._order[position]
            start, end = self.passages[index]
            if start <= offset < end:
                return index
            position -= 1
        return -1

    def speaker_at(self, offset: int) -> str | None:
        """Who said the quotation covering ``offset``, or None (no quotation there, or nobody named)."""
        if self._speakers is None:
            self._speakers = list(getattr(self._side, "speakers", ()))
            self._speaker_starts = [quote.start for quote in self._speakers]
        position = bisect_right(self._speaker_starts, offset) - 1
        if position >= 0 and offset < self._speakers[position].end:
            return self._speakers[position].speaker
        return None

    def viewportEvent(self, event) -> bool:
        # Hovering a quotation names its speaker; anywhere else the tooltip goes away.
        if event.type() == QEvent.Type.ToolTip:
            offset = self.offsets.to_python(self.cursorForPosition(event.pos()).position()) if self.text else -1
            speaker = self.speaker_at(offset) if offset >= 0 else None
            if speaker:
                QToolTip.showText(event.globalPos(), f"Said by {speaker}", self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def set_hovered(self, index: int) -> None:
        if index != self._hovered:
            self._hovered = index
            self._update_highlight()

    def set_selected(self, index: int) -> None:
        if index != self._selected:
            self._selected = index
            self._update_highlight()

    def _update_highlight(self) -> None:
        selections = []
        for index, width in ((self._selected, 3), (self._hovered, 2)):
            if not 0 <= index < len(self.passages):
                continue
            start, end = self.passages[index]
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_qt(start))
            cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            selection.format.setUnderlineColor(self._theme.hover)
            selection.format.setProperty(QTextFormat.Property.OutlinePen, QPen(self._theme.hover, width))
            if index == self._hovered:
                selection.format.setBackground(self._theme.hover)
            selections.append(selection)
        self.setExtraSelections(selections)
        self.viewport().update()  # the margin bar (see paintEvent) may have moved

    def set_reader_marks(self, ranges) -> None:
        """Character ranges the reader corrected: each gets a bar in the right margin beside its lines."""
        self.reader_marks = tuple(ranges)
        self.viewport().update()

    def reader_mark_rects(self) -> list[QRectF]:
        """Where the reader's margin bars are drawn in the viewport (only those on screen)."""
        rects, height, x = [], self.viewport().height(), self.viewport().width() - READER_MARK_WIDTH - 1
        if not self.text:
            return rects
        first, last = self.visible_range()
        for start, end in self.reader_marks:
            if end < first - 1 or start > last + 1:
                continue
            top, bottom = self.viewport_span(start, end)
            if bottom > 0 and top < height:
                rects.append(QRectF(x, top, READER_MARK_WIDTH, bottom - top))
        return rects

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        marks = self.reader_mark_rects() if self.reader_marks else []
        if marks:
            painter = QPainter(self.viewport())
            for rect in marks:
                painter.fillRect(rect, self._theme.reader)
            painter.end()
        # The passage Next/Previous or a click went to: a bar in the margin beside its lines, in the
        # system's selection colour, so it stays findable without hiding its class colour.
        if 0 <= self._selected < len(self.passages):
            top, bottom = self.viewport_span(*self.passages[self._selected])
            if bottom > 0 and top < self.viewport().height():
                painter = QPainter(self.viewport())
                painter.fillRect(QRectF(1, top, SELECTED_BAR_WIDTH, bottom - top),
                                 self.palette().color(QPalette.ColorRole.Highlight))
                painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.passage_hovered.emit(self._passage_under(event.position().toPoint()))

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.passage_hovered.emit(-1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        # A click, not the end of a text selection: go to the counterpart.
        if (point - self._press).manhattanLength() < 4 and not self.textCursor().hasSelection():
            index = self._passage_under(point)
            if index >= 0:
                self.passage_clicked.emit(index)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def _passage_under(self, point: QPoint) -> int:
        if not self.text:
            return -1
        position = self.cursorForPosition(point).position()
        return self.passage_at(self.offsets.to_python(position))


class OverviewMap(QWidget):
    """Where each class lies in the whole text, as a thin strip; the visible part is outlined.

    Like Meld's chunkmap, the coloured strip is drawn once into a pixmap and redrawn only when the spans,
    the theme or the size change; scrolling repaints just the outline. Clicking or dragging scrolls there.
    """

    position_requested = Signal(float)  # fraction of the text (0..1)

    WIDTH = 16  # pixels

    def __init__(self, pane: TextPane, parent: QWidget | None = None):
        super().__init__(parent)
        self.pane = pane
        self.setFixedWidth(self.WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: where each colour lies in the whole article; click to go there")
        self._spans: tuple = ()
        self._length = 0
        self._theme = Theme("light")
        self._cache: QPixmap | None = None
        pane.verticalScrollBar().valueChanged.connect(self.update)
        pane.verticalScrollBar().rangeChanged.connect(self.update)

    def set_spans(self, spans, length: int, theme: Theme) -> None:
        self._spans, self._length, self._theme = spans, length, theme
        self._cache = None
        self.update()

    def resizeEvent(self, event) -> None:
        self._cache = None
        super().resizeEvent(event)

    def _strip(self) -> QPixmap:
        if self._cache is None or self._cache.size() != self.size():
            pixmap = QPixmap(self.size())
            pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
            painter = QPainter(pixmap)
            # One rectangle per run of pixel rows of one class, not one per span: a long article has
            # thousands of spans but the strip only a few hundred rows, and each Qt call costs the GUI
            # thread a turn at the GIL while a comparison runs.
            height = self.height()
            rows: list[str | None] = [None] * height
            if self._length:
                for span in self._spans:
                    top = int(span.start / self._length * height)
                    bottom = max(int(span.end / self._length * height), top + 1)
                    for row in range(top, min(bottom, height)):
                        if rows[row] is None or span.cls != "framing":  # a row's shared text outranks framing
                            rows[row] = span.cls
            colours = {cls: self._theme.background(cls) for cls in set(rows) if cls}
            start = 0
            for row in range(1, height + 1):
                if row == height or rows[row] != rows[start]:
                    if rows[start] is not None:
                        painter.fillRect(QRect(2, start, self.width() - 4, row - start), colours[rows[start]])
                    start = row
            painter.end()
            self._cache = pixmap
        return self._cache

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._strip())
        if self._length and self.pane.text:
            # The outline from the scroll bar alone: asking the text layout where the viewport's first and
            # last characters are costs milliseconds on a long article, at every scroll step.
            bar = self.pane.verticalScrollBar()
            total = max(bar.maximum() + bar.pageStep(), 1)
            y1 = bar.value() / total * self.height()
            y2 = max((bar.value() + bar.pageStep()) / total * self.height(), y1 + 3)
            pen = QPen(self.palette().color(QPalette.ColorRole.Text), 1.5)
            painter.setPen(pen)
            painter.drawRect(QRectF(0.75, y1, self.width() - 1.5, y2 - y1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._request(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._request(event.position().y())

    def _request(self, y: float) -> None:
        self.position_requested.emit(min(max(y / max(self.height(), 1), 0.0), 1.0))

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 200)


class PaneView(QFrame):
    """A pane with its header (outlet, title, date) and a busy indicator while its comparison runs."""

    def __init__(self, side_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pane = TextPane(side_name)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(False)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setMinimumHeight(self.header.fontMetrics().height() * 2 + 8)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: "working", with no false promise of how long
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.setToolTip("Comparing…")
        self.busy.hide()
        self.map = OverviewMap(self.pane)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.header, 1)
        top.addWidget(self.busy)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(2)
        if side_name == "left":
            body.addWidget(self.map)
            body.addWidget(self.pane, 1)
        else:
            body.addWidget(self.pane, 1)
            body.addWidget(self.map)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.map.position_requested.connect(self.on_map_position_requested)

    def set_header(self, label: str, title: str, date: str) -> None:
        from html import escape

        from .plain import plain_text, plain_tooltip

        date_part = f" · {escape(date)}" if date else ""
        self.header.setText(f"<b>{escape(label)}</b>{date_part}<br>{escape(plain_text(title))}")
        self.header.setToolTip(plain_tooltip(title))

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def on_map_position_requested(self, fraction: float) -> None:
        pane = self.pane
        if pane.text:
            pane.scroll_to_offset(fraction * len(pane.text), pane.viewport().height() / 2)
