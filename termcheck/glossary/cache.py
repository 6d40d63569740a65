"""The loaded glossary, kept on disk between runs: a one-file run (a pre-commit hook) should
not parse and check a thousand TOML entries and compile their patterns every time.

The pickle lives under the user's cache folder ($TERMCHECK_CACHE_DIR, else
$XDG_CACHE_HOME/termcheck, else ~/.cache/termcheck), named by a hash of the glossary files'
contents and of the code that reads them, so any change to either loads afresh. It is safe
to lose: anything wrong with it (missing, unreadable, stale, from another version) means
the glossary is loaded from its files. TERMCHECK_NO_CACHE=1 turns the cache off. Every
file is signed with the user's key (termcheck.io.signed_cache): an unsigned or foreign pickle
planted in the folder is never loaded, so it cannot run code.

The glossary's patterns are stored compiled: the regex module compiles in Python (~2 ms a
pattern, 0.1 s for the fifty a French article wakes) but unpickles its compiled code in C.
The per-language name indexes built from a cached glossary are kept beside it too
(`load_index_cached`): reading one back takes a quarter of the time building it does.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
import weakref
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import IO, Any, TypeVar

from termcheck import __version__
from termcheck.glossary.loader import glossary_files, load_glossary
from termcheck.glossary.model import Glossary, NameEntry
from termcheck.glossary.safe_regex import BoundedPattern
from termcheck.io import signed_cache

_FORMAT = 1
_KEEP = 16  # cached glossaries kept (one per set of glossary files in use), and as many indexes
# The code that reads glossary files: TOML, and the termbases (TBX, CSV, TSV) that work as glossaries.
_CODE = ("glossary/loader.py", "glossary/model.py", "glossary/convert.py", "glossary/tbx.py", "glossary/tabular.py",
         "glossary/safe_regex.py", "io/textio.py")


def cache_dir() -> Path | None:
    if os.environ.get("TERMCHECK_NO_CACHE", "").lower() not in ("", "0", "false"):
        return None
    if os.environ.get("TERMCHECK_CACHE_DIR"):
        return Path(os.environ["TERMCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termcheck"


def installed_version(dist: str) -> str | None:
    """An installed distribution's version, from the name of its dist-info folder beside the
    package (importing importlib.metadata alone costs a one-file run ~8 ms)."""
    spec = find_spec(dist)  # finds the package without importing it
    if spec is not None and spec.origin is not None:
        site = os.path.dirname(os.path.dirname(spec.origin))
        try:
            found = [n for n in os.listdir(site) if n.startswith(f"{dist}-") and n.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0][len(dist) + 1 : -len(".dist-info")]
    from importlib import metadata  # an unusual installation: ask the packaging metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _key(files: list[Path]) -> str:
    # The regex module's version too: the pickle holds its compiled code.
    h = hashlib.sha256(f"{_FORMAT} {__version__} {sys.version} {installed_version('regex')}".encode())
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
        key = _key(files)
    except OSError:
        return load_glossary(paths)  # a file went away or cannot be read: let the loader say so
    target = folder / f"glossary-{key}.pickle"
    try:
        cached = signed_cache.load(target, folder)
        if isinstance(cached, Glossary):
            return _keyed(cached, key)
    except Exception:  # noqa: BLE001  (missing, unsigned, damaged or foreign: simply rebuilt)
        pass
    glossary = load_glossary(paths)
    _store(folder, target, lambda: signed_cache.dumps(glossary, folder, _pickler))
    return _keyed(glossary, key)


# The cache key of each glossary load_glossary_cached returned, by id (a weak reference tells
# a live glossary from a new object that took the id of a dead one).
_KEYS: dict[int, tuple[weakref.ref[Glossary], str]] = {}
_LANG = re.compile(r"[A-Za-z0-9_-]{1,16}")
T = TypeVar("T")


def _keyed(glossary: Glossary, key: str) -> Glossary:
    _KEYS[id(glossary)] = (weakref.ref(glossary), key)
    return glossary


def _key_of(glossary: Glossary) -> str | None:
    known = _KEYS.get(id(glossary))
    return known[1] if known is not None and known[0]() is glossary else None


@cache
def _code_key() -> str:
    """A hash of termcheck's code: an index holds objects of its classes, built by its functions."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def load_index_cached(glossary: Glossary, lang: str, build: Callable[[Glossary, str], T],
                      what: str = "index") -> T:
    """build(glossary, lang), read from the cache when the glossary came from
    load_glossary_cached and termcheck's code is unchanged (`what`, one word, names the kind).
    The index refers to the glossary's name entries by their place in it, so that it is read
    back onto this very glossary."""
    key, folder = _key_of(glossary), cache_dir()
    if key is None or folder is None or not _LANG.fullmatch(lang):
        return build(glossary, lang)
    try:
        target = folder / f"{what}-{key}-{_code_key()}-{lang}.pickle"
    except OSError:
        return build(glossary, lang)
    try:
        return signed_cache.load(target, folder,  # type: ignore[no-any-return]
                                 lambda fh: _IndexUnpickler(fh, glossary.names))
    except Exception:  # noqa: BLE001  (missing, unsigned, damaged or foreign: built again)
        pass
    index = build(glossary, lang)
    places = {id(e): n for n, e in enumerate(glossary.names)}
    _store(folder, target, lambda: signed_cache.dumps(index, folder, lambda fh: _IndexPickler(fh, places)))
    return index


class _IndexPickler(pickle.Pickler):
    def __init__(self, fh: IO[bytes], places: dict[int, int]) -> None:
        super().__init__(fh, protocol=pickle.HIGHEST_PROTOCOL)
        self._places = places

    def persistent_id(self, obj: Any) -> Any:
        return self._places.get(id(obj)) if type(obj) is NameEntry else None


class _IndexUnpickler(pickle.Unpickler):
    def __init__(self, fh: IO[bytes], names: list[NameEntry]) -> None:
        super().__init__(fh)
        self._names = names

    def persistent_load(self, pid: Any) -> Any:
        return self._names[pid]


def _store(folder: Path, target: Path, signed: Callable[[], bytes | None]) -> None:
    """Write a signed cache file atomically (a parallel run reads the old file or the new, never
    half of one) and drop the oldest files of its kind beyond _KEEP."""
    kind = target.name.split("-", 1)[0]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = signed()
        if data is None:
            return  # no key can be kept: run without the cache
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
        old = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_KEEP:]:
            stale.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001  (a read-only home, a full disk, a pattern that will not pickle)
        pass  # run without the cache


def _bounded(pattern: str, label: str, required: str, compiled: Any) -> BoundedPattern:
    """A glossary pattern as _Pickler stored it, compiled."""
    bounded = BoundedPattern(pattern, label, required)
    bounded._regex = compiled
    return bounded


def _pickler(fh: IO[bytes]) -> _Pickler:
    return _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)


class _Pickler(pickle.Pickler):
    """Pickles glossary patterns with their compiled regex (BoundedPattern's own pickling
    leaves it out, to be compiled again where it is used)."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is BoundedPattern:
            return _bounded, (obj.pattern, obj.label, obj.required, obj._compiled)
        return NotImplemented
