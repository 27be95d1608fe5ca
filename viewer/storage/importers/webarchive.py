"""Safari web archives (``.webarchive``, Safari's default "Save As" format) -> Document, through the page reader.

The archive is a binary property list (the standard library's ``plistlib`` reads it); its
``WebMainResource`` holds the page's bytes, their encoding and the address the page was saved from. The
subresources (images, scripts, style sheets, frames) are never looked at.

Exports: ``read_webarchive(data, source) -> Document``.
"""

from __future__ import annotations

import plistlib

from .errors import UnreadableHtml
from .html import read_html

def read_webarchive(data: bytes, source: str):
    """The article in the Safari web archive ``data``; raises ``UnreadableHtml`` when it holds no page."""
    try:
        archive = plistlib.loads(data, fmt=plistlib.FMT_BINARY)
    except (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError, OverflowError,
            RecursionError, MemoryError, UnicodeError):
        raise UnreadableHtml(source, "is a damaged Safari web archive") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(page, bytes) or not page.strip():
        raise UnreadableHtml(source, "is a property list with no web page in it (not a Safari web archive?)")
    encoding = main.get("WebResourceTextEncodingName")
    if isinstance(encoding, str) and encoding:
        try:
            page = page.decode(encoding, errors="replace")
        except (LookupError, ValueError):  # an unknown or malformed encoding name (a NUL in it): the page's <meta> decides
            pass
    location = main.get("WebResourceURL")
    location = location if isinstance(location, str) and location.lower().startswith(("http://", "https://")) else ""
    return read_html(page, source, url=location, kind="webarchive")
