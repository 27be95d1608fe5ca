"""Downloading a link: one plain, blocking function that a worker thread can call and that never hangs.

``download(url, timeout=15, limit=MAX_BYTES) -> Downloaded`` fetches an http(s) address with a timeout on
every socket operation and an overall deadline (a server dripping one byte a second is cut off too), stops
reading past the size cap, follows redirects only to http(s), and turns every failure into a
``DownloadFailed`` naming the URL and the reason: the server's status ("404 Not Found"), "timed out after
15 s", "could not connect", "the address could not be found (offline?)", "is larger than …", or "is not an
article (image/png)".

Exports: ``download``, ``Downloaded``, ``is_url(text)``, ``local_source(text)``, ``TIMEOUT_SECONDS``.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from .errors import DownloadFailed, UnreadableFile
from .limits import MAX_BYTES, too_large_reason

TIMEOUT_SECONDS = 15.0  # seconds for the whole download, and for each connect or read
CHUNK_BYTES = 64 * 1024
USER_AGENT = "Mozilla/5.0 (compatible; FramingViewer/0.1)"  # some news sites refuse Python's default agent
# Content types that can hold an article; anything else (images, video, archives) is refused by name.
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf", "message/rfc822",
                 "multipart/related", "application/x-mimearchive", "text/markdown", "application/xml", "text/xml",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "application/octet-stream", "")


@dataclass(frozen=True)
class Downloaded:
    """What a URL gave: its bytes, the address after redirects, and the server's content type."""

    data: bytes
    url: str
    content_type: str


def is_url(text: str) -> bool:
    """True for a single http(s) address (what a browser's address bar drags)."""
    text = text.strip()
    return text.lower().startswith(("http://", "https://")) and not any(char.isspace() for char in text)


_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.-]*)://", re.IGNORECASE)


def local_source(text: str) -> str:
    """``text`` (a path or a link) as what the importers read: a ``file://`` link (a browser's address bar
    on a saved page) becomes its path; a link of another kind (``ftp://``) raises ``UnreadableFile`` saying
    which links are read, instead of being looked for as a file; anything else comes back as it is."""
    match = _SCHEME_RE.match(text.strip())
    if not match or match.group(1).lower() in ("http", "https"):
        return text
    scheme = match.group(1).lower()
    if scheme == "file":
        parts = urlsplit(text.strip())
        if parts.netloc.lower() in ("", "localhost"):
            return urllib.request.url2pathname(parts.path)
        raise UnreadableFile(text, "is a file on another computer; copy it here first")
    raise UnreadableFile(text, f"is not a web link ({scheme}://); only http:// and https:// links are read")


class _NonWebRedirect(urllib.error.HTTPError):
    """A redirect to ftp:, file: or anything else that is not http(s)."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) only: a page may not send the app to ftp:// or file://."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise _NonWebRedirect(newurl, code, "redirect to a non-web address", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _reason(error: BaseException, timeout: float) -> str:
    if isinstance(error, urllib.error.HTTPError) and 300 <= error.code < 400:
        if isinstance(error, _NonWebRedirect) or "not allowed" in str(error.msg):  # urllib's own refusal of file:
            return "was redirected to a non-web address (only http and https are followed)"
        return "redirects in a loop (or too many times)"
    if isinstance(error, urllib.error.HTTPError):
        return f"the server answered {error.code} {error.reason or ''}".rstrip()
    reason = getattr(error, "reason", error)
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "the address could not be found (no network, or a mistyped address?)"
    if isinstance(reason, ConnectionRefusedError):
        return "could not connect (connection refused)"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or 'SSL error'})"
    if isinstance(reason, OSError):
        return f"could not connect ({(reason.strerror or str(reason) or 'network error').lower()})"
    return f"could not be downloaded ({reason})"


def download(url: str, timeout: float = TIMEOUT_SECONDS, limit: int = MAX_BYTES) -> Downloaded:
    """The bytes at ``url`` (see the module docstring); raises ``DownloadFailed`` naming the URL and why."""
    url = url.strip()
    if not is_url(url):
        raise DownloadFailed(url, "is not a web address (http:// or https://)")
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type() if headers.get("Content-Type") else ""
            if content_type not in ARTICLE_TYPES:
                raise DownloadFailed(url, f"is not an article ({content_type})")
            declared = headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise DownloadFailed(url, too_large_reason(int(declared), limit))
            chunks, total = [], 0
            while chunk := response.read1(CHUNK_BYTES):  # returns what arrived, so the deadline is checked
                total += len(chunk)
                if total > limit:
                    raise DownloadFailed(url, too_large_reason(limit=limit))
                if time.monotonic() > deadline:
                    raise DownloadFailed(url, f"timed out after {timeout:g} s")
                chunks.append(chunk)
            return Downloaded(b"".join(chunks), response.geturl() or url, content_type)
    except DownloadFailed:
        raise
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        raise DownloadFailed(url, _reason(error, timeout)) from None

