"""Issue 13, "Never a silent pass": command lines that ended in "No findings", exit 0, while
checking nothing, or less than asked. Each test here failed on the code before the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

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
