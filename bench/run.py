#!/usr/bin/env python3
"""Benchmark termcheck against codespell and typos on the same news corpus, in one run.

    pip install -e '.[bench]' && python bench/run.py [--runs 3] [--mb 50] [--no-write]

It builds the corpus if needed (bench/make_corpus.py: Lee news from gensim plus the seeds,
16 shards, git-ignored), then times, as separate processes with output discarded:
- the whole corpus with `termcheck lint` (default rules, default --jobs), `termcheck lint
  --jobs 1`, `codespell` and `typos --no-ignore` (the corpus is git-ignored): median wall
  time of --runs runs, MB/s, peak memory (largest process), and the ratios;
- termcheck on 1x, 4x and 16x of the corpus (time per MB should stay flat);
- termcheck on the 4x corpus with the shipped glossary and with a 10x larger one (the
  shipped entries plus GeoNames cities, bench/big_glossary.py, in a temporary file);
- one file (what a pre-commit hook pays): each tool on one seed article.
The table goes into bench/README.md between the BENCH markers, with the machine it ran on
and the git state of the code it measured; raw numbers go to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from big_glossary import write_glossary  # noqa: E402
from make_corpus import SHARDS, build, shard_paths  # noqa: E402

CORPUS = HERE / "corpus"
ONE_FILE = ROOT / "seeds" / "mt-from-french_000_d4140a4c0235da03.txt"
BEGIN, END = "<!-- BENCH:BEGIN -->", "<!-- BENCH:END -->"


@dataclass
class Timing:
    label: str
    command: str
    seconds: float  # median wall time
    runs: list[float]
    peak_mb: float  # largest resident set of the process or any of its workers
    exit_code: int
    megabytes: float = 0.0

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0


def tool(name: str) -> str:
    """The tool beside this Python (not a shell shim, whose start-up would be timed too)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: pip install -e '.[bench]'")
    return found


