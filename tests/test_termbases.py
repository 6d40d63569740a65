"""Termbases: TBX (TBX-Basic v2 and v3) and CSV/TSV glossaries read, written, converted without
loss, used wherever a glossary is, and refused with one clear message when malformed."""

from __future__ import annotations

import dataclasses
from io import StringIO
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from lxml import etree

from termcheck.glossary import cache
from termcheck.glossary.convert import convert, read_any
from termcheck.glossary.loader import default_glossary_dir, load_glossary
from termcheck.glossary.model import Glossary, NameEntry
from termcheck.glossary.tabular import read_table
from termcheck.glossary.tbx import read_tbx

FIXTURE = Path(__file__).parent / "fixtures" / "termbases" / "news-terms.tbx"


def _plain(g: Glossary) -> list[NameEntry]:
    """The name entries without where they were read from, in id order."""
    return sorted((dataclasses.replace(e, origin=None) for e in g.names), key=lambda e: e.id)


def _through(g: Glossary, fmt: str, folder: Path) -> Glossary:
    path = folder / f"through-{fmt}.{'tbx' if fmt == 'tbx3' else fmt}"
    path.write_bytes(convert(g, fmt).text)
    return read_any(path, fmt)


def test_hand_written_tbx_loads_onto_the_model() -> None:
    by_id = {e.id: e for e in read_tbx(FIXTURE).names}
    assert sorted(by_id) == ["iaea", "mykolaiv", "rafael-grossi"]
    iaea = by_id["iaea"]
    assert iaea.kind == "organisation"
    assert iaea.canonical == {"en": "International Atomic Energy Agency",
                              "fr": "Agence internationale de l'énergie atomique",
                              "de": "Internationale Atomenergie-Organisation"}  # xml:lang="de-DE" is de
    assert iaea.acronym == {"en": ["IAEA"], "fr": ["AIEA"], "de": ["IAEO"]}
    assert iaea.wrong == {"fr": ["AIEA"]}  # deprecated in English, noted as the French form
    assert iaea.note == "United Nations nuclear watchdog, based in Vienna." and iaea.ref == "IAEA style guide"
    place = by_id["mykolaiv"]
    assert place.kind == "place" and place.alternates == {"en": ["Mykolayiv"]}
    # A deprecated term without termcheck's note is a wrong form of its own section's language.
    assert place.wrong == {"en": ["Nikolaev"], "fr": ["Mykolaïv"], "de": ["Mykolajiw"]}
    assert place.cues == ["Ukraine", "Ukrainian"]
    person = by_id["rafael-grossi"]
    assert person.canonical["de"] == "Rafael Grossi"  # a term with no status is the preferred one
    assert person.alternates == {"en": ["Rafael Mariano Grossi"]}
    assert iaea.origin is not None and iaea.origin.line == 16


@pytest.mark.parametrize("fmt", ["csv", "tsv", "tbx", "tbx3", "toml"])
def test_fixture_converts_and_comes_back_without_loss(fmt: str, tmp_path: Path) -> None:
    original = read_tbx(FIXTURE)
    assert _plain(_through(_through(original, fmt, tmp_path), "tbx", tmp_path)) == _plain(original)


def test_shipped_name_glossaries_survive_toml_tbx_csv_tbx_toml(tmp_path: Path) -> None:
    shipped = load_glossary([default_glossary_dir() / "names"])
    assert len(shipped.names) > 1000
    g = shipped
    for fmt in ("tbx", "csv", "tbx3", "tsv", "toml"):
        g = _through(g, fmt, tmp_path)
        assert _plain(g) == _plain(shipped), fmt


# The TBX v2 core structure's content models (ISO 30042:2008, TBXcoreStructV02.dtd), restricted to
# the elements termcheck writes: concept data before the language sections, a term before its
# termNotes, ids that are XML names.
TBX2_CORE = """
<!ENTITY % auxInfo "(descrip | descripGrp | admin | adminGrp | transacGrp | note | ref | xref)*">
<!ELEMENT martif (martifHeader, text)>
<!ATTLIST martif type CDATA #REQUIRED xml:lang CDATA #IMPLIED>
<!ELEMENT martifHeader (fileDesc, encodingDesc?)>
<!ELEMENT fileDesc (titleStmt?, sourceDesc+)>
<!ELEMENT titleStmt (title)>
<!ELEMENT title (#PCDATA)>
<!ELEMENT sourceDesc (p+)>
<!ELEMENT encodingDesc (p+)>
<!ELEMENT p (#PCDATA)>
<!ATTLIST p type CDATA #IMPLIED>
<!ELEMENT text (body)>
<!ELEMENT body (termEntry*)>
<!ELEMENT termEntry (%auxInfo;, langSet+)>
<!ATTLIST termEntry id ID #IMPLIED>
<!ELEMENT langSet (%auxInfo;, (tig | ntig)+)>
<!ATTLIST langSet xml:lang CDATA #REQUIRED>
<!ELEMENT tig (term, termNote*, %auxInfo;)>
<!ELEMENT term (#PCDATA)>
<!ELEMENT termNote (#PCDATA)>
<!ATTLIST termNote type CDATA #REQUIRED>
<!ELEMENT descrip (#PCDATA)>
<!ATTLIST descrip type CDATA #REQUIRED>
<!ELEMENT admin (#PCDATA)>
<!ATTLIST admin type CDATA #REQUIRED>
<!ELEMENT note (#PCDATA)>
"""


