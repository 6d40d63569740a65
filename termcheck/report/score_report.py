"""Rendering of `termcheck score`: a table of BLEU, chrF and TER with signatures, or JSON."""

from __future__ import annotations

import json
from typing import Any

from termcheck.score import LABELS, METRICS, ScoreReport

VERSION = 1


def _metric_objects(scores: dict[str, float], signatures: dict[str, str]) -> dict[str, Any]:
    return {m: {"score": scores[m], "signature": signatures[m]} for m in METRICS}


def render_json(report: ScoreReport) -> str:
    data: dict[str, Any] = {
        "version": VERSION,
        "files": len(report.documents),
        "lines": report.lines,
        **_metric_objects(report.corpus, report.signatures),
    }
    if report.fixed is not None:
        data["fixed"] = {**_metric_objects(report.fixed, report.signatures), "fixes": report.fixes}
    docs = []
    for d in report.documents:
        doc: dict[str, Any] = {"path": d.hyp, "ref": d.ref, "lines": d.lines, **{m: d.scores[m] for m in METRICS}}
        if d.fixed is not None:
            doc["fixed"] = {**{m: d.fixed[m] for m in METRICS}, "fixes": d.fixes}
        docs.append(doc)
    data["documents"] = docs
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _row(label: str, scores: dict[str, float], width: int, cell_width: int,
         base: dict[str, float] | None = None) -> str:
    cells = []
    for m in METRICS:
        cell = f"{scores[m]:.2f}"
        if base is not None:
            # The change the fixes made; for TER (an error rate) lower is better.
            cell += f" ({scores[m] - base[m]:+.2f})"
        cells.append(f"{cell:>{cell_width}}")
    return f"{label:<{width}}" + "".join(f"  {c}" for c in cells)


def render_text(report: ScoreReport) -> str:
    fixed = report.fixed is not None
    rows: list[tuple[str, dict[str, float], dict[str, float] | None]] = []
    for d in report.documents:
        rows.append((f"{d.hyp} ({d.lines} lines)", d.scores, None))
        if d.fixed is not None:
            rows.append((f"  after {d.fixes} safe fix{'es' if d.fixes != 1 else ''}", d.fixed, d.scores))
    n = len(report.documents)
    rows.append((f"corpus ({n} file{'s' if n != 1 else ''}, {report.lines} lines)", report.corpus, None))
    if report.fixed is not None:
        rows.append((f"  after {report.fixes} safe fix{'es' if report.fixes != 1 else ''}", report.fixed,
                     report.corpus))
    width = max(len(label) for label, _, _ in rows)
    cell = 16 if fixed else 6
    header = f"{'':<{width}}" + "".join(f"  {LABELS[m]:>{cell}}" for m in METRICS)
    lines = [header, *(_row(label, scores, width, cell, base) for label, scores, base in rows), ""]
    lines += [f"{LABELS[m]} signature: {report.signatures[m]}" for m in METRICS]
    return "\n".join(lines) + "\n"
