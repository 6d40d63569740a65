#!/usr/bin/env python3
"""termcheck on real machine translation: findings per 1,000 words on MT against the human reference.

What it measures: for each language pair (fr-en, de-en, es-en) of the WMT12 news test set
(newstest2012, 3,003 sentences), every submitted system's English output and the human
reference translation of the same sentences are grouped into the same article-sized documents
(consecutive blocks of 25 lines), checked with `termcheck lint --format json --lang en`, and
the findings are counted per 1,000 words (whitespace tokens). A checker that finds machine
translation artifacts should flag MT more often than the reference; the ratio MT/ref says by
how much. Systems are grouped in families: online (commercial), rule-based, academic SMT, and,
when given, the Moses output of the Potet et al. French-English corpus beside its own
reference ('moses (potet)'). It also prints one table per rule, and the summary lines of the
shared labelled evaluation (../shared/eval/score.py) for the same code.

The WMT12 reference is itself a translation, and in places it keeps the source's number formats,
acronyms and name forms: a finding there is often the translators' own slip, not a false alarm.
Those reviewed one by one as slips are listed in bench/realmt-reference-slips.tsv; the family
table is printed a third time with them counted apart (MT against the reference's false alarms).

Data (third-party, research only: read where it lies, never copied into this repository):
- WMT12: the folder `wmt12-data/plain` of the WMT12 shared task's submitted-data release,
  holding sources/newstest2012-src.{fr,de,es}, references/newstest2012-ref.en and
  system-outputs/newstest2012/<pair>/newstest2012.<pair>.<system>. `--wmt12 PATH` or
  TERMCHECK_WMT12=PATH.
- Potet (optional): the folder `data/docs` of the discourse test-set data that holds
  potet.moses and potet.ref (11,477 lines each, documents separated by '# lang=en docid=N'
  lines). `--potet DIR` or TERMCHECK_POTET=DIR.

    python bench/realmt.py --wmt12 PATH [--potet DIR] [--pairs fr-en,de-en] [--systems N]
                           [--lines N] [--examples N] [--bilingual] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_PAIRS = ("fr-en", "de-en", "es-en")
BLOCK_LINES = 25
REFERENCE = "reference"  # the reference's folder name, beside the systems' (no WMT12 system has it)

ONLINE = "online (commercial)"
RULE_BASED = "rule-based"
ACADEMIC = "academic SMT"
POTET = "moses (potet)"
FAMILIES = (ONLINE, RULE_BASED, ACADEMIC, POTET)
# Names that mark a rule-based system in the WMT system lists (none of the into-English
# systems of 2012 has one: the commercial systems, some of them rule-based, are anonymised
# as onlineA-F).
RULE_BASED_MARKERS = ("rbmt", "systran", "promt", "lucy", "its-latl")
# Rules whose findings swamp the totals for a reason outside translation; the family table is
# also shown without them (TC701: onlineB's output has its quotation marks HTML-escaped).
SECOND_LOOK_WITHOUT = ("TC701",)
REFERENCE_SLIPS = Path(__file__).resolve().parent / "realmt-reference-slips.tsv"
_SLIP_COLUMNS = ("line", "rule", "text_sha1", "kind", "why")

WMT12_NEEDS = """\
bench/realmt.py needs the WMT12 news test set (newstest2012) as plain text: the folder
`wmt12-data/plain` of the WMT12 shared task's submitted-data release, which holds
  sources/newstest2012-src.fr (and .de, .es)
  references/newstest2012-ref.en
  system-outputs/newstest2012/<pair>/newstest2012.<pair>.<system>   (pairs fr-en, de-en, es-en)
