"""`--jobs N`: check files in worker processes, results in the order of a one-job run.

Files go to a pool in chunks; each worker holds one termcheck.api.Checker (glossary and
indexes built once per worker: inherited from the parent where processes fork, loaded again
where they spawn).
Results stream back in file order, so the output is the same as a one-job run. Small runs
stay in-process: starting workers costs more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termcheck.api import Checker
    from termcheck.results import FileResult
    from termcheck.runner import LintOptions

# A file's result (None when it was skipped) and the notices about it.
Checked = tuple["FileResult | None", list[str]]
CheckFn = Callable[[Path, "LintOptions", "Checker"], Checked]
Outcome = tuple[Path, "FileResult | None", list[str]]

MIN_PARALLEL_BYTES = 512 * 1024  # below this a run is over before workers would have started
MIN_PARALLEL_FILES = 4
_CHUNK_BYTES = 256 * 1024  # files per task: enough to amortise the hand-over, small enough to balance

# The worker's state: set in the parent before forking, or by the initializer when spawning.
_WORKER: tuple[CheckFn, LintOptions, Checker, bool] | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def detach(fr: FileResult) -> FileResult:
    """The result without its document's text: positions of the findings are kept, so that
    reporters work and memory does not grow with the corpus."""
    offsets = {o for f in fr.findings for o in (f.span.start, f.span.end)}
    positions = {o: fr.doc.lines.position(o) for o in offsets}
    source = fr.doc.source and replace(fr.doc.source, text="", prose="")
    return replace(fr, doc=replace(fr.doc, text="", prose="", source=source), positions=positions)


def _fresh(fr: FileResult) -> FileResult:
    """The result with a document stripped of its caches (word lists), cheap to send back."""
    return replace(fr, doc=replace(fr.doc))


def _check(path: Path) -> Outcome:
    assert _WORKER is not None
    check, options, checker, keep = _WORKER
    fr, notices = check(path, options, checker)
    if fr is not None:
        fr = _fresh(fr) if keep else detach(fr)
    return path, fr, notices


def _init_spawned(check: CheckFn, options: LintOptions, keep: bool) -> None:
    global _WORKER
    if _WORKER is None:  # a forked worker inherits the parent's checker
        from termcheck.api import Checker

        _WORKER = (check, options, Checker(options.settings), keep)


def _sizes(files: list[Path]) -> list[int]:
    out = []
    for f in files:
        try:
            out.append(f.stat().st_size)
        except OSError:
            out.append(0)
    return out


def check_files(files: list[Path], check: CheckFn, options: LintOptions, checker: Checker, *,
                jobs: int | None = None, keep_documents: bool = True) -> Iterator[Outcome]:
    """Outcomes of `check` for `files`, in their order, on up to `jobs` processes."""
    global _WORKER
    # More workers than cores only adds processes (--jobs 10000 started one per file): capped.
    jobs = default_jobs() if jobs is None or jobs <= 0 else min(jobs, default_jobs())
    sizes = _sizes(files) if jobs > 1 and len(files) >= MIN_PARALLEL_FILES else []
    if jobs <= 1 or sum(sizes) < MIN_PARALLEL_BYTES:
        yield from _serial(files, check, options, checker, keep_documents)
        return
    import multiprocessing  # not imported for the one-file runs that never start workers (~4 ms)

    jobs = min(jobs, len(files))
    chunk = max(1, min(len(files) // (jobs * 4) or 1, _CHUNK_BYTES * len(files) // max(1, sum(sizes))))
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER = (check, options, checker, keep_documents)
    # A spawned worker gets the options without the progress bar, which stays in this process.
    initargs = (check, replace(options, progress=None), keep_documents)
    try:
        try:
            pool = ctx.Pool(jobs, initializer=_init_spawned, initargs=initargs)
        except OSError as err:  # the system refuses new processes (EAGAIN, ENOMEM): check them here
            outcomes = _serial(files, check, options, checker, keep_documents)
            for i, (path, fr, notices) in enumerate(outcomes):
                if i == 0:
                    notices = [f"cannot start worker processes ({err.strerror or err}); files checked in this one",
                               *notices]
                yield path, fr, notices
            return
        with pool:
            yield from pool.imap(_check, files, chunksize=chunk)
    finally:
        _WORKER = None


def _serial(files: Iterable[Path], check: CheckFn, options: LintOptions, checker: Checker,
            keep: bool) -> Iterator[Outcome]:
    for path in files:
        fr, notices = check(path, options, checker)
        yield path, (fr if keep or fr is None else detach(fr)), notices
