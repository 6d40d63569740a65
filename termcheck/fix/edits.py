"""Applying fixes to text: which edits, in which case, over how many passes, and the diff.

Pure functions of strings and findings; reading and writing files is termcheck.io.safewrite's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from termcheck.document import Span
from termcheck.findings import Applicability, Edit, Finding, one_candidate
from termcheck.glossary.suggest import match_case

MAX_PASSES = 10  # a fix that makes another fixable finding is applied in a later pass; this bounds loops

Check = Callable[[str], list[Finding]]


class EditFormat(Protocol):
    """How fixes are written into a file whose text is not all prose (termcheck.io.bilingual.escape):
    the replacement escaped for the format, and which spans a fix may replace at all."""

    def escape(self, replacement: str) -> str: ...

    def can_replace(self, text: str, span: Span) -> bool: ...


@dataclass(frozen=True)
class FixedText:
    text: str
    applied: int  # fixes applied over all passes
    passes: int
    fixes: tuple[Finding, ...] = ()  # the reported findings whose fixes were applied, in order
    later: tuple[tuple[str, str, str], ...] = ()  # (code, text, replacement) of fixes made by earlier ones


def keep_case(found: str, replacement: str) -> str:
    """`replacement` in the case pattern of `found` (IDLEB -> IDLIB, EVOKE -> SPEAK OF), except
    that an acronym replaced by a name keeps the name's case (OSDH -> Syrian Observatory for
    Human Rights, not SYRIAN OBSERVATORY ...)."""
    if not found or not replacement:
        return replacement
    acronym_to_name = " " not in found.strip() and " " in replacement.strip() and replacement != replacement.lower()
    if found.isupper() and acronym_to_name:
        return replacement
    return match_case(found, replacement)


def newline_of(text: str) -> str:
    """The text's first line ending, so inserted lines match the file's (CRLF stays CRLF)."""
    m = re.search(r"\r\n|\r|\n", text)
    return m.group() if m else "\n"


def _native(replacement: str, newline: str) -> str:
    return re.sub(r"\r\n|\r|\n", newline, replacement) if newline != "\n" else replacement.replace("\r\n", "\n")


def can_encode(text: str, encoding: str | None) -> bool:
    if encoding is None:
        return True
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def wanted(finding: Finding, unsafe: bool) -> bool:
    """A safe fix is applied by --fix only when the finding has a single candidate
    (findings.one_candidate); every other fix needs --unsafe-fixes."""
    if finding.fix is None:
        return False
    kind = finding.fix.applicability
    if kind is Applicability.SAFE and one_candidate(finding.suggestions):
        return True
    return unsafe and kind in (Applicability.SAFE, Applicability.UNSAFE)


def _conflicts(a: Span, b: Span) -> bool:
    # Two insertions at one place conflict too: their order would be arbitrary.
    return a.overlaps(b) or (a.start == b.start and (len(a) == 0 or len(b) == 0))


def plan_edits(text: str, findings: Iterable[Finding], unsafe: bool = False, *, keep_lines: bool = False,
               encoding: str | None = None, fmt: EditFormat | None = None) -> list[list[Edit]]:
    """The fixes to apply to `text` now, one list of edits per fix, none overlapping another.

    A fix is taken whole or not at all; where fixes overlap, the earlier one wins and the other
    is left for the next pass (the text is re-checked, so it is found again if still wrong).
    `keep_lines` leaves out fixes that add or remove a line break (scoring needs aligned lines);
    `encoding` leaves out fixes whose replacement that encoding cannot write; `fmt` escapes
    replacements for the file's format and leaves out fixes of spans it must not touch.
    """
    return [edits for _, edits in _plan(text, findings, unsafe, keep_lines=keep_lines, encoding=encoding, fmt=fmt)]


def _plan(text: str, findings: Iterable[Finding], unsafe: bool = False, *, keep_lines: bool = False,
          encoding: str | None = None, fmt: EditFormat | None = None) -> list[tuple[Finding, list[Edit]]]:
    newline = newline_of(text)
    taken: list[Span] = []
    plan: list[tuple[Finding, list[Edit]]] = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        if not wanted(f, unsafe):
            continue
        assert f.fix is not None
        edits = []
        for e in f.fix.edits:
            found = text[e.span.start : e.span.end]
            replacement = keep_case(found, e.replacement)
            edits.append(Edit(e.span, _native(replacement if fmt is None else fmt.escape(replacement), newline)))
        if fmt is not None and not all(e.span.end <= len(text) and fmt.can_replace(text, e.span) for e in edits):
            continue
        if all(text[e.span.start : e.span.end] == e.replacement for e in edits):
            continue  # nothing would change
        if keep_lines and any(re.search(r"[\r\n]", text[e.span.start : e.span.end] + e.replacement) for e in edits):
            continue
        if not all(can_encode(e.replacement, encoding) for e in edits):
            continue
        if any(e.span.end > len(text) or _conflicts(e.span, t) for e in edits for t in taken):
            continue
        taken.extend(e.span for e in edits)
        plan.append((f, edits))
    return plan


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Splice non-overlapping edits into `text`, from the end so earlier offsets stay valid."""
    out = text
    for e in sorted(edits, key=lambda e: (e.span.start, e.span.end), reverse=True):
        out = out[: e.span.start] + e.replacement + out[e.span.end :]
    return out


