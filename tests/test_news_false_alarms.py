"""Shapes of clean English news that once raised false alarms (found by bench/precision.py on
the BBC corpus): each stays clean. The sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text

CLEAN = {
    "TC302 reporting verb English inverts": '"The plan is ready," explained Mr Jones, the project leader.',
    "TC302 insisted before a title": '"We will not move," insisted the club chairman on Sunday.',
    "TC203 a name with a final e": "Fly-half Damien Peyrelongue passed to Traille, who scored near Arese.",
    "TC501 a line-up of Italian names": "Italy: R de Martino; Mi Bergolo, Canale, Masi, Nitti; Orsini, Tronco; "
                                        "Lo Cicero, Ongari, Castrucci; Dellapi, Bortolo; Persi, Ma Bergolo.",
    "TC202 a name that extends a glossary name": "Italy captain Sergio Parisse scored twice in Rome.",
    "TC202 names in a line-up": "France: Brusque; Rougerie, Traille, Liebenberg, Dominici; Michalak, Yachvili; "
                                "Marconnet, Bruno, Mas; Pelous, Thion; Betsen, Parisse, Harinordoquy.",
    "TC303 a name before a line break in wrapped copy": "Critics said he failed to help Reagan conduct the Iran\n"
                                                         "arms policy in the open.",
    "TC303 a list of names as one modifier": "The Singapore, London and New York authorities agreed on a link.",
    "TC303 a quoted declaration in English word order": '"Clearly, there is no number one side," declared '
                                                         "coach Eddie Jones on his return.",
}


@pytest.mark.parametrize("text", CLEAN.values(), ids=CLEAN.keys())
def test_clean_news_shapes_stay_clean(text: str, tmp_path: Path) -> None:
    assert lint_text(tmp_path, text, "--lang", "en") == []


def test_reporting_verbs_english_does_not_invert_are_still_flagged(tmp_path: Path) -> None:
    found = lint_text(tmp_path, '"The talks failed," estimated the minister.', "--lang", "en")
    assert [f["text"] for f in found] == ["estimated"]
