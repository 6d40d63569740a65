"""Which reporter renders which --format, and where a report goes by default."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from termcheck.results import RunResult

DEFAULT_HTML = Path("reports") / "termcheck-report.html"
DEFAULT_XLSX = Path("reports") / "termcheck-report.xlsx"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"
    csv = "csv"
    xlsx = "xlsx"  # a workbook: bytes, written by render_binary to a file, never to a terminal


def render_report(fmt: ReportFormat, result: RunResult, *, quiet: bool = False, color: bool = False,
                  show_fixes: bool = False) -> str:
    """The report in `fmt`; `color` and `show_fixes` concern the text report only."""
    if fmt is ReportFormat.json:
        from termcheck.report.json_report import render
    elif fmt is ReportFormat.sarif:
        from termcheck.report.sarif import render
    elif fmt is ReportFormat.github:
        from termcheck.report.github import render
    elif fmt is ReportFormat.html:
        from termcheck.report.html import render
    elif fmt is ReportFormat.csv:
        from termcheck.report.table import render_csv as render
    else:
        from termcheck.report.text import render as render_text

        text = render_text(result, color, show_fixes)
        if quiet:
            # The text report starts with one line per finding; --quiet keeps only those.
            return "".join(text.splitlines(keepends=True)[: len(result.findings)])
        return text
    return render(result)


def render_binary(fmt: ReportFormat, result: RunResult) -> bytes | None:
    """The report's bytes for a binary format (XLSX), None for the text formats."""
    if fmt is ReportFormat.xlsx:
        from termcheck.report.xlsx import render

        return render(result)
    return None


def default_output(fmt: ReportFormat) -> Path | None:
    """HTML and XLSX are files to open, never a stream: they go to reports/ unless -o says otherwise."""
    return {ReportFormat.html: DEFAULT_HTML, ReportFormat.xlsx: DEFAULT_XLSX}.get(fmt)
