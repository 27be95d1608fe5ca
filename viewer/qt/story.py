"""The Story tab: the quote matrix, provenance and each outlet's framing over many documents.

``StoryView`` shows a finished ``viewer.engine.story.Story`` (it computes nothing): the quote matrix as a
``QuoteMatrixModel`` (a table model with headers: speaker, quotation, origin, reach, altered words, then one
column per document by date, each cell saying verbatim / altered / partial / absent in words and colour),
provenance as a sortable table with numbers, and the framing of the outlet chosen in a list. It emits
``cell_activated`` (click or Enter on a document's cell) and ``term_activated`` (a distinctive term).

``StoryBuilder`` runs ``build_story`` in a worker thread with progress and cancel, and keeps finished stories
per document set (so reopening the tab is instant). ``StoryPresenter`` wires the two to the window and the
controller: which documents (the selected ones, or the whole library), opening a cell as a pair with the
quote in view, finding a term, exporting reports.

Exports: ``QuoteMatrixModel``, ``StoryView``, ``StoryBuilder``, ``StoryPresenter``, ``Column``.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from enum import IntEnum
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QObject, QRunnable, QSortFilterProxyModel, Qt, QThreadPool, QTimer, Signal,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget, QPlainTextEdit,
    QProgressBar, QPushButton, QSplitter, QTableView, QTabWidget, QTextEdit, QToolButton, QVBoxLayout, QWidget,
)

from ..engine.story import build_story, distinct_labels, sort_rows
from ..report import EXPORTS, export_text
from ..storage.corrections import corrections_by_pair
from ..theme import blend, colour, state_colour, state_legend
from .bars import NoticeBar
from .documents import Column as ListColumn
from .panes import Utf16Offsets
from .plain import plain_tooltip
from .theme import Theme

STORY_CACHE_SETS = 16  # document sets whose stories are kept
PROGRESS_STEP_S = 0.05  # seconds between progress signals from the worker
PROGRESS_STEPS = 1000  # the progress bar's range (the engine reports a fraction)
SCOPE_DELAY_MS = 250  # milliseconds of quiet after a selection change before the story is recomputed
SHUTDOWN_WAIT_MS = 10_000  # milliseconds a closing window waits for the story being computed
ORDER_NAMES = {"reach": "Reach (most outlets first)", "first": "First appearance", "speaker": "Speaker",
               "alteration": "Most altered"}
ACCESSIBLE_ROLE = Qt.ItemDataRole.AccessibleTextRole
ACCESSIBLE_DESCRIPTION_ROLE = Qt.ItemDataRole.AccessibleDescriptionRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 10


class Column(IntEnum):
    SPEAKER = 0
    QUOTE = 1
    ORIGIN = 2
    REACH = 3
    ALTERED = 4
    FIRST_DOCUMENT = 5  # one column per document from here, in the story's (date) order


_HEADERS = {Column.SPEAKER: "Speaker", Column.QUOTE: "Quotation", Column.ORIGIN: "Origin", Column.REACH: "Reach",
            Column.ALTERED: "Altered"}
# Clicking a header sorts by what the column says (the quotation's and documents' columns keep the order).
_HEADER_ORDERS = {Column.SPEAKER: "speaker", Column.ORIGIN: "first", Column.REACH: "reach",
                  Column.ALTERED: "alteration"}
QUOTE_CHARS = 160  # characters of a quotation shown in its cell; the whole of it in the tooltip
HEADER_NAME_CHARS = 11  # characters of a document's name in its column header (about a date's width)
FIT_ROWS_CELLS = 20_000  # cells up to which rows are fitted to their text (more: one line each, fast)
PROVENANCE_LINKS_SHOWN = 6  # links per document in the provenance table (plus its likely source)
HEAT_MAP_DOCUMENTS = 60  # documents up to which the heat map is filled (beyond, the list alone)
HEAT_MAP_ROWS_SHOWN = 12  # rows of the heat map in view before it scrolls


def cell_sentence(label, row, document: int) -> str:
    """What a matrix cell says to a screen reader or in its tooltip: the document (``label(index)`` names
    it), the state, the detail."""
    cell = row.cells[document]
    detail = cell.summary if cell.summary else cell.state
    if not detail.startswith(cell.state):
        detail = f"{cell.state}: {detail}"
    lines = [f"{label(document)}: {detail}"]
    for change in cell.changes:
        if change.before and change.after:
            lines.append(f"“{change.before}” became “{change.after}”")
        elif change.after:
            lines.append(f"added “{change.after}”")
        else:
            lines.append(f"dropped “{change.before}”")
    return "; ".join(lines)


class QuoteMatrixModel(QAbstractTableModel):
    """One row per distinct quotation; the fixed columns, then one per document (see ``Column``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.story = None
        self.rows: tuple = ()
        self.order = "reach"
        self.theme = Theme("light")
        self.labels: list[str] = []  # what the window calls each document (the library's names)

    def label(self, document: int) -> str:
        return self.labels[document] if document < len(self.labels) else self.story.label(document)

    def set_story(self, story, order: str | None = None, labels=()) -> None:
        self.beginResetModel()
        self.story = story
        # Named once per story: a label is asked for thousands of times while tables fill.
        self.labels = list(distinct_labels(labels)) or (
            [story.label(index) for index in range(len(story.documents))] if story else [])
        self.order = order or self.order
        self.rows = sort_rows(story.quotes, self.order) if story is not None else ()
        self.endResetModel()

    def set_order(self, order: str) -> None:
        if order != self.order and self.story is not None:
            self.layoutAboutToBeChanged.emit()
            self.order = order
            self.rows = sort_rows(self.story.quotes, order)
            self.layoutChanged.emit()
        self.order = order

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.story is None:
            return 0
        return Column.FIRST_DOCUMENT + len(self.story.documents)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column in _HEADER_ORDERS:
            self.set_order(_HEADER_ORDERS[Column(column)])

    def document_of(self, column: int) -> int | None:
        """The story's document index shown in ``column`` (None for the fixed columns)."""
        return column - Column.FIRST_DOCUMENT if column >= Column.FIRST_DOCUMENT else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        story = self.story
        if story is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        document = self.document_of(section)
        if document is None:
            return _HEADERS[Column(section)] if role in (Qt.ItemDataRole.DisplayRole, ACCESSIBLE_ROLE) else None
        entry = story.documents[document]
        if role == Qt.ItemDataRole.DisplayRole:
            # Qt elides a two-line header as one line (the date went first), so the name is cut here and
            # the header elides nothing; the tooltip and accessible text give it whole.
            label = self.label(document)
            if len(label) > HEADER_NAME_CHARS:
                label = label[:HEADER_NAME_CHARS - 1].rstrip() + "…"
            return f"{label}\n{entry.date or 'undated'}"
        if role in (Qt.ItemDataRole.ToolTipRole, ACCESSIBLE_ROLE):
            return _shown(f"{self.label(document)}, {entry.date or 'undated'}: {entry.title}", role)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.story is None:
            return None
        story, row, column = self.story, self.rows[index.row()], index.column()
        document = self.document_of(column)
        if document is not None:
            return self._cell_data(story, row, document, role)
        if role in (Qt.ItemDataRole.DisplayRole, ACCESSIBLE_ROLE):
            if column == Column.SPEAKER:
                return row.speaker or "unknown"
            if column == Column.QUOTE:
                text = " ".join(row.text.split())
                if role == ACCESSIBLE_ROLE:
                    return f"“{text}”"
                return f"“{text[:QUOTE_CHARS - 1]}…”" if len(text) > QUOTE_CHARS else f"“{text}”"
            if column == Column.ORIGIN:
                return self.label(row.origin) if row.origin is not None else "unclear"
            if column == Column.REACH:
                return f"{row.reach} of {len(row.cells)}"
            if column == Column.ALTERED:
                return str(row.alteration)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.QUOTE:
                return plain_tooltip(f"“{row.text}”")
            if column == Column.ORIGIN:
                return plain_tooltip(row.origin_note)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.REACH, Column.ALTERED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell_data(self, story, row, document: int, role):
        cell = row.cells[document]
        if role == Qt.ItemDataRole.DisplayRole:
            # A reader's link says so in the cell itself: nobody mistakes it for the engine's finding.
            return f"{cell.state} (your link)" if cell.reader else cell.state
        if role in (Qt.ItemDataRole.ToolTipRole, ACCESSIBLE_ROLE):
            return _shown(cell_sentence(self.label, row, document), role)
        if role == ACCESSIBLE_DESCRIPTION_ROLE:
            return "Enter: open this document beside the quotation's origin"
        if role == Qt.ItemDataRole.BackgroundRole:
            name = state_colour(cell.state, self.theme.variant)
            return QColor(name) if name else None
        if role == Qt.ItemDataRole.ForegroundRole and not cell.present:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def link_sentence(label, story, document: int, other: int) -> str:
    """What ``document`` shares with ``other`` in words, both shares (the heat map's tooltips, the list's)."""
    link = story.link(document, other)
    if link is None:
        return f"{label(document)} shares nothing found with {label(other)}"
    linked = len(link.reader_passages)
    plural = "s" if linked != 1 else ""
    yours = f" ({linked} passage{plural} of them your link{plural})" if linked else ""
    return (f"{link.share:.0%} of {label(document)} is text also in {label(other)}{yours}; "
            f"{link.quote_share:.0%} of {label(document)}'s quotes appear in {label(other)}")


class HeatMapModel(QAbstractTableModel):
    """Documents x documents: each cell the share of the row's words also in the column's document, as a
    number (readable without colour) on a background that deepens with it."""

    def __init__(self, matrix: QuoteMatrixModel, parent=None):
        super().__init__(parent)
        self.matrix = matrix  # for the story, its labels and the theme
        self.shares: tuple = ()

    def reset(self) -> None:
        self.beginResetModel()
        story = self.matrix.story
        self.shares = story.share_matrix() if story is not None and len(story.documents) <= HEAT_MAP_DOCUMENTS else ()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.shares)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.shares)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role in (Qt.ItemDataRole.DisplayRole, ACCESSIBLE_ROLE) and section < len(self.shares):
            return self.matrix.label(section)
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.shares):  # the name an elided header cuts
            document = self.matrix.story.documents[section]
            return plain_tooltip(f"{self.matrix.label(section)}, {document.date or 'undated'}: {document.title}")
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        share = self.shares[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if share is None else f"{share:.0%}"
        if role in (Qt.ItemDataRole.ToolTipRole, ACCESSIBLE_ROLE):
            if share is None:
                return _shown(f"{self.matrix.label(index.row())} itself", role)
            return _shown(link_sentence(self.matrix.label, self.matrix.story, index.row(), index.column()), role)
        if role == Qt.ItemDataRole.BackgroundRole and share is not None:
            variant = self.matrix.theme.variant
            return QColor(blend(colour("shared-text", variant), share, variant))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _item(text: str, sort_value=None, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(text.lower() if sort_value is None else sort_value, SORT_ROLE)
    if tip:
        item.setToolTip(plain_tooltip(tip))
    item.setData(f"{text}. {tip}" if tip else text, ACCESSIBLE_ROLE)
    return item


def _shown(text: str, role) -> str:
    """``text`` for a screen reader as it is, for a tooltip as plain text (titles and quotes come from files,
    and Qt renders a tooltip that looks like markup as rich text, loading its images)."""
    return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text


def _fit_columns(view: QTableView, rows: int) -> None:
    """Columns as wide as their first ``rows`` rows need (measuring every row of a big table stalls)."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(rows)
    for column in range(view.model().columnCount() - 1):
        view.resizeColumnToContents(column)


def _sortable_table(name: str, description: str, parent: QWidget) -> tuple[QTableView, QStandardItemModel]:
    # Both models belong to the tab (Qt parents): a model Python alone held could be collected after the
    # window's C++ side is gone, and PySide6 then crashes in the garbage collector.
    model = QStandardItemModel(parent)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    return view, model


class StoryView(QWidget):
    """The Story tab's widgets. Fed a finished Story by ``show_story``; computes nothing itself."""

    cell_activated = Signal(int, int)  # quote row (in the model's current order), document index
    pair_activated = Signal(int, int)  # left document index (the source side), right document index
    term_activated = Signal(int, str)  # document index, term
    cancel_requested = Signal()
    refresh_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.story = None
        self._theme = Theme("light")
        self.scope = QLabel("The story of the library's documents")
        self.scope.setWordWrap(True)
        self.scope.setTextFormat(Qt.TextFormat.PlainText)
        self.order = QComboBox()
        for key, name in ORDER_NAMES.items():
            self.order.addItem(name, key)
        self.order.setAccessibleName("Sort quotations by")
        order_label = QLabel("&Sort by:")
        order_label.setBuddy(self.order)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("Building the story: %p%")
        self.progress.setAccessibleName("Story progress")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop building the story (Esc)")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.refresh_button = QPushButton("Build again")
        self.refresh_button.setToolTip("Build the story again (after a cancel)")
        self.refresh_button.clicked.connect(self.refresh_requested)
        # Which documents: the selection (or all), all, or a saved story (``SavedStories`` fills and reads it).
        self.choice = QComboBox()
        self.choice.setAccessibleName("Documents of the story")
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        choice_label = QLabel("&Documents:")
        choice_label.setBuddy(self.choice)
        self.delete_story_button = QToolButton()  # the window's Delete Story action
        top = QHBoxLayout()
        top.addWidget(choice_label)
        top.addWidget(self.choice)
        top.addWidget(self.delete_story_button)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.refresh_button)
        top.addWidget(order_label)
        top.addWidget(self.order)

        # Quotes ----------------------------------------------------------------------------------------
        self.matrix_model = QuoteMatrixModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setAccessibleName("Quote matrix")
        self.matrix.setAccessibleDescription(
            "One row per quotation: speaker, words, origin, reach, altered words, then one column per document "
            "by date saying verbatim, altered, partial or absent. Enter on a document's cell opens it beside "
            "the origin.")
        self.matrix.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setWordWrap(True)
        self.matrix.setSortingEnabled(True)
        self.matrix.horizontalHeader().setSortIndicator(Column.REACH, Qt.SortOrder.AscendingOrder)
        self.matrix.horizontalHeader().setSortIndicatorShown(False)
        self.matrix.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # A name longer than a document's column ends in "…" (cut by the model: HEADER_NAME_CHARS), never
        # clipped at both ends ("iverside Co"); the tooltip names it in full.
        self.matrix.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.matrix.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.matrix.activated.connect(self._on_matrix_activated)
        self.matrix.clicked.connect(self._on_matrix_activated)
        self.matrix_legend = QLabel()
        self.matrix_legend.setWordWrap(True)
        self.order.currentIndexChanged.connect(lambda: self.matrix_model.set_order(self.order.currentData()))
        quotes = QWidget()
        quotes_layout = QVBoxLayout(quotes)
        quotes_layout.setContentsMargins(0, 0, 0, 0)
        quotes_layout.addWidget(self.matrix, 1)
        quotes_layout.addWidget(self.matrix_legend)

        # Provenance ------------------------------------------------------------------------------------
        self.provenance, self.provenance_model = _sortable_table(
            "Provenance", "What each document shares with each other one, in both directions, and its likely source", self)
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.PlainText)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources.setAccessibleName("Likely sources")
        provenance = QWidget()
        self.heat_model = HeatMapModel(self.matrix_model, self)
        self.heat_map = QTableView()
        self.heat_map.setModel(self.heat_model)
        self.heat_map.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.heat_map.setAccessibleName("Provenance heat map")
        self.heat_map.setAccessibleDescription(
            "Each cell: the share of the row's document that is text also in the column's document. Enter opens "
            "the two side by side.")
        self.heat_map.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heat_map.setTabKeyNavigation(False)
        self.heat_map.horizontalHeader().setDefaultSectionSize(64)
        self.heat_map.activated.connect(self._on_heat_activated)
        self.provenance_parts = provenance_parts = QSplitter(Qt.Orientation.Vertical)
        provenance_parts.addWidget(self.heat_map)
        provenance_parts.addWidget(self.provenance)
        provenance_layout = QVBoxLayout(provenance)
        provenance_layout.setContentsMargins(0, 0, 0, 0)
        provenance_layout.addWidget(self.sources)
        provenance_layout.addWidget(provenance_parts, 1)

        # Framing ---------------------------------------------------------------------------------------
        self.outlets = QListWidget()
        self.outlets.setAccessibleName("Outlets")
        self.outlets.setAccessibleDescription("Choose a document to see its own narration, verbs and terms")
        self.outlets.currentRowChanged.connect(self._update_framing)
        self.framing_summary = QLabel()
        self.framing_summary.setWordWrap(True)
        self.framing_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.terms, self.terms_model = _sortable_table(
            "Distinctive terms", "Terms that set this outlet's own narration apart, with z-scores; Enter finds one "
                                 "in the document", self)
        # Highest z first, as the engine ranks them; the header's default would be the Term column, descending.
        self.terms.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.terms.activated.connect(self._on_term_activated)
        self.terms.clicked.connect(self._on_term_activated)
        self.own_text = QPlainTextEdit()
        self.own_text.setReadOnly(True)
        self.own_text.setAccessibleName("Own narration")
        self.own_text.setAccessibleDescription("Text no other document in the story shares, paragraph by paragraph")
        self.own_text.setTabChangesFocus(True)
        framing_right = QSplitter(Qt.Orientation.Vertical)
        framing_right.addWidget(self.terms)
        framing_right.addWidget(self.own_text)
        framing_column = QWidget()
        framing_layout = QVBoxLayout(framing_column)
        framing_layout.setContentsMargins(0, 0, 0, 0)
        framing_layout.addWidget(self.framing_summary)
        framing_layout.addWidget(framing_right, 1)
        framing = QSplitter(Qt.Orientation.Horizontal)
        framing.addWidget(self.outlets)
        framing.addWidget(framing_column)
        framing.setStretchFactor(1, 3)

        self.pages = QTabWidget()
        self.pages.addTab(quotes, "&Quotes")
        self.pages.addTab(provenance, "&Provenance")
        self.pages.addTab(framing, "&Framing")
        self.pages.setAccessibleName("Story views")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        self.notice = NoticeBar()  # the pair view's bar is hidden while this tab shows
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(self.scope)  # its own line: a story's name and the corrections note can be long
        layout.addWidget(self.pages, 1)
        self.set_busy(False)
        self.set_theme(Theme("light"))

    # What the presenter calls -----------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.matrix_model.set_theme(theme)
        self.heat_map.viewport().update()
        if self.story is not None:
            self._update_framing(self.outlets.currentRow())
        swatches = []
        for state in ("verbatim", "altered", "partial", "absent"):
            name, _, meaning = state_legend(state).partition(": ")
            colour = state_colour(state, theme.variant) or "transparent"
            swatches.append(f'<span style="background:{colour};">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;<b>{name}</b>: '
                            f"{meaning}")
        self.matrix_legend.setText(" &nbsp; ".join(swatches))

    def set_scope(self, text: str) -> None:
        self.scope.setText(text)

    def set_busy(self, busy: bool, done: int = 0, total: int = 0) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            self.refresh_button.hide()

    def show_cancelled(self, text: str) -> None:
        self.set_busy(False)
        self.refresh_button.show()
        self.scope.setText(text)

    def label(self, document: int) -> str:
        return self.matrix_model.label(document)

    def show_story(self, story, labels=()) -> None:
        """Show ``story``; ``labels`` name its documents as the library list does (else the story's names)."""
        self.story = story
        self.set_busy(False)
        self.refresh_button.hide()
        self.matrix_model.set_story(story, self.order.currentData(), labels)
        header = self.matrix.horizontalHeader()
        header.setSectionResizeMode(Column.QUOTE, QHeaderView.ResizeMode.Interactive)
        # Pixels: the quotation gets room to wrap; a document's column fits "verbatim" and a date.
        header.resizeSection(Column.QUOTE, 250)
        for column, width in ((Column.SPEAKER, 104), (Column.ORIGIN, 68), (Column.REACH, 50), (Column.ALTERED, 56)):
            header.resizeSection(column, width)
        # Wide enough for the header's date line ("2021-04-06"), which the header font measures, not a guess.
        document_width = max(74, header.fontMetrics().horizontalAdvance("0000-00-00") + 16)
        for column in range(Column.FIRST_DOCUMENT, self.matrix_model.columnCount()):
            header.resizeSection(column, document_width)
        if len(self.matrix_model.rows) * self.matrix_model.columnCount() <= FIT_ROWS_CELLS:
            self.matrix.resizeRowsToContents()  # wraps the quotations; measuring costs per cell
        self._update_provenance()
        current = max(self.outlets.currentRow(), 0)
        self.outlets.blockSignals(True)
        self.outlets.clear()
        for index, document in enumerate(story.documents):
            self.outlets.addItem(f"{self.label(index)} — {document.date or 'undated'}")
        self.outlets.blockSignals(False)
        self.outlets.setCurrentRow(min(current, len(story.documents) - 1))
        self._update_framing(self.outlets.currentRow())

    def clear(self, text: str) -> None:
        self.story = None
        self.matrix_model.set_story(None)
        self.heat_model.reset()
        self.provenance_model.clear()
        self.terms_model.clear()
        self.outlets.clear()
        self.own_text.clear()
        self.framing_summary.clear()
        self.sources.clear()
        self.scope.setText(text)

    # Provenance and framing ---------------------------------------------------------------------------
    def _update_provenance(self) -> None:
        story = self.story
        self.heat_model.reset()
        self.heat_map.setVisible(self.heat_model.rowCount() > 0)
        # The heat map no taller than its rows (it scrolls past HEAT_MAP_ROWS_SHOWN); the list takes the rest.
        rows = min(self.heat_model.rowCount(), HEAT_MAP_ROWS_SHOWN)
        self.heat_map.setMaximumHeight(self.heat_map.horizontalHeader().sizeHint().height() + 4
                                       + self.heat_map.verticalHeader().defaultSectionSize() * rows)
        model = self.provenance_model
        model.clear()
        model.setHorizontalHeaderLabels(["Document", "Shares with", "Share of its words", "Words",
                                         "Share of its quotes", "Likely source"])
        likely = {source.document: source.source for source in story.sources}
        # A big story shares text between most pairs (a million for 1,000 articles): each document's
        # strongest links are what a reader compares; the exports hold them all.
        strongest: dict[int, list] = {}
        for link in sorted(story.provenance, key=lambda link: -link.share):
            kept = strongest.setdefault(link.document, [])
            if len(kept) < PROVENANCE_LINKS_SHOWN or likely.get(link.document) == link.other:
                kept.append(link)
        links = [link for kept in strongest.values() for link in kept]
        self.provenance.setAccessibleDescription(
            f"What each document shares with each other one ({PROVENANCE_LINKS_SHOWN} strongest each), in both "
            "directions, and its likely source" if len(links) < len(story.provenance) else
            "What each document shares with each other one, in both directions, and its likely source")
        for link in links:
            name, other = self.label(link.document), self.label(link.other)
            sentence = link_sentence(self.label, story, link.document, link.other)
            is_source = likely.get(link.document) == link.other
            model.appendRow([
                _item(name, link.document, sentence), _item(other, link.other, sentence),
                _item(f"{link.share:.0%}", link.share, sentence), _item(f"{link.words:,}", link.words),
                _item(f"{link.quote_share:.0%}", link.quote_share), _item("likely source" if is_source else "",
                                                                          int(is_source)),
            ])
        for column in range(2, 5):
            for row in range(model.rowCount()):
                model.item(row, column).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.provenance.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        _fit_columns(self.provenance, 200)
        lines = []
        for source in story.sources:
            name = self.label(source.document)
            if source.source is None:
                lines.append(f"{name}: {source.evidence}")
            else:
                lines.append(f"{name}: likely source {self.label(source.source)} — {source.evidence}")
        self.sources.setText("\n".join(lines))

    def _update_framing(self, document: int) -> None:
        story = self.story
        self.terms_model.clear()
        self.terms_model.setHorizontalHeaderLabels(["Term", "z-score", "Here", "In the others"])
        if story is None or not 0 <= document < len(story.framing):
            return
        framing = next((item for item in story.framing if item.document == document), None)
        if framing is None:
            return
        share = framing.own_words / framing.narration_words if framing.narration_words else 0.0
        verbs = ", ".join(f"{verb.verb} ({verb.count})" for verb in framing.verbs) or "none"
        self.framing_summary.setText(
            f"{self.label(document)}: {framing.own_words:,} of its {framing.narration_words:,} words of narration "
            f"({share:.0%}) are its own. Speech verbs for quotes others carry too: {verbs}."
            + ("" if framing.terms else " No term of its own stands out (none reaches z = 1)."))
        for term in framing.terms:
            tip = f"z = {term.z:.2f}: {term.count} times here, {term.others} in the others' own narration"
            self.terms_model.appendRow([_item(term.term, term.term, tip), _item(f"{term.z:.1f}", term.z, tip),
                                        _item(str(term.count), term.count), _item(str(term.others), term.others)])
        _fit_columns(self.terms, 200)
        # The paragraphs as printed, the outlet's own words in the framing colour (quotes in them stay plain).
        text = story.documents[document].text
        shown, marks, position = [], [], 0
        for paragraph in framing.paragraphs:
            if shown:
                shown.append("\n\n")
                position += 2
            piece = text[paragraph.start:paragraph.end].replace("\n", " ")
            marks += [(position + start - paragraph.start, position + end - paragraph.start)
                      for start, end in paragraph.pieces]
            shown.append(piece)
            position += len(piece)
        joined = "".join(shown)
        self.own_text.setPlainText(joined)
        offsets = Utf16Offsets(joined)
        selections = []
        for start, end in marks:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(self._theme.background("framing"))
            cursor = QTextCursor(self.own_text.document())
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.own_text.setExtraSelections(selections)

    def _on_heat_activated(self, index) -> None:
        if index.isValid() and index.row() != index.column():
            self.pair_activated.emit(index.column(), index.row())

    def _on_header_clicked(self, column: int) -> None:
        """The Sort list follows a header click, so it always says how the rows are ordered."""
        if column in _HEADER_ORDERS:
            self.order.setCurrentIndex(self.order.findData(_HEADER_ORDERS[Column(column)]))

    def _on_matrix_activated(self, index) -> None:
        document = self.matrix_model.document_of(index.column())
        if index.isValid() and document is not None:
            self.cell_activated.emit(index.row(), document)

    def _on_term_activated(self, index) -> None:
        document = self.outlets.currentRow()
        term = index.sibling(index.row(), 0).data()
        if document >= 0 and term:
            self.term_activated.emit(document, term)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.cancel_button.isVisible():
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)


