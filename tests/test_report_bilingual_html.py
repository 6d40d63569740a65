"""The HTML report of articles checked with their source (--source): the source beside the
translation, sentence pair by sentence pair, with omissions, additions and both spans of a
finding marked. Articles without a source keep the one-column view, byte for byte."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import ROOT, UPDATE, run_cli
from test_report_html import _open

from termcheck import parallel
from termcheck.align import Bead, SourceText
from termcheck.document import Document, Span
from termcheck.findings import Applicability, Edit, Finding, Fix, Severity
from termcheck.report import bitext
from termcheck.report import html as html_report
from termcheck.results import FileResult, RunResult

GOLDEN = Path(__file__).resolve().parent / "golden" / "report-monolingual.html"


# --- without a source: today's report, unchanged -----------------------------------------------

def _monolingual_result() -> RunResult:
    """A run built by hand (no rules involved, so that rule changes do not move the snapshot)."""
    text = ("Rebels left Idleb on Monday. <script>alert('x')</script> & \"quotes\"\n\n"
            "The OSDH said by diet that Idleb fell.\n")
    doc = Document(path=Path("mt/a.txt"), text=text, lang="en")
    findings = [
        Finding("TC201", "wrong-transliteration", "'Idleb' is the French spelling; English writes 'Idlib'",
                Span(12, 17), Severity.ERROR, ["Idlib"], Fix(Applicability.SAFE, (Edit(Span(12, 17), "Idlib"),)),
                entry="idlib", text="Idleb"),
        Finding("TC401", "foreign-acronym", "'OSDH' is the French acronym", Span(73, 77), Severity.ERROR, ["SOHR"],
                text="OSDH"),
        Finding("TC301", "false-friend", "'by diet' looks like a false friend <b>", Span(83, 90), Severity.WARNING,
                ["by the regime", ""], text="by diet"),
        Finding("TC301", "false-friend", "nested", Span(86, 90), Severity.INFO, [], text="diet"),
        Finding("TC701", "residue", "empty", Span(95, 95), Severity.INFO, [], text=""),
    ]
    info = {"lang": "en", "source_lang": "fr", "source_confidence": 0.8}
    return RunResult([FileResult("mt/a.txt", doc, findings, info, {"inline": 1}),
                      FileResult("b.txt", Document(path=Path("b.txt"), text="Quiet.\n"), [], {"lang": "en"})])


def _render_without_rules(result: RunResult, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(html_report, "all_rules", list)  # the rule glossary changes with every rule
    monkeypatch.setattr(html_report, "__version__", "VERSION")
    return html_report.render(result)


def test_a_report_without_source_is_todays_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot was written by the reporter before the bilingual view was added, and updated
    on purpose for issue 13 (views, decisions and exports in the toolbar, the findings' data and
    the XLSX workbook as data blocks, no data-search attributes); a change to it is a change to
    every report."""
    got = _render_without_rules(_monolingual_result(), monkeypatch)
    if UPDATE or not GOLDEN.exists():
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


# --- with a source: the two side by side ------------------------------------------------------

SOURCE = ("Le maire de Lyon a présenté lundi un budget de 1,5 milliard d'euros.\n"
          "Il a annoncé une hausse de quatre pour cent des dépenses sociales pour les familles modestes.\n"
          "Les critiques n'étaient pas convaincus par le projet du maire.\n"
          "\n"
          "La séance du conseil municipal a duré trois heures <script>alert('src')</script>.\n"
          "Les élus de l'opposition ont dénoncé une gestion opaque des finances.\n")
TARGET = ("The mayor of Lyon presented on Monday a budget of 2.5 billion euros.\n"
          "Critics were not convinced by the mayor's project.\n"
          "\n"
          "The session of the city council lasted three hours <script>alert('tgt')</script>.\n"
          "Opposition councillors denounced an opaque gestion of the finances.\n")
