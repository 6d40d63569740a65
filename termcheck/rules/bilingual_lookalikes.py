"""TC807 false-friend-confirmed: the English look-alike of a word of the aligned source sentence,
where human translators write another word (with --source)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.glossary.suggest import match_case
from termcheck.lang.word_families import normal, source_family
from termcheck.rules.lookalikes import by_language, flagged_alone, pattern
from termcheck.rules.names import LANG_NAMES
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import aligned_pairs

# Runs of letters, as the miner reads a sentence: l'armée is 'l' and 'armée'.
_LETTERS = re.compile(r"[^\W\d_]+")


def _families(source_text: str, lang: str) -> dict[str, re.Match[str]]:
    """The family key of each word of a source sentence, with the word's first occurrence."""
    found: dict[str, re.Match[str]] = {}
    for m in _LETTERS.finditer(source_text):
        found.setdefault(source_family(normal(m.group()), lang), m)
    return found


@rule("TC807", "false-friend-confirmed",
      "The English look-alike of a word of the source sentence, where human translators write another "
      "word ('evoke' for évoquer, 'realize' for réaliser).", Severity.WARNING,
      flagged="The police realised forty arrests after the match. ||| "
              "La police a réalisé quarante interpellations après le match.",
      clean="The police realised their mistake too late. ||| La police a compris son erreur trop tard.",
      fixable=True, precedence=34, needs_source=True, languages=("en",))
def confirmed_lookalike(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """Many look-alikes are right in one sense and wrong in another: 'évoquer' is to mention
    more often than to evoke, 'réaliser' to carry out more often than to realise. Without the
    source TC305 can flag only the rare ones, or common ones near a cue of the other sense;
    with the aligned source sentence in view, a look-alike is reported where that sentence
    holds the source word it imitates (any inflected form). The pairs are mined from parallel
    news and real MT (glossaries/build/mine_false_friends.py: human translators write the
    look-alike for that source word in at most one sentence in ten, MT far more often) and
    each accepted by a reviewer. A use TC305 reports alone is left to it. The fix is unsafe:
    the suggestion is the word the references wrote most often instead."""
    source = dctx.source
    assert source is not None
    entries = by_language().get(source.lang, {})
    if not entries or source.lang == doc.lang:
        return
    present = frozenset(w for w in dctx.lower_words if w in entries)
    if not present:
        return
    look = pattern(present)
    name = LANG_NAMES.get(source.lang, source.lang)
    for pair in aligned_pairs(doc, dctx):
        if pair.target is None or pair.source is None:
            continue
        families: dict[str, re.Match[str]] | None = None
        for m in look.finditer(pair.target_text):
            text = m.group()
            if text[0].isupper() and not text[1:].islower():
                continue  # a heading in capitals or a name ('Audience Award')
            entry = entries.get(text.lower())
            if entry is None:
                continue  # re's case folding matched another letter (the long s of 'realiſed')
            if families is None:
                families = _families(pair.source_text, source.lang)
            s = families.get(source_family(normal(entry.source), source.lang))
            if s is None:
                continue
            start, end = pair.target.start + m.start(), pair.target.start + m.end()
            if flagged_alone(entry, doc, Span(start, end)):
                continue  # TC305's finding
            suggestions = [match_case(text, w) for w in entry.suggestions]
            message = f"'{text}' imitates the {name} '{s.group()}' of the source sentence"
            if suggestions:
                message += "; human translators write " + " or ".join(f"'{w}'" for w in suggestions[:2])
            yield confirmed_lookalike.finding(
                start, end, message, suggestions=suggestions, safe=False, entry=f"{entry.lang}:{entry.english}",
                origin=source.lang, source_span=Span(pair.source.start + s.start(), pair.source.start + s.end()))
