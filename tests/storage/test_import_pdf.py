"""PDF files: the text layer as paragraphs, metadata, and a clear reason for scans, locks and damage."""

from __future__ import annotations

import datetime
import io

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from viewer.storage.importers import UnreadablePdf, load, read

PARAGRAPHS = (
    "A powerful storm swept across the coast overnight, bringing down power lines and leaving more than 40,000 "
    "homes without electricity by Tuesday morning, the regional grid operator said in a statement.",
    "Winds of up to 110 kilometres an hour uprooted trees in several towns, and the coastguard reported waves "
    "of six metres at the harbour entrance, where two fishing boats broke their moorings during the night.",
    "“We have crews out in every district, but some of the damage is in places we simply cannot reach until "
    "the wind drops,” said Maria Okafor, a spokeswoman for the operator, on Tuesday.",
    "Schools in three municipalities stayed closed, and the rail company cancelled all services on the coastal "
    "line after a fallen tree blocked the track near the old quarry bridge.",
)


def write_pdf(paragraphs=PARAGRAPHS, *, pages: int = 1, header: str = "", footer: bool = False,
              title: str = "", author: str = "", created: datetime.datetime | None = None) -> bytes:
    """A real PDF with a text layer, written by fpdf2: ``paragraphs`` spread over ``pages`` pages."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if created:
        pdf.set_creation_date(created)
    pdf.add_font("dejavu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") if _has_dejavu() else None
    font = "dejavu" if _has_dejavu() else "helvetica"

    def draw_header():
        if header:
            pdf.set_font(font, size=9)
            pdf.cell(0, 8, header, align="C")
            pdf.ln(10)
        pdf.set_font(font, size=11)

    def draw_footer():
        if footer:
            pdf.set_y(-15)
            pdf.set_font(font, size=9)
            pdf.cell(0, 8, f"Page {pdf.page_no()} of {pages}", align="C")

    pdf.header, pdf.footer = draw_header, draw_footer
    per_page = -(-len(paragraphs) // pages)
    for first in range(0, len(paragraphs), per_page):
        pdf.add_page()
        for paragraph in paragraphs[first:first + per_page]:
            pdf.multi_cell(0, 6, paragraph if font == "dejavu" else _ascii(paragraph))
            pdf.ln(4)
    return bytes(pdf.output())


def _has_dejavu() -> bool:
    from pathlib import Path

    return Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists()


def _ascii(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("’", "'")


def _norm(text: str) -> str:
    return " ".join(_ascii(text).split())


def test_pdf_text_and_metadata(tmp_path):
    """A PDF's paragraphs come back as paragraphs, with title, author and date from its metadata."""
    path = tmp_path / "storm.pdf"
    path.write_bytes(write_pdf(title="Storm leaves homes without power", author="Anna Lindqvist",
                               created=datetime.datetime(2024, 1, 16, 9, 0, tzinfo=datetime.timezone.utc)))
    imported = load(path)
    document = imported.document
    assert (document.kind, document.title, document.author, document.date) == (
        "pdf", "Storm leaves homes without power", "Anna Lindqvist", "2024-01-16")
    assert [_norm(paragraph) for paragraph in document.text.split("\n\n")] == [_norm(p) for p in PARAGRAPHS]
    assert imported.original == path.read_bytes() and imported.original_name == "storm.pdf"


def test_running_headers_footers_and_page_numbers_are_not_article_text(tmp_path):
    """A header and a "Page N of M" footer printed on every page are left out; the article stays whole."""
    path = tmp_path / "paper.pdf"
    path.write_bytes(write_pdf(PARAGRAPHS, pages=4, header="THE COASTAL TIMES | Tuesday edition", footer=True))
    text = read(path).text
    assert "COASTAL TIMES" not in text
    assert "Page" not in text and "of 4" not in text
    assert [_norm(paragraph) for paragraph in text.split("\n\n")] == [_norm(p) for p in PARAGRAPHS]


