"""The command line: wiring only; the work is done in runner, engine and reporters."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from termcheck import __version__
from termcheck.errors import TermcheckError

app = typer.Typer(
    name="termcheck",
    help="Find machine-translation artifacts and terminology errors in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
glossary_app = typer.Typer(help="Review and validate glossaries.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


def _fail(err: TermcheckError) -> None:
    typer.echo(f"termcheck: error: {err}", err=True)
    raise typer.Exit(2)


def _split(values: Optional[list[str]]) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


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
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to check (folders recursively).")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    lang: Annotated[Optional[str], typer.Option(help="Language of the articles (en, fr, de, es, it, tr); "
                                                     "default: detected per document.")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rule codes or prefixes (TC2, TC401).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rule codes or prefixes.")] = None,
    glossary: Annotated[Optional[list[Path]], typer.Option(help="Another glossary file or folder (repeatable).")] = None,
    no_default_glossary: Annotated[bool, typer.Option("--no-default-glossary",
                                                      help="Do not load the shipped glossaries.")] = False,
    include: Annotated[Optional[list[str]], typer.Option(help="Glob of files to check in folders "
                                                              "(default: *.txt, *.md).")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(help="Glob of files or folders to skip.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
) -> None:
    """Check articles and report machine-translation artifacts. Exit 0: clean, 1: findings, 2: error."""
    from termcheck.config import load_settings
    from termcheck.runner import LintOptions
    from termcheck.runner import lint as run_lint

    try:
        settings = load_settings(Path.cwd())
        if lang:
            settings.lang = lang.lower()
        if select:
            settings.select = _split(select)
        if ignore:
            settings.ignore = _split(ignore)
        if glossary:
            settings.glossary = [*settings.glossary, *glossary]
        if no_default_glossary:
            settings.default_glossary = False
        if include:
            settings.include = _split(include)
        if exclude:
            settings.exclude = _split(exclude)
        result = run_lint(LintOptions(paths, settings))
    except TermcheckError as err:
        _fail(err)
        return
    for notice in result.notices:
        typer.echo(f"termcheck: {notice}", err=True)
    if output_format is OutputFormat.json:
        from termcheck.report.json_report import render
    else:
        from termcheck.report.text import render
    report = render(result)
    if output:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(report, encoding="utf-8")
        except OSError as err:
            _fail(TermcheckError(f"cannot write report: {err.strerror}", output))
    else:
        sys.stdout.write(report)
    raise typer.Exit(1 if result.total else 0)


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
    typer.echo("Flagged:\n    " + r.flagged_example.strip().replace("\n", "\n    "))
    typer.echo("Not flagged:\n    " + r.clean_example.strip().replace("\n", "\n    "))


@glossary_app.command("validate")
def glossary_validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Glossary files or folders "
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


def main() -> None:
    app()
