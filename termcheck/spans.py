"""A growing set of spans that answers "does this span overlap any of them?" without a scan.

Rules keep the spans other findings have taken and skip candidates that overlap them. A list
and `any(span.overlaps(t) for t in taken)` costs (candidates x taken) per document; this
remembers the covered character offsets instead, so a short candidate is checked in a few
steps. The answers are exactly those of `Span.overlaps` over the spans added.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from termcheck.document import Span

_LONG = 64  # spans longer than this are checked one by one, not by their offsets


class SpanSet:
    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: list[Span] = []
        self._covered: set[int] = set()
        self._others: list[Span] = []  # empty spans (no offset, yet they overlap) and long ones
        for s in spans:
            self.append(s)

    def append(self, span: Span) -> None:
        self._spans.append(span)
        if 0 < span.end - span.start <= _LONG:
            self._covered.update(range(span.start, span.end))
        else:
            self._others.append(span)

    add = append

    def overlaps(self, span: Span) -> bool:
        """True if `span` overlaps a span of the set (Span.overlaps: half-open ranges)."""
        if span.start >= span.end or span.end - span.start > _LONG:
            return any(span.overlaps(t) for t in self._spans)
        covered = self._covered
        if any(i in covered for i in range(span.start, span.end)):
            return True
        return any(span.overlaps(t) for t in self._others)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
