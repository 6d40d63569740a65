"""`termcheck lsp`: the language server for editors, over stdio (pygls).

- Diagnostics when a document opens, and when it changes once the typing stops for
  `debounce_ms` (default 300; initializationOptions {"debounce_ms": N}); stale results (an
  older version of the text) are never published. A document over 2 MB (initializationOptions
  {"max_bytes": N}) is not checked: it gets one notice saying so, at once.
- Code actions: each suggestion of a finding (its safe fix preferred), an ignore marker on
  the finding's line, and "fix all safe fixes" for the whole document (source.fixAll).
- Hover over a finding: the rule's summary and explanation, and the glossary entry's note.
- Settings: the termcheck.toml (or [tool.termcheck] in pyproject.toml) nearest the document,
  as `termcheck lint` reads them; saving one of those files re-reads it and re-checks.

Checks run in one worker thread through termcheck.api.Checker (one per config file), so the
server keeps reading messages while it checks; a handler's error becomes an error response.
"""

from __future__ import annotations

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.workspace import TextDocument

from termcheck import __version__
from termcheck.api import Checker
from termcheck.errors import TermcheckError
from termcheck.server import lsp_content as content

log = logging.getLogger("termcheck.lsp")

DEFAULT_DEBOUNCE_MS = 300
DEFAULT_MAX_BYTES = 2 * 10**6  # larger documents get one notice instead of a check (as the HTTP API's 413)
CONFIG_NAMES = {"termcheck.toml", "pyproject.toml"}
FIX_ALL = types.CodeActionKind.SourceFixAll + ".termcheck"


@dataclass
class Checked:
    version: int | None
    text: str
    findings: list[dict[str, Any]]
    checker: Checker


