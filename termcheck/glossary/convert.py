"""`termcheck glossary convert`: name entries from TOML, TBX, CSV or TSV into any of them.

TBX and the tables hold name entries only (concepts with terms per language); false friends,
calques and residue patterns have no place there, so converting a glossary that has them
leaves them out and says how many (`Conversion.skipped`). Entries are written sorted by id,
as `termcheck glossary validate` wants them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import GlossaryError
from termcheck.glossary.model import Glossary

FORMATS = ("toml", "tbx", "tbx3", "csv", "tsv")
_SUFFIXES = {".toml": "toml", ".tbx": "tbx", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}


def format_of(path: Path, given: str | None, role: str) -> str:
    """The format named by --from/--to, else by the file's suffix (a folder is read as glossaries)."""
    if given:
        fmt = given.lower()
        if fmt not in FORMATS:
            raise GlossaryError(f"unknown {role} format '{given}' (one of: {', '.join(FORMATS)})")
        return fmt
    if role == "input" and path.is_dir():
        return "toml"
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix is None:
        flag = "--from" if role == "input" else "--to"
        raise GlossaryError(f"cannot tell the {role} format from the name; give {flag} "
                            f"({', '.join(FORMATS)})", path)
    return by_suffix


def read_termbase(path: Path, fmt: str) -> Glossary:
    """A TBX, CSV or TSV file as a glossary of name entries."""
    if fmt in ("tbx", "tbx3"):
        from termcheck.glossary.tbx import read_tbx

        return read_tbx(path)
    from termcheck.glossary.tabular import delimiter_of, read_table

    return read_table(path, delimiter_of(fmt))


def read_any(path: Path, fmt: str) -> Glossary:
    from termcheck.glossary.loader import load_file, load_glossary

    if path.is_dir():
        return load_glossary([path])
    if not path.is_file():
        raise GlossaryError("glossary not found", path)
    return load_file(path) if fmt == "toml" else read_termbase(path, fmt)


@dataclass
class Conversion:
    text: bytes
    names: int
    skipped: dict[str, int]  # kind of entry left out: how many

    def skipped_message(self, fmt: str) -> str | None:
        if not self.skipped:
            return None
        what = ", ".join(f"{n} {kind}" for kind, n in self.skipped.items())
        return (f"left out {what} entries: {fmt.upper()} output holds name entries only"
                if fmt != "toml" else f"left out {what} entries: only name entries are converted")


def convert(glossary: Glossary, fmt: str, title: str = "") -> Conversion:
    names = sorted(glossary.names, key=lambda e: e.id)
    skipped = {kind: n for kind, n in (("phrase", len(glossary.phrases)), ("residue", len(glossary.residue))) if n}
    if fmt in ("tbx", "tbx3"):
        from termcheck.glossary.tbx import write_tbx

        data = write_tbx(names, version=3 if fmt == "tbx3" else 2, title=title or "termcheck glossary")
    elif fmt in ("csv", "tsv"):
        from termcheck.glossary.tabular import delimiter_of, write_table

        data = write_table(names, delimiter_of(fmt)).encode("utf-8")
    else:
        from termcheck.glossary.toml_writer import write_toml

        data = write_toml(names, title).encode("utf-8")
    return Conversion(data, len(names), skipped)
