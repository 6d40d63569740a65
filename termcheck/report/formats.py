"""Which reporter renders which --format, and where a report goes by default."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from termcheck.results import RunResult

DEFAULT_HTML = Path("reports") / "termcheck-report.html"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"
    csv = "csv"


def render_report(fmt: ReportFormat, result: RunResult, *, quiet: bool = False) -> str:
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
        from termcheck.report.text import render
        if quiet:
            # The text report starts with one line per finding; --quiet keeps only those.
            lines = render(result).splitlines(keepends=True)
            return "".join(lines[: len(result.findings)])
    return render(result)


def default_output(fmt: ReportFormat) -> Path | None:
    """HTML is a file to open, never a stream: it goes to reports/ unless -o says otherwise."""
    return DEFAULT_HTML if fmt is ReportFormat.html else None
