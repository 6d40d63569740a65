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
    """The text of up to `n_words` words before and after the span, within its paragraph."""
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
