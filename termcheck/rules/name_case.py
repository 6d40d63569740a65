"""TC204: a name English always capitalises, left in lower case (the czechs, uruguay)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.rules.base import DocContext, rule
from termcheck.rules.lexicons import lexicon


@lru_cache(maxsize=1)
def _lower_names() -> re.Pattern[str]:
    words = lexicon("name-case")
    common = set(words["common_words"])
    countries = {c.lower() for c in lexicon("countries")["no_article"] if " " not in c} - common
    alternation = "|".join(sorted(set(words["demonyms"]) | countries, key=len, reverse=True))
    # Not inside an address, a file name, a handle or a hashtag (france24.com, @france, #syria).
    return re.compile(rf"(?<![\w./@#:_'’-])(?:{alternation})(?![\w/@_-])(?!\.\w)")


@rule("TC204", "name-in-lower-case", "A demonym or country name in lower case (the czechs, uruguay).",
      Severity.WARNING, precedence=40, languages=("en",),
      flagged="Many czechs voted against the treaty, as did uruguay.",
      clean="Many Czechs voted against the treaty; the turkey and the china were on the table.")
def name_in_lower_case(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """Spanish, French and Italian write demonyms in lower case ('los checos', 'les
    Français' but 'français'), and MT that copies a word through loses the capital English
    needs: 'the czechs', 'this french', 'the government of uruguay'. English capitalises
    every demonym and country name. Country names that are also common words (turkey,
    china, jordan) and words inside web addresses and hashtags are left alone."""
    for m in _lower_names().finditer(doc.prose):
        word = m.group()
        yield name_in_lower_case.finding(m.start(), m.end(), f"'{word}' is a name: English writes it with a capital",
                                         suggestions=[word.capitalize()], safe=True)
