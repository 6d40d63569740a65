"""TMX 1.4 (and 1.1-1.4b alike): each <tu> is a unit, its <tuv xml:lang> variants hold a <seg>.

The source is the variant in the header's srclang (the first variant when srclang is '*all*'
or missing); the target is the variant in the language asked for (--lang), else the first
variant in another language. Inline codes (<bpt>, <ept>, <it>, <ph>, <ut>) are native markup
and are blanked; <hi> holds text. Variants in further languages are not checked.
"""

from __future__ import annotations

from pathlib import Path

from termcheck.document import LineIndex
from termcheck.io.bilingual.model import BilingualFile, MalformedFile, Segment, primary_language
from termcheck.io.bilingual.xmltokens import START, Token, blank, content_span, inner, mask_content, tokens, trimmed

CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})


def _seg(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    for i in range(start + 1, end):
        if toks[i].kind == START and toks[i].name == "seg":
            return i, inner(toks, i)
    return None


def _lang(tok: Token) -> str:
    return primary_language(tok.attrs.get("xml:lang") or tok.attrs.get("lang"))


def read_tmx(text: str, path: Path | str, want: str = "") -> BilingualFile:
    """`want`: the target language asked for ('' or 'auto': the first that is not the source's)."""
    toks = tokens(text, path)
    root = next((t for t in toks if t.kind == START), None)
    if root is None or root.name != "tmx":
        raise MalformedFile("not a TMX file (no <tmx> root element)", path, 1)
    header = next((t for t in toks if t.kind == START and t.name == "header"), root)
    srclang = primary_language(header.attrs.get("srclang"))
    srclang = "" if srclang == "*all*" else srclang
    want = "" if want == "auto" else want
    target_mask, source_mask = blank(text), blank(text)
    lines = LineIndex(text)
    segments: list[Segment] = []
    target_lang = ""
    count = 0
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not (tok.kind == START and tok.name == "tu"):
            i += 1
            continue
        end = inner(toks, i)
        count += 1
        unit = tok.attrs.get("tuid") or str(count)
        variants = [(k, inner(toks, k)) for k in range(i + 1, end) if toks[k].kind == START and toks[k].name == "tuv"]
        i = end + 1
        if not variants:
            continue
        source = next((v for v in variants if _lang(toks[v[0]]) == srclang), None) if srclang else variants[0]
        if source is None:
            continue
        src_lang = _lang(toks[source[0]])
        others = [v for v in variants if v is not source and _lang(toks[v[0]]) != src_lang]
        target = next((v for v in others if _lang(toks[v[0]]) == want), None) if want else next(iter(others), None)
        src_seg = _seg(toks, *source)
        if src_seg is None:
            continue
        mask_content(text, toks, *src_seg, source_mask, CODES)
        src_span = trimmed(source_mask, content_span(toks, *src_seg))
        if src_span is None:
            continue
        tgt_span = None
        tgt_seg = _seg(toks, *target) if target is not None else None
        if target is not None and tgt_seg is not None:
            target_lang = target_lang or _lang(toks[target[0]])
            mask_content(text, toks, *tgt_seg, target_mask, CODES)
            tgt_span = trimmed(target_mask, content_span(toks, *tgt_seg))
        line, _ = lines.position(tok.span.start)
        segments.append(Segment(unit, src_span, tgt_span, None, line))
    return BilingualFile("tmx", segments, "".join(target_mask), "".join(source_mask), target_lang or want,
                         srclang)
