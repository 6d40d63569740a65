"""The glossary model: concept entries for names, phrase entries for false friends and
calques, residue patterns. Loaded from TOML by `termcheck.glossary.loader`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from termcheck.glossary.safe_regex import BoundedPattern

LANGS = ("en", "fr", "de", "es", "it", "tr", "ar")
NAME_KINDS = ("place", "person", "organisation", "demonym", "group", "title")
PHRASE_KINDS = ("false-friend", "calque")
RESIDUE_KINDS = ("residue",)


@dataclass(frozen=True)
class Origin:
    """Where an entry was read from, for messages that name the file and line."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class NameEntry:
    id: str
    kind: str
    canonical: dict[str, str]
    alternates: dict[str, list[str]] = field(default_factory=dict)
    wrong: dict[str, list[str]] = field(default_factory=dict)
    acronym: dict[str, list[str]] = field(default_factory=dict)
    cues: list[str] = field(default_factory=list)
    note: str = ""
    ref: str = ""
    origin: Origin | None = None

    def accepted(self, lang: str) -> list[str]:
        """Forms that are correct in `lang`: canonical first, then alternates."""
        forms = [self.canonical[lang]] if lang in self.canonical else []
        return forms + [a for a in self.alternates.get(lang, []) if a not in forms]

    def accepted_acronyms(self, lang: str) -> list[str]:
        return list(self.acronym.get(lang, []))


@dataclass
class PhraseForm:
    suggest: list[str]
    match: str | None = None
    regex: str | None = None
    compiled: BoundedPattern | None = None


@dataclass
class PhraseEntry:
    id: str
    kind: str
    source_lang: str
    target_lang: str
    forms: list[PhraseForm]
    source_term: str = ""
    note: str = ""
    window: int = 12
    cues: list[str] = field(default_factory=list)
    cues_after: list[str] = field(default_factory=list)
    cues_before: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    # A pattern the aligned source sentence must match (--source only): the source is the cue.
    in_source: str = ""
    in_source_compiled: BoundedPattern | None = None
    origin: Origin | None = None


@dataclass
class ResidueEntry:
    id: str
    regex: str
    message: str
    suggest: list[str]
    compiled: BoundedPattern  # termcheck.glossary.safe_regex: matched with a time limit
    langs: list[str] = field(default_factory=list)  # empty: every language
    origin: Origin | None = None


AnyEntry = NameEntry | PhraseEntry | ResidueEntry


@dataclass
class Glossary:
    names: list[NameEntry] = field(default_factory=list)
    phrases: list[PhraseEntry] = field(default_factory=list)
    residue: list[ResidueEntry] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def extend(self, other: Glossary) -> None:
        self.names.extend(other.names)
        self.phrases.extend(other.phrases)
        self.residue.extend(other.residue)
        self.files.extend(other.files)

    @property
    def languages(self) -> set[str]:
        return {lang for e in self.names for lang in e.canonical}

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for kind in [e.kind for e in self.names] + [e.kind for e in self.phrases]:
            out[kind] = out.get(kind, 0) + 1
        if self.residue:
            out["residue"] = len(self.residue)
        return dict(sorted(out.items()))

    @property
    def entries(self) -> list[AnyEntry]:
        return [*self.names, *self.phrases, *self.residue]

    def __len__(self) -> int:
        return len(self.names) + len(self.phrases) + len(self.residue)
