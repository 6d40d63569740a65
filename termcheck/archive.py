"""Archives on a Dask cluster: the per-document check as a map over partitions of a collection.

    termcheck archive INPUT --out FINDINGS.parquet|.jsonl [--scheduler ADDRESS | --workers N]

INPUT is a folder of articles (walked as `termcheck lint` walks it), a JSONL file of
{"id" or "path", "text", optional "lang"} records, or a Parquet file with those columns. The
documents go to the workers of a `dask.distributed` cluster in partitions of about
`partition_bytes` of text; each worker process builds one termcheck.api.Checker (glossaries,
indexes) when it starts (`CheckerPlugin`) and keeps it for every partition it is given. The
findings come back partition by partition, in the collection's order, and are written as one
row per finding: the fields of a `lint --format json` finding, after `document` (the file's
path as lint shows it, or the record's id).

Workers read the folder's files, the JSONL byte ranges and the Parquet row groups themselves,
so on a cluster of several machines INPUT must be at the same path on each (a shared or
network file system; an s3:// or other fsspec URL works for JSONL). A Parquet file is split
by row groups, one task each: write it with row groups of a few hundred articles. Needs the
`archive` extra: pip install 'termcheck[archive]'.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from distributed.diagnostics.plugin import WorkerPlugin

from termcheck.config import Settings

PARTITION_BYTES = 1_000_000  # ~1-4 s of checking: enough to hide a task's overhead, small enough to balance
DOCUMENT_KEY = "document"

_CHECKERS: dict[bytes, Any] = {}  # per process: settings (pickled) -> termcheck.api.Checker


def checker_for(settings: Settings) -> Any:
    """The process's Checker for `settings`, built on first use (once per worker process)."""
    from termcheck.api import Checker

    key = pickle.dumps(settings)
    found = _CHECKERS.get(key)
    if found is None:
        found = _CHECKERS[key] = Checker(settings)
        found.warm(settings.lang if settings.lang != "auto" else "en")
    return found


class CheckerPlugin(WorkerPlugin):
    """A worker plugin that builds the worker's Checker when the worker starts, so that the
    glossary load and index building happen once per worker, before the first partition."""

    name = "termcheck-checker"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        checker_for(self.settings)


@dataclass
class PartResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    documents: int = 0
    bytes: int = 0


def _rows(result: Any, document: str) -> list[dict[str, Any]]:
    from termcheck.report.json_report import finding_dict

    return [{DOCUMENT_KEY: document, **finding_dict(fr, f)} for fr, f in result.findings]


def check_files(items: list[tuple[str, str]], settings: Settings) -> list[PartResult]:
    """One partition of a folder: (file to read, path as lint shows it) pairs, checked as
    `termcheck lint` checks each file (termcheck.runner.check_path)."""
    from termcheck.results import FileError, RunResult
    from termcheck.runner import LintOptions, check_path

    checker = checker_for(settings)
    out = PartResult()
    for where, shown in items:
        path = Path(where)
        fr, notices = check_path(path, LintOptions(paths=[], settings=settings), checker)
        out.notices.extend(n for n in notices if not isinstance(n, FileError))
        out.errors.extend(str(n) for n in notices if isinstance(n, FileError))
        if fr is None:
            continue
        fr.path = shown
        out.documents += 1
        out.bytes += len(fr.doc.text.encode("utf-8", "surrogateescape"))
        out.rows.extend(_rows(RunResult(files=[fr]), shown))
    return [out]


def check_records(records: Iterable[dict[str, Any]], settings: Settings) -> list[PartResult]:
    """One partition of JSONL or Parquet records, each checked as termcheck.api checks a text."""
    from termcheck.errors import TermcheckError

    checker = checker_for(settings)
    out = PartResult()
    for record in records:
        ident = record.get("id") if record.get("id") is not None else record.get("path")
        text = record.get("text")
        if ident is None or not isinstance(text, str):
            out.errors.append(f"a record without an 'id' or 'path', or without a 'text' string: {str(record)[:80]}")
            continue
        ident = str(ident)
        try:
            result = checker.result(text, record.get("lang") or None, path=str(record.get("path") or ident))
        except TermcheckError as err:
            out.errors.append(f"{ident}: {err}")
            continue
        out.notices.extend(result.notices)
        out.documents += 1
        out.bytes += len(text.encode("utf-8", "surrogateescape"))
        out.rows.extend(_rows(result, ident))
    return [out]


