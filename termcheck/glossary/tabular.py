"""Name entries as a spreadsheet: CSV or TSV, one row an entry, one column a language.

    id,kind,en,en_acronym,fr,fr_acronym,fr_wrong,cues,note,ref
    sohr,organisation,Syrian Observatory for Human Rights,SOHR,Observatoire syrien ...,OSDH,...

- `id`, `kind`: as in TOML; both columns are required.
- `<lang>` (en, fr, de, es, it, tr, ar): the canonical form, then the alternates, separated by
  `|` (`Idlib | Edlib`). A cell that starts with `|` has alternates but no canonical form.
- `<lang>_acronym`: acronyms, first preferred; `<lang>_wrong`: wrong forms from that language.
- `cues`: words separated by `|`; `note`, `ref`: text.

Columns may come in any order; empty cells and blank rows are skipped; any other column is an
error naming the file and line 1. Read with the csv module (quoted cells may hold commas and
line breaks; a spreadsheet's UTF-8 BOM is fine).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from termcheck.errors import GlossaryError
from termcheck.glossary.loader import name_entry
from termcheck.glossary.model import LANGS, Glossary, NameEntry
from termcheck.io.textio import read_config_text

SEPARATOR = "|"
_LANG_COLUMN = re.compile(r"^([a-z]{2,3})(?:_(acronym|wrong))?$")
_TEXT_COLUMNS = ("note", "ref")
_COLUMNS_HELP = (f"id, kind, <lang>, <lang>_acronym, <lang>_wrong, cues, note, ref; "
                 f"<lang> one of {', '.join(LANGS)}")


def delimiter_of(fmt: str) -> str:
    return "\t" if fmt == "tsv" else ","


def read_table(path: Path, delimiter: str = ",") -> Glossary:
    """The name entries of a CSV or TSV file; one GlossaryError naming the file and line otherwise."""
    text = read_config_text(path, what="glossary")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    glossary = Glossary(files=[path])
    try:
        header = next(reader, None)
        if header is None:
            raise GlossaryError(f"empty table: the first row names the columns ({_COLUMNS_HELP})", path, 1)
        columns = _columns(path, header)
        while True:
            line = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            if any(cell.strip() for cell in row):
                glossary.names.append(_row(path, line, columns, row))
    except csv.Error as err:
        raise GlossaryError(f"invalid {'TSV' if delimiter == chr(9) else 'CSV'}: {err}", path,
                            reader.line_num or 1) from None
    return glossary


def _columns(path: Path, header: list[str]) -> list[str]:
    columns = [name.strip().lower() for name in header]
    for name in columns:
        m = _LANG_COLUMN.match(name)
        known = name in ("id", "kind", "cues", *_TEXT_COLUMNS) or (m is not None and m.group(1) in LANGS)
        if not known:
            raise GlossaryError(f"unknown column '{name}' (columns: {_COLUMNS_HELP})", path, 1)
        if columns.count(name) > 1:
            raise GlossaryError(f"column '{name}' appears twice", path, 1)
    for required in ("id", "kind"):
        if required not in columns:
            raise GlossaryError(f"no '{required}' column (columns: {_COLUMNS_HELP})", path, 1)
    return columns


def _row(path: Path, line: int, columns: list[str], row: list[str]) -> NameEntry:
    if len(row) > len(columns):
        raise GlossaryError(f"{len(row)} cells in a row under {len(columns)} columns", path, line)
    raw: dict[str, Any] = {}
    for name, cell in zip(columns, row, strict=False):
        cell = cell.strip()
        if not cell:
            continue
        if name in ("id", "kind", *_TEXT_COLUMNS):
            raw[name] = cell
        elif name == "cues":
            raw["cues"] = _forms(path, line, name, cell)
        else:
            _lang_cell(path, line, name, cell, raw)
    if "id" not in raw:
        raise GlossaryError("row without an id", path, line)
    return name_entry(raw, path, line)


def _lang_cell(path: Path, line: int, name: str, cell: str, raw: dict[str, Any]) -> None:
    lang, _, role = name.partition("_")
    if role:
        raw.setdefault("acronym" if role == "acronym" else "wrong", {})[lang] = _forms(path, line, name, cell)
        return
    no_canonical = cell.startswith(SEPARATOR)
    forms = _forms(path, line, name, cell[1:] if no_canonical else cell)
    if not no_canonical:
        raw.setdefault("canonical", {})[lang] = forms.pop(0)
    if forms:
        raw.setdefault("alternates", {})[lang] = forms


def _forms(path: Path, line: int, column: str, cell: str) -> list[str]:
    forms = [form.strip() for form in cell.split(SEPARATOR)]
    if not all(forms):
        raise GlossaryError(f"column '{column}': an empty form between '{SEPARATOR}' in {cell!r}", path, line)
    return forms


def write_table(names: list[NameEntry], delimiter: str = ",") -> str:
    """The entries as CSV or TSV: only the columns some entry fills, in a fixed order."""
    columns = ["id", "kind"]
    for lang in LANGS:
        for role in ("", "_acronym", "_wrong"):
            if any(_cell(e, lang + role) for e in names):
                columns.append(lang + role)
    columns += [c for c, used in (("cues", any(e.cues for e in names)), ("note", True), ("ref", True)) if used]
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for entry in names:
        writer.writerow([_cell(entry, column) for column in columns])
    return out.getvalue()


def _cell(entry: NameEntry, column: str) -> str:
    if column in ("id", "kind", *_TEXT_COLUMNS):
        return str(getattr(entry, column))
    if column == "cues":
        return _join(entry, entry.cues)
    lang, _, role = column.partition("_")
    if role:
        return _join(entry, (entry.acronym if role == "acronym" else entry.wrong).get(lang, []))
    forms = entry.alternates.get(lang, [])
    if lang not in entry.canonical:
        return SEPARATOR + _join(entry, forms) if forms else ""
    return _join(entry, [entry.canonical[lang], *forms])


def _join(entry: NameEntry, forms: list[str]) -> str:
    for form in forms:
        if SEPARATOR in form:
            raise GlossaryError(f"entry '{entry.id}': the form {form!r} holds '{SEPARATOR}', which separates forms "
                                "in a table cell; keep this glossary in TOML or TBX", entry.origin.path
                                if entry.origin else None, entry.origin.line if entry.origin else None)
    return f" {SEPARATOR} ".join(forms)
