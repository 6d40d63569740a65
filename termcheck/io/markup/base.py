"""A mutable prose mask shared by the markup formats."""

from __future__ import annotations

import re

_LINE_END = re.compile(r"\r\n|\r|\n")


class Mask:
    """The text as a list of characters in which ranges can be blanked out.

    Newlines (\\n and \\r) always survive, so line numbers of the prose are those of the file.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._chars = list(text)
        self._line_starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def blank(self, start: int, end: int) -> None:
        chars = self._chars
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] not in "\r\n":
                chars[i] = " "

    def blank_all(self) -> None:
        self.blank(0, len(self._chars))

    def restore(self, start: int, end: int) -> None:
        """Mark [start, end) as prose again (its original characters)."""
        self._chars[start:end] = self.text[start:end]

    def line_offset(self, line: int) -> int:
        """Offset of the start of 0-based `line` (the text's length past the last line)."""
        if line >= len(self._line_starts):
            return len(self.text)
        return self._line_starts[line]

    def segment(self, start: int, end: int) -> str:
        return "".join(self._chars[start:end])

    @property
    def value(self) -> str:
        return "".join(self._chars)
