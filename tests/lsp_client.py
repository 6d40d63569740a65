"""A small LSP client for the tests: `termcheck lsp` as a subprocess, JSON-RPC 2.0 framed with
Content-Length headers over its stdin and stdout, as an editor speaks it."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from tests.server_process import server_env

WAIT = 120.0  # seconds to wait for a message on a busy machine (not a speed test)

Message = dict[str, Any]


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read_message(stream: BinaryIO) -> Message | None:
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length is None:
        return None
    data: Message = json.loads(stream.read(length))
    return data


class LspClient:
    def __init__(self, cwd: Path, *args: str) -> None:
        self.stderr_path = cwd / "lsp.stderr"
        self._stderr = self.stderr_path.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "termcheck", "lsp", *args], cwd=cwd,
                                     env=server_env(cwd / "cache"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self._stderr)
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.seen: list[Message] = []  # every message not yet taken by a wait
        self.next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while True:
            msg = read_message(self.proc.stdout)
            self.inbox.put(msg)
            if msg is None:
                return

    def send_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg: Message) -> None:
        self.send_raw(frame(json.dumps({"jsonrpc": "2.0", **msg}).encode("utf-8")))

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request_id(self, method: str, params: Any) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait_for(self, match: Callable[[Message], bool], timeout: float = WAIT) -> Message:
        """The first message (already seen or yet to come) that `match` accepts; it is taken."""
        for msg in self.seen:
            if match(msg):
                self.seen.remove(msg)
                return msg
        while True:
            msg = self.inbox.get(timeout=timeout)
            if msg is None:
                raise EOFError(f"the server closed its output; stderr: {self.stderr()}")
            if match(msg):
                return msg
            self.seen.append(msg)
            # Answer what the server asks of the client (e.g. window/workDoneProgress/create).
            if "id" in msg and "method" in msg:
                self.send({"id": msg["id"], "result": None})

    def request(self, method: str, params: Any) -> Message:
        """The whole response (result or error) to a request."""
        rid = self.request_id(method, params)
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m)

    def diagnostics(self, uri: str, version: int | None = None) -> Message:
        return self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri
                             and (version is None or m["params"].get("version") == version))["params"]

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def initialize(self, root: Path, options: Any = None) -> Message:
        answer = self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {},
                                             "initializationOptions": options})
        self.notify("initialized", {})
        return answer

    def close(self) -> int:
        """shutdown, exit, and the exit code."""
        if self.proc.poll() is None:
            try:
                self.request("shutdown", None)
                self.notify("exit", None)
                self.proc.wait(30)
            except (OSError, EOFError, queue.Empty, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        self._stderr.close()
        return self.proc.returncode
