"""How common a word is in a language (wordfreq's Zipf scale: 0 unknown, 3 a few per
million words, 7 'the'). Tells a name English news prints from a spelling it does not."""

from __future__ import annotations

from functools import lru_cache

_WORDFREQ_LANGS = {"en", "fr", "de", "es", "it", "tr", "ar"}


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "en") -> float:
    if lang not in _WORDFREQ_LANGS:
        return 0.0
    from termcheck.lexicon.wordfreq_cache import zipf_frequency  # wordfreq's values, without loading it for plain words

    return float(zipf_frequency(word, lang))
