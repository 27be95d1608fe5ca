"""``framing-viewer quotes`` and ``framing-viewer provenance``: JSON and CSV on real files, and bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from bench.story_corpus import ALTER, DROP, SPLIT, TRIM, VERBATIM, Plan, story
from tests.conftest import SEED_FILES
from viewer.engine.text import tokenize

PYTHON = sys.executable
SEEDS = [str(SEED_FILES[number]) for number in ("000", "001", "002", "003")]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "viewer", *args], capture_output=True, text=True, timeout=120)


def keys(text: str) -> list[str]:
    return tokenize(text).keys


@pytest.fixture(scope="module")
def quotes_json():
    result = run("quotes", *SEEDS, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_quotes_json_has_the_documented_shape_and_offsets_point_at_the_quote(quotes_json):
    """Every row has its cells, one per document in date order, and each cell's offsets hold its words."""
    data = quotes_json
    assert set(data) == {"documents", "quotes"}
    assert [document["date"] for document in data["documents"]][0] == "2021-04-06"
    texts = [open(document["path"], encoding="utf-8").read().lstrip("\ufeff").replace("\r\n", "\n")
             for document in data["documents"]]
    for row in data["quotes"]:
        assert set(row) == {"text", "speaker", "origin", "origin_note", "reach", "first_appearance",
                            "alteration", "cells"}
        assert len(row["cells"]) == len(data["documents"])
        assert row["reach"] == sum(cell["state"] != "absent" for cell in row["cells"])
        for cell in row["cells"]:
            assert cell["state"] in {"verbatim", "altered", "partial", "absent"}
            if cell["state"] == "verbatim":
                carried = " ".join(texts[cell["document"]][start:end] for start, end in cell["pieces"])
                assert keys(carried) == keys(row["text"])
    be_a_man = next(row for row in data["quotes"] if keys(row["text"]) == keys("There is no 'Be a man' in our house"))
    assert be_a_man["reach"] == 4 and be_a_man["speaker"] == "Chrissy Teigen"
    assert data["documents"][be_a_man["origin"]]["date"] == "2021-04-06"


def test_quotes_csv_is_one_line_per_quotation_with_a_column_per_document(quotes_json):
    """The CSV opens in a spreadsheet: a header naming each document, then each quote and its cells."""
    result = run("quotes", *SEEDS, "--format", "csv", "--sort", "speaker")
    assert result.returncode == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    header, rows = table[0], table[1:]
    assert header[:6] == ["quote", "speaker", "origin", "origin_note", "reach", "alteration"]
    assert header[6:] == [document["label"] for document in quotes_json["documents"]]
    assert len(rows) == len(quotes_json["quotes"])
    be_a_man = next(row for row in rows if keys(row[0]) == keys("There is no 'Be a man' in our house"))
    assert be_a_man[4] == "4" and all(not cell.startswith("absent") for cell in be_a_man[6:])
    named = [row[1].lower() for row in rows if row[1]]
    assert named == sorted(named)


def test_provenance_json_names_people_as_each_re_reports_source():
    """The provenance JSON holds both directions of each pair and People as every re-report's source."""
    result = run("provenance", *SEEDS, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"documents", "links", "sources"}
    people = next(document["index"] for document in data["documents"] if document["date"] == "2021-04-06")
    for source in data["sources"]:
        assert source["source"] == (None if source["document"] == people else people)
    pairs = {(link["document"], link["other"]) for link in data["links"]}
    assert all((other, document) in pairs for document, other in pairs)
    assert all(0 < link["share"] <= 1 for link in data["links"])


def test_provenance_csv_marks_the_likely_source_with_its_evidence(tmp_path):
    """On a generated story the CSV marks, per re-report, the document it took from, with the evidence."""
    generated = story(4, [Plan((VERBATIM, ALTER, DROP, SPLIT)), Plan((TRIM, VERBATIM, VERBATIM, DROP), copy_from=1)],
                      quotes=4)
    paths = []
    for document in generated.documents:
        path = tmp_path / document.path
        path.write_text(f"date {document.date} {document.text}", encoding="utf-8")  # the date on the first line
        paths.append(str(path))
    result = run("provenance", *paths, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    likely = {row["document"]: row["other"] for row in rows if row["likely_source"] == "yes"}
    assert likely == {"derived_1": "original", "derived_2": "derived_1"}
    assert all(row["evidence"] for row in rows if row["likely_source"] == "yes")


@pytest.mark.parametrize("command", ["quotes", "provenance"])
@pytest.mark.parametrize("make, reason", [
    (lambda tmp: tmp / "missing.txt", "no such file"),  # a path that does not exist
    (lambda tmp: tmp, "is a folder, not a file"),  # a directory
    (lambda tmp: (tmp / "b.bin").write_bytes(bytes(range(256)) * 4) and tmp / "b.bin", "binary"),  # binary data
])
def test_a_bad_file_prints_one_line_naming_it_and_exits_2(tmp_path, command, make, reason):
    """A bad file among good ones stops the command with one line naming it and why, and no traceback."""
    bad = make(tmp_path)
    result = run(command, SEEDS[0], str(bad), SEEDS[1])
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0]


def test_story_commands_never_import_qt():
    """Both commands run without loading Qt, so they work on a server with no display."""
    code = (
        "import sys, io, contextlib; from viewer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['quotes', *{SEEDS!r}]) + main(['provenance', *{SEEDS!r}, '--format', 'csv'])\n"
        "print(rc, any(name.startswith('PySide6') for name in sys.modules))"
    )
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["0", "False"], result.stderr


@pytest.mark.parametrize("command", ["quotes", "provenance"])
def test_csv_never_passes_a_file_names_escape_sequence_to_the_terminal(tmp_path, command):
    """A file named with an ANSI/OSC escape (which would retitle the terminal) is labelled without it."""
    hostile = tmp_path / "\x1b]0;PWNED\x07people\x1b[31m.txt"
    hostile.write_bytes(SEED_FILES["003"].read_bytes())
    result = run(command, str(hostile), SEEDS[1], "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "PWNED" in result.stdout and "people" in result.stdout
    assert not any(ord(char) < 32 and char not in "\r\n" or 0x7f <= ord(char) < 0xa0 for char in result.stdout)