# Building off the GUI thread --------------------------------------------------------------------------
class _BuilderSignals(QObject):
    progress = Signal(object, int, int)  # key, done, total
    finished = Signal(object, object)  # key, Story (or None when cancelled)
    failed = Signal(object, str)


class _BuildTask(QRunnable):
    def __init__(self, signals: _BuilderSignals, key, documents, options):
        super().__init__()
        self._signals, self.key, self._documents, self._options = signals, key, documents, options
        self.cancelled = threading.Event()
        self._last = 0.0

    def _progress(self, fraction: float) -> None:
        now = time.perf_counter()
        if now - self._last >= PROGRESS_STEP_S or fraction >= 1.0:
            self._last = now
            self._signals.progress.emit(self.key, round(fraction * PROGRESS_STEPS), PROGRESS_STEPS)

    def run(self) -> None:
        try:
            story = build_story(self._documents, self._progress, self.cancelled.is_set, **self._options)
        except Exception as error:
            if self.cancelled.is_set():
                self._signals.finished.emit(self.key, None)
            else:  # an engine bug must not take the window down
                self._signals.failed.emit(self.key, f"{type(error).__name__}: {error}")
            return
        self._signals.finished.emit(self.key, None if self.cancelled.is_set() else story)


class StoryBuilder(QObject):
    """Builds stories in one worker thread; finished ones are kept per document set.

    ``request(key, documents, **options)`` emits ``finished(key, story)`` later, or at once when cached
    (returns False then); ``options`` go to ``build_story`` (the reader's corrections, the labels). ``key``
    names the set: the documents' text hashes with their metadata (an edited date changes the order, so it
    is another story) and the corrections. A new request cancels the one running.
    """

    progress = Signal(object, int, int)
    finished = Signal(object, object)  # key, Story; None when cancelled
    failed = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.cache: OrderedDict = OrderedDict()
        self._signals = _BuilderSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._task: _BuildTask | None = None
        self._closing = False

    @property
    def busy(self) -> bool:
        return self._task is not None

    def request(self, key, documents, **options) -> bool:
        found = self.cache.get(key)
        if found is not None:
            self.cache.move_to_end(key)
            self.cancel()
            self.finished.emit(key, found)
            return False
        if self._task is not None and self._task.key == key and not self._task.cancelled.is_set():
            return True  # already on it
        self.cancel()
        self.pool.clear()
        self._task = _BuildTask(self._signals, key, list(documents), options)
        self._task.setAutoDelete(False)  # kept so that cancel() can reach it while it runs
        self.pool.start(self._task)
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancelled.set()

    def shutdown(self, milliseconds: int = SHUTDOWN_WAIT_MS) -> None:
        """The window is closing: stop, and wait for the worker (see ``Comparer.shutdown``)."""
        self._closing = True
        self.cancel()
        self.pool.clear()
        self.pool.waitForDone(milliseconds)

    def _current(self, key) -> bool:
        return not self._closing and self._task is not None and self._task.key == key

    def _on_progress(self, key, done: int, total: int) -> None:
        if self._current(key) and not self._task.cancelled.is_set():
            self.progress.emit(key, done, total)

    def _on_finished(self, key, story) -> None:
        if self._closing:
            return
        if story is not None:
            self.cache[key] = story
            while len(self.cache) > STORY_CACHE_SETS:
                self.cache.popitem(last=False)
        if self._task is not None and self._task.key == key:
            self._task = None
            self.finished.emit(key, story)

    def _on_failed(self, key, message: str) -> None:
        if self._task is not None and self._task.key == key and not self._closing:
            self._task = None
            self.failed.emit(key, message)


