"""TC0xx: findings about termcheck's own instructions in an article."""

from __future__ import annotations

from collections.abc import Iterator

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.rules.support.base import DocContext, rule


@rule("TC001", "unused-suppression", "A 'termcheck: ignore' marker that silences no finding.",
      Severity.WARNING, precedence=5,
      flagged="The talks failed.\n[termcheck: ignore TC701]\nThe talks resumed on Monday.\n",
      clean="The talks failed.\n\n[termcheck: ignore TC701]\n>> Read also: In northwestern Syria, an endless war\n")
def unused_suppression(doc: Document, ctx: DocContext) -> Iterator[Finding]:
    """A marker such as `<!-- termcheck: ignore TC201 -->` (Markdown, HTML),
    `[termcheck: ignore TC201]` or a trailing `# termcheck: ignore TC201` records that a
    person has decided a finding is right. A marker alone on its line applies to the next
    non-blank line; a marker beside text applies to its own line. When the text is edited
    and the finding goes away, the marker is left behind and would silence a future real
    problem, so it is reported. Only codes of rules that ran are judged. The fix (unsafe)
    deletes the marker.

    The check runs after the other rules, in the runner, as it needs their findings; this
    function yields nothing on its own."""
    return iter(())
