"""Bad input of every kind: one message naming the file and the reason, and nothing ever hangs or fills memory."""

from __future__ import annotations

import os
import threading
import time

import pytest

from viewer.storage.importers import (MAX_BYTES, NotARegularFile, TooLarge, UnreadableFile, expand, load,
                                      load_bytes, read)
from viewer.storage.importers.limits import read_capped

ARTICLE = "Storm hits the coast\n\nA powerful storm swept across the coast overnight, officials said.\n"


def _fifo(path):
    os.mkfifo(path)
    return path


def _link(target):
    def make(path):
        path.symlink_to(target)
        return path
    return make


def _loop(path):
    other = path.with_name("other.txt")
    path.symlink_to(other)
    other.symlink_to(path)
    return path


def _sparse(size):
    def make(path):
        with open(path, "wb") as handle:
            handle.truncate(size)  # a hole: the size is real, no disk is used
        return path
    return make


@pytest.mark.parametrize("make, reason", [
    (lambda p: p, "no such file"),  # never created
    (lambda p: (p.mkdir(), p)[1], "is a folder, not a file"),
    (lambda p: (p.write_bytes(b""), p)[1], "is empty"),
    (lambda p: (p.write_bytes(b"  \r\n\n \t"), p)[1], "is empty"),  # white space only
    (lambda p: (p.write_bytes(" \n".encode("utf-16")), p)[1], "is empty"),  # white space in UTF-16
    (lambda p: (p.write_bytes(bytes(range(256)) * 8), p)[1], "is binary data, not text"),
    (lambda p: (p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048)), p)[1], "is binary data, not text"),
    (lambda p: (p.write_bytes(b"{\\rtf1\\ansi Storm hits the coast\\par}"), p)[1], "is an RTF file"),  # markup
    (_fifo, "is a named pipe (FIFO), not a file"),  # would block a plain open() forever
    (_link("/dev/zero"), "is a device, not a file"),  # would be read until memory runs out
    (_link("/dev/null"), "is a device, not a file"),
    (_loop, "is a symbolic link loop"),
    (_link("/nonexistent/target.txt"), "no such file"),  # a dangling link
    (_sparse(MAX_BYTES + 1), "larger than the 50 MB limit"),
    (lambda p: (p.write_text(ARTICLE), p / "inside.txt")[1], "not a directory"),  # a path through a file
])
def test_bad_files_are_refused_with_one_message(tmp_path, make, reason):
    """Each bad file raises one UnreadableFile naming it and saying why, without hanging."""
    path = make(tmp_path / "article.txt")
    started = time.monotonic()
    with pytest.raises(UnreadableFile) as caught:
        load(path)
    assert time.monotonic() - started < 5
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)


def test_a_link_to_a_fifo_is_refused_before_it_is_opened(tmp_path):
    """A symbolic link to a named pipe is refused, and no writer is needed for the refusal to return."""
    fifo = _fifo(tmp_path / "pipe")
    link = _link(fifo)(tmp_path / "article.txt")
    with pytest.raises(NotARegularFile):
        read(link)


def test_the_size_limit_holds_while_reading_whatever_stat_says():
    """A file whose size reads as 0 (a /proc file) is still cut off at the limit, counted on the bytes read."""
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(TooLarge) as caught:
        read_capped("/proc/self/maps", limit=16)
    assert caught.value.reason == "is larger than the 16 bytes limit"


def test_an_oversized_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    """A file over the limit is refused from its size before a single byte of it is read."""
    path = _sparse(MAX_BYTES * 2)(tmp_path / "huge.txt")
    monkeypatch.setattr(os, "read", lambda *args: pytest.fail("read a file already known to be too large"))
    with pytest.raises(TooLarge) as caught:
        read(path)
    assert caught.value.reason == "is 100 MB, larger than the 50 MB limit"


