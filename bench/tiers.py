#!/usr/bin/env python3
"""Benchmark tiers of distinct real news: many small files, mid-sized files, a few 1 MB files.

Each tier is written from real English news read where it lies (never copied into this
repository): the BBC News full texts (bbc-fulltext.zip), Reuters-21578 stories (reut2-*.sgm)
and the WMT12 English reference (newstest2012-ref.en), read as bench/precision.py reads them.
Within a tier no text appears twice (the BBC zip holds 98 exact duplicates, dropped), so no
tool gains from a repeated paragraph; tiers may draw on the same articles as each other.

- `snippets`: 2,000 BBC articles, one file each (median ~2 KB);
- `20k`: 50 files of ~20 KB, Reuters stories and WMT12 blocks of 25 sentences, in turn;
- `1mb`: 5 files of ~1 MB, each a run of BBC articles and Reuters stories (none twice; 4
  files from the BBC alone);
- `one`: one BBC article of the median size (what a pre-commit hook checks).

    python bench/tiers.py --bbc PATH/bbc-fulltext.zip --reuters DIR --wmt12 DIR --out DIR
"""

from __future__ import annotations

import argparse
import random
import statistics
from dataclasses import dataclass
from pathlib import Path

from precision import bbc_documents, reuters_documents, wmt12_reference_documents

SNIPPETS = 2000
MID_FILES, MID_BYTES = 50, 20_000
BIG_FILES, BIG_BYTES = 5, 1_000_000


@dataclass
class Tier:
    name: str
    label: str
    folder: Path
    files: int
    megabytes: float


def distinct(texts: list[str]) -> list[str]:
    """The texts in their order, each once (stripped)."""
    seen: set[str] = set()
    out = []
    for t in (t.strip() for t in texts):
        if t and t not in seen:
            seen.add(t)
            out.append(t)
    return out


def pack(texts: list[str], files: int, size: int) -> list[str]:
    """Up to `files` texts of about `size` bytes, each a run of articles taken in order, none
    twice: fewer when the sources run out (the BBC alone makes four 1 MB files, not five)."""
    out: list[str] = []
    it = iter(texts)
    for _ in range(files):
        parts: list[str] = []
        length = 0
        while length < size:
            try:
                parts.append(next(it))
            except StopIteration:
                if not out:
                    raise SystemExit(f"not enough distinct text for one file of {size} bytes") from None
                return out
            length += len(parts[-1].encode("utf-8")) + 2
        out.append("\n\n".join(parts) + "\n")
    return out


def write(folder: Path, prefix: str, texts: list[str]) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, text in enumerate(texts):
        data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
        (folder / f"{prefix}-{i:04d}.txt").write_bytes(data)
        total += len(data)
    return total / 1e6


def build(out: Path, bbc: Path, reuters: Path | None, wmt12: Path | None) -> dict[str, Tier]:
    """Write the tiers under `out` (a fresh folder) and describe them."""
    articles = distinct(bbc_documents(bbc))
    stories = distinct(reuters_documents(reuters)) if reuters else []
    blocks = distinct(wmt12_reference_documents(wmt12)) if wmt12 else []
    rng = random.Random(20261207)
    small = rng.sample(articles, min(SNIPPETS, len(articles)))
    # Reuters and WMT12 taken in turn, then the BBC if they run short: 20 KB of other sources.
    mixed = [t for pair in zip(stories, blocks, strict=False) for t in pair]
    mixed += stories[len(blocks):] + blocks[len(stories):]
    chosen = set(small)
    mid = pack(mixed + [a for a in articles if a not in chosen] + small, MID_FILES, MID_BYTES)
    pool = articles + stories
    rng.shuffle(pool)
    big = pack(pool, BIG_FILES, BIG_BYTES)
    median = statistics.median_low(len(a.encode("utf-8")) for a in articles)
    one = next(a for a in articles if len(a.encode("utf-8")) == median)
    tiers = {}
    for name, label, texts in (("snippets", f"{len(small):,} articles, one file each", small),
                               ("20k", f"{len(mid)} files of ~20 KB", mid),
                               ("1mb", f"{len(big)} files of ~1 MB", big),
                               ("one", "one article", [one])):
        folder = out / name
        tiers[name] = Tier(name, label, folder, len(texts), write(folder, name, texts))
    return tiers


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bbc", type=Path, required=True)
    ap.add_argument("--reuters", type=Path)
    ap.add_argument("--wmt12", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    for t in build(args.out, args.bbc, args.reuters, args.wmt12).values():
        print(f"{t.name}: {t.files} files, {t.megabytes:.2f} MB in {t.folder}")


if __name__ == "__main__":
    main()
