"""An XML file as a flat list of tokens with character offsets into its decoded text, from the
standard library's expat parser (no parser of our own), and the prose mask of an element's
character content.

expat reports each event with CurrentByteIndex, the byte offset where the event's markup
starts in the UTF-8 form of the text; every event is reported (a default handler takes what
has no handler of its own), so a token ends where the next one starts. Byte offsets are turned
into character offsets, so that a token's span is a slice of the decoded file.
"""

from __future__ import annotations

import re
import xml.parsers.expat as expat
from dataclasses import dataclass, field
from pathlib import Path

from termcheck.document import Span
from termcheck.io.bilingual.model import MalformedFile

XML_NS = "http://www.w3.org/XML/1998/namespace"
START, END, TEXT, OTHER = "start", "end", "text", "other"
_NOT_BREAKS = re.compile(r"[^\r\n]+")


@dataclass(frozen=True)
class Token:
    kind: str  # START, END, TEXT (character data, entity and character references) or OTHER
    span: Span  # its characters in the decoded text
    name: str = ""  # element's local name (START, END)
    ns: str = ""  # element's namespace URI ('' for none)
    attrs: dict[str, str] = field(default_factory=dict)  # 'id', 'xml:lang', '{uri}name' for other namespaces
    data: str = ""  # TEXT: the characters it stands for


def _split_name(name: str) -> tuple[str, str]:
    uri, _, local = name.rpartition(" ")
    return uri, local


def _attr_name(name: str) -> str:
    uri, local = _split_name(name)
    if not uri:
        return local
    return f"xml:{local}" if uri == XML_NS else f"{{{uri}}}{local}"  # mq:version is not XLIFF's version


def _char_offsets(text: str, byte_offsets: list[int]) -> list[int]:
    """Byte offsets into the text's UTF-8 form (in increasing order) as character offsets: each
    step's bytes decoded once, so the whole file costs one pass in C."""
    if text.isascii():
        return byte_offsets
    data = text.encode("utf-8", "surrogatepass")
    out: list[int] = []
    byte = char = 0
    for offset in byte_offsets:
        if offset > byte:
            char += len(data[byte:offset].decode("utf-8", "surrogatepass"))
            byte = offset
        out.append(char)
    return out


def tokens(text: str, path: Path | str) -> list[Token]:
    """The tokens of `text`; a text that is not well-formed XML raises InputError naming the line."""
    parser = expat.ParserCreate(namespace_separator=" ")
    raw: list[tuple[str, int, str, dict[str, str], str]] = []  # kind, byte index, name, attrs, data

    def start(name: str, attrs: dict[str, str]) -> None:
        raw.append((START, parser.CurrentByteIndex, name, {_attr_name(k): v for k, v in attrs.items()}, ""))

    def end(name: str) -> None:
        raw.append((END, parser.CurrentByteIndex, name, {}, ""))

    def data(chars: str) -> None:
        raw.append((TEXT, parser.CurrentByteIndex, "", {}, chars))

    def other(*_args: object) -> None:
        raw.append((OTHER, parser.CurrentByteIndex, "", {}, ""))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.DefaultHandler = other  # also stops expat from expanding a DTD's own entities
    for handler in ("XmlDeclHandler", "CommentHandler", "ProcessingInstructionHandler",
                    "StartCdataSectionHandler", "EndCdataSectionHandler", "StartDoctypeDeclHandler",
                    "EndDoctypeDeclHandler"):
        setattr(parser, handler, other)
    try:
        parser.Parse(text, True)  # a str is parsed as UTF-8 whatever the XML declaration says
    except expat.ExpatError as err:
        raise MalformedFile(f"not well-formed XML: {expat.ErrorString(err.code)} (column {err.offset + 1})",
                         path, err.lineno) from None
    starts = [*_char_offsets(text, [index for _, index, _, _, _ in raw]), len(text)]
    out: list[Token] = []
    for i, (kind, _, name, attrs, chars_) in enumerate(raw):
        ns, local = _split_name(name) if name else ("", "")
        out.append(Token(kind, Span(starts[i], starts[i + 1]), local, ns, attrs, chars_))
    return out


def blank(text: str) -> list[str]:
    """A mask with nothing in it yet: every character but line breaks a space."""
    return list(_NOT_BREAKS.sub(lambda m: " " * (m.end() - m.start()), text))


def show_text(text: str, token: Token, mask: list[str]) -> None:
    """Put the characters of a TEXT token into `mask` as prose.

    Plain character data is shown as it is in the file (line breaks included: expat reports
    CRLF as LF, the file keeps CRLF). An entity or character reference (&amp; &#160;) shows the
    character it stands for in its first place and blanks after: rules then read '&', not
    '&amp;' as residue or an unknown word, and every offset still points into the file. A
    reference to white space shows as a space."""
    s, e = token.span.start, token.span.end
    raw = text[s:e]
    if raw.startswith("&") and raw.endswith(";"):
        c = token.data[:1]
        mask[s] = " " if not c or c.isspace() else c
        return
    for i in range(s, e):
        c = text[i]
        if c not in "\r\n<>&":
            mask[i] = c


def inner(tokens_: list[Token], start: int) -> int:
    """The index of the END token matching the START token at `start`."""
    depth = 0
    for i in range(start, len(tokens_)):
        kind = tokens_[i].kind
        if kind == START:
            depth += 1
        elif kind == END:
            depth -= 1
            if depth == 0:
                return i
    return len(tokens_) - 1


def content_span(tokens_: list[Token], start: int, end: int) -> Span:
    """The characters between an element's start tag and its end tag (empty for <x/>)."""
    return Span(tokens_[start].span.end, tokens_[end].span.start)


def mask_content(text: str, tokens_: list[Token], start: int, end: int, mask: list[str],
                 code: frozenset[str]) -> None:
    """Show the character content of the element between tokens `start` and `end` in `mask`,
    leaving out tags and the content of inline code elements named in `code` (native codes such
    as XLIFF's <ph>, <bpt>: they are not text to translate)."""
    depth = 0
    for tok in tokens_[start + 1 : end]:
        if tok.kind == START and (depth or tok.name in code):
            depth += 1
        elif tok.kind == END and depth:
            depth -= 1
        elif tok.kind == TEXT and not depth:
            show_text(text, tok, mask)


def trimmed(mask: list[str], span: Span) -> Span | None:
    """`span` without the blanks at either end of its prose; None when it holds no prose."""
    s, e = span.start, span.end
    while s < e and mask[s].isspace():
        s += 1
    while e > s and mask[e - 1].isspace():
        e -= 1
    return Span(s, e) if e > s else None
