"""SARIF of a run with --source: a bilingual finding points at its counterpart in the source."""

from __future__ import annotations

from pathlib import Path

import jsonschema
from conftest import run_cli
from test_sarif import _LOCATION, SARIF_SUBSET

SOURCE = "Le maire a présenté lundi un budget de 1,5 milliard d'euros.\n"
TARGET = "The mayor presented on Monday a budget of 2.5 billion euros.\n"


def test_a_bilingual_finding_carries_its_source_span(tmp_path: Path) -> None:
    (tmp_path / "S.txt").write_text("\n" + SOURCE, encoding="utf-8")
    (tmp_path / "T.txt").write_text(TARGET, encoding="utf-8")
    args = ("lint", "T.txt", "--source", "S.txt", "--select", "TC801", "--format")
    sarif = run_cli(*args, "sarif", cwd=tmp_path).json()
    [finding] = run_cli(*args, "json", cwd=tmp_path).json()["findings"]
    jsonschema.validate(sarif, SARIF_SUBSET)
    [result] = sarif["runs"][0]["results"]
    span = finding["source_span"]
    assert result["properties"]["sourceSpan"] == span
    [related] = result["relatedLocations"]
    where = related["physicalLocation"]
    assert where["artifactLocation"] == {"uri": "S.txt", "uriBaseId": "%SRCROOT%"}
    region = where["region"]
    assert region["snippet"]["text"] == "1,5 milliard" == ("\n" + SOURCE)[span["start"] : span["end"]]
    assert (region["charOffset"], region["charLength"]) == (span["start"], span["end"] - span["start"])
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (2, 40, 2, 52)
    jsonschema.validate(related, _LOCATION)


def test_findings_without_a_source_have_no_source_location(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels left Idleb.\n", encoding="utf-8")
    [result] = run_cli("lint", "a.txt", "--lang", "en", "--format", "sarif", cwd=tmp_path).json()["runs"][0]["results"]
    assert "relatedLocations" not in result and "sourceSpan" not in result["properties"]
