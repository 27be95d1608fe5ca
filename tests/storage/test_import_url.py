"""Links: a page downloaded from a local server imports like a saved one; every failure names the URL and why."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.web_pages import article_pages
from viewer.storage.importers import DownloadFailed, from_paste, load, load_bytes, read
from viewer.storage.importers.url import download

PAGE = article_pages()[1]
ROUTES = {
    "/news/cycle-lanes": (200, "text/html; charset=utf-8", PAGE.html.encode("utf-8")),
    "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/big": (200, "text/html", b"<p>" + b"word " * 4000 + b"</p>"),
    "/menu": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path == "/slow":
            time.sleep(2)
        if self.path in ("/drip", "/stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: only the bytes read can tell the size
            try:
                for _ in range(40 if self.path == "/drip" else 1):
                    self.wfile.write(b"<p>word word word word word</p>" * (1 if self.path == "/drip" else 200))
                    self.wfile.flush()
                    if self.path == "/drip":
                        time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/news/cycle-lanes")
            self.end_headers()
            return
        if self.path in ("/loop", "/to-ftp"):
            self.send_response(302)
            self.send_header("Location", "/loop" if self.path == "/loop" else "ftp://127.0.0.1/story.txt")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/html", b"<h1>Not Found</h1>"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_link_imports_like_the_saved_page_and_keeps_the_download(server):
    """A URL gives the page's article and metadata, kind "url", and the downloaded bytes as the original."""
    imported = load(f"{server}/news/cycle-lanes")
    document = imported.document
    assert all(paragraph in document.text for paragraph in PAGE.paragraphs)
    assert (document.kind, document.title, document.outlet, document.date, document.url) == (
        "url", PAGE.title, PAGE.outlet, PAGE.date, PAGE.url)  # the page's canonical URL
    assert imported.original == PAGE.html.encode("utf-8") and imported.original_name == "cycle-lanes.html"
    again = load_bytes(imported.original, name=imported.original_name, url=f"{server}/news/cycle-lanes")
    assert again.document == document


def test_a_redirect_is_followed(server):
    """A link that redirects imports the page it leads to."""
    assert read(f"{server}/moved").title == PAGE.title


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("path, reason", [
    ("/missing", "the server answered 404 Not Found"),
    ("/logo.png", "is not an article (image/png)"),
    ("/menu", "has no article text"),
    ("/to-file", "was redirected to a non-web address"),  # urllib's own refusal
    ("/to-ftp", "was redirected to a non-web address"),  # urllib would follow this one: ours refuses it
    ("/loop", "redirects in a loop"),
])
def test_failed_links_name_the_url_and_the_reason(server, path, reason):
    """A 404, an image, a page with no article and a redirect off the web each give one message with the URL."""
    url = f"{server}{path}"
    with pytest.raises(Exception) as caught:
        load(url)
    assert reason in str(caught.value) and url in str(caught.value)


@pytest.mark.parametrize("path, timeout", [
    ("/slow", 0.3),  # says nothing for 2 s: the read timeout trips
    ("/drip", 0.5),  # a few bytes every 0.1 s, never idle long enough for a read timeout: the deadline trips
])
def test_a_slow_server_trips_the_timeout(server, path, timeout):
    """A server that does not answer, or answers too slowly, gives "timed out" in time instead of hanging."""
    started = time.monotonic()
    with pytest.raises(DownloadFailed) as caught:
        download(f"{server}{path}", timeout=timeout)
    assert time.monotonic() - started < timeout + 1.0
    assert caught.value.reason == f"timed out after {timeout} s"


def test_an_unreachable_address_is_named():
    """Nothing listening at the address gives "could not connect", naming the URL."""
    url = f"http://127.0.0.1:{_closed_port()}/story"
    with pytest.raises(DownloadFailed) as caught:
        load(url)
    assert caught.value.path == url and caught.value.reason == "could not connect (connection refused)"


