"""Reviewed TSV tables of the benchmarks (bench/precision-true-errors.tsv,
bench/realmt-reference-slips.tsv): '#' comments, a header row, then rows of non-empty cells.
A malformed table stops the run with the file and line, as termcheck's own inputs do."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path


def rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each row under the expected header."""
    header = True
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header:
            if tuple(cells) != columns:
                sys.exit(f"{path}:{number}: expected the header {chr(9).join(columns)!r}")
            header = False
            continue
        if len(cells) != len(columns) or not all(c.strip() for c in cells):
            sys.exit(f"{path}:{number}: a row needs {len(columns)} non-empty tab-separated cells")
        yield number, cells
