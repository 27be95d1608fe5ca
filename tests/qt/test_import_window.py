"""Articles into the window: dropped pages, PDF, Word, links and text, Ctrl+V, progress with Cancel,
originals shown and read again, library info, plain-text titles, and a library that cannot be written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QFileDialog

from bench.web_pages import article_pages as saved_pages
from tests.storage.test_import_docx import PARAGRAPHS as WORD_PARAGRAPHS
from tests.storage.test_import_docx import write_docx
from tests.storage.test_import_pdf import write_pdf
from tests.storage.test_import_url import PAGE as LINKED_PAGE
from tests.storage.test_import_url import server  # noqa: F401  (the fixture: a web server on 127.0.0.1)
from tests.storage.test_library_safety import write_other_programs_database
from viewer.app import listen_for_files, open_window
from viewer.engine import Document
from viewer.qt import workers
from viewer.qt.documents import Column
from viewer.storage import library as library_module
from viewer.storage.importers import SUPPORTED_SUFFIXES
from viewer.storage.library import Library, LibraryError
from viewer.storage.paths import library_file

from .conftest import WAIT_MS, wait_idle

PAGE = saved_pages()[0]


def drop_mime(qtbot, controller, mime: QMimeData):
    """Drag ``mime`` over the right pane and drop it; returns the import's report."""
    window = controller.window
    position = window.right.viewport().mapTo(window, QPoint(20, 20))
    enter = QDragEnterEvent(position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window accepts what is dragged over it"
    event = QDropEvent(QPointF(position), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        QApplication.sendEvent(window, event)
    wait_idle(qtbot, controller)
    return finished.args[0]


def files_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def added_entry(controller, report):
    assert len(report.added) == 1, controller.window.notice.text()
    return controller.library.entry(report.added[0])


def write_page(folder):
    path = folder / "saved story.html"
    path.write_text(PAGE.html, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["html", "pdf", "docx"])
def test_a_dropped_page_pdf_or_word_file_adds_its_article(open_app, qtbot, tmp_path, kind):
    """Each row: a saved web page, a PDF or a Word file dropped on the window adds one document with the
    article's text, shows it on the right, and keeps the original byte for byte."""
    controller = open_app()
    if kind == "html":
        path, first, title = write_page(tmp_path), PAGE.paragraphs[0], PAGE.title
    elif kind == "pdf":
        path = tmp_path / "storm.pdf"
        path.write_bytes(write_pdf(title="Storm leaves thousands without power"))
        first, title = "A powerful storm swept across the coast overnight", "Storm leaves thousands without power"
    else:
        path = tmp_path / "storm.docx"
        path.write_bytes(write_docx(title="Storm leaves thousands without power"))
        first, title = WORD_PARAGRAPHS[0], "Storm leaves thousands without power"
    report = drop_mime(qtbot, controller, files_mime(path))
    entry = added_entry(controller, report)
    assert (entry.kind, entry.title) == (kind, title)
    assert first in controller.library.text(entry.id)
    assert controller.right_id == entry.id
    assert controller.library.original_path(entry.id).read_bytes() == path.read_bytes()


def test_a_dropped_link_is_downloaded_and_added(open_app, qtbot, server):
    """A link dragged from a browser's address bar is downloaded in the background and added, keeping the page's
    address, outlet and date."""
    controller = open_app()
    mime = QMimeData()
    mime.setUrls([QUrl(f"{server}/news/cycle-lanes")])
    mime.setText(f"{server}/news/cycle-lanes")
    report = drop_mime(qtbot, controller, mime)
    entry = added_entry(controller, report)
    assert (entry.kind, entry.title, entry.outlet, entry.date, entry.url) == (
        "url", LINKED_PAGE.title, LINKED_PAGE.outlet, LINKED_PAGE.date, LINKED_PAGE.url)
    assert controller.library.original_path(entry.id).read_bytes() == LINKED_PAGE.html.encode("utf-8")


def test_a_link_that_fails_names_the_address_and_the_reason(open_app, qtbot, server):
    """A dropped link that gives a 404 adds nothing, says which address and why, and the window goes on."""
    controller = open_app()
    before = len(controller.model.entries)
    mime = QMimeData()
    mime.setUrls([QUrl(f"{server}/gone")])
    report = drop_mime(qtbot, controller, mime)
    assert report.added == [] and len(controller.model.entries) == before
    notice = controller.window.notice.text()
    assert f"{server}/gone" in notice and "404" in notice
    controller.show_pair(controller.model.entries[0].id, controller.model.entries[1].id)
    wait_idle(qtbot, controller)
    assert controller.window.comparison is not None


def test_a_slow_link_times_out_with_a_message_and_the_window_answers_meanwhile(open_app, qtbot, server,
                                                                              monkeypatch):
    """While a link from a server that does not answer is downloading, the window still shows other pairs; the
    download then gives up with a message naming the address and the time-out."""
    from functools import partial

    from viewer.storage import intake

    monkeypatch.setattr(intake, "load", partial(intake.load, timeout=1.0))  # the real 15 s, made short
    controller = open_app()
    ids = [entry.id for entry in controller.model.entries]
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        controller.window.files_dropped.emit([f"{server}/slow"])
        controller.show_pair(ids[2], ids[3])
        qtbot.waitUntil(lambda: controller.shown_pair == (ids[2], ids[3]), timeout=WAIT_MS)
        assert controller.reader.pool.activeThreadCount() == 1, "the pair was drawn while the link was loading"
    assert finished.args[0].added == []
    notice = controller.window.notice.text()
    assert f"{server}/slow" in notice and "timed out" in notice


STORY = ("Ferry strike ends after nine days\n\n"
         "Crews returned to the island ferries on Friday after the union accepted a pay offer, ending a strike "
         "that had stranded hundreds of travellers. \"It was the right time to settle,\" the union's secretary said.")


def test_dropped_text_becomes_a_document_titled_by_its_first_line(open_app, qtbot):
    """Text dragged from another application is added as a document titled by its first line."""
    controller = open_app()
    mime = QMimeData()
    mime.setText(STORY)
    entry = added_entry(controller, drop_mime(qtbot, controller, mime))
    assert entry.title == "Ferry strike ends after nine days" and entry.kind == "paste"
    assert "stranded hundreds of travellers" in controller.library.text(entry.id)


@pytest.mark.parametrize("focus", ["list", "right"])  # the library list, or an article pane (read-only text)
def test_ctrl_v_adds_the_text_on_the_clipboard(open_app, qtbot, focus):
    """Ctrl+V in the window adds the clipboard's text as a new document and shows it on the right."""
    controller = open_app()
    QApplication.clipboard().setText(STORY)
    target = getattr(controller.window, focus)
    target.setFocus()
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        qtbot.keyClick(target, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, controller)
    entry = added_entry(controller, finished.args[0])
    assert entry.title == "Ferry strike ends after nine days"
    assert controller.right_id == entry.id


def test_pasted_browser_html_goes_through_the_page_reader(open_app, qtbot):
    """A copied web page (HTML on the clipboard) is added as its article, without the page's menus."""
    controller = open_app()
    mime = QMimeData()
    mime.setHtml(PAGE.html)
    mime.setText("\n".join(PAGE.paragraphs))
    QApplication.clipboard().setMimeData(mime)
    try:
        with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
            controller.window.paste_action.trigger()
    finally:
        # The clipboard owns the data now; left there, Qt and Python both free it when the tests end (a crash).
        QApplication.clipboard().clear()
    entry = added_entry(controller, finished.args[0])
    text = controller.library.text(entry.id)
    assert PAGE.paragraphs[0] in text
    assert not any(comment in text for comment in PAGE.comments)


def paste_mime(qtbot, controller, mime: QMimeData):
    """Put ``mime`` on the clipboard and press Ctrl+V in the library list; returns the import's report."""
    QApplication.clipboard().setMimeData(mime)
    try:
        controller.window.list.setFocus()
        with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
            qtbot.keyClick(controller.window.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    finally:
        QApplication.clipboard().clear()  # (see test_pasted_browser_html_goes_through_the_page_reader)
    wait_idle(qtbot, controller)
    return finished.args[0]


@pytest.mark.parametrize("written", ["file link", "path"])
def test_ctrl_v_of_a_files_link_or_path_imports_the_file(open_app, qtbot, tmp_path, written):
    """Ctrl+V with ``file:///…/saved story.html`` (or the file's plain path) on the clipboard imports that
    saved page, as dropping it would, instead of adding a document made of the address's words."""
    controller = open_app()
    path = write_page(tmp_path)
    mime = QMimeData()
    mime.setText(QUrl.fromLocalFile(str(path)).toString() if written == "file link" else str(path))
    entry = added_entry(controller, paste_mime(qtbot, controller, mime))
    assert (entry.kind, entry.title) == ("html", PAGE.title)
    assert PAGE.paragraphs[0] in controller.library.text(entry.id)
    assert controller.right_id == entry.id


def test_ctrl_v_of_files_copied_in_a_file_manager_imports_them(open_app, qtbot, tmp_path):
    """Files copied in a file manager (a URL list on the clipboard, their names as its text) are all
    imported by Ctrl+V, not added as one document of their names."""
    controller = open_app()
    page = write_page(tmp_path)
    story = tmp_path / "ferry.txt"
    story.write_text(STORY, encoding="utf-8")
    mime = files_mime(page, story)
    mime.setText(f"{page.name}\n{story.name}")
    report = paste_mime(qtbot, controller, mime)
    titles = sorted(controller.library.entry(document_id).title for document_id in report.added)
    assert titles == sorted([PAGE.title, "Ferry strike ends after nine days"])


def test_ctrl_v_of_a_web_address_copied_from_a_browser_downloads_the_page(open_app, qtbot, server):
    """A link copied from a page (its address as text, and as a link in HTML) is downloaded by Ctrl+V, as a
    dropped link is, instead of adding the address as a document."""
    controller = open_app()
    address = f"{server}/news/cycle-lanes"
    mime = QMimeData()
    mime.setText(address)
    mime.setHtml(f'<a href="{address}">{address}</a>')
    entry = added_entry(controller, paste_mime(qtbot, controller, mime))
    assert (entry.kind, entry.title, entry.url) == ("url", LINKED_PAGE.title, LINKED_PAGE.url)


def test_a_large_import_shows_progress_and_cancel_keeps_what_was_imported(open_app, qtbot, tmp_path, monkeypatch):
    """Forty files show a progress bar with Cancel; pressing it stops the import, and the files already
    imported stay in the library."""
    controller = open_app()
    window = controller.window
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(40):
        (folder / f"story-{number:02}.txt").write_text(
            f"Story number {number} about the harbour\n\nThe harbour board met for the {number}th time and "
            f"decided, after a long debate, to dredge channel {number} before the winter storms arrive.\n",
            encoding="utf-8")
    real_prepare = workers.prepare

    def slow_prepare(source, folder):  # files on a slow network drive: the import takes a while
        time.sleep(0.05)
        return real_prepare(source, folder)

    monkeypatch.setattr(workers, "prepare", slow_prepare)
    before = len(controller.model.entries)
    window.files_dropped.emit([str(folder)])
    qtbot.waitUntil(lambda: window.cancel_import_button.isVisible() and len(controller.model.entries) > before + 2,
                    timeout=WAIT_MS)
    assert window.progress.isVisible()
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(window.cancel_import_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.cancelled and 2 < len(report.added) < 40
    assert not window.progress.isVisible() and not window.cancel_import_button.isVisible()
    assert "cancelled" in window.notice.text()
    wait_idle(qtbot, controller)
    stored = Library.open(controller.library.folder)
    assert len(stored) == before + len(report.added) == len(controller.model.entries)


def test_the_open_dialog_shows_every_supported_file_type_first(open_app, monkeypatch):
    """File > Open's default filter lists web pages, PDF, Word and text files."""
    controller = open_app()
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: (asked.append(args), ([], ""))[1])
    controller.window.open_action.trigger()
    default_filter = asked[0][3].split(";;")[0]
    for suffix in (".html", ".htm", ".mhtml", ".pdf", ".docx", ".txt", ".md"):
        assert f"*{suffix}" in default_filter
    assert {f"*{suffix}" for suffix in SUPPORTED_SUFFIXES if suffix != ".doc"} <= set(
        default_filter[default_filter.index("(") + 1:-1].split())


def shown_as(text: str) -> str:
    """What Qt displays for a tooltip or auto-format label text (it guesses rich text from its start)."""
    return QTextDocumentFragment.fromHtml(text).toPlainText() if QtGui.Qt.mightBeRichText(text) else text


def test_markup_in_a_title_or_file_name_is_shown_as_plain_text(open_app, qtbot, tmp_path):
    """A title and file name full of markup show as those characters in tooltips, headers and the stats line;
    no image is loaded from disk."""
    controller = open_app()
    title = '<img src="/etc/x.png"><b>x</b>'
    path = tmp_path / "<b>bold<i>name.txt"
    path.write_text(title + "\n\nThe council voted on the bridge on Tuesday evening after a long debate.\n",
                    encoding="utf-8")
    entry = added_entry(controller, drop_mime(qtbot, controller, files_mime(path)))
    assert entry.title == title and entry.name == ""  # the window calls it by its title, not its file name
    window = controller.window
    tooltip = window.list_index(entry.id).data(Qt.ItemDataRole.ToolTipRole)
    assert shown_as(tooltip) == f"{title}\n{path}" and "<img" not in tooltip
    header_tip = window.right_view.header.toolTip()
    assert shown_as(header_tip) == title and "<img" not in header_tip
    assert title in shown_as(window.stats.text()) and "<img" not in window.stats.text()
    assert "<img" not in window.right_view.header.text()


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character (an ANSI escape's ESC, a newline) Qt would draw as a box."""
    return any(ord(char) < 0x20 or 0x7f <= ord(char) < 0xa0 for char in text)


def test_a_file_names_control_characters_are_not_shown_in_the_notice_or_status_bar(open_app, qtbot, tmp_path):
    """An empty file named with an ANSI colour escape is refused with its name shown without the escape
    characters (no boxes) above the panes and in the status bar."""
    controller = open_app()
    path = tmp_path / "\x1b[31mred\x1b[0m.txt"
    path.write_text("", encoding="utf-8")
    report = drop_mime(qtbot, controller, files_mime(path))
    assert report.added == [] and len(report.failures) == 1
    window = controller.window
    notice, status = window.notice.text(), window.statusBar().currentMessage()
    assert notice == "Could not add [31mred[0m.txt: is empty."
    assert status == notice and not has_controls(window.notice.label.text())


def test_names_an_older_version_stored_with_escapes_or_line_breaks_show_on_one_line(qtbot, private_data_dir,
                                                                                   open_app):
    """Documents an older version stored under names (and a title) holding an escape sequence and a newline are
    called by them without the control characters in the window's title, the pane headers, the stats line and
    the library list (where editing nothing saves nothing)."""
    library = Library.open(private_data_dir)
    for name, text, title in (("\x1b[1mvalley\x1b[0m", STORY, "Ferry strike\r\nends\x07"),
                              ("harbour\nreport", PAGE.paragraphs[0], "")):
        library.add(Document.from_text(text, path=f"{name}.txt", title=title), name=name)
    library.close()
    controller = open_app()
    window = controller.window
    assert window.windowTitle() == "[1mvalley[0m → harbour report — Framing Viewer"
    for shown in (window.left_view.header.text(), window.right_view.header.text(), window.stats.text()):
        assert not has_controls(shown), shown
    assert "[1mvalley[0m" in window.left_view.header.text() and "harbour report" in window.stats.text()
    assert "Ferry strike ends" in window.left_view.header.text()
    row = window.list_index(controller.left_id)
    cells = [row.sibling(row.row(), column).data() for column in (Column.TITLE, Column.OUTLET)]
    assert cells == ["Ferry strike ends", "[1mvalley[0m"]
    # F2 then Enter on the name as shown changes nothing: it does not become the outlet.
    assert not window.proxy.setData(row.sibling(row.row(), Column.OUTLET), "[1mvalley[0m")
    assert controller.library.entry(controller.left_id).outlet == ""


def test_show_original_opens_the_kept_file_with_the_systems_application(open_app, qtbot, tmp_path, monkeypatch):
    """Show Original asks the system to open the kept copy of the dropped page (nothing is launched here)."""
    controller = open_app()
    path = write_page(tmp_path)
    entry = added_entry(controller, drop_mime(qtbot, controller, files_mime(path)))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    controller.window.select_document(entry.id)
    controller.window.show_original_action.trigger()
    [url] = opened
    kept = controller.library.original_path(entry.id)
    assert url.toLocalFile() == str(kept) and kept.suffix == ".html"
    assert kept.read_bytes() == path.read_bytes() and kept.is_relative_to(controller.library.folder)


def test_reextract_reads_the_original_again_and_keeps_the_typed_outlet(open_app, qtbot, tmp_path):
    """Re-extract replaces a document's text with its original read again, and keeps the outlet the user typed."""
    controller = open_app()
    entry = added_entry(controller, drop_mime(qtbot, controller, files_mime(write_page(tmp_path))))
    good_text = controller.library.text(entry.id)
    controller.edit(entry.id, "outlet", "My Outlet")
    # As an older importer would have left it: the page's menu in the text.
    stale = "Home | World | Sport | Subscribe\n" + good_text
    connection = sqlite3.connect(library_file(controller.library.folder))
    with connection:
        connection.execute("UPDATE documents SET text=?, hash='stale' WHERE id=?", (stale, entry.id))
    connection.close()
    controller.window.select_document(entry.id)
    controller.window.reextract_action.trigger()
    wait_idle(qtbot, controller)
    assert controller.library.text(entry.id) == good_text
    assert controller.library.entry(entry.id).outlet == "My Outlet"
    assert "again" in controller.window.notice.text()


def test_library_info_shows_the_size_on_disk(open_app, qtbot, tmp_path):
    """File > Library Info says where the library is and its size on disk, originals included."""
    controller = open_app()
    path = write_page(tmp_path)
    drop_mime(qtbot, controller, files_mime(path))
    controller.window.library_info_action.trigger()
    text = controller.info_box.text()
    folder = controller.library.folder
    assert str(library_file(folder)) in text
    assert f"Documents: {len(controller.model.entries)}" in text
    assert "Originals: 1 files" in text
    on_disk = sum(p.stat().st_size for p in (folder / "originals").rglob("*") if p.is_file())
    assert on_disk == path.stat().st_size
    assert "Size on disk:" in text
    controller.info_box.close()


def test_an_unusable_library_is_kept_aside_when_the_user_starts_afresh(qtbot, private_data_dir, tmp_path):
    """Another program's database in the library's place is refused untouched; choosing a fresh library
    keeps it, renamed, byte for byte, and says where."""
    private_data_dir.mkdir(parents=True)
    path = library_file(private_data_dir)
    write_other_programs_database(path)
    before = path.read_bytes()
    asked = []
    with pytest.raises(LibraryError):
        open_window(private_data_dir, ask_fresh=lambda error: asked.append(str(error)) or False)
    assert path.read_bytes() == before and "another program's" in asked[0]
    controller = open_window(private_data_dir, ask_fresh=lambda error: True)
    qtbot.addWidget(controller.window)
    controller.window.show()
    try:
        kept = [p for p in private_data_dir.iterdir() if p.name.startswith("library.sqlite3.unusable-")]
        assert len(kept) == 1 and kept[0].read_bytes() == before
        assert kept[0].name in controller.window.notice.text()
        assert len(controller.model.entries) == 4, "a fresh library starts with the sample story"
        wait_idle(qtbot, controller)
    finally:
        controller.shutdown()
        controller.library.close()


def test_a_read_only_library_opens_with_a_notice_and_refuses_drops(open_app, qtbot, tmp_path, private_data_dir,
                                                                   monkeypatch):
    """A library the user may not write opens read-only, says so, and a drop adds nothing and changes no byte."""
    open_app().window.close()  # first launch: the sample story
    before = library_file(private_data_dir).read_bytes()
    monkeypatch.setattr(library_module, "_writable", lambda path: False)  # tests may run as root
    controller = open_app()
    window = controller.window
    assert "read-only" in window.notice.text() and len(controller.model.entries) == 4
    window.files_dropped.emit([str(write_page(tmp_path))])
    assert "read-only" in window.notice.text() and len(controller.model.entries) == 4
    controller.remove(controller.left_id)
    assert len(controller.model.entries) == 4
    assert library_file(private_data_dir).read_bytes() == before


def test_a_second_launch_hands_its_files_to_the_open_window(open_app, qtbot, tmp_path, private_data_dir):
    """`framing-viewer FILE` while a window is open on the same library: the open window imports the file and
    the second process exits without opening a window of its own."""
    controller = open_app()
    listen_for_files(controller, private_data_dir)
    path = write_page(tmp_path)
    second = subprocess.Popen(
        [sys.executable, "-m", "viewer", "--data-dir", str(private_data_dir), path.name], cwd=tmp_path,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=WAIT_MS)
    _, err = second.communicate()
    assert second.returncode == 0 and "handed to the window already open" in err
    entry = added_entry(controller, finished.args[0])
    assert entry.title == PAGE.title and entry.path == str(path)


def test_a_document_removed_by_another_process_leaves_the_window_and_nothing_hangs(open_app, qtbot):
    """When `import`, another window or program removes a shown document, the window drops it from the list,
    shows another, and never stays on "Comparing…"."""
    controller = open_app()
    right = controller.right_id
    other = Library.open(controller.library.folder)
    other.remove(right)
    other.remove(controller.model.entries[-1].id if controller.model.entries[-1].id != right
                 else controller.model.entries[-2].id)
    # Asked for at once (the list still shows it): the window notices before comparing.
    controller.show_pair(None, right)
    wait_idle(qtbot, controller)
    assert controller.model.entry(right) is None and controller.right_id not in (None, right)
    assert len(controller.model.entries) == 2
    assert "Comparing" not in controller.window.stats.text() and controller.window.comparison is not None
    added, _ = other.add(Document.from_text("A story added elsewhere\n\nBy another process, with words of its own."))
    qtbot.waitUntil(lambda: controller.model.entry(added.id) is not None, timeout=WAIT_MS)


def test_a_library_taken_over_by_a_newer_version_is_not_edited(open_app, private_data_dir):
    """If a newer Framing Viewer changes the library while this window is open, an edit here is refused with
    the reason, and leaves no undo step and no change in the file."""
    controller = open_app()
    newer = sqlite3.connect(library_file(private_data_dir))
    newer.execute("PRAGMA user_version=99")
    newer.close()
    before = library_file(private_data_dir).read_bytes()
    controller.edit(controller.right_id, "outlet", "Changed Here")
    assert "newer version" in controller.window.notice.text()
    assert controller.undo.count() == 0
    assert controller.model.entry(controller.right_id).outlet != "Changed Here"
    assert library_file(private_data_dir).read_bytes() == before


@pytest.mark.parametrize("button, chosen", [("Yes", True), ("No", False)])
def test_the_fresh_library_question_shows_the_reason_as_text(qtbot, button, chosen):
    """The question asked for an unusable library names the file and reason as plain text; Yes starts afresh."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from viewer.app import _ask_fresh_library

    shown = []

    def answer():
        [box] = [widget for widget in QApplication.topLevelWidgets()
                 if isinstance(widget, QMessageBox) and widget.isVisible()]
        shown.append((box.text(), box.textFormat()))
        box.button(getattr(QMessageBox.StandardButton, button)).click()

    QTimer.singleShot(100, answer)
    error = LibraryError("/data/<b>lib</b>.sqlite3", "is another program's SQLite database")
    assert _ask_fresh_library(error) is chosen
    [(text, text_format)] = shown
    assert "/data/<b>lib</b>.sqlite3 is another program's SQLite database" in text
    assert text_format == Qt.TextFormat.PlainText
