"""TC805 name-case-changed: a name of the source sentence that its translation writes in lower
case ('Kevin monk' for 'Kevin Monk', 'luisana lopilato'): MT lower-cases names it takes for
words. A name of several words counts as one, copied ('service women's action network' for
'Service Women's Action Network') or translated before the acronym both sentences give ('the
party of the democratic revolution, or PRD' for 'Parti de la Révolution Démocratique, ou
PRD'). (Capitals are left alone: 'FARC' for 'Farc' is English house style, not an error.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.lexicon import zipf
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import CLAUSE_BREAK, Pair, aligned_pairs, sentence_start

_WORD = re.compile(r"[^\W\d_]+")
MIN_LEN = 3
SOURCE_WORD_ZIPF = 3.5  # a capitalised source word this common in its language is a noun (German) or a title word
TARGET_WORD_ZIPF = 3.0  # a lower-case English word this common is the word, not the name (toast, ghost, tables) ...
_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")  # ... unless a first name is before it (Kevin monk)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words English leaves in lower case inside a name (Bank of America, Doctors without Borders).
_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "to", "a", "an", "without", "at"})
RUN_RARE_ZIPF = 3.0  # a name of two words needs one that English seldom writes ('monk' and 'roseanna' ...
# ... not 'league tables' or 'fixed income', which German and French sources capitalise as loans)
# An acronym a source sentence explains, and its translation: 'Parti ... (PRD)', '..., ou PRD'.
_EXPLAINED = r"(?:\(\s*|,\s+(?:ou|o|oder|or|ossia|ovvero|veya)\s+)"
_TARGET_ACRONYM = re.compile(r"(?:\(\s*|,\s+or\s+)([A-Z]{2,6})\b")


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


def recased_runs(target: str, source: str) -> Iterator[tuple[int, int, str]]:
    """Names of several capitalised source words that `target` writes in lower case: (start, end,
    the span re-cased as the source writes it). Copied ones ('grand old party', 'service
    women's action network') and, before an acronym both sentences explain, translated ones
    ('party of the democratic revolution, or PRD'); the single words are `recased`'s."""
    for words in _source_runs(source):
        capitals = [w for w in words if w[0].isupper()]
        if len(capitals) < 3 and all(zipf(_bare(w), "en") >= RUN_RARE_ZIPF for w in capitals):
            continue
        pattern = re.compile(r"(?<![\w'’-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w'’-])", re.I)
        for m in pattern.finditer(target):
            if sentence_start(target, m.start()) or any(
                    not f[0].islower() for f, w in zip(m.group().split(), words, strict=True) if w[0].isupper()):
                continue
            yield m.start(), m.end(), " ".join(words)
    yield from _translated_before_acronym(target, source)


def _source_runs(source: str) -> Iterator[list[str]]:
    """Runs of two or more capitalised words of `source`, not first in it, joined by spaces and
    the link words English keeps in names (Action Network; Bank of America)."""
    run: list[re.Match[str]] = []
    for m in _NAME_WORD.finditer(source):
        word = m.group()
        if run and source[run[-1].end():m.start()].isspace() and (word[0].isupper() or word in _LINKS):
            run.append(m)
            continue
        yield from _close(run, source)
        run = [m] if word[0].isupper() else []
    yield from _close(run, source)


def _close(run: list[re.Match[str]], source: str) -> Iterator[list[str]]:
    if run and sentence_start(source, run[0].start()):
        run = run[1:]  # 'Le Parti ...': the first word of a sentence is capitalised anyway
    while run and run[0].group() in _LINKS:
        run = run[1:]
    while run and run[-1].group() in _LINKS:
        run = run[:-1]
    if sum(m.group()[0].isupper() for m in run) >= 2:
        yield [m.group() for m in run]


def _bare(word: str) -> str:
    word = word.lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _translated_before_acronym(target: str, source: str) -> Iterator[tuple[int, int, str]]:
    """'the party of the democratic revolution, or PRD' where the source gives the name with
    capitals before the same acronym: the lower-case words just before it, as many as it has
    letters and with its letters as their initials, are the name translated without capitals
    (not 'gross domestic product (GDP)', which no source writes with capitals)."""
    for a in _TARGET_ACRONYM.finditer(target):
        acronym = a.group(1)
        explained = re.search(r"((?:[^\W\d_]+[\s'’-]+){0,7}[^\W\d_]+)\s*" + _EXPLAINED + acronym + r"\b", source)
        if explained is None or not any(
                w[0].isupper() and not sentence_start(source, explained.start(1) + i)
                for i, w in ((m.start(), m.group()) for m in _NAME_WORD.finditer(explained.group(1)))):
            continue
        content: list[re.Match[str]] = []
        for w in reversed(list(_NAME_WORD.finditer(target, 0, a.start()))):
            if CLAUSE_BREAK.search(target, w.end(), (content[-1].start() if content else a.start())):
                break
            if w.group().lower() in _LINKS:
                continue
            content.append(w)
            if len(content) == len(acronym):
                break
        if len(content) != len(acronym) or not all(w.group().islower() for w in content):
            continue
        if sorted(w.group()[0] for w in content) != sorted(acronym.lower()):
            continue
        start, end = content[-1].start(), content[0].end()
        fixed = re.sub(r"[^\W\d_]+", lambda w: w.group() if w.group() in _LINKS else w.group().capitalize(),
                       target[start:end])
        yield start, end, fixed


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
        runs = list(recased_runs(pair.target_text, pair.source_text))
        for start, end, name in runs:
            yield name_case_changed.finding(
                pair.target.start + start, pair.target.start + end,
                f"'{pair.target_text[start:end]}' is the source's name '{name}' without its capitals",
                suggestions=[name], safe=True, origin=source.lang, source_span=_source_span(pair, name))
        for m, name in recased(pair.target_text, pair.source_text, source.lang):
            if any(start <= m.start() < end for start, end, _ in runs):
                continue
            yield name_case_changed.finding(
                pair.target.start + m.start(), pair.target.start + m.end(),
                f"'{m.group()}' is the source's name '{name}' in other capitals",
                suggestions=[name], safe=True, origin=source.lang, source_span=_source_span(pair, name))


def _source_span(pair: Pair, name: str) -> Span | None:
    """Where the source writes the name; None for a name translated (it is only in the target)."""
    assert pair.source is not None
    s = pair.source_text.find(name)
    return None if s < 0 else Span(pair.source.start + s, pair.source.start + s + len(name))
