"""Reading article files: encodings, and a clear reason for every file that cannot be read."""

import pytest

from viewer.storage.importers import UnreadableFile, read_document
from viewer.storage.intake import named_sources


def test_utf8_with_bom_and_crlf(tmp_path):
    """A Windows-saved UTF-8 file reads with the mark removed and \\n line ends."""
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffHeadline\r\n\r\n“Quote,” she said.\r\n".encode("utf-8"))
    document = read_document(path)
    assert document.text == "Headline\n\n“Quote,” she said.\n"
    assert document.title == "Headline"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_legacy_encodings(tmp_path, encoding):
    """Windows-1252 and UTF-16 files read with their curly quotes intact."""
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes("Headline\n\n“Café,” she said.".encode(encoding))
    assert read_document(path).text == "Headline\n\n“Café,” she said."


@pytest.mark.parametrize("make, reason", [
    (lambda p: p, "no such file"),  # never created
    (lambda p: (p.mkdir(), p)[1], "is a folder, not a file"),  # a directory
    (lambda p: (p.write_bytes(b""), p)[1], "is empty"),  # zero bytes
    (lambda p: (p.write_bytes(b"  \n\n \t"), p)[1], "is empty"),  # only white space
    (lambda p: (p.write_bytes(bytes(range(256)) * 8), p)[1], "is binary data, not text"),  # binary
    (lambda p: (p.write_bytes(b"... -- !!! ??"), p)[1], "has no words"),  # punctuation only
])
def test_unreadable_files_name_the_file_and_reason(tmp_path, make, reason):
    """Each unreadable file raises one error whose message names the file and the reason."""
    path = make(tmp_path / "article.txt")
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    assert caught.value.reason == reason
    assert str(path) in str(caught.value)


def test_pasted_text_names_files_and_links_only_when_every_line_does(tmp_path):
    """A file's path, its file:// link and a web address pasted one a line are imported as what they name; an
    article quoting a link, or a path that does not exist ("/etc is…"), stays text to read."""
    story = tmp_path / "valley story.txt"
    story.write_text("Flood waters rose in the valley.\n", encoding="utf-8")
    link = story.as_uri()
    pasted = f"{story}\n  {link}\n\nhttps://news.example.com/valley\n"
    assert named_sources(pasted) == [str(story), link, "https://news.example.com/valley"]
    assert named_sources("Read more at\nhttps://news.example.com/valley") == []
    assert named_sources(str(tmp_path / "missing.txt")) == []
    assert named_sources("/etc is where the settings live") == []
    assert named_sources("   \n") == []
