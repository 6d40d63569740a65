"""English names that take 'the': a replacement for 'Cisjordania' after 'in' is 'the West Bank'."""

from __future__ import annotations

import re

# Heads of English names that are said with the definite article (the West Bank, the Gaza
# Strip, the Israel Defense Forces), and letter acronyms of states and unions (the US, the EU).
_HEADS = frozenset("Bank Strip Heights Emirates States Gulf Sea Forces Army Authority Front Council Union League "
                   "Nations Observatory Guards Corps Brotherhood Movement Kingdom Republic Islands".split())
_LETTER_ACRONYMS = frozenset("UN EU US UK UAE PA".split())
_PREPOSITIONS = frozenset("in from to into across on at of by with for against towards toward near within "
                          "throughout over under between through inside outside around".split())
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")
# After a subject these show it is one ('EEUU said' -> 'The US said'); another lower-case word
# after an acronym is a noun it qualifies ('AB leaders' -> 'EU leaders', no article).
_VERBS = frozenset("said says say announced warned urged called denied confirmed reported added accused claimed "
                   "stated insisted rejected condemned welcomed agreed decided launched sent has have had is are "
                   "was were will would could should may might did does do must".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]?\s+)$")


_NOUNS = frozenset("official spokesman spokeswoman envoy army government ambassador delegation embassy member "
                   "summit president minister leader mission force operation commission court border".split())


def _qualified_noun(word: str) -> bool:
    """'leaders' in 'AB leaders': a noun the acronym qualifies (plural, or a usual head), not a verb."""
    low = word.lower()
    return word[:1].islower() and low not in _VERBS and (low.endswith("s") or low in _NOUNS)


def takes_article(name: str) -> bool:
    words = name.split()
    return bool(words) and (words[-1] in _HEADS or name in _LETTER_ACRONYMS)


def with_article(text: str, start: int, found: str, suggestion: str, lang: str) -> str:
    """Add 'the' where English needs it and the source language had none (in Cisjordania -> in the
    West Bank; 'Tsahal said' -> 'The Israel Defense Forces said')."""
    if lang != "en" or not takes_article(suggestion) or takes_article(found):
        return suggestion
    before = text[max(0, start - 40) : start]
    after = _WORD_AFTER.match(text, start + len(found))
    if suggestion.isupper() and after and _qualified_noun(after.group(1)):
        return suggestion
    word = _WORD_BEFORE.search(before)
    if word and word.group(1).lower() in _PREPOSITIONS:
        return "the " + suggestion
    if _SENTENCE_START.search(before) and found[:1].isupper():
        return "The " + suggestion
    return suggestion
