"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

    ::error file=a.md,line=1,col=5,endLine=1,endColumn=10,title=TC201 wrong-transliteration::message
"""

from __future__ import annotations

from termcheck.findings import Severity
from termcheck.results import RunResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# What GitHub shows of a step's workflow-command annotations: 10 of each kind (error, warning,
# notice), 50 per job over all its steps (actions/toolkit, docs/problem-matchers.md, "Limitations").
SHOWN_PER_KIND = 10
SHOWN_PER_JOB = 50


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


def unshown_note(result: RunResult) -> str | None:
    """What to say in the log when the step makes more annotations than GitHub shows, or None."""
    counts = {kind: sum(1 for _, f in result.findings if COMMANDS[f.severity] == kind) for kind in COMMANDS.values()}
    hidden = sum(max(0, n - SHOWN_PER_KIND) for n in counts.values())
    if not hidden:
        return None
    made = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    return (f"GitHub shows at most {SHOWN_PER_KIND} error, {SHOWN_PER_KIND} warning and {SHOWN_PER_KIND} notice "
            f"annotations per step ({SHOWN_PER_JOB} per job): {hidden} of the {result.total} annotations made "
            f"({made}) will not be shown on the pull request; every one is in this log "
            "(or use --format sarif for code scanning)")
