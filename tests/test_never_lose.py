"""Issue 12, "Never lose what a person did" (points 7-12): --fix and --interactive keep every
byte they do not mean to change, every answer given, and never apply what was not shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termcheck.document import Span
from termcheck.findings import Applicability, Edit, Finding, Fix, Severity, one_candidate
from termcheck.fixer import fix_text
from tests.conftest import run_cli

# --- 12: a fix with several candidates is not safe; --unsafe-fixes says what it applied ------


def _json(path: Path) -> list[dict[str, object]]:
    run = run_cli("lint", str(path), "--format", "json", "--lang", "en", cwd=path.parent)
    return run.json()["findings"]  # type: ignore[no-any-return]


def test_several_candidates_are_not_a_safe_fix(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Bachar said the sunnite groups would stay in Idleb.\n", encoding="utf-8")
    kinds = {f["text"]: (f["fix"] or {}).get("applicability") for f in _json(article)}  # type: ignore[attr-defined]
    assert kinds["Bachar"] == "unsafe"  # Bashar, Assad, Al-Assad: a person chooses
    assert kinds["sunnite"] == "unsafe"  # Sunni or Sunnis
    assert kinds["Idleb"] == "safe"  # Idlib, or the other romanisation Edlib: one name
    run_cli("lint", str(article), "--fix", "--lang", "en", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == "Bachar said the sunnite groups would stay in Idlib.\n"


def test_one_candidate_is_one_name_spelt_alike() -> None:
    assert one_candidate(["Idlib", "Edlib"])
    assert one_candidate(["Rami Abdel Rahman", "Rami Abdelrahman", "Rami Abdul Rahman"])
    assert not one_candidate(["Bashar", "Assad", "Al-Assad"])
    assert not one_candidate(["Sunni", "Sunnis"])
    assert not one_candidate(["Syrian Observatory for Human Rights", "Syrian Observatory", "SOHR"])


def test_unsafe_fixes_name_every_fix_they_apply(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Bachar left Idleb.\n", encoding="utf-8")
    shown = [f for f in _json(article) if f["fix"]]
    run = run_cli("lint", str(article), "--fix", "--unsafe-fixes", "--lang", "en", cwd=tmp_path)
    applied = [line for line in run.stderr.splitlines() if "fix applied" in line]
    assert len(applied) == len(shown) == 2
    assert any("'Bachar' -> 'Bashar'" in line and ":1:1:" in line for line in applied)
    assert any("'Idleb' -> 'Idlib'" in line for line in applied)
    assert article.read_text(encoding="utf-8") == "Bashar left Idlib.\n"


def _flag(text: str, pattern: str, replacement: str, code: str) -> list[Finding]:
    return [Finding(code, "t", "t", Span(m.start(), m.end()), Severity.ERROR, [replacement],
                    Fix(Applicability.SAFE, (Edit(Span(m.start(), m.end()), replacement),)), text=m.group())
            for m in re.finditer(pattern, text)]


def test_a_finding_that_only_the_fixed_text_has_is_not_applied() -> None:
    # After 'Idleb' is fixed, the re-check finds a new kind of finding (as when the language
    # evidence moves and an acronym rule wakes): it was never reported, so it is not applied.
    def check(text: str) -> list[Finding]:
        return _flag(text, r"Idleb", "Idlib", "TC201") + (_flag(text, r"UN", "ONU", "TC401") if "Idlib" in text else [])

    text = "Idleb and the UN."
    result = fix_text(text, check(text), check)
    assert result.text == "Idlib and the UN."
    assert [f.text for f in result.fixes] == ["Idleb"]


# --- 11: residue lines in LF, CRLF and CR files ------------------------------------------------

RESIDUE = ["The talks failed.", "With AFP", ">> Read also: In Syria, an endless war", "The end."]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_residue_lines_are_found_and_deleted_whole_in_every_line_ending(tmp_path: Path, newline: str) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(newline.join(RESIDUE).encode() + newline.encode())
    found = [(f["line"], f["code"]) for f in _json(article)]
    assert (2, "TC701") in found and (3, "TC701") in found  # 'With AFP' on a CRLF line too
    run_cli("lint", str(article), "--fix", "--unsafe-fixes", "--lang", "en", cwd=tmp_path)
    # Each deleted line takes its own line break: no empty line, no mixed line endings.
    assert article.read_bytes() == f"The talks failed.{newline}The end.{newline}".encode()


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_a_residue_last_line_takes_the_break_before_it(tmp_path: Path, newline: str) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(f"The talks failed.{newline}With AFP".encode())
    run_cli("lint", str(article), "--fix", "--unsafe-fixes", "--lang", "en", cwd=tmp_path)
    assert article.read_bytes() == b"The talks failed."
