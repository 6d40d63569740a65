"""TC301 and TC302: false friends and calques, from the phrase glossaries, with context cues."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.model import PhraseEntry, PhraseForm
from termcheck.glossary.suggest import match_case
from termcheck.rules.names import LANG_NAMES
from termcheck.rules.support.base import DocContext, Rule, rule
from termcheck.rules.support.bilingual import aligned_pairs
from termcheck.rules.support.context import has_cue, windows
from termcheck.rules.support.phrase_forms import is_word_of, phrase_matches, token_at
from termcheck.rules.support.triggers import candidates, triggers

_NEAR = 3  # words right before or after a match that `cues_before` / `cues_after` look at


def _form_matches(form: PhraseForm, text: str) -> Iterator[re.Match[str]]:
    if form.compiled is not None:
        yield from form.compiled.finditer(text)
        return
    assert form.match is not None
    found = phrase_matches(form.match, text)
    first = next(found, None)
    if first is None:
        return
    # A phrase counts only where its first word is one of the document's words ('don' of
    # "don't know" is not): asked only after a match, which is rare.
    first_word = re.split(r"[\s']", form.match)[0].lower()
    if first_word.isalpha() and token_at(text, first.start()).lower() != first_word \
            and not is_word_of(text, first_word):
        return
    yield first
    yield from found


def entry_fires(entry: PhraseEntry, doc: Document, span: Span) -> bool:
    return not blocked(entry, doc, span) and cued(entry, doc, span)


def blocked(entry: PhraseEntry, doc: Document, span: Span) -> bool:
    """Is one of the entry's blockers (words of the English sense) near the match?"""
    if not entry.blockers:
        return False
    before, after = windows(doc, span, entry.window)
    return has_cue(before, tuple(entry.blockers)) or has_cue(after, tuple(entry.blockers))


def cued(entry: PhraseEntry, doc: Document, span: Span) -> bool:
    """Is one of the entry's cues near the match (or has it none to ask for)?"""
    if not _with_cues(entry):
        return True
    before, after = windows(doc, span, entry.window)
    near_before, near_after = windows(doc, span, _NEAR)
    return (has_cue(before, tuple(entry.cues)) or has_cue(after, tuple(entry.cues))
            or has_cue(near_after, tuple(entry.cues_after)) or has_cue(near_before, tuple(entry.cues_before)))


def _with_cues(entry: PhraseEntry) -> bool:
    return bool(entry.cues or entry.cues_after or entry.cues_before)


def source_confirms(entry: PhraseEntry, doc: Document, ctx: DocContext, span: Span) -> Span | None:
    """Where the aligned source sentence of `span` matches the entry's `in_source` pattern; None
    without a source, or where that sentence does not. The pattern names its languages' words
    (an election's 'tour' and 'vuelta' in one entry), so the source's language is not asked."""
    if entry.in_source_compiled is None or ctx.source is None:
        return None
    for pair in aligned_pairs(doc, ctx):
        if pair.target is not None and pair.source is not None and pair.target.start <= span.start < pair.target.end:
            m = entry.in_source_compiled.search(pair.source_text)
            return None if m is None else Span(pair.source.start + m.start(), pair.source.start + m.end())
    return None


def phrase_findings(this: Rule, doc: Document, ctx: DocContext, kind: str) -> Iterator[Finding]:
    taken: list[Span] = []
    phrases = triggers(ctx).phrases
    # Only the forms whose keys the document holds (triggers.py), in glossary order: the others
    # cannot match.
    for i in candidates(ctx):
        if i >= len(phrases):
            break  # residue patterns come after the phrases
        entry, form = phrases[i]
        if entry.kind == kind:
            for m in _form_matches(form, doc.prose):
                span = Span(m.start(), m.end())
                if span.start == span.end or any(span.overlaps(t) for t in taken):
                    continue
                # The source confirming the look-alike stands in for the cues; without it an entry
                # with `in_source` reports only where its cues do (and never if it has none).
                source_span = source_confirms(entry, doc, ctx, span) if entry.in_source else None
                if source_span is not None:
                    if blocked(entry, doc, span):
                        continue
                elif (entry.in_source and not _with_cues(entry)) or not entry_fires(entry, doc, span):
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
                                   origin=entry.source_lang, source_span=source_span)


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
