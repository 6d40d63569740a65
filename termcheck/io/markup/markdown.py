"""Markdown: prose is the text of paragraphs, headings, list items, quotes and tables.

Skipped: front matter, fenced and indented code, link reference definitions, thematic
breaks, inline code, link and image targets, autolinks, bare URLs and inline HTML. HTML
blocks are read as HTML (their text is prose, their tags are not).

markdown-it-py finds the blocks and, through each block's token map, their source lines.
Inline tokens carry no source offsets, so inline constructs are found in those lines with
patterns, and only for the constructs the parser reported in that block.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from termcheck.io.markup.base import Mask

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# YAML (---) or TOML (+++) front matter: the very first line opens it, the same fence closes it.
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)\1[ \t]*(?=\r\n|\r|\n|\Z)", re.S)

_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# ](destination "title") of an inline link or image; one level of parentheses in the destination.
_LINK_TARGET = re.compile(
    r"(?<=\])\(\s*(?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
_REF_LABEL = re.compile(r"(?<=\])\[[^\[\]\n]*\]")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_BARE_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_INLINE_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.S)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def front_matter_end(text: str) -> int:
    """Offset just past the front matter, or 0 when there is none."""
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def markdown_prose(text: str) -> str:
    mask = Mask(text)
    fm_end = front_matter_end(text)
    body = Mask(text)
    body.blank(0, fm_end)  # the parser sees blank lines in its place, so line numbers hold
    tokens = _parser().parse(body.value)

    mask.blank_all()
    html_blocks: list[tuple[int, int]] = []
    # Table cells share their row's line map: restore every prose line first, then blank.
    inline: dict[tuple[int, int], set[str]] = {}
    for tok in tokens:
        if tok.map is None:
            continue
        start, end = mask.line_offset(tok.map[0]), mask.line_offset(tok.map[1])
        if tok.type == "inline":
            inline.setdefault((start, end), set()).update(c.type for c in tok.children or [])
        elif tok.type == "html_block":
            html_blocks.append((start, end))
    for start, end in inline:
        mask.restore(start, end)
    for (start, end), kinds in inline.items():
        _blank_inline(mask, start, end, kinds)
    if html_blocks:
        from termcheck.io.markup.html import html_prose_ranges

        for start, end in html_blocks:
            for s, e in html_prose_ranges(text[start:end]):
                mask.restore(start + s, start + e)
    return mask.value


# Block quotes and list items opened at the start of a line (">", "- ", "1. "), one per level.
_NESTING = re.compile(r"[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?")


def unchecked_nested_lines(text: str, prose: str) -> list[int]:
    """1-based lines with words that the Markdown parser left out because they are nested
    deeper than it goes (markdown-it stops at 20 levels of quotes and lists): never checked."""
    limit = int(_parser().options.get("maxNesting", 20)) - 1
    out: list[int] = []
    for n, (line, masked) in enumerate(zip(text.splitlines(), prose.splitlines(), strict=False), 1):
        if masked.strip() or not re.search(r"\w", line):
            continue
        depth, pos = 0, 0
        while depth < limit and (m := _NESTING.match(line, pos)) and m.end() > pos:
            depth, pos = depth + 1, m.end()
        if depth >= limit:
            out.append(n)
    return out


def _blank_inline(mask: Mask, start: int, end: int, kinds: set[str]) -> None:
    """Blank inline code, link targets, URLs and HTML in the prose lines [start, end)."""

    def blank_all(pattern: re.Pattern[str]) -> None:
        segment = mask.segment(start, end)
        for m in pattern.finditer(segment):
            mask.blank(start + m.start(), start + m.end())

    if "code_inline" in kinds:
        blank_all(_CODE_SPAN)
    if "html_inline" in kinds:
        blank_all(_INLINE_HTML)
    if kinds & {"link_open", "image"}:
        blank_all(_LINK_TARGET)
        blank_all(_REF_LABEL)
        blank_all(_AUTOLINK)
    blank_all(_BARE_URL)
