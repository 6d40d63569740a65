"""The outcome of a run: per-file results that every reporter reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from termcheck.document import Document
from termcheck.findings import Finding, Severity


@dataclass
class FileResult:
    path: str  # as shown to the user
    doc: Document
    findings: list[Finding]
    info: dict[str, Any] = field(default_factory=dict)  # per-file facts (language, likely source …)
    suppressed: dict[str, int] = field(default_factory=dict)  # findings silenced, by how ("inline", "baseline")
    # (line, column) of the findings' offsets, for results whose document text was let go
    # (termcheck.parallel.detach: a large run keeps no article in memory once checked).
    positions: dict[int, tuple[int, int]] = field(default_factory=dict)

    def position(self, offset: int) -> tuple[int, int]:
        known = self.positions.get(offset)
        return known if known is not None else self.doc.lines.position(offset)


class FileError(str):
    """A notice that is an error: a file that could not be read as its format requires (a
    malformed XLIFF, PO or TMX file). The run goes on, and ends with exit code 2."""


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each, naming the file and line

    @property
    def findings(self) -> list[tuple[FileResult, Finding]]:
        return [(fr, f) for fr in self.files for f in fr.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for fr in self.files for f in fr.findings if f.severity is severity)

    @property
    def total(self) -> int:
        return sum(len(fr.findings) for fr in self.files)

    def merge(self, other: RunResult) -> RunResult:
        """This result with `other`'s files, notices and errors after its own."""
        self.files.extend(other.files)
        self.notices.extend(other.notices)
        self.errors.extend(other.errors)
        return self

    def suppressed(self, how: str | None = None) -> int:
        """Findings silenced by inline markers and the baseline (or by `how` only)."""
        return sum(n for fr in self.files for k, n in fr.suppressed.items() if how is None or k == how)
