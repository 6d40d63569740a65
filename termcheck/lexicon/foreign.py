"""Is a single word English, or a word of a source language left untranslated (TC502)?

A word is judged by itself, once per process per lower-case spelling (bounded caches), from
wordfreq's frequencies (termcheck.lexicon.zipf) and from its shape:

- frequency: rare in English and clearly more common in French, German, Spanish, Italian or
  Turkish ('désormais': English 0, French 5.0);
- letters English does not write in a lower-case word of its own (impopularísimas): English
  uses accents only in loanwords, which wordfreq lists as English (café, résumé, naïve);
- endings: a word that no list knows (a misspelt or invented source word) but that ends the way
  thousands of one source language's words end and almost no English word does (-ieron, -aient,
  -ungs): SUFFIXES below;
- German compounds: a capitalised word unknown to English that splits into German words
  (Zug|verspätung, Haushalts|defizit).

Thresholds are on wordfreq's Zipf scale (0 unknown, 1 the rarest listed word, 3 once per
million words). They were set on human English news (the BBC corpus, ~1M words, and the Lee
corpus) against machine translation of the same kind of news (WMT12 system outputs from
French, German and Spanish): the values below keep human English nearly silent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from termcheck.lang.function_words import WORD_LANGS
from termcheck.lexicon import zipf

SOURCE_LANGS = ("fr", "de", "es", "it", "tr")

# A word at least this common in English is English (loanwords included: fiesta 3.3, junta 3.3,
# intifada 2.7, Bundestag 2.5, culpa 2.5); below it a source language must be far more common.
EN_MAX = 2.5
# Frequency: the source language's Zipf value at least SRC_MIN and GAP above English's.
SRC_MIN = 2.0
GAP = 2.0
# A gap this wide, or a word English does not list (below ABSENT_EN), or one English seldom
# uses (below RARE_EN) that is very common in the source (volar: English 1.8, Spanish 4.3) is a
# strong clue, reported alone; the others need company (see the rule).
STRONG_GAP = 3.0
ABSENT_EN = 1.0
RARE_EN = 2.0
COMMON_SRC_STRONG = 4.0
# A capitalised word at a sentence's start may be a name: reported only when the source
# language uses it this often (Mientras, Désormais).
COMMON_SRC = 3.5
# English words one letter away from a word unknown to English make it a misspelling, and
# English endings on an English stem an inflection wordfreq does not list.
NEAR_EN = 3.0
STEM_EN = 2.5
# English endings, each with the stem endings it follows ("": any): boxes, not stylistes.
_ENGLISH_ENDINGS = (("s", ""), ("es", "sxzho"), ("ed", ""), ("d", "e"), ("ing", ""), ("ly", ""), ("er", ""),
                    ("ers", ""))
# Misspellings are looked for in words this long: a short word is one letter from many English ones.
NEAR_MIN_LEN = 7
# Languages within this of the most common one are also possible for the word (the
# article's other candidates choose between them).
CLOSE = 0.5
# German compounds: each part a German word at least this common; the whole word unknown to English.
PART_MIN = 2.5
COMPOUND_MIN_LEN = 9
# The last part of a hyphenated German compound: a German word at least this common.
HEAD_DE = 3.5
# A compound's part is German, not English, when German uses it this much more (finanz, frauen).
GERMAN_ONLY = 1.0

# Word endings shared by at least 150 words (7+ letters, Zipf >= 1.5) of one source language
# and at most a fiftieth as many English and a quarter as many of any other of these source
# languages, the shortest kept where one ends another; computed from wordfreq's lists by
# `derive_suffixes` (wordfreq 3.x).
SUFFIXES: dict[str, frozenset[str]] = {
    "fr": frozenset("""ait iez ifs isé ité lée lés née nés rez rée rés sez sme sée sés tez tée tés ène ère ées euse
        rais ères aient ateur erons eront euses iques isant isent istes ssent teurs èrent""".split()),
    "de": frozenset("""ahl ahn ahr amm amt anz atz auf bau ben che cht cke ckt dem det ebe egt eht eis eit ekt eln elt
        enz erk ern etz fen fte gem gen gte hem hen hle hme hre hrt hte ieb ieg ige igt kte lag len lig
        llt lte mmt nde nen ngt nkt nst ppe rag ren rke rkt sch sig sst tem ten tet tig tik tur tze tzt
        tät ufe ung uss utz weg zte zug äge äre ück auen bare bene biet bild chts cken dert eich eien
        eile eise eite erin erte euer gabe gend haft halt hnik hrer hule iden iele iert iger iges iken
        iker isen lich mmen nden ndes nken nzen olle osen piel ppen raum rein rken rtes ruch smus teil
        tert tete ttel tzen tzes umen ungs wert äger änge äume ahmen ehmen eiter erter icher iches issen
        ktion nisse nlage ormen ossen rasse scher sches sdorf sheim tiven""".split()),
    "es": frozenset("""aba ada ado ará aré azo cas cos das dos eos gía irá iza ión mos rar rme rán rás ría sos vos zos
        ían ías aban aron arse dose etas idad irse ivas izar ntos osas rlas rles rlos rnos stas acion
        adora arios dades doras dores eando iendo iento ieran ieron iones ncias ndome""".split()),
    "it": frozenset("""amo ati ato avo bbe emo erà erò evi gli ici ili iti ità ivi mmo nno nti oci oni ono osi rci rli
        rmi rsi rti rvi sce sti zza arne bero ccia iali iare iata ione lare nali nano nare otto rare
        sero simi tare tava tori vano zare zata zate abile atore atura ibile mento ndone ssima ssimo
        tiche""".split()),
}
SUFFIX_MIN_LEN = 8
# A word no list knows, one edit from a source word at least this common, is that word misspelt.
MISSPELT_MIN_LEN = 7
MISSPELT_SRC = 3.0
RARE_SOURCE_LEN = 8  # see _verdict: a long word listed only by one source language, rarely
RARE_SOURCE_MIN = 1.0
RARE_SOURCE_LANGS = ("fr", "es", "it")

# Letters that only some source languages write (a word no list knows is given to them).
LETTER_LANGS = {
    "ñ": ("es",), "á": ("es",), "í": ("es", "it"), "ó": ("es", "it"), "ú": ("es",),
    "é": ("fr", "es", "it"), "è": ("fr", "it"), "à": ("fr", "it"), "ù": ("fr", "it"), "ò": ("it",), "ì": ("it",),
    "â": ("fr",), "ê": ("fr",), "î": ("fr",), "ô": ("fr",), "û": ("fr",), "ë": ("fr",), "ï": ("fr",),
    "œ": ("fr",), "ç": ("fr", "tr"), "ä": ("de",), "ö": ("de", "tr"), "ü": ("de", "tr"), "ß": ("de",),
    "ş": ("tr",), "ğ": ("tr",), "ı": ("tr",),
}
_PLAIN = re.compile(r"[a-z]+\Z")


@dataclass(frozen=True)
class Verdict:
    """A word's case for being a source-language word: its possible languages (likeliest
    first), whether the clue is strong enough to report alone, and what the clue was."""

    langs: tuple[str, ...]
    strong: bool
    why: str
    common: bool = False  # a common word of the source language (a sentence may start with it)


def _source_zipfs(word: str) -> dict[str, float]:
    return {lang: zipf(word, lang) for lang in SOURCE_LANGS}


def _close(zs: dict[str, float]) -> tuple[str, ...]:
    best = max(zs.values())
    return tuple(sorted((lang for lang, z in zs.items() if z >= best - CLOSE), key=lambda lang: -zs[lang]))


def _letter_langs(word: str) -> tuple[str, ...]:
    votes: dict[str, int] = {}
    for c in word:
        for lang in LETTER_LANGS.get(c, ()):
            votes[lang] = votes.get(lang, 0) + 1
    return tuple(sorted(votes, key=lambda lang: -votes[lang]))


def _suffix_lang(word: str) -> str | None:
    for n in (5, 4, 3):
        for lang, endings in SUFFIXES.items():
            if word[-n:] in endings:
                return lang
    return None


# After this many distinct words, the English words at EN_MAX or above are read at once
# (~40,000 rows, a few hundredths of a second) instead of one query each: a run over many
# articles asks about tens of thousands of words, a one-file run about a few hundred.
BULK_AFTER = 3000
_asked = 0
_common: frozenset[str] | None = None
_PLAIN_WORD = re.compile(r"[a-zà-öø-ÿğışœ]+\Z")  # a word the core reads as itself (core/src/freq.rs)


def _common_in_english(word: str) -> bool:
    """zipf(word, 'en') >= EN_MAX, answered from one set once many words have been asked
    (False: ask zipf)."""
    global _asked, _common
    if _common is None:
        _asked += 1
        if _asked < BULK_AFTER:
            return False
        _common = _read_common() or frozenset()
    return word in _common


def _read_common() -> frozenset[str] | None:
    """Plain English words whose Zipf value rounds to EN_MAX or more, from the core's frequency
    table; None when it cannot be had."""
    from termcheck.lexicon import wordfreq_cache

    listed = wordfreq_cache.tokens_at_least("en", 10 ** (EN_MAX - 0.005 - 9))
    return None if listed is None else frozenset(w for w in listed if _PLAIN_WORD.match(w))


# A function word of a source language that English does not share (pero, sobre, para, que,
# und, nicht, mais): a clue on its own, though English text lists many of them at zipf 2.5-4
# (por favor, Las Vegas, que sera). Only the source's most common words (zipf 6 and more), not
# English words (zipf 4 and more: den, con, pour); TC502 leaves out name particles between two
# capitalised words (Piero della Francesca). Per 10,000 words: BBC news 0 (without 'nous',
# British English for good sense), Reuters-21578 0; WMT12 MT from Spanish 12.
FUNCTION_WORD_EN_MAX = 4.0
FUNCTION_WORD_SRC_MIN = 6.0
_ENGLISH_TOO = frozenset({"nous"})


@lru_cache(maxsize=4096)
def function_word_langs(word: str) -> tuple[str, ...]:
    """The source languages whose common function word `word` is, when English does not write
    it (the most common first): ('es', 'fr') for que, () for den, con and the."""
    langs = WORD_LANGS.get(word)
    if not langs or "en" in langs or len(word) < 3 or word in _ENGLISH_TOO:
        return ()
    if zipf(word, "en") >= FUNCTION_WORD_EN_MAX:
        return ()
    return tuple(sorted((lang for lang in langs if zipf(word, lang) >= FUNCTION_WORD_SRC_MIN),
                        key=lambda lang: -zipf(word, lang)))


@lru_cache(maxsize=100_000)
def word_verdict(word: str) -> Verdict | None:
    """The verdict on a lower-case word standing in an English sentence; None: English, or no clue."""
    if len(word) < 3:
        return None
    if langs := function_word_langs(word):
        return Verdict(langs, True, "function-word", True)
    if _common_in_english(word):
        return None  # most words stop here
    en = zipf(word, "en")
    if en >= EN_MAX:
        return None
    if "-" in word:
        return _hyphenated(word)
    verdict = _verdict(word, en)
    if verdict is not None and en < ABSENT_EN and _english_shaped(word):
        return None  # an English word's inflection or misspelling that wordfreq does not list
    return verdict


def _verdict(word: str, en: float) -> Verdict | None:
    zs = _source_zipfs(word)
    src = max(zs.values())
    if src >= SRC_MIN and src - en >= GAP:
        strong = (src - en >= STRONG_GAP or en < ABSENT_EN
                  or (en < RARE_EN and src >= COMMON_SRC_STRONG and not _english_inflection(word)))
        return Verdict(_close(zs), strong, "frequency", src >= COMMON_SRC and src - en >= STRONG_GAP)
    if en >= ABSENT_EN:
        return None
    if not word.isascii() and not _PLAIN.match(unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode()):
        return None  # not Latin letters
    if not word.isascii():
        langs = _close(zs) if src > 0 else _letter_langs(word)
        letters = _letter_langs(word)
        if letters:
            langs = tuple(lang for lang in langs if lang in letters) or letters
            return Verdict(langs, True, "letters")
    if src < SRC_MIN and len(word) >= SUFFIX_MIN_LEN:
        lang = _suffix_lang(word)
        if lang is not None:
            return Verdict((lang,), True, "ending")
    if en == 0.0 and len(word) >= RARE_SOURCE_LEN and RARE_SOURCE_MIN <= src < SRC_MIN:
        listed = [lang for lang, z in zs.items() if z > 0]
        if len(listed) == 1 and listed[0] in RARE_SOURCE_LANGS:
            # A long word English does not list and one Romance source language does, rarely
            # (baladista, vallecaucana, municipes): per 10,000 words, BBC news 0.04 as a
            # candidate (a garbled 'communiqu'), WMT12 MT 3.3. German is left out: its
            # compounds of English words ('gigajoule') are german_noun's to judge.
            return Verdict((listed[0],), True, "rare-source")
    if en == 0.0 and src == 0.0 and len(word) >= MISSPELT_MIN_LEN and word.isascii() and word.isalpha() \
            and not _english_derivation(word):
        lang = _misspelt_source(word)
        if lang is not None:
            # A source word with a letter doubled, dropped or swapped, copied by MT that could not
            # translate it (conccurrence, technlogique, maintienent): per 10,000 words, BBC news
            # 0.02 as a candidate (word_verdict still drops an English word's misspelling).
            return Verdict((lang,), True, "misspelt")
    return None


# English prefixes that make English words of English words (retender, rechargers, overbooked).
_ENGLISH_PREFIXES = ("re", "un", "non", "pre", "post", "over", "under", "out", "mis", "co", "de", "dis", "sub",
                     "super", "inter", "anti", "multi", "semi", "mini", "micro", "mega", "tele", "self")


def _one_edit(word: str) -> set[str]:
    """The words one edit away: a letter deleted, two neighbours swapped, a letter changed or added."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    n = len(word)
    near = {word[:i] + word[i + 1:] for i in range(n)}
    near |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1)}
    near |= {word[:i] + c + word[i + 1:] for i in range(n) for c in letters}
    near |= {word[:i] + c + word[i:] for i in range(n + 1) for c in letters}
    near.discard(word)
    return near


