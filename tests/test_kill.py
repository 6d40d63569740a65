"""Issue 12: `--fix` and `--interactive` killed (SIGKILL) or interrupted (SIGINT) at random
moments, seeded: every file is entirely old or entirely new, every answer the transcript
acknowledged (`saved`) is in the file, and the next run leaves no temporary file of ours."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from termcheck.io.safewrite import STALE, clean_stale

GLOSSARY = '''[[entry]]
id = "idlib"
kind = "place"
canonical = { en = "Idlib", fr = "Idleb" }
wrong = { fr = ["Idleb"] }
'''
OLD = "".join(f"Paragraph {n}: fighting went on in Idleb, and Idleb held.\r\n" for n in range(6))
NEW = OLD.replace("Idleb", "Idlib")
FILES = 12  # articles per folder; one of them has a second hard link
RUNS = 12  # of each kind: 24 killed or interrupted runs in all
SEED = 20261207


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One cache for every run (built by the first), so that each run takes about a second."""
    home = tmp_path_factory.mktemp("kill-home")
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PYTHONUNBUFFERED": "1",
            "TERMCHECK_CACHE_DIR": str(home / "cache"), "TERMCHECK_CONFIG_DIR": str(home / "config")}


def _command(*extra: str) -> list[str]:
    # One rule and a glossary of one name: small, quick runs whose fixes are known.
    return [sys.executable, "-m", "termcheck", "lint", ".", "--lang", "en", "--no-default-glossary",
            "--glossary", "../names.toml", "--select", "TC201", "--jobs", "1", "-q", *extra]


def _reset(folder: Path) -> None:
    for p in folder.iterdir():
        p.unlink()
    for n in range(FILES):
        (folder / f"a{n:02d}.txt").write_bytes(OLD.encode())
    os.link(folder / "a00.txt", folder / "a00-link.txt")  # written in place, through its inode


def _ours(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if STALE.match(p.name)]


def _finish(folder: Path, env: dict[str, str]) -> None:
    """The next run: a --fix to the end, after which nothing of ours is left and all is fixed."""
    subprocess.run(_command("--fix"), cwd=folder, env=env, capture_output=True, timeout=120, check=False)
    assert _ours(folder) == []
    assert {p.read_bytes() for p in folder.iterdir()} == {NEW.encode()}


def _timed_run(folder: Path, env: dict[str, str], *extra: str, stdin: str = "") -> float:
    """How long a whole run takes (the second of two: the first may build the caches)."""
    took = 0.0
    for _ in range(2):
        _reset(folder)
        start = time.monotonic()
        subprocess.run(_command(*extra), cwd=folder, env=env, input=stdin, text=True, capture_output=True,
                       timeout=120, check=False)
        took = time.monotonic() - start
    return took


def test_killed_fix_leaves_every_file_old_or_new(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "names.toml").write_text(GLOSSARY, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    rng = random.Random(SEED)
    took = _timed_run(folder, env, "--fix")  # also warms the caches
    outcomes = {"old": 0, "new": 0}
    for _ in range(RUNS):
        _reset(folder)
        proc = subprocess.Popen(_command("--fix"), cwd=folder, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, took * 1.1))
        proc.send_signal(rng.choice([signal.SIGKILL, signal.SIGINT]))
        proc.wait(timeout=120)
        clean_stale(folder, time.time())  # what the next run does first (plays back journals)
        for p in folder.iterdir():
            data = p.read_bytes()
            assert data in (OLD.encode(), NEW.encode()), p.name  # never torn
            outcomes["old" if data == OLD.encode() else "new"] += 1
        assert (folder / "a00.txt").read_bytes() == (folder / "a00-link.txt").read_bytes()
        _finish(folder, env)
    assert outcomes["old"] and outcomes["new"]  # the kills fell before, during and after the writes


def test_killed_interactive_keeps_every_acknowledged_answer(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "names.toml").write_text(GLOSSARY, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    rng = random.Random(SEED + 1)
    answers = "1\n" * (2 * OLD.count("Idleb") * 2)  # accept every suggestion in the first files
    took = _timed_run(folder, env, "--interactive", stdin=answers)
    kept = 0
    for run in range(RUNS):
        _reset(folder)
        proc = subprocess.Popen(_command("--interactive"), cwd=folder, env=env, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert proc.stdin is not None
        proc.stdin.write(answers)
        proc.stdin.flush()
        head = ""
        if run % 2:
            # Every other kill falls after the first acknowledged answer, however loaded the
            # machine is, so that answers are kept in some runs; the others fall anywhere.
            assert proc.stdout is not None
            # Read from the descriptor, not proc.stdout.readline(): what readline reads ahead
            # stays in the file object's buffer, which communicate() below never sees, and the
            # `saved` lines in it went uncounted.
            while "saved" not in head and (chunk := os.read(proc.stdout.fileno(), 65536)):
                head += chunk.decode(errors="replace")
            time.sleep(rng.uniform(0.0, took * 0.5))
        else:
            time.sleep(rng.uniform(0.0, took * 1.1))
        proc.send_signal(rng.choice([signal.SIGKILL, signal.SIGINT]))
        try:
            rest, _ = proc.communicate(timeout=120)
        except BrokenPipeError:  # pragma: no cover  (already gone)
            rest = proc.stdout.read() if proc.stdout else ""
        out = head + rest
        saved = out.count("\nsaved\n")
        clean_stale(folder, time.time())
        texts = [(folder / f"a{n:02d}.txt").read_bytes().decode() for n in range(FILES)]
        # Answers are given file after file, occurrence after occurrence: the files hold the
        # first k of them, k being the answers acknowledged (or one more, killed before saying so).
        done = [OLD.count("Idleb") - t.count("Idleb") for t in texts]
        for t, n in zip(texts, done, strict=True):
            assert t == OLD.replace("Idleb", "Idlib", n)  # whole answers, in order
        assert done == sorted(done, reverse=True)
        assert sum(done) in (saved, saved + 1), (saved, done)
        assert (folder / "a00.txt").read_bytes() == (folder / "a00-link.txt").read_bytes()
        kept += sum(done)
        _finish(folder, env)
    assert kept  # some answers were given before the kills
