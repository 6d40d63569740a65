"""Markdown and HTML articles: only prose is checked, and offsets stay those of the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint_text, run_cli

from termcheck.io.markup import markup_kind, prose_mask

MARKDOWN = """---
title: Idleb offensive
tags: [Idleb]
---
# Fighting in Idleb

Rebels left Idleb on Tuesday, said `Idleb` and the [map](https://example.org/Idleb "Idleb").
See <https://example.org/Idleb> or https://example.org/Idleb for more, and [the report][idleb-ref].

```python
city = "Idleb"
```

    Idleb in an indented code block

<div class="embed" data-city="Idleb">Shelling near Idleb.</div>

[idleb-ref]: https://example.org/Idleb

| City | Note |
|---|---|
| Idleb | `Idleb` |
"""


def _lines_of(mask: str, word: str) -> list[int]:
    return [n for n, line in enumerate(mask.splitlines(), 1) if word in line]


def test_markdown_mask_keeps_length_and_lines() -> None:
    mask = prose_mask(MARKDOWN, "markdown")
    assert len(mask) == len(MARKDOWN)
    assert mask.count("\n") == MARKDOWN.count("\n")
    # Prose: the heading, the paragraph (once), the HTML block's text and the table cell.
    assert _lines_of(mask, "Idleb") == [5, 7, 16, 22]
    assert mask.splitlines()[6].count("Idleb") == 1
    for kept in ("Rebels left Idleb", "[map]", "Shelling near Idleb."):
        assert kept in mask
    for gone in ("title:", "city =", "https://", "data-city", "idleb-ref"):
        assert gone not in mask


def test_markdown_prose_characters_are_unchanged() -> None:
    mask = prose_mask(MARKDOWN, "markdown")
    assert all(m == t or m == " " for m, t in zip(mask, MARKDOWN, strict=True))


def test_markdown_article_code_block_is_not_checked(tmp_path: Path) -> None:
    """The issue's example: Idleb in prose and in a code block gives one finding, on the prose line."""
    text = "# Report\n\nRebels withdrew from Idleb on Tuesday.\n\n```\nIdleb = 'Idleb'\n```\n"
    found = [f for f in lint_text(tmp_path, text, "--lang", "en", name="a.md") if f["text"] == "Idleb"]
    assert len(found) == 1
    assert (found[0]["line"], found[0]["column"], found[0]["code"]) == (3, 22, "TC201")
    assert text[found[0]["start"] : found[0]["end"]] == "Idleb"


def test_same_text_as_plain_file_is_checked_everywhere(tmp_path: Path) -> None:
    text = "Rebels withdrew from Idleb.\n\n```\nIdleb = 1\n```\n"
    found = [f for f in lint_text(tmp_path, text, "--lang", "en", name="a.txt") if f["text"] == "Idleb"]
    assert [f["line"] for f in found] == [1, 4]


def test_markdown_front_matter_and_inline_code_skipped(tmp_path: Path) -> None:
    text = "---\ntitle: Idleb\n---\nThe `OSDH` tag; rebels left Idleb.\n"
    found = lint_text(tmp_path, text, "--lang", "en", name="a.md")
    assert [(f["line"], f["text"]) for f in found] == [(4, "Idleb")]


HTML = """<!DOCTYPE html>
<html><head><title>Fighting in Idleb</title>
<style>.Idleb { color: red } /* Idleb */</style>
<script>var city = "<p>Idleb</p>";</script></head>
<body>
<p class="Idleb" title="Idleb">Rebels left <b>Idleb</b> &amp; more.</p>
<pre>Idleb</pre><p>Fighting &eacute; <code>Idleb</code> continued.</p>
<!-- Idleb in a comment -->
</body></html>
"""


def test_html_mask_skips_tags_scripts_styles_and_code() -> None:
    mask = prose_mask(HTML, "html")
    assert len(mask) == len(HTML) and mask.count("\n") == HTML.count("\n")
    assert _lines_of(mask, "Idleb") == [2, 6]
    assert mask.splitlines()[5].split() == ["Rebels", "left", "Idleb", "more."]
    for gone in ("color", "var city", "class", "&amp;", "comment", "eacute"):
        assert gone not in mask


def test_html_article_findings_point_into_the_file(tmp_path: Path) -> None:
    found = lint_text(tmp_path, HTML, "--lang", "en", name="a.html")
    idleb = [f for f in found if f["text"] == "Idleb"]
    assert [(f["line"], f["column"]) for f in idleb] == [(2, 32), (6, 47)]
    assert all(HTML[f["start"] : f["end"]] == "Idleb" for f in idleb)


def test_html_not_included_by_default_but_checked_when_named(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>Rebels left Idleb.</p>\n", encoding="utf-8")
    assert run_cli("lint", ".", "--format", "json", "--lang", "en", cwd=tmp_path).json()["files"] == 0
    named = run_cli("lint", "a.html", "--format", "json", "--lang", "en", cwd=tmp_path).json()
    assert [f["text"] for f in named["findings"]] == ["Idleb"]
    included = run_cli("lint", ".", "--include", "*.html", "--format", "json", "--lang", "en", cwd=tmp_path).json()
    assert included["files"] == 1


def test_crlf_markdown_keeps_positions() -> None:
    text = "Title\r\n\r\n```\r\nIdleb\r\n```\r\nRebels left Idleb.\r\n"
    mask = prose_mask(text, "markdown")
    assert len(mask) == len(text)
    assert mask.index("Idleb") == text.rindex("Idleb")


@pytest.mark.parametrize(("name", "kind"), [("a.md", "markdown"), ("b.MARKDOWN", "markdown"), ("c.htm", "html"),
                                            ("d.html", "html"), ("e.txt", "plain"), ("f", "plain")])
def test_markup_kind_by_suffix(name: str, kind: str) -> None:
    assert markup_kind(Path(name)) == kind
