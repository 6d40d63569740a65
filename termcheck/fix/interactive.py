"""`lint --interactive`: a person reviews each finding that has suggestions.

On a terminal each answer is one key, without Enter (termcheck.io.keys.single_keys); from a
pipe, answers are read a line each, so scripts and tests pipe them in. Each accepted answer is
written at once (atomically, with everything accepted before it in the file), and the
transcript says so with a `saved` line: a person's work is kept whatever ends the session (q,
end of input, Ctrl-C, a killed process, a crash), and the file is never left between two
answers. `u` undoes the last answer (written back at once too), in this file or the one
before; `A` gives one answer for every identical finding left in the file (five Idleb).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from termcheck.document import Span
from termcheck.errors import InputError
from termcheck.findings import Edit, Finding
from termcheck.fix.edits import apply_edits, keep_case
from termcheck.io.bilingual.escape import edit_format
from termcheck.io.keys import SingleKeys, reads_keys, single_keys
from termcheck.io.safewrite import WritePolicy, replace_text
from termcheck.io.terminal import printable
from termcheck.results import FileResult, RunResult

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
    # "accept" (replacement), "all" (replacement, for every identical finding left in the file),
    # "skip", "skip-code", "undo", "quit", or "again" (ask the same question again)
    kind: str
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


def show(fr: FileResult, f: Finding, out: TextIO, place: str = "") -> None:
    line, col = fr.position(f.span.start)
    out.write(f"\n{place}\n" if place else "\n")
    out.write(f"{fr.path}:{line}:{col}: {f.code} {f.message}\n")
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


class Keys(Protocol):
    """Where answers come from: `key` is one answer (a key, or a line from a pipe), `line` typed text."""

    def key(self, prompt: str, most: int = 9) -> str | None: ...  # most: the highest number that answers
    def line(self, prompt: str) -> str | None: ...


class LineKeys:
    """Answers a line each: a pipe, a file, or a terminal that cannot be put in single-key mode."""

    def __init__(self, answers: TextIO, out: TextIO) -> None:
        self.answers = answers
        self.out = out

    def key(self, prompt: str, most: int = 9) -> str | None:
        line = _read(self.answers, self.out, prompt)
        return None if line is None else line.strip()

    def line(self, prompt: str) -> str | None:
        return _read(self.answers, self.out, prompt)


class TerminalKeys:
    """Answers a key each, no Enter; typed text (e) is a line, with the terminal's echo and editing."""

    def __init__(self, term: SingleKeys, answers: TextIO, out: TextIO) -> None:
        self.term = term
        self.answers = answers
        self.out = out

    def key(self, prompt: str, most: int = 9) -> str | None:
        self.out.write(prompt)
        self.out.flush()
        key = self.term.key()
        while key in ("\r", "\n"):  # Enter out of habit answers nothing
            key = self.term.key()
        if key in ("", "\x04"):  # end of input or Ctrl-D: as if the person quit
            self.out.write("\n")
            return None
        self.out.write(printable(key))  # the transcript shows the answer, as a pipe's does
        self.out.flush()
        key = self._digits(key, most)
        self.out.write("\n")
        self.out.flush()
        return key

    def _digits(self, typed: str, most: int) -> str:
        """More than nine suggestions: digits go on until the number cannot grow, or Enter."""
        while typed.isdecimal() and int(typed) * 10 <= most:
            key = self.term.key()
            if not key.isdecimal():
                break  # Enter ends the number; any other key too
            self.out.write(key)
            self.out.flush()
            typed += key
        return typed

    def line(self, prompt: str) -> str | None:
        self.term.line_mode()
        try:
            return _read(self.answers, self.out, prompt)
        finally:
            self.term.key_mode()


def ask(f: Finding, keys: Keys, out: TextIO, alike: int = 1, can_undo: bool = False) -> Answer:
    """The answer about `f`; `alike`: how many identical findings one `A` answer would settle."""
    n = len(f.suggestions)
    choices = "1" if n == 1 else f"1-{n}"
    every = f"A: all {alike} alike, " if alike > 1 else ""
    undo = "u: undo, " if can_undo else ""
    prompt = f"[{choices}] accept, e: type your own, {every}s: skip, k: skip all {f.code}, {undo}q: quit > "
    more = "".join(f", {k}" for k, shown in (("A", every), ("u", undo)) if shown)
    while True:
        word = keys.key(prompt, n)
        if word is None:
            return Answer("quit")
        answer = _answer(f, word, keys, out, alike, can_undo)
        if answer is None:
            out.write(f"answer with a number ({choices}), e, s, k or q{more}\n")
        elif answer.kind != "again":
            return answer


