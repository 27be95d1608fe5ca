"""The two panes on the seed articles: colours, bands, synchronized scrolling, navigation, find."""

from __future__ import annotations

import operator
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette, QTextCursor

from viewer.engine import compare
from viewer.storage.importers import read_document

from .conftest import shown_text


def visible(pane, start: int, end: int) -> bool:
    """Whether any line of text[start:end] is inside the pane's viewport (measured by Qt's cursor rects)."""
    top = pane.cursorRect(_cursor(pane, start)).top()
    bottom = pane.cursorRect(_cursor(pane, max(end - 1, start))).bottom()
    return bottom > 0 and top < pane.viewport().height()


def _cursor(pane, offset: int) -> QTextCursor:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offsets.to_qt(offset))
    return cursor


def dominant_colour(pane, offset: int) -> str:
    """The most common pixel colour behind three characters at ``offset``, as painted on screen."""
    first = pane.cursorRect(_cursor(pane, offset))
    last = pane.cursorRect(_cursor(pane, offset + 3))
    assert first.top() == last.top(), "the sample must sit on one line"
    image = pane.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    pixels = Counter(
        image.pixelColor(int(x * ratio), int(y * ratio)).name()
        for x in range(first.left() + 1, last.left())
        for y in range(first.top() + 1, first.bottom())
    )
    return pixels.most_common(1)[0][0]


def test_first_launch_shows_people_left_and_a_reprint_right(open_app, seed_path):
    """A new library holds the four seeds, with People's original on the left and a re-report on the right."""
    controller = open_app()
    window = controller.window
    assert len(controller.model.entries) == 4
    assert shown_text(window.left) == read_document(seed_path("003")).text
    assert shown_text(window.right) in {read_document(seed_path(n)).text for n in ("000", "001", "002")}
    assert "People" in window.left_view.header.text()
    # The re-report names People, so the sentence is written from its side: it quotes People.
    assert window.stats.text().startswith("<b>") and " quotes People</b>: " in window.stats.text()
    assert "quotes altered" in window.stats.text() or "quote altered" in window.stats.text()


def test_shared_quote_is_painted_in_the_shared_quote_colour_on_both_sides(open_app):
    """The pixels behind a shared quote are the theme's shared-quote colour in the left and the right pane."""
    controller = open_app()
    window = controller.window
    comparison = window.comparison
    expected = window.theme.background("shared-quote").name()
    # The first shared quote that starts on screen in both panes, sampled a few characters in.
    for index in sorted(comparison.quote_passages):
        passage = comparison.passages[index]
        window.reveal_passage(index)
        window.left.set_selected(-1)
        window.right.set_selected(-1)
        left_offset, right_offset = passage.left_start + 2, passage.right_start + 2
        if visible(window.left, left_offset, left_offset + 4) and visible(window.right, right_offset, right_offset + 4):
            break
    assert dominant_colour(window.left, left_offset) == expected
    assert dominant_colour(window.right, right_offset) == expected
    framing = next(span for span in comparison.right.spans if span.cls == "framing" and span.end - span.start > 20)
    assert window.right.format_at(framing.start).background().color() == window.theme.background("framing")


@pytest.mark.parametrize("source, right_seed", [
    ("left", "002"),   # 002 moved People's headline quote into its body (the reordered case)
    ("right", "002"),  # the same pair, scrolled from the re-report's side
    ("left", "001"),   # 001 keeps People's order
])
def test_scrolling_to_a_shared_passage_brings_its_counterpart_into_view(open_app, seed_path, source, right_seed):
    """Scrolling one pane to any shared passage puts its counterpart on screen in the other pane."""
    controller = open_app([str(seed_path("003")), str(seed_path(right_seed))])
    window = controller.window
    passages = window.comparison.passages
    if right_seed == "002":
        assert any(later.right_start < earlier.right_start for earlier, later in zip(passages, passages[1:]))
    scrolled, other = (window.left, window.right) if source == "left" else (window.right, window.left)
    bar = scrolled.verticalScrollBar()
    for passage in passages:
        here = (passage.left_start, passage.left_end) if source == "left" else (passage.right_start, passage.right_end)
        there = (passage.right_start, passage.right_end) if source == "left" else (passage.left_start, passage.left_end)
        # Scroll as a user would (the scroll bar) until the passage's middle is at the anchor line, which
        # sits at value/maximum of the viewport's height: solve y = value + height * value / maximum. (The
        # middle, because in 001 a short passage sits inside a longer one that starts on the same line.)
        y = scrolled.content_y((here[0] + here[1]) / 2)
        bar.setValue(round(y / (1 + scrolled.viewport().height() / bar.maximum())))
        assert visible(scrolled, *here)
        assert visible(other, *there), passage