def _english_derivation(word: str) -> bool:
    """An English prefix on an English word, or one with an English ending."""
    for prefix in _ENGLISH_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 4 and (zipf(rest, "en") >= STEM_EN or _english_inflection(rest)):
            return True
    return False


def _misspelt_source(word: str) -> str | None:
    """The source language with a common word one edit away (a letter deleted, doubled, swapped
    or changed), or None."""
    near = _one_edit(word)
    from termcheck.lexicon.wordfreq_cache import zipf_many  # one call into the core per language, not ~400

    words = sorted(near)
    best, lang_of = 0.0, None
    for lang in SOURCE_LANGS:
        top = max(zipf_many(words, lang))
        if top > best:
            best, lang_of = top, lang
    return lang_of if best >= MISSPELT_SRC else None


def _english_inflection(word: str) -> bool:
    """An English ending on a common English stem (capitalisations, respecter)."""
    for ending, after in _ENGLISH_ENDINGS:
        stem = word[: -len(ending)]
        if (word.endswith(ending) and len(stem) >= 4 and (not after or stem[-1] in after)
                and zipf(stem, "en") >= STEM_EN):
            return True
    return False


@lru_cache(maxsize=20_000)
def _english_shaped(word: str) -> bool:
    """An English inflection (capitalisations) or a misspelling one letter away from a
    common English word (conterfeit). Asked only of words English does not list."""
    if _english_inflection(word):
        return True
    if "is" in word:  # British -ise, -isation: the American spelling may be the listed one
        american = word.replace("isa", "iza").replace("ise", "ize").replace("isi", "izi")
        if american != word and (zipf(american, "en") >= ABSENT_EN or _english_shaped(american)):
            return True
    if not word.isascii() or "-" in word or "'" in word or "’" in word or len(word) < NEAR_MIN_LEN:
        return False
    near = _one_edit(word)
    return any(zipf(w, "en") >= NEAR_EN for w in near)


