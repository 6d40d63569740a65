"""Issue 13, "Never a silent pass": command lines that ended in "No findings", exit 0, while
checking nothing, or less than asked. Each test here failed on the code before the fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

MT = "Fighting raged in Idleb.\n"


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("code", ["TC2O1", "TC9"])
def test_an_unknown_rule_selector_is_an_error(tmp_path: Path, option: str, code: str) -> None:
    (tmp_path / "a.txt").write_text(MT, encoding="utf-8")
    run = run_cli("lint", "a.txt", option, f"TC201,{code}", cwd=tmp_path)
    assert run.exit_code == 2
    assert f"unknown rule selector '{code}'" in run.stderr and option in run.stderr


def test_a_prefix_of_some_rule_is_still_a_selector(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MT, encoding="utf-8")
    assert run_cli("lint", "a.txt", "--select", "tc2", cwd=tmp_path).exit_code == 1
    assert run_cli("lint", "a.txt", "--ignore", "TC2", cwd=tmp_path).exit_code == 0


def test_an_unknown_rule_selector_in_the_config_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "termcheck.toml").write_text('lang = "en"\nignore = ["TC2O1"]\n', encoding="utf-8")
    run = run_cli("lint", "a.txt", cwd=tmp_path)
    assert run.exit_code == 2
    assert "termcheck.toml:2: unknown rule selector 'TC2O1' in 'ignore'" in run.stderr


def test_an_unknown_code_in_a_marker_is_a_notice_and_a_finding(tmp_path: Path) -> None:
    # The marker was not read at all: the typo hid in plain sight.
    (tmp_path / "a.md").write_text("<!-- termcheck: ignore TC2O1 -->\n" + MT, encoding="utf-8")
    run = run_cli("lint", "a.md", "--lang", "en", "--format", "json", cwd=tmp_path)
    assert "a.md:1: unknown rule code 'TC2O1'" in run.stderr
    assert sorted(f["code"] for f in run.json()["findings"]) == ["TC001", "TC201"]  # TC201 not silenced
    quiet = run_cli("lint", "a.md", "--lang", "en", "--select", "TC2", cwd=tmp_path)
    assert "unknown rule code 'TC2O1'" in quiet.stderr  # said even when TC001 does not run


def test_a_marker_with_a_known_and_an_unknown_code_still_silences_the_known(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fighting raged in Idleb. [termcheck: ignore TC201, TC9]\n", encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--format", "json", cwd=tmp_path)
    found = run.json()["findings"]
    assert [f["code"] for f in found] == ["TC001"] and "'TC9'" in found[0]["message"]
    assert found[0]["suggestions"] == []  # deleting the marker would un-silence TC201


# --- standard input, pipes and FIFOs --------------------------------------------------------------

ARTICLE_MD = "# Idleb\n\n```\nIdleb in code is not prose\n```\n\nRebels evoke the OSDH.\n"


def _termcheck(*args: str, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[bytes]:
    """The console script in a process of its own: standard input is a real pipe (CliRunner's is not)."""
    return subprocess.run([sys.executable, "-c", "from termcheck.cli.main import main; main()", *args], cwd=cwd,
                          input=stdin, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
                          timeout=120)


def test_stdin_named_gives_the_findings_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE_MD, encoding="utf-8")
    from_file = _termcheck("lint", "a.md", "--format", "json", cwd=tmp_path)
    piped = _termcheck("lint", "-", "--stdin-filename", "a.md", "--format", "json", cwd=tmp_path,
                       stdin=ARTICLE_MD.encode())
    assert piped.returncode == from_file.returncode == 1, piped.stderr
    assert json.loads(piped.stdout) == json.loads(from_file.stdout)  # markup (the code block) and path alike
    assert [f["code"] for f in json.loads(piped.stdout)["findings"]] == ["TC201", "TC301", "TC401"]


def test_stdin_with_fix_writes_the_fixed_text_to_stdout(tmp_path: Path) -> None:
    run = _termcheck("lint", "-", "--stdin-filename", "a.md", "--fix", "-q", cwd=tmp_path,
                     stdin=ARTICLE_MD.encode())
    assert run.stdout.decode() == ARTICLE_MD.replace("# Idleb", "# Idlib").replace("OSDH", "SOHR")
    assert run.returncode == 1  # TC301 has no safe fix: a finding remains
    assert not list(tmp_path.iterdir())  # nothing written


def test_a_pipe_and_dev_stdin_are_read_as_files(tmp_path: Path) -> None:
    # `lint /dev/stdin` fed by a pipe was refused as "not a regular file" (exit 2), and `-` was a
    # file or folder named '-' that did not exist.
    run = _termcheck("lint", "/dev/stdin", "--lang", "en", cwd=tmp_path, stdin=MT.encode())
    assert run.returncode == 1 and b"/dev/stdin:1:19: TC201" in run.stdout, run.stderr
    assert _termcheck("lint", "-", "--lang", "en", cwd=tmp_path, stdin=b"Fine.\n").returncode == 0


def test_stdin_filename_without_stdin_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MT, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--stdin-filename", "b.md", cwd=tmp_path)
    assert run.exit_code == 2 and "--stdin-filename" in run.stderr


def test_a_named_broken_link_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    run = run_cli("lint", "gone.txt", cwd=tmp_path)
    assert run.exit_code == 2 and "gone.txt: broken symbolic link" in run.stderr  # was exit 0, "No findings"


# --- nothing to check, annotations GitHub does not show -----------------------------------------

def test_a_run_that_finds_no_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.html").write_text(MT, encoding="utf-8")  # not searched for by default
    run = run_cli("lint", "news", cwd=tmp_path)
    assert run.exit_code == 0
    assert "no file to check in news" in run.stderr and "--include" in run.stderr


def test_github_format_says_how_many_annotations_are_not_shown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels in Idleb evoke the OSDH.\n" * 12, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--format", "github", "-q", cwd=tmp_path)
    errors = run.stdout.count("::error ")
    warnings = run.stdout.count("::warning ")
    assert errors > 10 and warnings > 10
    hidden = errors - 10 + warnings - 10
    assert f"{hidden} of the {errors + warnings} annotations made" in run.stderr
    one_kind = run_cli("lint", "a.txt", "--lang", "en", "--format", "github", "--select", "TC401", cwd=tmp_path)
    assert one_kind.stdout.count("::") > 10 and "will not be shown" in one_kind.stderr
    (tmp_path / "a.txt").write_text("Rebels in Idleb.\n", encoding="utf-8")
    assert "will not be shown" not in run_cli("lint", "a.txt", "--format", "github", cwd=tmp_path).stderr
