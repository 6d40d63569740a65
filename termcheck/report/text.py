"""The default report: `path:line:col: CODE message (suggestion: …)` and a summary line."""

from __future__ import annotations

from termcheck.findings import Severity
from termcheck.results import RunResult
from termcheck.terminal import printable


def _show(s: str) -> str:
    return "delete" if s == "" else f"'{s}'"


def render(result: RunResult) -> str:
    lines = []
    for fr, f in result.findings:
        line, col = fr.position(f.span.start)
        text = printable(f"{fr.path}:{line}:{col}: {f.code} {f.message}")  # a file name can hold escapes
        if f.suggestions:
            text += f" (suggestion: {_show(f.suggestions[0])})"  # the rest are in JSON and HTML
        lines.append(text)
    lines.extend(source_lines(result))
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def source_lines(result: RunResult) -> list[str]:
    """One line per article whose findings show where it was translated from."""
    from termcheck.rules.names import LANG_NAMES

    out = []
    for fr in result.files:
        lang = fr.info.get("source_lang")
        if lang:
            out.append(f"{printable(fr.path)}: likely translated from {LANG_NAMES.get(str(lang), lang)} "
                       f"(confidence {fr.info['source_confidence']:.2f})")
    return out


def summary(result: RunResult) -> str:
    n_files = len(result.files)
    files = f"{n_files} file{'s' if n_files != 1 else ''}"
    suppressed = result.suppressed()
    if not result.total:
        return f"No findings in {files}{f' ({suppressed} suppressed)' if suppressed else ''}."
    parts = [f"{result.count(s)} {s.value}{'s' if result.count(s) != 1 else ''}" for s in Severity if result.count(s)]
    fixable = sum(1 for _, f in result.findings if f.fix and f.fix.applicability.value == "safe")
    tail = f"; {fixable} fixable with --fix" if fixable else ""
    if suppressed:
        tail += f"; {suppressed} suppressed"
    return f"Found {result.total} finding{'s' if result.total != 1 else ''} ({', '.join(parts)}) in {files}{tail}."
