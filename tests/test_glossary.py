"""The shipped glossaries load, validate and are large enough; the validator catches mistakes."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from termcheck.glossary.loader import default_glossary_dir, load_glossary
from termcheck.glossary.validate import validate


def test_shipped_glossaries_validate() -> None:
    run = run_cli("glossary", "validate")
    assert run.exit_code == 0, run.stderr
    assert "entries (" in run.stdout


def test_shipped_glossaries_are_large_and_multilingual() -> None:
    g = load_glossary([default_glossary_dir()])
    assert len(g.names) >= 300
    kinds = {e.kind for e in g.names}
    assert {"place", "person", "organisation", "demonym"} <= kinds
    for lang in ("en", "fr", "de", "es", "it", "tr"):
        assert sum(1 for e in g.names if lang in e.canonical) >= 50, lang
    assert all(e.ref or e.note for e in g.names)


def test_validator_reports_wrong_form_that_is_another_entrys_canonical(tmp_path: Path) -> None:
    (tmp_path / "g.toml").write_text(
        '[[entry]]\nid = "a"\nkind = "place"\ncanonical = { en = "Alpha", fr = "Alpha" }\nwrong = { fr = ["Beta"] }\n\n'
        '[[entry]]\nid = "b"\nkind = "place"\ncanonical = { en = "Beta", fr = "Beta" }\n')
    v = validate([tmp_path / "g.toml"])
    assert not v.ok
    assert any("g.toml:1: wrong form 'Beta' of entry 'a' is the correct en form of entry 'b'" in e for e in v.errors)


def test_validator_reports_unsorted_and_duplicate_ids(tmp_path: Path) -> None:
    entry = '[[entry]]\nid = "{0}"\nkind = "place"\ncanonical = {{ en = "{0}x", fr = "{0}y" }}\n\n'
    (tmp_path / "g.toml").write_text(entry.format("b") + entry.format("a") + entry.format("b"))
    run = run_cli("glossary", "validate", tmp_path / "g.toml")
    assert run.exit_code == 1
    assert "out of order" in run.stderr and "duplicate id 'b'" in run.stderr


def test_validator_exit_2_on_unreadable_glossary(tmp_path: Path) -> None:
    (tmp_path / "g.toml").write_bytes(b"\x00\x01binary")
    run = run_cli("glossary", "validate", tmp_path / "g.toml")
    assert run.exit_code == 2 and "g.toml" in run.stderr
