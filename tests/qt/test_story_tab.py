"""The Story tab through the real window: the quote matrix, going back to the pair, provenance, framing,
the keyboard, the cache and cancelling."""

from __future__ import annotations

import threading

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QImage

from tests.qt.conftest import WAIT_MS, wait_idle
from tests.report.articles import hostile_pair
from viewer.qt.story import ACCESSIBLE_ROLE, Column
from viewer.theme import state_colour

BE_A_MAN = "there is no 'be a man' in our house"


def open_story(qtbot, controller):
    """Switch to the Story tab (Alt+2) and wait for the story to be on it."""
    window = controller.window
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.views.currentWidget() is window.story_view
    qtbot.waitUntil(lambda: controller.story.story is not None and not controller.story.builder.busy,
                    timeout=WAIT_MS)
    return window.story_view


def _folded(text: str) -> str:
    """Text compared as a reader would: curly quotes as straight ones, any spaces as one, any case."""
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def row_of(model, words: str) -> int:
    return next(number for number, row in enumerate(model.rows) if _folded(words) in _folded(row.text))


def test_be_a_man_is_one_row_in_all_four_columns(qtbot, open_app):
    """The seeds' "There is no 'Be a man' in our house" is one row, carried by all four documents, said by
    Chrissy Teigen, from People; columns are the documents by date, People (2021-04-06) first."""
    controller = open_app()
    view = open_story(qtbot, controller)
    model = view.matrix_model
    assert model.columnCount() == Column.FIRST_DOCUMENT + 4
    first = model.headerData(Column.FIRST_DOCUMENT, Qt.Orientation.Horizontal)
    assert first == "People\n2021-04-06"
    row = row_of(model, BE_A_MAN)
    assert sum(1 for row in model.rows if BE_A_MAN in _folded(row.text)) == 1
    cell = lambda column: model.index(row, column)  # noqa: E731
    assert cell(Column.SPEAKER).data() == "Chrissy Teigen"
    assert cell(Column.ORIGIN).data() == "People"
    assert cell(Column.REACH).data() == "4 of 4"
    for column in range(Column.FIRST_DOCUMENT, model.columnCount()):
        state = cell(column).data()
        assert state in ("verbatim", "altered", "partial")  # in words...
        assert cell(column).data(Qt.ItemDataRole.BackgroundRole).name() == state_colour(state)  # ...and colour
        assert cell(column).data(ACCESSIBLE_ROLE).startswith(model.label(column - Column.FIRST_DOCUMENT) + ": ")


def test_clicking_a_cell_opens_that_document_beside_the_origin_with_the_quote_in_view(qtbot, open_app):
    """A click on 002's cell of the row switches to the pair view with People left, 002 right, and the
    passage holding the quote at the reading line of both panes."""
    controller = open_app()
    view = open_story(qtbot, controller)
    model, window = view.matrix_model, controller.window
    row = row_of(model, BE_A_MAN)
    column = next(column for column in range(Column.FIRST_DOCUMENT, model.columnCount())
                  if model.headerData(column, Qt.Orientation.Horizontal).startswith("002"))
    ids = controller.story.ids
    document = column - Column.FIRST_DOCUMENT
    view.matrix.scrollTo(model.index(row, column))
    rect = view.matrix.visualRect(model.index(row, column))
    qtbot.mouseClick(view.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: controller.shown_pair == (ids[0], ids[document]), timeout=WAIT_MS)
    wait_idle(qtbot, controller)
    assert window.views.currentIndex() == 0
    quote = model.rows[row].cells[document]
    for pane, start in ((window.right, quote.start), (window.left, model.rows[row].cells[0].start)):
        top, _ = pane.viewport_span(start, start + 1)
        assert 0 <= top < pane.viewport().height(), (pane, top)


def test_enter_on_a_cell_works_from_the_keyboard(qtbot, open_app):
    """Arrow keys move through the matrix and Enter opens the cell, as a click does."""
    controller = open_app()
    view = open_story(qtbot, controller)
    model = view.matrix_model
    row = row_of(model, BE_A_MAN)
    view.matrix.setFocus()
    view.matrix.setCurrentIndex(model.index(row, Column.FIRST_DOCUMENT + 1))
    qtbot.keyClick(view.matrix, Qt.Key.Key_Right)
    assert view.matrix.currentIndex().column() == Column.FIRST_DOCUMENT + 2
    qtbot.keyClick(view.matrix, Qt.Key.Key_Return)
    ids = controller.story.ids
    qtbot.waitUntil(lambda: controller.shown_pair == (ids[0], ids[2]), timeout=WAIT_MS)


