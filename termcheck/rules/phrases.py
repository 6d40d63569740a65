"""TC301 and TC302: false friends and calques, from the phrase glossaries, with context cues."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.model import PhraseEntry, PhraseForm
from termcheck.glossary.suggest import match_case
from termcheck.rules.base import DocContext, Rule, rule
from termcheck.rules.context import has_cue, windows
from termcheck.rules.names import LANG_NAMES

_NEAR = 3  # words right before or after a match that `cues_before` / `cues_after` look at


@lru_cache(maxsize=8192)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole words; the first letter in either case (sentence starts), the rest as written."""
    first, rest = phrase[0], phrase[1:]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
    body = r"\s+".join(re.escape(w) for w in rest.split(" ")).replace("'", "['’]")
    left = r"(?<![\w-])" if first.isalnum() else ""
    right = r"(?![\w-])" if phrase[-1].isalnum() else ""
    return re.compile(left + head + body + right)


def _form_matches(form: PhraseForm, text: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
    if form.compiled is not None:
        yield from form.compiled.finditer(text)
        return
    assert form.match is not None
    first_word = re.split(r"[\s']", form.match)[0].lower()
    if first_word.isalpha() and first_word not in words:
        return  # cheap test before the regex: most documents lack most phrases
    if _spaced(form.match[1:]) not in _spaced_text(text):
        return  # a substring search rules out most documents before the regex runs
    yield from phrase_pattern(form.match).finditer(text)


_SPACES = re.compile(r"\s+")


def _spaced(text: str) -> str:
    """Runs of white space as one space, curly apostrophes straight: what phrase_pattern treats
    as the same. A match of phrase_pattern(p) read this way contains _spaced(p[1:])."""
    return _SPACES.sub(" ", text).replace("’", "'")


@lru_cache(maxsize=2)
def _spaced_text(text: str) -> str:
    return _spaced(text)  # once per document (every form of every entry reads it)


def entry_fires(entry: PhraseEntry, doc: Document, span: Span) -> bool:
    before, after = windows(doc, span, entry.window)
    near_before, near_after = windows(doc, span, _NEAR)
    if entry.blockers and (has_cue(before, tuple(entry.blockers)) or has_cue(after, tuple(entry.blockers))):
        return False
    if not (entry.cues or entry.cues_after or entry.cues_before):
        return True
    return (has_cue(before, tuple(entry.cues)) or has_cue(after, tuple(entry.cues))
            or has_cue(near_after, tuple(entry.cues_after)) or has_cue(near_before, tuple(entry.cues_before)))


def phrase_findings(this: Rule, doc: Document, ctx: DocContext, kind: str) -> Iterator[Finding]:
    taken: list[Span] = []
    for entry in ctx.glossary.phrases:
        if entry.kind != kind or entry.target_lang != doc.lang:
            continue
        for form in entry.forms:
            for m in _form_matches(form, doc.prose, ctx.lower_words):
                span = Span(m.start(), m.end())
                if span.start == span.end or any(span.overlaps(t) for t in taken) or not entry_fires(entry, doc, span):
                    continue
                taken.append(span)
                suggestions = [match_case(m.group(), m.expand(s) if "\\" in s else s) for s in form.suggest]
                source = f" (from {LANG_NAMES.get(entry.source_lang, entry.source_lang)} '{entry.source_term}')" \
                    if entry.source_term else ""
                what = "false friend" if kind == "false-friend" else "calque"
                message = f"'{m.group()}' looks like a {what}{source}"
                if suggestions and suggestions[0]:
                    message += f"; did you mean '{suggestions[0]}'?"
                yield this.finding(span.start, span.end, message, suggestions=suggestions, safe=False, entry=entry.id,
                                   origin=entry.source_lang)


@rule("TC301", "false-friend", "A word translated by its look-alike (French 'régime' as 'diet', 'évoquer' as 'evoke').",
      Severity.WARNING, precedence=30,
      flagged="despite the reconquest of most of the territory by diet.",
      clean="A balanced diet and regular exercise reduce the risk of diabetes.")
def false_friend(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """False friends are words that look like a source-language word but mean something
    else: French 'régime' is a political regime, not a diet; 'évoquer' is to speak of, not
    to evoke; German 'aktuell' is current, not actual. Each entry carries context cues (words
    that must be near) and blockers (words that show the English meaning), so that 'a
    healthy diet' and 'Japan's Diet' stay quiet. The fix is unsafe: a person decides."""
    yield from phrase_findings(false_friend, doc, ctx, "false-friend")


@rule("TC302", "calque", "A phrase translated word for word ('Same story on the side of', 'at the level of').",
      Severity.WARNING, precedence=31,
      flagged="Same story on the side of the National Liberation Front.",
      clean="It was the same story for the National Liberation Front.")
def calque(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """Calques copy a source-language construction word for word: 'même son de cloche du
    côté de' becomes 'Same story on the side of', 'dans le cadre de' 'in the framework of'.
    The English reads oddly to a native reader; the suggestion is the idiomatic phrase.
    The fix is unsafe: a person decides."""
    yield from phrase_findings(calque, doc, ctx, "calque")