Pass it as --wmt12 PATH or set TERMCHECK_WMT12=PATH. It is research-only data: it is read
where it lies and never copied into this repository."""

POTET_NEEDS = """\
--potet needs the folder `data/docs` of the discourse test-set data that holds potet.moses and
potet.ref (French-English Moses output and its human translation, documents separated by
'# lang=en docid=N' lines). Pass it as --potet DIR or set TERMCHECK_POTET=DIR."""


@dataclass
class Output:
    """One system's translation of one test set (or its human reference), as documents."""

    corpus: str  # "wmt12" or "potet": outputs of one corpus and pair share one reference
    pair: str
    system: str  # REFERENCE for the human translation
    family: str
    docs: list[str]
    sources: list[str] | None = None  # the source-language documents, same order, for --bilingual
    words: int = 0
    findings: Counter[str] = field(default_factory=Counter)  # by rule code
    slips: Counter[str] = field(default_factory=Counter)  # the reference's reviewed slips among them, by rule

    @property
    def key(self) -> tuple[str, str, str]:
        return self.corpus, self.pair, self.system

    @property
    def total(self) -> int:
        return sum(self.findings.values())

    def total_without(self, skip: frozenset[str], slips: bool = True) -> int:
        """Findings but those of the rules in `skip` (and, with slips=False, the reviewed slips)."""
        return sum(n - (0 if slips else self.slips[code]) for code, n in self.findings.items() if code not in skip)


def family_of(system: str) -> str:
    name = system.lower()
    if name.startswith("online"):
        return ONLINE
    if any(marker in name for marker in RULE_BASED_MARKERS):
        return RULE_BASED
    return ACADEMIC


# --- reading the data ----------------------------------------------------------------------

def data_path(given: Path | None, env: str, needs: str, required: bool) -> Path | None:
    """The folder from the option or the environment; exit 2 saying what is needed if absent."""
    path = given or (Path(os.environ[env]) if os.environ.get(env) else None)
    if path is not None and path.is_dir():
        return path
    if path is None and not required:
        return None
    where = f"{path} is not a folder.\n" if path is not None else ""
    print(where + needs, file=sys.stderr)
    sys.exit(2)


def read_lines(path: Path, limit: int | None = None) -> list[str]:
    # Lenient: a stray byte in a third-party file should cost one character, not the run.
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines[:limit] if limit else lines


def blocks(lines: list[str], size: int) -> list[str]:
    """Consecutive blocks of `size` lines, one document each (the same cut for every system)."""
    return ["\n".join(lines[i:i + size]) + "\n" for i in range(0, len(lines), size)]


def systems_of(folder: Path, pair: str) -> list[str]:
    prefix = f"newstest2012.{pair}."
    return sorted(p.name[len(prefix):] for p in folder.iterdir()
                  if p.is_file() and p.name.startswith(prefix))  # skips .DS_Store and the like


def pick_systems(systems: list[str], limit: int | None) -> list[str]:
    """At most `limit` systems, taken from each family in turn so that a quick run has them all."""
    if not limit:
        return systems
    by_family: dict[str, list[str]] = defaultdict(list)
    for system in systems:
        by_family[family_of(system)].append(system)
    picked: list[str] = []
    queues = [by_family[f] for f in FAMILIES if by_family[f]]
    while len(picked) < limit and any(queues):
        for queue in queues:
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return sorted(picked)


def wmt12_outputs(root: Path, pairs: Iterable[str], limit: int | None, lines: int | None,
                  block: int, bilingual: bool) -> list[Output]:
    outputs: list[Output] = []
    reference = blocks(read_lines(root / "references" / "newstest2012-ref.en", lines), block)
    for pair in pairs:
        folder = root / "system-outputs" / "newstest2012" / pair
        source_file = root / "sources" / f"newstest2012-src.{pair.split('-')[0]}"
        if not folder.is_dir() or not source_file.is_file():
            print(f"{folder} or {source_file} is missing.\n{WMT12_NEEDS}", file=sys.stderr)
            sys.exit(2)
        sources = blocks(read_lines(source_file, lines), block) if bilingual else None
        outputs.append(Output("wmt12", pair, REFERENCE, REFERENCE, reference, sources))
        for system in pick_systems(systems_of(folder, pair), limit):
            docs = blocks(read_lines(folder / f"newstest2012.{pair}.{system}", lines), block)
            if len(docs) != len(reference):
                sys.exit(f"{pair} {system}: {len(docs)} documents, the reference has {len(reference)}")
            outputs.append(Output("wmt12", pair, system, family_of(system), docs, sources))
    return outputs


