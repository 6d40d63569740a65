"""Which files to check: paths and folders, recursive, include/exclude globs, hidden skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from termcheck.errors import InputError


@dataclass(frozen=True)
class Notice:
    """Something passed over that the user should hear about (a broken link, say)."""

    path: Path
    message: str


def _matches(rel: str, name: str, patterns: list[str]) -> bool:
    """A glob matches a file's name, its relative path, or one of its folders (--exclude drafts)."""
    folders = rel.split("/")[:-1]
    return any(fnmatch(name, p) or fnmatch(rel, p) or fnmatch(rel, f"*/{p}") or fnmatch(rel, f"{p}/*")
               or any(fnmatch(f, p) for f in folders) for p in patterns)


def discover(paths: list[Path], include: list[str], exclude: list[str]) -> tuple[list[Path], list[Notice]]:
    """Files named on the command line are checked whatever their name (unless excluded);
    folders are walked for files matching `include`."""
    files: dict[str, Path] = {}
    notices: list[Notice] = []
    for root in paths:
        if not root.exists() and not root.is_symlink():
            raise InputError("no such file or folder", root)
        if root.is_symlink() and not root.exists():
            notices.append(Notice(root, "broken symbolic link skipped"))
            continue
        if root.is_file():
            if not _matches(root.as_posix(), root.name, exclude):
                files.setdefault(os.path.normpath(root), root)
            continue
        for path in _walk(root, notices):
            rel = path.relative_to(root).as_posix()
            if _matches(rel, path.name, include) and not _matches(rel, path.name, exclude):
                files.setdefault(os.path.normpath(path), path)
    return sorted(files.values(), key=lambda p: p.as_posix()), notices


def _walk(root: Path, notices: list[Notice]) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        notices.append(Notice(Path(err.filename or root), f"cannot read folder: {err.strerror}"))

    # followlinks=False: a symlink loop cannot make the walk endless.
    for folder, dirs, names in os.walk(root, onerror=onerror):
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
        except OSError:
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not path.exists():
                notices.append(Notice(path, "broken symbolic link skipped"))
                continue
            if path.is_file():
                yield path
