"""Bilingual checking (--source): sentence alignment, the command line, the JSON keys and the
TC8xx rules, on sentences written for these tests."""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from termcheck import parallel
from termcheck.align import Bead, align, expected_ratio, paragraphs, sentences
from termcheck.rules.bilingual_numbers import mismatches, readings

FR_EN = expected_ratio("en", "fr")
TARGET = ("Rail strike goes on\n\n"
          "The strike entered its third day on Wednesday. Commuters waited for hours on the platforms. "
          "The union said talks would resume next week.\n")
SOURCE = ("La grève du rail continue\n\n"
          "La grève est entrée mercredi dans son troisième jour. Les usagers ont attendu des heures sur les quais. "
          "Le syndicat a indiqué que les discussions reprendraient la semaine prochaine.\n")


def _texts(target: str, source: str, beads: list[Bead]) -> list[tuple[str | None, str | None]]:
    return [(None if b.target is None else target[b.target.start : b.target.end],
             None if b.source is None else source[b.source.start : b.source.end]) for b in beads]


# --- alignment ---------------------------------------------------------------------------------

def test_sentences_split_at_ends_and_lines_not_at_abbreviations() -> None:
    text = "Mr. Smith met Dr. Jones at 10.30 a.m. on Monday. He left! Did he?\nA headline\n\nJ. K. Rowling wrote."
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got == ["Mr. Smith met Dr. Jones at 10.30 a.m. on Monday.", "He left!", "Did he?", "A headline",
                   "J. K. Rowling wrote."]
    assert [text[p.start : p.end] for p in paragraphs(text)][-1] == "J. K. Rowling wrote."


def test_german_ordinals_do_not_end_sentences() -> None:
    text = "Die Wahl fand am 3. Oktober statt. Sie endete im 20. Jahrhundert. Es waren 12. Das ist alles."
    assert [text[s.start : s.end] for s in sentences(text, None, "de")][:2] == [
        "Die Wahl fand am 3. Oktober statt.", "Sie endete im 20. Jahrhundert."]
    assert "Die Wahl fand am 3." in [text[s.start : s.end] for s in sentences(text, None, "en")]


def test_lines_of_a_paragraph_pair_in_order_and_a_loose_pair_is_one_bead() -> None:
    # One sentence per line, as many lines on both sides: no line is dropped, however loosely
    # translated (a long German sentence with few shared names, rendered in fewer words).
    source = ("Der Hafen bleibt geschlossen.\n"
              "Watson betrieb schon in den dreißiger Jahren soziale Pflege seiner Beschäftigten auf ähnliche "
              "Weise wie der Unternehmer Baťa in der Tschechoslowakei, mit bezahltem Urlaub und Uniformen.\n"
              "Die Polizei ermittelt.")
    target = "The port stays closed.\nIn the 1930s Watson cared for his staff as Bata did.\nPolice are investigating."
    beads = align(target, source, expected_ratio("en", "de"), "en", "de")
    assert [(b.target is None, b.source is None) for b in beads] == [(False, False)] * 3


def test_equal_counts_align_one_to_one() -> None:
    got = _texts(TARGET, SOURCE, align(TARGET, SOURCE, FR_EN))
    assert got == [("Rail strike goes on", "La grève du rail continue"),
                   ("The strike entered its third day on Wednesday.",
                    "La grève est entrée mercredi dans son troisième jour."),
                   ("Commuters waited for hours on the platforms.",
                    "Les usagers ont attendu des heures sur les quais."),
                   ("The union said talks would resume next week.",
                    "Le syndicat a indiqué que les discussions reprendraient la semaine prochaine.")]


def test_a_dropped_sentence_is_a_one_to_nothing_bead() -> None:
    source = SOURCE.replace("sur les quais. ", "sur les quais. La direction affirme que les trains de remplacement "
                                               "circulent normalement depuis lundi. ")
    got = _texts(TARGET, source, align(TARGET, source, FR_EN))
    assert (None, "La direction affirme que les trains de remplacement circulent normalement depuis lundi.") in got
    assert ("The union said talks would resume next week.",
            "Le syndicat a indiqué que les discussions reprendraient la semaine prochaine.") in got
    assert len(got) == 5


