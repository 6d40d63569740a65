""".gitignore and .ignore in folder walks, as git, ripgrep and ruff read them: each file applies
to its folder and below, a deeper file overrides a shallower one, and .ignore (ripgrep's file
for tools) overrides .gitignore in the same folder. Patterns are matched by pathspec's
GitIgnoreSpec (git's wildmatch, negation and folder rules), not by a matcher of our own.

Above the walked folder, the ignore files of its parents are read up to the root of the git
repository it is in (none outside a repository), as `git status` would apply them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

IGNORE_FILES = (".gitignore", ".ignore")  # in this order: the later file's patterns win
_MAX_BYTES = 1 << 20  # an ignore file larger than this is not one a person wrote


@dataclass(frozen=True)
class IgnoreSpec:
    """The patterns of one folder's ignore files. They apply to the walk's relative paths that
    start with `base` (the folder, '' or 'sub/'), matched as `prefix` + the rest (`prefix`: the
    way from a parent folder's ignore file down to the walked folder)."""

    base: str
    prefix: str
    spec: Any  # pathspec.GitIgnoreSpec (imported only where an ignore file exists)

    def decides(self, rel: str) -> bool | None:
        """True: ignored; False: re-included by a '!' pattern; None: no pattern names it."""
        if not rel.startswith(self.base):
            return None
        include: bool | None = self.spec.check_file(self.prefix + rel[len(self.base) :]).include
        return include


Rules = tuple[IgnoreSpec, ...]  # outermost first


def is_ignored(rules: Rules, rel: str, is_dir: bool = False) -> bool:
    """Is the walk's relative path `rel` ignored? The deepest ignore file with a say decides."""
    path = rel + "/" if is_dir else rel
    for rule in reversed(rules):
        decided = rule.decides(path)
        if decided is not None:
            return decided
    return False


def folder_spec(folder: str, names: set[str] | list[str], base: str, prefix: str = "") -> IgnoreSpec | None:
    """The spec of `folder`'s ignore files, given the names it holds (no look-up where it has none)."""
    lines: list[str] = []
    for name in IGNORE_FILES:
        if name in names:
            lines.extend(_lines(os.path.join(folder, name)))
    if not lines:
        return None
    return IgnoreSpec(base, prefix, _compile(lines))


def parent_rules(root: str) -> Rules:
    """The ignore files of `root`'s parents, up to the root of its git repository (outermost first)."""
    here = os.path.abspath(root)
    if os.path.exists(os.path.join(here, ".git")):
        return ()
    chain: list[tuple[str, str]] = []  # (folder, the way from it down to root)
    way = os.path.basename(here) + "/"
    folder = os.path.dirname(here)
    while True:
        chain.append((folder, way))
        if os.path.exists(os.path.join(folder, ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            return ()  # not in a git repository: only the walked folders' own files count
        way = os.path.basename(folder) + "/" + way
        folder = parent
    specs = (folder_spec(f, [n for n in IGNORE_FILES if os.path.isfile(os.path.join(f, n))], "", w)
             for f, w in reversed(chain))
    return tuple(s for s in specs if s is not None)


def _lines(path: str) -> list[str]:
    try:
        with open(path, "rb") as f:
            data = f.read(_MAX_BYTES)
    except OSError:
        return []  # an unreadable ignore file ignores nothing, as in git
    return data.decode("utf-8", errors="replace").splitlines()


def _compile(lines: list[str]) -> Any:
    import pathspec  # only runs that meet an ignore file pay for the import

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:  # a pattern git would not read either: leave it out, keep the others
        good = []
        for line in lines:
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except ValueError:
                continue
            good.append(line)
        return pathspec.GitIgnoreSpec.from_lines(good)
