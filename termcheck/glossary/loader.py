"""Read glossaries from TOML files and folders, with errors that name the file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from termcheck.errors import GlossaryError
from termcheck.glossary.model import (
    LANGS,
    NAME_KINDS,
    PHRASE_KINDS,
    RESIDUE_KINDS,
    Glossary,
    NameEntry,
    Origin,
    PhraseEntry,
    PhraseForm,
    ResidueEntry,
)
from termcheck.glossary.safe_regex import BoundedPattern, PatternTimeout, compile_bounded
from termcheck.io.textio import read_config_text, toml_error

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ENTRY_HEADER = re.compile(r"^\s*\[\[\s*entry\s*\]\]", re.M)
# Nested repetition such as (a+)+ can make a backtracking matcher take exponential time.
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\})")

NAME_KEYS = {"id", "kind", "canonical", "alternates", "wrong", "acronym", "cues", "note", "ref"}
PHRASE_KEYS = {"id", "kind", "source_term", "note", "window", "cues", "cues_after", "cues_before", "in_source",
               "blockers", "forms", "ref"}
RESIDUE_KEYS = {"id", "kind", "regex", "message", "suggest", "langs", "note", "ref"}


_NOT_GLOSSARIES = {"build", "lexicons"}
# Termbases read beside TOML (termcheck.glossary.tbx, .tabular). A folder is searched for TOML and
# TBX only: TBX names itself by its root element, while a folder's spreadsheets are often
# something else; CSV and TSV glossaries are named one by one.
TERMBASE_SUFFIXES = {".tbx": "tbx", ".csv": "csv", ".tsv": "tsv"}


def default_glossary_dir() -> Path:
    """The shipped glossaries: inside the wheel, or the repository's folder when editable."""
    # The package's folder, as importlib.resources.files("termcheck") names it (importing
    # importlib.resources costs a run ~20 ms).
    packaged = Path(__file__).parents[1] / "_glossaries"
    if packaged.is_dir():
        # In a checkout it is a link to glossaries/ (what the wheel ships), named by its target.
        return packaged.resolve() if packaged.is_symlink() else packaged
    return Path(__file__).resolve().parents[2] / "glossaries"


def glossary_files(path: Path) -> list[Path]:
    if path.is_dir():
        # build/ holds the scripts' inputs and lexicons/ word classes: data, not glossaries.
        return sorted(p for p in (*path.rglob("*.toml"), *path.rglob("*.tbx"))
                      if not any(part.startswith(".") or part in _NOT_GLOSSARIES for part in p.relative_to(path).parts))
    if path.is_file():
        return [path]
    raise GlossaryError("glossary not found", path)


def load_glossary(paths: list[Path]) -> Glossary:
    glossary = Glossary()
    for path in paths:
        for file in glossary_files(path):
            glossary.extend(load_file(file))
    return glossary


