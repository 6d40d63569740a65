"""TC601: one entity spelled two ways in the same article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from unidecode import unidecode

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.matcher import Role
from termcheck.lexicon import zipf
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.candidates import capitalised_words

_MIN_LEN = 6
_POSSESSIVE = re.compile(r"['’]s$")


def _plain(form: str) -> str:
    return re.sub(r"[\s'’-]+", "", form.lower())


def _key(form: str) -> str:
    return re.sub(r"[\s'’-]+", "", unidecode(form).lower())


def _spelling_variants(a: str, b: str) -> bool:
    """Same words but for spelling (Khan Sheikhoun, Khan Shaykhun), not synonyms or short forms."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or _plain(a) == _plain(b):
        return False  # al-Assad and al Assad differ only in punctuation; Erdogan and Erdoğan do not
    from rapidfuzz import fuzz  # loaded only for documents that need it

    return all(x == y or (_key(x)[:1] == _key(y)[:1] and fuzz.ratio(_key(x), _key(y)) >= 60)
               for x, y in zip(wa, wb, strict=True))


def _slip(a: str, b: str) -> bool:
    """Typing slips: two neighbouring letters swapped, or a letter doubled or undoubled."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            return i > 0 and long_[i] == long_[i - 1]
    return False


def _pick(counts: Counter[str], order: list[str], preferred: str | None) -> str:
    """The form the article uses most; ties go to the glossary's form, then the first used."""
    best = max(counts.values())
    tied = [f for f in order if counts[f] == best]
    return preferred if preferred in tied else tied[0]


@rule("TC601", "inconsistent-spelling",
      "One name spelled two ways in the same article (Khan Shaykhun … Khan Shayhkun).",
      Severity.WARNING, precedence=60,
      flagged="Spokeswoman Morgan Ortagus condemned the strike. Ortaugs said talks would go on.",
      clean="Spokeswoman Morgan Ortagus condemned the strike. Ortagus said talks would go on.")
def inconsistent_spelling(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """A reader should meet one spelling of a name per article. Two accepted spellings of
    the same glossary entry (Khan Sheikhoun, Khan Shaykhun), or a name and a slip of it
    (letters swapped or doubled: Shaykhun, Shayhkun), are reported where the article uses
    the rarer one, with the form it uses most as the suggestion; when both are used as often,
    the glossary's form wins, then a spelling the language's news prints over one it does not
    (Arcelor over Arcleor), then the first used. Forms the glossary already reports as wrong
    are left to that rule."""
    taken: list[Span] = [m.span for m in ctx.names if m.role in (Role.WRONG, Role.FOREIGN_ACRONYM)]
    yield from _glossary_variants(doc, ctx, taken)
    yield from _slips(doc, ctx, taken)


def _glossary_variants(doc: Document, ctx: DocContext, taken: list[Span]) -> Iterator[Finding]:
    by_entry: dict[str, list[tuple[Span, str]]] = {}
    canonical: dict[str, str] = {}
    for m in ctx.names:
        if m.role is Role.ACCEPTED and len(m.entries) == 1 and m.entries[0].kind in ("place", "person"):
            entry = m.entries[0]
            by_entry.setdefault(entry.id, []).append((m.span, m.text))
            canonical[entry.id] = entry.canonical.get(doc.lang, "")
    for entry_id, uses in by_entry.items():
        forms = Counter(text for _, text in uses)
        order = list(dict.fromkeys(text for _, text in uses))
        # Spelling variants only: same number of words and alike (not 'Assad' beside 'Bashar al-Assad').
        groups: list[list[str]] = []
        for form in order:
            for g in groups:
                if _spelling_variants(form, g[0]):
                    g.append(form)
                    break
            else:
                groups.append([form])
        for g in groups:
            if len(g) < 2:
                continue
            best = _pick(Counter({f: forms[f] for f in g}), g, canonical.get(entry_id))
            for span, text in uses:
                if text in g and text != best:
                    taken.append(span)
                    yield inconsistent_spelling.finding(
                        span.start, span.end, f"'{text}' is spelled '{best}' elsewhere in this article",
                        suggestions=[best], safe=False, entry=entry_id)


@lru_cache(maxsize=65536)
def _swaps(word: str) -> frozenset[str]:
    """The word with two neighbouring letters swapped, its first letter kept: the only slips
    _slip finds between two names that share their first letter. (A doubled letter never
    counts: _slip tests the first deletion that matches, which is always at a run's start.)"""
    return frozenset(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)
                     if word[i] != word[i + 1])


def _slips(doc: Document, ctx: DocContext, taken: list[Span]) -> Iterator[Finding]:
    uses: dict[str, list[int]] = {}  # word -> where it starts, in order
    for start, word in capitalised_words(doc.prose, _MIN_LEN):
        if "'" in word or "’" in word:
            word = _POSSESSIVE.sub("", word)
        if len(word) >= _MIN_LEN and not word.isupper():
            uses.setdefault(word, []).append(start)
    # Pairs of used words one slip apart, looked up from each word's slips instead of comparing
    # every pair; in the order a comparison of the sorted words would meet them.
    pairs = sorted({(a, b) if a < b else (b, a) for a in uses for b in _swaps(a) & uses.keys()})
    if not pairs:
        return
    from rapidfuzz.distance import OSA  # imported only where a pair needs it (a one-file run rarely does)

    order = sorted(uses, key=lambda w: uses[w][0])
    for a, b in pairs:
        if OSA.distance(a, b) != 1 or not _slip(a, b):
            continue
        counts = Counter({a: len(uses[a]), b: len(uses[b])})
        best = _pick(counts, [w for w in order if w in (a, b)], _better_known(a, b, doc.lang))
        rare = b if best == a else a
        first_best = Span(uses[best][0], uses[best][0] + len(best))
        for span in (Span(s, s + len(rare)) for s in uses[rare]):
            if not any(span.overlaps(t) for t in taken):
                start, found, suggestion = _with_leading_name_word(doc.prose, span, first_best, rare, best)
                yield inconsistent_spelling.finding(
                    start, span.end, f"'{found}' is spelled '{suggestion}' elsewhere in this article",
                    suggestions=[suggestion], safe=False)


# Zipf points by which one spelling must be better known for a tie to go to it: 'Arcelor' (2.3)
# over the slip 'Arcleor' (0), but not one rare surname over another.
_KNOWN_BY = 1.0


def _better_known(a: str, b: str, lang: str) -> str | None:
    """Of a name and its slip used as often, the one the language's news prints (the other is the
    slip, whichever came first), or None when neither is clearly better known."""
    za, zb = zipf(a.lower(), lang), zipf(b.lower(), lang)
    if abs(za - zb) < _KNOWN_BY:
        return None
    return a if za > zb else b


_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)([ \t]+)$")


def _with_leading_name_word(text: str, rare: Span, best: Span, rare_word: str, best_word: str) -> tuple[int, str, str]:
    """Report 'Khan Shayhkun', not 'Shayhkun', when the other spelling also follows 'Khan'."""
    m_rare = _PREV_WORD.search(text, max(0, rare.start - 40), rare.start)
    m_best = _PREV_WORD.search(text, max(0, best.start - 40), best.start)
    if m_rare and m_best and m_rare.group(1) == m_best.group(1):
        head = m_rare.group(1) + m_rare.group(2)
        return m_rare.start(), head + rare_word, head + best_word
    return rare.start, rare_word, best_word
