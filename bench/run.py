#!/usr/bin/env python3
"""Benchmark termcheck against codespell and typos on distinct real news, in one run.

    pip install -e '.[bench]'
    python bench/run.py --bbc PATH/bbc-fulltext.zip --reuters PATH/reuters21578 --wmt12 PATH/wmt12-data/plain
                        [--runs 5] [--mb 50 | --mb 0] [--at COMMIT] [--no-write]

The texts are read where they lie (also from TERMCHECK_BBC, TERMCHECK_REUTERS, TERMCHECK_WMT12)
and written to a temporary folder as tiers of distinct articles (bench/tiers.py): 2,000 BBC
articles one per file, 50 files of ~20 KB (Reuters and WMT12), 5 files of ~1 MB (BBC and
Reuters), no text twice within a tier. The old repeated corpus (bench/make_corpus.py: the Lee
corpus from gensim replicated to --mb MB; 0 leaves it out) stays as one row, labelled so.

Every tool runs as its own process with its output discarded (`termcheck lint --no-ignore`
with its default --jobs, `codespell`, `typos --no-ignore`), one warm-up run each, then --runs
rounds in which all commands of all tiers take turns (a, b, c, a, b, c, ...), so a passing load
on this shared machine falls on all of them alike. Reported: wall time (min and median), CPU
time (user + sys of the process and its children, from getrusage), MB/s, MB per CPU second,
peak memory (GNU time: the largest single process). Then termcheck with a 10x glossary on the
20 KB tier, and the one-file run (median of at least 9). The table goes into bench/README.md
between the BENCH markers with the machine, its load average before and after, and the git
state of the code measured; raw numbers go to bench/results/latest.json. With --at COMMIT,
termcheck runs from that commit (exported with git archive, its compiled core built with cargo,
first on PYTHONPATH): others may be editing the working tree while the benchmark runs.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from big_glossary import write_glossary  # noqa: E402
from make_corpus import SHARDS, build, shard_paths  # noqa: E402
from precision import optional_path  # noqa: E402
from tiers import Tier  # noqa: E402
from tiers import build as build_tiers  # noqa: E402

CORPUS = HERE / "corpus"
BEGIN, END = "<!-- BENCH:BEGIN -->", "<!-- BENCH:END -->"
TOOLS = ("termcheck", "codespell", "typos")


@dataclass
class Timing:
    label: str  # the tier (or 'repeated', 'glossary 10x')
    tool: str
    command: str
    megabytes: float
    files: int
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # user + sys of the process and all it waited for
    peak_mb: float = 0.0  # largest resident set of the process or any of its workers
    exit_code: int = 0

    @property
    def seconds(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0

    @property
    def mb_per_cpu_s(self) -> float:
        return self.megabytes / self.cpu if self.cpu else 0.0


def tool(name: str) -> str:
    """The tool beside this Python (not a shell shim, whose start-up would be timed too)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: pip install -e '.[bench]'")
    return found


def command(name: str, paths: list[str], *extra: str) -> list[str]:
    """The command line of a tool on paths: every file checked, git's ignore files or not
    (termcheck and typos leave out what .gitignore names, and bench/corpus is git-ignored)."""
    if name == "termcheck":
        return [tool("termcheck"), "lint", "--no-ignore", *extra, *paths]
    if name == "typos":
        return [tool("typos"), "--no-ignore", *extra, *paths]
    return [tool(name), *extra, *paths]


ENV = dict(os.environ)  # with --at, PYTHONPATH names the exported commit


def export(commit: str, dest: Path) -> str:
    """The commit's tree written to `dest` (git archive); its short hash."""
    data = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True,
                          check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    return subprocess.run(["git", "rev-parse", "--short", commit], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def build_core(tree: Path) -> None:
    """Build an exported commit's compiled core (core/) into its package, as pip would; a commit
    from before the core has none. cargo builds what maturin would and the library is renamed as
    maturin names it."""
    manifest = tree / "core" / "Cargo.toml"
    if not manifest.is_file():
        return
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", str(manifest)], check=True,
                   env={**os.environ, "PYO3_PYTHON": sys.executable})
    shutil.copy(tree / "core" / "target" / "release" / "lib_core.so", tree / "termcheck" / "_core.abi3.so")


