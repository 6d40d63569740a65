"""Golden files: the exact findings on the two seed articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, UPDATE, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden"


def _lint(path: Path) -> list[dict]:  # type: ignore[type-arg]
    run = run_cli("lint", path.name, "--format", "json", cwd=path.parent)
    assert run.exit_code == 1, run.stderr
    return [{k: f[k] for k in ("line", "column", "code", "severity", "text", "suggestions")}
            | {"fix": f["fix"]["applicability"] if f["fix"] else None} for f in run.json()["findings"]]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name.split("_")[0])
def test_seed_golden(seed: Path) -> None:
    got = _lint(seed)
    golden = GOLDEN / (seed.stem + ".json")
    if UPDATE or not golden.exists():
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def _first(findings: list[dict], text: str) -> list[str]:  # type: ignore[type-arg]
    return [f["suggestions"][0] for f in findings if f["text"] == text]


def test_machine_translated_seed_artifacts() -> None:
    """The artifacts the issue lists, each with the right first suggestion."""
    found = _lint(next(SEEDS.glob("mt-from-french_*.txt")))
    text = (next(SEEDS.glob("mt-from-french_*.txt"))).read_text(encoding="utf-8")
    assert _first(found, "Idleb") == ["Idlib"] * text.count("Idleb")
    assert _first(found, "OSDH") == ["SOHR"] * text.count("OSDH")
    assert _first(found, "by diet") == ["by the regime"]
    assert _first(found, "FNL") == ["NLF"]
    assert _first(found, "Syrian Observatory of Human Rights") == ["Syrian Observatory for Human Rights"]
    assert _first(found, "Khan Cheikhoun") == ["Khan Sheikhoun"] * 2
    assert any(f["text"].endswith("Rahmane") and f["suggestions"][0].endswith("Rahman") for f in found)
    assert any(f["text"].startswith(">> Read also") and f["suggestions"] == [""] for f in found)
    assert {"evoke", "evoking"} <= {f["text"] for f in found}


def test_english_original_seed_only_real_problems() -> None:
    found = _lint(next(SEEDS.glob("english-original_*.txt")))
    serious = [f for f in found if f["severity"] in ("error", "warning")]
    assert [(f["text"], f["suggestions"][0]) for f in serious] == [
        ("date 2019-08-20", ""), ("Khan Shayhkun", "Khan Shaykhun")]
