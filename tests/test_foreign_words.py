"""TC502 untranslated-word: single source-language words left inside English sentences.

Every sentence here was written for this test: the kinds of words machine translation leaves
(copied adverbs and verbs, words without their accents or misspelt, adjectives left after their
noun, hyphenated compounds, German compounds kept whole), beside the English that looks like
them and must stay quiet (loanwords, names, quotations, glossed terms, addresses)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import lint_text

from termcheck.lang.fingerprint import WEIGHTS
from termcheck.lexicon import foreign as lexicon
from termcheck.lexicon.foreign import SUFFIXES, german_noun, word_verdict
from termcheck.rules import get_rule


def tc502(tmp_path: Path, text: str, lang: str = "en") -> list[dict[str, Any]]:
    return [f for f in lint_text(tmp_path, text, "--lang", lang, "--select", "TC502")]


def flagged(tmp_path: Path, text: str, lang: str = "en") -> list[str]:
    return [f["text"] for f in tc502(tmp_path, text, lang)]


@pytest.mark.parametrize(("text", "word", "language"), [
    # common words of the source language, copied
    ("The opposition said the reform was désormais impossible to pass.", "désormais", "French"),
    ("The unions said the strike would souvent last several days.", "souvent", "French"),
    ("The central bank said inflation was todavía above its target.", "todavía", "Spanish"),
    ("Ministers said the agreement was endgültig off the table.", "endgültig", "German"),
    ("The striker said the team had ancora a chance to qualify.", "ancora", "Italian"),
    ("The party said the budget vote had been rinviato to next week.", "rinviato", "Italian"),
    # adjectives left after their noun
    ("Analysts said the plan gouvernemental would cut spending.", "gouvernemental", "French"),
    ("Banks said the households sobreendeudados would need help.", "sobreendeudados", "Spanish"),
    # accented words English does not use, misspelt or unlisted source words
    ("The regulator said the market was impopularísimas among investors.", "impopularísimas", "Spanish"),
    ("The report said the rail network was sovraffollato at peak hours.", "sovraffollato", "Italian"),
    ("The minister said the reindustrialisierung of the region would take years.", "reindustrialisierung",
     "German"),
    # long words English does not list and one source language does, rarely
    ("The show stars the baladista Michael Bublé and other guests.", "baladista", "Spanish"),
    # source words with a letter doubled, dropped or swapped, which no list knows
    ("Analysts said the firm technlogique would be sold to investors.", "technlogique", "French"),
    ("Regulators said the conccurrence between the two banks had grown.", "conccurrence", "French"),
    # hyphenated source compounds
    ("The social-libéral wing of the party voted against the bill.", "social-libéral", "French"),
    # German nouns kept whole after an English word
    ("Passengers faced a Zugverspätung on the line to the airport.", "Zugverspätung", "German"),
    ("The government announced a Steuererhöhung for large companies.", "Steuererhöhung", "German"),
    ("Delegates voted on a Klima-Antrag at the party congress.", "Klima-Antrag", "German"),
    # a common source word may start a sentence
    ("Mientras the talks went on, prices rose again.", "Mientras", "Spanish"),
])
def test_flagged(tmp_path: Path, text: str, word: str, language: str) -> None:
    found = tc502(tmp_path, text)
    assert [f["text"] for f in found] == [word]
    assert language in found[0]["message"] and "untranslated" in found[0]["message"]
    assert found[0]["fix"] is None and found[0]["suggestions"] == []  # no dictionary: no guess


@pytest.mark.parametrize("text", [
    # loanwords English uses
    "Officials met at a café near the Bundestag, where the Länder had agreed the budget.",
    "Critics called the summit a fiesta; the junta had tried the same, and the intifada showed its limits.",
    "Her résumé spoke of angst, the zeitgeist and realpolitik, a naïve protégé at every soirée.",
    "The paparazzi waited outside the kindergarten while aficionados queued at the bodega.",
    # names, including German ones that are compounds
    "Gerhard Schröder met François Hollande and Thomas Müller in Düsseldorf on Monday.",
    "The prosecutor, Wolfgang Steinberg, said Mr Rosenberg would appeal.",
    "A car left the road near Niedergörsdorf, and a chemist's on Bundesallee was robbed.",
    "Voters in Nordrhein-Westfalen and Baden-Württemberg backed the plan, said Karl-Heinz Weber.",
    # quotations and glossed or introduced terms
    'Protesters chanted « liberté, égalité, fraternité » and held up signs reading "Wir schaffen das".',
    "The gilets jaunes (yellow vests) blocked the roads for a third weekend.",
    "The reform is known as the Energiewende, and the so-called Mittelstand backs it.",
    "The French word morosité, meaning gloom, was used to describe the markets.",
    "The federal regulator (Bundesanstalt für Finanzdienstleistungsaufsicht) fined the bank.",
    # addresses and handles
    "Details are on www.bundesregierung.de/aktuelles and from @regierungssprecher on Twitter.",
    # English words wordfreq does not list: British spellings, misspellings
    "Market capitalisations fell as conterfeit goods flooded the shops.",
    # English derivations wordfreq does not list, one letter from a source word
    "Pakistan will retender for palm oil, and the rechargers of the phones were recalled.",
    # a sentence whose names are in a language the rule does not know
    "The event was backed by Všeobecná zdravotní pojišťovna, the insurer.",
])
def test_clean(tmp_path: Path, text: str) -> None:
    assert flagged(tmp_path, text) == []


def test_quotations_are_read_when_they_are_english_speech(tmp_path: Path) -> None:
    """A translated quotation is English speech and may keep a source word; a short one
    (a title, a slogan, a term) or a foreign one is left alone."""
    speech = 'The mayor said: "The new bridge will be ready in the spring, désormais without delay."'
    assert flagged(tmp_path, speech) == ["désormais"]
    title = 'The mayor read "Le Monde désormais" every morning.'
    assert flagged(tmp_path, title) == []
    foreign = 'The mayor said: "Nous allons désormais construire le pont au printemps prochain."'
    assert "désormais" not in flagged(tmp_path, foreign)


def test_french_article_keeps_its_french_words(tmp_path: Path) -> None:
    text = "Le gouvernement a désormais reporté le vote, selon le plan gouvernemental publié mardi."
    assert flagged(tmp_path, text, lang="fr") == []
    assert get_rule("TC502").languages == ("en",)


def test_a_weak_clue_needs_two_others_of_its_language(tmp_path: Path) -> None:
    """A German compound with one German-only part (Staats-) and one that English shares
    (-internet) is a weak clue: alone it may be a coinage or a brand; beside two other German
    words it is believable. Two German-only parts make a strong one."""
    weak = german_noun("staatsinternet")
    assert weak is not None and not weak.strong
    strong = german_noun("haushaltsdefizit")
    assert strong is not None and strong.strong
    alone = "The ministry launched a Staatsinternet for schools in the north."
    assert flagged(tmp_path, alone) == []
    company = ("The ministry launched a Staatsinternet for schools, which the opposition said was endgültig "
               "a failure and the unions said was verschoben again.")
    assert set(flagged(tmp_path, company)) == {"Staatsinternet", "endgültig", "verschoben"}


def test_capitalised_word_after_place_words_or_before_a_name_is_a_name(tmp_path: Path) -> None:
    assert flagged(tmp_path, "The car was found in Zugverspätung, police said.") == []
    assert flagged(tmp_path, "The show starred Steuererhöhung Weber and her band.") == []


def test_findings_name_the_source_language_for_the_fingerprint(tmp_path: Path) -> None:
    from conftest import run_cli

    text = ("The minister said the reform was désormais blocked, and the unions said the strike would "
            "souvent last longer than the plan gouvernemental allowed.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    run = run_cli("lint", str(tmp_path / "a.txt"), "--lang", "en", "--format", "json", "--select", "TC502")
    doc = run.json()["documents"][0]
    assert doc["source_lang"] == "fr"
    assert "TC502" in WEIGHTS


def test_word_verdicts() -> None:
    for english in ["the", "government", "café", "fiesta", "junta", "intifada", "bundestag"]:
        assert word_verdict(english) is None, english
    assert german_noun("länder") is None  # English prints the Länder
    assert word_verdict("désormais") is not None and word_verdict("désormais").langs[0] == "fr"  # type: ignore[union-attr]
    assert german_noun("rosenberg") is None  # a name English news prints
    assert german_noun("verkehrsminister") is not None


def test_caches_are_bounded() -> None:
    for cached in (lexicon.word_verdict, lexicon.german_noun, lexicon._compound, lexicon._english_shaped):
        assert cached.cache_info().maxsize is not None


def test_suffix_table_is_consistent() -> None:
    """Each ending belongs to one language, and none is an ending English words commonly share."""
    seen: dict[str, str] = {}
    for lang, endings in SUFFIXES.items():
        for ending in endings:
            assert 3 <= len(ending) <= 5
            assert seen.setdefault(ending, lang) == lang
    for english in ["government", "national", "information", "technology", "beautiful"]:
        assert lexicon._suffix_lang(english) is None, english
