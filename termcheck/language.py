"""Which language a document is written in: function-word counts first, langdetect when unsure."""

from __future__ import annotations

import re
from collections import Counter

SUPPORTED = ("en", "fr", "de", "es", "it", "tr")

_FUNCTION_WORDS = {
    "en": "the and of to in is was that for on with said it by from as at have has are were this".split(),
    "fr": "le la les des et est une du dans pour que qui sur au pas aux ont avec sont été cette ce".split(),
    "de": "der die das und ist nicht mit den von zu sich auf ein eine dem des im wurde sind auch".split(),
    "es": "el los las y que del en por con una para se al lo como más fue según su sus".split(),
    "it": "il di che è del della per con non una sono gli nel alla dei delle anche stato".split(),
    "tr": "ve bir bu da de için ile olarak çok daha gibi ama olan en ise kadar sonra".split(),
}
_WORD_LANGS: dict[str, list[str]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words:
        _WORD_LANGS.setdefault(_w, []).append(_lang)

_WORD = re.compile(r"[^\W\d_]+")


def function_word_votes(text: str, limit: int = 3000) -> Counter[str]:
    votes: Counter[str] = Counter()
    for n, m in enumerate(_WORD.finditer(text)):
        if n >= limit:
            break
        for lang in _WORD_LANGS.get(m.group().lower(), ()):
            votes[lang] += 1
    return votes


def detect_language(text: str, default: str = "en") -> str:
    """The document's language; `default` when the text says too little to tell."""
    votes = function_word_votes(text)
    total = sum(votes.values())
    if total >= 8:
        (top, n), *rest = votes.most_common(2) + [("", 0)]
        if n >= 0.6 * total and n >= 2 * rest[0][1]:
            return top
    guess = langdetect_guess(text)
    return guess[0] if guess and guess[1] >= 0.9 and guess[0] in SUPPORTED else default


def langdetect_guess(text: str) -> tuple[str, float] | None:
    """langdetect's best language and probability, seeded so that runs are reproducible."""
    if len(_WORD.findall(text[:2000])) < 3:
        return None
    from langdetect import DetectorFactory, detect_langs  # heavy: loaded only when needed
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text[:5000])[0]
    except LangDetectException:
        return None
    return best.lang, best.prob
