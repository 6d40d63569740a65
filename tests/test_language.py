"""Language detection, untranslated passages and the source-language fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, lint_text, run_cli

from termcheck.lang.detect import detect_language

SAMPLES = {
    "en": "The rebels withdrew from the town on Tuesday after regime forces advanced, the observatory said.",
    "fr": "Les rebelles se sont retirés mardi de la ville après l'avancée des forces du régime, selon l'observatoire.",
    "de": "Die Rebellen haben sich am Dienstag aus der Stadt zurückgezogen, nachdem die Truppen vorgerückt sind.",
    "es": "Los rebeldes se retiraron el martes de la ciudad tras el avance de las fuerzas del régimen, según el "
          "observatorio.",
    "it": "I ribelli si sono ritirati martedì dalla città dopo l'avanzata delle forze del regime, secondo "
          "l'osservatorio.",
    "tr": "Rejim güçlerinin ilerlemesinin ardından muhalifler Salı günü kentten çekildi ve gözlemevi bunu "
          "doğruladı.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_each_language(lang: str) -> None:
    assert detect_language(SAMPLES[lang]) == lang


def test_unsure_text_falls_back_to_english() -> None:
    assert detect_language("Idlib, 2019") == "en"
    assert detect_language("") == "en"


def test_detection_is_reproducible() -> None:
    text = "Rejim güçleri Salı günü kente girdi."
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_json_documents_carry_language_and_likely_source() -> None:
    data = run_cli("lint", str(SEEDS), "--format", "json").json()
    docs = {Path(d["path"]).name.split("_")[0]: d for d in data["documents"]}
    assert docs["mt-from-french"]["lang"] == "en"
    assert docs["mt-from-french"]["source_lang"] == "fr"
    assert docs["mt-from-french"]["source_confidence"] >= 0.9
    assert "source_lang" not in docs["english-original"]
    assert set(data) >= {"version", "files", "findings"}


def test_text_summary_names_the_likely_source_language() -> None:
    run = run_cli("lint", str(SEEDS))
    assert "likely translated from French (confidence" in run.stdout


def test_untranslated_sentence_is_flagged_with_its_language(tmp_path: Path) -> None:
    text = ("The offensive continued.\n\nLire aussi : Dans le nord-ouest de la Syrie, une guerre sans fin.\n\n"
            "Regime forces entered the town. Die Armee hat die Stadt am Dienstag eingenommen, sagte ein Sprecher.\n")
    found = lint_text(tmp_path, text, "--select", "TC501")
    assert [(f["text"][:10], f["message"]) for f in found] == [
        ("Lire aussi", "untranslated French sentence"), ("Die Armee ", "untranslated German sentence")]


@pytest.mark.parametrize("text", [
    "The ceasefire was the raison d'être of the talks, and the déjà vu among diplomats was palpable.",
    "Reporters Sans Frontières and Médecins Sans Frontières condemned the arrests on Monday.",
    'The newspaper ran the headline "La guerre sans fin de la Syrie" over a photograph of Idlib.',
    "The minister, an enfant terrible of the cabinet, said the plan was a fait accompli.",
])
def test_loan_phrases_and_titles_are_not_untranslated(tmp_path: Path, text: str) -> None:
    assert lint_text(tmp_path, text, "--select", "TC501") == []


def test_detected_language_not_covered_gives_a_notice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Это статья на русском языке о событиях в Сирии и о переговорах.\n",
                                    encoding="utf-8")
    run = run_cli("lint", tmp_path / "a.txt")
    assert run.exit_code in (0, 1)
    assert "not covered by the glossaries" in run.stderr


def test_french_article_keeps_french_forms_and_flags_english_ones(tmp_path: Path) -> None:
    french = ("Selon l'Observatoire syrien des droits de l'homme (OSDH), les rebelles ont quitté Khan Cheikhoun, "
              "dans la province d'Idleb, et les environs de Lattaquié.")
    assert lint_text(tmp_path, french) == []
    english = "According to the OSDH, rebels left Khan Cheikhoun in Idleb province and the area of Lattaquié."
    flagged = {f["text"]: f["suggestions"][0] for f in lint_text(tmp_path, english, name="en.txt")}
    assert flagged == {"OSDH": "SOHR", "Khan Cheikhoun": "Khan Sheikhoun", "Idleb": "Idlib", "Lattaquié": "Latakia"}
