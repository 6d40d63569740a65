"""Bilingual files (XLIFF 1.2, SDLXLIFF, memoQ XLIFF, XLIFF 2.0, PO, TMX): checked unit by unit,
fixed in their targets only, every other byte kept; malformed files are one error each."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import polib
import pytest
from conftest import FIXTURES, run_cli
from lxml import etree
from typer.testing import CliRunner

from termcheck.cli.main import app
from termcheck.document import Span
from termcheck.findings import Applicability, Edit, Finding, Fix, Severity
from termcheck.fix.edits import plan_edits
from termcheck.io.bilingual import bilingual_kind, parse, read_bilingual
from termcheck.io.bilingual.escape import PoEdits, XmlEdits

BILINGUAL = FIXTURES / "bilingual"
# fixture -> (unit id of the 'Idleb' headline finding, its segment id)
FILES = {
    "article.xlf": ("headline", None),
    "article.sdlxliff": ("a1f0c9e2-0001", "1"),
    "article.mqxliff": ("1", None),
    "article-v2.xliff": ("u1", "s1"),
    "article.po": ("headline\x04Frappes aériennes sur la province d'Idleb", None),
    "article.tmx": ("1", None),
    "latin1-crlf.po": ("Según el OSDH, doce civiles murieron en Idleb.", None),
}


def copy(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copyfile(BILINGUAL / name, path)
    return path


def lint_json(path: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    run = run_cli("lint", path.name, "--format", "json", *args, cwd=path.parent)
    return run.exit_code, run.json(), run.stderr


def segments(path: Path) -> tuple[str, list[Span], list[Span]]:
    """The decoded text and the target and source spans of `path`'s segments."""
    kind = bilingual_kind(path)
    assert kind is not None
    text = read_bilingual(path).text
    parsed = parse(kind, text, path)
    return (text, [s.target for s in parsed.segments if s.target is not None],
            [s.source for s in parsed.segments])


def outside(text: str, spans: list[Span]) -> list[str]:
    """The pieces of `text` between the target spans: what a fix must leave as it was."""
    pieces, at = [], 0
    for span in sorted(spans):
        pieces.append(text[at : span.start])
        at = span.end
    return [*pieces, text[at:]]


def well_formed(path: Path) -> None:
    """Re-read with the format's own library."""
    if path.suffix == ".po":
        po = polib.pofile(str(path))
        assert len(po) > 0
    else:
        etree.parse(str(path))


@pytest.mark.parametrize("name", sorted(FILES))
def test_findings_land_in_targets_with_their_unit(tmp_path: Path, name: str) -> None:
    path = copy(tmp_path, name)
    code, report, _ = lint_json(path, "--lang", "en")
    assert code == 1
    text, targets, sources = segments(path)
    findings = report["findings"]
    assert {f["text"] for f in findings} >= {"Idleb", "OSDH"}
    for f in findings:
        span = Span(f["start"], f["end"])
        assert any(t.start <= span.start and span.end <= t.end for t in targets), f
        assert not any(s.overlaps(span) for s in sources), f
        assert "<" not in f["text"] and "&amp;" not in f["text"]
        assert "unit" in f
    headline = next(f for f in findings if f["text"] == "Idleb")
    unit, segment = FILES[name]
    assert headline["unit"] == unit
    assert headline.get("segment") == segment
    doc = report["documents"][0]
    assert doc["source_path"] == name and doc["alignment"]
    assert doc["units"] >= len(doc["alignment"])


@pytest.mark.parametrize("name", sorted(FILES))
def test_fix_changes_targets_only_and_keeps_every_other_byte(tmp_path: Path, name: str) -> None:
    path = copy(tmp_path, name)
    original = path.read_bytes()
    before, targets_before, _ = segments(path)
    run = run_cli("lint", path.name, "--fix", "--lang", "en", cwd=tmp_path)
    assert run.exit_code in (0, 1), run.stderr
    fixed = path.read_bytes()
    assert fixed != original
    well_formed(path)
    after, targets_after, _ = segments(path)
    assert outside(before, targets_before) == outside(after, targets_after)
    assert len(targets_before) == len(targets_after)
    changed = [after[t.start : t.end] for t in targets_after]
    assert not any("Idleb" in t for t in changed) and any("Idlib" in t for t in changed)
    assert fixed.count(b"\r\n") == original.count(b"\r\n")
    assert fixed.count(b"\n") == original.count(b"\n")
    # the source segments are untouched
    assert after.count("Idleb") >= 1 and "OSDH" in after
    again = run_cli("lint", path.name, "--fix", "--lang", "en", cwd=tmp_path)
    assert again.exit_code in (0, 1) and path.read_bytes() == fixed


