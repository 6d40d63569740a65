"""Reading articles and data files: binary detection, encodings, byte-exact round trips."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termcheck.errors import ConfigError, GlossaryError, InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF = 64 * 1024
MAX_ARTICLE_BYTES = 32 * 10**6


class BinaryFile(InputError):
    """The file holds bytes that are not text; it is skipped, not checked."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name that re-encodes the text to the original bytes
    notes: tuple[str, ...] = ()  # what a person should hear about the reading: "LINE: message"


# UTF-8 that keeps the bytes that are not UTF-8: each becomes one lone surrogate (U+DC80-U+DCFF,
# Python's surrogateescape) and is written back as the same byte, so a fix never loses it.
UTF8_KEEPING_BAD_BYTES = "utf-8-keeping-bad-bytes"


def _search_codec(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != UTF8_KEEPING_BAD_BYTES:
        return None
    utf8 = codecs.lookup("utf-8")

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return utf8.encode(text, "surrogateescape")

    def decode(data: Any, errors: str = "strict") -> tuple[str, int]:
        return utf8.decode(data, "surrogateescape")

    return codecs.CodecInfo(encode, decode, name=UTF8_KEEPING_BAD_BYTES)


codecs.register(_search_codec)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> Decoded:
    """Decode an article: BOMs first, then UTF-8, then a detected legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"cannot decode as {encoding}: {err.reason} at byte {err.start}", path) from None
    if b"\x00" in data[:_SNIFF]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise BinaryFile("binary file skipped", path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        mostly_utf8 = _mostly_utf8(data, err.start)
        if mostly_utf8 is not None:
            return mostly_utf8
    encoding = _legacy_encoding(data)
    return Decoded(data.decode(encoding), encoding)


def _mostly_utf8(data: bytes, first_bad: int) -> Decoded | None:
    """UTF-8 with a few stray bytes (a paste from elsewhere, a truncated character): read as
    UTF-8, each bad byte kept as one character, with a notice naming the line of the first,
    rather than the whole file in a legacy code page (every accented letter two characters).
    A file with fewer than four valid multi-byte UTF-8 sequences per bad byte (and at least
    three) is legacy text."""
    text = data.decode("utf-8", "surrogateescape")
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    if len(_UTF8_MULTIBYTE.findall(data)) < max(4 * bad, 3):  # a few accidental pairs in Shift-JIS are not UTF-8
        return None
    line = data.count(b"\n", 0, first_bad) + 1
    first = data[first_bad]
    what = f"{bad} byte{'s' if bad != 1 else ''} that {'are' if bad != 1 else 'is'} not UTF-8 (first: 0x{first:02X})"
    note = f"{line}: {what}; read as UTF-8, the bad bytes kept as they are"
    return Decoded(text, UTF8_KEEPING_BAD_BYTES, (note,))


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text written without a BOM: mostly Latin text has a zero in every other byte."""
    sample = data[:_SNIFF]
    half = len(sample) // 2
    if len(data) % 2 or half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.4 * half and other <= 0.02 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            # Control characters other than white space mean it was binary after all.
            if sum(1 for c in text[:4096] if c < " " and c not in "\t\n\r\f") <= 0.01 * min(len(text), 4096):
                return Decoded(text, encoding)
    return None


# What Windows-1252 gives for the languages termcheck covers: Latin-1 letters and signs, and
# the typographic punctuation of 0x80-0x9F. Its Ð Ý Þ ð ý þ are Turkish letters in Windows-1254.
_TURKISH_1254 = frozenset("ÐÝÞðýþ")
_WESTERN = frozenset(chr(c) for c in range(0xA0, 0x100)) - _TURKISH_1254 | frozenset("‘’‚“”„†‡•…‰‹›€™–—ŠšŽžŒœŸƒˆ˜")


def _single_byte_latin(data: bytes) -> str | None:
    """Windows-1252 (or Latin-1, or Turkish Windows-1254) when its reading is plainly Western
    text; statistical detection is unreliable on short articles (it reads French as Central
    European Windows-1250, turning è into č)."""
    encoding = "cp1252" if _cp1252_ok(data) else "latin-1"
    text = data.decode(encoding)
    special = {c for c in text if c > "\x7f"}
    # In Western text most letters are ASCII; Cyrillic or Greek read as 1252 is all accents.
    if sum(1 for c in text if c > "\x7f") > 0.3 * sum(1 for c in text if c.isalpha()):
        return None
    if special <= _WESTERN:
        return encoding
    if special <= _WESTERN | _TURKISH_1254 and encoding == "cp1252":
        return "cp1254"
    return None


def _legacy_encoding(data: bytes) -> str:
    """Windows-1252 for Western text, else what charset-normalizer finds that decodes."""
    latin = _single_byte_latin(data)
    if latin is not None:
        return latin
    japanese = _japanese(data)
    if japanese is not None:
        return japanese
    try:
        from charset_normalizer import from_bytes  # heavy: only for non-UTF-8 files

        best = from_bytes(data[: 1024 * 1024]).best()
        if best is not None and best.encoding not in ("utf_8", "ascii"):
            name = codecs.lookup(best.encoding).name
            data.decode(name)
            # Latin-1 and Windows-1252 agree on letters; 1252 also has curly quotes and the euro sign.
            return "cp1252" if name in ("latin-1", "iso8859-1", "iso8859-15") and _cp1252_ok(data) else name
    except (ImportError, LookupError, UnicodeDecodeError):
        pass
    return "cp1252" if _cp1252_ok(data) else "latin-1"


def _japanese(data: bytes) -> str | None:
    """Shift-JIS (as Windows writes it, cp932) or EUC-JP, when the text reads as Japanese: kana
    and kanji, with hiragana among them (statistical detection took Shift-JIS for Cyrillic cp1251 or
    Chinese gb18030). Where both decode, the reading with more full-width Japanese wins (EUC-JP
    read as Shift-JIS is mostly half-width katakana)."""
    best: tuple[float, str] | None = None
    for encoding in ("cp932", "euc_jp"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        wide = [c for c in text if c > "\x7f"]
        full_kana = sum(1 for c in wide if "\u3040" <= c <= "\u30ff")
        half_kana = sum(1 for c in wide if "\uff66" <= c <= "\uff9f")
        other = sum(1 for c in wide if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
                    or "\uff00" <= c <= "\uffef" and not "\uff66" <= c <= "\uff9f")
        hiragana = sum(1 for c in wide if "\u3041" <= c <= "\u309f")
        # Japanese prose is never without hiragana (の, は, を); Cyrillic read as cp932 is kanji and half-width kana.
        if not wide or hiragana < max(1, 0.05 * len(wide)) or full_kana + half_kana + other < 0.8 * len(wide):
            continue
        score = (full_kana + other + 0.5 * half_kana) / len(wide)
        if best is None or score > best[0]:
            best = (score, encoding)
    return best[1] if best else None


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


MAX_CONFIG_BYTES = 64 * 10**6  # configs, glossaries, termbases and baselines


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Opened without blocking (a FIFO or
    a device swapped in for a file cannot hang the run) and checked with fstat on the open file;
    never more than `limit` + 1 bytes are read (/dev/zero, a file that grows). Raises OSError,
    or InputError for a file that is not regular or too large."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"not a regular file ({_KINDS.get(stat.S_IFMT(st.st_mode), 'special file')}); "
                             f"{what} skipped", path)
        if st.st_size > limit:
            raise InputError(f"file too large ({st.st_size / 1e6:.0f} MB; at most {limit // 10**6} MB)", path)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputError(f"file too large (more than {limit // 10**6} MB)", path)
    return data


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket",
          stat.S_IFDIR: "a folder"}


