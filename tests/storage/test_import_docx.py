"""Word files: the body's paragraphs and metadata; old .doc files, damaged files and zip bombs refused."""

from __future__ import annotations

import datetime
import io
import zipfile

import docx
import pytest

from viewer.storage.importers import UnreadableDocx, load, read
from viewer.storage.importers.docx import MAX_ENTRIES, MAX_PART_BYTES

PARAGRAPHS = (
    "The city council voted 27 to 18 on Thursday evening to build protected cycle lanes on four of the busiest "
    "roads in the centre, ending a year of consultation.",
    "“This is not a war on cars. It is about giving people a safe choice,” said councillor Priya Nair.",
    "Opponents said the loss of 300 parking spaces would drive customers to the out-of-town shopping centre.",
)


def write_docx(paragraphs=PARAGRAPHS, *, title="", author="", created=None, header="", heading="") -> bytes:
    """A real .docx written by python-docx, with a page header and core properties when given."""
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    properties = document.core_properties
    properties.title, properties.author = title, author
    if created:
        properties.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_metadata(tmp_path):
    """A Word file reads as its paragraphs, with title, author and date from its properties."""
    path = tmp_path / "council.docx"
    path.write_bytes(write_docx(title="Council approves cycle lanes", author="Peter Walker",
                                created=datetime.datetime(2023, 9, 21, 12, 0), header="CITY DESK — EMBARGOED",
                                heading="Cycle lanes approved"))
    imported = load(path)
    document = imported.document
    assert (document.kind, document.title, document.author, document.date) == (
        "docx", "Council approves cycle lanes", "Peter Walker", "2023-09-21")
    assert document.text == "\n\n".join(("Cycle lanes approved",) + PARAGRAPHS)
    assert "EMBARGOED" not in document.text  # the page header is not the article
    assert imported.original == path.read_bytes()


def test_docx_without_a_title_is_titled_by_its_first_line(tmp_path):
    """With no title in its properties, a Word file is titled by its first paragraph."""
    path = tmp_path / "notes.docx"
    path.write_bytes(write_docx(heading="Cycle lanes approved after heated debate"))
    assert read(path).title == "Cycle lanes approved after heated debate"


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(MAX_PART_BYTES // len(block) + 1):
                part.write(block)
    return out.getvalue()


def _many_entries() -> bytes:
    return _zip({"word/document.xml": b"<w:document/>", **{f"x/{n}": b"" for n in range(MAX_ENTRIES + 1)}},
                compression=zipfile.ZIP_STORED)


@pytest.mark.parametrize("make, name, reason", [
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "old.doc",
     "is an old Word .doc file; open it in Word or LibreOffice and save it as .docx"),  # OLE compound file
    (lambda: write_docx()[:-300], "cut.docx", "is a damaged Word file"),  # truncated: central directory gone
    (lambda: _zip({"word/document.xml": b"<w:document><w:body><w:p>"}), "broken.docx",
     "is a damaged Word file"),  # XML cut off
    (_bomb, "bomb.docx", "(a zip bomb?); refused"),  # 64 MB of zeros in 64 KB
    (_many_entries, "entries.docx", f"holds more than {MAX_ENTRIES} entries"),
    (lambda: _zip({"mimetype": b"application/epub+zip", "content.opf": b"<package/>"}), "book.docx",
     "is a zip archive, not an article"),  # another zipped format
    (lambda: write_docx(paragraphs=()), "blank.docx", "is a Word file with no text"),
])
def test_bad_word_files_are_refused_with_the_reason(tmp_path, make, name, reason):
    """Old .doc files, damaged files and zip bombs each give one message naming the file and the reason."""
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(UnreadableDocx) as caught:
        read(path)
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)
