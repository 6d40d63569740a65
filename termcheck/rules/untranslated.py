"""TC501: sentences left in another language than their article's."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.lang.detect import SUPPORTED, function_word_votes, langdetect_guess
from termcheck.lang.function_words import FUNCTION_WORDS, WORD_LANGS, scan
from termcheck.rules.names import LANG_NAMES
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.candidates import mostly_names

_SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"'”»)]*|(?=\n)|$)")
# A short quotation inside a sentence (a title, a slogan) is not an untranslated passage.
_SHORT_QUOTE = re.compile(r"[\"“«‘][^\"“”«»‘’\n]{0,60}[\"”»’]")
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 5
# Both cases spelled out: with IGNORECASE, dotless ı matched every i and I of English text.
_FOREIGN_LETTERS = re.compile(r"[ıİşŞğĞçÇöÖüÜäÄßẞñÑàÀèÈéÉìÌòÒùÙâÂêÊîÎôÔûÛœŒ]")
MIN_VOTES = 3


@dataclass(frozen=True)
class _Suspect:
    masked: str  # the sentence with short quotations blanked
    votes: Counter[str]
    strong: bool
    weak: bool


def _suspect(sentence: str, lang: str) -> _Suspect | None:
    """What the sentence's own words say, when they make it a candidate for another language."""
    masked = _SHORT_QUOTE.sub(lambda m: " " * len(m.group()), sentence)
    if len(_WORD.findall(masked)) < MIN_WORDS:
        return None
    votes = function_word_votes(masked)
    own = votes.get(lang, 0)
    foreign = sum(n for code, n in votes.items() if code != lang)
    # Strong: other languages' function words outvote the article's own two to one. Weak: a
    # sentence with none of the article's function words but a foreign one or foreign letters
    # (Turkish ı ş ğ). Which language it is, langdetect decides for these few sentences only.
    strong = foreign >= MIN_VOTES and foreign >= 2 * own and votes.most_common(1)[0][0] != lang
    weak = own == 0 and (foreign >= 2 or len(_FOREIGN_LETTERS.findall(masked)) >= 2)
    return _Suspect(masked, votes, strong, weak) if strong or weak else None


def _verdict(s: _Suspect, guess: tuple[str, float] | None, lang: str) -> str | None:
    """The language reported, given langdetect's guess."""
    if not guess or guess[0] == lang or guess[0] not in SUPPORTED:
        return None
    if s.strong and guess[1] >= 0.85 and s.votes.get(guess[0], 0) >= 2:
        return guess[0]
    return guess[0] if s.weak and guess[1] >= 0.97 else None


def foreign_language(sentence: str, lang: str) -> str | None:
    """The sentence's language when it is clearly another than `lang`."""
    s = _suspect(sentence, lang)
    if s is None:
        return None
    from termcheck.lang.langdetect_fast import guess_reaching

    def needed(code: str) -> float:
        """The least probability with which _verdict reports a guess of `code` (2: never)."""
        if code == lang or code not in SUPPORTED:
            return 2.0
        if s.strong and s.votes.get(code, 0) >= 2:
            return 0.85
        return 0.97 if s.weak else 2.0

    # langdetect_guess(s.masked), or None where it cannot matter
    return _verdict(s, guess_reaching(s.masked, needed), lang)


def _reference_foreign_language(sentence: str, lang: str) -> str | None:
    """foreign_language as it was, asking langdetect itself (tests compare the two)."""
    s = _suspect(sentence, lang)
    return None if s is None else _verdict(s, langdetect_guess(s.masked), lang)


@rule("TC501", "untranslated", "A sentence left in the source language.", Severity.WARNING, precedence=10,
      fixable=False,
      flagged="The offensive went on. Les rebelles ont quitté la ville dans la nuit de lundi à mardi.",
      clean="The offensive went on, a raison d'être for the rebels, who read Le Monde and Reporters Sans Frontières.")
