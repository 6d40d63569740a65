"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

    ::error file=a.md,line=1,col=5,endLine=1,endColumn=10,title=TC201 wrong-transliteration::message
"""

from __future__ import annotations

from termcheck.findings import Severity
from termcheck.results import RunResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult) -> str:
    lines = []
    for fr, f in result.findings:
        line, col = fr.position(f.span.start)
        end_line, end_col = fr.position(f.span.end)
        props = {"file": fr.path, "line": line, "col": col, "endLine": end_line, "endColumn": end_col,
                 "title": f"{f.code} {f.name}"}
        message = f.message
        if f.suggestions:
            message += " (suggestion: " + ", ".join("delete" if s == "" else f"'{s}'" for s in f.suggestions[:3]) + ")"
        head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
        lines.append(f"::{COMMANDS[f.severity]} {head}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
