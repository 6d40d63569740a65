"""What every bilingual format yields: its segments, each a target and a source place in the
raw file, with the id of the unit it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field

from termcheck.document import Span
from termcheck.errors import InputError


class MalformedFile(InputError):
    """A bilingual file that its format's parser cannot read: one error naming the file and line,
    and the run goes on with the other files (exit 2)."""


@dataclass(frozen=True)
class Segment:
    """One translatable segment. `target` and `source` are the character ranges of the
    segment's content in the raw file (between its tags, or inside its quotes); `target` is
    None where the file has no translation for it yet."""

    unit: str  # XLIFF trans-unit/unit id, PO msgctxt\x04msgid, TMX tuid or 1-based index
    source: Span
    target: Span | None
    segment: str | None = None  # the segment's own id where the format has one (SDL mrk mid, XLIFF 2 segment id)
    line: int = 0  # 1-based line of the unit in the file


@dataclass
class BilingualFile:
    """A parsed bilingual file: its segments in file order, the masks of their prose (the file's
    length, everything but the segments' text blanked) and the languages it declares."""

    kind: str  # 'xliff', 'po' or 'tmx'
    segments: list[Segment]
    target_prose: str
    source_prose: str
    target_lang: str = ""  # as declared in the file ('' when it does not say), primary subtag only
    source_lang: str = ""
    skipped: list[str] = field(default_factory=list)  # units left out (translate="no", obsolete …), for notices

    @property
    def untranslated(self) -> list[Segment]:
        return [s for s in self.segments if s.target is None]


# memoQ writes ISO 639-2 codes (eng-GB, fre-FR); termcheck's languages are ISO 639-1.
_THREE_LETTER = {"eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "spa": "es", "ita": "it",
                 "tur": "tr"}


def primary_language(tag: str | None) -> str:
    """'en' for 'en-US', 'EN_gb', 'eng-GB', 'en'; '' for nothing."""
    if not tag:
        return ""
    primary = tag.replace("_", "-").split("-")[0].strip().lower()
    return _THREE_LETTER.get(primary, primary)
