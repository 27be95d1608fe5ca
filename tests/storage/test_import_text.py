"""Plain text in every common encoding, and files that mix them, read without mojibake."""

from __future__ import annotations

import codecs

import pytest

from viewer.storage.importers import decode_bytes, read

ARTICLE = ("Café owners fear the new rules\n\n"
           "“We will lose our terraces,” said Zoë Müller, who runs a café near the cathedral. "
           "The council’s plan — published on Monday — would cut outdoor seating by half.\n")


# Latin-1 has no curly quotes or dashes: its article uses straight ones.
LATIN1_ARTICLE = ARTICLE.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")


@pytest.mark.parametrize("data, expected", [
    (ARTICLE.encode("utf-8"), ARTICLE),
    (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE),  # with a byte-order mark (Notepad)
    (ARTICLE.encode("utf-16"), ARTICLE),  # with its mark (Windows "Unicode")
    (ARTICLE.encode("utf-16-be"), ARTICLE),  # no mark
    (ARTICLE.encode("utf-16-le"), ARTICLE),  # no mark
    (ARTICLE.encode("cp1252"), ARTICLE),  # curly quotes and the dash in 0x80-0x9f
    (LATIN1_ARTICLE.encode("latin-1"), LATIN1_ARTICLE),
], ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-be", "utf-16-le", "cp1252", "latin-1"])
def test_each_encoding_reads_as_the_same_text(tmp_path, data, expected):
    """Every common encoding of an article reads back as the article, accents and quote marks intact."""
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    document = read(path)
    assert document.text == expected
    assert document.title == "Café owners fear the new rules" and document.kind == "text"


def test_a_file_mixing_utf8_and_cp1252_reads_each_line_in_its_own_encoding():
    """A UTF-8 "Café" next to a Windows-1252 line shows as "Café" and the curly quotes stay curly."""
    data = "Café reopens\n".encode("utf-8") + "“It’s back,” said the owner.\n".encode("cp1252")
    assert decode_bytes(data) == "Café reopens\n“It’s back,” said the owner.\n"


def test_one_undefined_byte_does_not_turn_every_curly_quote_into_mojibake():
    """A stray byte that Windows-1252 does not define leaves the rest of the file's quotes curly."""
    data = "“Yes,” she said. “No,” he said.".encode("cp1252") + b" \x81 end"
    text = decode_bytes(data)
    assert text.startswith("“Yes,” she said. “No,” he said.")
    assert "\x93" not in text and "\x94" not in text


def test_cyrillic_windows_1251_is_detected():
    """A Russian article in Windows-1251 is recognised by charset-normalizer, not read as Western accents."""
    text = ("Городской совет одобрил строительство новых велосипедных дорожек после долгих споров. "
            "Сторонники говорят, что дорожки сделают центр безопаснее для семей с детьми.\n") * 3
    assert decode_bytes(text.encode("cp1251")) == text


@pytest.mark.parametrize("text, encoding", [
    ("Rada miasta zatwierdziła budowę nowych ścieżek rowerowych po długiej debacie. Zwolennicy twierdzą, że "
     "ścieżki poprawią bezpieczeństwo.\n", "cp1250"),  # Polish: Windows-1252 would show "³" and "¹"
    ("Le conseil municipal a approuvé la création de pistes cyclables après un débat houleux. « C’est une "
     "victoire », a déclaré l’élue.\n", "cp1252"),  # French: charset-normalizer guesses cp1250, wrongly
    ("Der Stadtrat hat nach hitziger Debatte neue Radwege beschlossen. „Das ist kein Krieg gegen Autos“, sagte "
     "die Stadträtin Müller.\n", "cp1252"),
])
def test_latin_code_pages_are_told_apart_by_what_makes_sense(text, encoding):
    """A Central European file reads in its own code page, and a Western one is not taken for Central European."""
    assert decode_bytes(text.encode(encoding)) == text


def test_utf8_and_cp1252_in_the_same_line_both_read():
    """One line holding a UTF-8 "Café" and a Windows-1252 dash and quotes shows all of them."""
    data = "Café Müller ".encode("utf-8") + "– “open” again".encode("cp1252") + b"\n"
    assert decode_bytes(data) == "Café Müller – “open” again\n"
