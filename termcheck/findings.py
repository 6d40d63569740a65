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
    """A fix that replaces the span with the first suggestion."""
    if not suggestions:
        return None
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return Fix(applicability, (Edit(span, suggestions[0]),))