def test_written_tbx_follows_the_core_structure() -> None:
    shipped = load_glossary([default_glossary_dir() / "names"])
    dtd = etree.DTD(StringIO(TBX2_CORE))
    for names in (read_tbx(FIXTURE).names, shipped.names):
        written = etree.fromstring(convert(Glossary(names=names), "tbx").text)
        assert dtd.validate(written), dtd.error_log.filter_from_errors()[:3]
    v3 = etree.fromstring(convert(Glossary(names=read_tbx(FIXTURE).names), "tbx3").text)
    assert v3.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and v3.get("type") == "TBX-Basic"
    assert [etree.QName(e).localname for e in v3.find(".//{*}conceptEntry")][:4] == [
        "descrip", "note", "admin", "langSec"]


def test_convert_command_writes_each_format_and_says_what_it_left_out(tmp_path: Path) -> None:
    out = tmp_path / "terms.csv"
    run = run_cli("glossary", "convert", FIXTURE, out)
    assert run.exit_code == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("id,kind,en,en_acronym,en_wrong,fr,fr_acronym,fr_wrong,de,")
    assert "3 name entries written" in run.stderr
    back = tmp_path / "terms.xml"
    assert run_cli("glossary", "convert", out, back, "--to", "tbx3").exit_code == 0
    assert b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"' in back.read_bytes()
    assert _plain(read_any(back, "tbx")) == _plain(read_tbx(FIXTURE))

    mixed = tmp_path / "mixed.toml"
    mixed.write_text((default_glossary_dir() / "residue.toml").read_text(encoding="utf-8"), encoding="utf-8")
    run = run_cli("glossary", "convert", mixed, tmp_path / "mixed.tbx")
    assert run.exit_code == 0
    assert "left out" in run.stderr and "residue entries: TBX output holds name entries only" in run.stderr


def test_convert_needs_a_known_format(tmp_path: Path) -> None:
    run = run_cli("glossary", "convert", FIXTURE, tmp_path / "terms.xlsx")
    assert run.exit_code == 2 and "give --to" in run.stderr
    run = run_cli("glossary", "convert", FIXTURE, tmp_path / "x.csv", "--from", "docx")
    assert run.exit_code == 2 and "unknown input format 'docx'" in run.stderr


def test_table_layout_reads_forms_acronyms_wrong_forms_and_cues(tmp_path: Path) -> None:
    table = tmp_path / "names.tsv"
    table.write_text("id\tkind\ten\tfr\tfr_wrong\ten_acronym\tcues\tnote\n"
                     "idlib\tplace\tIdlib | Edlib\tIdleb\tIdleb\t\tSyria | Syrian\tProvince.\n"
                     "\t\t\t\t\t\t\t\n"
                     "sohr\torganisation\tSyrian Observatory for Human Rights\tOSDH\t\tSOHR\t\t\n", encoding="utf-8")
    idlib, sohr = read_table(table, "\t").names
    assert idlib.canonical == {"en": "Idlib", "fr": "Idleb"} and idlib.alternates == {"en": ["Edlib"]}
    assert idlib.wrong == {"fr": ["Idleb"]} and idlib.cues == ["Syria", "Syrian"] and idlib.note == "Province."
    assert sohr.acronym == {"en": ["SOHR"]} and sohr.origin is not None and sohr.origin.line == 4


# --- a termbase works wherever a glossary does ----------------------------------------------------

