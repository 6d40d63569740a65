"""Cache files that cannot run code when read: every pickle termcheck keeps is signed.

A pickle runs code when it is loaded, and a cache folder is not a safe place (CI caches are
restored across branches; a shared home is written by others). So each cache file holds an
HMAC-SHA256 of its bytes made with a key that lives outside the cache folder, in the user's
config folder ($TERMCHECK_CONFIG_DIR, else $XDG_CONFIG_HOME/termcheck, else
~/.config/termcheck, file `cache-key`, mode 0600, created on first use). A file whose
signature does not verify is never unpickled: it is treated as missing and built again.
When no key can be kept (a read-only home), caches are not used at all.

Checking the signature costs about a millisecond for the few MB a one-file run reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import IO, Any

_MAGIC = b"termcheck-signed-cache 1\n"
_DIGEST = hashlib.sha256().digest_size
KEY_NAME = "cache-key"


def config_dir() -> Path:
    if os.environ.get("TERMCHECK_CONFIG_DIR"):
        return Path(os.environ["TERMCHECK_CONFIG_DIR"])
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "termcheck"


@cache
def _key_at(folder: str) -> bytes | None:
    path = Path(folder) / KEY_NAME
    try:
        with path.open("rb") as fh:
            key = fh.read(256)
        if len(key) >= 32:
            return key
    except OSError:
        pass
    # First use (or a damaged key): make one, atomically, readable by the user alone. Two runs
    # racing here each link their own; the loser reads the winner's.
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{KEY_NAME}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32))
            try:
                os.link(tmp, path)
            except FileExistsError:
                if _too_short(path):  # a damaged key: replaced (caches it signed are rebuilt)
                    os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        with path.open("rb") as fh:
            key = fh.read(256)
        return key if len(key) >= 32 else None
    except OSError:
        return None


def _too_short(path: Path) -> bool:
    try:
        return path.stat().st_size < 32
    except OSError:
        return True


def signing_key(cache_folder: Path | None = None) -> bytes | None:
    """The user's cache key; None when there is none and none can be made, or when it would
    live inside the cache folder itself (a key beside what it signs protects nothing)."""
    folder = config_dir()
    if cache_folder is not None:
        with contextlib.suppress(OSError, ValueError):
            if Path(os.path.realpath(folder)).is_relative_to(os.path.realpath(cache_folder)):
                return None
    return _key_at(str(folder))


def sign(payload: bytes, key: bytes) -> bytes:
    """The bytes of a signed cache file holding `payload`."""
    return _MAGIC + hmac.new(key, payload, hashlib.sha256).digest() + payload


def verified(data: bytes, key: bytes) -> bytes | None:
    """The payload of a signed cache file, or None when it was not signed with `key`."""
    head = len(_MAGIC)
    if not data.startswith(_MAGIC) or len(data) < head + _DIGEST:
        return None
    mac, payload = data[head : head + _DIGEST], memoryview(data)[head + _DIGEST :]
    if not hmac.compare_digest(mac, hmac.new(key, payload, hashlib.sha256).digest()):
        return None
    return bytes(payload)


def load(path: Path, cache_folder: Path, unpickler: Callable[[IO[bytes]], Any] | None = None) -> Any:
    """The object pickled in a signed cache file (read by `unpickler(fh)` when given). Raises
    LookupError when there is no key or the signature does not verify (nothing of the file is
    unpickled then), OSError when it cannot be read."""
    key = signing_key(cache_folder)
    if key is None:
        raise LookupError("no cache key")
    payload = verified(path.read_bytes(), key)
    if payload is None:
        raise LookupError(f"{path}: not signed with this user's cache key")
    if unpickler is None:
        return pickle.loads(payload)
    return unpickler(io.BytesIO(payload)).load()


def dumps(obj: Any, cache_folder: Path, pickler: Callable[[IO[bytes]], Any] | None = None) -> bytes | None:
    """`obj` pickled (by `pickler(fh)` when given) and signed; None when there is no key."""
    key = signing_key(cache_folder)
    if key is None:
        return None
    if pickler is None:
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    else:
        buffer = io.BytesIO()
        pickler(buffer).dump(obj)
        payload = buffer.getvalue()
    return sign(payload, key)
