"""TC501: sentences left in another language than their article's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.language import SUPPORTED, function_word_votes, langdetect_guess
from termcheck.rules.base import DocContext, rule
from termcheck.rules.names import LANG_NAMES

_SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"'”»)]*|(?=\n)|$)")
# A short quotation inside a sentence (a title, a slogan) is not an untranslated passage.
_SHORT_QUOTE = re.compile(r"[\"“«‘][^\"“”«»‘’\n]{0,60}[\"”»’]")
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 5
_FOREIGN_LETTERS = re.compile(r"[ıışğçöüäßñàèéìòùâêîôûœ]", re.IGNORECASE)
MIN_VOTES = 3


def foreign_language(sentence: str, lang: str) -> str | None:
    """The sentence's language when it is clearly another than `lang`."""
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
    if not (strong or weak):
        return None
    guess = langdetect_guess(masked)
    if not guess or guess[0] == lang or guess[0] not in SUPPORTED:
        return None
    if strong and guess[1] >= 0.85 and votes.get(guess[0], 0) >= 2:
        return guess[0]
    return guess[0] if weak and guess[1] >= 0.97 else None


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
    for m in _SENTENCE.finditer(doc.prose):
        sentence = m.group()
        found = foreign_language(sentence, doc.lang)
        if found is None:
            continue
        start = m.start() + len(sentence) - len(sentence.lstrip())
        end = m.start() + len(sentence.rstrip())
        yield untranslated.finding(start, end, f"untranslated {LANG_NAMES.get(found, found)} sentence",
                                   origin=found)
