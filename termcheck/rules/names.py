"""TC101 and TC201: known wrong forms of glossary names, in the document's own language."""

from __future__ import annotations

from collections.abc import Iterator

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.glossary.matcher import NameMatch, Role
from termcheck.glossary.model import NameEntry
from termcheck.glossary.suggest import rank_suggestions
from termcheck.rules.base import DocContext, Rule, rule

LANG_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
              "tr": "Turkish", "ar": "Arabic"}
_TRANSLITERATED = ("place", "person")


def cued(entry: NameEntry, ctx: DocContext) -> bool:
    """Entries with cues (ambiguous forms) count only in documents about their topic."""
    return not entry.cues or any(c.lower() in ctx.lower_words for c in entry.cues)


def wrong_matches(ctx: DocContext, role: Role, kinds: tuple[str, ...] | None, exclude: bool = False) -> Iterator[
        tuple[NameMatch, list[NameEntry], str]]:
    """Matches whose best reading is `role`, limited to entries of `kinds` (or all others)."""
    for m in ctx.names:
        if m.role is not role:
            continue
        forms = [f for f in m.forms if f.role is role and cued(f.entry, ctx)
                 and (kinds is None or (f.entry.kind in kinds) != exclude)]
        if forms:
            entries = list({f.entry.id: f.entry for f in forms}.values())
            yield m, entries, forms[0].lang


def _name_findings(this: Rule, doc: Document, ctx: DocContext, kinds: tuple[str, ...], exclude: bool,
                   what: str) -> Iterator[Finding]:
    lang = doc.lang
    for m, entries, src in wrong_matches(ctx, Role.WRONG, kinds, exclude):
        suggestions = rank_suggestions(m.text, entries, lang)
        if not suggestions:
            continue
        origin = LANG_NAMES.get(src, src)
        target = LANG_NAMES.get(lang, lang)
        message = f"'{m.text}' is the {origin} {what}; {target} writes '{suggestions[0]}'"
        if len(entries) > 1:
            message += f" (ambiguous: {', '.join(e.id for e in entries)})"
        yield this.finding(m.span.start, m.span.end, message, suggestions=suggestions,
                           safe=len(entries) == 1 and not entries[0].cues, entry=entries[0].id)


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
