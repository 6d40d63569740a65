"""A progress bar on stderr for long runs in a terminal; silent in pipes, CI logs and --quiet."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Protocol, TextIO

MIN_FILES = 20  # below this a run is quick enough that a bar is only noise


class ProgressSink(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, path: Path) -> None: ...
    def stop(self) -> None: ...


def wanted(stream: TextIO, environ: dict[str, str] | os._Environ[str] | None = None) -> bool:
    """A bar only for a person watching: a terminal, and not a CI log (CI, GITHUB_ACTIONS …)."""
    env = os.environ if environ is None else environ
    if env.get("CI", "").lower() not in ("", "0", "false") or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class RichProgress:
    """rich is imported only when a bar is really shown, so short runs stay fast."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._bar: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        if total < MIN_FILES:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                             TextColumn("{task.description}"), console=Console(file=self._stream), transient=True)
        self._task = self._bar.add_task("", total=total)
        self._bar.start()

    def advance(self, path: Path) -> None:
        if self._bar is not None:
            from rich.markup import escape

            from termcheck.io.terminal import printable

            # A file name is shown, never obeyed: no terminal escapes, no rich markup ([blink red]).
            self._bar.update(self._task, advance=1, description=escape(printable(path.name)))

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def make_progress(quiet: bool, stream: TextIO | None = None) -> ProgressSink | None:
    stream = stream or sys.stderr
    return RichProgress(stream) if not quiet and wanted(stream) else None
