"""A lint run from settings to results: discover, read, detect language, check."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termcheck import suppression
from termcheck.config import Settings
from termcheck.discovery import discover
from termcheck.document import Document
from termcheck.engine import Engine, select_rules
from termcheck.errors import InputError, TermcheckError
from termcheck.fingerprint import source_language
from termcheck.glossary.cache import load_glossary_cached, load_index_cached
from termcheck.glossary.loader import default_glossary_dir
from termcheck.glossary.matcher import NameIndex, build_index
from termcheck.glossary.model import Glossary
from termcheck.language import detect_language
from termcheck.markup import markup_kind, prose_mask
from termcheck.parallel import check_files
from termcheck.results import FileResult, RunResult
from termcheck.rules import Context
from termcheck.safe_regex import drain_timeouts
from termcheck.textio import BinaryFile, Decoded, read_article

if TYPE_CHECKING:
    from termcheck.baseline import Baseline
    from termcheck.progress import ProgressSink


@dataclass
class LintOptions:
    paths: list[Path]
    settings: Settings
    baseline: Baseline | None = None  # findings it records are counted as suppressed, not reported
    progress: ProgressSink | None = None
    jobs: int | None = 1  # worker processes (None or 0: one per core); see termcheck.parallel
    # False lets each file's text go once it is checked (reporters need only the findings'
    # positions); the fixer and the interactive review read the text and keep it.
    keep_documents: bool = True


def build_glossary(settings: Settings) -> Glossary:
    paths = ([default_glossary_dir()] if settings.default_glossary else []) + list(settings.glossary)
    return load_glossary_cached(paths)  # parsed once, then read from the user's cache folder


def check_lang(lang: str, glossary: Glossary) -> None:
    if lang != "auto" and lang not in glossary.languages:
        known = ", ".join(sorted(glossary.languages)) or "none"
        raise TermcheckError(f"language '{lang}' is not covered by the glossaries (covered: {known})")


def display_path(path: Path) -> str:
    if not path.anchor and ".." not in path.parts:
        return str(path)  # what relpath gives for it, without looking up the working folder per file
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def make_document(path: Path, lang: str, decoded: Decoded | None = None) -> Document:
    """The document of `path`; `decoded` gives its text instead of the file (the fixer re-checks fixed text)."""
    decoded = decoded or read_article(path)
    kind = markup_kind(path)  # Markdown and HTML: only prose is checked (same offsets, see termcheck.markup)
    doc = Document(path=path, text=decoded.text, prose=prose_mask(decoded.text, kind), encoding=decoded.encoding)
    doc.meta["markup"] = kind
    suppression.prepare(doc)
    doc.lang = lang if lang != "auto" else detect_language(doc.prose)
    return doc


class CachedContext(Context):
    """The rules' context, with each language's name index read from the cache folder where
    it was kept (building one takes ~40 ms a run; see glossary.cache.load_index_cached)."""

    def index(self, lang: str) -> NameIndex:
        return self.memo("names", lang, lambda: load_index_cached(self.glossary, lang, build_index))  # type: ignore[no-any-return]

    def stored(self, what: str, lang: str, build: Callable[[], Any]) -> Any:
        return self.memo(what, lang, lambda: load_index_cached(self.glossary, lang, lambda _g, _l: build(), what))


def make_engine(settings: Settings) -> Engine:
    glossary = build_glossary(settings)
    check_lang(settings.lang, glossary)
    return Engine(CachedContext(glossary), select_rules(settings.select, settings.ignore))


def check_path(path: Path, options: LintOptions, engine: Engine) -> tuple[FileResult | None, list[str]]:
    """One file: its result (None when it was skipped) and the notices about it.
    Runs in a worker process under --jobs, so it reads nothing but its arguments."""
    settings = options.settings
    notices: list[str] = []
    try:
        doc = make_document(path, settings.lang)
    except BinaryFile:
        return None, [f"{display_path(path)}: binary file skipped"]
    except InputError as err:
        return None, [f"{display_path(path)}: {err.message}"]
    info: dict[str, object] = {"lang": doc.lang}
    # Glossary.languages walks every entry: asked once per run, not once per file.
    covered = engine.context.memo("covered-languages", "", lambda: engine.context.glossary.languages)
    if doc.lang not in covered:
        notices.append(f"{display_path(path)}: language '{doc.lang}' is not covered by the glossaries; "
                       "only language-independent rules ran")
    findings = engine.check(doc)
    notices.extend(f"{display_path(path)}: {n}" for n in drain_timeouts())
    info.update(source_language(findings, doc.lang))
    findings, suppressed = suppression.silence(doc, findings, {r.code for r in engine.rules})
    if options.baseline is not None:
        findings, known = options.baseline.split(doc.path, findings)
        suppressed["baseline"] = len(known)
    return FileResult(display_path(path), doc, findings, info, suppressed), notices


def lint(options: LintOptions, engine: Engine | None = None) -> RunResult:
    """`engine` lets a caller that re-checks text (the fixer) share the loaded glossary."""
    settings = options.settings
    engine = engine or make_engine(settings)
    files, notices = discover(options.paths, settings.include, settings.exclude)
    result = RunResult(notices=[f"{display_path(n.path)}: {n.message}" for n in notices])
    if options.progress:
        options.progress.start(len(files))
    for path, fr, file_notices in check_files(files, check_path, options, engine, jobs=options.jobs,
                                              keep_documents=options.keep_documents):
        if options.progress:
            options.progress.advance(path)
        result.notices.extend(file_notices)
        if fr is not None:
            result.files.append(fr)
    return result
