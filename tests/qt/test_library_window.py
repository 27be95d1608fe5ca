"""The library through the window: drops, bad files, duplicates, edits, removal, and what lasts a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from viewer.qt.documents import ID_ROLE, Column
from viewer.storage.library import Library

from .conftest import WAIT_MS, shown_text, wait_idle

STORY = ("{outlet} reports on the interview\n\n"
         "{outlet} says the singer spoke at length. \"We want our kids to feel every feeling and talk about it "
         "openly at home,\" she said. {extra}\n")


def write_article(folder: Path, name: str, outlet: str, extra: str = "") -> Path:
    path = folder / name
    path.write_text(STORY.format(outlet=outlet, extra=extra), encoding="utf-8")
    return path


def drop(qtbot, controller, paths, target=None) -> object:
    """Drag ``paths`` over a widget of the window (the right pane by default) and drop them; returns the report."""
    window = controller.window
    target = target or window.right.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    position = target.mapTo(window, QPoint(20, 20))
    point = QPointF(position)
    # Qt's drag-enter event takes an integer point, its drop event a real one.
    enter = QDragEnterEvent(position, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window accepts files dragged over it"
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        QApplication.sendEvent(window, event)
    wait_idle(qtbot, controller)
    return finished.args[0]


def titles(controller) -> list[str]:
    return [entry.title for entry in controller.model.entries]


def test_dropped_files_are_added_shown_and_survive_a_restart(open_app, qtbot, tmp_path, private_data_dir):
    """Two dropped articles join the list, the first shows on the right, and both are there after reopening."""
    controller = open_app()
    first = write_article(tmp_path, "daily.txt", "The Daily")
    second = write_article(tmp_path, "weekly.md", "The Weekly", "More context here.")
    report = drop(qtbot, controller, [first, second])
    assert len(report.added) == 2
    assert "The Daily reports on the interview" in titles(controller)
    assert shown_text(controller.window.right) == first.read_text(encoding="utf-8")
    assert controller.window.model.right_id == report.added[0]
    controller.window.close()
    controller.library.close()

    again = open_app()
    assert {"The Daily reports on the interview", "The Weekly reports on the interview"} <= set(titles(again))
    assert len(again.model.entries) == 6  # four seeds and the two dropped articles


def test_a_dropped_folder_imports_its_text_files(open_app, qtbot, tmp_path):
    """Dropping a folder imports the .txt and .md files inside it (and in its subfolders), nothing else."""
    controller = open_app()
    folder = tmp_path / "clippings"
    (folder / "older").mkdir(parents=True)
    write_article(folder, "a.txt", "Outlet A")
    write_article(folder / "older", "b.md", "Outlet B")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    report = drop(qtbot, controller, [folder])
    assert len(report.added) == 2 and not report.failures


def test_bad_files_are_named_with_a_reason_and_the_rest_imported(open_app, qtbot, tmp_path):
    """An empty, a binary and a truncated PDF file in a drop are each reported by name and reason; the good file
    is imported."""
    controller = open_app()
    good = write_article(tmp_path, "good.txt", "Good Outlet")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    before = [(entry.id, entry.title) for entry in controller.model.entries]
    report = drop(qtbot, controller, [empty, good, binary, pdf])
    assert len(report.added) == 1
    notice = controller.window.notice
    assert notice.kind == "error"
    for name, reason in (("empty.txt", "is empty"), ("scan.txt", "binary"), ("report.pdf", "truncated PDF")):
        assert name in notice.text() and reason in notice.text()
    after = [(entry.id, entry.title) for entry in controller.model.entries]
    assert after[:len(before)] == before, "nothing already in the library changed"
    assert len(Library.open(controller.library.folder).entries()) == len(before) + 1


def test_a_file_already_in_the_library_is_selected_not_added(open_app, qtbot, tmp_path, seed_path):
    """Dropping a copy of a seed article adds nothing, selects the existing document and says so."""
    controller = open_app()
    copy = tmp_path / "people copy.txt"
    copy.write_bytes(seed_path("002").read_bytes())
    report = drop(qtbot, controller, [copy])
    assert report.added == [] and len(report.duplicates) == 1
    existing = report.duplicates[0][1]
    assert controller.window.selected_id() == existing.id
    assert "already in the library" in controller.window.notice.text()
    assert len(controller.model.entries) == 4


def test_edited_outlet_is_saved_and_undoable(open_app, qtbot, private_data_dir):
    """Typing an outlet into the list (F2) saves it to the library and the header; Ctrl+Z puts the old one back."""
    controller = open_app()
    window = controller.window
    window.list.setFocus()
    window.list.setCurrentIndex(window.list_index(controller.right_id, Column.OUTLET))
    qtbot.keyClick(window.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Mom Site")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.list.state() != QAbstractItemView.State.EditingState)  # Qt commits queued
    assert Library.open(private_data_dir).entry(controller.right_id).outlet == "Mom Site"
    assert "Mom Site" in window.right_view.header.text()
    assert "<b>Mom Site quotes People</b>" in window.stats.text()
    window.undo_action.trigger()
    assert Library.open(private_data_dir).entry(controller.right_id).outlet == ""


def test_several_edits_in_a_row_are_all_saved_and_undone(open_app, qtbot, private_data_dir):
    """Editing two documents' outlets and a title one after another saves each; Undo takes them back in turn."""
    controller = open_app()
    window = controller.window
    edits = [(entry.id, column, value) for entry, (column, value) in zip(
        controller.model.entries[1:], [(Column.OUTLET, "Moms Site"), (Column.OUTLET, "SheKnows"),
                                       (Column.TITLE, "A shorter title")])]
    for document_id, column, value in edits:
        window.list.setFocus()
        window.list.setCurrentIndex(window.list_index(document_id, column))
        qtbot.keyClick(window.list, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, value)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.list.state() != QAbstractItemView.State.EditingState)
    library = Library.open(private_data_dir)
    stored = [getattr(library.entry(document_id), "outlet" if column == Column.OUTLET else "title")
              for document_id, column, _ in edits]
    assert stored == [value for _, _, value in edits]
    for _ in edits:
        window.undo_action.trigger()
    assert [library.entry(document_id).outlet for document_id, _, _ in edits[:2]] == ["", ""]