def fix_text(text: str, findings: list[Finding], check: Check, unsafe: bool = False, *, keep_lines: bool = False,
             encoding: str | None = None, max_passes: int = MAX_PASSES, fmt: EditFormat | None = None) -> FixedText:
    """Apply fixes pass after pass, re-checking the fixed text, until nothing changes.

    `findings` are those of `text`, the ones reported; `check` finds them in a fixed text. A
    later pass applies only fixes of the kinds reported (same rule, entry and suggestion): a
    finding of another kind that appears only in the fixed text (the language evidence
    moved, say) was never shown, so it is not applied. The pass limit and the memory of
    texts already seen stop fixes that undo each other.
    """
    seen = {text}
    applied = passes = 0
    current = findings
    reported: dict[tuple[str, str | None, str], list[Finding]] = {}
    for f in sorted(findings, key=lambda f: f.sort_key):
        reported.setdefault(_identity(f), []).append(f)
    done: list[Finding] = []
    later: list[tuple[str, str, str]] = []
    while passes < max_passes:
        plan = [(f, edits) for f, edits in _plan(text, current, unsafe, keep_lines=keep_lines, encoding=encoding,
                                                  fmt=fmt)
                if _identity(f) in reported]
        if not plan:
            break
        new = apply_edits(text, [e for _, edits in plan for e in edits])
        if new == text:
            break
        for f, edits in plan:
            originals = reported[_identity(f)]
            if originals:
                done.append(originals.pop(0))
            else:  # made by an earlier fix (Iran ' s -> Iran 's -> Iran's): named without a place
                later.append((f.code, text[f.span.start : f.span.end], edits[0].replacement if edits else ""))
        applied += len(plan)
        passes += 1
        text = new
        if text in seen:
            break
        seen.add(text)
        current = check(text)
    return FixedText(text, applied, passes, tuple(done), tuple(later))


def _identity(f: Finding) -> tuple[str, str | None, str]:
    """The kind of a fix: rule, glossary entry and replacement (offsets and the flagged text
    move as fixes are applied)."""
    return (f.code, f.entry, f.suggestions[0] if f.suggestions else "")


def _lines(text: str) -> list[str]:
    # Only CR, LF and CRLF end lines, as in LineIndex (str.splitlines also splits on form feeds).
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", text)


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of a file's text, as `git apply` and `patch -p1` read it."""
    if old == new:
        return ""
    lines = difflib.unified_diff(_lines(old), _lines(new),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