def test_scroll_sync_can_be_switched_off(open_app):
    """With synchronized scrolling off, scrolling the left pane leaves the right pane where it was."""
    controller = open_app()
    window = controller.window
    # On: scrolling the left pane moves the right one, and the right pane's move does not echo back.
    window.left.verticalScrollBar().setValue(120)
    assert window.right.verticalScrollBar().value() > 0
    assert window.left.verticalScrollBar().value() == 120
    window.left.verticalScrollBar().setValue(0)
    window.sync_action.trigger()
    assert not window.sync_action.isChecked()
    window.left.verticalScrollBar().setValue(window.left.verticalScrollBar().maximum())
    assert window.right.verticalScrollBar().value() == 0
    window.sync_action.trigger()
    assert window.right.verticalScrollBar().value() > 0


def test_one_band_per_visible_shared_passage(open_app, qtbot):
    """The bands drawn between the panes are exactly the shared passages with an end on screen."""
    controller = open_app()
    window = controller.window
    for fraction in (0.0, 0.5, 1.0):
        bar = window.left.verticalScrollBar()
        bar.setValue(int(bar.maximum() * fraction))
        window.links.repaint()
        expected = [index for index, passage in enumerate(window.comparison.passages)
                    if visible(window.left, passage.left_start, passage.left_end)
                    or visible(window.right, passage.right_start, passage.right_end)]
        assert expected, "some passage should be on screen"
        assert window.links.drawn == expected


