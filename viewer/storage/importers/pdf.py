"""PDF files -> Document: the text layer, without the running headers, footers and page numbers.

pypdf reads the text layer page by page. A line that appears at the top or bottom of most pages (digits
ignored, so "Page 3 of 9" and "3" count as the same line on every page) is page furniture, not article text.
Lines are joined back into paragraphs: a line ends its paragraph when the next is blank or when it ends a
sentence well short of the page's usual line width; a word hyphenated across lines is joined.

Title, author and date come from the document's metadata when present (the date is its creation date).
A PDF with pages but no text is a scan ("this PDF has no text layer (scanned?)"); an encrypted one that
does not open with an empty password is refused as password-protected.

Exports: ``read_pdf(data, source) -> Document``.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from .documents import make_document
from .errors import UnreadablePdf

EDGE_LINES = 3  # lines at the top and at the bottom of a page where running headers and footers live
REPEAT_SHARE = 0.6  # a line at the edge of this share of pages (at least 2) is a running header or footer
PARAGRAPH_GAP = 1.4  # a gap between baselines this many times the usual line step starts a paragraph
# The usual line step is a low quantile of the steps, not their median: in news, paragraphs of one or two
# lines make most steps paragraph gaps. Steps under half the median (a superscript, a drop cap) are not lines.
LINE_STEP_QUANTILE = 0.1
NUMBERED_LINE_WORDS = 12  # a running line differing only in numbers ("Page 3 of 9") is at most this long
SHORT_LINE_SHARE = 0.75  # a sentence-ending line shorter than this share of the usual width ends a paragraph
MAX_PAGES = 2000  # pages read; an article is never longer, and a crafted file may claim millions

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about damaged files are ours to word
_DIGITS_RE = re.compile(r"\d+")
_PAGE_NUMBER_RE = re.compile(r"(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_CONVERTER_PREFIX_RE = re.compile(r"Microsoft (?:Word|PowerPoint|Excel) - ", re.IGNORECASE)
_FILE_NAME_RE = re.compile(r"\.(?:docx?|odt|rtf|pages|txt|html?|pdf)$", re.IGNORECASE)
_PLACEHOLDER_TITLE_RE = re.compile(r"|untitled(?: document)?|document\s*\d*|doc\d*|title", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?…:][\"'”’)\]]*$")


def _furniture_key(line: str) -> str:
    # Digits are ignored only in short lines: body lines of a list ("Ward 3 voted 10 to 5, ...") differ only in
    # their numbers too, and at the top of every page they are still article text.
    line = " ".join(line.split()).lower()
    return _DIGITS_RE.sub("#", line) if len(line.split()) <= NUMBERED_LINE_WORDS else line


def page_lines(page) -> list[str]:
    """The text lines of a pypdf page in reading order, with "" where a gap wider than a line opens.

    The gap is what marks a paragraph in a PDF: the text layer has no paragraph breaks, only positions.
    """
    rows: list[list] = []  # [baseline y, text] per line, in content-stream order

    def visit(text, cm, tm, font, size):
        if not text:
            return
        y = tm[5] * cm[3] + cm[5]
        for index, piece in enumerate(text.split("\n")):
            if index or not rows or abs(rows[-1][0] - y) > 1.0:
                if piece.strip() or index == 0:
                    rows.append([y, piece])
            else:
                rows[-1][1] += piece

    page.extract_text(visitor_text=visit)
    rows = [row for row in rows if row[1].strip()]
    steps = sorted(rows[i][0] - rows[i + 1][0] for i in range(len(rows) - 1) if rows[i][0] > rows[i + 1][0])
    lines_steps = [step for step in steps if step >= steps[len(steps) // 2] / 2] if steps else []
    usual = lines_steps[int(len(lines_steps) * LINE_STEP_QUANTILE)] if lines_steps else 0
    lines = []
    for index, (y, text) in enumerate(rows):
        if index and usual and rows[index - 1][0] - y > PARAGRAPH_GAP * usual:
            lines.append("")
        lines.append(" ".join(text.split()))
    return lines


def _edges(content: list[str]) -> set[int]:
    count = len(content)
    return set(range(min(EDGE_LINES, count))) | set(range(max(0, count - EDGE_LINES), count))


def remove_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages' lines without the headers, footers and page numbers repeated at their edges."""
    counts = Counter()
    for page in pages:
        content = [line for line in page if line.strip()]
        counts.update({_furniture_key(content[index]) for index in _edges(content)})
    threshold = max(2, REPEAT_SHARE * len(pages))
    running = {key for key, count in counts.items() if count >= threshold}
    cleaned = []
    for page in pages:
        content_index = [index for index, line in enumerate(page) if line.strip()]
        edge = {content_index[position] for position in _edges(content_index)}
        kept = [line for index, line in enumerate(page)
                if not (index in edge and (_furniture_key(line) in running or _PAGE_NUMBER_RE.fullmatch(line.strip())))]
        while kept and not kept[0].strip():
            kept.pop(0)
        cleaned.append(kept)
    return cleaned


