"""Name entries written as the shipped TOML glossaries lay them out (glossaries/README.md)."""

from __future__ import annotations

import json

from termcheck.glossary.model import NameEntry


def _string(value: str) -> str:
    # A JSON string is a TOML basic string: the same escapes (\", \\, \n, \uXXXX).
    return json.dumps(value, ensure_ascii=False)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_string(v) for v in values) + "]"


def _table(values: dict[str, str] | dict[str, list[str]]) -> str:
    items = [f"{lang} = {_string(v) if isinstance(v, str) else _list(v)}" for lang, v in values.items()]
    return "{ " + ", ".join(items) + " }"


def write_toml(names: list[NameEntry], title: str = "") -> str:
    lines: list[str] = []
    if title:
        lines += ["[meta]", f"title = {_string(title)}", ""]
    for e in names:
        lines += ["[[entry]]", f"id = {_string(e.id)}", f"kind = {_string(e.kind)}",
                  f"canonical = {_table(e.canonical)}"]
        for key, value in (("alternates", e.alternates), ("wrong", e.wrong), ("acronym", e.acronym)):
            if value:
                lines.append(f"{key} = {_table(value)}")
        if e.cues:
            lines.append(f"cues = {_list(e.cues)}")
        for key, text in (("note", e.note), ("ref", e.ref)):
            if text:
                lines.append(f"{key} = {_string(text)}")
        lines.append("")
    return "\n".join(lines)
