#!/usr/bin/env python3
"""Build the benchmark corpus: real English news replicated to a given size.

The articles are the Lee news corpus that ships as test data inside the `gensim` package
(lee_background.cor and lee.cor: one Australian news article per line) and the two seed
articles in seeds/ (one of them machine-translated from French, so that every rule has
something to find). Each corpus file holds about 16 KB: a dozen articles as paragraphs,
every fourth file with a seed article in it. Files are grouped in 16 shards of equal size
(shard-00 … shard-15), so that 1x, 4x and 16x are the first 1, 4 and 16 shards.

    python bench/make_corpus.py [--mb 50] [--out bench/corpus]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARDS = 16
FILE_BYTES = 16 * 1024
SEED_EVERY = 4


def lee_articles() -> list[str]:
    try:
        import gensim  # type: ignore[import-untyped]
    except ImportError:
        sys.exit("the benchmark needs the gensim package for the Lee corpus: pip install -e '.[bench]'")
    data = Path(gensim.__file__).parent / "test" / "test_data"
    articles: list[str] = []
    for name in ("lee_background.cor", "lee.cor"):
        text = (data / name).read_text(encoding="utf-8", errors="replace")
        articles.extend(line.strip() for line in text.splitlines() if line.strip())
    return articles


def seed_articles() -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "seeds").glob("*.txt"))]


def corpus_files(articles: list[str], seeds: list[str], total_bytes: int) -> list[str]:
    """Texts of the corpus files, in order, until `total_bytes` is reached."""
    rng = random.Random(20240601)
    files: list[str] = []
    size = 0
    n = 0
    while size < total_bytes:
        parts: list[str] = []
        length = 0
        if n % SEED_EVERY == 0 and seeds:
            parts.append(seeds[(n // SEED_EVERY) % len(seeds)])
            length += len(parts[-1])
        while length < FILE_BYTES:
            parts.append(articles[rng.randrange(len(articles))])
            length += len(parts[-1]) + 2
        rng.shuffle(parts)
        text = "\n\n".join(parts) + "\n"
        files.append(text)
        size += len(text.encode("utf-8"))
        n += 1
    return files


def shard_paths(out: Path, count: int) -> list[Path]:
    """The first `count` shards (1, 4 or 16) of a built corpus."""
    return [out / f"shard-{i:02d}" for i in range(count)]


def build(out: Path, megabytes: float) -> tuple[int, int]:
    """Write the corpus (replacing an old one); returns (files, bytes)."""
    if out.exists():
        shutil.rmtree(out)
    files = corpus_files(lee_articles(), seed_articles(), int(megabytes * 1_000_000))
    per_shard = -(-len(files) // SHARDS)
    total = 0
    for i, text in enumerate(files):
        folder = out / f"shard-{i // per_shard:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"news-{i:05d}.txt").write_bytes(data)
        total += len(data)
    return len(files), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    args = parser.parse_args()
    n, size = build(args.out, args.mb)
    print(f"{n} files, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
