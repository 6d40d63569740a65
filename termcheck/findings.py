"""Findings, fixes and edits: what rules produce and reporters and the fixer consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from termcheck.document import Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Applicability(str, Enum):
    SAFE = "safe"  # certain: applied by --fix
    UNSAFE = "unsafe"  # likely: applied only with --unsafe-fixes, or by a person


@dataclass(frozen=True)
class Edit:
    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
    applicability: Applicability
    edits: tuple[Edit, ...]


@dataclass
class Finding:
    code: str
    name: str
    message: str
    span: Span
    severity: Severity
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    entry: str | None = None
    # Filled in by the engine once the finding is placed in a document.
    text: str = ""
    precedence: int = 50
    # The language the artifact comes from, where a rule can tell (evidence of the source language).
    origin: str | None = None
    # Where in the document's source (--source) the finding's counterpart is: bilingual rules (TC8xx).
    source_span: Span | None = None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)


def replacement_fix(span: Span, suggestions: list[str], safe: bool) -> Fix | None:
    """A fix that replaces the span with the first suggestion. It is safe only when the rule is
    sure and there is a single candidate (one_candidate): with several (Bachar: Bashar, Assad
    or Al-Assad) a person chooses, as codespell decides."""
    if not suggestions:
        return None
    applicability = Applicability.SAFE if safe and one_candidate(suggestions) else Applicability.UNSAFE
    return Fix(applicability, (Edit(span, suggestions[0]),))


_SPELLING_SIMILARITY = 0.75  # Idlib/Edlib 0.8, Khan Sheikhoun/Khan Shaykhun 0.8; Bashar/Assad 0.36


def _folded(s: str) -> str:
    return "".join(c for c in s.casefold() if c.isalnum())


def one_candidate(suggestions: list[str]) -> bool:
    """Whether the suggestions are one candidate: a single one, or the first with other
    romanisations of the same name (Idlib, Edlib; Rami Abdel Rahman, Rami Abdelrahman), which
    --fix may settle on the glossary's canonical form. A different word (Bashar or Assad), a
    shorter or longer form (Sunni or Sunnis; Syrian Observatory for Human Rights or Syrian
    Observatory) is another candidate, and a person must choose."""
    if len(suggestions) <= 1:
        return True
    from difflib import SequenceMatcher

    first = _folded(suggestions[0])
    for other in map(_folded, suggestions[1:]):
        if other == first:
            continue
        if not first or not other or other.startswith(first) or first.startswith(other):
            return False
        if SequenceMatcher(None, first, other, autojunk=False).ratio() < _SPELLING_SIMILARITY:
            return False
    return True
