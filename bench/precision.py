#!/usr/bin/env python3
"""False alarms on clean human-written English news: findings per 10,000 words, by rule.

Every finding on these texts is a false alarm, so this is the precision side of accuracy.
The corpus is the Lee news corpus that ships as test data inside the `gensim` package
(350 Australian news articles), plus the English-original seed article.

    pip install gensim && python bench/precision.py [--show] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lee_documents() -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_corpus import lee_articles  # the benchmark reads the same corpus

    return lee_articles()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print every finding")
    ap.add_argument("--json", action="store_true", help="print the rates as JSON")
    args = ap.parse_args()
    docs = lee_documents()
    seed = next((ROOT / "seeds").glob("english-original_*.txt")).read_text(encoding="utf-8")
    results = {}
    for name, texts in (("lee", docs), ("english-seed", [seed])):
        with tempfile.TemporaryDirectory() as tmp:
            for i, text in enumerate(texts):
                (Path(tmp) / f"{name}-{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
            proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", tmp, "--format", "json", "--lang", "en"],
                                  capture_output=True, text=True)
            if proc.returncode not in (0, 1):
                sys.exit(proc.stderr)
            findings = json.loads(proc.stdout)["findings"]
        words = sum(len(re.findall(r"\w+", t)) for t in texts)
        by_rule = Counter(f["code"] for f in findings)
        results[name] = {"documents": len(texts), "words": words, "findings": len(findings),
                         "per_10k_words": round(len(findings) * 10000 / words, 2),
                         "by_rule": {c: round(n * 10000 / words, 2) for c, n in sorted(by_rule.items())}}
        if args.show:
            for f in findings:
                where = f"{Path(f['path']).name}:{f['line']}"
                print(f"{name}: {f['code']} {f['text']!r} -> {f['suggestions'][:1]}  [{where}]")
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        rules = ", ".join(f"{c} {v}" for c, v in r["by_rule"].items()) or "none"
        print(f"{name}: {r['documents']} documents, {r['words']} words, {r['findings']} findings, "
              f"{r['per_10k_words']} per 10,000 words (by rule: {rules})")


if __name__ == "__main__":
    main()
