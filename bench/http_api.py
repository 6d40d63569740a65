"""Throughput and latency of the HTTP API (`termcheck serve`) on loopback.

    python bench/http_api.py                 # 1, 4 and 16 concurrent clients, 20 s each
    python bench/http_api.py --seconds 5 --clients 1 4

Starts `termcheck serve` on a free loopback port as its own process (what a newsroom runs),
then for each level of concurrency keeps that many clients busy, each on its own keep-alive
connection, posting the same ~700-word article (the machine-translated seed, then the English
seed's paragraphs up to 700 words) to POST /v1/check for the given time. Prints a Markdown
table: requests per second, latency p50 and p95 (client side, request sent to answer read),
and the server's own check time (its X-Termcheck-Time-Ms header, median). Then the limits:
the time to answer an article at the body limit (2 MB) and to refuse a 5 MB one.

The clients run in this process (threads; they mostly wait on sockets) on the same machine,
so they take a little of the CPU the server would have.
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.server_process import HttpServer  # noqa: E402  (the tests' way of starting the server)

WORDS = 700


def article(words: int = WORDS) -> str:
    seeds = ROOT / "seeds"
    mt = next(seeds.glob("mt-from-french_*.txt")).read_text(encoding="utf-8")
    english = next(seeds.glob("english-original_*.txt")).read_text(encoding="utf-8")
    parts = [mt.rstrip("\n")]
    count = len(mt.split())
    for para in english.split("\n"):
        if count >= words:
            break
        if para.strip():
            parts.append(para)
            count += len(para.split())
    return "\n\n".join(parts) + "\n"


def run_level(port: int, body: bytes, clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    server_ms: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        mine: list[float] = []
        theirs: list[float] = []
        bad = 0
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            conn.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t0)
            if resp.status != 200:
                bad += 1
            theirs.append(float(resp.getheader("X-Termcheck-Time-Ms", "nan")))
        conn.close()
        with lock:
            latencies.extend(mine)
            server_ms.extend(theirs)
            errors += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"clients": clients, "requests": len(latencies), "errors": errors, "rps": len(latencies) / elapsed,
            "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000, "server_ms": statistics.median(server_ms)}


def timed(srv: HttpServer, body: bytes) -> tuple[int, float]:
    t0 = time.perf_counter()
    status, _ = srv.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
    return status, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="duration of each level")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()

    text = article()
    body = json.dumps({"text": text, "lang": "en"}).encode("utf-8")
    workdir = ROOT / "bench" / "results" / "http_api"
    workdir.mkdir(parents=True, exist_ok=True)
    srv = HttpServer(workdir, "--log-level", "warning")
    try:
        for _ in range(10):  # warm-up: indexes built, code paths hot
            srv.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
        rows = [run_level(srv.port, body, c, args.seconds) for c in args.clients]
        limit_text = (text + "\n") * (1_950_000 // len(text.encode("utf-8")))
        at_limit = timed(srv, json.dumps({"text": limit_text, "lang": "en"}).encode())
        over = timed(srv, json.dumps({"text": text * (5_000_000 // len(text) + 1), "lang": "en"}).encode())
    finally:
        srv.stop()

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    print(f"HTTP API on loopback, {len(text.split())}-word article ({len(body)} bytes of JSON), "
          f"{args.seconds:g} s per level; {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, git {commit}\n")
    print("| clients | requests | req/s | p50 ms | p95 ms | server check ms (median) | errors |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['clients']} | {r['requests']} | {r['rps']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} "
              f"| {r['server_ms']:.0f} | {r['errors']} |")
    print(f"\nAn article at the limit ({len(limit_text.encode()) / 1e6:.2f} MB, {len(limit_text.split())} words): "
          f"HTTP {at_limit[0]} in {at_limit[1]:.1f} s. A 5 MB article: HTTP {over[0]} in {over[1] * 1000:.0f} ms.")


if __name__ == "__main__":
    main()
