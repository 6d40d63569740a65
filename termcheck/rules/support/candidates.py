"""Runs of proper nouns in prose (Khan Cheikhoun, Maaret al-Noomane, Rami Abdel Rahmane):
where names not in the glossary are looked for."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from termcheck.document import Document

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


def _is_letter(c: str) -> bool:
    """What _TOKEN's [^\\W\\d_] matches: str.isalnum(), but not a decimal digit or "_"."""
    return c.isalnum() and unicodedata.category(c) != "Nd" and c != "_"


def _char_class(test: Callable[[str], bool], limit: int) -> str:
    """A regex class body of the letters below `limit` that pass `test`."""
    chars = [c for c in map(chr, range(limit)) if test(c) and _is_letter(c)]
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(f"\\u{ord(chars[i]):04x}" + (f"-\\u{ord(chars[j]):04x}" if j > i else ""))
        i = j + 1
    return "".join(out)


_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
# Classes up to Latin Extended-A compile in milliseconds and serve most news; a text with a
# letter beyond them (Ș, Ə, Greek, Cyrillic) is read with classes for the whole BMP.
_NARROW = 0x180
_ASCII = 0x80  # plain classes ([A-Za-z]) test faster than the Unicode categories
_WIDE_LETTER = re.compile(r"[^\W\d_\x00-\u017f]")


def _limit(text: str) -> int | None:
    """The class range that reads `text` exactly (None: beyond the BMP, use the reference)."""
    if text.isascii():
        return _ASCII
    if not _WIDE_LETTER.search(text):
        return _NARROW
    return None if _BEYOND_BMP.search(text) else 0x10000


@dataclass(frozen=True)
class _RunPatterns:
    runs: re.Pattern[str]  # runs that start with a capitalised word (one group: the run)
    at: re.Pattern[str]  # a run at a given token start, whatever its first name token
    hyphen_upper: re.Pattern[str]  # where a lower-case word may turn into a name (al-Assad)
    token_to: re.Pattern[str]  # a token ending at a position (search with endpos)


@lru_cache(maxsize=8)
def _patterns(max_gap: int, limit: int) -> _RunPatterns:
    """Regexes for the runs the word-by-word state machine (reference_proper_noun_runs) finds,
    so that plain lower-case words, most of a text, are skipped in C. Exact for text whose
    letters lie below `limit`, where str.isupper and str.islower are spelled out as classes."""
    up = _char_class(str.isupper, limit)
    low = _char_class(str.islower, limit)
    # Letters that make str.isupper() false: lower case and title case (Dž).
    low_or_title = _char_class(lambda c: c.islower() or unicodedata.category(c) == "Lt", limit)
    letter = "[A-Za-z]" if limit == _ASCII else r"[^\W\d_]"
    not_lt = "[A-Z]" if limit == _ASCII else rf"[^\W\d_{low_or_title}]"
    end = rf"(?!{letter}|['’-]{letter})"  # the token ends here (as _TOKEN's greedy match does)
    # The first letter consumed, then: was it a token start (no letter, or letter and apostrophe
    # or hyphen, before it)? Starting on a class lets the regex engine skip other characters fast.
    capital = rf"[{up}](?<!{letter}[{up}])(?<!{letter}['’-][{up}])"
    caps_rest = rf"(?=['’-]?{letter}){not_lt}*(?:['’-]{not_lt}+)*{end}"  # word.isupper() and len(word) > 1
    name_a = rf"{capital}(?!{caps_rest}){letter}*(?:['’-]{letter}+)*{end}"
    name_b = rf"[{low}]{letter}*(?:['’-]{letter}+)*?-(?=[{up}]){letter}+(?:['’]{letter}+)*{end}"  # al-Assad
    name = rf"(?:{name_a}|{name_b})"
    # A joiner in any case, unless that case makes it a name token (Al, Abou), as the state
    # machine tries the name test first. Only ASCII letters lower-case to these letters.
    joiner_words = "|".join("".join(f"[{c}{c.upper()}]" for c in w) for w in sorted(_JOINERS, key=len, reverse=True))
    joiner = rf"(?![A-Z][A-Za-z]*[a-z])(?:{joiner_words}){end}"
    tail = rf"(?: (?:{joiner} ){{0,{max_gap}}}{name})*"
    return _RunPatterns(re.compile(f"({name_a}{tail})"), re.compile(name + tail), re.compile(rf"-[{up}]"),
                        re.compile(rf"{letter}+(?:['’-]{letter}+)*\Z"))


def tokens_of(start: int, run: str) -> list[Token]:
    """The tokens of a run found at `start` (tokens hold no space and are one space apart)."""
    out: list[Token] = []
    for word in run.split(" "):
        out.append(Token(start, start + len(word), word))
        start += len(word) + 1
    return out


