"""--statistics: how many findings each rule made, and each flagged term (the wrong form and
what it should be), most frequent first; the summary line closes it, as in the text report."""

from __future__ import annotations

from collections import Counter

from termcheck.findings import Finding
from termcheck.io.terminal import printable
from termcheck.report.text import summary
from termcheck.results import RunResult

Term = tuple[str, str, str | None]  # rule, flagged text and first suggestion ("": delete), case-folded


def _term(f: Finding) -> Term:
    return f.code, f.text.casefold(), f.suggestions[0].casefold() if f.suggestions else None


def render(result: RunResult) -> str:
    rules: Counter[tuple[str, str]] = Counter()
    fixable: Counter[str] = Counter()
    terms: Counter[Term] = Counter()
    shown: dict[Term, Finding] = {}  # one term whatever its case ('Idleb', 'IDLEB'), shown as first met
    for _, f in result.findings:
        rules[(f.code, f.name)] += 1
        fixable[f.code] += f.fix is not None and f.fix.applicability.value == "safe"
        terms[_term(f)] += 1
        shown.setdefault(_term(f), f)
    width = len(str(max(rules.values(), default=1)))
    lines = ["Findings by rule:"] if rules else []
    for (code, name), n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
        tail = f"  ({fixable[code]} fixable with --fix)" if fixable[code] else ""
        lines.append(f"  {n:>{width}}  {code}  {name}{tail}")
    if terms:
        lines.append("Findings by flagged term:")
    for term, n in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1], kv[0][2] or "")):
        first = shown[term]
        suggestion = first.suggestions[0] if first.suggestions else None
        arrow = "" if suggestion is None else " -> " + ("delete" if suggestion == "" else repr(suggestion))
        lines.append(printable(f"  {n:>{width}}  {term[0]}  {first.text!r}{arrow}"))
    lines.append(summary(result))
    return "\n".join(lines) + "\n"
