"""Which language a document is written in: function-word counts first, langdetect when unsure."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from termcheck.lang.function_words import SUPPORTED as SUPPORTED  # re-exported: callers import it from here
from termcheck.lang.function_words import WORD_LANGS as _WORD_LANGS
from termcheck.lang.function_words import occurrences, scan, votes_of

_WORD = re.compile(r"[^\W\d_]+")
_ALL_WORDS = frozenset(_WORD_LANGS)
# Frequent English function words: their spaced occurrences near the start bound the English
# votes from below (see _surely_english).
_COMMON_EN = tuple(f" {w} " for w in ("the", "of", "to", "and", "in", "said", "on", "was"))


def first_words(text: str, limit: int) -> list[str]:
    """The first `limit` words of `text` (as _WORD.finditer gives them), read in chunks so that
    a long text is not tokenised to its end."""
    words: list[str] = []
    pos, size = 0, max(4096, limit * 12)
    while pos < len(text) and len(words) < limit:
        end = min(len(text), pos + size)
        if end < len(text) and _WORD.match(text, end - 1) and (rest := _WORD.match(text, end)):
            end = rest.end()  # never cut a word in two
        words.extend(_WORD.findall(text, pos, end))
        pos = end
    return words[:limit]


def function_word_votes(text: str, limit: int = 3000) -> Counter[str]:
    """Votes of the function words among the first `limit` words: each occurrence counts once
    for each language that has the word; languages enter in the order of their first word."""
    if len(text) < 4096:  # a sentence: tokenising it is cheaper than an image and a scan
        return votes_of(w for w in map(str.lower, first_words(text, limit)) if w in _WORD_LANGS)
    img = scan(text).image
    cut = _nth_word_end(limit).match(img, 1)
    end = len(text) if cut is None else cut.end() - 1  # image[i + 1] stands for text[i]
    return votes_of(w for start, w in occurrences(img, _ALL_WORDS) if start < end)


@lru_cache(maxsize=4)
def _nth_word_end(limit: int) -> re.Pattern[str]:
    """Matches the image from its first character to the end of its `limit`-th word."""
    return re.compile(r'(?:[ \n"]*+[^ \n"]++)' + f"{{{limit}}}")


def detect_language(text: str, default: str = "en") -> str:
    """The document's language; `default` when the text says too little to tell."""
    if _surely_english(text):
        return "en"
    votes = function_word_votes(text)
    total = sum(votes.values())
    if total >= 8:
        (top, n), *rest = votes.most_common(2) + [("", 0)]
        if n >= 0.6 * total and n >= 2 * rest[0][1]:
            return top
    from termcheck.lang.langdetect_fast import guess_reaching

    # Only a guess of at least 0.9 changes the answer, and only if it is not `default`.
    guess = guess_reaching(text, lambda lang: 0.9 if lang != default else 2.0)
    return guess[0] if guess and guess[1] >= 0.9 else default


def _surely_english(text: str, limit: int = 3000) -> bool:
    """Would the vote of function_word_votes(text) say English? Decided without counting every
    word: English votes from below by the spaced occurrences of frequent English words in the
    first 2 * limit characters (at most `limit` words end there), every other language's from
    above by all its occurrences in the text (one scan, kept for TC501). If that lower bound
    wins the vote against those upper bounds by a margin, the exact counts win it too: the
    vote only gets clearer as English gains or another language loses votes."""
    found = scan(text)
    img = found.image
    english = sum(img.count(w, 0, 2 * limit + 2) for w in _COMMON_EN)
    others = votes_of(w for _, w in found.foreign("en"))
    # detect_language's test, English being `n` and the others `total - n`: n >= 8,
    # n >= 0.6 * total (2n >= 3 * others, with one to spare against rounding) and n >= 2 * second.
    return english >= 8 and 2 * english >= 3 * sum(others.values()) + 1 and english >= 2 * max(others.values(),
                                                                                             default=0)


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
