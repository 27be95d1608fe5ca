"""Python string offsets and Qt text positions (UTF-16 code units) convert both ways, emoji included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from viewer.qt.panes import Utf16Offsets

# Letters, spaces, curly quotes and characters outside the Basic Multilingual Plane (emoji, math letters).
TEXT = st.text(alphabet=st.sampled_from("ab “”’ \n😀𝑥🎉é"), max_size=60)


@given(TEXT, st.data())
def test_qt_position_counts_utf16_units(text, data):
    """The Qt position of a character is the number of UTF-16 code units before it."""
    index = data.draw(st.integers(0, len(text)))
    offsets = Utf16Offsets(text)
    assert offsets.to_qt(index) == len(text[:index].encode("utf-16-le")) // 2
    assert offsets.to_python(offsets.to_qt(index)) == index


def test_position_under_a_line_of_emoji_stays_on_that_line(qtbot):
    """The offset found at the bottom of a line of emoji is that line's end, not a point far beyond it."""
    from viewer.qt.panes import TextPane

    pane = TextPane("left")
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    text = "😀😀😀😀😀\nSecond line of plain words that follows the emoji line."
    pane.show_plain(text)
    pane.show()
    top = pane.content_y(0)
    line_end = text.index("\n")
    below = pane.offset_at_content_y(top + pane.fontMetrics().height() - 1)
    assert 0 <= below <= line_end + 1
