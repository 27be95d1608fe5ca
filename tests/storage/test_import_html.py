"""Saved web pages: the article without the page around it, its metadata, and nothing run or fetched."""

from __future__ import annotations

import email.generator
import email.mime.multipart
import email.mime.text
import io
import socket

import pytest

from bench.web_pages import article_pages
from viewer.storage.importers import UnreadableHtml, load, read

PAGES = article_pages()


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_the_article_is_extracted_without_the_page_around_it(tmp_path, page):
    """Every paragraph of the article is kept, in order; menus, banners, ads, share widgets and comments are not."""
    path = tmp_path / "page.html"
    path.write_text(page.html, encoding="utf-8")
    text = read(path).text
    positions = [text.find(paragraph) for paragraph in page.paragraphs]
    assert -1 not in positions and positions == sorted(positions)
    for unwanted in page.furniture + page.comments:
        assert unwanted not in text


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_title_outlet_author_date_and_url_come_from_the_metadata(tmp_path, page):
    """Title, outlet (site name, else the canonical URL's domain), author, date and URL are the page's own."""
    path = tmp_path / "page.html"
    path.write_text(page.html, encoding="utf-8")
    document = read(path)
    assert (document.title, document.outlet, document.author, document.date, document.url, document.kind) == (
        page.title, page.outlet, page.author, page.date, page.url, "html")


def test_a_page_whose_only_dates_are_in_its_text_gets_no_date(tmp_path):
    """Dates mentioned in the article's text are events, not the publication date: none is invented."""
    page = next(page for page in PAGES if page.name == "dates only in the body")
    path = tmp_path / "page.html"
    path.write_text(page.html, encoding="utf-8")
    document = read(path)
    assert "March 3, 2019" in document.text and document.date == ""


def test_a_published_dateline_by_the_byline_gives_the_date(tmp_path):
    """With no date in the metadata, a "Published 5 November 2022" line by the byline is the page's date."""
    page = next(page for page in PAGES if page.name == "cluttered")
    markup = page.html.replace(f'<meta itemprop="datePublished" content="{page.date}">', "")
    markup = markup.replace(f'<time datetime="{page.date}">{page.date}</time>', "<span>Published 5 November 2022</span>")
    assert page.date not in markup
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    assert read(path).date == "2022-11-05"


def test_nothing_in_a_page_is_fetched(tmp_path, monkeypatch):
    """A page full of remote scripts, images and style sheets imports with every network connection refused."""
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network use during extraction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *args, **kwargs: refuse(None, args))
    path = tmp_path / "page.html"
    path.write_text(PAGES[1].html.replace("</body>", '<iframe src="https://evil.example/x"></iframe>'
                                          '<img src="file:///etc/passwd"></body>'), encoding="utf-8")
    assert PAGES[1].paragraphs[0] in read(path).text
    assert attempts == []


def test_a_saved_page_is_known_by_its_markup_not_its_name(tmp_path):
    """A page saved as ``.txt`` is read as a page; a ``.html`` file holding plain text is read as text."""
    page_as_txt = tmp_path / "page.txt"
    page_as_txt.write_text(PAGES[0].html, encoding="utf-8")
    assert read(page_as_txt).kind == "html"
    text_as_html = tmp_path / "notes.html"
    text_as_html.write_text("Notes on the storm\n\nThe wind dropped <3 hours later than forecast.\n", encoding="utf-8")
    document = read(text_as_html)
    assert document.kind == "text" and document.title == "Notes on the storm"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])  # Notepad's "UTF-8 with BOM"; "Unicode"
def test_a_page_with_a_byte_order_mark_is_known_as_a_page_whatever_its_name(tmp_path, encoding):
    """A saved page that starts with a byte-order mark, kept as ``.txt`` or with no extension, is read as a
    page (its article and title), not as text full of markup."""
    page = PAGES[1]
    for name in ("page.txt", "page"):
        path = tmp_path / name
        path.write_bytes(page.html.encode(encoding))
        document = read(path)
        assert document.kind == "html" and document.title == page.title
        assert page.paragraphs[2] in document.text and "<" not in document.text


