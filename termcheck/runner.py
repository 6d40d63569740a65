"""A lint run from settings to results: discover, read, detect language, check."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termcheck import suppression
from termcheck.align import Bead, SourceText, expected_ratio
from termcheck.config import Settings
from termcheck.document import Document
from termcheck.engine import Engine, select_rules
from termcheck.errors import InputError, TermcheckError
from termcheck.glossary.cache import load_glossary_cached, load_index_cached
from termcheck.glossary.loader import default_glossary_dir
from termcheck.glossary.matcher import NameIndex, build_index
from termcheck.glossary.model import Glossary
from termcheck.io import regex_cache
from termcheck.io.bilingual import bilingual_kind, parse, read_bilingual
from termcheck.io.bilingual.model import MalformedFile
from termcheck.io.discovery import discover
from termcheck.io.markup import markup_kind, markup_notes, prose_mask
from termcheck.io.terminal import undecodable_escaped
from termcheck.io.textio import BinaryFile, Decoded, read_article
from termcheck.lang.detect import detect_language
from termcheck.parallel import check_files, default_jobs
from termcheck.results import FileError, FileResult, RunResult
from termcheck.rules import Context

if TYPE_CHECKING:
    from termcheck.api import Checker
    from termcheck.baseline import Baseline
    from termcheck.io.progress import ProgressSink


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
    # --source: the file or folder the articles were translated from (folders paired file by
    # file by relative path), and its language ("auto": detected per file).
    source: Path | None = None
    source_lang: str = "auto"


def build_glossary(settings: Settings) -> Glossary:
    paths = ([default_glossary_dir()] if settings.default_glossary else []) + list(settings.glossary)
    return load_glossary_cached(paths)  # parsed once, then read from the user's cache folder


def check_lang(lang: str, glossary: Glossary) -> None:
    if lang != "auto" and lang not in glossary.languages:
        known = ", ".join(sorted(glossary.languages)) or "none"
        raise TermcheckError(f"language '{lang}' is not covered by the glossaries (covered: {known})")


def display_path(path: Path) -> str:
    """The path as reports name it; bytes of a file name that are not UTF-8 escaped (\\xe9), as
    every report must be valid UTF-8 (see termcheck.io.terminal)."""
    if not path.anchor and ".." not in path.parts:
        return undecodable_escaped(str(path))  # what relpath gives, without looking up the working folder per file
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return undecodable_escaped(str(path))
    return undecodable_escaped(rel if not rel.startswith("..") else str(path))


def make_document(path: Path, lang: str, decoded: Decoded | None = None, source_lang: str = "auto") -> Document:
    """The document of `path`; `decoded` gives its text instead of the file (the fixer re-checks fixed text).
    A bilingual file (XLIFF, PO, TMX) brings its own source (`source_lang`: its language, or
    'auto': as the file declares it, else detected); see termcheck.io.bilingual."""
    if bilingual_kind(path):
        return make_bilingual_document(path, lang, decoded, source_lang)
    decoded = decoded or read_article(path)
    kind = markup_kind(path)  # Markdown and HTML: only prose is checked (same offsets, see termcheck.io.markup)
    doc = Document(path=path, text=decoded.text, prose=prose_mask(decoded.text, kind), encoding=decoded.encoding)
    doc.meta["markup"] = kind
    doc.meta["notes"] = [*decoded.notes, *markup_notes(decoded.text, doc.prose, kind)]
    suppression.prepare(doc)
    doc.lang = lang if lang != "auto" else detect_language(doc.prose)
    return doc


def make_bilingual_document(path: Path, lang: str, decoded: Decoded | None = None,
                            source_lang: str = "auto") -> Document:
    """The document of a bilingual file: target prose, and the source segments aligned. Here,
    not in termcheck.io.bilingual: reading stays below language detection and alignment."""
    kind = bilingual_kind(path) or "xliff"
    decoded = decoded or read_bilingual(path)
    parsed = parse(kind, decoded.text, path, lang)
    doc = Document(path=path, text=decoded.text, prose=parsed.target_prose, encoding=decoded.encoding)
    doc.meta["markup"] = kind
    doc.meta["units"] = [(s.target.start, s.target.end, s.unit, s.segment) for s in parsed.segments
                         if s.target is not None]
    doc.meta["segments"] = len(parsed.segments)
    doc.meta["untranslated"] = [s.unit if s.segment is None else f"{s.unit} ({s.segment})" for s in parsed.untranslated]
    suppression.prepare(doc)
    doc.lang = lang if lang != "auto" else parsed.target_lang or detect_language(doc.prose)
    src_lang = source_lang if source_lang != "auto" else parsed.source_lang or source_language_of(parsed.source_prose)
    ratio = expected_ratio(doc.lang, src_lang)
    beads = [Bead(s.target, s.source) for s in parsed.segments if s.target is not None]
    doc.source = SourceText(path, decoded.text, src_lang, parsed.source_prose, beads, ratio)
    return doc


def source_path(path: Path, options: LintOptions) -> Path | None:
    """Where the source of the target file `path` should be: --source itself when it is a
    file; in a --source folder, the file at `path`'s place relative to the target folder it
    was found in (a target named as a file: the file of its name)."""
    source = options.source
    if source is None:
        return None
    if not source.is_dir():
        return source
    here = os.fspath(path)
    for root in options.paths:
        top = os.fspath(root)
        if here == top:
            return source / path.name
        prefix = top if top.endswith(os.sep) else top + os.sep
        if here.startswith(prefix):
            return source / here[len(prefix) :]
    return None


def attach_source(doc: Document, options: LintOptions) -> list[str]:
    """Give `doc` its source (text, language, alignment) when --source has one for it; the
    notices about a target checked without its source."""
    where = source_path(doc.path, options)
    if where is None:
        return []
    from termcheck.align import SourceText, align, expected_ratio

    try:
        src = make_document(where, options.source_lang if options.source_lang != "auto" else "en")
    except BinaryFile:
        return [f"{display_path(doc.path)}: source {display_path(where)} is a binary file; checked without a source"]
    except InputError as err:
        if not where.exists():
            return [f"{display_path(doc.path)}: no source file {display_path(where)}; checked without a source"]
        return [f"{display_path(doc.path)}: source {display_path(where)}: {err.message}; checked without a source"]
    if options.source_lang == "auto":
        src.lang = source_language_of(src.prose)
    ratio = expected_ratio(doc.lang, src.lang)
    alignment = align(doc.prose, src.prose, ratio, doc.lang, src.lang)
    doc.source = SourceText(where, src.text, src.lang, src.prose, alignment, ratio)
    return []


def bilingual_notices(doc: Document, options: LintOptions) -> list[str]:
    """What to say about a bilingual file: segments not translated yet (not checked), and a
    --source file named for it (the file's own source segments are used)."""
    notices = []
    untranslated: list[str] = doc.meta["untranslated"]  # type: ignore[assignment]
    if untranslated:
        shown = ", ".join(repr(u.replace("\x04", " | ")) for u in untranslated[:3])
        more = ", …" if len(untranslated) > 3 else ""
        notices.append(f"{display_path(doc.path)}: {len(untranslated)} of {doc.meta['segments']} segments have no "
                       f"translation yet and were not checked ({shown}{more})")
    if options.source is not None and not options.source.is_dir():
        notices.append(f"{display_path(doc.path)}: a bilingual file carries its source; "
                       f"--source {display_path(options.source)} was not used")
    return notices


def source_language_of(prose: str) -> str:
    """A source's language. Unlike an article's, it has no default to fall back on: a source
    of one short sentence (too few function words to vote) is given langdetect's best guess,
    or else the language most of its function words belong to."""
    lang = detect_language(prose, default="")
    if lang:
        return lang
    from termcheck.lang.detect import SUPPORTED, function_word_votes, langdetect_guess

    guess = langdetect_guess(prose)
    if guess and guess[0] in SUPPORTED:
        return guess[0]
    votes = function_word_votes(prose)
    return votes.most_common(1)[0][0] if votes else "en"


def source_info(doc: Document) -> dict[str, object]:
    """What the JSON `documents` object says about the source: its path, language and the
    sentence alignment (target and source spans, [start, end) offsets, or null)."""
    if doc.source is None:
        return {}
    return {"source_path": display_path(doc.source.path), "source_lang": doc.source.lang,
            "source_confidence": 1.0,  # read from the source itself, not guessed from clues
            "alignment": [{"target": None if b.target is None else [b.target.start, b.target.end],
                           "source": None if b.source is None else [b.source.start, b.source.end]}
                          for b in doc.source.alignment]}


class CachedContext(Context):
    """The rules' context, with each language's name index read from the cache folder where
    it was kept (building one takes ~40 ms a run; see glossary.cache.load_index_cached)."""

    def index(self, lang: str) -> NameIndex:
        return self.memo("names", lang, lambda: load_index_cached(self.glossary, lang, build_index))  # type: ignore[no-any-return]

    def stored(self, what: str, lang: str, build: Callable[[], Any]) -> Any:
        return self.memo(what, lang, lambda: load_index_cached(self.glossary, lang, lambda _g, _l: build(), what))


def make_engine(settings: Settings) -> Engine:
    """The engine of a termcheck.api.Checker: `lint`, the servers and the API check through one."""
    glossary = build_glossary(settings)
    check_lang(settings.lang, glossary)
    return Engine(CachedContext(glossary), select_rules(settings.select, settings.ignore))


def check_path(path: Path, options: LintOptions, checker: Checker) -> tuple[FileResult | None, list[str]]:
    """One file: its result (None when it was skipped) and the notices about it.
    Runs in a worker process under --jobs, so it reads nothing but its arguments."""
    settings = options.settings
    notices: list[str] = []
    try:
        doc = make_document(path, settings.lang, source_lang=options.source_lang)
    except BinaryFile:
        return None, [f"{display_path(path)}: binary file skipped"]
    except MalformedFile as err:  # an error (exit 2), and the run goes on
        return None, [FileError(f"{display_path(path)}:{err.line or 1}: {err.message}")]
    except InputError as err:
        if path in options.paths:  # the file was named, and cannot be read (a FIFO, too large…): an error, exit 2
            return None, [FileError(f"{display_path(path)}: {err.message}")]
        return None, [f"{display_path(path)}: {err.message}"]
    notices.extend(f"{display_path(path)}:{note}" for note in doc.meta.get("notes", ()))  # type: ignore[attr-defined]
    if bilingual_kind(path):
        notices.extend(bilingual_notices(doc, options))
    elif options.source is not None:
        notices.extend(attach_source(doc, options))
    checked = checker.check_document(doc)  # the rules, inline suppressions, and what the report says of the file
    regex_cache.settle()  # patterns compiled after the first document are that document's own
    notices.extend(checked.notices)
    fr = checked.files[0]
    if options.baseline is not None:
        fr.findings, known = options.baseline.split(doc.path, fr.findings)
        fr.suppressed["baseline"] = len(known)
    return fr, notices


def check_source(options: LintOptions) -> None:
    """--source must exist, and be a folder when a target is (one source file serves one file)."""
    source = options.source
    if source is None:
        return
    if not source.exists():
        raise InputError("no such source file or folder (--source)", source)
    if not source.is_dir() and (len(options.paths) != 1 or options.paths[0].is_dir()):
        raise InputError("--source is a file: give one target file, or a folder of sources for target folders",
                         source)


def lint(options: LintOptions, checker: Checker | None = None) -> RunResult:
    """`checker` (made from the settings when not given) checks every file, as it checks the
    texts of the API and the servers; a caller that re-checks text (the fixer) shares it."""
    settings = options.settings
    if checker is None:
        from termcheck.api import Checker

        checker = Checker(settings)
    check_source(options)
    files, notices = discover(options.paths, settings.include, settings.exclude, settings.respect_gitignore)
    result = RunResult(notices=[f"{display_path(n.path)}: {n.message}" for n in notices if not n.error],
                       errors=[f"{display_path(n.path)}: {n.message}" for n in notices if n.error])
    if options.jobs and options.jobs > default_jobs():
        result.notices.append(f"--jobs {options.jobs}: more than the {default_jobs()} cores here; "
                              f"{default_jobs()} worker processes used")
    if options.progress:
        options.progress.start(len(files))
    for path, fr, file_notices in check_files(files, check_path, options, checker, jobs=options.jobs,
                                              keep_documents=options.keep_documents):
        if options.progress:
            options.progress.advance(path)
        result.notices.extend(n for n in file_notices if not isinstance(n, FileError))
        result.errors.extend(n for n in file_notices if isinstance(n, FileError))
        if fr is not None:
            result.files.append(fr)
    return result