def test_rows_sort_by_reach_speaker_and_first_appearance(qtbot, open_app):
    """The sort list reorders the rows: reach puts the most carried first, speaker groups by name."""
    controller = open_app()
    view = open_story(qtbot, controller)
    model = view.matrix_model
    reach = [row.reach for row in model.rows]
    assert reach == sorted(reach, reverse=True) and reach[0] == 4 and reach[-1] == 1
    view.order.setCurrentIndex(view.order.findData("speaker"))
    speakers = [row.speaker.lower() for row in model.rows if row.speaker]
    assert speakers == sorted(speakers)
    view.order.setCurrentIndex(view.order.findData("first"))
    firsts = [row.first_appearance for row in model.rows]
    assert firsts == sorted(firsts)
    # A header click sorts too, and the Sort list says so.
    header = view.matrix.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(Column.REACH) + 10, header.height() // 2))
    assert [row.reach for row in model.rows] == sorted(reach, reverse=True)
    assert view.order.currentData() == "reach"


def test_selected_documents_make_a_smaller_story_and_altered_words_are_named(qtbot, open_app, tmp_path):
    """With two articles selected in the list the matrix has their two columns; the re-report's altered
    quote says which word it added, in its tooltip and to a screen reader."""
    files = hostile_pair(tmp_path)
    controller = open_app([files[0].path, files[1].path])
    window = controller.window
    view = open_story(qtbot, controller)
    assert view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 6
    selection = window.list.selectionModel()
    selection.clearSelection()
    for document_id in (controller.left_id, controller.right_id):
        selection.select(window.list_index(document_id), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 2, timeout=WAIT_MS)
    assert "2 selected" in view.scope.text()
    model = view.matrix_model
    row = row_of(model, "make this city move")
    altered = model.index(row, Column.FIRST_DOCUMENT + 1)
    assert altered.data() == "altered"
    for role in (ACCESSIBLE_ROLE, Qt.ItemDataRole.ToolTipRole):
        assert "added “much”" in altered.data(role)


def test_provenance_lists_people_as_each_re_reports_likely_source(qtbot, open_app):
    """The provenance table gives percentages as numbers and marks People as each re-report's source;
    sorting by a column orders its numbers."""
    controller = open_app()
    view = open_story(qtbot, controller)
    view.pages.setCurrentIndex(1)
    table = view.provenance.model()
    rows = [[table.index(row, column).data() for column in range(table.columnCount())]
            for row in range(table.rowCount())]
    sources = {row[0]: row[1] for row in rows if row[5] == "likely source"}
    assert sources == {"000": "People", "001": "People", "002": "People"}
    assert all(row[2].endswith("%") for row in rows)
    view.provenance.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    words = [int(table.index(row, 3).data().replace(",", "")) for row in range(table.rowCount())]
    assert words == sorted(words)


def test_framing_terms_and_clicking_one_finds_it(qtbot, open_app):
    """001's distinctive terms include "toxic masculinity" with its z-score; activating it shows 001 in the
    right pane with the find bar on that term and the match selected."""
    controller = open_app()
    view = open_story(qtbot, controller)
    view.pages.setCurrentIndex(2)
    document = next(index for index in range(view.outlets.count()) if view.outlets.item(index).text().startswith("001"))
    view.outlets.setCurrentRow(document)
    terms = view.terms.model()
    found = [terms.index(row, 0) for row in range(terms.rowCount()) if terms.index(row, 0).data() == "toxic masculinity"]
    assert found and float(terms.index(found[0].row(), 1).data()) > 0
    assert "toxic masculinity" in view.own_text.toPlainText().lower()
    view.terms.activated.emit(found[0])
    right_id = controller.story.ids[document]
    qtbot.waitUntil(lambda: controller.shown_pair is not None and controller.shown_pair[1] == right_id,
                    timeout=WAIT_MS)
    window = controller.window
    assert window.find_bar.isVisible() and window.find_bar.field.text() == "toxic masculinity"
    assert window.right.textCursor().selectedText().lower() == "toxic masculinity"