def test_removing_a_document_can_be_undone(open_app, qtbot, private_data_dir):
    """Delete removes the selected document from the list and the library; Undo brings it back whole."""
    controller = open_app()
    window = controller.window
    victim = controller.model.entries[-1]
    window.select_document(victim.id)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    assert controller.model.entry(victim.id) is None
    assert Library.open(private_data_dir).entry(victim.id) is None
    assert "Undo" in window.notice.text()
    window.undo_action.trigger()
    assert controller.model.entry(victim.id) == victim
    assert Library.open(private_data_dir).entry(victim.id) == victim


def test_undo_after_the_same_file_was_dropped_again_keeps_one_row(open_app, qtbot, private_data_dir, seed_path):
    """Removing an article, dropping its file again and then undoing leaves it listed once, and redo removes it."""
    controller = open_app()
    window = controller.window
    victim = next(entry for entry in controller.model.entries if entry.title.startswith("Chrissy Teigen says"))
    controller.remove(victim.id)
    wait_idle(qtbot, controller)
    drop(qtbot, controller, [seed_path("002")])
    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    ids = [entry.id for entry in controller.model.entries]
    assert len(ids) == len(set(ids)) == len(Library.open(private_data_dir).entries()) == 4
    window.redo_action.trigger()
    wait_idle(qtbot, controller)
    assert [entry.id for entry in controller.model.entries] == [entry.id for entry in Library.open(private_data_dir).entries()]
    assert len(controller.model.entries) == 3


