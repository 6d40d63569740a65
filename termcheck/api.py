"""termcheck's Python API: check a text, get the findings and their fixes, apply fixes.

Stable within JSON contract version 1: the objects returned are those `termcheck lint
--format json` prints (see the README), so a program can move between the command, this API
and the HTTP API (`termcheck serve`) without translating anything.

    from termcheck.api import Checker, apply_fixes, check

    findings = check("Rebels took Idleb.", lang="en")           # one-off: loads the glossary
    checker = Checker()                                          # load the glossary once ...
    report = checker.report(text, lang="en")                     # ... and reuse it (thread-safe)
    fixed = apply_fixes(text, report["findings"])                # the safe fixes, applied

A `Checker` holds the loaded glossaries; creating one costs a glossary load (tens of ms from
the cache folder, more the first time), a check costs the rules' work on that text. A checker
may be shared by threads: each language's indexes are built once, under a lock, before the
first text in it is checked; checks then run side by side (under the GIL: a long text does not
hold up a short one, but two checks take as long as one after the other). Notices about a
glossary pattern that ran out of time may be attributed to another thread's text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from termcheck import suppression
from termcheck.config import Settings, load_settings
from termcheck.document import Document, Span
from termcheck.engine import Engine, select_rules
from termcheck.errors import TermcheckError
from termcheck.findings import Applicability, Edit, Finding, Fix, Severity
from termcheck.io.textio import Decoded
from termcheck.results import FileResult, RunResult

__all__ = ["Checker", "CheckError", "check", "apply_fixes", "SOURCE_LANGS", "DEFAULT_PATH"]

DEFAULT_PATH = "<text>"  # the "path" of a text given without one
SOURCE_PATH = "<source>"
# Enough for every rule to load what it loads lazily (word frequencies, language profiles):
# the first real text then costs no more than the next (a fresh cache folder: ~25 s once).
WARM_UP_TEXT = ("The minister said on Monday that the talks in Geneva would resume next week.\n"
                "Rebels evoke the OSDH, which says that Idleb fell by diet on the 7 of October.\n"
                "Les rebelles ont pris la ville hier soir, selon le ministre.\n")
SOURCE_LANGS = ("de", "en", "es", "fr", "it", "tr")  # the languages a source can be read in (termcheck.lang.detect)


class CheckError(TermcheckError, ValueError):
    """A request the checker cannot answer: an unknown language, a bad option, unreadable text.
    The message says what to change."""


def _codes(values: str | Iterable[str] | None) -> list[str]:
    if values is None:
        return []
    items = [values] if isinstance(values, str) else list(values)
    if not all(isinstance(v, str) for v in items):
        raise CheckError("select and ignore are lists of rule codes or prefixes such as 'TC2'")
    return [v.strip() for item in items for v in item.split(",") if v.strip()]


class Checker:
    """Loaded glossaries and rules, reused for every text checked.

    `settings`: as `termcheck lint` reads them (termcheck.config.Settings; default: none set).
    Use `Checker.from_config(folder)` for the settings of the termcheck.toml nearest `folder`.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        from termcheck.runner import check_lang, make_engine

        self.settings = settings or Settings()
        self._engine = make_engine(self.settings)  # raises TermcheckError for a bad glossary or language
        self._check_lang = check_lang
        self._covered: set[str] = self._engine.context.glossary.languages
        self._engines: dict[tuple[tuple[str, ...], tuple[str, ...]], Engine] = {}
        self._lock = threading.Lock()
        self._warmed: set[str] = set()

    @classmethod
    def from_config(cls, folder: Path | str) -> Checker:
        """A checker with the settings of the termcheck.toml (or pyproject.toml) nearest `folder`."""
        return cls(load_settings(Path(folder)))

    @property
    def languages(self) -> set[str]:
        """The article languages the glossaries cover."""
        return set(self._covered)

    @property
    def glossary(self) -> Any:
        """The loaded glossary (termcheck.glossary.model.Glossary)."""
        return self._engine.context.glossary

    def engine(self, select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None) -> Engine:
        """The engine running the rules `select` and `ignore` leave (None: the settings' choice)."""
        sel = tuple(_codes(select)) if select is not None else tuple(self.settings.select)
        ign = tuple(_codes(ignore)) if ignore is not None else tuple(self.settings.ignore)
        if (sel, ign) == (tuple(self.settings.select), tuple(self.settings.ignore)):
            return self._engine  # the rules the settings chose: the engine built with the glossary
        key = (sel, ign)
        found = self._engines.get(key)
        if found is None:
            found = Engine(self._engine.context, select_rules(list(sel), list(ign)))
            self._engines[key] = found
        return found

    def document(self, text: str, lang: str | None = None, *, source: str | None = None,
                 source_lang: str | None = None, path: str | None = None) -> Document:
        """The checked document of `text` (language detected unless given, source aligned)."""
        from termcheck.runner import make_document

        lang = self._lang(lang)
        src_lang = (source_lang or "auto").lower()
        if src_lang != "auto" and src_lang not in SOURCE_LANGS:
            raise CheckError(f"source language '{src_lang}' is not one termcheck reads ({', '.join(SOURCE_LANGS)})")
        if not isinstance(text, str):
            raise CheckError("text must be a string")
        where = Path(path or DEFAULT_PATH)
        try:
            doc = make_document(where, lang, Decoded(text, "utf-8"), source_lang=src_lang)
        except TermcheckError as err:
            raise CheckError(err.message) from None
        if source is not None and "units" not in doc.meta and "untranslated" not in doc.meta:
            self._attach_source(doc, source, src_lang)
        return doc

    def _lang(self, lang: str | None) -> str:
        lang = (lang or self.settings.lang or "auto").lower()
        if lang == "auto" or lang in self._covered:
            return lang  # the usual case, without a pass over the glossary per call
        try:
            self._check_lang(lang, self._engine.context.glossary)
        except TermcheckError as err:
            raise CheckError(str(err)) from None
        return lang

    @staticmethod
    def _attach_source(doc: Document, source: str, source_lang: str) -> None:
        """As termcheck.runner.attach_source does for a --source file, from a source text."""
        from termcheck.align import SourceText, align, expected_ratio
        from termcheck.runner import make_document, source_language_of

        if not isinstance(source, str):
            raise CheckError("source must be a string")
        src = make_document(Path(SOURCE_PATH), source_lang if source_lang != "auto" else "en",
                            Decoded(source, "utf-8"))
        if source_lang == "auto":
            src.lang = source_language_of(src.prose)
        ratio = expected_ratio(doc.lang, src.lang)
        alignment = align(doc.prose, src.prose, ratio, doc.lang, src.lang)
        doc.source = SourceText(Path(SOURCE_PATH), src.text, src.lang, src.prose, alignment, ratio)

    def result(self, text: str, lang: str | None = None, *, source: str | None = None,
               source_lang: str | None = None, path: str | None = None,
               select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None) -> RunResult:
        """The run result of one text (what the reporters read), with its notices."""
        engine = self.engine(select, ignore)  # a bad code is refused before the text is read
        doc = self.document(text, lang, source=source, source_lang=source_lang, path=path)
        self._warm(doc.lang)
        return self._checked(doc, engine)

    def check_document(self, doc: Document, *, select: str | Iterable[str] | None = None,
                       ignore: str | Iterable[str] | None = None) -> RunResult:
        """The run result of a document the caller made ready (`termcheck lint` makes one per
        file, with its source attached; see termcheck.runner.make_document): the document's
        findings after its inline suppressions, the notices about it, and the `documents`
        information of the JSON report. Threads sharing this checker call `warm(doc.lang)` first."""
        return self._checked(doc, self.engine(select, ignore))

    def _checked(self, doc: Document, engine: Engine) -> RunResult:
        from termcheck.glossary.safe_regex import drain_timeouts
        from termcheck.lang.fingerprint import source_language
        from termcheck.runner import display_path, source_info

        shown = display_path(doc.path)
        notices = []
        info: dict[str, object] = {"lang": doc.lang}
        if "untranslated" in doc.meta:
            info.update(units=doc.meta["segments"], untranslated=len(doc.meta["untranslated"]))  # type: ignore[arg-type]
        if doc.lang not in self._covered:
            notices.append(f"{shown}: language '{doc.lang}' is not covered by the glossaries; "
                           "only language-independent rules ran")
        findings = engine.check(doc)
        notices.extend(f"{shown}: {n}" for n in drain_timeouts())
        info.update(source_language(findings, doc.lang))
        info.update(source_info(doc))
        findings, suppressed = suppression.silence(doc, findings, {r.code for r in engine.rules})
        return RunResult(files=[FileResult(shown, doc, findings, info, suppressed)], notices=notices)

    def warm(self, lang: str = "en") -> None:
        """Build what checking a text in `lang` needs (indexes, word lists), now rather than on
        the first text: a server calls it before it answers /healthz."""
        self._warm(self._lang(lang))

    def _warm(self, lang: str) -> None:
        """Build a language's indexes once, before threads check texts in it side by side (the
        rules' memo would otherwise have them built by each thread that comes first)."""
        if lang in self._warmed:
            return
        with self._lock:
            if lang not in self._warmed:
                from termcheck.runner import make_document

                doc = make_document(Path(DEFAULT_PATH), "en" if lang == "auto" else lang,
                                    Decoded(WARM_UP_TEXT, "utf-8"))
                self._engine.check(doc)
                self._warmed.add(lang)

    def report(self, text: str, lang: str | None = None, *, source: str | None = None,
               source_lang: str | None = None, path: str | None = None,
               select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None) -> dict[str, Any]:
        """The JSON report (version 1) of one text: exactly what `termcheck lint --format json`
        prints for a file `path` holding `text` (keys version, files, findings, documents, suppressed)."""
        from termcheck.report.json_report import as_dict

        return as_dict(self.result(text, lang, source=source, source_lang=source_lang, path=path,
                                   select=select, ignore=ignore))

    def check(self, text: str, lang: str | None = None, *, source: str | None = None,
              source_lang: str | None = None, path: str | None = None,
              select: str | Iterable[str] | None = None,
              ignore: str | Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The findings of one text, as the JSON report's `findings` objects (each with its `fix`)."""
        findings: list[dict[str, Any]] = self.report(text, lang, source=source, source_lang=source_lang, path=path,
                                                     select=select, ignore=ignore)["findings"]
        return findings

    def fix(self, text: str, lang: str | None = None, *, unsafe: bool = False, source: str | None = None,
            source_lang: str | None = None, path: str | None = None,
            select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None) -> str:
        """`text` with its fixes applied as `termcheck lint --fix` applies them: pass after pass,
        re-checking, until nothing changes (safe fixes; with `unsafe`, the first suggestions too)."""
        from termcheck.fix.edits import fix_text  # not loaded by `termcheck lint` runs that fix nothing

        def findings_of(t: str) -> list[Finding]:
            return self.result(t, lang, source=source, source_lang=source_lang, path=path, select=select,
                               ignore=ignore).files[0].findings

        return fix_text(text, findings_of(text), findings_of, unsafe).text


def _finding(data: Finding | Mapping[str, Any]) -> Finding:
    """A Finding from a JSON report's finding object (or the Finding itself)."""
    if isinstance(data, Finding):
        return data
    try:
        fix = data.get("fix")
        edits = tuple(Edit(Span(int(e["start"]), int(e["end"])), str(e["replacement"])) for e in fix["edits"]) \
            if fix else ()
        return Finding(code=str(data["code"]), name=str(data.get("name", "")), message=str(data.get("message", "")),
                       span=Span(int(data["start"]), int(data["end"])),
                       severity=Severity(data.get("severity", "warning")),
                       suggestions=list(data.get("suggestions", [])),
                       fix=Fix(Applicability(fix["applicability"]), edits) if fix else None,
                       entry=data.get("entry"))
    except (KeyError, TypeError, ValueError) as err:
        raise CheckError(f"not a termcheck finding: {err}") from None


def apply_fixes(text: str, findings: Sequence[Finding | Mapping[str, Any]], *, unsafe: bool = False) -> str:
    """`text` with the fixes of `findings` applied in one pass: safe fixes (with `unsafe`, the
    unsafe ones too), in the case of the text they replace; a fix that overlaps an earlier one
    is left out (check the result again to find it). `findings` are the JSON objects `check`
    returns, or Finding objects; their offsets must be those of `text`."""
    from termcheck.fix.edits import apply_edits, plan_edits

    plan = plan_edits(text, [_finding(f) for f in findings], unsafe)
    return apply_edits(text, [e for edits in plan for e in edits])


_DEFAULT: Checker | None = None
_DEFAULT_LOCK = threading.Lock()


def check(text: str, lang: str | None = None, *, source: str | None = None, source_lang: str | None = None,
          path: str | None = None, select: str | Iterable[str] | None = None,
          ignore: str | Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The findings of `text` with the shipped glossaries and no config file (a checker made on
    the first call and kept); for your own settings or glossaries make a `Checker`."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Checker()
    return _DEFAULT.check(text, lang, source=source, source_lang=source_lang, path=path, select=select,
                          ignore=ignore)
