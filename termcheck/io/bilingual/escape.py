"""How a fix is written into a bilingual file: the replacement escaped for the format, and
only where it replaces segment text and nothing else (no tag, no quote, half an escape).

termcheck.fix.edits asks a document's EditFormat (see edit_format) for both, so that a fix in an
XLIFF target writes 'AT&amp;T', one in a PO msgstr writes '\\"', and no fix can break a file.
"""

from __future__ import annotations

import re

from termcheck.document import Span

_ENTITY_TAIL = re.compile(r"#?\w{1,10};")


class XmlEdits:
    """Edits inside XML character content (XLIFF, TMX)."""

    def escape(self, replacement: str) -> str:
        return replacement.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def can_replace(self, text: str, span: Span) -> bool:
        """The span holds text only: no tag, no part of an entity reference, not in CDATA."""
        piece = text[span.start : span.end]
        if "<" in piece or ">" in piece:
            return False
        amp = text.rfind("&", max(0, span.start - 12), span.start)
        if amp >= 0 and ";" not in text[amp : span.start] and _ENTITY_TAIL.match(text, amp + 1):
            return False  # starts inside &amp;
        last = piece.rfind("&")
        if last >= 0 and ";" not in piece[last:]:
            return False  # ends inside one
        return text.rfind("<![CDATA[", 0, span.start) <= text.rfind("]]>", 0, span.start)


class PoEdits:
    """Edits inside a PO file's quoted strings."""

    def escape(self, replacement: str) -> str:
        return (replacement.replace("\\", "\\\\").replace('"', '\\"').replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))

    def can_replace(self, text: str, span: Span) -> bool:
        """The span lies in one quoted string and cuts no escape (\\" \\n \\\\)."""
        piece = text[span.start : span.end]
        if "\n" in piece or "\r" in piece or re.search(r'(?<!\\)(?:\\\\)*"', piece):
            return False
        before = 0
        while span.start - before > 0 and text[span.start - before - 1] == "\\":
            before += 1
        inside = len(piece) - len(piece.rstrip("\\"))
        return before % 2 == 0 and inside % 2 == 0


def edit_format(kind: object) -> XmlEdits | PoEdits | None:
    """The EditFormat of a document whose meta['markup'] is `kind` (None: write fixes as they are)."""
    if kind in ("xliff", "tmx"):
        return XmlEdits()
    if kind == "po":
        return PoEdits()
    return None
