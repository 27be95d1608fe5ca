"""Text from files shown as text: titles, outlets, first lines and file names never become markup, and
their control characters are never drawn.

Qt guesses whether a tooltip or an auto-format label is rich text (``Qt.mightBeRichText``): a title such as
``<img src="/etc/x.png"><b>x</b>`` would be drawn as HTML and load an image from disk. Tooltips cannot be
told "plain", so their text is escaped inside a rich-text paragraph that keeps line breaks and spaces.

A file's name may hold control characters (``\\x1b[31mred\\x1b[0m.txt``), which Qt draws as boxes; what the
window shows goes through ``plain_text`` (one line) or keeps its line breaks (tooltips), never the controls.

Exports: ``plain_text``, ``plain_tooltip``.
"""

from __future__ import annotations

from html import escape

from ..engine.labels import one_line, visible_text


def plain_text(text: str) -> str:
    """``text`` (plain, or our HTML around escaped names) as one line to show: control, zero-width and
    bidi-override characters removed, line breaks and runs of spaces one space (HTML collapses them anyway)."""
    return one_line(text)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly, whatever markup it holds, without its control characters ("" stays
    "": no empty tooltip)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(visible_text(text))}</p>"