def test_a_paragraph_running_over_a_page_end_stays_one_paragraph(tmp_path):
    """A paragraph that starts on one page and ends on the next is one paragraph, not two."""
    from bench.corpus import generate_article

    long_paragraph = " ".join(generate_article(7, 700).text().split()[:700])
    path = tmp_path / "long.pdf"
    path.write_bytes(write_pdf((long_paragraph, PARAGRAPHS[0])))
    assert len(PdfReader(path).pages) == 2
    assert [_norm(paragraph) for paragraph in read(path).text.split("\n\n")] == [
        _norm(long_paragraph), _norm(PARAGRAPHS[0])]


def test_a_pdf_is_known_by_its_content_not_its_name(tmp_path):
    """A PDF saved as ``article.txt`` is still read as a PDF, not as binary text."""
    path = tmp_path / "article.txt"
    path.write_bytes(write_pdf())
    assert read(path).kind == "pdf"


def _scan() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")  # a page with only a picture of text: what a scanner writes
    return bytes(pdf.output())


def _encrypted(password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(write_pdf())))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("make, reason", [
    (_scan, "this PDF has no text layer (scanned?)"),  # pages but no text
    (lambda: _encrypted("secret"), "is a password-protected PDF; open it and save a copy without a password"),
    (lambda: write_pdf()[:400], "damaged or truncated PDF"),  # cut off early: no page tree
    (lambda: b"%PDF-1.7\n%garbage\n" + bytes(range(256)) * 4, "damaged or truncated PDF"),  # a header and noise
])
def test_bad_pdfs_are_refused_with_the_reason(tmp_path, make, reason):
    """Scans, locked and damaged PDFs each give one message naming the file and the reason."""
    path = tmp_path / "report.pdf"
    path.write_bytes(make())
    with pytest.raises(UnreadablePdf) as caught:
        read(path)
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)


def test_a_pdf_locked_only_against_editing_opens(tmp_path):
    """A PDF with an owner password but no user password (printing locked) still gives its text."""
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted(""))
    assert _norm(PARAGRAPHS[0]) in _norm(read(path).text)


# News paragraphs are short, one or two lines each, so most gaps between lines can be paragraph gaps.
SHORT_PARAGRAPHS = tuple(
    f"Ward {ward} voted on the closure of the Riverside library on Tuesday night, and the count there was "
    f"{ward + 7} votes to {ward + 2}, with two councillors absent and the chair abstaining as the rules require."
    if ward % 2 else f"Ward {ward} voted {ward + 7} to {ward + 2}."
    for ward in range(1, 31))


def test_short_news_paragraphs_stay_paragraphs(tmp_path):
    """A PDF of two-line paragraphs comes back paragraph by paragraph, not as one block."""
    path = tmp_path / "wards.pdf"
    path.write_bytes(write_pdf(SHORT_PARAGRAPHS[:8]))
    assert [_norm(paragraph) for paragraph in read(path).text.split("\n\n")] == [
        _norm(p) for p in SHORT_PARAGRAPHS[:8]]


def test_body_lines_that_differ_only_in_numbers_are_not_taken_for_page_numbers(tmp_path):
    """Lines of a results list at the top and bottom of each page (same words, other numbers) are kept."""
    path = tmp_path / "results.pdf"
    path.write_bytes(write_pdf(SHORT_PARAGRAPHS, pages=2, header="RIVERSIDE COUNCIL | PRESS RELEASE", footer=True))
    text = read(path).text
    assert "PRESS RELEASE" not in text and "Page" not in text
    assert [_norm(paragraph) for paragraph in text.split("\n\n")] == [_norm(p) for p in SHORT_PARAGRAPHS]


@pytest.mark.parametrize("metadata_title, title", [
    ("Microsoft Word - press release FINAL v2.docx", "A powerful storm swept"),  # Word's old "Save as PDF"
    ("storm_copy_v3.docx", "A powerful storm swept"),  # a file name
    ("Untitled", "A powerful storm swept"),  # a placeholder: the first line titles it
    ("Document1", "A powerful storm swept"),
    ("Storm leaves homes without power", "Storm leaves homes without power"),  # a real title stays
])
def test_a_converters_placeholder_title_is_not_the_articles_title(tmp_path, metadata_title, title):
    """A PDF whose metadata title names the Word file it came from, or nothing, is not titled by it."""
    path = tmp_path / "release.pdf"
    path.write_bytes(write_pdf(title=metadata_title))
    assert read(path).title.startswith(title)
