"""Baselines: adopt termcheck on an existing archive and see only new findings.

A baseline records each finding as (path, code, flagged text, occurrence index), where the
index counts earlier findings with the same path, code and text. Line numbers are left out
on purpose, so edits above a finding do not make it new. Paths are relative to the baseline
file's folder, so the baseline works from any working folder.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termcheck.errors import ConfigError, InputError
from termcheck.findings import Finding
from termcheck.io.textio import read_limited
from termcheck.results import RunResult

VERSION = 1
Key = tuple[str, str, str, int]


def _keys(path: str, findings: list[Finding]) -> list[Key]:
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        seen[(f.code, f.text)] += 1
        keys.append((path, f.code, f.text, seen[(f.code, f.text)] - 1))
    return keys


def _rel(doc_path: Path, root: Path) -> str:
    return Path(os.path.relpath(doc_path.resolve(), root.resolve())).as_posix()


def finding_keys(path: str, findings: list[Finding]) -> list[Key]:
    """The keys of a document's findings, in their sort order, for a baseline whose folder
    sees the document at `path` (what --write-baseline records)."""
    return _keys(path, findings)


def relative_path(doc_path: Path, root: Path | None = None) -> str:
    """`doc_path` as a baseline in `root` (default: the working folder) names it."""
    return _rel(doc_path, Path.cwd() if root is None else root)


@dataclass
class Baseline:
    root: Path  # the baseline file's folder
    keys: frozenset[Key]

    def split(self, doc_path: Path, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, known) findings of one document."""
        path = _rel(doc_path, self.root)
        ordered = sorted(findings, key=lambda f: f.sort_key)
        new: list[Finding] = []
        known: list[Finding] = []
        for f, key in zip(ordered, _keys(path, ordered), strict=True):
            (known if key in self.keys else new).append(f)
        return new, known


MAX_BASELINE_BYTES = 256 * 10**6


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def load_baseline(path: Path) -> Baseline:
    """A baseline written by --write-baseline: read with a size limit (never /dev/zero without
    end), and anything else in it is one error naming the file."""
    try:
        raw = read_limited(path, MAX_BASELINE_BYTES, "baseline")
    except InputError as err:
        raise ConfigError(f"cannot read baseline: {err.message}", path) from None
    except OSError as err:
        raise ConfigError(f"cannot read baseline: {err.strerror or err}", path) from None
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise ConfigError(f"baseline is not valid JSON: {err}", path) from None
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        # A number of more than 4,300 digits, NaN or Infinity, nesting deeper than Python's stack.
        detail = "nested too deeply" if isinstance(err, RecursionError) else str(err)
        raise ConfigError(f"baseline is not valid JSON: {detail}", path) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError("baseline has no 'findings' list (write one with --write-baseline)", path)
    keys = set()
    for e in entries:
        occurrence = e.get("occurrence") if isinstance(e, dict) else None
        if not (isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "code", "text"))
                and type(occurrence) is int and 0 <= occurrence < 10**9):
            shown = repr(e)
            shown = shown if len(shown) <= 120 else shown[:117] + "..."
            raise ConfigError(f"baseline entry is not path/code/text/occurrence (a count): {shown}", path) from None
        keys.add((e["path"], e["code"], e["text"], occurrence))
    return Baseline(path.parent, frozenset(keys))


def write_baseline(result: RunResult, path: Path) -> int:
    """Record every finding of `result` in `path`; returns how many."""
    root = path.parent
    keys = sorted(k for fr in result.files for k in _keys(_rel(fr.doc.path, root), fr.findings))
    data = {"version": VERSION, "findings": [{"path": p, "code": c, "text": t, "occurrence": n}
                                             for p, c, t, n in keys]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"cannot write baseline: {err.strerror or err}", path) from None
    return len(keys)
