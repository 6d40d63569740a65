"""Which language a document is written in: function-word counts first, langdetect when unsure."""

from __future__ import annotations

import re
from collections import Counter

SUPPORTED = ("en", "fr", "de", "es", "it", "tr")

_FUNCTION_WORDS = {
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
_WORD_LANGS: dict[str, list[str]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words:
        _WORD_LANGS.setdefault(_w, []).append(_lang)

_WORD = re.compile(r"[^\W\d_]+")


def first_words(text: str, limit: int) -> list[str]:
    """The first `limit` words of `text` (as _WORD.finditer gives them), read in chunks so that
    a long text is not tokenised to its end."""
    words: list[str] = []
    pos, size = 0, max(4096, limit * 12)
    while pos < len(text) and len(words) < limit:
        end = min(len(text), pos + size)
        while end < len(text) and _WORD.match(text, end) and _WORD.match(text, end - 1):
            end += 1  # never cut a word in two
        words.extend(_WORD.findall(text, pos, end))
        pos = end
    return words[:limit]


def function_word_votes(text: str, limit: int = 3000) -> Counter[str]:
    votes: Counter[str] = Counter()
    # Count the distinct function words first (in C), then vote: languages enter `votes` in
    # the order of their first word, as they would word by word (ties keep that order).
    hits = Counter(w for w in map(str.lower, first_words(text, limit)) if w in _WORD_LANGS)
    for word, n in hits.items():
        for lang in _WORD_LANGS[word]:
            votes[lang] += n
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
    return guess[0] if guess and guess[1] >= 0.9 else default


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