def potet_documents(path: Path) -> dict[str, list[str]]:
    """Documents by docid: the lines between one '# lang=… docid=N' header and the next."""
    docs: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in read_lines(path):
        if line.startswith("# lang="):
            docid = next((f[6:] for f in line.split() if f.startswith("docid=")), str(len(docs)))
            current = docs.setdefault(docid, [])
        elif current is not None:
            current.append(line)
    return docs


def potet_outputs(folder: Path) -> list[Output]:
    if not (folder / "potet.moses").is_file() or not (folder / "potet.ref").is_file():
        print(f"{folder} has no potet.moses and potet.ref.\n{POTET_NEEDS}", file=sys.stderr)
        sys.exit(2)
    mt, ref = potet_documents(folder / "potet.moses"), potet_documents(folder / "potet.ref")
    if mt.keys() != ref.keys() or any(len(mt[d]) != len(ref[d]) for d in mt):
        sys.exit(f"{folder}: potet.moses and potet.ref do not have the same documents and lines")
    return [Output("potet", "fr-en", "moses", POTET, ["\n".join(mt[d]) + "\n" for d in mt]),
            Output("potet", "fr-en", REFERENCE, REFERENCE, ["\n".join(ref[d]) + "\n" for d in ref])]


def read_slips(path: Path) -> set[tuple[int, str, str]]:
    """(reference line, rule, text digest) of the reviewed slips."""
    from reviewed_table import rows

    found = set()
    for number, cells in rows(path, _SLIP_COLUMNS):
        if not cells[0].isdigit():
            sys.exit(f"{path}:{number}: the first cell is the reference's line number")
        found.add((int(cells[0]), cells[1], cells[2]))
    return found


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def slip_key(f: dict[str, Any], block: int) -> tuple[int, str, str]:
    """A WMT12 reference finding's key in the slips table: its line in newstest2012-ref.en."""
    doc = int(Path(f["path"]).stem.split("-")[-1])
    return doc * block + f["line"], f["code"], text_digest(f["text"])


Slip = tuple[int, str, str]  # (line of newstest2012-ref.en, rule, digest of the flagged text)


def mark_slips(findings: list[dict[str, Any]], slips: set[Slip], block: int) -> set[Slip]:
    """Count the reviewed slips among the WMT12 reference's findings; returns the keys matched."""
    matched: set[Slip] = set()
    for f in findings:
        out: Output = f["output"]
        if out.corpus == "wmt12" and out.system == REFERENCE and "line" in f:
            key = slip_key(f, block)
            if key in slips:
                out.slips[f["code"]] += 1
                matched.add(key)
    return matched


# --- running termcheck ---------------------------------------------------------------------

def termcheck_has_source() -> bool:
    proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", "--help"],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    return "--source" in proc.stdout


def write_folders(outputs: list[Output], tmp: Path) -> None:
    """tgt/<corpus>/<pair>/<system>/doc-NNNN.txt, and the same names under src/ for --source."""
    for out in outputs:
        for name, docs in (("tgt", out.docs), ("src", out.sources)):
            if docs is None:
                continue
            folder = tmp.joinpath(name, *out.key)
            folder.mkdir(parents=True)
            for i, text in enumerate(docs):
                (folder / f"doc-{i:04d}.txt").write_text(text, encoding="utf-8")


