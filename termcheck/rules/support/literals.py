"""Text that every match of a pattern needs: the keys of a prefilter.

Texts and patterns are compared folded (`fold_text`), character by character: a word
character reads as its lower case; a quote, comma, full stop or © as itself followed by a
space ('"' and '“' as '" '); any other character as a space. Then runs of spaces become one, and
the text gets a space at each end. If q occurs in t, fold(q) occurs in fold(t): a run of
spaces inside fold(q) is a whole run of fold(t), and one at an edge becomes one space in both.

`pattern_keys(pattern)` reads a regular expression (Python's syntax) and returns clauses of
keys: wherever the pattern matches, the folded text holds at least one key of each clause, so
a text that holds no key of a clause cannot match and a prefilter may skip the pattern there.
Keys start with a space, quote, comma, full stop or © where they can (" at the level of" for
"(?<![\\w-])[Aa]t\\s+the\\s+level\\s+of"): an automaton whose keys start with few characters
leaves its root rarely, which keeps its scan fast.

How parts of a pattern read: `\\s+` and `[ \\t]*` as " " (or ""); a class of characters as its
characters folded; (?<![\\w-]) as " " (the character before is not a word character, and every
such character folds to something that ends with a space, as do the text's edges); ^ and $ as
" " (a line break, or the edge); what a lookahead or lookbehind requires is in the text too.
Parts that ignore case, back-references and repetitions that may be absent require nothing.
Patterns run by either `re` (phrases) or the regex module (glossary patterns): a word
character here is one for both, so that either engine's \\W folds as above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any

import regex

MIN_KEY = 3  # a key with shorter words occurs almost everywhere: not worth a search
MAX_ALTERNATIVES = 128  # strings in one set before it is given up (cross products grow fast)
MAX_CLASS = 8  # characters of a class such as [Aa] or ['’] read as alternatives

_KEPT = {'"': '"', "“": '"', "”": '"', "„": '"', ",": ",", ".": ".", "©": "©"}  # as themselves, and a space
_SEPARATORS = ' ",.©'  # what a key starts with

_RE_WORD = re.compile(r"\w")
_REGEX_WORD = regex.compile(r"\w", flags=regex.V0)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_RUNS = re.compile("  +")

_C: Any = re._constants  # type: ignore[attr-defined]
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)}
_ATOMIC = getattr(_C, "ATOMIC_GROUP", None)
_EDGES = {_C.AT_BEGINNING, _C.AT_END, _C.AT_BEGINNING_STRING, _C.AT_END_STRING}
# Flags under which a part of a pattern is not read: other cases, other word characters.
_UNREAD_FLAGS = re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE
_POSIX_CLASS = re.compile(r"\[[:=.]\^?\w*[:=.]\]")

Strings = frozenset[str]
_NOTHING: Strings = frozenset({""})
_SPACE: Strings = frozenset({" "})
_SPACE_READINGS: Strings = frozenset({"", " "})


@lru_cache(maxsize=65536)
def fold_char(c: str) -> str:
    """One character folded, before kept characters get their space (see fold_text): the kept
    quote, comma, full stop or ©; a space for a character that is not a word character (for re
    or for regex); else its lower case, or a space where that is not one character that folds
    to itself (İ's is two), so that fold_text may fold characters one after another."""
    if c in _KEPT:
        return _KEPT[c]
    if not (_RE_WORD.match(c) and _REGEX_WORD.match(c)):
        return " "
    lower = c.lower()
    if len(lower) != 1 or lower.lower() != lower or not (_RE_WORD.match(lower) and _REGEX_WORD.match(lower)):
        return " "
    return lower


def _reading(c: str) -> str:
    """What one character reads as in folded text."""
    folded = fold_char(c)
    return folded + " " if folded in _SEPARATORS[1:] else folded


# ASCII folded in one C pass: str.translate with a table of ASCII to ASCII has a fast path for
# ASCII text; bytes from 128 up belong to characters outside ASCII, folded before.
_ASCII_TABLE = {b: fold_char(chr(b)) for b in range(128)}
_ASCII_FOLD = bytes(ord(fold_char(chr(b))) if b < 128 else b for b in range(256))


def fold_text(text: str) -> str:
    """The text folded (see the module's docstring), with a space at each end: a key that
    starts or ends with a space is found at the text's edges too."""
    data = text
    if not text.isascii():
        # The few distinct characters outside ASCII, one after another: what fold_char makes
        # of one is never changed by another's turn (it folds to itself).
        for c in set(_NON_ASCII.findall(text)):
            folded = fold_char(c)
            if folded != c:
                data = data.replace(c, folded)
        data = data.encode("utf-8", "surrogatepass").translate(_ASCII_FOLD).decode("utf-8", "surrogatepass")
    else:  # most articles
        data = text.translate(_ASCII_TABLE)
    for kept in _SEPARATORS[1:]:
        if kept in data:
            data = data.replace(kept, kept + " ")
    return " " + _RUNS.sub(" ", data) + " "


_last_fold: tuple[str, str] | None = None


def fold_prose(text: str) -> str:
    """fold_text(text), kept for the next caller with the same text: the prefilters of TC301,
    TC302, TC701 (rules/support/triggers.py) and TC303 (rules/constructions.py) read one document's
    prose in turn, and folding it costs about as much as their scans."""
    global _last_fold
    if _last_fold is not None and _last_fold[0] is text:
        return _last_fold[1]
    folded = fold_text(text)
    _last_fold = (text, folded)
    return folded


@dataclass(frozen=True)
class _Info:
    """What one node of a parsed pattern tells about the folded text it matches."""

    exact: Strings | None  # the text matched reads as one of these; None: not known
    prefix: Strings = _NOTHING  # it starts with a piece that reads as one of these ({""}: nothing known)
    suffix: Strings = _NOTHING  # it ends with one
    clauses: tuple[Strings, ...] = ()  # the text around the match holds one string of each
    optional: bool = False  # it may match nothing (then the text before it is what ends there)


_UNKNOWN = _Info(None)
_EMPTY = _Info(_NOTHING)


def pattern_keys(pattern: str, max_clauses: int = 1) -> tuple[Strings, ...]:
    """Clauses of keys, most selective first: a text whose fold_text holds no key of a clause
    holds no match of `pattern`. () when nothing usable is known (a pattern that ignores case)."""
    if _POSIX_CLASS.search(pattern):
        return ()  # the regex module reads [[:alpha:]] as a class, re as characters
    try:
        parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
        if parsed.state.flags & _UNREAD_FLAGS or _has_brace(list(parsed)):
            return ()
        info = _sequence(list(parsed))
    except (re.error, RecursionError, OverflowError, ValueError):
        return ()
    for loose in (False, True):  # keys that start with a separator, else any (a few patterns)
        clauses = {_keys(c, loose) for c in _candidates(info)}
        useful = [c for c in clauses if _score(c)[0] >= MIN_KEY]
        if useful:
            return tuple(sorted(useful, key=lambda c: (_score(c), sorted(c)), reverse=True)[:max_clauses])
    return ()


def _keys(clause: Strings, loose: bool = False) -> Strings:
    """Each string from its first separator on: keys that start with few characters keep the
    automaton near its root. A string without one gives '' (no key), or, `loose`, itself."""
    return frozenset(_key(s, loose) for s in clause)


def _key(literal: str, loose: bool) -> str:
    first = min((i for i in (literal.find(c) for c in _SEPARATORS) if i >= 0), default=-1)
    if first < 0 or (loose and first >= MIN_KEY):  # none, or it would drop a word ("copyright ap")
        return literal if loose else ""
    return literal[first:]


def _score(keys: Strings) -> tuple[int, int]:
    """Longer keys are rarer; fewer alternatives are fewer chances."""
    return min((len(k.strip()) for k in keys), default=0), -len(keys)


def _has_brace(items: list[tuple[Any, Any]]) -> bool:
    """A brace that `re` reads as a plain character. Glossary patterns are matched by the
    regex module, which may read it otherwise ({e<=1} is fuzzy matching there): such
    patterns get no keys rather than wrong ones."""
    for op, av in items:
        if op is _C.LITERAL and chr(av) in "{}":
            return True
        if any(_has_brace(sub) for sub in _children(op, av)):
            return True
    return False


def _children(op: Any, av: Any) -> list[list[tuple[Any, Any]]]:
    if op is _C.SUBPATTERN:
        return [list(av[3])]
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        return [list(av[1])]
    if op is _C.BRANCH:
        return [list(alt) for alt in av[1]]
    if op in _REPEATS:
        return [list(av[2])]
    if op is _ATOMIC:
        return [list(av)]
    if op is _C.GROUPREF_EXISTS:
        return [list(alt) for alt in av[1:] if alt is not None]
    return []


def _candidates(info: _Info) -> list[Strings]:
    out = [*info.clauses, info.prefix, info.suffix]
    if info.exact is not None:
        out.append(info.exact)
    return out


def _best_one(info: _Info) -> Strings | None:
    clauses = [c for c in _candidates(info) if "" not in c]
    return max(clauses, key=lambda c: _score(_keys(c))) if clauses else None


def _better(a: Strings, b: Strings) -> Strings:
    """Of two conditions that both hold, the one that says more."""

    def says(s: Strings) -> tuple[bool, int]:
        return "" not in s, min(len(x) for x in s)

    return b if says(b) > says(a) else a


def _cat(a: str, b: str) -> str:
    """What two readings one after the other read as (runs of spaces are one)."""
    return a + b[1:] if a.endswith(" ") and b.startswith(" ") else a + b


def _join(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > MAX_ALTERNATIVES:
        return None
    return frozenset(_cat(a, b) for a, b in product(left, right))


def _ends(strings: Strings) -> Strings:
    """The same condition on what a text ends with, without strings that end with another."""
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not kept or not s.endswith(tuple(kept)):
            kept.append(s)
    return frozenset(kept)


def _starts(strings: Strings) -> Strings:
    """The same condition on what a text starts with, without strings that start with another."""
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not kept or not s.startswith(tuple(kept)):
            kept.append(s)
    return frozenset(kept)


def _sequence(items: list[tuple[Any, Any]]) -> _Info:
    """A concatenation: runs of exactly known items join into longer strings."""
    clauses: list[Strings] = []
    whole: Strings | None = _NOTHING  # the text so far reads as one of these; None once not known
    prefix: Strings | None = None  # the text starts with one of these: set when `whole` is lost
    run: Strings = _NOTHING  # the text before the current position ends with one of these
    for n, (op, av) in enumerate(items):
        if op is _C.AT and av is _C.AT_BOUNDARY:  # \b: read as (?<!\w) or (?!\w) where it is clear which
            if n + 1 < len(items) and _word_start(items[n + 1]):
                op, av = _C.ASSERT_NOT, (-1, _WORD_CLASS)
            elif n > 0 and _word_start(items[n - 1]) and (n + 1 == len(items) or _not_word(items[n + 1])):
                op, av = _C.ASSERT_NOT, (1, _WORD_CLASS)
        if op is _C.ASSERT or (op is _C.ASSERT_NOT and av[0] == 1):
            # A lookaround: zero width, but what it requires is in the text. (?![\w-]): what
            # follows starts with a space, quote, comma or full stop, or the text ends.
            if op is _C.ASSERT:
                around = _sequence(list(av[1]))
            else:
                around = _Info(None, frozenset(_SEPARATORS) if _denies_word(av[1]) else _NOTHING)
            clauses.extend(_candidates(around))
            if av[0] == 1:  # ahead: the text that follows starts with its prefix
                clauses.append(_join(run, around.prefix) or run)
            else:  # behind: the text before ends with its suffix
                run = _better(run, _ends(around.suffix))
            continue
        info = _node(op, av)
        clauses.extend(info.clauses)
        if info.exact is not None:
            joined = _join(run, info.exact)
            if joined is None:  # too many alternatives: the run ends, a new one starts here
                clauses.append(run)
            run = _better(_ends(joined or info.exact), info.suffix)
            if whole is not None:
                longer = _join(whole, info.exact)
                if longer is None:
                    prefix, whole = _starts(whole), None
                else:
                    whole = longer
            continue
        clauses.append(_join(run, info.prefix) or run)
        if whole is not None:
            prefix, whole = _starts(_join(whole, info.prefix) or whole), None
        either = run | info.suffix if info.optional and "" not in run else None
        run = _ends(info.suffix if either is None or len(either) > MAX_ALTERNATIVES else either)
    if whole is not None:
        return _Info(whole, _starts(whole), _better(run, _ends(whole)), tuple(clauses))
    return _Info(None, prefix or _NOTHING, run, tuple(clauses))


def _node(op: Any, av: Any) -> _Info:
    if op is _C.LITERAL:
        return _Info(frozenset({_reading(chr(av))}))
    if op is _C.IN:
        return _char_class(av)
    if op is _C.AT:  # ^ $ \A \Z: a line break or the text's edge, which read as a space
        return _Info(_SPACE) if av in _EDGES else _EMPTY
    if op is _C.ASSERT_NOT:  # only lookbehinds get here (_sequence reads the others)
        # (?<![\w-]): the character before, if any, is not a word character: it reads as
        # something that ends with a space, as does the text's start.
        return _Info(_SPACE) if _denies_word(av[1]) else _EMPTY
    if op is _C.ASSERT:  # a lookaround outside a sequence: what it requires is in the text
        return _Info(_NOTHING, clauses=tuple(_candidates(_sequence(list(av[1])))))
    if op is _C.SUBPATTERN:
        if av[1] & _UNREAD_FLAGS:
            return _UNKNOWN
        return _sequence(list(av[3]))
    if op is _ATOMIC:
        return _sequence(list(av))
    if op is _C.BRANCH:
        return _branch([_sequence(list(alt)) for alt in av[1]])
    if op in _REPEATS:
        return _repeat(av[0], av[1], _sequence(list(av[2])))
    return _UNKNOWN  # any character, \w and \d, back-references, conditionals


_WORD_CLASS = [(_C.IN, [(_C.CATEGORY, _C.CATEGORY_WORD)])]  # \w, as re parses it


def _word_start(item: tuple[Any, Any]) -> bool:
    """A literal word character (for re and regex alike)."""
    op, av = item
    return op is _C.LITERAL and bool(_RE_WORD.match(chr(av)) and _REGEX_WORD.match(chr(av)))


def _not_word(item: tuple[Any, Any]) -> bool:
    """A literal character that is not a word character for either engine."""
    op, av = item
    return op is _C.LITERAL and not (_RE_WORD.match(chr(av)) or _REGEX_WORD.match(chr(av)))


def _denies_word(items: Any) -> bool:
    """A negative lookaround of one character class that holds every word character."""
    items = list(items)
    if len(items) != 1 or items[0][0] is not _C.IN:
        return False
    members = list(items[0][1])
    return (_C.CATEGORY, _C.CATEGORY_WORD) in members and (_C.NEGATE, None) not in members


def _char_class(items: Any) -> _Info:
    items = list(items)
    non_word = frozenset({" "} | {c + " " for c in _SEPARATORS[1:]})  # what a non-word character reads as
    if items[:1] == [(_C.NEGATE, None)]:  # [^\w-] and the like take no word character
        return _Info(non_word) if (_C.CATEGORY, _C.CATEGORY_WORD) in items else _UNKNOWN
    readings: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            readings.add(_reading(chr(av)))
        elif op is _C.RANGE and av[1] - av[0] < MAX_CLASS:
            readings.update(_reading(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is _C.CATEGORY and av is _C.CATEGORY_SPACE:
            readings.add(" ")  # \s: white space for re and regex alike
        elif op is _C.CATEGORY and av is _C.CATEGORY_NOT_WORD:
            readings.update(non_word)
        else:
            return _UNKNOWN  # \w, \d, wide ranges
    if not readings or len(readings) > MAX_CLASS:
        return _UNKNOWN
    return _Info(frozenset(readings))


def _branch(alts: list[_Info]) -> _Info:
    """Alternatives: a match is one of them, so it holds what one of them holds."""

    def union(sets: list[Strings | None]) -> Strings | None:
        if any(s is None for s in sets):
            return None
        out: Strings = frozenset().union(*[s for s in sets if s is not None])
        return out if len(out) <= MAX_ALTERNATIVES else None

    best = union([_best_one(a) for a in alts])
    return _Info(union([a.exact for a in alts]), union([a.prefix for a in alts]) or _NOTHING,
                 union([a.suffix for a in alts]) or _NOTHING, (best,) if best else ())


def _repeat(low: int, high: int, inner: _Info) -> _Info:
    if inner.exact is not None and inner.exact <= _SPACE_READINGS:
        return _Info(_SPACE if low and "" not in inner.exact else _SPACE_READINGS)  # \s+, [ \t]*
    if low == 0:
        if high == 1 and inner.exact is not None:
            return _Info(inner.exact | _NOTHING)  # x? : x or nothing
        return _EMPTY if high == 0 else _Info(None, suffix=inner.suffix, optional=True)
    if low == high == 1:
        return inner
    # At least once: the first repetition starts the match, the last one ends it.
    return _Info(None, inner.prefix, inner.suffix, tuple(_candidates(inner)))
