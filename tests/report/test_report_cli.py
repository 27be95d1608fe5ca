"""``framing-viewer report``: the pair or story report from files or the library, without Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import SEED_FILES
from tests.report.page import read_page
from viewer.storage.importers import read_document
from viewer.storage.library import Library

PYTHON = sys.executable


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "viewer", *args], capture_output=True, text=True, timeout=120)


def test_two_files_give_the_pair_report_without_loading_qt(tmp_path):
    """Two files make a side-by-side page, and the command never loads Qt (it runs on a server)."""
    out = tmp_path / "pair.html"
    code = ("import sys; from viewer.cli import main\n"
            f"rc = main(['report', {str(SEED_FILES['003'])!r}, {str(SEED_FILES['001'])!r}, '-o', {str(out)!r}])\n"
            "print(rc, any(name.startswith('PySide6') for name in sys.modules))")
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["0", "False"], result.stderr
    assert "pair report" in result.stderr and str(out) in result.stderr
    page = read_page(out.read_text(encoding="utf-8"))
    assert any(len(table[0]) == 3 and "Chrissy Teigen Is Fighting" in table[0][2].text for table in page.tables if table)


def test_library_pair_report_uses_the_libraries_edited_outlets(tmp_path):
    """--library --data-dir reports on the documents stored there, with the outlet names the user set."""
    library = Library.open(tmp_path / "lib")
    for number, outlet in (("003", "People"), ("002", "Fatherly")):
        library.add(read_document(SEED_FILES[number], outlet=outlet))
    library.close()
    out = tmp_path / "lib.html"
    result = run("report", "--library", "--data-dir", str(tmp_path / "lib"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert read_page(out.read_text(encoding="utf-8")).title.startswith("People → Fatherly")


@pytest.mark.parametrize("arguments, reason", [
    (lambda tmp: [str(SEED_FILES["003"])], "a report needs two or more"),  # one file
    (lambda tmp: [str(SEED_FILES["003"]), str(tmp / "missing.txt")], "missing.txt: no such file"),  # no file
    (lambda tmp: [], "either FILE... or --library"),  # nothing to report on
    (lambda tmp: ["--library", "--data-dir", str(tmp / "empty")], "library holds 0 documents"),  # empty library
])
def test_bad_input_prints_one_line_and_fails(tmp_path, arguments, reason):
    """Nothing usable to report on: one line saying why, status 2, no file written, no traceback."""
    out = tmp_path / "r.html"
    result = run("report", *arguments(tmp_path), "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0], result.stderr
    assert not out.exists()


def test_unwritable_output_is_one_clear_line(tmp_path):
    """An output path in a folder that does not exist is named, with the reason."""
    out = tmp_path / "no" / "such" / "r.html"
    result = run("report", str(SEED_FILES["003"]), str(SEED_FILES["000"]), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == f"framing-viewer: cannot write {out}: No such file or directory"


@pytest.mark.parametrize("count", [2, 3])  # the pair report and the story report
def test_a_file_name_with_control_characters_gives_a_valid_page_without_them(tmp_path, count):
    """A file named with an escape sequence is labelled without its control characters, which are not
    allowed in HTML (browsers show them as boxes); the rest of its name stays."""
    hostile = tmp_path / "\x1b]0;PWNED\x07people\x1b[31m.txt"
    hostile.write_bytes(SEED_FILES["003"].read_bytes())
    out = tmp_path / "r.html"
    others = [str(SEED_FILES[number]) for number in ("000", "001")][:count - 1]
    result = run("report", str(hostile), *others, "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "PWNED" in page and "people" in page
    assert not any(ord(char) < 32 and char not in "\t\r\n" or 0x7f <= ord(char) < 0xa0 for char in page)