def test_removing_everything_and_undoing_brings_the_comparison_back(open_app, qtbot):
    """After removing every article, undoing the removals fills both panes again, and quotes in titles read right."""
    controller = open_app()
    window = controller.window
    titles = [entry.title for entry in controller.model.entries]
    for entry in sorted(controller.model.entries, key=lambda entry: '"' in entry.title):  # People's last
        controller.remove(entry.id)
        wait_idle(qtbot, controller)
    assert '"' in window.notice.text() and "&quot;" not in window.notice.text()  # People's headline quote
    for _ in titles:
        window.undo_action.trigger()
        wait_idle(qtbot, controller)
    assert sorted(entry.title for entry in controller.model.entries) == sorted(titles)
    assert None not in (controller.left_id, controller.right_id)
    assert shown_text(window.left) == controller.library.text(controller.left_id)
    assert shown_text(window.right) == controller.library.text(controller.right_id)


def test_removing_the_document_on_screen_shows_another(open_app, qtbot):
    """Removing the right pane's document puts another one in its place instead of an empty pane."""
    controller = open_app()
    removed = controller.right_id
    controller.remove(removed)
    wait_idle(qtbot, controller)
    assert controller.right_id not in (None, removed, controller.left_id)
    assert shown_text(controller.window.right) == controller.library.text(controller.right_id)


def test_keyboard_chooses_panes_and_swap_exchanges_them(open_app, qtbot):
    """Ctrl+1 / Ctrl+2 put the selected document in the left / right pane; Swap exchanges the two."""
    controller = open_app()
    window = controller.window
    people, reprint = controller.left_id, controller.right_id
    other = next(entry.id for entry in controller.model.entries if entry.id not in (people, reprint))
    window.select_document(other)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, controller)
    assert (controller.left_id, controller.right_id) == (people, other)
    qtbot.mouseClick(window.swap_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller)
    assert (controller.left_id, controller.right_id) == (other, people)
    assert shown_text(window.left) == controller.library.text(other)
    assert window.model.data(window.model.index(window.model.row_of(other), Column.PANE)) == "L"


def test_window_state_is_restored_at_the_next_launch(open_app, qtbot):
    """The pair, the sync toggle and the library's width come back after closing and reopening the window.

    (The offscreen screen is 800 pixels wide: the window comes back that narrow, with the library folded so
    both articles stay readable; widened again, the library has its width back.)"""
    controller = open_app()
    window = controller.window
    ids = [entry.id for entry in controller.model.entries]
    controller.show_pair(ids[2], ids[3])
    wait_idle(qtbot, controller)
    window.sync_action.setChecked(False)
    window.splitter.setSizes([300, 1100])
    sidebar = window.splitter.sizes()[0]
    window.close()
    controller.library.close()

    again = open_app()
    assert (again.left_id, again.right_id) == (ids[2], ids[3])
    assert not again.window.sync_action.isChecked()
    again.window.resize(1400, 860)
    qtbot.waitUntil(lambda: again.window.list.isVisible())
    assert abs(again.window.splitter.sizes()[0] - sidebar) <= 2


def test_the_pane_shows_a_busy_indicator_while_comparing(open_app, qtbot, monkeypatch):
    """While a slow pair is compared the panes show its texts and a busy indicator, gone once it is drawn."""
    import time

    import viewer.qt.workers as workers

    controller = open_app()
    window = controller.window
    ids = [entry.id for entry in controller.model.entries]
    real_compare = workers.compare
    monkeypatch.setattr(workers, "compare", lambda *args: (time.sleep(1.0), real_compare(*args))[1])
    with qtbot.waitSignal(controller.pair_shown, timeout=WAIT_MS):
        controller.show_pair(ids[1], ids[2])  # never compared yet: goes to the worker, slowly
        assert window.right_view.busy.isVisible() and window.stats.text() == "Comparing…"
        # Meanwhile the new pair's texts come up to read, uncoloured, without the old pair's bands.
        qtbot.waitUntil(lambda: shown_text(window.right) == controller.library.text(ids[2]), timeout=900)
        assert window.comparison is None and window.links.visible_passages() == []
    assert not window.right_view.busy.isVisible()


