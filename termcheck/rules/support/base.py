"""The rule model and registry: stable codes, metadata, and pure check functions."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from termcheck.align import Bead, SourceText
from termcheck.document import _WORD, Document, Span
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

    def stored(self, what: str, lang: str, build: Callable[[], Any]) -> Any:
        """As memo, for structures worth keeping between runs: the run's context
        (runner.CachedContext) keeps them in the cache folder. `what` is one word."""
        return self.memo(what, lang, build)

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
        self._cue_hits: dict[str, bool] = {}

    @cached_property
    def index(self) -> NameIndex:
        return self.ctx.index(self.doc.lang)

    @property
    def source(self) -> SourceText | None:
        """The document's source text, language and alignment, when it was given (--source)."""
        return self.doc.source

    @property
    def alignment(self) -> list[Bead]:
        """The document's sentences aligned with its source's (empty without a source)."""
        return self.doc.source.alignment if self.doc.source is not None else []

    @cached_property
    def names(self) -> list[NameMatch]:
        return self.index.find(self.doc.prose)

    def has_word_prefix(self, cue: str) -> bool:
        """A word of the document starts with `cue` (any case): the cue 'jihadist' meets 'jihadists'."""
        cue = cue.lower()
        known = self._cue_hits.get(cue)
        if known is None:
            known = self._cue_hits[cue] = self.has_any_word(frozenset([cue]), prefix=len(cue) >= 5)
        return known

    def has_any_word(self, words: frozenset[str], prefix: bool = False) -> bool:
        """A word of the document, lower-cased, is one of `words` (or starts with one, with `prefix`)."""
        words = frozenset(w for w in words if w and " " not in w)  # a word holds no space
        if not words:
            return False
        lowered = self._lowered
        if lowered is None:  # lower() changed the length (İ): tokens of the lowered text may differ
            return any(w in words or (prefix and w.startswith(tuple(words))) for w in self.lower_words)
        return has_word(lowered, words, prefix)

    @cached_property
    def _lowered(self) -> str | None:
        lowered = self.doc.prose.lower()
        return lowered if len(lowered) == len(self.doc.prose) else None

    @cached_property
    def lower_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.doc.word_set)


@lru_cache(maxsize=256)
def _automaton(words: frozenset[str]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


def has_word(lowered: str, words: frozenset[str], prefix: bool = False) -> bool:
    """Is a word of `lowered` (a lower-cased text) one of `words` (or does one start with one,
    with `prefix`)? As a test on the set of the text's words, but one scan in C for the words
    instead of tokenising the whole text; each hit is checked on the word it falls in."""
    for end, w in _automaton(words).iter(lowered):
        start = end - len(w) + 1
        token = _WORD.match(lowered, start)
        if token is None or (start > 0 and _WORD.match(lowered, start - 1)):
            continue  # inside a word, not at its start
        if start > 1 and lowered[start - 1] in "'’" and _WORD.match(lowered, start - 2):
            continue  # after an apostrophe within a word (l'Ouest): not a word start
        if token.group() == w or (prefix and token.group().startswith(w)):
            return True
    return False


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
    needs_source: bool = False  # bilingual: skipped for a document without a source (--source)
    # Reports what a sentence lacks (a name, a sentence of the source), with the sentence as its
    # span: a problem apart from any word in it, so it competes only with findings of its kind.
    absence: bool = False

    def finding(self, span_start: int, span_end: int, message: str, *, suggestions: list[str] | None = None,
                safe: bool = False, entry: str | None = None, severity: Severity | None = None,
                origin: str | None = None, source_span: Span | None = None) -> Finding:
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
            source_span=source_span,
        )


REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in REGISTRY:
        raise ValueError(f"duplicate rule code {rule.code}")
    REGISTRY[rule.code] = rule
    return rule


def rule(code: str, name: str, summary: str, severity: Severity, *, flagged: str, clean: str,
         fixable: bool = True, precedence: int = 50, languages: tuple[str, ...] = (),
         needs_source: bool = False, absence: bool = False) -> Callable[[CheckFn], Rule]:
    """Register a check function as a rule; its docstring is the rule's explanation.

    The decorated name becomes the Rule, so a check builds findings with `its_name.finding(...)`.
    """

    def wrap(fn: CheckFn) -> Rule:
        return register(Rule(code, name, summary, severity, fn, flagged, clean, inspect.cleandoc(fn.__doc__ or ""),
                             fixable, precedence, languages, needs_source, absence))

    return wrap


def get_rule(code: str) -> Rule:
    return REGISTRY[code]
