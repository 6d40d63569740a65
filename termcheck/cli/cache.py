"""The user's cache folder as something to see and manage (`termcheck cache dir|clean`), and
what a run says about it: that the first run builds the caches and how long that took, and,
once, that they cannot be written (every run would otherwise be slow without a word).

The caches themselves are written by their owners (glossary.cache, wordfreq_cache,
lang.langdetect_fast, rules.support.triggers), each into cache_dir(), each signed (signed_cache); they
give up silently when a write fails, so the check is made here, once per run.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from termcheck.glossary.cache import cache_dir

# Files termcheck keeps in the folder (and what a killed write leaves): `clean` removes these
# alone, as TERMCHECK_CACHE_DIR may name a folder that holds other things too.
_OURS = re.compile(r"\.?(glossary|index|blocks|lowerplaces|langdetect|phrase|wordfreq)-[^/]*"
                   r"\.(pickle|table|sqlite3(-journal|-wal|-shm)?|tmp)\Z")


def cache_files(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as it:
            return sorted(Path(e.path) for e in it if _OURS.match(e.name) and e.is_file(follow_symlinks=False))
    except OSError:
        return []


def total_bytes(files: list[Path]) -> int:
    size = 0
    for f in files:
        with contextlib.suppress(OSError):  # removed meanwhile: not counted
            size += f.stat().st_size
    return size


def clean(folder: Path) -> tuple[int, int]:
    """Remove termcheck's cache files from `folder`: how many, and their bytes."""
    removed = freed = 0
    for f in cache_files(folder):
        try:
            size = f.stat().st_size
            f.unlink()
        except OSError:
            continue
        removed, freed = removed + 1, freed + size
    return removed, freed


def megabytes(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def is_cold(folder: Path | None) -> bool:
    """Has no run kept its glossary here yet? (the first run builds every cache: ~20 s)"""
    return folder is not None and not any(f.name.startswith("glossary-") for f in cache_files(folder))


def unwritable(folder: Path | None) -> str | None:
    """Why the caches cannot be kept, or None: the folder (or the nearest existing parent it
    would be made in) is not writable, or no signing key can be kept (signed_cache)."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)  # as the caches would make it
    except OSError as err:
        return f"cannot make the cache folder {folder} ({err.strerror or err})"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write the cache folder {folder}"
    from termcheck.io import signed_cache

    if signed_cache.signing_key(folder) is None:
        return f"cannot keep the cache's signing key in {signed_cache.config_dir()}"
    return None


@dataclass
class CacheNotes:
    """What a lint run says about the caches, on stderr: measured around the run."""

    folder: Path | None
    cold: bool
    problem: str | None

    @classmethod
    def before_run(cls) -> CacheNotes:
        folder = cache_dir()
        problem = unwritable(folder)
        return cls(folder, is_cold(folder) and problem is None, problem)

    def opening(self) -> str | None:
        if self.problem:
            return (f"note: {self.problem}: every run builds its caches again (slower); set TERMCHECK_CACHE_DIR to "
                    "a writable folder, or TERMCHECK_NO_CACHE=1 to say so")
        if self.cold:
            return f"first run: building the caches in {self.folder} (once; later runs start in under a second)"
        return None

    def closing(self, seconds: float) -> str | None:
        if not self.cold or self.folder is None:
            return None
        size = megabytes(total_bytes(cache_files(self.folder)))
        return f"first run took {seconds:.1f} s with the caches it built ({size} in {self.folder})"