def test_a_date_that_is_not_a_date_is_refused(open_app, private_data_dir):
    """Typing 'last Tuesday' as a date is refused with a message and leaves the stored date as it was."""
    controller = open_app()
    row = controller.model.row_of(controller.left_id)
    index = controller.model.index(row, Column.DATE)
    assert controller.model.setData(index, "last Tuesday")
    assert "not a date" in controller.window.notice.text()
    assert Library.open(private_data_dir).entry(controller.left_id).date == "2021-04-06"
    assert controller.model.setData(index, "2021-04-07")
    assert Library.open(private_data_dir).entry(controller.left_id).date == "2021-04-07"


def test_a_library_file_that_is_not_a_database_is_named_and_left_alone(tmp_path):
    """Opening the window on a damaged library prints which file and why, exits 2, and does not touch it."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "data"
    folder.mkdir()
    damaged = folder / "library.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    finished = subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(folder), "--screenshot", str(tmp_path / "x.png")],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 2
    assert str(damaged) in finished.stderr and "not an SQLite database" in finished.stderr
    assert damaged.read_bytes() == b"this is not a database" * 100


def test_removing_all_but_one_document_asks_for_a_second(open_app, qtbot):
    """With one document left the panes say to add a second article; undo brings the comparison back."""
    controller = open_app()
    window = controller.window
    for entry in list(controller.model.entries)[1:]:
        controller.remove(entry.id)
    wait_idle(qtbot, controller)
    assert window.comparison is None
    assert "Add a second article" in shown_text(window.right)
    assert not window.next_quote_action.isEnabled()
    window.undo_action.trigger()
    controller.show_pair(None, controller.model.entries[-1].id)
    wait_idle(qtbot, controller)
    assert window.comparison is not None and window.next_quote_action.isEnabled()


def test_a_folder_without_articles_says_so(open_app, qtbot, tmp_path):
    """Dropping a folder that holds no .txt or .md file adds nothing and says there was nothing to add."""
    controller = open_app()
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    report = drop(qtbot, controller, [folder])
    assert report.added == [] and len(controller.model.entries) == 4
    assert "Nothing to add" in controller.window.notice.text()


def test_share_bars_follow_the_left_document(open_app, qtbot):
    """Each listed article's bar gives its shared-quote share against the left pane's article, and is redone
    when another article goes to the left."""
    from viewer.engine import compare
    from viewer.qt.documents import SHARE_ROLE

    controller = open_app()
    model = controller.model

    def bars_for(left_id):
        qtbot.waitUntil(lambda: all(model.shares.get(entry.id) for entry in model.entries if entry.id != left_id),
                        timeout=WAIT_MS)
        return {entry.id: dict(model.data(model.index(model.row_of(entry.id), Column.SHARES), SHARE_ROLE))
                for entry in model.entries if entry.id != left_id}

    people = controller.left_id
    for document_id, shares in bars_for(people).items():
        expected = compare(controller.library.document(people), controller.library.document(document_id)).right
        assert shares["shared-quote"] == pytest.approx(expected.share("shared-quote"))
        assert shares["framing"] == pytest.approx(expected.share("framing"))
    other = controller.model.entries[2].id
    controller.show_pair(other, None)
    again = bars_for(other)
    assert people in again
    expected = compare(controller.library.document(other), controller.library.document(people)).right
    assert again[people]["shared-quote"] == pytest.approx(expected.share("shared-quote"))


def test_file_open_adds_the_chosen_files(open_app, qtbot, tmp_path, monkeypatch):
    """File > Open (Ctrl+O) imports the files picked in the dialog, like a drop."""
    from PySide6.QtWidgets import QFileDialog

    controller = open_app()
    picked = write_article(tmp_path, "picked.md", "Picked Outlet")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(picked)], ""))
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        qtbot.keyClick(controller.window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(finished.args[0].added) == 1
    assert "Picked Outlet reports on the interview" in titles(controller)


def test_choosing_another_pair_during_an_import_does_not_stop_it(open_app, qtbot, tmp_path):
    """Switching the pair while a drop of many files is being stored still imports every file."""
    controller = open_app()
    paths = [write_article(tmp_path, f"article_{number:02}.txt", f"Outlet {number}", f"Detail {number}.")
             for number in range(40)]
    ids = [entry.id for entry in controller.model.entries]
    with qtbot.waitSignal(controller.import_finished, timeout=WAIT_MS) as finished:
        controller.import_paths(paths)
        for number in range(6):
            controller.show_pair(ids[0], ids[1 + number % 3])
            qtbot.wait(5)
    assert len(finished.args[0].added) == 40
    wait_idle(qtbot, controller)
    assert len(controller.model.entries) == 44


def test_the_list_sorts_by_a_clicked_column_and_filters_by_typed_words(open_app, qtbot):
    """Clicking the Words header orders the articles by length; typing in the filter keeps the matching ones."""
    controller = open_app()
    window = controller.window
    header = window.list.header()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(Column.WORDS) + 10, header.height() // 2))
    proxy = window.list.model()
    shown = [controller.model.entry(proxy.index(row, 0).data(ID_ROLE)).words for row in range(proxy.rowCount())]
    assert shown == sorted(shown) or shown == sorted(shown, reverse=True)
    assert shown != [entry.words for entry in controller.model.entries]  # library order was not by length
    qtbot.keyClicks(window.filter, "toxic masculinity")
    assert proxy.rowCount() == 1
    assert "Fighting Toxic Masculinity" in proxy.index(0, Column.TITLE).data()
    window.select_document(controller.left_id)  # asking for a hidden document clears the filter
    assert proxy.rowCount() == 4


def test_long_articles_show_a_note_while_compared(open_app, qtbot, monkeypatch):
    """While two long articles are compared the panes say so, instead of an old pair or a slow plain preview."""
    import time

    import viewer.qt.workers as workers
    from viewer.engine import Document
    from viewer.qt.window import PLAIN_PREVIEW_CHARS

    controller = open_app()
    window = controller.window
    people = controller.library.text(controller.left_id)
    long_text = "Long story\n\n" + "\n\n".join(f"Part {n}. " + people for n in range(PLAIN_PREVIEW_CHARS // len(people) + 2))
    entry, _ = controller.library.add(Document.from_text(long_text, title="Long story"))
    controller.model.insert_entry(entry)
    real_compare = workers.compare
    monkeypatch.setattr(workers, "compare", lambda *args: (time.sleep(1.0), real_compare(*args))[1])
    with qtbot.waitSignal(controller.pair_shown, timeout=WAIT_MS):
        controller.show_pair(None, entry.id)
        qtbot.waitUntil(lambda: "Comparing…" in shown_text(window.right), timeout=900)
        assert window.right_view.busy.isVisible()
        assert shown_text(window.left) == people  # the short one is there to read meanwhile
    assert shown_text(window.right) == long_text


def test_a_comparison_that_fails_is_reported_and_the_window_goes_on(open_app, qtbot, monkeypatch):
    """If the engine raises on a pair, the window says so, stops the busy indicator, and other pairs still work."""
    import viewer.qt.workers as workers

    controller = open_app()
    window = controller.window
    ids = [entry.id for entry in controller.model.entries]
    real_compare = workers.compare

    def failing(left, right, *args):
        raise RuntimeError("engine bug")

    monkeypatch.setattr(workers, "compare", failing)
    controller.show_pair(ids[2], ids[3])
    qtbot.waitUntil(lambda: "comparison failed" in window.notice.text(), timeout=WAIT_MS)
    assert "engine bug" in window.notice.text() and not window.right_view.busy.isVisible()
    assert "Comparing" not in window.stats.text()
    monkeypatch.setattr(workers, "compare", real_compare)
    with qtbot.waitSignal(controller.pair_shown, timeout=WAIT_MS):
        controller.show_pair(ids[1], ids[3])
    assert window.comparison is not None