def run_once(argv: list[str], keep_output: bool = False) -> tuple[float, float, float, int, str]:
    """Wall time, CPU time (user + sys of the process and its children), peak resident memory
    in MB (the largest of the process and its workers), exit code, and stdout if asked.

    GNU time measures the memory: a child forked from this (large) Python would start with
    this process's resident size as its own peak."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        timer = ["/usr/bin/time", "-f", "%M", "-o", out.name] if Path("/usr/bin/time").exists() else []
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run([*timer, *argv], stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, cwd=ROOT, text=True, env=ENV)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        text = out.read().strip().splitlines()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = int(text[-1]) / 1024 if timer and text and text[-1].isdigit() else float("nan")
    return elapsed, cpu, peak, proc.returncode, proc.stdout or ""


def checked_files(report: str) -> int | None:
    """The file count of termcheck's last report line ('... in 2,000 files.')."""
    found = re.findall(r"\bin ([\d,]+) files?\b", report)
    return int(found[-1].replace(",", "")) if found else None


def measure_together(specs: list[Timing], argvs: list[list[str]], runs: int) -> list[Timing]:
    """Time commands that are compared with each other in turns (a, b, c, a, b, c, ...), so
    that a passing load on this shared machine falls on all of them alike, not on one."""
    for spec, argv in zip(specs, argvs, strict=True):
        # Warm the page cache and any on-disk caches: every tool gets the same start. Also a
        # guard: termcheck must have checked every file (an ignore file once made it check none).
        *_, report = run_once(argv, keep_output=spec.tool == "termcheck")
        if spec.tool == "termcheck" and checked_files(report) != spec.files:
            sys.exit(f"{spec.command}: checked {checked_files(report)} files, not {spec.files}")
    for _ in range(runs):
        for spec, argv in zip(specs, argvs, strict=True):
            wall, cpu, peak, spec.exit_code, _ = run_once(argv)
            spec.walls.append(wall)
            spec.cpus.append(cpu)
            spec.peak_mb = max(spec.peak_mb, peak)
            if spec.tool == "termcheck" and spec.exit_code not in (0, 1):
                sys.exit(f"{spec.command}: exit {spec.exit_code} (an error, not a finding): not a measurement")
    for t in specs:
        print(f"  {t.label:<10} {t.tool:<22} {t.seconds:8.3f} s  {t.cpu:8.3f} s CPU  {t.mb_per_s:7.2f} MB/s  "
              f"{t.peak_mb:5.0f} MB peak", flush=True)
    return specs


def _show(arg: str, folders: dict[str, str]) -> str:
    if arg in folders:
        return folders[arg]
    if arg.startswith("/") and Path(arg).parent == Path(sys.executable).parent:
        return Path(arg).name
    return os.path.relpath(arg, ROOT) if arg.startswith("/") else arg


def shown(argv: list[str], folders: dict[str, str]) -> str:
    text = " ".join(_show(a, folders) for a in argv)
    return text.replace(" ".join(f"bench/corpus/shard-{n:02d}" for n in range(SHARDS)), "bench/corpus")


def size_mb(paths: list[Path]) -> float:
    return sum(f.stat().st_size for p in paths for f in p.rglob("*.txt")) / 1e6


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


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
            "os": platform.platform(), "load": load()}


def git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "termcheck"],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        return f"{head}{' + uncommitted changes to termcheck/' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def shipped_glossary_size() -> tuple[int, set[str]]:
    sys.path.insert(0, str(ROOT))
    from termcheck.glossary.loader import default_glossary_dir, load_glossary

    g = load_glossary([default_glossary_dir()])
    forms = {f for e in g.names for forms in (e.canonical.values(), *e.alternates.values(), *e.wrong.values())
             for f in forms}
    return len(g), forms


def tier_specs(tiers: list[Tier]) -> tuple[list[Timing], list[list[str]], dict[str, str]]:
    specs, argvs, folders = [], [], {}
    for t in tiers:
        folders[str(t.folder)] = f"TIERS/{t.name}"
        for name in TOOLS:
            argv = command(name, [str(t.folder)])
            specs.append(Timing(t.name, name, shown(argv, folders), t.megabytes, t.files))
            argvs.append(argv)
    return specs, argvs, folders