def run_termcheck(tmp: Path, bilingual: bool, jobs: int | None) -> list[dict[str, Any]]:
    # One call over every folder: one start-up, and the worker pool stays busy throughout.
    argv = [sys.executable, "-m", "termcheck", "lint", "tgt", "--format", "json", "--lang", "en", "--quiet"]
    if bilingual:
        argv += ["--source", "src"]
    if jobs is not None:
        argv += ["--jobs", str(jobs)]
    proc = subprocess.run(argv, cwd=tmp, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"termcheck failed with exit {proc.returncode}:\n{proc.stderr[-2000:]}")
    findings: list[dict[str, Any]] = json.loads(proc.stdout)["findings"]
    return findings


def output_key(path: str, tmp: Path) -> tuple[str, str, str]:
    """(corpus, pair, system) of a finding's file: paths are reported as given, relative to tmp."""
    parts = Path(path).parts
    if Path(path).is_absolute():
        parts = Path(path).relative_to(tmp.resolve()).parts
    return parts[1], parts[2], parts[3]


def measure(outputs: list[Output], bilingual: bool, jobs: int | None) -> tuple[list[dict[str, Any]], float]:
    """Fill in each output's words and findings; returns the findings with their output and the seconds."""
    by_key = {out.key: out for out in outputs}
    for out in outputs:
        out.words = sum(len(doc.split()) for doc in out.docs)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        write_folders(outputs, tmp)
        start = time.perf_counter()
        findings = run_termcheck(tmp, bilingual, jobs)
        seconds = time.perf_counter() - start
        for f in findings:
            f["output"] = by_key[output_key(f["path"], tmp)]
            f["output"].findings[f["code"]] += 1
            f["line_text"] = read_line(tmp / f["path"], f["line"]) if "line" in f else ""
    return findings, seconds


def read_line(path: Path, line: int) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


# --- tables --------------------------------------------------------------------------------

def rate(findings: int, words: int) -> float:
    return findings * 1000 / words if words else 0.0


def ratio(mt: float, ref: float) -> str:
    if ref == 0:
        return "inf" if mt else "-"
    return f"{mt / ref:.2f}x"


def family_rows(outputs: list[Output], skip: frozenset[str] = frozenset(), slips: bool = True) -> list[dict[str, Any]]:
    """One row per (pair, family): MT pooled over the family's systems, against their reference;
    findings of the rules in `skip` are not counted, nor, with slips=False, the reference's
    reviewed slips."""
    refs = {(o.corpus, o.pair): o for o in outputs if o.system == REFERENCE}
    groups: dict[tuple[str, str, str], list[Output]] = defaultdict(list)
    for o in outputs:
        if o.system != REFERENCE:
            groups[(o.corpus, o.pair, o.family)].append(o)
    rows = []
    for (corpus, pair, family), members in groups.items():
        ref = refs[(corpus, pair)]
        words, found = sum(o.words for o in members), sum(o.total_without(skip) for o in members)
        ref_found = ref.total_without(skip, slips)
        rows.append(dict(pair=pair, family=family, systems=len(members), mt_words=words, mt_findings=found,
                         mt_per_1k=round(rate(found, words), 3), ref_words=ref.words, ref_findings=ref_found,
                         ref_per_1k=round(rate(ref_found, ref.words), 3)))
    order = {f: i for i, f in enumerate(FAMILIES)}
    return sorted(rows, key=lambda r: (r["family"] == POTET, r["pair"], order[r["family"]]))


def rule_rows(outputs: list[Output], names: dict[str, str]) -> list[dict[str, Any]]:
    """Per rule, all pairs together: MT by family and in all, and all references together."""
    mt = [o for o in outputs if o.system != REFERENCE]
    refs = [o for o in outputs if o.system == REFERENCE]
    codes = sorted({c for o in outputs for c in o.findings})
    rows = []
    for code in codes:
        row: dict[str, Any] = dict(rule=code, name=names.get(code, ""))
        for label, group in [("mt", mt), ("ref", refs)] + [(f, [o for o in mt if o.family == f]) for f in FAMILIES]:
            words = sum(o.words for o in group)
            if words:
                row[label] = round(rate(sum(o.findings[code] for o in group), words), 3)
        rows.append(row)
    return sorted(rows, key=lambda r: -r["mt"])


