"""`termcheck serve` as a newsroom system meets it: a subprocess on a loopback port, called over
real HTTP. Its answers are lint's; bad, oversize and abandoned requests never take it down."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS
from tests.server_process import HttpServer

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

ARTICLES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def server(workdir: Path) -> Iterator[HttpServer]:
    srv = HttpServer(workdir)
    yield srv
    srv.stop()


def lint_json(workdir: Path, name: str, text: str) -> dict[str, Any]:
    """What `termcheck lint --format json` prints for `text` in a file `name`."""
    (workdir / name).write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", name, "--format", "json"], cwd=workdir,
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    out: dict[str, Any] = json.loads(proc.stdout)
    return out


def assert_up(server: HttpServer) -> None:
    assert server.proc.poll() is None, server.log()
    status, body = server.check({"text": "Rebels took Idleb.", "lang": "en"})
    assert status == 200 and [f["code"] for f in body["findings"]] == ["TC201"]


def test_health_rules_and_openapi(server: HttpServer) -> None:
    status, health = server.request("GET", "/healthz")
    assert status == 200 and health["status"] == "ok" and "en" in health["languages"]
    status, rules = server.request("GET", "/v1/rules")
    tc201 = next(r for r in rules["rules"] if r["code"] == "TC201")
    assert tc201["name"] == "wrong-transliteration" and tc201["explanation"]
    status, spec = server.request("GET", "/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/v1/check", "/v1/rules", "/healthz", "/openapi.json"}
    assert spec["components"]["schemas"]["Check"]["required"] == ["text"]


def test_check_answers_what_lint_prints(server: HttpServer, workdir: Path) -> None:
    text = ARTICLES[-1].read_text(encoding="utf-8")
    status, body = server.check({"text": text, "options": {"path": "story.txt"}})
    assert status == 200
    assert body == lint_json(workdir, "story.txt", text)
    assert body["version"] == 1 and body["findings"]


def test_options_source_and_markup(server: HttpServer) -> None:
    status, body = server.check({"text": "The OSDH said Idleb fell.", "lang": "en", "options": {"select": ["TC4"]}})
    assert status == 200 and [f["code"] for f in body["findings"]] == ["TC401"]
    status, body = server.check({"text": "The rebels counted 1.5 million fighters.", "lang": "en",
                                 "source": "Les rebelles ont compté 1,5 milliard de combattants.", "source_lang": "fr"})
    assert status == 200 and "TC801" in {f["code"] for f in body["findings"]}
    assert body["documents"][0]["source_lang"] == "fr"
    status, body = server.check({"text": "Idleb.\n\n```\nIdleb\n```\n", "lang": "en", "options": {"path": "a.md"}})
    assert [f["line"] for f in body["findings"]] == [1]


def test_fifty_concurrent_requests_answer_as_lint_does(server: HttpServer, workdir: Path) -> None:
    texts = {a.name: a.read_text(encoding="utf-8") for a in ARTICLES}
    expected = {name: lint_json(workdir, name, text) for name, text in texts.items()}
    names = [ARTICLES[i % len(ARTICLES)].name for i in range(50)]

    def call(name: str) -> tuple[str, int, Any]:
        status, body = server.check({"text": texts[name], "options": {"path": name}})
        return name, status, body

    with ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(call, names))
    assert len(answers) == 50
    for name, status, body in answers:
        assert status == 200
        assert body == expected[name]


@pytest.mark.parametrize("body, status, message", [
    (b"{not json", 400, "not JSON"),
    (b"", 400, "empty body"),
    (b"\xff\xfe{", 400, "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "nested too deeply"),
    (b"[1, 2]", 422, "JSON object"),
    (b'{"lang": "en"}', 422, "'text' is missing"),
    (b'{"text": 42}', 422, "'text' must be a string"),
    (b'{"text": "x", "lang": "xx"}', 422, "language 'xx' is not covered"),
    (b'{"text": "x", "lang": 3}', 422, "'lang' must be a string"),
    (b'{"text": "x", "options": {"select": [1]}}', 422, "options.select"),
    (b'{"text": "x", "options": {"jobs": 4}}', 422, "unknown option 'jobs'"),
    (b'{"text": "x", "colour": "red"}', 422, "unknown field 'colour'"),
    (b'{"text": "x", "source": "y", "source_lang": "zz"}', 422, "source language 'zz'"),
    (b'{"text": "<xliff><broken", "options": {"path": "job.xlf"}}', 422, "not well-formed XML"),
])
def test_malformed_bodies_get_a_clear_error(server: HttpServer, body: bytes, status: int, message: str) -> None:
    got, answer = server.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
    assert got == status
    assert answer["error"]["status"] == status and message in answer["error"]["message"]
    assert_up(server)


def test_wrong_method_and_route_are_json_errors(server: HttpServer) -> None:
    assert server.request("GET", "/v1/check")[0] == 405
    status, body = server.request("GET", "/v2/nothing")
    assert status == 404 and body["error"]["status"] == 404


def test_a_5_mb_article_is_refused_with_413(server: HttpServer) -> None:
    article = ARTICLES[-1].read_text(encoding="utf-8")
    big = json.dumps({"text": article * (5_000_000 // len(article) + 1)}).encode()
    status, body = server.request("POST", "/v1/check", big, {"Content-Type": "application/json"})
    assert status == 413 and "2 MB" in body["error"]["message"]
    assert_up(server)


def test_an_oversize_chunked_body_is_refused_while_it_streams(server: HttpServer) -> None:
    """No Content-Length to go by: the server counts the bytes as they come and stops at the limit."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as s:
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"a" * 65536
        try:
            for _ in range(64):  # 4 MB offered; the server answers after 2
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass  # the server may close once it has answered
        answer = s.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413")
    assert_up(server)


