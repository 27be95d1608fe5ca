"""A small reader for the reports' HTML (standard library only): every element with its attributes, and the
text of the cells of a table, so tests check what a reader gets, not how the markup is spelled."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements a report may use: text and tables. Anything else (script, img, link, iframe, object...) is a
# sign that document text was not escaped or a remote resource crept in.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "footer", "main", "section", "h1",
                "h2", "h3", "h4", "p", "br", "b", "i", "em", "strong", "span", "mark", "small", "sup", "ul", "ol",
                "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "abbr", "div",
                "nav", "dl", "dt", "dd", "figure", "figcaption"}


@dataclass
class Cell:
    tag: str
    attrs: dict
    text: str = ""
    classes_seen: list = field(default_factory=list)  # class attributes of elements inside the cell


@dataclass
class Page(HTMLParser):
    def __post_init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.tables: list[list[list[Cell]]] = []  # table -> rows -> cells
        self.styles: list[str] = []
        self.title = ""
        self._stack: list[str] = []
        self._cell: Cell | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in ("br", "meta"):
            self._stack.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self._cell = Cell(tag, attrs)
            self.tables[-1][-1].append(self._cell)
        elif self._cell is not None and "class" in attrs:
            self._cell.classes_seen.append(attrs["class"])

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop() == tag:
                break
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        current = self._stack[-1] if self._stack else ""
        if current == "style":
            self.styles.append(data)
        elif current == "title":
            self.title += data
        if self._cell is not None:
            self._cell.text += data


def read_page(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    page.close()
    return page
