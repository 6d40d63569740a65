"""TC303 and TC304: constructions that machine translation carries over word for word,
written once as families over word classes (country names, titles, reporting verbs,
numbers) instead of one phrase at a time.

The word classes live in glossaries/lexicons/ (reviewed data); each family is a pure
function from a document's prose to findings, measured for false alarms on clean English
news (bench/precision.py) and for recall on real MT (bench/realmt.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.lexicon.word_classes import alternation, lexicon
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.literals import fold_prose

_WORDS = lexicon("constructions")
_WORDS_COUNTRIES: list[str] = lexicon("countries")["no_article"]
AFTER_NAME_ENDS_PHRASE = frozenset(_WORDS["after_name_ends_phrase"])
TITLES: list[str] = _WORDS["titles"]
INVERTED_REPORTING_VERBS: list[str] = _WORDS["inverted_reporting_verbs"]
PRESS_REPORTING_VERBS: list[str] = _WORDS["press_reporting_verbs"]
SAID_VERBS = frozenset(_WORDS["said_verbs"])


# Pattern texts, compiled by _finditer as it runs them (the two forms by case, not the whole).
@lru_cache(maxsize=1)
def _article_name() -> str:
    names = alternation(lexicon("countries")["no_article"] + _WORDS["organisations_no_article"])
    # "the France." / "of the France and" / "the Nebraska," / "the UBS said" -- but not "the France team",
    # "the Iraq war", "the Spain-based", "the France Telecom": what follows decides (below).
    return rf"(?<![\w-])([Tt]he) ({names}|Euro 20\d\d)(?![\w'’-])"


# A single line break is a space (hard-wrapped copy: "the Iran\narms deal"); a blank line ends it.
_GAP = r"[ \t]*(?:\r?\n[ \t]*)?"
_NEXT = re.compile(rf"{_GAP}([^\w\s]|\w+)?")
_NAME = rf"[A-Z][\w’'-]*(?:{_GAP}[A-Z][\w’'-]*)*"
# A list of names: ", London and New York", " and Afghanistan".
_MORE_NAMES = re.compile(rf"(?:{_GAP},{_GAP}{_NAME})*{_GAP},?{_GAP}(?:and|or){_GAP}{_NAME}")


def _ends_noun_phrase(prose: str, end: int) -> bool:
    """Does the name at prose[..end] end its noun phrase, so that "the" belongs to the name?
    A name used as a modifier ("the Iraq war", "the France team", "the Iraq and Afghanistan
    wars") is followed by the noun it modifies; a name standing alone by punctuation, a
    preposition or a verb."""
    more = _MORE_NAMES.match(prose, end)  # a list of names: look past ", London and New York"
    m = _NEXT.match(prose, more.end() if more else end)
    assert m is not None
    token = m.group(1)
    if token is None:
        return True
    if not token[0].isalnum():
        return token in ",.;:!?)\"”»"
    # "and" or "or" before a word in lower case ("in Czech Republic and went") ends it too.
    return token in AFTER_NAME_ENDS_PHRASE or (more is None and token in ("and", "or"))


@rule("TC303", "calque-construction", "A source-language construction carried over word for word.",
      Severity.WARNING, precedence=32, languages=("en",),
      flagged="The rebels accused the government of the Syria of shelling the town.",
      clean="The Syria talks in Geneva ended, the Iraq war went on and France voted.")
def construction(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """French, Spanish, Italian and German put an article or a title where English does not,
    and MT copies them: 'the France', 'the Nebraska' (le, la, el, die before a country or
    state), 'the professor Monti', 'the mayor Wolfgang Kellner' (a title with its article
    before a name), and a reporting verb put before its subject after a quotation ('…",
    declared the minister', 'affirmed the spokesman'). Each is a family over a word class,
    not a list of phrases: every country and US state, every title, every reporting verb.
    A country name used as a modifier ('the Iraq war', 'the France team') and a title set
    off by a comma ('the mayor, Wolfgang Kellner') are English and not flagged; 'said' and
    'added' before their subject are English too. The same holds for 'a prison of Missouri'
    (a concrete noun, 'of' and a place: 'a Missouri prison'), 'the park Zuccotti' (a generic
    noun before a name), 'in Czech Republic' (a name that takes 'the' without it), 'the
    biggest bank of the world', '50% of chances', 'in the value of $1 billion', 'a 52 year old
    woman' and 'the head of Turkish diplomacy'. Every family is measured on real MT and on
    clean English news (bench/realmt.py, bench/precision.py)."""
    prose = doc.prose
    yield from _article_before_name(prose)
    yield from _article_before_word_name(prose)
    yield from _title_before_name(prose)
    yield from _inverted_reporting_verb(prose)
    yield from _of_place(prose)
    yield from _missing_article(prose)
    yield from _generic_before_name(prose)
    yield from _noun_before_name(prose)
    yield from _speech_verb_that(prose)
    yield from _describing(prose)
    yield from _patterns(prose)


def _article_before_name(prose: str) -> Iterator[Finding]:
    for m in _finditer(_article_name(), prose):
        if not _ends_noun_phrase(prose, m.end()):
            continue
        name = m.group(2)
        yield construction.finding(
            m.start(), m.end(), f"'{m.group()}': English names '{name}' without an article",
            suggestions=[name], entry="article-before-name")


# "the arrogant Germany", "the rebellion Libya": the source's article kept before a word and a
# name that English writes without one ('l'Allemagne arrogante', 'la rebelión Libia'). Words
# with which English does put 'the' before a country are left alone (the new Germany, the
# former Yugoslavia), and so is a name used as a modifier (below).
_ENGLISH_WITH_THE = ("first|last|same|whole|entire|new|old|former|modern|present|present-day|contemporary|ancient|"
                     "medieval|postwar|post-war|prewar|pre-war|north|south|east|west|northern|southern|eastern|"
                     "western|central|rural|coastal|occupied|divided|reunified|united|unified|other|real|"
                     "so-called|then|rest|official|best|worst|only|next")


@lru_cache(maxsize=1)
def _article_word_name() -> str:
    names = alternation(lexicon("countries")["no_article"])
    return rf"(?<![\w-])([Tt]he) (?!(?:{_ENGLISH_WITH_THE})\b)([a-z]+) ({names})(?![\w'’-])"


def _article_before_word_name(prose: str) -> Iterator[Finding]:
    for m in _finditer(_article_word_name(), prose):
        if not _ends_noun_phrase(prose, m.end()):
            continue
        word, name = m.group(2), m.group(3)
        # A noun is the name's ('Libya's liberation'); an adjective stays before it ('arrogant Germany').
        english = f"{name}'s {word}" if _NOUN_ENDING.search(word) else f"{word} {name}"
        if m.group(1) == "The":
            english = english[0].upper() + english[1:]
        yield construction.finding(
            m.start(), m.end(), f"'{m.group()}': English writes '{name}' without an article, also after "
            f"a word that describes it ('{english}')", suggestions=[english], entry="article-before-word-name")


_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ity|ness|ism|ship|ance|ence|ure|ery|lion|[^su]s)$")


_NAME_WORD = r"[A-Z][a-zà-ÿ'’-]+"
_TITLE = re.compile(
    rf"(?<![\w-])([Tt]he) ((?i:{'|'.join(TITLES)})) "
    rf"({_NAME_WORD}(?: (?:{_NAME_WORD}|de|del|da|di|van|von|al|el|bin|ben))*)(?![\w-])")


def _title_before_name(prose: str) -> Iterator[Finding]:
    from termcheck.lexicon import zipf

    for m in _finditer(_TITLE, prose):
        title, name = m.group(2), m.group(3)
        first = name.split()[0]
        # "the General Assembly", "the King Fahd Causeway", "the President Hotel": a common
        # English word after a capitalised title makes a name of its own, not a person.
        if title[0].isupper() and (zipf(first.lower()) >= 3.5 or not 2 <= len(name.split()) <= 3):
            continue
        if prose[m.end():m.end() + 2] in ("'s", "’s"):
            continue  # "the Prince Charles's" is rare but English enough to leave alone
        suggestion = ("the late" if title.lower() == "deceased" else title[0].upper() + title[1:]) + " " + name
        yield construction.finding(
            m.start(), m.end(),
            f"'{m.group()}': English puts a title before a name without 'the' ('{suggestion}'), "
            "or sets the name off with a comma",
            suggestions=[suggestion], entry="title-before-name")


_INVERSION = re.compile(
    rf"(?<=[\"”»’]),?[ \t]+((?:has |had )?(?:(?:{'|'.join(INVERTED_REPORTING_VERBS)})"
    rf"(?:[ \t]+(?:[a-z]+ly|also|further|then|again))?"
    rf"|(?:{'|'.join(PRESS_REPORTING_VERBS)})[ \t]+to (?:the press|journalists|reporters|the media)))"
    r"[ \t]+(?=(?:the|a|an|his|her|their|its|[A-Z][a-zà-ÿ]+)\b)")


def _inverted_reporting_verb(prose: str) -> Iterator[Finding]:
    if not _may_match(prose, _INVERSION.pattern):
        return
    starts = [at + 1 for quote in "\"”»’" for at in _places(prose, quote)]  # a match starts after one
    for m in _matches_at(_INVERSION, prose, starts):
        verb = m.group(1)
        start = m.start(1)
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        yield construction.finding(
            start, end,
            f"'{prose[start:end]}' before its subject copies the source's word order after a quotation; "
            "English writes 'said X' or 'X said'",
            suggestions=[("told reporters" if " to " in verb else "said")] if _plain_verb(verb) in SAID_VERBS else [],
            entry="inverted-reporting-verb")


@lru_cache(maxsize=1)
def _noun_of_place_source() -> str:
    places = alternation(lexicon("countries")["no_article"])
    nouns = "|".join(_WORDS["nouns_before_place"])
    return rf"(?<![\w-])([Aa]n?) ({nouns}) of ({places})(?![\w'’-])"


@lru_cache(maxsize=1)
def _noun_of_place() -> re.Pattern[str]:
    return re.compile(_noun_of_place_source())


# A town or city: one capitalised word that ends the phrase ('a restaurant of Niamey on
# Saturday', 'a hotel of Washington.'); 'a company of British origin' and 'a team of Czech and
# German scientists' go on and are not read.
@lru_cache(maxsize=1)
def _noun_of_town_source() -> str:
    nouns = "|".join(_WORDS["nouns_before_place"])
    return (rf"(?<![\w-])([Aa]n?) ({nouns}) of ([A-Z][a-zà-ÿ'’-]+)"
            r"(?=[,.;:)]| (?:on|in|at|where|which|that|last|this|and (?![A-Z])|was|were|is|has|had|near|owned|run"
            r"|from|for|during|after|before|with|by|when|while)\b)")


@lru_cache(maxsize=1)
def _noun_of_town() -> re.Pattern[str]:
    return re.compile(_noun_of_town_source())


# Demonyms and peoples: plurals (Americans, Britons) and adjectives (Italian, Mexican, Czech, Chinese).
_PEOPLE_ENDINGS = ("s", "ese", "ish", "ian", "ean", "can", "ch")


def _of_place(prose: str) -> Iterator[Finding]:
    """'a prison of Missouri', 'a family of New York', 'a restaurant of Niamey': French,
    Spanish and Italian name the place with 'de'; English puts it first ('a Missouri prison')
    or says 'in'."""
    if not _may_match(prose, _noun_of_place_source()) and not _may_match(prose, _noun_of_town_source()):
        return
    # A match starts with 'a' or 'an' before ' NOUN of ': only those places are tried.
    starts = [at - back for noun in _WORDS["nouns_before_place"] for at in _places(prose, f" {noun} of ")
              for back in (1, 2)]
    seen: set[int] = set()  # a country or state found first is not a town as well
    for m in _matches_at(_noun_of_place(), prose, starts):
        seen.add(m.start())
        article = "an" if m.group(3)[0] in "AEIOU" else "a"
        suggestion = f"{article.capitalize() if m.group(1)[0] == 'A' else article} {m.group(3)} {m.group(2)}"
        yield construction.finding(m.start(), m.end(), f"'{m.group()}': English writes '{suggestion}' "
                                   f"(or '{m.group(1)} {m.group(2)} in {m.group(3)}')",
                                   suggestions=[suggestion], entry="noun-of-place")
    for m in _matches_at(_noun_of_town(), prose, starts):
        if m.start() in seen or m.group(3).endswith(_PEOPLE_ENDINGS):
            continue  # 'a team of Americans', 'a family of Chinese descent' are people, not a town
        suggestion = f"{m.group(1)} {m.group(2)} in {m.group(3)}"
        yield construction.finding(m.start(), m.end(), f"'{m.group()}': English writes '{suggestion}'",
                                   suggestions=[suggestion], entry="noun-of-place")


# Names that English writes with "the", which MT drops when the source has none ('en
# République tchèque', 'in Czech Republic').
_TAKES_THE_BEFORE = ("in", "of", "to", "from", "for", "with", "by", "at", "on", "against", "between", "and", "In",
                     "Of", "To", "From", "For", "With", "By", "At", "On", "Against", "Between")
_TAKES_THE_NAMES = ("Czech Republic", "United States", "United Kingdom", "Netherlands", "Philippines",
                    "United Arab Emirates", "Dominican Republic", "Central African Republic")
_TAKES_THE = re.compile(rf"(?<![\w-])(?:{'|'.join(_TAKES_THE_BEFORE)}) ({'|'.join(_TAKES_THE_NAMES)})(?![\w'’-])")


def _missing_article(prose: str) -> Iterator[Finding]:
    if not _may_match(prose, _TAKES_THE.pattern):
        return
    # A match starts with a word and a space before a name: only those places are tried.
    starts = [at - len(word) - 1 for name in _TAKES_THE_NAMES for at in _places(prose, name)
              for word in _TAKES_THE_BEFORE]
    for m in _matches_at(_TAKES_THE, prose, starts):
        if not _ends_noun_phrase(prose, m.end()):
            continue  # "in United States history": the name modifies a noun
        name = m.group(1)
        yield construction.finding(m.start(1), m.end(1), f"'{name}' takes 'the' in English",
                                   suggestions=[f"the {name}"], entry="missing-article")


# "the park Zuccotti", "the stadium Maksimir": Spanish 'el parque Zuccotti', German 'das
# Stadion Maksimir'; English puts the name first ('Zuccotti Park').
# Capitalised words after a noun that are not a name: days, months, and words that start a clause.
_NOT_A_NAME = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
               "|June|July|August|September|October|November|December|The|In|On|At|He|She|It|They|We|I|A|An"
               "|But|And|Mr|Mrs|Ms|Dr|This|That|These|Those|If|When|As|So|Or|Of|For|To|By|With|From")
_GENERIC_NOUNS = ("park", "street", "square", "avenue", "boulevard", "palace", "stadium", "airport", "cathedral",
                  "prison", "theatre", "theater", "casino", "museum", "region")
_GENERIC_NAME = re.compile(
    rf"(?<![\w-])(?:[Tt]he )?({'|'.join(_GENERIC_NOUNS)}) (?!(?:{_NOT_A_NAME})\b)([A-Z][a-zà-ÿ]+)(?![\w'’-])")


def _generic_before_name(prose: str) -> Iterator[Finding]:
    if not _may_match(prose, _GENERIC_NAME.pattern):
        return
    # A match starts at its noun or at 'the ' before it: only those places are tried.
    starts = [at - back for noun in _GENERIC_NOUNS for at in _places(prose, noun + " ") for back in (0, 4)]
    for m in _matches_at(_GENERIC_NAME, prose, starts):
        english = f"{m.group(2)} {m.group(1).capitalize()}"
        yield construction.finding(m.start(), m.end(), f"'{m.group()}': English puts the name first ('{english}')",
                                   suggestions=[english], entry="generic-before-name")


# "the company Vodafone", "the press agency Efe": the source's noun before the name (see
# noun_before_name in glossaries/lexicons/constructions.toml). A word before the noun makes it
# English: "the law firm Tods Murray", "the online bank Cahoot", "the Swiss bank UBS".
_NOUN_NAME = re.compile(
    rf"(?<![\w-])([Tt]he) ({alternation(_WORDS['noun_before_name'])}) (?!(?:{_NOT_A_NAME})\b)"
    r"([A-Z][\w&]*(?:[-'’][A-Z]?\w+)?)(?![\w'’-])")


def _noun_before_name(prose: str) -> Iterator[Finding]:
    if not _may_match(prose, _NOUN_NAME.pattern):
        return
    for m in _finditer(_NOUN_NAME, prose):
        name, noun = m.group(3), m.group(2)
        english = [f"{m.group(1)} {name} {noun}", name]
        yield construction.finding(m.start(), m.end(), f"'{m.group()}': English puts the name first "
                                   f"('{english[0]}') or writes the name alone",
                                   suggestions=english, entry="noun-before-name")


# "he detailed that", "Detailed that": a source verb of speech before 'that' (see speech_verb_that
# in glossaries/lexicons/constructions.toml); not in the passive ('was informed that').
_SPEECH_VERBS: dict[str, str] = dict(_WORDS["speech_verb_that"])  # type: ignore[arg-type]
_SPEECH_THAT = re.compile(rf"(?<![\w-])(?i:({alternation(_SPEECH_VERBS)})) that(?![\w-])")
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:am|is|are|was|were|be|been|being|get|gets|got|getting|feel|felt|rest)"
                             r"(?: [a-z]+ly)?|[\w-]+ly,?) $", re.IGNORECASE)


_SPEECH_VERB_LENGTHS = sorted({len(v) for v in _SPEECH_VERBS})  # re matches a letter in any case as one


def _speech_verb_that(prose: str) -> Iterator[Finding]:
    # A match starts a verb's length before ' that': only those places are tried.
    starts = [at - n for at in _places(prose, " that") for n in _SPEECH_VERB_LENGTHS]
    for m in _matches_at(_SPEECH_THAT, prose, starts):
        if _PASSIVE_BEFORE.search(prose, max(0, m.start() - 40), m.start()):
            continue  # 'was informed that', 'rest assured that'
        verb = m.group(1)
        english = _SPEECH_VERBS.get(verb.lower())
        if english is None:
            continue  # re's case folding matched another letter ('ſustained'): not the English verb
        english = english.capitalize() if verb[0].isupper() else english
        yield construction.finding(m.start(1), m.end(1), f"'{m.group()}': English does not report speech with "
                                   f"'{verb.lower()} that' (a source verb of speech); it writes '{english} that'",
                                   suggestions=[english], entry="speech-verb-that")


_WHOLE_PLACES = alternation([*_WORDS_COUNTRIES, "Europe", "Asia", "Africa", "America", "Latin America",
                              "South America", "North America", "Oceania", "Middle East"])
# "qualified the decision as 'flawed'" (calificó la decisión de), "describes the plan like a
# challenge" (la califica como): 0 per 10,000 words in the BBC full texts, the Reuters-21578
# file and the WMT12 and Potet references; 0.03-0.04 in WMT12 MT.
_QUALIFIED_AS = re.compile(r"(?<![\w-])(qualif(?:y|ies|ied|ying)) (?:the|a|an|this|that|these|his|her|their|its)"
                           r" (?:[\w-]+ ){1,3}(?:as|like|of) (?:an?\b|[\"“]|\w+ly\b)")
_DESCRIBING_VERBS = ("described", "describes", "describe", "describing", "considered", "considers", "defined",
                     "defines")
_DESCRIBED_LIKE = re.compile(rf"(?<![\w-])(?:{'|'.join(_DESCRIBING_VERBS)}) (?:[\w-]+ ){{0,3}}(like) (?=an?\b|[\"“])")
_DESCRIBE = {"qualify": "describe", "qualifies": "describes", "qualified": "described", "qualifying": "describing"}


def _describing(prose: str) -> Iterator[Finding]:
    for m in _QUALIFIED_AS.finditer(prose) if _may_match(prose, _QUALIFIED_AS.pattern) else ():
        verb = m.group(1)
        yield construction.finding(m.start(1), m.end(1), f"'{verb}' something 'as' is the source's 'calificar de' "
                                   f"('qualifier de'): English says '{_DESCRIBE[verb.lower()]}' it as",
                                   suggestions=[_DESCRIBE[verb.lower()]], entry="qualified-as")
    # A match starts with its verb: only those places are tried.
    starts = [at for verb in _DESCRIBING_VERBS for at in _places(prose, verb)] \
        if _may_match(prose, _DESCRIBED_LIKE.pattern) else []
    for m in _matches_at(_DESCRIBED_LIKE, prose, starts):
        yield construction.finding(m.start(1), m.end(1), "'described like a' is the source's 'como': English "
                                   "describes something 'as' a", suggestions=["as"], entry="described-like")


_SUPERLATIVES = "most|least|largest|biggest|greatest|highest|lowest|richest|poorest|oldest|newest|fastest|" \
    "strongest|weakest|best|worst|first|only|leading|main|major"
# Constructions over a closed class each: (entry, pattern, message, suggestion template or None).
_PATTERNS: tuple[tuple[str, re.Pattern[str], str, str | None], ...] = (
    ("superlative-of-the-world",
     re.compile(rf"\b(?:the|its|his|her|their) (?:{_SUPERLATIVES}) (?:[\w-]+ ){{0,3}}(of the world)\b"),
     "after a superlative English says 'in the world' (French 'du monde', Spanish 'del mundo')", None),
    ("percent-of-chances",
     re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?) ?% of (?:chances?|possibilities|possibility|probability)(?![\w-])"),
     "English gives a chance as 'a 50% chance' (French '50% de chances')", r"a \1% chance"),
    ("head-of-diplomacy",
     re.compile(r"(?<![\w-])([Tt])he (?:head|chief) of (?:the )?([A-Z][a-z]+) diplomacy(?![\w-])"),
     "'head of the X diplomacy' is the source's periphrasis (le chef de la diplomatie) for a foreign minister",
     r"\1he \2 foreign minister"),
    ("in-the-value-of",
     re.compile(r"(?<![\w-])in the value of(?: to)?"
                r"(?= (?:more than |about |around |some |over |up to |nearly |almost )?(?:\$|€|£|US|\d))"),
     "'in the value of' is German 'im Wert von' (Spanish 'por valor de'): English says 'worth'", "worth"),
    ("years-old-before-noun",
     re.compile(r"(?<![\w-])([Aa]n?|[Tt]he) (\d+) years? old(?= (?:man|woman|boy|girl|child|driver|player|mother|father"
                r"|student|son|daughter|teenager|pensioner|soldier|suspect|victim|singer|actor|actress|person|people|men"
                r"|women|children)\b)"),
     "before a noun English hyphenates an age ('a 52-year-old woman')", r"\1 \2-year-old"),
    ("declared-to-want",
     re.compile(r"(?<![\w-])(?:declared|announced|said|stated|explained|signalled|signaled|indicated)"
                r" to want to(?![\w-])"),
     "'declared to want to' copies German 'erklärt, … zu wollen': English says 'said it (he, she) would'", None),
    # The constructions below were each measured per 10,000 words: 0 in the BBC full texts (854k
    # words), the Reuters-21578 file and the WMT12 and Potet references (but the-whole-place and
    # in-the-last-years: one each in the Potet reference); 0.01-0.09 each in WMT12 MT. Rare, but
    # never English.
    ("power-with-the",  # dejar el poder, quitter le pouvoir
     re.compile(r"(?<![\w-])(leave|leaves|left|leaving|abandon|abandons|abandoned|abandoning|quit|quits|quitting"
                r"|relinquish|relinquished|cede|ceded|cling to|clings to|clung to|clinging to|seize|seized|seizes"
                r"|seizing|grab|grabbed|retain|retained|hold on to|held on to) the power(?![\w-])(?! (?:of|to|grid"
                r"|grids|plant|plants|station|stations|supply|supplies|struggle|cut|cuts|balance|sector|company"
                r"|companies|line|lines|base|vacuum|structure|structures|sharing|behind|that|which|he|she|they)\b)"),
     "English says 'leave power', 'seize power' without 'the' (French 'quitter le pouvoir')", r"\1 power"),
    ("the-whole-place",  # toute l'Asie, todo México
     re.compile(rf"(?<![\w-])([Tt])he whole ({_WHOLE_PLACES})(?![\w'’-])"),
     "English says 'the whole of Asia' or 'all of Asia' (French 'toute l'Asie')", r"\1he whole of \2"),
    ("at-the-time-of-an-event",  # lors d'une conférence de presse
     re.compile(r"(?<![\w-])at the time of (an?) (press conference|news conference|meeting|visit|speech|interview"
                r"|ceremony|debate|session|summit|trip|hearing|rally|conference)(?![\w-])"),
     "'at the time of a press conference' is French 'lors d'une conférence de presse': English says "
     "'at a press conference'", r"at \1 \2"),
    ("according-to-the-opinion-of",  # selon l'avis de, según la opinión de
     re.compile(r"(?<![\w-])([Aa])ccording to the opinion of(?![\w-])"),
     "English says 'according to' or 'in the opinion of'", r"\1ccording to"),
    ("it-is-enough-to",  # il suffit de regarder, basta con mirar
     re.compile(r"(?<![\w-])It is enough to (look|see|read|think|remember|recall|consider|watch|listen|glance|note"
                r"|mention|compare)(?![\w-])"),
     "'It is enough to look' is French 'il suffit de regarder': English says 'Just look'", r"Just \1"),
    ("made-of-someone-a",  # faire de quelqu'un une star, hacer de alguien
     re.compile(r"(?<![\w-])(made|make|makes|making) of (him|her|them|it|us|me) (a|an|the|one)(?![\w-])"),
     "'made of her a star' is French 'faire d'elle une star': English says 'made her a star'", r"\1 \2 \3"),
    ("of-the-field",  # los profesionales de la salud, l'industrie du tourisme
     re.compile(r"(?<![\w-])of the (health|soccer|tourism|education|employment|agriculture|commerce|culture|justice"
                r"|energy)(?= (?:for|in|on|at|and|or|but|with|to|from|by|that|which|who|was|were|is|are|has|have|had"
                r"|will|would)\b|[.,;:!?)])"),
     "a field of activity takes no article in English ('professionals of the health': health professionals)",
     r"of \1"),
    ("in-the-last-years",  # ces dernières années, en los últimos años, in den letzten Jahren
     re.compile(r"(?<![\w-])([Ii])n the last years(?! (?:of|before|after|when|that)\b)"),
     "English says 'in recent years' or 'in the last few years' (French 'ces dernières années')",
     r"\1n recent years"),
    ("in-the-line-of",  # dans la lignée de, en la línea de
     re.compile(r"(?<![\w-])([Ii])n the line of(?= (?:the|its|his|her|their|this|these|what)\b)"),
     "'in the line of' is the source's 'dans la lignée de': English says 'in line with'", r"\1n line with"),
    ("hyphenated-title",  # Foodwatch-Chef Thilo Bode
     re.compile(r"(?<![\w-])([A-Z][\w]+)-(leader|chief|boss|head|spokesman|spokeswoman|founder|director|manager"
                r"|chairman|president)(?= [A-Z])"),
     "German joins a name and a title with a hyphen (Foodwatch-Chef): English writes them apart", r"\1 \2"),
    ("of-the-next-year",  # las elecciones del próximo año
     re.compile(r"(?<![\w-])(elections?|budget|games|championship|summit|season|Olympics|World Cup|vote|campaign)"
                r" of the (next|coming) year(?![\w-])"),
     "English says 'next year's elections' (Spanish 'las elecciones del próximo año')", r"\2 year's \1"),
    ("on-the-early-day",  # am frühen Montagmorgen
     re.compile(r"(?<![\w-])on the early (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                r" (morning|evening|afternoon)(?![\w-])"),
     "German 'am frühen Montagmorgen': English says 'early on Monday morning'", r"early on \1 \2"),
    ("valid-also-for",  # vale también para, gilt auch für
     re.compile(r"(?<![\w-])(is|are|was|were) valid also (for|to|in)(?![\w-])"),
     "'is valid also for' is the source's 'vale también para': English says 'also applies to'",
     r"\1 also true \2"),
    ("arrived-up-to",  # llegó hasta los tribunales
     re.compile(r"(?<![\w-])(?:arrived|arrive|arrives|arriving|came|come|comes|went|go|goes|reached) up to the"
                r"(?![\w-])"),
     "'arrived up to the courts' is Spanish 'llegó hasta': English says 'reached' or 'went as far as'",
     None),
    ("the-thing-is",  # la cosa está clara, die Sache ist klar
     re.compile(r"(?<![\w-])([Tt])he thing (is|was) (clear|simple|serious|different|complicated)(?![\w-])"),
     "'the thing is clear' is the source's 'la cosa está clara' ('die Sache ist klar'): English says "
     "'the matter is clear' or 'it is clear'", r"\1he matter \2 \3"),
    ("for-something",  # por algo
     re.compile(r"(?:^|(?<=[.!?] ))(F)or something(?=,)", re.MULTILINE),
     "'For something,' is Spanish 'por algo': English says 'That is why' or 'Not for nothing'", None),
    ("in-what-concerns",  # en lo que concierne a, en ce qui concerne
     re.compile(r"(?<![\w-])([Ii])n what (?:concerns|regards|refers to|has to do with)(?![\w-])"),
     "'in what concerns' is the source's 'en lo que concierne': English says 'as regards' or 'as for'",
     r"\1n regard to"),
    ("count-with",  # contar con, compter avec
     re.compile(r"(?<![\w-])(count|counts|counted|counting) with(?= (?:the|a|an|more|over|about|some|\d))"),
     "'count with' is Spanish 'contar con': English says 'have' or 'rely on'", None),
    # Spanish and Italian drop the subject ('explicó', 'ha spiegato'); MT fills in 'it'. Only verbs
    # that English news hardly gives an organisation in a sentence of its own (per 10,000 words:
    # BBC 0.00-0.01 each, WMT12 reference 0.00, WMT12 Spanish MT up to 0.17); not said, added,
    # noted, stated, stressed, warned or announced, which an organisation does ('It said'). Only
    # at a sentence's start: '…, it explained.' after a quotation is an organisation's tag in
    # English news (Reuters).
    ("it-for-a-person",
     re.compile(r"(?:^|(?<=[.;:?!] )|(?<=[.;:?!][\"”] ))"
                r"(I)t (explained|indicated|declared|expressed|affirmed|detailed|emphasi[sz]ed|informed|recalled"
                r"|clarified|asserted|assured|insured|pointed out|commented|underlined|insisted|specified"
                r"|manifested)(?= that\b|[,:]| to (?:the )?(?:journalists"
                r"|reporters|press|media)\b)", re.MULTILINE),
     "a person's words: Spanish and Italian drop the subject ('explicó'), and English names it "
     "('he explained', 'she explained')", None),
)


def _patterns(prose: str) -> Iterator[Finding]:
    faster = _faster()
    for entry, pattern, message, template in _PATTERNS:
        if not _may_match(prose, _source(pattern)):
            continue
        fast, key = faster.get(entry, (pattern, None))
        if key is not None and not key.search(prose):
            continue
        if entry == "superlative-of-the-world":  # starts with 'the', 'its', 'his', 'her' or 'their' before one
            found = _matches_at(pattern, prose, [at - back for word in _SUPERLATIVES.split("|")
                                                 for at in _places(prose, f" {word} ") for back in (3, 5)])
        else:
            found = _finditer(fast, prose)
        for m in found:
            if entry == "superlative-of-the-world":
                start, end, suggestions = m.start(1), m.end(1), ["in the world"]
            elif entry == "it-for-a-person":
                start, end = m.start(), m.end()
                h, s = ("H", "S") if m.group(1) == "I" else ("h", "s")
                suggestions = [f"{h}e {m.group(2)}", f"{s}he {m.group(2)}"]
            else:
                start, end = m.start(), m.end()
                suggestions = [m.expand(template)] if template else []
            yield construction.finding(start, end, f"'{prose[start:end]}': {message}", suggestions=suggestions,
                                       entry=entry)


def _plain_verb(verb: str) -> str:
    """'has declared to the press' -> 'declared'."""
    words = verb.split()
    return words[1] if words[0] in ("has", "had") else words[0]


# Most articles hold none of the constructions above: each pattern has keys (termcheck.rules.support.literals,
# as the phrase glossaries have in rules/support/triggers.py), folded text of which every match holds
# one, and one automaton scan of the folded prose tells which patterns may match; the others
# are not run (each is a scan of the whole text: 25 of them took a second per MB). A pattern
# whose keys are short (' the ', ' that') is in nearly every article and just runs.
_MIN_KEY = 5


def _source(pattern: re.Pattern[str]) -> str:
    """The pattern's text with the flags that change what it matches."""
    return ("(?m)" if pattern.flags & re.MULTILINE else "") + pattern.pattern


class _Gate:
    """Which of the gated patterns may match a text, from one scan of its folded form."""

    def __init__(self, sources: list[str]) -> None:
        import ahocorasick

        from termcheck.rules.support.triggers import keys_of

        self.gated: set[str] = set()
        self.by_key: dict[str, list[str]] = {}
        self.automaton: Any = ahocorasick.Automaton()
        for source, keys in zip(sources, keys_of(sources), strict=True):
            if not keys or min(len(k.strip()) for k in keys) < _MIN_KEY:
                continue
            self.gated.add(source)
            for key in keys:
                if key not in self.by_key:
                    self.by_key[key] = []
                    self.automaton.add_word(key, key)
                self.by_key[key].append(source)
        if self.by_key:
            self.automaton.make_automaton()
        self._last: tuple[str, set[str]] | None = None

    def may_match(self, text: str, source: str) -> bool:
        if source not in self.gated:
            return True
        if self._last is None or self._last[0] is not text:
            found: set[str] = set()
            if self.by_key:
                for key in {key for _, key in self.automaton.iter(fold_prose(text))}:
                    found.update(self.by_key[key])
            self._last = (text, found)
        return source in self._last[1]


@lru_cache(maxsize=1)
def _gate() -> _Gate:
    return _Gate([*(_source(p) for _, p, _, _ in _PATTERNS), _INVERSION.pattern, _noun_of_place_source(),
                  _noun_of_town_source(), _TAKES_THE.pattern, _GENERIC_NAME.pattern, _NOUN_NAME.pattern,
                  _QUALIFIED_AS.pattern, _DESCRIBED_LIKE.pattern])


def _may_match(prose: str, source: str) -> bool:
    """False only where the pattern (its text, as _source gives it) cannot match `prose`."""
    return _gate().may_match(prose, source)


# 'the' or 'The' starts many of the patterns above, after a test of the character before; re
# then tries that test at every character of the text, and a class such as [Tt] first is not
# much faster. Such a pattern is run as two, one per case, each starting with its literal
# ('The ' or 'the ', which re finds quickly) and the test made after it ((?<![\w-]The ): the same
# character, looked at four steps later): the two never match at one place, and the leftmost
# of their next matches is, each time, the whole pattern's next match.
_THE_LEADS = (r"(?<![\w-])([Tt]he) ", r"(?<![\w-])([Tt])he ")


@lru_cache(maxsize=64)
def _by_case(source: str, flags: int) -> tuple[re.Pattern[str], ...] | None:
    for lead in _THE_LEADS:
        if source.startswith(lead):
            group = lead[len(r"(?<![\w-])"):]
            rest = source[len(lead):]
            return tuple(re.compile(group.replace("[Tt]", t) + rf"(?<![\w-]{t}he )" + rest, flags) for t in "Tt")
    return None


def _finditer(pattern: re.Pattern[str] | str, text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), by case where the pattern starts with a test and 'the' (above)."""
    source, flags = (pattern, 0) if isinstance(pattern, str) else (pattern.pattern, pattern.flags)
    split = _by_case(source, flags)
    if split is None:
        yield from (re.compile(source, flags) if isinstance(pattern, str) else pattern).finditer(text)
        return
    found = [p.search(text) for p in split]
    while True:
        live = [m for m in found if m is not None]
        if not live:
            return
        first = min(live, key=lambda m: m.start())
        yield first
        end = first.end()  # never empty: 'the ' at least
        found = [m if m is None or m.start() >= end else p.search(text, end) for p, m in zip(split, found, strict=True)]


def _lead_moved(pattern: re.Pattern[str], lead: str, faster: str) -> re.Pattern[str]:
    assert pattern.pattern.startswith(lead), pattern.pattern
    return re.compile(faster + pattern.pattern[len(lead):], pattern.flags)


def _tail(pattern: re.Pattern[str], start: str) -> re.Pattern[str]:
    return re.compile(pattern.pattern[pattern.pattern.index(start):], pattern.flags)


@lru_cache(maxsize=1)
def _faster() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
    """Per entry of _PATTERNS, a pattern that matches exactly as its own (tests/test_speedups.py
    compares them on generated text), and a search that finds something wherever it matches.
    The first starts with a literal, which re finds quickly, and makes the test of what comes
    before after it ('in the value of(?<![\\w-]in the value of)': the same character, looked at
    later); the second is the pattern's last part, led by a literal, for a pattern whose keys
    are in most articles ('-chief' before a name, not the 'chief' of the keys)."""
    patterns = {entry: pattern for entry, pattern, _, _ in _PATTERNS}
    return {
        "in-the-value-of": (_lead_moved(patterns["in-the-value-of"], r"(?<![\w-])in the value of",
                                        r"in the value of(?<![\w-]in the value of)"), None),
        "of-the-field": (_lead_moved(patterns["of-the-field"], r"(?<![\w-])of the ", r"of the (?<![\w-]of the )"),
                         None),
        "percent-of-chances": (_lead_moved(patterns["percent-of-chances"], r"(?<![\w.,])(\d+",
                                           r"(\d(?<![\w.,]\d)\d*"), None),
        # ^ (multiline) before 'It ' is a character before it that is not a line break, or none.
        "it-for-a-person": (_lead_moved(patterns["it-for-a-person"], r"(?:^|(?<=[.;:?!] )|(?<=[.;:?!][\"”] ))(I)t ",
                                        r"(I)t (?:(?<![^\n]It )|(?<=[.;:?!] It )|(?<=[.;:?!][\"”] It ))"), None),
        "years-old-before-noun": (patterns["years-old-before-noun"], _tail(patterns["years-old-before-noun"],
                                                                           " years? old")),
        "hyphenated-title": (patterns["hyphenated-title"], _tail(patterns["hyphenated-title"], "-(")),
    }


def _places(text: str, literal: str) -> Iterator[int]:
    """Where `literal` occurs in `text` (str.find, much faster than a scan by re)."""
    at = text.find(literal)
    while at >= 0:
        yield at
        at = text.find(literal, at + 1)


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern whose every match starts at one of `starts`
    (tests/test_speedups.py compares them): each place tried in order, never inside the previous
    match, as finditer would."""
    end = 0
    for at in sorted(set(starts)):
        if at >= end:
            m = pattern.match(text, at)
            if m:
                yield m
                end = m.end()
