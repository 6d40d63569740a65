#!/usr/bin/env python3
"""False alarms on clean human-written English news: findings per 10,000 words, by rule.

Every finding on English written as English is a false alarm, so this is the precision side
of accuracy. The corpora (words are counted as \\w+ runs):
- the Lee news corpus that ships as test data inside the `gensim` package (350 Australian
  news articles, ~65,000 words), plus the English-original seed article: always;
- the BBC News full texts (2,225 articles of 2004-2005, ~876,000 words), when given the zip
  `bbc-fulltext.zip` (as published with the GitHub repository HichamSad/News-Categorizer-NeuralFH)
  with `--bbc PATH` or TERMCHECK_BBC=PATH; read at run time, never copied into this repository;
- Reuters newswire of 1987 (the Reuters-21578 collection, distributed for research: the
  <BODY> of each story in its reut2-NNN.sgm files), when given their folder with
  `--reuters DIR` or TERMCHECK_REUTERS=DIR: English written as English, in wire style
  ('mln dlrs', 'pct'); the first file alone holds ~134,000 words;
- the human English reference of the WMT12 news test set (newstest2012-ref.en, 3,003
  sentences, ~65,000 words: professional translations of news, in blocks of 25 sentences),
  when given the `wmt12-data/plain` folder with `--wmt12 PATH` or TERMCHECK_WMT12=PATH (the
  data of bench/realmt.py). Being translation, it can hold real slips (a number left as
  "500.000", a French acronym), so its findings are an upper bound on false alarms.
The totals: `originals` (Lee, the seed, the BBC and Reuters: English written as English,
~1,076,000 words with one Reuters file) and `all` (with the WMT12 reference).

Clean news has errors of its own, and a finding on one is not a false alarm: the findings listed
in bench/precision-true-errors.tsv (reviewed one by one: the corpus's misspellings, country names
in lower case, HTML escapes printed as text) are counted apart. The rates are of false alarms,
the findings left; `findings` and `true_errors` give the whole count. A row that matches no
finding of a measured corpus is reported, so the table cannot go stale unseen.

    pip install gensim && python bench/precision.py [--bbc bbc-fulltext.zip] [--reuters DIR] [--wmt12 DIR]
                                                    [--show] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WMT12_BLOCK = 25  # sentences per document, as in bench/realmt.py
TRANSLATIONS = ("wmt12-ref",)  # human translations: a finding there may be a real slip, not a false alarm
TRUE_ERRORS = Path(__file__).resolve().parent / "precision-true-errors.tsv"
_TRUE_ERROR_COLUMNS = ("corpus", "document", "rule", "text", "kind", "why")


def lee_documents() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_corpus import lee_articles  # the benchmark reads the same corpus

    return lee_articles()


def seed_documents() -> list[str]:
    return [next((ROOT / "seeds").glob("english-original_*.txt")).read_text(encoding="utf-8")]


def decode(data: bytes) -> str:
    # Lenient: the BBC files are UTF-8 but for one in a single-byte encoding (a pound sign).
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def bbc_documents(path: Path) -> list[str]:
    """One article per .txt file in the zip (title, blank line, paragraphs), in the zip's order."""
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.endswith(".txt") and "__MACOSX" not in n]
        return [decode(archive.read(n)) for n in names]


_STORY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_SIGNATURE = re.compile(r"\s*\bReuter\s*(?:&#3;)?\s*\Z", re.I)


