"""`framing-viewer import`: headless imports, their exit codes, two at once, and a kill in the middle."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.storage.test_library_safety import write_other_programs_database
from viewer.engine import Document
from viewer.storage.library import Library, content_hash, original_path
from viewer.storage.paths import library_file

PYTHON = sys.executable
SUBJECTS = ("bridge", "school budget", "harbour dredging", "library hours", "bus lanes", "park lighting")


def article(number: int) -> str:
    """A short, distinct news article (its number is spelled into the headline and body)."""
    subject = SUBJECTS[number % len(SUBJECTS)]
    return (f"Council vote number {number} on the {subject}\n\n"
            f"The city council voted on the {subject} on Tuesday, item {number} of the evening. "
            f"\"We have waited {number} weeks for this,\" the chair told reporters after the meeting.\n\n"
            f"Residents who spoke at the hearing were divided; the {subject} plan now goes to the mayor.\n")


def write_articles(folder: Path, count: int) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for number in range(count):
        path = folder / f"story-{number:03}.txt"
        path.write_text(article(number), encoding="utf-8")
        paths[article(number)] = path
    return paths


def import_command(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-m", "viewer", "import", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def run_import(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "viewer", "import", *args], capture_output=True, text=True, timeout=120)


def test_import_adds_files_and_folders_and_exits_0(tmp_path, private_data_dir):
    """Importing a folder and a file adds each article once, keeps the originals, and exits 0."""
    paths = write_articles(tmp_path / "clippings", 5)
    extra = tmp_path / "extra.md"
    extra.write_text(article(99), encoding="utf-8")
    result = run_import("--data-dir", str(private_data_dir), str(tmp_path / "clippings"), str(extra))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "no progress line when stderr is not a terminal"
    assert result.stdout.strip() == "6 added, 0 already in the library, 0 failed"
    library = Library.open(private_data_dir)
    assert sorted(library.text(entry.id) for entry in library.entries()) == sorted([*paths, article(99)])
    for entry in library.entries():
        assert library.original_path(entry.id).read_bytes() == library.text(entry.id).encode("utf-8")
    again = run_import("--data-dir", str(private_data_dir), str(extra))
    assert again.returncode == 0 and again.stdout.strip() == "0 added, 1 already in the library, 0 failed"


def test_import_names_each_failure_and_exits_1(tmp_path, private_data_dir):
    """An empty file and a missing one each get one line with name and reason; the good file is added; exit 1."""
    good = tmp_path / "good.txt"
    good.write_text(article(1), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = run_import("--data-dir", str(private_data_dir), str(empty), str(good), str(missing))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"framing-viewer: cannot import {empty}: is empty",
                     f"framing-viewer: cannot import {missing}: no such file"]
    assert result.stdout.strip() == "1 added, 0 already in the library, 2 failed"
    assert len(Library.open(private_data_dir)) == 1


def test_import_usage_errors_exit_2(private_data_dir):
    """`import` with nothing to import, or an unknown option, is a usage error: status 2, nothing written."""
    assert run_import().returncode == 2
    assert run_import("--no-such-option", "x.txt").returncode == 2
    assert not library_file(private_data_dir).exists()


@pytest.mark.parametrize("command", ["import", "report"])
def test_a_data_dir_that_is_a_file_is_named_in_words(tmp_path, command):
    """--data-dir pointing at a file says "is a file, not a folder", not Python's "[Errno 17] File exists"."""
    not_a_folder = tmp_path / "article.html"
    not_a_folder.write_text("<html><body><p>An article the user meant to import.</p></body></html>")
    before = not_a_folder.read_bytes()
    arguments = [str(not_a_folder)] if command == "import" else ["--library", "-o", str(tmp_path / "x.html")]
    result = subprocess.run([PYTHON, "-m", "viewer", command, "--data-dir", str(not_a_folder), *arguments],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == (1 if command == "import" else 2)
    assert f"{not_a_folder}: is a file, not a folder" in result.stderr
    assert "Errno" not in result.stderr and not_a_folder.read_bytes() == before


def test_import_refuses_a_foreign_library_and_leaves_it_unchanged(tmp_path, private_data_dir):
    """`import` into another program's database says so, exits 1, and the file keeps every byte."""
    private_data_dir.mkdir(parents=True)
    path = library_file(private_data_dir)
    write_other_programs_database(path)
    before = path.read_bytes()
    good = tmp_path / "good.txt"
    good.write_text(article(2), encoding="utf-8")
    result = run_import("--data-dir", str(private_data_dir), str(good))
    assert result.returncode == 1
    assert "another program's SQLite database" in result.stderr and str(path) in result.stderr
    assert path.read_bytes() == before


def test_import_never_imports_qt(tmp_path, private_data_dir):
    """`import` adds files without loading Qt, so it works on a server with no display."""
    good = tmp_path / "good.txt"
    good.write_text(article(3), encoding="utf-8")
    code = ("import sys, io, contextlib; from viewer.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()): rc = main(['import', '--data-dir', "
            f"{str(private_data_dir)!r}, {str(good)!r}])\n"
            "print(rc, any(name.startswith('PySide6') for name in sys.modules))")
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["0", "False"], result.stderr


def test_two_imports_of_the_same_files_at_once_report_duplicates_not_errors(tmp_path, private_data_dir):
    """Two processes importing the same 200 files at the same moment: no false error, every file once."""
    paths = write_articles(tmp_path / "same", 200)
    processes = [import_command("--data-dir", str(private_data_dir), str(tmp_path / "same")) for _ in range(2)]
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (out, err) in zip(processes, outputs):
        assert process.returncode == 0, err
        assert err == ""
    counts = [tuple(int(word) for word in out.split() if word.isdigit()) for out, _ in outputs]
    assert sum(added for added, _, _ in counts) == 200
    assert all(added + duplicates == 200 and failed == 0 for added, duplicates, failed in counts)
    library = Library.open(private_data_dir)
    assert sorted(library.text(entry.id) for entry in library.entries()) == sorted(paths)


def document_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def assert_library_consistent(folder: Path, expected: dict[str, Path]) -> int:
    """The library opens, passes SQLite's integrity check, and each document is whole: returns the count."""
    library = Library.open(folder)
    try:
        assert library._db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        entries = library.entries()
        for entry in entries:
            text = library.text(entry.id)
            assert text in expected, "every stored text is one of the files, whole"
            assert entry.hash == content_hash(text)
            assert entry.words == Document(text).word_count
            assert entry.title == text.split("\n", 1)[0]
            kept = original_path(folder, entry.original)
            assert kept is not None and kept.read_bytes() == expected[text].read_bytes()
            assert hashlib.sha256(kept.read_bytes()).hexdigest() == entry.original
        assert len({entry.hash for entry in entries}) == len(entries)
        return len(entries)
    finally:
        library.close()


@pytest.mark.timeout(300)
def test_killing_an_import_part_way_leaves_a_consistent_library(tmp_path, private_data_dir):
    """An import killed (SIGKILL) at several points leaves a library that opens, checks out and holds only
    whole documents; the next import completes it."""
    expected = write_articles(tmp_path / "many", 300)
    database = library_file(private_data_dir)
    previous = 0
    for kill_at in (1, 40, 120, 200):
        process = import_command("--data-dir", str(private_data_dir), str(tmp_path / "many"))
        deadline = time.monotonic() + 60
        while document_count(database) < kill_at and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert process.poll() is None, "the import was still running when killed"
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
        count = assert_library_consistent(private_data_dir, expected)
        assert count >= max(kill_at, previous)
        previous = count
    finished = run_import("--data-dir", str(private_data_dir), str(tmp_path / "many"))
    assert finished.returncode == 0, finished.stderr
    assert assert_library_consistent(private_data_dir, expected) == 300
    leftovers = [path for path in private_data_dir.rglob("*") if path.name.endswith((".part", ".new"))]
    assert len(leftovers) <= 4, "at most one unfinished temporary file per kill"




def test_import_into_a_read_only_library_says_so_and_changes_nothing(tmp_path, private_data_dir, monkeypatch,
                                                                     capsys):
    """`import` into a library the user may not write says it is read-only, exits 1 and changes no byte."""
    from viewer.cli import main
    from viewer.storage import library as library_module

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(article(5), encoding="utf-8")
    second.write_text(article(6), encoding="utf-8")
    assert main(["import", "--data-dir", str(private_data_dir), str(first)]) == 0
    before = library_file(private_data_dir).read_bytes()
    monkeypatch.setattr(library_module, "_writable", lambda path: False)  # tests may run as root
    assert main(["import", "--data-dir", str(private_data_dir), str(second)]) == 1
    assert "is read-only: nothing can be added" in capsys.readouterr().err
    assert library_file(private_data_dir).read_bytes() == before


def test_import_shows_a_progress_line_on_a_terminal(tmp_path, private_data_dir):
    """On a terminal, `import` shows how far it is on one line that it rewrites, and clears it at the end."""
    import pty

    write_articles(tmp_path / "few", 3)
    controller, terminal = pty.openpty()
    try:
        process = subprocess.run([PYTHON, "-m", "viewer", "import", "--data-dir", str(private_data_dir),
                                  str(tmp_path / "few")], stdout=subprocess.PIPE, stderr=terminal, timeout=120)
        os.close(terminal)
        terminal = None
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal's other end is closed: everything has been read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
        if terminal is not None:
            os.close(terminal)
    assert process.returncode == 0
    assert b"importing 0 of 3 story-000.txt" in shown and b"importing 2 of 3 story-002.txt" in shown
    assert shown.endswith(b"\r\x1b[K"), "the progress line is cleared when the import ends"
