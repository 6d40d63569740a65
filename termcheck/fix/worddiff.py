"""`lint --diff` for a person at a terminal: the words a fix changes, not a paragraph twice.

Each changed line is shown once, as `path:line: …context [-Idleb-]{+Idlib+} context…`: the
place as the report names it (the line of the file as read), the changed words marked as
`git diff --word-diff=plain` marks them, and only a few words of context around each change,
however long the paragraph. A line break inside a change is shown as ↵.

Piped or redirected, --diff stays a unified diff (termcheck.fix.edits.unified_diff), which patch
and git apply read; diff_for chooses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TextIO

from termcheck.fix.edits import _lines, unified_diff
from termcheck.io.terminal import printable

CONTEXT = 40  # characters of unchanged text kept each side of a change (cut at a space)
MAX_TOKENS = 5000  # above this, a changed block is matched sentence by sentence first (see _segments)
_TOKEN = re.compile(r"\w+|[^\S\r\n]+|\r\n|.", re.S)  # words, runs of spaces, line breaks, single signs
_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE = re.compile(r".*?(?:[.!?;:]+\s+|\r\n|[\r\n]|\Z)", re.S)  # each with the spaces after it

Segment = tuple[str, str]  # (old, new) text: unchanged when the two are equal


def diff_for(stream: TextIO, path: str, old: str, new: str) -> str:
    """The word view for a terminal, the unified diff (a patch) for anything else."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return word_diff(path, old, new) if terminal else unified_diff(path, old, new)


def word_diff(path: str, old: str, new: str) -> str:
    """Each line the change touches, shortened to its changed words and a little context."""
    a, b = _lines(old), _lines(new)
    shown = printable(path)
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes():
        if tag != "equal":
            for line, text in _display(_segments("".join(a[i1:i2]), "".join(b[j1:j2])), i1 + 1):
                out.append(f"{shown}:{line}: {text}\n")
    return "".join(out)


def _segments(old: str, new: str) -> list[Segment]:
    """`old` and `new` as runs of words that are the same or changed. A long block is matched
    sentence by sentence first, then word by word in the sentences that changed: difflib's time
    grows as the square of what it matches."""
    x, y = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(x) + len(y) <= MAX_TOKENS:
        return _matched(x, y)
    segments: list[Segment] = []
    for a, b in _matched(_sentences(old), _sentences(new)):
        if a == b:
            segments.append((a, b))
        else:
            x, y = _TOKEN.findall(a), _TOKEN.findall(b)
            segments += _matched(x, y) if len(x) + len(y) <= MAX_TOKENS else _around_middle(a, b)
    return segments


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


def _matched(x: list[str], y: list[str]) -> list[Segment]:
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    return [("".join(x[i1:i2]), "".join(y[j1:j2])) for _, i1, i2, j1, j2 in matcher.get_opcodes()]


def _around_middle(old: str, new: str) -> list[Segment]:
    """The common start and end, and everything between them as one change (a last resort)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    head, tail = old[:start], old[len(old) - end :]
    middle = (old[start : len(old) - end], new[start : len(new) - end])
    return [s for s in ((head, head), middle, (tail, tail)) if s[0] or s[1]]


def _display(segments: list[Segment], first: int) -> Iterator[tuple[int, str]]:
    """The lines of the old text that hold a change, numbered from `first`, each rendered."""
    start = line = first
    parts: list[Segment] = []
    for old, new in segments:
        if old != new:
            parts.append((old, new))
            line += len(_BREAK.findall(old))
            continue
        for k, piece in enumerate(_BREAK.split(old)):
            if k:  # an unchanged line break ends the line shown
                yield from _rendered(start, parts)
                parts, line = [], line + 1
                start = line
            if piece:
                parts.append((piece, piece))
    yield from _rendered(start, parts)


def _rendered(line: int, parts: list[Segment]) -> Iterator[tuple[int, str]]:
    if all(old == new for old, new in parts):
        return  # context only: not shown
    last = len(parts) - 1
    yield line, "".join(_context(old, k == 0, k == last) if old == new else _change(old, new)
                        for k, (old, new) in enumerate(parts))


def _change(old: str, new: str) -> str:
    return (f"[-{_marked(old)}-]" if old else "") + (f"{{+{_marked(new)}+}}" if new else "")


def _marked(text: str) -> str:
    return printable(_BREAK.sub("↵", text))


def _context(text: str, first: bool, last: bool) -> str:
    """Unchanged text beside changes, cut to CONTEXT characters each side of them."""
    if first and not last:
        return _plain(_tail(text, "…"))
    if last and not first:
        return _plain(_head(text, "…"))
    if len(text) <= 2 * CONTEXT + 10:
        return _plain(text)
    return _plain(_head(text, "") + " … " + _tail(text, ""))


def _plain(text: str) -> str:
    return printable(text.replace("\t", " "))


def _head(text: str, mark: str) -> str:
    if len(text) <= CONTEXT:
        return text
    cut = text[:CONTEXT]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + mark


def _tail(text: str, mark: str) -> str:
    if len(text) <= CONTEXT:
        return text
    cut = text[-CONTEXT:]
    space = cut.find(" ")
    return mark + (cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut)
