"""Bilingual files (XLIFF 1.2 and 2.x, SDLXLIFF, memoQ XLIFF, PO, TMX) as documents.

The document's `text` is the whole decoded file and its `prose` only the text of the target
segments (tags, codes, the header and everything else blanked), so rules see the translation
alone and every offset they report is a file offset: a fix edits the target in place and
leaves every other byte as it was. The source segments, masked the same way in the same text,
are the document's source, aligned segment by segment with the targets (no sentence
alignment: the file says which source each target translates).

Segments without a translation are not in the alignment: an empty target is work in
progress, not a sentence the translation dropped (TC803 would report every empty msgstr);
they are counted in the document's info and named in a notice.
"""

from __future__ import annotations

import bisect
import codecs
import re
from pathlib import Path

from termcheck.document import Document
from termcheck.io.bilingual.model import BilingualFile, Segment
from termcheck.io.textio import Decoded, read_article

KINDS = {".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff", ".mqxliff": "xliff", ".po": "po", ".tmx": "tmx",
         ".pot": "po"}
# Discovered in folders by default, beside *.txt and *.md (termcheck.config.DEFAULT_INCLUDE). Not
# .pot: a template has no translation to check (named on the command line, it is read as PO).
SUFFIX_GLOBS = [f"*{s}" for s in KINDS if s != ".pot"]

_XML_ENCODING = re.compile(r"""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_PO_CHARSET = re.compile(r"charset\s*=\s*([A-Za-z0-9._-]+)")

__all__ = ["KINDS", "SUFFIX_GLOBS", "BilingualFile", "Segment", "bilingual_kind", "parse", "read_bilingual"]


def bilingual_kind(path: Path) -> str | None:
    """'xliff', 'po' or 'tmx' from the file's suffix; None for anything else."""
    return KINDS.get(path.suffix.lower())


def declared_encoding(head: str, kind: str) -> str | None:
    """The encoding the file declares (XML declaration, PO header's charset), as a codec name."""
    m = _PO_CHARSET.search(head) if kind == "po" else _XML_ENCODING.match(head)
    if m is None:
        return None
    try:
        return codecs.lookup(m.group(1)).name
    except LookupError:
        return None


def read_bilingual(path: Path) -> Decoded:
    """The file decoded as it declares (a PO in ISO-8859-1 stays ISO-8859-1 when fixed, so a
    fix it cannot encode is left out), else as any article (BOMs, UTF-8, detected)."""
    decoded = read_article(path)
    kind = bilingual_kind(path)
    if kind is None or decoded.encoding.startswith(("utf-16", "utf-32")):
        return decoded
    # The declaration is ASCII, which every encoding read here decodes alike.
    encoding = declared_encoding(decoded.text[:8192], kind)
    if encoding is None or encoding in ("utf-8", codecs.lookup(decoded.encoding).name):
        return decoded
    data = decoded.text.encode(decoded.encoding)  # the file's bytes: a Decoded re-encodes to them
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return decoded


def parse(kind: str, text: str, path: Path | str, lang: str = "auto") -> BilingualFile:
    """The segments of a bilingual file; InputError (naming the line) when it is malformed."""
    if kind == "po":
        from termcheck.io.bilingual.po import read_po

        return read_po(text, path)
    if kind == "tmx":
        from termcheck.io.bilingual.tmx import read_tmx

        return read_tmx(text, path, lang)
    from termcheck.io.bilingual.xliff import read_xliff

    return read_xliff(text, path)


def unit_at(doc: Document, offset: int) -> tuple[str, str | None] | None:
    """The unit id (and segment id) of the target segment that holds `offset`, if any."""
    units = doc.meta.get("units")
    if not isinstance(units, list) or not units:
        return None
    i = bisect.bisect_right(units, offset, key=lambda u: u[0]) - 1  # units are in file order
    if i < 0 or not units[i][0] <= offset < units[i][1]:
        return None
    return units[i][2], units[i][3]
