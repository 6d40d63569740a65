"""TC702: text left tokenised by an MT pipeline ("Iran 's", "a desk .", "( UN )")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document, Span
from termcheck.findings import Applicability, Edit, Finding, Fix, Severity
from termcheck.rules.support.base import DocContext, rule

# Never in edited prose: a clitic split from its word ("Iran 's", "do n't").
_SPLIT_CLITIC = re.compile(r"(?<=\w)( )(?='s\b|n't\b|'re\b|'ll\b|'ve\b)")
# A space before a closing mark or after an opening one. A slip now and then in human copy
# ("Commerzbank ." is in BBC news), so these count only where an article has many.
_SPACED_MARK = re.compile(r"(?<=[\w)\"”%])( )(?=[,.;:!?)](?:\s|$))|(?<=[(])( )(?=\w)")
SYSTEMATIC = 4  # spaced marks that make an article tokenised, not merely a typo


@rule("TC702", "tokenised-text", "Text left tokenised by the MT pipeline: a space before 's, n't or punctuation.",
      Severity.WARNING, precedence=70, languages=("en",),
      flagged="Iran 's nuclear programme worries Israel , the US , the EU ( and Russia ) .",
      clean="Iran's nuclear programme worries Israel, the US, the EU (and Russia). Cheers , said one.")
def tokenised(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """Statistical MT systems read and write tokenised text, and a pipeline that forgets to
    detokenise publishes "Iran 's", "do n't", "a desk ." and "( UN )". A clitic split from
    its word is flagged wherever it stands; spaces before punctuation or after an opening
    bracket only where an article has at least four, since a stray one is an ordinary typo,
    and then as one finding whose fix closes them all. The fixes are safe."""
    prose = doc.prose
    for m in _SPLIT_CLITIC.finditer(prose):
        start, end = _word_around(prose, m.start(1))
        text = prose[start:end]
        yield tokenised.finding(start, end, f"'{text}': a space left by tokenisation",
                                suggestions=[text.replace(" ", "", 1)], safe=True)
    marks = [m.start(1) if m.group(1) else m.start(2) for m in _SPACED_MARK.finditer(prose)]
    if len(marks) < SYSTEMATIC:
        return
    # One finding for the article, whose fix closes every gap: a person reads one report,
    # and --fix removes all the spaces at once.
    start, end = _word_around(prose, marks[0])
    finding = tokenised.finding(start, end, f"the article is left tokenised: {len(marks)} spaces before "
                                "punctuation or after a bracket, this one first", suggestions=[
                                    prose[start:end].replace(" ", "", 1)], safe=True)
    finding.fix = Fix(Applicability.SAFE, tuple(Edit(Span(at, at + 1), "") for at in marks))
    yield finding


def _word_around(prose: str, at: int) -> tuple[int, int]:
    """The span of the non-blank text on both sides of the space at `at`."""
    start = at
    while start > 0 and not prose[start - 1].isspace():
        start -= 1
    end = at + 1
    while end < len(prose) and not prose[end].isspace():
        end += 1
    return start, end
