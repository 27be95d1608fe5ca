"""Saved web pages -> Document: the article's text and its metadata, nothing run and nothing fetched.

trafilatura finds the article body (menus, related links, share widgets, cookie banners and comments are
left out) and reads the metadata (Open Graph, JSON-LD, ``<meta>``); htmldate reads the publication date from
the page's metadata and URL only (``extensive_search`` off), so a page whose only dates are in its body gets
no date rather than the date of some event it mentions. Both parse the bytes with lxml, which neither runs
scripts nor loads anything; no URL is ever requested from here.

Exports: ``read_html(data, source, url="", kind="html") -> Document``, ``EXTRACTION`` (the settings).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from .documents import make_document
from .errors import UnreadableHtml

# trafilatura's settings, compared on the pages the tests build (see the README): precision drops the
# comment sections and "related" lists that recall lets in, and loses no article paragraph on them.
EXTRACTION = dict(favor_precision=True, include_comments=False, include_tables=True, include_images=False,
                  include_links=False, deduplicate=False, with_metadata=True)
# Elements in one page. News pages have 1,000-20,000; trafilatura's time grows faster than linearly past
# that (45,000 elements take 5 s, 200,000 take 100 s), so a larger "page" is refused instead of hanging.
MAX_ELEMENTS = 40_000
MIN_ARTICLE_WORDS = 15  # fewer words is a menu or a "page not found", not an article (a short pasted piece
# falls back to the plain text that came with it)
NO_ARTICLE = "has no article text (menus and links only, or an empty page)"
DATE_SEARCH = dict(extensive_search=False, original_date=True)  # metadata and URL only; never the body
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):  # their complaints about
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # broken pages become our one UnreadableHtml message
_SAVED_FROM_RE = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


def domain(url: str) -> str:
    """The host of ``url`` without ``www.``; "" when it has none."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def saved_from(data: bytes) -> str:
    """The address a browser wrote into the page it saved ("saved from url=…"), or ""."""
    match = _SAVED_FROM_RE.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else ""


def _web_url(value: str) -> str:
    return value if value.lower().startswith(("http://", "https://")) else ""


def read_html(data: bytes | str, source: str, url: str = "", kind: str = "html", extraction: dict = EXTRACTION):
    """The article in the page ``data`` read from ``source``; raises ``UnreadableHtml`` when there is none.

    ``extraction`` is trafilatura's settings (the benchmark compares others on the same pages).
    """
    import trafilatura

    if isinstance(data, bytes):
        url = url or saved_from(data)
    if not (data.strip() if isinstance(data, (bytes, str)) else data):
        raise UnreadableHtml(source, "is empty")
    from trafilatura.utils import load_html

    try:
        tree = load_html(data)  # trafilatura's own decoding (BOM, <meta charset>, detection), parsed once
        if tree is not None and sum(1 for _ in tree.iter()) > MAX_ELEMENTS:
            raise UnreadableHtml(source, f"has more than {MAX_ELEMENTS:,} HTML elements: too large for one article")
        result = None if tree is None else trafilatura.bare_extraction(
            tree, url=url or None, date_extraction_params=DATE_SEARCH, **extraction)
    except UnreadableHtml:
        raise
    except Exception as error:  # noqa: BLE001
        # trafilatura, htmldate and lxml meet broken markup in many places and raise whatever they hit there
        # (ValueError, AssertionError, RecursionError ... the fuzz tests found several): all mean "unreadable"
        raise UnreadableHtml(source, f"is not a readable web page ({type(error).__name__})") from None
    if result is None or not (result.text or "").strip():
        raise UnreadableHtml(source, NO_ARTICLE)
    canonical = _web_url(result.url or "") or _web_url(url)
    outlet = result.sitename or domain(canonical)
    if outlet and "." in outlet and outlet == (result.hostname or "") and canonical:
        outlet = domain(canonical)
    text = "\n\n".join(line.strip() for line in result.text.splitlines() if line.strip())  # one block, one paragraph
    document = make_document(text, source, kind, title=result.title or "", outlet=outlet,
                             author=result.author or "", date=result.date or "", url=canonical, guess_date=False,
                             error=UnreadableHtml)
    if document.word_count < MIN_ARTICLE_WORDS:
        raise UnreadableHtml(source, NO_ARTICLE)
    return document
