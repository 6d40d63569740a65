"""Reading articles and data files: binary detection, encodings, byte-exact round trips."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import ConfigError, GlossaryError, InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF = 64 * 1024


class BinaryFile(InputError):
    """The file holds bytes that are not text; it is skipped, not checked."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name that re-encodes the text to the original bytes


def decode_bytes(data: bytes, path: Path | str = "<bytes>") -> Decoded:
    """Decode an article: BOMs first, then UTF-8, then a detected legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"cannot decode as {encoding}: {err.reason} at byte {err.start}", path) from None
    if b"\x00" in data[:_SNIFF]:
        raise BinaryFile("binary file skipped", path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _legacy_encoding(data)
    return Decoded(data.decode(encoding), encoding)


def _legacy_encoding(data: bytes) -> str:
    """Windows-1252 unless charset-normalizer is sure of something else that decodes."""
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


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def read_article(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", path) from None
    return decode_bytes(data, path)


def encode_text(text: str, encoding: str) -> bytes:
    return text.encode(encoding)


def read_config_text(path: Path, what: str = "config") -> str:
    """Glossaries and configs are UTF-8 text; anything else is one clear error."""
    error = GlossaryError if what == "glossary" else ConfigError
    try:
        data = path.read_bytes()
    except OSError as err:
        raise error(f"cannot read {what}: {err.strerror or err}", path) from None
    if b"\x00" in data:
        raise error(f"{what} is a binary file, not TOML", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise error(f"{what} is not UTF-8 (byte {err.start})", path, line) from None
