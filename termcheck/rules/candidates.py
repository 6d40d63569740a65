"""Runs of proper nouns in prose (Khan Cheikhoun, Maaret al-Noomane, Rami Abdel Rahmane):
where names not in the glossary are looked for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from termcheck.document import Span

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Lower-case particles inside Arabic, French and other names.
_JOINERS = frozenset("al el ad ash as az an ar at ed es bin ben ibn abu abou bou de du la le ul ud von van der".split())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def _is_name_token(word: str) -> bool:
    head = word.split("-")[-1] if word[:1].islower() and "-" in word else word
    return head[:1].isupper() and not (word.isupper() and len(word) > 1)


@lru_cache(maxsize=2)
def proper_noun_runs(text: str, max_gap: int = 1) -> list[list[Token]]:
    """Maximal runs of capitalised words joined by single spaces and name particles.

    Cached: two rules (TC202, TC203) read the runs of the same text; callers must not change them."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []  # joiners waiting for a capitalised word
    last_end = -10
    for m in _TOKEN.finditer(text):
        word = m.group()
        if not current and word[0].islower() and "-" not in word:
            last_end = m.end()  # the common case, a plain word outside any run: nothing else to do
            continue
        gap = text[last_end : m.start()] if last_end >= 0 else " "
        contiguous = gap in (" ", "") and last_end >= 0
        if _is_name_token(word):
            if current and contiguous:
                current.extend(pending)
            elif current:
                runs.append(current)
                current = []
            pending = []
            current.append(Token(m.start(), m.end(), word))
        elif word.lower() in _JOINERS and current and contiguous and len(pending) < max_gap:
            pending.append(Token(m.start(), m.end(), word))
        else:
            if current:
                runs.append(current)
            current, pending = [], []
        last_end = m.end()
    if current:
        runs.append(current)
    return runs


def windows(run: list[Token], max_words: int = 4) -> list[tuple[Span, list[Token]]]:
    """Every contiguous stretch of a run that starts and ends on a name token, longest first."""
    out: list[tuple[Span, list[Token]]] = []
    for n in range(min(max_words, len(run)), 0, -1):
        for i in range(len(run) - n + 1):
            part = run[i : i + n]
            if _is_name_token(part[0].text) and _is_name_token(part[-1].text):
                out.append((Span(part[0].start, part[-1].end), part))
    return out
