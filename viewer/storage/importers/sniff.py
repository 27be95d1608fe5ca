"""What a file is, from its first bytes: the extension is only a hint for markup that does not say so.

``detect(data, name="") -> str`` returns one of ``"pdf"``, ``"docx"``, ``"doc"``, ``"odt"``, ``"zip"``, ``"rtf"``,
``"mhtml"``, ``"webarchive"``, ``"html"`` or ``"text"`` ("text" also for binary data: the text importer refuses it with its reason). A
``.txt`` file holding a saved page is read as a page, and a page saved as ``article.txt`` the same; a
``.pdf`` that is really HTML (a paywall's error page) is read as the HTML it is.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
MHTML_SUFFIXES = (".mhtml", ".mht")
WEBARCHIVE_SUFFIXES = (".webarchive",)
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"  # LibreOffice Writer's files (.odt)
WEBARCHIVE_MAGIC = b"bplist00"  # a binary property list: Safari's web archives are one
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office binary files (.doc, .xls)
BYTE_ORDER_MARKS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # UTF-8, UTF-16 (after its zero bytes go)
PDF_MAGIC_WINDOW = 1024  # bytes; the PDF standard lets readers find the header this far in
SNIFF_BYTES = 4096  # bytes of the start looked at for markup and MIME headers

_MARKUP_START_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                              re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(rb"<(?:html|head|body|meta|title|article|div|p|section|main|script|link|h1)\b[^>]*>",
                     re.IGNORECASE)
_MIME_VERSION_RE = re.compile(rb"^mime-version:\s*1\.0", re.IGNORECASE | re.MULTILINE)
_MULTIPART_RE = re.compile(rb"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)


def _ascii_view(head: bytes) -> bytes:
    """The start with UTF-16's zero bytes and any byte-order mark dropped, so a UTF-16 page or one saved
    "with BOM" is sniffed like a UTF-8 one."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(0) > 40:
        head = head.replace(b"\x00", b"")
    for mark in BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return head[len(mark):]
    return head


def _zip_kind(data: bytes) -> str:
    # OpenDocument puts an uncompressed "mimetype" entry first, so its type is readable at a fixed offset.
    if data[30:38] == b"mimetype" and data[38:38 + len(ODT_MIMETYPE)] == ODT_MIMETYPE:
        return "odt"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return "docx" if b"word/document.xml" in data[:65536] else "zip"
    return "docx" if "word/document.xml" in names else "zip"


def detect(data: bytes, name: str = "") -> str:
    """The format of ``data`` (see the module docstring); ``name`` only decides borderline markup."""
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(data)
    if data.startswith(WEBARCHIVE_MAGIC):
        return "webarchive"
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    head = _ascii_view(data[:SNIFF_BYTES * 4])
    mime_head = head[:SNIFF_BYTES].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    if _MIME_VERSION_RE.search(mime_head) and _MULTIPART_RE.search(head[:SNIFF_BYTES]):
        return "mhtml"
    if _MARKUP_START_RE.match(head):
        return "html"
    if suffix in HTML_SUFFIXES + MHTML_SUFFIXES and _TAG_RE.search(head):
        return "html"
    return "text"
