"""The rule model and registry: stable codes, metadata, and pure check functions."""

from __future__ import annotations

import bisect
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity, replacement_fix
from termcheck.glossary.matcher import NameIndex, NameMatch, build_index
from termcheck.glossary.model import Glossary


@dataclass
class Context:
    """What rules may read besides the document: the glossary and per-language indexes."""

    glossary: Glossary
    _memo: dict[tuple[str, str], Any] = field(default_factory=dict)

    def index(self, lang: str) -> NameIndex:
        return self.memo("names", lang, lambda: build_index(self.glossary, lang))  # type: ignore[no-any-return]

    def memo(self, what: str, lang: str, build: Callable[[], Any]) -> Any:
        """Per-language structures built once per run from the glossary (indexes, blocks)."""
        key = (what, lang)
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]


class DocContext:
    """A document's view of the context, caching what several rules share (name matches)."""

    def __init__(self, doc: Document, ctx: Context) -> None:
        self.doc = doc
        self.ctx = ctx
        self.glossary = ctx.glossary

    @cached_property
    def index(self) -> NameIndex:
        return self.ctx.index(self.doc.lang)

    @cached_property
    def names(self) -> list[NameMatch]:
        return self.index.find(self.doc.prose)

    @cached_property
    def _sorted_words(self) -> list[str]:
        return sorted(self.lower_words)

    def has_word_prefix(self, cue: str) -> bool:
        """A word of the document starts with `cue` (any case): the cue 'jihadist' meets 'jihadists'."""
        cue = cue.lower()
        if cue in self.lower_words:
            return True
        if len(cue) < 5 or " " in cue:
            return False
        words = self._sorted_words
        i = bisect.bisect_left(words, cue)
        return i < len(words) and words[i].startswith(cue)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.doc.word_set)


CheckFn = Callable[[Document, DocContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    check: CheckFn
    flagged_example: str
    clean_example: str
    explanation: str = ""
    fixable: bool = True
    # When findings overlap, the rule with the lower precedence keeps its finding.
    precedence: int = 50
    languages: tuple[str, ...] = ()  # empty: every language

    def finding(self, span_start: int, span_end: int, message: str, *, suggestions: list[str] | None = None,
                safe: bool = False, entry: str | None = None, severity: Severity | None = None,
                origin: str | None = None) -> Finding:
        span = Span(span_start, span_end)
        suggestions = suggestions or []
        return Finding(
            code=self.code,
            name=self.name,
            message=message,
            span=span,
            severity=severity or self.severity,
            suggestions=suggestions,
            fix=replacement_fix(span, suggestions, safe) if self.fixable else None,
            entry=entry,
            precedence=self.precedence,
            origin=origin,
        )


REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in REGISTRY:
        raise ValueError(f"duplicate rule code {rule.code}")
    REGISTRY[rule.code] = rule
    return rule


def rule(code: str, name: str, summary: str, severity: Severity, *, flagged: str, clean: str,
         fixable: bool = True, precedence: int = 50, languages: tuple[str, ...] = ()) -> Callable[[CheckFn], Rule]:
    """Register a check function as a rule; its docstring is the rule's explanation.

    The decorated name becomes the Rule, so a check builds findings with `its_name.finding(...)`.
    """

    def wrap(fn: CheckFn) -> Rule:
        return register(Rule(code, name, summary, severity, fn, flagged, clean, inspect.cleandoc(fn.__doc__ or ""),
                             fixable, precedence, languages))

    return wrap


def get_rule(code: str) -> Rule:
    return REGISTRY[code]