def _hyphenated(word: str) -> Verdict | None:
    """A hyphenated word is as foreign as its most foreign part (social-démocrate)."""
    found = [v for part in word.split("-") if (v := word_verdict(part)) is not None]
    strong = [v for v in found if v.strong]
    best = strong or found
    return best[0] if best else None


@lru_cache(maxsize=50_000)
def german_noun(word: str) -> Verdict | None:
    """A capitalised word (given lower-case) that is a German noun rather than a name: unknown
    to English, and a German compound of German words, or far more common in German, or
    written with German letters (ä ö ü ß) and listed in German. Two of these clues, a
    compound with a German ending, or one of two German-only parts, make a strong clue."""
    if len(word) < 6 or zipf(word, "en") >= ABSENT_EN:
        return None
    if "-" in word:
        return _german_head(word.rsplit("-", 1)[1])
    de = zipf(word, "de")
    frequent = de >= 3.0 and de - max(zipf(word, lang) for lang in SOURCE_LANGS if lang != "de") >= 1.0
    letters = any(c in "äöüß" for c in word) and de >= ABSENT_EN
    german_parts = _compound(word, 2) if len(word) >= COMPOUND_MIN_LEN else 0
    compound = german_parts > 0
    ending = _suffix_lang(word) == "de"
    clues = [frequent, letters, compound]
    if not any(clues):
        return None
    strong = sum(clues) >= 2 or (compound and ending) or german_parts >= 2
    return Verdict(("de",), strong, "compound" if compound else "frequency" if frequent else "letters")


