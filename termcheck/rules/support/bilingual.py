"""What the bilingual rules (TC8xx) share: the aligned sentence pairs of a document that has
a source (--source; see termcheck.align), with their texts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from termcheck.document import Document, Span
from termcheck.rules.support.base import DocContext

WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Punctuation no name runs across: words on both sides of it are not one name.
CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\"“”«»]")


@dataclass(frozen=True)
class Pair:
    """One bead of the alignment with its texts (prose: non-prose is blanked)."""

    index: int
    target: Span | None
    source: Span | None
    target_text: str
    source_text: str


def aligned_pairs(doc: Document, dctx: DocContext) -> Iterator[Pair]:
    source = dctx.source
    if source is None:
        return
    for i, bead in enumerate(source.alignment):
        t = "" if bead.target is None else doc.prose[bead.target.start : bead.target.end]
        s = "" if bead.source is None else source.prose[bead.source.start : bead.source.end]
        yield Pair(i, bead.target, bead.source, t, s)


def word_count(text: str) -> int:
    return len(WORDS.findall(text))


def neighbour_targets(doc: Document, dctx: DocContext, index: int) -> str:
    """The target text of the beads on either side of bead `index`: where an alignment slip
    put a sentence's words one bead away."""
    beads = dctx.alignment
    parts = [doc.prose[b.target.start : b.target.end] for b in beads[max(0, index - 1) : index + 2]
             if b.target is not None]
    return "\n".join(parts)


def unaccented(text: str) -> str:
    """Without accents, one character for one (Čech: Cech; últimos: ultimos)."""
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKD", ch)[0] for ch in text)


def sentence_start(text: str, start: int) -> bool:
    """Is the word at `start` first in its sentence of `text` (after quotation marks, a bracket
    or a dash)?"""
    before = text[:start].rstrip(" \t\"'“‘«»(¿¡-–—")
    return not before or before[-1] in ".!?:;\n"
