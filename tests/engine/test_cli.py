"""The command line: ``framing-viewer compare`` in text and JSON, and its errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED_FILES

PYTHON = sys.executable


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "viewer", *args], capture_output=True, text=True, timeout=120)


def test_json_contract_on_the_seeds():
    """The JSON output has the documented shape, and its spans cover every non-space character once."""
    result = run("compare", str(SEED_FILES["003"]), str(SEED_FILES["002"]), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"left", "right", "passages", "spans", "stats"}
    for side in ("left", "right"):
        assert set(data[side]) >= {"path", "title", "outlet", "date", "text"}
        text = data[side]["text"]
        covered = [0] * len(text)
        for span in data["spans"][side]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            for offset in range(span["start"], span["end"]):
                covered[offset] += 1
        assert all(covered[i] == 1 for i, char in enumerate(text) if not char.isspace())
        assert sum(data["stats"][side].values()) > 0
    assert data["left"]["date"] == "2021-04-06"
    passage = data["passages"][0]
    assert set(passage) == {"left", "right", "quote", "edits"} and set(passage["edits"]) == {"left", "right"}
    starts = [passage["left"][0] for passage in data["passages"]]
    assert starts == sorted(starts)
    assert any(passage["quote"] for passage in data["passages"])


def test_text_summary_lists_shared_quotes_and_framing():
    """The readable summary shows shares, the shared quotes side by side and each side's framing."""
    result = run("compare", str(SEED_FILES["003"]), str(SEED_FILES["001"]))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "SHARED QUOTES" in out and "RIGHT FRAMING" in out
    assert "toxic masculinity has on society" in out
    assert "shared-quote" in out


@pytest.mark.parametrize("make, reason", [
    (lambda tmp: tmp / "missing.txt", "no such file"),  # a path that does not exist
    (lambda tmp: tmp, "is a folder, not a file"),  # a directory
    (lambda tmp: (tmp / "e.txt").write_text("") and tmp / "e.txt" or tmp / "e.txt", "is empty"),  # empty file
    (lambda tmp: (tmp / "b.bin").write_bytes(bytes(range(256)) * 4) and tmp / "b.bin", "binary"),  # binary data
])
def test_bad_input_prints_one_line_and_fails(tmp_path, make, reason):
    """A bad file gives one line naming the file and the reason, a non-zero exit and no traceback."""
    bad = make(tmp_path)
    result = run("compare", str(SEED_FILES["003"]), str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_compare_never_imports_qt():
    """The command line compares two files without loading Qt, so it works with no display."""
    code = (
        "import sys, io, contextlib; from viewer.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): rc = main(['compare', {str(SEED_FILES['003'])!r}, "
        f"{str(SEED_FILES['000'])!r}])\n"
        "print(rc, any(name.startswith('PySide6') for name in sys.modules))"
    )
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["0", "False"], result.stderr


def test_help_names_the_window_options_and_compare():
    """--help tells how to open the window with files, where the library lives, and how to compare."""
    result = run("--help")
    assert result.returncode == 0
    for option in ("FILE", "--data-dir", "--screenshot", "compare LEFT RIGHT"):
        assert option in result.stdout


def test_impossible_setting_is_refused_with_the_allowed_range():
    """--min-words 0 is refused with one line saying what is allowed, and status 2."""
    result = run("compare", str(SEED_FILES["003"]), str(SEED_FILES["001"]), "--min-words", "0")
    assert result.returncode == 2
    assert result.stderr.strip() == "framing-viewer: min-words must be at least 1, not 0"