def test_tbx_drives_the_term_mismatch_check(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("Les combats se poursuivent à Mykolaïv, dans le sud de l'Ukraine, selon les autorités "
                      "locales qui ont fait état de plusieurs blessés.\n", encoding="utf-8")
    lacking = tmp_path / "lacking.txt"
    lacking.write_text("Fighting continues in the port city in southern Ukraine, according to local authorities "
                       "who reported several injuries.\n", encoding="utf-8")
    present = tmp_path / "present.txt"
    present.write_text("Fighting continues in Mykolaiv in southern Ukraine, according to local authorities "
                       "who reported several injuries.\n", encoding="utf-8")
    args = ("--source", source, "--glossary", FIXTURE, "--no-default-glossary", "--select", "TC804")
    run = run_cli("lint", lacking, *args)
    assert run.exit_code == 1, run.stderr
    assert "TC804" in run.stdout and "'Mykolaiv'" in run.stdout
    run = run_cli("lint", present, *args)
    assert run.exit_code == 0, run.stdout + run.stderr


def test_tbx_and_csv_drive_the_monolingual_name_checks(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Mykolaïv in southern Ukraine overnight, the AIEA said.\n", encoding="utf-8")
    table = tmp_path / "terms.csv"
    assert run_cli("glossary", "convert", FIXTURE, table).exit_code == 0
    for glossary in (FIXTURE, table):
        run = run_cli("lint", article, "--lang", "en", "--glossary", glossary, "--no-default-glossary")
        assert run.exit_code == 1
        assert "TC201 'Mykolaïv' is the French spelling" in run.stdout and "'AIEA'" in run.stdout


def test_a_tbx_in_a_glossary_folder_is_loaded_and_validated(tmp_path: Path) -> None:
    folder = tmp_path / "glossaries"
    folder.mkdir()
    (folder / "terms.tbx").write_bytes(FIXTURE.read_bytes())
    (folder / "notes.csv").write_text("not,a,glossary\n", encoding="utf-8")  # tables are named, not searched
    assert sorted(e.id for e in load_glossary([folder]).names) == ["iaea", "mykolaiv", "rafael-grossi"]
    run = run_cli("glossary", "validate", folder)
    assert run.exit_code == 0, run.stderr
    assert "3 entries" in run.stdout


def test_a_changed_tbx_is_read_again_through_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    folder = tmp_path / "g"
    folder.mkdir()
    tbx = folder / "terms.tbx"
    tbx.write_bytes(FIXTURE.read_bytes())
    assert "Mykolaiv" in {e.canonical["en"] for e in cache.load_glossary_cached([folder]).names}
    tbx.write_bytes(FIXTURE.read_bytes().replace(b"<term>Mykolaiv</term>", b"<term>Mykolaiv city</term>"))
    assert "Mykolaiv city" in {e.canonical["en"] for e in cache.load_glossary_cached([folder]).names}


# --- malformed termbases: one message naming the file and line, exit 2 ---------------------------

def _malformed(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


TBX_HEAD = '<?xml version="1.0"?>\n<martif type="TBX-Basic">\n<text><body>\n'
ENTRY = ('<termEntry id="x">\n<descrip type="subjectField">place</descrip>\n'
         '<langSet xml:lang="en"><tig><term>Ex</term></tig></langSet>\n'
         '<langSet xml:lang="fr"><tig><term>Ix</term></tig></langSet>\n</termEntry>\n')
TBX_TAIL = "</body></text>\n</martif>\n"


@pytest.mark.parametrize(("name", "text", "line", "message"), [
    ("syntax.tbx", TBX_HEAD + ENTRY.replace("</tig></langSet>\n<langSet", "</langSet>\n<langSet", 1) + TBX_TAIL,
     6, "invalid XML: Opening and ending tag mismatch: tig line 6 and langSet"),
    ("no-id.tbx", TBX_HEAD + "\n" + ENTRY.replace(' id="x"', "") + TBX_TAIL, 5, "without an id attribute"),
    ("kind.tbx", TBX_HEAD + ENTRY.replace("place", "Astronomy") + TBX_TAIL, 4, "found 'Astronomy'"),
    ("lang.tbx", TBX_HEAD + ENTRY.replace('"fr"', '"pt-BR"') + TBX_TAIL, 7, "language 'pt-BR'"),
    ("no-fr.tbx", TBX_HEAD + ENTRY.replace('<langSet xml:lang="fr"><tig><term>Ix</term></tig></langSet>\n', "")
     + TBX_TAIL, 4, "has no fr term"),
    ("bad-id.tbx", TBX_HEAD + ENTRY.replace('id="x"', 'id="X 1"') + TBX_TAIL, 4, "entry needs an 'id'"),
    ("root.tbx", '<?xml version="1.0"?>\n<xliff version="1.2"/>\n', 2, "not a TBX file"),
    ("entities.tbx", '<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY a "aaaa">\n]>\n'
     + TBX_HEAD.split("\n", 1)[1] + ENTRY.replace(">Ex<", ">&a;<") + TBX_TAIL, 3, "declares XML entities"),
    ("language.csv", "id,kind,en,fr,pt\nx,place,Ex,Ix,Ecks\n", 1, "unknown column 'pt'"),
    ("no-id.csv", "id,kind,en,fr\nx,place,Ex,Ix\n\n,place,Why,Igrec\n", 4, "row without an id"),
    ("kind.csv", "id,kind,en,fr\nx,planet,Ex,Ix\n", 2, "unknown kind 'planet'"),
    ("empty-form.csv", "id,kind,en,fr\nx,place,Ex || Ecks,Ix\n", 2, "an empty form"),
    ("quote.csv", 'id,kind,en,fr\nx,place,"Ex,Ix\n', 2, "invalid CSV"),
    ("cells.tsv", "id\tkind\ten\tfr\nx\tplace\tEx\tIx\tmore\n", 2, "5 cells in a row under 4 columns"),
])
def test_malformed_termbase_gives_one_message_with_file_and_line(tmp_path: Path, name: str, text: str, line: int,
                                                                  message: str) -> None:
    path = _malformed(tmp_path, name, text)
    for args in (("glossary", "validate", path), ("glossary", "convert", path, tmp_path / "out.toml"),
                 ("lint", _malformed(tmp_path, "a.txt", "Text.\n"), "--glossary", path, "--no-default-glossary")):
        run = run_cli(*args)
        assert run.exit_code == 2, (args, run.stdout, run.stderr)
        errors = [ln for ln in run.stderr.splitlines() if ln.startswith("termcheck: error:")]
        assert len(errors) == 1, run.stderr
        assert f"{path}:{line}: " in errors[0] and message in errors[0], errors[0]
        assert "Traceback" not in run.stderr


def test_the_table_example_in_the_glossary_readme_loads(tmp_path: Path) -> None:
    readme = (ROOT / "glossaries" / "README.md").read_text(encoding="utf-8")
    example = readme.split("```csv\n", 1)[1].split("```", 1)[0]
    (tmp_path / "example.csv").write_text(example, encoding="utf-8")
    idlib, sohr = read_table(tmp_path / "example.csv").names
    assert idlib.alternates == {"en": ["Edlib"]} and idlib.wrong == {"fr": ["Idleb"]}
    assert sohr.acronym == {"en": ["SOHR"], "fr": ["OSDH"]}


def test_validate_takes_a_termbase_in_its_own_order(tmp_path: Path) -> None:
    table = _malformed(tmp_path, "terms.csv", "id,kind,en,fr\nzeta,place,Zeta,Zêta\nalpha,place,Alpha,Alpha\n")
    run = run_cli("glossary", "validate", table)
    assert run.exit_code == 0, run.stderr
    assert "2 entries" in run.stdout


def test_other_tools_tbx_shapes_are_read(tmp_path: Path) -> None:
    """TBX v3 in the dialect's namespace with definitions in descripGrp and no statuses; TBX v2
    with ntig/termGrp, normativeAuthorization and superseded terms."""
    v3 = _malformed(tmp_path, "v3.tbx", """<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
  <tbxHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="aleppo">
      <descrip type="subjectField">place</descrip>
      <langSec xml:lang="en-GB">
        <descripGrp><descrip type="definition">City in northern
          Syria.</descrip><admin type="source">Oxford</admin></descripGrp>
        <termSec><term>Aleppo</term><termNote type="partOfSpeech">noun</termNote></termSec>
        <termSec><term>Halab</term></termSec>
      </langSec>
      <langSec xml:lang="fr-FR"><termSec><term>Alep</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
""")
    [aleppo] = read_tbx(v3).names
    assert aleppo.canonical == {"en": "Aleppo", "fr": "Alep"} and aleppo.alternates == {"en": ["Halab"]}
    assert aleppo.note == "City in northern Syria." and aleppo.ref == ""
    v2 = _malformed(tmp_path, "v2.tbx", """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="nato">
    <descrip type="subjectField">organisation</descrip>
    <langSet xml:lang="en">
      <ntig><termGrp><term>NATO</term><termNote type="termType">acronym</termNote>
        <termNote type="normativeAuthorization">preferredTerm</termNote></termGrp></ntig>
      <ntig><termGrp><term>North Atlantic Treaty Organization</term></termGrp></ntig>
    </langSet>
    <langSet xml:lang="fr">
      <tig><term>OTAN</term><termNote type="normativeAuthorization">preferredTerm</termNote></tig>
      <tig><term>Organisation du traité de l'Atlantique Nord</term>
        <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
      <tig><term>Otan</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
</body></text></martif>
""")
    [nato] = read_tbx(v2).names
    # A preferred acronym with no preferred full form is the canonical form and an acronym (as
    # the shipped NATO entry has it); the full form is then an alternate.
    assert nato.canonical == {"en": "NATO", "fr": "OTAN"} and nato.acronym == {"en": ["NATO"]}
    assert nato.alternates == {"en": ["North Atlantic Treaty Organization"],
                               "fr": ["Organisation du traité de l'Atlantique Nord"]}
    assert nato.wrong == {"fr": ["Otan"]}
