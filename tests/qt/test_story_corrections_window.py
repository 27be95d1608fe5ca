"""The reader's corrections reach the Story tab: a link made in the pair view shows in the quote matrix and
provenance at once, and undoing it takes it out again."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from tests.engine.harbour import LEDGER, PARAPHRASE, QUOTE, WAVE
from tests.qt.conftest import WAIT_MS, wait_idle
from viewer.engine.text import tokenize
from viewer.qt.story import ACCESSIBLE_ROLE, Column, link_sentence

from .test_corrections_window import select
from .test_story_tab import open_story


def _row(model, words: str):
    wanted = tokenize(words).keys
    return next((number for number, row in enumerate(model.rows) if tokenize(row.text).keys == wanted), None)


def _carriers(model, row: int) -> list[str]:
    return [model.label(number) for number, cell in enumerate(model.rows[row].cells) if cell.present]


def test_a_link_made_in_the_pair_view_shows_in_the_story_and_undo_takes_it_away(qtbot, open_app, tmp_path):
    """Link the Ledger's quote to the Wave's loose paraphrase (Ctrl+K), switch to the Story tab: the Wave's
    cell of the quote's row says "altered (your link)", the paraphrase is no longer a row of its own, and
    the Wave now shares text with the Ledger. Ctrl+Z in the pair view, back to the tab: as before."""
    (tmp_path / "ledger.txt").write_text(LEDGER, encoding="utf-8")
    (tmp_path / "wave.txt").write_text(WAVE, encoding="utf-8")
    controller = open_app([tmp_path / "ledger.txt", tmp_path / "wave.txt"])
    window = controller.window
    ids = {controller.model.entry(document_id).outlet: document_id
           for document_id in (entry.id for entry in controller.model.entries)}
    ledger, wave = ids["Coastal Ledger"], ids["Daily Wave"]
    controller.show_pair(ledger, wave)
    wait_idle(qtbot, controller)
    selection = window.list.selectionModel()
    selection.clearSelection()
    for document_id in (ledger, wave):
        selection.select(window.list_index(document_id),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    view = open_story(qtbot, controller)
    qtbot.waitUntil(lambda: view.matrix_model.columnCount() == Column.FIRST_DOCUMENT + 2, timeout=WAIT_MS)
    model = view.matrix_model
    assert _carriers(model, _row(model, QUOTE)) == ["Coastal Ledger"]
    assert _carriers(model, _row(model, PARAPHRASE)) == ["Daily Wave"]
    before = controller.story.story

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    select(window.left, QUOTE)
    select(window.right, PARAPHRASE)
    qtbot.keyClick(window.right, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, controller)
    assert len(window.comparison.reader_passages) == 1
    assert controller.story.export(str(tmp_path / "pair.html"), "pair")  # File > Export Report…, the pair
    pair_page = (tmp_path / "pair.html").read_text(encoding="utf-8")
    assert "your link" in pair_page and ">Your correction<" in pair_page

    open_story(qtbot, controller)
    qtbot.waitUntil(lambda: controller.story.story is not before and not controller.story.builder.busy,
                    timeout=WAIT_MS)
    row = _row(model, QUOTE)
    assert _carriers(model, row) == ["Coastal Ledger", "Daily Wave"]
    column = Column.FIRST_DOCUMENT + controller.story.ids.index(wave)
    cell = model.index(row, column)
    assert cell.data() == "altered (your link)"
    assert "your link" in cell.data(ACCESSIBLE_ROLE)
    assert _row(model, PARAPHRASE) is None
    assert "with your corrections of 1 pair" in view.scope.text()
    story = controller.story.story
    number = controller.story.ids.index(wave)
    assert story.link(number, 1 - number).share > 0
    assert "(1 passage of them your link)" in link_sentence(view.label, story, number, 1 - number)
    assert "Coastal Ledger" in story.sources[number].evidence
    assert controller.story.export(str(tmp_path / "story.html"), "story")
    assert "(your link)" in (tmp_path / "story.html").read_text(encoding="utf-8")

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    linked = controller.story.story
    open_story(qtbot, controller)
    qtbot.waitUntil(lambda: controller.story.story is not linked and not controller.story.builder.busy,
                    timeout=WAIT_MS)
    assert _carriers(model, _row(model, PARAPHRASE)) == ["Daily Wave"]
    assert _carriers(model, _row(model, QUOTE)) == ["Coastal Ledger"]


def test_the_likely_source_sentences_name_documents_as_the_list_does(qtbot, open_app):
    """On the seeds, the evidence under the provenance table says "000" and "People", as the list does,
    never a seed's file name ("000_311ba7cf338820a2")."""
    controller = open_app()
    view = open_story(qtbot, controller)
    text = view.sources.text()
    labels = {entry.label for entry in controller.model.entries}
    assert {"People", "000", "001", "002"} <= labels
    assert "is text also in People" in text
    for entry in controller.model.entries:
        assert entry.path.rsplit("/", 1)[-1].removesuffix(".txt") not in text
    story = controller.story.story
    assert [story.label(number) for number in range(len(story.documents))] == [
        controller.model.entry(document_id).label for document_id in controller.story.ids]


def test_the_story_tab_says_when_corrections_no_longer_match_their_text(qtbot, open_app, tmp_path):
    """A correction made on another version of the Wave's text is not applied, and the tab says so."""
    from tests.engine.harbour import link_paraphrase
    from viewer.storage.corrections import save_correction
    from viewer.storage.library import content_hash

    (tmp_path / "ledger.txt").write_text(LEDGER, encoding="utf-8")
    (tmp_path / "wave.txt").write_text(WAVE, encoding="utf-8")
    controller = open_app([tmp_path / "ledger.txt", tmp_path / "wave.txt"])
    old_wave = WAVE.replace("Commuters face", "Many commuters now face")
    save_correction(controller.library, content_hash(LEDGER), content_hash(WAVE), link_paraphrase(LEDGER, old_wave))
    controller.corrections.changed.emit()  # as after a correction made in the window
    view = open_story(qtbot, controller)
    assert "1 of your corrections no longer match their text" in view.scope.text()
    model = view.matrix_model
    assert _carriers(model, _row(model, PARAPHRASE)) == ["Daily Wave"]
