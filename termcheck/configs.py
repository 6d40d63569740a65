"""Configuration per folder, as ruff finds it: each file is checked with the settings of the
termcheck.toml (or pyproject.toml with [tool.termcheck]) nearest its own folder, not the one
nearest the working folder. A desk's archive with a French folder (`lang = "fr"`) and an
English one is checked right from anywhere, `termcheck lint desk/` included.

The files of a run are split into groups, one per configuration; each group is checked with
its own settings (and glossaries). The folders named on the command line are walked with the
settings of the configuration nearest each of them (include, exclude, respect-gitignore).
A run whose files all share their folders' configuration keeps its folders as given, so that
it is checked exactly as before (and --source pairs folders by relative path).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from termcheck.config import Settings, config_in
from termcheck.io.discovery import Notice, discover


@dataclass
class Group:
    settings: Settings
    paths: list[Path] = field(default_factory=list)  # folders and files as given, or the files of the group


class Finder:
    """The nearest configuration of each folder, each folder looked up once."""

    def __init__(self, settings_of: Callable[[Path | None], Settings]) -> None:
        self.settings_of = settings_of  # a configuration file (None: none) -> its settings, with the options
        self._config: dict[str, Path | None] = {}
        self._settings: dict[Path | None, Settings] = {}

    def config(self, folder: Path) -> Path | None:
        """Its own configuration, else its parent's: each folder's files are read once, even
        the repository's pyproject.toml that a thousand folders below share."""
        key = os.path.abspath(folder)
        unknown: list[str] = []  # walked up without recursion: folders may nest thousands deep
        found: Path | None = None
        while key not in self._config:
            own = config_in(Path(key))
            if own is not None:
                found = own[0]
                break
            unknown.append(key)
            parent = os.path.dirname(key)
            if parent == key:
                break
            key = parent
        else:
            found = self._config[key]
        for k in [*unknown, key]:
            self._config.setdefault(k, found)
        return found

    def settings(self, config: Path | None) -> Settings:
        if config not in self._settings:
            self._settings[config] = self.settings_of(config)
        return self._settings[config]


def _folder_of(path: Path) -> Path:
    return path if path.is_dir() else path.parent


@dataclass
class Plan:
    groups: list[Group]
    notices: list[Notice]  # of the folder walks, when the groups hold files (otherwise the run walks again)


def plan(paths: list[Path], finder: Finder, per_file: bool = True) -> Plan:
    """The groups of a run over `paths`. `per_file` False (--source: targets pair with sources
    by their place under the folders given): one group per folder's configuration."""
    by_root: dict[Path | None, Group] = {}
    for p in paths:
        config = finder.config(_folder_of(p))
        by_root.setdefault(config, Group(finder.settings(config))).paths.append(p)
    if not per_file:
        return Plan(list(by_root.values()), [])
    by_file: dict[Path | None, Group] = {}
    notices: list[Notice] = []
    moved = False
    for root_config, group in by_root.items():
        s = group.settings
        folders = [p for p in group.paths if p.is_dir()]
        files, found = discover(folders, s.include, s.exclude, s.respect_gitignore)
        notices.extend(found)
        by_file.setdefault(root_config, Group(s)).paths.extend(p for p in group.paths if not p.is_dir())
        for f in files:
            config = finder.config(f.parent)
            moved = moved or config != root_config
            by_file.setdefault(config, Group(finder.settings(config))).paths.append(f)
    if not moved:
        return Plan(list(by_root.values()), [])
    return Plan([g for g in by_file.values() if g.paths], notices)
