"""termcheck archive: a collection checked on a local two-worker Dask cluster gives the
findings `termcheck lint --format json` gives on the same articles, in the same order."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from distributed import Client, LocalCluster  # noqa: E402

from termcheck import archive  # noqa: E402
from termcheck.config import Settings  # noqa: E402
from termcheck.io.discovery import discover  # noqa: E402
from tests.conftest import SEEDS, run_cli  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds and the rules' fixture articles in two sub-folders, in partitions of ~4 KB,
    so that both workers get some; the working folder is tmp_path (lint shows paths from it)."""
    monkeypatch.setattr(archive, "PARTITION_BYTES", 4000)
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "articles"
    for i, path in enumerate([*sorted(SEEDS.glob("*.txt")), *sorted(FIXTURES.glob("*.txt"))]):
        (root / f"part-{i % 2}").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, root / f"part-{i % 2}" / path.name)
    return Path("articles")


def lint_findings(folder: Path) -> list[dict[str, Any]]:
    run = run_cli("lint", str(folder), "--format", "json", "--jobs", "1")
    assert run.exit_code == 1, run.stderr
    findings: list[dict[str, Any]] = json.loads(run.stdout)["findings"]
    assert len({f["path"] for f in findings}) > 20  # many articles have findings
    return findings


def jsonl_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def without_document(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != archive.DOCUMENT_KEY} for r in rows]


def test_folder_on_two_workers_equals_lint(folder: Path, client: Client) -> None:
    expected = lint_findings(folder)
    summary = archive.run(str(folder), Path("out.jsonl"), Settings(), client=client)
    rows = jsonl_rows(Path("out.jsonl"))
    assert without_document(rows) == expected
    assert [r["document"] for r in rows] == [f["path"] for f in expected]
    assert summary.findings == len(expected) and summary.workers == 2 and not summary.errors
    assert summary.documents == sum(1 for _ in folder.rglob("*.txt"))
    # Each worker built its engine once (the plugin, at start) and kept it for its partitions.
    assert sorted(client.run(lambda: len(archive._CHECKERS)).values()) == [1, 1]


def test_parquet_output_and_record_inputs(folder: Path, client: Client) -> None:
    expected = lint_findings(folder)
    # Parquet out: the same rows (fields a finding does not have are null there).
    archive.run(str(folder), Path("out.parquet"), Settings(), client=client)
    table = pq.read_table("out.parquet").to_pylist()
    assert [{k: v for k, v in r.items() if v is not None or k in expected[0]} for r in without_document(table)] \
        == expected
    # JSONL and Parquet records of the same texts, in lint's order: the same findings, the
    # record's id as the document.
    files, _ = discover([folder], Settings().include, [], True)
    records = [{"id": str(p), "text": p.read_text(encoding="utf-8")} for p in files]
    Path("in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records), "in.parquet", row_group_size=10)
    for source in ("in.jsonl", "in.parquet"):
        summary = archive.run(source, Path("records.jsonl"), Settings(), client=client)
        rows = jsonl_rows(Path("records.jsonl"))
        assert summary.documents == len(records) and not summary.errors
        assert without_document(rows) == expected
        assert all(r["document"] == r["path"] for r in rows)


def test_bad_records_are_errors_not_a_crash(tmp_path: Path, client: Client) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "a", "text": "Rebels took Idleb."}\n{"text": "no id"}\n'
                      '{"id": "c", "text": "x", "lang": "xx"}\n', encoding="utf-8")
    summary = archive.run(str(source), tmp_path / "out.jsonl", Settings(), client=client)
    assert summary.documents == 1 and len(summary.errors) == 2
    assert [r["code"] for r in jsonl_rows(tmp_path / "out.jsonl")] == ["TC201"]


def test_the_command(folder: Path) -> None:
    """`termcheck archive` on its own local cluster writes lint's findings; a typo in --select
    is refused before any cluster starts."""
    expected = lint_findings(folder)
    run = run_cli("archive", str(folder), "--out", "cli.parquet", "--workers", "1")
    assert run.exit_code == 0, run.stderr
    assert f"{len(expected)} findings in" in run.stderr and "on 1 workers" in run.stderr
    table = pq.read_table("cli.parquet").to_pylist()
    assert [r["document"] for r in table] == [f["path"] for f in expected]
    assert [(r["code"], r["start"], r["end"]) for r in table] == [(f["code"], f["start"], f["end"]) for f in expected]
    refused = run_cli("archive", str(folder), "--out", "x.jsonl", "--select", "TC2O1")
    assert refused.exit_code == 2 and "unknown rule selector 'TC2O1'" in refused.stderr
