"""Text with findings marked, for the HTML report: escaped text with <mark> elements that
are well-formed whatever the spans (nested, adjacent, crossing, empty).

A finding is marked in the article (its span) and, for a bilingual finding, in the source
(its source_span). A text can be marked piece by piece (the cells of the side-by-side view):
a finding that runs over several pieces is split, and only its first piece carries the id
that links to it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from termcheck.findings import Finding

# (start, end, index of the finding in the report, finding)
Marked = tuple[int, int, int, Finding]
# (index, finding, first piece, empty span) -> the opening tag
OpenTag = Callable[[int, Finding, bool, bool], str]


def text_node(s: object) -> str:
    """Text node content."""
    return escape(str(s), quote=False)


def attribute(s: object) -> str:
    """Attribute value (always written in double quotes)."""
    return escape(str(s), quote=True)


def target_tag(f: Finding, idx: int, file_idx: int, first: bool, empty: bool = False) -> str:
    """The opening tag of a finding's mark in the article; the first piece is the one the
    keyboard and the list of findings go to."""
    classes = f"hl sev-{f.severity.value}" + (" empty" if empty else "") + ("" if first else " cont")
    # Few attributes: a report can hold 10,000 marks, and each byte is parsed before it is shown.
    # The message is in the list of findings (aria-describedby) and in the details a click opens.
    attrs = f' class="{classes}" data-idx="{idx}" data-code="{attribute(f.code)}"'
    if first:
        attrs += f' id="f-{idx}" data-first="" tabindex="0" aria-describedby="item-{idx}"'
    return f"<mark{attrs}>"


def source_tag(f: Finding, idx: int, file_idx: int, empty: bool = False) -> str:
    """The opening tag of a finding's mark in the source: clickable like the article's, but
    never a stop of the keyboard navigation (no id, no data-first)."""
    classes = f"hl src sev-{f.severity.value}" + (" empty" if empty else "")
    return (f'<mark class="{classes}" data-idx="{idx}" data-code="{attribute(f.code)}"'
            f' title="{attribute(f.code + " (in the source): " + f.message)}">')


def mark_spans(text: str, spans: list[Marked], open_tag: OpenTag, lo: int = 0, hi: int | None = None,
               started: set[int] | None = None, hidden: str = "") -> str:
    """`text[lo:hi]` escaped, each span wrapped in a mark opened by `open_tag`. Nested and
    adjacent spans nest or sit side by side; a span that crosses another, or the range's
    edge, is split into pieces. `started` holds the findings already opened (by an earlier
    piece of the text), so that only a finding's first piece is its first. Characters equal
    to `hidden` are left out of the output (their offsets still count)."""
    hi = len(text) if hi is None else hi
    started = set() if started is None else started
    inside = [sp for sp in spans if sp[0] < hi and sp[1] > lo and sp[0] < sp[1]]
    empty = [sp for sp in spans if sp[0] == sp[1] and lo <= sp[0] <= hi]
    pieces = [(max(s, lo), min(e, hi), idx, f) for s, e, idx, f in inside]
    bounds = sorted({lo, hi} | {s for s, _, _, _ in pieces} | {e for _, e, _, _ in pieces}
                    | {s for s, _, _, _ in empty})
    out: list[str] = []
    stack: list[int] = []

    def empties_at(pos: int) -> None:
        for s, _, idx, f in empty:
            if s == pos and idx not in started:
                started.add(idx)
                out.append(open_tag(idx, f, True, True) + "</mark>")

    starting: dict[int, list[Marked]] = {}
    for sp in pieces:
        starting.setdefault(sp[0], []).append(sp)
    live: list[Marked] = []  # spans covering the current segment (a sweep)
    for a, b in zip(bounds, bounds[1:], strict=False):
        live = [sp for sp in live if sp[1] > a] + starting.get(a, [])
        active = sorted(live, key=lambda sp: (sp[0], -sp[1], sp[2]))
        want = [sp[2] for sp in active]
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] == want[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            out.append("</mark>")
        empties_at(a)
        for _, _, idx, f in active[keep:]:
            out.append(open_tag(idx, f, idx not in started, False))
            started.add(idx)
            stack.append(idx)
        out.append(text_node(text[a:b].replace(hidden, "") if hidden else text[a:b]))
    out.extend("</mark>" for _ in stack)
    empties_at(hi)
    return "".join(out)


def highlight(text: str, findings: list[tuple[int, Finding]], file_idx: int, lo: int = 0, hi: int | None = None,
              started: set[int] | None = None, hidden: str = "") -> str:
    """The article's text (`text[lo:hi]`), each finding's span marked."""
    spans = [(f.span.start, f.span.end, idx, f) for idx, f in findings]
    return mark_spans(text, spans, lambda idx, f, first, empty: target_tag(f, idx, file_idx, first, empty),
                      lo, hi, started, hidden)


def highlight_source(text: str, findings: list[tuple[int, Finding]], file_idx: int, lo: int = 0,
                     hi: int | None = None, started: set[int] | None = None, hidden: str = "") -> str:
    """The source's text (`text[lo:hi]`), each finding's source_span marked."""
    spans = [(f.source_span.start, f.source_span.end, idx, f) for idx, f in findings if f.source_span is not None]
    return mark_spans(text, spans, lambda idx, f, _first, empty: source_tag(f, idx, file_idx, empty), lo, hi,
                      started, hidden)
