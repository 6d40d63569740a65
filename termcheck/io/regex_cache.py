"""Regular expressions compiled once, not on every run.

A one-file run compiles some 200 patterns of the rules, and `re` parses each in pure Python:
about 0.1 s of a half-second run. What the parser produces is a list of opcodes
that `_sre.compile` turns into a pattern object in microseconds. The opcodes of the patterns
a run compiled are kept in the cache folder (a signed file, see `signed_cache`, named after
the exact Python build, whose opcodes they are), and `re`'s compile step answers from them
from then on, before the rules are imported: their `re.compile` calls get their pattern
without parsing it. The objects are those `re` builds itself from the same opcodes; a
pattern the file lacks is compiled as always and, if the run compiled it while setting up
(not for one article's names), kept for the next run. Where `re` works otherwise (another
Python), every pattern is compiled as before.
"""

from __future__ import annotations

import _sre
import hashlib
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path
from typing import Any

from termcheck.io import signed_cache

# Python build and opcode format: a file is only read by the interpreter that wrote it.
_BUILD = hashlib.sha256(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:16]
MIN_NEW = 10  # a run that set up fewer new patterns leaves the file as it is
KEEP_WRITES = 8  # a pattern no run used in this many writes of the file is dropped from it

# (flags, opcodes as bytes, groups, group index, index group). The opcodes stay bytes until a
# pattern is built: as a list of Python ints they would take ten times the memory.
Opcodes = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_TYPECODE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
Key = tuple[str, int]  # (pattern, flags)
_kept: dict[Key, Opcodes] = {}
_written: dict[Key, int] = {}  # the file's write in which a run last used each pattern
_used: set[Key] = set()
_new: set[Key] = set()  # compiled by this run while setting up, without kept opcodes
_original: dict[str, Any] = {}
_state = {"seeded": False, "recording": True, "writes": 0}


def _folder() -> Path | None:
    from termcheck.glossary.cache import cache_dir

    return cache_dir()


def _path(folder: Path) -> Path:
    return folder / f"regex-{_BUILD}.pickle"


def _usable() -> bool:
    """Does this `re` compile through `re._compiler.compile` (CPython 3.11 and later)?"""
    return hasattr(re, "_compiler") and hasattr(re, "_parser") and hasattr(_sre, "compile") and \
        callable(getattr(re._compiler, "compile", None))


def opcodes(pattern: str, flags: int) -> Opcodes:
    """What `re` compiles `pattern` to, as `re._compiler.compile` hands it to `_sre.compile`."""
    parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    code = array(_TYPECODE, re._compiler._code(parsed, flags)).tobytes()  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def build(pattern: str, ops: Opcodes) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = ops
    words = array(_TYPECODE)
    words.frombytes(code)
    return _sre.compile(pattern, flags, words.tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _compile_kept(pattern: Any, flags: int = 0) -> Any:
    """`re._compiler.compile`, answering from the kept opcodes where it can."""
    if type(pattern) is str and not flags & re.DEBUG:
        key = (pattern, int(flags))
        ops = _kept.get(key)
        if ops is not None:
            try:
                compiled = build(pattern, ops)
                _used.add(key)
                return compiled
            except Exception:  # noqa: BLE001,S110  (opcodes this _sre refuses: compiled as always)
                pass
        if _state["recording"]:
            _new.add(key)
    return _original["compile"](pattern, flags)


def settle() -> None:
    """The run is set up (its first document checked): the patterns it compiles from now on are
    an article's own (a name's, a number's), not kept."""
    _state["recording"] = False


def seed() -> None:
    """Read the opcodes kept by earlier runs and have `re` use them (once per process)."""
    if _state["seeded"]:
        return
    _state["seeded"] = True
    folder = _folder()
    if folder is None or not _usable():
        return
    try:
        kept = signed_cache.load(_path(folder), folder)
    except Exception:  # noqa: BLE001  (missing, unsigned or damaged: patterns are compiled as always)
        kept = None
    if isinstance(kept, dict) and isinstance(kept.get("entries"), dict):
        _state["writes"] = int(kept.get("writes", 0))
        for key, (ops, written) in kept["entries"].items():
            _kept[key] = ops
            _written[key] = written
    current = re._compiler.compile  # type: ignore[attr-defined]
    if current is not _compile_kept:  # a second seed (a test) must not wrap it twice
        _original["compile"] = current
        re._compiler.compile = _compile_kept  # type: ignore[attr-defined]


def save() -> None:
    """Keep the opcodes of the patterns this run set up and the file lacked, when there are
    enough of them to matter (a new release's patterns, a first run in another mode), and drop
    those no run has used in KEEP_WRITES writes."""
    folder = _folder()
    if folder is None or "compile" not in _original or len(_new) < MIN_NEW:
        return
    writes = _state["writes"] + 1
    for pattern, flags in sorted(_new):
        try:
            _kept[(pattern, flags)] = opcodes(pattern, flags)
        except Exception:  # noqa: BLE001,S112  (a pattern this parser cannot redo: not kept)
            continue
        _used.add((pattern, flags))
    _new.clear()
    for key in _used:
        _written[key] = writes
    entries = {key: (ops, _written.get(key, 0)) for key, ops in _kept.items()
               if _written.get(key, 0) > writes - KEEP_WRITES}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = signed_cache.dumps({"writes": writes, "entries": entries}, folder)
        if data is None:
            return
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".regex-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, _path(folder))  # atomic: a parallel run reads the old file or the new
        _state["writes"] = writes
    except OSError:
        Path(tmp).unlink(missing_ok=True)
