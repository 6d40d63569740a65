"""TC804 term-mismatch: a glossary name in a source sentence whose accepted target forms are
all missing from the aligned target sentence (Xbench's Key Term Mismatch)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.matcher import NameIndex, Role
from termcheck.glossary.model import NameEntry
from termcheck.lexicon.word_classes import lexicon
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import (
    CLAUSE_BREAK,
    WORDS,
    aligned_pairs,
    neighbour_targets,
    sentence_start,
    unaccented,
)

# Places and people have one rendering in the target language; institutions, groups, titles and
# demonyms are rendered many ways (la Chambre des députés: the House, the chamber, the lower house).
KINDS = frozenset({"place", "person"})
_ARTICLES = frozenset({"the", "a", "an"})
_SOURCE_ARTICLES = frozenset("le la les l el los las lo il gli der die das".split())
_CALENDAR = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December""".split())


def checked(entry: NameEntry, source_form: str, lang: str) -> bool:
    """Is `entry` one whose rendering can be required: a place or a person, or an organisation
    whose name the target language writes as the source does (Deutsche Bank, Le Monde, El País:
    MT that translates it, 'the German bank', has garbled a name)?"""
    if entry.kind in KINDS:
        return True
    key = unaccented(source_form).casefold()
    return entry.kind == "organisation" and any(unaccented(f).casefold() == key for f in entry.accepted(lang))


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str]:
    """A target form as a whole word, plurals and possessives allowed (Syrian: Syrians, Syrian's);
    an acronym also with full stops (US: U.S.)."""
    body = r"\.?".join(map(re.escape, form)) + r"\.?" if form.isupper() and form.isalpha() else re.escape(form)
    return re.compile(r"(?<!\w)" + body + r"(?:s|es|'s|’s)?(?!\w)", re.IGNORECASE)


def target_forms(entry: NameEntry, lang: str) -> list[str]:
    """Forms that render `entry` in `lang`: accepted forms, acronyms, and for people the last
    word of a name (news calls Bashar al-Assad 'Assad' after the first mention)."""
    forms = entry.accepted(lang) + entry.accepted_acronyms(lang)
    if entry.kind == "person":
        forms += [f.split()[-1] for f in forms if " " in f]
    return forms


def present(entry: NameEntry, lang: str, text: str) -> bool:
    plain = unaccented(text)
    forms = target_forms(entry, lang)
    if any(_form_pattern(unaccented(f)).search(plain) for f in forms):
        return True
    if entry.kind != "place":
        return False
    # A place may be named by its adjective (Tschechien: Czech tourists; Italia: the Italian
    # government): a capitalised word that starts as the name does, or its listed adjective
    # (Espagne: Spanish bonds).
    stems = {unaccented(f)[:4] for f in forms if len(f) >= 4 and f[:1].isupper()}
    if any(re.search(r"(?<!\w)" + re.escape(stem), plain) for stem in stems):
        return True
    adjectives = cast(dict[str, list[str]], lexicon("country-adjectives")["adjectives"])
    return any(_form_pattern(unaccented(a)).search(plain) for f in forms for a in adjectives.get(f, ()))


def _same_capitals(found: str, form: str) -> bool:
    """Are the words of `found` capitalised as those of `form`? The index forgives the case of
    all but the first letter; a sentence of the source does not: 'La réunion' (the meeting, first
    in its sentence) is not La Réunion."""
    return [w[:1].isupper() for w in found.split()] == [w[:1].isupper() for w in form.split()] or found.isupper()


NEAR = 0.2  # of the sentence's length: how far from the name's place a capitalised word may be


def rendering(target: str, source: str, start: int, end: int) -> tuple[int, int] | None:
    """Where `target` most likely renders the name at source[start:end] without its accepted
    form: the capitalised word, not first in the sentence and not the source's, nearest the
    name's place (its share of the way through the source), with the words after it to as many
    as the name has and an article before it ('The German bank' for 'Die Deutsche Bank', 'the
    Country' for 'El País'); None where no such word is near (the sentence is reported then)."""
    if not source or not target:
        return None
    place = (start + end) / 2 / len(source) * len(target)
    words = list(WORDS.finditer(target))
    capitalised = [i for i, w in enumerate(words) if w.group()[0].isupper() and not w.group().isupper()
                   and not sentence_start(target, w.start()) and w.group() not in source
                   and w.group() not in _CALENDAR]
    if not capitalised:
        return None
    i = min(capitalised, key=lambda k: abs((words[k].start() + words[k].end()) / 2 - place))
    if abs((words[i].start() + words[i].end()) / 2 - place) > NEAR * len(target):
        return None
    name = WORDS.findall(source[start:end])
    if len(name) > 1 and name[0].lower() in _SOURCE_ARTICLES:
        name = name[1:]  # 'El País': the article is the 'the' before the rendering
    last = min(len(words), i + len(name)) - 1
    first = i - 1 if i and words[i - 1].group().lower() in _ARTICLES else i
    if CLAUSE_BREAK.search(target, words[first].end(), words[last].start()):
        return None  # the words span a clause boundary: not one name
    return words[first].start(), words[last].end()


