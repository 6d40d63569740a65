"""Inline suppressions (TC001 for unused ones), baselines, --quiet and the progress bar."""

from __future__ import annotations

import io
import json
from pathlib import Path

from conftest import lint_text, run_cli

from termcheck.io.progress import MIN_FILES, RichProgress, make_progress, wanted
from termcheck.runner import make_document
from termcheck.suppression import find_markers

RESIDUE = ">> Read also: In northwestern Syria, an endless war\n"


def codes(findings: list[dict]) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    return [(f["line"], f["code"]) for f in findings]


def test_suppressed_finding_is_gone_and_counted(tmp_path: Path) -> None:
    text = "Rebels withdrew from Idleb.\n\n[termcheck: ignore TC701]\n" + RESIDUE
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    before = lint_text(tmp_path, text.replace("[termcheck: ignore TC701]", ""), "--lang", "en")
    assert ("TC701" in [f["code"] for f in before]) and ("TC201" in [f["code"] for f in before])
    data = run_cli("lint", "a.txt", "--lang", "en", "--format", "json", cwd=tmp_path).json()
    assert codes(data["findings"]) == [(1, "TC201")]
    assert data["suppressed"] == {"total": 1, "inline": 1, "baseline": 0}
    text_run = run_cli("lint", "a.txt", "--lang", "en", cwd=tmp_path)
    assert text_run.stdout.splitlines()[-1].endswith("; 1 suppressed.")


def test_summary_when_everything_is_suppressed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels withdrew from Idleb. # termcheck: ignore TC201\n", encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", cwd=tmp_path)
    assert run.exit_code == 0
    assert run.stdout.splitlines()[-1] == "No findings in 1 file (1 suppressed)."


def test_markdown_and_html_comment_markers(tmp_path: Path) -> None:
    md = "# Report\n\n<!-- termcheck: ignore TC201 -->\nRebels left Idleb.\n\nShelling hit Idleb.\n"
    assert codes(lint_text(tmp_path, md, "--lang", "en", name="a.md")) == [(6, "TC201")]
    html = "<p>Rebels left Idleb. <!-- termcheck: ignore TC201 --></p>\n<p>Shelling hit Idleb.</p>\n"
    assert codes(lint_text(tmp_path, html, "--lang", "en", name="a.html")) == [(2, "TC201")]


def test_marker_scope_same_line_or_next_nonblank_line() -> None:
    text = "one [termcheck: ignore TC201]\n[termcheck: ignore TC301, TC302]\n\n\nfour\n# termcheck: ignore\n"
    markers = find_markers(text)
    assert [(m.line, m.target) for m in markers] == [(1, 1), (2, 5), (6, 7)]
    assert [m.codes for m in markers] == [frozenset({"TC201"}), frozenset({"TC301", "TC302"}), None]


def test_marker_only_silences_its_codes(tmp_path: Path) -> None:
    text = "Rebels left Idleb, the OSDH said. [termcheck: ignore TC401]\n"
    assert codes(lint_text(tmp_path, text, "--lang", "en")) == [(1, "TC201")]
    text = "Rebels left Idleb, the OSDH said. [termcheck: ignore]\n"
    assert codes(lint_text(tmp_path, text, "--lang", "en")) == []


def test_unused_marker_is_reported_with_a_fix(tmp_path: Path) -> None:
    text = "Rebels left Idlib.\n[termcheck: ignore TC201]\nThe talks resumed.\n"
    found = lint_text(tmp_path, text, "--lang", "en")
    assert codes(found) == [(2, "TC001")]
    assert found[0]["text"] == "[termcheck: ignore TC201]"
    assert found[0]["fix"]["edits"][0]["replacement"] == ""
    assert "no TC201 finding on line 3" in found[0]["message"]


def test_unused_marker_judged_only_for_rules_that_ran(tmp_path: Path) -> None:
    text = "The talks resumed. [termcheck: ignore TC701]\n"
    assert codes(lint_text(tmp_path, text, "--lang", "en", "--select", "TC2,TC0")) == []
    assert codes(lint_text(tmp_path, text, "--lang", "en", "--ignore", "TC001")) == []
    assert codes(lint_text(tmp_path, text, "--lang", "en")) == [(1, "TC001")]