class TermcheckProtocol(LanguageServerProtocol):
    """pygls' protocol, with an error response for every request it cannot read: a request
    whose params do not fit its method gets -32602 naming the field (pygls would only log
    it, and the editor would wait for ever), a body that is not JSON -32700, a JSON value that
    is not a JSON-RPC message -32600 (both with id null, as JSON-RPC 2.0 says)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as err:
            msg_id = data.get("id")
            if "method" in data and isinstance(msg_id, int | str) and not isinstance(msg_id, bool):
                self._send_response(msg_id, error=types.ResponseError(
                    code=err.code, message=f"{err.message} for {data.get('method')}: {_why(err)}"))
                err.answered = True  # type: ignore[attr-defined]
            raise

    def handle_message(self, message: Any) -> Any:
        if not hasattr(message, "jsonrpc"):
            self.reply_error(-32600, f"Invalid Request: not a JSON-RPC message ({type(message).__name__})")
            return None
        return super().handle_message(message)

    def reply_error(self, code: int, message: str) -> None:
        self._send_data({"jsonrpc": "2.0", "id": None, "error": {"code": code, "message": message}})


def _why(err: Exception) -> str:
    """What cattrs says is wrong with the params, in one line."""
    cause = err.__cause__
    try:
        from cattrs import transform_error

        if cause is not None:
            return "; ".join(transform_error(cause)) or str(cause)
    except Exception:  # noqa: BLE001 - only a better message is lost
        pass
    return str(cause or err)


class TermcheckServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("termcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=TermcheckProtocol)
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.max_bytes = DEFAULT_MAX_BYTES
        self.checkers: dict[str, Checker] = {}  # by config file ("" for none)
        self.results: dict[str, Checked] = {}  # by document URI
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termcheck-check")
        self.warned: set[str] = set()
        self.entry_index: dict[int, dict[str, Any]] = {}

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Errors outside a request's handler: a body that is not JSON gets a parse error (the
        client waits for nothing else); one already answered is only logged."""
        if isinstance(error, json.JSONDecodeError):
            assert isinstance(self.protocol, TermcheckProtocol)
            self.protocol.reply_error(-32700, f"Parse error: {error}")
            return
        if getattr(error, "answered", False):
            return
        super().report_server_error(error, source)

    # -- settings -----------------------------------------------------------------------------
    def checker_for(self, doc: TextDocument) -> Checker:
        """The checker of the config nearest the document (its folder, else the workspace root)."""
        from termcheck.config import Settings, load_settings

        folder = Path(doc.path).parent if doc.uri.startswith("file:") else Path(self.workspace.root_path or ".")
        try:
            settings = load_settings(folder)
        except TermcheckError as err:
            self.warn_once(str(err), f"termcheck: {err}; checking with the default settings")
            settings = Settings()
        key = str(settings.source or "")
        checker = self.checkers.get(key)
        if checker is None:
            try:
                checker = Checker(settings)
            except TermcheckError as err:
                self.warn_once(str(err), f"termcheck: {err}; checking with the default settings")
                checker = self.checkers.get("") or Checker()
                self.checkers[""] = checker
            self.checkers[key] = checker
        return checker

    def warn_once(self, key: str, message: str) -> None:
        if key not in self.warned:
            self.warned.add(key)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    # -- checking -----------------------------------------------------------------------------
    def units(self, s: str) -> int:
        return int(self.workspace.position_codec.client_num_units(s))

    def check_now(self, doc: TextDocument) -> Checked:
        checker = self.checker_for(doc)
        text = doc.source
        report = checker.report(text, path=doc.path if doc.uri.startswith("file:") else None)
        return Checked(doc.version, text, report["findings"], checker)

    async def check_and_publish(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.text_documents.get(uri)
        if doc is None or Path(doc.path).name in CONFIG_NAMES:
            return
        version = doc.version
        size = len(doc.source.encode("utf-8", "surrogatepass"))
        if size > self.max_bytes:
            self.results.pop(uri, None)
            self.publish_notice(uri, version, f"termcheck: this document is too large to check as you type "
                                              f"({size / 1e6:.1f} MB; the limit is {self.max_bytes / 1e6:g} MB, "
                                              "initializationOptions max_bytes); run termcheck lint on it",
                                types.DiagnosticSeverity.Information)
            return
        try:
            checked = await asyncio.get_running_loop().run_in_executor(self.worker, self.check_now, doc)
        except TermcheckError as err:  # text its format's parser cannot read (a broken XLIFF)
            self.publish_notice(uri, version, str(err), types.DiagnosticSeverity.Error)
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # the text changed meanwhile: its own check will publish
        self.results[uri] = checked
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version,
            diagnostics=[content.diagnostic(checked.text, f, self.units) for f in checked.findings]))

    def publish_notice(self, uri: str, version: int | None, message: str, severity: types.DiagnosticSeverity) -> None:
        """One diagnostic at the top of the document, about the document as a whole."""
        top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=[
            types.Diagnostic(range=top, message=message, severity=severity, source=content.SOURCE)]))

    def schedule(self, uri: str, delay: float) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.get_running_loop().create_task(self.check_and_publish(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda t: self.pending.pop(uri, None) if self.pending.get(uri) is t else None)

    def entries(self, checker: Checker) -> dict[str, Any]:
        """The checker's glossary entries by id (for hover), gathered once."""
        found = self.entry_index.get(id(checker))
        if found is None:
            found = self.entry_index[id(checker)] = {e.id: e for e in checker.glossary.entries}
        return found

    async def current(self, uri: str) -> Checked | None:
        """The findings of the document's text as it is now (checked again if it changed)."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        found = self.results.get(uri)
        if found is not None and found.version == doc.version and found.text == doc.source:
            return found
        if len(doc.source.encode("utf-8", "surrogatepass")) > self.max_bytes:
            return None
        try:
            checked = await asyncio.get_running_loop().run_in_executor(self.worker, self.check_now, doc)
        except TermcheckError:
            return None  # its diagnostic says why
        self.results[uri] = checked
        return checked


def create_server() -> TermcheckServer:
    server = TermcheckServer()

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce_ms"), int | float):
            server.debounce = max(0.0, float(options["debounce_ms"]) / 1000)
        if isinstance(options, dict) and isinstance(options.get("max_bytes"), int) and options["max_bytes"] > 0:
            server.max_bytes = options["max_bytes"]

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.schedule(params.text_document.uri, server.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(params: types.DidSaveTextDocumentParams) -> None:
        if Path(server.workspace.get_text_document(params.text_document.uri).path).name in CONFIG_NAMES:
            server.checkers.clear()  # settings changed: read them again, check every open document again
            server.warned.clear()
            for uri in list(server.workspace.text_documents):
                server.schedule(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = server.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        server.results.pop(uri, None)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = await server.current(uri)
        if checked is None:
            return []
        doc = server.workspace.get_text_document(uri)
        start = doc.offset_at_position(params.range.start)
        end = doc.offset_at_position(params.range.end)
        path = doc.path if uri.startswith("file:") else None
        only = params.context.only
        actions: list[types.CodeAction] = []
        if not only or types.CodeActionKind.QuickFix in only:
            for f in checked.findings:
                if not content.overlaps(f, start, end):
                    continue
                diag = content.diagnostic(checked.text, f, server.units)
                actions.extend(content.quick_fixes(uri, checked.text, f, diag, server.units))
                ignore = content.ignore_action(uri, path, checked.text, f, diag, server.units)
                if ignore is not None:
                    actions.append(ignore)
        wants_fix_all = not only or any(FIX_ALL.startswith(k) for k in only)
        if wants_fix_all and any(f["fix"] and f["fix"]["applicability"] == "safe" for f in checked.findings):
            fixed = await asyncio.get_running_loop().run_in_executor(
                server.worker, lambda: checked.checker.fix(checked.text, path=path))
            if fixed != checked.text:
                whole = types.Range(start=types.Position(line=0, character=0),
                                    end=content.offset_position(checked.text, len(checked.text), server.units))
                actions.append(types.CodeAction(title="termcheck: apply every safe fix", kind=FIX_ALL,
                                                edit=types.WorkspaceEdit(changes={uri: [
                                                    types.TextEdit(range=whole, new_text=fixed)]})))
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        from termcheck.rules import REGISTRY

        uri = params.text_document.uri
        checked = await server.current(uri)
        if checked is None:
            return None
        offset = server.workspace.get_text_document(uri).offset_at_position(params.position)
        here = [f for f in checked.findings if f["start"] <= offset <= f["end"]]
        if not here:
            return None
        entries = server.entries(checked.checker)
        text = "\n\n---\n\n".join(content.hover_text(f, REGISTRY.get(f["code"]), entries.get(f["entry"] or ""))
                                  for f in here)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                           range=content.finding_range(checked.text, here[0], server.units))

    return server


def run_stdio() -> None:
    """Serve one editor over stdin and stdout until it says exit; logs go to stderr."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    create_server().start_io()
