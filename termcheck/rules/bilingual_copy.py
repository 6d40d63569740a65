"""TC802 untranslated-copy: a target sentence that is its source sentence again, and source
words the translation copied instead of translating."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.lexicon import zipf
from termcheck.rules.foreign_words import inside_spans, unread_spans
from termcheck.rules.names import LANG_NAMES
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import WORDS, aligned_pairs, unaccented, word_count
from termcheck.rules.support.candidates import mostly_names

MIN_SENTENCE_WORDS = 4  # shorter identical pairs are names, figures, datelines
NEAR_IDENTICAL = 0.9  # difflib ratio of the folded sentences
MIN_WORD = 4  # letters; shorter copies are mostly shared words (via, pro, gas)
TARGET_ZIPF_MAX = 2.5  # rarer than this in the target language: not a word of it
SOURCE_ZIPF_MIN = 1.0  # and a word of the source language at least this common
# English text lists some source words a little more often, as names ('El País', 'Los Alamos'):
# written in lower case, a word this rare in English and far more common in the source is copied.
NAME_ONLY_ZIPF = 3.0
NAME_ONLY_LEAD = 1.5
# A word known to neither language (a rare compound or derivation: intercuatrimestral,
# Finanzmarktregulierer) copied from the source in lower case is untranslated too, from this length.
MIN_UNKNOWN = 6
# A capitalised German word is a noun or a name; one unknown to wordfreq and this long is a
# compound noun (names this long are rare, and an institution's compound name wants translating too).
LONG_COMPOUND = 12
# ... and a German noun of this length or more, unknown to English, that takes an article in both
# sentences ('die Quargel': 'the Quargel'; 'der geschwächten Länders': 'the weak Länders'): a name
# takes none in either (Krischanitz, Mölln), and a noun unknown to wordfreq this long is no name.
MIN_GERMAN_NOUN = 5
# ... and a lower-case part of a German compound copied alone, at least this much shorter than it.
COMPOUND_REST = 3
ABSENT_PART = 1.5  # the part is (nearly) unknown to the target language ('schaft': English 1.4, German 3.5)
PART_LEAD = 1.5
MIN_UNKNOWN_NOUN = 8
# A word English knows this well is an English loan (gastritis, dogmas, bonhomie) unless the source
# language uses it far more.
ENGLISH_LOAN = 1.5
LOAN_LEAD = 1.0
_SPACES = re.compile(r"\s+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_EN_DETERMINERS = frozenset("the a an this these those its his her their our my your every each no any some".split())
_DE_DETERMINERS = frozenset("""der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
keiner dieser diese dieses diesen diesem jeder jede jedes jeden jedem sein seine seinen seinem seiner seines ihr
ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer unseres""".split())
_EN_NOT_ADJECTIVES = frozenset("of and or in to by for with at from on as than".split())


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def copied_sentence(target: str, source: str) -> bool:
    """Is `target` its source again (after case and space folding, or nearly)?"""
    t, s = _fold(target), _fold(source)
    if word_count(t) < MIN_SENTENCE_WORDS or mostly_names(target):
        return False
    return t == s or SequenceMatcher(None, t, s, autojunk=False).ratio() >= NEAR_IDENTICAL


def _english_only_as_name(word: str, target_zipf: float, source_zipf: float) -> bool:
    """Does English list `word` (at TARGET_ZIPF_MAX or a little more) only as a name, so that in
    lower case it is the source's word copied ('sobre', 'parte', 'pais' for país)? Not a word
    with the source's accent, which English lists because it borrowed it so ('communiqué')."""
    return word.islower() and word.isascii() and target_zipf < NAME_ONLY_ZIPF and \
        source_zipf >= target_zipf + NAME_ONLY_LEAD


