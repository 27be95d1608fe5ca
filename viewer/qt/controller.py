"""What the window's requests do: imports into the library, which pair is compared, removal and edits.

The controller owns the library, the background ``Comparer`` and ``FileReader``, and the undo stack. It
answers the window's signals (``files_dropped``, ``text_dropped``, ``pair_requested``, ``remove_requested``)
and actions (Show Original, Re-extract, Library Info) and tells the window what to show. It remembers the
window's state in ``window.ini`` in the data folder, and takes in changes other processes make to the
library (polled: SQLite's ``data_version``) so a document removed elsewhere is never asked for.

Exports: ``Controller``, ``ImportReport``, ``SEED_OUTLETS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..storage.importers import SUPPORTED_SUFFIXES, UnreadableFile, load_bytes
from ..storage.intake import named_sources
from ..storage.library import Entry, Library, LibraryError, LibraryReadOnly, Removed, check_field
from .corrections import PairCorrections
from .documents import BAR_CLASSES, DocumentListModel
from .saved_stories import SavedStories
from .story import StoryPresenter
from .window import MainWindow
from .workers import PRIORITY_BAR, PRIORITY_PAIR, Comparer, FileReader, Paced, Paste, expand_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# What we know about the seed articles' outlets; the re-reports' outlets are not in the files.
SEED_OUTLETS = {"003": "People"}
SEED_ORDER = ("003", "000", "001", "002")  # People's original first: it opens on the left
IDLE_POLL_MS = 20  # milliseconds between checks while waiting for the window to finish drawing
PREVIEW_DELAY_MS = 150  # milliseconds a comparison may take before the panes show the plain texts
UNDO_LIMIT = 200  # removals and edits the user can undo
LIBRARY_POLL_MS = 2_000  # milliseconds between checks for changes another process made to the library
# The Open dialog's first filter: every format the importers read (.doc is only refused, with a reason).
OPEN_FILTER = ("Articles (" + " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES if suffix != ".doc")
               + ");;All files (*)")
READ_ONLY_MESSAGE = "The library is read-only: nothing can be added, edited or removed."


@dataclass
class ImportReport:
    """What one drop (or Open, or command line) did: ids in the order given, and what went wrong."""

    added: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, Entry]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    resolved: dict[int, int] = field(default_factory=dict)  # position in the batch -> document id
    total: int = 0
    cancelled: bool = False  # the user pressed Cancel: the files read before it are in the library


class Controller(QObject):
    pair_shown = Signal()  # a comparison is on screen (its colours may still be going in for huge texts)
    import_finished = Signal(object)  # ImportReport

    def __init__(self, library: Library, model: DocumentListModel, window: MainWindow, settings: QSettings):
        super().__init__(window)
        self.library, self.model, self.window, self.settings = library, model, window, settings
        self.comparer = Comparer(self)
        self.reader = FileReader(self)
        self.undo = window.undo_stack
        self.undo.setUndoLimit(UNDO_LIMIT)
        self.left_id: int | None = None
        self.right_id: int | None = None
        self.shown_pair: tuple[int, int] | None = None  # the pair whose comparison is drawn
        self._report: ImportReport | None = None
        self._queued: list[tuple[list, bool]] = []
        self._open_as_pair = False
        self._forgetting_history = False  # an undo or redo was refused: the history is emptied next
        self._bars_due = False  # compare the list's missing bars once the pair on screen is drawn
        self.closed = False  # the window has closed: pending callbacks do nothing

        model.edit_handler = self.edit
        window.files_dropped.connect(self.import_paths)
        window.pair_requested.connect(self.show_pair)
        window.remove_requested.connect(self.remove)
        window.remove_many_requested.connect(self.remove_many)
        window.open_action.triggered.connect(self.on_open_triggered)
        window.closing.connect(self.on_window_closing)
        window.text_dropped.connect(self.import_text)
        window.import_cancel_requested.connect(self.cancel_import)
        window.show_original_action.triggered.connect(self.show_original)
        window.reextract_action.triggered.connect(self.reextract)
        window.library_info_action.triggered.connect(self.show_library_info)
        self.comparer.finished.connect(self.on_compared)
        self.comparer.failed.connect(self.on_compare_failed)
        self.reader.read.connect(self.on_file_read)
        self.reader.failed.connect(self.on_file_failed)
        self.reader.done.connect(self.on_reading_done)
        # Files read by the worker are stored, and the list's bars requested, a few per event-loop turn.
        self.store_queue = Paced(parent=self)
        self.bar_requests = Paced(parent=self)
        self._stored = 0
        self.corrections = PairCorrections(self)  # the reader's corrections of the pair on screen
        self.info_box: QMessageBox | None = None
        # Another window or `import` may change the library: looked for now and then, when the app comes to
        # the front, and before each pair is shown, so a document removed elsewhere is never asked for.
        self._library_poll = QTimer(self, interval=LIBRARY_POLL_MS)
        self._library_poll.timeout.connect(self.on_library_poll)
        self._library_poll.start()
        QGuiApplication.instance().applicationStateChanged.connect(self.on_application_state_changed)
        self.saved_stories = SavedStories(self)  # the Story tab's chooser: stories saved in the library
        self.story = StoryPresenter(self)  # the Story tab: built in its own worker when shown

    # Start-up and shut-down ---------------------------------------------------------------------------
    def add_seeds(self, folder: Path = SEEDS) -> None:
        """First launch: the four seed articles, People's original first."""
        from ..storage.importers import UnreadableFile, read_document

        for number in SEED_ORDER:
            for path in sorted(folder.glob(f"{number}_*.txt")):
                try:
                    document = read_document(path, outlet=SEED_OUTLETS.get(number, ""))
                except UnreadableFile:
                    continue
                entry, added = self.library.add(document, name=number)
                if added:
                    self.model.insert_entry(entry)

    def restore_state(self) -> None:
        settings, window = self.settings, self.window
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            window.splitter.restoreState(splitter)
        window.library_width = _as_int(settings.value("window/library_width")) or window.library_width
        window.sync_action.setChecked(_as_bool(settings.value("view/sync", True)))
        if _as_int(settings.value("view/tab")) == 1:
            window.views.setCurrentWidget(window.story_view)  # the story is built when the tab shows
        left, right = _as_int(settings.value("pair/left")), _as_int(settings.value("pair/right"))
        ids = [entry.id for entry in self.model.entries]
        if left not in ids or right not in ids or left == right:
            left, right = (ids + [None, None])[:2]
        if left is not None:
            self.show_pair(left, right)
        else:
            window.show_empty("The library is empty: drop articles (web pages, PDF, Word or text files) or links "
                              "here, paste text with Ctrl+V, or use File > Open.")

    def shutdown(self) -> None:
        """Stop background work before the window's objects go (safe to call twice)."""
        self.closed = True
        self._library_poll.stop()
        self.store_queue.clear()
        self.bar_requests.clear()
        self.comparer.shutdown()
        self.reader.shutdown()
        self.story.shutdown()

    def on_window_closing(self) -> None:
        self.save_state()
        self.shutdown()

    def save_state(self) -> None:
        settings, window = self.settings, self.window
        settings.setValue("window/geometry", window.saveGeometry())
        settings.setValue("window/state", window.saveState())
        settings.setValue("window/splitter", window.splitter.saveState())
        settings.setValue("window/library_width", window.chosen_library_width())
        settings.setValue("view/sync", window.sync_action.isChecked())
        settings.setValue("view/tab", window.views.currentIndex())
        settings.setValue("pair/left", self.left_id if self.left_id is not None else "")
        settings.setValue("pair/right", self.right_id if self.right_id is not None else "")
        settings.sync()

    def is_idle(self) -> bool:
        """Nothing left to import, compare or colour for the pair on screen, and no story being built."""
        window = self.window
        no_pair = self.left_id is None or self.right_id is None
        pair_drawn = no_pair or self.shown_pair == (self.left_id, self.right_id)
        return (self._report is None and not self._queued and pair_drawn and not self.store_queue.busy
                and not self.bar_requests.busy and not self.story.builder.busy
                and window.left.formatting_done and window.right.formatting_done)

    def when_idle(self, callback) -> None:
        """Call ``callback`` once the window has finished all the work it has started."""
        def check():
            if self.closed:
                timer.stop()
                return
            if self.is_idle():
                timer.stop()
                timer.deleteLater()
                callback()
        timer = QTimer(self, interval=IDLE_POLL_MS)
        timer.timeout.connect(check)
        timer.start()

    # The pair on screen -------------------------------------------------------------------------------
    def show_pair(self, left_id: int | None, right_id: int | None) -> None:
        """Show ``left_id`` and ``right_id`` (None keeps that pane); asking for one in both panes swaps."""
        if self.library.changed_elsewhere():
            self._reload_entries()  # a document removed by another process is not chosen below
        new_left = self.left_id if left_id is None else left_id
        new_right = self.right_id if right_id is None else right_id
        if new_left is not None and new_left == new_right:
            if left_id is not None:
                new_right = self.left_id
            else:
                new_left = self.right_id
        ids = [entry.id for entry in self.model.entries]
        if new_left not in ids:
            new_left = next((i for i in ids if i != new_right), None)
        if new_right not in ids or new_right == new_left:
            new_right = next((i for i in ids if i != new_left), None)
        left_changed = new_left != self.left_id
        self.left_id, self.right_id = new_left, new_right
        self.model.set_pair(new_left, new_right)
        left_entry = self.model.entry(new_left) if new_left is not None else None
        right_entry = self.model.entry(new_right) if new_right is not None else None
        if left_entry is None or right_entry is None:
            self.shown_pair = None
            self.window.show_pair_headers(left_entry, right_entry, busy=False)
            self.window.show_empty("Add a second article to compare: drop an article or a link here, or paste text.")
            return
        self.window.show_pair_headers(left_entry, right_entry, busy=True)
        self.corrections.forget()
        # Queued work for an earlier choice is dropped (a pair clicked past, bars being requested): the pair
        # on screen comes first, and the bars still missing are requested again once it is drawn.
        self.comparer.cancel_pending()
        self.bar_requests.clear()
        if left_changed:
            self.model.clear_shares()
        self._bars_due = True
        try:
            left_document, right_document = self.library.document(new_left), self.library.document(new_right)
        except KeyError:  # removed elsewhere this very moment: take the list from the library and choose again
            self._reload_entries()
            self.show_pair(left_id, right_id)
            return
        started = self.comparer.request(("pair", new_left, new_right), left_document, right_document,
                                        PRIORITY_PAIR, (left_entry.hash, right_entry.hash))
        if started:
            # Not cached. Most pairs are compared in milliseconds: only a slow one gets its plain texts
            # shown meanwhile (showing them at once would flash, and lay every text out twice).
            pair = (new_left, new_right)

            def preview():
                if (self.left_id, self.right_id) == pair and self.shown_pair != pair and not self.closed:
                    self.window.show_uncompared(left_document.text, right_document.text)

            QTimer.singleShot(PREVIEW_DELAY_MS, self, preview)

    def on_compared(self, tag, comparison) -> None:
        kind, left_id, right_id = tag
        if left_id == self.left_id and right_id == self.right_id and kind == "pair":
            comparison = self.corrections.corrected(comparison, self.model.entry(left_id).hash,
                                                    self.model.entry(right_id).hash)
            self.window.show_pair_headers(self.model.entry(left_id), self.model.entry(right_id), busy=False)
            self.window.show_comparison(comparison)
            self.shown_pair = (left_id, right_id)
            self.pair_shown.emit()
            if self._bars_due:
                # Once the pair's colours are in: a bar comparison running meanwhile would slow them down.
                self._bars_due = False
                self.when_idle(self._update_share_bars)
        if left_id == self.left_id and self.model.entry(right_id) is not None:
            side = comparison.right
            self.model.set_shares(right_id, tuple((cls, side.share(cls)) for cls in BAR_CLASSES))

    def on_compare_failed(self, tag, message: str) -> None:
        if tag[0] == "pair":
            self.window.show_pair_headers(self.model.entry(tag[1]), self.model.entry(tag[2]), busy=False)
            self.window.show_failure(f"The comparison failed: {escape(message)}")

    def _update_share_bars(self) -> None:
        """Every document's bar against the (new) left document, compared in the background."""
        if self.left_id is None:
            return
        left_id = self.left_id
        left = self.library.document(left_id)
        left_hash = self.model.entry(left_id).hash

        def request(entry):
            if left_id == self.left_id and self.model.entry(entry.id) is not None and entry.id not in self.model.shares:
                self.comparer.request(("bar", left_id, entry.id), left, self.library.document(entry.id),
                                      PRIORITY_BAR, (left_hash, entry.hash))

        for entry in self.model.entries:
            if entry.id not in (left_id, self.right_id) and entry.id not in self.model.shares:
                self.bar_requests.add(lambda entry=entry: request(entry))

    # Imports ------------------------------------------------------------------------------------------
    def on_open_triggered(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Add articles to the library", str(Path.home()),
                                                OPEN_FILTER)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list, as_pair: bool = False) -> None:
        """Read and add files and folders; the first new document goes to the right pane.

        ``as_pair`` (the command line): the first two documents named become the left and right pair.
        """
        if self.library.read_only:
            self.window.notify(READ_ONLY_MESSAGE, "error")
            return
        if self._report is not None:  # one import at a time; the next waits its turn
            self._queued.append((list(paths), as_pair))
            return
        pastes = [item for item in paths if isinstance(item, Paste)]
        files, refused = expand_paths([item for item in paths if not isinstance(item, Paste)])
        files = pastes + files
        self._report = ImportReport(failures=list(refused), total=len(files))
        self._open_as_pair = as_pair
        self._stored = 0
        if files:
            self.window.set_progress(0, len(files))
            self.reader.start(files, self.library.folder)
        else:
            self._finish_import()

    def import_text(self, text: str, html: str = "") -> None:
        """Dropped or pasted text becomes a document (a browser's HTML of it goes through the page reader);
        text that only names files or links (``file:///…/valley.mhtml``, an existing file's path, a web
        address), one a line, imports what it names, as a drop of them would."""
        sources = named_sources(text)
        if sources:
            self.import_paths(sources)
        else:
            self.import_paths([Paste(text, html)])

    def cancel_import(self) -> None:
        """Stop the import after the file being read; everything read so far is kept."""
        if self._report is not None:
            self._report.cancelled = True
            self.reader.cancel()

    def on_file_read(self, number: int, document) -> None:
        self.store_queue.add(lambda: self._store(number, document))

    def on_file_failed(self, number: int, path: str, reason: str) -> None:
        self.store_queue.add(lambda: self._store_failure(path, reason))

    def on_reading_done(self) -> None:
        self.store_queue.add(self._finish_import)

    def _store_failure(self, path: str, reason: str) -> None:
        self._report.failures.append((path, reason))
        self._count_stored()

    def _count_stored(self) -> None:
        self._stored += 1
        self.window.set_progress(self._stored, max(self._report.total, 1))

    def _store(self, number: int, prepared) -> None:
        report = self._report
        self._count_stored()
        try:
            entry, added = self.library.add(prepared.document, original=prepared.original)
        except Exception as error:  # a full disk, or the library taken over: this file fails, the rest go on
            report.failures.append((prepared.source, f"could not be saved in the library ({error})"))
            return
        report.resolved[number] = entry.id
        if added:
            report.added.append(entry.id)
            self.model.insert_entry(entry)
        else:
            report.duplicates.append((prepared.source, entry))

    def _finish_import(self) -> None:
        report, self._report = self._report, None
        self.window.set_progress(report.total, report.total)
        ordered = [report.resolved[number] for number in sorted(report.resolved)]
        if self._open_as_pair and len(ordered) >= 2:
            self.show_pair(ordered[0], ordered[1])
        elif report.added:
            self.show_pair(None, report.added[0])
            self.window.select_document(report.added[0])
        elif ordered:
            if self._open_as_pair:
                self.show_pair(None, ordered[0])
            self.window.select_document(ordered[0])
        if report.added:
            self.when_idle(self._update_share_bars)  # the new documents' bars, after the pair
        self._tell(report)
        self.import_finished.emit(report)
        if self._queued:
            paths, as_pair = self._queued.pop(0)
            self.import_paths(paths, as_pair)

    def _tell(self, report: ImportReport) -> None:
        lines = []
        if report.cancelled and self._stored < report.total:  # (a Cancel after the last file changes nothing)
            lines.append(f"Import cancelled after {self._stored} of {report.total}; what was imported stays.")
        if report.added:
            count = len(report.added)
            lines.append(f"Added {count} document{'s' if count != 1 else ''} to the library.")
        # Files named on the command line are opened, not imported: that they are known needs no message.
        duplicates = [] if self._open_as_pair else report.duplicates
        for path, entry in duplicates[:5]:
            lines.append(f"<b>{escape(_source_name(path))}</b> is already in the library as "
                         f"“{escape(entry.title)}” (selected).")
        if len(duplicates) > 5:
            lines.append(f"… and {len(duplicates) - 5} more already in the library.")
        for path, reason in report.failures[:8]:
            lines.append(f"Could not add <b>{escape(_source_name(path))}</b>: {escape(reason)}.")
        if len(report.failures) > 8:
            lines.append(f"… and {len(report.failures) - 8} more files could not be added.")
        if not report.total and not report.failures:
            lines.append("Nothing to add: no articles (web pages, PDF, Word or text files) in what was dropped.")
        if lines:
            self.window.notify("<br>".join(lines), "error" if report.failures else "info")

    # Originals, library info, and changes made elsewhere ---------------------------------------------
    def _selected_entry(self) -> Entry | None:
        document_id = self.window.selected_id()
        return self.library.entry(document_id) if document_id is not None else None

    def show_original(self) -> None:
        """Open the selected document's original (saved page, PDF, Word file) with the system's application."""
        entry = self._selected_entry()
        if entry is None:
            return
        path = self.library.original_path(entry.id)
        if path is None:
            self.window.notify(f"No original is kept for “{escape(entry.title)}”: it was added before the "
                               "library kept originals.", "info")
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.window.notify(f"No application could open {escape(str(path))}.", "error")

    def reextract(self) -> None:
        """Read the selected document's original again (after an update of the importers); its text is
        replaced, the title, outlet and date the user may have edited stay."""
        entry = self._selected_entry()
        if entry is None or self._refused_read_only():
            return
        path = self.library.original_path(entry.id)
        if path is None:
            self.window.notify(f"No original is kept for “{escape(entry.title)}”, so it cannot be read again.",
                               "info")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            imported = load_bytes(path.read_bytes(), name=Path(entry.path).name or path.name,
                                  url=entry.url if entry.kind == "url" else "")
            updated = self.library.reextract(entry.id, imported.document)
        except (UnreadableFile, OSError, ValueError) as error:
            self.window.notify(f"Could not read “{escape(entry.title)}” again: {escape(str(error))}.", "error")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.model.refresh_entry(updated)
        if updated.hash != entry.hash:
            self.model.clear_shares()
            self.comparer.cancel_pending()
            if entry.id in (self.left_id, self.right_id):
                self.shown_pair = None
                self.show_pair(self.left_id, self.right_id)
            else:
                self.when_idle(self._update_share_bars)
        self.window.notify(f"Read “{escape(updated.title)}” again from its original: {updated.words:,} words "
                           f"(before: {entry.words:,}).", "info")

    def library_info(self) -> str:
        """Where the library is, what it holds and its size on disk (database and originals)."""
        size = self.library.size()
        lines = [f"Library: {self.library.path}",
                 f"Documents: {len(self.library):,}",
                 f"Database: {_size_text(size.database)}",
                 f"Originals: {size.original_files:,} files, {_size_text(size.originals)}",
                 f"Size on disk: {_size_text(size.total)}"]
        if self.library.read_only:
            lines.append(READ_ONLY_MESSAGE)
        return "\n".join(lines)

    def show_library_info(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Library Info", self.library_info(),
                          QMessageBox.StandardButton.Close, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is the user's text, never markup
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_box = box
        box.open()

    def take_handed_files(self, sources: list) -> None:
        """A second launch on this library handed its files over: import them and come to the front."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if sources:
            self.import_paths(sources, as_pair=True)

    def on_application_state_changed(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.on_library_poll()

    def on_library_poll(self) -> None:
        """Take in changes another process made to the library (a document removed or added elsewhere)."""
        if self.closed or self._report is not None or not self.library.changed_elsewhere():
            return
        self._reload_entries()
        ids = {entry.id for entry in self.model.entries}
        if self.left_id not in ids or self.right_id not in ids:
            self.show_pair(self.left_id, self.right_id)

    def _reload_entries(self) -> None:
        fresh = {entry.id: entry for entry in self.library.entries()}
        known = {entry.id: entry for entry in self.model.entries}
        for document_id, entry in known.items():
            if document_id not in fresh:
                self.model.remove_entry(document_id)
            elif fresh[document_id] != entry:
                self.entry_changed(fresh[document_id])
        for document_id, entry in fresh.items():
            if document_id not in known:
                self.model.insert_entry(entry)

    def _refused_read_only(self) -> bool:
        """True, having said why, when the library cannot be written (read-only, or taken over by a newer
        version or another program since it was opened)."""
        if self.library.read_only:
            self.window.notify(READ_ONLY_MESSAGE, "error")
            return True
        try:
            self.library.check_writable()
        except LibraryError as error:
            self.window.notify(f"Nothing was changed: the library {escape(str(error))}.", "error")
            return True
        return False

    # Library edits (undoable) -------------------------------------------------------------------------
    def remove(self, document_id: int) -> None:
        if self._refused_read_only():
            return
        entry = self.model.entry(document_id)
        if entry is not None:
            self.undo.push(_RemoveCommand(self, entry))

    def remove_many(self, document_ids: list[int]) -> None:
        """Remove several documents as one undo step (Ctrl+Z brings them all back)."""
        if self._refused_read_only():
            return
        entries = [entry for entry in map(self.model.entry, document_ids) if entry is not None]
        if len(entries) < 2:
            for entry in entries:
                self.undo.push(_RemoveCommand(self, entry))
            return
        self.undo.beginMacro(f"Remove {len(entries)} documents")
        for entry in entries:
            self.undo.push(_RemoveCommand(self, entry))
        self.undo.endMacro()
        self.window.notify(f"Removed {len(entries)} documents. Undo with Ctrl+Z.", "info")

    def edit(self, document_id: int, field_name: str, value: str) -> None:
        entry = self.model.entry(document_id)
        if entry is None or self._refused_read_only():
            return
        if self.library.entry(document_id) is None:  # removed by another process since the list was drawn
            self._reload_entries()
            return
        try:
            value = check_field(field_name, value)
        except ValueError as error:
            self.window.notify(f"Not saved: {escape(str(error))}.", "error")
            return
        if value != getattr(entry, field_name):
            self.undo.push(_EditCommand(self, entry, field_name, value))

    def step_refused(self, error: LibraryError, step: str) -> None:
        """An undo or redo the library refused (read-only, or taken over since it was opened): say so once, and
        empty the history, whose other steps the library would refuse as well. Nothing was changed: a refused
        write rolls back before it touches the file, and the list is updated only after the write."""
        if self._forgetting_history:
            return  # a step of several removals is refused once per removal: one notice says it
        self._forgetting_history = True
        reason = f"{error.path} is read-only" if isinstance(error, LibraryReadOnly) else str(error)
        self.window.notify(f"Could not {escape(step)}: the library {escape(reason)}. Nothing was changed; the undo "
                           "history is cleared, since the library can no longer be written.", "error")
        # Not now: the stack is inside this step's undo() or redo() and would free it under our feet.
        QTimer.singleShot(0, self, self._forget_history)

    def _forget_history(self) -> None:
        self.undo.clear()
        self._forgetting_history = False

    def entry_changed(self, entry: Entry) -> None:
        """A document's metadata changed in the library: refresh its row, and the headers if it is shown."""
        self.model.refresh_entry(entry)
        if entry.id in (self.left_id, self.right_id):
            self.window.show_pair_headers(self.model.entry(self.left_id), self.model.entry(self.right_id),
                                          busy=self.shown_pair != (self.left_id, self.right_id))
            if self.window.comparison is not None and self.shown_pair == (self.left_id, self.right_id):
                self.window.update_stats()


class _LibraryStep(QUndoCommand):
    """An undoable step that writes the library: ``apply`` and ``revert`` do the work; a write the library
    refuses becomes one notice (``Controller.step_refused``), never an exception inside Qt's undo stack."""

    controller: Controller

    def redo(self) -> None:
        self._run(self.apply, "redo")

    def undo(self) -> None:
        self._run(self.revert, "undo")

    def _run(self, step, verb: str) -> None:
        try:
            step()
        except LibraryError as error:
            text = self.text().replace("&&", "&")  # "Edit outlet", "Remove “Title”": "undo edit outlet"
            self.controller.step_refused(error, f"{verb} {text[:1].lower()}{text[1:]}")

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class _RemoveCommand(_LibraryStep):
    def __init__(self, controller: Controller, entry: Entry):
        super().__init__(f"Remove “{entry.title[:40].replace('&', '&&')}”")  # a title's & is no menu shortcut
        self.controller, self.entry = controller, entry
        self.removed: Removed | None = None
        self.pane: str | None = None  # the pane it was shown in when removed: undo shows it there again

    def apply(self) -> None:
        controller = self.controller
        if controller.library.entry(self.entry.id) is None:
            return  # already gone (removed again since, by another command)
        self.removed = controller.library.remove(self.entry.id)
        self.pane = {controller.left_id: "left", controller.right_id: "right"}.get(self.entry.id)
        controller.model.remove_entry(self.entry.id)
        if self.entry.id in (controller.left_id, controller.right_id):
            controller.show_pair(controller.left_id, controller.right_id)
        controller.window.notify(f"Removed “{escape(self.entry.title)}”. Undo with Ctrl+Z.", "info")

    def revert(self) -> None:
        controller = self.controller
        if self.removed is None:
            return  # its redo found the document gone already: there is nothing to bring back
        entry = controller.library.restore(self.removed)
        # The text may have been imported again since the removal (then it is in the list already), and
        # it may come back under a new id: redo must remove what undo brought back.
        if controller.model.entry(entry.id) is None:
            controller.model.insert_entry(entry)
        self.entry = entry
        if self.pane == "left":  # the pair that was on screen comes back with it
            controller.show_pair(entry.id, None)
        elif self.pane == "right":
            controller.show_pair(None, entry.id)
        elif None in (controller.left_id, controller.right_id):
            controller.show_pair(controller.left_id, controller.right_id)  # an empty pane takes it back
        controller.window.select_document(entry.id)
        controller.window.notify(f"Restored “{escape(entry.title)}”.", "info")


class _EditCommand(_LibraryStep):
    def __init__(self, controller: Controller, entry: Entry, field_name: str, value: str):
        super().__init__(f"Edit {field_name}")
        # Not ``self.id``: that would hide QUndoCommand.id(), which the stack calls on the next push.
        self.controller, self.document_id, self.field = controller, entry.id, field_name
        self.old, self.new = getattr(entry, field_name), value

    def apply(self) -> None:
        self.controller.entry_changed(self.controller.library.update(self.document_id, **{self.field: self.new}))

    def revert(self) -> None:
        self.controller.entry_changed(self.controller.library.update(self.document_id, **{self.field: self.old}))


def _source_name(source: str) -> str:
    """How a message names what was imported: a link in full, a file by its name."""
    return source if "://" in source else Path(source).name or source


def _size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size:,.1f} GB"


def _as_bool(value) -> bool:
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