def _jsonl_records(lines: Iterable[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines if line.strip()]


def _parquet_row_group(path: str, group: int) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    columns = [c for c in ("id", "path", "text", "lang") if c in pf.schema_arrow.names]
    rows: list[dict[str, Any]] = pf.read_row_group(group, columns=columns).to_pylist()
    return rows


def _folder_items(folder: Path, settings: Settings) -> tuple[list[list[tuple[str, str]]], list[str]]:
    """The folder's files as `termcheck lint` finds them, in partitions of about PARTITION_BYTES."""
    from termcheck.io.discovery import discover
    from termcheck.runner import display_path

    files, notices = discover([folder], settings.include, settings.exclude, settings.respect_gitignore)
    parts: list[list[tuple[str, str]]] = [[]]
    size = 0
    for path in files:
        if size >= PARTITION_BYTES:
            parts.append([])
            size = 0
        parts[-1].append((os.path.abspath(path), display_path(path)))
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return [p for p in parts if p], [f"{display_path(n.path)}: {n.message}" for n in notices]


def partitions(source: str, settings: Settings) -> tuple[Any, list[str]]:
    """A dask bag of the collection's partitions, each to become one PartResult, and the
    notices of the folder walk. Each partition is one task."""
    import dask.bag as db
    from dask.delayed import delayed

    settings_ = settings
    if Path(source).is_dir():
        parts, notices = _folder_items(Path(source), settings)
        bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
        return bag.map_partitions(lambda ps: check_files([i for p in ps for i in p], settings_)), notices
    if source.endswith(".parquet"):
        import pyarrow.parquet as pq

        where = os.path.abspath(source)  # workers need not share this process's working folder
        groups = pq.ParquetFile(where).num_row_groups
        bag = db.from_delayed([delayed(_parquet_row_group)(where, g) for g in range(groups)])
    elif source.endswith((".jsonl", ".ndjson")):
        bag = db.read_text(source, blocksize=PARTITION_BYTES, linedelimiter="\n").map_partitions(_jsonl_records)
    else:
        from termcheck.errors import InputError

        raise InputError("not a folder, a .jsonl file or a .parquet file", Path(source))
    return bag.map_partitions(check_records, settings_), []


# The Parquet columns: a lint JSON finding's fields, typed once so that every partition's
# batch has the same schema (a batch without any fix would otherwise type 'fix' as null).
def parquet_schema() -> Any:
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    edit = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("replacement", pa.string())])
    return pa.schema([
        (DOCUMENT_KEY, pa.string()), ("path", pa.string()),
        *((k, pa.int64()) for k in ("line", "column", "end_line", "end_column", "start", "end")),
        *((k, pa.string()) for k in ("code", "name", "severity", "message", "text")),
        ("suggestions", pa.list_(pa.string())),
        ("fix", pa.struct([("applicability", pa.string()), ("edits", pa.list_(edit))])),
        ("entry", pa.string()), ("source_span", span), ("unit", pa.string()), ("segment", pa.string()),
    ])


class Writer:
    """Findings to a .jsonl or .parquet file, a batch at a time (in the collection's order)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.parquet = out.suffix == ".parquet"
        self.count = 0
        self._pq: Any = None
        self._text: TextIO | None = None
        if self.parquet:
            import pyarrow.parquet as pq

            self._schema = parquet_schema()
            self._pq = pq.ParquetWriter(str(out), self._schema)
        else:
            self._text = out.open("w", encoding="utf-8")

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.count += len(rows)
        if self._text is not None:
            self._text.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        elif rows:
            import pyarrow as pa

            self._pq.write_table(pa.Table.from_pylist(rows, schema=self._schema))

    def close(self) -> None:
        if self._text is not None:
            self._text.close()
        if self._pq is not None:
            self._pq.close()


@dataclass
class Summary:
    documents: int = 0
    bytes: int = 0
    findings: int = 0
    workers: int = 0
    errors: list[str] = field(default_factory=list)
    setup_seconds: float = 0.0  # each worker's engine built (the plugin)
    check_seconds: float = 0.0  # partitions checked and findings written


@contextmanager
def client_for(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes
    (one thread each: the checks hold the GIL), closed on leaving."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client


def run(source: str, out: Path, settings: Settings, *, client: Any, notice: TextIO = sys.stderr) -> Summary:
    """Check the collection at `source` on `client`'s cluster; findings written to `out`."""
    if out.suffix not in (".parquet", ".jsonl"):
        from termcheck.errors import InputError

        raise InputError("the findings are written as .parquet or .jsonl", out)
    start = time.perf_counter()
    client.register_plugin(CheckerPlugin(settings))
    ready = time.perf_counter()
    bag, notices = partitions(source, settings)
    for n in notices:
        print(f"termcheck: {n}", file=notice)
    summary = Summary(workers=len(client.nthreads()), setup_seconds=ready - start)
    writer = Writer(out)
    try:
        for part in _in_order(client, bag):
            writer.write(part.rows)
            summary.documents += part.documents
            summary.bytes += part.bytes
            summary.errors.extend(part.errors)
            for n in part.notices:
                print(f"termcheck: {n}", file=notice)
    finally:
        writer.close()
    summary.findings = writer.count
    summary.check_seconds = time.perf_counter() - ready
    return summary


def _in_order(client: Any, bag: Any) -> Iterator[PartResult]:
    """The partitions' results in the collection's order, computed all at once on the cluster
    (a result is held by the scheduler until written, then released)."""
    futures = client.compute(bag.to_delayed())
    for future in futures:
        yield from future.result()
        future.release()