def _answer(f: Finding, word: str, keys: Keys, out: TextIO, alike: int, can_undo: bool) -> Answer | None:
    """What `word` answers; None when it answers nothing."""
    number = _number(word)
    if number is not None and 1 <= number <= len(f.suggestions):
        return Answer("accept", f.suggestions[number - 1], number - 1)
    if word == "A" and alike > 1:  # a capital: a deliberate answer for every occurrence
        return _every(f, keys, out, alike)
    if word.lower() == "e":
        own = keys.line("replacement > ")
        if own is None:
            return Answer("quit")
        if own:
            return Answer("accept", own)
        out.write("nothing typed; choose again\n")
        return Answer("again")
    if word.lower() == "u" and can_undo:
        return Answer("undo")
    if word.lower() in ("s", "k", "q"):
        return Answer({"s": "skip", "k": "skip-code", "q": "quit"}[word.lower()])
    return None


def _every(f: Finding, keys: Keys, out: TextIO, alike: int) -> Answer:
    """`A`: the suggestion for all `alike` occurrences (asked for when there are several)."""
    n = len(f.suggestions)
    if n == 1:
        return Answer("all", f.suggestions[0], 0)
    word = keys.key(f"which suggestion for all {alike}? [1-{n}] > ", n)
    if word is None:
        return Answer("quit")
    number = _number(word)
    if number is not None and 1 <= number <= n:
        return Answer("all", f.suggestions[number - 1], number - 1)
    out.write("nothing changed; choose again\n")
    return Answer("again")


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
    """The answers accepted in one file, each written (or undone) as soon as it is given."""

    def __init__(self, fr: FileResult, policy: WritePolicy | None) -> None:
        self.fr = fr
        self.policy = policy
        self.edits: list[Edit] = []
        self.written = fr.doc.text  # the file's text as termcheck last left it

    def add(self, edits: list[Edit], summary: ReviewSummary) -> bool:
        """Write the file with `edits` too; False (with a message) when it cannot be written."""
        if not self._write([*self.edits, *edits], summary):
            return False
        if not self.edits:
            summary.files += 1
        self.edits.extend(edits)
        summary.accepted += len(edits)
        return True

    def remove(self, edits: list[Edit], summary: ReviewSummary) -> bool:
        """Write the file without `edits` (undo); False (with a message) when it cannot be written."""
        kept = [e for e in self.edits if e not in edits]
        if not self._write(kept, summary):
            return False
        self.edits = kept
        summary.accepted -= len(edits)
        if not kept:
            summary.files -= 1
        return True

    def _write(self, edits: list[Edit], summary: ReviewSummary) -> bool:
        # replace_text refuses a file that no longer holds what termcheck last wrote: an undo,
        # even into the previous file, never overwrites someone else's change.
        doc = self.fr.doc
        text = apply_edits(doc.text, edits)
        try:
            replace_text(doc.path, self.written, text, doc.encoding, self.policy)
        except InputError as err:
            summary.messages.append(f"{self.fr.path}: {err.message}")
            return False
        self.written = text
        return True


def _askable(fr: FileResult) -> list[Finding]:
    return [f for f in fr.findings if f.suggestions]


@dataclass
class _File:
    """A file under review: its findings with suggestions, and which of them were answered."""

    no: int  # its place in the run
    fr: FileResult
    writer: _FileWriter
    findings: list[Finding]
    answered: set[int] = field(default_factory=set)

    def next_open(self, start: int, skipped_codes: set[str]) -> int | None:
        """The first finding from `start` on still to ask about."""
        for k in range(start, len(self.findings)):
            f = self.findings[k]
            if k not in self.answered and f.code not in skipped_codes and not self.replaced(f):
                return k
        return None

    def replaced(self, f: Finding) -> bool:
        """Whether `f`'s text is already being replaced by an accepted answer."""
        return any(s.overlaps(e.span) or s == e.span for s in _spans(f) for e in self.writer.edits)

    def alike(self, k: int) -> list[int]:
        """`k` and the open findings after it that are the same: rule, entry, suggestions and text (any case)."""
        same = self._identity(k)
        return [k, *(j for j in range(k + 1, len(self.findings))
                     if j not in self.answered and self._identity(j) == same and not self.replaced(self.findings[j]))]

    def _identity(self, k: int) -> tuple[str, str | None, tuple[str, ...], str]:
        f = self.findings[k]
        return f.code, f.entry, tuple(f.suggestions), self.fr.doc.text[f.span.start : f.span.end].casefold()


@dataclass
class _Step:
    """One answer, as undo takes it back."""

    file: _File
    covered: list[int]  # the findings it answered (A: every identical one)
    edits: list[Edit] = field(default_factory=list)  # what it wrote
    code: str | None = None  # k: the rule skipped from then on


