"""What the language server shows and edits, computed from a text and its JSON findings
(termcheck.api): diagnostics with LSP ranges, the quick fixes of a finding, the ignore marker
for its line, the hover text. Pure functions; termcheck.server.lsp wires them to pygls."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from lsprotocol import types

from termcheck.fix.edits import keep_case

SOURCE = "termcheck"
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}
_MARKUP_SUFFIXES = {".md", ".markdown", ".html", ".htm"}
_BILINGUAL_SUFFIXES = {".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".po", ".pot", ".tmx"}
_EOL = re.compile(r"\r\n|\r|\n")

Units = Callable[[str], int]  # how many client position units (UTF-16 by default) a string takes


def utf16_units(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def position(text: str, offset: int, line: int, column: int, units: Units) -> types.Position:
    """The LSP position of character `offset`, whose termcheck line and column (1-based,
    columns in characters) are `line` and `column`."""
    line_start = offset - (column - 1)
    return types.Position(line=line - 1, character=units(text[line_start:offset]))


def finding_range(text: str, f: Mapping[str, Any], units: Units) -> types.Range:
    return types.Range(start=position(text, f["start"], f["line"], f["column"], units),
                       end=position(text, f["end"], f["end_line"], f["end_column"], units))


def diagnostic(text: str, f: Mapping[str, Any], units: Units) -> types.Diagnostic:
    message = f["message"]
    if f["suggestions"]:
        shown = ", ".join(repr(s) if s else "delete it" for s in f["suggestions"][:3])
        message += f" (suggestion: {shown})"
    return types.Diagnostic(range=finding_range(text, f, units), message=message, severity=_SEVERITY.get(f["severity"]),
                            code=f["code"], source=SOURCE,
                            data={"code": f["code"], "start": f["start"], "end": f["end"]})


def overlaps(f: Mapping[str, Any], start: int, end: int) -> bool:
    """Whether the finding touches the offsets [start, end] (a cursor: start == end)."""
    return bool(f["start"] <= end and start <= f["end"])


def _replace_title(found: str, replacement: str) -> str:
    return f"Delete '{found}'" if replacement == "" else f"Replace '{found}' with '{replacement}'"


def quick_fixes(uri: str, text: str, f: Mapping[str, Any], diag: types.Diagnostic,
                units: Units) -> list[types.CodeAction]:
    """One action per suggestion: the finding's own fix first (preferred when it is safe), then
    the other suggestions over the flagged text; replacements keep its case, as --fix does."""
    actions: list[types.CodeAction] = []
    found = text[f["start"] : f["end"]]
    fix = f.get("fix")
    seen: set[str] = set()
    if fix:
        edits = [types.TextEdit(range=_range_of(text, e["start"], e["end"], units),
                                new_text=keep_case(text[e["start"] : e["end"]], e["replacement"]))
                 for e in fix["edits"]]
        first = fix["edits"][0]["replacement"] if len(fix["edits"]) == 1 else None
        title = _replace_title(found, keep_case(found, first)) if first is not None else f"Fix {f['code']}"
        actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                                        is_preferred=fix["applicability"] == "safe",
                                        edit=types.WorkspaceEdit(changes={uri: edits})))
        if first is not None:
            seen.add(first)
    for s in f["suggestions"]:
        if s in seen:
            continue
        seen.add(s)
        new = keep_case(found, s)
        actions.append(types.CodeAction(
            title=_replace_title(found, new), kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diag.range, new_text=new)]})))
    return actions


def _range_of(text: str, start: int, end: int, units: Units) -> types.Range:
    return types.Range(start=offset_position(text, start, units), end=offset_position(text, end, units))


def offset_position(text: str, offset: int, units: Units) -> types.Position:
    """The LSP position of a character offset (lines end at CR, LF or CRLF, as LSP says)."""
    line = 0
    line_start = 0
    for m in _EOL.finditer(text, 0, offset):
        line += 1
        line_start = m.end()
    return types.Position(line=line, character=units(text[line_start:offset]))


def marker_for(path: str | None, codes: Sequence[str]) -> str | None:
    """The inline marker (termcheck.suppression) that silences `codes` on its own line, in the
    syntax of the document's kind; None where a marker has no place (bilingual files)."""
    suffix = PurePath(path or "").suffix.lower()
    if suffix in _BILINGUAL_SUFFIXES:
        return None
    joined = ", ".join(codes)
    return f"<!-- termcheck: ignore {joined} -->" if suffix in _MARKUP_SUFFIXES else f"[termcheck: ignore {joined}]"


def ignore_action(uri: str, path: str | None, text: str, f: Mapping[str, Any], diag: types.Diagnostic,
                  units: Units) -> types.CodeAction | None:
    """Add a marker at the end of the finding's line: a marker beside text silences its own line."""
    marker = marker_for(path, [f["code"]])
    if marker is None:
        return None
    line_start = f["start"] - (f["column"] - 1)
    eol = _EOL.search(text, line_start)
    line_end = eol.start() if eol else len(text)
    where = offset_position(text, line_end, units)
    return types.CodeAction(
        title=f"Ignore {f['code']} on this line ({marker})", kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(start=where, end=where),
                                                               new_text=" " + marker)]}))


def hover_text(f: Mapping[str, Any], rule: Any | None, entry: Any | None) -> str:
    """Markdown: the finding, its rule's summary and explanation, the glossary entry's note."""
    parts = [f"**{f['code']} {f['name']}** ({f['severity']})", f["message"]]
    if f["suggestions"]:
        parts.append("Suggestions: " + ", ".join(f"`{s}`" if s else "delete it" for s in f["suggestions"]))
    if rule is not None:
        parts.append("---")
        parts.append(f"*{rule.summary}*")
        if rule.explanation:
            parts.append(rule.explanation.strip())
    if f.get("entry"):
        note = getattr(entry, "note", "") if entry is not None else ""
        canonical = getattr(entry, "canonical", None)
        line = f"Glossary entry `{f['entry']}`"
        if canonical:
            line += ": " + ", ".join(f"{lang} *{form}*" for lang, form in sorted(canonical.items()))
        parts.append("---")
        parts.append(line)
        if note:
            parts.append(note.strip())
    return "\n\n".join(parts)
