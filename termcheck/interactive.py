"""`lint --interactive`: a person reviews each finding that has suggestions, one answer a line.

Answers are read line by line from a text stream, so a terminal and a pipe work alike (and
tests pipe answers in). What was accepted in a file is written when the file is done, or at
once when the person quits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from termcheck.bilingual.escape import edit_format
from termcheck.document import Span
from termcheck.errors import InputError
from termcheck.findings import Edit, Finding
from termcheck.fixer import apply_edits, keep_case
from termcheck.results import FileResult, RunResult
from termcheck.safewrite import replace_text

_CONTEXT = 50  # characters shown each side of the flagged text on long lines
_EOL = re.compile(r"[\r\n]")


@dataclass
class ReviewSummary:
    accepted: int = 0
    files: int = 0
    quit: bool = False
    messages: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Answer:
    kind: str  # "accept" (value: the replacement) | "skip" | "skip-code" | "quit"
    replacement: str = ""
    choice: int = -1  # index of the accepted suggestion, -1 for the person's own text


def excerpt(fr: FileResult, f: Finding) -> list[str]:
    """The finding's line (cut around the flagged text when long) with carets under the text."""
    text = fr.doc.text
    line, col = fr.position(f.span.start)
    start = fr.doc.lines.line_start(line)
    m = _EOL.search(text, start)
    end = m.start() if m else len(text)
    lo, hi = f.span.start, min(f.span.end, end)
    cut_lo = max(start, lo - _CONTEXT)
    cut_hi = min(end, max(hi, lo + 1) + _CONTEXT)
    head = "…" if cut_lo > start else ""
    tail = "…" if cut_hi < end else ""
    shown = (head + text[cut_lo:cut_hi] + tail).replace("\t", " ")
    gutter = f"{line:>5} | "
    marks = " " * (len(head) + lo - cut_lo) + "^" * max(1, hi - lo)
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + marks]


def _show(s: str) -> str:
    return "(delete)" if s == "" else s


def show(fr: FileResult, f: Finding, out: TextIO) -> None:
    line, col = fr.position(f.span.start)
    out.write(f"\n{fr.path}:{line}:{col}: {f.code} {f.message}\n")
    out.write("\n".join(excerpt(fr, f)) + "\n")
    for n, s in enumerate(f.suggestions, 1):
        out.write(f"  {n}) {_show(s)}\n")


def _read(answers: TextIO, out: TextIO, prompt: str) -> str | None:
    out.write(prompt)
    out.flush()
    line = answers.readline()
    if not line:
        out.write("\n")
        return None  # end of input: as if the person quit
    line = line.rstrip("\r\n")
    if not answers.isatty():
        out.write(line + "\n")  # echo piped answers, so the transcript reads like a session
    return line


def ask(f: Finding, answers: TextIO, out: TextIO) -> Answer:
    n = len(f.suggestions)
    choices = "1" if n == 1 else f"1-{n}"
    prompt = f"[{choices}] accept, e: type your own, s: skip, k: skip all {f.code}, q: quit > "
    while True:
        line = _read(answers, out, prompt)
        if line is None:
            return Answer("quit")
        word = line.strip()
        if word.isdigit() and 1 <= int(word) <= n:
            return Answer("accept", f.suggestions[int(word) - 1], int(word) - 1)
        if word.lower() == "e":
            own = _read(answers, out, "replacement > ")
            if own is None:
                return Answer("quit")
            if own:
                return Answer("accept", own)
            out.write("nothing typed; choose again\n")
            continue
        if word.lower() in ("s", "k", "q"):
            return Answer({"s": "skip", "k": "skip-code", "q": "quit"}[word.lower()])
        out.write(f"answer with a number ({choices}), e, s, k or q\n")


def edits_for(fr: FileResult, f: Finding, answer: Answer) -> list[Edit]:
    """The edits of an accepted answer: a suggestion takes the span of the rule's own fix (a
    deleted line takes its line break along); the person's own text replaces the marked text."""
    text = fr.doc.text
    own_fix = answer.choice >= 0 and f.fix is not None and len(f.fix.edits) == 1
    span = f.fix.edits[0].span if own_fix and f.fix is not None else f.span
    replacement = answer.replacement
    if answer.choice >= 0:
        replacement = keep_case(text[span.start : span.end], replacement)
    fmt = edit_format(fr.doc.meta.get("markup"))  # XLIFF, PO, TMX: escaped, and only where it replaces text
    if fmt is not None:
        if not fmt.can_replace(text, span):
            return []
        replacement = fmt.escape(replacement)
    return [Edit(span, replacement)]


def _spans(f: Finding) -> list[Span]:
    return [f.span, *(e.span for e in (f.fix.edits if f.fix else ()))]


def review(result: RunResult, answers: TextIO, out: TextIO,
           live: Callable[[FileResult], FileResult] | None = None) -> ReviewSummary:
    """Ask about each finding with suggestions; `live` reloads a result whose text was let go."""
    summary = ReviewSummary()
    skipped_codes: set[str] = set()
    for fr in result.files:
        if live is not None:
            try:
                fr = live(fr)
            except InputError as err:
                summary.messages.append(f"{fr.path}: {err.message}; not reviewed")
                continue
        edits: list[Edit] = []
        for f in fr.findings:
            if not f.suggestions or f.code in skipped_codes:
                continue
            if any(s.overlaps(e.span) or s == e.span for s in _spans(f) for e in edits):
                continue  # its text is already being replaced
            show(fr, f, out)
            answer = ask(f, answers, out)
            if answer.kind == "accept":
                accepted = edits_for(fr, f, answer)
                if not accepted:
                    summary.messages.append(f"{fr.path}: {f.code} at offset {f.span.start} crosses markup; not changed")
                edits.extend(accepted)
                summary.accepted += len(accepted)
            elif answer.kind == "skip-code":
                skipped_codes.add(f.code)
            elif answer.kind == "quit":
                summary.quit = True
                break
        _write(fr, edits, summary)
        if summary.quit:
            break
    return summary


def _write(fr: FileResult, edits: list[Edit], summary: ReviewSummary) -> None:
    if not edits:
        return
    doc = fr.doc
    try:
        replace_text(doc.path, doc.text, apply_edits(doc.text, edits), doc.encoding)
    except InputError as err:
        summary.messages.append(f"{fr.path}: {err.message}")
        return
    summary.files += 1
