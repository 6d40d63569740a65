"""Inline suppressions: a person's decision, written in the article, that a finding is right.

Markers (codes optional, comma or space separated; none means every rule):

    <!-- termcheck: ignore TC201 -->     Markdown and HTML
    [termcheck: ignore TC201, TC301]     any file, typically plain text
    # termcheck: ignore TC201            any file, at the end of a line

Scope: a marker that shares its line with text silences that line; a marker alone on its
line silences the next line that is not blank. A marker code that silences nothing is
reported as TC001 unused-suppression (only for rules that ran).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termcheck.document import Document, LineIndex, Span
from termcheck.findings import Finding

# Anything shaped like a code is read (TC2O1, TC9), so that a typo is reported, not a marker ignored.
_CODES = r"((?:[ \t]*,?[ \t]*TC[0-9A-Z]*\b)*)"
_MARKER = re.compile(
    rf"<!--[ \t]*termcheck:[ \t]*ignore\b{_CODES}[ \t]*-->"
    rf"|\[[ \t]*termcheck:[ \t]*ignore\b{_CODES}[ \t]*\]"
    rf"|#[ \t]*termcheck:[ \t]*ignore\b{_CODES}[ \t]*(?=\r\n|\r|\n|\Z)",
    re.I,
)
_CODE = re.compile(r"TC[0-9A-Z]*", re.I)


@dataclass
class Suppression:
    span: Span  # the marker itself
    line: int  # 1-based line of the marker
    target: int  # the line it silences
    codes: frozenset[str] | None  # None: every rule
    used: set[str] = field(default_factory=set)
    unknown: tuple[str, ...] = ()  # codes of no rule (a typo): they silence nothing


def find_markers(text: str) -> list[Suppression]:
    """Every marker of `text`, in order. Linear in the text: each line holding markers is read
    once, and the walk to the next non-blank line resumes where the last one ended."""
    matches = list(_MARKER.finditer(text))
    if not matches:
        return []  # most articles hold no marker: no line index for them
    from termcheck.rules import REGISTRY  # (imported here: the rules' modules import this one's users)

    known = set(REGISTRY)
    lines = LineIndex(text)
    by_line: dict[int, list[re.Match[str]]] = {}
    for m in matches:
        by_line.setdefault(lines.position(m.start())[0], []).append(m)
    found: list[Suppression] = []
    next_nonblank = _NextNonblank(text, lines)
    for line, here in by_line.items():
        shares = _has_text_besides(text, lines, line, here)
        for m in here:
            raw = next((g for g in m.groups() if g is not None), "")
            named = [c.upper() for c in _CODE.findall(raw)]
            unknown = tuple(c for c in named if c not in known)
            codes = frozenset(c for c in named if c in known) if named else None
            target = line if shares else next_nonblank(line)
            found.append(Suppression(Span(m.start(), m.end()), line, target, codes, unknown=unknown))
    return found


def _line_text(text: str, lines: LineIndex, line: int) -> tuple[int, str]:
    start = lines.line_start(line)
    end = lines.line_start(line + 1) if line < lines.line_count else len(text)
    return start, text[start:end]


def _has_text_besides(text: str, lines: LineIndex, line: int, markers: list[re.Match[str]]) -> bool:
    """Does the line hold anything but its markers (and white space)?"""
    start, body = _line_text(text, lines, line)
    pos = 0
    for m in markers:
        if body[pos : m.start() - start].strip():
            return True
        pos = m.end() - start
    return bool(body[pos:].strip())


class _NextNonblank:
    """The first line after a given one that is not blank, for lines asked in increasing order."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text, self.lines = text, lines
        self.asked, self.found = 0, 0  # the last question and its answer (0: none yet)

    def __call__(self, line: int) -> int:
        if self.asked <= line < self.found:  # the lines between are blank, as the last walk saw
            return self.found if self.found <= self.lines.line_count else line + 1
        for n in range(line + 1, self.lines.line_count + 1):
            if _line_text(self.text, self.lines, n)[1].strip():
                self.asked, self.found = line, n
                return n
        self.asked, self.found = line, self.lines.line_count + 1
        return line + 1


def blank_markers(prose: str, markers: list[Suppression]) -> str:
    """Markers are instructions, not prose: rules must not read them."""
    if not markers:
        return prose
    chars = list(prose)
    for s in markers:
        for i in range(s.span.start, s.span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def apply_suppressions(doc: Document, findings: list[Finding], markers: list[Suppression]) -> tuple[
        list[Finding], list[Finding]]:
    """Split findings into (kept, suppressed), recording which marker codes were used."""
    if not markers:
        return findings, []
    by_line: dict[int, list[Suppression]] = {}
    for s in markers:
        by_line.setdefault(s.target, []).append(s)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        line, _ = doc.lines.position(f.span.start)
        hits = [s for s in by_line.get(line, []) if s.codes is None or f.code in s.codes]
        for s in hits:
            s.used.add(f.code)
        (suppressed if hits else kept).append(f)
    return kept, suppressed


def unused_findings(markers: list[Suppression], active_codes: set[str]) -> list[Finding]:
    """TC001 findings for marker codes that silenced nothing, among the rules that ran."""
    from termcheck.rules.meta import unused_suppression

    out: list[Finding] = []
    for s in markers:
        if s.unknown:
            out.append(unused_suppression.finding(s.span.start, s.span.end, _unknown_message(s)))
        if s.codes is None:
            unused = [] if s.used else ["any rule"]
        else:
            unused = sorted(c for c in s.codes - s.used if c in active_codes)
        if not unused:
            continue
        # Deleting the marker is the fix only when none of its codes does anything.
        whole = s.codes is None or not (s.codes - set(unused)) and not s.unknown
        out.append(unused_suppression.finding(
            s.span.start, s.span.end, f"unused suppression: no {', '.join(unused)} finding on line {s.target}",
            suggestions=[""] if whole else []))
    return out


def _unknown_message(s: Suppression) -> str:
    named = ", ".join(f"'{c}'" for c in s.unknown)
    return (f"unknown rule code{'s' if len(s.unknown) > 1 else ''} {named} in a termcheck: ignore marker: "
            "it silences nothing (see 'termcheck rules')")


def silence(doc: Document, findings: list[Finding], active_codes: set[str]) -> tuple[list[Finding], dict[str, int]]:
    """Apply the document's markers (doc.meta["suppressions"]): the findings left, with TC001
    findings for unused markers when that rule runs, and the count silenced."""
    markers: list[Suppression] = doc.meta.get("suppressions", [])  # type: ignore[assignment]
    kept, suppressed = apply_suppressions(doc, findings, markers)
    if "TC001" in active_codes:
        kept = sorted(kept + unused_findings(markers, active_codes), key=lambda f: f.sort_key)
        for f in kept:
            f.text = doc.text[f.span.start : f.span.end]
    return kept, {"inline": len(suppressed)}


def prepare(doc: Document) -> None:
    """Find the document's markers and hide them from the rules."""
    markers = find_markers(doc.text)
    doc.meta["suppressions"] = markers
    # Said on stderr too (as "LINE: message" notes): TC001 may not run, and a typo must not pass unseen.
    notes: list[str] = doc.meta.setdefault("notes", [])  # type: ignore[assignment]
    notes.extend(f"{s.line}: {_unknown_message(s)}" for s in markers if s.unknown)
    doc.prose = blank_markers(doc.prose, markers)