def _in_address(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a web or mail address (www.festival.cz, name@paper.fr)?"""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in "./@_" or after in "/@_" or (after == "." and text[end + 1 : end + 2].isalnum())


def _after_determiner(text: str, start: int, determiners: frozenset[str], german: bool) -> bool:
    """Is the word at `start` led by a determiner, right before it or before one adjective
    ('the weak', 'der geschwächten'), inside its clause?"""
    before = text[max(0, start - 60):start]
    if before.rstrip().endswith((".", ",", ";", ":", "(", '"')):
        return False
    words = _LETTER_RUN.findall(before)
    if not words:
        return False
    if words[-1].lower() in determiners:
        return True
    adjective = words[-1].islower() and (words[-1].endswith(("e", "en", "er", "es", "em")) if german
                                         else words[-1] not in _EN_NOT_ADJECTIVES)
    return len(words) >= 2 and adjective and words[-2].lower() in determiners


def _among_lower_case(text: str, start: int, length: int) -> bool:
    """Is the word between two lower-case words of its clause (how Frauentyp as), where a
    noun of the sentence stands and a name seldom does?"""
    before = _LETTER_RUN.findall(text[max(0, start - 30):start])
    after = _LETTER_RUN.match(text, start + length + 1) if text[start + length:start + length + 1] == " " else None
    return bool(before) and before[-1].islower() and before[-1] not in _EN_NOT_ADJECTIVES and \
        after is not None and after.group().islower()


def _german_noun(word: str, target: str, start: int, source: str, source_start: int) -> bool:
    """A capitalised German word copied into English that is a noun, not a name: unknown to
    English, known to German (with or without a wrong plural s: Länders) or long, and led by
    a determiner in both sentences."""
    if len(word) < MIN_GERMAN_NOUN or zipf(word.lower(), "en") > 0:
        return False
    lower = word.lower()
    known = zipf(lower, "de") > 0 or (lower.endswith("s") and zipf(lower[:-1], "de") > 0)  # Länders
    if not known and len(word) < MIN_UNKNOWN_NOUN:
        return False
    if not _after_determiner(source, source_start, _DE_DETERMINERS, True):
        return False
    # Among lower-case words only a word German lists: a name there (Misimovic) is unknown to it.
    return _after_determiner(target, start, _EN_DETERMINERS, False) or \
        (zipf(lower, "de") > 0 and _among_lower_case(target, start, len(word)))


def _compound_part(word: str, where: dict[str, tuple[int, int]], target_lang: str) -> tuple[int, int] | None:
    """Where the source has a German compound of which `word` is a part, copied alone (the
    rest translated or dropped: 'Landschaftsplaner' as 'schaft planner', 'Hausbesetzer' as
    'the besetzer'): a German word that the target language hardly knows, inside a source
    word at least COMPOUND_REST letters longer; None otherwise."""
    target = zipf(word, target_lang)
    if target >= ABSENT_PART or zipf(word, "de") < target + PART_LEAD:
        return None
    return next((span for host, span in where.items() if len(host) >= len(word) + COMPOUND_REST and word in host),
                None)


def copied_words(target: str, source: str, target_lang: str,
                 source_lang: str) -> Iterator[tuple[re.Match[str], tuple[int, int]]]:
    """Words of `target` copied from `source` (each with where it is in `source`) that are
    words of the source language and not of the target's; names (capitalised in both) and
    words inside quotation marks are skipped."""
    in_source: dict[str, bool] = {}  # folded word: capitalised somewhere in the source
    where: dict[str, tuple[int, int]] = {}
    exact: dict[str, int] = {}  # a word as the source spells it: where it first is
    for m in WORDS.finditer(source):
        w = m.group()
        exact.setdefault(w, m.start())
        for key in {w.casefold(), unaccented(w.casefold())}:  # país: pais, copied without its accent
            in_source[key] = in_source.get(key, False) or w[0].isupper()
            where.setdefault(key, m.span())
    unread = unread_spans(target)
    for m in WORDS.finditer(target):
        w = m.group()
        key = w.casefold()
        if len(w) < MIN_WORD or w.isupper():
            continue
        if key not in in_source:
            if source_lang == "de" and w.islower() and not inside_spans(unread, m.start()):
                host = _compound_part(key, where, target_lang)
                if host is not None:
                    yield m, host
            continue
        lower = w.lower()
        unknown = zipf(lower, target_lang) == 0.0 and zipf(lower, source_lang) == 0.0
        if w[0].isupper() and in_source[key] and not (source_lang == "de" and unknown and len(w) >= LONG_COMPOUND):
            if source_lang == "de" and w in exact and not inside_spans(unread, m.start()) and \
                    _german_noun(w, target, m.start(), source, exact[w]):
                yield m, where[key]
            continue  # a name (or a German noun: capitals cannot tell them apart, but for long compounds)
        if inside_spans(unread, m.start()):
            continue  # quoted (a title, a foreign quotation) or in brackets: they keep their language
        if _in_address(target, m.start(), m.end()):
            continue
        target_zipf = zipf(lower, target_lang)
        if target_zipf >= TARGET_ZIPF_MAX and not _english_only_as_name(w, target_zipf, zipf(lower, source_lang)):
            continue
        if target_zipf >= ENGLISH_LOAN and zipf(lower, source_lang) < target_zipf + LOAN_LEAD:
            continue
        if unknown and (w[0].isupper() and source_lang != "de" or len(w) < MIN_UNKNOWN):
            continue
        if not unknown and zipf(lower, source_lang) < max(SOURCE_ZIPF_MIN, zipf(lower, target_lang)):
            continue
        yield m, where[key]


@rule("TC802", "untranslated-copy", "A sentence or word copied from the source instead of translated.",
      Severity.WARNING,
      flagged="Storm in Kiel. Der Hafen bleibt geschlossen. ||| Sturm in Kiel. Der Hafen bleibt geschlossen.",
      clean="The authorities cited the burnt-out buildings in Berlin. ||| "
            "Die Behörden nannten die ausgebrannten Gebäude in Berlin.",
      # TC502's precedence: a copied sentence is reported beside the words TC502 finds in it, and
      # where both flag the same word TC502 keeps it (it suggests a translation; TC802 cannot).
      fixable=False, precedence=50, needs_source=True)
def untranslated_copy(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """A target sentence identical to its aligned source sentence (or nearly: case, spacing,
    90% of the characters) was not translated. Inside a translated sentence, a word that is
    also in its source sentence, is rare in the target language (wordfreq) and more common in
    the source language (by a wide margin for a word English knows as a loan: gastritis,
    dogmas) was copied over; so was one known to neither language (a rare compound or
    derivation) of six letters or more, in lower case. Capitalised words also capitalised in
    the source are names and are skipped; a German noun copied with its capital (case alone
    cannot tell it from a name) is reported when it is a compound unknown to both languages
    of twelve letters or more, or when it is unknown to English and an article leads it in
    the source ('die Quargel', 'einen Frauentyp') and in the translation, or, for a word German
    lists, two lower-case words stand round it there ('how Frauentyp as'), where a name seldom
    stands; so is a lower-case part of a German compound copied alone ('Landschaftsplaner':
    'schaft planner'), a German word English hardly knows. Acronyms, words under four
    letters (a copied function word, pero or nicht, is TC502's: it needs no
    source), words in quotation marks and parts of web or mail addresses are skipped too."""
    source = dctx.source
    assert source is not None
    if source.lang == doc.lang:
        return
    name = LANG_NAMES.get(source.lang, source.lang)
    for pair in aligned_pairs(doc, dctx):
        if pair.target is None or pair.source is None:
            continue
        src_span = Span(pair.source.start, pair.source.end)
        if copied_sentence(pair.target_text, pair.source_text):
            yield untranslated_copy.finding(pair.target.start, pair.target.end,
                                            f"this sentence is its {name} source, not translated",
                                            origin=source.lang, source_span=src_span)
            continue
        for m, (s, e) in copied_words(pair.target_text, pair.source_text, doc.lang, source.lang):
            yield untranslated_copy.finding(pair.target.start + m.start(), pair.target.start + m.end(),
                                            f"'{m.group()}' is copied from the {name} source, not translated",
                                            origin=source.lang,
                                            source_span=Span(pair.source.start + s, pair.source.start + e))
