"""Precision: termcheck must stay quiet on clean, human-written English news.

tests/fixtures/clean-news holds short articles written for this test in the house style of
English agencies, full of the names, acronyms and spelling variants English news prints
(Deir ez-Zor, Deir al-Zor and Deir Ezzor; Saraqeb; Huthi; National Liberation Front (FLN);
Ihsane El Kadi). Any finding on them is a false alarm. The Lee corpus (350 Australian news
articles shipped inside gensim) is measured by bench/precision.py.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, run_cli

CLEAN = FIXTURES / "clean-news"
ARTICLES = sorted(CLEAN.glob("*.txt"))
MAX_PER_10K_WORDS = 1.0


@pytest.fixture(scope="module")
def clean_findings() -> dict[str, list[dict[str, Any]]]:
    run = run_cli("lint", CLEAN, "--lang", "en", "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    by_file: dict[str, list[dict[str, Any]]] = {}
    for f in run.json()["findings"]:
        by_file.setdefault(Path(f["path"]).name, []).append(f)
    return by_file


def test_clean_corpus_is_large_enough() -> None:
    assert len(ARTICLES) >= 40
    words = sum(len(a.read_text(encoding="utf-8").split()) for a in ARTICLES)
    assert words >= 40 * 150


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_clean_article_has_no_finding(article: Path, clean_findings: dict[str, list[dict[str, Any]]]) -> None:
    found = [f"{f['line']}:{f['column']} {f['code']} {f['text']!r} -> {f['suggestions'][:1]}"
             for f in clean_findings.get(article.name, [])]
    assert found == []


@pytest.mark.skipif(importlib.util.find_spec("gensim") is None,
                    reason="gensim is not installed: it ships the Lee news corpus that bench/precision.py measures")
def test_lee_corpus_false_alarm_rate() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "precision.py"), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    lee = json.loads(proc.stdout)["lee"]
    assert lee["words"] > 50_000
    assert lee["per_10k_words"] <= MAX_PER_10K_WORDS, lee["by_rule"]


def test_true_error_table_is_well_formed() -> None:
    # The findings precision.py counts as real errors of clean news, not false alarms: each row
    # names a corpus it measures, a document, a rule code, the flagged text, a kind and a reason.
    sys.path.insert(0, str(ROOT / "bench"))
    import precision

    table = precision.read_true_errors(precision.TRUE_ERRORS)
    assert table
    for (corpus, document, rule, text), kind in table.items():
        assert corpus in ("lee", "english-seed", "bbc", "reuters"), corpus
        assert document.startswith(corpus + "-") and rule.startswith("TC") and text and kind


def test_malformed_true_error_table_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "true-errors.tsv"
    bad.write_text("# reviewed\ncorpus\tdocument\trule\ttext\tkind\twhy\nbbc\tbbc-0001\tTC601\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "precision.py"), "--true-errors", str(bad)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode != 0
    assert f"{bad}:3:" in proc.stderr


# The kinds of false alarm fixed above, each beside the error the rule still catches.

def lint(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    run = run_cli("lint", tmp_path / "a.txt", "--lang", "en", "--format", "json")
    assert run.exit_code in (0, 1), run.stderr
    return [(f["code"], f["text"]) for f in run.json()["findings"]]


def test_form_english_shares_with_french_is_flagged_only_beside_other_french_forms(tmp_path: Path) -> None:
    assert lint(tmp_path, "A cylinder of chlorine was dropped on Saraqeb in Idlib province.") == []
    assert ("TC201", "Saraqeb") in lint(tmp_path, "The army pushed towards Maaret al-Noomane and Saraqeb.")


def test_huthi_is_english_unless_the_article_shows_german_forms(tmp_path: Path) -> None:
    assert lint(tmp_path, "Huthi rebels fired a missile at Marib, the Saudi-led coalition said.") == []
    found = lint(tmp_path, "Huthi rebels fired a missile, while the army shelled Damaskus and Rakka.")
    assert ("TC101", "Huthi") in found


def test_acronym_english_keeps_in_source_order_is_not_a_mismatch(tmp_path: Path) -> None:
    assert lint(tmp_path, "In Algeria, the National Liberation Front (FLN) backed Tebboune.") == []
    assert lint(tmp_path, "In Paris, the far-right National Rally (RN) led the polls.") == []
    assert ("TC402", "MPF") in lint(tmp_path, "In Iraq, the Popular Mobilisation Forces (MPF) deployed.")


def test_part_of_another_persons_name_is_not_a_variant(tmp_path: Path) -> None:
    assert lint(tmp_path, "Coalition spokesman Turki al-Malki said the boat was destroyed.") == []
    assert ("TC202", "Nouri al-Malki") in lint(tmp_path, "Former prime minister Nouri al-Malki said he would run.")


def test_french_romanisation_is_english_in_articles_about_the_maghreb(tmp_path: Path) -> None:
    assert lint(tmp_path, "Rescuers reached Al Haouz province, south of Marrakech, Morocco said.") == []
    assert ("TC203", "Souleimane") in lint(tmp_path, "The commander, Souleimane, was killed in the strike in Idlib.")
