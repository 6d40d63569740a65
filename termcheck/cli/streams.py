"""Articles that arrive as a stream, not a file: `termcheck lint -` (standard input), and pipes
named on the command line (`/dev/stdin`, `<(…)`, a FIFO). Each is read once, to its end, and
checked as a text of the name it is given (--stdin-filename for `-`), so that its language,
markup and report are those of a file of that name.

A stream cannot be re-read or written back: `--fix` writes the fixed text to standard output,
as ruff and prettier do with standard input.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termcheck.errors import InputError, TermcheckError
from termcheck.io.textio import MAX_ARTICLE_BYTES, Decoded, decode_bytes

if TYPE_CHECKING:
    from termcheck.baseline import Baseline
    from termcheck.config import Settings
    from termcheck.results import RunResult

STDIN = Path("-")


@dataclass(frozen=True)
class Stream:
    arg: Path  # as given on the command line
    name: str  # the name the text is checked and reported under


def is_stream(path: Path) -> bool:
    """`-`, or a named pipe or socket (`<(…)`, `/dev/stdin` fed by a pipe): read as a file, never
    walked as a folder, and never refused as a special file."""
    if path == STDIN:
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def split_streams(paths: list[Path], stdin_filename: str | None) -> tuple[list[Path], list[Stream]]:
    """The paths to discover as files and folders, and the streams among them."""
    if stdin_filename is not None and STDIN not in paths:
        raise TermcheckError("--stdin-filename names standard input: give '-' among the paths")
    if paths.count(STDIN) > 1:
        raise TermcheckError("'-' (standard input) can be read only once")
    files = [p for p in paths if not is_stream(p)]
    streams = [Stream(p, (stdin_filename or "-") if p == STDIN else str(p)) for p in paths if is_stream(p)]
    return files, streams


def read_stream(stream: Stream) -> Decoded:
    """The text of a stream, decoded as an article file is (BOMs, UTF-8, legacy encodings)."""
    try:
        if stream.arg == STDIN:
            data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        else:
            with open(stream.arg, "rb") as f:  # blocking: the writer at the other end decides when it ends
                data = f.read(MAX_ARTICLE_BYTES + 1)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", stream.name) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"too large (more than {MAX_ARTICLE_BYTES // 10**6} MB)", stream.name)
    return decode_bytes(data, stream.name)


class StreamRun:
    """The streams of one run: checked as `lint` checks files (a stream that cannot be read is an
    error), and fixed to standard output. Holds each text read, as a stream is read only once."""

    def __init__(self, settings: Settings) -> None:
        from termcheck.api import Checker

        self.checker = Checker(settings)
        self.lang = settings.lang
        self.texts: dict[str, tuple[Stream, Decoded]] = {}  # by the path reports show

    def check(self, streams: list[Stream], baseline: Baseline | None) -> RunResult:
        from termcheck.results import FileError, RunResult

        result = RunResult()
        for stream in streams:
            try:
                decoded = read_stream(stream)
            except InputError as err:
                result.errors.append(FileError(f"{stream.name}: {err.message}"))
                continue
            one = self.checker.result(decoded.text, self.lang, path=stream.name)
            fr = one.files[0]
            self.texts[fr.path] = (stream, decoded)
            # What a file's check says of its reading (markup too deep, a marker's unknown code).
            result.notices.extend(f"{fr.path}:{note}" for note in fr.doc.meta.get("notes", ()))  # type: ignore[attr-defined]
            result.notices.extend(one.notices)
            if baseline is not None:
                fr.findings, known = baseline.split(fr.doc.path, fr.findings)
                fr.suppressed["baseline"] = len(known)
            result.files.append(fr)
        return result

    def fix(self, unsafe: bool, diff: bool, quiet: bool) -> int:
        """--fix: the fixed text on standard output (one stream); --diff: a unified diff of each.
        Exit 1 when findings remain (--fix) or something would change (--diff), as for files."""
        from termcheck.fix.edits import unified_diff
        from termcheck.report.text import render

        changed = remaining = 0
        for shown, (stream, decoded) in self.texts.items():
            fixed = self.checker.fix(decoded.text, self.lang, unsafe=unsafe, path=stream.name)
            changed += fixed != decoded.text
            if diff:
                sys.stdout.write(unified_diff(shown, decoded.text, fixed))
                continue
            sys.stdout.flush()
            sys.stdout.buffer.write(fixed.encode(decoded.encoding))  # byte for byte as read, but fixed
            sys.stdout.flush()
            after = self.checker.result(fixed, self.lang, path=stream.name)
            remaining += after.total
            if not quiet and after.total:  # standard output holds the text: what is left goes to stderr
                sys.stderr.write(render(after))
        return (1 if changed else 0) if diff else (1 if remaining else 0)


def check_stream_request(files: list[Path], streams: list[Stream], fixes: bool, interactive: bool,
                         source: Path | None) -> None:
    """What a stream cannot do: be written back (--fix goes to stdout, for one stream alone),
    be reviewed key by key (standard input is the text), or be paired with a --source file."""
    if not streams:
        return
    if interactive:
        raise TermcheckError("--interactive reads answers from the terminal; it cannot review standard input "
                             "or a pipe")
    if fixes and (files or len(streams) > 1):
        raise TermcheckError("--fix and --diff with standard input or a pipe write to standard output: "
                             "give that stream alone")
    if source is not None:
        raise TermcheckError("--source pairs files by name; it cannot be used with standard input or a pipe")
