"""MHTML archives (a page saved as one ``.mhtml`` / ``.mht`` file) -> Document, through the page reader.

The archive is a MIME message; its first ``text/html`` part is the page, decoded from quoted-printable or
base64 by the standard library's email parser. The other parts (images, style sheets) are never looked at.
The address the browser recorded (``Snapshot-Content-Location`` or the part's ``Content-Location``) is the
page's URL unless the page names a canonical one.

Exports: ``read_mhtml(data, source) -> Document``.
"""

from __future__ import annotations

import email
import email.policy

from .errors import UnreadableHtml
from .html import read_html


def _html_part(data: bytes):
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            return message, part
    return message, None


def read_mhtml(data: bytes, source: str):
    """The article in the MHTML archive ``data``; raises ``UnreadableHtml`` when it holds no page."""
    try:
        message, part = _html_part(data)
        payload = part.get_payload(decode=True) if part is not None else None
    except (ValueError, TypeError, LookupError, IndexError, AttributeError, UnicodeError):
        raise UnreadableHtml(source, "is a damaged MHTML archive") from None
    if not payload:
        raise UnreadableHtml(source, "is an MHTML archive with no web page in it")
    charset = part.get_content_charset()
    if charset:
        try:
            payload = payload.decode(charset, errors="replace")
        except LookupError:  # an unknown charset name: let the page's own <meta> decide
            pass
    location = message.get("Snapshot-Content-Location") or part.get("Content-Location") or ""
    location = location.strip() if location.strip().lower().startswith(("http://", "https://")) else ""
    return read_html(payload, source, url=location, kind="mhtml")
