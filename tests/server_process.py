"""Starting termcheck's servers as an editor or a newsroom system would: a subprocess of the
installed command, talked to over a real loopback socket or real pipes."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

READY_WITHIN = 120.0  # seconds a server may take to load its glossaries on a busy machine (not a speed test)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def server_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["TERMCHECK_CACHE_DIR"] = str(cache)
    env["PYTHONUNBUFFERED"] = "1"
    return env


class HttpServer:
    """`termcheck serve` on a free loopback port, its log in a file."""

    def __init__(self, cwd: Path, *args: str) -> None:
        self.port = free_port()
        self.log_path = cwd / "serve.log"
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "termcheck", "serve", "--port", str(self.port), *args],
                                     cwd=cwd, env=server_env(cwd / "cache"), stdout=self._log,
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + READY_WITHIN
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"termcheck serve exited {self.proc.returncode}: {self.log()}")
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"termcheck serve did not answer /healthz: {self.log()}")
            time.sleep(0.2)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, Any]:
        conn = self.connection()
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            ctype = resp.getheader("content-type", "")
            return resp.status, json.loads(data) if "json" in ctype else data
        finally:
            conn.close()

    def check(self, payload: Any) -> tuple[int, Any]:
        return self.request("POST", "/v1/check", json.dumps(payload).encode("utf-8"),
                            {"Content-Type": "application/json"})

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