def reuters_documents(folder: Path) -> list[str]:
    """The stories of the reut2-NNN.sgm files, in file order: each <BODY> with its character
    references decoded, the wire's closing 'Reuter' signature cut and its wrapped lines joined
    into paragraphs."""
    import html

    stories = []
    for path in sorted(folder.glob("reut2-*.sgm")):
        for body in _STORY.findall(path.read_text(encoding="latin-1")):
            text = html.unescape(_SIGNATURE.sub("", body)).replace("\x03", "").strip()
            # The wire wraps lines at ~65 characters and indents each paragraph: paragraphs,
            # as an article has them, are what termcheck is measured on.
            paragraphs = re.split(r"\n(?=[ \t]{2,})", text)
            stories.append("\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip()))
    return [s for s in stories if s]


def wmt12_reference_documents(folder: Path) -> list[str]:
    lines = (folder / "references" / "newstest2012-ref.en").read_text(encoding="utf-8", errors="replace").splitlines()
    return ["\n".join(lines[i:i + WMT12_BLOCK]) for i in range(0, len(lines), WMT12_BLOCK)]


def optional_path(given: Path | None, env: str) -> Path | None:
    path = given or (Path(os.environ[env]) if os.environ.get(env) else None)
    if path is not None and not path.exists():
        sys.exit(f"{path} does not exist ({'--' + env.split('_')[-1].lower()} or {env})")
    return path


def corpora(args: argparse.Namespace) -> tuple[dict[str, list[str]], list[str]]:
    """The corpora to measure, and notes on the ones left out."""
    texts = {"lee": lee_documents(), "english-seed": seed_documents()}
    notes = []
    bbc = optional_path(args.bbc, "TERMCHECK_BBC")
    if bbc is not None:
        texts["bbc"] = bbc_documents(bbc)
    else:
        notes.append("BBC full texts not given (--bbc bbc-fulltext.zip or TERMCHECK_BBC): Lee and the seed only")
    reuters = optional_path(args.reuters, "TERMCHECK_REUTERS")
    if reuters is not None:
        texts["reuters"] = reuters_documents(reuters)
    wmt12 = optional_path(args.wmt12, "TERMCHECK_WMT12")
    if wmt12 is not None:
        texts["wmt12-ref"] = wmt12_reference_documents(wmt12)
    return texts, notes


def lint(name: str, texts: list[str]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"{name}-{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", tmp, "--format", "json", "--lang", "en",
                               "--quiet"], capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(proc.stderr)
        findings: list[dict[str, Any]] = json.loads(proc.stdout)["findings"]
        for f in findings:  # keep the line for --show: the folder is gone afterwards
            lines = (Path(tmp) / Path(f["path"]).name).read_text(encoding="utf-8").splitlines()
            f["line_text"] = lines[f["line"] - 1] if 0 < f["line"] <= len(lines) else ""
    return findings


def read_true_errors(path: Path) -> dict[tuple[str, str, str, str], str]:
    """(corpus, document, rule, flagged text) -> kind, from the reviewed table."""
    from reviewed_table import rows

    return {(c[0], c[1], c[2], c[3]): c[4] for _, c in rows(path, _TRUE_ERROR_COLUMNS)}


def mark_true_errors(name: str, findings: list[dict[str, Any]], table: dict[tuple[str, str, str, str], str]) -> None:
    for f in findings:
        kind = table.get((name, Path(f["path"]).stem, f["code"], f["text"]))
        if kind is not None:
            f["true_error"] = kind


def summarise(documents: int, words: int, findings: list[dict[str, Any]]) -> dict[str, Any]:
    """Rates of false alarms: the findings not listed as real errors of the text."""
    alarms = [f for f in findings if "true_error" not in f]
    by_rule = Counter(f["code"] for f in alarms)
    return {"documents": documents, "words": words, "findings": len(findings),
            "true_errors": len(findings) - len(alarms), "false_alarms": len(alarms),
            "per_10k_words": round(len(alarms) * 10000 / words, 2),
            "findings_per_10k_words": round(len(findings) * 10000 / words, 2),
            "by_rule": {c: round(n * 10000 / words, 2) for c, n in sorted(by_rule.items())},
            "counts": dict(sorted(by_rule.items()))}


def pooled(results: dict[str, dict[str, Any]], found: dict[str, list[dict[str, Any]]],
           names: list[str]) -> dict[str, Any]:
    return summarise(sum(results[n]["documents"] for n in names), sum(results[n]["words"] for n in names),
                     [f for n in names for f in found[n]])


def show(name: str, findings: list[dict[str, Any]]) -> None:
    for f in findings:
        where = f"{Path(f['path']).name}:{f['line']}"
        verdict = f"true error ({f['true_error']})" if "true_error" in f else "false alarm"
        print(f"{name}: {f['code']} {f['text']!r} -> {f['suggestions'][:1]}  [{where}] {verdict}  "
              f"{f['line_text'][:140]}")


def print_table(results: dict[str, dict[str, Any]], names: dict[str, str]) -> None:
    """Findings per 10,000 words by rule, one column per corpus and one for all together."""
    cols = list(results)
    print("| rule | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    print("| words | " + " | ".join(f"{results[c]['words']:,}" for c in cols) + " |")
    for code in sorted({code for r in results.values() for code in r["counts"]}):
        cells = [f"{results[c]['by_rule'].get(code, 0.0):.2f} ({results[c]['counts'].get(code, 0)})" for c in cols]
        print(f"| {code} {names.get(code, '')} | " + " | ".join(cells) + " |")
    cells = [f"**{results[c]['per_10k_words']:.2f}** ({results[c]['false_alarms']})" for c in cols]
    print("| false alarms, all rules | " + " | ".join(cells) + " |")
    cells = [f"{results[c]['true_errors']}" for c in cols]
    print("| true errors of the text (not counted above) | " + " | ".join(cells) + " |")
    cells = [f"{results[c]['findings_per_10k_words']:.2f} ({results[c]['findings']})" for c in cols]
    print("| all findings | " + " | ".join(cells) + " |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bbc", type=Path, help="bbc-fulltext.zip (or TERMCHECK_BBC)")
    ap.add_argument("--reuters", type=Path, help="a folder of Reuters-21578 reut2-*.sgm files (or TERMCHECK_REUTERS)")
    ap.add_argument("--wmt12", type=Path, help="the wmt12-data/plain folder (or TERMCHECK_WMT12)")
    ap.add_argument("--show", action="store_true", help="print every finding")
    ap.add_argument("--json", action="store_true", help="print the rates as JSON")
    ap.add_argument("--true-errors", type=Path, default=TRUE_ERRORS,
                    help="the reviewed table of findings that are real errors of the text (default: %(default)s)")
    args = ap.parse_args()
    table = read_true_errors(args.true_errors)
    texts, notes = corpora(args)
    results: dict[str, dict[str, Any]] = {}
    found: dict[str, list[dict[str, Any]]] = {}
    for name, docs in texts.items():
        found[name] = lint(name, docs)
        mark_true_errors(name, found[name], table)
        results[name] = summarise(len(docs), sum(len(re.findall(r"\w+", t)) for t in docs), found[name])
        if args.show:
            show(name, found[name])
    originals = [name for name in results if name not in TRANSLATIONS]
    if len(originals) > 2:  # with the BBC: the false-alarm rate on English written as English
        results["originals"] = pooled(results, found, originals)
    if len(originals) < len(results):
        results["all"] = pooled(results, found, list(found))
    matched = {(name, Path(f["path"]).stem, f["code"], f["text"]) for name, fs in found.items() for f in fs}
    stale = [key for key in table if key[0] in found and key not in matched]
    for key in stale:
        print(f"Note: {args.true_errors.name} lists {' '.join(key)!r}, which no finding matches now.", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for note in notes:
        print(f"Note: {note}.")
    for name, r in results.items():
        rules = ", ".join(f"{c} {v}" for c, v in r["by_rule"].items()) or "none"
        print(f"{name}: {r['documents']} documents, {r['words']} words, {r['findings']} findings, of which "
              f"{r['true_errors']} real errors of the text; {r['false_alarms']} false alarms, "
              f"{r['per_10k_words']} per 10,000 words (by rule: {rules})")
    print("\nFalse alarms per 10,000 words (count in brackets):\n")
    print_table(results, {f["code"]: f.get("name", "") for fs in found.values() for f in fs})
    if "wmt12-ref" in results:
        print("\n`originals`: Lee, the seed, the BBC and Reuters, English written as English: every finding is a false "
              "alarm. `wmt12-ref` is human translation, where some findings are the translators' own slips "
              "(numbers left in the source format, a French acronym), so `all` is an upper bound on false alarms.")


if __name__ == "__main__":
    main()