# Wiring -----------------------------------------------------------------------------------------------
def _pairs(count: int) -> str:
    return f"{count} pair{'s' if count != 1 else ''}"


REVEAL_ANCHOR = 0.3  # fraction of a pane's height where an opened quotation is put


class StoryPresenter(QObject):
    """What the Story tab does: which documents, building them in the background, and the way back to the
    pair view. Owned by the ``Controller``; talks to the window's ``story_view`` and ``views`` tabs."""

    story_shown = Signal()  # a story is on the tab

    def __init__(self, controller):
        super().__init__(controller)
        self.controller = controller
        window = controller.window
        self.window, self.view = window, window.story_view
        self.builder = StoryBuilder(self)
        self.story = None
        self.key = None  # the document set asked for
        self.ids: list[int] = []  # library ids of the story's documents, in its (date) order
        self._ids_by_key: dict = {}
        self._pending = None  # (left id, right id, action) to run once that pair is drawn
        self._stale = True  # the scope changed while the tab was hidden
        self._scope_timer = QTimer(self, singleShot=True, interval=SCOPE_DELAY_MS)
        self._scope_timer.timeout.connect(self.refresh)

        self.builder.progress.connect(self._on_progress)
        self.builder.finished.connect(self._on_finished)
        self.builder.failed.connect(self._on_failed)
        self.view.cell_activated.connect(self.open_cell)
        self.view.term_activated.connect(self.find_term)
        self.view.pair_activated.connect(self.open_documents)
        self.view.cancel_requested.connect(self.builder.cancel)
        self.view.refresh_requested.connect(self.refresh)
        window.views.currentChanged.connect(self._on_tab_changed)
        window.list.selectionModel().selectionChanged.connect(self._on_scope_changed)
        self.view.choice.currentIndexChanged.connect(self._on_scope_changed)
        model = controller.model
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._on_scope_changed)
        model.dataChanged.connect(self._on_entries_changed)
        controller.corrections.changed.connect(self._on_scope_changed)  # a correction: another story
        controller.pair_shown.connect(self._run_pending)
        window.export_action.triggered.connect(self.on_export_triggered)

    # Which documents --------------------------------------------------------------------------------
    def scope_ids(self) -> list[int]:
        """The documents chosen in the tab: a saved story's, or all; by default the documents selected in the
        list when two or more are, else the whole library."""
        return self.scope()[0]

    def scope(self) -> tuple[list[int], str]:
        """The documents in scope, and how the tab names them (``{count}``: how many are in the library)."""
        chosen = self.controller.saved_stories.scope()
        if chosen is not None:
            return chosen
        selected = self.window.selected_ids()
        if len(selected) >= 2:
            return selected, "the {count} selected documents (select two or more in the list for fewer)"
        return ([entry.id for entry in self.controller.model.entries],
                "all {count} documents in the library (select two or more in the list for fewer)")

    def _on_scope_changed(self, *args) -> None:
        self._stale = True
        if self.window.views.currentWidget() is self.view:
            self._scope_timer.start()

    def _on_entries_changed(self, top_left, bottom_right, roles=()) -> None:
        # Only an edited outlet, title or date makes another story; the share bars and pane marks change
        # all the time while the list's bars are compared.
        if bottom_right.column() >= ListColumn.OUTLET and top_left.column() <= ListColumn.DATE:
            self._on_scope_changed()

    def _on_tab_changed(self, index: int) -> None:
        if self.window.views.widget(index) is self.view and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Show the story of the documents in scope: at once when cached, else built in the background."""
        self._stale = False
        ids, where = self.scope()
        model = self.controller.model
        entries = [model.entry(document_id) for document_id in ids]
        entries = [entry for entry in entries if entry is not None]
        where = where.format(count=len(entries))
        if len(entries) < 2:
            self.key = None
            self.builder.cancel()
            saved = self.controller.saved_stories.scope() is not None
            self.view.clear(f"The story of {where}: a story needs two documents or more; choose other documents."
                            if saved else "A story needs two documents or more: add articles to the library.")
            return
        # The reader's corrections between these documents are part of the story (and of its key).
        corrections = corrections_by_pair(self.controller.library, [entry.hash for entry in entries])
        key = (tuple((entry.hash, entry.title, entry.outlet, entry.date, entry.label) for entry in entries),
               tuple(sorted(corrections.items())))
        self.view.set_scope(f"The story of {where}"
                            + (f", with your corrections of {_pairs(len(corrections))}." if corrections else "."))
        if key == self.key and self.story is not None and self.builder.cache.get(key) is self.story:
            return
        self.key = key
        if key not in self.builder.cache:
            documents = [self.controller.library.document(entry.id) for entry in entries]
            by_text = {document.text: entry.id for document, entry in zip(documents, entries)}
            self._ids_by_key[key] = by_text
            self.view.set_busy(True, 0, PROGRESS_STEPS)
        else:
            documents = []
        self.builder.request(key, documents, corrections=corrections, labels=[entry.label for entry in entries])

    def _on_progress(self, key, done: int, total: int) -> None:
        if key == self.key:
            self.view.set_busy(True, done, total)

    def _on_finished(self, key, story) -> None:
        if key != self.key:
            return
        if story is None:
            self.view.show_cancelled("Cancelled: the story was not built. “Build again” starts over.")
            return
        by_text = self._ids_by_key.get(key, {})
        self.story = story
        self.ids = [by_text.get(document.text) for document in story.documents]
        model = self.controller.model
        entries = [model.entry(document_id) if document_id is not None else None for document_id in self.ids]
        labels = [entry.label if entry else story.label(index) for index, entry in enumerate(entries)]
        self.view.show_story(story, labels)
        stale = story.reader.stale if story.reader is not None else 0
        if stale and "no longer match" not in self.view.scope.text():
            self.view.set_scope(self.view.scope.text() + f" {stale} of your corrections no longer match their "
                                "text (a document was read again) and are not applied.")
        self.story_shown.emit()

    def _on_failed(self, key, message: str) -> None:
        if key == self.key:
            self.view.show_cancelled(f"The story could not be built: {message}")

    # Back to the pair view --------------------------------------------------------------------------
    def open_cell(self, row_number: int, document: int) -> None:
        """Open ``document`` beside the quotation's origin in the pair view, the quotation in view."""
        story, row = self.story, self.view.matrix_model.rows[row_number]
        origin = row.origin if row.origin is not None else row.first_appearance
        if origin >= len(row.cells):
            return
        if document == origin:
            # The origin's own cell: show it beside the next document carrying the quotation.
            document = next((index for index, cell in enumerate(row.cells) if cell.present and index != origin),
                            (origin + 1) % len(story.documents))
        left_id, right_id = self.ids[origin], self.ids[document]
        if left_id is None or right_id is None:
            return
        left_cell, right_cell = row.cells[origin], row.cells[document]
        ranges = ((left_cell.start, left_cell.end) if left_cell.present else None,
                  (right_cell.start, right_cell.end) if right_cell.present else None)
        self._open_pair(left_id, right_id, lambda: self._reveal(ranges))

    def open_documents(self, left: int, right: int) -> None:
        """Show two of the story's documents side by side (a heat-map cell: the column's on the left)."""
        left_id, right_id = self.ids[left], self.ids[right]
        if None not in (left_id, right_id):
            self._open_pair(left_id, right_id, lambda: None)

    def find_term(self, document: int, term: str) -> None:
        """Show ``document`` in the right pane (its likely source on the left) and find ``term`` in it."""
        right_id = self.ids[document]
        source = next((item.source for item in self.story.sources if item.document == document), None)
        left_id = self.ids[source] if source is not None else None
        if left_id is None or left_id == right_id:
            left_id = next((i for i in self.ids if i not in (None, right_id)), None)
        window = self.window

        def find():
            window.find_bar.show()
            window.find_bar.field.setText(term)
            window.find(term)
            window.right.setFocus()

        self._open_pair(left_id, right_id, find)

    def _open_pair(self, left_id: int, right_id: int, action) -> None:
        self._pending = (left_id, right_id, action)
        self.window.views.setCurrentIndex(0)
        self.controller.show_pair(left_id, right_id)  # a cached pair is drawn at once (pair_shown)

    def _run_pending(self) -> None:
        pending = self._pending
        if pending is None or self.controller.shown_pair != pending[:2]:
            return
        self._pending = None
        pending[2]()

    def _reveal(self, ranges) -> None:
        """Put the passage joining the two quotations at the navigation line, or each quotation, if none does."""
        window = self.window
        comparison = window.comparison
        left_range, right_range = ranges

        def overlap(start, end, span) -> int:
            return max(0, min(end, span[1]) - max(start, span[0])) if span else 0

        best, best_size = -1, 0
        for index, passage in enumerate(comparison.passages):
            size = (overlap(passage.left_start, passage.left_end, left_range)
                    + overlap(passage.right_start, passage.right_end, right_range))
            if size > best_size and (left_range is None or overlap(passage.left_start, passage.left_end, left_range)) \
                    and (right_range is None or overlap(passage.right_start, passage.right_end, right_range)):
                best, best_size = index, size
        if best >= 0:
            window.reveal_passage(best)
            return
        with window.sync.locked():
            for pane, span in ((window.left, left_range), (window.right, right_range)):
                if span:
                    pane.scroll_line_to(span[0], pane.viewport().height() * REVEAL_ANCHOR)

    # Export ----------------------------------------------------------------------------------------
    def export_kinds(self) -> list[str]:
        """What can be exported now, the tab on screen's first: the pair shown, the story built."""
        pair = ["pair"] if self.window.comparison is not None else []
        story = [kind for kind in EXPORTS if kind != "pair"] if self.story is not None else []
        return story + pair if self.window.views.currentWidget() is self.view else pair + story

    def on_export_triggered(self) -> None:
        kinds = self.export_kinds()
        if not kinds:
            self._notify("Nothing to export yet: wait for the comparison or the story.", "info")
            return
        filters = [f"{EXPORTS[kind][0]} (*.{EXPORTS[kind][1]})" for kind in kinds]
        path, chosen = QFileDialog.getSaveFileName(self.window, "Export report", str(Path.home() / "report.html"),
                                                   ";;".join(filters))
        if path:
            self.export(path, kinds[filters.index(chosen)] if chosen in filters else kinds[0])

    def export(self, path: str, kind: str) -> bool:
        """Write one of ``EXPORTS`` to ``path`` (its suffix added when missing); says what happened."""
        suffix = "." + EXPORTS[kind][1]
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            text = export_text(kind, self.window.comparison, self.story, self.view.matrix_model.order)
            Path(path).write_text(text, encoding="utf-8")
        except OSError as error:
            self._notify(f"Could not save <b>{escape(path)}</b>: {escape(error.strerror or str(error))}.", "error")
            return False
        self._notify(f"Saved the {escape(EXPORTS[kind][0].lower())} to <b>{escape(path)}</b>.", "info")
        return True

    def _notify(self, text: str, kind: str) -> None:
        """A message on the tab the user is looking at (and in the status bar)."""
        self.window.notify(text, kind)
        if self.window.views.currentWidget() is self.view:
            self.view.notice.show_message(text, kind, self.window.theme)

    def shutdown(self) -> None:
        self._scope_timer.stop()
        self.builder.shutdown()
