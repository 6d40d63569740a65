"""TC801 number-mismatch: a number, amount or percentage of a source sentence that its
aligned target sentence does not carry, each language's number formats normalised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from termcheck.document import Document, Span
from termcheck.findings import Finding, Severity
from termcheck.rules.support.base import DocContext, rule
from termcheck.rules.support.bilingual import aligned_pairs, neighbour_targets

# A number: digits with thousands groups (1,000 / 1.000 / 1 000 / 1'000) and a decimal part,
# not inside a word or a longer number.
_NUMBER = re.compile(r"(?<![\w.,'’])(\d{1,3}(?:(?:[ \u00a0\u202f\u2009.,'’])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
                     r"(?![\d])")
_GROUP_SPACES = " \u00a0\u202f\u2009"
# A time of day (20h30, 20 h, 8:30, 14.30 Uhr): 24-hour times become 12-hour ones in English.
# (Not '6:2' or '2:0': a score, whose minutes would have two digits.)
_TIME_AFTER = re.compile(r"\s?(?:h\b|h\d|uhr\b|heures?\b|horas?\b|hs\b|ore\b|:\d\d(?!\d))", re.IGNORECASE)
# The minutes of one (20h30, 8:30, 23 heures 30, 14 Uhr 15).
_TIME_BEFORE = re.compile(r"(?:\d[h:]|\d\.(?=\d\d\s?uhr)|\d\s?(?:heures?|uhr|horas?|ore)\s)$", re.IGNORECASE)

_MULTIPLIERS: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9,
           "trillion": 1e12, "trillions": 1e12,
           # British usage, and translators of milliard: 6 thousand million euros
           "thousand million": 1e9, "thousand millions": 1e9, "thousand billion": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
           "mds": 1e9, "mrd": 1e9, "billion": 1e12, "billions": 1e12},
    "de": {"tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "millardo": 1e9, "millardos": 1e9,
           "billón": 1e12, "billones": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
           "mld": 1e9, "mln": 1e6},
    "tr": {"bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12},
}
_PERCENT = re.compile(r"\s?(?:%|pour\s?cent\b|por\s?ciento\b|prozent\b|per\s?cent\b|percent\b|per\s?cento\b|"
                      r"yüzde\b)", re.IGNORECASE)
_THOUSANDS_REST = re.compile(r"[\s\u00a0]+(\d{3})(?![\d.,]\d)")
_NEXT_WORDS = re.compile(r"[\s\u00a0\u202f]*([^\W\d_]+)\.?(?:[\s\u00a0\u202f]+([^\W\d_]+))?")
# English numbers in words, for target sentences in English.
_EN_WORDS = {w: float(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                  "hundred": 100, "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                  "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
                  "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
                  "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "both": 2, "twice": 2,
                  "double": 2, "half": 0.5, "once": 1, "single": 1})
# Decades in words (les années 60: the sixties, in his seventies).
_EN_WORDS.update({"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                  "eighties": 80, "nineties": 90})
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = "one two three four five six seven eight nine".split()
_EN_WORDS.update({f"{t}-{u}": float(n + i + 1) for t, n in _TENS.items() for i, u in enumerate(_UNITS)})
_EN_WORD = re.compile(r"\b(" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    values: frozenset[float]
    bases: frozenset[float]  # the values before the multiplier word
    scaled: bool  # a multiplier word (million, milliard …) or a percentage follows


def readings(token: str, lang: str) -> set[float]:
    """The values `token` can stand for in `lang`: one, or two where its separator is
    ambiguous (1.000 is a thousand in German and one in English; 1,000 the reverse)."""
    token = token.replace("'", "").replace("’", "")
    if any(c in token for c in _GROUP_SPACES):
        for c in _GROUP_SPACES:
            token = token.replace(c, "")
    commas, dots = token.count(","), token.count(".")
    if commas and dots:
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        group = "." if decimal == "," else ","
        return {float(token.replace(group, "").replace(decimal, "."))}
    sep = "," if commas else "." if dots else ""
    if not sep:
        return {float(token)}
    if token.count(sep) > 1:
        return {float(token.replace(sep, ""))}
    whole, frac = token.split(sep)
    as_decimal, as_group = float(f"{whole}.{frac}"), float(whole + frac)
    if len(frac) != 3:
        return {as_decimal}
    english_group = sep == ","
    primary = as_group if (lang == "en") == english_group else as_decimal
    return {primary, as_decimal if primary == as_group else as_group}


def _multiplier(text: str, end: int, lang: str) -> tuple[float, int]:
    table = _MULTIPLIERS.get(lang, _MULTIPLIERS["en"])
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return 1.0, end
    first = m.group(1).lower()
    if first == "a" and m.group(2) and m.group(2).lower() in table:  # half a million
        return table[m.group(2).lower()], m.end()
    if m.group(2) and f"{first} {m.group(2).lower()}" in table:
        return table[f"{first} {m.group(2).lower()}"], m.end()
    if first in table:
        return table[first], m.end(1)
    return 1.0, end


def quantities(text: str, lang: str, *, words: bool = False) -> list[Quantity]:
    """The numbers of `text` with their values (times of day left out); with `words`, English
    numbers in words too."""
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        if out and m.start() < out[-1].end:
            continue  # the rest of the number before (55 mil 053)
        if _TIME_AFTER.match(text, m.end()) or _TIME_BEFORE.search(text, 0, m.start()):
            continue
        if not words and m.end() < len(text) and text[m.end()].isalpha():
            continue  # in a source: an ordinal or a decade (1er, 3e, 60er), rendered many ways
        factor, end = _multiplier(text, m.end(), lang)
        rest = 0.0
        if factor == 1e3 and (more := _THOUSANDS_REST.match(text, end)):
            rest, end = float(more.group(1)), more.end()  # Mexican Spanish: 55 mil 053 (55,053)
        percent = _PERCENT.match(text, end)
        if percent:
            end = percent.end()
        bases = frozenset(readings(m.group(), lang))
        values = frozenset(round(v * factor + rest, 6) for v in bases)
        out.append(Quantity(m.start(), end, text[m.start() : end], values, bases, factor != 1.0 or bool(percent)))
    if words:
        for m in _EN_DECADE.finditer(text):
            out.append(Quantity(m.start(), m.end(), m.group(1), frozenset({float(m.group(1))}),
                                frozenset({float(m.group(1))}), False))
        for m in _EN_WORD.finditer(text):
            factor, end = _multiplier(text, m.end(), "en")
            value = _EN_WORDS.get(m.group().lower())
            if value is None:
                continue  # re's case folding matched another letter ('ſix'): not the English word
            out.append(Quantity(m.start(), end, text[m.start() : end], frozenset({round(value * factor, 6)}),
                                frozenset({value}), factor != 1.0))
    return sorted(out, key=lambda q: q.start)


def _found(q: Quantity, targets: list[Quantity]) -> bool:
    """Is `q` among `targets`: the same value, or the same number where one side has no
    multiplier word the rule can read (15.5m; 'between 600 and 800 billion', whose 600 has
    its multiplier further on): that is not a sure mismatch."""
    return any(q.values & t.values or ((not t.scaled or not q.scaled) and q.bases & t.bases) or _decade(q, t)
               for t in targets)


def _decade(a: Quantity, b: Quantity) -> bool:
    """A year or decade written with two digits on one side and four on the other (les années
    60: the 1960s; '12: 2012)."""
    short, long = sorted((a.text, b.text), key=len)
    return short.isdigit() and len(short) == 2 and long[:4].isdigit() and long[2:4] == short


# An English decade in two digits, which the number pattern leaves out: the '50s, the 50s.
_EN_DECADE = re.compile(r"(?<![\w.,])['’]?(\d0)s\b")


def mismatches(target: str, source: str, target_lang: str, source_lang: str,
               context: str = "") -> Iterator[tuple[Quantity, Quantity | None]]:
    """The source's numbers that `target` lacks, each with the target number it seems to
    have become (None when none can be told). A number found in `context` (the sentences
    around) is not missing: the alignment may have put it one sentence away."""
    in_target = quantities(target, target_lang, words=target_lang == "en")
    around = quantities(context, target_lang, words=target_lang == "en") if context else []
    missing = [q for q in quantities(source, source_lang)
               if not (q.values <= {0.0, 1.0} and not q.scaled) and not _found(q, in_target) and not _found(q, around)]
    if not missing:
        return
    sources = quantities(source, source_lang)
    unexplained = [t for t in in_target if not t.text.isalpha() and not _found(t, sources)]
    paired = len(unexplained) == len(missing)
    for i, q in enumerate(missing):
        yield q, unexplained[i] if paired else None


def _show(values: frozenset[float]) -> str:
    v = min(values)
    return f"{v:,.0f}" if v == int(v) else f"{v:,}"


@rule("TC801", "number-mismatch", "A number, amount or percentage of the source that the translation lacks or "
      "changes.", Severity.WARNING,
      flagged="The company lost 1.5 million euros last year. ||| "
              "L'entreprise a perdu 1,5 milliard d'euros l'an dernier.",
      clean="The company lost 1.5 billion euros last year, 12% more. ||| "
            "L'entreprise a perdu 1,5 milliard d'euros l'an dernier, 12 % de plus.",
      fixable=False, precedence=80, needs_source=True)
def number_mismatch(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """Each number of a source sentence (digits, with its multiplier word and percent sign)
    is read in the source's language (1 000,5 and 1.000,5 in French and German, 1,000.5 in
    English; milliard and Milliarde are a billion, the French and German billion a trillion,
    Spanish mil millones a billion) and looked for, by value, in its aligned target sentence,
    in digits or (in English) in words. One missing or different is reported on the target
    number it seems to have become, or else on the target sentence, with the source span.
    Times of day are left out (20h30 becomes 8:30 pm), and so are a bare 0 and 1 (one, a,
    first …) and source numbers with letters attached (1er, 60er: ordinals and decades); a
    year or decade in two digits matches its four (années 60: 1960s)."""
    source = dctx.source
    assert source is not None
    for pair in aligned_pairs(doc, dctx):
        if pair.target is None or pair.source is None or pair.target_text == pair.source_text:
            continue
        context = neighbour_targets(doc, dctx, pair.index)
        for q, became in mismatches(pair.target_text, pair.source_text, doc.lang, source.lang, context):
            src_span = pair.source.start + q.start, pair.source.start + q.end
            if became is not None:
                start, end = pair.target.start + became.start, pair.target.start + became.end
                message = f"'{became.text}' but the source says '{q.text}' ({_show(q.values)})"
            else:
                start, end = pair.target.start, pair.target.end
                message = f"the source's '{q.text}' ({_show(q.values)}) is missing from this sentence"
            yield number_mismatch.finding(start, end, message, source_span=Span(*src_span))
