"""Text from files shown as text: titles, outlets, first lines and file names never become markup.

Qt guesses whether a tooltip or an auto-format label is rich text (``Qt.mightBeRichText``): a title such as
``<img src="/etc/x.png"><b>x</b>`` would be drawn as HTML and load an image from disk. Tooltips cannot be
told "plain", so their text is escaped inside a rich-text paragraph that keeps line breaks and spaces.

Exports: ``plain_tooltip``.
"""

from __future__ import annotations

from html import escape


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly, whatever markup it holds ("" stays "": no empty tooltip)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"