def test_next_quote_visits_every_shared_quote_in_order(open_app, qtbot):
    """Next Shared Quote (Alt+Down) steps through each shared quote in the left article's order, both ends shown."""
    controller = open_app()
    window = controller.window
    quotes = sorted(window.comparison.quote_passages)
    assert len(quotes) >= 5
    visited = []
    window.left.setFocus()
    for _ in quotes:
        qtbot.keyClick(window.left, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        index = window.quote_order[window.current_quote]
        passage = window.comparison.passages[index]
        assert visible(window.left, passage.left_start, passage.left_end)
        assert visible(window.right, passage.right_start, passage.right_end)
        visited.append(index)
    assert visited == quotes
    # The quote gone to is marked by a bar in the margin, in the selection colour, on both sides.
    for pane, start in ((window.left, passage.left_start), (window.right, passage.right_start)):
        middle = pane.cursorRect(_cursor(pane, start)).center().y()
        image = pane.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        assert image.pixelColor(int(3 * ratio), int(middle * ratio)) == pane.palette().color(QPalette.ColorRole.Highlight)
    window.previous_quote_action.trigger()
    assert window.quote_order[window.current_quote] == quotes[-2]


def test_hovering_a_passage_lights_both_ends_and_its_band(open_app, qtbot):
    """Moving the mouse over a shared passage in the left pane highlights it in both panes and its band."""
    controller = open_app()
    window = controller.window
    index = sorted(window.comparison.quote_passages)[0]
    window.reveal_passage(index)
    passage = window.comparison.passages[index]
    point = window.left.cursorRect(_cursor(window.left, passage.left_start + 3)).center()
    qtbot.mouseMove(window.left.viewport(), point)
    qtbot.waitUntil(lambda: window.links._hovered == index, timeout=2000)
    assert window.left._hovered == window.right._hovered == index
    hover = window.theme.hover.name()
    assert any(selection.format.background().color().name() == hover for selection in window.right.extraSelections())


def test_clicking_a_passage_lines_up_its_counterpart(open_app, qtbot):
    """Clicking a shared passage in the left pane scrolls the right pane to its counterpart, level with it."""
    controller = open_app()
    window = controller.window
    window.sync_action.setChecked(False)
    # A passage on screen on the left whose counterpart is off screen on the right (People vs 000).
    passage = next(p for p in window.comparison.passages
                   if visible(window.left, p.left_start, p.left_end)
                   and not visible(window.right, p.right_start, p.right_end))
    point = window.left.cursorRect(_cursor(window.left, passage.left_start + 2)).center()
    qtbot.mouseClick(window.left.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert visible(window.right, passage.right_start, passage.right_end)
    left_top = window.left.cursorRect(_cursor(window.left, passage.left_start)).top()
    right_top = window.right.cursorRect(_cursor(window.right, passage.right_start)).top()
    assert abs(left_top - right_top) <= 2


def test_find_highlights_the_word_in_both_panes(open_app, qtbot):
    """Ctrl+F and a word selects its next occurrence in both articles."""
    controller = open_app()
    window = controller.window
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "sleeve")
    assert window.left.textCursor().selectedText().lower() == "sleeve"
    assert window.right.textCursor().selectedText().lower() == "sleeve"
    left_count = controller.library.text(controller.left_id).lower().count("sleeve")
    right_count = controller.library.text(controller.right_id).lower().count("sleeve")
    assert window.find_bar.result.text() == f"in both ({left_count} left, {right_count} right)"
    # The match is well inside the pane, not on its edge.
    for pane in (window.left, window.right):
        top = pane.cursorRect().top()
        assert pane.viewport().height() * 0.15 < top < pane.viewport().height() * 0.6 or pane.verticalScrollBar().value() == 0


def test_next_framing_selects_the_right_articles_own_words(open_app, qtbot):
    """Next Framing selects a stretch of framing in the right pane and brings it into view."""
    controller = open_app()
    window = controller.window
    window.next_framing_action.trigger()
    window.next_framing_action.trigger()
    cursor = window.right.textCursor()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    spans = [span for span in window.comparison.right.spans if span.cls == "framing" and span.end - span.start > 1]
    assert (start, end) == (spans[1].start, spans[1].end)
    window.previous_framing_action.trigger()
    assert window.right.textCursor().selectionStart() == spans[0].start
    assert visible(window.right, start, end)


def test_astral_characters_keep_highlights_on_the_right_words(open_app, tmp_path):
    """With emoji before a shared quote, the quote's colour still starts at the quote, not two characters early."""
    quote = '"We are going to talk it through and it is okay, and that matters to us," she said.'
    left = tmp_path / "emoji.txt"
    left.write_text("Emoji story 😀😀😀 🎉\n\nThe family 👨‍👩‍👦 spoke. " + quote + "\n", encoding="utf-8")
    right = tmp_path / "plain.txt"
    right.write_text("Plain story\n\nAn outlet wrote more. " + quote + " More framing here.\n", encoding="utf-8")
    controller = open_app([str(left), str(right)])
    window = controller.window
    [passage] = [window.comparison.passages[i] for i in window.comparison.quote_passages]
    shared = window.theme.background("shared-quote")
    text = window.left.text
    assert text[passage.left_start:].startswith("We are going")
    assert window.left.format_at(passage.left_start).background().color() == shared
    before = text.index("spoke")
    assert window.left.format_at(before).background().color() != shared
    cursor = _cursor(window.left, passage.left_start)
    cursor.setPosition(window.left.offsets.to_qt(passage.left_start + 6), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "We are"


def test_altered_words_are_marked_more_strongly_on_both_sides(open_app, tmp_path):
    """A quote with one word changed is shared, and the changed word carries the stronger 'altered' mark."""
    left = tmp_path / "original.txt"
    left.write_text("Original story\n\nThe singer spoke to the magazine. \"We will always embrace every feeling "
                    "our children have at home, and we talk it through,\" she said.\n", encoding="utf-8")
    right = tmp_path / "reprint.txt"
    right.write_text("Reprinted story\n\nAnother outlet wrote this up. \"We will always welcome every feeling "
                     "our children have at home, and we talk it through,\" the singer said.\n", encoding="utf-8")
    controller = open_app([str(left), str(right)])
    window = controller.window
    theme = window.theme
    for pane, word in ((window.left, "embrace"), (window.right, "welcome")):
        at = pane.text.index(word)
        assert pane.format_at(at).background().color() == theme.altered
        assert pane.format_at(pane.text.index("feeling")).background().color() == theme.background("shared-quote")
    assert "1 quote altered" in window.stats.text()


def test_colours_follow_a_dark_system_palette(open_app, qtbot):
    """When the system palette turns dark, the panes and legend switch to the dark colours of the theme."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    controller = open_app()
    window = controller.window
    light = QApplication.palette()
    dark = QPalette(light)
    for role, colour in ((QPalette.ColorRole.Window, "#202020"), (QPalette.ColorRole.Base, "#181818"),
                         (QPalette.ColorRole.Text, "#e0e0e0"), (QPalette.ColorRole.WindowText, "#e0e0e0")):
        dark.setColor(role, QColor(colour))
    try:
        QApplication.setPalette(dark)
        qtbot.waitUntil(lambda: window.theme.dark, timeout=2000)
        qtbot.waitUntil(controller.is_idle, timeout=5000)
        index = sorted(window.comparison.quote_passages)[0]
        start = window.comparison.passages[index].left_start
        assert window.left.format_at(start).background().color() == window.theme.background("shared-quote")
        assert window.theme.background("shared-quote") != window.theme.__class__("light").background("shared-quote")
        assert window.theme.background("shared-quote").name() in window.legend.items["shared-quote"].text()
    finally:
        QApplication.setPalette(light)


def test_a_pair_compared_before_is_shown_from_the_cache(open_app, qtbot):
    """Going back to a pair already compared shows it at once, without the busy indicator or a new comparison."""
    controller = open_app()
    window = controller.window
    ids = [entry.id for entry in controller.model.entries]
    first = window.comparison
    controller.show_pair(ids[0], ids[2])
    qtbot.waitUntil(controller.is_idle, timeout=10_000)
    controller.show_pair(ids[0], ids[1])
    assert window.comparison is first and not window.right_view.busy.isVisible()


def test_clicking_the_overview_map_scrolls_there(open_app, qtbot):
    """A click near the bottom of the right pane's overview map brings the end of the article into view."""
    controller = open_app()
    window = controller.window
    window.sync_action.setChecked(False)
    overview = window.right_view.map
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(overview.width() // 2, overview.height() - 2))
    text = window.right.text
    assert visible(window.right, len(text) - 20, len(text))
    assert window.left.verticalScrollBar().value() == 0


def test_clicking_a_band_lines_up_both_ends(open_app, qtbot):
    """Clicking the middle of a band scrolls the right pane so the passage's two ends are level."""
    controller = open_app()
    window = controller.window
    window.sync_action.setChecked(False)
    window.links.repaint()
    # A band whose two ends are not level yet, and a point on it in the middle of the strip.
    def tops(passage):
        return (window.left.cursorRect(_cursor(window.left, passage.left_start)).top(),
                window.right.cursorRect(_cursor(window.right, passage.right_start)).top())

    middle_x = window.links.width() // 2
    index, point = next(
        (index, QPoint(middle_x, y)) for index, _ in window.links._paths
        if abs(operator.sub(*tops(window.comparison.passages[index]))) > 20
        for y in range(window.links.height()) if window.links.band_at(QPoint(middle_x, y)) == index
    )
    passage = window.comparison.passages[index]
    qtbot.mouseMove(window.links, point)
    qtbot.waitUntil(lambda: window.left._hovered == index, timeout=2000)
    assert window.right._hovered == index  # hovering a band lights both of its ends
    qtbot.mouseClick(window.links, Qt.MouseButton.LeftButton, pos=point)
    left_top = window.left.cursorRect(_cursor(window.left, passage.left_start)).top()
    right_top = window.right.cursorRect(_cursor(window.right, passage.right_start)).top()
    assert abs(left_top - right_top) <= 2


def test_the_comparison_cache_holds_a_bounded_amount_of_text(seed_path):
    """The cache drops the oldest comparisons once its pairs hold more text than allowed, never the newest."""
    from viewer.qt.workers import ComparisonCache

    documents = [read_document(seed_path(number)) for number in ("003", "000", "001", "002")]
    pairs = [(documents[0], other) for other in documents[1:]]
    one_pair = len(documents[0].text) + len(documents[1].text)
    cache = ComparisonCache(size=10, chars=one_pair * 2)
    for left, right in pairs:
        cache.put(ComparisonCache.key(left, right), compare(left, right))
    assert len(cache) < len(pairs)
    assert cache.get(ComparisonCache.key(*pairs[-1])) is not None
    assert cache.get(ComparisonCache.key(*pairs[0])) is None


def test_a_passage_nested_in_another_is_the_one_found_at_its_words(open_app, seed_path):
    """Where one passage lies inside another (a hand-built list: the engine's passages never overlap), the
    pointer finds the inner one over its words and the outer one around it."""
    controller = open_app([str(seed_path("003")), str(seed_path("001"))])
    window = controller.window
    ranges = [(passage.right_start, passage.right_end) for passage in window.comparison.passages]
    outer = max(range(len(ranges)), key=lambda index: ranges[index][1] - ranges[index][0])
    start, end = ranges[outer]
    ranges.append((start + 10, start + 40))
    inner = len(ranges) - 1
    window.right.show_side(window.comparison.right, ranges, [], window.theme)
    assert window.right.passage_at(start + 20) == inner
    assert window.right.passage_at(start + 1) == outer
    assert window.right.passage_at(end - 1) == outer


def test_next_quote_goes_on_from_where_the_reader_scrolled(open_app, qtbot):
    """After scrolling down by hand, Next Shared Quote goes to the first quote from there, not back to the top."""
    controller = open_app()
    window = controller.window
    quotes = sorted(window.comparison.quote_passages)
    window.next_quote_action.trigger()
    assert window.quote_order[window.current_quote] == quotes[0]
    window.sync_action.setChecked(False)
    passages = window.comparison.passages
    bar = window.left.verticalScrollBar()
    # A quote halfway or above whose line can sit just below the navigation line (not one so low that the
    # scroll bar stops at its end first).
    for middle in range(len(quotes) // 2, 0, -1):
        window.left.scroll_line_to(passages[quotes[middle]].left_start, window.left.viewport().height() * 0.3 + 2)
        if 0 < bar.value() < bar.maximum():
            break
    assert 0 < bar.value() < bar.maximum(), "the quote's line sits just below the navigation line"
    window.next_quote_action.trigger()
    assert window.quote_order[window.current_quote] == quotes[middle]
    window.next_quote_action.trigger()
    assert window.quote_order[window.current_quote] == quotes[middle + 1]


def test_bands_follow_the_text_when_the_window_is_resized(open_app, qtbot):
    """Narrowing the window rewraps both articles, and the bands are redrawn to the passages' new places."""
    controller = open_app()
    window = controller.window
    window.links.repaint()
    before = {index: path.boundingRect() for index, path in window.links._paths}
    window.resize(window.width() - 300, window.height())
    qtbot.waitUntil(lambda: {index: path.boundingRect() for index, path in window.links._paths} != before,
                    timeout=5000)
    expected = [index for index, passage in enumerate(window.comparison.passages)
                if visible(window.left, passage.left_start, passage.left_end)
                or visible(window.right, passage.right_start, passage.right_end)]
    window.links.repaint()
    assert window.links.drawn == expected


def test_library_can_be_hidden_to_give_the_articles_room(open_app, qtbot):
    """View > Library (Ctrl+L) hides the document list, and the two articles take its width."""
    controller = open_app()
    window = controller.window
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: window.width() == 1100)
    assert window.list.isVisible()
    narrow = window.left.width()
    window.library_action.trigger()
    qtbot.waitUntil(lambda: window.left.width() > narrow * 1.2)
    assert not window.list.isVisible()
    window.library_action.trigger()
    assert window.list.isVisible()


def test_tab_goes_from_the_filter_to_the_list_and_on_to_the_articles(open_app, qtbot):
    """Tab order follows the screen: filter, list, list buttons, left article, right article."""
    from PySide6.QtWidgets import QApplication

    controller = open_app()
    window = controller.window
    assert QApplication.focusWidget() is window.list  # the list has the keyboard at start
    window.filter.setFocus()
    visited = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [window.list, window.left_button, window.right_button, window.swap_button,
                       window.remove_button, window.left, window.right]
