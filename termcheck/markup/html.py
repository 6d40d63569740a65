"""HTML: prose is the text between tags, outside scripts, styles, code and embedded objects.

Skipped: tags and their attributes, comments, doctype and processing instructions, character
references (&amp; …), and the content of the elements in SKIPPED. Python's html.parser reports
each event's source position (getpos), and with convert_charrefs off, text arrives exactly as
written, so a text event's offset and length are those of the file.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from termcheck.markup.base import Mask

# Elements whose content is not article prose.
SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "template", "svg", "math",
                     "noscript", "iframe", "object", "textarea", "select"})


class _ProseParser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        # html.parser counts lines by \n only; so do we here.
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._skipping: list[str] = []
        self.ranges: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skipping.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br/>, <svg/>: no content to skip

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            # Close the innermost open element of that name (and anything left open inside it).
            while self._skipping and self._skipping.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            start = self._offset()
            self.ranges.append((start, start + len(data)))


def html_prose_ranges(text: str) -> list[tuple[int, int]]:
    """The [start, end) ranges of `text` that are prose."""
    parser = _ProseParser(text)
    parser.feed(text)
    parser.close()
    return parser.ranges


def html_prose(text: str) -> str:
    mask = Mask(text)
    mask.blank_all()
    for start, end in html_prose_ranges(text):
        mask.restore(start, end)
    return mask.value
