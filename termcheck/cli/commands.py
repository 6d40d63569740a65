"""The typer app: every command with its options and help (termcheck.cli.main runs plain `lint`
command lines without it). Wiring only; the work is done in runner, engine and reporters."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from termcheck import __version__
from termcheck.cli.main import LintRequest, run_lint
from termcheck.errors import TermcheckError

if TYPE_CHECKING:
    from termcheck.config import Settings

app = typer.Typer(
    name="termcheck",
    help="Find machine-translation artifacts and terminology errors in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
glossary_app = typer.Typer(help="Review, validate and convert glossaries.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")
cache_app = typer.Typer(help="Where termcheck keeps its caches, and clearing them.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


from termcheck.report.formats import ReportFormat  # noqa: E402  (lint's --format; beside the enum it extends)


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _fail(err: TermcheckError) -> None:
    typer.echo(f"termcheck: error: {err}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """termcheck: a translation quality and terminology checker for news."""


@app.command()
def lint(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to check (folders recursively); '-': "
                                                     "standard input.")],
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format (html and xlsx: "
                                                        "files for translators, reports/termcheck-report.html or "
                                                        ".xlsx unless -o; csv: one row per finding).")
                             ] = ReportFormat.text,
    lang: Annotated[str | None, typer.Option(help="Language of the articles (en, fr, de, es, it, tr); "
                                                     "default: detected per document.")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rule codes or prefixes (TC2, TC401).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule codes or prefixes.")] = None,
    glossary: Annotated[list[Path] | None, typer.Option(help="Another glossary file or folder (repeatable).")] = None,
    no_default_glossary: Annotated[bool, typer.Option("--no-default-glossary",
                                                      help="Do not load the shipped glossaries.")] = False,
    include: Annotated[list[str] | None, typer.Option(help="Glob of files to check in folders "
                                                              "(default: *.txt, *.md and the bilingual *.xlf, *.xliff, "
                                                              "*.sdlxliff, *.mqxliff, *.po, *.tmx).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob of files or folders to skip.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Report only findings not recorded in this baseline "
                                                          "file (see --write-baseline).")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="Record every current finding "
                                                           "in this file and exit 0.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but findings.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the safe fixes in place; report what remains.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, also apply the "
                                                                      "unsafe fixes (first suggestion).")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of what --fix would change; "
                                                      "write nothing.")] = False,
    interactive: Annotated[bool, typer.Option("--interactive", "-i", help="Review each finding that has "
                                                                          "suggestions and choose the fix.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (default 0: one per core; "
                                                                  "1: no workers). Output is the same.")] = 0,
    source: Annotated[Path | None, typer.Option(help="The text the articles were translated from: a file for "
                                                     "one article, a folder for folders (paired by relative "
                                                     "path); enables the bilingual rules (TC8xx).")] = None,
    source_lang: Annotated[str | None, typer.Option("--source-lang", help="Language of the sources; default: "
                                                                           "detected per file.")] = None,
    fix_readonly: Annotated[bool, typer.Option("--fix-readonly", help="With --fix or --interactive, also write "
                                                                      "read-only files (refused otherwise).")] = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="With --fix or --interactive, also write "
                                                                      "through symbolic links to files outside the "
                                                                      "checked folders (refused otherwise).")] = False,
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename", help="The name of '-' (standard "
                                                       "input): its language, markup and name in reports.")] = None,
    no_ignore: Annotated[bool, typer.Option("--no-ignore", help="Also check the files that .gitignore and .ignore "
                                                                "files name (left out of folder walks by default).")
                         ] = False,
    color: Annotated[ColorChoice, typer.Option("--color", help="Colour the text report: auto (on a terminal, "
                                                               "unless NO_COLOR is set), always or never.")
                     ] = ColorChoice.auto,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count the findings per rule and per flagged "
                                                                   "term instead of listing them.")] = False,
    show_fixes: Annotated[bool, typer.Option("--show-fixes", help="List the fixes available (with --fix: the "
                                                                  "fixes applied).")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings (errors "
                                                                "still exit 2).")] = False,
) -> None:
    """Check articles and report machine-translation artifacts. Exit 0: clean, 1: findings, 2: error.
    '-' reads standard input (with --fix, the fixed text goes to standard output)."""
    request = LintRequest(paths, output_format, lang, select, ignore, glossary, no_default_glossary, include, exclude,
                          output, baseline, write_baseline, quiet, fix, unsafe_fixes, diff, interactive, jobs,
                          source, source_lang, fix_readonly, follow_links, stdin_filename=stdin_filename,
                          no_ignore=no_ignore, color=color.value, statistics=statistics, show_fixes=show_fixes,
                          exit_zero=exit_zero)
    raise typer.Exit(run_lint(request, typer.echo))


@app.command()
def score(
    hypotheses: Annotated[list[Path], typer.Argument(metavar="HYP", help="Machine-translated files or folders.")],
    ref: Annotated[list[Path], typer.Option("--ref", help="The human reference of each HYP, a file or a folder "
                                                          "(repeatable; one folder serves all).")],
    fixed: Annotated[bool, typer.Option("--fixed", help="Also score the text as termcheck's safe fixes "
                                                        "would leave it.")] = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    lang: Annotated[str | None, typer.Option(help="Language of the articles, for --fixed.")] = None,
    glossary: Annotated[list[Path] | None, typer.Option(help="Another glossary, for --fixed.")] = None,
    no_default_glossary: Annotated[bool, typer.Option("--no-default-glossary",
                                                      help="Do not load the shipped glossaries.")] = False,
) -> None:
    """Score translations against references: BLEU, chrF and TER (sacrebleu), lines aligned."""
    from termcheck.config import load_settings
    from termcheck.report.score_report import render_json, render_text
    from termcheck.runner import display_path
    from termcheck.score import pair_paths, score_pairs

    try:
        settings = load_settings(Path.cwd())
        settings.lang = lang.lower() if lang else settings.lang
        settings.glossary = [*settings.glossary, *(glossary or [])]
        settings.default_glossary = settings.default_glossary and not no_default_glossary
        pairs = pair_paths(hypotheses, ref, settings.include, settings.exclude)
        fixer = None
        if fixed:
            from termcheck.api import Checker
            from termcheck.fix.run import score_fixer

            fixer = score_fixer(Checker(settings), settings.lang)
        report = score_pairs(pairs, display_path, fixer)
    except TermcheckError as err:
        _fail(err)
        return
    sys.stdout.write(render_json(report) if output_format is OutputFormat.json else render_text(report))


@app.command("rules")
def list_rules(
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """List every rule: code, name, default severity and summary."""
    import json

    from termcheck.rules import all_rules

    rules = all_rules()
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary,
                                "fixable": r.fixable} for r in rules], indent=2))
        return
    width = max(len(r.name) for r in rules)
    for r in rules:
        typer.echo(f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}")


@app.command("rule")
def explain_rule(code: Annotated[str, typer.Argument(help="A rule code such as TC201.")]) -> None:
    """Explain one rule, with an example it flags and one it does not."""
    from termcheck.rules import REGISTRY

    r = REGISTRY.get(code.upper())
    if r is None:
        _fail(TermcheckError(f"no rule '{code}' (see 'termcheck rules')"))
        return
    typer.echo(f"{r.code} {r.name} ({r.severity.value}{', fixable' if r.fixable else ''})\n")
    typer.echo(f"{r.summary}\n")
    typer.echo(f"{r.explanation}\n")
    for title, example in (("Flagged", r.flagged_example), ("Not flagged", r.clean_example)):
        target, bar, source = example.partition(" ||| ")  # a bilingual rule's example: "TARGET ||| SOURCE"
        typer.echo(f"{title}:\n    " + target.strip().replace("\n", "\n    "))
        if bar:
            typer.echo("  with the source:\n    " + source.strip().replace("\n", "\n    "))


def _server_settings(lang: str | None, glossary: list[Path] | None, no_default_glossary: bool) -> Settings:
    """The settings of the working folder's termcheck.toml, with the command line's options."""
    from termcheck.config import load_settings

    settings = load_settings(Path.cwd())
    settings.lang = lang.lower() if lang else settings.lang
    settings.glossary = [*settings.glossary, *(glossary or [])]
    settings.default_glossary = settings.default_glossary and not no_default_glossary
    return settings


def _needs(extra: str, err: ImportError) -> None:
    missing = (err.name or "a library").split(".")[0]
    typer.echo(f"termcheck: error: this command needs the '{extra}' extra ({missing} is not installed): "
               f"pip install 'termcheck[{extra}]'", err=True)
    raise typer.Exit(2)


@app.command()
def serve(
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port to listen on.")] = 8765,
    host: Annotated[str, typer.Option(help="Address to listen on (default: loopback only; 0.0.0.0 for "
                                           "every interface).")] = "127.0.0.1",
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Largest request body (larger: 413).")
                         ] = 2_000_000,
    lang: Annotated[str | None, typer.Option(help="Default language of the articles (default: detected).")] = None,
    glossary: Annotated[list[Path] | None, typer.Option(help="Another glossary file or folder (repeatable).")] = None,
    no_default_glossary: Annotated[bool, typer.Option("--no-default-glossary",
                                                      help="Do not load the shipped glossaries.")] = False,
    log_level: Annotated[str, typer.Option("--log-level", help="debug, info, warning or error.")] = "info",
) -> None:
    """Serve the HTTP API for newsroom systems: POST /v1/check, GET /v1/rules, /healthz, /openapi.json."""
    try:
        from termcheck.server.http import serve as run_server
    except ImportError as err:
        _needs("server", err)
        return
    from termcheck.api import Checker

    try:
        checker = Checker(_server_settings(lang, glossary, no_default_glossary))
    except TermcheckError as err:
        _fail(err)
        return
    run_server(checker, host=host, port=port, max_bytes=max_bytes, log_level=log_level)


@app.command()
def lsp() -> None:
    """Run the language server for editors over stdio (diagnostics, quick fixes, hover)."""
    try:
        from termcheck.server.lsp import run_stdio
    except ImportError as err:
        _needs("lsp", err)
        return
    run_stdio()


from termcheck.cli.archive import archive  # noqa: E402  (its own module: Dask is imported only when it runs)

app.command()(archive)


@cache_app.command("dir")
def cache_dir_command() -> None:
    """Print the cache folder (TERMCHECK_CACHE_DIR, else $XDG_CACHE_HOME/termcheck, else ~/.cache/termcheck)."""
    from termcheck.cli.cache import cache_files, megabytes, total_bytes
    from termcheck.glossary.cache import cache_dir

    folder = cache_dir()
    if folder is None:
        typer.echo("termcheck: caching is off (TERMCHECK_NO_CACHE is set)", err=True)
        raise typer.Exit(1)
    typer.echo(str(folder))
    files = cache_files(folder)
    typer.echo(f"{len(files)} cache files, {megabytes(total_bytes(files))}", err=True)  # for people, not pipes


@cache_app.command("clean")
def cache_clean_command() -> None:
    """Remove termcheck's cache files (the next run builds them again, ~20 s)."""
    from termcheck.cli.cache import clean, megabytes
    from termcheck.glossary.cache import cache_dir

    folder = cache_dir()
    if folder is None:
        typer.echo("termcheck: caching is off (TERMCHECK_NO_CACHE is set); nothing to clean", err=True)
        return
    removed, freed = clean(folder)
    typer.echo(f"removed {removed} cache file{'s' if removed != 1 else ''} ({megabytes(freed)}) from {folder}")


