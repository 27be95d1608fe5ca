"""Everything that becomes a Document goes through here: files, folders, links and pasted text.

One import path for the window, ``compare``, ``text`` and ``import``, so they can never disagree about a
file. The format is found from the content (``sniff.py``: PDF and zip magic bytes, MIME headers, markup),
the extension only settling borderline markup; each format has its own module and its own error type, all
subclasses of ``UnreadableFile``, whose ``str()`` names the file or URL and the reason.

API::

    load(source) -> Imported            # a path (str or Path) or an http(s) URL string
    read(source) -> Document            # load(source).document
    load_bytes(data, name="", url="") -> Imported   # re-extract a kept original; url given -> kind "url"
    from_paste(text=None, html=None) -> Imported
    expand(paths) -> (files, errors)    # dropped files and folders -> files to load, walk errors
    read_document(path, outlet="") -> Document      # the older name, kept for existing callers

    Imported(document, original, original_name)    # original: the exact bytes read (file or download)
    Document.kind: "text", "html", "mhtml", "webarchive", "pdf", "docx", "url" or "paste"

Files are read only when regular (``limits.py``): FIFOs, devices and sockets are refused before opening,
and no more than ``MAX_BYTES`` (50 MB) is ever read. Nothing in a page is run or fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ...engine.text import Document
from .docx import DOC_REASON, read_docx
from .errors import (DownloadFailed, NotARegularFile, TooLarge, UnreadableDocx, UnreadableFile, UnreadableHtml,
                     UnreadablePdf, UnreadableText)
from .folders import SUPPORTED_SUFFIXES, TEXT_SUFFIXES, expand
from .html import read_html
from .limits import MAX_BYTES, read_capped
from .markdown import MARKDOWN_SUFFIXES, read_markdown
from .mhtml import read_mhtml
from .paste import read_paste
from .pdf import read_pdf
from .sniff import detect
from .text import decode_bytes, read_text
from .url import TIMEOUT_SECONDS, download, is_url, local_source
from .webarchive import read_webarchive

__all__ = [
    "Imported", "load", "read", "load_bytes", "from_paste", "expand", "read_document", "decode_bytes", "is_url",
    "local_source", "UnreadableFile", "NotARegularFile", "TooLarge", "UnreadableText", "UnreadableHtml",
    "UnreadablePdf", "UnreadableDocx", "DownloadFailed", "MAX_BYTES", "SUPPORTED_SUFFIXES", "TEXT_SUFFIXES",
    "TIMEOUT_SECONDS",
]


@dataclass(frozen=True)
class Imported:
    """A Document and the exact bytes it was extracted from, so the library can keep the original."""

    document: Document
    original: bytes
    original_name: str  # the file's name, or a name for a download or paste ("page.html", "pasted.txt")


def _extract(data: bytes, source: str, name: str, url: str = "") -> Document:
    kind = detect(data, name)
    if kind == "pdf":
        return read_pdf(data, source)
    if kind == "docx":
        return read_docx(data, source)
    if kind == "doc":
        raise UnreadableDocx(source, DOC_REASON)
    if kind == "odt":
        raise UnreadableDocx(source, "is an OpenDocument text (.odt); open it in LibreOffice or Word and save it as .docx")
    if kind == "zip":
        raise UnreadableDocx(source, "is a zip archive, not an article (of zipped formats only Word .docx is read)")
    if kind == "rtf":  # its markup would be compared as words; Word and LibreOffice save it as .docx
        raise UnreadableText(source, "is an RTF file; open it in a word processor and save it as .docx or .txt")
    if kind == "mhtml":
        return read_mhtml(data, source)
    if kind == "webarchive":
        return read_webarchive(data, source)
    if kind == "html":
        return read_html(data, source, url=url)
    if PurePosixPath(name).suffix.lower() in MARKDOWN_SUFFIXES:
        return read_markdown(data, source)
    return read_text(data, source)  # also a ".doc" that is really text: the content decides, not the name


def load_bytes(data: bytes, name: str = "", url: str = "") -> Imported:
    """The Document in ``data`` (a kept original) named ``name``; with ``url`` it is a downloaded page."""
    source = url or name or "data"
    document = _extract(data, source, name or _url_name(url), url=url)
    if url:
        document = replace(document, kind="url", path="", url=document.url or url)
    return Imported(document, data, name or _url_name(url))


def _url_name(url: str) -> str:
    if not url:
        return ""
    last = unquote(PurePosixPath(urlsplit(url).path).name)
    return last if "." in last else (last or urlsplit(url).hostname or "page") + ".html"


def load(source: str | Path, timeout: float = TIMEOUT_SECONDS) -> Imported:
    """The Document at ``source`` (a path or an http(s) URL) and its original bytes; raises ``UnreadableFile``."""
    if isinstance(source, str):
        source = local_source(source)
    if isinstance(source, str) and is_url(source):
        fetched = download(source, timeout=timeout)
        name = _url_name(fetched.url)
        if fetched.content_type in ("text/html", "application/xhtml+xml") and not name.lower().endswith(
                (".html", ".htm", ".xhtml")):
            name += ".html"
        try:
            return load_bytes(fetched.data, name=name, url=fetched.url)
        except DownloadFailed:
            raise
        except UnreadableFile as error:  # name the URL the user gave, not the address it redirected to
            raise type(error)(source, error.reason) from None
    path = Path(source)
    data = read_capped(path)
    document = _extract(data, str(path), path.name)
    return Imported(document, data, path.name)


def read(source: str | Path) -> Document:
    """The Document at ``source`` (a path or an http(s) URL); raises ``UnreadableFile``."""
    return load(source).document


def from_paste(text: str | None = None, html: str | None = None) -> Imported:
    """The Document for pasted or dropped ``text`` (and the browser's ``html`` when there is some)."""
    document, original, name = read_paste(text, html)
    return Imported(document, original, name)


def read_document(path: str | Path, outlet: str = "") -> Document:
    """The Document in the file ``path`` (the older name of ``read``); ``outlet`` fills an unknown outlet."""
    document = read(path)
    return replace(document, outlet=outlet) if outlet and not document.outlet else document
