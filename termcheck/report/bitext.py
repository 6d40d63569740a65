"""The side-by-side view of the HTML report, for an article checked with its source (--source,
or a bilingual file): one row per aligned sentence pair (termcheck.align's beads), the source
on the left and the translation on the right (stacked on a phone), a source sentence left
untranslated (omission) and a sentence with no source (addition) marked as such, and each
finding marked in the translation and, where it has a source_span, in the source too.

Each column shows its prose, what was checked and aligned: markup that is not prose (tags of
an XLIFF file, a Markdown link's target) is left out of the cells, as in the bilingual file's
editor. Prose outside the aligned sentences, and a finding that no cell would show, get a row
of their own, so that every finding has its mark.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum

from termcheck.align import Bead, SourceText
from termcheck.document import Span
from termcheck.findings import Finding
from termcheck.report.marks import attribute, highlight, highlight_source, text_node
from termcheck.results import FileResult

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TAG = re.compile(r"<[^<>]*>")
HIDDEN = "\x00"  # stands for a character of markup in a column's text (same offsets), left out of the page
EXCERPT = 200  # characters of the source quoted in a finding's details


class RowKind(str, Enum):
    PAIR = "pair"  # a source sentence and its translation
    OMISSION = "omission"  # a source sentence with no translation
    ADDITION = "addition"  # a translated sentence with no source
    UNALIGNED = "unaligned"  # prose outside the aligned sentences (or a finding there)


@dataclass(frozen=True)
class Row:
    kind: RowKind
    target: Span | None
    source: Span | None
    paragraph: bool = False  # the first row of a new paragraph


@dataclass(frozen=True)
class Side:
    """One column: the file's text, its prose (same offsets, markup blanked) and the spans of
    the findings marked in it."""

    text: str
    prose: str
    marked: list[Span] = field(default_factory=list)


def visible(text: str, prose: str) -> str:
    """What a column shows of `text`: its prose, markup replaced by HIDDEN, an entity by the
    character it stands for (offsets unchanged)."""
    if text == prose or len(text) != len(prose):  # no markup; or a document let go (prose "")
        return text
    shown = [p if not p.isspace() else t if t.isspace() else " " if t == "&" else HIDDEN
             for t, p in zip(text, prose, strict=True)]
    for tag in _TAG.finditer(text):  # a tag's inner spaces are markup too
        if not prose[tag.start() : tag.end()].strip():
            shown[tag.start() : tag.end()] = HIDDEN * (tag.end() - tag.start())
    return "".join(shown)


def _kind(bead: Bead) -> RowKind:
    if bead.target is None:
        return RowKind.OMISSION
    return RowKind.ADDITION if bead.source is None else RowKind.PAIR


def _shown(side: Side, gap: Span, after_cell: bool, before_cell: bool) -> bool:
    """Does the text between two cells need a row: prose, or a finding that no cell shows
    (one inside the gap; an empty one at its edge shows in the cell there)?"""
    if side.prose[gap.start : gap.end].strip():
        return True
    for m in side.marked:
        if m.start < m.end:
            if gap.start <= m.start and m.end <= gap.end:
                return True
        elif gap.start <= m.start <= gap.end and not ((after_cell and m.start == gap.start)
                                                      or (before_cell and m.start == gap.end)):
            return True
    return False


def _trimmed(side: Side, gap: Span) -> Span:
    """The part of a gap a row shows: from its first prose character or finding to its last."""
    starts = [m.start for m in side.marked if gap.start <= m.start <= gap.end]
    ends = [m.end for m in side.marked if gap.start <= m.end <= gap.end]
    text = side.prose[gap.start : gap.end]
    if text.strip():
        starts.append(gap.start + len(text) - len(text.lstrip()))
        ends.append(gap.start + len(text.rstrip()))
    return Span(min(starts, default=gap.start), max(ends, default=gap.end))


def _unaligned(target: Side, source: Side, t_gap: Span | None, s_gap: Span | None, first: bool) -> Row:
    return Row(RowKind.UNALIGNED, None if t_gap is None else _trimmed(target, t_gap),
               None if s_gap is None else _trimmed(source, s_gap), not first)


def _paragraph(side: Side, gap: Span | None) -> bool:
    """Does a blank line (and nothing else: not the markup between the units of a bilingual
    file) come before the sentence?"""
    if gap is None:
        return False
    between = side.text[gap.start : gap.end]
    return not between.strip() and _BLANK_LINE.search(between) is not None


def rows(target: Side, source: Side, alignment: list[Bead]) -> list[Row]:
    """The rows of the view of `target` beside `source`, in order: the beads of `alignment`
    and the text around them that needs a row."""
    out: list[Row] = []
    t_end = s_end = 0
    t_cell = s_cell = False  # a cell of that side came before the current gap
    for bead in alignment:
        t_gap = None if bead.target is None else Span(t_end, bead.target.start)
        s_gap = None if bead.source is None else Span(s_end, bead.source.start)
        t_show = t_gap is not None and _shown(target, t_gap, t_cell, True)
        s_show = s_gap is not None and _shown(source, s_gap, s_cell, True)
        if t_show or s_show:
            out.append(_unaligned(target, source, t_gap if t_show else None, s_gap if s_show else None, not out))
        paragraph = _paragraph(target, t_gap) if t_gap is not None else _paragraph(source, s_gap)
        out.append(Row(_kind(bead), bead.target, bead.source, bool(out) and paragraph))
        if bead.target is not None:
            t_end, t_cell = bead.target.end, True
        if bead.source is not None:
            s_end, s_cell = bead.source.end, True
    t_gap, s_gap = Span(t_end, len(target.text)), Span(s_end, len(source.text))
    t_show, s_show = _shown(target, t_gap, t_cell, False), _shown(source, s_gap, s_cell, False)
    if t_show or s_show:
        out.append(_unaligned(target, source, t_gap if t_show else None, s_gap if s_show else None, not out))
    return out


def rows_for(fr: FileResult) -> list[Row]:
    """The rows of an article checked with its source (none without one)."""
    source = fr.doc.source
    if source is None:
        return []
    return rows(Side(fr.doc.text, fr.doc.prose, [f.span for f in fr.findings]),
                Side(source.text, source.prose, [f.source_span for f in fr.findings if f.source_span is not None]),
                source.alignment)


def source_label(fr: FileResult, source: SourceText) -> str:
    """Where the source is: its path, or that it is in the file (a bilingual file's source segments)."""
    if source.path == fr.doc.path:
        return "the file's source segments"
    return str(fr.info.get("source_path") or source.path)


def counts(found: list[Row]) -> list[str]:
    """What the article's meta line says about its alignment: omissions and additions."""
    out = []
    for kind, word in ((RowKind.OMISSION, "omitted"), (RowKind.ADDITION, "added")):
        n = sum(r.kind is kind for r in found)
        if n:
            out.append(f"{n} sentence{'s' if n != 1 else ''} {word}")
    return out


_NOTES = {RowKind.OMISSION: "Omitted: this source sentence has no translation",
          RowKind.ADDITION: "Added: this sentence is not in the source",
          RowKind.UNALIGNED: "Not aligned"}


def _note(kind: RowKind) -> str:
    """What a row's empty cell says."""
    return f'<span class="note">{text_node(_NOTES[kind])}</span>' if kind in _NOTES else ""


class _Near:
    """The findings whose span (or source span) can touch a range, found by bisection rather
    than by a walk over all of them for every cell."""

    def __init__(self, numbered: list[tuple[int, Finding]], source: bool) -> None:
        spans = [(f.source_span if source else f.span, idx, f) for idx, f in numbered]
        self.items = sorted(((sp.start, sp.end, idx, f) for sp, idx, f in spans if sp is not None),
                            key=lambda item: (item[0], item[2]))
        self.starts = [item[0] for item in self.items]
        self.longest = max((e - s for s, e, _, _ in self.items), default=0)

    def __call__(self, lo: int, hi: int) -> list[tuple[int, Finding]]:
        first = bisect.bisect_left(self.starts, lo - self.longest)
        last = bisect.bisect_right(self.starts, hi)
        return [(idx, f) for s, e, idx, f in self.items[first:last] if e >= lo]


def table(fr: FileResult, found: list[Row], numbered: list[tuple[int, Finding]], file_idx: int,
          lang_name: str, source_lang_name: str) -> str:
    """The side-by-side table of the article `fr` (which has a source)."""
    source = fr.doc.source
    assert source is not None
    src_label, tgt_label = f"Source ({source_lang_name})", f"Translation ({lang_name})"
    t_text, s_text = visible(fr.doc.text, fr.doc.prose), visible(source.text, source.prose)
    t_started: set[int] = set()
    s_started: set[int] = set()
    body: list[str] = []
    near_t, near_s = _Near(numbered, source=False), _Near(numbered, source=True)
    for row in found:
        src = (_note(row.kind) if row.source is None else
               highlight_source(s_text, near_s(row.source.start, row.source.end), file_idx, row.source.start,
                                row.source.end, s_started, HIDDEN))
        tgt = (_note(row.kind) if row.target is None else
               highlight(t_text, near_t(row.target.start, row.target.end), file_idx, row.target.start,
                         row.target.end, t_started, HIDDEN))
        classes = f"bead {row.kind.value}" + (" para" if row.paragraph else "")
        body.append(f'<tr class="{classes}"><td class="src" lang="{attribute(source.lang)}" '
                    f'data-label="{attribute(src_label)}">{src}</td>'
                    f'<td class="tgt" lang="{attribute(fr.info.get("lang", fr.doc.lang))}" '
                    f'data-label="{attribute(tgt_label)}">{tgt}</td></tr>')
    return (f'<table class="bitext" aria-label="{attribute(fr.path)} beside its source, sentence by sentence">'
            f'<thead><tr><th scope="col">{text_node(src_label)} <span class="small">'
            f'{text_node(source_label(fr, source))}</span></th><th scope="col">{text_node(tgt_label)} '
            f'<span class="small">{text_node(fr.path)}</span></th></tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def source_excerpt(fr: FileResult, f: Finding) -> str:
    """A finding's counterpart in the source, for its details ("" when it has none)."""
    source = fr.doc.source
    if f.source_span is None or source is None or not source.text:
        return ""
    start, end = f.source_span.start, f.source_span.end
    quoted = " ".join(visible(source.text[start:end], source.prose[start:end]).replace(HIDDEN, "").split())
    if len(quoted) > EXCERPT:
        quoted = quoted[: EXCERPT - 1].rstrip() + "…"
    return (f'<p class="flagged small">In the source: <q lang="{attribute(source.lang)}">{text_node(quoted)}</q>'
            "</p>")