# The last parts of German place names: a compound ending so is a town or a district.
_PLACE_HEADS = frozenset("dorf burg berg stadt hausen heim feld bach tal see wald walde hof kirchen ingen brunn "
                         "brunnen furt rode hagen au born beck werder".split())
def _german_head(head: str) -> Verdict | None:
    """A hyphenated capitalised word whose last part is a common German noun English does not
    use (Europa-Antrag): a German compound written with a hyphen."""
    if len(head) < 5 or head in _PLACE_HEADS or zipf(head, "en") >= ABSENT_EN or zipf(head, "de") < HEAD_DE:
        return None
    return Verdict(("de",), True, "compound")


_LINKS = ("", "s", "n", "en", "es", "e", "er")


def _german_part(part: str, head: bool) -> bool:
    """A German word, as a compound's head (as it stands) or modifier (perhaps with a linking
    ending, or without its final -e: Schul- for Schule)."""
    least = PART_MIN if len(part) >= 4 else PART_MIN + 1.0
    if head:
        return zipf(part, "de") >= least
    for link in _LINKS:
        if link and not part.endswith(link):
            continue
        stem = part[: len(part) - len(link)]
        if len(stem) >= 3 and (zipf(stem, "de") >= least or zipf(stem + "e", "de") >= least):
            return True
    return False


