"""`lint --diff` on a terminal: the changed words with a little context, not a paragraph twice
(issue 13); piped, still a unified diff that patch applies (tests/test_fixer.py applies it)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

from termcheck.fix.worddiff import CONTEXT, MAX_TOKENS, diff_for, word_diff

# A news paragraph of some 600 characters with three changes in it.
PARAGRAPH = ("On Tuesday the rebels, who had held the northern province for most of the past decade, left Idleb "
             "after weeks of shelling by diet forces, according to the OSDH, which has a network of sources across "
             "the country and in neighbouring Turkey, where many families of the region have found refuge since "
             "the first months of the uprising in 2011, and where aid agencies say that more than a million people "
             "now live in camps along the border, most of them in tents that do not keep out the winter cold.\n")
FIXED = PARAGRAPH.replace("Idleb", "Idlib").replace("by diet", "by the regime").replace("OSDH", "SOHR")


def test_a_long_paragraph_shows_only_its_changed_words() -> None:
    old = "Syria: the rebels leave\n\n" + PARAGRAPH
    out = word_diff("a.txt", old, "Syria: the rebels leave\n\n" + FIXED)
    [line] = out.splitlines()
    assert line.startswith("a.txt:3: …")  # the place as the report names it, the line's start cut
    assert "left [-Idleb-]{+Idlib+} after weeks of shelling by [-diet-]{+the regime+} forces, according to the " \
           "[-OSDH-]{+SOHR+}, which" in line
    assert line.endswith("…") and "winter cold" not in line and "Syria" not in line
    assert len(line) < len(PARAGRAPH) / 2  # not the paragraph, let alone twice


def test_changes_far_apart_in_a_line_keep_context_each_side() -> None:
    old = "Idleb " + "x" * 10 + " words " * 40 + "the OSDH said.\n"
    new = old.replace("Idleb", "Idlib").replace("OSDH", "SOHR")
    [line] = word_diff("a.txt", old, new).splitlines()
    assert line.startswith("a.txt:1: [-Idleb-]{+Idlib+} xxxxxxxxxx words")
    assert " … " in line and line.endswith("words the [-OSDH-]{+SOHR+} said.")
    middle = line[line.index("+}") + 2 : line.index("[-OSDH")]
    assert len(middle) <= 2 * CONTEXT + 5


def test_each_changed_line_is_numbered_and_unchanged_lines_are_left_out() -> None:
    old = "Idleb one.\nNothing here.\nNothing here either.\nIdleb four.\r\n"
    out = word_diff("a.txt", old, old.replace("Idleb", "Idlib"))
    assert out == "a.txt:1: [-Idleb-]{+Idlib+} one.\na.txt:4: [-Idleb-]{+Idlib+} four.\n"


def test_a_deleted_line_is_marked_with_its_line_break() -> None:
    old = "Rebels left Idlib.\n>> Read also: the war in Syria\nEnd.\n"
    out = word_diff("a.txt", old, old.replace(">> Read also: the war in Syria\n", ""))
    assert out == "a.txt:2: [->> Read also: the war in Syria↵-]\n"


def test_text_that_would_drive_the_terminal_is_shown_escaped() -> None:
    old = "Idleb\x1b]0;owned\x07 and\ttab\n"
    out = word_diff("a\x1b[2J.txt", old, old.replace("Idleb", "Idlib"))
    assert "\x1b" not in out and "\x07" not in out and "\t" not in out
    assert out == "a\\x1b[2J.txt:1: [-Idleb-]{+Idlib+}\\x1b]0;owned\\x07 and tab\n"


def test_a_very_long_line_still_shows_only_its_changed_words() -> None:
    old = "Idleb was shelled. " + "".join(f"Sentence {n} of the war. " for n in range(MAX_TOKENS)) + "The OSDH said.\n"
    started = time.monotonic()
    [line] = word_diff("a.txt", old, old.replace("Idleb", "Idlib").replace("OSDH", "SOHR")).splitlines()
    assert time.monotonic() - started < 10  # not the minutes of an exact match
    assert line.startswith("a.txt:1: [-Idleb-]{+Idlib+} was shelled.") and line.endswith("The [-OSDH-]{+SOHR+} said.")
    assert " … " in line and len(line) < 3 * CONTEXT + 60


def test_no_change_no_output() -> None:
    assert word_diff("a.txt", PARAGRAPH, PARAGRAPH) == ""


def test_a_pipe_gets_the_unified_diff(tmp_path: Path) -> None:
    with open(tmp_path / "out", "w", encoding="utf-8") as stream:
        assert diff_for(stream, "a.txt", PARAGRAPH, FIXED).startswith("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n")


def _on_a_terminal(folder: Path, *args: str) -> tuple[int, str]:
    """termcheck with its output on a pseudo-terminal: exit code and what it showed."""
    master, slave = os.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen([sys.executable, "-m", "termcheck", *args], cwd=folder, env=env,
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if not select.select([master], [], [], 1)[0]:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 4096)
        except OSError:  # Linux: EIO once termcheck has closed its side
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return proc.wait(timeout=120), shown.decode().replace("\r\n", "\n")


def test_lint_diff_on_a_terminal_shows_the_words(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    code, shown = _on_a_terminal(tmp_path, "lint", "a.txt", "--diff", "--lang", "en", "--select", "TC201")
    assert code == 1
    assert shown.startswith("a.txt:1: …") and "left [-Idleb-]{+Idlib+} after" in shown
    assert "+++" not in shown and "OSDH" not in shown  # not a patch, and not the paragraph
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == PARAGRAPH  # --diff writes nothing