def test_latin1_po_keeps_its_encoding_and_crlf(tmp_path: Path) -> None:
    path = copy(tmp_path, "latin1-crlf.po")
    original = path.read_bytes()
    assert read_bilingual(path).encoding == "iso8859-1"
    run_cli("lint", path.name, "--fix", "--lang", "en", cwd=tmp_path)
    fixed = path.read_bytes()
    assert "añadió".encode("latin-1") in fixed and "«".encode("latin-1") in fixed
    with pytest.raises(UnicodeDecodeError):
        fixed.decode("utf-8")
    assert fixed.replace(b"\r\n", b"") .count(b"\n") == 0
    assert fixed == original.replace(b"OSDH, twelve", b"SOHR, twelve").replace(b"in Idleb.\"", b"in Idlib.\"")
    po = polib.pofile(str(path), encoding="iso-8859-1")
    assert po[0].msgstr == "According to the SOHR, twelve civilians died in Idlib."


def test_untranslated_segments_are_a_notice_not_findings(tmp_path: Path) -> None:
    path = copy(tmp_path, "article.po")
    code, report, stderr = lint_json(path, "--lang", "en")
    assert "1 of 7 segments have no translation yet" in stderr
    assert not [f for f in report["findings"] if f["code"] == "TC803"]
    assert report["documents"][0]["untranslated"] == 1


def test_po_plural_fuzzy_obsolete_and_escapes(tmp_path: Path) -> None:
    path = copy(tmp_path, "article.po")
    text, targets, sources = segments(path)
    shown = [text[t.start : t.end] for t in targets]
    # msgstr[0] and msgstr[1], the fuzzy multi-line msgstr, the escaped quotes; not the header or #~
    assert "%d civilian was injured in Idleb." in shown and "%d civilians were injured in Idleb." in shown
    assert any(s.startswith("According to the OSDH") and s.endswith("in the province.") for s in shown)
    assert not any("Strikes on Idleb" in s or "Project-Id-Version" in s for s in shown)
    parsed = parse("po", text, path)
    doc_prose = parsed.target_prose
    quoted = next(t for t in targets if "minister" in text[t.start : t.end])
    # an escape shows its character, then a blank: the offsets stay the file's
    assert doc_prose[quoted.start : quoted.end] == 'The minister said: " We will not give in\\ yield."  Idleb'


def test_xml_markup_and_entities_are_not_prose(tmp_path: Path) -> None:
    path = copy(tmp_path, "article.xlf")
    text = path.read_text(encoding="utf-8")
    parsed = parse("xliff", text, path)
    prose = parsed.target_prose
    assert len(prose) == len(text)
    assert "&amp;" not in prose and "&" in prose
    assert "<g" not in prose and "&lt;b&gt;" not in prose  # a tag, and a <bpt>'s native code
    assert "Strikes on Idleb" not in prose  # alt-trans
    assert "Headline" not in prose and "sub-editor" not in prose  # notes
    assert "Idleb" not in prose.split("With AFP")[1]  # translate="no"
    assert "Frappes" in parsed.source_prose and "Frappes" not in prose


def test_bilingual_rules_read_the_units_source(tmp_path: Path) -> None:
    code, report, _ = lint_json(copy(tmp_path, "article.xlf"), "--lang", "en")
    number = next(f for f in report["findings"] if f["code"] == "TC801")
    assert number["text"] == "20" and number["unit"] == "p1"
    text = (BILINGUAL / "article.xlf").read_text(encoding="utf-8")
    assert text[number["source_span"]["start"] : number["source_span"]["end"]] == "30"
    code, report, _ = lint_json(copy(tmp_path, "article-v2.xliff"), "--lang", "en")
    copied = [f for f in report["findings"] if f["code"] in ("TC501", "TC802")]
    assert copied and copied[0]["unit"] == "u2" and copied[0]["segment"] == "s5"


def test_sarif_carries_the_unit(tmp_path: Path) -> None:
    path = copy(tmp_path, "article.sdlxliff")
    run = run_cli("lint", path.name, "--format", "sarif", "--lang", "en", cwd=tmp_path)
    results = run.json()["runs"][0]["results"]
    assert {r["properties"]["unit"] for r in results} == {"a1f0c9e2-0001"}
    assert {r["properties"]["segment"] for r in results} == {"1", "2"}


