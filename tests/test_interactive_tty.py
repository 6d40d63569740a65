"""`lint --interactive` in a real terminal: a pseudo-terminal, keys sent one at a time and never
an Enter, the terminal's settings checked after every way out (issue 13)."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_interactive import GLOSSARY as PIPED_GLOSSARY

# The names of tests/test_interactive.py, Idleb with a single suggestion: `A` is then one key.
GLOSSARY = PIPED_GLOSSARY.replace('alternates = { en = ["Edlib"] }\n', "")
FIVE = ("The OSDH said fighting went on in Idleb.\n"
        "Idleb was shelled at dawn.\n\n"
        "Families fled Idleb, and the roads out of Idleb were full.\n"
        "Aid reached Idleb on Friday.\n")
TIMEOUT = 60.0


class Terminal:
    """termcheck run on a pseudo-terminal it has as its controlling terminal, as in a shell."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.master, self.slave = os.openpty()
        self.fresh = termios.tcgetattr(self.slave)  # what the terminal must be given back as
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PYTHONUNBUFFERED": "1"}
        env.pop("NO_COLOR", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "termcheck", "lint", *args, "--interactive", "--lang", "en",
             "--no-default-glossary", "--glossary", "names.toml"],
            cwd=folder, env=env, stdin=self.slave, stdout=self.slave, stderr=self.slave,
            start_new_session=True, preexec_fn=_controlling_terminal)
        self.seen = ""  # everything printed so far, line breaks as "\n"
        self.at = 0  # where the next expect looks from

    def expect(self, pattern: str, right_after: bool = False) -> re.Match[str]:
        """Wait until `pattern` is printed after what the last expect matched (`right_after`: at once after it)."""
        deadline = time.monotonic() + TIMEOUT
        find = re.compile(pattern).match if right_after else re.compile(pattern).search
        while not (m := find(self.seen, self.at)):
            left = deadline - time.monotonic()
            assert left > 0, f"no {pattern!r} in:\n{self.seen[self.at:]}"
            if select.select([self.master], [], [], left)[0]:
                try:
                    self.seen += os.read(self.master, 4096).decode("utf-8", "replace").replace("\r\n", "\n")
                except OSError:  # pragma: no cover  (Linux: EIO once the other side is closed)
                    time.sleep(0.05)
        self.at = m.end()
        return m

    def press(self, key: str) -> None:
        """One key, as a person presses it: no Enter after it."""
        os.write(self.master, key.encode())

    def single_keys(self) -> bool:
        """Whether termcheck has the terminal in single-key mode (no line editing, no echo)."""
        lflag = termios.tcgetattr(self.slave)[3]
        return not lflag & (termios.ICANON | termios.ECHO)

    def restored(self) -> bool:
        return termios.tcgetattr(self.slave) == self.fresh

    def wait(self) -> int:
        """termcheck's exit code, once it has ended; what it printed last is read too."""
        code = self.proc.wait(timeout=TIMEOUT)
        while select.select([self.master], [], [], 0.2)[0]:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:  # pragma: no cover
                break
            if not chunk:
                break
            self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=TIMEOUT)
        os.close(self.master)
        os.close(self.slave)


def _controlling_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # Ctrl-C on this terminal signals termcheck, as in a shell


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "names.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FIVE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def terminal(folder: Path) -> Iterator[Terminal]:
    term = Terminal(folder, "a.txt")
    yield term
    term.close()


def text(folder: Path, name: str = "a.txt") -> str:
    return (folder / name).read_text(encoding="utf-8")


def test_single_keys_n_of_n_undo_and_every_occurrence(folder: Path, terminal: Terminal) -> None:
    terminal.expect(r"finding 1 of 6\na.txt:1:5: TC\d+ .*OSDH")
    terminal.expect(r"q: quit > ")
    assert terminal.single_keys()  # while it waits for an answer
    terminal.press("1")  # no Enter
    terminal.expect(r"1\nsaved\n", right_after=True)
    assert text(folder) == FIVE.replace("OSDH", "SOHR")

    terminal.expect(r"finding 2 of 6\na.txt:1:35: TC201 'Idleb'")
    terminal.expect(r"A: all 5 alike, .*u: undo, q: quit > ")
    terminal.press("u")  # undo the OSDH answer: the file as it was, and the same question again
    terminal.expect(r"u\nundone, saved\n", right_after=True)
    assert text(folder) == FIVE
    terminal.expect(r"finding 1 of 6\n.*OSDH")
    terminal.expect(r"q: quit > ")
    terminal.press("s")

    terminal.expect(r"finding 2 of 6\n.*'Idleb'")
    terminal.expect(r"A: all 5 alike, .*q: quit > ")
    terminal.press("A")  # five Idleb, one answer
    terminal.expect(r"A\nchanged 5 occurrences\nsaved\n", right_after=True)
    assert text(folder) == FIVE.replace("Idleb", "Idlib")

    assert terminal.wait() == 1  # the skipped OSDH remains
    assert "finding 3 of 6" not in terminal.seen  # not asked about the other four Idleb
    assert "accepted 5 changes, wrote 1 file" in terminal.seen
    assert terminal.restored()