# The rules written as families over word classes, and the calques mined from MT: each family
# (the finding's glossary entry) gets its own row, as the issue asks a rate for each.
FAMILY_CODES = ("TC204", "TC303", "TC304", "TC702")


def family_entry_rows(findings: list[dict[str, Any]], outputs: list[Output]) -> list[dict[str, Any]]:
    """Per construction family and mined calque: findings per 1,000 words on MT and on the reference."""
    mt_words = sum(o.words for o in outputs if o.system != REFERENCE)
    ref_words = sum(o.words for o in outputs if o.system == REFERENCE)
    counts: dict[tuple[str, str], list[int]] = {}
    for f in findings:
        entry = f.get("entry") or ""
        if f["code"] not in FAMILY_CODES and not entry.startswith("mined-"):
            continue
        side = 1 if f["output"].system == REFERENCE else 0
        counts.setdefault((f["code"], entry or "-"), [0, 0])[side] += 1
    rows = [dict(rule=code, entry=entry, mt=n_mt, ref=n_ref, mt_per_1k=round(rate(n_mt, mt_words), 3),
                 ref_per_1k=round(rate(n_ref, ref_words), 3)) for (code, entry), (n_mt, n_ref) in counts.items()]
    return sorted(rows, key=lambda r: (r["rule"], -r["mt"]))


def print_entry_table(rows: list[dict[str, Any]]) -> None:
    print("| rule | family or mined entry | MT findings | MT /1k words | ref findings | ref /1k words |")
    print("|---|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['rule']} | {r['entry']} | {r['mt']} | {r['mt_per_1k']:.3f} | {r['ref']} | {r['ref_per_1k']:.3f} |")


def system_rows(outputs: list[Output], skip: frozenset[str]) -> list[dict[str, Any]]:
    return [dict(corpus=o.corpus, pair=o.pair, system=o.system, family=o.family, words=o.words,
                 findings=o.total, per_1k=round(rate(o.total, o.words), 3),
                 per_1k_without=round(rate(o.total_without(skip), o.words), 3)) for o in outputs]


def print_family_table(rows: list[dict[str, Any]]) -> None:
    print("| pair | family | systems | MT words | MT findings /1k words | ref words | ref /1k words | MT/ref |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['pair']} | {r['family']} | {r['systems']} | {r['mt_words']:,} | {r['mt_per_1k']:.2f} "
              f"| {r['ref_words']:,} | {r['ref_per_1k']:.2f} | {ratio(r['mt_per_1k'], r['ref_per_1k'])} |")


def print_rule_table(rows: list[dict[str, Any]], families: list[str]) -> None:
    print("| rule | MT /1k words | " + " | ".join(families) + " | ref /1k words | MT/ref |")
    print("|---|---:|" + "---:|" * len(families) + "---:|---:|")
    for r in rows:
        cells = " | ".join(f"{r.get(f, 0.0):.3f}" for f in families)
        print(f"| {r['rule']} {r['name']} | {r['mt']:.3f} | {cells} | {r['ref']:.3f} | {ratio(r['mt'], r['ref'])} |")


def print_system_table(rows: list[dict[str, Any]], skip: frozenset[str]) -> None:
    without = f" | /1k without {', '.join(sorted(skip))}" if skip else ""
    print(f"| pair | system | family | words | findings | /1k words{without} |")
    print("|---|---|---|---:|---:|---:|" + ("---:|" if skip else ""))
    for r in rows:
        name = f"{r['system']} ({r['corpus']})" if r["system"] == REFERENCE else r["system"]
        extra = f" | {r['per_1k_without']:.2f}" if skip else ""
        print(f"| {r['pair']} | {name} | {r['family']} | {r['words']:,} | {r['findings']} | {r['per_1k']:.2f}{extra} |")


