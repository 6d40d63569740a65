"""Find every glossary name in a text at once (Aho-Corasick), whole words, case-aware.

One automaton per (glossary, target language) holds the accepted forms, the wrong forms
and the acronyms of every entry; a text is scanned once whatever the glossary's size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

import ahocorasick

from termcheck.document import Span
from termcheck.glossary.model import Glossary, NameEntry
from termcheck.spans import SpanSet

_PUNCT_PAIRS = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"))


def fold(text: str) -> str:
    """Lower-case with a 1:1 character mapping, so offsets into the fold are offsets into `text`."""
    if text.isascii():
        return text.lower()  # nothing for _PUNCT_PAIRS to change, and lower() keeps the length
    for old, new in _PUNCT_PAIRS:  # a few replace() scans beat translate() with a table on long texts
        if old in text:
            text = text.replace(old, new)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


class Role(str, Enum):
    ACCEPTED = "accepted"  # canonical or alternate in the target language
    ACRONYM = "acronym"  # the target language's own acronym
    WRONG = "wrong"  # a known wrong form (from `wrong`, or another language's canonical)
    FOREIGN_ACRONYM = "foreign-acronym"  # another language's acronym


@dataclass(frozen=True)
class NameForm:
    entry: NameEntry
    form: str
    role: Role
    lang: str  # the language the form belongs to (for wrong forms: where it comes from)
    implicit: bool = False  # wrong only because it is another language's canonical form


@dataclass
class NameMatch:
    span: Span
    text: str
    forms: list[NameForm]

    @property
    def role(self) -> Role:
        return self.forms[0].role

    @cached_property
    def entries(self) -> list[NameEntry]:
        seen: dict[str, NameEntry] = {}
        for f in self.forms:
            seen.setdefault(f.entry.id, f.entry)
        return list(seen.values())


def _is_acronym(form: str) -> bool:
    return form.isupper() and " " not in form and len(form) <= 8


def case_matches(found: str, form: str) -> bool:
    """Forms match as written or in capitals; a lower-case form also capitalised."""
    if found == form or found == form.upper():
        return True
    if _is_acronym(form):
        return False
    first_ok = found[0] == form[0] or (form[0].islower() and found[0] == form[0].upper())
    return first_ok and found[1:].lower() == form[1:].lower()


@dataclass
class NameIndex:
    lang: str
    automaton: ahocorasick.Automaton | None
    conflicts: list[str] = field(default_factory=list)
    by_key: dict[str, list[NameForm]] = field(default_factory=dict)  # folded form -> its readings
    # What a text, as written, can be (a pure function of it): names repeat across articles.
    _readings: dict[str, list[NameForm]] = field(default_factory=dict, repr=False)

    def find(self, text: str) -> list[NameMatch]:
        """Whole-word matches, longest first, never overlapping."""
        if self.automaton is None or not text:
            return []
        folded = fold(text)
        # The automaton holds the keys with their non-word characters as spaces and a space on
        # each side, and reads the folded text delimited the same way: it reports only hits
        # that start and end at word boundaries, not the many inside longer words.
        candidates: list[NameMatch] = []
        readings = self._readings
        for end, key_len in self.automaton.iter(_delimited(folded)):
            start, stop = end - key_len + 1, end - 1  # in `text`: the delimiters shift offsets by one
            found = text[start:stop]
            ok = readings.get(found)
            if ok is None:
                ok = readings[found] = self._read(found, folded[start:stop])
            if ok:
                candidates.append(NameMatch(Span(start, stop), found, ok))
        candidates.sort(key=lambda m: m.span.start)
        if all(a.span.end <= b.span.start for a, b in zip(candidates, candidates[1:], strict=False)):
            return candidates  # nothing overlaps (the usual case): every match stays
        candidates.sort(key=lambda m: (-(m.span.end - m.span.start), m.span.start))
        taken: list[NameMatch] = []
        spans = SpanSet()  # answers the overlap test without a scan of `taken`
        for m in candidates:
            if not spans.overlaps(m.span):
                taken.append(m)
                spans.append(m.span)
        return sorted(taken, key=lambda m: m.span.start)

    def _read(self, found: str, key: str) -> list[NameForm]:
        """The forms `found` can be, as written; [] when its key is not one (al Assad for al-Assad)."""
        if len(self._readings) > 100_000:
            self._readings.clear()  # a bound on memory over a long run; the entries are cheap to remake
        bucket = self.by_key.get(key, [])
        # Forms written exactly as found come first: OTAN is the acronym, not 'Otan' in capitals.
        return sorted((f for f in bucket if case_matches(found, f.form)), key=lambda f: f.form != found)

    def reference_find(self, text: str) -> list[NameMatch]:
        """find() as a scan of every key's hits with a boundary test per hit: the plain
        version that find() must agree with (tests/test_speedups.py)."""
        if self.automaton is None or not text:
            return []
        folded = fold(text)
        candidates: list[NameMatch] = []
        for key, bucket in self.by_key.items():
            for hit in re.finditer(re.escape(key), folded):
                start, end = hit.start(), hit.end()
                if (start > 0 and _word_char(text[start - 1])) or (end < len(text) and _word_char(text[end])):
                    continue
                found = text[start:end]
                ok = sorted((f for f in bucket if case_matches(found, f.form)), key=lambda f: f.form != found)
                if ok:
                    candidates.append(NameMatch(Span(start, end), found, ok))
        candidates.sort(key=lambda m: (-(m.span.end - m.span.start), m.span.start))
        taken: list[NameMatch] = []
        for m in candidates:
            if not any(m.span.overlaps(t.span) for t in taken):
                taken.append(m)
        return sorted(taken, key=lambda m: m.span.start)


# Not a word character: re's \w is str.isalnum() or "_", as _word_char.
_NON_WORD = re.compile(r"\W")


_ASCII_DELIMIT = bytes(b if b < 128 and (chr(b).isalnum() or b == ord("_")) else ord(" ") for b in range(256))


def _delimited(folded: str) -> str:
    """`folded` with every non-word character a space, and a space before and after."""
    if folded.isascii():  # most articles: a byte table does it in one C pass
        return " " + folded.encode("ascii").translate(_ASCII_DELIMIT).decode("ascii") + " "
    return " " + _NON_WORD.sub(" ", folded) + " "


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def target_acronyms(entry: NameEntry, lang: str) -> list[str]:
    """The target language's acronyms for an entry: listed ones, or a canonical form that is one (NATO)."""
    return entry.accepted_acronyms(lang) or [f for f in entry.accepted(lang) if _is_acronym(f)]