def review(result: RunResult, answers: TextIO, out: TextIO,
           live: Callable[[FileResult], FileResult] | None = None,
           policy: WritePolicy | None = None) -> ReviewSummary:
    """Ask about each finding with suggestions; `live` reloads a result whose text was let go.
    A terminal answers a key each, and is given back as it was however the review ends.
    Ctrl-C ends the review like q (summary.interrupted): what was accepted is already written."""
    summary = ReviewSummary()
    try:
        if reads_keys(answers):
            with single_keys(answers) as term:
                _Review(result, TerminalKeys(term, answers, out), out, live, policy, summary).run()
        else:
            _Review(result, LineKeys(answers, out), out, live, policy, summary).run()
    except KeyboardInterrupt:
        out.write("\n")
        summary.quit = summary.interrupted = True
    return summary


class _Review:
    """The review's place (a file and a finding in it) and the answers that undo takes back.

    Two files are kept open, the current one and the one before, so that undo reaches back
    across a file boundary while a large run still holds no more than two texts."""

    def __init__(self, result: RunResult, keys: Keys, out: TextIO, live: Callable[[FileResult], FileResult] | None,
                 policy: WritePolicy | None, summary: ReviewSummary) -> None:
        self.files = result.files
        self.keys = keys
        self.out = out
        self.live = live
        self.policy = policy
        self.summary = summary
        self.counts = [len(_askable(fr)) for fr in result.files]  # for "n of N"
        self.open: dict[int, _File] = {}
        self.history: list[_Step] = []
        self.skipped_codes: set[str] = set()

    def run(self) -> None:
        place: tuple[int, int] | None = (0, 0)
        while place is not None and place[0] < len(self.files):
            no, start = place
            file = self._open(no)
            k = file.next_open(start, self.skipped_codes) if file is not None else None
            if file is None or k is None:
                place = (no + 1, 0)
                continue
            place = self._turn(file, k)

    def _open(self, no: int) -> _File | None:
        if no in self.open:
            return self.open[no]
        fr = self.files[no]
        if not _askable(fr):
            return None
        if self.live is not None:
            try:
                fr = self.live(fr)
            except InputError as err:
                self.summary.messages.append(f"{fr.path}: {err.message}; not reviewed")
                return None
        file = _File(no, fr, _FileWriter(fr, self.policy), _askable(fr))
        self.counts[no] = len(file.findings)  # read again, the file may have changed
        before = max(self.open, default=None)
        self.open = {no: file, **({before: self.open[before]} if before is not None else {})}
        self.history = [step for step in self.history if step.file.no in self.open]
        return file

    def _turn(self, file: _File, k: int) -> tuple[int, int] | None:
        """Ask about finding `k` of `file`; where the review goes next (None: it ends)."""
        f = file.findings[k]
        alike = file.alike(k)
        show(file.fr, f, self.out, f"finding {sum(self.counts[: file.no]) + k + 1} of {sum(self.counts)}")
        answer = ask(f, self.keys, self.out, len(alike), bool(self.history))
        if answer.kind == "quit":
            self.summary.quit = True
            return None
        if answer.kind == "undo":
            return self._undo() or (file.no, k)
        step = _Step(file, alike if answer.kind == "all" else [k])
        if answer.kind in ("accept", "all") and not self._accept(step, answer):
            return (file.no + 1, 0)  # the file cannot be written (changed by someone else, read-only)
        if answer.kind == "skip-code":
            step.code = f.code
            self.skipped_codes.add(f.code)
        file.answered.update(step.covered)
        self.history.append(step)
        return (file.no, k + 1)

    def _accept(self, step: _Step, answer: Answer) -> bool:
        """Write the answer's edits; False (said at once) when the file cannot be written."""
        file = step.file
        for j in step.covered:
            f = file.findings[j]
            edits = edits_for(file.fr, f, answer)
            if not edits:
                self.summary.messages.append(f"{file.fr.path}: {f.code} at offset {f.span.start} crosses markup; "
                                             "not changed")
            # with A, a fix that reaches into an occurrence already changed is left out
            step.edits += [e for e in edits if not any(e.span.overlaps(d.span) or e.span == d.span
                                                       for d in step.edits)]
        if not step.edits:
            return True
        if not file.writer.add(step.edits, self.summary):
            self.out.write(f"not saved: {self.summary.messages[-1]}\n")
            return False
        if len(step.edits) > 1:
            self.out.write(f"changed {len(step.edits)} occurrences\n")
        self.out.write("saved\n")
        self.out.flush()
        return True

    def _undo(self) -> tuple[int, int] | None:
        """Take back the last answer; the place to ask again, or None to ask the same again."""
        if not self.history:
            self.out.write("nothing to undo\n")
            return None
        step = self.history.pop()
        if step.edits and not step.file.writer.remove(step.edits, self.summary):
            self.history.append(step)
            self.out.write(f"not undone: {self.summary.messages[-1]}\n")
            return None
        step.file.answered.difference_update(step.covered)
        if step.code is not None:
            self.skipped_codes.discard(step.code)
        self.out.write("undone, saved\n" if step.edits else "undone\n")
        self.out.flush()
        return (step.file.no, step.covered[0])
