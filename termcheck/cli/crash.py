"""What a run that fails unexpectedly prints and exits with.

Exit codes: 0 no findings, 1 findings, 2 a usage, config, glossary or input error, 3 an
internal error (a bug, or the system refusing something: memory, processes, a full disk).
CI reads 1 as "findings", so a crash must never exit 1. A crash prints one line; `--debug`
(anywhere on the command line) or TERMCHECK_DEBUG=1 prints the traceback as well.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from collections.abc import Callable

EXIT_ERROR = 2
EXIT_CRASH = 3
DEBUG_FLAG = "--debug"
DEBUG_ENV = "TERMCHECK_DEBUG"


def take_debug_flag(argv: list[str]) -> bool:
    """Remove --debug from the arguments (before the commands read them); is debugging on?"""
    flagged = DEBUG_FLAG in argv
    while DEBUG_FLAG in argv:
        argv.remove(DEBUG_FLAG)
    return flagged or os.environ.get(DEBUG_ENV, "").lower() not in ("", "0", "false", "no")


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def _silence_stdout() -> None:
    """Let the interpreter's last flush of stdout fail quietly (a full disk, a closed pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def report_crash(err: BaseException, debug: bool) -> int:
    """Print what went wrong, in one line (and the traceback when debugging); the exit code."""
    if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG):
        _silence_stdout()
        message = f"termcheck: error: cannot write output: {err.strerror or err}"
        code = EXIT_ERROR
    elif isinstance(err, MemoryError):
        message = "termcheck: error: out of memory (an input too large for this machine?)"
        code = EXIT_CRASH
    else:
        message = (f"termcheck: internal error: {_one_line(err)} (exit {EXIT_CRASH}; run with {DEBUG_FLAG} or "
                   f"{DEBUG_ENV}=1 for the traceback, and report it)")
        code = EXIT_CRASH
    try:
        if debug:
            traceback.print_exception(err, file=sys.stderr)
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return code


def guarded(main: Callable[[], None], debug: bool) -> None:
    """Run `main`; any exception it lets escape ends the process with one line and exit 2 or 3."""
    try:
        main()
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as err:  # noqa: BLE001  (the last line of defence)
        code = report_crash(err, debug)
        sys.exit(code)
