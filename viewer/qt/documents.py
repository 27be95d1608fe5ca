"""The document list: a table model over the library's entries, and the bar that paints shares.

``DocumentListModel(library)`` shows one row per document: which pane shows it, title, outlet, date, word
count and a bar of how much of it is shared quotes / shared text / its own framing against the left pane's
document. Title, outlet and date are edited in place; an edit is handed to ``edit_handler`` (the controller,
which records it for undo and saves it) rather than written here.

The model keeps every cell's data in Qt's own item storage (a ``QStandardItemModel``) rather than answering
``data()`` in Python: painting the list asks for about ten roles per cell, and each Python call has to wait
for the GIL while a comparison or an import runs in a worker thread, which made the list's repaints stall
the window for 100 ms and more. Python runs only when a row changes.

Exports: ``Column``, ``DocumentListModel``, ``ShareBarDelegate``, ``ID_ROLE``, ``SHARE_ROLE``, ``SORT_ROLE``.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..storage.library import Entry, Library
from .plain import plain_text, plain_tooltip
from .theme import Theme

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the document id of a row
SHARE_ROLE = Qt.ItemDataRole.UserRole + 2  # ((class, fraction), ...) for the bar
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # what a column sorts by: numbers as numbers, text folded
BAR_CLASSES = ("shared-quote", "shared-text", "framing")  # the bar's segments, in order


class Column(IntEnum):
    PANE = 0
    OUTLET = 1
    TITLE = 2
    DATE = 3
    WORDS = 4
    SHARES = 5


_HEADERS = {Column.PANE: "", Column.TITLE: "Title", Column.OUTLET: "Outlet", Column.DATE: "Date",
            Column.WORDS: "Words", Column.SHARES: "vs left"}
_HEADER_TIPS = {Column.SHARES: "Shared quotes / shared text / own framing, against the left pane's article",
                Column.PANE: "L: shown in the left pane, R: in the right pane"}
_FIELDS = {Column.TITLE: "title", Column.OUTLET: "outlet", Column.DATE: "date"}


class DocumentListModel(QStandardItemModel):
    def __init__(self, library: Library, parent=None):
        super().__init__(0, len(Column), parent)
        self.library = library
        self.entries: list[Entry] = []
        self.shares: dict[int, tuple[tuple[str, float], ...]] = {}
        self.left_id: int | None = None
        self.right_id: int | None = None
        self.edit_handler = None  # callable(document_id, field, value); the controller sets it
        for column in Column:
            header = QStandardItem(_HEADERS[column])
            if column in _HEADER_TIPS:
                header.setToolTip(_HEADER_TIPS[column])
            self.setHorizontalHeaderItem(column, header)
        for entry in library.entries():
            self.insert_entry(entry)

    # Keeping in step with the library ---------------------------------------------------------------
    def row_of(self, document_id: int) -> int:
        for row, entry in enumerate(self.entries):
            if entry.id == document_id:
                return row
        return -1

    def entry(self, document_id: int) -> Entry | None:
        row = self.row_of(document_id)
        return self.entries[row] if row >= 0 else None

    def insert_entry(self, entry: Entry) -> None:
        """A new document (or one restored by undo) takes its place in id order."""
        row = sum(1 for existing in self.entries if existing.id < entry.id)
        self.entries.insert(row, entry)
        items = [QStandardItem() for _ in Column]
        for column, item in zip(Column, items):
            item.setEditable(column in _FIELDS)
            item.setData(entry.id, ID_ROLE)
        self.insertRow(row, items)
        self._update_row(row)

    def remove_entry(self, document_id: int) -> None:
        row = self.row_of(document_id)
        if row >= 0:
            del self.entries[row]
            self.shares.pop(document_id, None)
            self.removeRow(row)

    def refresh_entry(self, entry: Entry) -> None:
        row = self.row_of(entry.id)
        if row >= 0:
            self.entries[row] = entry
            self._update_row(row)

    def set_pair(self, left_id: int | None, right_id: int | None) -> None:
        changed = {self.left_id, self.right_id, left_id, right_id} - {None}
        self.left_id, self.right_id = left_id, right_id
        for document_id in changed:
            row = self.row_of(document_id)
            if row >= 0:
                self._update_pane(row)
                self._update_shares(row)

    def set_shares(self, document_id: int, shares: tuple[tuple[str, float], ...]) -> None:
        self.shares[document_id] = shares
        row = self.row_of(document_id)
        if row >= 0:
            self._update_shares(row)

    def clear_shares(self) -> None:
        self.shares.clear()
        for row in range(len(self.entries)):
            self._update_shares(row)

    # The cells ---------------------------------------------------------------------------------------
    def _update_row(self, row: int) -> None:
        entry = self.entries[row]
        for column, field in _FIELDS.items():
            item = self.item(row, column)
            value = getattr(entry, field)
            # An older version may have stored a newline or an escape sequence: shown (and edited) without.
            item.setData(plain_text(value), Qt.ItemDataRole.EditRole)
            item.setData(str(value).casefold(), SORT_ROLE)
            item.setToolTip(plain_tooltip(f"{entry.title}\n{entry.path}" if entry.path else entry.title))
        outlet = self.item(row, Column.OUTLET)
        if not entry.outlet:
            # The file's short name stands in, greyed, until the user types the outlet.
            outlet.setData(plain_text(entry.name), Qt.ItemDataRole.DisplayRole)
            outlet.setData(entry.name.casefold(), SORT_ROLE)
            outlet.setForeground(QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            outlet.setToolTip("Outlet not known yet: press F2 or double-click to type it")
        else:
            outlet.setData(None, Qt.ItemDataRole.ForegroundRole)
        words = self.item(row, Column.WORDS)
        words.setText(f"{entry.words:,}")
        words.setData(entry.words, SORT_ROLE)
        words.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        pane = self.item(row, Column.PANE)
        pane.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont()
        font.setBold(True)
        pane.setFont(font)
        self._update_pane(row)
        self._update_shares(row)

    def _update_pane(self, row: int) -> None:
        document_id = self.entries[row].id
        item = self.item(row, Column.PANE)
        item.setText("L" if document_id == self.left_id else "R" if document_id == self.right_id else "")
        item.setData({self.left_id: 0, self.right_id: 1}.get(document_id, 2), SORT_ROLE)

    def _update_shares(self, row: int) -> None:
        document_id = self.entries[row].id
        item = self.item(row, Column.SHARES)
        shares = self.shares.get(document_id)
        item.setData(shares, SHARE_ROLE)
        item.setData(dict(shares or ()).get("shared-quote", -1.0), SORT_ROLE)  # the left one sorts first
        if document_id == self.left_id:
            item.setToolTip("This is the left pane's article")
        elif shares:
            item.setToolTip("; ".join(f"{cls.replace('-', ' ')} {fraction:.0%}" for cls, fraction in shares))
        else:
            item.setToolTip("Comparing…")

    # Edits from the view go to the controller, which saves them (and can undo them) ------------------
    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in _FIELDS or self.edit_handler is None:
            return super().setData(index, value, role)
        entry = self.entries[index.row()]
        field = _FIELDS[Column(index.column())]
        value = str(value).strip()
        shown = plain_text(getattr(entry, field) or (entry.name if field == "outlet" else ""))
        if value in (getattr(entry, field), shown):
            return False  # unchanged (an unknown outlet's editor starts with the file's short name, as shown)
        self.edit_handler(entry.id, field, value)
        return True


class ShareBarDelegate(QStyledItemDelegate):
    """Paints a row's shares as one bar of class colours (the rest of the bar stays empty)."""

    def __init__(self, theme_source, parent=None):
        super().__init__(parent)
        self._theme_source = theme_source  # callable returning the current Theme

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        shares = index.data(SHARE_ROLE)
        rect = option.rect.adjusted(4, 5, -4, -5)
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if shares:
            theme: Theme = self._theme_source()
            x = rect.left() + 1
            inner = rect.width() - 2
            for cls, fraction in shares:
                width = round(fraction * inner)
                painter.fillRect(QRect(x, rect.top() + 1, width, rect.height() - 2), theme.background(cls))
                x += width
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        return QSize(70, 20)
