"""The console script. A plain `termcheck lint` command line runs without typer; everything
else (help, usage errors, the other commands) goes to the typer app in termcheck.cli.commands.

Importing typer and click and building the command from its signature cost a run ~40 ms,
a sixth of what a pre-commit hook pays to check one file. A `lint` command line made only of
paths and options in their plain spellings (`--select TC2`, `--format=json`, `-q`) is read
here, as typer would read it (tests/test_startup.py compares the two), and run by the same
code; any other spelling, or any doubt, is left to typer so that its messages stay the only ones.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from termcheck.errors import TermcheckError
from termcheck.report.formats import ReportFormat

if TYPE_CHECKING:
    from termcheck.api import Checker
    from termcheck.config import Settings
    from termcheck.fix.run import FixOutcome, FixRequest
    from termcheck.results import RunResult
    from termcheck.runner import LintOptions

_POSITIONS_ONLY = {ReportFormat.text, ReportFormat.json, ReportFormat.github}
_SOURCE_LANGS = ("de", "en", "es", "fr", "it", "tr")  # --source-lang: the languages termcheck.lang.detect detects


class Echo(Protocol):
    def __call__(self, message: str, *, err: bool = False) -> None: ...


@dataclass
class LintRequest:
    """The arguments of `termcheck lint` (see termcheck.cli.commands.lint for their meaning)."""

    paths: list[Path]
    output_format: ReportFormat = ReportFormat.text
    lang: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    glossary: list[Path] | None = None
    no_default_glossary: bool = False
    include: list[str] | None = None
    exclude: list[str] | None = None
    output: Path | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    quiet: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    interactive: bool = False
    jobs: int = 0
    source: Path | None = None
    source_lang: str | None = None
    fix_readonly: bool = False
    follow_links: bool = False
    stdin_filename: str | None = None  # the name of `-` (standard input), for its language, markup and reports
    no_ignore: bool = False
    color: str = "auto"  # auto: on a terminal, unless NO_COLOR is set; always; never
    statistics: bool = False
    show_fixes: bool = False
    exit_zero: bool = False


_COLORS = ("auto", "always", "never")


def use_color(choice: str, output: Path | None) -> bool:
    """Colour the text report? `always` wins over NO_COLOR (a flag is the later, nearer choice,
    as no-color.org allows); `auto` colours standard output when it is a terminal."""
    if output not in (None, Path("-")) or choice == "never":
        return False
    if choice == "always":
        return True
    return bool(sys.stdout.isatty()) and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _render(req: LintRequest, result: Any) -> str:
    from termcheck.report.formats import render_report

    if req.statistics:
        from termcheck.report.statistics import render

        return render(result)
    return render_report(req.output_format, result, quiet=req.quiet, color=use_color(req.color, req.output),
                         show_fixes=req.show_fixes)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _known_selectors(values: list[str], option: str) -> list[str]:
    """`values`, or an error naming the first that selects no rule (as ruff's 'Unknown rule selector')."""
    from termcheck.engine import unknown_selectors

    unknown = unknown_selectors(values)
    if unknown:
        raise TermcheckError(f"unknown rule selector '{unknown[0]}' ({option}; see 'termcheck rules')")
    return values


def _nothing_checked(paths: list[Path], include: list[str]) -> str:
    shown = ", ".join(str(p) for p in paths[:3]) + (", …" if len(paths) > 3 else "")
    return (f"termcheck: warning: no file to check in {shown} (folders are searched for {', '.join(include)}; "
            "--include adds others; see the notices above for files skipped)")


def _with_options(settings: Settings, req: LintRequest) -> Settings:
    """A configuration's settings with the command line's options, which win."""
    if req.lang:
        settings.lang = req.lang.lower()
    if req.select:
        settings.select = _known_selectors(_split(req.select), "--select")
    if req.ignore:
        settings.ignore = _known_selectors(_split(req.ignore), "--ignore")
    if req.glossary:
        settings.glossary = [*settings.glossary, *req.glossary]
    if req.no_default_glossary:
        settings.default_glossary = False
    if req.include:
        settings.include = _split(req.include)
    if req.exclude:
        settings.exclude = _split(req.exclude)
    if req.no_ignore:
        settings.respect_gitignore = False
    return settings


def _fix_groups(result: RunResult, runs: list[tuple[LintOptions, Checker]], request: FixRequest) -> FixOutcome:
    """--fix, --diff and --interactive over each configuration's files, with its checker (the
    files are checked again after fixing with the settings they were checked with)."""
    from termcheck.fix.run import FixOutcome, run_fixes
    from termcheck.results import RunResult

    if len(runs) == 1:
        return run_fixes(result, runs[0][1], runs[0][0], request)
    parts = []
    for options, checker in runs:
        mine = {os.path.abspath(p) for p in options.paths}
        parts.append((RunResult(files=[fr for fr in result.files if _under(fr.doc.path, mine)]), options, checker))
    # Only the configurations with findings are fixed (one summary line each), or the first, to say 0.
    busy = [p for p in parts if p[0].total] or parts[:1]
    outcomes = [run_fixes(part, checker, replace(options, progress=None), request) for part, options, checker in busy]
    code = max(o.exit_code for o in outcomes)
    if any(o.result is None for o in outcomes):
        return FixOutcome(None, code)
    merged = RunResult()
    for o in outcomes:
        assert o.result is not None
        merged.merge(o.result)
    for part, _, _ in parts:
        if all(part is not b[0] for b in busy):
            merged.merge(part)  # nothing to fix: as checked
    merged.files.sort(key=lambda fr: fr.path)
    return FixOutcome(merged, code)


def _under(path: Path, roots: set[str]) -> bool:
    here = os.path.abspath(path)
    return here in roots or any(here.startswith(r + os.sep) for r in roots)


def _say(echo: Echo, note: str | None) -> None:
    if note:
        echo(f"termcheck: {note}", err=True)


def _failed(echo: Echo, err: TermcheckError) -> int:
    echo(f"termcheck: error: {err}", err=True)
    return 2


def _printable(echo: Echo) -> Echo:
    """Messages name files, and a file name can hold terminal escapes: show them, never obey them."""
    from termcheck.io.terminal import printable

    def shown(message: str, *, err: bool = False) -> None:
        echo(printable(message), err=err)

    return shown


def _is_checked(output: Path, result: Any) -> bool:
    """Does `output` name one of the files the run read (an article, or a source)?"""
    try:
        target = os.path.realpath(output)
        return any(os.path.realpath(fr.doc.path) == target for fr in result.files)
    except (OSError, ValueError):
        return False


def run_lint(req: LintRequest, echo: Echo) -> int:
    """Check articles and report machine-translation artifacts; the exit code (0: clean,
    1: findings, 2: error)."""
    from termcheck.io import regex_cache

    regex_cache.seed()  # before the rules are imported: their patterns come ready
    try:
        return _run_lint(req, echo)
    finally:
        regex_cache.save()


def _run_lint(req: LintRequest, echo: Echo) -> int:
    from termcheck.api import Checker
    from termcheck.cli.cache import CacheNotes
    from termcheck.cli.streams import StreamRun, check_stream_request, split_streams
    from termcheck.config import load_settings, settings_at
    from termcheck.configs import Finder, plan
    from termcheck.io.progress import make_progress
    from termcheck.io.terminal import undecodable_escaped
    from termcheck.report.formats import default_output, render_binary
    from termcheck.results import RunResult
    from termcheck.runner import LintOptions, display_path
    from termcheck.runner import lint as run

    if req.exit_zero:  # findings are not a failure (errors still are), as ruff's --exit-zero
        code = _run_lint(replace(req, exit_zero=False), echo)
        return 0 if code == 1 else code
    echo = _printable(echo)
    if req.color not in _COLORS:
        return _failed(echo, TermcheckError(f"--color is one of {', '.join(_COLORS)}, not '{req.color}'"))
    if req.statistics and req.output_format is not ReportFormat.text:
        return _failed(echo, TermcheckError("--statistics is a text report; it cannot be combined with --format "
                                            f"{req.output_format.value}"))
    if req.unsafe_fixes and not (req.fix or req.diff):
        return _failed(echo, TermcheckError("--unsafe-fixes needs --fix or --diff"))
    if req.source_lang and req.source is None:
        return _failed(echo, TermcheckError("--source-lang needs --source"))
    if req.interactive and (req.fix or req.diff):
        return _failed(echo, TermcheckError("--interactive reviews fixes one by one; it cannot be combined with "
                                            "--fix or --diff"))
    try:
        # Standard input takes the configuration of the folder --stdin-filename names (ruff's rule).
        here = Path(os.path.abspath(req.stdin_filename)).parent if req.stdin_filename else Path.cwd()
        settings = _with_options(load_settings(here), req)
        source_lang = (req.source_lang or "auto").lower()
        if source_lang != "auto" and source_lang not in _SOURCE_LANGS:
            raise TermcheckError(f"source language '{source_lang}' is not one termcheck reads "
                                 f"({', '.join(_SOURCE_LANGS)})")
        files, streams = split_streams(req.paths, req.stdin_filename)
        check_stream_request(files, streams, req.fix or req.diff, req.interactive, req.source)
        given, req = req.paths, replace(req, paths=files)  # `-` and pipes are read below, never walked as folders
        known = None
        if req.baseline and not req.write_baseline:
            from termcheck.baseline import load_baseline

            known = load_baseline(req.baseline)
        caches = CacheNotes.before_run()  # the first run builds them (~20 s): said, and timed
        _say(echo, None if req.quiet else caches.opening())
        started = time.perf_counter()
        progress = make_progress(req.quiet)
        try:
            # Each file with the settings of the configuration nearest its folder (as ruff does).
            planned = plan(req.paths, Finder(lambda config: _with_options(settings_at(config), req)),
                           per_file=req.source is None)
            # Reports that need only the findings' positions let each article's text go once checked.
            keep = req.fix or req.diff or req.interactive or req.output_format not in _POSITIONS_ONLY
            runs = [(LintOptions(g.paths, g.settings, baseline=known, jobs=req.jobs, source=req.source,
                                 source_lang=source_lang), Checker(g.settings)) for g in planned.groups]
            result = RunResult(notices=[f"{display_path(n.path)}: {n.message}" for n in planned.notices
                                        if not n.error],
                               errors=[f"{display_path(n.path)}: {n.message}" for n in planned.notices if n.error])
            for options, checker in runs:  # the API's checker: lint checks files as the servers check texts
                result.merge(run(replace(options, progress=progress, keep_documents=keep), checker))
            result.files.sort(key=lambda fr: fr.path)
        finally:
            if progress:
                progress.stop()
        piped = StreamRun(settings) if streams else None
        if piped is not None:
            result.merge(piped.check(streams, known))
        _say(echo, None if req.quiet else caches.closing(time.perf_counter() - started))
        if req.write_baseline:
            from termcheck.baseline import write_baseline as save_baseline

            n = save_baseline(result, req.write_baseline)
            if not req.quiet:
                echo(f"termcheck: recorded {n} finding{'s' if n != 1 else ''} in {req.write_baseline}", err=True)
            for error in result.errors:  # a malformed file's findings are not in the baseline: say so
                echo(f"termcheck: error: {error}", err=True)
            return 2 if result.errors else 0
    except TermcheckError as err:
        return _failed(echo, err)
    if not req.quiet:
        for notice in result.notices:
            echo(f"termcheck: {notice}", err=True)
    # Files that could not be read as their format requires (a malformed XLIFF, PO or TMX):
    # named even with --quiet; the others were checked, and the run exits 2.
    for error in result.errors:
        echo(f"termcheck: error: {error}", err=True)
    failed = 2 if result.errors else None
    if not result.files and not result.errors:  # "No findings in 0 files" alone passes a typo in silence
        echo(_nothing_checked(given, settings.include), err=True)
    if piped is not None and (req.fix or req.diff):
        return failed or piped.fix(req.unsafe_fixes, req.diff, req.quiet)
    if req.fix or req.diff or req.interactive:
        from termcheck.fix.run import FixRequest

        # With --source the fixes touch the articles only; the sources are read, never written.
        outcome = _fix_groups(result, runs, FixRequest(req.fix, req.unsafe_fixes, req.diff, req.interactive,
                                                       req.quiet, fix_readonly=req.fix_readonly,
                                                       follow_links=req.follow_links, show_fixes=req.show_fixes))
        if outcome.result is None:
            return failed or outcome.exit_code
        result = outcome.result
    binary = render_binary(req.output_format, result)
    # Bytes of file names that are not UTF-8 (lone surrogates) cannot be written as UTF-8: escaped.
    report = "" if binary is not None else undecodable_escaped(_render(req, result))
    # -o - is standard output, as in ruff and most Unix tools; without -o, HTML and XLSX go to reports/.
    output = None if req.output == Path("-") else req.output or default_output(req.output_format)
    if output and _is_checked(output, result):
        return _failed(echo, TermcheckError("is one of the checked articles: the report would overwrite it "
                                            "(-o names the report file)", output))
    if output:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            if binary is not None:
                output.write_bytes(binary)
            else:
                output.write_text(report, encoding="utf-8")
        except OSError as err:
            return _failed(echo, TermcheckError(f"cannot write report: {err.strerror}", output))
    elif binary is not None:
        sys.stdout.buffer.write(binary)  # -o -: a workbook piped on
    else:
        sys.stdout.write(report)
    if req.output_format in (ReportFormat.html, ReportFormat.xlsx) and output and not req.quiet:
        echo(str(output))
    if req.output_format is ReportFormat.github:
        from termcheck.report.github import unshown_note

        note = unshown_note(result)
        if note:  # said even with --quiet: findings a reviewer will not see on the pull request
            echo(f"termcheck: {note}", err=True)
    return failed or (1 if result.total else 0)


# `lint`'s options in the spellings read here, by the LintRequest field they set.
_FLAGS = {"--quiet": "quiet", "-q": "quiet", "--no-default-glossary": "no_default_glossary", "--fix": "fix",
          "--unsafe-fixes": "unsafe_fixes", "--diff": "diff", "--no-ignore": "no_ignore", "--statistics": "statistics",
          "--show-fixes": "show_fixes", "--exit-zero": "exit_zero"}
_VALUES = {"--format": "output_format", "-f": "output_format", "--lang": "lang", "--output": "output",
           "-o": "output", "--baseline": "baseline", "--write-baseline": "write_baseline", "--jobs": "jobs",
           "-j": "jobs", "--source": "source", "--source-lang": "source_lang", "--color": "color"}
_LISTS = {"--select": "select", "--ignore": "ignore", "--glossary": "glossary", "--include": "include",
          "--exclude": "exclude"}
_PATHS = {"output", "baseline", "write_baseline", "glossary", "source"}
_FORMATS = {f.value: f for f in ReportFormat}


def plain_lint(args: list[str]) -> LintRequest | None:
    """The request of a `lint` command line read as typer reads it, or None for one that is
    not plain (help, errors, other commands, clustered or repeated options, values that start
    with a dash, --interactive, shell completion, Windows' wildcard expansion)."""
    if not args or args[0] != "lint" or os.name == "nt" or any(
            k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    flags: dict[str, bool] = {}
    values: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    paths: list[Path] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if not token:
            return None
        if not token.startswith("-"):
            paths.append(Path(token))
            continue
        name, eq, value = token.partition("=")
        if name in _FLAGS and not eq:
            flags[_FLAGS[name]] = True
            continue
        if (name not in _VALUES and name not in _LISTS) or (eq and not name.startswith("--")):
            return None
        if not eq:
            if i == len(rest):
                return None
            value = rest[i]
            i += 1
        if not value or value.startswith("-"):
            return None
        if name in _LISTS:
            lists.setdefault(_LISTS[name], []).append(value)
        elif _VALUES[name] in values:
            return None  # given twice
        else:
            values[_VALUES[name]] = value
    if not paths:
        return None
    fields: dict[str, Any] = dict(flags)
    for key, value in values.items():
        if key == "output_format":
            if value not in _FORMATS:
                return None
            fields[key] = _FORMATS[value]
        elif key == "jobs":
            if not (value.isascii() and value.isdigit()):
                return None
            fields[key] = int(value)
        elif key == "color" and value not in _COLORS:
            return None  # typer's own message
        else:
            fields[key] = Path(value) if key in _PATHS else value
    for key, items in lists.items():
        fields[key] = [Path(v) for v in items] if key in _PATHS else items
    return LintRequest(paths, **fields)


def _echo(message: str, *, err: bool = False) -> None:
    """click.echo for the lines lint prints: each written and flushed. Where click would do
    more (strip ANSI escapes off a terminal, mend a stream misconfigured as ASCII, skip a
    missing stream), click is asked."""
    stream = sys.stderr if err else sys.stdout
    encoding = getattr(stream, "encoding", None) or "ascii"
    if stream is None or "\x1b" in message or codecs.lookup(encoding).name == "ascii":
        import click

        click.echo(message, err=err)
        return
    stream.write(message + "\n")
    stream.flush()


def main() -> None:
    from termcheck.cli.crash import guarded, take_debug_flag

    guarded(_main, take_debug_flag(sys.argv))


def _main() -> None:
    request = plain_lint(sys.argv[1:])
    if request is None:
        from termcheck.cli.commands import app

        app()
        return
    try:
        code = run_lint(request, _echo)
    except KeyboardInterrupt:
        sys.exit(130)  # as typer exits on Ctrl-C
    except OSError as err:
        if err.errno != errno.EPIPE:
            raise
        from click import utils  # as typer does when the reader of a pipe goes away

        pacify: Any = utils.PacifyFlushWrapper  # typed differently across click releases
        sys.stdout = pacify(sys.stdout)
        sys.stderr = pacify(sys.stderr)
        sys.exit(1)
    sys.exit(code)


def __getattr__(name: str) -> Any:
    """termcheck.cli.main.app: the typer app, loaded when asked for."""
    if name == "app":
        from termcheck.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
