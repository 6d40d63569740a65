"""Checks a terminologist runs on glossaries (and the tests run on the shipped ones)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from termcheck.errors import GlossaryError
from termcheck.glossary.loader import glossary_files, load_file
from termcheck.glossary.model import Glossary, NameEntry


@dataclass
class Validation:
    glossary: Glossary = field(default_factory=Glossary)
    errors: list[str] = field(default_factory=list)  # make a glossary invalid
    fatal: bool = False  # a file could not be read at all

    @property
    def ok(self) -> bool:
        return not self.errors


def validate(paths: list[Path]) -> Validation:
    v = Validation()
    for root in paths:
        try:
            files = glossary_files(root)
        except GlossaryError as err:
            v.errors.append(str(err))
            v.fatal = True
            continue
        for path in files:
            try:
                g = load_file(path)
            except GlossaryError as err:
                v.errors.append(str(err))
                v.fatal = True
                continue
            v.glossary.extend(g)
            if path.suffix.lower() == ".toml":  # a termbase keeps its tool's order (c1, c10, c2)
                _check_sorted(g, v)
    _check_ids(v)
    _check_forms(v.glossary.names, v)
    return v


def _check_sorted(g: Glossary, v: Validation) -> None:
    entries = g.entries
    for a, b in zip(entries, entries[1:], strict=False):
        if a.id > b.id:
            v.errors.append(f"{b.origin}: entry '{b.id}' is out of order (after '{a.id}'); keep entries sorted by id")
            break


def _check_ids(v: Validation) -> None:
    seen: dict[str, str] = {}
    for e in v.glossary.entries:
        if e.id in seen:
            v.errors.append(f"{e.origin}: duplicate id '{e.id}' (first at {seen[e.id]})")
        else:
            seen[e.id] = str(e.origin)


def _check_forms(names: list[NameEntry], v: Validation) -> None:
    """A wrong form must not be correct for another entry, nor listed twice in one entry."""
    correct: dict[tuple[str, str], str] = {}
    for e in names:
        for lang in e.canonical:
            for form in e.accepted(lang) + e.accepted_acronyms(lang):
                correct.setdefault((lang, form), e.id)
    wrong_owner: dict[str, list[str]] = defaultdict(list)
    for e in names:
        for src, forms in e.wrong.items():
            if len(set(forms)) != len(forms):
                v.errors.append(f"{e.origin}: entry '{e.id}' lists a wrong form twice in wrong.{src}")
            for form in forms:
                if e.id not in wrong_owner[form]:
                    wrong_owner[form].append(e.id)
                for lang in ("en", *sorted(set(e.canonical) - {"en"})):
                    owner = correct.get((lang, form))
                    if owner and owner != e.id:
                        v.errors.append(f"{e.origin}: wrong form '{form}' of entry '{e.id}' is the correct {lang} "
                                        f"form of entry '{owner}'")
        for lang, forms in e.alternates.items():
            if lang in e.canonical and e.canonical[lang] in forms:
                v.errors.append(f"{e.origin}: entry '{e.id}' repeats its canonical {lang} form among its alternates")


def summary(v: Validation) -> str:
    counts = v.glossary.counts()
    total = len(v.glossary)
    detail = ", ".join(f"{kind}: {n}" for kind, n in counts.items())
    return f"{total} entries ({detail}) in {len(v.glossary.files)} files"
