"""Findings as a table, one row a finding: `--format csv`, the XLSX workbook (termcheck.report.xlsx)
and the HTML report's exports share these columns.

Rows come in the HTML report's order: articles with findings first (each article's findings in
text order), then by path. `baseline_key` is the finding's key in termcheck's baseline format
(termcheck.baseline), relative to the working folder, for a reader's decisions.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from termcheck.baseline import Key, finding_keys, relative_path
from termcheck.findings import Finding
from termcheck.results import FileResult, RunResult

COLUMNS = ("path", "line", "column", "code", "name", "severity", "text", "message", "suggestions", "fix", "entry")
SUGGESTION_SEPARATOR = " | "
Cell = str | int


def ordered_files(result: RunResult) -> list[tuple[int, FileResult]]:
    """The files with their index in the run, articles with findings first (each group in run order)."""
    numbered = list(enumerate(result.files))
    return [p for p in numbered if p[1].findings] + [p for p in numbered if not p[1].findings]


def suggestions_cell(suggestions: list[str]) -> str:
    return SUGGESTION_SEPARATOR.join("(delete)" if s == "" else s for s in suggestions)


def row(fr: FileResult, f: Finding) -> list[Cell]:
    line, col = fr.position(f.span.start)
    return [fr.path, line, col, f.code, f.name, f.severity.value, f.text, f.message, suggestions_cell(f.suggestions),
            f.fix.applicability.value if f.fix else "", f.entry or ""]


def baseline_keys(fr: FileResult) -> dict[int, Key]:
    """Each finding's baseline key (by id()), as `termcheck lint --baseline` computes it from
    the working folder."""
    ordered = sorted(fr.findings, key=lambda f: f.sort_key)
    return {id(f): k for f, k in zip(ordered, finding_keys(relative_path(fr.doc.path), ordered), strict=True)}


def rows(result: RunResult) -> Iterator[list[Cell]]:
    for _, fr in ordered_files(result):
        for f in fr.findings:
            yield row(fr, f)


def _safe(cell: Cell) -> Cell:
    """A text cell that a spreadsheet would read as a formula (=, +, -, @ first) is quoted with
    an apostrophe: the article's text is not trusted (CSV injection)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def render_csv(result: RunResult) -> str:
    """RFC 4180 CSV with a header row (UTF-8, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_safe(c) for c in r] for r in rows(result))
    return out.getvalue()