def run(args: argparse.Namespace, tmp: Path) -> dict[str, object]:
    host = machine()  # before the runs, so that the load average is the one they started with
    bbc = optional_path(args.bbc, "TERMCHECK_BBC")
    if bbc is None:
        sys.exit("the benchmark reads real news: --bbc PATH/bbc-fulltext.zip (or TERMCHECK_BBC)")
    tiers = build_tiers(tmp / "tiers", bbc, optional_path(args.reuters, "TERMCHECK_REUTERS"),
                        optional_path(args.wmt12, "TERMCHECK_WMT12"))
    code = git_state()
    if args.at:
        code = export(args.at, tmp / "code")
        build_core(tmp / "code")
        ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp / "code"), ENV.get("PYTHONPATH")]))
        package = tmp / "code" / "termcheck"
    else:
        import termcheck

        package = Path(termcheck.__file__).parent
    # pip compiles a wheel's modules when it installs it (codespell's are); an editable install,
    # or PYTHONDONTWRITEBYTECODE, would make termcheck compile its own on every run instead.
    compileall.compile_dir(str(package), quiet=1)
    r = args.runs
    specs, argvs, folders = tier_specs([tiers[k] for k in ("snippets", "20k", "1mb")])
    if args.mb > 0:
        shards = shard_paths(CORPUS, SHARDS)
        if not all(s.is_dir() for s in shards) or abs(size_mb(shards) - args.mb) > 0.05 * args.mb:
            print(f"building the {args.mb:.0f} MB repeated corpus in {CORPUS.relative_to(ROOT)} …", flush=True)
            build(CORPUS, args.mb)
        files = sum(1 for s in shards for _ in s.glob("*.txt"))
        for name in TOOLS:
            argv = command(name, [str(s) for s in shards])
            specs.append(Timing("repeated", name, shown(argv, folders), size_mb(shards), files))
            argvs.append(argv)
    print(f"tiers in {tmp}: {', '.join(f'{t.name} {t.files} files {t.megabytes:.2f} MB' for t in tiers.values())}; "
          f"{r} rounds after a warm-up", flush=True)
    main = measure_together(specs, argvs, r)
    print("glossary scaling (termcheck on the 20 KB tier):")
    n_shipped, forms = shipped_glossary_size()
    mid = tiers["20k"]
    big = tmp / "big-glossary.toml"
    added = write_glossary(big, 9 * n_shipped, forms)
    gl_argvs = [command("termcheck", [str(mid.folder)]),
                command("termcheck", [str(mid.folder)], "--glossary", str(big))]
    gl_specs = [Timing(f"glossary {k}", "termcheck", shown(a, folders | {str(big): "BIG.toml"}), mid.megabytes,
                       mid.files) for k, a in zip(("1x", "10x"), gl_argvs, strict=True)]
    glossary = measure_together(gl_specs, gl_argvs, r)
    print("one file:")
    one = tiers["one"]
    path = next(one.folder.glob("*.txt"))
    folders[str(path)] = "ONE.txt"
    one_argvs = [command(name, [str(path)]) for name in TOOLS]
    one_specs = [Timing("one", name, shown(a, folders), one.megabytes, 1) for name, a in zip(TOOLS, one_argvs,
                                                                                             strict=True)]
    one_file = measure_together(one_specs, one_argvs, max(r, 9))
    host["load_after"] = load()
    return {"machine": host, "code": code, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "command": " ".join(shlex.quote(a) for a in ["python", "bench/run.py", *sys.argv[1:]]),
            "tiers": {k: {"label": t.label, "files": t.files, "megabytes": t.megabytes} for k, t in tiers.items()},
            "one_bytes": path.stat().st_size, "glossary_entries": {"1x": n_shipped, "10x": n_shipped + added},
            "main": main, "glossary": glossary, "one_file": one_file}


def _ms(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.2f}"


