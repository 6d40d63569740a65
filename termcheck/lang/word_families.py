"""Word families across inflection: the key under which the inflected forms of a source word
meet (relativiser, relativisé, relativisait), and the spelling normalisation that lets a
source word and its English look-alike be compared (ph -> f, doubled letters single).

The false-friend miner (glossaries/build/mine_false_friends.py) counts a source word over its
family, and TC807 (termcheck/rules/bilingual_lookalikes.py) looks for the same family in an
aligned source sentence: both read the keys from here, so they cannot drift apart."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from unidecode import unidecode

_MAPS = (("chs", "x"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("qu", "k"), ("ae", "e"), ("oe", "e"),
         ("ue", "u"), ("y", "i"), ("z", "s"), ("w", "v"))
_DOUBLE = re.compile(r"(.)\1+")
SRC_ENDINGS = {
    "fr": ("issements", "issement", "ements", "ement", "aient", "erons", "eront", "erait", "ations", "ation",
           "ions", "ait", "ant", "ees", "ent", "ons", "ez", "er", "ee", "es", "ir", "e", "s"),
    "de": ("ungen", "ierten", "ierte", "ieren", "iert", "ung", "ern", "en", "er", "es", "em", "e", "n", "s", "t"),
    "es": ("aciones", "acion", "amientos", "amiento", "ientes", "iente", "antes", "ante", "ados", "adas", "ado",
           "ada", "aron", "ieron", "ando", "iendo", "io", "idos", "idas", "ido", "ida", "ar", "er", "ir", "os", "as",
           "es", "o", "a", "e", "s"),
    "it": ("azioni", "azione", "amenti", "amento", "ati", "ate", "ato", "ata", "are", "ere", "ire", "i", "o",
           "a", "e"),
}


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """Lower case without accents, a few letter groups mapped, doubled letters single."""
    w = unidecode(word).lower()
    for a, b in _MAPS:
        w = w.replace(a, b)
    return _DOUBLE.sub(r"\1", w)


def stem(word: str, endings: Iterable[str]) -> str:
    """The word without the first of `endings` it has, if at least four letters are left."""
    for end in endings:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def source_family(s_norm: str, lang: str) -> str:
    """The key of a (normalised) source word's family of inflected forms."""
    return stem(s_norm, SRC_ENDINGS[lang])
