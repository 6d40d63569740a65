"""Every rule's documented examples behave as documented, and fixture articles per rule
give exactly their expected findings (snapshots: TERMCHECK_UPDATE_SNAPSHOTS=1 rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, UPDATE, lint_text, run_cli

from termcheck.rules import all_rules

ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))


def _lint_example(tmp_path: Path, example: str, name: str) -> list[dict]:  # type: ignore[type-arg]
    """An example is linted alone, or, written "TARGET ||| SOURCE" (rules that need the
    source), with its source beside it (--source)."""
    target, bar, source = example.partition(" ||| ")
    if not bar:
        return lint_text(tmp_path, example, "--lang", "en", name=name)
    (tmp_path / f"source-{name}").write_text(source, encoding="utf-8")
    return lint_text(tmp_path, target, "--lang", "en", "--source", f"source-{name}", name=name)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_examples(rule, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    flagged = _lint_example(tmp_path, rule.flagged_example, "flagged.txt")
    assert rule.code in [f["code"] for f in flagged], flagged
    clean = _lint_example(tmp_path, rule.clean_example, "clean.txt")
    assert [f for f in clean if f["code"] == rule.code] == []


def test_every_rule_has_fixture_articles() -> None:
    covered = {p.name.split("-")[0] for p in ARTICLES}
    assert {r.code for r in all_rules()} <= covered


def _summary(findings: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [{"line": f["line"], "column": f["column"], "code": f["code"], "text": f["text"],
             "suggestion": (f["suggestions"] or [None])[0],
             "fix": f["fix"]["applicability"] if f["fix"] else None} for f in findings]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_fixture_article(article: Path) -> None:
    """`TCnnn-flagged-*.txt` must carry a finding of that rule; `TCnnn-clean-*.txt` none of it.
    An article with a `.source` file beside it is checked with that source (--source)."""
    source = article.with_suffix(".source")
    extra = ["--source", source.name] if source.exists() else []
    run = run_cli("lint", article.name, "--format", "json", *extra, cwd=article.parent)
    assert run.exit_code in (0, 1), run.stderr
    got = _summary(run.json()["findings"])
    expected_file = article.with_suffix(".expected.json")
    if UPDATE or not expected_file.exists():
        expected_file.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))
    code, kind = article.name.split("-")[:2]
    codes = [f["code"] for f in got]
    if kind == "flagged":
        assert code in codes
    else:
        assert code not in codes