def test_found_in_folders_by_default(tmp_path: Path) -> None:
    for name in FILES:
        copy(tmp_path, name)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    run = run_cli("lint", ".", "--format", "json", "--lang", "en", cwd=tmp_path)
    assert sorted(d["path"] for d in run.json()["documents"]) == sorted(FILES)


BROKEN = {
    "broken.xlf": ("article.xlf", "</trans-unit>", "</trans-unt>", 16),
    "broken.tmx": ("article.tmx", "<tu tuid=\"2\">", "<tu tuid=\"2>", 23),  # where expat finds the stray quote
    "broken.po": ("article.po", 'msgstr "With AFP"', 'msgstr "With "AFP"', 53),
    "broken.sdlxliff": ("article.sdlxliff", "<target><mrk", "<target><<mrk", 2),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_malformed_file_is_one_error_and_the_run_goes_on(tmp_path: Path, name: str) -> None:
    origin, old, new, line = BROKEN[name]
    data = (BILINGUAL / origin).read_text(encoding="utf-8")
    assert old in data
    (tmp_path / name).write_text(data.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "good.txt").write_text("Rebels left Idleb on Tuesday.\n", encoding="utf-8")
    run = run_cli("lint", ".", "--lang", "en", cwd=tmp_path)
    assert run.exit_code == 2
    errors = [line for line in run.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith(f"termcheck: error: {name}:{line}: "), errors
    assert "Traceback" not in run.stderr
    assert "good.txt:1:13: TC201" in run.stdout
    quiet = run_cli("lint", ".", "--lang", "en", "-q", "--format", "json", cwd=tmp_path)
    assert quiet.exit_code == 2 and f"{name}:{line}:" in quiet.stderr
    assert [d["path"] for d in quiet.json()["documents"]] == ["good.txt"]


def test_not_an_xliff_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.xlf").write_text("<html><body>Idleb</body></html>\n", encoding="utf-8")
    run = run_cli("lint", "a.xlf", cwd=tmp_path)
    assert run.exit_code == 2 and "a.xlf:1: not an XLIFF file" in run.stderr


def test_own_source_wins_over_source_option(tmp_path: Path) -> None:
    path = copy(tmp_path, "article.xlf")
    (tmp_path / "other.txt").write_text("Quelque chose d'autre.\n", encoding="utf-8")
    code, report, stderr = lint_json(path, "--lang", "en", "--source", "other.txt")
    assert "carries its source; --source other.txt was not used" in stderr
    assert report["documents"][0]["source_path"] == "article.xlf"


def fake(span: Span, replacement: str) -> Finding:
    fix = Fix(Applicability.SAFE, (Edit(span, replacement),))
    return Finding("TC999", "test", "m", span, Severity.ERROR, [replacement], fix)


def test_fixes_are_escaped_for_the_format() -> None:
    xml = "<target>Tom and Jerry</target>"
    span = Span(xml.index("and"), xml.index("and") + 3)
    [[edit]] = plan_edits(xml, [fake(span, "& <b>")], fmt=XmlEdits())
    assert edit.replacement == "&amp; &lt;b&gt;"
    po = 'msgstr "Tom and Jerry"'
    span = Span(po.index("and"), po.index("and") + 3)
    [[edit]] = plan_edits(po, [fake(span, 'say "hi"\\\n')], fmt=PoEdits())
    assert edit.replacement == 'say \\"hi\\"\\\\\\n'


def test_fixes_never_cross_markup_or_cut_an_escape() -> None:
    xml = '<target>Idleb <g id="1">province</g> &amp; more</target>'
    across = Span(xml.index("Idleb"), xml.index("province") + 8)
    assert plan_edits(xml, [fake(across, "Idlib province")], fmt=XmlEdits()) == []
    half_entity = Span(xml.index("&amp;") + 1, xml.index("&amp;") + 5)
    assert plan_edits(xml, [fake(half_entity, "and")], fmt=XmlEdits()) == []
    whole = Span(xml.index("&amp;"), xml.index("&amp;") + 5)
    assert plan_edits(xml, [fake(whole, "and")], fmt=XmlEdits()) == [[Edit(whole, "and")]]
    po = 'msgstr ""\n"One \\"two\\" "\n"three"'
    assert plan_edits(po, [fake(Span(po.index("two") - 1, po.index("two") + 3), "x")], fmt=PoEdits()) == []
    joined = Span(po.index("two"), po.index("three") + 5)
    assert plan_edits(po, [fake(joined, "x")], fmt=PoEdits()) == []
    assert plan_edits(po, [fake(Span(po.index("three"), po.index("three") + 5), "3")], fmt=PoEdits()) != []


def test_interactive_writes_escaped_text_into_the_target(tmp_path: Path) -> None:
    path = copy(tmp_path, "article.xlf")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["lint", path.name, "--interactive", "--lang", "en", "--select", "TC201"],
                                    input="e\nIdlib & Co\n", catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1), result.stderr
    text = path.read_text(encoding="utf-8")
    assert "Air strikes on Idlib &amp; Co province</target>" in text
    etree.parse(str(path))


ARTICLE = "Rebels left Idleb on Tuesday, the OSDH said. Twelve people were killed.\n"
SOURCE = "Les rebelles ont quitté Idleb mardi, a indiqué l'OSDH. Douze personnes ont été tuées.\n"


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_source_with_fix_and_diff_for_plain_articles(tmp_path: Path, mode: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--source", "src.txt", "--lang", "en", mode, cwd=tmp_path)
    assert run.exit_code == (0 if mode == "--fix" else 1), run.stderr
    assert (tmp_path / "src.txt").read_text(encoding="utf-8") == SOURCE
    fixed = (tmp_path / "a.txt").read_text(encoding="utf-8")
    if mode == "--fix":
        assert fixed == ARTICLE.replace("Idleb", "Idlib").replace("OSDH", "SOHR")
    else:
        assert fixed == ARTICLE and "+Rebels left Idlib" in run.stdout


def test_source_with_interactive_for_plain_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["lint", "a.txt", "--source", "src.txt", "--lang", "en", "--interactive"],
                                    input="1\n1\n", catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1), result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("Rebels left Idlib")
    assert (tmp_path / "src.txt").read_text(encoding="utf-8") == SOURCE


def test_utf16_crlf_xliff_keeps_its_bom_and_line_endings(tmp_path: Path) -> None:
    text = (BILINGUAL / "article.xlf").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "a.xlf"
    path.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    original = path.read_bytes()
    before, targets_before, _ = segments(path)
    run_cli("lint", path.name, "--fix", "--lang", "en", cwd=tmp_path)
    fixed = path.read_bytes()
    assert fixed[:2] == original[:2] == b"\xff\xfe" and fixed != original
    after, targets_after, _ = segments(path)
    assert outside(before, targets_before) == outside(after, targets_after)
    assert after.count("\r\n") == before.count("\r\n") and "\n" not in after.replace("\r\n", "")
    etree.parse(str(path))


@pytest.mark.parametrize("name", sorted(FILES))
def test_damaged_files_parse_or_fail_with_a_line_never_crash(name: str) -> None:
    import random

    from termcheck.io.bilingual.model import MalformedFile

    rng = random.Random(name)
    text = read_bilingual(BILINGUAL / name).text
    kind = bilingual_kind(BILINGUAL / name)
    assert kind is not None
    for _ in range(150):
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(chars))
            if rng.random() < 0.5:
                del chars[i : i + rng.randint(1, 30)]
            else:
                chars.insert(i, rng.choice('<>&;"\\\n\r#~ \x00\x0c\u2028é'))
        damaged = "".join(chars)
        try:
            parsed = parse(kind, damaged, name)
        except MalformedFile as err:
            assert err.line is None or err.line >= 1
            continue
        assert len(parsed.target_prose) == len(parsed.source_prose) == len(damaged)
        assert all(s.target is None or s.target.end <= len(damaged) for s in parsed.segments)


def test_default_include_has_every_bilingual_suffix() -> None:
    from termcheck.config import DEFAULT_INCLUDE
    from termcheck.io.bilingual import SUFFIX_GLOBS

    assert set(SUFFIX_GLOBS) <= set(DEFAULT_INCLUDE)


def test_a_po_template_is_all_untranslated(tmp_path: Path) -> None:
    (tmp_path / "story.pot").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                        'msgid "Frappes sur Idleb."\nmsgstr ""\n', encoding="utf-8")
    run = run_cli("lint", "story.pot", "--lang", "en", cwd=tmp_path)
    assert run.exit_code == 0 and "1 of 1 segments have no translation yet" in run.stderr


def test_write_baseline_names_a_malformed_file(tmp_path: Path) -> None:
    (tmp_path / "a.tmx").write_text("<tmx><body>", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Rebels left Idleb on Tuesday.\n", encoding="utf-8")
    run = run_cli("lint", ".", "--lang", "en", "--write-baseline", "base.json", cwd=tmp_path)
    assert run.exit_code == 2 and "error: a.tmx:1: not well-formed XML" in run.stderr
    assert (tmp_path / "base.json").exists()
