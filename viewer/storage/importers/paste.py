"""Pasted or dropped text -> Document: plain text titled from its first line, browser HTML through the page reader.

A browser puts both HTML and plain text on the clipboard. The HTML goes through the web-page extractor
(so a pasted article keeps its paragraphs and loses the share buttons); when the extractor finds no
article in it (a couple of pasted paragraphs are not a page), the plain text is used, and failing that the
HTML's visible text.

Exports: ``read_paste(text=None, html=None) -> (Document, original bytes, original name)``, ``PASTE_SOURCE``.
"""

from __future__ import annotations

import re

from .documents import make_document, strip_controls
from .errors import UnreadableFile, UnreadableText
from .html import read_html

PASTE_SOURCE = "pasted text"
_WINDOWS_CLIPBOARD_HEADER_RE = re.compile(r"\A\s*Version:\d[^<]*?(?=<)", re.DOTALL)  # CF_HTML's offsets block
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


def visible_text(html: str) -> str:
    """The text a browser would show for the fragment ``html``, one paragraph per block element."""
    try:
        return _visible_text(strip_controls(html))
    except Exception:  # noqa: BLE001 - lxml asserts and raises on odd fragments ("<html>" alone); no text then
        return ""


def _visible_text(html: str) -> str:
    from lxml import html as lxml_html

    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in list(root.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    return re.sub(r"\n\s*\n+", "\n\n", root.text_content()).strip()


def read_paste(text: str | None = None, html: str | None = None):
    """The Document for pasted ``text`` / ``html`` with the bytes to keep; raises ``UnreadableText``."""
    if html and html.strip():
        html = _WINDOWS_CLIPBOARD_HEADER_RE.sub("", html)
        try:
            document = read_html(html, PASTE_SOURCE, kind="paste")
            return document, html.encode("utf-8"), "pasted.html"
        except UnreadableFile:
            if not (text and text.strip()):
                text = visible_text(html)
    if not (text and text.strip()):
        raise UnreadableText(PASTE_SOURCE, "is empty")
    return make_document(text, PASTE_SOURCE, "paste"), text.encode("utf-8"), "pasted.txt"
