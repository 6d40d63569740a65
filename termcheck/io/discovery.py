"""Which files to check: paths and folders, recursive, include/exclude globs, hidden skipped."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from termcheck.errors import InputError
from termcheck.io.ignorefiles import Rules, folder_spec, is_ignored, parent_rules


@dataclass(frozen=True)
class Notice:
    """Something passed over that the user should hear about (a broken link, say); `error`: a
    file that should have been checked and could not be read, which ends the run with exit 2."""

    path: Path
    message: str
    error: bool = False


def _matches(rel: str, name: str, patterns: list[str]) -> bool:
    """A glob matches a file's name, its relative path, or one of its folders (--exclude drafts)."""
    folders = rel.split("/")[:-1]
    return any(fnmatch(name, p) or fnmatch(rel, p) or fnmatch(rel, f"*/{p}") or fnmatch(rel, f"{p}/*")
               or any(fnmatch(f, p) for f in folders) for p in patterns)


def discover(paths: list[Path], include: list[str], exclude: list[str],
             respect_ignore: bool = True) -> tuple[list[Path], list[Notice]]:
    """Files named on the command line are checked whatever their name (unless excluded):
    one that is not a regular file (a FIFO, a device) is kept, so that reading it fails with
    an error naming it; folders are walked for files matching `include`, leaving out what
    .gitignore and .ignore files name (unless not `respect_ignore`; see termcheck.io.ignorefiles)."""
    files: dict[str, Path] = {}
    notices: list[Notice] = []
    for root in paths:
        try:
            mode = os.stat(root).st_mode
        except OSError as err:
            if err.errno not in _MISSING:
                raise InputError(f"cannot read: {err.strerror or err}", root) from None
            if not os.path.islink(root):
                raise InputError("no such file or folder", root) from None
            notices.append(Notice(root, "broken symbolic link: nothing to check", error=True))  # named: asked for
            continue
        if not stat.S_ISDIR(mode):
            if not _matches(root.as_posix(), root.name, exclude):
                files.setdefault(os.path.normpath(root), root)
            continue
        for path, rel, name in _walk(root, notices, respect_ignore):
            if _matches(rel, name, include) and not _matches(rel, name, exclude):
                files.setdefault(os.path.normpath(path), path)
    return sorted(files.values(), key=lambda p: p.as_posix()), notices


def _walk(root: Path, notices: list[Notice], respect_ignore: bool = True) -> Iterator[tuple[Path, str, str]]:
    """The files under `root`: each as a path, its path relative to `root` ('/'-separated)
    and its name. Paths are joined as strings and each name costs one stat (a walk over
    thousands of files is paid before any is checked). The walk keeps its own stack (no
    recursion: folders nested thousands deep are walked), and does not follow links to
    folders, so a link loop cannot make it endless."""
    seen: set[tuple[int, int]] = set()
    top = os.fspath(root)
    prefix = top if top.endswith(os.sep) else top + os.sep
    stack: list[tuple[str, Rules]] = [(top, parent_rules(top) if respect_ignore else ())]
    while stack:
        folder, rules = stack.pop()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = [(e.name, e.is_dir(follow_symlinks=False)) for e in it]
        except OSError as err:
            notices.append(Notice(Path(err.filename or folder), f"cannot read folder: {err.strerror}", error=True))
            continue
        sub = "" if folder == top else folder[len(prefix) :].replace(os.sep, "/") + "/"
        if respect_ignore:
            own = folder_spec(folder, [name for name, _ in entries], sub)
            rules = rules if own is None else (*rules, own)
        dirs = sorted(name for name, is_dir in entries if is_dir and not name.startswith(".")
                      and not (rules and is_ignored(rules, sub + name, is_dir=True)))
        for name in sorted(name for name, is_dir in entries if not is_dir):
            if name.startswith(".") or (rules and is_ignored(rules, sub + name)):
                continue
            full = os.path.join(folder, name)
            kind = _kind(full)
            if kind is _BROKEN_LINK:
                notices.append(Notice(Path(full), "broken symbolic link skipped"))
            elif kind is _UNREADABLE:
                notices.append(Notice(Path(full), "cannot read: permission denied", error=True))
            elif kind is _FILE:
                yield Path(full), sub + name, name
        stack.extend((os.path.join(folder, d), rules) for d in reversed(dirs))


_FILE, _BROKEN_LINK, _UNREADABLE, _OTHER = "file", "broken link", "unreadable", "other"
# The errors for which pathlib's exists(), is_file() and is_symlink() answer False.
_MISSING = {errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP}


def _kind(full: str) -> str:
    """A regular file (or a link to one), a broken link, one that cannot be looked at (in a
    folder without search permission), or anything else; with one stat for a file."""
    try:
        mode = os.stat(full).st_mode
    except OSError as err:
        if err.errno not in _MISSING:
            return _UNREADABLE
        return _BROKEN_LINK if os.path.islink(full) else _OTHER
    return _FILE if stat.S_ISREG(mode) else _OTHER
