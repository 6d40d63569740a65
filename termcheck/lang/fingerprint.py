"""Which language an article was most likely translated from, from the evidence its
findings carry (French acronyms, French romanisation, French calques …)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from termcheck.findings import Finding

# Some clues say more than others: a known French form is near proof, a romanisation a hint.
WEIGHTS = {"TC101": 2.0, "TC201": 2.0, "TC401": 2.0, "TC301": 1.5, "TC302": 1.5, "TC202": 1.0, "TC203": 1.0,
           "TC501": 3.0, "TC502": 1.5, "TC802": 3.0}


def source_language(findings: list[Finding], doc_lang: str) -> dict[str, Any]:
    votes: defaultdict[str, float] = defaultdict(float)
    for f in findings:
        if f.origin and f.origin != doc_lang:
            votes[f.origin] += WEIGHTS.get(f.code, 1.0)
    if not votes:
        return {}
    lang, top = max(sorted(votes.items()), key=lambda kv: kv[1])
    share = top / sum(votes.values())
    # More clues make a surer guess: 2 strong clues give 0.75, 6 give 0.98.
    confidence = share * (1 - 0.5 ** (top / 2))
    return {"source_lang": lang, "source_confidence": round(confidence, 2),
            "source_evidence": {k: round(v, 1) for k, v in sorted(votes.items())}}
