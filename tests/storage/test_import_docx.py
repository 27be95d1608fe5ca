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
    (lambda: _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"},
                  zipfile.ZIP_STORED), "story.odt",
     "is an OpenDocument text (.odt); open it in LibreOffice or Word and save it as .docx"),  # LibreOffice's own
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


def _run(xml: str):
    from docx.oxml import parse_xml

    return parse_xml('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
                     ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
                     ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
                     ' xmlns:v="urn:schemas-microsoft-com:vml">' + xml + "</w:r>")


def test_a_text_box_is_read_once_as_its_own_paragraph_and_word_hyphens_stay(tmp_path):
    """A pull quote in a text box (Word saves it twice: drawing and fallback) is one paragraph of its own,
    not glued twice onto its anchor's text; a non-breaking hyphen ("well-known") stays a hyphen."""
    document = docx.Document()
    document.add_paragraph(PARAGRAPHS[0])
    anchor = document.add_paragraph("Residents were angry.")
    box = "<w:txbxContent><w:p><w:r><w:t>Save our cycle lanes</w:t></w:r></w:p></w:txbxContent>"
    anchor._p.append(_run(f"<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{box}"
                          f"</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
                          f"{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"))
    hyphen = document.add_paragraph()
    hyphen._p.append(_run("<w:t>A well</w:t><w:noBreakHyphen/><w:t>known cyclist welcomed the vote.</w:t>"))
    path = tmp_path / "lanes.docx"
    document.save(path)
    assert read(path).text.split("\n\n") == [PARAGRAPHS[0], "Residents were angry.", "Save our cycle lanes",
                                             "A well-known cyclist welcomed the vote."]
