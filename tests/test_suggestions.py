"""Suggestions read as English: the right form, number, case and article."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text

from termcheck.glossary.suggest import match_case
from termcheck.rules.support.articles import with_article


@pytest.mark.parametrize(("text", "flagged", "suggestion"), [
    ("Settlers attacked a village in Cisjordanie on Sunday.", "Cisjordanie", "the West Bank"),
    ("Tsahal said it had struck a weapons depot.", "Tsahal", "The Israel Defense Forces"),
    ("Officials from EEUU arrived in Riyadh.", "EEUU", "the US"),
    ("EEUU officials arrived in Riyadh.", "EEUU", "US"),
    ("The Alaouites of the coast fear reprisals.", "Alaouites", "Alawites"),
    ("Russian jets struck near IDLEB on Monday.", "IDLEB", "IDLIB"),
    ("The delegation flew from Damas to Geneva.", "Damas", "Damascus"),
    ("Kudüs was calm on Friday, police said.", "Kudüs", "Jerusalem"),
])
def test_first_suggestion(tmp_path: Path, text: str, flagged: str, suggestion: str) -> None:
    found = {f["text"]: f["suggestions"][0] for f in lint_text(tmp_path, text, "--lang", "en")}
    assert found.get(flagged) == suggestion, found


def test_article_only_where_english_needs_it() -> None:
    assert with_article("in Cisjordania", 3, "Cisjordania", "West Bank", "en") == "the West Bank"
    assert with_article("in the Cisjordania", 7, "Cisjordania", "West Bank", "en") == "West Bank"
    assert with_article("in Damas", 3, "Damas", "Damascus", "en") == "Damascus"
    assert with_article("dans Cisjordania", 5, "Cisjordania", "Cisjordanie", "fr") == "Cisjordanie"


def test_case_pattern_is_kept() -> None:
    assert match_case("IDLEB", "Idlib") == "IDLIB"
    assert match_case("alaouite", "Alawite") == "Alawite"
    assert match_case("Evoke", "speak of") == "Speak of"


def test_acronym_replaced_by_a_name_keeps_the_names_case() -> None:
    assert match_case("TSK", "Turkish Armed Forces") == "Turkish Armed Forces"
    assert match_case("KHAN CHEIKHOUN", "Khan Sheikhoun") == "KHAN SHEIKHOUN"
