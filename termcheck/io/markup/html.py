"""HTML: prose is the text between tags, outside scripts, styles, code and embedded objects.

Skipped: tags and their attributes, comments, doctype and processing instructions, character
references (&amp; …), and the content of the elements in SKIPPED.

The text is split into tags and text as Python's html.parser splits it (its patterns are
copied), but in time linear in the text: html.parser rescans to the end of the text from
every construct that never closes (60 KB of unclosed `<b ` took 26 s, 800 KB of `<!--` over
120 s). Here a search that finds no closing `>`, `-->` or `]]>` is remembered, so it is never
repeated from a later position; a start tag is matched once, and if start tags that run to
the end of the text (inside an unclosed quote) have cost more than a few passes over the
text, the rest is split with each tag ending at the next `>`. Offsets are those of the text.
"""

from __future__ import annotations

import re

from termcheck.io.markup.base import Mask

# Elements whose content is not article prose.
SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "template", "svg", "math",
                     "noscript", "iframe", "object", "textarea", "select"})
# Elements whose content is raw text up to their end tag (no tags inside), as html.parser reads them.
_RAW_TEXT = ("script", "style")
_RAW_TEXT_END = {name: re.compile(rf"</\s*{name}\s*>", re.I) for name in _RAW_TEXT}

# html.parser's patterns (CPython 3.11), copied: they are private, and later releases change them.
_START_TAG_END = re.compile(r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""", re.VERBOSE)
_TAG_NAME = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTR = re.compile(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*""")
_END_TAG = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_ENTITY = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]")
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")  # <![CDATA[ … ]]>
_MS_SECTION_CLOSE = re.compile(r"]\s*>")  # <![if …]>
_SECTION_NAME = re.compile(r"<!\[\s*([a-zA-Z][-_.a-zA-Z0-9]*)")
_START_AFTER = "abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_RESCAN_PASSES = 4  # how many passes over the text unclosed start tags may cost before tags end at '>'