def untranslated(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """Machine translation sometimes leaves a sentence or a paragraph untranslated, or a
    page keeps its source-language links ('Lire aussi : …'). A sentence of at least five
    words whose function words are clearly another language's, confirmed by langdetect, is
    reported with that language. Short quotations (titles, slogans), names and loan
    phrases (raison d'être, déjà vu, Reporters Sans Frontières) inside an English sentence
    do not make it foreign."""
    for m in candidate_sentences(doc.prose, doc.lang):
        sentence = m.group()
        if mostly_names(sentence):
            continue  # a team line-up or a list of names has no language of its own
        found = foreign_language(sentence, doc.lang)
        if found is None:
            continue
        start = m.start() + len(sentence) - len(sentence.lstrip())
        end = m.start() + len(sentence.rstrip())
        yield untranslated.finding(start, end, f"untranslated {LANG_NAMES.get(found, found)} sentence",
                                   origin=found)


def candidate_sentences(prose: str, lang: str) -> list[re.Match[str]]:
    """The sentences of `prose` (as _SENTENCE.finditer gives them) for which foreign_language
    may answer, in order: every other sentence has fewer than MIN_VOTES votes of other
    languages and a function word of `lang` outside quotation marks, so it is neither strong
    nor weak there. Both are found on the image of function_words (one "\\n" per sentence end):
    other languages' words by the scan that language detection made, sentences without a word
    of `lang` by one expression that reads each sentence up to its first such word."""
    found = scan(prose)
    img = found.image
    if _LONG_SENTENCE.search(img):  # votes stop at 3000 words: beyond, a word of `lang` no longer counts
        return list(_SENTENCE.finditer(prose))
    # A segment is the text between two sentence or line ends; in the image, the one after the
    # "\n" at i starts at prose[i]. Each sentence lies within one segment.
    starts: set[int] = set()
    votes: dict[int, int] = {}
    for start, word in found.foreign(lang):
        segment = img.rfind("\n", 0, start + 1)
        votes[segment] = votes.get(segment, 0) + sum(1 for code in WORD_LANGS[word] if code != lang)
    starts.update(segment for segment, n in votes.items() if n >= MIN_VOTES)
    for m in _without_own_word(lang).finditer(img):
        text = m.group()  # MIN_WORDS words need MIN_WORDS - 1 delimiters between them
        if text.count(" ") + text.count('"') >= MIN_WORDS - 1:
            starts.add(m.start())
    sentences: list[re.Match[str]] = []
    for segment in sorted(starts):
        end = img.find("\n", segment + 1) - 1  # the segment is prose[segment:end]
        line = prose.rfind("\n", 0, segment) + 1
        for m in _SENTENCE.finditer(prose, line):
            if m.start() >= segment:  # the sentence of the segment starts in it (after any closing marks)
                if m.start() < end:
                    sentences.append(m)
                break
    return sentences


# 3000 words need 6000 characters: only so long a segment can hide words beyond the vote's limit.
_LONG_SENTENCE = re.compile(r"\n[^\n]{6000}")


@lru_cache(maxsize=16)
def _without_own_word(lang: str) -> re.Pattern[str]:
    """Segments of the image with no function word of `lang` outside quotation marks.

    foreign_language masks short quotations: a quotation mark, at most 60 characters without
    one, another. In the image every quotation mark is '"', and a segment is read element by
    element: spaces, a word (not of `lang`), or a '"' with what follows it up to the next '"'
    or sentence end if that is at most 60 characters away. That skips every quotation the
    sentence masks (its text runs from one mark to the next; a quotation closed after the
    sentence's final stop is cut by the "\\n" there), and perhaps more: a superset, as needed."""
    own = FUNCTION_WORDS.get(lang, [])
    word = r'[^ \n"]++'
    own_word = f'(?:{"|".join(sorted(own, key=len, reverse=True))})(?=[ \\n"])' if own else "(?!)"
    skip = r'"(?:[^"\n]{0,60}+(?=["\n]))?'
    return re.compile(f"\\n(?:[ ]++|{skip}|(?!{own_word}){word})*+(?=\\n)")