SOURCE_NAME = "S<b>x<i>.txt"  # a hostile file name too


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pair")
    (root / "T.txt").write_text(TARGET, encoding="utf-8")
    (root / SOURCE_NAME).write_text(SOURCE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def report(pair: Path) -> tuple[Path, dict[str, Any]]:
    run = run_cli("lint", "T.txt", "--source", SOURCE_NAME, "--format", "html", "-o", "out.html", cwd=pair)
    assert run.exit_code == 1, run.stderr
    data = run_cli("lint", "T.txt", "--source", SOURCE_NAME, "--format", "json", cwd=pair).json()
    return pair / "out.html", data


def _page(path: Path) -> Any:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def _select(el: Any, path: str) -> list[Any]:
    """XPath, with `.name` for an element of that class: `//tr.omission//mark.src`."""
    xpath = re.sub(r"(?<=[\w*\]])\.([\w-]+)", r"[contains(concat(' ', @class, ' '), ' \1 ')]", path)
    return list(el.xpath(xpath))


def _rows(page: Any) -> list[tuple[set[str], str, str]]:
    """(classes, source cell, target cell) of each row of the side-by-side view."""
    return [(set(tr.get("class").split()), *(tr.find_class(side)[0].text_content() for side in ("src", "tgt")))
            for tr in _select(page, "//table.bitext/tbody/tr")]


def test_source_and_translation_side_by_side(report: tuple[Path, dict[str, Any]]) -> None:
    path, _ = report
    page = _page(path)
    [table] = _select(page, "//section.article//table.bitext")
    assert [th.text_content().split(")")[0] + ")" for th in _select(table, "thead//th")] == [
        "Source (French)", "Translation (English)"]
    assert SOURCE_NAME in _select(table, "thead//th")[0].text_content()
    s, t = _lines(SOURCE), _lines(TARGET)
    omitted = "Omitted: this source sentence has no translation"
    assert _rows(page) == [({"bead", "pair"}, s[0], t[0]),
                           ({"bead", "omission"}, s[1], omitted),
                           ({"bead", "pair"}, s[2], t[1]),
                           ({"bead", "pair", "para"}, s[3], t[2]),
                           ({"bead", "pair"}, s[4], t[3])]
    [row] = _select(table, ".//tr.omission")
    assert _select(row, "td.tgt/*.note")[0].text_content() == omitted
    assert [td.get("lang") for td in _select(row, "td")] == ["fr", "en"]
    assert "1 sentence omitted" in _select(page, "//section.article/*.docmeta")[0].text_content()
    assert not _select(page, "//section.article/div.text")  # the one-column view is replaced, not repeated


def _finding(data: dict[str, Any], code: str) -> tuple[int, dict[str, Any]]:
    [(idx, f)] = [(i, f) for i, f in enumerate(data["findings"]) if f["code"] == code]
    return idx, f


def test_both_spans_of_a_finding_are_marked_in_one_row(report: tuple[Path, dict[str, Any]]) -> None:
    path, data = report
    page = _page(path)
    idx, number = _finding(data, "TC801")
    assert (number["text"], SOURCE[number["source_span"]["start"] : number["source_span"]["end"]]) == (
        "2.5 billion", "1,5 milliard")
    [target] = _select(page, f"//td.tgt//mark[@id='f-{idx}']")
    [source] = _select(page, f"//td.src//mark.src[@data-idx='{idx}']")
    assert (target.text_content(), source.text_content()) == ("2.5 billion", "1,5 milliard")
    assert target.getparent().getparent() is source.getparent().getparent()  # the same row
    assert source.get("data-code") == "TC801" and "data-first" not in source.attrib and source.get("id") is None
    item = page.get_element_by_id(f"item-{idx}")
    assert number["message"] in item.text_content() and "In the source: 1,5 milliard" in item.text_content()

    idx, omission = _finding(data, "TC803")
    [source] = _select(page, f"//tr.omission/td.src//mark.src[@data-idx='{idx}']")
    assert source.text_content() == _lines(SOURCE)[1]
    idx, copy = _finding(data, "TC802")
    assert [m.text_content() for m in _select(page, f"//mark[@data-idx='{idx}']")] == ["gestion", "gestion"]


def test_every_finding_has_one_first_mark(report: tuple[Path, dict[str, Any]]) -> None:
    path, data = report
    page = _page(path)
    firsts = _select(page, "//mark.hl[@data-first]")
    assert [int(m.get("data-idx")) for m in firsts] == list(range(len(data["findings"])))
    assert [m.text_content() for m in firsts] == [f["text"] for f in data["findings"]]
    sources = _select(page, "//mark.hl.src")
    assert len(sources) == sum("source_span" in f for f in data["findings"])


def test_hostile_text_in_article_and_source_is_inert(report: tuple[Path, dict[str, Any]]) -> None:
    path, _ = report
    html = path.read_text(encoding="utf-8")
    assert html.count("<script>") == 1 and "<script>alert" not in html and "<b>x<i>" not in html
    page = _page(path)
    # One script runs; the others are data blocks the browser never runs (the findings as JSON, the XLSX).
    scripts = page.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json", "text/plain", None] and not page.xpath("//i")
    assert SOURCE_NAME in _select(page, "//table.bitext//th")[0].text_content()
    cells = [(r[1], r[2]) for r in _rows(page)]
    assert ("La séance du conseil municipal a duré trois heures <script>alert('src')</script>.",
            "The session of the city council lasted three hours <script>alert('tgt')</script>.") in cells


def test_without_source_the_report_keeps_its_one_column_view(pair: Path) -> None:
    run = run_cli("lint", "T.txt", "--format", "html", "-o", "alone.html", cwd=pair)
    assert run.exit_code in (0, 1), run.stderr
    html = (pair / "alone.html").read_text(encoding="utf-8")
    page = lxml.html.fromstring(html)
    assert not _select(page, "//table.bitext | //mark.src")
    assert "table.bitext" not in html and "MutationObserver" not in html  # nor the view's styles and script
    [text] = _select(page, "//section.article/div.text")
    assert text.text_content() == TARGET


def test_jobs_give_the_same_report(pair: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_FILES", 2)
    for side, text in (("mt", TARGET), ("src", SOURCE)):
        for i in range(4):
            (tmp_path / side).mkdir(exist_ok=True)
            (tmp_path / side / f"{i}.txt").write_text(text.replace("Lyon", f"Lyon {i}"), encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        run = run_cli("lint", "mt", "--source", "src", "--format", "html", "--jobs", jobs, "-o", f"{jobs}.html",
                      cwd=tmp_path)
        assert run.exit_code == 1, run.stderr
        outs.append((tmp_path / f"{jobs}.html").read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    page = lxml.html.fromstring(outs[1])
    assert len(_select(page, "//table.bitext")) == 4 and len(_select(page, "//table.bitext//tr.omission")) == 4
    assert len(_select(page, "//mark.src")) >= 12


# --- the rows, from a hand-made alignment ------------------------------------------------------

def _side(text: str, *marked: tuple[int, int], prose: str | None = None) -> bitext.Side:
    return bitext.Side(text, text if prose is None else prose, [Span(s, e) for s, e in marked])


def test_rows_mark_additions_omissions_and_paragraphs() -> None:
    target = "One.  Added.\n\nThree."
    source = "Un.\nDeux.\n\nTrois."
    beads = [Bead(Span(0, 4), Span(0, 3)), Bead(Span(6, 12), None), Bead(None, Span(4, 9)),
             Bead(Span(14, 20), Span(11, 17))]
    rows = bitext.rows(_side(target), _side(source), beads)
    assert [(r.kind.value, r.paragraph) for r in rows] == [("pair", False), ("addition", False),
                                                          ("omission", False), ("pair", True)]
    assert bitext.counts(rows) == ["1 sentence omitted", "1 sentence added"]


def test_text_outside_the_alignment_gets_a_row_when_it_holds_prose_or_a_finding() -> None:
    target = "Title\n\nOne. \n"
    source = "Titre\n\nUn."
    beads = [Bead(Span(7, 11), Span(7, 10))]
    [gap, pair] = bitext.rows(_side(target), _side(source), beads)
    assert (gap.kind, gap.target, gap.source) == (bitext.RowKind.UNALIGNED, Span(0, 5), Span(0, 5))
    assert pair.kind is bitext.RowKind.PAIR and not pair.paragraph  # the gap row comes between
    # White space alone needs no row; a finding in it does (here an empty one, at the end).
    assert [r.kind for r in bitext.rows(_side(target), _side(source), [Bead(Span(0, 11), Span(0, 10))])] == [
        bitext.RowKind.PAIR]
    rows = bitext.rows(_side(target, (13, 13)), _side(source), [Bead(Span(0, 11), Span(0, 10))])
    assert [(r.kind, r.target) for r in rows] == [(bitext.RowKind.PAIR, Span(0, 11)),
                                                  (bitext.RowKind.UNALIGNED, Span(13, 13))]
    # An empty finding where a cell ends shows in that cell.
    assert len(bitext.rows(_side(target, (11, 11)), _side(source), [Bead(Span(0, 11), Span(0, 10))])) == 1


def test_cells_show_prose_without_markup() -> None:
    """As termcheck.io.bilingual masks a segment: tags blanked, an entity shown as its character
    in its first place (a space for a reference to white space)."""
    text = 'a <g id="1">b</g> &amp; c&#160;d <x/>e'
    prose = list(re.sub(r"<[^>]*>", lambda m: " " * len(m.group()), text))
    amp, nbsp = text.index("&amp;"), text.index("&#160;")
    prose[amp : amp + 5], prose[nbsp : nbsp + 6] = "&    ", "      "
    shown = bitext.visible(text, "".join(prose))
    assert len(shown) == len(text) and shown.replace(bitext.HIDDEN, "") == "a b & c d e"
    assert bitext.visible("plain <b> text", "plain <b> text") == "plain <b> text"


# --- in a real browser (skipped without playwright and Chromium) -------------------------------

def _box(page: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = page.locator(selector).first.bounding_box()
    return box


def test_side_by_side_in_chromium(browser: Any, report: tuple[Path, dict[str, Any]]) -> None:
    path, data = report
    page, problems = _open(browser, path)
    src, tgt = _box(page, "table.bitext tr.bead td.src"), _box(page, "table.bitext tr.bead td.tgt")
    assert src["x"] + src["width"] <= tgt["x"] + 1 and abs(src["y"] - tgt["y"]) < 1  # two columns
    assert page.locator("tr.omission td.tgt .note").is_visible()

    # j opens the first finding (TC801): its source span is outlined too, and quoted in the details.
    idx, _ = _finding(data, "TC801")
    page.keyboard.press("j")
    page.wait_for_function(f"document.querySelector('mark.src[data-idx=\"{idx}\"]').classList.contains('pair')")
    assert "In the source: 1,5 milliard" in page.locator("#popover").inner_text()
    # A click on a span in the source opens its finding, and outlines the span in the translation.
    idx, copy = _finding(data, "TC802")
    page.locator(f'mark.src[data-idx="{idx}"]').click()
    assert copy["message"] in page.locator("#popover").inner_text()
    page.wait_for_function(f"document.getElementById('f-{idx}').classList.contains('pair')")
    assert page.locator("mark.pair").count() == 1
    # Filters hide the source's marks with the translation's.
    page.locator("input[data-filter=severity][value=warning]").uncheck()
    assert page.locator("mark.src.off").count() == page.locator("mark.src").count() > 0
    assert problems == []
    page.close()


def test_side_by_side_stacks_on_a_phone(browser: Any, report: tuple[Path, dict[str, Any]]) -> None:
    path, _ = report
    page, problems = _open(browser, path, width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    src, tgt = _box(page, "table.bitext tr.bead td.src"), _box(page, "table.bitext tr.bead td.tgt")
    assert src["y"] + src["height"] <= tgt["y"] + 1 and abs(src["x"] - tgt["x"]) < 1 and src["width"] > 300
    label = page.evaluate("getComputedStyle(document.querySelector('td.src'), '::before').content")
    assert label == '"Source (French)"'
    shot = ROOT / "reports" / "test-html-report-bilingual-phone.png"
    shot.parent.mkdir(exist_ok=True)
    page.locator("table.bitext").screenshot(path=str(shot))
    print(f"\nscreenshot of the side-by-side view at phone width: {shot}")
    assert problems == []
    page.close()


def test_a_finding_across_two_rows_is_split_and_linked_once() -> None:
    target, source = "One two. Three four.\n", "Un deux. Trois quatre.\n"
    doc = Document(path=Path("t.txt"), text=target, lang="en")
    doc.source = SourceText(Path("s.txt"), source, "fr", alignment=[Bead(Span(0, 8), Span(0, 8)),
                                                                     Bead(Span(9, 20), Span(9, 22))])
    across = Finding("TC601", "inconsistent", "across", Span(4, 14), Severity.WARNING, text=target[4:14],
                     source_span=Span(3, 14))
    empty = Finding("TC701", "residue", "at the end", Span(21, 21), Severity.INFO, text="")
    page = lxml.html.fromstring(html_report.render(RunResult([FileResult("t.txt", doc, [across, empty],
                                                                         {"lang": "en"})])))
    pieces = _select(page, "//td.tgt//mark[@data-idx='0']")
    assert [(m.text_content(), m.get("id")) for m in pieces] == [("two.", "f-0"), ("Three", None)]
    assert "cont" in pieces[1].get("class")
    assert [m.text_content() for m in _select(page, "//td.src//mark[@data-idx='0']")] == ["deux.", "Trois"]
    # The empty finding after the last sentence gets a row of its own, so that it has its mark.
    [row] = _select(page, "//tr[.//mark[@id='f-1']]")
    assert "unaligned" in row.get("class")


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="fr" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="1">
        <source>Le maire a présenté un budget de 1,5 milliard d'euros &amp; plus.</source>
        <target>The mayor presented a budget of 2.5 billion euros &amp; more.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Les élus ont dénoncé une <g id="1">gestion</g> opaque des finances.</source>
        <target>Councillors denounced an opaque <g id="1">gestion</g> of the finances.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_a_bilingual_file_shows_its_segments_side_by_side(tmp_path: Path) -> None:
    (tmp_path / "a.xlf").write_text(XLIFF, encoding="utf-8")
    run = run_cli("lint", "a.xlf", "--format", "html", "-o", "out.html", cwd=tmp_path)
    assert run.exit_code == 1, run.stderr
    page = _page(tmp_path / "out.html")
    assert [r[1:] for r in _rows(page)] == [
        ("Le maire a présenté un budget de 1,5 milliard d'euros & plus.",
         "The mayor presented a budget of 2.5 billion euros & more."),
        ("Les élus ont dénoncé une gestion opaque des finances.",
         "Councillors denounced an opaque gestion of the finances.")]  # tags left out, &amp; shown as &
    assert {m.text_content() for m in _select(page, "//td.src//mark.src")} >= {"1,5 milliard", "gestion"}
