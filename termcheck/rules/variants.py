"""TC202 and TC203: names the glossary does not list as written.

TC202 finds unseen spellings of glossary names (a typo like Latakkia, a transliteration
like Qamichli) by folding each candidate the way its source language romanises names and
comparing it with the glossary's forms (rapidfuzz). TC203 finds names outside the glossary
whose spelling follows a source language's romanisation where English news spells them
otherwise (wordfreq tells which spellings English prints)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.suggest import match_case
from termcheck.lexicon import zipf
from termcheck.romanisation import fold_key, keys_for, romanisations
from termcheck.rules.base import DocContext, rule
from termcheck.rules.candidates import proper_noun_runs, windows
from termcheck.rules.name_parts import entry_by_id, part_of_other_name
from termcheck.rules.names import LANG_NAMES
from termcheck.spans import SpanSet

# Calibrated on the development cases and the Lee news corpus (bench/precision.py).
SIMILARITY = 86.0
RARE = 2.0  # a word English (or the target language) prints less than ~0.1 times a million words
MIN_KEY = 5


@dataclass(frozen=True)
class _Form:
    key: str
    form: str
    entry_id: str


def _blocks(dctx: DocContext) -> dict[tuple[int, str], tuple[list[str], list[_Form]]]:
    """Accepted place and person forms, blocked by word count and first letter of their key."""

    def build() -> dict[tuple[int, str], tuple[list[str], list[_Form]]]:
        blocks: dict[tuple[int, str], tuple[list[str], list[_Form]]] = {}
        for entry in dctx.glossary.names:
            if entry.kind not in ("place", "person") or dctx.doc.lang not in entry.canonical:
                continue
            for form in entry.accepted(dctx.doc.lang):
                key = fold_key(form)
                if len(key.replace(" ", "")) < MIN_KEY:
                    continue
                keys, forms = blocks.setdefault((len(form.split()), key[0]), ([], []))
                keys.append(key)
                forms.append(_Form(key, form, entry.id))
        return blocks

    return dctx.ctx.memo("variant-blocks", dctx.doc.lang, build)  # type: ignore[no-any-return]


def _taken_spans(dctx: DocContext) -> SpanSet:
    return SpanSet(m.span for m in dctx.names)


@rule("TC202", "unseen-variant", "A spelling of a glossary name that the glossary does not list (Qamichli, Latakkia).",
      Severity.WARNING, precedence=40,
      flagged="Kurdish forces held Qamichli and the road to Latakkia.",
      clean="Kurdish forces held Qamishli and the road to Latakia.")
def unseen_variant(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """No glossary lists every spelling. A name that is not in the glossary but, once
    folded the way French, German, Turkish, Spanish or Italian romanise names, is close to
    a glossary name is reported with that name's form (Qamichli: Qamishli; Jarablous:
    Jarablus; Latakkia: Latakia). Only spellings that are rare in the article's language
    are considered, so a common word that looks like a name stays quiet. The fix is
    unsafe."""
    lang = doc.lang
    blocks = _blocks(dctx)
    if not blocks:
        return
    taken = _taken_spans(dctx)
    for run in proper_noun_runs(doc.prose):
        for span, tokens in windows(run):
            if taken.overlaps(span):
                continue
            rare = [t for t in tokens if zipf(t.text.lower(), lang) < RARE]
            if not rare:
                continue
            text = doc.prose[span.start : span.end]
            best: tuple[float, _Form, str, str] | None = None
            for src, key in keys_for(text):
                if len(key.replace(" ", "")) < MIN_KEY:
                    continue
                block = blocks.get((len(tokens), key[0]))
                if not block:
                    continue
                hit = process.extractOne(key, block[0], scorer=fuzz.ratio, score_cutoff=SIMILARITY)
                if hit and (best is None or hit[1] > best[0]):
                    best = (hit[1], block[1][hit[2]], src, key)
            # Typos and romanisations keep a name's last letter: Suleiman is not Suleimani.
            if best is None or best[1].form == text or best[3][-1] != best[1].key[-1]:
                continue
            if part_of_other_name(run, tokens, entry_by_id(dctx, best[1].entry_id), lang):
                continue
            score, form, src, _ = best
            suggestion = match_case(text, form.form)
            how = f" as {LANG_NAMES[src]} romanises it" if src else ""
            taken.append(span)
            yield unseen_variant.finding(span.start, span.end, f"'{text}' looks like a spelling of '{form.form}'{how}",
                                         suggestions=[suggestion], safe=False, entry=form.entry_id, origin=src or None)


def english_style(word: str, lang: str, skip: frozenset[str] = frozenset()) -> tuple[str, str, float] | None:
    """The spelling `lang` news uses for a name another language romanised, with that language
    (source languages in `skip` are not considered)."""
    here = zipf(word.lower(), lang)
    best: tuple[str, str, float] | None = None
    for src, rom in romanisations().items():
        if src == lang or src in skip or zipf(word.lower(), src) <= here:  # the spelling must be attested in `src`
            continue
        for variant in rom.variants(word):
            freq = zipf(variant, lang)
            if freq >= 1.5 and freq >= here + 1.0 and (best is None or freq > best[2]):
                best = (src, match_case(word, variant.capitalize() if word[:1].isupper() else variant), freq)
    return best


@rule("TC203", "foreign-romanisation", "A name romanised the way a source language does it, where English news "
      "spells it otherwise (Souleimane for Suleiman).", Severity.WARNING, precedence=45, languages=("en",),
      flagged="The commander, Souleimane, was killed in the strike.",
      clean="Algeria's president Abdelmadjid Tebboune met Moussa Faki in Algiers.")
def foreign_romanisation(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """French writes Arabic and Russian names with ch, ou and dj (Souleimane, Qamichli,
    Djihad); German with sch and dsch; Turkish with ş and c. A name that is not in the
    glossary, that English hardly prints as written, and whose rewriting by one of these
    conventions gives a spelling English news does print, is reported with that spelling.
    Names whose established English form is itself French-style (Abdelmadjid Tebboune,
    Habib Bourguiba, Moussa Faki) have no more common English spelling, so they stay quiet,
    and so does the French style in articles about the Maghreb and French-speaking Africa,
    whose names English news spells the French way (Ihsane El Kadi, Al Haouz)."""
    taken = _taken_spans(dctx)
    local = frozenset(src for src, rom in romanisations().items() if rom.local & dctx.lower_words)
    for run in proper_noun_runs(doc.prose):
        for token in run:
            span = Span(token.start, token.end)
            if len(token.text) < 4 or not token.text[:1].isupper() or taken.overlaps(span):
                continue
            if zipf(token.text.lower(), doc.lang) >= 1.3:
                continue
            found = english_style(token.text, doc.lang, local)
            if found is None:
                continue
            src, suggestion, _ = found
            yield foreign_romanisation.finding(
                span.start, span.end, f"'{token.text}' is spelled the {LANG_NAMES[src]} way; English news writes "
                f"'{suggestion}'", suggestions=[suggestion], safe=False, origin=src)