def test_a_fifo_put_where_a_file_was_does_not_hang(tmp_path, monkeypatch):
    """A file swapped for a named pipe between the check and the open is refused at once, not waited on."""
    from viewer.storage.importers import limits

    path = tmp_path / "article.txt"
    path.write_text(ARTICLE)
    real_check = limits.check_regular

    def check_then_swap(target):
        info = real_check(target)
        path.unlink()
        os.mkfifo(path)  # the race a plain open() would lose: it would wait for a writer forever
        return info

    monkeypatch.setattr(limits, "check_regular", check_then_swap)
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(_refusal(path)), daemon=True)
    worker.start()
    worker.join(5)
    assert outcome == ["is a named pipe (FIFO), not a file"]


def _refusal(path):
    try:
        read(path)
    except UnreadableFile as error:
        return error.reason
    return None


def test_load_bytes_reads_a_kept_original_again(tmp_path):
    """The bytes kept from an import give the same document again ("Re-extract")."""
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="cp1252")
    first = load(path)
    again = load_bytes(first.original, name=first.original_name)
    assert again.document.text == first.document.text and again.document.title == "Storm hits the coast"


def _tree(root):
    """A dropped folder as users have them: articles, a saved page with its _files folder, hidden files."""
    (root / "sub").mkdir(parents=True)
    (root / "one.txt").write_text(ARTICLE)
    (root / "sub" / "two.md").write_text(ARTICLE)
    (root / "page.html").write_text("<html><body><p>x</p></body></html>")
    (root / "page_files").mkdir()
    (root / "page_files" / "script.html").write_text("<html>ad frame</html>")
    (root / "page_files" / "logo.png").write_bytes(b"\x89PNG")
    (root / ".hidden.txt").write_text(ARTICLE)
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text(ARTICLE)
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "sub" / "loop").symlink_to(root)  # a folder inside itself
    return root


def test_expand_walks_folders_and_reports_what_it_cannot_walk(tmp_path):
    """A dropped folder gives its articles once each; the loop is reported; page assets, hidden and image files are left out."""
    root = _tree(tmp_path / "drop")
    os.mkfifo(root / "pipe.txt")
    files, errors = expand([root, tmp_path / "missing.txt"])
    assert [path.relative_to(tmp_path).as_posix() for path in files] == [
        "drop/one.txt", "drop/page.html", "drop/sub/two.md", "missing.txt"]
    assert sorted(error.reason for error in errors) == [
        "is a named pipe (FIFO), not a file", "is a symbolic link loop (a folder inside itself); skipped"]
    assert all(str(root) in str(error) for error in errors)


def test_expand_goes_on_past_a_folder_it_cannot_list(tmp_path, monkeypatch):
    """A folder whose listing fails (no permission) is reported by name; the rest of the drop is still found."""
    root = _tree(tmp_path / "drop")
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = expand([root])
    assert [path.name for path in files] == ["one.txt", "page.html"]
    assert [(error.path, error.reason) for error in errors] == [
        (str(root / "sub"), "folder cannot be listed: permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_expand_reports_a_folder_it_may_not_list(tmp_path):
    """A folder that cannot be listed is reported by name and the rest of the drop goes on."""
    root = _tree(tmp_path / "drop")
    locked = root / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        files, errors = expand([root])
    finally:
        locked.chmod(0o755)
    assert any(str(locked) in str(error) and "permission denied" in error.reason for error in errors)
    assert root / "one.txt" in files


def test_a_folder_is_imported_in_the_order_a_file_manager_shows(tmp_path):
    """story-2 comes before story-10 (numbers by value, case aside), so a dropped folder's first two files,
    which open as the pair, are the first two a reader sees."""
    for name in ("story-10.txt", "Story-1.txt", "story-2.txt", "story-2b.txt"):
        (tmp_path / name).write_text(f"{name}: the council met about the library.\n", encoding="utf-8")
    files, errors = expand([tmp_path])
    assert [path.name for path in files] == ["Story-1.txt", "story-2.txt", "story-2b.txt", "story-10.txt"]
    assert errors == []
