"""TC401 and TC402: acronyms from the source language, and acronyms that do not spell their name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.matcher import NameMatch, Role, target_acronyms
from termcheck.glossary.suggest import rank_suggestions
from termcheck.rules.names import LANG_NAMES, cued, wrong_matches
from termcheck.rules.support.articles import with_article
from termcheck.rules.support.base import DocContext, rule


@rule("TC401", "foreign-acronym", "An organisation's acronym in the source language (OSDH for SOHR, OTAN for NATO).",
      Severity.ERROR, precedence=25,
      flagged="The OTAN summit opened on Monday.", clean="The NATO summit opened on Monday.")
def foreign_acronym(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """Acronyms follow the words of each language: the Syrian Observatory for Human Rights
    is SOHR in English and OSDH in French, the United Nations UN and ONU. Machine translation
    keeps the source acronym. Acronyms that are also common abbreviations carry topic cues in
    the glossary and are flagged only in documents on that topic."""
    for m, entries, src in wrong_matches(ctx, Role.FOREIGN_ACRONYM, None):
        suggestions = [with_article(doc.prose, m.span.start, m.text, s, doc.lang)
                       for s in rank_suggestions(m.text, entries, doc.lang, acronyms=True)]
        if not suggestions:
            continue
        name = entries[0].canonical.get(doc.lang, entries[0].canonical["en"])
        name = name if name.isupper() else f"the {name}"
        message = (f"'{m.text}' is the {LANG_NAMES.get(src, src)} acronym of {name}; "
                   f"{LANG_NAMES.get(doc.lang, doc.lang)} uses '{suggestions[0]}'")
        yield foreign_acronym.finding(m.span.start, m.span.end, message, suggestions=suggestions,
                                      safe=len(entries) == 1 and not entries[0].cues, entry=entries[0].id,
                                      origin=src)


_PAREN_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_MIN_LETTERS = 3  # two-letter swaps (RN, PS) are how English prints many parties' own acronyms
_FUNCTION_WORDS = frozenset("of for the and on in de des du la le et al el von der für del y e".split())
_CLAUSE_BREAK = re.compile(r"[,;:!?()\[\]\n\"“”]")


def _initials_before(text: str, end: int) -> str:
    """Initials of the capitalised words right before `end`, skipping small function words."""
    segment = text[max(0, end - 160) : end]
    breaks = list(_CLAUSE_BREAK.finditer(segment))
    if breaks:
        segment = segment[breaks[-1].end() :]
    initials: list[str] = []
    for word in reversed(segment.split()):
        if word[0].isupper():
            initials.append(word[0])
        elif word.lower() not in _FUNCTION_WORDS:
            break
    return "".join(reversed(initials))


def _known_name_acronym(names_before: dict[int, NameMatch], text: str, paren: int, acro: str,
                        lang: str) -> tuple[str, str] | None:
    """'Palestinian Authority (AP)': the glossary knows the name and its acronym here (PA), and
    the one given is another language's (or the same letters in another order)."""
    end = paren  # where the text before the parenthesis ends, white space left out
    while end and text[end - 1].isspace():  # (never a copy of that text: one per "(XYZ)" was quadratic)
        end -= 1
    match = names_before.get(end)
    if match is None or len(match.entries) != 1:
        return None
    entry = match.entries[0]
    own = target_acronyms(entry, lang)
    if not own or acro in own:
        return None
    others = {a for code, forms in entry.acronym.items() if code != lang for a in forms}
    if acro in others or any(sorted(acro) == sorted(a) for a in own):
        return own[0], LANG_NAMES.get(lang, lang)
    return None


@rule("TC402", "acronym-mismatch", "An acronym whose letters do not follow the name beside it "
      "('National Liberation Front (FNL)').", Severity.WARNING, precedence=26,
      flagged="the National Liberation Front (FNL) denied it.", clean="the National Liberation Front (NLF) denied it.")
def acronym_mismatch(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """When a name is translated but its acronym is not, the acronym's letters come in the
    source language's word order: 'National Liberation Front (FNL)' keeps the French Front
    national de libération. The acronym is flagged when it has the same letters as the
    initials of the name before it, in another order. English keeps some source-order
    acronyms itself: those the glossary lists as the article's language's own ('National
    Liberation Front (FLN)' in an article about Algeria) and two-letter ones ('National
    Rally (RN)', 'Socialist Party (PS)'), where a swap is no sign of translation."""
    text = doc.prose
    names_at = {m.span: m for m in ctx.names}
    names_before = {m.span.end: m for m in ctx.names if m.role is Role.ACCEPTED}
    for m in _PAREN_ACRONYM.finditer(text):
        acro = m.group(1)
        known = names_at.get(Span(m.start(1), m.end(1)))
        if known and known.role in (Role.ACRONYM, Role.ACCEPTED) and any(cued(e, ctx) for e in known.entries):
            continue
        named = _known_name_acronym(names_before, text, m.start(), acro, doc.lang)
        if named:
            yield acronym_mismatch.finding(m.start(1), m.end(1),
                                           f"'{acro}' is not the acronym of the name before it; {named[1]} "
                                           f"uses '{named[0]}'", suggestions=[named[0]], safe=False)
            continue
        if len(acro) < _MIN_LETTERS:
            continue
        initials = _initials_before(text, m.start())
        if len(initials) < len(acro):
            continue
        initials = initials[-len(acro):]
        if initials != acro and sorted(initials) == sorted(acro):
            yield acronym_mismatch.finding(m.start(1), m.end(1),
                                           f"'{acro}' does not spell the name before it; "
                                           f"its initials give '{initials}'",
                                           suggestions=[initials], safe=False)
