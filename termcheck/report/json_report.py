"""The JSON report: a stable contract (version 1), documented in the README."""

from __future__ import annotations

import json
from typing import Any

from termcheck.findings import Finding
from termcheck.io.bilingual import unit_at
from termcheck.io.bilingual.escape import edit_format
from termcheck.results import FileResult, RunResult

VERSION = 1


def unit_fields(fr: FileResult, f: Finding) -> dict[str, str]:
    """Bilingual files: the id of the unit (and segment) whose target holds the finding."""
    where = unit_at(fr.doc, f.span.start)
    if where is None:
        return {}
    unit, segment = where
    return {"unit": unit} if segment is None else {"unit": unit, "segment": segment}


def escaped(fr: FileResult, replacement: str) -> str:
    """A fix's replacement as it is written into the file (escaped in XLIFF, PO and TMX files)."""
    fmt = edit_format(fr.doc.meta.get("markup"))
    return replacement if fmt is None else fmt.escape(replacement)


def finding_dict(fr: FileResult, f: Finding) -> dict[str, Any]:
    line, col = fr.position(f.span.start)
    end_line, end_col = fr.position(f.span.end)
    return {
        "path": fr.path,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        "start": f.span.start,
        "end": f.span.end,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "text": f.text,
        "suggestions": list(f.suggestions),
        "fix": None if f.fix is None else {
            "applicability": f.fix.applicability.value,
            "edits": [{"start": e.span.start, "end": e.span.end, "replacement": escaped(fr, e.replacement)}
                      for e in f.fix.edits],
        },
        "entry": f.entry,
        # Bilingual rules only: where the finding's counterpart is in the source (new in version 1).
        **({} if f.source_span is None else {"source_span": {"start": f.source_span.start, "end": f.source_span.end}}),
        **unit_fields(fr, f),  # bilingual files only: "unit" and "segment" ids (new in version 1)
    }


def as_dict(result: RunResult) -> dict[str, Any]:
    """The report as an object (what `render` prints; termcheck.api and the HTTP API return it)."""
    return {
        "version": VERSION,
        "files": len(result.files),
        "findings": [finding_dict(fr, f) for fr, f in result.findings],
        "documents": [{"path": fr.path, **fr.info} for fr in result.files],
        # Findings silenced by inline markers and by the baseline: not in "findings".
        "suppressed": {"total": result.suppressed(), "inline": result.suppressed("inline"),
                       "baseline": result.suppressed("baseline")},
    }


def render(result: RunResult) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