def test_a_page_in_windows_1252_keeps_its_accents(tmp_path):
    """A page that declares windows-1252 in its <meta> reads with its curly quotes and accents."""
    page = PAGES[1]
    path = tmp_path / "page.htm"
    path.write_bytes(page.html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').encode("cp1252"))
    assert page.paragraphs[2] in read(path).text  # “This is not a war on cars. …”


def test_markup_in_metadata_is_shown_as_plain_text(tmp_path):
    """A title or site name carrying tags or terminal escapes comes out as plain one-line text."""
    page = PAGES[1]
    path = tmp_path / "page.html"
    path.write_text(page.html.replace('content="The Guardian"', 'content="The \x1b[31mGuardian\x1b[0m"'),
                    encoding="utf-8")
    document = read(path)
    assert "\x1b" not in document.outlet and "Guardian" in document.outlet


def _mhtml(page_html: str, location: str) -> bytes:
    message = email.mime.multipart.MIMEMultipart("related")
    message["Snapshot-Content-Location"] = location
    message["Subject"] = "saved page"
    message["MIME-Version"] = "1.0"
    part = email.mime.text.MIMEText(page_html, "html", "utf-8")
    part["Content-Location"] = location
    message.attach(part)
    image = email.mime.text.MIMEText("not really an image", "plain")
    image["Content-Location"] = "https://example.net/logo.png"
    message.attach(image)
    out = io.BytesIO()
    email.generator.BytesGenerator(out).flatten(message)
    return out.getvalue()


def test_an_mhtml_archive_reads_like_the_page_it_holds(tmp_path):
    """A page saved as one .mhtml file gives the same article and metadata as the page itself."""
    page = PAGES[0]
    path = tmp_path / "storm.mhtml"
    path.write_bytes(_mhtml(page.html, page.url))
    document = read(path)
    assert document.kind == "mhtml"
    assert all(paragraph in document.text for paragraph in page.paragraphs)
    assert (document.title, document.outlet, document.date, document.url) == (page.title, page.outlet, page.date,
                                                                              page.url)


@pytest.mark.parametrize("markup, reason", [
    ("<!DOCTYPE html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a> "
     "<a href='/news'>News</a></nav></body></html>", "has no article text"),  # menus only
    ("<!DOCTYPE html><html><head></head><body>   </body></html>", "has no article text"),  # empty body
])
def test_pages_with_no_article_are_refused(tmp_path, markup, reason):
    """A page with no article text gives one message naming the file and the reason."""
    path = tmp_path / "empty.html"
    path.write_text(markup, encoding="utf-8")
    with pytest.raises(UnreadableHtml) as caught:
        load(path)
    assert reason in caught.value.reason and str(path) in str(caught.value)


def test_a_page_too_large_for_an_article_is_refused_at_once(tmp_path):
    """A "page" of 60,000 elements is refused in well under a second instead of keeping the import busy."""
    import time

    from viewer.storage.importers.html import MAX_ELEMENTS

    path = tmp_path / "huge.html"
    path.write_text(PAGES[0].html.replace("</body>", "<p>filler</p>" * (MAX_ELEMENTS + 10_000) + "</body>"))
    started = time.process_time()
    with pytest.raises(UnreadableHtml) as caught:
        read(path)
    assert caught.value.reason == f"has more than {MAX_ELEMENTS:,} HTML elements: too large for one article"
    assert time.process_time() - started < 1


def test_mhtml_without_a_page_is_refused(tmp_path):
    """An MHTML archive holding no HTML part is refused by name."""
    path = tmp_path / "empty.mhtml"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n"
                     b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
    with pytest.raises(UnreadableHtml) as caught:
        read(path)
    assert "no web page in it" in caught.value.reason


def test_a_chrome_mhtml_with_quoted_printable_reads(tmp_path):
    """An archive as Chrome writes it (quoted-printable, no charset on the part) gives the article and URL."""
    import quopri

    page = PAGES[2]
    encoded = quopri.encodestring(page.html.encode("utf-8")).replace(b"\n", b"\r\n")
    data = (b"From: <Saved by Blink>\r\nSnapshot-Content-Location: " + page.url.encode() + b"\r\n"
            b"Subject: saved\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
            b"\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n------MultipartBoundary--abc----\r\n"
            b"Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: " + page.url.encode() + b"\r\n\r\n"
            + encoded + b"\r\n------MultipartBoundary--abc------\r\n")
    path = tmp_path / "painting.mhtml"
    path.write_bytes(data)
    document = read(path)
    assert document.kind == "mhtml" and all(paragraph in document.text for paragraph in page.paragraphs)
    assert (document.outlet, document.author, document.url) == (page.outlet, page.author, page.url)


def test_the_address_a_browser_recorded_is_the_pages_url(tmp_path):
    """With no canonical link, the "saved from url=" comment a browser writes gives the URL and the outlet."""
    page = PAGES[2]
    markup = page.html.replace(f'<link rel="canonical" href="{page.url}">', "")
    markup = markup.replace("<!DOCTYPE html>\n", f"<!DOCTYPE html>\n<!-- saved from url=({len(page.url):04d}){page.url} -->\n")
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    document = read(path)
    assert (document.url, document.outlet) == (page.url, "valleygazette.co.uk")


def _webarchive(html: bytes, url: str = "", encoding: str = "UTF-8") -> bytes:
    """A Safari web archive as Safari writes it: a binary property list with the page and a subresource."""
    import plistlib

    main = {"WebResourceData": html, "WebResourceMIMEType": "text/html", "WebResourceFrameName": "",
            "WebResourceTextEncodingName": encoding, "WebResourceURL": url}
    image = {"WebResourceData": b"\x89PNG\r\n\x1a\n" + bytes(32), "WebResourceMIMEType": "image/png",
             "WebResourceURL": "https://example.org/logo.png"}
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": [image]}, fmt=plistlib.FMT_BINARY)


def test_a_safari_web_archive_reads_like_the_page_it_holds(tmp_path):
    """A page saved by Safari (.webarchive, its default) gives the same article and metadata as the page."""
    page = PAGES[1]
    path = tmp_path / "cycle lanes.webarchive"
    path.write_bytes(_webarchive(page.html.encode("utf-8"), url="https://example.org/saved"))
    document, saved = read(path), read_html_file(tmp_path, page)
    assert document.kind == "webarchive"
    assert (document.text, document.title, document.outlet, document.date) == (
        saved.text, saved.title, saved.outlet, saved.date)


@pytest.mark.parametrize("data, reason", [
    (lambda: _webarchive(b""), "with no web page in it"),  # an archive without its page
    (lambda: _webarchive(b"<html>")[:40], "is a damaged Safari web archive"),  # cut off
])
def test_broken_web_archives_are_refused_with_the_reason(tmp_path, data, reason):
    """An archive with no page, or cut off, gives one message naming the file and the reason."""
    path = tmp_path / "page.webarchive"
    path.write_bytes(data())
    with pytest.raises(UnreadableHtml) as caught:
        read(path)
    assert reason in caught.value.reason and str(path) in str(caught.value)


def read_html_file(folder, page):
    path = folder / "page.html"
    path.write_text(page.html, encoding="utf-8")
    return read(path)
