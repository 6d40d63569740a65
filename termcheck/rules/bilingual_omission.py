"""TC803 omission: a source sentence the translation dropped, or translated into much less."""

from __future__ import annotations

from collections.abc import Iterator

from termcheck.align import length
from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import Pair, aligned_pairs, word_count

MIN_WORDS = 6  # a shorter source sentence (a dateline, a caption) may well go
SHORT = 0.4  # a target under this share of the length its source predicts is an outlier
MERGED = 0.8  # a neighbour this long for its source and the dropped sentence together took both


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _merged(pair: Pair, beads: list[Pair], doc: Document, source: str, ratio: float) -> bool:
    """Is the source sentence of the 1-0 bead `pair` more likely joined to a neighbour's
    translation (a 1-2 bead the alignment did not make), the neighbour's target being long
    enough for both source sentences?"""
    assert pair.source is not None
    dropped = length(source, pair.source)
    for other in beads[max(0, pair.index - 1) : pair.index + 2]:
        if other.target is not None and other.source is not None and \
                length(doc.prose, other.target) >= MERGED * ratio * (length(source, other.source) + dropped):
            return True
    return False


@rule("TC803", "omission", "A source sentence left out of the translation, or translated into much less.",
      Severity.WARNING,
      flagged="The mayor spoke on Monday. Critics were not convinced. ||| Le maire a parlé lundi. Il a annoncé "
              "une hausse de quatre pour cent du budget municipal. Les critiques n'étaient pas convaincus.",
      clean="The mayor spoke on Monday. He announced a four percent rise in the city budget. Critics were not "
            "convinced. ||| Le maire a parlé lundi. Il a annoncé une hausse de quatre pour cent du budget municipal. "
            "Les critiques n'étaient pas convaincus.",
      fixable=False, precedence=90, needs_source=True, absence=True)
def omission(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """A source sentence of at least six words that the alignment leaves without a target
    sentence was dropped; it is reported on the last character of the target sentence before
    it (or the first of the one after), so as not to cover other findings; not when a
    neighbouring target sentence is long enough for its own source and this one (a merge the
    alignment took for a drop). An aligned pair
    whose target is under 40% of the length its source predicts (termcheck.align's c) was
    translated into much less; it is reported on the target sentence."""
    source = dctx.source
    assert source is not None
    beads = list(aligned_pairs(doc, dctx))
    for pair in beads:
        if pair.source is None or word_count(pair.source_text) < MIN_WORDS:
            continue
        src_span = Span(pair.source.start, pair.source.end)
        if pair.target is None:
            if _merged(pair, beads, doc, source.prose, source.ratio):
                continue
            before = [b.target for b in beads[: pair.index] if b.target is not None]
            after = [b.target for b in beads[pair.index + 1 :] if b.target is not None]
            if before:
                start = before[-1].end - 1
            elif after:
                start = after[0].start
            else:
                continue
            yield omission.finding(start, start + 1, f"sentence dropped: the source has '{_shown(pair.source_text)}' "
                                   "here, with no translation", source_span=src_span)
        elif length(doc.prose, pair.target) < SHORT * source.ratio * length(source.prose, pair.source):
            yield omission.finding(pair.target.start, pair.target.end,
                                   f"much shorter than its source '{_shown(pair.source_text)}': something may "
                                   "have been left out", source_span=src_span)
