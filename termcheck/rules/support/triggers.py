"""Which phrase and residue patterns can match a document, from one scan of it.

Each phrase form and residue pattern of a language has keys (`termcheck.rules.support.literals`): folded
text of which every text that holds a match holds one (" at the level of", or one of the
agencies of "With AFP"). One Aho-Corasick automaton holds the keys of all of them; a document
is folded and scanned once, and only the patterns with a key in it are then matched as
before, in glossary order. A pattern without usable keys (one that ignores case, say) is
matched in every document, as all of them were.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from termcheck.glossary.model import Glossary, PhraseEntry, PhraseForm, ResidueEntry
from termcheck.io import signed_cache
from termcheck.rules.support.base import DocContext
from termcheck.rules.support.literals import fold_prose, pattern_keys
from termcheck.rules.support.phrase_forms import phrase_regex


@dataclass
class Triggers:
    """The phrase forms and residue patterns for one language, and their keys."""

    phrases: list[tuple[PhraseEntry, PhraseForm]]  # in glossary order
    residue: list[ResidueEntry]
    automaton: ahocorasick.Automaton | None
    # Item numbers (phrases first, then residue) by key; the items that have no keys.
    by_key: dict[str, list[int]] = field(default_factory=dict)
    always: list[int] = field(default_factory=list)

    def candidates(self, text: str) -> list[int]:
        """The items that may match `text` (a document's prose), in order."""
        hits: set[int] = set(self.always)
        if self.automaton is not None:
            for key in {key for _, key in self.automaton.iter(fold_prose(text))}:
                hits.update(self.by_key[key])
        return sorted(hits)


def build(glossary: Glossary, lang: str) -> Triggers:
    phrases = [(e, f) for e in glossary.phrases if e.target_lang == lang for f in e.forms]
    residue = [e for e in glossary.residue if not e.langs or lang in e.langs]
    patterns = [form_pattern(f) for _, f in phrases] + [e.regex for e in residue]
    triggers = Triggers(phrases, residue, None)
    automaton = ahocorasick.Automaton()
    for i, keys in enumerate(keys_of(patterns)):
        if not keys:
            triggers.always.append(i)
        for key in keys:
            if key not in triggers.by_key:
                triggers.by_key[key] = []
                automaton.add_word(key, key)
            triggers.by_key[key].append(i)
    if triggers.by_key:
        automaton.make_automaton()
        triggers.automaton = automaton
    return triggers


def form_pattern(form: PhraseForm) -> str:
    if form.compiled is not None:
        return form.compiled.pattern
    assert form.match is not None
    return phrase_regex(form.match)


def triggers(ctx: DocContext) -> Triggers:
    return ctx.ctx.memo("phrase-triggers", ctx.doc.lang, lambda: build(ctx.glossary, ctx.doc.lang))  # type: ignore[no-any-return]


_last: tuple[str, Triggers, list[int]] | None = None


def candidates(ctx: DocContext) -> list[int]:
    """Triggers.candidates for the context's document, kept for the next rule that asks
    (TC301, TC302 and TC701 read the same list); only the last document's is kept."""
    global _last
    found = triggers(ctx)
    text = ctx.doc.prose
    if _last is not None and _last[0] is text and _last[1] is found:
        return _last[2]
    items = found.candidates(text)
    _last = (text, found, items)
    return items


# Keys per pattern, read from a file in the user's cache folder: working them out parses
# every pattern (~0.5 s for the shipped glossaries), too much for a one-file run.
_CODE = (Path(__file__).resolve().parent / "literals.py", Path(__file__).resolve())
_CODE_DIGEST = hashlib.sha256(b"".join(f.read_bytes() for f in _CODE)).digest()  # read with the code it hashes


def keys_of(patterns: list[str]) -> list[frozenset[str]]:
    """The keys of each pattern (its most selective clause; empty when it has none)."""
    from termcheck.glossary.cache import cache_dir  # not needed by runs without phrases

    folder = cache_dir()
    if folder is None:
        return [_keys(p) for p in patterns]
    digest = hashlib.sha256(_CODE_DIGEST)
    for p in patterns:
        digest.update(p.encode("utf-8", "surrogatepass") + b"\0")
    target = folder / f"phrase-keys-{digest.hexdigest()[:32]}.pickle"
    try:
        cached = signed_cache.load(target, folder)  # signed: an unsigned pickle is never loaded
        if isinstance(cached, list) and len(cached) == len(patterns):
            return cached
    except Exception:  # noqa: BLE001  (missing, unsigned or damaged: worked out again)
        pass
    keys = [_keys(p) for p in patterns]
    _store(folder, target, keys)
    return keys


def _keys(pattern: str) -> frozenset[str]:
    clauses = pattern_keys(pattern)
    return clauses[0] if clauses else frozenset()


def _store(folder: Path, target: Path, keys: list[frozenset[str]]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = signed_cache.dumps(keys, folder)
        if data is None:
            return  # no cache key can be kept: run without the cache
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".phrase-keys-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)  # atomic: a parallel run reads the old file or the new, never half
        for stale in sorted(folder.glob("phrase-keys-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[16:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home or a full disk: run without the cache
