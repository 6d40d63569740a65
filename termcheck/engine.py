"""Run the selected rules over a document: selection, precedence between overlapping
findings, and a deterministic order."""

from __future__ import annotations

from dataclasses import dataclass, field

from termcheck.document import Document
from termcheck.findings import Finding
from termcheck.rules import Context, DocContext, Rule, all_rules


def code_matches(code: str, patterns: list[str]) -> bool:
    return any(code.startswith(p.upper()) for p in patterns) or "ALL" in (p.upper() for p in patterns)


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
        for rule in self.rules:
            if rule.languages and doc.lang not in rule.languages:
                continue
            if rule.needs_source and doc.source is None:
                continue
            found.extend(rule.check(doc, dctx))
        kept = resolve_overlaps(found)
        for f in kept:
            f.text = doc.text[f.span.start : f.span.end]
        return sorted(kept, key=lambda f: f.sort_key)


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """One problem, one report: where findings overlap, the rule of lower precedence wins,
    then the longer span."""
    ranked = sorted(findings, key=lambda f: (f.precedence, -(f.span.end - f.span.start), f.span.start, f.code))
    kept: list[Finding] = []
    for f in ranked:
        if not any(f.span.overlaps(k.span) and k.precedence != f.precedence for k in kept) and \
                not any(f.span == k.span for k in kept):
            kept.append(f)
    return kept
