"""Word files (.docx) -> Document, read with zipfile and lxml under caps that refuse zip bombs.

A .docx is a zip of XML parts; only ``word/document.xml`` (the body: headers and footers are separate parts,
so they never enter the text) and ``docProps/core.xml`` (title, author, creation date) are read. The archive
may hold at most ``MAX_ENTRIES`` entries and a part is read in chunks until ``MAX_PART_BYTES``: the sizes a
zip declares are not trusted. The XML parser resolves no entities and loads nothing from the network.
Old binary ``.doc`` files are refused with what to do instead.

Exports: ``read_docx(data, source) -> Document``, ``MAX_ENTRIES``, ``MAX_PART_BYTES``.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib

from .documents import make_document
from .errors import UnreadableDocx

MAX_ENTRIES = 5000  # entries in the zip; Word writes a few dozen, a bomb writes millions
MAX_PART_BYTES = 64 * 1024 * 1024  # uncompressed bytes read of one XML part
CHUNK_BYTES = 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CORE = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}
DOC_REASON = "is an old Word .doc file; open it in Word or LibreOffice and save it as .docx"
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError,
               NotImplementedError, RuntimeError, IndexError, UnicodeError, OverflowError, zlib.error, lzma.LZMAError)


def _read_part(archive: zipfile.ZipFile, name: str, source: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    chunks, total = [], 0
    with archive.open(info) as part:
        while chunk := part.read(CHUNK_BYTES):
            total += len(chunk)
            if total > MAX_PART_BYTES:
                raise UnreadableDocx(source, f"unpacks to more than {MAX_PART_BYTES // (1024 * 1024)} MB "
                                             "(a zip bomb?); refused")
            chunks.append(chunk)
    return b"".join(chunks)


def _parse(xml: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    return etree.fromstring(xml, parser)


def body_text(root) -> str:
    """The paragraphs of ``word/document.xml`` as text, one blank line between paragraphs.

    A text box (a pull quote, a sidebar) sits inside the paragraph it is anchored to; its paragraphs follow
    that paragraph as paragraphs of their own. Word saves each text box twice, as a drawing and as a
    fallback picture for old readers (``mc:Fallback``): only the first copy is read.
    """
    paragraphs = []
    for paragraph in root.iter(f"{W}p"):
        if any(ancestor.tag == f"{MC}Fallback" for ancestor in paragraph.iterancestors()):
            continue
        pieces = []
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen", f"{W}delText"):
            if next(node.iterancestors(f"{W}p")) is not paragraph:
                continue  # a text box's own paragraph: read on its own
            if node.tag == f"{W}t":
                pieces.append(node.text or "")
            elif node.tag == f"{W}tab":
                pieces.append("\t")
            elif node.tag in (f"{W}br", f"{W}cr"):
                pieces.append("\n")
            elif node.tag == f"{W}noBreakHyphen":
                pieces.append("-")
            # deleted text of tracked changes (w:delText) is not part of the document as it reads
        paragraphs.append("".join(pieces).strip())
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _core_metadata(xml: bytes | None) -> dict:
    if not xml:
        return {}
    try:
        root = _parse(xml)
    except Exception:  # damaged metadata never costs the article its text
        return {}

    def first(path: str) -> str:
        found = root.find(path, CORE)
        return (found.text or "").strip() if found is not None else ""

    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", first("dcterms:created"))
    return {"title": first("dc:title"), "author": first("dc:creator"),
            "date": "-".join(match.groups()) if match else ""}


def read_docx(data: bytes, source: str):
    """The article in the Word file ``data``; raises ``UnreadableDocx`` with the reason when there is none."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if len(archive.infolist()) > MAX_ENTRIES:
                raise UnreadableDocx(source, f"holds more than {MAX_ENTRIES} entries (a zip bomb?); refused")
            document_xml = _read_part(archive, "word/document.xml", source)
            if document_xml is None:
                raise UnreadableDocx(source, "is a zip archive, not a Word .docx file")
            core_xml = _read_part(archive, "docProps/core.xml", source)
    except UnreadableDocx:
        raise
    except _ZIP_ERRORS as error:
        raise UnreadableDocx(source, f"is a damaged Word file ({type(error).__name__})") from None
    try:
        text = body_text(_parse(document_xml))
    except (etree.XMLSyntaxError, ValueError) as error:
        raise UnreadableDocx(source, f"is a damaged Word file ({type(error).__name__})") from None
    metadata = _core_metadata(core_xml)
    if not text.strip():
        raise UnreadableDocx(source, "is a Word file with no text")
    return make_document(text, source, "docx", guess_date=not metadata.get("date"), error=UnreadableDocx,
                         **metadata)
