"""The loaded glossary, kept on disk between runs: a one-file run (a pre-commit hook) should
not parse and check a thousand TOML entries and compile their patterns every time.

The pickle lives under the user's cache folder ($TERMCHECK_CACHE_DIR, else
$XDG_CACHE_HOME/termcheck, else ~/.cache/termcheck), named by a hash of the glossary files'
contents and of the code that reads them, so any change to either loads afresh. It is safe
to lose: anything wrong with it (missing, unreadable, stale, from another version) means
the glossary is loaded from its files. TERMCHECK_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from termcheck import __version__
from termcheck.glossary.loader import glossary_files, load_glossary
from termcheck.glossary.model import Glossary

_FORMAT = 1
_KEEP = 16  # cached glossaries kept (one per set of glossary files in use)
_CODE = ("glossary/loader.py", "glossary/model.py", "safe_regex.py", "textio.py")


def cache_dir() -> Path | None:
    if os.environ.get("TERMCHECK_NO_CACHE", "").lower() not in ("", "0", "false"):
        return None
    if os.environ.get("TERMCHECK_CACHE_DIR"):
        return Path(os.environ["TERMCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termcheck"


def _key(files: list[Path]) -> str:
    h = hashlib.sha256(f"{_FORMAT} {__version__} {sys.version}".encode())
    package = Path(__file__).resolve().parents[1]
    for name in _CODE:
        h.update((package / name).read_bytes())
    for f in files:
        h.update(b"\0" + str(f).encode("utf-8", "surrogateescape") + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


def load_glossary_cached(paths: list[Path]) -> Glossary:
    """load_glossary(paths), from the cache when the files are unchanged."""
    folder = cache_dir()
    if folder is None:
        return load_glossary(paths)
    files = [f for p in paths for f in glossary_files(p)]  # raises as load_glossary does
    try:
        target = folder / f"glossary-{_key(files)}.pickle"
    except OSError:
        return load_glossary(paths)  # a file went away or cannot be read: let the loader say so
    try:
        with target.open("rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, Glossary):
            return cached
    except Exception:  # noqa: BLE001  (a damaged or foreign cache file is simply rebuilt)
        pass
    glossary = load_glossary(paths)
    _store(folder, target, glossary)
    return glossary


def _store(folder: Path, target: Path, glossary: Glossary) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".glossary-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(glossary, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)  # atomic: a parallel run reads the old file or the new, never half
        old = sorted(folder.glob("glossary-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_KEEP:]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass  # a read-only home or a full disk: run without the cache