def test_a_merged_sentence_is_a_one_to_two_bead() -> None:
    target = TARGET.replace("Wednesday. Commuters", "Wednesday and commuters")
    got = _texts(target, SOURCE, align(target, SOURCE, FR_EN))
    assert ("The strike entered its third day on Wednesday and commuters waited for hours on the platforms.",
            "La grève est entrée mercredi dans son troisième jour. Les usagers ont attendu des heures sur les quais."
            ) in got
    assert len(got) == 3


def test_paragraphs_of_other_counts_are_aligned_by_length() -> None:
    target = "Photo: the station on Wednesday morning, seen from the bridge over the tracks.\n\n" + TARGET
    got = _texts(target, SOURCE, align(target, SOURCE, FR_EN))
    assert [t for t, s in got if s is None] == [target.replace(TARGET, "").strip()]
    assert [pair for pair in got if pair[1] is not None] == _texts(TARGET, SOURCE, align(TARGET, SOURCE, FR_EN))


def test_empty_sides_align_to_nothing() -> None:
    assert align("", "") == []
    assert _texts("One.", "", align("One.", "")) == [("One.", None)]


# --- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("token", "lang", "values"), [
    ("1 000,5", "fr", {1000.5}), ("1.000,5", "de", {1000.5}), ("1,000.5", "en", {1000.5}),
    ("1.000", "de", {1000.0, 1.0}), ("1,5", "en", {1.5}), ("12", "es", {12.0}), ("2.500.000", "it", {2500000.0}),
])
def test_number_readings(token: str, lang: str, values: set[float]) -> None:
    assert readings(token, lang) == values


@pytest.mark.parametrize(("target", "source", "lang"), [
    ("Debt reached 2 trillion euros.", "Die Schulden erreichten 2 Billionen Euro.", "de"),
    ("It cost 3 billion dollars.", "Costó 3 mil millones de dólares.", "es"),
    ("Prices rose by 4.5 percent.", "Les prix ont augmenté de 4,5 pour cent.", "fr"),
    ("Four people were hurt at 9 pm.", "4 personnes ont été blessées à 21h.", "fr"),
    ("The firm hired 1,200 people.", "Die Firma stellte 1.200 Menschen ein.", "de"),
    ("They spent 6 thousand million euros.", "Ils ont dépensé 6 milliards d'euros.", "fr"),
    ("In all, 55,053 people left the state.", "En total, 55 mil 053 personas salieron del estado.", "es"),
    ("Things have changed since the '50s.", "Les choses ont changé depuis les années 50.", "fr"),
    ("He worked there from the 'sixties onward.", "Il y a travaillé à partir des années 60.", "fr"),
    ("Portugal beat Bosnia 6:2 (2:1).", "Portugal goleó a Bosnia 6-2 (2-1).", "es"),  # a score, not a time
    ("He was out at around 23:30 on Friday.", "Il était dehors à 23 heures 30 vendredi.", "fr"),
    ("It is unlikely that the Twenty-Seven will agree.", "Es ist unwahrscheinlich, dass die 27 zustimmen.", "de"),
    ("The company employs nearly half a million people.", "La firme emploie près de 500 000 personnes.", "fr"),
])
def test_numbers_that_match(target: str, source: str, lang: str) -> None:
    assert list(mismatches(target, source, "en", lang)) == []


@pytest.mark.parametrize(("target", "source", "lang", "became"), [
    ("Debt reached 2 billion euros.", "Die Schulden erreichten 2 Billionen Euro.", "de", "2 billion"),
    ("Prices rose by 5 percent.", "Los precios subieron un 4 por ciento.", "es", "5 percent"),
    ("The firm hired 120 people.", "Die Firma stellte 1.200 Menschen ein.", "de", "120"),
    ("The firm hired people.", "Die Firma stellte 1.200 Menschen ein.", "de", None),
])
def test_numbers_that_do_not(target: str, source: str, lang: str, became: str | None) -> None:
    [(_, got)] = list(mismatches(target, source, "en", lang))
    assert (got.text if got else None) == became


# --- the command line --------------------------------------------------------------------------