def test_reopening_the_tab_is_instant_from_the_cache(qtbot, open_app):
    """Back to the pair and again to the story: the same story is shown at once, nothing is rebuilt."""
    controller = open_app()
    open_story(qtbot, controller)
    story = controller.story.story
    controller.window.pair_view_action.trigger()
    controller.window.story_view_action.trigger()
    assert not controller.story.builder.busy
    assert controller.story.story is story and controller.window.story_view.story is story


def test_cancel_stops_the_build_and_says_so(qtbot, open_app):
    """Cancel while building leaves a message and a button to build again, which then succeeds."""
    controller = open_app()
    window = controller.window
    presenter = controller.story
    from viewer.engine.story import story_cache_clear

    story_cache_clear()
    # Hold the builder's one thread so that the build is still waiting when Cancel is pressed.
    release = threading.Event()
    presenter.builder.pool.start(lambda: release.wait(10))
    window.views.setCurrentWidget(window.story_view)
    assert presenter.builder.busy and window.story_view.progress.isVisibleTo(window.story_view)
    window.story_view.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not presenter.builder.busy, timeout=WAIT_MS)
    view = window.story_view
    assert "Cancelled" in view.scope.text() and view.refresh_button.isVisibleTo(view)
    view.refresh_button.click()
    qtbot.waitUntil(lambda: presenter.story is not None, timeout=WAIT_MS)


def test_story_tab_screenshot_shows_the_matrix_in_colour(qtbot, open_app, tmp_path):
    """A picture of the tab has verbatim cells in their colour and absent cells uncoloured."""
    controller = open_app()
    view = open_story(qtbot, controller)
    qtbot.wait(50)
    picture = tmp_path / "story.png"
    assert controller.window.grab().save(str(picture), "PNG")
    image = QImage(str(picture))
    verbatim = int(state_colour("verbatim")[1:], 16)
    count = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
                if image.pixel(x, y) & 0xFFFFFF == verbatim)
    assert count > 300
    assert view.matrix.accessibleName() == "Quote matrix"


