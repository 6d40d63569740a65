"""The HTML report: structure and escaping, then the real thing in headless Chromium."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEEDS, run_cli

from termcheck.document import Span
from termcheck.findings import Finding, Severity
from termcheck.report.html import highlight

HOSTILE = ("Rebels left Idleb. <script>alert('x')</script> <img src=x onerror=alert(1)> & \"quotes\"\n"
           "</div></pre><!-- not a comment -->\n")


def _finding(start: int, end: int, code: str = "TC201") -> Finding:
    return Finding(code, "wrong-transliteration", f"msg {start}", Span(start, end), Severity.ERROR)


class _Checker(HTMLParser):
    """Checks <mark> nesting and collects the text."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.firsts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark"
        self.depth += 1
        self.firsts += "data-first" in dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        assert tag == "mark" and self.depth > 0
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("spans", [
    [(0, 5), (6, 11)],  # apart
    [(0, 5), (5, 11)],  # adjacent
    [(0, 11), (6, 11)],  # nested, shared end
    [(2, 9), (4, 6), (4, 6)],  # nested twice, same span twice
    [(0, 7), (4, 11)],  # crossing: split into pieces
    [(3, 3), (0, 11), (11, 11)],  # empty spans inside and at the end
])
def test_highlight_renders_any_spans_well_formed(spans: list[tuple[int, int]]) -> None:
    text = "Idleb <b>& Idlib"[:11]
    html = highlight(text, [(i, _finding(s, e)) for i, (s, e) in enumerate(spans)], 0)
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.depth == 0
    assert "".join(checker.text) == text
    assert checker.firsts == len(spans)


def test_report_escapes_article_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--format", "html", "-o", "out.html", cwd=tmp_path)
    assert run.exit_code == 1
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<!-- not a comment" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;alert('x')" in html
    assert html.count("<script>") == 1  # the report's own script


def test_default_output_path_is_printed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels left Idleb.\n", encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--format", "html", cwd=tmp_path)
    assert run.exit_code == 1
    assert run.stdout.strip() == os.path.join("reports", "termcheck-report.html")
    report = (tmp_path / "reports" / "termcheck-report.html").read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>") and 'id="rule-TC201"' in report
    assert "http://" not in report.split("<body>")[0] and "<link rel=\"stylesheet\"" not in report


def test_report_shows_source_language_when_known(tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    run_cli("lint", str(SEEDS), "--format", "html", "-o", str(out))
    json_docs = run_cli("lint", str(SEEDS), "--format", "json").json()["documents"]
    html = out.read_text(encoding="utf-8")
    for d in json_docs:
        if d.get("source_lang") == "fr":
            assert "likely translated from French" in html


# --- in a real browser -------------------------------------------------------------------------

def _open(browser: Any, path: Path, width: int = 1280) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:"))
            else None)
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    return page, problems


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    out = tmp_path_factory.mktemp("html") / "seeds.html"
    run = run_cli("lint", str(SEEDS), "--format", "html", "-o", str(out))
    assert run.exit_code == 1, run.stderr
    findings: list[dict[str, Any]] = run_cli("lint", str(SEEDS), "--format", "json").json()["findings"]
    assert findings
    return out, findings


def _shown(page: Any) -> int:
    return int(page.locator("mark.hl[data-first]:not(.off)").count())


def _search(page: Any, query: str, expected: int, total: int) -> None:
    """Type a search and wait for it to run (it waits for a pause in typing)."""
    from playwright.sync_api import expect

    page.fill("#f-search", query)
    expect(page.locator("#f-count")).to_have_text(f"{expected} of {total} findings shown")


