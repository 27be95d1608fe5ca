"""Fuzzing every importer: random bytes, random markup, truncated PDFs and mutated zips give a clear error or a document.

No exception other than the importer's own ``UnreadableFile`` may escape, whatever the input, and no call
may take more than a few seconds.
"""

from __future__ import annotations

import io
import time
import zipfile

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.web_pages import article_pages
from tests.storage.test_import_pdf import write_pdf
from viewer.engine.text import Document
from viewer.storage.importers import UnreadableFile, from_paste, load_bytes
from viewer.storage.importers.docx import read_docx
from viewer.storage.importers.html import read_html
from viewer.storage.importers.mhtml import read_mhtml
from viewer.storage.importers.pdf import read_pdf
from viewer.storage.importers.text import read_text
from viewer.storage.importers.webarchive import read_webarchive

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SECONDS_PER_CALL = 5.0  # of CPU time: wall time on this shared machine also counts other people's work


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("The council voted on Thursday to build protected cycle lanes on four roads.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PDF = write_pdf()
DOCX = _docx_bytes()
PAGE = article_pages()[0].html


def only_clear_errors(function, *args):
    """Calls ``function``; passes when it returns a Document or raises UnreadableFile, in time."""
    started = time.process_time()
    try:
        result = function(*args)
    except UnreadableFile as error:
        assert error.reason and str(error)
    else:
        document = getattr(result, "document", result)
        assert isinstance(document, Document) and document.text.strip()
    assert time.process_time() - started < SECONDS_PER_CALL


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["a.txt", "a.html", "a.pdf", "a.docx", "a.mhtml", "a.doc", "a.md", ""]))
def test_random_bytes_into_the_sniffing_importer(data, name):
    """Random bytes under any name give a document or a clear refusal."""
    only_clear_errors(load_bytes, data, name)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_into_each_format(data):
    """Random bytes fed straight to each format's reader give a clear refusal, never a crash."""
    data = data if len(data) % 2 else b"bplist00" + data  # half of them look like a property list
    for reader in (read_text, read_html, read_mhtml, read_pdf, read_docx, read_webarchive):
        only_clear_errors(reader, data, "fuzz")


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<article>", "<!--", "-->",
                         "<meta property='og:title' content='", "'>", "<html>", "<body>", "<![CDATA[", "&amp;",
                         "&#0;", "&#x110000;", "<svg>", "<math>", "<table><tr><td>", "\x00", "<?xml?>",
                         "<!DOCTYPE html>", "<title>", "<a href='javascript:x'>", "<base href='file:///'>"])


@FUZZ
@given(st.lists(st.one_of(_TAGS, st.text(max_size=40)), max_size=60))
def test_random_markup_into_the_page_reader(pieces):
    """Random tag soup, as bytes and as pasted HTML, gives an article or a clear refusal."""
    markup = "".join(pieces)
    only_clear_errors(load_bytes, markup.encode("utf-8", "surrogatepass"), "page.html")
    only_clear_errors(from_paste, None, markup)


@FUZZ
@given(st.integers(min_value=0, max_value=len(PDF)), st.binary(max_size=16))
def test_truncated_and_damaged_pdfs(cut, tail):
    """A PDF cut anywhere (and followed by noise) gives its text or a clear refusal."""
    only_clear_errors(load_bytes, PDF[:cut] + tail, "cut.pdf")


@FUZZ
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=len(DOCX) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_mutated_word_files(mutations):
    """A .docx with bytes changed anywhere (headers, directory, compressed data) gives text or a clear refusal."""
    data = bytearray(DOCX)
    for offset, value in mutations:
        data[offset] = value
    only_clear_errors(load_bytes, bytes(data), "mutated.docx")


@FUZZ
@given(st.lists(st.sampled_from(["word/document.xml", "docProps/core.xml", "[Content_Types].xml", "x"]),
                min_size=1, max_size=4, unique=True), st.binary(max_size=512))
def test_zips_with_random_parts(names, content):
    """A zip whose parts hold random bytes is refused clearly."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, content)
    only_clear_errors(load_bytes, out.getvalue(), "random.docx")


@FUZZ
@given(st.integers(min_value=0, max_value=len(PAGE)))
def test_truncated_pages(cut):
    """A saved page cut anywhere gives what article is left or a clear refusal."""
    only_clear_errors(load_bytes, PAGE[:cut].encode("utf-8"), "cut.html")


@FUZZ
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=8))
def test_mutated_web_archives(mutations):
    """A Safari web archive with random bytes changed gives a document or a clear refusal."""
    _mutated_web_archive(mutations)


def test_a_web_archive_whose_encoding_name_holds_a_nul_is_read():
    """An encoding name mangled to hold a NUL byte (found by the fuzz test) is ignored, not a crash."""
    import plistlib

    data = plistlib.dumps({"WebMainResource": {"WebResourceData": b"<p>" + b"word " * 40 + b"</p>",
                                               "WebResourceTextEncodingName": "UTF\x00-8"}},
                          fmt=plistlib.FMT_BINARY)
    only_clear_errors(read_webarchive, data, "fuzz")


def _mutated_web_archive(mutations):
    import plistlib

    data = bytearray(plistlib.dumps({"WebMainResource": {"WebResourceData": b"<p>" + b"word " * 40 + b"</p>",
                                                         "WebResourceTextEncodingName": "UTF-8"}},
                                    fmt=plistlib.FMT_BINARY))
    for position, value in mutations:
        data[position % len(data)] = value
    only_clear_errors(read_webarchive, bytes(data), "fuzz")
