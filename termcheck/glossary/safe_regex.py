"""Regular expressions from glossaries, matched with a time limit.

A backtracking matcher can take exponential time on patterns such as (a|aa)+$ or (a|a)*$,
which no simple syntactic check rejects. Glossary patterns are therefore compiled with the
`regex` module (the `re` syntax, with a timeout): a pattern that backtracks catastrophically
on a probe string is refused when the glossary loads, and any pattern that still runs too
long on an article gives up on that article, with a notice, instead of hanging the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex

# Seconds a pattern may run on one article: a floor, plus time for long texts (5 MB/s).
TIMEOUT_BASE = 1.0
TIMEOUT_PER_CHAR = 1 / 5_000_000
PROBE_TIMEOUT = 0.05
_PROBE_LEN = 40
# A bounded repeat is compiled into that many copies by the regex module: a{1000000000} takes all
# memory. Counts (multiplied through nested repeats) and pattern lengths are limited before compiling.
MAX_REPEAT_COUNT = 1000
MAX_PATTERN_CHARS = 10_000

_timeouts: list[str] = []


class PatternTimeout(Exception):
    """A pattern ran past its time limit."""


class BoundedPattern:
    """A compiled glossary pattern whose matching stops after a time limit.

    `finditer` matches as `re.Pattern.finditer` does; when the limit is reached it ends early
    and records a notice (see `drain_timeouts`)."""

    def __init__(self, pattern: str, label: str = "", required: str | None = None) -> None:
        self.pattern = pattern
        self.label = label or repr(pattern)
        self.required = required_literal(pattern) if required is None else required
        self._regex: Any = None

    @property
    def _compiled(self) -> Any:
        # Compiled on first use: most patterns never get past their literal prefilter, and
        # the regex module compiles slowly (a one-file run should not pay for 200 patterns).
        if self._regex is None:
            try:
                check_size(self.pattern)  # every compile bounded, also of a pattern that did not come from the loader
            except re.error as err:
                _timeouts.append(f"glossary pattern {self.label} is not used: {err}")
                self._regex = regex.compile(r"(?!)")  # matches nothing
                return self._regex
            self._regex = regex.compile(self.pattern, flags=regex.V0)
        return self._regex

    @property
    def groups(self) -> int:
        return int(self._compiled.groups)

    def finditer(self, text: str) -> Iterator[Any]:
        if self.required and not contains(text, self.required):
            return  # every match contains this text: a substring search rules most articles out
        limit = TIMEOUT_BASE + len(text) * TIMEOUT_PER_CHAR
        try:
            yield from self._compiled.finditer(text, timeout=limit)
        except TimeoutError:
            _timeouts.append(f"glossary pattern {self.label} stopped after {limit:.1f} s "
                             "(it backtracks too much); its matches in this file are skipped")

    def search(self, text: str, pos: int = 0) -> Any:
        try:
            return self._compiled.search(text, pos, timeout=TIMEOUT_BASE + len(text) * TIMEOUT_PER_CHAR)
        except TimeoutError:
            _timeouts.append(f"glossary pattern {self.label} stopped (it backtracks too much)")
            return None

    def __reduce__(self) -> tuple[Any, ...]:
        return (BoundedPattern, (self.pattern, self.label, self.required))


def required_literal(pattern: str, shortest: int = 3) -> str:
    """The longest run of plain characters that every match of `pattern` contains (from the
    top level of the pattern only, never inside a group, alternation or repetition); "" if
    there is none at least `shortest` long or the pattern ignores case."""
    try:
        parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
        literal = re._constants.LITERAL  # type: ignore[attr-defined]
    except (AttributeError, re.error, RecursionError):
        return ""
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    best, run = "", []
    for op, arg in list(parsed) + [(None, None)]:
        if op is literal:
            run.append(chr(arg))
            continue
        folded = _case_pair(op, arg)
        if folded:
            run.append(folded)  # [Aa]: either case of one letter, as sentence starts are written
            continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
    return best if len(best) >= shortest else ""


def _case_pair(op: Any, arg: Any) -> str:
    """The character of a class that holds one letter in both cases ([Aa]), marked by a NUL
    before it so the prefilter compares it without case; '' for anything else."""
    if op is not re._constants.IN or len(arg) != 2:  # type: ignore[attr-defined]
        return ""
    chars = {chr(a) for o, a in arg if o is re._constants.LITERAL}  # type: ignore[attr-defined]
    if len(chars) == 2 and len({c.lower() for c in chars}) == 1:
        return "\0" + min(chars).lower()
    return ""


def contains(text: str, required: str) -> bool:
    """Does `text` contain `required` (with case-free letters where a NUL marks them)?"""
    if "\0" not in required:
        return required in text
    head, _, rest = required.partition("\0")
    letter, tail = rest[:1], rest[1:]
    if "\0" in tail:
        return True  # more than one case-free letter: let the pattern decide
    return (head + letter + tail) in text or (head + letter.upper() + tail) in text


def drain_timeouts() -> list[str]:
    """Notices about patterns that gave up since the last call (one file's worth in a run)."""
    out = list(dict.fromkeys(_timeouts))
    _timeouts.clear()
    return out


def _probes(pattern: str) -> list[str]:
    """Strings that make ambiguous repetitions backtrack: runs of each letter the pattern names,
    followed by a character that makes the match fail at the end."""
    letters = list(dict.fromkeys(c for c in re.sub(r"\\.", "", pattern) if c.isalnum()))[:6] or ["a"]
    runs = [c * _PROBE_LEN for c in letters] + ["".join(letters) * (_PROBE_LEN // len(letters) + 1)]
    return [r + tail for r in runs for tail in ("!", "\n!", " ")]


def catastrophic(compiled: BoundedPattern) -> bool:
    """True if the pattern takes too long on one of the probe strings (exponential backtracking)."""
    for probe in _probes(compiled.pattern):
        try:
            for _ in compiled._compiled.finditer(probe, timeout=PROBE_TIMEOUT):
                pass
        except TimeoutError:
            return True
    return False


def check_size(pattern: str) -> None:
    """Raise re.error for an invalid pattern and for one too large to compile safely: too long,
    nested too deeply, or asking for more than MAX_REPEAT_COUNT copies of something."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise re.error(f"pattern too long ({len(pattern)} characters; at most {MAX_PATTERN_CHARS})")
    try:
        re.compile(pattern)  # the documented syntax is Python's: its errors are the ones to report
        parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
        count = _repeat_count(parsed)
    except RecursionError:
        raise re.error("pattern nested too deeply") from None
    if count > MAX_REPEAT_COUNT:
        raise re.error(f"repeat count too large ({count}; at most {MAX_REPEAT_COUNT}, counting nested repeats)")


def _repeat_count(parsed: Any, depth: int = 0) -> int:
    """The largest number of copies a bounded repeat of `parsed` asks for, multiplied through
    nested repeats ({m,} counts m; * and + count 1)."""
    constants: Any = re._constants  # type: ignore[attr-defined]
    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)}
    worst = 1
    for op, av in parsed:
        inner = 1
        if op in repeats:
            low, high, sub = av
            own = low if high == constants.MAXREPEAT else high
            inner = max(own, 1) * _repeat_count(sub, depth + 1)
        elif op is constants.SUBPATTERN:
            inner = _repeat_count(av[-1], depth + 1)
        elif op is constants.BRANCH:
            inner = max((_repeat_count(b, depth + 1) for b in av[1]), default=1)
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            inner = _repeat_count(av[1], depth + 1)
        elif op is constants.GROUPREF_EXISTS:
            inner = max(_repeat_count(b, depth + 1) for b in av[1:] if b is not None) if any(av[1:]) else 1
        worst = max(worst, inner)
    return worst


def compile_bounded(pattern: str, label: str = "") -> BoundedPattern:
    """Compile a glossary pattern; raises re.error if it is invalid and PatternTimeout if it
    backtracks catastrophically."""
    check_size(pattern)
    compiled = BoundedPattern(pattern, label)
    try:
        slow = catastrophic(compiled)
    except regex.error as err:
        raise re.error(str(err)) from None
    if slow:
        raise PatternTimeout(pattern)
    return compiled
