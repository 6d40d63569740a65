"""Writing fixed articles back: same encoding, BOM, line endings and permissions; atomic;
never over a file that changed since termcheck read it."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from pathlib import Path

from termcheck.errors import InputError

_WIDE = {
    # codec: (big-endian BOM, little-endian BOM, big-endian codec, little-endian codec)
    "utf-16": (codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE, "utf-16-be", "utf-16-le"),
    "utf-32": (codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE, "utf-32-be", "utf-32-le"),
}


def encode_like(text: str, encoding: str, original: bytes) -> bytes:
    """`text` encoded as `original` is: 'utf-16' and 'utf-32' decode either byte order from the
    BOM but would encode in the machine's, so the order is taken from the original's BOM."""
    name = codecs.lookup(encoding).name
    if name in _WIDE:
        be_bom, le_bom, be, le = _WIDE[name]
        # The UTF-32-LE BOM starts with the UTF-16-LE one; textio tells them apart, so trust `name`.
        if original.startswith(be_bom):
            return be_bom + text.encode(be)
        return le_bom + text.encode(le)
    return text.encode(encoding)


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a hidden temporary file beside `path`, then rename it over `path`: a reader
    (or a crash) sees the old file or the new one, never part of one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".termcheck-tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform, hence best effort.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_text(path: Path, old_text: str, new_text: str, encoding: str) -> None:
    """Write `new_text` over `path` if the file still holds `old_text` (the text termcheck read).

    Decoding is exact for the codecs textio chooses, so the file is unchanged exactly when its
    bytes are `old_text` encoded again. Raises InputError, naming the file, when it is not.
    """
    target = Path(os.path.realpath(path))  # through a symbolic link: the link stays a link
    try:
        current = target.read_bytes()
        mode = target.stat().st_mode
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}; not fixed", path) from None
    if current != encode_like(old_text, encoding, current):
        raise InputError("changed since it was read; not fixed", path)
    try:
        data = encode_like(new_text, encoding, current)
    except UnicodeEncodeError as err:
        raise InputError(f"the fix cannot be written in {encoding} ({err.object[err.start:err.end]!r}); "
                         "not fixed", path) from None
    try:
        atomic_write(target, data, mode)
    except OSError as err:
        raise InputError(f"cannot write file: {err.strerror or err}; not fixed", path) from None
