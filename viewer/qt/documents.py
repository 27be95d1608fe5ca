"""The document list: a table model over the library's entries, and the bar that paints shares.

``DocumentListModel(library)`` shows one row per document: which pane shows it, title, outlet, date, word
count and a bar of how much of it is shared quotes / shared text / its own framing against the left pane's
document. Title, outlet and date are edited in place; an edit is handed to ``edit_handler`` (the controller,
which records it for undo and saves it) rather than written here.

Exports: ``Column``, ``DocumentListModel``, ``ShareBarDelegate``, ``ID_ROLE``, ``SHARE_ROLE``, ``SORT_ROLE``.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..storage.library import Entry, Library
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
_FIELDS = {Column.TITLE: "title", Column.OUTLET: "outlet", Column.DATE: "date"}


class DocumentListModel(QAbstractTableModel):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.entries: list[Entry] = library.entries()
        self.shares: dict[int, tuple[tuple[str, float], ...]] = {}
        self.left_id: int | None = None
        self.right_id: int | None = None
        self.edit_handler = None  # callable(document_id, field, value); the controller sets it

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
        self.beginInsertRows(QModelIndex(), row, row)
        self.entries.insert(row, entry)
        self.endInsertRows()

    def remove_entry(self, document_id: int) -> None:
        row = self.row_of(document_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.entries[row]
            self.shares.pop(document_id, None)
            self.endRemoveRows()

    def refresh_entry(self, entry: Entry) -> None:
        row = self.row_of(entry.id)
        if row >= 0:
            self.entries[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def set_pair(self, left_id: int | None, right_id: int | None) -> None:
        self.left_id, self.right_id = left_id, right_id
        if self.entries:
            self.dataChanged.emit(self.index(0, Column.PANE), self.index(len(self.entries) - 1, Column.PANE))

    def set_shares(self, document_id: int, shares: tuple[tuple[str, float], ...]) -> None:
        self.shares[document_id] = shares
        row = self.row_of(document_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, Column.SHARES), self.index(row, Column.SHARES))

    def clear_shares(self) -> None:
        self.shares.clear()
        if self.entries:
            self.dataChanged.emit(self.index(0, Column.SHARES), self.index(len(self.entries) - 1, Column.SHARES))

    # Qt model interface ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[Column(section)]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == Column.SHARES:
                return "Shared quotes / shared text / own framing, against the left pane's article"
            if section == Column.PANE:
                return "L: shown in the left pane, R: in the right pane"
        return None

    def flags(self, index: QModelIndex):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in _FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = Column(index.column())
        if role == ID_ROLE:
            return entry.id
        if role == SORT_ROLE:
            return self._sort_key(entry, column)
        if role == SHARE_ROLE and column == Column.SHARES:
            return self.shares.get(entry.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == Column.PANE:
                return "L" if entry.id == self.left_id else "R" if entry.id == self.right_id else ""
            if column in _FIELDS:
                value = getattr(entry, _FIELDS[column])
                if role == Qt.ItemDataRole.DisplayRole and column == Column.OUTLET and not value:
                    return entry.name  # a hint until the user names the outlet
                return value
            if column == Column.WORDS:
                return f"{entry.words:,}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.SHARES:
                shares = self.shares.get(entry.id)
                if entry.id == self.left_id:
                    return "This is the left pane's article"
                if shares:
                    return "; ".join(f"{cls.replace('-', ' ')} {fraction:.0%}" for cls, fraction in shares)
                return "Comparing…"
            if column == Column.OUTLET and not entry.outlet:
                return "Outlet not known yet: double-click to type it"
            return f"{entry.title}\n{entry.path}" if entry.path else entry.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.WORDS, Column.PANE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column == Column.WORDS \
                else int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column == Column.PANE:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.OUTLET and not entry.outlet:
            from PySide6.QtGui import QGuiApplication

            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _sort_key(self, entry: Entry, column: Column):
        if column == Column.WORDS:
            return entry.words
        if column == Column.SHARES:
            shares = dict(self.shares.get(entry.id, ()))
            return shares.get("shared-quote", -1.0)  # the left document (no bar) sorts first
        if column == Column.PANE:
            return {self.left_id: 0, self.right_id: 1}.get(entry.id, 2)
        if column == Column.OUTLET:
            return (entry.outlet or entry.name).casefold()
        return str(getattr(entry, _FIELDS[column])).casefold()

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in _FIELDS or self.edit_handler is None:
            return False
        entry = self.entries[index.row()]
        field = _FIELDS[Column(index.column())]
        value = str(value).strip()
        if value == getattr(entry, field):
            return False
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
