"""The main window: document list and legend on the left, two synchronized panes with bands between them.

The window shows; it does not decide. Dropped files become a ``files_dropped`` signal (Mu's way: the
widget only collects paths), list choices become ``pair_requested`` and ``remove_requested``, and the
``Controller`` answers by calling ``show_pair_headers``, ``show_comparison`` and ``notify``. Navigation,
find and scroll sync act on the comparison on screen and live here.

Exports: ``MainWindow``, ``WINDOW_SIZE``.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from html import escape

from PySide6.QtCore import QEvent, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument, QTextDocumentFragment, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow, QMessageBox, QProgressBar,
    QPushButton, QSplitter, QStyle, QTabWidget, QToolBar, QTreeView, QVBoxLayout, QWidget,
)

from ..engine.corrections import reader_marks, reader_passages
from ..engine.summary import pair_summary
from .bars import FindBar, Legend, NoticeBar
from .documents import ID_ROLE, SORT_ROLE, Column, DocumentListModel, ShareBarDelegate
from .linkmap import LinkMap
from .panes import PaneView, TextPane
from .plain import plain_text
from .scrollsync import ScrollSync
from .story import StoryView
from .theme import Theme

WINDOW_SIZE = QSize(1400, 860)  # pixels: first launch, and every --screenshot
PROGRESS_STEP_S = 0.1  # seconds between progress bar updates
CANCELLABLE_IMPORT = 5  # files: a larger import shows a Cancel button beside its progress bar
PLAIN_PREVIEW_CHARS = 60_000  # characters; longer texts show a note, not their plain text, while compared
NAVIGATION_ANCHOR = 0.3  # fraction of the pane's height where Next/Previous puts the passage
READABLE_CHARS = 40  # characters per line each article keeps at any window width: the library gives way first
LIBRARY_MIN_WIDTH = 180  # pixels; a library squeezed narrower than this is folded away (View > Library, Ctrl+L)
LIBRARY_SHOWN_WIDTH = 300  # pixels the library gets when brought back at a small window width


class MainWindow(QMainWindow):
    files_dropped = Signal(list)  # paths (str) of dropped files and folders, and http(s) links
    pair_requested = Signal(object, object)  # left id, right id (None: keep that pane)
    remove_requested = Signal(int)
    remove_many_requested = Signal(list)  # ids of the documents selected when Delete was pressed (two or more)
    text_dropped = Signal(str, str)  # dropped or pasted text, and the HTML beside it ("" when none)
    import_cancel_requested = Signal()
    closing = Signal()  # before the window closes: time to save its state

    def __init__(self, model: DocumentListModel):
        super().__init__()
        self.setWindowTitle("Framing Viewer")
        self.setAcceptDrops(True)
        self.resize(WINDOW_SIZE)
        self.model = model
        self.theme = Theme.for_palette(QApplication.palette())
        self.comparison = None
        self._labels = ("", "")  # what the stats line calls the left and right documents
        self.undo_stack = QUndoStack(self)  # removals and metadata edits; the controller pushes onto it
        self.current_quote = -1  # position in self.quote_order of the quote Next/Previous went to
        self.quote_order: list[int] = []
        self._navigated_at = -1  # left scroll position right after the last Next/Previous quote

        # Sidebar: the library ------------------------------------------------------------------------
        # The list shows the model through a proxy that sorts (click a header) and filters (the field above).
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)  # any column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by title, outlet or date")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAcceptDrops(False)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QTreeView()
        self.list.setModel(self.proxy)
        self.list.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # library order until a click
        self.list.setSortingEnabled(True)
        self.list.setAccessibleName("Document library")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        # Several rows may be selected (Ctrl/Shift+click): the Story tab then covers just those documents.
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.list.setItemDelegateForColumn(Column.SHARES, ShareBarDelegate(lambda: self.theme, self.list))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.PANE, 24), (Column.OUTLET, 64), (Column.DATE, 80), (Column.WORDS, 50),
                              (Column.SHARES, 64)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.list.setToolTip("Enter or double-click: show in the right pane · Ctrl+1 / Ctrl+2: left / right · "
                             "F2: edit · Delete: remove")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.doubleClicked.connect(self.on_list_activated)
        self.list.activated.connect(self.on_list_activated)

        self.left_button = QPushButton("◀ Left")
        self.right_button = QPushButton("Right ▶")
        self.swap_button = QPushButton("⇄ Swap")
        self.remove_button = QPushButton("Remove")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.left_button, self.right_button, self.swap_button, self.remove_button):
            buttons.addWidget(button)
        sidebar = QWidget()
        sidebar_layout = QVBoxLayout(sidebar)
        sidebar_layout.setContentsMargins(4, 4, 0, 4)
        sidebar_layout.addWidget(self.filter)
        sidebar_layout.addWidget(self.list, 1)
        sidebar_layout.addLayout(buttons)
        drop_hint = QLabel("Drop web pages, PDF, Word or text files, folders, links or text anywhere to add "
                           "them; Ctrl+V pastes text, copied files or a link.")
        drop_hint.setWordWrap(True)
        drop_hint.setEnabled(False)
        sidebar_layout.addWidget(drop_hint)
        # The legend sits under the list, where the sidebar has room, not under the panes, which need it.
        self.legend = Legend()
        legend_title = QLabel("<b>Colours</b>")
        sidebar_layout.addSpacing(6)
        sidebar_layout.addWidget(legend_title)
        sidebar_layout.addWidget(self.legend)

        # The comparison: pane, bands, pane ------------------------------------------------------------
        self.left_view = PaneView("left")
        self.right_view = PaneView("right")
        self.left, self.right = self.left_view.pane, self.right_view.pane
        self.links = LinkMap(self.left, self.right)
        self.sync = ScrollSync(self.left, self.right, self)
        panes = QHBoxLayout()
        panes.setContentsMargins(0, 0, 0, 0)
        panes.setSpacing(0)
        panes.addWidget(self.left_view, 1)
        panes.addWidget(self.links)
        panes.addWidget(self.right_view, 1)
        self.notice = NoticeBar()
        self.find_bar = FindBar()
        self.stats = QLabel()
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stats.setWordWrap(True)
        self.stats.setTextFormat(Qt.TextFormat.RichText)  # never guessed: see update_stats
        compare_area = QWidget()
        compare_layout = QVBoxLayout(compare_area)
        compare_layout.setContentsMargins(4, 4, 4, 2)
        compare_layout.setSpacing(3)
        compare_layout.addWidget(self.notice)
        compare_layout.addLayout(panes, 1)
        compare_layout.addWidget(self.find_bar)
        compare_layout.addWidget(self.stats)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(sidebar)
        # The pair and the whole story are two tabs beside the library.
        self.story_view = StoryView()
        self.views = QTabWidget()
        self.views.addTab(compare_area, "Pair")
        self.views.addTab(self.story_view, "Story")
        self.views.setTabToolTip(0, "Two articles side by side (Alt+1)")
        self.views.setTabToolTip(1, "The quote matrix, provenance and each outlet's framing over the library or "
                                    "the selected documents (Alt+2)")
        self.views.setAccessibleName("Pair or story")
        self.splitter.addWidget(self.views)
        # Both parts shrink with the window (a third for the library), and on a small screen the library
        # can be dragged shut so the two articles get the width.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([470, 930])
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        # Each article keeps READABLE_CHARS per line; the library may shrink to nothing, and is folded away
        # (not squeezed) once too narrow to use, so on a small screen the articles stay readable.
        sidebar.setMinimumWidth(1)  # 0 would mean "as its contents wish" (the legend's longest line)
        for view in (self.left_view, self.right_view):
            view.setMinimumWidth(readable_width(view))
        self._library_folded = False  # folded by the window (not the user): unfolded when there is room again
        self.library_width = LIBRARY_SHOWN_WIDTH  # pixels: the library's last usable width, given back on unfolding
        self.splitter.splitterMoved.connect(lambda *_: self._fit_library())

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.setFormat("Importing %v of %m")
        self._progress_time = 0.0
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # showing it then re-lays out nothing
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        self.cancel_import_button = QPushButton("Cancel")
        self.cancel_import_button.setToolTip("Stop importing; what is already imported stays")
        self.cancel_import_button.hide()
        self.cancel_import_button.clicked.connect(self.import_cancel_requested)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_import_button)

        # The keyboard goes through the window as the eye does: filter, list, its buttons, then the articles.
        chain = [self.filter, self.list, self.left_button, self.right_button, self.swap_button, self.remove_button,
                 self.left, self.right]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.list.setFocus()

        self._create_actions()
        self._connect()
        self._update_theme()
        self._update_navigation()

    # Actions, menus, toolbar ---------------------------------------------------------------------------
    def _action(self, text: str, shortcut=None, tip: str = "", icon=None, checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcuts([QKeySequence(key) for key in (shortcut if isinstance(shortcut, list) else [shortcut])])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                              if shortcut else tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setCheckable(checkable)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _create_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.open_action = self._action("&Open…", QKeySequence.StandardKey.Open,
                                        "Add articles (web pages, PDF, Word, text) to the library",
                                        pixmap.SP_DialogOpenButton)
        self.paste_action = self._action("&Paste as New Article", QKeySequence.StandardKey.Paste,
                                         "Add the text (or web page selection) on the clipboard to the library")
        self.paste_action.triggered.connect(self.on_paste_triggered)
        self.show_original_action = self._action("Show &Original", None,
                                                 "Open the file this document was imported from")
        self.reextract_action = self._action("Re-e&xtract", None,
                                             "Read the document's original again and update its text")
        self.library_info_action = self._action("Library &Info…", None,
                                                "Where the library is and how much space it takes")
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, "Close Framing Viewer")
        self.quit_action.triggered.connect(self.close)
        # Qt keeps these two actions' text ("Undo Remove …") and enabled state in step with the stack.
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.remove_action = self._action("&Remove from Library", QKeySequence.StandardKey.Delete,
                                          "Remove the selected documents (undo with Ctrl+Z)", pixmap.SP_TrashIcon)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.save_story_action = self._action("Save Selection as &Story…", None, "Save the documents selected in "
                                              "the list as a story, to build it again from the Story tab")
        self.delete_story_action = self._action("&Delete Story", None, "Delete the story chosen in the Story tab "
                                                "(its documents stay; undo with Ctrl+Z)")
        self.show_left_action = self._action("Show in &Left Pane", "Ctrl+1", "Show the selected document on the left",
                                             pixmap.SP_ArrowLeft)
        self.show_right_action = self._action("Show in &Right Pane", "Ctrl+2",
                                              "Show the selected document on the right", pixmap.SP_ArrowRight)
        self.swap_action = self._action("S&wap Panes", "Ctrl+Shift+X", "Swap the left and right documents",
                                        pixmap.SP_BrowserReload)
        self.sync_action = self._action("&Synchronized Scrolling", "Ctrl+Shift+Y",
                                        "Keep the counterpart of a passage level in the other pane", checkable=True)
        self.sync_action.setChecked(True)
        self.library_action = self._action("&Library", "Ctrl+L", "Show or hide the library beside the articles",
                                           checkable=True)
        self.library_action.setChecked(True)
        self.library_action.toggled.connect(self.on_library_toggled)
        # Navigation keys no common window manager takes: Alt+Shift+arrows move windows between desktops in
        # Openbox and KDE, Ctrl+Alt+arrows switch desktops in GNOME and Openbox. F8/F9 come first, as menus show.
        self.next_quote_action = self._action("&Next Shared Quote", ["F8", "Ctrl+]", "Alt+Down"], "Go to the next shared quote",
                                              pixmap.SP_ArrowDown)
        self.previous_quote_action = self._action("&Previous Shared Quote", ["Shift+F8", "Ctrl+[", "Alt+Up"],
                                                  "Go to the previous shared quote", pixmap.SP_ArrowUp)
        self.next_framing_action = self._action("Next &Framing", ["F9", "Ctrl+PgDown"],
                                                "Go to the next passage of the outlet's own framing", pixmap.SP_MediaSeekForward)
        self.previous_framing_action = self._action("Previous F&raming", ["Shift+F9", "Ctrl+PgUp"],
                                                    "Go to the previous framing passage", pixmap.SP_MediaSeekBackward)
        self.find_action = self._action("&Find…", QKeySequence.StandardKey.Find, "Find words in both articles",
                                        pixmap.SP_FileDialogContentsView)
        self.find_next_action = self._action("Find &Next", QKeySequence.StandardKey.FindNext, "Find the next match")
        self.find_previous_action = self._action("Find Pre&vious", QKeySequence.StandardKey.FindPrevious,
                                                 "Find the previous match")
        self.export_action = self._action("&Export Report…", "Ctrl+E", "Save the pair or the story as an HTML report "
                                          "(the story's quote matrix and provenance also as CSV or JSON)",
                                          pixmap.SP_DialogSaveButton)
        self.pair_view_action = self._action("&Pair", "Alt+1", "Show the two articles side by side")
        self.story_view_action = self._action("S&tory", "Alt+2", "Show the whole story: quote matrix, provenance, "
                                              "framing")
        self.pair_view_action.triggered.connect(lambda: self.views.setCurrentIndex(0))
        self.story_view_action.triggered.connect(lambda: self.views.setCurrentWidget(self.story_view))

        # The list's right-click menu: the same actions as the View and Edit menus.
        self.list.addActions([self.show_left_action, self.show_right_action, self.swap_action, self.remove_action,
                              self.show_original_action, self.reextract_action])
        self.list.addAction(self.save_story_action)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.open_action, self.export_action, self.library_info_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.paste_action)
        edit_menu.addActions([self.show_original_action, self.reextract_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.remove_action, self.find_action, self.find_next_action, self.find_previous_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.save_story_action, self.delete_story_action])
        view_menu = menu.addMenu("&View")
        view_menu.addActions([self.pair_view_action, self.story_view_action])
        view_menu.addSeparator()
        view_menu.addActions([self.show_left_action, self.show_right_action, self.swap_action])
        view_menu.addSeparator()
        view_menu.addAction(self.library_action)
        view_menu.addAction(self.sync_action)
        go_menu = menu.addMenu("&Go")
        go_menu.addActions([self.previous_quote_action, self.next_quote_action])
        go_menu.addSeparator()
        go_menu.addActions([self.previous_framing_action, self.next_framing_action])

        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.addAction(self.library_action)  # first, so a folded library is always one click away
        self.library_action.setIconText("Library")
        toolbar.addAction(self.open_action)
        toolbar.addSeparator()
        toolbar.addActions([self.previous_quote_action, self.next_quote_action])
        toolbar.addActions([self.previous_framing_action, self.next_framing_action])
        toolbar.addSeparator()
        toolbar.addActions([self.swap_action, self.sync_action, self.find_action])
        for action, short in ((self.previous_quote_action, "Prev quote"), (self.next_quote_action, "Next quote"),
                              (self.previous_framing_action, "Prev framing"), (self.next_framing_action, "Next framing"),
                              (self.swap_action, "Swap"), (self.sync_action, "Sync scroll"), (self.find_action, "Find"),
                              (self.open_action, "Open")):
            action.setIconText(short)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        self.left_button.clicked.connect(self.show_left_action.trigger)
        self.right_button.clicked.connect(self.show_right_action.trigger)
        self.swap_button.clicked.connect(self.swap_action.trigger)
        self.remove_button.clicked.connect(self.remove_action.trigger)
        self.show_left_action.triggered.connect(lambda: self._request_selected("left"))
        self.show_right_action.triggered.connect(lambda: self._request_selected("right"))
        self.swap_action.triggered.connect(lambda: self.pair_requested.emit(self.model.right_id, self.model.left_id))
        self.remove_action.triggered.connect(self.on_remove_triggered)
        self.sync_action.toggled.connect(self.sync.set_enabled)
        self.next_quote_action.triggered.connect(lambda: self.go_to_quote(+1))
        self.previous_quote_action.triggered.connect(lambda: self.go_to_quote(-1))
        self.next_framing_action.triggered.connect(lambda: self.go_to_framing(+1))
        self.previous_framing_action.triggered.connect(lambda: self.go_to_framing(-1))
        self.find_action.triggered.connect(self.on_find_triggered)
        self.find_next_action.triggered.connect(lambda: self.find(self.find_bar.field.text(), False))
        self.find_previous_action.triggered.connect(lambda: self.find(self.find_bar.field.text(), True))
        self.find_bar.find_requested.connect(self.find)
        for pane in (self.left, self.right):
            pane.passage_hovered.connect(self.on_passage_hovered)
            pane.focused.connect(lambda pane=pane: setattr(self, "focused_pane", pane))
        self.left.passage_clicked.connect(lambda index: self.align_passage(index, self.left))
        self.right.passage_clicked.connect(lambda index: self.align_passage(index, self.right))
        self.links.passage_hovered.connect(self.on_passage_hovered)
        self.links.passage_clicked.connect(lambda index: self.align_passage(index, self.left))
        self.focused_pane = self.right

    # What the controller calls ------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The documents selected in the list, in the list's order."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in rows]

    def list_index(self, document_id: int, column: Column = Column.TITLE):
        """The list's index (through the sorting proxy) of a document's cell; invalid if filtered out."""
        row = self.model.row_of(document_id)
        if row < 0:
            return self.proxy.index(-1, -1)
        return self.proxy.mapFromSource(self.model.index(row, column))

    def select_document(self, document_id: int) -> None:
        index = self.list_index(document_id)
        if not index.isValid() and self.model.row_of(document_id) >= 0:
            self.filter.clear()  # the document asked for is hidden by the filter: show everything
            index = self.list_index(document_id)
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def show_pair_headers(self, left_entry, right_entry, busy: bool) -> None:
        for view, entry in ((self.left_view, left_entry), (self.right_view, right_entry)):
            if entry is None:
                view.set_header("No document", "Drop an article or a link here, or use File > Open", "")
            else:
                view.set_header(entry.label, entry.title, entry.date)
            view.set_busy(busy and entry is not None)
        if busy:
            self.stats.setText("Comparing…")
        self._labels = (left_entry.label if left_entry else "", right_entry.label if right_entry else "")
        if left_entry and right_entry:
            self.setWindowTitle(f"{left_entry.label} → {right_entry.label} — Framing Viewer")

    def show_comparison(self, comparison) -> None:
        """Draw a finished comparison: colours, bands, maps, stats; then bring both panes to the top."""
        self.comparison = comparison
        passages = comparison.passages
        with self.sync.locked():
            self.left.show_side(comparison.left, [(p.left_start, p.left_end) for p in passages],
                                [edit for p in passages for edit in p.left_edits], self.theme)
            self.right.show_side(comparison.right, [(p.right_start, p.right_end) for p in passages],
                                 [edit for p in passages for edit in p.right_edits], self.theme)
            self.left.verticalScrollBar().setValue(0)
            self.right.verticalScrollBar().setValue(0)
        for view, side in ((self.left_view, comparison.left), (self.right_view, comparison.right)):
            view.map.set_spans(side.spans, len(side.document.text), self.theme)
            view.set_busy(False)
        self.links.set_passages(passages, comparison.quote_passages, self.theme, reader_passages(comparison))
        for pane, side in ((self.left, "left"), (self.right, "right")):
            pane.set_reader_marks(reader_marks(comparison, side))
        self.sync.set_comparison(comparison)
        self.quote_order = sorted(comparison.quote_passages)
        self.current_quote = -1
        self.update_stats()
        self._update_navigation()

    def show_empty(self, message: str) -> None:
        self._clear_comparison()
        for view in (self.left_view, self.right_view):
            view.pane.show_placeholder(message)
            view.set_busy(False)
        self.stats.setText("")

    def show_uncompared(self, left_text: str, right_text: str) -> None:
        """While a comparison runs: the two texts, plain, to read instead of the old pair; for long texts a
        note instead, because laying out a long text twice (plain, then coloured) stalls the window."""
        self._clear_comparison()
        for pane, text in ((self.left, left_text), (self.right, right_text)):
            if len(text) <= PLAIN_PREVIEW_CHARS:
                pane.show_plain(text)
            else:
                pane.show_placeholder(f"Comparing… ({len(text.split()):,} words: a few moments)")

    def _clear_comparison(self) -> None:
        self.comparison = None
        self.sync.set_comparison(None)
        self.links.set_passages((), frozenset(), self.theme)
        for view in (self.left_view, self.right_view):
            view.map.set_spans((), 0, self.theme)
        self.quote_order, self.current_quote = [], -1
        self._update_navigation()

    def show_failure(self, text: str) -> None:
        """The pair could not be compared: say why, and leave no 'Comparing…' behind."""
        self.notify(text, "error")
        self.stats.setText("No comparison for this pair (see the message above).")

    def notify(self, text: str, kind: str = "info") -> None:
        """Show ``text`` (HTML, names in it escaped) above the panes and, as plain text, in the status bar."""
        text = plain_text(text)  # a file's name may hold an ANSI escape: no boxes, in either place
        self.notice.show_message(text, kind, self.theme)
        self.statusBar().showMessage(QTextDocumentFragment.fromHtml(text.replace("<br>", " ")).toPlainText(), 8000)

    def set_progress(self, done: int, total: int) -> None:
        # QProgressBar.setValue repaints at once (15-20 ms here): at most one step per PROGRESS_STEP_S.
        now = time.perf_counter()
        if 0 < done < total and now - self._progress_time < PROGRESS_STEP_S:
            return
        self._progress_time = now
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self.progress.isVisible() != (done < total):
            self.progress.setVisible(done < total)
        # More than a handful of files may take a while: they can be stopped (what is in stays in).
        cancellable = done < total and total > CANCELLABLE_IMPORT
        if self.cancel_import_button.isVisible() != cancellable:
            self.cancel_import_button.setVisible(cancellable)

    # Stats, navigation ---------------------------------------------------------------------------------
    def update_stats(self) -> None:
        """One sentence, written from the side of the article that quotes the other (whichever pane it is in)."""
        summary = pair_summary(self.comparison, *self._labels)
        # The labels are outlets or titles, from the files: escaped, the rest is our own markup.
        self.stats.setText(f"<b>{escape(summary.headline)}</b>: {escape(summary.details)}")

    def _update_navigation(self) -> None:
        has_quotes = bool(self.quote_order)
        self.next_quote_action.setEnabled(has_quotes)
        self.previous_quote_action.setEnabled(has_quotes)
        has_text = self.comparison is not None
        self.next_framing_action.setEnabled(has_text)
        self.previous_framing_action.setEnabled(has_text)

    def go_to_quote(self, step: int) -> None:
        """Next (+1) or previous (-1) shared quote, in the left article's order, wrapping around."""
        if not self.quote_order:
            return
        count = len(self.quote_order)
        bar = self.left.verticalScrollBar()
        if self.current_quote >= 0 and bar.value() == self._navigated_at:
            self.current_quote = (self.current_quote + step) % count
        else:
            # First use, or the reader scrolled since: go on from what the left pane shows, as Meld does.
            line = 0.0 if self.current_quote < 0 else self.left.viewport().height() * NAVIGATION_ANCHOR
            here = self.left.offset_at_content_y(bar.value() + line)
            starts = [self.comparison.passages[index].left_start for index in self.quote_order]
            if step > 0:
                self.current_quote = bisect_left(starts, here) % count
            else:
                self.current_quote = (bisect_left(starts, here) - 1) % count
        index = self.quote_order[self.current_quote]
        self.reveal_passage(index)
        self._navigated_at = bar.value()
        self.statusBar().showMessage(f"Shared quote {self.current_quote + 1} of {count}", 4000)

    def reveal_passage(self, index: int) -> None:
        """Put passage ``index`` at the navigation line in both panes and mark both ends."""
        passage = self.comparison.passages[index]
        with self.sync.locked():
            for pane, start in ((self.left, passage.left_start), (self.right, passage.right_start)):
                pane.scroll_line_to(start, pane.viewport().height() * NAVIGATION_ANCHOR)
                pane.set_selected(index)
        self.links.update()

    def go_to_framing(self, step: int) -> None:
        """Next or previous stretch of the focused pane's own framing (the right pane unless focused left)."""
        if self.comparison is None:
            return
        pane = self.focused_pane
        side = self.comparison.left if pane is self.left else self.comparison.right
        framing = [span for span in side.spans if span.cls == "framing" and span.end - span.start > 1]
        if not framing:
            return
        cursor = pane.textCursor()
        here = pane.offsets.to_python(cursor.selectionStart())
        if step > 0:
            # From a selected stretch, the one after it; from a bare cursor, the first at or after it.
            after = (lambda span: span.start > here) if cursor.hasSelection() else (lambda span: span.start >= here)
            chosen = next((span for span in framing if after(span)), framing[0])
        else:
            chosen = next((span for span in reversed(framing) if span.start < here), framing[-1])
        selection = QTextCursor(pane.document())
        selection.setPosition(pane.offsets.to_qt(chosen.start))
        selection.setPosition(pane.offsets.to_qt(chosen.end), QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(selection)
        pane.scroll_to_offset(chosen.start, pane.viewport().height() * NAVIGATION_ANCHOR)

    def align_passage(self, index: int, source: TextPane) -> None:
        """Scroll the other pane so passage ``index``'s counterpart is level with it in ``source``."""
        if self.comparison is None:
            return
        passage = self.comparison.passages[index]
        if source is self.left:
            target, source_start, target_start = self.right, passage.left_start, passage.right_start
        else:
            target, source_start, target_start = self.left, passage.right_start, passage.left_start
        top, _ = source.viewport_span(source_start, source_start + 1)
        if not 0 <= top < source.viewport().height():  # its end in this pane is off screen: bring it in
            top = source.viewport().height() * NAVIGATION_ANCHOR
            with self.sync.locked():
                source.scroll_line_to(source_start, top)
        with self.sync.locked():
            target.scroll_line_to(target_start, top)
            self.left.set_selected(index)
            self.right.set_selected(index)

    def on_passage_hovered(self, index: int) -> None:
        self.left.set_hovered(index)
        self.right.set_hovered(index)
        self.links.set_hovered(index)

    # Find ----------------------------------------------------------------------------------------------
    def on_find_triggered(self) -> None:
        self.find_bar.show()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()

    def find(self, text: str, backwards: bool = False) -> None:
        """Move each pane to its next (or previous) match, wrapping around; say how many panes matched."""
        if not text:
            self.find_bar.result.setText("")
            return
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        found = []
        with self.sync.locked():
            for pane, name in ((self.left, "left"), (self.right, "right")):
                if not pane.find(text, flags):
                    cursor = pane.textCursor()
                    cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
                    pane.setTextCursor(cursor)
                    if not pane.find(text, flags):
                        continue
                found.append(name)
                # QTextEdit.find leaves the match on the pane's edge; a third of the way down reads better.
                match_start = pane.offsets.to_python(pane.textCursor().selectionStart())
                pane.scroll_line_to(match_start, pane.viewport().height() / 3)
        counts = {name: pane.text.lower().count(text.lower())
                  for pane, name in ((self.left, "left"), (self.right, "right"))}
        summary = {2: "in both", 0: "not found"}.get(len(found), f"only {found[0]}" if found else "")
        if found:
            summary += f" ({counts['left']} left, {counts['right']} right)"
        self.find_bar.result.setText(summary)

    # Sidebar -------------------------------------------------------------------------------------------
    def on_list_activated(self, index) -> None:
        if index.isValid() and self.list.state() != QAbstractItemView.State.EditingState:
            self.pair_requested.emit(None, index.data(ID_ROLE))

    def _request_selected(self, side: str) -> None:
        document_id = self.selected_id()
        if document_id is None:
            return
        if side == "left":
            self.pair_requested.emit(document_id, None)
        else:
            self.pair_requested.emit(None, document_id)

    def on_remove_triggered(self) -> None:
        selected = [document_id for document_id in self.selected_ids() if document_id is not None]
        if len(selected) > 1:
            if self.confirm("Remove documents",
                            f"Remove the {len(selected)} selected documents from the library? (Ctrl+Z brings them back.)"):
                self.remove_many_requested.emit(selected)
            return
        document_id = self.selected_id()
        if document_id is not None:
            self.remove_requested.emit(document_id)

    def confirm(self, title: str, question: str) -> bool:
        """Ask a yes/no question (No is the default: a slip of the Enter key removes nothing)."""
        answer = QMessageBox.question(self, title, question, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # Drag and drop -------------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()
            count = len(mime.urls())
            what = f"{count} item{'s' if count != 1 else ''}" if count else "this text"
            self.statusBar().showMessage(f"Drop to add {what} to the library")

    def dragLeaveEvent(self, event) -> None:
        self.statusBar().clearMessage()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Files and folders, web links (from an address bar or a page), or text: each becomes an import."""
        mime = event.mimeData()
        sources = mime_sources(mime)
        if sources:
            event.acceptProposedAction()
            self.files_dropped.emit(sources)
        elif mime.hasText() and mime.text().strip():
            event.acceptProposedAction()
            self.text_dropped.emit(mime.text(), mime.html() if mime.hasHtml() else "")
        else:
            self.statusBar().showMessage("Nothing to add: drop files, folders, web links or text", 8000)

    def on_paste_triggered(self) -> None:
        """Files copied in a file manager, or links, are imported as a drop of them would be; text is added
        as a document (the controller reads a text that only names files or a link as those)."""
        mime = QApplication.clipboard().mimeData()
        sources = mime_sources(mime) if mime is not None else []
        if sources:
            self.files_dropped.emit(sources)
        elif mime is not None and mime.hasText() and mime.text().strip():
            self.text_dropped.emit(mime.text(), mime.html() if mime.hasHtml() else "")
        else:
            self.notify("Nothing to paste: the clipboard holds no text.", "info")

    # Small windows: the library gives way to the articles --------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # On the next turn: the splitter shares out the new width after this event.
        QTimer.singleShot(0, self, self._fit_library)

    def _fit_library(self) -> None:
        """Fold the library away when squeezed below LIBRARY_MIN_WIDTH; bring it back (if the window folded
        it) once there is room for it and both articles again."""
        sidebar = self.splitter.widget(0)
        if sidebar.isVisible():
            self.library_width = self.chosen_library_width()
            if self.splitter.sizes()[0] < LIBRARY_MIN_WIDTH:  # squeezed, or dragged (or restored) shut
                self.library_action.setChecked(False)  # (the user's choice: clears _library_folded)
                self._library_folded = True
                self.statusBar().showMessage("The library is folded away so the articles stay readable: "
                                             "Ctrl+L or the Library button brings it back.", 8000)
        elif self._library_folded and self.splitter.width() >= self._articles_width() + self.library_width:
            self.library_action.setChecked(True)

    def chosen_library_width(self) -> int:
        """The library's width now if the reader chose it (not squeezed by a narrow window), else the last."""
        sizes = self.splitter.sizes()
        if self.splitter.widget(0).isVisible() and sizes[0] >= LIBRARY_MIN_WIDTH and sizes[1] > self._articles_width():
            return sizes[0]
        return self.library_width

    def _articles_width(self) -> int:
        return self.splitter.widget(1).minimumSizeHint().width() + self.splitter.handleWidth()

    def on_library_toggled(self, shown: bool) -> None:
        sidebar = self.splitter.widget(0)
        self._library_folded = False
        sidebar.setVisible(shown)
        if not shown:
            return
        room = self.splitter.width() - self._articles_width()
        if room < self.library_width and self.isVisible():
            # Asked for at a small width: the window grows to hold it rather than squeeze the articles.
            self.resize(self.width() + self.library_width - max(room, 0), self.height())
            room = self.splitter.width() - self._articles_width()
        width = min(self.library_width, room)
        if width >= LIBRARY_MIN_WIDTH:
            self.splitter.setSizes([width, self.splitter.width() - width])

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)

    # Theme follows the system palette ------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            theme = Theme.for_palette(QApplication.palette())
            if theme != self.theme:
                self.theme = theme
                self._update_theme()
                if self.comparison is not None:  # recolour, and stay where the reader was
                    self.redraw_comparison(self.comparison)

    def redraw_comparison(self, comparison) -> None:
        """Show ``comparison`` (the pair on screen, recoloured or corrected) and stay where the reader was."""
        positions = (self.left.verticalScrollBar().value(), self.right.verticalScrollBar().value())
        self.show_comparison(comparison)
        with self.sync.locked():
            self.left.verticalScrollBar().setValue(positions[0])
            self.right.verticalScrollBar().setValue(positions[1])

    def _update_theme(self) -> None:
        self.legend.set_theme(self.theme)
        self.story_view.set_theme(self.theme)
        self.list.viewport().update()


def mime_sources(mime) -> list[str]:
    """The local files and folders, and http(s) links, among dropped or copied data's URL list."""
    return [url.toLocalFile() if url.isLocalFile() else bytes(url.toEncoded()).decode("ascii")
            for url in mime.urls() if url.isLocalFile() or url.scheme() in ("http", "https")]


def readable_width(view) -> int:
    """Pixels a pane view needs to show READABLE_CHARS characters per line (text, margins, scroll bar, map)."""
    pane = view.pane
    text = READABLE_CHARS * pane.fontMetrics().averageCharWidth()
    margins = 2 * int(pane.document().documentMargin()) + 2 * pane.frameWidth() + 4
    return text + margins + pane.verticalScrollBar().sizeHint().width() + view.map.width() + 2
