"""Shared helpers: run the CLI in-process, load the shipped glossary once."""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from termcheck.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPDATE = os.environ.get("TERMCHECK_UPDATE_SNAPSHOTS") == "1"

# A suite started in the background by a shell without job control (`cmd &` in a script)
# inherits SIGINT ignored, and so would every termcheck it starts: the Ctrl-C tests would then
# wait for an interrupt that never comes. A Python handler here gives children the default.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


class Run:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(*args: str, cwd: Path | None = None) -> Run:
    runner = CliRunner()
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli() -> Any:
    return run_cli


def lint_text(tmp_path: Path, text: str, *args: str, name: str = "article.txt") -> list[dict[str, Any]]:
    """Write one article and return its JSON findings."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = run_cli("lint", str(path), "--format", "json", *args, cwd=tmp_path)
    assert run.exit_code in (0, 1), run.stderr
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def votes_word_by_word(text: str, limit: int = 3000) -> Counter[str]:
    """Function-word votes counted word by word: what language.function_word_votes must give."""
    from termcheck.lang import detect as language

    votes: Counter[str] = Counter()
    for n, m in enumerate(language._WORD.finditer(text)):
        if n >= limit:
            break
        for lang in language._WORD_LANGS.get(m.group().lower(), ()):
            votes[lang] += 1
    return votes


# --- headless Chromium, for the HTML report's tests (not downloaded: Debian's package) -----------

CHROMIUM = next((p for p in (os.environ.get("TERMCHECK_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"))
                 if p and Path(p).exists()), None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("Chromium not found (install Debian's 'chromium' package; it is not downloaded)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
