"""Function words of the supported languages, and where they stand in a text, found in C.

A text is read through its *image*: the lower-cased text, character for character, in which a
letter (a character of `[^\\W\\d_]`, the word tokens of `detect._WORD`) stays itself, a
sentence end (. ! ? …) or a line end becomes "\\n", a quotation mark ("“”«»‘’) becomes '"', and
any other character a space; "\\n" is added at each end, so image[i + 1] stands for text[i].
Words are then exactly the runs between those three delimiters, so one Aho-Corasick scan with
every delimited form of the function words finds their occurrences, and a regular expression
anchored at the "\\n"s reads the text sentence by sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

SUPPORTED = ("en", "fr", "de", "es", "it", "tr")

FUNCTION_WORDS = {
    "en": "the and of to in is was that for on with said it by from as at have has are were this which "
          "would will been their they not but also after".split(),
    "fr": "le la les des et est une du dans pour que qui sur au pas aux ont avec sont été cette ce de un "
          "il elle ils leur ses son sa mais ou où aussi sans selon depuis lors plus nous être".split(),
    "de": "der die das und ist nicht mit den von zu sich auf ein eine dem des im wurde sind auch "
          "nach bei aus wird dass werden hat sie er es über seit bis noch wie zum zur vom beim aber oder "
          "wenn als nur schon".split(),
    "es": "el los las y que del en por con una para se al lo como más fue según su sus de un ha "
          "pero también sobre desde este esta".split(),
    "it": "il di che è del della per con non una sono gli nel alla dei delle anche stato un ha "
          "ma sul dalla questo questa secondo".split(),
    "tr": "ve bir bu da de için ile olarak çok daha gibi ama olan en ise kadar sonra "
          "göre değil ancak yeni ilişkin karşı üzerine tarafından bütün şey ki mi".split(),
}
WORD_LANGS: dict[str, list[str]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _w in _words:
        WORD_LANGS.setdefault(_w, []).append(_lang)

_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_QUOTES = "\"“”«»‘’"
# ASCII part of the image; bytes >= 0x80 (UTF-8 sequences) pass unchanged and are folded per character.
_ASCII_IMAGE = bytes((b if 97 <= b <= 122 else 10 if chr(b) in ".!?\n" else 34 if b == 34 else 32) if b < 128 else b
                     for b in range(256))
_DELIMITERS = ' \n"'


@lru_cache(maxsize=4096)
def _image_char(c: str) -> str:
    """The image of a lower-cased character outside ASCII."""
    if c == "…":
        return "\n"
    if c in _QUOTES:
        return '"'
    return c if _LETTER.match(c) else " "


def image(text: str) -> str:
    """The text's image (see the module's docstring): same length as `text` plus two."""
    if "İ" in text:  # its lower case is two characters; any other letter keeps the tokens as they are
        text = text.replace("İ", "ж")
    low = text.lower()  # one character for one (İ aside), letters stay letters
    if low.isascii():
        return "\n" + low.encode("ascii").translate(_ASCII_IMAGE).decode("ascii") + "\n"
    folded = low.encode("utf-8", "surrogatepass").translate(_ASCII_IMAGE).decode("utf-8", "surrogatepass")
    for c in set(_NON_ASCII.findall(folded)):
        if (to := _image_char(c)) != c:
            folded = folded.replace(c, to)
    return "\n" + folded + "\n"


@lru_cache(maxsize=16)
def automaton(words: frozenset[str]) -> Any:
    """Aho-Corasick automaton of `words` between any two delimiters of the image; value: the word."""
    import ahocorasick

    found = ahocorasick.Automaton()
    for w in words:
        for left in _DELIMITERS:
            for right in _DELIMITERS:
                found.add_word(left + w + right, w)
    found.make_automaton()
    return found


def occurrences(img: str, words: frozenset[str]) -> list[tuple[int, str]]:
    """(start in the text, word) of each occurrence of `words` in the text whose image is `img`,
    in order."""
    if not words:
        return []
    # A match ends on the delimiter after the word: the word starts len(w) before that in the
    # image, one less in the text (image[i + 1] stands for text[i]).
    return [(end - len(w) - 1, w) for end, w in automaton(words).iter(img)]


def foreign_words(lang: str) -> frozenset[str]:
    """Words that vote for another language than `lang` (some also for `lang`)."""
    return frozenset(w for w, langs in WORD_LANGS.items() if any(x != lang for x in langs))


def votes_of(words: Iterable[str]) -> Counter[str]:
    """Votes of function-word occurrences, as detect.function_word_votes counts them: the
    distinct words in order of first occurrence, each word's count to each of its languages."""
    votes: Counter[str] = Counter()
    for word, n in Counter(words).items():
        for lang in WORD_LANGS[word]:
            votes[lang] += n
    return votes


class TextScan:
    """A text's image and the occurrences of function words in it, computed once each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.image = image(text)
        self._foreign: dict[str, list[tuple[int, str]]] = {}

    def foreign(self, lang: str) -> list[tuple[int, str]]:
        """(start, word) of the words that vote for another language than `lang`."""
        if lang not in self._foreign:
            self._foreign[lang] = occurrences(self.image, foreign_words(lang))
        return self._foreign[lang]


_last: TextScan | None = None


def scan(text: str) -> TextScan:
    """The scan of `text`. The last one is kept: language detection and TC501 read the same
    document's prose, one after the other. It is found again by identity only (the object
    itself, held here), so nothing carries over from one document to another."""
    global _last
    if _last is None or _last.text is not text:
        _last = TextScan(text)
    return _last
