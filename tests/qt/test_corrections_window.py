"""Correcting the comparison in the window: link, unlink, mark, speaker; undo, redo, kept in the library."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from viewer.engine.text import Document

from .conftest import WAIT_MS, wait_idle

LEFT_SENTENCE = "Chrissy Teigen is raising her son to not shy away from his feelings."  # People's own line (003)
RIGHT_SENTENCE = "These celebrity moms make us all feel better when they share the highs and lows of parenting."  # 001's


@pytest.fixture
def pair_app(open_app, seed_path):
    """People's interview (003) on the left, the re-report 001 on the right."""
    def opener(data=None):
        files = [seed_path("003"), seed_path("001")]
        return open_app(files) if data is None else open_app(files, data=data)
    return opener


def select(pane, words: str) -> tuple[int, int]:
    """Select ``words`` in ``pane`` as a reader would (the pane gets the focus); returns the range."""
    start = pane.text.index(words)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offsets.to_qt(start))
    cursor.setPosition(pane.offsets.to_qt(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.setFocus()
    return start, start + len(words)


def place_cursor(pane, offset: int) -> None:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offsets.to_qt(offset))
    pane.setTextCursor(cursor)
    pane.setFocus()


def colour_at(pane, offset: int) -> str:
    return pane.format_at(offset).background().color().name()


def mark_pixel(pane, start: int, end: int) -> str | None:
    """The colour of the reader's margin bar beside ``start..end``, or None when no bar is drawn there."""
    pane.scroll_line_to(start, 10)
    pane.viewport().repaint()
    rects = [rect for rect in pane.reader_mark_rects()
             if rect.top() <= pane.viewport_span(start, end)[0] + 2 <= rect.bottom()]
    if not rects:
        return None
    image = pane.viewport().grab().toImage()
    point = rects[0].center().toPoint()
    return image.pixelColor(point.x() * image.width() // pane.viewport().width(),
                            point.y() * image.height() // pane.viewport().height()).name()


def test_linking_two_selections_draws_a_band_and_shared_colours_on_both_sides(pair_app, qtbot):
    """Select a sentence in each article, Ctrl+Shift+K: one more band, both sides shared-text, a reader's
    margin mark and legend entry; undo takes it all back, redo puts it back."""
    controller = pair_app()
    window = controller.window
    theme = window.theme
    engine_passages = len(window.comparison.passages)
    left = select(window.left, LEFT_SENTENCE)
    right = select(window.right, RIGHT_SENTENCE)
    assert colour_at(window.left, left[0] + 5) == theme.background("framing").name()
    stats_before = window.stats.text()
    qtbot.keyClick(window.right, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, controller)

    comparison = window.comparison
    assert len(comparison.passages) == engine_passages + 1
    (index,) = comparison.reader_passages
    assert (comparison.passages[index].left_start, comparison.passages[index].right_start) == (left[0], right[0])
    for pane, where in ((window.left, left), (window.right, right)):
        assert colour_at(pane, where[0] + 5) == theme.background("shared-text").name()
        assert mark_pixel(pane, *where) == theme.reader.name()
    window.reveal_passage(index)
    window.links.repaint()
    assert index in window.links.drawn and index in window.links.reader
    assert window.stats.text() != stats_before
    assert "reader" in window.legend.items and "correction" in window.legend.items["reader"].text()

    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    assert len(window.comparison.passages) == engine_passages
    assert colour_at(window.right, right[0] + 5) == theme.background("framing").name()
    assert mark_pixel(window.right, *right) is None
    window.redo_action.trigger()
    wait_idle(qtbot, controller)
    assert len(window.comparison.passages) == engine_passages + 1
    assert colour_at(window.left, left[0] + 5) == theme.background("shared-text").name()


def test_unlinking_a_passage_takes_its_band_away(pair_app, qtbot):
    """The cursor in a shared quote, Unlink: the passage and its band go, its words are own quotes; undo, redo."""
    controller = pair_app()
    window = controller.window
    comparison = window.comparison
    index = max(comparison.quote_passages, key=lambda i: comparison.passages[i].right_end - comparison.passages[i].right_start)
    passage = comparison.passages[index]
    window.reveal_passage(index)
    window.links.repaint()
    assert index in window.links.drawn
    place_cursor(window.right, passage.right_start + 3)
    controller.corrections.unlink_action.trigger()
    wait_idle(qtbot, controller)

    assert passage not in window.comparison.passages
    assert len(window.comparison.passages) == len(comparison.passages) - 1
    assert colour_at(window.right, passage.right_start + 3) == window.theme.background("own-quote").name()
    window.left.scroll_line_to(passage.left_start, 10)
    window.right.scroll_line_to(passage.right_start, 10)
    window.links.repaint()
    drawn = [window.comparison.passages[i] for i in window.links.drawn]
    assert passage not in drawn
    assert mark_pixel(window.right, passage.right_start, passage.right_end) == window.theme.reader.name()

    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    assert passage in window.comparison.passages
    assert colour_at(window.right, passage.right_start + 3) == window.theme.background("shared-quote").name()
    window.redo_action.trigger()
    wait_idle(qtbot, controller)
    assert passage not in window.comparison.passages


def test_marking_a_sentence_as_boilerplate(pair_app, qtbot):
    """Select a sentence, Ctrl+M then B: it is grey boilerplate and the word counts follow; undo, redo."""
    controller = pair_app()
    window = controller.window
    framing_words = window.comparison.right.stats["framing"]
    where = select(window.right, RIGHT_SENTENCE)
    qtbot.waitUntil(lambda: window.focused_pane is window.right, timeout=WAIT_MS)
    qtbot.keyClick(window.right, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.right, Qt.Key.Key_B)
    wait_idle(qtbot, controller)
    assert colour_at(window.right, where[0] + 3) == window.theme.background("boilerplate").name()
    assert window.comparison.right.stats["framing"] == framing_words - len(RIGHT_SENTENCE.split())
    assert mark_pixel(window.right, *where) == window.theme.reader.name()
    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    assert colour_at(window.right, where[0] + 3) == window.theme.background("framing").name()
    window.redo_action.trigger()
    wait_idle(qtbot, controller)
    assert colour_at(window.right, where[0] + 3) == window.theme.background("boilerplate").name()


def test_setting_the_speaker_of_a_quote(pair_app, qtbot, monkeypatch):
    """The cursor in a quotation, Set Speaker: the name shows over the quote with a reader's mark; undo, redo."""
    controller = pair_app()
    window = controller.window
    quote = next(q for q in window.comparison.right.quotes if q.depth == 0 and q.end - q.start > 30)
    place_cursor(window.right, quote.start + 5)
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(kwargs) or ("Chrissy  Teigen", True))
    controller.corrections.speaker_action.trigger()
    wait_idle(qtbot, controller)
    assert asked
    tip = controller.corrections.describe_at(window.right, quote.start + 5)
    assert "speaker: Chrissy Teigen" in tip
    assert mark_pixel(window.right, quote.start, quote.end) == window.theme.reader.name()
    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    assert controller.corrections.describe_at(window.right, quote.start + 5) == ""
    window.redo_action.trigger()
    wait_idle(qtbot, controller)
    assert "Chrissy Teigen" in controller.corrections.describe_at(window.right, quote.start + 5)


def test_corrections_survive_closing_the_window_and_reimporting_the_file(pair_app, qtbot, private_data_dir, seed_path):
    """Corrections are in the library: a new window on the same folder shows them, and so does the same file
    removed and imported again."""
    controller = pair_app()
    window = controller.window
    select(window.left, LEFT_SENTENCE)
    right = select(window.right, RIGHT_SENTENCE)
    controller.corrections.link_quote_action.trigger()
    wait_idle(qtbot, controller)
    window.close()
    controller.shutdown()
    controller.library.close()

    again = pair_app(data=private_data_dir)
    assert len(again.window.comparison.reader_passages) == 1
    assert colour_at(again.window.right, right[0] + 5) == again.window.theme.background("shared-quote").name()

    right_id = again.right_id
    again.remove(right_id)
    wait_idle(qtbot, again)
    again.import_paths([str(seed_path("001"))])
    wait_idle(qtbot, again)
    assert again.right_id != right_id  # the same text under a new id, shown on the right
    assert len(again.window.comparison.reader_passages) == 1


def test_a_changed_text_flags_stale_corrections(pair_app, qtbot):
    """After a document's text changed (read again), a correction over changed words is named as no longer
    matching and not drawn; one over unchanged words still is."""
    controller = pair_app()
    window = controller.window
    mark_where = select(window.right, RIGHT_SENTENCE)
    controller.corrections.mark_actions["boilerplate"].trigger()
    wait_idle(qtbot, controller)
    kept = select(window.right, "Skip to main content")
    controller.corrections.mark_actions["framing"].trigger()
    wait_idle(qtbot, controller)

    right_id = controller.right_id
    changed = window.right.text.replace("These celebrity moms", "These famous mothers")
    entry = controller.library.reextract(right_id, Document(changed, title="t"))
    controller.model.refresh_entry(entry)
    controller.show_pair(controller.left_id, right_id)
    wait_idle(qtbot, controller)
    # The new comparison may still be on its way when the window first reads as idle on a loaded machine.
    qtbot.waitUntil(lambda: "no longer match" in window.notice.text(), timeout=10_000)
    wait_idle(qtbot, controller)
    assert "mark as boilerplate" in window.notice.text()
    assert colour_at(window.right, mark_where[0] + 3) == window.theme.background("framing").name()
    assert colour_at(window.right, kept[0] + 1) == window.theme.background("framing").name()
    assert mark_pixel(window.right, *kept) == window.theme.reader.name()


def test_a_correction_the_library_cannot_keep_is_refused_without_an_undo_step(pair_app, qtbot, private_data_dir):
    """When a newer version took the library over meanwhile, a link is refused with the reason, nothing is
    drawn as corrected and no undo step is left behind."""
    import sqlite3

    from viewer.storage.library import SCHEMA_VERSION
    from viewer.storage.paths import library_file

    controller = pair_app()
    window = controller.window
    steps = window.undo_stack.count()
    newer = sqlite3.connect(library_file(private_data_dir), isolation_level=None)
    newer.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    newer.close()
    select(window.left, LEFT_SENTENCE)
    select(window.right, RIGHT_SENTENCE)
    controller.corrections.link_text_action.trigger()
    assert "Nothing was changed" in window.notice.text() and "newer version" in window.notice.text()
    assert window.undo_stack.count() == steps
    assert not getattr(window.comparison, "reader_passages", ())
