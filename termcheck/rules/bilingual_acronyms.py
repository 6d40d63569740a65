"""TC806 acronym-translated: an acronym of the source sentence that its translation turns into
an English word in capitals, translated as if it were a word ('PAN' -> 'BREAD', the Mexican
party). Letters in another order are not reported: translation reorders acronyms as it
reorders their words (PDL: LDP, Liberal Democratic Party)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.matcher import target_acronyms
from termcheck.lexicon import zipf
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import aligned_pairs

_ACRONYM = re.compile(r"(?<![\w.-])[A-Z]{2,6}(?![\w.-])")
WORD_ZIPF = 3.5  # a word in capitals this common in English is a word, translated: BREAD
WORD_MIN = 4  # ... of four letters or more (VAT for IVA is an acronym translated, as it should be)


def _known(dctx: DocContext, lang: str) -> frozenset[str]:
    """Every acronym the glossaries give for `lang` (NATO, UN, US): their translations are right."""
    def build() -> frozenset[str]:
        return frozenset(a for e in dctx.glossary.names for a in target_acronyms(e, lang))
    return dctx.ctx.memo("acronyms", lang, build)  # type: ignore[no-any-return]


def translated(target: str, source: str, known: frozenset[str]) -> tuple[re.Match[str], str] | None:
    """The acronym of `target` that stands for a source acronym it does not spell, with it."""
    if not any(c.islower() for c in target):
        return None  # a headline in capitals
    in_source = {m.group() for m in _ACRONYM.finditer(source)}
    found = [m for m in _ACRONYM.finditer(target)]
    in_target = {m.group() for m in found}
    missing = in_source - in_target
    new = [m for m in found if m.group() not in in_source and m.group() not in known]
    if len(missing) != 1 or len({m.group() for m in new}) != 1:
        return None
    src = next(iter(missing))
    m = new[0]
    word = m.group()
    translated = len(word) >= WORD_MIN and zipf(word.lower(), "en") >= WORD_ZIPF
    return (m, src) if translated else None


@rule("TC806", "acronym-translated", "An acronym of the source that the translation turns into an English word "
      "in capitals (PAN as BREAD).", Severity.WARNING,
      flagged="A mayor of the BREAD was killed before the vote. ||| "
              "Un alcalde del PAN fue asesinado antes de la votación.",
      clean="A mayor of the PAN was killed before the NATO summit. ||| "
            "Un alcalde del PAN fue asesinado antes de la cumbre de la OTAN.",
      fixable=True, precedence=47, needs_source=True)
def acronym_translated(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """In an aligned sentence pair, the source has one acronym (two to six capitals) that the
    target lacks and the target one, not in the source, that no glossary gives as an English
    acronym (NATO for OTAN is a translation): when the target's is an English word of four
    letters or more in capitals (BREAD for PAN), MT has translated the acronym as a word.
    Letters in another order are not reported (translation reorders acronyms with their
    words), nor are headlines in capitals."""
    source = dctx.source
    assert source is not None
    if doc.lang != "en":
        return
    known = _known(dctx, doc.lang)
    for pair in aligned_pairs(doc, dctx):
        if pair.target is None or pair.source is None:
            continue
        hit = translated(pair.target_text, pair.source_text, known)
        if hit is None:
            continue
        m, src = hit
        s = re.search(rf"(?<![\w.-]){src}(?![\w.-])", pair.source_text)
        assert s is not None
        yield acronym_translated.finding(
            pair.target.start + m.start(), pair.target.start + m.end(),
            f"'{m.group()}' is the source's acronym '{src}' translated as a word",
            suggestions=[src], origin=source.lang,
            source_span=Span(pair.source.start + s.start(), pair.source.start + s.end()))