def _wrong_role(entry: NameEntry, lang: str, form: str) -> Role:
    """A wrong acronym (OSDH, OTAN) is answered with the target language's acronym (SOHR, NATO)."""
    return Role.FOREIGN_ACRONYM if _is_acronym(form) and target_acronyms(entry, lang) else Role.WRONG


def _forms_for(entry: NameEntry, lang: str) -> Iterator[NameForm]:
    accepted = set(entry.accepted(lang))
    acronyms = set(entry.accepted_acronyms(lang))
    for form in entry.accepted(lang):
        yield NameForm(entry, form, Role.ACCEPTED, lang)
    for form in entry.accepted_acronyms(lang):
        yield NameForm(entry, form, Role.ACRONYM, lang)
    for src, forms in sorted(entry.wrong.items()):
        if src == lang:
            continue  # a language's own spellings leak into others; in its own articles they are not leaks
        for form in forms:
            if form not in accepted and form not in acronyms:
                # A wrong acronym (OSDH) is answered with the target language's acronym (SOHR).
                yield NameForm(entry, form, _wrong_role(entry, lang, form), src)
    for src, form in sorted(entry.canonical.items(), key=lambda kv: (kv[0] != "en", kv[0])):
        # Another language's canonical form is that language's spelling: wrong here.
        if src != lang and form not in accepted and (len(form) >= 4 or _is_acronym(form)):
            yield NameForm(entry, form, _wrong_role(entry, lang, form), src, implicit=True)
    for src, forms in sorted(entry.acronym.items()):
        for form in forms:
            if src != lang and form not in acronyms and form not in accepted:
                yield NameForm(entry, form, Role.FOREIGN_ACRONYM, src)


def build_index(glossary: Glossary, lang: str) -> NameIndex:
    forms: list[NameForm] = [f for e in glossary.names if lang in e.canonical for f in _forms_for(e, lang)]
    accepted_anywhere = {f.form for f in forms if f.role in (Role.ACCEPTED, Role.ACRONYM)}
    by_key: dict[str, list[NameForm]] = {}
    conflicts: list[str] = []
    for f in forms:
        if f.role in (Role.WRONG, Role.FOREIGN_ACRONYM) and f.form in accepted_anywhere:
            owner = next(o.entry.id for o in forms if o.form == f.form and o.role in (Role.ACCEPTED, Role.ACRONYM))
            if owner != f.entry.id:
                conflicts.append(f"{f.entry.origin}: '{f.form}' (wrong in entry '{f.entry.id}') is a correct {lang} "
                                 f"form of entry '{owner}'")
            continue
        bucket = by_key.setdefault(fold(f.form), [])
        same = [b for b in bucket if b.entry.id == f.entry.id and b.form == f.form and b.role == f.role]
        if not same:
            bucket.append(f)
        elif same[0].implicit and not f.implicit:
            bucket[bucket.index(same[0])] = f  # an explicit listing is the stronger claim
    if not by_key:
        return NameIndex(lang, None, conflicts)
    automaton = ahocorasick.Automaton()
    role_rank = {Role.ACCEPTED: 0, Role.ACRONYM: 1, Role.WRONG: 2, Role.FOREIGN_ACRONYM: 3}
    for key, bucket in by_key.items():
        bucket.sort(key=lambda f: (role_rank[f.role], f.entry.id))
        delimited = " " + _NON_WORD.sub(" ", key) + " "
        automaton.add_word(delimited, len(delimited))
    automaton.make_automaton()
    return NameIndex(lang, automaton, sorted(set(conflicts)), by_key)
