"""`termcheck lsp` as an editor meets it: a subprocess spoken to in LSP over stdio (initialize,
didOpen, publishDiagnostics, codeAction, hover, didChange, shutdown, exit)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.lsp_client import LspClient

pytest.importorskip("pygls")

TEXT = "The rebels took Idleb, said the OSDH.\nThey left at dawn.\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    return tmp_path


@pytest.fixture
def client(workspace: Path) -> Iterator[LspClient]:
    c = LspClient(workspace)
    answer = c.initialize(workspace, {"debounce_ms": 200})
    assert answer["result"]["capabilities"]["codeActionProvider"]
    assert answer["result"]["capabilities"]["hoverProvider"]
    yield c
    c.close()


def open_doc(client: LspClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext",
                                                            "version": version, "text": text}})
    return uri


def change(client: LspClient, uri: str, version: int, text: str) -> None:
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                             "contentChanges": [{"text": text}]})


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits to a text of ASCII lines (what an editor does with an action's edit)."""
    lines = text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]

    def offset(pos: dict[str, int]) -> int:
        return starts[pos["line"]] + pos["character"]

    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        text = text[: offset(e["range"]["start"])] + e["newText"] + text[offset(e["range"]["end"]) :]
    return text


def cursor(line: int, character: int) -> dict[str, Any]:
    return {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}


def codes(diags: dict[str, Any]) -> list[str]:
    return [d["code"] for d in diags["diagnostics"]]


def test_an_editor_session(client: LspClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "articles" / "story.txt", TEXT)
    diags = client.diagnostics(uri, 1)
    assert codes(diags) == ["TC201", "TC401"]
    idleb = diags["diagnostics"][0]
    assert idleb["range"] == {"start": {"line": 0, "character": 16}, "end": {"line": 0, "character": 21}}
    assert idleb["severity"] == 1 and idleb["source"] == "termcheck" and "'Idlib'" in idleb["message"]

    # Quick fixes at the cursor on Idleb: the safe fix preferred, the other suggestion, a marker.
    answer = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": cursor(0, 18),
        "context": {"diagnostics": [idleb], "only": ["quickfix"]}})
    actions = answer["result"]
    titles = [a["title"] for a in actions]
    assert titles[0] == "Replace 'Idleb' with 'Idlib'" and actions[0]["isPreferred"] is True
    assert "Ignore TC201 on this line ([termcheck: ignore TC201])" in titles
    fixed = apply(TEXT, actions[0]["edit"]["changes"][uri])
    assert fixed.startswith("The rebels took Idlib, said")
    marked = apply(TEXT, next(a for a in actions if a["title"].startswith("Ignore"))["edit"]["changes"][uri])
    assert marked.splitlines()[0] == "The rebels took Idleb, said the OSDH. [termcheck: ignore TC201]"

    # The editor applies the fix: the new version is checked again.
    change(client, uri, 2, fixed)
    assert codes(client.diagnostics(uri, 2)) == ["TC401"]
    # With the marker, TC201 is silenced on its line.
    change(client, uri, 3, marked)
    assert codes(client.diagnostics(uri, 3)) == ["TC401"]

    # An incremental edit, as editors send them: only the changed range.
    osdh = {"start": {"line": 0, "character": 32}, "end": {"line": 0, "character": 36}}
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                             "contentChanges": [{"range": osdh, "text": "SOHR"}]})
    assert codes(client.diagnostics(uri, 4)) == []
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5},
                                             "contentChanges": [{"range": osdh, "text": "OSDH"}]})
    assert codes(client.diagnostics(uri, 5)) == ["TC401"]

    # Hover on the acronym: the rule's explanation and the glossary entry.
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": 33}})["result"]
    value = hover["contents"]["value"]
    assert value.startswith("**TC401 foreign-acronym** (error)")
    assert "Glossary entry `" in value and "Syrian Observatory for Human Rights" in value

    # A source action applies every safe fix at once.
    answer = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": cursor(0, 0),
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert [a["kind"] for a in answer["result"]] == ["source.fixAll.termcheck"]

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri)["diagnostics"] == []
    assert client.close() == 0


def test_changes_are_debounced_and_only_the_latest_text_is_reported(client: LspClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "a.txt", "Nothing to see.\n")
    assert client.diagnostics(uri, 1)["diagnostics"] == []
    for version, name in enumerate(["Idleb", "Alep", "Bachar", "Khan Cheikhoun"], start=2):
        change(client, uri, version, f"The rebels took {name}.\n")
    last = client.diagnostics(uri)
    assert last["version"] == 5 and codes(last) == ["TC201"]
    assert last["diagnostics"][0]["range"]["end"]["character"] == len("The rebels took Khan Cheikhoun")
    # No check of an intermediate version was published.
    assert not [m for m in client.seen if m.get("method") == "textDocument/publishDiagnostics"]


