"""TC202 (unseen spellings of glossary names) and TC203 (source-language romanisation)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text

from termcheck.lang.romanisation import fold_key, keys_for, romanisations


@pytest.mark.parametrize(("lang", "word", "expected"), [
    ("fr", "Cheikhoun", "sheikhun"), ("fr", "Tchétchénie", "chéchénie"), ("fr", "Rahmane", "rahman"),
    ("fr", "Djihad", "jihad"), ("de", "Dscharablus", "jarablus"), ("de", "Scheich", "sheikh"),
    ("tr", "Şeyhun", "sheyhun"), ("tr", "Cerablus", "jerablus"), ("es", "Jan", "khan"),
])
def test_romanisation_rewrites(lang: str, word: str, expected: str) -> None:
    assert romanisations()[lang].rewrite(word) == expected


def test_fold_key_merges_spelling_noise() -> None:
    assert fold_key("Latakkia") == fold_key("Latakia")
    assert fold_key("Maaret al-Numan") == fold_key("Maaret al Numan")
    assert ("fr", "khan sheikhun") in keys_for("Khan Cheikhoun")


@pytest.mark.parametrize(("text", "flagged", "suggestion"), [
    ("Russian jets flew from the base near Latakkia on Monday.", "Latakkia", "Latakia"),
    ("The delegation left Damascuss for Geneva.", "Damascuss", "Damascus"),
    ("Shelling hit eastern Aleepo overnight.", "Aleepo", "Aleppo"),
    ("The army pushed towards Maaret al-Nooman on Sunday.", "Maaret al-Nooman", None),
])
def test_unseen_variant_flagged(tmp_path: Path, text: str, flagged: str, suggestion: str | None) -> None:
    found = [f for f in lint_text(tmp_path, text, "--lang", "en") if f["text"] == flagged]
    assert found and found[0]["code"] in ("TC201", "TC202")
    if suggestion:
        assert found[0]["suggestions"][0] == suggestion
    assert found[0]["fix"] is None or found[0]["code"] == "TC201" or found[0]["fix"]["applicability"] == "unsafe"


@pytest.mark.parametrize("text", [
    "Homes near the river were flooded on Monday.",
    "Hamas officials met in Doha, and Iran and Iraq sent envoys to Homs and Hama.",
    "Mohamed, Mohammed and Muhammad are common names; Hussein and Hussain met Hassan.",
    "Carter and Carver met Austin and Justin in Sydney and Sidney.",
    "The commander, Suleiman, met Suleimani's successor.",
])
def test_unseen_variant_quiet_on_real_words_and_names(tmp_path: Path, text: str) -> None:
    assert [f for f in lint_text(tmp_path, text, "--lang", "en") if f["code"] in ("TC202", "TC203", "TC601")] == []


@pytest.mark.parametrize(("text", "flagged", "suggestion"), [
    ("The commander, Souleimane, was killed in the strike.", "Souleimane", "Suleiman"),
    ("His deputy Achraf told reporters the brigade would fight on.", "Achraf", "Ashraf"),
])
def test_foreign_romanisation_flagged(tmp_path: Path, text: str, flagged: str, suggestion: str) -> None:
    found = [f for f in lint_text(tmp_path, text, "--lang", "en") if f["code"] == "TC203"]
    assert [(f["text"], f["suggestions"][0]) for f in found] == [(flagged, suggestion)]


@pytest.mark.parametrize("text", [
    "Algeria's President Abdelmadjid Tebboune met Moussa Faki in Algiers.",
    "Tunisia's founder Habib Bourguiba and President Kais Saied were both lawyers.",
    "Lebanon's Bachir Gemayel and Nabih Berri; Senegal's Cheikh Anta Diop; Ivory Coast's Alassane Ouattara.",
])
def test_foreign_romanisation_quiet_on_established_french_style_names(tmp_path: Path, text: str) -> None:
    assert [f for f in lint_text(tmp_path, text, "--lang", "en") if f["code"] in ("TC202", "TC203")] == []


def test_names_in_their_own_language_are_not_flagged(tmp_path: Path) -> None:
    german = "Die Dschihadisten verließen Idlib. Die Regierung Syriens in Damaskus wird von Russland unterstützt."
    assert lint_text(tmp_path, german) == []
    turkish = "Rejim güçleri İdlib'in güneyindeki Han Şeyhun ilçesine girdi ve Şam yönetimi açıklama yaptı."
    assert lint_text(tmp_path, turkish, "--lang", "tr") == []


@pytest.mark.parametrize("text", [
    "Shares in Arcelor rose on Monday.\n\nLater, Arcleor fell again.\n",
    "Shares in Arcleor rose on Monday.\n\nLater, Arcelor fell again.\n",
])
def test_tied_slip_is_reported_on_the_spelling_news_does_not_print(tmp_path: Path, text: str) -> None:
    # Each spelling once: the tie goes to the one English news prints, wherever it comes first.
    found = [(f["text"], f["suggestions"][0]) for f in lint_text(tmp_path, text, "--lang", "en")
             if f["code"] == "TC601"]
    assert found == [("Arcleor", "Arcelor")]
