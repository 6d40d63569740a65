"""A lint run from settings to results: discover, read, detect language, check."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from termcheck.config import Settings
from termcheck.discovery import discover
from termcheck.document import Document
from termcheck.engine import Engine, select_rules
from termcheck.errors import InputError, TermcheckError
from termcheck.glossary.loader import default_glossary_dir, load_glossary
from termcheck.glossary.model import Glossary
from termcheck.language import detect_language
from termcheck.results import FileResult, RunResult
from termcheck.rules import Context
from termcheck.textio import BinaryFile, read_article


@dataclass
class LintOptions:
    paths: list[Path]
    settings: Settings


def build_glossary(settings: Settings) -> Glossary:
    paths = ([default_glossary_dir()] if settings.default_glossary else []) + list(settings.glossary)
    return load_glossary(paths)


def check_lang(lang: str, glossary: Glossary) -> None:
    if lang != "auto" and lang not in glossary.languages:
        known = ", ".join(sorted(glossary.languages)) or "none"
        raise TermcheckError(f"language '{lang}' is not covered by the glossaries (covered: {known})")


def display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def make_document(path: Path, lang: str) -> Document:
    decoded = read_article(path)
    doc = Document(path=path, text=decoded.text, encoding=decoded.encoding)
    doc.lang = lang if lang != "auto" else detect_language(doc.prose)
    return doc


def lint(options: LintOptions) -> RunResult:
    settings = options.settings
    glossary = build_glossary(settings)
    check_lang(settings.lang, glossary)
    engine = Engine(Context(glossary), select_rules(settings.select, settings.ignore))
    files, notices = discover(options.paths, settings.include, settings.exclude)
    result = RunResult(notices=[f"{display_path(n.path)}: {n.message}" for n in notices])
    covered = glossary.languages
    for path in files:
        try:
            doc = make_document(path, settings.lang)
        except BinaryFile:
            result.notices.append(f"{display_path(path)}: binary file skipped")
            continue
        except InputError as err:
            result.notices.append(f"{display_path(path)}: {err.message}")
            continue
        info: dict[str, object] = {"lang": doc.lang}
        if doc.lang not in covered:
            result.notices.append(f"{display_path(path)}: language '{doc.lang}' is not covered by the glossaries; "
                                  "only language-independent rules ran")
        result.files.append(FileResult(display_path(path), doc, engine.check(doc), info))
    return result
