"""TC101 and TC201: known wrong forms of glossary names, in the document's own language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from itertools import chain

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.glossary.matcher import NameMatch, Role, case_matches
from termcheck.glossary.model import NameEntry
from termcheck.glossary.suggest import rank_suggestions
from termcheck.lexicon import zipf
from termcheck.rules.support.articles import with_article
from termcheck.rules.support.base import DocContext, Rule, rule
from termcheck.rules.support.memo import Memo

LANG_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
              "tr": "Turkish", "ar": "Arabic"}
_TRANSLITERATED = ("place", "person")


def cued(entry: NameEntry, ctx: DocContext) -> bool:
    """Entries with cues (ambiguous forms) count only in documents about their topic."""
    return not entry.cues or any(ctx.has_word_prefix(c) for c in entry.cues)


_NEXT_NAME = re.compile(r"[ \t]+([A-Z][a-z]+)")
# Words that follow a place's name in English without making it part of a person's name.
_PLACE_WORDS = frozenset("Province Governorate Region City Town Village Valley Airport Base Crossing Road Highway "
                         "Countryside Mountains Mountain Dam Plain River Lake Strait Bay Gulf Desert Camp Prison "
                         "Square Street District Municipality Council Front Offensive Agreement Accord Summit "
                         "Talks Process Peninsula Heights Basin Sea Coast Border".split())


def part_of_longer_name(m: NameMatch, text: str) -> bool:
    """'Riyad Mansour' is a person, not the French spelling of Riyadh followed by a word."""
    nxt = _NEXT_NAME.match(text, m.span.end)
    return " " not in m.text and nxt is not None and nxt.group(1) not in _PLACE_WORDS


# A word the article's language prints this often (a few times per million words) is its own word
# there: German 'Syriens' (of Syria) is not the French demonym.
COMMON_IN_TARGET = 3.0


def common_in_target(found: str, lang: str) -> bool:
    return " " not in found and not found.isupper() and zipf(found.lower(), lang) >= COMMON_IN_TARGET


def wrong_matches(ctx: DocContext, role: Role, kinds: tuple[str, ...] | None, exclude: bool = False) -> Iterator[
        tuple[NameMatch, list[NameEntry], str]]:
    """Matches whose best reading is `role`, limited to entries of `kinds` (or all others)."""
    for m in ctx.names:
        if m.role is not role:
            continue
        if common_in_target(m.text, ctx.doc.lang):
            continue
        longer = part_of_longer_name(m, ctx.doc.prose)
        forms = [f for f in m.forms if f.role is role and cued(f.entry, ctx)
                 and not (longer and (f.implicit or f.entry.kind == "place"))
                 and (kinds is None or (f.entry.kind in kinds) != exclude)]
        if forms:
            entries = list({f.entry.id: f.entry for f in forms}.values())
            yield m, entries, forms[0].lang


def _listed_wrong(entry: NameEntry, found: str, lang: str) -> str | None:
    """The language whose explicit `wrong` list holds `found` (other than `lang`), if any."""
    return next((src for src, forms in sorted(entry.wrong.items())
                 if src != lang and any(case_matches(found, f) for f in forms)), None)


def _listed_in(entry: NameEntry, lang: str, key: tuple[str, str]) -> str | None:
    return _listed_wrong(entry, key[1], lang)


def shared_matches(ctx: DocContext, kinds: tuple[str, ...], exclude: bool) -> Iterator[
        tuple[NameMatch, list[NameEntry], str]]:
    """Forms a language prints that are also another's spelling (Saraqeb is Reuters English and
    AFP French: an entry lists it in both `alternates.en` and `wrong.fr`). They are correct unless
    the article shows other known forms from that language, i.e. signs of translation from it."""
    lang = ctx.doc.lang
    listed: Memo[tuple[str, str], str | None] = ctx.ctx.memo("listed-wrong", lang, Memo)  # entry ids are unique
    evidence: set[str] | None = None
    for m in ctx.names:
        if m.role is not Role.ACCEPTED:
            continue
        # Names repeat across articles: what a form is in an entry is looked up once. The cue
        # test searches the document: it comes last.
        hits = [(e, src) for e in m.entries if (e.kind in kinds) != exclude
                and (src := listed.get((e.id, m.text), partial(_listed_in, e, lang))) and cued(e, ctx)]
        if not hits:
            continue
        if evidence is None:
            evidence = {src for role in (Role.WRONG, Role.FOREIGN_ACRONYM)
                        for _, _, src in wrong_matches(ctx, role, None)}
        hits = [(e, src) for e, src in hits if src in evidence]
        if hits:
            yield m, [e for e, _ in hits], hits[0][1]


def _name_findings(this: Rule, doc: Document, ctx: DocContext, kinds: tuple[str, ...], exclude: bool,
                   what: str) -> Iterator[Finding]:
    lang = doc.lang
    for m, entries, src in chain(wrong_matches(ctx, Role.WRONG, kinds, exclude), shared_matches(ctx, kinds, exclude)):
        # A suggestion that is itself a listed wrong form (Huthis for Huthi) would not fix anything.
        suggestions = [with_article(ctx.doc.prose, m.span.start, m.text, s, lang)
                       for s in rank_suggestions(m.text, entries, lang)
                       if not any(_listed_wrong(e, s, lang) for e in entries)]
        if not suggestions:
            continue
        origin = LANG_NAMES.get(src, src)
        target = LANG_NAMES.get(lang, lang)
        message = f"'{m.text}' is the {origin} {what}; {target} writes '{suggestions[0]}'"
        if len(entries) > 1:
            message += f" (ambiguous: {', '.join(e.id for e in entries)})"
        yield this.finding(m.span.start, m.span.end, message, suggestions=suggestions,
                           safe=len(entries) == 1 and not entries[0].cues, entry=entries[0].id, origin=src)


@rule("TC201", "wrong-transliteration", "A place or person name in another language's spelling (Idleb for Idlib).",
      Severity.ERROR, precedence=20,
      flagged="Fighting continued in the Idleb region.", clean="Fighting continued in the Idlib region.")
def wrong_transliteration(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """Machine translation keeps the source language's spelling of names: French writes
    Idleb, Khan Cheikhoun, Bachar; German Damaskus; Turkish Halep. The glossary lists these
    forms for each place and person with the language they come from. What is wrong depends
    on the article's language: Idleb is right in a French article and wrong in an English one.
    The fix is safe when the form belongs to exactly one glossary entry."""
    yield from _name_findings(wrong_transliteration, doc, ctx, _TRANSLITERATED, False, "spelling")


@rule("TC101", "wrong-term", "An organisation, group or demonym named as another language does (alaouite, "
      "Syrian Observatory of Human Rights).", Severity.ERROR, precedence=20,
      flagged="According to the Syrian Observatory of Human Rights, 12 people died.",
      clean="According to the Syrian Observatory for Human Rights, 12 people died.")
def wrong_term(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """Names of organisations, religious groups and peoples have fixed forms in each
    language; machine translation renders them word for word or keeps the source form
    ('Syrian Observatory of Human Rights', 'alaouite', 'Daech'). The glossary gives the
    established form."""
    yield from _name_findings(wrong_term, doc, ctx, _TRANSLITERATED, True, "form")