def _pair(root: Path, name: str, target: str, source: str) -> None:
    for side, text in (("mt", target), ("src", source)):
        path = root / side / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    _pair(tmp_path, "a.txt", "The company lost 1.5 million euros last year.\n",
          "L'entreprise a perdu 1,5 milliard d'euros l'an dernier.\n")
    _pair(tmp_path, "sub/b.txt", TARGET, SOURCE)
    (tmp_path / "mt" / "sub" / "lonely.txt").write_text("Heavy fighting was reported.\n", encoding="utf-8")
    return tmp_path


def test_file_with_its_source(corpus: Path) -> None:
    run = run_cli("lint", "mt/a.txt", "--source", "src/a.txt", "--format", "json", cwd=corpus)
    assert run.exit_code == 1, run.stderr
    data = run.json()
    [finding] = data["findings"]
    assert finding["code"] == "TC801" and finding["text"] == "1.5 million"
    source = (corpus / "src" / "a.txt").read_text(encoding="utf-8")
    assert source[finding["source_span"]["start"] : finding["source_span"]["end"]] == "1,5 milliard"
    [doc] = data["documents"]
    assert doc["source_path"] == "src/a.txt" and doc["source_lang"] == "fr"
    assert doc["alignment"] == [{"target": [0, 45], "source": [0, 55]}]


def test_folders_are_paired_by_relative_path(corpus: Path) -> None:
    run = run_cli("lint", "mt", "--source", "src", "--format", "json", cwd=corpus)
    assert run.exit_code == 1
    docs = {d["path"]: d for d in run.json()["documents"]}
    assert docs["mt/sub/b.txt"]["source_path"] == "src/sub/b.txt"
    assert len(docs["mt/sub/b.txt"]["alignment"]) == 4
    assert "source_path" not in docs["mt/sub/lonely.txt"] and "alignment" not in docs["mt/sub/lonely.txt"]
    assert run.stderr.strip() == "termcheck: mt/sub/lonely.txt: no source file src/sub/lonely.txt; checked without " \
                                 "a source"


def test_json_of_a_run_without_source_is_unchanged(corpus: Path) -> None:
    data = run_cli("lint", "mt", "--format", "json", cwd=corpus).json()
    assert not any(set(d) & {"source_path", "alignment"} for d in data["documents"])
    assert not any("source_span" in f for f in data["findings"])
    assert not any(f["code"].startswith("TC8") for f in data["findings"])


@pytest.mark.parametrize(("args", "message"), [
    (["mt", "--source", "nowhere"], "nowhere: no such source file or folder (--source)"),
    (["mt", "--source", "src/a.txt"], "src/a.txt: --source is a file: give one target file, or a folder"),
    (["mt/a.txt", "--source", "src/a.txt", "--source-lang", "xx"], "source language 'xx' is not one termcheck reads"),
    (["mt/a.txt", "--source-lang", "fr"], "--source-lang needs --source"),
])
def test_errors_are_exit_2_with_one_line(corpus: Path, args: list[str], message: str) -> None:
    run = run_cli("lint", *args, cwd=corpus)
    assert run.exit_code == 2
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr


def test_source_lang_is_given_or_detected(corpus: Path) -> None:
    run = run_cli("lint", "mt/a.txt", "--source", "src/a.txt", "--source-lang", "ES", "--format", "json", cwd=corpus)
    assert run.json()["documents"][0]["source_lang"] == "es"