SPELT_ALIKE = 80  # rapidfuzz ratio of a capitalised target word to the name's last word


def spelt_alike(target: str, forms: list[str]) -> bool:
    """Does `target` name it in another spelling: a capitalised word close to the last word of
    a form (Kaddafi for Gaddafi, Peking beside Pékin and Beijing)? A spelling is the
    single-language rules' business (TC201, TC202), not a name left out."""
    from rapidfuzz import fuzz

    keys = {unaccented(f.split()[-1]).lower() for f in forms if f}
    words = {w.lower() for w in re.findall(r"\b[A-Z][^\W\d_]{3,}", unaccented(target))}
    return any(fuzz.ratio(w, k) >= SPELT_ALIKE for w in words for k in keys if len(k) >= 4)


@rule("TC804", "term-mismatch", "A glossary name of the source sentence that its translation does not render "
      "with an accepted form.", Severity.WARNING,
      flagged="Heavy fighting was reported in the northern city. ||| De violents combats ont eu lieu à Alep.",
      clean="Heavy fighting was reported in Aleppo. ||| De violents combats ont eu lieu à Alep.",
      fixable=False, precedence=90, needs_source=True, absence=True)
def term_mismatch(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """The source sentence is scanned with the glossary's index for the source language; each
    place or person found there in one of its accepted source-language forms, as a whole
    word (or an organisation whose name the target language writes as the source does:
    Deutsche Bank, Le Monde, El País, which MT translates word for word), must
    appear in the aligned target sentence (or the sentences beside it) in one of its
    accepted target-language forms or acronyms (a person also by the last word of the name, a
    place by a capitalised word that starts with its first four letters: Czech for the Czech
    Republic, Italian for Italy, Iranian for Iran; or its adjective listed in
    glossaries/lexicons/country-adjectives.toml: Spanish for Spain; an acronym also with full
    stops: U.S.). The source's form must be capitalised as the glossary writes it ('La
    réunion', the meeting, is not La Réunion).
    A sentence that keeps the source's own spelling is left to the single-language rules (a
    wrong form) or is a name kept whole (German 'Island' in 'Staten Island'); so is one that
    spells the name another way (a capitalised word close to its last word: Kaddafi, Peking).
    If none does, an organisation is reported where the sentence most likely renders its name
    (a capitalised word near the name's place: 'The German bank'), anything else with the
    whole sentence, and the expected form in the message."""
    source = dctx.source
    assert source is not None
    if source.lang == doc.lang or source.lang not in dctx.ctx.memo("covered-languages", "",
                                                                   lambda: dctx.glossary.languages):
        return
    index: NameIndex = dctx.ctx.index(source.lang)
    for pair in aligned_pairs(doc, dctx):
        if pair.target is None or pair.source is None:
            continue
        seen: set[str] = set()
        for match in index.find(pair.source_text):
            for form in match.forms:
                entry = form.entry
                if form.role is not Role.ACCEPTED or form.lang != source.lang or entry.id in seen or \
                        not checked(entry, form.form, doc.lang) or not _same_capitals(match.text, form.form):
                    continue
                seen.add(entry.id)
                expected = target_forms(entry, doc.lang)
                # The source's own spelling in the translation: part of a name kept whole (German
                # 'Island' in 'Staten Island'), or a wrong form the single-language rules report.
                if not expected or present(entry, doc.lang, pair.target_text) or \
                        _form_pattern(unaccented(match.text)).search(unaccented(pair.target_text)) or \
                        spelt_alike(pair.target_text, [match.text, *expected]):
                    continue
                if present(entry, doc.lang, neighbour_targets(doc, dctx, pair.index)):
                    continue
                # An organisation's name translated word for word keeps capitals ('The German
                # bank'); a place or person left out is often a phrase ('the besieged city').
                start, end = (entry.kind == "organisation" and
                              rendering(pair.target_text, pair.source_text, match.span.start, match.span.end)) or \
                    (0, len(pair.target_text))
                yield term_mismatch.finding(
                    pair.target.start + start, pair.target.start + end,
                    f"the source names '{match.text}' here, but this sentence has no '{expected[0]}'",
                    entry=entry.id,
                    source_span=Span(pair.source.start + match.span.start, pair.source.start + match.span.end))