class _Reader:
    """Knows where each [[entry]] starts, so that errors can name a line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        # Line numbers counted on from the previous header, not from the top each time
        # (quadratic: ~3 s for a glossary of 10,000 entries).
        self.entry_lines = []
        line, pos = 1, 0
        for m in _ENTRY_HEADER.finditer(text):
            line += text.count("\n", pos, m.start())
            pos = m.start()
            self.entry_lines.append(line)

    def entry_line(self, index: int) -> int:
        return self.entry_lines[index] if index < len(self.entry_lines) else 1

    def key_line(self, index: int, key: str) -> int:
        start = self.entry_line(index)
        end = self.entry_lines[index + 1] if index + 1 < len(self.entry_lines) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
        for n in range(start, end):
            if pattern.match(self.lines[n - 1]):
                return n
        return start

    def error(self, index: int, key: str | None, message: str) -> GlossaryError:
        line = self.key_line(index, key) if key else self.entry_line(index)
        return GlossaryError(message, self.path, line)


def _first_line(text: str, key: str) -> int:
    """The line where `key` is first set (1 if it cannot be told)."""
    m = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def load_file(path: Path) -> Glossary:
    termbase = TERMBASE_SUFFIXES.get(path.suffix.lower())
    if termbase is not None:
        from termcheck.glossary.convert import read_termbase  # lxml is imported only for TBX

        return read_termbase(path, termbase)
    text = read_config_text(path, what="glossary")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg, line = toml_error(err, text)
        raise GlossaryError(f"invalid TOML: {msg}", path, line) from None
    except RecursionError:
        raise GlossaryError("invalid TOML: arrays or tables nested too deeply", path) from None
    reader = _Reader(path, text)
    unknown = set(data) - {"meta", "entry"}
    if unknown:
        raise GlossaryError(f"unknown table(s) {', '.join(sorted(unknown))}; expected [meta] and [[entry]]", path, 1)
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        raise GlossaryError("'entry' must be an array of tables ([[entry]])", path, 1)
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise GlossaryError("'meta' must be a table ([meta])", path, 1)
    if not all(isinstance(raw, dict) for raw in entries):
        raise GlossaryError("'entry' must be an array of tables ([[entry]]), not of values", path,
                            _first_line(text, "entry"))
    glossary = Glossary(files=[path])
    for i, raw in enumerate(entries):
        kind = raw.get("kind")
        origin = Origin(path, reader.entry_line(i))
        if not isinstance(raw.get("id"), str) or not _ID.match(raw["id"]):
            raise reader.error(i, "id", "entry needs an 'id' of lower-case letters, digits and '-'")
        if kind in NAME_KINDS:
            glossary.names.append(_name_entry(reader, i, raw, origin))
        elif kind in PHRASE_KINDS:
            glossary.phrases.append(_phrase_entry(reader, i, raw, meta, origin))
        elif kind in RESIDUE_KINDS:
            glossary.residue.append(_residue_entry(reader, i, raw, origin))
        else:
            kinds = ", ".join((*NAME_KINDS, *PHRASE_KINDS, *RESIDUE_KINDS))
            raise reader.error(i, "kind", f"entry '{raw['id']}': unknown kind {kind!r} (one of: {kinds})")
    return glossary


class _LineReader(_Reader):
    """Errors at one known line: an entry read from a termbase (TBX, CSV) rather than TOML."""

    def __init__(self, path: Path, line: int) -> None:
        self.path, self.lines, self.entry_lines = path, [], [line]

    def key_line(self, index: int, key: str) -> int:
        return self.entry_lines[0]


def name_entry(raw: dict[str, Any], path: Path, line: int) -> NameEntry:
    """A name entry from fields laid out as in TOML, read from a termbase: checked as a TOML
    entry is, with errors naming `path` and `line`."""
    reader = _LineReader(path, line)
    if not isinstance(raw.get("id"), str) or not _ID.match(raw["id"]):
        raise reader.error(0, "id", f"entry needs an 'id' of lower-case letters, digits and '-' "
                                    f"(got {raw.get('id')!r})")
    if raw.get("kind") not in NAME_KINDS:
        raise reader.error(0, "kind", f"entry '{raw['id']}': unknown kind {raw.get('kind')!r} "
                                      f"(one of: {', '.join(NAME_KINDS)})")
    return _name_entry(reader, 0, raw, Origin(path, line))


def _check_keys(reader: _Reader, i: int, raw: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise reader.error(i, unknown[0], f"entry '{raw['id']}': unknown key '{unknown[0]}'")


def _str(reader: _Reader, i: int, raw: dict[str, Any], key: str, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise reader.error(i, key, f"entry '{raw['id']}': '{key}' must be a non-empty string")
    return value


def _str_list(reader: _Reader, i: int, raw: dict[str, Any], key: str, value: Any = None) -> list[str]:
    value = raw.get(key, []) if value is None else value
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise reader.error(i, key, f"entry '{raw['id']}': '{key}' must be a string or a list of non-empty strings")
    return [v.strip() for v in value]


def _lang_map(reader: _Reader, i: int, raw: dict[str, Any], key: str) -> dict[str, list[str]]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise reader.error(i, key, f"entry '{raw['id']}': '{key}' must be a table of language codes")
    out: dict[str, list[str]] = {}
    for lang, forms in value.items():
        if lang not in LANGS:
            raise reader.error(i, key, f"entry '{raw['id']}': unknown language '{lang}' in '{key}' "
                                       f"(one of: {', '.join(LANGS)})")
        out[lang] = _str_list(reader, i, raw, key, forms)
    return out


def _name_entry(reader: _Reader, i: int, raw: dict[str, Any], origin: Origin) -> NameEntry:
    _check_keys(reader, i, raw, NAME_KEYS)
    canonical_lists = _lang_map(reader, i, raw, "canonical")
    for lang, forms in canonical_lists.items():
        if len(forms) != 1:
            raise reader.error(i, "canonical", f"entry '{raw['id']}': canonical.{lang} must be one string")
    canonical = {lang: forms[0] for lang, forms in canonical_lists.items()}
    for lang in ("en", "fr"):
        if lang not in canonical:
            raise reader.error(i, "canonical", f"entry '{raw['id']}': canonical needs at least 'en' and 'fr'")
    return NameEntry(
        id=raw["id"],
        kind=raw["kind"],
        canonical=canonical,
        alternates=_lang_map(reader, i, raw, "alternates"),
        wrong=_lang_map(reader, i, raw, "wrong"),
        acronym=_lang_map(reader, i, raw, "acronym"),
        cues=_str_list(reader, i, raw, "cues"),
        note=_str(reader, i, raw, "note"),
        ref=_str(reader, i, raw, "ref"),
        origin=origin,
    )


def compile_pattern(reader: _Reader, i: int, key: str, entry_id: str, pattern: str) -> BoundedPattern:
    """A glossary pattern, matched with a time limit (termcheck.glossary.safe_regex) so that it cannot hang a run."""
    if _NESTED_REPEAT.search(pattern):
        raise reader.error(i, key, f"entry '{entry_id}': nested repetition in {pattern!r} could make matching hang")
    try:
        return compile_bounded(pattern, f"'{entry_id}' ({reader.path}:{reader.key_line(i, key)})")
    except re.error as err:
        raise reader.error(i, key, f"entry '{entry_id}': invalid regular expression: {err}") from None
    except PatternTimeout:
        raise reader.error(i, key, f"entry '{entry_id}': {pattern!r} backtracks without end on some texts "
                                   "(ambiguous repetition such as (a|aa)+); rewrite it") from None


def _phrase_entry(reader: _Reader, i: int, raw: dict[str, Any], meta: dict[str, Any], origin: Origin) -> PhraseEntry:
    _check_keys(reader, i, raw, PHRASE_KEYS)
    source_lang, target_lang = meta.get("source_lang"), meta.get("target_lang", "en")
    if source_lang not in LANGS or target_lang not in LANGS:
        raise GlossaryError("phrase glossaries need [meta] source_lang and target_lang (language codes)",
                            reader.path, 1)
    forms_raw = raw.get("forms")
    if not isinstance(forms_raw, list) or not forms_raw:
        raise reader.error(i, "forms", f"entry '{raw['id']}': 'forms' must be a non-empty list")
    forms: list[PhraseForm] = []
    for form in forms_raw:
        malformed = not isinstance(form, dict) or set(form) - {"match", "regex", "suggest"}
        if malformed or ("match" in form) == ("regex" in form):
            raise reader.error(i, "forms", f"entry '{raw['id']}': each form has 'match' or 'regex', and 'suggest'")
        suggest = form.get("suggest", [])
        if isinstance(suggest, str):
            suggest = [suggest]
        if not isinstance(suggest, list) or not all(isinstance(s, str) for s in suggest):
            raise reader.error(i, "forms", f"entry '{raw['id']}': 'suggest' must be a list of strings")
        if "regex" in form:
            compiled = compile_pattern(reader, i, "forms", raw["id"], form["regex"])
            forms.append(PhraseForm(suggest=suggest, regex=form["regex"], compiled=compiled))
        elif isinstance(form["match"], str) and form["match"].strip():
            forms.append(PhraseForm(suggest=suggest, match=form["match"].strip()))
        else:
            raise reader.error(i, "forms", f"entry '{raw['id']}': 'match' must be a non-empty string")
    in_source = _str(reader, i, raw, "in_source")
    in_source_compiled = compile_pattern(reader, i, "in_source", raw["id"], in_source) if in_source else None
    window = raw.get("window", 12)
    if not isinstance(window, int) or not 0 <= window <= 100:
        raise reader.error(i, "window", f"entry '{raw['id']}': 'window' must be a whole number from 0 to 100")
    return PhraseEntry(
        id=raw["id"],
        kind=raw["kind"],
        source_lang=source_lang,
        target_lang=target_lang,
        forms=forms,
        source_term=_str(reader, i, raw, "source_term"),
        note=_str(reader, i, raw, "note"),
        window=window,
        cues=_str_list(reader, i, raw, "cues"),
        cues_after=_str_list(reader, i, raw, "cues_after"),
        cues_before=_str_list(reader, i, raw, "cues_before"),
        blockers=_str_list(reader, i, raw, "blockers"),
        in_source=in_source,
        in_source_compiled=in_source_compiled,
        origin=origin,
    )


def _residue_entry(reader: _Reader, i: int, raw: dict[str, Any], origin: Origin) -> ResidueEntry:
    _check_keys(reader, i, raw, RESIDUE_KEYS)
    regex = _str(reader, i, raw, "regex", required=True)
    suggest = raw.get("suggest", [""])
    if isinstance(suggest, str):
        suggest = [suggest]
    if not isinstance(suggest, list) or not all(isinstance(s, str) for s in suggest):
        raise reader.error(i, "suggest", f"entry '{raw['id']}': 'suggest' must be a list of strings")
    return ResidueEntry(
        id=raw["id"],
        regex=regex,
        message=_str(reader, i, raw, "message", required=True),
        suggest=suggest,
        compiled=compile_pattern(reader, i, "regex", raw["id"], regex),
        langs=_str_list(reader, i, raw, "langs"),
        origin=origin,
    )