def test_jobs_give_the_same_output(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_FILES", 2)
    for i in range(6):
        _pair(corpus, f"more/{i}.txt", TARGET.replace("third", f"{i + 3}th"), SOURCE)
    for fmt in ("json", "text"):
        one = run_cli("lint", "mt", "--source", "src", "--format", fmt, "--jobs", "1", cwd=corpus)
        two = run_cli("lint", "mt", "--source", "src", "--format", fmt, "--jobs", "2", cwd=corpus)
        assert (one.exit_code, one.stdout, one.stderr) == (two.exit_code, two.stdout, two.stderr)
        assert "TC801" in one.stdout


def test_plain_command_line_runs_as_typer_runs_it(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from termcheck.cli import main as cli
    from termcheck.cli.commands import app

    monkeypatch.chdir(corpus)
    for line in ["lint mt --source src --format json", "lint mt/a.txt --source=src/a.txt --source-lang fr",
                 "lint mt --source nowhere", "lint mt/a.txt --source-lang fr", "lint -q mt --source src -j 1"]:
        argv = line.split()
        assert cli.plain_lint(argv) is not None, line
        outcomes: list[Any] = []
        for run in (cli.main, partial(app, args=argv, prog_name="termcheck")):
            monkeypatch.setattr(sys, "argv", ["termcheck", *argv])
            try:
                run()
                code: object = None
            except SystemExit as done:
                code = done.code
            outcomes.append((code, *capsys.readouterr()))
        assert outcomes[0] == outcomes[1], line
    assert cli.plain_lint(["lint", "mt", "--source", "src", "--source", "src"]) is None  # typer's own message


# --- the rules, with sentences of their own ----------------------------------------------------

def _codes(tmp_path: Path, target: str, source: str) -> list[tuple[str, str]]:
    (tmp_path / "t.txt").write_text(target, encoding="utf-8")
    (tmp_path / "s.txt").write_text(source, encoding="utf-8")
    # The TC8xx rules alone: where TC502 flags the same word it keeps it (see TC802's precedence).
    run = run_cli("lint", "t.txt", "--source", "s.txt", "--format", "json", "--lang", "en", "--select", "TC8",
                  cwd=tmp_path)
    assert run.exit_code in (0, 1), run.stderr
    return [(f["code"], f["text"]) for f in json.loads(run.stdout)["findings"] if f["code"].startswith("TC8")]


@pytest.mark.parametrize(("code", "target", "source", "flagged"), [
    ("TC801", "Exports fell by 7 percent in May.", "Die Exporte sanken im Mai um 9 Prozent.", "7 percent"),
    ("TC801", "Exports fell by 9 percent in May.", "Die Exporte sanken im Mai um 9 Prozent.", None),
    ("TC801", "The club paid 80 million euros for him.", "El club pagó 80 mil millones de euros por él.",
     "80 million"),
    ("TC801", "The club paid 80 billion euros for him.", "El club pagó 80 mil millones de euros por él.", None),
    ("TC802", "The minister praised the cortesía of the hosts.", "El ministro elogió la cortesía de los anfitriones.",
     "cortesía"),
    ("TC802", "The minister praised the courtesy of Telefónica.", "El ministro elogió la cortesía de Telefónica.",
     None),
    ("TC802", "The council approved the wasserfestigkeit rules.", "Der Rat billigte die wasserfestigkeit Regeln.",
     "wasserfestigkeit"),  # known to neither language, in lower case
    ("TC802", "The new Abwasserentsorgungsverband met today.", "Der neue Abwasserentsorgungsverband tagte heute.",
     "Abwasserentsorgungsverband"),  # a long German compound, capitalised in both
    ("TC802", "Prices rose in the ultimos months.", "Los precios subieron en los últimos meses.",
     "ultimos"),  # copied without its accent
    ("TC802", "The crisis touched todo the country.", "La crisis tocó todo el país.",
     "todo"),  # English lists 'todo' a little, as a name: in lower case it is the Spanish word
    ("TC802", "He writes for El Pais in Madrid.", "Escribe para El Pais en Madrid.", None),  # the name
    ("TC802", "The ministry issued a communiqué on Monday.", "Le ministère a publié un communiqué lundi.",
     None),  # an English loan, accent and all
    ("TC802", 'He said: "the problem of the bank is not domina risk controls".', 'Dijo: "el problema del banco '
     'no es domina los controles de riesgo".', "domina"),  # inside an English quotation
    ("TC802", 'The film "Los olvidados" won the prize.', 'La película "Los olvidados" ganó el premio.',
     None),  # a title in quotation marks keeps its language
    ("TC802", "The mayor of Neuhardenberg spoke.", "Der Bürgermeister von Neuhardenberg sprach.", None),  # a name
    ("TC802", "Details at www.stadtwerkeverband.de today.", "Einzelheiten unter www.stadtwerkeverband.de heute.",
     None),  # an address
    ("TC803", "The minister resigned on Monday.",
     "Le ministre a démissionné lundi après des semaines de critiques sur sa gestion de la crise du logement.",
     "The minister resigned on Monday."),
    ("TC803", "The minister resigned on Monday after weeks of criticism of his handling of the housing crisis.",
     "Le ministre a démissionné lundi après des semaines de critiques sur sa gestion de la crise du logement.", None),
    ("TC804", "The ministers met in the Turkish capital.", "Die Minister trafen sich in Ankara.",
     "The ministers met in the Turkish capital."),
    ("TC804", "Heavy fighting was reported in the northern city.", "De violents combats ont eu lieu à Alep.",
     "Heavy fighting was reported in the northern city."),  # no word to point at: the sentence
    ("TC804", "The ministers met in Ankara.", "Die Minister trafen sich in Ankara.", None),
    ("TC805", "The mayor of mölln resigned.", "Der Bürgermeister von Mölln ist zurückgetreten.", "mölln"),
    ("TC805", "Her stylist chose the outfits.", "Ihr Stylist wählte die Outfits.", None),  # German nouns, English loans
    ("TC805", "The FARC freed two hostages.", "Las Farc liberaron a dos rehenes.", None),  # capitals: house style
    ("TC805", "So say activists of service women's action network.",
     "Das sagen Aktivisten des Service Women's Action Network.", "service women's action network"),  # one name
    ("TC805", "The bank topped the league tables.", "Die Bank führte die League Tables an.",
     None),  # English words a German source capitalises as loans
    ("TC805", "The candidate of the party of the democratic revolution, or PRD, came third.",
     "Le candidat du Parti de la Révolution Démocratique, ou PRD, est arrivé troisième.",
     "party of the democratic revolution"),  # translated, before the acronym both explain
    ("TC805", "The candidate of the Party of the Democratic Revolution (PRD) came third.",
     "Le candidat du Parti de la révolution démocratique (PRD) est arrivé troisième.", None),
    ("TC805", "Growth of the gross domestic product (GDP) slowed.",
     "La croissance du produit intérieur brut (GDP) a ralenti.", None),  # not a name in the source either
    ("TC804", "The Iranian embassy refused.", "La embajada de Irán se negó.", None),  # the adjective of a short name
    ("TC804", "The German bank rejected the claims.", "Die Deutsche Bank wies die Forderungen zurück.",
     "The German bank"),  # where the sentence renders the name
    ("TC804", "On Monday the Country reported on the German bank.", "El lunes, El País informó sobre el banco alemán.",
     "the Country"),  # a name English keeps as the source writes it
    ("TC804", "Deutsche Bank rejected the claims.", "Die Deutsche Bank wies die Forderungen zurück.", None),
    ("TC804", "The lower house rejected the bill.", "La Chambre des députés a rejeté le projet de loi.",
     None),  # an institution English renders many ways
    ("TC804", "The U.S. government refused.", "Le gouvernement des États-Unis a refusé.", None),  # a dotted acronym
    ("TC804", "Muammar Kaddafi is buried in the desert.", "Muammar al-Gaddafi liegt in der Wüste begraben.",
     None),  # another spelling: the single-language rules' business
    ("TC804", "There were few layoffs on Staten Island.", "Auf Staten Island gab es wenige Entlassungen.",
     None),  # German 'Island' (Iceland) inside a name the translation keeps
])
def test_rule_flags_and_passes(tmp_path: Path, code: str, target: str, source: str, flagged: str | None) -> None:
    found = [text for c, text in _codes(tmp_path, target + "\n", source + "\n") if c == code]
    assert found == ([flagged] if flagged else [])


def test_rules_need_a_source(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("Der Hafen bleibt bis Montag geschlossen.\n", encoding="utf-8")
    data = run_cli("lint", "t.txt", "--format", "json", "--lang", "en", cwd=tmp_path).json()
    assert not any(f["code"].startswith("TC8") for f in data["findings"])


def test_a_name_left_out_is_reported_beside_the_words_of_its_sentence(tmp_path: Path) -> None:
    """What a sentence lacks (TC804, TC803) is a problem apart from its words: a calque in the
    same sentence does not hide it (one report per problem, not per sentence)."""
    (tmp_path / "t.txt").write_text("A man of 30 years was killed in the northern city.\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Un homme de 30 ans a été tué à Alep.\n", encoding="utf-8")
    run = run_cli("lint", "t.txt", "--source", "s.txt", "--format", "json", "--lang", "en", cwd=tmp_path)
    found = sorted((f["code"], f["text"]) for f in json.loads(run.stdout)["findings"])
    assert found == [("TC302", "A man of 30 years"), ("TC804", "A man of 30 years was killed in the northern city.")]
