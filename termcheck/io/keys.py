"""A terminal read one key at a time, without Enter or echo (lint --interactive).

Its own module, loaded only by --interactive: every run shows text through termcheck.io.terminal,
and termios, signal and the rest would cost each of them a few milliseconds.
"""

from __future__ import annotations

import codecs
import os
import select
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, TextIO

try:  # POSIX only: elsewhere --interactive reads whole lines
    import termios
    import tty
except ImportError:  # pragma: no cover
    termios = None  # type: ignore[assignment]


class SingleKeys:
    """A terminal read one key at a time, without Enter or echo (see single_keys)."""

    def __init__(self, fd: int, saved: list[Any], encoding: str) -> None:
        self.fd = fd
        self.saved = saved  # the terminal's own settings, put back on every way out
        self.encoding = encoding
        self.keys = False  # in single-key mode now

    def key_mode(self) -> None:
        # cbreak, not raw: Ctrl-C still interrupts (ISIG) and "\n" still starts a line (OPOST).
        tty.setcbreak(self.fd, termios.TCSANOW)
        self.keys = True

    def line_mode(self) -> None:
        self.keys = False
        with suppress(termios.error):  # the terminal is gone (hung up): nothing left to restore
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)

    def key(self) -> str:
        """One key press: a character, an escape sequence (an arrow key) whole, '' at end of input."""
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
        while True:
            byte = os.read(self.fd, 1)
            if not byte:
                return ""
            char = decoder.decode(byte)
            if char == "\x1b":
                return char + self._pending()
            if char:
                return char

    def _pending(self) -> str:
        """What follows an Escape at once: the rest of a sequence, not a key of its own."""
        rest = b""
        while select.select([self.fd], [], [], 0.05)[0]:
            chunk = os.read(self.fd, 32)
            if not chunk:
                break
            rest += chunk
        return rest.decode(self.encoding, "replace")


def reads_keys(stream: TextIO) -> bool:
    """Whether `stream` is a terminal that single_keys can put in single-key mode."""
    if termios is None:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def single_keys(stream: TextIO) -> Iterator[SingleKeys]:
    """The terminal of `stream` in single-key mode, its settings restored however the block
    ends: normally, by an exception (Ctrl-C), by SIGTERM or SIGHUP (restored, then the signal
    does what it did), and around Ctrl-Z (restored while stopped, single keys again after fg)."""
    fd = stream.fileno()
    term = SingleKeys(fd, termios.tcgetattr(fd), getattr(stream, "encoding", None) or "utf-8")

    def fatal(signum: int, _frame: object) -> None:
        term.line_mode()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    def stop(signum: int, _frame: object) -> None:
        keys = term.keys
        term.line_mode()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # stopped here until fg
        signal.signal(signum, stop)
        if keys:
            term.key_mode()

    handlers = {signal.SIGTERM: fatal, signal.SIGHUP: fatal, signal.SIGTSTP: stop}
    previous = _handle(handlers)
    try:
        term.key_mode()
        yield term
    finally:
        term.line_mode()
        _handle(previous)


def _handle(handlers: dict[signal.Signals, Any]) -> dict[signal.Signals, Any]:
    """Install signal handlers, returning the ones they replace (none outside the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signum: signal.signal(signum, handler) for signum, handler in handlers.items()}
