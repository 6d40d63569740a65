"""The HTML report for translators and sub-editors: one self-contained file.

Summary (files, findings by severity and rule family, likely source language, a bar chart),
then each article with its findings highlighted in place (beside its source, sentence pair by
sentence pair, when it was checked with one: termcheck.report.bitext), a list of the findings
with copyable suggestions, and a glossary of the rules. Articles with findings come first.

The script (assets/report.js) adds what a reader does with the findings: a view grouped by
flagged term beside the per-article one, decisions (accept, ignore) kept in the browser and
exported as a baseline file, and exports of the findings as CSV and XLSX. It reads them from
one JSON block (`#tc-data`: per finding its table row and baseline key) instead of the page's
elements, and the XLSX workbook (termcheck.report.xlsx, made with openpyxl) is in the page,
base64-encoded, so the report stays one file that works offline.

Styles and script are inlined from assets/ and a Content-Security-Policy forbids any network
access. Everything that comes from an article, its source, a glossary or a path is escaped
(termcheck.report.marks; in the JSON block, `<`, `>` and `&` are written as \\u escapes).
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

from termcheck import __version__
from termcheck.findings import Finding, Severity
from termcheck.report import bitext
from termcheck.report.marks import attribute as _a
from termcheck.report.marks import highlight
from termcheck.report.marks import text_node as _t
from termcheck.report.table import COLUMNS, baseline_keys, ordered_files, row
from termcheck.results import FileResult, RunResult
from termcheck.rules import Rule, all_rules

FAMILIES = {"0": "meta", "1": "terms", "2": "transliteration", "3": "mistranslation", "4": "acronyms",
            "5": "language", "6": "consistency", "7": "residue"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _asset(name: str) -> str:
    return (files("termcheck.report") / "assets" / name).read_text(encoding="utf-8")


def lang_name(code: object) -> str:
    from termcheck.rules.names import LANG_NAMES

    return LANG_NAMES.get(str(code), str(code))


def family(code: str) -> str:
    return f"TC{code[2]}xx {FAMILIES.get(code[2], '')}".strip()


# --- pieces ----------------------------------------------------------------------------------

def _suggestion(s: str) -> str:
    shown = "(delete)" if s == "" else s
    label = "Copy" if s else "Copy (empty)"
    return (f'<li><code>{_t(shown)}</code> <button type="button" class="copy" data-copy="{_a(s)}" '
            f'aria-label="Copy suggestion {_a(shown)}">{label}</button></li>')


def finding_item(fr: FileResult, f: Finding, idx: int, file_idx: int) -> str:
    line, col = fr.position(f.span.start)
    parts = [
        f'<li class="finding-item sev-{f.severity.value}" id="item-{idx}" data-idx="{idx}">',
        f'<a class="loc" href="#f-{idx}">line {line}, column {col}</a> '
        f'<span class="badge sev-{f.severity.value}">{f.severity.value}</span> '
        f'<a class="code" href="#rule-{_a(f.code)}">{_t(f.code)} {_t(f.name)}</a>',
        f'<p class="msg">{_t(f.message)}</p>',
        f'<p class="flagged small">Flagged: <q>{_t(f.text)}</q>'
        + (f' · glossary entry <code>{_t(f.entry)}</code>' if f.entry else "")
        + (f' · fix: {_t(f.fix.applicability.value)}' if f.fix else "") + "</p>",
        bitext.source_excerpt(fr, f),
    ]
    if f.suggestions:
        parts.append('<ul class="suggestions" aria-label="Suggestions">'
                     + "".join(_suggestion(s) for s in f.suggestions) + "</ul>")
    parts.append("</li>")
    return "".join(parts)


def _bars(rows: Iterable[tuple[str, int, str]], total: int) -> str:
    out = []
    for label, n, cls in rows:
        pct = 0 if not total else round(100 * n / total, 1)
        out.append(f'<div class="bar-row"><span>{_t(label)}</span>'
                   f'<span class="bar {cls}" role="img" aria-label="{_a(label)}: {n}"><span style="width:{pct}%">'
                   f'</span></span><span class="v">{n}</span></div>')
    return "".join(out)


def summary(result: RunResult, order: list[FileResult]) -> str:
    total = result.total
    sev = [(s, result.count(s)) for s in Severity]
    fams = Counter(family(f.code) for _, f in result.findings)
    cards = [f'<div class="card"><span class="n">{len(result.files)}</span>file{"s" if len(result.files) != 1 else ""}'
             f'</div>', f'<div class="card"><span class="n">{total}</span>finding{"s" if total != 1 else ""}</div>']
    cards += [f'<div class="card {s.value}"><span class="n">{n}</span>{s.value}{"s" if n != 1 else ""}</div>'
              for s, n in sev]
    cards.append(f'<div class="card"><span class="n">{result.suppressed()}</span>suppressed</div>')
    rows = []
    for i, fr in enumerate(order):
        src = ""
        if fr.info.get("source_lang"):
            conf = fr.info.get("source_confidence")
            src = lang_name(fr.info["source_lang"]) + (f" ({float(conf):.0%})" if conf is not None else "")
        rows.append(f'<tr><td class="path"><a href="#doc-{i}">{_t(fr.path)}</a></td>'
                    f'<td>{_t(lang_name(fr.info.get("lang", fr.doc.lang)))}</td><td>{_t(src) or "—"}</td>'
                    f'<td class="num">{sum(fr.suppressed.values())}</td><td class="num">{len(fr.findings)}</td></tr>')
    return (
        '<section class="summary" id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        f'<div class="cards">{"".join(cards)}</div>'
        '<div class="charts">'
        f'<div class="chart"><h3>By severity</h3>{_bars(((s.value, n, s.value) for s, n in sev), total)}</div>'
        f'<div class="chart"><h3>By rule family</h3>{_bars(((k, n, "") for k, n in sorted(fams.items())), total)}'
        + ("" if fams else '<p class="small">No findings.</p>') + '</div></div>'
        '<table class="docs"><thead><tr><th>Article</th><th>Language</th><th>Likely translated from</th>'
        '<th class="num">Suppressed</th><th class="num">Findings</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></section>'
    )


def toolbar(result: RunResult, order: list[FileResult]) -> str:
    """Search, views and navigation in one row; filters and exports below it (behind a button
    on a phone, so that the bar stays a line or two high)."""
    sev = "".join(f'<label><input type="checkbox" data-filter="severity" value="{s.value}" checked> '
                  f'{s.value} ({result.count(s)})</label>' for s in Severity)
    codes = Counter((f.code, f.name) for _, f in result.findings)
    rules = "".join(f'<option value="{_a(c)}">{_t(c)} {_t(n)} ({k})</option>' for (c, n), k in sorted(codes.items()))
    docs = "".join(f'<option value="{i}">{_t(fr.path)} ({len(fr.findings)})</option>'
                   for i, fr in enumerate(order))
    return (
        '<nav class="toolbar" aria-label="Filter and navigate findings"><div class="inner">'
        '<div class="toolrow">'
        '<span class="views js-only" role="group" aria-label="View">'
        '<button type="button" id="tab-articles" aria-pressed="true">Articles</button>'
        '<button type="button" id="tab-terms" aria-pressed="false">By term</button></span>'
        '<input type="search" id="f-search" placeholder="Search findings (/)" aria-label="Search findings">'
        f'<span id="f-count" aria-live="polite">{result.total} findings</span>'
        '<span class="nav"><button type="button" id="prev" title="Previous finding (k or p)">&#8593; prev</button>'
        '<button type="button" id="next" title="Next finding (j or n)">next &#8595;</button></span>'
        '<button type="button" id="more" class="js-only" aria-expanded="false" aria-controls="filters">'
        'Filters &amp; export</button>'
        '</div>'
        '<div class="filters" id="filters">'
        f'<fieldset><legend>Severity</legend>{sev}</fieldset>'
        f'<label>Rule <select id="f-rule"><option value="">all rules</option>{rules}</select></label>'
        f'<label>File <select id="f-file"><option value="">all files</option>{docs}</select></label>'
        '<label class="js-only">Decision <select id="f-decision"><option value="">any</option>'
        '<option value="none">undecided</option><option value="accepted">accepted</option>'
        '<option value="ignored">ignored</option></select></label>'
        '<span class="exports js-only" role="group" aria-label="Export">Export '
        '<button type="button" id="export-csv" title="The findings shown, with your decisions">CSV</button>'
        '<button type="button" id="export-xlsx" title="Every finding, as an Excel workbook">XLSX</button>'
        '<button type="button" id="export-baseline" title="The findings you ignored, for termcheck lint '
        '--baseline">Baseline</button>'
        '<span id="decided" class="small"></span></span>'
        + ('<span class="small">This report was made with --baseline: an exported baseline counts the '
           'occurrences of the findings shown only, and may not silence repeated ones.</span>'
           if result.suppressed("baseline") else "")
        + '</div>'
        '</div></nav>'
    )


def article(fr: FileResult, file_idx: int, first_idx: int) -> str:
    """An article with its findings marked in place: its text, or, when it was checked with
    its source, the two side by side (termcheck.report.bitext)."""
    numbered = list(enumerate(fr.findings, start=first_idx))
    lang = fr.info.get("lang", fr.doc.lang)
    source = fr.doc.source
    rows = bitext.rows_for(fr)
    meta = [lang_name(lang)]
    if source is not None:
        meta.append(f"translated from {lang_name(source.lang)}: {bitext.source_label(fr, source)}")
        meta.extend(bitext.counts(rows))
    elif fr.info.get("source_lang"):
        conf = fr.info.get("source_confidence")
        meta.append(f"likely translated from {lang_name(fr.info['source_lang'])}"
                    + (f" ({float(conf):.0%} confidence)" if conf is not None else ""))
    meta.append(f"{len(fr.findings)} finding{'s' if len(fr.findings) != 1 else ''}")
    if sum(fr.suppressed.values()):
        meta.append(f"{sum(fr.suppressed.values())} suppressed")
    items = "".join(finding_item(fr, f, idx, file_idx) for idx, f in numbered)
    if source is not None:
        text = bitext.table(fr, rows, numbered, file_idx, lang_name(lang), lang_name(source.lang))
    else:
        text = f'<div class="text" lang="{_a(lang)}">{highlight(fr.doc.text, numbered, file_idx)}</div>'
    return (
        f'<section class="article" id="doc-{file_idx}" data-file="{file_idx}" aria-labelledby="doc-{file_idx}-h">'
        f'<h2 id="doc-{file_idx}-h">{_t(fr.path)}</h2><p class="docmeta">{_t(" · ".join(meta))}</p>'
        f"{text}"
        # The list is inside <noscript>: with scripting on, the browser keeps it as text (fast to
        # load) and report.js makes it into elements when the article comes near the screen, or
        # before printing; without scripting it is an ordinary list.
        + (f'<h3 class="small">Findings</h3><noscript data-list="{file_idx}"><ol class="findings">{items}</ol>'
           '</noscript>' if items else '<p class="small">No findings.</p>')
        + "</section>"
    )


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_t(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def rule_glossary(rules: list[Rule]) -> str:
    entries = []
    for r in rules:
        entries.append(
            f'<dt id="rule-{_a(r.code)}">{_t(r.code)} {_t(r.name)} '
            f'<span class="badge sev-{r.severity.value}">{r.severity.value}</span>'
            + (' <span class="small">fixable</span>' if r.fixable else "") + "</dt>"
            f"<dd><p>{_t(r.summary)}</p>{_paragraphs(r.explanation)}"
            f'<p class="small">Flagged:</p><pre>{_t(r.flagged_example.strip())}</pre>'
            f'<p class="small">Not flagged:</p><pre>{_t(r.clean_example.strip())}</pre></dd>')
    return ('<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules</h2>'
            f'<dl class="rules">{"".join(entries)}</dl></section>')


def _json_script(element_id: str, data: object) -> str:
    """Data for the script, in a block the browser never runs; `<`, `>` and `&` escaped so that
    no text (an article's, a path) can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def report_data(result: RunResult, order: list[FileResult]) -> dict[str, Any]:
    """What the script reads: the table's columns, one row per finding (in the page's order)
    with its file's index and its key in a baseline written in the working folder. Text cells
    are indexes into `strings` (a message or a path is written once, not once per finding)."""
    strings: dict[str, int] = {}

    def intern(value: object) -> object:
        return strings.setdefault(value, len(strings)) if isinstance(value, str) else value

    findings: list[list[Any]] = []
    for file_idx, fr in enumerate(order):
        keys = baseline_keys(fr)
        for f in fr.findings:
            path, code, text, occurrence = keys[id(f)]
            findings.append([file_idx, *(intern(v) for v in row(fr, f)), intern(path), occurrence])
    return {"columns": list(COLUMNS), "strings": list(strings), "findings": findings}


def _xlsx(result: RunResult, rules: list[Rule]) -> str:
    from termcheck.report import xlsx

    data = base64.b64encode(xlsx.render(result, rules)).decode("ascii")
    return f'<script type="text/plain" id="tc-xlsx">{data}</script>'


def render(result: RunResult) -> str:
    order = [fr for _, fr in ordered_files(result)]
    sections: list[str] = []
    first = 0
    for i, fr in enumerate(order):
        sections.append(article(fr, i, first))
        first += len(fr.findings)
    n = result.total
    rules = all_rules()
    meta: dict[str, Any] = {"files": len(result.files), "findings": n}
    # The side-by-side view's styles and script, only in reports that have one.
    sided = any(fr.doc.source is not None for fr in result.files)
    css = _asset("report.css") + (_asset("bitext.css") if sided else "")
    js = _asset("report.js") + (_asset("bitext.js") if sided else "")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<link rel="icon" href="data:,">'
        f'<meta name="generator" content="termcheck {_a(__version__)}">'
        f"<title>termcheck report: {n} finding{'s' if n != 1 else ''}</title>"
        f"<style>{css}</style></head><body>"
        '<header class="top"><h1>termcheck report</h1>'
        f'<p class="meta">{meta["files"]} file{"s" if meta["files"] != 1 else ""} checked · '
        f'{n} finding{"s" if n != 1 else ""} · termcheck {_t(__version__)}</p></header>'
        f"{toolbar(result, order)}<main><div id=\"view-articles\">{summary(result, order)}{''.join(sections)}"
        f"{rule_glossary(rules)}</div>"
        '<section id="view-terms" aria-labelledby="terms-h" hidden><h2 id="terms-h">Findings by flagged term</h2>'
        '<p class="small">Each term flagged, with how often and where, as a key-term list shows it; open a term '
        'for its occurrences.</p><div id="terms"></div></section></main>'
        '<div id="popover" role="dialog" aria-label="Finding details" hidden></div>'
        '<footer><p class="keys">Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous, '
        '<kbd>a</kbd> accept, <kbd>i</kbd> ignore, <kbd>u</kbd> undecide the open finding, '
        '<kbd>/</kbd> search, <kbd>Esc</kbd> close. Click a highlight for its details and suggestions. '
        'Decisions stay in this browser; export the ignored findings as a baseline file, save it in the folder '
        'termcheck was run from and pass it to <code>termcheck lint --baseline</code>.</p>'
        '<p>Generated by termcheck. Severity: <b>error</b> is wrong in the article\'s language; '
        '<b>warning</b> is likely wrong, a person decides.</p></footer>'
        f"{_json_script('tc-data', report_data(result, order))}{_xlsx(result, rules)}"
        f"<script>{js}</script></body></html>\n"
    )
