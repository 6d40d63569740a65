"""The word classes of glossaries/lexicons/ that rules read (countries, titles, demonyms):
reviewed data files, read once per process."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from termcheck.glossary.loader import default_glossary_dir


@lru_cache(maxsize=8)
def lexicon(name: str) -> dict[str, list[str]]:
    path = Path(default_glossary_dir()) / "lexicons" / f"{name}.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of `words` as written, longest first, so that a word
    is never cut short by a shorter one it starts with (New York before New). Words of one
    length are in alphabetical order, which changes no match (where two of one length both match,
    they match the same characters) but keeps the pattern's text the same in every process, so that what is kept
    per pattern text in the cache folder (rules/constructions.py) is found again."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
