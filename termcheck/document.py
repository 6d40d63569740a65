"""Documents: the text of one article with exact offsets, line/column lookup and prose masks."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termcheck.align import SourceText


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) into a document's original text."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


class LineIndex:
    """Maps 0-based character offsets to 1-based (line, column), columns counted in characters."""

    def __init__(self, text: str) -> None:
        # \r\n, \r and \n all end a line; offsets stay those of the original text.
        if "\r" in text:
            self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        else:  # the usual case: line lengths summed in C, not a match object per line
            self._starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))][:-1]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Lone surrogates (a JSON request may carry them) cannot cross into the core as UTF-8; they are
# no word characters, and U+FFFD, which is none either, stands in for each, one for one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORD_CHAR = re.compile(r"\w")
_is_word_char: dict[str, bool] = {}  # per process: an article brings few characters beyond ASCII


def _word_chars(chars: str) -> str:
    """Those of these (non-ASCII) characters that _WORD's \\w matches: Python's Unicode
    database, which changes with its version, decides, not a copy of it in the core."""
    out = []
    for c in chars:
        known = _is_word_char.get(c)
        if known is None:
            known = _is_word_char[c] = _WORD_CHAR.match(c) is not None
        if known:
            out.append(c)
    return "".join(out)


@dataclass
class Document:
    """One article. `text` is the decoded file; `prose` has non-prose replaced by spaces.

    Rules read `prose`, which has the same length as `text`, so every offset they produce
    points into the original file.
    """

    path: Path
    text: str
    lang: str = "en"
    prose: str = ""
    encoding: str = "utf-8"
    meta: dict[str, object] = field(default_factory=dict)
    source: SourceText | None = None  # the text it was translated from, aligned (--source)

    def __post_init__(self) -> None:
        if not self.prose:
            self.prose = self.text
        if len(self.prose) != len(self.text):
            raise ValueError("prose mask must keep the text's length")

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """Word tokens of the prose as (start, end, word): the matches of _WORD, found by the
        compiled core in one pass, with the characters _WORD's \\w matches named by `re` itself."""
        from termcheck import _core

        prose = self.prose
        if not prose.isascii() and _SURROGATE.search(prose):
            prose = _SURROGATE.sub("\ufffd", prose)
        return _core.words(prose, _word_chars(_core.non_ascii_chars(prose)))

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(w for _, _, w in self.words)

    @cached_property
    def _word_starts(self) -> list[int]:
        return [s for s, _, _ in self.words]

    def word_index_at(self, offset: int) -> int:
        """Index of the first word that starts at or after `offset`."""
        return bisect.bisect_left(self._word_starts, offset)
