"""Matching a phrase of the glossary (a `match` form) in a text, as fast as re allows.

A phrase matches as whole words, its first letter in either case (sentence starts), the rest
as written with any white space between words. Where its first word must be one of the
text's words ('don' of "don't know" is not), that is checked without splitting the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


def phrase_regex(phrase: str) -> str:
    """Whole words; the first letter in either case (sentence starts), the rest as written."""
    first, rest = phrase[0], phrase[1:]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
    body = r"\s+".join(re.escape(w) for w in rest.split(" ")).replace("'", "['’]")
    left = r"(?<![\w-])" if first.isalnum() else ""
    right = r"(?![\w-])" if phrase[-1].isalnum() else ""
    return left + head + body + right


@lru_cache(maxsize=8192)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """phrase_regex compiled, with its test of the character before the phrase moved after
    the first character: (?<![\\w-])[dD]iet as [dD](?<![\\w-][dD])iet. Both hold at the same
    places (the second looks at the same character, one step later), but a pattern that
    starts with a character class lets re skip to that character instead of trying the
    test at every position of the text, several times faster."""
    plain = phrase_regex(phrase)
    left = r"(?<![\w-])"
    if not plain.startswith(left):
        return re.compile(plain)
    first = phrase[0]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
    return re.compile(head + f"(?<![\\w-]{head})" + plain[len(left) + len(head):])


def phrase_matches(phrase: str, text: str) -> Iterator[re.Match[str]]:
    """phrase_pattern(phrase).finditer(text), found faster. Every match holds, right after its
    first character, the phrase's text up to its first space or apostrophe ("voke" for
    "evoke"): the pattern is tried only where str.find, much faster than re's scan, finds that,
    in order and never inside the previous match, as finditer would."""
    pattern = phrase_pattern(phrase)
    anchor = re.split(r"[ ']", phrase[1:])[0]
    if len(anchor) < 3:
        yield from pattern.finditer(text)  # too short to be rare
        return
    end = 0
    at = text.find(anchor, 1)
    while at >= 0:
        if at - 1 >= end:
            m = pattern.match(text, at - 1)
            if m:
                yield m
                end = m.end()
        at = text.find(anchor, at + 1)


_TOKEN = re.compile(r"\w+(?:['’]\w+)*")  # Document.words' tokens


def token_at(text: str, start: int) -> str:
    """The word of Document.words that starts at `start`, or '' if none does (the match's own
    first word is almost always the one looked for: no search of the whole text then)."""
    if start > 0 and (_TOKEN.match(text, start - 1) or (start > 1 and text[start - 1] in "'’"
                                                      and _TOKEN.match(text, start - 2))):
        return ""  # inside a word, or after x' (x'y is one word)
    m = _TOKEN.match(text, start)
    return m.group() if m else ""


@lru_cache(maxsize=4096)
def _word_finder(word: str) -> re.Pattern[str]:
    r"""`word` in any case where a word of Document.words (\w+(?:['’]\w+)*) starts and ends.
    The test of what comes before is made after the word (.{n} steps back over it), so that re
    skips to the word's first letter instead of trying the test at every position."""
    n = len(word)
    return re.compile(re.escape(word) + rf"(?<!\w.{{{n}}})(?<!\w['’].{{{n}}})(?!\w)(?!['’]\w)", re.IGNORECASE)


def is_word_of(text: str, word: str) -> bool:
    """Is `word` (lower case, letters only) one of text's words, lower-cased (DocContext.lower_words)?
    One search instead of splitting the text: any case of the word, at word edges, then each hit
    checked on its own lower case (re's case rules are looser than str.lower: 'ſ' for 's')."""
    return any(m.group().lower() == word for m in _word_finder(word).finditer(text))
