"""The Python API (termcheck.api): the same answers as `termcheck lint --format json`, fixes
applied as --fix applies them, clear errors for bad requests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from termcheck.api import Checker, CheckError, apply_fixes, check
from termcheck.config import Settings
from termcheck.document import Document
from termcheck.results import RunResult
from tests.conftest import SEEDS, run_cli

MT = next(SEEDS.glob("mt-from-french_*.txt"))


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_report_is_what_lint_prints_for_the_same_file(tmp_path: Path, checker: Checker) -> None:
    text = MT.read_text(encoding="utf-8")
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    run = run_cli("lint", "story.txt", "--format", "json", cwd=tmp_path)
    assert checker.report(text, path="story.txt") == run.json()


def test_markdown_path_checks_prose_only(checker: Checker) -> None:
    text = "Rebels took Idleb.\n\n```\nIdleb\n```\n"
    found = checker.check(text, lang="en", path="story.md")
    assert [(f["code"], f["line"]) for f in found] == [("TC201", 1)]
    assert found[0]["fix"] == {"applicability": "safe", "edits": [{"start": 12, "end": 17, "replacement": "Idlib"}]}


def test_language_decides_what_is_wrong(checker: Checker) -> None:
    assert [f["text"] for f in checker.check("Les rebelles ont pris Idleb.", lang="fr")] == []
    assert [f["text"] for f in checker.check("The rebels took Idleb.", lang="en")] == ["Idleb"]


def test_select_and_ignore(checker: Checker) -> None:
    text = "The rebels took Idleb, said the OSDH."
    codes = {f["code"] for f in checker.check(text, lang="en")}
    assert {"TC201", "TC401"} <= codes
    assert {f["code"] for f in checker.check(text, lang="en", select=["TC2"])} == {"TC201"}
    assert "TC201" not in {f["code"] for f in checker.check(text, lang="en", ignore="TC201")}


def test_inline_marker_silences(checker: Checker) -> None:
    report = checker.report("The rebels took Idleb. [termcheck: ignore TC201]\n", lang="en")
    assert report["findings"] == [] and report["suppressed"]["inline"] == 1


def test_source_text_runs_the_bilingual_rules(checker: Checker) -> None:
    report = checker.report("The rebels counted 1.5 million fighters.", lang="en",
                            source="Les rebelles ont compté 1,5 milliard de combattants.", source_lang="fr")
    assert report["documents"][0]["source_lang"] == "fr"
    assert "TC801" in {f["code"] for f in report["findings"]}
    assert all("source_span" in f for f in report["findings"] if f["code"].startswith("TC8"))


def test_apply_fixes_takes_the_json_findings_and_keeps_case(checker: Checker) -> None:
    text = "IDLEB fell. Rebels left Idleb."
    fixed = apply_fixes(text, checker.check(text, lang="en"))
    assert fixed == "IDLIB fell. Rebels left Idlib."
    assert checker.check(fixed, lang="en", select="TC201") == []


def test_fix_is_what_lint_fix_writes(tmp_path: Path, checker: Checker) -> None:
    text = MT.read_text(encoding="utf-8")
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    run_cli("lint", "story.txt", "--fix", cwd=tmp_path)
    assert checker.fix(text, path="story.txt") == article.read_text(encoding="utf-8")


class _Counting(Checker):
    """A checker that counts the documents it is asked to check."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__(settings)
        self.checked: list[Path] = []

    def check_document(self, doc: Document, **kwargs: Any) -> RunResult:
        self.checked.append(doc.path)
        return super().check_document(doc, **kwargs)


def test_lint_checks_every_file_through_the_checker_it_is_given(tmp_path: Path) -> None:
    from termcheck.report.json_report import as_dict
    from termcheck.runner import LintOptions, lint

    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text("Rebels took Idleb.\n", encoding="utf-8")
    settings = Settings(lang="en")
    counting = _Counting(settings)
    result = lint(LintOptions([tmp_path], settings), counting)
    assert sorted(p.name for p in counting.checked) == ["a.txt", "b.md"]
    assert as_dict(result) == as_dict(lint(LintOptions([tmp_path], settings)))  # as with a checker of its own
    assert [f.code for fr in result.files for f in fr.findings] == ["TC201", "TC201"]


def test_check_document_takes_a_document_made_from_a_file(checker: Checker) -> None:
    from termcheck.runner import make_document

    from_file = checker.check_document(make_document(MT, "auto")).files[0]
    from_text = checker.result(MT.read_text(encoding="utf-8"), path=str(MT)).files[0]
    assert from_file.findings and from_file.findings == from_text.findings
    assert from_file.info == from_text.info


def test_one_off_check_and_configured_checker() -> None:
    assert check("Rebels took Idleb.", lang="en")[0]["suggestions"][0] == "Idlib"
    only_names = Checker(Settings(select=["TC2"]))
    assert {f["code"] for f in only_names.check("The OSDH said Idleb fell.", lang="en")} == {"TC201"}


@pytest.mark.parametrize("kwargs, message", [
    ({"lang": "xx"}, "language 'xx' is not covered"),
    ({"source": "Bonjour.", "source_lang": "zz"}, "source language 'zz'"),
    ({"select": [3]}, "rule codes"),
])
def test_bad_requests_raise_check_error(checker: Checker, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(CheckError, match=message):
        checker.report("Text.", **kwargs)  # type: ignore[arg-type]


def test_apply_fixes_refuses_what_is_not_a_finding() -> None:
    with pytest.raises(CheckError, match="not a termcheck finding"):
        apply_fixes("text", [{"code": "TC201"}])
