"""TC701: leftovers of scraping and agency copy (">> Read also" links, date stamps, credits)."""

from __future__ import annotations

from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Applicability, Edit, Finding, Fix, Severity
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.triggers import candidates, triggers


@rule("TC701", "residue", "Text left over from the source page or agency copy ('>> Read also:', 'With AFP').",
      Severity.WARNING, precedence=9,
      flagged="The talks failed.\n\n>> Read also: In northwestern Syria, an endless war\n",
      clean="The talks failed.\n\nRead the full statement on the ministry's website.\n")
def residue(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """Scraped articles keep pieces of the page they came from: related-article links
    ('>> Read also: …', 'Lire aussi'), metadata stamps ('date 2019-08-20') and agency
    credits in the source language ('With AFP'). The patterns live in
    glossaries/residue.toml. The fix deletes the line; it is unsafe, as a person should
    check nothing of the article goes with it."""
    found = triggers(ctx)
    first = len(found.phrases)  # residue patterns are numbered after the phrase forms
    prose = doc.prose
    # The patterns are anchored to lines with ^ and $, which know only LF: in the text they run
    # over, each CR is an LF (same length, so offsets hold), and CRLF and CR lines end alike.
    scan = prose.replace("\r", "\n") if "\r" in prose else prose
    # Only the patterns whose keys the document holds (triggers.py), in glossary order.
    for i in candidates(ctx):
        if i < first:
            continue
        entry = found.residue[i - first]
        for m in entry.compiled.finditer(scan):
            whole = m.group()
            stripped = whole.strip()
            if not stripped:
                continue
            start = m.start() + (len(whole) - len(whole.lstrip()))
            end = start + len(stripped)
            suggestions = [m.expand(s) if "\\" in s else s for s in entry.suggest]
            finding = residue.finding(start, end, entry.message, suggestions=suggestions, entry=entry.id)
            if suggestions:
                # A deletion takes the blanks around the match along, so no stray space is left,
                # and a whole line goes with its line break, so no empty line is left.
                edit = deletion(prose, m.start(), m.end()) if suggestions[0] == "" else Span(start, end)
                finding.fix = Fix(Applicability.UNSAFE, (Edit(edit, suggestions[0]),))
            yield finding


def deletion(text: str, start: int, end: int) -> Span:
    """What deleting text[start:end] removes: a whole line goes with its own line break (CRLF,
    CR or LF, so the file's line endings stay as they were), the last line with the break
    before it; anything else alone."""
    whole_line = (start == 0 or text[start - 1] in "\r\n") and (end == len(text) or text[end] in "\r\n")
    if not whole_line or start == end:
        return Span(start, end)
    if end < len(text):
        return Span(start, end + (2 if text.startswith("\r\n", end) else 1))
    if start > 0:
        return Span(start - (2 if text[max(0, start - 2) : start] == "\r\n" else 1), end)
    return Span(start, end)
