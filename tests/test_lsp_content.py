"""What the language server shows and edits (termcheck.server.lsp_content), from JSON findings:
LSP positions in UTF-16 units across line endings, quick fixes that keep case, markers."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("lsprotocol")

from termcheck.api import Checker  # noqa: E402
from termcheck.server import lsp_content as content  # noqa: E402


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def only(found: list[dict[str, Any]], code: str) -> dict[str, Any]:
    return next(f for f in found if f["code"] == code)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_ranges_count_lines_as_lsp_does_and_columns_in_utf16(checker: Checker, newline: str) -> None:
    text = f"First line.{newline}𝕏 😀 The rebels took Idleb.{newline}"
    f = only(checker.check(text, lang="en"), "TC201")
    r = content.finding_range(text, f, content.utf16_units)
    # "𝕏 😀 The rebels took " is 20 characters, 22 UTF-16 units (two astral characters)
    assert (r.start.line, r.start.character, r.end.character) == (1, 22, 27)
    assert content.offset_position(text, f["start"], content.utf16_units) == r.start
    assert content.finding_range(text, f, len).start.character == 20  # a client that counts code points


def test_quick_fixes_keep_case_and_prefer_the_safe_fix(checker: Checker) -> None:
    text = "IDLEB FELL.\n"
    f = only(checker.check(text, lang="en"), "TC201")
    diag = content.diagnostic(text, f, content.utf16_units)
    actions = content.quick_fixes("file:///a.txt", text, f, diag, content.utf16_units)
    assert [a.title for a in actions][:2] == ["Replace 'IDLEB' with 'IDLIB'", "Replace 'IDLEB' with 'EDLIB'"]
    assert actions[0].is_preferred and not actions[1].is_preferred
    assert actions[0].edit is not None and actions[0].edit.changes is not None
    assert actions[0].edit.changes["file:///a.txt"][0].new_text == "IDLIB"


def test_a_deletion_is_offered_as_such(checker: Checker) -> None:
    text = "The rebels took the city.\n>> Read also: the war in Syria\n"
    found = checker.check(text, lang="en")
    deletions = [f for f in found if "" in f["suggestions"]]
    assert deletions
    f = deletions[0]
    titles = [a.title for a in content.quick_fixes("u", text, f, content.diagnostic(text, f, len), len)]
    assert any(t.startswith("Delete '") for t in titles)


@pytest.mark.parametrize("path, marker", [
    ("story.txt", "[termcheck: ignore TC201]"),
    (None, "[termcheck: ignore TC201]"),
    ("story.md", "<!-- termcheck: ignore TC201 -->"),
    ("page.HTML", "<!-- termcheck: ignore TC201 -->"),
    ("job.xlf", None),
    ("messages.po", None),
])
def test_marker_syntax_follows_the_document(path: str | None, marker: str | None) -> None:
    assert content.marker_for(path, ["TC201"]) == marker


def test_the_ignore_marker_silences_the_finding(checker: Checker) -> None:
    text = "The rebels took Idleb.\r\nThey left.\r\n"
    f = only(checker.check(text, lang="en"), "TC201")
    action = content.ignore_action("u", "a.txt", text, f, content.diagnostic(text, f, len), len)
    assert action is not None and action.edit is not None and action.edit.changes is not None
    edit = action.edit.changes["u"][0]
    assert (edit.range.start.line, edit.range.start.character) == (0, len("The rebels took Idleb."))
    marked = text.replace("Idleb.", "Idleb." + edit.new_text, 1)
    report = checker.report(marked, lang="en")
    assert report["findings"] == [] and report["suppressed"]["inline"] == 1


def test_hover_has_the_rule_and_the_glossary_note(checker: Checker) -> None:
    from termcheck.rules import REGISTRY

    f = only(checker.check("The rebels took Idleb.", lang="en"), "TC201")
    entry = next(e for e in checker.glossary.entries if e.id == f["entry"])
    text = content.hover_text(f, REGISTRY["TC201"], entry)
    assert text.startswith("**TC201 wrong-transliteration** (error)")
    assert REGISTRY["TC201"].summary in text and "Glossary entry `idlib`: " in text and "en *Idlib*" in text
    if entry.note:
        assert entry.note.strip() in text
