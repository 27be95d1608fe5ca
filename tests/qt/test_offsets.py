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
