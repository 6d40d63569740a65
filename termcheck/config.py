"""Settings from termcheck.toml or [tool.termcheck] in pyproject.toml (the nearest one up
from a folder: each checked file's, see termcheck.configs); options given on the command line win."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from termcheck.errors import ConfigError
from termcheck.io.textio import read_config_text, toml_error

# Articles, and the bilingual files translation desks work in (termcheck.io.bilingual.KINDS).
DEFAULT_INCLUDE = ["*.txt", "*.md", "*.xlf", "*.xliff", "*.sdlxliff", "*.mqxliff", "*.po", "*.tmx"]


@dataclass
class Settings:
    lang: str = "auto"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    glossary: list[Path] = field(default_factory=list)
    default_glossary: bool = True
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    respect_gitignore: bool = True  # folder walks leave out what .gitignore and .ignore name (ruff's key)
    source: Path | None = None  # the config file the settings came from


_LIST_KEYS = {"select", "ignore", "glossary", "include", "exclude"}
_KEYS = {f.name.replace("_", "-") for f in fields(Settings) if f.name != "source"} | {
    f.name for f in fields(Settings) if f.name != "source"}


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest termcheck.toml, or pyproject.toml with a [tool.termcheck] table."""
    for folder in [start, *start.parents]:
        found = config_in(folder)
        if found is not None:
            return found
    return None


def config_in(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """The configuration of `folder` itself, if it has one (termcheck.toml first)."""
    candidate = folder / "termcheck.toml"
    if candidate.is_file():
        return candidate, _parse(candidate)
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        tool = _parse(pyproject).get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError("'tool' must be a table ([tool.…])", pyproject, _line_of(pyproject, "tool"))
        table = tool.get("termcheck")
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError("[tool.termcheck] must be a table", pyproject, _line_of(pyproject, "termcheck"))
            return pyproject, table
    return None


def _parse(path: Path) -> dict[str, Any]:
    text = read_config_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg, line = toml_error(err, text)
        raise ConfigError(f"invalid TOML: {msg}", path, line) from None
    except RecursionError:
        raise ConfigError("invalid TOML: arrays or tables nested too deeply", path) from None


def _line_of(path: Path, key: str) -> int | None:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if re.match(rf"\s*(\[tool\.)?{re.escape(key)}\b", line):
                return n
    except OSError:
        pass
    return None


def _check_selectors(values: list[str], raw_key: str, path: Path) -> None:
    from termcheck.engine import unknown_selectors  # loads the rules: only for a config that selects

    unknown = unknown_selectors([v.strip() for v in values if v.strip()])
    if unknown:
        raise ConfigError(f"unknown rule selector '{unknown[0]}' in '{raw_key}' (see 'termcheck rules')",
                          path, _line_of(path, raw_key))


def settings_at(config: Path | None) -> Settings:
    """The settings of a configuration file find_config found (None: the defaults)."""
    return load_settings(config.parent) if config is not None else Settings()


def load_settings(start: Path) -> Settings:
    found = find_config(start)
    settings = Settings()
    if found is None:
        return settings
    path, table = found
    settings.source = path
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if raw_key not in _KEYS:
            known = ", ".join(sorted(k for k in _KEYS if "_" not in k))
            raise ConfigError(f"unknown setting '{raw_key}' (known: {known})",
                              path, _line_of(path, raw_key))
        if key in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"'{raw_key}' must be a list of strings", path, _line_of(path, raw_key))
            if key == "glossary":
                value = [(path.parent / v) for v in value]
            elif key in ("select", "ignore"):
                _check_selectors(value, raw_key, path)
        elif key == "lang":
            if not isinstance(value, str):
                raise ConfigError("'lang' must be a language code such as \"en\"", path, _line_of(path, raw_key))
            value = value.strip().lower()  # as --lang reads it: "EN" is "en"
        elif key in ("default_glossary", "respect_gitignore") and not isinstance(value, bool):
            raise ConfigError(f"'{raw_key}' must be true or false", path, _line_of(path, raw_key))
        setattr(settings, key, value)
    return settings