def join_lines(lines: list[str]) -> str:
    """Hard-wrapped lines joined back into paragraphs (see the module docstring).

    A blank line (a gap in the layout) ends a paragraph. When the layout shows no gaps at all, a line that
    ends a sentence well short of the usual width ends one instead.
    """
    gaps = any(not line.strip() for line in lines)
    widths = sorted(len(line) for line in lines if line.strip())
    usual = widths[len(widths) * 3 // 4] if widths else 0
    paragraphs, current = [], ""
    for line in lines:
        line = line.strip()
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower() and current[-2:-1].isalpha():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if not gaps and _SENTENCE_END_RE.search(line) and len(line) < SHORT_LINE_SHARE * usual:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _pdf_date(value) -> str:
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(value or ""))
    if not match:
        return ""
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 and year >= 1900 else ""


def _pdf_title(title: str) -> str:
    """The metadata title, unless a converter put something else there: "Microsoft Word - draft3.docx" or
    "release.docx" name a file, "Untitled" or "Document1" name nothing (the first line is the title then)."""
    title = title.strip()
    if _CONVERTER_PREFIX_RE.match(title) or _FILE_NAME_RE.search(title) or _PLACEHOLDER_TITLE_RE.fullmatch(title):
        return ""
    return title


def _metadata(reader) -> dict:
    try:
        info = reader.metadata or {}
        return {"title": _pdf_title(str(info.get("/Title") or "")), "author": str(info.get("/Author") or ""),
                "date": _pdf_date(info.get("/CreationDate"))}
    except Exception:  # damaged metadata never costs the article its text
        return {}


def read_pdf(data: bytes, source: str):
    """The article in the PDF ``data``; raises ``UnreadablePdf`` with the reason when there is none."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (NotImplementedError, DependencyErrors) as error:
                raise UnreadablePdf(source, "is an encrypted PDF this app cannot decrypt") from error
            if not opened:
                raise UnreadablePdf(source, "is a password-protected PDF; open it and save a copy without a password")
        pages = []
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES:
                break
            pages.append(page_lines(page))
        metadata = _metadata(reader)
    except UnreadablePdf:
        raise
    except FileNotDecryptedError:
        raise UnreadablePdf(source, "is a password-protected PDF; open it and save a copy without a password") from None
    except (PdfReadError, *PARSE_ERRORS) as error:  # noqa: B014
        raise UnreadablePdf(source, f"is a damaged or truncated PDF ({type(error).__name__})") from None
    if not pages:
        raise UnreadablePdf(source, "is a PDF with no pages (damaged or truncated?)")
    # pages are joined without a break: a paragraph running over a page end is one paragraph
    lines = [line for page in remove_running_lines(pages) for line in page]
    if not any(line.strip() for line in lines) and any(line.strip() for page in pages for line in page):
        lines = [line for page in pages for line in page]  # every line repeats (one short page, twice): keep it
    text = join_lines(lines)
    if not text.strip():
        raise UnreadablePdf(source, "this PDF has no text layer (scanned?)")
    return make_document(text, source, "pdf", guess_date=not metadata.get("date"), error=UnreadablePdf, **metadata)


try:  # pypdf raises its own DependencyError for AES files when no crypto library is installed
    from pypdf.errors import DependencyError as DependencyErrors
except ImportError:  # pragma: no cover - older pypdf
    DependencyErrors = NotImplementedError
# What pypdf lets escape on crafted or truncated files, besides its own PdfReadError: it is pure Python and
# meets broken structure in many places.
PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError, LookupError,
                ArithmeticError, RecursionError, EOFError, OSError, NotImplementedError, UnicodeError)
