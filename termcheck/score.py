"""`termcheck score`: BLEU, chrF and TER against human references, with sacrebleu's signatures.

sacrebleu is imported only when scores are computed: it is slow to import and `lint` never
needs it. Hypotheses and references are paired by path and aligned line by line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from termcheck.errors import InputError, TermcheckError
from termcheck.io.discovery import discover
from termcheck.io.textio import read_article

METRICS = ("bleu", "chrf", "ter")
LABELS = {"bleu": "BLEU", "chrf": "chrF", "ter": "TER"}

# (path) -> (the hypothesis as termcheck's safe fixes leave it, number of fixes applied)
FixFn = Callable[[Path], tuple[str, int]]


@dataclass(frozen=True)
class Pair:
    hyp: Path
    ref: Path


@dataclass
class DocScore:
    hyp: str
    ref: str
    lines: int
    scores: dict[str, float]
    fixed: dict[str, float] | None = None
    fixes: int = 0


@dataclass
class ScoreReport:
    documents: list[DocScore]
    corpus: dict[str, float]
    signatures: dict[str, str]
    fixed: dict[str, float] | None = None
    fixes: int = 0
    lines: int = 0


def pair_paths(hyps: list[Path], refs: list[Path], include: list[str], exclude: list[str]) -> list[Pair]:
    """One reference per hypothesis, in order, or one reference folder for every hypothesis.

    A file pairs with a file, or with the file of the same name in a reference folder; a
    folder pairs with a folder, file by relative path. A file on either side without its
    counterpart is an error.
    """
    if not hyps:
        raise TermcheckError("no hypothesis files given")
    if len(refs) == 1 and len(hyps) > 1 and refs[0].is_dir():
        refs = refs * len(hyps)
    if len(refs) != len(hyps):
        raise TermcheckError(f"{len(hyps)} hypotheses but {len(refs)} references: give one --ref per hypothesis "
                             "or one reference folder")
    pairs: list[Pair] = []
    for hyp, ref in zip(hyps, refs, strict=True):
        for path in (hyp, ref):
            if not path.exists():
                raise InputError("no such file or folder", path)
        if hyp.is_dir():
            if not ref.is_dir():
                raise InputError("is a folder, so its reference must be a folder too", hyp)
            pairs.extend(_pair_folders(hyp, ref, include, exclude))
        else:
            target = ref / hyp.name if ref.is_dir() else ref
            if not target.is_file():
                raise InputError(f"no reference (expected {target})", hyp)
            pairs.append(Pair(hyp, target))
    return pairs


def _pair_folders(hyp: Path, ref: Path, include: list[str], exclude: list[str]) -> list[Pair]:
    hyp_files, _ = discover([hyp], include, exclude)
    ref_files, _ = discover([ref], include, exclude)
    hyp_rel = {p.relative_to(hyp).as_posix(): p for p in hyp_files}
    ref_rel = {p.relative_to(ref).as_posix(): p for p in ref_files}
    for rel, path in sorted(hyp_rel.items()):
        if rel not in ref_rel:
            raise InputError(f"no reference (expected {ref / rel})", path)
    for rel, path in sorted(ref_rel.items()):
        if rel not in hyp_rel:
            raise InputError(f"reference without a hypothesis (expected {hyp / rel})", path)
    if not hyp_rel:
        raise InputError("no files to score in this folder", hyp)
    return [Pair(hyp_rel[rel], ref_rel[rel]) for rel in sorted(hyp_rel)]


def split_lines(text: str) -> list[str]:
    """Lines as LineIndex counts them (CR, LF, CRLF); a final line break does not start a line."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def read_text(path: Path) -> str:
    return read_article(path).text


class Scorer:
    """sacrebleu's BLEU, chrF and TER with their default settings (those of WMT and its CLI)."""

    def __init__(self) -> None:
        # Slow imports: only when scoring.
        from sacrebleu.metrics.bleu import BLEU
        from sacrebleu.metrics.chrf import CHRF
        from sacrebleu.metrics.ter import TER

        self.metrics = {"bleu": BLEU(), "chrf": CHRF(), "ter": TER()}

    def score(self, hyps: list[str], refs: list[str]) -> dict[str, float]:
        # sacrebleu takes a list of reference streams: one stream, aligned with the hypotheses.
        return {name: float(m.corpus_score(hyps, [refs]).score) for name, m in self.metrics.items()}

    def signatures(self) -> dict[str, str]:
        return {name: str(m.get_signature()) for name, m in self.metrics.items()}


# TER's edit distance (sacrebleu's, with shifts) takes time and memory that grow with the square of
# a line's length: one line of 84 KB took 27 s and 3 GB. A news paragraph is under 2,000 characters.
MAX_LINE_CHARS = 10_000


def _check_line_lengths(lines: list[str], path: str) -> None:
    for n, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(f"line of {len(line):,} characters; lines over {MAX_LINE_CHARS:,} are not scored "
                             "(TER grows with the square of a line's length): split it, and its reference, "
                             "into sentences", path, n)


def aligned(pair: Pair, hyp_text: str, label: Callable[[Path], str]) -> tuple[list[str], list[str]]:
    hyp_lines, ref_lines = split_lines(hyp_text), split_lines(read_text(pair.ref))
    _check_line_lengths(hyp_lines, label(pair.hyp))
    _check_line_lengths(ref_lines, label(pair.ref))
    if not hyp_lines:
        raise InputError("is empty: nothing to score", label(pair.hyp))
    if len(hyp_lines) != len(ref_lines):
        raise InputError(f"{len(hyp_lines)} lines, but its reference {label(pair.ref)} has {len(ref_lines)}; "
                         "hypothesis and reference must be aligned line by line", label(pair.hyp))
    return hyp_lines, ref_lines


def score_pairs(pairs: list[Pair], label: Callable[[Path], str] = str, fixer: FixFn | None = None) -> ScoreReport:
    """Scores per document and for the corpus (all documents' lines together); with `fixer`, the
    same scores for the hypotheses as termcheck's safe fixes leave them."""
    texts = [(pair, *aligned(pair, read_text(pair.hyp), label)) for pair in pairs]
    fixed_texts: list[tuple[list[str], int]] = []
    if fixer is not None:
        for pair, hyp_lines, _ in texts:
            text, n = fixer(pair.hyp)
            lines = split_lines(text)
            if len(lines) != len(hyp_lines):  # the fixer keeps lines; this guards that promise
                raise InputError("fixes changed the number of lines", label(pair.hyp))
            fixed_texts.append((lines, n))
    scorer = Scorer()
    docs: list[DocScore] = []
    all_hyp: list[str] = []
    all_ref: list[str] = []
    all_fixed: list[str] = []
    for i, (pair, hyp_lines, ref_lines) in enumerate(texts):
        doc = DocScore(label(pair.hyp), label(pair.ref), len(hyp_lines), scorer.score(hyp_lines, ref_lines))
        if fixer is not None:
            fixed_lines, doc.fixes = fixed_texts[i]
            doc.fixed = scorer.score(fixed_lines, ref_lines)
            all_fixed.extend(fixed_lines)
        docs.append(doc)
        all_hyp.extend(hyp_lines)
        all_ref.extend(ref_lines)
    report = ScoreReport(docs, scorer.score(all_hyp, all_ref), scorer.signatures(), lines=len(all_hyp))
    if fixer is not None:
        report.fixed = scorer.score(all_fixed, all_ref)
        report.fixes = sum(d.fixes for d in docs)
    return report
