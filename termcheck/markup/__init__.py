"""Markup scoping: which characters of an article are prose.

Each format returns a *mask*: the text with every non-prose character replaced by a space
(newlines kept), so the mask has the text's length and every offset a rule finds in it is an
offset into the original file.
"""

from __future__ import annotations

from pathlib import Path

from termcheck.markup.base import Mask

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

__all__ = ["Mask", "markup_kind", "prose_mask"]


def markup_kind(path: Path) -> str:
    """'markdown', 'html' or 'plain', from the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "plain"


def prose_mask(text: str, kind: str) -> str:
    """The prose of `text` read as `kind` ('plain', 'markdown' or 'html')."""
    if kind == "markdown":
        from termcheck.markup.markdown import markdown_prose

        return markdown_prose(text)
    if kind == "html":
        from termcheck.markup.html import html_prose

        return html_prose(text)
    from termcheck.markup.plain import plain_prose

    return plain_prose(text)