def proper_noun_runs(text: str, max_gap: int = 1) -> list[list[Token]]:
    """Maximal runs of capitalised words joined by single spaces and name particles."""
    return [tokens_of(start, run) for start, run in run_texts(text, max_gap)]


@lru_cache(maxsize=2)
def run_texts(text: str, max_gap: int = 1) -> list[tuple[int, str]]:
    """The runs of proper_noun_runs as (start, text): most runs are looked up by their text
    alone, so their tokens are made only when needed (tokens_of).

    Cached: two rules (TC202, TC203) read the runs of the same text; callers must not change them."""
    limit = _limit(text)
    if limit is None:
        return [(run[0].start, text[run[0].start : run[-1].end]) for run in reference_proper_noun_runs(text, max_gap)]
    p = _patterns(max_gap, limit)
    # split() gives [gap, run, gap, run, ..., gap] in C; summing lengths gives the offsets.
    parts = p.runs.split(text)
    offsets = list(accumulate(map(len, parts)))
    runs = list(zip(offsets[0:-1:2], parts[1::2], strict=True))
    if "-" not in text:
        return runs
    # Runs that start with a lower-case name word (al-Assad said): rare, found from their hyphen.
    ends = [start + len(run) for start, run in runs]
    extra: list[re.Match[str]] = []
    covered = 0
    for h in p.hyphen_upper.finditer(text):
        i = bisect.bisect_right(ends, h.start())
        if h.start() < covered or (i < len(runs) and runs[i][0] <= h.start()):
            continue  # inside a run already
        line_start = text.rfind("\n", 0, h.start()) + 1
        token = p.token_to.search(text, line_start, h.start())
        if token is None or not text[token.start()].islower():
            continue
        run = p.at.match(text, token.start())
        if run is not None:
            extra.append(run)
            covered = run.end()
    if extra:
        # A run found from its capitalised second word (al-Assad Khan) is part of the longer one.
        inside: set[int] = set()
        for e in extra:
            i = bisect.bisect_right(ends, e.start())  # the first run that ends after e starts
            while i < len(runs) and runs[i][0] < e.end():
                inside.add(i)
                i += 1
        runs = sorted([r for i, r in enumerate(runs) if i not in inside] + [(e.start(), e.group()) for e in extra])
    return runs


@lru_cache(maxsize=8)
def _capitalised_pattern(min_len: int, limit: int) -> re.Pattern[str]:
    up = _char_class(str.isupper, limit)
    # A Document.words token (\w+(?:['’]\w+)*) that starts with a capital, at least min_len long.
    # The capital first, then the test that it starts a word: a pattern that opens on a class
    # lets the regex engine skip other characters fast.
    w = "[A-Za-z0-9_]" if limit == _ASCII else r"\w"
    return re.compile(rf"([{up}](?<!{w}[{up}])(?<!{w}['’][{up}])(?=(?:{w}|['’]){{{min_len - 1}}}){w}*(?:['’]{w}+)*)")


def capitalised_words(text: str, min_len: int = 1) -> list[tuple[int, str]]:
    """(start, word) of the words of Document.words that start with a capital letter and are at
    least `min_len` characters long, found in C rather than word by word."""
    limit = _limit(text)
    if limit is None:
        return [(s, w) for s, _, w in Document(Path(), text).words if w[0].isupper() and len(w) >= min_len]
    parts = _capitalised_pattern(min_len, limit).split(text)
    offsets = list(accumulate(map(len, parts)))
    # The lookahead counts a trailing apostrophe that is not part of the word: check the length.
    return [(start, word) for start, word in zip(offsets[0:-1:2], parts[1::2], strict=True) if len(word) >= min_len]


def reference_proper_noun_runs(text: str, max_gap: int = 1) -> list[list[Token]]:
    """The runs word by word: every token through a small state machine. proper_noun_runs
    must give the same (tests/test_speedups.py); it is used for text beyond the BMP."""
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


def window_ranges(words: list[str], max_words: int = 4) -> list[tuple[int, int]]:
    """(first, count) of every contiguous stretch of a run's words that starts and ends on a
    name token, longest first."""
    out: list[tuple[int, int]] = []
    for n in range(min(max_words, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            if _is_name_token(words[i]) and _is_name_token(words[i + n - 1]):
                out.append((i, n))
    return out


_LETTER_WORD = re.compile(r"[^\W\d_]+")


def mostly_names(sentence: str) -> bool:
    """A team line-up or a list of names: most words capitalised."""
    words = _LETTER_WORD.findall(sentence)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
