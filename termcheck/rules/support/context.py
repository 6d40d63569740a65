"""Context cues: the words around a match that decide whether a phrase is an artifact."""

from __future__ import annotations

import re
from functools import lru_cache

from termcheck.document import Document, Span

_PARAGRAPH = re.compile(r"\n[ \t]*\r?\n|\r[ \t]*\r")


@lru_cache(maxsize=4096)
def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for a set of cue words or phrases, whole words, any case."""
    if not cues:
        return None
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in cue.split()).replace("'", "['’]")
        left = r"(?<!\w)" if cue[0].isalnum() else ""
        right = r"(?!\w)" if cue[-1].isalnum() else ""
        parts.append(left + body + right)
    return re.compile("|".join(parts), re.IGNORECASE)


def paragraph_bounds(text: str, span: Span) -> tuple[int, int]:
    before = [m.end() for m in _PARAGRAPH.finditer(text, max(0, span.start - 3000), span.start)]
    start = before[-1] if before else max(0, span.start - 3000)
    after = _PARAGRAPH.search(text, span.end, span.end + 3000)
    end = after.start() if after else min(len(text), span.end + 3000)
    return start, end


def windows(doc: Document, span: Span, n_words: int) -> tuple[str, str]:
    """The text of up to `n_words` words before and after the span, within its paragraph.

    Words are Document.words' tokens, read only near the span (a match is rare, but splitting
    the whole document for it costs more than all the rest): tokenising from just after a
    space or line break, which no token spans, gives the document's own tokens from there."""
    p_start, p_end = paragraph_bounds(doc.prose, span)
    if not n_words:
        return "", ""
    text = doc.prose
    b = _nth_start_before(text, span.start, n_words, p_start)
    a = _nth_end_after(text, span.end, n_words, p_end)
    return text[max(b, p_start) : span.start], text[span.end : min(a, p_end)]


_TOKEN = re.compile(r"\w+(?:['’]\w+)*")  # Document.words' tokens


def _boundary(text: str, pos: int) -> int:
    """A position at or before `pos` that no token spans: just after a space or line break, or 0."""
    return max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1


def _nth_start_before(text: str, pos: int, n: int, floor: int) -> int:
    """Where the n-th token before `pos` (the last token that starts before it being the first)
    starts; `floor` or less when it starts before `floor` or there are fewer than n."""
    reach = 16 * n
    while True:
        start = _boundary(text, max(floor, pos - reach))
        starts = [m.start() for m in _TOKEN.finditer(text, start, pos)]
        if len(starts) >= n:
            return starts[-n]
        if pos - reach <= floor:
            return min(floor, start)
        reach *= 4


def _nth_end_after(text: str, pos: int, n: int, ceiling: int) -> int:
    """Where the n-th token that starts at or after `pos` ends; `ceiling` or more when it
    starts at or after `ceiling`, the text's length when there are fewer than n."""
    count = 0
    for m in _TOKEN.finditer(text, _boundary(text, pos)):
        if m.start() < pos:
            continue
        if m.start() >= ceiling:
            return len(text)
        count += 1
        if count == n:
            return m.end()
    return len(text)


def reference_windows(doc: Document, span: Span, n_words: int) -> tuple[str, str]:
    """windows() as first written, over the document's whole list of words: what windows()
    must give (tests/test_phrase_triggers.py)."""
    p_start, p_end = paragraph_bounds(doc.prose, span)
    words = doc.words
    i = doc.word_index_at(span.start)
    j = doc.word_index_at(span.end)
    if not n_words:
        return "", ""
    b = words[i - n_words][0] if i - n_words >= 0 else 0
    a = words[j + n_words - 1][1] if j + n_words - 1 < len(words) else len(doc.prose)
    return doc.prose[max(b, p_start) : span.start], doc.prose[span.end : min(a, p_end)]


def has_cue(text: str, cues: tuple[str, ...]) -> bool:
    pattern = cue_pattern(cues)
    return bool(pattern and pattern.search(text))