def test_a_download_without_a_length_is_capped_while_reading(server):
    """A page that does not say its length is cut off once the bytes read pass the cap."""
    with pytest.raises(DownloadFailed) as caught:
        download(f"{server}/stream", limit=1000)
    assert caught.value.reason == "is larger than the 1,000 bytes limit"


def test_a_download_over_the_size_cap_is_cut_off(server):
    """A page larger than the cap is refused from its declared length, before it is read."""
    with pytest.raises(DownloadFailed) as caught:
        download(f"{server}/big", limit=1000)
    assert caught.value.reason == "is 20,007 bytes, larger than the 1,000 bytes limit"


def test_pasted_text_is_titled_by_its_first_line():
    """Pasted plain text becomes a document titled by its first line, kept as the pasted bytes."""
    imported = from_paste("Storm hits the coast\n\nA powerful storm swept across the coast overnight.")
    assert (imported.document.title, imported.document.kind, imported.document.path) == (
        "Storm hits the coast", "paste", "")
    assert imported.original.decode("utf-8").startswith("Storm hits the coast")


def test_pasted_html_goes_through_the_page_reader():
    """A browser's HTML clipboard gives the article without the share buttons and comments."""
    document = from_paste(text="whatever the browser put as text", html=PAGE.html).document
    assert document.kind == "paste" and document.outlet == PAGE.outlet
    assert PAGE.paragraphs[0] in document.text and PAGE.comments[0] not in document.text


def test_a_short_pasted_fragment_keeps_its_text():
    """Two pasted paragraphs (too short to be a page) become a document from their visible text."""
    html = "<p>Council approves cycle lanes</p><p>The vote was 27 to 18, said <b>Priya Nair</b>.</p>"
    document = from_paste(html=html).document
    assert document.text == "Council approves cycle lanes\n\nThe vote was 27 to 18, said Priya Nair."
    assert document.title == "Council approves cycle lanes"


def test_an_empty_paste_is_refused():
    """Pasting only white space gives a message instead of an empty document."""
    with pytest.raises(Exception) as caught:
        from_paste(text="  \n ", html="")
    assert str(caught.value) == "pasted text: is empty"


def test_the_text_command_reads_a_link(server, capsys):
    """`framing-viewer text URL --format json` prints the downloaded article as the app would compare it."""
    import json

    from viewer.cli import main

    assert main(["text", f"{server}/news/cycle-lanes", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["kind"], data["title"], data["url"]) == ("url", PAGE.title, PAGE.url)
    assert main(["text", f"{server}/missing"]) == 2
    assert capsys.readouterr().err.strip() == (f"framing-viewer: cannot read {server}/missing: "
                                               "the server answered 404 Not Found")


def test_without_a_network_the_address_cannot_be_found(monkeypatch):
    """With no network (name lookup failing), the message names the URL and suggests why."""
    def no_network(*args, **kwargs):
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(DownloadFailed) as caught:
        load("https://www.reuters.com/world/story")
    assert str(caught.value) == ("https://www.reuters.com/world/story: the address could not be found "
                                 "(no network, or a mistyped address?)")


def test_a_file_link_reads_the_saved_page_and_other_links_say_which_are_read(tmp_path):
    """A file:// link (a browser's address bar on a saved page) reads that file; an ftp:// link or a file on
    another computer is refused saying why, not looked for as a file called "ftp:/host/x"."""
    from viewer.storage.intake import sources_to_import

    saved = tmp_path / "cycle lanes.html"
    saved.write_text(PAGE.html, encoding="utf-8")
    assert read(saved.as_uri()).text == read(saved).text
    items, errors = sources_to_import([tmp_path.as_uri(), "ftp://127.0.0.1/news.html", "file://server/x.html"])
    assert items == [str(saved)]
    assert [(error.path, error.reason) for error in errors] == [
        ("ftp://127.0.0.1/news.html", "is not a web link (ftp://); only http:// and https:// links are read"),
        ("file://server/x.html", "is a file on another computer; copy it here first")]
