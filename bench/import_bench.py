"""Import benchmark: 200 saved web pages through the importer, and extraction quality on the test pages.

Prints two tables. The first times ``load(path)`` on 200 saved pages written to a temporary folder
(generated articles of about 800 words in the three layouts of ``bench/web_pages.py``): median per page and
total; the target is under 30 ms per page median. The second scores trafilatura's settings on the test
pages (the hand-written ones the importer tests use, one kept without its metadata, and 30 generated
ones): the share of article
paragraphs kept, the page furniture and comments that leaked in, and the metadata fields right (title,
outlet, author, date, URL). The importer uses the precision setting; the table says why.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.web_pages import bench_pages, generated_page
from viewer.storage.importers import UnreadableFile, load
from viewer.storage.importers.html import EXTRACTION, read_html

PAGES = 200
TARGET_MS = 30.0  # median milliseconds per page
SETTINGS = {
    "precision (used)": EXTRACTION,
    "default": dict(EXTRACTION, favor_precision=False),
    "recall": dict(EXTRACTION, favor_precision=False, favor_recall=True),
}
FIELDS = ("title", "outlet", "author", "date", "url")


def time_pages() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for seed in range(PAGES):
            path = Path(folder) / f"page-{seed:03d}.html"
            path.write_text(generated_page(seed).html, encoding="utf-8")
            paths.append(path)
        load(paths[0])  # imports trafilatura and its tables once, as the app does at its first page
        times = []
        started = time.perf_counter()
        for path in paths:
            begin = time.perf_counter()
            load(path)
            times.append((time.perf_counter() - begin) * 1000)
        total = time.perf_counter() - started
    median = statistics.median(times)
    print("| import | pages | median per page | slowest | total | target |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| saved web pages (~800 words) | {PAGES} | {median:.1f} ms | {max(times):.1f} ms | {total:.2f} s "
          f"| under {TARGET_MS:.0f} ms median: {'met' if median < TARGET_MS else 'MISSED'} |")


def _median_ms(function, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        function()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def time_documents() -> None:
    """One PDF and one Word file of a long article (written by the test tools, fpdf2 and python-docx)."""
    import io

    import docx
    from fpdf import FPDF

    from bench.corpus import generate_article
    from viewer.storage.importers import load_bytes

    paragraphs = [line for line in generate_article(5, 5000, curly=False).text().split("\n") if line.strip()]
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(4)
    pdf_bytes = bytes(pdf.output())
    word = docx.Document()
    for paragraph in paragraphs:
        word.add_paragraph(paragraph)
    out = io.BytesIO()
    word.save(out)
    print("\n| import | size | median |")
    print("| --- | --- | --- |")
    print(f"| PDF, 5,000 words | {len(pdf.pages)} pages | {_median_ms(lambda: load_bytes(pdf_bytes, 'a.pdf')):.0f} ms |")
    print(f"| Word .docx, 5,000 words | {len(paragraphs)} paragraphs | "
          f"{_median_ms(lambda: load_bytes(out.getvalue(), 'a.docx')):.0f} ms |")


def score(settings: dict, pages) -> tuple[float, int, int, int]:
    """(paragraphs kept, furniture and comment phrases leaked, in-article clutter kept, metadata right, fields)."""
    kept = total = leaked = clutter = right = fields = 0
    for page in pages:
        try:
            document = read_html(page.html.encode("utf-8"), page.name, extraction=settings)
        except UnreadableFile:
            document = None
        text = document.text if document else ""
        total += len(page.paragraphs)
        kept += sum(paragraph in text for paragraph in page.paragraphs)
        leaked += sum(phrase in text for phrase in page.furniture + page.comments)
        clutter += sum(phrase in text for phrase in page.clutter)
        fields += len(FIELDS)
        right += sum(document is not None and getattr(document, name) == getattr(page, name) for name in FIELDS)
    return kept / total, leaked, clutter, right, fields


def quality() -> None:
    pages = bench_pages()
    print(f"\nextraction quality on {len(pages)} test pages")
    clutter_total = sum(len(page.clutter) for page in pages)
    print("| trafilatura settings | article paragraphs kept | furniture or comments leaked "
          f"| in-article clutter kept (of {clutter_total}) | metadata right |")
    print("| --- | --- | --- | --- | --- |")
    for name, settings in SETTINGS.items():
        kept, leaked, clutter, right, fields = score(settings, pages)
        print(f"| {name} | {kept:.1%} | {leaked} | {clutter} | {right}/{fields} |")


def main() -> None:
    time_pages()
    time_documents()
    quality()


if __name__ == "__main__":
    main()
