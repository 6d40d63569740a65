"""SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from conftest import SEEDS, run_cli

from termcheck.report.github import escape_data, escape_property
from termcheck.rules import all_rules

# The constraints of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that this output
# relies on: required properties, enums and minimums of the objects termcheck writes.
_REGION = {"type": "object", "properties": {
    "startLine": {"type": "integer", "minimum": 1}, "startColumn": {"type": "integer", "minimum": 1},
    "endLine": {"type": "integer", "minimum": 1}, "endColumn": {"type": "integer", "minimum": 1},
    "charOffset": {"type": "integer", "minimum": -1}, "charLength": {"type": "integer", "minimum": 0}}}
_MESSAGE = {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}]}
_ARTIFACT_LOCATION = {"type": "object", "properties": {"uri": {"type": "string"}, "index": {"minimum": -1}}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_REPLACEMENT = {"type": "object", "required": ["deletedRegion"],
                "properties": {"deletedRegion": _REGION, "insertedContent": {"type": "object"}}}
_CHANGE = {"type": "object", "required": ["artifactLocation", "replacements"],
           "properties": {"artifactLocation": _ARTIFACT_LOCATION,
                          "replacements": {"type": "array", "minItems": 1, "items": _REPLACEMENT}}}
_FIX = {"type": "object", "required": ["artifactChanges"],
        "properties": {"artifactChanges": {"type": "array", "minItems": 1, "items": _CHANGE}}}
_LOCATION = {"type": "object", "properties": {"physicalLocation": {
    "type": "object", "properties": {"artifactLocation": _ARTIFACT_LOCATION, "region": _REGION}}}}
_RESULT = {"type": "object", "required": ["message"],
           "properties": {"message": _MESSAGE, "level": _LEVEL, "ruleIndex": {"type": "integer", "minimum": -1},
                          "locations": {"type": "array", "items": _LOCATION},
                          "fixes": {"type": "array", "items": _FIX}}}
_RULE = {"type": "object", "required": ["id"],
         "properties": {"defaultConfiguration": {"type": "object", "properties": {"level": _LEVEL}}}}
_DRIVER = {"type": "object", "required": ["name"],
           "properties": {"rules": {"type": "array", "items": _RULE}}}
_RUN = {"type": "object", "required": ["tool"],
        "properties": {"columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                       "tool": {"type": "object", "required": ["driver"], "properties": {"driver": _DRIVER}},
                       "results": {"type": "array", "items": _RESULT}}}
SARIF_SUBSET: dict[str, Any] = {"type": "object", "required": ["version", "runs"],
                                "properties": {"version": {"enum": ["2.1.0"]},
                                               "runs": {"type": "array", "items": _RUN}}}


def _seeds(fmt: str) -> Any:
    run = run_cli("lint", str(SEEDS), "--format", fmt)
    assert run.exit_code == 1, run.stderr
    return run


def test_sarif_of_the_seeds_matches_json() -> None:
    sarif = _seeds("sarif").json()
    findings = _seeds("json").json()["findings"]
    jsonschema.validate(sarif, SARIF_SUBSET)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert len(results) == len(findings) > 0
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    for res, f in zip(results, findings, strict=True):
        assert res["ruleId"] == f["code"] and rules[res["ruleIndex"]]["id"] == f["code"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].endswith(Path(f["path"]).name)
        region = loc["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            f["line"], f["column"], f["end_line"], f["end_column"])
        assert (region["charOffset"], region["charLength"]) == (f["start"], f["end"] - f["start"])
        assert region["snippet"]["text"] == f["text"]
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, length, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[start + length :]
    return text


def test_sarif_fixes_are_the_json_fixes(tmp_path: Path) -> None:
    text = "Rebels left Idleb.\nThe OSDH said so.\n>> Read also: the war\n"
    (tmp_path / "a b.txt").write_text(text, encoding="utf-8")
    sarif = run_cli("lint", "a b.txt", "--lang", "en", "--format", "sarif", cwd=tmp_path).json()
    findings = run_cli("lint", "a b.txt", "--lang", "en", "--format", "json", cwd=tmp_path).json()["findings"]
    results = sarif["runs"][0]["results"]
    assert len(results) == len(findings) == 3
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b.txt"
    for res, f in zip(results, findings, strict=True):
        (fix,) = res["fixes"]
        (change,) = fix["artifactChanges"]
        sarif_edits = [(r["deletedRegion"]["charOffset"], r["deletedRegion"]["charLength"],
                        r["insertedContent"]["text"]) for r in change["replacements"]]
        json_edits = [(e["start"], e["end"] - e["start"], e["replacement"]) for e in f["fix"]["edits"]]
        assert sarif_edits == json_edits
        assert fix["properties"]["applicability"] == f["fix"]["applicability"]
    fixed = _apply(text, [e for res in results for r in res["fixes"][0]["artifactChanges"][0]["replacements"]
                          for e in [(r["deletedRegion"]["charOffset"], r["deletedRegion"]["charLength"],
                                     r["insertedContent"]["text"])]])
    assert fixed == "Rebels left Idlib.\nThe SOHR said so.\n"  # the residue line goes with its line break


def test_sarif_columns_count_code_points(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("😀 “Quoted” — rebels left Idleb.\n", encoding="utf-8")
    sarif = run_cli("lint", "a.txt", "--lang", "en", "--format", "sarif", cwd=tmp_path).json()
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["charOffset"]) == (26, 25)


def test_sarif_without_findings_is_valid(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels left Idlib.\n", encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--format", "sarif", cwd=tmp_path)
    assert run.exit_code == 0
    data = json.loads(run.stdout)
    jsonschema.validate(data, SARIF_SUBSET)
    assert data["runs"][0]["results"] == []


def test_github_annotations(tmp_path: Path) -> None:
    (tmp_path / "a,b.txt").write_text("Rebels left Idleb.\nThe talks failed.\n\n>> Read also: the war\n",
                                      encoding="utf-8")
    run = run_cli("lint", "a,b.txt", "--lang", "en", "--format", "github", cwd=tmp_path)
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines[0].startswith("::error file=a%2Cb.txt,line=1,col=13,endLine=1,endColumn=18,"
                               "title=TC201 wrong-transliteration::'Idleb' is the French spelling; English writes "
                               "'Idlib' (suggestion: 'Idlib'")
    assert lines[1].startswith("::warning file=a%2Cb.txt,line=4,col=1,")
    assert len(lines) == len(run_cli("lint", "a,b.txt", "--lang", "en", "--format", "json",
                                     cwd=tmp_path).json()["findings"])


def test_github_escaping() -> None:
    assert escape_data("50% done\nnext\r") == "50%25 done%0Anext%0D"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