def table(res: dict[str, object]) -> str:
    m, tiers = res["machine"], res["tiers"]
    main, gl, one = res["main"], res["glossary"], res["one_file"]
    assert isinstance(m, dict) and isinstance(tiers, dict) and isinstance(main, list)
    assert isinstance(gl, list) and isinstance(one, list)
    out = [f"Measured {res['date']} on {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM, Python {m['python']}; "
           f"the machine is shared with other engineers' test runs: load average {m['load']} (1, 5, 15 min) "
           f"before, {m['load_after']} after. Code at {res['code']}. Command:", "",
           f"    {res['command']}", "",
           "Wall and CPU times are min / median of the rounds (CPU: user + sys of the process and its "
           "workers or threads); MB/s from the median wall time; MB per CPU-s is throughput per core busy; "
           "peak memory is the largest single process. termcheck runs every default rule with its default "
           "`--jobs` (the number of cores), typos uses its threads, codespell one process. Exit is each tool's 'found "
           "something' (termcheck 1, codespell 65, typos 2).", "",
           "| tier | tool | files | MB | wall (s) min / median | CPU (s) | MB/s | vs codespell | MB per CPU-s "
           "| peak MB | exit |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    by_tier: dict[str, dict[str, Timing]] = {}
    for t in main:
        by_tier.setdefault(t.label, {})[t.tool] = t
    names = {k: v["label"] for k, v in tiers.items()} | {"repeated": "**repeated corpus** (Lee + seeds, 377 "
                                                                      "paragraphs repeated: flatters termcheck)"}
    for label, tools in by_tier.items():
        cs = tools["codespell"]
        for t in tools.values():
            out.append(f"| {names.get(label, label)} | {t.tool} | {t.files:,} | {t.megabytes:.2f} | "
                       f"{_ms(min(t.walls))} / {_ms(t.seconds)} | {_ms(t.cpu)} | {t.mb_per_s:.2f} | "
                       f"{t.mb_per_s / cs.mb_per_s:.2f}x | {t.mb_per_cpu_s:.2f} | {t.peak_mb:.0f} | {t.exit_code} |")
    ge = res["glossary_entries"]
    assert isinstance(ge, dict)
    out += ["", "| glossary (20 KB tier) | entries | wall (s) median | CPU (s) | vs 1x |", "|---|---:|---:|---:|---:|"]
    for k, t in zip(("1x", "10x"), gl, strict=True):
        out.append(f"| {k} | {ge[k]} | {_ms(t.seconds)} | {_ms(t.cpu)} | {t.seconds / gl[0].seconds:.2f}x |")
    out += ["", f"| one file ({res['one_bytes']:,} bytes, a BBC article) | wall (s) min / median | CPU (s) "
                "| vs codespell | peak MB |", "|---|---:|---:|---:|---:|"]
    cs1 = next(t for t in one if t.tool == "codespell")
    for t in one:
        out.append(f"| {t.tool} | {_ms(min(t.walls))} / {_ms(t.seconds)} | {_ms(t.cpu)} | "
                   f"{t.seconds / cs1.seconds:.2f}x | {t.peak_mb:.0f} |")
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
    parser.add_argument("--bbc", type=Path, help="bbc-fulltext.zip (or TERMCHECK_BBC); required")
    parser.add_argument("--reuters", type=Path, help="a folder of reut2-*.sgm files (or TERMCHECK_REUTERS)")
    parser.add_argument("--wmt12", type=Path, help="the wmt12-data/plain folder (or TERMCHECK_WMT12)")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds per measurement (default 5)")
    parser.add_argument("--mb", type=float, default=50.0, help="size of the repeated corpus row (default 50; 0: none)")
    parser.add_argument("--at", metavar="COMMIT", help="measure termcheck as of COMMIT (default: the working tree)")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/README.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="termcheck-bench-") as tmp:
        res = run(args, Path(tmp))
    text = table(res)
    print("\n" + text)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    plain = {k: ([asdict(t) for t in v] if isinstance(v, list) else v) for k, v in res.items()}
    (results / "latest.json").write_text(json.dumps(plain, indent=2) + "\n", encoding="utf-8")
    if not args.no_write:
        write_readme(text)


if __name__ == "__main__":
    main()
