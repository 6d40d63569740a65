"""TC805 name-case-changed: a name of the source sentence that its translation writes in lower
case ('Kevin monk' for 'Kevin Monk', 'luisana lopilato'): MT lower-cases names it takes for
words. (Capitals are left alone: 'FARC' for 'Farc' is English house style, not an error.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.lexicon import zipf
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import aligned_pairs, sentence_start

_WORD = re.compile(r"[^\W\d_]+")
MIN_LEN = 3
SOURCE_WORD_ZIPF = 3.5  # a capitalised source word this common in its language is a noun (German) or a title word
TARGET_WORD_ZIPF = 3.0  # a lower-case English word this common is the word, not the name (toast, ghost, tables) ...
_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")  # ... unless a first name is before it (Kevin monk)


def source_names(source: str, lang: str) -> dict[str, str]:
    """Capitalised words of a source sentence that are names: not first in the sentence, and
    rare as words of the source language ('Monk', 'Aureoles', not German 'Haus' or 'Euro');
    keyed by their lower case."""
    names: dict[str, str] = {}
    for m in _WORD.finditer(source):
        w = m.group()
        if len(w) < MIN_LEN or not w[0].isupper() or w.isupper() or sentence_start(source, m.start()):
            continue
        if zipf(w.lower(), lang) >= SOURCE_WORD_ZIPF:
            continue
        if lang == "de" and zipf(w.lower(), "en") > 0:
            continue  # German capitalises nouns, English loans too (Stylist, Outfits)
        names.setdefault(w.lower(), w)
    return names


def recased(target: str, source: str, source_lang: str) -> Iterator[tuple[re.Match[str], str]]:
    """Words of `target` that are a source name in other capitals, each with the source's spelling."""
    names = source_names(source, source_lang)
    if not names:
        return
    for m in _WORD.finditer(target):
        w = m.group()
        name = names.get(w.lower())
        if name is None or w == name:
            continue
        if not w.islower() or sentence_start(target, m.start()):
            continue  # capitals: 'FARC' for 'Farc' and 'NASDAQ' for 'Nasdaq' are English house styles
        if zipf(w, "en") < TARGET_WORD_ZIPF or _after_first_name(target, m.start()):
            yield m, name


def _after_first_name(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1).istitle() and not sentence_start(text, before.start())


@rule("TC805", "name-case-changed", "A name of the source that the translation writes in other capitals.",
      Severity.WARNING,
      flagged="The singer luisana lopilato married in May. ||| La cantante Luisana Lopilato se casó en mayo.",
      clean="The singer Luisana Lopilato married in May. ||| La cantante Luisana Lopilato se casó en mayo.",
      fixable=True, precedence=45, needs_source=True)
def name_case_changed(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """A capitalised word of a source sentence, not first in it and rare as a word of the
    source language (a name, not a German noun, nor an English loan in German), that the aligned
    target sentence writes in lower case, not first in a sentence. A lower-case word of English
    ('toast', 'tables': an English title in the source) is flagged only after a capitalised word
    (a first name: 'Kevin monk'). The fix writes the source's capitals back."""
    source = dctx.source
    assert source is not None
    if doc.lang != "en":
        return
    for pair in aligned_pairs(doc, dctx):
        if pair.target is None or pair.source is None:
            continue
        for m, name in recased(pair.target_text, pair.source_text, source.lang):
            s = pair.source_text.find(name)
            yield name_case_changed.finding(
                pair.target.start + m.start(), pair.target.start + m.end(),
                f"'{m.group()}' is the source's name '{name}' in other capitals",
                suggestions=[name], safe=True, origin=source.lang,
                source_span=Span(pair.source.start + s, pair.source.start + s + len(name)))