def test_tab_reaches_the_matrix_and_its_pages(qtbot, open_app):
    """From the sort list, Tab reaches the page tabs and the matrix; Ctrl+Tab-free: Alt+1 goes back."""
    controller = open_app()
    view = open_story(qtbot, controller)
    view.order.setFocus()
    reached = set()
    for _ in range(8):
        qtbot.keyClick(controller.window.focusWidget(), Qt.Key.Key_Tab)
        reached.add(controller.window.focusWidget())
    assert view.matrix in reached and view.pages.tabBar() in reached
    qtbot.keyClick(controller.window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert controller.window.views.currentIndex() == 0


def test_file_export_report_writes_the_tab_on_screen(qtbot, open_app, tmp_path, monkeypatch):
    """File > Export Report… on the Story tab offers the story first and writes it; the CSV and JSON of the
    matrix and provenance, and the pair report, are written too."""
    import json

    from viewer.qt import story as story_module

    controller = open_app()
    open_story(qtbot, controller)
    presenter = controller.story
    assert presenter.export_kinds()[0] == "story" and "pair" in presenter.export_kinds()
    offered = []

    def fake_dialog(parent, caption, start, filters):
        offered.append(filters.split(";;"))
        return str(tmp_path / "story"), offered[-1][0]

    monkeypatch.setattr(story_module.QFileDialog, "getSaveFileName", fake_dialog)
    controller.window.export_action.trigger()
    assert offered[0][0] == "Story report, HTML (*.html)"
    assert "<table class=\"matrix\">" in (tmp_path / "story.html").read_text(encoding="utf-8")
    assert "Saved the story report" in controller.window.story_view.notice.text()
    for kind in ("quotes-csv", "quotes-json", "provenance-csv", "provenance-json", "pair"):
        assert presenter.export(str(tmp_path / kind), kind)
    assert json.loads((tmp_path / "quotes-json.json").read_text(encoding="utf-8"))["quotes"]
    assert (tmp_path / "quotes-csv.csv").read_text(encoding="utf-8").startswith("quote,speaker,origin")
    assert "People" in (tmp_path / "provenance-csv.csv").read_text(encoding="utf-8")
    assert "<table class=\"pair\">" in (tmp_path / "pair.html").read_text(encoding="utf-8")
    assert not presenter.export(str(tmp_path / "missing" / "x"), "story")
    assert "Could not save" in controller.window.story_view.notice.text()


def test_an_edited_date_reorders_the_columns(qtbot, open_app):
    """Giving 002 a date before People's makes it the first column and the origin of the quotes it carries."""
    controller = open_app()
    view = open_story(qtbot, controller)
    entry = next(entry for entry in controller.model.entries if entry.label == "002")
    controller.edit(entry.id, "date", "2021-04-01")
    qtbot.waitUntil(lambda: view.matrix_model.headerData(Column.FIRST_DOCUMENT, Qt.Orientation.Horizontal)
                    == "002\n2021-04-01", timeout=WAIT_MS)
    row = row_of(view.matrix_model, BE_A_MAN)
    assert view.matrix_model.index(row, Column.ORIGIN).data() == "002"


def test_the_story_tab_is_open_again_after_a_restart(qtbot, open_app):
    """Closed on the Story tab, the window opens on it next time, with the story built."""
    controller = open_app()
    open_story(qtbot, controller)
    controller.window.close()
    controller.library.close()
    again = open_app()
    assert again.window.views.currentWidget() is again.window.story_view
    qtbot.waitUntil(lambda: again.story.story is not None, timeout=WAIT_MS)


def test_heat_map_gives_shares_as_numbers_and_opens_a_pair(qtbot, open_app):
    """The heat map has a number in every cell (a dash on the diagonal), deeper colour for more sharing,
    and Enter on 001's row under People opens People beside 001."""
    controller = open_app()
    view = open_story(qtbot, controller)
    view.pages.setCurrentIndex(1)
    heat = view.heat_model
    labels = [heat.headerData(column, Qt.Orientation.Horizontal) for column in range(heat.columnCount())]
    assert labels[0] == "People" and len(labels) == 4
    people, reprint = 0, labels.index("001")
    for row in range(4):
        for column in range(4):
            text = heat.index(row, column).data()
            assert text == "—" if row == column else text.endswith("%")
    cell = heat.index(reprint, people)
    link = controller.story.story.link(reprint, people)
    assert cell.data() == f"{link.share:.0%}"
    assert cell.data(ACCESSIBLE_ROLE).startswith(f"{link.share:.0%} of 001 is text also in People")
    lighter = min(((r, c) for r in range(4) for c in range(4) if r != c),
                  key=lambda rc: controller.story.story.share_matrix()[rc[0]][rc[1]])
    assert heat.index(*lighter).data(Qt.ItemDataRole.BackgroundRole).lightness() \
        > cell.data(Qt.ItemDataRole.BackgroundRole).lightness()
    view.heat_map.setFocus()
    view.heat_map.setCurrentIndex(cell)
    qtbot.keyClick(view.heat_map, Qt.Key.Key_Return)
    ids = controller.story.ids
    qtbot.waitUntil(lambda: controller.shown_pair == (ids[people], ids[reprint]), timeout=WAIT_MS)


def test_distinctive_terms_are_listed_highest_z_first_until_the_reader_sorts_them(qtbot, open_app):
    """The framing terms come most distinctive first (the engine's ranking), not in reverse alphabetical
    order; a click on the Term header sorts by term, and the next outlet keeps that choice."""
    controller = open_app()
    view = open_story(qtbot, controller)
    view.pages.setCurrentIndex(2)
    terms = view.terms.model()
    listed = []  # (number of terms, outlet row): only terms with z >= 1 are listed, so outlets differ
    for outlet in range(view.outlets.count()):
        view.outlets.setCurrentRow(outlet)
        listed.append((terms.rowCount(), outlet))
    (_, first), (_, second) = sorted(listed, reverse=True)[:2]
    view.outlets.setCurrentRow(first)
    z_scores = [float(terms.index(row, 1).data()) for row in range(terms.rowCount())]
    assert len(z_scores) > 3 and z_scores == sorted(z_scores, reverse=True)
    # Two clicks on the Term header: descending, which no outlet's z order happens to match.
    view.terms.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    view.outlets.setCurrentRow(second)
    names = [terms.index(row, 0).data() for row in range(terms.rowCount())]
    z_order = sorted(names, key=lambda name: -float(terms.index(names.index(name), 1).data()))
    assert len(names) > 1 and names == sorted(names, reverse=True) and names != z_order


def test_an_outlet_with_no_distinctive_term_says_so(qtbot, open_app):
    """An outlet whose own words are each as common elsewhere (the seeds' 000: none reaches z = 1) shows an
    empty terms table and a sentence saying no term stands out, not a list of chance words."""
    controller = open_app()
    view = open_story(qtbot, controller)
    view.pages.setCurrentIndex(2)
    said = {}
    for outlet in range(view.outlets.count()):
        view.outlets.setCurrentRow(outlet)
        said[view.terms.model().rowCount()] = view.framing_summary.text()
    assert 0 in said and "No term of its own stands out" in said[0]
    assert all("stands out" not in text for count, text in said.items() if count)


def _tooltips(model, columns=None):
    """Every tooltip of ``model``: its horizontal headers and its cells."""
    found = [model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
             for column in range(model.columnCount())]
    found += [model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
              for row in range(model.rowCount()) for column in range(model.columnCount())]
    return [tip for tip in found if tip]


def test_story_tooltips_show_markup_in_titles_and_quotes_as_plain_text(qtbot, open_app, tmp_path):
    """A title, outlet or quotation holding <script> or <img> shows those characters in every Story tab
    tooltip (headers, cells, heat map, provenance, terms): Qt never renders them as rich text, which would
    hide them and load the image."""
    files = hostile_pair(tmp_path)
    controller = open_app([files[0].path, files[1].path])
    view = open_story(qtbot, controller)
    view.pages.setCurrentIndex(2)
    view.outlets.setCurrentRow(0)
    tips = (_tooltips(view.matrix_model) + _tooltips(view.heat_model) + _tooltips(view.provenance.model())
            + _tooltips(view.terms.model()))
    assert any("&lt;img" in tip for tip in tips) and any("&lt;script" in tip for tip in tips)
    leaked = [tip for tip in tips if "<img" in tip or "<script" in tip]
    assert not leaked


def test_two_articles_from_one_outlet_are_two_distinct_columns(qtbot):
    """The library's labels "Gazette" twice become "Gazette (1)" and "Gazette (2)" in the matrix headers."""
    from tests.engine.test_story import GAZETTE, WIRE
    from viewer.engine.story import build_story
    from viewer.engine.text import Document
    from viewer.qt.story import QuoteMatrixModel

    follow_up = GAZETTE.replace("2024-05-03", "2024-05-04")
    story = build_story([Document.from_text(WIRE, path="wire.txt"), Document.from_text(GAZETTE, path="g.txt"),
                         Document.from_text(follow_up + "\nMore to come.", path="g2.txt")])
    model = QuoteMatrixModel()
    model.set_story(story, labels=["Wire", "Gazette", "Gazette"])
    headers = [model.headerData(Column.FIRST_DOCUMENT + number, Qt.Orientation.Horizontal).split("\n")[0]
               for number in range(3)]
    assert headers == ["Wire", "Gazette (1)", "Gazette (2)"]


def test_long_outlet_names_in_the_headers_end_in_an_ellipsis_and_are_named_in_the_tooltip(qtbot, open_app, tmp_path):
    """A matrix column header cuts a long outlet name with "…" and still shows the date under it (Qt's own
    eliding cut a two-line header's date first); its tooltip names the outlet in full. The heat map's
    one-line headers end in "…" too, with the document named in the tooltip."""
    from pathlib import Path

    people = next((Path(__file__).parents[2] / "seeds").glob("003_*.txt")).read_text(encoding="utf-8")
    long_outlet = "Riverside County Gazette-Courier"
    article = tmp_path / "gazette.txt"
    article.write_text("Teigen talks about her son\nBy Jane Doe | " + long_outlet + "\nPublished 2021-04-08\n\n"
                       + people.split("\n", 3)[-1], encoding="utf-8")
    controller = open_app([article])
    view = open_story(qtbot, controller)
    model = view.matrix_model
    columns = range(Column.FIRST_DOCUMENT, model.columnCount())
    headers = {column: model.headerData(column, Qt.Orientation.Horizontal) for column in columns}
    column = next(column for column, text in headers.items() if text.startswith("Riverside"))
    name, date = headers[column].split("\n")
    assert name.endswith("…") and len(name) < len(long_outlet) and date == "2021-04-08"
    assert long_outlet in model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert view.heat_map.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideRight
    tip = view.heat_model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert view.heat_model.headerData(0, Qt.Orientation.Horizontal) in tip