"""`termcheck archive`: the command line of termcheck.archive (imports no Dask until it runs)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from termcheck.errors import TermcheckError


def archive(
    source: Annotated[str, typer.Argument(help="A folder of articles, a .jsonl file of {\"id\" or \"path\", "
                                                "\"text\", \"lang\"} records, or a .parquet file with those columns.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The findings: a .parquet or .jsonl file, one row per "
                                                          "finding (lint's JSON fields and 'document').")],
    scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786); "
                                                       "default: a cluster on this machine.")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes of the local cluster "
                                                           "(default: one per core).")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of the articles (default: the record's 'lang', "
                                                  "else detected).")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these rule codes or prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rule codes or prefixes.")] = None,
    glossary: Annotated[list[Path] | None, typer.Option(help="Another glossary file or folder (repeatable).")] = None,
    no_default_glossary: Annotated[bool, typer.Option("--no-default-glossary",
                                                      help="Do not load the shipped glossaries.")] = False,
) -> None:
    """Check an archive on a Dask cluster, one task per partition of documents (needs the
    'archive' extra). Exit 2 when a document could not be checked."""
    from termcheck.cli.commands import _fail, _needs, _server_settings

    try:
        from termcheck import archive as arch
    except ImportError as err:
        _needs("archive", err)
        return
    from termcheck.engine import unknown_selectors

    settings = _server_settings(lang, glossary, no_default_glossary)
    if select:
        settings.select = _split(select)
    settings.ignore = [*settings.ignore, *_split(ignore or [])]
    unknown = unknown_selectors([*settings.select, *settings.ignore])
    if unknown:  # as lint: a typo (TC2O1) must not select or ignore nothing in silence
        _fail(TermcheckError(f"unknown rule selector '{unknown[0]}' (see 'termcheck rules')"))
        return
    start = time.perf_counter()
    try:
        with arch.client_for(scheduler, workers) as client:
            summary = arch.run(source, out, settings, client=client)
    except TermcheckError as err:
        _fail(err)
        return
    took = time.perf_counter() - start
    mb = summary.bytes / 1e6
    rate = mb / summary.check_seconds if summary.check_seconds else 0.0
    for error in summary.errors:
        print(f"termcheck: error: {error}", file=sys.stderr)
    print(f"{summary.findings} findings in {summary.documents} documents ({mb:.2f} MB), written to {out}; "
          f"{took:.1f} s in all: workers' engines built in {summary.setup_seconds:.1f} s, checked in "
          f"{summary.check_seconds:.1f} s on {summary.workers} workers ({rate:.3f} MB/s, "
          f"{rate / max(1, summary.workers):.3f} MB/s per worker)", file=sys.stderr)
    if summary.errors:
        raise typer.Exit(2)


def _split(values: list[str]) -> list[str]:
    """'TC2,TC4' and repeated options alike, as lint reads them."""
    return [c.strip() for v in values for c in v.split(",") if c.strip()]
