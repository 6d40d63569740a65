"""XLIFF 1.2 (with SDL Trados' .sdlxliff and memoQ's .mqxliff, which are XLIFF 1.2 with their
own namespaces) and XLIFF 2.x: the segments of each unit, found with expat (xmltokens).

XLIFF 1.2: a <trans-unit> has a <source> and a <target>; where it has a <seg-source> whose
<mrk mtype="seg" mid> elements cut it into segments (SDL, and Okapi's segmented files), each
segment's target is the <mrk mtype="seg"> of the same mid in <target>. <alt-trans> (earlier
or alternative translations), <note>, the header and every element of another namespace
(sdl:, mq:) are not checked. XLIFF 2.x: a <unit> holds <segment>s, each with a <source> and a
<target>; <ignorable>, <notes> and <originalData> are not checked. Units marked
translate="no" are left out. Inline codes are not text: the content of XLIFF 1.2's <ph>,
<bpt>, <ept>, <it> is native markup and is blanked; <g>, <mrk>, <pc> hold text.
"""

from __future__ import annotations

from pathlib import Path

from termcheck.document import LineIndex
from termcheck.io.bilingual.model import BilingualFile, MalformedFile, Segment, primary_language
from termcheck.io.bilingual.xmltokens import START, Token, blank, content_span, inner, mask_content, tokens, trimmed

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_2_PREFIX = "urn:oasis:names:tc:xliff:document:2."
CODES_12 = frozenset({"ph", "bpt", "ept", "it"})
CODES_2: frozenset[str] = frozenset()  # <ph/>, <sc/>, <ec/>, <cp/> are empty; <pc> and <mrk> hold text


class _Reader:
    def __init__(self, text: str, toks: list[Token], ns: str, codes: frozenset[str]) -> None:
        self.text = text
        self.toks = toks
        self.ns = ns
        self.codes = codes
        self.target = blank(text)
        self.source = blank(text)
        self.lines = LineIndex(text)
        self.segments: list[Segment] = []
        self.skipped: list[str] = []

    def mine(self, tok: Token, name: str) -> bool:
        return tok.kind == START and tok.name == name and tok.ns in (self.ns, "")

    def children(self, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) token indexes of the direct child elements of the element at `start`."""
        out = []
        i = start + 1
        while i < end:
            if self.toks[i].kind == START:
                j = inner(self.toks, i)
                out.append((i, j))
                i = j + 1
            else:
                i += 1
        return out

    def add(self, unit: str, src: tuple[int, int], tgt: tuple[int, int] | None, segment: str | None) -> None:
        """Mask a segment's source and target content and record it (a source without text is
        nothing to translate: left out)."""
        mask_content(self.text, self.toks, src[0], src[1], self.source, self.codes)
        source = trimmed(self.source, content_span(self.toks, *src))
        if source is None:
            return
        target = None
        if tgt is not None:
            mask_content(self.text, self.toks, tgt[0], tgt[1], self.target, self.codes)
            target = trimmed(self.target, content_span(self.toks, *tgt))
        line, _ = self.lines.position(self.toks[src[0]].span.start)
        self.segments.append(Segment(unit, source, target, segment, line))

    def result(self, root: Token, src_attr: str, tgt_attr: str) -> BilingualFile:
        first_file = next((t for t in self.toks if self.mine(t, "file")), root)
        src = root.attrs.get(src_attr) or first_file.attrs.get(src_attr)
        tgt = root.attrs.get(tgt_attr) or first_file.attrs.get(tgt_attr)
        return BilingualFile("xliff", self.segments, "".join(self.target), "".join(self.source),
                             primary_language(tgt), primary_language(src), self.skipped)


def _segment_marks(reader: _Reader, start: int, end: int) -> dict[str, tuple[int, int]]:
    """The <mrk mtype="seg"> elements inside the element at `start`, by mid, nested ones included."""
    out: dict[str, tuple[int, int]] = {}
    for i in range(start + 1, end):
        tok = reader.toks[i]
        if reader.mine(tok, "mrk") and tok.attrs.get("mtype") == "seg":
            out.setdefault(tok.attrs.get("mid", str(len(out) + 1)), (i, inner(reader.toks, i)))
    return out


def _unit_12(reader: _Reader, start: int, end: int) -> None:
    tok = reader.toks[start]
    unit = tok.attrs.get("id", str(len(reader.segments) + 1))
    if tok.attrs.get("translate") == "no":
        reader.skipped.append(unit)
        return
    parts: dict[str, tuple[int, int]] = {}
    for i, j in reader.children(start, end):
        child = reader.toks[i]
        if child.ns in (reader.ns, "") and child.name in ("source", "seg-source", "target"):
            parts.setdefault(child.name, (i, j))
    if "source" not in parts:
        return
    seg_source = parts.get("seg-source")
    sources = _segment_marks(reader, *seg_source) if seg_source else {}
    if not sources:
        reader.add(unit, parts["source"], parts.get("target"), None)
        return
    targets = _segment_marks(reader, *parts["target"]) if "target" in parts else {}
    for mid, src in sources.items():
        reader.add(unit, src, targets.get(mid), mid)


def _unit_2(reader: _Reader, start: int, end: int) -> None:
    tok = reader.toks[start]
    unit = tok.attrs.get("id", str(len(reader.segments) + 1))
    if tok.attrs.get("translate") == "no":
        reader.skipped.append(unit)
        return
    n = 0
    for i, j in reader.children(start, end):
        if not reader.mine(reader.toks[i], "segment"):
            continue
        n += 1
        parts: dict[str, tuple[int, int]] = {}
        for k, m in reader.children(i, j):
            child = reader.toks[k]
            if child.ns in (reader.ns, "") and child.name in ("source", "target"):
                parts.setdefault(child.name, (k, m))
        if "source" in parts:
            reader.add(unit, parts["source"], parts.get("target"), reader.toks[i].attrs.get("id", str(n)))


def read_xliff(text: str, path: Path | str) -> BilingualFile:
    toks = tokens(text, path)
    root_index = next((i for i, t in enumerate(toks) if t.kind == START), None)
    if root_index is None or toks[root_index].name != "xliff":
        raise MalformedFile("not an XLIFF file (no <xliff> root element)", path, 1)
    root = toks[root_index]
    version = root.attrs.get("version", "")
    two = root.ns.startswith(XLIFF_2_PREFIX) or version.startswith("2")
    reader = _Reader(text, toks, root.ns, CODES_2 if two else CODES_12)
    unit_name, read_unit = ("unit", _unit_2) if two else ("trans-unit", _unit_12)
    i = root_index
    while i < len(toks):
        if reader.mine(toks[i], unit_name):
            j = inner(toks, i)
            read_unit(reader, i, j)
            i = j + 1
        else:
            i += 1
    if two:
        return reader.result(root, "srcLang", "trgLang")
    return reader.result(root, "source-language", "target-language")

