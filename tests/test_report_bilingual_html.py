"""The HTML report of articles checked with their source (--source): the source beside the
translation, sentence pair by sentence pair, with omissions, additions and both spans of a
finding marked. Articles without a source keep the one-column view, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import UPDATE

from termcheck.document import Document, Span
from termcheck.findings import Applicability, Edit, Finding, Fix, Severity
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
    """The snapshot was written by the reporter before the bilingual view was added."""
    got = _render_without_rules(_monolingual_result(), monkeypatch)
    if UPDATE or not GOLDEN.exists():
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")