def test_seeds_report_in_chromium(browser: Any, seeds_report: tuple[Path, list[dict[str, Any]]],
                                  record_property: Any) -> None:
    path, findings = seeds_report
    page, problems = _open(browser, path)
    assert page.locator("mark.hl[data-first]").count() == len(findings)
    assert page.locator("mark.hl").count() == len(findings)  # the engine keeps spans apart: no split marks
    assert page.locator("li.finding-item").count() == len(findings)
    assert page.locator("#f-count").inner_text() == f"{len(findings)} of {len(findings)} findings shown"

    # Keyboard: j opens the first finding's details, with its message and a copy button.
    page.keyboard.press("j")
    popover = page.locator("#popover")
    assert popover.is_visible()
    assert findings[0]["message"] in popover.inner_text()
    assert popover.locator("button.copy").count() == len(findings[0]["suggestions"])
    page.keyboard.press("j")
    assert findings[1]["message"] in popover.inner_text()
    page.keyboard.press("k")
    assert findings[0]["message"] in popover.inner_text()
    page.keyboard.press("Escape")
    assert not popover.is_visible()

    # Clicking a highlight shows its rule with a link to the rule's explanation in the page.
    last = findings[-1]
    page.locator("mark.hl[data-first]").nth(len(findings) - 1).click()
    link = popover.locator("a.code")
    assert link.get_attribute("href") == f"#rule-{last['code']}"
    assert page.locator(f"#rule-{last['code']}").count() == 1

    shot = ROOT / "reports" / "test-html-report-seeds.png"  # with the last finding's details open
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot), full_page=False)
    page.keyboard.press("Escape")
    record_property("screenshot", str(shot))
    print(f"\nscreenshot of the seeds report: {shot}")
    assert shot.stat().st_size > 10_000
    assert problems == []
    page.close()


def test_filters_hide_what_they_should(browser: Any, seeds_report: tuple[Path, list[dict[str, Any]]]) -> None:
    path, findings = seeds_report
    page, problems = _open(browser, path)
    errors = sum(f["severity"] == "error" for f in findings)
    page.locator("input[data-filter=severity][value=warning]").uncheck()
    assert _shown(page) == errors
    assert page.locator("li.finding-item:visible").count() == errors
    page.locator("input[data-filter=severity][value=warning]").check()
    assert _shown(page) == len(findings)

    code = findings[-1]["code"]
    page.select_option("#f-rule", code)
    assert _shown(page) == sum(f["code"] == code for f in findings)
    page.select_option("#f-rule", "")

    first_file = sorted({f["path"] for f in findings})[0]
    page.select_option("#f-file", "0")
    assert page.locator("section.article:visible").count() == 1
    assert page.locator("section.article:visible h2").inner_text() == first_file
    assert page.locator("mark.hl[data-first]:not(.off):visible").count() == sum(f["path"] == first_file
                                                                                 for f in findings)
    page.select_option("#f-file", "")

    word = findings[0]["text"]
    expected = sum(word.lower() in " ".join([f["code"], f["name"], f["message"], f["text"], f["path"],
                                             *f["suggestions"]]).lower() for f in findings)
    _search(page, word.lower(), expected, len(findings))
    assert _shown(page) == expected >= 1
    assert problems == []
    page.close()


def test_hostile_article_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    run_cli("lint", "a.txt", "--lang", "en", "--format", "html", "-o", "out.html", cwd=tmp_path)
    page, problems = _open(browser, tmp_path / "out.html")
    text = page.locator("section.article .text").inner_text()
    assert "<script>alert('x')</script>" in text and "<!-- not a comment -->" in text
    assert page.locator("section.article img").count() == 0
    assert problems == []
    page.close()


def test_phone_width_and_print(browser: Any, seeds_report: tuple[Path, list[dict[str, Any]]]) -> None:
    path, _ = seeds_report
    page, problems = _open(browser, path, width=390)
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("mark.hl[data-first]").first.click()
    box = page.locator("#popover").bounding_box()
    assert box is not None and box["width"] <= 390
    shot = ROOT / "reports" / "test-html-report-phone.png"
    page.screenshot(path=str(shot))
    print(f"\nscreenshot at phone width: {shot}")
    page.emulate_media(media="print")
    assert not page.locator("nav.toolbar").is_visible()
    assert page.locator("li.finding-item").first.is_visible()
    assert problems == []
    page.close()