def test_type_your_own_is_a_line_with_echo(folder: Path, terminal: Terminal) -> None:
    terminal.expect(r"q: quit > ")
    terminal.press("s")
    terminal.expect(r"finding 2 of 6\n(.*\n)*.*q: quit > ")
    terminal.press("e")
    terminal.expect(r"replacement > ")
    assert not terminal.single_keys()  # the person types a line, and sees it
    terminal.press("Idlib city\r")
    terminal.expect(r"Idlib city\nsaved\n")
    terminal.expect(r"finding 3 of 6\n(.*\n)*.*q: quit > ")
    assert terminal.single_keys()
    terminal.press("q")
    assert terminal.wait() == 1
    assert text(folder) == FIVE.replace("Idleb", "Idlib city", 1)
    assert terminal.restored()


def test_ctrl_c_keeps_answers_and_gives_the_terminal_back(folder: Path, terminal: Terminal) -> None:
    terminal.expect(r"q: quit > ")
    terminal.press("1")
    terminal.expect(r"saved\n(.*\n)*.*q: quit > ")
    terminal.press("\x03")  # Ctrl-C, through the terminal
    assert terminal.wait() == 130
    assert "interrupted; accepted 1 change" in terminal.seen and "Traceback" not in terminal.seen
    assert text(folder) == FIVE.replace("OSDH", "SOHR")
    assert terminal.restored()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_fatal_signal_gives_the_terminal_back(folder: Path, terminal: Terminal, signum: int) -> None:
    terminal.expect(r"q: quit > ")
    terminal.press("1")
    terminal.expect(r"saved\n(.*\n)*.*q: quit > ")
    terminal.proc.send_signal(signum)
    assert terminal.wait() == -signum  # ended by the signal, as before
    assert text(folder) == FIVE.replace("OSDH", "SOHR")
    assert terminal.restored()


def test_undo_reaches_back_into_the_previous_file(folder: Path) -> None:
    (folder / "b.txt").write_text("Idleb again.\n", encoding="utf-8")
    (folder / "a.txt").write_text("Rebels left Idleb.\n", encoding="utf-8")
    term = Terminal(folder, "a.txt", "b.txt")
    try:
        term.expect(r"finding 1 of 2\na.txt:.*\n(.*\n)*.*q: quit > ")
        term.press("1")
        term.expect(r"saved\n")
        term.expect(r"finding 2 of 2\nb.txt:.*\n(.*\n)*.*u: undo, q: quit > ")
        term.press("u")
        term.expect(r"undone, saved\n")
        assert text(folder) == "Rebels left Idleb.\n"
        term.expect(r"finding 1 of 2\na.txt:.*\n(.*\n)*.*q: quit > ")
        term.press("s")
        term.expect(r"finding 2 of 2\nb.txt:.*\n(.*\n)*.*q: quit > ")
        term.press("1")
        term.expect(r"saved\n")
        assert term.wait() == 1
        assert (text(folder), text(folder, "b.txt")) == ("Rebels left Idleb.\n", "Idlib again.\n")
    finally:
        term.close()


def test_more_than_nine_suggestions_take_two_digits_or_enter(folder: Path) -> None:
    others = ", ".join(f'"Idlib{n}"' for n in range(2, 13))
    wrong = 'wrong = { fr = ["Idleb"] }'
    twelve = GLOSSARY.replace(wrong, f"alternates = {{ en = [{others}] }}\n{wrong}")
    (folder / "names.toml").write_text(twelve, encoding="utf-8")
    (folder / "a.txt").write_text("Idleb one.\nIdleb two.\n", encoding="utf-8")
    term = Terminal(folder, "a.txt")
    try:
        term.expect(r"  12\) Idlib12\n\[1-12\] accept.*q: quit > ")
        term.press("1")
        term.press("1")  # 11: complete, as no suggestion is numbered 110
        term.expect(r"11\nsaved\n", right_after=True)
        term.expect(r"finding 2 of 2\n(.*\n)*.*q: quit > ")
        term.press("1")
        term.press("\r")  # 1, or the start of 10-12: Enter says it is 1
        term.expect(r"1\nsaved\n", right_after=True)
        term.wait()  # (Idlib11, no real name, may be reported in turn)
        assert text(folder) == "Idlib11 one.\nIdlib two.\n"
    finally:
        term.close()
