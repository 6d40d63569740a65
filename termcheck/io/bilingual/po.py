"""gettext PO files: msgid is the source, msgstr the target (msgstr[0] of msgid and msgstr[n]
of msgid_plural for plural forms).

polib (a well-kept PO library) reads the file and says whether it is well-formed (naming the
line where it is not) and which entries are obsolete; the places of the quoted strings in the raw text are found by
walking the file's lines, entry by entry, and checked against what polib read (same entries,
same msgids), so that every offset points into the file. Checked: every msgstr of a current
entry, fuzzy ones included (a draft a reviewer is about to pass). Not checked: the header
(msgid ""), obsolete entries (#~) and empty msgstrs (untranslated: work in progress).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from termcheck.document import Span
from termcheck.io.bilingual.model import BilingualFile, MalformedFile, Segment, primary_language
from termcheck.io.bilingual.xmltokens import blank, trimmed

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=[\s\"])")
_STRING = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
# Characters str.splitlines (which polib uses) ends a line at, besides \r and \n.
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_POLIB_LINE = re.compile(r"\(line (\d+)\)")


@dataclass
class _Entry:
    line: int  # 1-based line of its first keyword
    obsolete: bool
    strings: dict[str, list[Span]] = field(default_factory=dict)  # keyword -> inner spans of its quoted strings


def unescape(raw: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), raw)


def _scan(text: str, path: Path | str) -> list[_Entry]:
    """The entries of the file with the places of their strings, line by line."""
    entries: list[_Entry] = []
    current: _Entry | None = None
    last = ""  # the keyword a continuation line continues
    for number, m in enumerate(_LINE.finditer(text), 1):
        if m.start() == m.end():
            break
        start, line = m.start(), m.group().rstrip("\r\n")
        body = line.lstrip()
        offset = start + len(line) - len(body)
        obsolete = body.startswith("#~")
        if obsolete:
            rest = body[2:]
            if rest.startswith("|"):
                continue  # a previous msgid of an obsolete entry
            offset += 2 + len(rest) - len(rest.lstrip())
            body = rest.lstrip()
        if not body or body.startswith("#"):
            if current is not None and last.startswith("msgstr") and body.startswith("#"):
                current, last = None, ""  # a comment after a msgstr starts the next entry
            continue
        k = _KEYWORD.match(body)
        if k:
            keyword = k.group(1)
            if keyword in ("msgctxt", "msgid") and (current is None or last.startswith("msgstr")
                                                    or (keyword == "msgid" and last != "msgctxt"
                                                        and "msgid" in current.strings)):
                current = _Entry(number, obsolete)
                entries.append(current)
            if current is None:
                raise MalformedFile(f"PO syntax error: {keyword} without msgid", path, number)
            last = keyword
            body_offset = offset + k.end()
            rest = body[k.end() :]
        elif body.startswith('"') and current is not None and last:
            body_offset, rest = offset, body
        else:
            raise MalformedFile("PO syntax error: not a keyword, string or comment", path, number)
        s = _STRING.fullmatch(rest)
        if s is None:
            raise MalformedFile("PO syntax error: a string must be in double quotes, its quotes escaped", path, number)
        current.strings.setdefault(last, []).append(Span(body_offset + s.start(1), body_offset + s.end(1)))
    return entries


def _polib_entries(text: str, path: Path | str) -> list[object]:
    import polib

    try:
        po = polib.pofile(_OTHER_BREAKS.sub(" ", text) + "\n")  # its lines then are the file's lines
    except (OSError, ValueError, UnicodeError) as err:
        m = _POLIB_LINE.search(str(err))
        detail = str(err).split("):", 1)[-1].strip() if "):" in str(err) else ""
        raise MalformedFile(f"PO syntax error{': ' + detail if detail else ''}", path,
                            int(m.group(1)) if m else None) from None
    return list(po)


def _value(text: str, spans: list[Span]) -> str:
    return "".join(unescape(text[s.start : s.end]) for s in spans)


def _show(text: str, spans: list[Span], mask: list[str]) -> None:
    """Put the characters of PO strings into `mask`: an escape (\\" \\\\) shows the character
    it stands for in its first place and a blank after, as XML references do (see
    xmltokens.show_text); \\n and \\t read as white space."""
    for span in spans:
        i = span.start
        while i < span.end:
            c = text[i]
            if c == "\\" and i + 1 < span.end:
                nxt = text[i + 1]
                mask[i] = nxt if nxt in "\"\\'?" else " "
                i += 2
                continue
            mask[i] = c
            i += 1


def read_po(text: str, path: Path | str) -> BilingualFile:
    known = _polib_entries(text, path)
    entries = _scan(text, path)
    target, source = blank(text), blank(text)
    segments: list[Segment] = []
    skipped: list[str] = []
    header: dict[str, str] = {}
    rest = iter(known)
    for entry in entries:
        msgid = _value(text, entry.strings.get("msgid", []))
        ctxt = entry.strings.get("msgctxt")
        if msgid == "" and ctxt is None:
            for line in _value(text, entry.strings.get("msgstr", [])).splitlines():
                key, _, value = line.partition(":")
                header[key.strip().lower()] = value.strip()
            continue  # the header
        theirs = next(rest, None)
        if theirs is None or getattr(theirs, "msgid", None) != msgid:
            raise MalformedFile("PO entry not read alike by polib (check its quotes and keywords)", path, entry.line)
        unit = msgid if ctxt is None else f"{_value(text, ctxt)}\x04{msgid}"
        if entry.obsolete or getattr(theirs, "obsolete", False):
            skipped.append(unit)
            continue
        for keyword, spans in entry.strings.items():  # file order: msgstr[0], msgstr[1] …
            if not keyword.startswith("msgstr"):
                continue
            plural = keyword not in ("msgstr", "msgstr[0]")
            src_spans = entry.strings.get("msgid_plural" if plural else "msgid", [])
            _show(text, src_spans, source)
            src = trimmed(source, Span(src_spans[0].start, src_spans[-1].end)) if src_spans else None
            if src is None:
                continue
            _show(text, spans, target)
            tgt = trimmed(target, Span(spans[0].start, spans[-1].end))
            segments.append(Segment(unit, src, tgt, keyword if keyword.startswith("msgstr[") else None, entry.line))
    return BilingualFile("po", segments, "".join(target), "".join(source), primary_language(header.get("language")),
                         primary_language(header.get("x-source-language")), skipped)