def read_article(path: Path) -> Decoded:
    try:
        # Above the limit it is not an article but a dump or a log: reading it costs memory for nothing.
        data = read_limited(path, MAX_ARTICLE_BYTES, "article")
    except InputError as err:
        raise InputError(f"{err.message}; skipped" if "too large" in err.message else err.message, path) from None
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", path) from None
    return decode_bytes(data, path)


def read_config_text(path: Path, what: str = "config") -> str:
    """Glossaries and configs are UTF-8 text; anything else is one clear error."""
    error = GlossaryError if what == "glossary" else ConfigError
    try:
        data = read_limited(path, MAX_CONFIG_BYTES, what)
    except InputError as err:
        raise error(err.message, path) from None
    except OSError as err:
        raise error(f"cannot read {what}: {err.strerror or err}", path) from None
    if b"\x00" in data:
        raise error(f"{what} is a binary file, not TOML", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise error(f"{what} is not UTF-8 (byte {err.start})", path, line) from None


_TOML_POS = re.compile(r"\s*\((?:at line (\d+), column \d+|at end of document)\)")


def toml_error(err: Exception, text: str) -> tuple[str, int]:
    """tomllib's message without its position, and the line it names ("at end of document":
    the last line), so that every TOML error can name a line."""
    message = str(err)
    m = _TOML_POS.search(message)
    line = int(m.group(1)) if m and m.group(1) else max(1, len(text.splitlines()))
    return _TOML_POS.sub("", message).strip(), line
