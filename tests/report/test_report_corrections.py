"""The reader's corrections in the reports and the story commands: a corrected pair's report marks them as
the window does, and ``report``, ``quotes`` and ``provenance`` with ``--library`` apply them and say so."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.engine.harbour import LEDGER, PARAPHRASE, POST, QUOTE, WAVE, documents, link_paraphrase, where
from tests.report.page import read_page
from viewer.engine import compare
from viewer.engine.corrections import Correction, content_hash, with_corrections
from viewer.report.html import pair_report
from viewer.storage.corrections import save_correction
from viewer.storage.library import Library


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True, timeout=120)


def passage_rows(page):
    table = next(table for table in page.tables if table and len(table[0]) == 3 and table[0][1].text == "Passage")
    return [row for row in table[1:] if len(row) == 3]


def test_a_corrected_pairs_report_marks_the_readers_link_on_both_sides_and_in_the_legend():
    """The pair report of a pair with a reader's link: that passage's row says "your link", both its ends are
    marked as the reader's, the legend explains the mark, and nothing the engine found is marked."""
    ledger, wave = documents()[:2]
    page = read_page(pair_report(with_corrections(compare(ledger, wave), [link_paraphrase()])))
    marked = [row for row in passage_rows(page) if any("reader" in seen for cell in row for seen in cell.classes_seen)]
    assert len(marked) == 1
    left, marker, right = marked[0]
    assert "your link" in marker.text and "shared quote" in marker.text
    assert QUOTE in " ".join(left.text.split()) and PARAPHRASE in " ".join(right.text.split())
    legend = next(table for table in page.tables if table and table[0][0].text == "Colour")
    assert any(row[0].text == "Your correction" for row in legend)

    plain = read_page(pair_report(compare(ledger, wave)))
    assert not any("reader" in seen for row in passage_rows(plain) for cell in row for seen in cell.classes_seen)
    legend = next(table for table in plain.tables if table and table[0][0].text == "Colour")
    assert not any(row[0].text == "Your correction" for row in legend)


@pytest.fixture
def library_folder(tmp_path):
    """A library holding the three harbour articles and the reader's link of the quote to its paraphrase;
    the articles also as files."""
    folder = tmp_path / "library"
    library = Library.open(folder)
    for document in documents():
        library.add(document)
    save_correction(library, content_hash(LEDGER), content_hash(WAVE), link_paraphrase())
    library.close()
    for name, text in (("ledger.txt", LEDGER), ("wave.txt", WAVE), ("post.txt", POST)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return folder


def test_report_with_the_library_applies_its_corrections_and_says_so(library_folder, tmp_path):
    """``report --library``: the story's matrix has the Wave's cell of the quote as the reader's link and the
    Ledger as the Wave's likely source; two files with ``--library`` give the pair with the link marked."""
    out = tmp_path / "story.html"
    result = run("report", "--library", "--data-dir", str(library_folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 of your corrections from the library applied" in result.stderr
    page = read_page(out.read_text(encoding="utf-8"))
    matrix = next(table for table in page.tables if table and table[0][0].text == "Quotation")
    wave = [cell.text for cell in matrix[0]].index(next(cell.text for cell in matrix[0] if "Daily Wave" in cell.text))
    row = next(row for row in matrix[1:] if QUOTE[:40] in row[0].text)
    assert row[wave].text.startswith("altered") and "your link" in row[wave].text
    assert not any(PARAPHRASE[:30] in row[0].text for row in matrix[1:])
    documents_table = next(table for table in page.tables if table and table[0][0].text == "#")
    assert next(row for row in documents_table if row[1].text == "Daily Wave")[5].text.startswith("Coastal Ledger:")

    out = tmp_path / "pair.html"
    result = run("report", str(tmp_path / "ledger.txt"), str(tmp_path / "wave.txt"), "--library", "--data-dir",
                 str(library_folder), "-o", str(out))
    assert result.returncode == 0 and "1 of your corrections" in result.stderr, result.stderr
    rows = passage_rows(read_page(out.read_text(encoding="utf-8")))
    assert [row[1].text for row in rows if "your link" in row[1].text]


def test_quotes_and_provenance_with_the_library_mark_the_readers_cells_and_count_the_corrections(library_folder, tmp_path):
    """``quotes FILE... --library`` marks the Wave's linked cell ``"source": "reader"`` and the rest
    ``"engine"``; ``provenance`` counts the Wave's shared words with the Ledger; without ``--library``
    neither the link nor a ``source`` key is there."""
    files = [str(tmp_path / name) for name in ("ledger.txt", "wave.txt", "post.txt")]
    result = run("quotes", *files, "--library", "--data-dir", str(library_folder))
    assert result.returncode == 0, result.stderr
    assert "1 of your corrections from the library applied" in result.stderr
    data = json.loads(result.stdout)
    assert data["corrections"] == {"applied": 1, "stale": 0, "pairs": 1, "source": "reader"}
    row = next(row for row in data["quotes"] if row["text"] == QUOTE)
    labels = [document["label"] for document in data["documents"]]
    sources = {labels[cell["document"]]: cell["source"] for cell in row["cells"] if cell["state"] != "absent"}
    assert sources == {"Coastal Ledger": "engine", "Daily Wave": "reader"}
    wave_cell = row["cells"][labels.index("Daily Wave")]
    assert [wave_cell["start"], wave_cell["end"]] == list(where(WAVE, PARAPHRASE))

    plain = json.loads(run("quotes", *files).stdout)
    assert "corrections" not in plain and all("source" not in cell for row in plain["quotes"] for cell in row["cells"])
    assert next(row for row in plain["quotes"] if row["text"] == QUOTE)["reach"] == 1

    linked = json.loads(run("provenance", *files, "--library", "--data-dir", str(library_folder)).stdout)
    wave, ledger = labels.index("Daily Wave"), labels.index("Coastal Ledger")
    link = next(link for link in linked["links"] if (link["document"], link["other"]) == (wave, ledger))
    assert link["passages"] == link["reader_passages"] == [list(where(WAVE, PARAPHRASE))]
    assert not json.loads(run("provenance", *files).stdout)["links"]


def test_an_unlink_in_the_library_takes_the_link_out_of_the_report_again(library_folder, tmp_path):
    """The reader unlinks the passage they linked: the story report no longer shows it."""
    library = Library.open(library_folder)
    unlink = Correction.made("unlink", LEDGER, WAVE, where(LEDGER, QUOTE), where(WAVE, PARAPHRASE))
    save_correction(library, content_hash(LEDGER), content_hash(WAVE), unlink)
    library.close()
    out = tmp_path / "story.html"
    result = run("report", "--library", "--data-dir", str(library_folder), "-o", str(out))
    assert result.returncode == 0 and "2 of your corrections from the library applied" in result.stderr
    page = read_page(out.read_text(encoding="utf-8"))
    matrix = next(table for table in page.tables if table and table[0][0].text == "Quotation")
    assert not any("your link" in cell.text for row in matrix for cell in row)
    assert any(PARAPHRASE[:30] in row[0].text for row in matrix[1:])
