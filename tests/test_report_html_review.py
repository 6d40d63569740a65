"""The HTML report as a desk reviews with it (issue 13): articles with findings first, the view
grouped by flagged term, decisions (accept, ignore) exported as a baseline that `termcheck lint
--baseline` reads, the findings as CSV and XLSX, and a toolbar that leaves a phone its screen."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import SEEDS, run_cli
from test_report_html import _open, _search

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.report import html as html_report
from termcheck.report import xlsx
from termcheck.report.table import COLUMNS, render_csv
from termcheck.results import FileResult, RunResult

MT_SEED = next(SEEDS.glob("mt-from-french_*.txt"))


def _finding(start: int, end: int, text: str, code: str = "TC201", severity: Severity = Severity.ERROR) -> Finding:
    return Finding(code, "wrong-transliteration", f"'{text}' is wrong", Span(start, end), severity, ["Idlib"],
                   text=text)


def _file(path: str, text: str, findings: list[Finding]) -> FileResult:
    return FileResult(path, Document(path=Path(path), text=text, lang="en"), findings, {"lang": "en"})


def _result() -> RunResult:
    """Four articles in path order, two of them clean."""
    return RunResult([
        _file("a.txt", "Quiet.\n", []),
        _file("b.txt", "Rebels left Idleb.\n", [_finding(12, 17, "Idleb")]),
        _file("c.txt", "Calm.\n", []),
        _file("d.txt", "Idleb and idleb, =cmd|' /C calc'!A0.\n",
              [_finding(0, 5, "Idleb"), _finding(10, 15, "idleb"),
               _finding(17, 35, "=cmd|' /C calc'!A0", "TC701", Severity.WARNING)]),
    ])


# --- without a browser ---------------------------------------------------------------------------

def test_articles_with_findings_come_first() -> None:
    page = lxml.html.fromstring(html_report.render(_result()))
    assert [h.text_content() for h in page.xpath("//section[@class='article']/h2")] == [
        "b.txt", "d.txt", "a.txt", "c.txt"]
    assert [a.text_content() for a in page.xpath("//table[@class='docs']//td[@class='path']/a")] == [
        "b.txt", "d.txt", "a.txt", "c.txt"]
    # Findings are numbered in the page's order, so that j/k go down the page.
    assert [li.get("id") for li in page.xpath("//section[@id='doc-0']//li[contains(@class, 'finding-item')]")] == [
        "item-0"]
    assert [o.text_content() for o in page.xpath("//select[@id='f-file']/option")][1:] == [
        "b.txt (1)", "d.txt (3)", "a.txt (0)", "c.txt (0)"]


def test_report_data_gives_each_finding_its_row_and_baseline_key(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = lxml.html.fromstring(html_report.render(_result()))
    data = json.loads(page.get_element_by_id("tc-data").text)
    strings = data["strings"]
    text = [False, *(c not in ("line", "column") for c in data["columns"]), True, False]  # text cells are interned
    rows = [[strings[v] if text[j] else v for j, v in enumerate(r)] for r in data["findings"]]
    assert [(r[0], r[1], r[4], r[7]) for r in rows] == [
        (0, "b.txt", "TC201", "Idleb"), (1, "d.txt", "TC201", "Idleb"), (1, "d.txt", "TC201", "idleb"),
        (1, "d.txt", "TC701", "=cmd|' /C calc'!A0")]
    # baseline path and occurrence, as termcheck.baseline keys them (text, not case-folded)
    assert [(r[-2], r[-1]) for r in rows] == [("b.txt", 0), ("d.txt", 0), ("d.txt", 0), ("d.txt", 0)]


def test_hostile_text_in_the_data_block_stays_data() -> None:
    """An article's text, a message and a path end up in the JSON block: none can close it."""
    evil = "</script><script>alert(1)</script><!--"
    text = f"Idleb {evil}\n"
    finding = Finding("TC701", "residue", f"left {evil}", Span(6, 6 + len(evil)), Severity.WARNING, [evil],
                      text=evil)
    result = RunResult([_file(f"x{evil}.txt", text, [finding])])
    out = html_report.render(result)
    block = out.split('<script type="application/json" id="tc-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert evil in data["strings"] and f"left {evil}" in data["strings"]
    page = lxml.html.fromstring(out)
    assert [s.get("type") for s in page.xpath("//script")] == ["application/json", "text/plain", None]


def test_a_report_made_with_a_baseline_says_its_exported_baseline_may_miss() -> None:
    result = _result()
    assert "made with --baseline" not in html_report.render(result)
    result.files[1].suppressed["baseline"] = 1
    assert "made with --baseline" in html_report.render(result)


def test_csv_has_one_row_per_finding_and_defuses_formulas() -> None:
    got = list(csv.reader(io.StringIO(render_csv(_result()))))
    assert got[0] == list(COLUMNS)
    assert [(r[0], r[1], r[2], r[3], r[6]) for r in got[1:]] == [
        ("b.txt", "1", "13", "TC201", "Idleb"), ("d.txt", "1", "1", "TC201", "Idleb"),
        ("d.txt", "1", "11", "TC201", "idleb"), ("d.txt", "1", "18", "TC701", "'=cmd|' /C calc'!A0")]


def test_csv_format_matches_the_json_findings(tmp_path: Path) -> None:
    run = run_cli("lint", str(SEEDS), "--format", "csv")
    assert run.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    findings = run_cli("lint", str(SEEDS), "--format", "json").json()["findings"]
    assert sorted((r["path"], int(r["line"]), int(r["column"]), r["code"], r["text"]) for r in rows) == sorted(
        (f["path"], f["line"], f["column"], f["code"], f["text"]) for f in findings)


def test_xlsx_format_writes_a_workbook_of_the_json_findings(tmp_path: Path) -> None:
    out = tmp_path / "desk.xlsx"
    run = run_cli("lint", str(SEEDS), "--format", "xlsx", "-o", str(out))
    assert run.exit_code == 1 and run.stdout.strip() == str(out)  # the path, as for an HTML report
    header, *rows = _xlsx_rows(out.read_bytes())
    col = {name: i for i, name in enumerate(header)}
    findings = run_cli("lint", str(SEEDS), "--format", "json").json()["findings"]
    assert sorted((r[col["path"]], int(r[col["line"]]), int(r[col["column"]]), r[col["code"]]) for r in rows) == sorted(
        (f["path"], f["line"], f["column"], f["code"]) for f in findings)


def _xlsx_rows(data: bytes) -> list[tuple[Any, ...]]:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Findings", "Rules"]
    return [tuple("" if v is None else v for v in r) for r in wb["Findings"].iter_rows(values_only=True)]


def test_xlsx_is_readable_with_the_rows_and_the_same_bytes_every_time() -> None:
    data = xlsx.render(_result())
    assert data == xlsx.render(_result())
    rows = _xlsx_rows(data)
    assert rows[0] == COLUMNS
    assert [(r[0], r[1], r[2], r[3], r[6], r[8]) for r in rows[1:]] == [
        ("b.txt", 1, 13, "TC201", "Idleb", "Idlib"), ("d.txt", 1, 1, "TC201", "Idleb", "Idlib"),
        ("d.txt", 1, 11, "TC201", "idleb", "Idlib"), ("d.txt", 1, 18, "TC701", "=cmd|' /C calc'!A0", "Idlib")]
    openpyxl = pytest.importorskip("openpyxl")
    cell = openpyxl.load_workbook(io.BytesIO(data))["Findings"]["G5"]
    assert cell.data_type == "s"  # the article's text is a string, never a formula


# --- in Chromium -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """A working folder with the two seed articles (and one clean one), and its report."""
    root = tmp_path_factory.mktemp("desk")
    (root / "articles").mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, root / "articles" / seed.name)
    (root / "articles" / "0-quiet.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    run = run_cli("lint", "articles", "--lang", "en", "--format", "html", "-o", "report.html", cwd=root)
    assert run.exit_code == 1, run.stderr
    findings: list[dict[str, Any]] = run_cli("lint", "articles", "--lang", "en", "--format", "json",
                                             cwd=root).json()["findings"]
    assert len(findings) > 10
    return root, findings


def _by_page_order(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON findings in the report's order: articles with findings first, each in text order."""
    return sorted(findings, key=lambda f: (f["path"], f["start"], f["end"], f["code"]))


def test_the_clean_article_comes_last_in_chromium(browser: Any, desk: tuple[Path, list[dict[str, Any]]]) -> None:
    root, findings = desk
    page, problems = _open(browser, root / "report.html")
    heads = page.locator("section.article h2").all_text_contents()  # off screen: not laid out, no inner text
    assert heads[-1] == "articles/0-quiet.txt" and len(heads) == 3
    assert problems == []
    page.close()


def test_term_view_groups_findings_by_flagged_text(browser: Any, desk: tuple[Path, list[dict[str, Any]]]) -> None:
    root, findings = desk
    page, problems = _open(browser, root / "report.html")
    page.click("#tab-terms")
    assert page.locator("#view-terms").is_visible() and not page.locator("#view-articles").is_visible()
    groups = Counter(f["text"].strip().lower() for f in findings)
    terms = page.locator("details.term")
    assert terms.count() == len(groups)
    counts = [int(n) for n in page.locator("details.term summary .n").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and sum(counts) == len(findings)
    top = terms.first
    key = top.get_attribute("data-key")
    assert counts[0] == groups[key]
    top.locator("summary").click()
    occ = top.locator("tr.occ")
    occ.first.wait_for()  # made on the details' toggle event, which comes after the click
    assert occ.count() == groups[key]
    first = occ.first
    assert key in first.locator("td.ctx mark").inner_text().lower()
    assert len(first.locator("td.ctx").inner_text()) > len(key) + 10  # with the text around it
    # An occurrence leads to the finding in its article, details open.
    idx = int(first.get_attribute("data-idx") or "-1")
    first.locator("a.goto").click()
    assert page.locator("#view-articles").is_visible()
    expected = _by_page_order(findings)[idx]
    assert expected["message"] in page.locator("#popover").inner_text()
    # Filters apply to the term view too.
    page.click("#tab-terms")
    _search(page, "osdh", sum("osdh" in " ".join([f["code"], f["name"], f["message"], f["text"], f["path"],
                                                  *f["suggestions"]]).lower() for f in findings), len(findings))
    assert page.locator("details.term").count() >= 1
    summaries = page.locator("details.term summary").all_inner_texts()
    assert all("osdh" in t.lower() or "sohr" in t.lower() for t in summaries)
    assert problems == []
    page.close()


def test_decisions_export_a_baseline_that_silences_exactly_the_ignored(
        browser: Any, desk: tuple[Path, list[dict[str, Any]]]) -> None:
    root, findings = desk
    ordered = _by_page_order(findings)
    page, problems = _open(browser, root / "report.html")
    marks = page.locator("mark.hl[data-first]")
    marks.nth(0).click()
    page.keyboard.press("i")  # ignore the open finding
    marks.nth(1).click()
    page.keyboard.press("a")  # accept
    marks.nth(3).click()
    page.locator("#popover button[data-decide=ignored]").click()
    page.keyboard.press("Escape")
    # The same finding text twice in one article: its second occurrence, ignored from the term view.
    counts = Counter((f["path"], f["code"], f["text"]) for f in ordered)
    twice = next(i for i, f in enumerate(ordered) if i > 3 and counts[(f["path"], f["code"], f["text"])] > 1
                 and any(g["text"] == f["text"] and g["path"] == f["path"] for g in ordered[:i]))
    page.click("#tab-terms")
    group = page.locator(f"details.term[data-key='{ordered[twice]['text'].strip().lower()}']")
    group.locator("summary").click()
    group.locator(f"tr.occ[data-idx='{twice}'] button[data-decide=ignored]").click()
    page.click("#tab-articles")
    ignored = {0, 3, twice}
    assert page.locator("#decided").inner_text() == "1 accepted, 3 ignored"
    assert page.locator("li.finding-item.dec-ignored").count() == 3
    assert page.locator("li.finding-item.dec-accepted").count() == 1

    # Kept in the browser: a reload brings them back.
    page.reload()
    assert page.locator("li.finding-item.dec-ignored").count() == 3
    assert page.locator("#decided").inner_text() == "1 accepted, 3 ignored"
    page.select_option("#f-decision", "none")
    assert page.locator("li.finding-item:visible").count() == len(findings) - 4

    with page.expect_download() as dl:
        page.click("#export-baseline")
    baseline = root / "termcheck-baseline.json"
    dl.value.save_as(baseline)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]) == 3
    after = run_cli("lint", "articles", "--lang", "en", "--format", "json", "--baseline", str(baseline.name),
                    cwd=root).json()
    key = lambda f: (f["path"], f["start"], f["end"], f["code"])  # noqa: E731
    assert sorted(map(key, after["findings"])) == sorted(key(f) for i, f in enumerate(ordered) if i not in ignored)
    assert after["suppressed"]["baseline"] == 3
    assert problems == []
    page.close()


def test_csv_and_xlsx_downloads(browser: Any, desk: tuple[Path, list[dict[str, Any]]], tmp_path: Path) -> None:
    root, findings = desk
    ordered = _by_page_order(findings)
    page, problems = _open(browser, root / "report.html")
    page.locator("mark.hl[data-first]").first.click()
    page.keyboard.press("i")
    page.keyboard.press("Escape")
    page.locator("input[data-filter=severity][value=warning]").uncheck()
    with page.expect_download() as dl:
        page.click("#export-csv")
    text = Path(dl.value.path()).read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")  # so that Excel reads it as UTF-8
    got = list(csv.DictReader(io.StringIO(text[1:])))
    shown = [f for f in ordered if f["severity"] != "warning"]
    assert [(r["path"], int(r["line"]), int(r["column"]), r["code"], r["text"]) for r in got] == [
        (f["path"], f["line"], f["column"], f["code"], f["text"]) for f in shown]
    assert [r["decision"] for r in got] == ["ignored" if f is ordered[0] else "" for f in shown]

    with page.expect_download() as dl:
        page.click("#export-xlsx")
    assert dl.value.suggested_filename == "termcheck-findings.xlsx"
    rows = _xlsx_rows(Path(dl.value.path()).read_bytes())
    assert rows[0] == COLUMNS
    assert [(r[0], r[1], r[2], r[3], r[6]) for r in rows[1:]] == [
        (f["path"], f["line"], f["column"], f["code"], f["text"]) for f in ordered]
    assert problems == []
    page.close()


def test_phone_toolbar_leaves_the_screen_to_the_article(browser: Any,
                                                        desk: tuple[Path, list[dict[str, Any]]]) -> None:
    root, _ = desk
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto((root / "report.html").as_uri())
    bar = page.locator("nav.toolbar").bounding_box()
    assert bar is not None and bar["height"] <= 0.25 * 844, bar
    search = page.locator("#f-search").bounding_box()
    assert search is not None and search["width"] >= 150
    assert search["y"] + search["height"] <= bar["y"] + bar["height"] + 1  # on the bar's first line
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The filters and exports are a tap away, and the bar stays at the top while reading.
    assert not page.locator("#f-rule").is_visible()
    page.click("#more")
    assert page.locator("#f-rule").is_visible() and page.locator("#export-csv").is_visible()
    page.click("#more")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(100)
    again = page.locator("nav.toolbar").bounding_box()
    assert again is not None and abs(again["y"]) < 1
    page.close()


def _big_result(articles: int = 60, per_article: int = 20) -> RunResult:
    sentence = "Rebels left Idleb. "
    files = []
    for a in range(articles):
        text = sentence * per_article + "\n"
        at = [i * len(sentence) + 12 for i in range(per_article)]
        files.append(_file(f"desk/story-{a:03d}.txt", text, [_finding(s, s + 5, "Idleb") for s in at]))
    return RunResult(files)


def test_a_large_report_makes_its_lists_of_findings_when_needed(browser: Any, tmp_path: Path) -> None:
    """Above 1,000 findings the lists load as text and become elements near the screen, when a
    finding is opened, and before printing; without scripting they are plain lists."""
    result = _big_result()
    total = result.total
    path = tmp_path / "big.html"
    path.write_text(html_report.render(result), encoding="utf-8")
    page, problems = _open(browser, path)
    assert page.locator("li.finding-item").count() < total
    page.keyboard.press("k")  # the last finding, in the last article
    assert "'Idleb' is wrong" in page.locator("#popover").inner_text()
    assert page.locator(f"#item-{total - 1}").count() == 1
    page.keyboard.press("Escape")
    page.locator("#doc-0 h2").scroll_into_view_if_needed()
    page.locator("#item-0").wait_for(state="attached")  # near the screen: made
    assert page.locator("li.finding-item").count() < total
    _search(page, "story-059", 20, total)
    assert page.locator("li.finding-item:visible").count() == 20
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("li.finding-item").count() == total
    assert problems == []
    page.close()
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(path.as_uri())
    assert plain.locator("li.finding-item").count() == total
    assert plain.locator("li.finding-item").last.is_visible() is not None
    context.close()
