"""Markup scoping: which characters of an article are prose.

Each format returns a *mask*: the text with every non-prose character replaced by a space
(newlines kept), so the mask has the text's length and every offset a rule finds in it is an
offset into the original file.
"""

from __future__ import annotations

from pathlib import Path

from termcheck.io.markup.base import Mask

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

__all__ = ["Mask", "markup_kind", "markup_notes", "prose_mask"]


def markup_kind(path: Path) -> str:
    """'markdown', 'html' or 'plain', from the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "plain"


def markup_notes(text: str, prose: str, kind: str) -> list[str]:
    """What a person should hear about text the format reader could not check ("LINE: message")."""
    if kind != "markdown" or ">" not in text and "-" not in text:
        return []
    from termcheck.io.markup.markdown import unchecked_nested_lines

    lines = unchecked_nested_lines(text, prose)
    if not lines:
        return []
    where = f"line {lines[0]}" if len(lines) == 1 else f"{len(lines)} lines from line {lines[0]} to {lines[-1]}"
    return [f"{lines[0]}: text nested deeper than the Markdown reader goes (20 block quotes or lists) is not "
            f"checked: {where}"]


def prose_mask(text: str, kind: str) -> str:
    """The prose of `text` read as `kind` ('plain', 'markdown' or 'html')."""
    if kind == "markdown":
        from termcheck.io.markup.markdown import markdown_prose

        return markdown_prose(text)
    if kind == "html":
        from termcheck.io.markup.html import html_prose

        return html_prose(text)
    from termcheck.io.markup.plain import plain_prose

    return plain_prose(text)