def test_clients_that_go_away_mid_request_leave_it_serving(server: HttpServer) -> None:
    article = ARTICLES[-1].read_text(encoding="utf-8")
    payload = json.dumps({"text": article * 20, "lang": "en"}).encode()
    # 1. gone while sending the body (it promised more bytes than it sent)
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as s:
        s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(payload))
        s.sendall(payload[:1000])
    # 2. gone while the server checks (the whole body sent, the answer never read), several times
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as s:
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s" % (len(payload), payload))
    # 3. gone after the request line
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as s:
        s.sendall(b"POST /v1/check HTTP/1.1\r\n")
    # Others are still served, with the right answer.
    assert_up(server)
    status, health = server.request("GET", "/healthz")
    assert status == 200
    # Each abandoned request is in the log, none as an internal error.
    assert "Traceback" not in server.log() and "internal error" not in server.log()


def test_garbage_on_the_socket_is_answered_400(server: HttpServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as s:
        s.sendall(b"\x16\x03\x01\x02\x00 this is not HTTP\r\n\r\n")
        answer = s.recv(4096)
    assert answer.startswith(b"HTTP/1.1 400") or answer == b""
    assert_up(server)


def test_logs_are_lines_a_newsroom_can_read(server: HttpServer) -> None:
    server.check({"text": "Rebels took Idleb.", "lang": "en"})
    lines = server.log().splitlines()
    assert any("termcheck.server: check lang=en chars=18 findings=1 in" in line for line in lines)
    assert any('"POST /v1/check HTTP/1.1" 200' in line for line in lines)


def test_serve_is_on_loopback_unless_told(tmp_path: Path) -> None:
    srv = HttpServer(tmp_path, "--max-bytes", "100")
    try:
        assert "http://127.0.0.1:" in srv.log()
        status, body = srv.check({"text": "x" * 200})
        assert status == 413 and "100 bytes" in body["error"]["message"]
    finally:
        srv.stop()


def test_lone_surrogates_and_nul_characters_are_checked(server: HttpServer) -> None:
    body = b'{"text": "\\ud800 The rebels took Idleb.\\u0000\\udfff", "lang": "en"}'
    status, answer = server.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
    assert status == 200 and [f["text"] for f in answer["findings"]] == ["Idleb"]
