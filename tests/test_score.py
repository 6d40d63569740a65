"""`termcheck score`: BLEU, chrF and TER as sacrebleu computes them, pairing, errors, --fixed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sacrebleu
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from termcheck.score import split_lines
from tests.conftest import SEEDS, run_cli

SEED = next(SEEDS.glob("mt-from-french_000_*.txt"))

HYP_A = "Rebels left Idleb on Tuesday.\nThe OSDH said twelve civilians died.\n\nTalks failed by diet.\n"
REF_A = "Rebels withdrew from Idlib on Tuesday.\nThe SOHR said 12 civilians were killed.\n\nThe regime won.\n"
HYP_B = "Turkey sent a convoy of 50 vehicles.\nIt had to stop after strikes.\n"
REF_B = "Turkey sent a convoy of about 50 vehicles.\nIt stopped after air strikes.\n"


def reference_of(text: str) -> str:
    """A human reference for the seed: the machine translation as a sub-editor corrected it."""
    for wrong, right in [("Idleb", "Idlib"), ("OSDH", "SOHR"), ("by diet", "by the regime"),
                         ("Cheikhoun", "Sheikhoun"), ("Observatory of Human", "Observatory for Human"),
                         ("Rahmane", "Rahman"), ("Same story on the side of", "It was the same story for")]:
        text = text.replace(wrong, right)
    return text


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for side, a, b in (("hyp", HYP_A, HYP_B), ("ref", REF_A, REF_B)):
        (tmp_path / side / "world").mkdir(parents=True)
        (tmp_path / side / "a.txt").write_text(a, encoding="utf-8")
        (tmp_path / side / "world" / "b.txt").write_text(b, encoding="utf-8")
    return tmp_path


def score(cwd: Path, *args: str) -> Any:
    run = run_cli("score", *args, "--format", "json", cwd=cwd)
    assert run.exit_code == 0, run.stderr
    return run.json()


def expected(hyp: str, ref: str) -> dict[str, float]:
    hyps, refs = split_lines(hyp), split_lines(ref)
    return {
        "bleu": sacrebleu.corpus_bleu(hyps, [refs]).score,
        "chrf": sacrebleu.corpus_chrf(hyps, [refs]).score,
        "ter": sacrebleu.corpus_ter(hyps, [refs]).score,
    }


def test_corpus_scores_agree_with_sacrebleu(corpus: Path) -> None:
    data = score(corpus, "hyp", "--ref", "ref")
    want = expected(HYP_A + HYP_B, REF_A + REF_B)
    for metric in ("bleu", "chrf", "ter"):
        assert data[metric]["score"] == pytest.approx(want[metric], abs=0.01)
    assert data["files"] == 2 and data["lines"] == 6


def test_per_document_scores_agree_with_sacrebleu(corpus: Path) -> None:
    docs = {d["path"]: d for d in score(corpus, "hyp", "--ref", "ref")["documents"]}
    assert set(docs) == {"hyp/a.txt", "hyp/world/b.txt"}
    assert docs["hyp/world/b.txt"]["ref"] == "ref/world/b.txt"
    for path, hyp, ref in (("hyp/a.txt", HYP_A, REF_A), ("hyp/world/b.txt", HYP_B, REF_B)):
        want = expected(hyp, ref)
        for metric in ("bleu", "chrf", "ter"):
            assert docs[path][metric] == pytest.approx(want[metric], abs=0.01)
        assert docs[path]["lines"] == len(split_lines(hyp))


def signature(metric: BLEU | CHRF | TER) -> str:
    metric.corpus_score(["a b"], [["a b"]])  # sacrebleu knows the number of references once it has scored
    return str(metric.get_signature())


def test_signatures_are_sacrebleus(corpus: Path) -> None:
    data = score(corpus, "hyp/a.txt", "--ref", "ref/a.txt")
    assert data["bleu"]["signature"] == signature(BLEU())
    assert data["chrf"]["signature"] == signature(CHRF())
    assert data["ter"]["signature"] == signature(TER())
    assert f"version:{sacrebleu.__version__}" in data["bleu"]["signature"]


def test_text_report(corpus: Path) -> None:
    run = run_cli("score", "hyp/a.txt", "--ref", "ref/a.txt", cwd=corpus)
    want = expected(HYP_A, REF_A)
    row = next(line for line in run.stdout.splitlines() if line.startswith("hyp/a.txt"))
    assert row.split()[-3:] == [f"{want[m]:.2f}" for m in ("bleu", "chrf", "ter")]
    assert f"BLEU signature: {signature(BLEU())}" in run.stdout
    assert run.exit_code == 0


def test_files_pair_in_order_and_with_a_reference_folder(corpus: Path) -> None:
    both = score(corpus, "hyp/a.txt", "hyp/world/b.txt", "--ref", "ref/a.txt", "--ref", "ref/world/b.txt")
    assert both["bleu"]["score"] == pytest.approx(expected(HYP_A + HYP_B, REF_A + REF_B)["bleu"], abs=0.01)
    by_name = score(corpus, "hyp/world/b.txt", "--ref", "ref/world")
    assert by_name["documents"][0]["ref"] == "ref/world/b.txt"


def _error(cwd: Path, *args: str) -> str:
    run = run_cli("score", *args, cwd=cwd)
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    return run.stderr


def test_mismatched_line_counts_name_the_file(corpus: Path) -> None:
    (corpus / "ref" / "world" / "b.txt").write_text(REF_B + "One line too many.\n", encoding="utf-8")
    err = _error(corpus, "hyp", "--ref", "ref")
    assert err.startswith("termcheck: error: hyp/world/b.txt: 2 lines, but its reference ref/world/b.txt has 3")


def test_missing_reference_names_the_file(corpus: Path) -> None:
    (corpus / "ref" / "world" / "b.txt").unlink()
    assert "hyp/world/b.txt: no reference (expected ref/world/b.txt)" in _error(corpus, "hyp", "--ref", "ref")


def test_reference_without_hypothesis_names_the_file(corpus: Path) -> None:
    (corpus / "ref" / "c.txt").write_text("An extra article.\n", encoding="utf-8")
    assert "ref/c.txt: reference without a hypothesis" in _error(corpus, "hyp", "--ref", "ref")


def test_more_hypotheses_than_references(corpus: Path) -> None:
    assert "2 hypotheses but 1 references" in _error(corpus, "hyp/a.txt", "hyp/world/b.txt", "--ref", "ref/a.txt")


def test_folder_against_a_file(corpus: Path) -> None:
    assert "must be a folder too" in _error(corpus, "hyp", "--ref", "ref/a.txt")


def test_empty_hypothesis_is_an_error(corpus: Path) -> None:
    (corpus / "hyp" / "a.txt").write_text("", encoding="utf-8")
    (corpus / "ref" / "a.txt").write_text("", encoding="utf-8")
    assert "hyp/a.txt: is empty: nothing to score" in _error(corpus, "hyp", "--ref", "ref")


def test_line_endings_and_encodings_do_not_matter(corpus: Path) -> None:
    (corpus / "hyp" / "a.txt").write_bytes(b"\xef\xbb\xbf" + HYP_A.replace("\n", "\r\n").encode("utf-8"))
    (corpus / "ref" / "a.txt").write_bytes(REF_A.encode("utf-16"))
    data = score(corpus, "hyp/a.txt", "--ref", "ref/a.txt")
    assert data["bleu"]["score"] == pytest.approx(expected(HYP_A, REF_A)["bleu"], abs=0.01)


def test_split_lines() -> None:
    assert split_lines("a\r\nb\rc\n") == ["a", "b", "c"]
    assert split_lines("a\n\n") == ["a", ""]
    assert split_lines("") == []


# --- before and after termcheck's safe fixes --------------------------------------------------


@pytest.fixture
def seed_pair(tmp_path: Path) -> Path:
    (tmp_path / "hyp").mkdir()
    (tmp_path / "ref").mkdir()
    shutil.copyfile(SEED, tmp_path / "hyp" / "seed.txt")
    (tmp_path / "ref" / "seed.txt").write_text(reference_of(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    return tmp_path


def test_fixed_scores_the_text_the_safe_fixes_leave(seed_pair: Path) -> None:
    data = score(seed_pair, "hyp", "--ref", "ref", "--fixed")
    # What --fix writes, scored by sacrebleu, is what --fixed reports.
    copy = seed_pair / "fixed.txt"
    shutil.copyfile(SEED, copy)
    run_cli("lint", str(copy), "--fix", cwd=seed_pair)
    fixed_text = copy.read_text(encoding="utf-8")
    assert fixed_text != SEED.read_text(encoding="utf-8")
    want = expected(fixed_text, (seed_pair / "ref" / "seed.txt").read_text(encoding="utf-8"))
    doc = data["documents"][0]
    for metric in ("bleu", "chrf", "ter"):
        assert doc["fixed"][metric] == pytest.approx(want[metric], abs=0.01)
        assert data["fixed"][metric]["score"] == pytest.approx(want[metric], abs=0.01)
        assert data["fixed"][metric]["signature"] == data[metric]["signature"]
    assert doc["fixed"]["fixes"] >= 1 and data["fixed"]["fixes"] == doc["fixed"]["fixes"]
    # Against a reference that writes Idlib and SOHR, the fixes bring the text closer.
    assert data["fixed"]["bleu"]["score"] > data["bleu"]["score"]
    assert data["fixed"]["ter"]["score"] < data["ter"]["score"]
    assert (seed_pair / "hyp" / "seed.txt").read_bytes() == SEED.read_bytes()  # scoring writes nothing


def test_fixed_text_report_shows_the_change(seed_pair: Path) -> None:
    run = run_cli("score", "hyp", "--ref", "ref", "--fixed", cwd=seed_pair)
    assert run.exit_code == 0
    after = [line for line in run.stdout.splitlines() if re.match(r"\s+after \d+ safe fix", line)]
    assert len(after) == 2  # the document and the corpus
    assert re.search(r"\(\+\d+\.\d\d\)", after[0])


def test_without_fixed_there_is_no_fixed_key(corpus: Path) -> None:
    data = score(corpus, "hyp", "--ref", "ref")
    assert "fixed" not in data and all("fixed" not in d for d in data["documents"])


def test_sacrebleu_is_imported_only_to_score() -> None:
    code = ("import sys, termcheck.cli.main, termcheck.score, termcheck.fix.run, termcheck.report.score_report; "
            "assert 'sacrebleu' not in sys.modules, 'sacrebleu imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])
