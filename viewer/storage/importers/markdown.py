"""Markdown files (``.md``, ``.markdown``: notes, and articles saved by web clippers) -> Document.

Web clippers (Obsidian Web Clipper, MarkDownload) save an article as Markdown headed by a YAML front-matter
block with its title, source address, author and publication date: those fill the metadata (the outlet is
the site's name when given, else the source's domain). The body's markup is taken out so that it is not
compared as words (a link's address would count as the outlet's own framing): heading and block-quote marks,
emphasis, link targets ("[the report](https://…)" keeps "the report"), images and rules.
Everything else stays as written.

Exports: ``read_markdown(data, source) -> Document``, ``MARKDOWN_SUFFIXES``.
"""

from __future__ import annotations

import re

from .documents import make_document
from .html import domain
from .text import checked_text

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Front-matter keys, as the common clippers and static-site generators write them, for each field.
FIELD_KEYS = {
    "title": ("title", "headline"),
    "url": ("source", "url", "link", "canonical", "original_url", "source_url"),
    "author": ("author", "authors", "byline", "creator"),
    "date": ("published", "date_published", "datepublished", "publish_date", "date", "created"),
    "outlet": ("site", "site_name", "sitename", "publisher", "outlet"),
}

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_RE = re.compile(r"^([A-Za-z_][\w -]*?)[ \t]*:[ \t]*(.*)$")
_ITEM_RE = re.compile(r"^[ \t]+-[ \t]+(.*)$")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Every repeat is bounded and stays on its line: a crafted file of "![a](" a million times must not take
# quadratic time.
_MARKUP = (
    # an image (its alt text is a caption at best: "hero")
    (re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)"), ""),
    # a link: its text
    (re.compile(r"\[([^\]\n]{1,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?\)"),
     r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # an autolink
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE), r"\1"),  # a heading
    (re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE), ""),  # block-quote marks
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # a rule
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis with *
    (re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"), r"\1"),  # emphasis with _ (never snake_case)
)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter's fields this app reads, and the text after it."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return dict.fromkeys(FIELD_KEYS, ""), text
    values: dict[str, str] = {}
    key = ""
    for line in match.group(1).splitlines():
        item = _ITEM_RE.match(line)
        if item and key and not values.get(key):  # a list ("author:\n  - Jane Doe"): its first item
            values[key] = item.group(1)
            continue
        found = _KEY_RE.match(line)
        if found:
            key = found.group(1).strip().lower().replace(" ", "_")
            values.setdefault(key, found.group(2))
    fields = {}
    for field, keys in FIELD_KEYS.items():
        value = next((_plain_value(values[key]) for key in keys if _plain_value(values.get(key, ""))), "")
        fields[field] = value
    iso = _ISO_DATE_RE.search(fields["date"])
    fields["date"] = "-".join(iso.groups()) if iso else ""
    if not fields["url"].lower().startswith(("http://", "https://")):
        fields["url"] = ""
    return fields, text[match.end():]


def _plain_value(value: str) -> str:
    """A YAML scalar as text: quotes, a one-item list's brackets and wiki-link brackets ([[Jane Doe]]) off."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]") and not value.startswith("[["):
        value = value[1:-1].split(",")[0].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.replace("[[", "").replace("]]", "").strip()


def plain_markdown(text: str) -> str:
    """``text`` without the Markdown markup listed in the module docstring."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text)  # what a removed rule or image leaves


def read_markdown(data: bytes, source: str):
    """The Document for the Markdown bytes ``data`` read from ``source``; raises ``UnreadableText``."""
    text = checked_text(data, source)
    fields, body = _front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    fields["outlet"] = fields["outlet"] or domain(fields["url"])
    return make_document(plain_markdown(body), source, "text", **fields)