def test_marker_text_is_not_checked_as_prose(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Rebels left Idleb. [termcheck: ignore TC201]\n# termcheck: ignore TC701\nok\n", encoding="utf-8")
    doc = make_document(path, "en")
    assert doc.prose.split() == ["Rebels", "left", "Idleb.", "ok"]
    assert len(doc.prose) == len(doc.text)


# --- baseline -------------------------------------------------------------------------------

ARCHIVE = "Rebels left Idleb.\nThe OSDH said Idleb was shelled.\n"


def test_baseline_hides_known_findings_and_survives_line_shifts(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARCHIVE, encoding="utf-8")
    wrote = run_cli("lint", "articles", "--lang", "en", "--write-baseline", "termcheck-baseline.json", cwd=tmp_path)
    assert wrote.exit_code == 0 and "recorded 3 findings" in wrote.stderr
    saved = json.loads((tmp_path / "termcheck-baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["code"], e["text"], e["occurrence"]) for e in saved["findings"]] == [
        ("articles/a.txt", "TC201", "Idleb", 0), ("articles/a.txt", "TC201", "Idleb", 1),
        ("articles/a.txt", "TC401", "OSDH", 0)]

    # Lines added above: nothing new. Run from inside the folder: paths are the baseline's.
    (articles / "a.txt").write_text("Update, Tuesday.\n\n" + ARCHIVE, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--baseline", "../termcheck-baseline.json", "--format", "json",
                  cwd=articles)
    assert run.exit_code == 0
    assert run.json()["findings"] == []
    assert run.json()["suppressed"] == {"total": 3, "inline": 0, "baseline": 3}

    # A third Idleb is new, and only it is reported.
    (articles / "a.txt").write_text("Update, Tuesday.\n\n" + ARCHIVE + "Idleb again.\n", encoding="utf-8")
    run = run_cli("lint", "articles", "--lang", "en", "--baseline", "termcheck-baseline.json", cwd=tmp_path)
    assert run.exit_code == 1
    assert run.stdout.splitlines()[0].startswith("articles/a.txt:5:1: TC201 ")
    assert run.stdout.splitlines()[-1].endswith("; 3 suppressed.")


def test_bad_baseline_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    missing = run_cli("lint", "a.txt", "--baseline", "nope.json", cwd=tmp_path)
    assert missing.exit_code == 2 and "nope.json" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    bad = run_cli("lint", "a.txt", "--baseline", "bad.json", cwd=tmp_path)
    assert bad.exit_code == 2 and "bad.json: baseline is not valid JSON" in bad.stderr


# --- quiet and progress ----------------------------------------------------------------------

def test_quiet_prints_only_findings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    loud = run_cli("lint", "a.txt", "b.bin", "--lang", "en", cwd=tmp_path)
    assert "binary file skipped" in loud.stderr and loud.stdout.splitlines()[-1].startswith("Found 3")
    quiet = run_cli("lint", "a.txt", "b.bin", "--lang", "en", "--quiet", cwd=tmp_path)
    assert quiet.exit_code == 1 and quiet.stderr == ""
    assert quiet.stdout.splitlines() == loud.stdout.splitlines()[:3]
    assert all(line.startswith("a.txt:") for line in quiet.stdout.splitlines())


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_in_an_interactive_terminal() -> None:
    assert not wanted(io.StringIO(), {})
    assert wanted(_Tty(), {})
    assert not wanted(_Tty(), {"CI": "true"})
    assert not wanted(_Tty(), {"TERM": "dumb"})
    assert make_progress(quiet=True, stream=_Tty()) is None


def test_progress_bar_draws_on_its_stream_for_many_files() -> None:
    stream = _Tty()
    bar = RichProgress(stream)
    bar.start(MIN_FILES)
    for i in range(MIN_FILES):
        bar.advance(Path(f"article-{i}.txt"))
    bar.stop()
    assert "checking" in stream.getvalue()
    few = _Tty()
    small = RichProgress(few)
    small.start(2)
    small.advance(Path("a.txt"))
    small.stop()
    assert few.getvalue() == ""


def test_no_progress_output_in_pipes(tmp_path: Path) -> None:
    for i in range(MIN_FILES + 1):
        (tmp_path / f"a{i}.txt").write_text("Rebels left Idlib.\n", encoding="utf-8")
    run = run_cli("lint", ".", "--lang", "en", cwd=tmp_path)
    assert run.exit_code == 0 and run.stderr == ""
