"""Each input-size path of issue 12 (points 1-6) on input of size N and 2N: the time ratio.

A path that grows with the square of its input shows about 4; a linear one about 2; a
bounded one (refused or capped input) about 1. Run from the top of the repository:

    python bench/doubling.py            # N as below; --scale 2 doubles every N
    python bench/doubling.py --only html

Prints a Markdown table (bench/README.md holds the latest). Each time is the best of
--repeat runs, so that a busy machine does not make a ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from termcheck.document import Span  # noqa: E402
from termcheck.engine import resolve_overlaps  # noqa: E402
from termcheck.findings import Finding, Severity  # noqa: E402

ARTICLE = "Fighting continued in the Idleb region, where the cafe owner said the talks failed. "


def _overlaps(n: int) -> Callable[[], object]:
    findings = [Finding("TC201", "x", "m", Span(i * 3, i * 3 + 5), Severity.ERROR, precedence=25 + i % 3)
                for i in range(n)]
    return lambda: resolve_overlaps(findings)


def _lint_article(n: int) -> Callable[[], object]:
    """The whole engine on an article with one finding per sentence (point 1 as the issue ran it)."""
    from termcheck.api import Checker
    from termcheck.config import Settings
    from termcheck.runner import LintOptions, lint

    folder = Path(tempfile.mkdtemp())
    (folder / "one.txt").write_text(ARTICLE * n, encoding="utf-8")
    settings = Settings(lang="en", select=["TC201"])
    checker = Checker(settings)
    return lambda: lint(LintOptions([folder / "one.txt"], settings, jobs=1), checker)


def _acronyms(n: int) -> Callable[[], object]:
    from termcheck.rules.acronyms import _known_name_acronym

    text = "The United Nations (UN) said talks would resume. " * n
    parens = [i for i in range(len(text)) if text.startswith("(UN)", i)]
    return lambda: [_known_name_acronym({}, text, p, "UN", "en") for p in parens]


def _markers(n: int) -> Callable[[], object]:
    from termcheck.suppression import find_markers

    text = "Rebels left Idleb. " + "[termcheck: ignore TC201] " * n + "\n\n\nIdleb again.\n"
    return lambda: find_markers(text)


def _html(unit: str) -> Callable[[int], Callable[[], object]]:
    def make(n: int) -> Callable[[], object]:
        from termcheck.io.markup.html import html_prose

        text = unit * n
        return lambda: html_prose(text)

    return make


def _score(n: int) -> Callable[[], object]:
    """BLEU, chrF and TER of n sentence lines (a line over 10,000 characters is refused, see below)."""
    from termcheck.score import Scorer

    scorer = Scorer()
    hyps = [f"{ARTICLE}{i}" for i in range(n)]
    refs = [h.replace("cafe", "café") for h in hyps]
    return lambda: scorer.score(hyps, refs)


def _score_long_line(n: int) -> Callable[[], object]:
    from termcheck.errors import InputError
    from termcheck.score import Pair, aligned

    folder = Path(tempfile.mkdtemp())
    (folder / "ref.txt").write_text(ARTICLE * n + "\n", encoding="utf-8")
    pair = Pair(folder / "hyp.txt", folder / "ref.txt")

    def run() -> object:
        try:
            return aligned(pair, ARTICLE * n + "\n", str)
        except InputError as err:
            return err

    return run


def _huge_repeat(n: int) -> Callable[[], object]:
    import re

    from termcheck.glossary.safe_regex import compile_bounded

    def run() -> object:
        try:
            return compile_bounded(f"a{{{n}}}")
        except re.error as err:
            return err

    return run


def _baseline(n: int) -> Callable[[], object]:
    """A baseline of n entries; /dev/zero is refused at once (see the last row)."""
    from termcheck.baseline import load_baseline

    folder = Path(tempfile.mkdtemp())
    path = folder / "baseline.json"
    path.write_text(json.dumps({"version": 1, "findings": [
        {"path": f"a{i}.txt", "code": "TC201", "text": "Idleb", "occurrence": 0} for i in range(n)]}),
        encoding="utf-8")
    return lambda: load_baseline(path)


def _baseline_dev_zero(n: int) -> Callable[[], object]:
    from termcheck.baseline import load_baseline
    from termcheck.errors import ConfigError

    def run() -> object:
        try:
            return load_baseline(Path("/dev/zero"))
        except ConfigError as err:
            return err

    return run


# name, point, what N counts, N, the builder
CASES: list[tuple[str, int, str, int, Callable[[int], Callable[[], object]]]] = [
    ("overlaps", 1, "findings", 100_000, _overlaps),
    ("lint-article", 1, "sentences (84 B, one finding each)", 12_000, _lint_article),
    ("acronyms", 2, "'(UN)' in the text", 200_000, _acronyms),
    ("markers", 3, "markers on one line", 20_000, _markers),
    ("html-unclosed-tag", 4, "'<b '", 100_000, _html("<b ")),
    ("html-unclosed-comment", 4, "'<!--'", 100_000, _html("<!--")),
    ("html-unclosed-quote", 4, "'<a x=\"'", 100_000, _html('<a x="')),
    ("score", 5, "lines", 2_000, _score),
    ("score-long-line", 5, "sentences on one line (refused)", 20_000, _score_long_line),
    ("regex-huge-repeat", 6, "repeat count (refused)", 10**8, _huge_repeat),
    ("baseline", 6, "entries", 100_000, _baseline),
    ("baseline-dev-zero", 6, "(refused, N unused)", 1, _baseline_dev_zero),
]


def best_of(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args()
    os.environ.setdefault("CI", "1")  # no progress bar
    print("| path | issue point | N counts | N | time N (s) | time 2N (s) | ratio |")
    print("|---|---|---|---|---|---|---|")
    for name, point, unit, n, build in CASES:
        if args.only and args.only not in name:
            continue
        n = max(1, int(n * args.scale))
        small, large = best_of(build(n), args.repeat), best_of(build(2 * n), args.repeat)
        ratio = large / small if small > 0 else float("nan")
        print(f"| {name} | {point} | {unit} | {n:,} | {small:.3f} | {large:.3f} | {ratio:.2f} |", flush=True)


if __name__ == "__main__":
    main()