@lru_cache(maxsize=50_000)
def _compound(word: str, depth: int) -> int:
    """How many parts of `word` are German words English does not use, in its best split into
    German parts (0: none, or no split). Finger|mouse, Super|marionation have none: coinages."""
    best = 0
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        head = _german_part(right, True)  # one look-up: before the modifier's several
        if not head and (depth < 2 or len(right) < 6):
            continue
        if not _german_part(left, False):
            continue
        if head and (zipf(right, "en") > zipf(right, "de") or right in _PLACE_HEADS):
            continue  # an English head (Broad|reach), or a place's (Engerwitz|dorf)
        inner = 0 if head else _compound(right, depth - 1)
        if not head and not inner:
            continue
        found = _german_only(left) + (_german_only(right) if head else inner)
        best = max(best, found)
    return best


def _german_only(part: str) -> int:
    return 1 if len(part) >= 4 and zipf(part, "de") - zipf(part, "en") >= GERMAN_ONLY else 0


def derive_suffixes(min_types: int = 150, en_share: float = 1 / 50, other_share: float = 1 / 4) -> dict[str, list[str]]:
    """SUFFIXES, computed again from wordfreq's lists (loads them all: seconds, not run by termcheck)."""
    import math
    from collections import Counter

    from wordfreq import get_frequency_dict

    shape = re.compile(r"[a-zà-öø-ÿ]{7,}\Z")
    langs = ["fr", "de", "es", "it"]
    counts: dict[str, Counter[str]] = {}
    for lang in ["en", *langs]:
        c: Counter[str] = Counter()
        for w, f in get_frequency_dict(lang).items():
            if shape.match(w) and math.log10(f) + 9 >= 1.5:
                c.update(w[-n:] for n in (3, 4, 5))
        counts[lang] = c
    found = sorted(((lang, s) for lang in langs for s, n in counts[lang].items()
                    if n >= min_types and counts["en"][s] <= n * en_share
                    and max(counts[o][s] for o in langs if o != lang) <= n * other_share),
                   key=lambda r: (r[0], len(r[1]), r[1]))
    kept: dict[str, list[str]] = {}
    for lang, s in found:
        if not any(s.endswith(k) for k in kept.get(lang, [])):
            kept.setdefault(lang, []).append(s)
    return kept
