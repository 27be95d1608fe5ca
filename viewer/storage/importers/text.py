"""Plain text in any common encoding -> Document.

Order of decisions: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without a mark, seen from
its zero bytes; then UTF-8 for the whole file. A file that is not UTF-8 throughout is read line by line:
lines that are valid UTF-8 stay UTF-8 (a file pasted together from two sources keeps its "Café"), the others
are decoded with the legacy encoding charset-normalizer finds for them, Windows-1252 when it finds none or
only a Western one that makes no more sense; in Windows-1252 lines, runs of valid UTF-8 still stay UTF-8. In Windows-1252 the five undefined bytes decode as Latin-1 one by one, so one stray
byte never turns the whole file's curly quotes into C1 control characters.

Exports: ``decode_bytes(data) -> str``, ``checked_text(data, source) -> str``,
``read_text(data, source) -> Document``.
"""

from __future__ import annotations

import codecs
import re

from .documents import make_document
from .errors import UnreadableText

BINARY_CONTROL_SHARE = 0.05  # fraction of control characters above which decoded bytes are not text
SAMPLE_BYTES = 65536  # bytes of non-UTF-8 lines given to charset-normalizer; more only costs time
UTF16_ZERO_SHARE = 0.3  # share of zero bytes at odd (or even) positions that marks UTF-16 without a mark
# Encodings charset-normalizer may pick over Windows-1252: scripts that Windows-1252 would turn to noise.
# A Western guess (cp1250, mac_roman, latin_1, ...) is not trusted: on short text those guesses are noise.
NON_LATIN_ENCODINGS = ("cp1251", "koi8", "iso8859_5", "cp866", "mac_cyrillic", "cp1253", "iso8859_7",
                       "cp1255", "iso8859_8", "cp1256", "iso8859_6", "shift_jis", "cp932", "euc_jp",
                       "iso2022", "gb2312", "gbk", "gb18030", "big5", "cp950", "euc_kr", "cp949", "johab",
                       "tis_620", "cp874")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_LINE_RE = re.compile(rb"[^\n]*\n|[^\n]+")


def _latin1_for_undefined(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start:error.end].decode("latin-1"), error.end


def _cp1252_for_invalid_utf8(error: UnicodeDecodeError) -> tuple[str, int]:
    return error.object[error.start:error.end].decode("cp1252", errors="framing-latin1"), error.end


codecs.register_error("framing-latin1", _latin1_for_undefined)
# Inside one line: valid UTF-8 stays UTF-8 and each byte that is not is read as Windows-1252, so a line with
# a UTF-8 "Café" and a Windows-1252 dash shows both.
codecs.register_error("framing-cp1252", _cp1252_for_invalid_utf8)


def _utf16_without_mark(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, encoding in ((odd.count(0), "utf-16-le"), (even.count(0), "utf-16-be")):
        if zeros / len(odd) > UTF16_ZERO_SHARE and min(odd.count(0), even.count(0)) < len(odd) * 0.05:
            return encoding
    return None


_WORD_PUNCTUATION = set("“”‘’–—«»„…€•·")


def _sense(text: str) -> float:
    """Share of the non-ASCII characters that are letters or typographic punctuation (not ³, ¹, ¿, C1)."""
    special = [char for char in text if ord(char) > 127]
    return sum(char.isalpha() or char in _WORD_PUNCTUATION for char in special) / len(special) if special else 1.0


def _legacy_encoding(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    sample = sample[:SAMPLE_BYTES]
    best = from_bytes(sample).best()
    if best is None or best.encoding in ("cp1252", "ascii", "utf_8"):
        return "cp1252"
    if best.encoding.startswith(NON_LATIN_ENCODINGS):
        return best.encoding
    # Another Latin code page (cp1250, cp1254, iso8859_2 ...): charset-normalizer names one of those for
    # plain French or English too, so it must make more sense than Windows-1252 to win: Polish in
    # Windows-1252 shows "³" and "¹" where cp1250 shows "ł" and "ą"; French shows letters either way.
    try:
        guessed = sample.decode(best.encoding, errors="replace")
    except LookupError:
        return "cp1252"
    return best.encoding if _sense(guessed) > _sense(_decode_legacy(sample, "cp1252")) else "cp1252"


def _decode_legacy(line: bytes, encoding: str) -> str:
    if encoding == "cp1252":
        return line.decode("utf-8", errors="framing-cp1252")
    return line.decode(encoding, errors="replace")


def decode_bytes(data: bytes) -> str:
    """Text from bytes in any common encoding (see the module docstring); never raises."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            if encoding == "utf-8-sig":
                data = data[len(mark):]
                break
            return data.decode(encoding, errors="replace")
    else:
        encoding = _utf16_without_mark(data)
        if encoding:
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = _LINE_RE.findall(data)
    decoded: list[str | None] = []
    legacy = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
            legacy.append(line)
    encoding = _legacy_encoding(b"".join(legacy))
    return "".join(text if text is not None else _decode_legacy(line, encoding)
                   for text, line in zip(decoded, lines))


def looks_binary(data: bytes, text: str) -> bool:
    """True for data that is not text: zero bytes outside UTF-16, or many control characters."""
    if b"\x00" in data[:8192] and "\x00" in text[:8192]:
        return True
    sample = text[:8192]
    controls = sum(1 for char in sample if (ord(char) < 32 and char not in "\n\r\t\f") or 0x7f <= ord(char) < 0xa0
                   or char == "\ufffd")
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def checked_text(data: bytes, source: str) -> str:
    """The text in ``data`` read from ``source``; raises ``UnreadableText`` when it is empty or binary."""
    if not data.strip():
        raise UnreadableText(source, "is empty")
    text = decode_bytes(data)
    if looks_binary(data, text):
        raise UnreadableText(source, "is binary data, not text")
    return text


def read_text(data: bytes, source: str, kind: str = "text"):
    """The Document for the plain-text bytes ``data`` read from ``source``; raises ``UnreadableText``."""
    return make_document(checked_text(data, source), source, kind)