def run_once(argv: list[str]) -> tuple[float, float, int]:
    """Wall time, peak resident memory in MB (the largest of the process and its workers) and exit code.

    GNU time measures the memory: a child forked from this (large) Python would start with
    this process's resident size as its own peak."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        timer = ["/usr/bin/time", "-f", "%M", "-o", out.name] if Path("/usr/bin/time").exists() else []
        start = time.perf_counter()
        proc = subprocess.run([*timer, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        elapsed = time.perf_counter() - start
        text = out.read().strip().splitlines()
    peak = int(text[-1]) / 1024 if timer and text and text[-1].isdigit() else float("nan")
    return elapsed, peak, proc.returncode


def measure(label: str, argv: list[str], runs: int, megabytes: float) -> Timing:
    return measure_together([(label, argv, megabytes)], runs)[0]


def measure_together(specs: list[tuple[str, list[str], float]], runs: int) -> list[Timing]:
    """Time commands that are compared with each other in turns (a, b, c, a, b, c, ...), so
    that a passing load on this shared machine falls on all of them alike, not on one."""
    for _, argv, _ in specs:
        run_once(argv)  # warm the page cache and any on-disk caches: every tool gets the same start
    times: list[list[float]] = [[] for _ in specs]
    peaks: list[list[float]] = [[] for _ in specs]
    codes = [0] * len(specs)
    for _ in range(runs):
        for i, (_, argv, _) in enumerate(specs):
            t, peak, codes[i] = run_once(argv)
            times[i].append(t)
            peaks[i].append(peak)
    out = []
    for i, (label, argv, megabytes) in enumerate(specs):
        shown = " ".join(_show(a) for a in argv).replace(
            " ".join(f"bench/corpus/shard-{n:02d}" for n in range(SHARDS)), "bench/corpus")
        timing = Timing(label, shown, statistics.median(times[i]), times[i], max(peaks[i]), codes[i], megabytes)
        print(f"  {label:<34} {timing.seconds:8.2f} s  {timing.mb_per_s:7.2f} MB/s  {timing.peak_mb:7.0f} MB peak",
              flush=True)
        out.append(timing)
    return out


def _show(arg: str) -> str:
    if arg.startswith("/") and Path(arg).parent == Path(sys.executable).parent:
        return Path(arg).name
    return os.path.relpath(arg, ROOT) if arg.startswith("/") else arg


def size_mb(paths: list[Path]) -> float:
    return sum(f.stat().st_size for p in paths for f in p.rglob("*.txt")) / 1e6


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        ram = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "ram": ram, "python": platform.python_version(),
            "os": platform.platform(), "load": " ".join(f"{x:.1f}" for x in os.getloadavg())}


def git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return f"{head}{' + uncommitted changes' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def shipped_glossary_size() -> tuple[int, set[str]]:
    sys.path.insert(0, str(ROOT))
    from termcheck.glossary.loader import default_glossary_dir, load_glossary

    g = load_glossary([default_glossary_dir()])
    forms = {f for e in g.names for forms in (e.canonical.values(), *e.alternates.values(), *e.wrong.values())
             for f in forms}
    return len(g), forms


def run(args: argparse.Namespace) -> dict[str, object]:
    host = machine()  # before the runs, so that the load average is the one they started with
    shards = shard_paths(CORPUS, SHARDS)
    if not all(s.is_dir() for s in shards) or abs(size_mb(shards) - args.mb) > 0.05 * args.mb:
        print(f"building a {args.mb:.0f} MB corpus in {CORPUS.relative_to(ROOT)} …", flush=True)
        build(CORPUS, args.mb)
    tc, cs, ty = tool("termcheck"), tool("codespell"), tool("typos")
    # pip compiles a wheel's modules when it installs it (codespell's are); an editable install,
    # or PYTHONDONTWRITEBYTECODE, would make termcheck compile its own on every run instead.
    import termcheck

    compileall.compile_dir(str(Path(termcheck.__file__).parent), quiet=1)
    corpus = [str(s) for s in shards]
    full = size_mb(shards)
    r = args.runs
    print(f"corpus: {full:.1f} MB in {len(shards)} shards; {r} runs each (median)", flush=True)
    print("whole corpus:")
    main = dict(zip(["termcheck", "termcheck -j1", "codespell", "typos"], measure_together([
        ("termcheck lint (default --jobs)", [tc, "lint", *corpus], full),
        ("termcheck lint --jobs 1", [tc, "lint", "--jobs", "1", *corpus], full),
        ("codespell", [cs, *corpus], full),
        ("typos", [ty, "--no-ignore", *corpus], full),
    ], r), strict=True))
    print("corpus scaling (termcheck, default --jobs):")
    scaling = {}
    for n in (1, 4, 16):
        part = shard_paths(CORPUS, n)
        scaling[f"{n}x"] = (main["termcheck"] if n == SHARDS else
                            measure(f"termcheck {n}x", [tc, "lint", *map(str, part)], r, size_mb(part)))
    print("glossary scaling (termcheck on the 4x corpus):")
    n_shipped, forms = shipped_glossary_size()
    part = [str(p) for p in shard_paths(CORPUS, 4)]
    part_mb = size_mb(shard_paths(CORPUS, 4))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.toml"
        added = write_glossary(big, 9 * n_shipped, forms)
        glossary = dict(zip(["1x", "10x"], measure_together([
            ("termcheck, shipped glossary", [tc, "lint", *part], part_mb),
            (f"termcheck, glossary x{(n_shipped + added) / n_shipped:.1f}",
             [tc, "lint", "--glossary", str(big), *part], part_mb),
        ], r), strict=True))
    print("one file:")
    one_mb = ONE_FILE.stat().st_size / 1e6
    one = dict(zip(["termcheck", "codespell", "typos"], measure_together([
        ("termcheck lint one file", [tc, "lint", str(ONE_FILE)], one_mb),
        ("codespell one file", [cs, str(ONE_FILE)], one_mb),
        ("typos one file", [ty, "--no-ignore", str(ONE_FILE)], one_mb),
    ], max(r, 9)), strict=True))
    return {"machine": host, "code": git_state(), "date": time.strftime("%Y-%m-%d %H:%M"),
            "command": "python bench/run.py" + (f" --runs {r}" if r != 3 else "") + (
                f" --mb {args.mb:g}" if args.mb != 50 else ""),
            "corpus_mb": full, "glossary_entries": {"1x": n_shipped, "10x": n_shipped + added},
            "main": main, "scaling": scaling, "glossary": glossary, "one_file": one}


def table(res: dict[str, object]) -> str:
    m = res["machine"]
    main, scaling, gl, one = res["main"], res["scaling"], res["glossary"], res["one_file"]
    assert isinstance(m, dict) and isinstance(main, dict) and isinstance(scaling, dict)
    assert isinstance(gl, dict) and isinstance(one, dict)
    cs = main["codespell"]
    out = [f"Measured {res['date']} on {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM, Python {m['python']} "
           f"(load average {m.get('load', '?')} at the start: the machine is shared); "
           f"code at {res['code']}; command: `{res['command']}`. Corpus: {res['corpus_mb']:.1f} MB of news "
           "(Lee corpus + seeds). Times are medians; peak memory is the largest process.", "",
           "| tool (whole corpus) | time (s) | MB/s | vs codespell | peak memory (MB) | exit |",
           "|---|---:|---:|---:|---:|---:|"]
    for t in main.values():
        out.append(f"| `{t.command}` | {t.seconds:.2f} | "
                   f"{t.mb_per_s:.2f} | {t.mb_per_s / cs.mb_per_s:.2f}x | {t.peak_mb:.0f} | {t.exit_code} |")
    j1, jn = main["termcheck -j1"], main["termcheck"]
    out += ["", f"`--jobs` speed-up (default jobs vs one job): **{j1.seconds / jn.seconds:.2f}x**.", "",
            "| corpus | MB | time (s) | s per MB | peak memory (MB) |", "|---|---:|---:|---:|---:|"]
    for k, t in scaling.items():
        out.append(f"| {k} | {t.megabytes:.1f} | {t.seconds:.2f} | {t.seconds / t.megabytes:.3f} | {t.peak_mb:.0f} |")
    ge = res["glossary_entries"]
    assert isinstance(ge, dict)
    out += ["", "| glossary (4x corpus) | entries | time (s) | vs 1x |", "|---|---:|---:|---:|"]
    for k, t in gl.items():
        out.append(f"| {k} | {ge[k]} | {t.seconds:.2f} | {t.seconds / gl['1x'].seconds:.2f}x |")
    out += ["", "| one file (pre-commit) | time (s) | vs codespell | peak memory (MB) |", "|---|---:|---:|---:|"]
    for k, t in one.items():
        out.append(f"| {k} | {t.seconds:.3f} | {t.seconds / one['codespell'].seconds:.2f}x | {t.peak_mb:.0f} |")
    return "\n".join(out) + "\n"


def write_readme(text: str) -> None:
    readme = HERE / "README.md"
    body = readme.read_text(encoding="utf-8") if readme.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in body:
        body += f"\n{BEGIN}\n{END}\n"
    head, rest = body.split(BEGIN, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    readme.write_text(f"{head}{BEGIN}\n{text}{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement (median; default 3)")
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/README.md")
    args = parser.parse_args()
    res = run(args)
    text = table(res)
    print("\n" + text)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    plain = {k: ({kk: asdict(vv) if isinstance(vv, Timing) else vv for kk, vv in v.items()} if isinstance(v, dict)
                 else v) for k, v in res.items()}
    (results / "latest.json").write_text(json.dumps(plain, indent=2) + "\n", encoding="utf-8")
    if not args.no_write:
        write_readme(text)


if __name__ == "__main__":
    main()
