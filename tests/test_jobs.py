"""--jobs: worker processes give the same output as one job, in the same order."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from termcheck import parallel
from termcheck.config import Settings
from termcheck.runner import LintOptions, lint
from tests.conftest import SEEDS, run_cli


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A dozen articles in nested folders, with a binary file, an empty one and a broken link
    among them; small, so the threshold below which a run stays in-process is lowered."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_FILES", 2)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    root = tmp_path / "articles"
    for i in range(12):
        folder = root / f"part-{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{i:02d}.txt").write_text(seeds[i % len(seeds)] + f"\n\nUpdate {i}.\n", encoding="utf-8")
    (root / "part-1" / "image.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    (root / "part-2" / "empty.txt").write_text("", encoding="utf-8")
    (root / "part-0" / "gone.txt").symlink_to(root / "nowhere.txt")
    return root


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_of_two_jobs_equals_one_job(corpus: Path, fmt: str) -> None:
    one = run_cli("lint", str(corpus), "--format", fmt, "--jobs", "1", cwd=corpus.parent)
    two = run_cli("lint", str(corpus), "--format", fmt, "--jobs", "2", cwd=corpus.parent)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "image.txt: binary file skipped" in two.stderr


def _pid_check(path: Path, options: LintOptions, engine: Any) -> parallel.Checked:
    return None, [f"{path.name} {os.getpid()}"]


def test_parallel_run_really_uses_workers_and_keeps_the_order(corpus: Path) -> None:
    files = sorted(corpus.rglob("*.txt"))
    options = LintOptions([corpus], Settings(), jobs=2)
    outcomes = list(parallel.check_files(files, _pid_check, options, None, jobs=2))  # type: ignore[arg-type]
    assert [path for path, _, _ in outcomes] == files
    pids = {int(notices[0].split()[1]) for _, _, notices in outcomes}
    assert os.getpid() not in pids


def test_documents_are_kept_or_let_go_as_asked(corpus: Path) -> None:
    kept = lint(LintOptions([corpus], Settings(), jobs=2, keep_documents=True))
    light = lint(LintOptions([corpus], Settings(), jobs=2, keep_documents=False))
    serial = lint(LintOptions([corpus], Settings(), jobs=1, keep_documents=True))
    assert [fr.path for fr in kept.files] == [fr.path for fr in light.files] == [fr.path for fr in serial.files]
    assert sum(bool(k.doc.text) for k in kept.files) == 12
    for k, lt, s in zip(kept.files, light.files, serial.files, strict=True):
        assert k.doc.text == s.doc.text  # the fixer reads the text
        assert lt.doc.text == ""  # a report-only run keeps no article in memory
        assert [(f.code, f.span, f.text) for f in lt.findings] == [(f.code, f.span, f.text) for f in s.findings]
        for f in s.findings:
            assert lt.position(f.span.start) == s.position(f.span.start)
            assert lt.position(f.span.end) == s.position(f.span.end)


def test_small_runs_stay_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a tiny run")

    import multiprocessing  # parallel imports it only to start a pool

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    result = lint(LintOptions(sorted(SEEDS.glob("*.txt")), Settings(), jobs=4))
    assert len(result.files) == 2


def test_default_jobs_is_the_number_of_usable_cores() -> None:
    assert parallel.default_jobs() >= 1


def test_jobs_option_rejects_negative_numbers(tmp_path: Path) -> None:
    run = run_cli("lint", str(SEEDS), "--jobs", "-1", cwd=tmp_path)
    assert run.exit_code == 2
