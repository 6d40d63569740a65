"""Romanisation of names by source language: rewrites towards English news spelling,
and a folded key under which spellings of one name meet."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from unidecode import unidecode

from termcheck.glossary.safe_regex import required_literal


@dataclass(frozen=True)
class Romanisation:
    lang: str
    name: str
    rules: tuple[tuple[re.Pattern[str], str], ...]
    # Lower-cased words naming the countries whose names English news itself spells this
    # language's way (Tebboune, Al Haouz): there, such a spelling is no sign of translation.
    local: frozenset[str] = frozenset()
    # Each rule's required letters (safe_regex.required_literal: 'tch' of 'tch', 'gu' of
    # 'gu(?=[ei])', 'e' of '(?<=[bdf])e$'): a word without them cannot be changed by the rule,
    # and the test is far cheaper than a substitution that finds nothing.
    needs: tuple[str, ...] = ()

    def rewrite(self, word: str, only: int | None = None) -> str:
        """Apply the rules (or only rule `only`) to a lower-cased word; outputs are protected."""
        out = word.lower()
        needs = self.needs or ("",) * len(self.rules)
        for i, (pattern, repl) in enumerate(self.rules):
            if (only is not None and i != only) or needs[i] not in out:
                continue
            # Upper case marks rewritten letters so that later rules leave them alone.
            out = pattern.sub(repl.upper() if repl else "", out)
        return out.lower()

    def variants(self, word: str) -> list[str]:
        """The word with all rules applied, and with each rule alone: candidates to look up."""
        out = [self.rewrite(word)] + [self.rewrite(word, i) for i in range(len(self.rules))]
        return [v for v in dict.fromkeys(out) if v != word.lower()]


def _plain(literal: str) -> str:
    """The literal as a plain substring test: '' (always try the rule) where it has a letter of
    either case (marked by a NUL), which `in` cannot test."""
    return "" if "\0" in literal else literal


@cache
def romanisations() -> dict[str, Romanisation]:
    data = tomllib.loads((resources.files("termcheck") / "data" / "romanisation.toml").read_text(encoding="utf-8"))
    return {lang: Romanisation(lang, spec["name"], tuple((re.compile(p), r) for p, r in spec["rules"]),
                               frozenset(w.lower() for w in spec.get("local", [])),
                               tuple(_plain(required_literal(p, shortest=1)) for p, _ in spec["rules"]))
            for lang, spec in data.items()}


_SEPARATORS = re.compile(r"[\s'’‘`ʿʾ-]+")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def fold_key(name: str) -> str:
    """Spelling-insensitive key: ASCII, lower case, no separators or doubled letters, q/k and ph/f merged."""
    key = unidecode(name).lower()
    key = _SEPARATORS.sub(" ", key).strip()
    key = key.replace("ph", "f").replace("q", "k").replace("ck", "k")
    return _DOUBLED.sub(r"\1", key)


@lru_cache(maxsize=65536)
def keys_for(name: str) -> tuple[tuple[str, str], ...]:
    """(language, key) for the name as written and as each source language would rewrite it."""
    out = [("", fold_key(name))]
    for lang, rom in romanisations().items():
        rewritten = " ".join(rom.rewrite(w) for w in name.split())
        key = fold_key(rewritten)
        if all(key != k for _, k in out):
            out.append((lang, key))
    return tuple(out)
