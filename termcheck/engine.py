"""Run the selected rules over a document: selection, precedence between overlapping
findings, and a deterministic order."""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, field
from itertools import accumulate

from termcheck.document import Document
from termcheck.findings import Finding
from termcheck.rules import Context, DocContext, Rule, all_rules


def code_matches(code: str, patterns: list[str]) -> bool:
    return any(code.startswith(p.upper()) for p in patterns) or "ALL" in (p.upper() for p in patterns)


def unknown_selectors(patterns: list[str]) -> list[str]:
    """The selectors (--select, --ignore, config) that name no rule: a typo such as TC2O1 would
    otherwise select nothing, or ignore nothing, and the run would pass in silence."""
    codes = [r.code for r in all_rules()]
    return [p for p in patterns if p.upper() != "ALL" and not any(c.startswith(p.upper()) for c in codes)]


def select_rules(select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    rules = all_rules()
    if select:
        rules = [r for r in rules if code_matches(r.code, select)]
    if ignore:
        rules = [r for r in rules if not code_matches(r.code, ignore)]
    return rules


@dataclass
class Engine:
    context: Context
    rules: list[Rule] = field(default_factory=all_rules)

    def check(self, doc: Document) -> list[Finding]:
        dctx = DocContext(doc, self.context)
        found: list[Finding] = []
        absent: list[Finding] = []  # what sentences lack: apart from the findings on their words
        for rule in self.rules:
            if rule.languages and doc.lang not in rule.languages:
                continue
            if rule.needs_source and doc.source is None:
                continue
            (absent if rule.absence else found).extend(rule.check(doc, dctx))
        kept = resolve_overlaps(found) + resolve_overlaps(absent)
        for f in kept:
            f.text = doc.text[f.span.start : f.span.end]
        return sorted(kept, key=lambda f: f.sort_key)


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """One problem, one report: where findings overlap, the rule of lower precedence wins,
    then the longer span. Findings of the same precedence may overlap (never share a span).

    O(n log n): findings are taken in rank order, one precedence at a time; a finding is
    checked against the findings kept at lower precedences (sorted by start, with the
    running maximum of their ends, so one bisection tells whether any overlaps it)."""
    ranked = sorted(findings, key=lambda f: (f.precedence, -(f.span.end - f.span.start), f.span.start, f.code))
    kept: list[Finding] = []
    kept_spans: set[tuple[int, int]] = set()
    spans: list[tuple[int, int]] = []  # kept at lower precedences, by start
    starts: list[int] = []
    max_ends: list[int] = []  # max_ends[i]: the largest end among the first i + 1 of them
    i = 0
    while i < len(ranked):
        precedence = ranked[i].precedence
        group_start = len(kept)
        while i < len(ranked) and ranked[i].precedence == precedence:
            f = ranked[i]
            i += 1
            span = (f.span.start, f.span.end)
            if span in kept_spans:
                continue
            # Kept spans k with k.start < f.end: does any end after f.start (Span.overlaps)?
            n = bisect.bisect_left(starts, f.span.end)
            if n and max_ends[n - 1] > f.span.start:
                continue
            kept.append(f)
            kept_spans.add(span)
        if len(kept) > group_start:  # the group's winners block the precedences after it
            spans = list(heapq.merge(spans, sorted((k.span.start, k.span.end) for k in kept[group_start:])))
            starts = [s for s, _ in spans]
            max_ends = list(accumulate((e for _, e in spans), max))
    return kept
