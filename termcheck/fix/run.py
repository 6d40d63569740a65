"""`lint --fix`, `--diff` and `--interactive` over a run, and the safe-fixed text for `score --fixed`.

Files are fixed and written one at a time, so a large run holds one article in memory and a
crash leaves every file either as it was or fixed (see termcheck.io.safewrite).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from termcheck.errors import InputError
from termcheck.findings import Finding
from termcheck.fix.edits import fix_text, keep_case
from termcheck.fix.worddiff import diff_for
from termcheck.io.bilingual.escape import edit_format
from termcheck.io.safewrite import WritePolicy, clean_stale, replace_text
from termcheck.io.textio import BinaryFile, Decoded
from termcheck.results import FileResult, RunResult
from termcheck.runner import LintOptions, attach_source, lint, make_document

if TYPE_CHECKING:
    from termcheck.api import Checker
    from termcheck.baseline import Baseline


@dataclass
class FileFix:
    file: FileResult
    text: str  # the text once fixed
    applied: int
    fixes: tuple[Finding, ...] = ()  # the reported findings whose fixes were applied
    later: tuple[tuple[str, str, str], ...] = ()  # fixes of the same kinds that earlier fixes made

    @property
    def changed(self) -> bool:
        return self.text != self.file.doc.text


@dataclass
class FixSummary:
    fixes: int = 0
    files: int = 0
    messages: list[str] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)  # one line per fix written, with --unsafe-fixes


@dataclass(frozen=True)
class FixRequest:
    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    interactive: bool = False
    quiet: bool = False  # no summary line; files that could not be fixed are still named
    fix_readonly: bool = False  # write files without the owner's write bit (else refused)
    follow_links: bool = False  # write through symbolic links that leave the checked folders (else refused)
    show_fixes: bool = False  # name each fix written (as --unsafe-fixes always does)


@dataclass
class FixOutcome:
    result: RunResult | None  # the findings left to report, or None when there is nothing more to print
    exit_code: int


class Rechecker:
    """Findings as `lint` reports them (inline suppressions and the baseline applied), for a file's
    text as read or as fixed, in the language the run gave the file: checked by the run's
    termcheck.api.Checker, as `lint` checks each file."""

    def __init__(self, checker: Checker, baseline: Baseline | None = None, options: LintOptions | None = None) -> None:
        self.checker = checker
        self.baseline = baseline
        self.options = options  # --source and --source-lang: a fixed text is checked beside its source again

    def findings(self, doc_path: Path, lang: str, text: str, encoding: str) -> list[Finding]:
        options = self.options
        source_lang = options.source_lang if options is not None else "auto"
        doc = make_document(doc_path, lang, Decoded(text, encoding), source_lang)
        if options is not None and options.source is not None and doc.source is None:
            attach_source(doc, options)
        found = self.checker.check_document(doc).files[0].findings
        if self.baseline is not None:
            found, _ = self.baseline.split(doc.path, found)
        return found

    def live(self, fr: FileResult) -> FileResult:
        """`fr` with its document's text: a large run lets texts go once checked
        (termcheck.parallel.detach), and then the file is read and checked again."""
        if fr.doc.text or not fr.findings:
            return fr
        doc = make_document(fr.doc.path, fr.doc.lang, source_lang=self.options.source_lang if self.options else "auto")
        return replace(fr, doc=doc, findings=self.findings(doc.path, doc.lang, doc.text, doc.encoding), positions={})


def fix_file(rechecker: Rechecker, fr: FileResult, unsafe: bool = False, keep_lines: bool = False) -> FileFix:
    doc = fr.doc
    fixed = fix_text(doc.text, fr.findings, lambda text: rechecker.findings(doc.path, doc.lang, text, doc.encoding),
                     unsafe, keep_lines=keep_lines, encoding=doc.encoding, fmt=edit_format(doc.meta.get("markup")))
    return FileFix(fr, fixed.text, fixed.applied, fixed.fixes, fixed.later)


def fix_run(result: RunResult, rechecker: Rechecker, unsafe: bool, messages: list[str]) -> Iterator[FileFix]:
    for fr in result.files:
        try:
            yield fix_file(rechecker, rechecker.live(fr), unsafe)
        except InputError as err:  # gone or unreadable since the check
            messages.append(f"{fr.path}: {err.message}; not fixed")


def write_fix(ff: FileFix, summary: FixSummary, list_applied: bool = False, policy: WritePolicy | None = None) -> None:
    """Write a changed file; one that cannot be written is named and the run goes on.
    `list_applied` names each fix written (--unsafe-fixes), as the report showed it."""
    if not ff.changed:
        return
    doc = ff.file.doc
    try:
        replace_text(doc.path, doc.text, ff.text, doc.encoding, policy)
    except InputError as err:
        summary.messages.append(f"{ff.file.path}: {err.message}")
        return
    summary.fixes += ff.applied
    summary.files += 1
    if list_applied:
        summary.applied.extend(applied_line(ff.file, f) for f in ff.fixes)
        summary.applied.extend(f"{ff.file.path}: {code} {old!r} -> {new!r} (fix applied after an earlier one)"
                               for code, old, new in ff.later)


def applied_line(fr: FileResult, f: Finding) -> str:
    line, col = fr.position(f.span.start)
    found = fr.doc.text[f.span.start : f.span.end]
    new = keep_case(found, f.suggestions[0]) if f.suggestions else ""
    kind = f.fix.applicability.value if f.fix is not None else "unsafe"
    return f"{fr.path}:{line}:{col}: {f.code} {found!r} -> {new!r} ({kind} fix applied)"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else ('es' if word.endswith('x') else 's')}"


def _note(message: str) -> None:
    sys.stderr.write(f"termcheck: {message}\n")


def write_policy(options: LintOptions, request: FixRequest) -> WritePolicy:
    """What --fix and --interactive may write: the checked folders (a file named on the command
    line: its folder), and the --fix-readonly and --follow-links permissions."""
    roots = []
    for p in options.paths:
        absolute = Path(os.path.abspath(p))
        roots.append(Path(os.path.realpath(absolute if absolute.is_dir() else absolute.parent)))
    return WritePolicy(request.fix_readonly, request.follow_links, tuple(roots))


def clean_up(result: RunResult, started: float, summary: FixSummary) -> None:
    """Remove what a killed run left in the folders this run writes in (termcheck.io.safewrite)."""
    folders = set()
    for fr in result.files:
        folders.add(Path(os.path.abspath(fr.doc.path)).parent)
        folders.add(Path(os.path.realpath(fr.doc.path)).parent)
    for folder in sorted(folders):
        summary.messages.extend(clean_stale(folder, started))


def run_fixes(result: RunResult, checker: Checker, options: LintOptions, request: FixRequest) -> FixOutcome:
    """--diff prints what --fix would change (exit 1 if anything would); --fix and --interactive
    write, then the files are checked again and what remains is reported (exit 1 if anything).
    `checker`: the one that checked `result`, for the passes and the run after them."""
    rechecker = Rechecker(checker, options.baseline, options)
    summary = FixSummary()
    policy = write_policy(options, request)
    if request.fix or request.interactive:
        clean_up(result, time.time(), summary)
    if request.diff:
        files = fixes = 0
        for ff in fix_run(result, rechecker, request.unsafe, summary.messages):
            if ff.changed:
                # a terminal gets the changed words, a pipe a patch (termcheck.fix.worddiff)
                sys.stdout.write(diff_for(sys.stdout, ff.file.path, ff.file.doc.text, ff.text))
                files, fixes = files + 1, fixes + ff.applied
        for message in summary.messages:
            _note(message)
        if not request.quiet:
            _note(f"{plural(files, 'file')} would be changed by {plural(fixes, 'fix')}")
        return FixOutcome(None, 1 if files else 0)
    if request.interactive:
        from termcheck.fix.interactive import review

        reviewed = review(result, sys.stdin, sys.stdout, rechecker.live, policy)
        summary.messages += reviewed.messages
        done = f"accepted {plural(reviewed.accepted, 'change')}, wrote {plural(reviewed.files, 'file')}"
        if reviewed.interrupted:  # Ctrl-C: every accepted answer is written; leave at once
            for message in summary.messages:
                _note(message)
            _note(f"interrupted; {done}")
            return FixOutcome(None, 130)
    else:
        for ff in fix_run(result, rechecker, request.unsafe, summary.messages):
            write_fix(ff, summary, list_applied=(request.unsafe or request.show_fixes) and not request.quiet,
                      policy=policy)
        for line in summary.applied:
            _note(line)
        done = f"fixed {plural(summary.fixes, 'finding')} in {plural(summary.files, 'file')}"
    for message in summary.messages:
        _note(message)
    if not request.quiet:
        _note(done)
    after = lint(replace(options, progress=None), checker)
    if request.interactive:
        from termcheck.report.text import summary as text_summary

        sys.stdout.write(text_summary(after) + "\n")
        return FixOutcome(None, 1 if after.total else 0)
    return FixOutcome(after, 1 if after.total else 0)


def score_fixer(checker: Checker, lang: str) -> Callable[[Path], tuple[str, int]]:
    """For `score --fixed`: a file's text as the safe fixes leave it, its lines kept aligned."""
    rechecker = Rechecker(checker)

    def fixed(path: Path) -> tuple[str, int]:
        try:
            doc = make_document(path, lang)
        except BinaryFile as err:
            raise InputError(err.message, path) from None
        findings = rechecker.findings(doc.path, doc.lang, doc.text, doc.encoding)
        ff = fix_file(rechecker, FileResult(str(path), doc, findings), keep_lines=True)
        return ff.text, ff.applied

    return fixed
