"""Whether a stretch of a run of proper nouns is a glossary name or part of another name:
'al-Malki' in 'Turki al-Malki' is not a spelling of Nouri al-Maliki's surname, nor is
'Georgieva' in 'Kristalina Georgieva' a spelling of Georgia."""

from __future__ import annotations

from termcheck.glossary.model import NameEntry
from termcheck.lang.romanisation import fold_key
from termcheck.lexicon import zipf
from termcheck.rules.support.base import DocContext
from termcheck.rules.support.candidates import Token, _is_name_token

# A capitalised word English prints this often is a title or an ordinary word (General,
# President, Kurdish), not a given name or a surname that belongs to the name beside it.
COMMON = 3.0


def entry_by_id(dctx: DocContext, entry_id: str) -> NameEntry | None:
    by_id: dict[str, NameEntry] = dctx.ctx.memo("entries-by-id", "", lambda: {e.id: e for e in dctx.glossary.names})
    return by_id.get(entry_id)


def _entry_words(entry: NameEntry, lang: str) -> set[str]:
    return {w for form in entry.accepted(lang) for w in fold_key(form).split()}


def part_of_other_name(run: list[Token], tokens: list[Token], entry: NameEntry | None, lang: str) -> bool:
    """True when `tokens` (a stretch of `run`) look like an entry's name but the run goes on with
    a rare name word that none of the entry's forms has: the stretch belongs to another name."""
    if entry is None or len(tokens) == len(run):
        return False
    i = run.index(tokens[0])
    j = i + len(tokens)
    beside = [t for t in (run[i - 1] if i > 0 else None, run[j] if j < len(run) else None) if t is not None]
    words = _entry_words(entry, lang)
    return any(_is_name_token(t.text) and zipf(t.text.lower(), lang) < COMMON
               and not set(fold_key(t.text).split()) & words for t in beside)