@glossary_app.command("validate")
def glossary_validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Glossary files or folders "
                                                               "(default: the shipped glossaries).")] = None,
) -> None:
    """Check glossaries: schema, sorted ids, no duplicates, no wrong form that is another entry's right one."""
    from termcheck.glossary.loader import default_glossary_dir
    from termcheck.glossary.validate import summary, validate

    v = validate(paths or [default_glossary_dir()])
    for err in v.errors:
        typer.echo(f"termcheck: error: {err}", err=True)
    typer.echo(summary(v))
    raise typer.Exit(0 if v.ok else (2 if v.fatal else 1))



@glossary_app.command("convert")
def glossary_convert(
    source: Annotated[Path, typer.Argument(metavar="IN", help="A glossary file (TOML, TBX, CSV, TSV) or a folder.")],
    target: Annotated[Path, typer.Argument(metavar="OUT", help="The file to write ('-': standard output).")],
    from_format: Annotated[str | None, typer.Option("--from", help="toml, tbx, csv or tsv (default: IN's "
                                                                   "suffix).")] = None,
    to_format: Annotated[str | None, typer.Option("--to", help="toml, tbx (TBX-Basic v2), tbx3 (TBX v3), csv or tsv "
                                                               "(default: OUT's suffix).")] = None,
) -> None:
    """Convert name entries between TOML, TBX (TBX-Basic) and CSV/TSV; phrase and residue entries are left out."""
    from termcheck.glossary.convert import convert, format_of, read_any
    from termcheck.io.safewrite import atomic_write

    try:
        fmt_in = format_of(source, from_format, "input")
        fmt_out = format_of(target, to_format, "output") if str(target) != "-" or to_format else "toml"
        result = convert(read_any(source, fmt_in), fmt_out, title=source.stem)
        if str(target) == "-":
            sys.stdout.buffer.write(result.text)
        else:
            atomic_write(target, result.text)
    except TermcheckError as err:
        _fail(err)
        return
    except OSError as err:
        _fail(TermcheckError(f"cannot write: {err.strerror or err}", target))
        return
    skipped = result.skipped_message(fmt_out)
    if skipped:
        typer.echo(f"termcheck: note: {source}: {skipped}", err=True)
    if str(target) != "-":
        typer.echo(f"{result.names} name entries written to {target} ({fmt_out})", err=True)
