"""TC204: a name English always capitalises, left in lower case (the czechs, uruguay)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.glossary.model import Glossary
from termcheck.lexicon import zipf
from termcheck.lexicon.word_classes import alternation, lexicon
from termcheck.rules.support.base import DocContext, rule

ENGLISH_WORD = 2.5  # zipf: a lower-case form this common in English may be the English word


@lru_cache(maxsize=1)
def _lower_name_set() -> frozenset[str]:
    words = lexicon("name-case")
    common = set(words["common_words"])
    countries = {c.lower() for c in lexicon("countries")["no_article"] if " " not in c} - common
    return frozenset(set(words["demonyms"]) | countries)


@lru_cache(maxsize=1)
def _lower_names() -> re.Pattern[str]:
    # Not inside an address, a file name, a handle or a hashtag (france24.com, @france, #syria).
    return re.compile(rf"(?<![\w./@#:_'’-])(?:{alternation(_lower_name_set())})(?![\w/@_-])(?!\.\w)")


_APOSTROPHE = re.compile("['’]")


@lru_cache(maxsize=1)
def _lower_name_kinds() -> tuple[frozenset[str], tuple[str, ...]]:
    """The names of word characters only, and the others."""
    plain = frozenset(n for n in _lower_name_set() if re.fullmatch(r"\w+", n))
    return plain, tuple(sorted(_lower_name_set() - plain))


def _lower_name_matches(doc: Document) -> Iterator[re.Match[str]]:
    """_lower_names().finditer(doc.prose), tried only where a name the document holds starts: a
    scan of the whole text with that pattern (a lookbehind, then 250 words) cost 0.1 s per MB.
    A name of word characters matched is a word of Document.words (nothing before it joins
    it, nor does anything after it but an apostrophe and letters: "czechs'x" is one word), so
    it is one of doc.word_set or the part of one before an apostrophe; a name with other
    characters (guinea-bissau) is looked for in every document. Each place a name starts is
    tried in order, never inside the previous match, as finditer would."""
    prose = doc.prose
    pattern = _lower_names()
    plain, others = _lower_name_kinds()
    words = doc.word_set
    heads = {_APOSTROPHE.split(w, 1)[0] for w in words if "'" in w or "’" in w}
    present = [*others, *((words | heads) & plain)]
    starts: set[int] = set()
    for name in present:
        at = prose.find(name)
        while at >= 0:
            starts.add(at)
            at = prose.find(name, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end:
            m = pattern.match(prose, at)
            if m:
                yield m
                end = m.end()


@rule("TC204", "name-in-lower-case", "A demonym or country name in lower case (the czechs, uruguay).",
      Severity.WARNING, precedence=40, languages=("en",),
      flagged="Many czechs voted against the treaty, as did uruguay.",
      clean="Many Czechs voted against the treaty; the turkey and the china were on the table.")
def name_in_lower_case(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """Spanish, French and Italian write demonyms in lower case ('los checos', 'les
    Français' but 'français'), and MT that copies a word through loses the capital English
    needs: 'the czechs', 'this french', 'the government of uruguay'. English capitalises
    every demonym and country name. Country names that are also common words (turkey,
    china, jordan) and words inside web addresses and hashtags are left alone. A place's name
    in another language copied through in lower case ('damasco', 'londres') is reported with
    its English name, unless the lower-case form is an English word."""
    for m in _lower_name_matches(doc):
        word = m.group()
        yield name_in_lower_case.finding(m.start(), m.end(), f"'{word}' is a name: English writes it with a capital",
                                         suggestions=[word.capitalize()], safe=True)
    # Kept in the cache folder beside the name index: building it asks wordfreq about ~1,600 forms.
    forms: dict[str, tuple[str, str, str]] = dctx.ctx.stored(
        "lowerplaces", doc.lang, lambda: _foreign_place_forms(dctx.glossary, doc.lang))
    # The document's words that are such a form, as written (lower case): a set intersection
    # in C, then one small expression for the few found (a pattern of all ~2,000 forms took
    # 0.2 s to compile, a third of a one-file run).
    present = doc.word_set & forms.keys()
    if not present:
        return
    for m in _word_pattern(frozenset(present)).finditer(doc.prose):
        word = m.group()
        form, english, src = forms[word]
        yield name_in_lower_case.finding(m.start(), m.end(), f"'{word}' is '{form}', the {_LANGS.get(src, src)} name "
                                         f"of {english}, copied in lower case", suggestions=[english], origin=src)


@lru_cache(maxsize=256)
def _word_pattern(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w./@#:_'’-])(?:{alternation(words)})(?![\w/@_'’-])")


_LANGS = {"fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "tr": "Turkish"}


def _foreign_place_forms(glossary: Glossary, lang: str) -> dict[str, tuple[str, str, str]]:
    """Lower-cased one-word place names of other languages (damasco, londres) that are no
    English word: the form, the English name and the language it comes from."""
    out: dict[str, tuple[str, str, str]] = {}
    for entry in glossary.names:
        if entry.kind != "place" or lang not in entry.canonical:
            continue
        english = entry.canonical[lang]
        accepted = {f.lower() for f in entry.accepted(lang)}
        foreign = [(src, f) for src, forms in entry.wrong.items() for f in forms]
        foreign += [(src, f) for src, f in entry.canonical.items() if src != lang]
        for src, form in foreign:
            low = form.lower()
            if " " in form or "-" in form or low in accepted or not form[:1].isupper() or len(form) < 4:
                continue
            if zipf(low, lang) < ENGLISH_WORD:
                out.setdefault(low, (form, english, src))
    return out
