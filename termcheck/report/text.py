"""The default report: `path:line:col: CODE message (suggestion: …)` and a summary line;
coloured on a terminal (termcheck.cli.main decides), and with --show-fixes the fixes it would apply."""

from __future__ import annotations

from termcheck.findings import Severity
from termcheck.io.terminal import printable
from termcheck.results import RunResult


def _show(s: str) -> str:
    return "delete" if s == "" else f"'{s}'"


# SGR colours as ruff and most linters use them: the place bold, the code by severity.
_SEVERITY_COLOUR = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"}
_BOLD, _GREEN = "1", "32"


def _paint(text: str, sgr: str, color: bool) -> str:
    return f"\x1b[{sgr}m{text}\x1b[0m" if color else text


def render(result: RunResult, color: bool = False, show_fixes: bool = False) -> str:
    lines = []
    for fr, f in result.findings:
        line, col = fr.position(f.span.start)
        # Escapes in a file name or message are shown, never obeyed (before the colours are added).
        text = (f"{_paint(printable(f'{fr.path}:{line}:{col}:'), _BOLD, color)} "
                f"{_paint(f.code, _SEVERITY_COLOUR[f.severity], color)} {printable(f.message)}")
        if f.suggestions:  # the rest are in JSON and HTML
            text += f" (suggestion: {_paint(printable(_show(f.suggestions[0])), _GREEN, color)})"
        lines.append(text)
    if show_fixes:
        lines.extend(fix_lines(result))
    lines.extend(source_lines(result))
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def fix_lines(result: RunResult) -> list[str]:
    """--show-fixes: each fix --fix would apply (safe) or --unsafe-fixes would add."""
    from termcheck.fix.edits import wanted  # the fixer's own rule of which fix each option applies

    fixes = [(fr, f) for fr, f in result.findings if wanted(f, unsafe=True)]
    if not fixes:
        return ["No fixes available."]
    out = [f"Fixes available ({len(fixes)}):"]
    for fr, f in fixes:
        line, col = fr.position(f.span.start)
        how = "--fix" if wanted(f, unsafe=False) else "--fix --unsafe-fixes"
        out.append(printable(f"  {fr.path}:{line}:{col}: {f.code} {f.text!r} -> {_show(f.suggestions[0])} ({how})"))
    return out


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
