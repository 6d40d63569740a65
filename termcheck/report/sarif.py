"""SARIF 2.1.0 (OASIS): for code-scanning dashboards and editors.

One run; the driver lists every rule of the registry with its help; one result per finding,
located by line/column (columns count Unicode code points: run.columnKind) and by character
offset; fixes as replacements of the original text. A finding of a bilingual rule (--source)
also points at its counterpart in the source: `properties.sourceSpan` (character offsets, as
the JSON's `source_span`) and a relatedLocation in the source file.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from termcheck import __version__
from termcheck.document import LineIndex
from termcheck.findings import Finding, Severity
from termcheck.report.json_report import escaped, unit_fields
from termcheck.results import FileResult, RunResult
from termcheck.rules import Rule, all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict[str, Any]:
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": SRCROOT}


def rule_help(r: Rule) -> str:
    return (f"{r.summary}\n\n{r.explanation}\n\nFlagged:\n    " + r.flagged_example.strip().replace("\n", "\n    ")
            + "\n\nNot flagged:\n    " + r.clean_example.strip().replace("\n", "\n    ") + "\n")


def rule_descriptor(r: Rule) -> dict[str, Any]:
    md_example = "\n".join(f"    {line}" for line in r.flagged_example.strip().splitlines())
    md_clean = "\n".join(f"    {line}" for line in r.clean_example.strip().splitlines())
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.explanation or r.summary},
        "help": {"text": rule_help(r),
                 "markdown": f"**{r.code} {r.name}**: {r.summary}\n\n{r.explanation}\n\n"
                             f"Flagged:\n\n{md_example}\n\nNot flagged:\n\n{md_clean}\n"},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {"fixable": r.fixable, "tags": ["translation", f"TC{r.code[2]}xx"]},
    }


def region(fr: FileResult, start: int, end: int, snippet: bool = True) -> dict[str, Any]:
    line, col = fr.position(start)
    end_line, end_col = fr.position(end)
    out: dict[str, Any] = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                           "charOffset": start, "charLength": end - start}
    if snippet:
        out["snippet"] = {"text": fr.doc.text[start:end]}
    return out


@lru_cache(maxsize=8)
def _source_lines(text: str) -> LineIndex:
    return LineIndex(text)


def source_location(fr: FileResult, f: Finding) -> dict[str, Any] | None:
    """Where a bilingual finding's counterpart is in the document's source: a SARIF location
    in the source file (line and column where the source's text is at hand)."""
    source = fr.doc.source
    if f.source_span is None or source is None:
        return None
    start, end = f.source_span.start, f.source_span.end
    where: dict[str, Any] = {"charOffset": start, "charLength": end - start}
    if source.text:
        lines = _source_lines(source.text)
        (line, col), (end_line, end_col) = lines.position(start), lines.position(end)
        where = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col, **where,
                 "snippet": {"text": source.text[start:end]}}
    path = str(fr.info.get("source_path") or source.path)
    return {"id": 1, "message": {"text": "In the source"},
            "physicalLocation": {"artifactLocation": artifact_location(path), "region": where}}


def _fingerprint(fr: FileResult, f: Finding, occurrence: int) -> str:
    """Stable across line shifts: path, rule, flagged text and occurrence (as the baseline)."""
    key = "\x1f".join((fr.path, f.code, f.text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fix_object(fr: FileResult, f: Finding) -> dict[str, Any] | None:
    if f.fix is None:
        return None
    first = f.suggestions[0] if f.suggestions else f.fix.edits[0].replacement
    what = f"Delete '{f.text}'" if first == "" else f"Replace '{f.text}' with '{first}'"
    return {
        "description": {"text": what},
        "artifactChanges": [{
            "artifactLocation": artifact_location(fr.path),
            "replacements": [{"deletedRegion": region(fr, e.span.start, e.span.end, snippet=False),
                              "insertedContent": {"text": escaped(fr, e.replacement)}} for e in f.fix.edits],
        }],
        "properties": {"applicability": f.fix.applicability.value},
    }


def result_object(fr: FileResult, f: Finding, rule_index: dict[str, int], artifact: int,
                  occurrence: int) -> dict[str, Any]:
    message = f.message
    if f.suggestions:
        message += " (suggestion: " + ", ".join("delete" if s == "" else f"'{s}'" for s in f.suggestions[:3]) + ")"
    location = artifact_location(fr.path) | {"index": artifact}
    res: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": location,
                                            "region": region(fr, f.span.start, f.span.end)}}],
        "partialFingerprints": {"termcheck/v1": _fingerprint(fr, f, occurrence)},
        "properties": {"name": f.name, "suggestions": list(f.suggestions), "entry": f.entry,
                       **unit_fields(fr, f)},  # bilingual files: the unit (and segment) id
    }
    if f.source_span is not None:
        res["properties"]["sourceSpan"] = {"start": f.source_span.start, "end": f.source_span.end}
    related = source_location(fr, f)
    if related:
        res["relatedLocations"] = [related]
    if f.code in rule_index:
        res["ruleIndex"] = rule_index[f.code]
    fix = fix_object(fr, f)
    if fix:
        res["fixes"] = [fix]
    return res


def build(result: RunResult, cwd: Path | None = None) -> dict[str, Any]:
    rules = all_rules()
    rule_index = {r.code: i for i, r in enumerate(rules)}
    results = []
    artifacts = []
    for i, fr in enumerate(result.files):
        props = {k: v for k, v in fr.info.items() if isinstance(v, str | int | float | bool)}
        artifacts.append({"location": artifact_location(fr.path), "encoding": fr.doc.encoding,
                          "properties": props})
        seen: dict[tuple[str, str], int] = {}
        for f in fr.findings:
            n = seen.get((f.code, f.text), 0)
            seen[(f.code, f.text)] = n + 1
            results.append(result_object(fr, f, rule_index, i, n))
    base = (cwd or Path.cwd()).resolve().as_uri().rstrip("/") + "/"
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "termcheck", "version": __version__, "semanticVersion": __version__,
                            "rules": [rule_descriptor(r) for r in rules]}},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"level": "note", "message": {"text": n}} for n in result.notices]}],
        "originalUriBaseIds": {SRCROOT: {"uri": base}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "properties": {"suppressed": result.suppressed()},
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result: RunResult) -> str:
    return json.dumps(build(result), ensure_ascii=False, indent=2) + "\n"
