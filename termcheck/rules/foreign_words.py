"""TC502: a word or short phrase left in the source language inside an English sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.lang.detect import function_word_votes
from termcheck.lexicon.foreign import LETTER_LANGS, Verdict, german_noun, word_verdict
from termcheck.lexicon.word_classes import lexicon
from termcheck.rules.names import LANG_NAMES
from termcheck.rules.support.base import DocContext, rule

# Words of letters, perhaps joined by hyphens or apostrophes (social-démocrate, l'armée).
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Quotations: what stands between paired marks on one line.
_QUOTE = re.compile(r"“[^”\n]*”|«[^»\n]*»|\"[^\"\n]*\"|‘[^’\n]*’(?!\w)|„[^“”\n]*[“”]|&quot;.*?&quot;")
_PAREN = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")
# A term introduced as a term: "known as X", "the so-called X", "the French word X".
_INTRODUCED = re.compile(
    r"(?:known as|so-called|so called|called|dubbed|termed|nicknamed|word|term|phrase|expression|motto|slogan"
    r"|meaning|literally|French|German|Spanish|Italian|Turkish|Latin)\W{0,3}\Z", re.I)
# A gloss after the term: "morosité (gloom)", "X, meaning", "X, or Y", "X - literally".
_GLOSSED = re.compile(r"\A\W{0,2}(?:\(|,? (?:meaning|or|which means|literally|that is|i\.e\.)\b|\W*[-–—] ?literally)")
_SENTENCE_END = ".!?…:;\n"
# Web addresses, e-mail, handles, file names: a token touching these is not prose.
_TECHNICAL = "@#_\\=<>{}|~^*+"
# A capitalised word after these is a place, a street or a person (on Bundesallee, in
# Fürstenwalde, said Schmidt).
_PLACE_WORDS = frozenset("in on at near from to into via outside around by between across along for with "
                         "said says told added commented asked wrote named called dubbed".split())
_DETERMINERS = frozenset("the a an another this that these those its his her their our some any no every each".split())
# After these, a capitalised word is more often a name than a noun: only a strong clue counts.
_NAME_WORDS = frozenset("of and or".split())
_PREVIOUS = re.compile(r"([^\W\d_]+)[ \t]+\Z")
_NEXT = re.compile(r"\A[ \t]+([^\W\d_]+)")
# A quotation is read when it is English speech: more than this many words, and more English
# function words than any other language's. Shorter ones are titles, slogans, terms.
QUOTE_WORDS = 3
# Other candidates of the same language that make a weak candidate believable.
COMPANY = 2


@dataclass
class _Candidate:
    start: int
    end: int
    word: str
    verdict: Verdict
    initial: bool  # capitalised at a sentence's start


def unread_spans(prose: str) -> list[tuple[int, int]]:
    """Spans the rule does not read: short or foreign quotations, and parentheses
    (English news gives a term's original form in brackets)."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTE.finditer(prose):
        inner = m.group()[1:-1]
        if len(inner.split()) <= QUOTE_WORDS:
            spans.append(m.span())
            continue
        votes = function_word_votes(inner)
        english = votes.pop("en", 0)
        if english == 0 or english <= max(votes.values(), default=0):
            spans.append(m.span())
    spans.extend(m.span() for m in _PAREN.finditer(prose))
    return sorted(spans)


def inside_spans(spans: list[tuple[int, int]], start: int) -> bool:
    """`start` falls in one of `spans` (sorted; a span may hold a few others)."""
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return any(s <= start < e for s, e in spans[max(0, i - 3): i + 1])


def _sentence_start(prose: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (prose[i].isspace() or prose[i] in "\"'“”‘’«»()[]-–—*"):
        if prose[i] == "\n":
            return True
        i -= 1
    return i < 0 or prose[i] in _SENTENCE_END or prose[i].isdigit()


def _technical(prose: str, start: int, end: int) -> bool:
    """The word is part of a web address, an e-mail, a handle or a file name."""
    left = max(prose.rfind(" ", 0, start), prose.rfind("\n", 0, start)) + 1
    right = min(i for i in (prose.find(" ", end), prose.find("\n", end), len(prose)) if i >= 0)
    chunk = prose[left:right]
    if any(c in chunk for c in _TECHNICAL):
        return True
    return re.search(r"\w\.\w|://|^www", chunk) is not None


def _capitalised_next(prose: str, end: int) -> bool:
    after = _NEXT.match(prose[end: end + 40])
    return after is not None and after.group(1)[0].isupper()


def _closed_noun_phrase(prose: str, start: int, end: int) -> bool:
    """The word ends a noun phrase that a determiner opens (another Assistenz, the X,): a
    German noun there is a noun of the sentence; a name there would be known to English."""
    before = _PREVIOUS.search(prose[max(0, start - 40): start])
    return (before is not None and before.group(1) in _DETERMINERS
            and (end == len(prose) or prose[end] in ".,;:!?)\n"))


def _noun_place(prose: str, start: int, end: int, strong: bool) -> bool:
    """A capitalised word stands where a noun of the sentence stands, not a name: after a
    lower-case word (the, a, weak) that is not a preposition of place, and not before
    another capitalised word (Buntes Fernsehen)."""
    before = _PREVIOUS.search(prose[max(0, start - 40): start])
    if before is None or not before.group(1).islower() or before.group(1) in _PLACE_WORDS:
        return False
    if before.group(1) in _NAME_WORDS and not strong:
        return False
    return not _capitalised_next(prose, end)


@lru_cache(maxsize=1)
def _loan_phrases() -> frozenset[str]:
    return frozenset(lexicon("loan-phrases")["phrases"])


def _bound_to_neighbours(prose: str, start: int, end: int) -> bool:
    """Is the word between two capitalised words (a name's particle: von der Leyen, Piero della
    Francesca; a title's word: Ariadne auf Naxos), or part of a phrase English borrowed whole
    with a neighbour ('faux pas', 'por favor')?"""
    before = _PREVIOUS.search(prose[max(0, start - 40): start])
    after = _NEXT.match(prose[end: end + 40])
    if before is not None and after is not None and before.group(1)[:1].isupper() and after.group(1)[:1].isupper():
        return True
    word = prose[start:end].lower()
    return (before is not None and f"{before.group(1).lower()} {word}" in _loan_phrases()) or \
        (after is not None and f"{word} {after.group(1).lower()}" in _loan_phrases())


def _other_script_nearby(prose: str, start: int, end: int) -> bool:
    """The word or a neighbour has letters none of the source languages writes (Czech ř, š):
    a name or a phrase of another language."""
    before = _PREVIOUS.search(prose[max(0, start - 40): start])
    after = _NEXT.match(prose[end: end + 40])
    words = [prose[start:end], before.group(1) if before else "", after.group(1) if after else ""]
    return any(not c.isascii() and c.lower() not in LETTER_LANGS for w in words for c in w)


# Capitalised words that may be read as something else than a name: after a lower-case word
# (a German noun: the Zugverspätung), or first in a sentence (Mientras). Found in C, for a first sort.
_UPPER = "A-ZÀ-ÖØ-Þ"
_CAMEL = re.compile(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]")  # KarstadtQuelle, iPhone: a brand
_AFTER_LOWER = re.compile(rf"[a-zß-öø-ÿ][ \t]+([{_UPPER}][^\W\d_]{{2,}}(?:-[^\W\d_]+)*)(?![\w'’-])")
_FIRST = re.compile(rf"(?:\A|[.!?…:;\n])[\s\"'“”‘’«»()\[\]*–—-]*([{_UPPER}][^\W\d_]{{2,}})")


# Tokens known not to be suspects in lower case (capitalised ones, English words), so that an
# article's words are sorted by one set difference; emptied when it grows past its limit.
_CLEARED: set[str] = set()
_CLEARED_LIMIT = 300_000


def _suspects(doc: Document) -> set[str]:
    """The words some reading of which may be a candidate (the context decides which). Each
    distinct word is judged once per process; most articles have none."""
    found: set[str] = set()
    if len(_CLEARED) > _CLEARED_LIMIT:
        _CLEARED.clear()
    prose = doc.prose
    for t in doc.word_set - _CLEARED:  # the words every rule shares (hyphenated ones in parts)
        if len(t) >= 3 and t[0].islower() and word_verdict(t.lower()) is not None:
            found.add(t)
        else:
            _CLEARED.add(t)
    for token in set(_AFTER_LOWER.findall(prose)):
        if not token.isupper() and not _CAMEL.search(token) and german_noun(token.lower()) is not None:
            found.add(token)
    for token in set(_FIRST.findall(prose)):
        if not token.isupper() and (v := word_verdict(token.lower())) is not None and v.common:
            found.add(token)
    return found


def _candidates(doc: Document) -> list[_Candidate]:
    prose = doc.prose
    suspects = _suspects(doc)
    if not suspects:
        return []
    found: list[_Candidate] = []
    masked: list[tuple[int, int]] | None = None
    for m in _TOKEN.finditer(prose):
        token = m.group()
        if token not in suspects and ("-" not in token or not any(p in suspects for p in token.split("-"))):
            continue
        first = token[0]
        initial = False
        start, end = m.span()
        if first.islower():
            verdict = word_verdict(token.lower())
        else:
            low = token.lower()
            if _sentence_start(prose, start):
                initial = True
                verdict = word_verdict(low)
                if verdict is not None and (not verdict.common or _capitalised_next(prose, end)):
                    verdict = None  # a name may start a sentence: only a common source word counts
            else:
                verdict = german_noun(low)
                if verdict is not None and not _noun_place(prose, start, end, verdict.strong):
                    verdict = None
                elif verdict is not None and not verdict.strong and _closed_noun_phrase(prose, start, end):
                    verdict = replace(verdict, strong=True)
        if verdict is None:
            continue
        if verdict.why == "function-word" and _bound_to_neighbours(prose, start, end):
            continue  # a name's particle, a title's word (Piero della Francesca, Ariadne auf Naxos), 'faux pas'
        if _other_script_nearby(prose, start, end):
            continue
        if _technical(prose, start, end):
            continue
        if masked is None:
            masked = unread_spans(prose)
        if inside_spans(masked, start):
            continue
        if _INTRODUCED.search(prose[max(0, start - 30): start]) or _GLOSSED.match(prose[end: end + 30]):
            continue
        found.append(_Candidate(start, end, token, verdict, initial))
    return found


def _without_names(found: list[_Candidate], doc: Document, dctx: DocContext) -> list[_Candidate]:
    """Drop candidates inside a name the glossary knows, and a capitalised word at a sentence's
    start that the article also writes capitalised inside a sentence (a name)."""
    spans = sorted((n.span.start, n.span.end) for n in dctx.names)
    kept = []
    for c in found:
        if inside_spans(spans, c.start):
            continue
        if c.initial and any(not _sentence_start(doc.prose, m.start())
                             for m in re.finditer(rf"\b{re.escape(c.word)}\b", doc.prose)):
            continue
        kept.append(c)
    return kept


def _languages(found: list[_Candidate]) -> dict[str, int]:
    """Votes: per language, the distinct words that may be of it (a strong clue counts twice)."""
    words: dict[str, set[str]] = {}
    strong: dict[str, set[str]] = {}
    for c in found:
        for lang in c.verdict.langs:
            words.setdefault(lang, set()).add(c.word.lower())
            if c.verdict.strong:
                strong.setdefault(lang, set()).add(c.word.lower())
    return {lang: len(ws) + len(strong.get(lang, ())) for lang, ws in words.items()}


@rule("TC502", "untranslated-word", "A word or short phrase left in the source language inside an English sentence.",
      Severity.WARNING, fixable=False, languages=("en",),
      flagged="The minister said the reform would désormais protect workers, the report todavía says.",
      clean="The minister, a regular at the café, read her résumé to the junta at the fiesta.")
def untranslated_word(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """Machine translation leaves single words of the source language inside English
    sentences: copied verbs and adverbs ('désormais', 'todavía'), source words misspelt or
    without their accents, adjectives left after their noun ('the plan gouvernemental'),
    German compounds left whole ('a Zugverspätung'). A word is a candidate when English rarely uses it while a
    source language (French, German, Spanish, Italian, Turkish) often does, or when it is
    shaped like a source-language word: letters English writes only in loanwords, an
    ending thousands of source words share and English words do not, a capitalised word
    English does not know that splits into German words. Names (capitalised words, the
    glossary's names), quotations, words in brackets, glossed or introduced terms ('known
    as', 'the French word') and loanwords English uses (café, fiesta, junta, Bundestag) are
    not flagged. A weak clue is reported only beside two other candidates of the same
    language; the finding names the language, which the source-language guess counts."""
    found = _candidates(doc)
    if not found:
        return
    found = _without_names(found, doc, dctx)
    votes = _languages(found)
    by_lang: dict[str, set[str]] = {}
    for c in found:
        for lang in c.verdict.langs:
            by_lang.setdefault(lang, set()).add(c.word.lower())
    for c in found:
        langs = sorted(c.verdict.langs, key=lambda lang: -votes.get(lang, 0))
        lang = langs[0] if votes.get(langs[0], 0) > votes.get(c.verdict.langs[0], 0) else c.verdict.langs[0]
        if not c.verdict.strong and len(by_lang.get(lang, set()) - {c.word.lower()}) < COMPANY:
            continue
        name = LANG_NAMES.get(lang, lang)
        yield untranslated_word.finding(c.start, c.end, f"'{c.word}' looks like {name} left untranslated",
                                        origin=lang)
