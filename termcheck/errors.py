"""Errors that end a run with exit code 2 and one clear message."""

from __future__ import annotations

from pathlib import Path


class TermcheckError(Exception):
    """A usage, config, glossary or input error: one line, naming the file (and line)."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(TermcheckError):
    pass


class GlossaryError(TermcheckError):
    pass


class InputError(TermcheckError):
    pass