def print_examples(findings: list[dict[str, Any]], count: int) -> None:
    """A few findings per rule and side, with their line, to judge what the rates are made of."""
    seen: Counter[tuple[str, bool]] = Counter()
    for f in sorted(findings, key=lambda f: (f["code"], f["output"].system != REFERENCE)):
        out: Output = f["output"]
        side = (f["code"], out.system == REFERENCE)
        if seen[side] >= count:
            continue
        seen[side] += 1
        who = "REF" if out.system == REFERENCE else f"MT {out.system}"
        print(f"- {f['code']} [{out.pair} {who}] {f['text']!r} -> {f.get('suggestions', [])[:1]}: "
              f"{f['line_text'][:160]}")


# --- the shared labelled evaluation --------------------------------------------------------

def shared_scores(bilingual: bool) -> list[str]:
    """The last summary line of ../shared/eval/score.py on its two case sets, or why there is none."""
    script = SHARED_EVAL / "score.py"
    if not script.is_file():
        return [f"(skipped: {script} is absent)"]
    runs = [[], ["--cases", str(SHARED_EVAL / "real_mt_dev_cases.py")]]
    if bilingual:
        runs.append(runs[1] + ["--bilingual"])
    lines = []
    for extra in runs:
        proc = subprocess.run([sys.executable, str(script), *extra], cwd=ROOT, capture_output=True, text=True)
        last = next((line for line in reversed(proc.stdout.splitlines()) if line.strip()), proc.stderr.strip()[-300:])
        label = " ".join(["score.py", *(Path(e).name if "/" in e else e for e in extra)])
        lines.append(f"`{label}`: {last}")
    return lines


def code_state() -> str:
    """The commit measured, and whether termcheck's code or glossaries differed from it."""
    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return proc.stdout.strip() if proc.returncode == 0 else ""
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "termcheck", "glossaries")
    return commit + (" (with uncommitted changes in termcheck/ or glossaries/)" if dirty else "")