class _Scanner:
    """Searches that remember where they failed: a search that found nothing from `pos` finds
    nothing from any later position either."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._failed: dict[object, int] = {}

    def find(self, needle: str, pos: int) -> int:
        if pos >= self._failed.get(needle, len(self.text) + 1):
            return -1
        found = self.text.find(needle, pos)
        if found < 0:
            self._failed[needle] = pos
        return found

    def search(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        if pos >= self._failed.get(pattern, len(self.text) + 1):
            return None
        m = pattern.search(self.text, pos)
        if m is None:
            self._failed[pattern] = pos
        return m


class _Tokenizer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.scan = _Scanner(text)
        self.skipping: list[str] = []
        self.ranges: list[tuple[int, int]] = []
        self._rescan_budget = _RESCAN_PASSES * self.n + 100_000

    def data(self, start: int, end: int) -> None:
        if end > start and not self.skipping:
            if self.ranges and self.ranges[-1][1] == start:
                self.ranges[-1] = (self.ranges[-1][0], end)
            else:
                self.ranges.append((start, end))

    def start_tag(self, name: str) -> None:
        if name in SKIPPED:
            self.skipping.append(name)

    def end_tag(self, name: str) -> None:
        if name in self.skipping:
            # Close the innermost open element of that name (and anything left open inside it).
            while self.skipping and self.skipping.pop() != name:
                pass

    def run(self) -> list[tuple[int, int]]:
        text, n, i = self.text, self.n, 0
        raw: str | None = None  # inside <script> or <style>: raw text up to its end tag
        while i < n:
            if raw is not None:
                m = self.scan.search(_RAW_TEXT_END[raw], i)
                if m is None:
                    break  # an unclosed script or style: the rest is its content
                self.data(i, m.start())
                self.end_tag(raw)
                raw, i = None, m.end()
                continue
            j = _next_markup(text, i)
            self.data(i, j)
            i = j
            if i >= n:
                break
            if text[i] == "&":
                i = self._reference(i)
                continue
            k, opened = self._markup(i)
            if k < 0:  # a construct that never closes: text up to the next '>' (or '<'), as html.parser does
                gt = self.scan.find(">", i + 1)
                if gt >= 0:
                    k = gt + 1
                else:
                    lt = text.find("<", i + 1)
                    k = lt if lt >= 0 else i + 1
                self.data(i, k)
            elif opened in _RAW_TEXT:
                raw = opened
            i = k
        return self.ranges

    def _reference(self, i: int) -> int:
        """&name; and &#nn; are not prose; a lone & is."""
        m = (_CHARREF if self.text.startswith("&#", i) else _ENTITY).match(self.text, i)
        if m is None:
            self.data(i, i + 1)
            return i + 1
        return m.end() if self.text[m.end() - 1] == ";" else m.end() - 1

    def _markup(self, i: int) -> tuple[int, str | None]:
        """The end of the tag, comment or declaration at `i` (-1 if it never closes), and the
        name of the element a start tag opened."""
        text = self.text
        nxt = text[i + 1 : i + 2]
        if nxt.isascii() and nxt.isalpha():
            return self._start_tag(i)
        if nxt == "/":
            return self._end_tag(i), None
        if text.startswith("<!--", i):
            m = self.scan.search(_COMMENT_CLOSE, i + 4)
            return (m.end() if m else -1), None
        if nxt == "?":
            gt = self.scan.find(">", i + 2)
            return (gt + 1 if gt >= 0 else -1), None
        if nxt == "!":
            return self._declaration(i), None
        self.data(i, i + 1)  # '<' before anything else is text
        return i + 1, None

    def _start_tag(self, i: int) -> tuple[int, str | None]:
        text = self.text
        gt = self.scan.find(">", i)
        if gt < 0:
            return -1, None  # no '>' in the rest of the text: no tag can close (html.parser reads text)
        # Once unclosed quotes have cost enough, a tag ends at the next '>'.
        m = _START_TAG_END.match(text, i, self.n if self._rescan_budget > 0 else gt + 1)
        assert m is not None  # the pattern matches any '<' + letter
        j = m.end()
        after = text[j : j + 1]
        if after == ">":
            end = j + 1
        elif after == "/" and text.startswith("/>", j):
            end = j + 2
        elif after in ("", "/") or after in _START_AFTER:
            self._rescan_budget -= j - i  # scanned, but not consumed: the text after '<' is read again
            return -1, None
        else:
            end = j if j > i else i + 1
        name_match = _TAG_NAME.match(text, i + 1)
        assert name_match is not None
        name = name_match.group(1).lower()
        k = name_match.end()
        while k < end:
            attr = _ATTR.match(text, k, end)
            if not attr or attr.end() == k:
                break
            k = attr.end()
        close = text[k:end].strip()
        if close not in (">", "/>"):
            self.data(i, end)  # not a tag after all: text, as html.parser reports it
            return end, None
        if close == "/>":
            return end, None
        self.start_tag(name)
        return end, (name if name in _RAW_TEXT else None)

    def _end_tag(self, i: int) -> int:
        text = self.text
        gt = self.scan.find(">", i + 1)
        if gt < 0:
            return -1
        m = _END_TAG.match(text, i, gt + 1)
        if m:
            self.end_tag(m.group(1).lower())
            return m.end()
        name = _TAG_NAME.match(text, i + 2, gt + 1)
        if not name:
            return i + 3 if text.startswith("</>", i) else gt + 1  # a bogus comment up to '>'
        self.end_tag(name.group(1).lower())
        return gt + 1

    def _declaration(self, i: int) -> int:
        """<!doctype …>, <![CDATA[ … ]]>, <![if …]>, and any other <! … > (a bogus comment)."""
        text = self.text
        if text.startswith("<![", i):
            m = _SECTION_NAME.match(text, i)
            keyword = m.group(1).lower() if m else ""
            if keyword in {"temp", "cdata", "ignore", "include", "rcdata", "if", "else", "endif"}:
                close = _MS_SECTION_CLOSE if keyword in {"if", "else", "endif"} else _SECTION_CLOSE
                found = self.scan.search(close, i + 3)
                return found.end() if found else -1
        gt = self.scan.find(">", i + 2)
        return gt + 1 if gt >= 0 else -1


_MARKUP_START = re.compile(r"[&<]")


def _next_markup(text: str, i: int) -> int:
    m = _MARKUP_START.search(text, i)
    return m.start() if m else len(text)


def html_prose_ranges(text: str) -> list[tuple[int, int]]:
    """The [start, end) ranges of `text` that are prose."""
    return _Tokenizer(text).run()


def html_prose(text: str) -> str:
    mask = Mask(text)
    mask.blank_all()
    for start, end in html_prose_ranges(text):
        mask.restore(start, end)
    return mask.value
