"""TC305: English look-alikes of source words that machine translation writes and human
translators do not, from a lexicon mined from data (glossaries/build/mine_false_friends.py
writes glossaries/lexicons/false-friends-<lang>.tsv, with the counts behind each entry).

Monolingual: the article alone is read. A look-alike that is rare in English news ('relativized',
'calumny') is flagged wherever it stands; one that is common English only with one of its mined
context cues near (words of the sense the human references chose instead, never seen with the
look-alike in human English). Only pairs a reviewer accepted are in the lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.loader import default_glossary_dir
from termcheck.glossary.suggest import match_case
from termcheck.lexicon.word_classes import alternation
from termcheck.rules.names import LANG_NAMES
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.context import has_cue, windows

LANGS = ("fr", "de", "es", "it")  # the order in which a word found in several lexicons is attributed
WINDOW = 10  # words each side searched for a cue


@dataclass(frozen=True)
class LookAlike:
    english: str
    lang: str
    source: str
    rare: bool
    suggestions: tuple[str, ...]
    cues: tuple[str, ...]
    source_only: bool = False  # class `source`: flagged only with the source word in view (TC807)


def _read(path: Path, lang: str) -> Iterator[LookAlike]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header: list[str] | None = None
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        yield LookAlike(row["english"], lang, row["source"], row["class"] == "rare",
                        tuple(s for s in row.get("suggestions", "").split("|") if s),
                        tuple(c for c in row.get("cues", "").split("|") if c), row["class"] == "source")


@lru_cache(maxsize=1)
def by_language() -> dict[str, dict[str, LookAlike]]:
    """Source language -> English look-alike (lower case) -> its entry, every class."""
    folder = Path(default_glossary_dir()) / "lexicons"
    found: dict[str, dict[str, LookAlike]] = {}
    for lang in LANGS:
        path = folder / f"false-friends-{lang}.tsv"
        if path.is_file():
            found[lang] = {entry.english.lower(): entry for entry in _read(path, lang)}
    return found


@lru_cache(maxsize=1)
def lexicon() -> dict[str, LookAlike]:
    """English look-alike (lower case) -> its entry, from the first language that has it; the
    entries read without the source (not `source`-only ones)."""
    entries: dict[str, LookAlike] = {}
    for lang in LANGS:
        for word, entry in by_language().get(lang, {}).items():
            if not entry.source_only:
                entries.setdefault(word, entry)
    return entries


def flagged_alone(entry: LookAlike, doc: Document, span: Span) -> bool:
    """Does TC305 report this use without the source: a rare look-alike anywhere, a common one
    with one of its cues near."""
    if entry.source_only:
        return False
    if entry.rare:
        return True
    before, after = windows(doc, span, WINDOW)
    return has_cue(before, entry.cues) or has_cue(after, entry.cues)


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return frozenset(lexicon())


@lru_cache(maxsize=4096)
def pattern(words: frozenset[str]) -> re.Pattern[str]:
    """One scan for the look-alikes a document holds: lower case, or capitalised (a sentence start)."""
    return re.compile(rf"(?<![\w'’-])(?i:{alternation(words)})(?![\w'’-])")


def _sentence_start(prose: str, start: int) -> bool:
    before = prose[max(0, start - 4):start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


@rule("TC305", "false-friend-lookalike",
      "An English look-alike of a source word that human translators avoid ('relativized', 'calumny').",
      Severity.WARNING, precedence=32, fixable=True, languages=("en",),
      flagged="The minister relativized the figures before the vote.",
      clean="The minister played down the figures before a large audience.")
def lookalike(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """Machine translation writes the English word that looks like the source word where a
    human translator writes another: French 'relativiser' as 'relativized' (played down),
    French 'nébulosité' as 'nebulosity' (cloud cover), Spanish 'calumnia' as 'calumny' (slander).
    The look-alikes come from a lexicon mined from parallel news and real MT
    (glossaries/build/mine_false_friends.py): pairs that human references almost never use for
    the source word and MT does, each accepted by a reviewer
    (glossaries/build/false-friend-review.tsv). A word that is rare in English news is flagged
    wherever it appears; a common one only with one of its context cues near. The origin is the language
    the pair was mined from. The fix is unsafe: a person decides."""
    if doc.lang != "en":
        return
    words = _words()
    present = frozenset(w for w in ctx.lower_words if w in words)
    if not present:
        return
    entries = lexicon()
    prose = doc.prose
    for m in pattern(present).finditer(prose):
        text = m.group()
        if text[0].isupper() and (not text[1:].islower() or not _sentence_start(prose, m.start())):
            continue  # a name or a heading ('Audience Award'), not the word
        entry = entries.get(text.lower())
        if entry is None:
            continue  # re's case folding matched another letter (the long s of 'relativiſed')
        if not flagged_alone(entry, doc, Span(m.start(), m.end())):
            continue
        suggestions = [match_case(text, s) for s in entry.suggestions]
        language = LANG_NAMES.get(entry.lang, entry.lang)
        message = f"'{text}' looks like a false friend (from {language} '{entry.source}')"
        if suggestions:
            message += "; English news writes " + " or ".join(f"'{s}'" for s in suggestions[:2])
        yield lookalike.finding(m.start(), m.end(), message, suggestions=suggestions, safe=False,
                                entry=f"{entry.lang}:{entry.english}", origin=entry.lang)