def test_positions_are_utf16_and_markdown_gets_a_comment_marker(client: LspClient, workspace: Path) -> None:
    uri = open_doc(client, workspace / "story.md", "# 😀 News\n\nThe rebels 😀 took Idleb.\n\n```\nIdleb\n```\n")
    diags = client.diagnostics(uri, 1)
    assert codes(diags) == ["TC201"]  # not the one in the code block
    # 18 characters before it, the emoji counting 2 UTF-16 units
    assert diags["diagnostics"][0]["range"]["start"] == {"line": 2, "character": 19}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diags["diagnostics"][0]["range"],
        "context": {"diagnostics": diags["diagnostics"]}})["result"]
    ignore = next(a for a in actions if a["title"].startswith("Ignore"))
    assert ignore["edit"]["changes"][uri][0]["newText"] == " <!-- termcheck: ignore TC201 -->"


def test_settings_come_from_the_workspace_termcheck_toml(tmp_path: Path) -> None:
    (tmp_path / "termcheck.toml").write_text('ignore = ["TC401"]\n', encoding="utf-8")
    c = LspClient(tmp_path)
    try:
        c.initialize(tmp_path)
        uri = open_doc(c, tmp_path / "story.txt", TEXT)
        assert codes(c.diagnostics(uri, 1)) == ["TC201"]
    finally:
        assert c.close() == 0


def test_a_broken_config_is_shown_and_the_defaults_used(tmp_path: Path) -> None:
    (tmp_path / "termcheck.toml").write_text('ignore = [\n', encoding="utf-8")
    c = LspClient(tmp_path)
    try:
        c.initialize(tmp_path)
        uri = open_doc(c, tmp_path / "story.txt", TEXT)
        assert codes(c.diagnostics(uri, 1)) == ["TC201", "TC401"]
        shown = c.wait_for(lambda m: m.get("method") == "window/showMessage")
        assert "termcheck.toml" in shown["params"]["message"] and "invalid TOML" in shown["params"]["message"]
    finally:
        assert c.close() == 0


def test_malformed_messages_get_errors_and_the_server_stays_up(client: LspClient, workspace: Path) -> None:
    unknown = client.request("termcheck/nothing", {})
    assert unknown["error"]["code"] == -32601  # method not found
    bad = client.request("textDocument/hover", {"textDocument": {"uri": 42}})
    assert bad["error"]["code"] == -32602  # invalid params, naming what is missing
    assert "textDocument/hover" in bad["error"]["message"] and "position" in bad["error"]["message"]
    # Not JSON at all, in a valid frame; then a frame that is JSON but not JSON-RPC.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    parse = client.wait_for(lambda m: "error" in m and m.get("id") is None)
    assert parse["error"]["code"] == -32700
    client.send_raw(b"Content-Length: 2\r\n\r\n[]")
    invalid = client.wait_for(lambda m: "error" in m and m.get("id") is None)
    assert invalid["error"]["code"] == -32600
    # A notification with broken params cannot be answered; it is logged, and nothing else happens.
    client.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///x.txt"}})
    # A change to a document that was never opened: logged, nothing else.
    client.notify("textDocument/didChange", {"textDocument": {"uri": (workspace / "ghost.txt").as_uri(), "version": 2},
                                             "contentChanges": [{"text": "Idleb"}]})
    # A request about a document that was never opened is answered, empty.
    nothing = client.request("textDocument/codeAction", {
        "textDocument": {"uri": (workspace / "never.txt").as_uri()},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})
    assert nothing.get("result") in ([], None)
    # A broken XLIFF is one diagnostic, not a crash.
    xlf = open_doc(client, workspace / "job.xlf", "<xliff><file><body><trans-unit")
    broken = client.diagnostics(xlf, 1)["diagnostics"]
    assert len(broken) == 1 and "XML" in broken[0]["message"]
    # Still serving.
    uri = open_doc(client, workspace / "after.txt", TEXT)
    assert codes(client.diagnostics(uri, 1)) == ["TC201", "TC401"]
    assert client.proc.poll() is None


def test_a_5_mb_document_gets_a_notice_not_a_check(client: LspClient, workspace: Path) -> None:
    big = TEXT * (5_000_000 // len(TEXT) + 1)
    uri = open_doc(client, workspace / "dump.txt", big)
    diags = client.diagnostics(uri, 1)["diagnostics"]
    assert len(diags) == 1 and diags[0]["severity"] == 3
    assert "too large to check as you type (5.0 MB" in diags[0]["message"]
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": cursor(0, 18)["start"]})
    assert hover["result"] is None
    small = open_doc(client, workspace / "small.txt", TEXT)
    assert codes(client.diagnostics(small, 1)) == ["TC201", "TC401"]


def test_an_editor_that_vanishes_ends_the_server(workspace: Path) -> None:
    """The editor's end of the pipes closes without shutdown or exit (it crashed): the server
    notices end of input while a check is under way, and exits instead of lingering."""
    c = LspClient(workspace)
    c.initialize(workspace)
    open_doc(c, workspace / "story.txt", TEXT * 200)
    assert c.proc.stdin is not None
    c.proc.stdin.close()
    c.proc.wait(timeout=120)
    assert c.proc.returncode is not None
    c.close()
