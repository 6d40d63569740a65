"""`lint --interactive`: a person reviews each finding that has suggestions, one answer a line.

Answers are read line by line from a text stream, so a terminal and a pipe work alike (and
tests pipe answers in). Each accepted answer is written at once (atomically, with everything
accepted before it in the file), and the transcript says so with a `saved` line: a person's
work is kept whatever ends the session (q, end of input, Ctrl-C, a killed process, a
crash), and the file is never left between two answers.
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
from termcheck.safewrite import WritePolicy, replace_text

_CONTEXT = 50  # characters shown each side of the flagged text on long lines
_EOL = re.compile(r"[\r\n]")


@dataclass
class ReviewSummary:
    accepted: int = 0
    files: int = 0
    quit: bool = False
    interrupted: bool = False  # Ctrl-C
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
        number = _number(word)
        if number is not None and 1 <= number <= n:
            return Answer("accept", f.suggestions[number - 1], number - 1)
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


def _number(word: str) -> int | None:
    """The number typed, if it is one: '²' and '½' pass str.isdigit() but are no number."""
    if not word.isdecimal():
        return None
    try:
        return int(word)
    except ValueError:
        return None


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


class _FileWriter:
    """The answers accepted in one file, each written as soon as it is accepted."""

    def __init__(self, fr: FileResult, policy: WritePolicy | None) -> None:
        self.fr = fr
        self.policy = policy
        self.edits: list[Edit] = []
        self.written = fr.doc.text  # the file's text as termcheck last left it

    def add(self, edits: list[Edit], summary: ReviewSummary) -> bool:
        """Write the file with `edits` too; False (with a message) when it cannot be written."""
        doc = self.fr.doc
        text = apply_edits(doc.text, [*self.edits, *edits])
        try:
            replace_text(doc.path, self.written, text, doc.encoding, self.policy)
        except InputError as err:
            summary.messages.append(f"{self.fr.path}: {err.message}")
            return False
        if not self.edits:
            summary.files += 1
        self.edits.extend(edits)
        self.written = text
        summary.accepted += len(edits)
        return True


def review(result: RunResult, answers: TextIO, out: TextIO,
           live: Callable[[FileResult], FileResult] | None = None,
           policy: WritePolicy | None = None) -> ReviewSummary:
    """Ask about each finding with suggestions; `live` reloads a result whose text was let go.
    Ctrl-C ends the review like q (summary.interrupted): what was accepted is already written."""
    summary = ReviewSummary()
    try:
        _review(result, answers, out, live, policy, summary)
    except KeyboardInterrupt:
        out.write("\n")
        summary.quit = summary.interrupted = True
    return summary


def _review(result: RunResult, answers: TextIO, out: TextIO, live: Callable[[FileResult], FileResult] | None,
            policy: WritePolicy | None, summary: ReviewSummary) -> None:
    skipped_codes: set[str] = set()
    for fr in result.files:
        if live is not None:
            try:
                fr = live(fr)
            except InputError as err:
                summary.messages.append(f"{fr.path}: {err.message}; not reviewed")
                continue
        writer = _FileWriter(fr, policy)
        for f in fr.findings:
            if not f.suggestions or f.code in skipped_codes:
                continue
            if any(s.overlaps(e.span) or s == e.span for s in _spans(f) for e in writer.edits):
                continue  # its text is already being replaced
            show(fr, f, out)
            answer = ask(f, answers, out)
            if answer.kind == "accept":
                accepted = edits_for(fr, f, answer)
                if not accepted:
                    summary.messages.append(f"{fr.path}: {f.code} at offset {f.span.start} crosses markup; not changed")
                elif writer.add(accepted, summary):
                    out.write("saved\n")
                    out.flush()
                else:  # the file cannot be written (changed by someone else, read-only): the next file
                    out.write(f"not saved: {summary.messages[-1]}\n")
                    break
            elif answer.kind == "skip-code":
                skipped_codes.add(f.code)
            elif answer.kind == "quit":
                summary.quit = True
                return