# --- main ----------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wmt12", type=Path, help="the wmt12-data/plain folder (or TERMCHECK_WMT12)")
    ap.add_argument("--potet", type=Path, help="the folder with potet.moses and potet.ref (or TERMCHECK_POTET)")
    ap.add_argument("--pairs", default=",".join(DEFAULT_PAIRS), help="comma-separated (default: %(default)s)")
    ap.add_argument("--systems", type=int, help="at most N systems per pair, taken from each family in turn")
    ap.add_argument("--lines", type=int, help="only the first N lines of newstest2012 (default: all 3,003)")
    ap.add_argument("--block", type=int, default=BLOCK_LINES, help="lines per document (default: %(default)s)")
    ap.add_argument("--jobs", type=int, help="passed to termcheck lint --jobs (default: termcheck's)")
    ap.add_argument("--examples", type=int, default=0, help="print N findings per rule on MT and on the reference")
    ap.add_argument("--bilingual", action="store_true", help="give termcheck the source documents (--source)")
    ap.add_argument("--without", default=",".join(SECOND_LOOK_WITHOUT),
                    help="also show the family table without these rules (default: %(default)s; '' for none)")
    ap.add_argument("--no-score", action="store_true", help="skip ../shared/eval/score.py")
    ap.add_argument("--slips", type=Path, default=REFERENCE_SLIPS,
                    help="the reviewed slips of the WMT12 reference (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    wmt12 = data_path(args.wmt12, "TERMCHECK_WMT12", WMT12_NEEDS, required=True)
    potet = data_path(args.potet, "TERMCHECK_POTET", POTET_NEEDS, required=False)
    assert wmt12 is not None
    if args.bilingual and not termcheck_has_source():
        print("--bilingual: the installed termcheck has no --source option (termcheck lint --help does not list it)",
              file=sys.stderr)
        sys.exit(2)
    pairs = [p.strip() for p in args.pairs.split(",") if p.strip()]
    outputs = wmt12_outputs(wmt12, pairs, args.systems, args.lines, args.block, args.bilingual)
    notes = []
    if potet is not None and args.bilingual:
        notes.append("potet skipped: it has no source text for --bilingual")
    elif potet is not None:
        outputs += potet_outputs(potet)
    slips = read_slips(args.slips)
    findings, seconds = measure(outputs, args.bilingual, args.jobs)
    matched = mark_slips(findings, slips, args.block)
    last = len(read_lines(wmt12 / "references" / "newstest2012-ref.en", args.lines))
    for line, code, digest in sorted(slips - matched):
        if line <= last:  # a row beyond the lines measured is not stale
            notes.append(f"{args.slips.name} lists line {line} {code} {digest}, which no finding matches now")
    names = {f["code"]: f.get("name", "") for f in findings}
    families = [f for f in FAMILIES if any(o.family == f for o in outputs)]
    skip = frozenset(c.strip() for c in args.without.split(",") if c.strip())
    result = dict(commit=code_state(), seconds=round(seconds, 1), words=sum(o.words for o in outputs),
                  documents=sum(len(o.docs) for o in outputs), lines=args.lines or "all", block=args.block,
                  bilingual=args.bilingual, notes=notes, families=family_rows(outputs), without=sorted(skip),
                  families_without=family_rows(outputs, skip) if skip else [],
                  families_false_alarms=family_rows(outputs, slips=False),
                  reference_slips=sum(o.slips.total() for o in outputs if o.corpus == "wmt12" and o.pair == pairs[0]),
                  rules=rule_rows(outputs, names), entries=family_entry_rows(findings, outputs),
                  systems=system_rows(outputs, skip),
                  scores=[] if args.no_score else shared_scores(args.bilingual))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print_report(result, families)
    if args.examples:
        print(f"\nExamples (at most {args.examples} per rule and side):\n")
        print_examples(findings, args.examples)


def print_report(result: dict[str, Any], families: list[str]) -> None:
    lines = "all 3,003 lines" if result["lines"] == "all" else f"the first {result['lines']} lines"
    print(f"termcheck at {result['commit']}{' with --source' if result['bilingual'] else ''}: newstest2012 "
          f"({lines} in blocks of {result['block']}; the English reference is the same text for every pair)"
          f"{', Potet (its own documents)' if POTET in families else ''}. {result['documents']:,} documents, "
          f"{result['words']:,} words, checked in {result['seconds']} s by one termcheck call.")
    for note in result["notes"]:
        print(f"Note: {note}.")
    print("\nFindings per 1,000 words, MT against the human reference of the same sentences:\n")
    print_family_table(result["families"])
    if result["without"]:
        print(f"\nThe same without {', '.join(result['without'])} (markup leftovers: WMT12's onlineB output "
              "escapes every quotation mark as &quot;, which says more about how it was submitted than about "
              "its translation):\n")
        print_family_table(result["families_without"])
    print(f"\nThe same with the WMT12 reference's own slips counted apart ({result['reference_slips']} of its "
          "findings, reviewed one by one in bench/realmt-reference-slips.tsv: source number formats, acronyms and name "
          "forms the translators kept), so that MT stands against the reference's false alarms:\n")
    print_family_table(result["families_false_alarms"])
    print("\nPer rule, all pairs together (findings per 1,000 words):\n")
    print_rule_table(result["rules"], [f for f in families if f != REFERENCE])
    print("\nPer construction family and mined calque (the finding's entry), all pairs together:\n")
    print_entry_table(result["entries"])
    print("\nPer system:\n")
    print_system_table(result["systems"], frozenset(result["without"]))
    if result["scores"]:
        print("\nShared labelled evaluation (last summary line):\n")
        for line in result["scores"]:
            print(f"- {line}")


if __name__ == "__main__":
    main()
