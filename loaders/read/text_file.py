"""Read a plain-text extraction: UTF-8 (with or without BOM), or a detected Cyrillic encoding."""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import SourceError
from .document_text import DocumentText

# A programme of a Ukrainian community is in Ukrainian: a detected encoding is trusted only if
# most letters it gives are Cyrillic and it gives no control characters besides tab and line ends.
MIN_CYRILLIC_SHARE = 0.5
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# The two DOS Cyrillic code pages differ only in a few letters: the Russian cp866 has Є Ї Ў where the
# Ukrainian cp1125 has Ґ Є І Ї. Of the two decodings, the one with fewer letters that are rare in
# Ukrainian (Ґ, Ў) is the right one.
DOS_CYRILLIC = ("cp866", "cp1125")
_RARE_IN_UKRAINIAN = re.compile("[ҐґЎў]")


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as the extractors see them: CRLF, CR and LF all end a line.

    >>> split_lines("a\\r\\nb\\rc\\n")
    ('a', 'b', 'c', '')
    """
    return tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def cyrillic_share(text: str) -> float:
    """The share of letters that are Cyrillic (0 when there are no letters).

    >>> cyrillic_share("Програма 2021 (draft)")
    0.6153846153846154
    """
    letters = _LETTER.findall(text)
    return sum(1 for c in letters if _CYRILLIC.match(c)) / len(letters) if letters else 0.0


def decode_text(raw: bytes, path: Path) -> tuple[str, tuple[str, ...]]:
    """The text of ``raw`` and notes on how it was decoded, or :class:`SourceError` saying why not."""
    if not raw.strip():
        raise SourceError.of("empty", path)
    if b"\x00" in raw:
        raise SourceError.of("binary", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        return text, ("decoded as UTF-8" + (" (with a byte-order mark)" if raw.startswith(b"\xef\xbb\xbf") else ""),)
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError.of("undecodable", path, locator=_line_of(raw, utf8_error), detail="no encoding fits")
    encoding, text = best.encoding, str(best)
    if encoding in DOS_CYRILLIC:
        encoding, text = min(
            ((e, raw.decode(e, errors="replace")) for e in DOS_CYRILLIC),
            key=lambda et: len(_RARE_IN_UKRAINIAN.findall(et[1])),
        )
    share = cyrillic_share(text)
    if _CONTROL.search(text) or share < MIN_CYRILLIC_SHARE:
        detail = f"the best guess, {encoding}, gives {share:.0%} Cyrillic letters"
        raise SourceError.of("undecodable", path, locator=_line_of(raw, utf8_error), detail=detail)
    return text, (
        f"decoded as {encoding} (detected by charset-normalizer; not UTF-8 from {_line_of(raw, utf8_error)})",
    )


def _line_of(raw: bytes, error: UnicodeDecodeError) -> str:
    line = raw[: error.start].count(b"\n") + 1
    return f"line {line}"


def read_text_file(raw: bytes, path: Path) -> DocumentText:
    text, notes = decode_text(raw, path)
    lines = split_lines(text)
    return DocumentText(
        lines=lines, locators=tuple(f"line {n}" for n in range(1, len(lines) + 1)), format="txt", notes=notes
    )
