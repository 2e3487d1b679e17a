"""Bytes of a text file to `str`, in whatever encoding old and new exporters wrote it.

`decode_text` accepts UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the
NUL pattern shows it), the legacy multi-byte encodings of Chinese, Japanese and Korean TeX
(`east_asian`: GBK/GB18030 of the CJK package, Shift_JIS and EUC-JP of pTeX, Big5, EUC-KR) and
the legacy 8-bit encoding of old exporters, Windows-1252 (Latin-1 with printable characters in
0x80-0x9F; Latin-1 for the five bytes it leaves undefined), and refuses a file that starts
like a PDF, an archive or an image (`refuse_binary`).
`decode_kept` decodes so that `KeptEncoding.encode` gives the same bytes back (``format``
writes a file in the encoding it had).

Another file that is not UTF-8 throughout is read line by line: each line that is valid
UTF-8 as UTF-8, each other line as Windows-1252, and one note on stderr names the lines
read the legacy way (none named: the whole file was). A file mixing UTF-8 lines with
others is never read in a multi-byte legacy encoding (a Chinese line that happens to be
valid UTF-8 makes a GBK file one such: it is read line by line). Everything bibnorm writes
is UTF-8, so a file mixing both (UTF-8 entries appended to an old Latin-1 ``.bib``) is
repaired rather than refused: refusing would leave the user a file no tool converts
(``iconv`` from Latin-1 double-encodes the UTF-8 part, "Müller" → "MÃ¼ller"), and the
decision per line is reliable because Latin-1 text with accents is practically never
valid UTF-8 (an accented capital such as "Ã" would have to be followed by a C1 control
or one of the symbols "¡" to "¿").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from bibnorm.errors import InputError

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch, CharsetMatches


@dataclass(frozen=True)
class KeptEncoding:
    """How a file's bytes became text such that `encode` gives the same bytes back.

    An 8-bit file is read as UTF-8 with every byte that is not UTF-8 kept as it is (a lone
    surrogate, Python's ``surrogateescape``): a Latin-1 or Windows-1252 file, or one mixing
    them with UTF-8, is written back byte for byte where its text is unchanged, in
    whatever encoding each line had. BibTeX reads bytes, so this is what keeps its output
    the same. ``legacy`` says such bytes were found.
    """

    codec: str = "utf-8"  # or "utf-16-le" / "utf-16-be"
    bom: bool = False
    legacy: bool = False

    def encode(self, text: str) -> bytes:
        """``text`` in this encoding (with the BOM the file had)."""
        if self.codec == "utf-8":
            return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8", "surrogateescape")
        mark = ("\ufeff" if self.bom else "").encode(self.codec)
        return mark + text.encode(self.codec)


def decode_kept(data: bytes, name: str) -> tuple[str, KeptEncoding]:
    """``data`` as text that `KeptEncoding.encode` turns back into ``data`` (see there).

    UTF-16 is decoded as such; a binary file is an `InputError`, as for `read_text`.
    """
    refuse_binary(data, name)
    encoding = _utf16_encoding(data)
    if encoding is not None:
        bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        codec = ("utf-16-be" if data.startswith(b"\xfe\xff") else "utf-16-le") if bom else encoding
        try:
            return data[2 if bom else 0 :].decode(codec), KeptEncoding(codec, bom)
        except UnicodeDecodeError:
            raise InputError(f"{name}: looks like UTF-16 text but does not decode as UTF-16") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file, expected text")
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), KeptEncoding(bom=bom)
    except UnicodeDecodeError:
        return body.decode("utf-8", "surrogateescape"), KeptEncoding(bom=bom, legacy=True)


LEGACY_ENCODING = "cp1252"
LEGACY_NAME = "Windows-1252 (Latin-1)"


# Files that are not text, by their first bytes: read as Windows-1252 they would become text
# with no entry in it ("check paper.pdf": "0 error(s)", exit 0).
BINARY_MAGIC = {
    b"%PDF-": "a PDF",
    b"PK\x03\x04": "a ZIP archive: .zip, .docx, .epub",
    b"\x1f\x8b": "gzip-compressed",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}


def refuse_binary(data: bytes, name: str) -> None:
    """`InputError` when ``data`` starts like one of the `BINARY_MAGIC` formats."""
    kind = next((kind for magic, kind in BINARY_MAGIC.items() if data.startswith(magic)), None)
    if kind is not None:
        raise InputError(f"{name}: is a binary file ({kind}), expected text; nothing was read")


def decode_text(data: bytes, name: str, *, guess: bool = True) -> str:
    """Bytes of a text file to `str`; see `read_text` for the encodings accepted.

    When some lines are not UTF-8, says so on stderr (once per ``name`` and process). A file
    that starts like a PDF, an archive or an image (`BINARY_MAGIC`) is an `InputError`; so is
    one whose East Asian encoding is a guess (`EastAsianReading`) when not ``guess``: what is
    converted and written back must not be a guess (a key read in the wrong one is lost).
    """
    refuse_binary(data, name)
    encoding = _utf16_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise InputError(f"{name}: looks like UTF-16 text but does not decode as UTF-16") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file, expected text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text, legacy = decode_lines(data)
    note = encoding_note(name, legacy)
    found = None if legacy else _detected_east_asian(data)  # (decode_lines named a mixed file's lines)
    if found is not None:
        text, note = found.text, f"{name}: {found.note}"
        if found.also and not guess:
            raise InputError(
                f"{name}: too short to tell its encoding: it reads as {found.described} and as "
                f"{found.also}; convert it to UTF-8 first (iconv -f ENCODING -t UTF-8); nothing was written"
            )
    if name not in ENCODING_NOTES.told:
        ENCODING_NOTES.told.add(name)
        NOTICES.info("note: %s", note)
    return text


# The legacy multi-byte encodings of Chinese, Japanese and Korean TeX files, as charset-normalizer
# names them: a file in one of them read as Windows-1252 would become Latin letters no tool turns
# back ("姜斌" in GBK → "½ª±ó"). Rarer ones it knows (Johab, HZ) are left out: it found Johab in
# a short file of Latin-1 and UTF-8 lines.
_CHINESE = {"gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950"}
_JAPANESE = {
    "cp932",
    "shift_jis",
    "shift_jis_2004",
    "shift_jisx0213",
    "euc_jp",
    "euc_jis_2004",
    "euc_jisx0213",
}
_EAST_ASIAN = frozenset(_CHINESE | _JAPANESE | {"euc_kr", "cp949"})
# What the detector looks at, at most: it weighs samples of what it is given, and a file of any
# size costs it no more than this (the whole file is then decoded strictly in what it found).
_DETECTOR_SAMPLE = 1 << 18


@dataclass(frozen=True)
class EastAsianReading:
    """A file's text in the legacy East Asian encoding it was found to be in.

    ``described`` names the encoding with its language ("gb18030 (Chinese)"); ``also`` names
    another language's encoding the whole file decodes in as well when the file is too short
    for the detector to tell them apart (`SURE_AFTER`): the reading is then a guess.
    """

    text: str
    described: str
    also: str | None = None

    @property
    def note(self) -> str:
        """How the file was read, for the one line that says so."""
        guess = f", a guess: it reads as {self.also} too" if self.also else ""
        return f"not UTF-8; read as {self.described}{guess}; what bibnorm writes is UTF-8"


# How many characters beyond ASCII the detector needs to tell these encodings apart: it weighs
# how often each character comes, and a file of a few names reads in several of them (the two
# hanzi "凯撒" in GBK are two hangul syllables in CP949). With fewer, the reading is a guess.
SURE_AFTER = 32


def east_asian(data: bytes) -> EastAsianReading | None:
    """``data`` (not UTF-8) decoded in the legacy Chinese, Japanese or Korean encoding that
    charset-normalizer finds in it; None where it finds another language's encoding, the whole
    of ``data`` does not decode in the one found, or ``data`` mixes lines of UTF-8 with others
    (`decode_lines` reads such a file). The encoding's name is Python's codec's.

    Telling these encodings from Windows-1252 (and from each other) is a matter of which
    characters the bytes make and how often: charset-normalizer weighs exactly that.
    """
    return None if decode_lines(data)[1] else _detected_east_asian(data)


def _detected_east_asian(data: bytes) -> EastAsianReading | None:
    """`east_asian` of ``data`` that mixes no UTF-8 lines with others: decoded in the detector's
    encoding once; in the others only where it is too short to tell them apart (`SURE_AFTER`)."""
    from charset_normalizer import from_bytes  # imported by requests anyway; only on this path

    sample = data
    if len(data) > _DETECTOR_SAMPLE:  # cut at a line's end: never inside a character
        sample = data[: data.rfind(b"\n", 0, _DETECTOR_SAMPLE) + 1] or data[:_DETECTOR_SAMPLE]
    found = from_bytes(sample)
    best = found.best()
    if best is None or best.encoding not in _EAST_ASIAN:
        return None
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    return _sure_or_guessed(data, text, best, found)


def _sure_or_guessed(data: bytes, text: str, best: CharsetMatch, found: CharsetMatches) -> EastAsianReading:
    """``text``, ``data`` in the detector's ``best`` encoding; a guess where ``data`` holds too few
    characters to tell it from another language's (`SURE_AFTER`) that decodes it too."""
    described = f"{best.encoding} ({best.language})"
    if len(list(islice(filter(_beyond_ascii, text), SURE_AFTER))) == SURE_AFTER:
        return EastAsianReading(text, described)
    others = [
        (match.encoding, match.language)
        for match in found
        if match.encoding in _EAST_ASIAN
        and match.language != best.language
        and _decodes(data, match.encoding)
    ]
    if not others:
        return EastAsianReading(text, described)
    # A guess: a Korean reading with hanja among hangul is what a few Chinese characters make in
    # CP949 (Korean writes hanja rarely, and never inside a word); GB18030 reads them as hanzi.
    chinese = next((other for other in others if other[0] in _CHINESE), None)
    if best.language == "Korean" and chinese is not None and _HANZI.search(text):
        return EastAsianReading(data.decode(chinese[0]), _described(chinese), described)
    return EastAsianReading(text, described, _described(others[0]))


def _beyond_ascii(char: str) -> bool:
    return not char.isascii()


_HANZI = re.compile("[\u4e00-\u9fff]")


def _described(reading: tuple[str, str]) -> str:
    return f"{reading[0]} ({reading[1]})"


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


# The five bytes Windows-1252 leaves undefined are read as Latin-1 (C1 control characters).
_UNDEFINED_AS_LATIN1 = {0xDC00 + byte: chr(byte) for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def decode_lines(data: bytes) -> tuple[str, list[int]]:
    """Text of ``data`` (not valid UTF-8 as a whole) read line by line, and the numbers of
    the lines read as Windows-1252 when the file also holds UTF-8 beyond ASCII; no numbers
    when it holds none (the whole file was read as Windows-1252).

    Lines end at ``\n``, ``\r\n`` or ``\r``, as everywhere in bibnorm. A file in one
    legacy encoding is decoded in one go; only a mixed one is looked at line by line.
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    # Each byte that is not UTF-8 becomes one character; a valid sequence of 2-4 bytes, one.
    if len(data.decode("utf-8", "surrogateescape")) == len(data):
        return _legacy(data), []
    parts: list[str] = []
    legacy: list[int] = []
    utf8 = False  # a line beyond ASCII was UTF-8 (not only bytes that happen to pair up)
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            parts.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            legacy.append(number)
            parts.append(_legacy(line))
    return "".join(parts), legacy if utf8 else []


def _legacy(data: bytes) -> str:
    try:
        return data.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined
        return data.decode(LEGACY_ENCODING, "surrogateescape").translate(_UNDEFINED_AS_LATIN1)


def encoding_note(name: str, legacy: Sequence[int]) -> str:
    """The one line that says how a file that is not UTF-8 throughout was read (``legacy``:
    as `decode_lines` gives them)."""
    if not legacy:
        return f"{name}: not UTF-8; read as {LEGACY_NAME}; what bibnorm writes is UTF-8"
    return (
        f"{name}: mixes encodings: {_line_ranges(legacy)} not UTF-8 and read as {LEGACY_NAME}, "
        "the other lines as UTF-8; what bibnorm writes is UTF-8"
    )


def _line_ranges(numbers: Sequence[int], shown: int = 8) -> str:
    """``[3, 4, 5, 9]`` → ``"lines 3-5, 9 are"``, the first ``shown`` ranges and a count of the rest."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and ranges[-1][1] == number - 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    words = [f"{a}-{b}" if a != b else str(a) for a, b in ranges[:shown]]
    rest = sum(b - a + 1 for a, b in ranges[shown:])
    listed = ", ".join(words) + (f" and {rest} more" if rest else "")
    return f"line {listed} is" if len(numbers) == 1 else f"lines {listed} are"


# What reading says on the way (an encoding guessed, a pipe waited on): a library prints nothing,
# so these are log records of level INFO (`logging`'s own default shows none of them); the command
# line prints each as a line on stderr ("bibnorm: note: …", `bibnorm.cli`).
NOTICES = logging.getLogger("bibnorm.notices")
NOTICES.addHandler(logging.NullHandler())


class EncodingNotes:
    """The inputs whose encoding note was already said (a record of messages, like `WRITTEN`)."""

    def __init__(self) -> None:
        self.told: set[str] = set()


ENCODING_NOTES = EncodingNotes()


def _utf16_encoding(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-heavy UTF-16 has a NUL in nearly every other byte and almost none between.
    if odd_nuls > 0.8 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.8 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None
