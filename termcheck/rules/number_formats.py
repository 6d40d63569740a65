"""TC304: numbers and dates written the source language's way (1,9 billion; 8.000;
milliard; the 7 of October): a family over the number formats of French, German, Spanish
and Italian, measured like the constructions (bench/realmt.py, bench/precision.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termcheck.document import Document
from termcheck.findings import Finding, Severity
from termcheck.rules.support.base import DocContext, rule

# Numbers in the source language's format: a decimal comma before a unit ("1,9 billion",
# "7,5%"), dots between thousands ("8.000 million", "285.000"), and "milliard".
_UNIT = (r"(?:%|per ?cent|percent|million|billion|trillion|bn\b|euros?|dollars?|francs?|pounds?|yen|points?|"
         r"km|kilomet|metres?|meters?|tonnes?|tons?|degrees?|hours?|years?|times)")
# Speed (tests/test_speedups.py holds the plain forms and checks these against them): a pattern
# that starts with a lookbehind makes re try it at every character of the text. Where a number
# starts the match, the test of the character before it is made after its first digit
# ((?<![\d.,])\d{1,3} as \d(?<![\d.,]\d)\d{0,2}: the same character is looked at, one step later),
# so that re skips to the next digit; and each pattern runs only where a short search for a
# piece that all its matches hold (a literal first, which re finds fastest) finds one.
_DECIMAL_COMMA = re.compile(rf"(\d(?<![\d.,]\d)\d{{0,2}}),(\d{{1,2}})(?![\d,])(?=[ \t]?{_UNIT})")
_DECIMAL_COMMA_KEY = re.compile(r",\d{1,2}(?![\d,])")
_THOUSANDS_DOTS = re.compile(
    r"\d(?<![\d.,]\d)\d{0,2}(?:\.\d{3}){2,}(?![\d.,]?\d)"  # 1.234.567
    r"|\d(?<![\d.,]\d)\d{0,2}\.000(?![\d.,]?\d)"  # 8.000, 285.000
    r"|\d(?<![\d.,$€£]\d)\d{0,2}\.\d{3}(?![\d.,]?\d)(?=[ \t](?:people|persons|inhabitants|euros|dollars|"
    r"residents|cases|deaths|soldiers|jobs|votes|copies|visitors|spectators|refugees|migrants|employees|workers)\b)")
_THOUSANDS_DOTS_KEY = re.compile(r"\.\d{3}")
_MILLIARD = re.compile(r"(\d(?<![\w-]\d)\d*(?:[.,]\d+)?)[ \t]+(milliards?|Milliarden?)(?![\w-])")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "the 7 of October": Spanish 'el 7 de octubre', Italian 'il 7 ottobre' read word by word.
_DAY_OF_MONTH = re.compile(rf"(?<![\w-])(?:[Tt]he )?([1-9]|[12]\d|3[01]) of ({_MONTHS})(?![\w-])")
_DAY_OF_MONTH_KEY = re.compile(rf" of (?:{_MONTHS})(?![\w-])")  # after a digit (below)
_DIGIT = re.compile(r"\d")
# "the 90 of the last century": French 'les années 90 du siècle dernier'.
_DECADE_OF_CENTURY = re.compile(r"(?<![\w-])([Tt]he) ([2-9]0)s? of the (?:last|past|previous) century(?![\w-])")
_DECADE_OF_CENTURY_KEY = re.compile(r"0s? of the (?:last|past|previous) century")
_PLURAL_MILLIONS = re.compile(r"(\d(?<![\w.,£$€-]\d)\d*(?:[.,]\d+)?)[ \t]+(millions|billions)(?:[ \t]+of)?(?![\w-])")
_PLURAL_MILLIONS_KEY = re.compile(r"illions(?:[ \t]+of)?(?![\w-])")


def _after_digit(key: re.Pattern[str], prose: str) -> bool:
    """Is there a match of `key` right after a digit?"""
    return any(m.start() > 0 and _DIGIT.match(prose, m.start() - 1) for m in key.finditer(prose))


@rule("TC304", "source-number-format", "A number or date written the source language's way (1,9 billion; 8.000; "
      "milliard; the 7 of October).",
      Severity.WARNING, precedence=33, languages=("en",),
      flagged="The debt reached 1,9 billion euros and 8.000 jobs were lost.",
      clean="The debt reached 1.9 billion euros, 8,000 jobs were lost and 1,250 people moved.")
def number_format(doc: Document, dctx: DocContext) -> Iterator[Finding]:
    """French, German, Spanish and Italian write a decimal comma (1,9) and dots between
    thousands (8.000, 1.234.567); MT often copies them, and English readers read 1,9 as a
    typo and 8.000 as eight. 'Milliard' is the source's word for a billion; a number
    followed by 'millions' or 'billions' ('3 millions of euros') is the source's plural.
    Dates and decades keep the source's order: 'the 7 of October' (el 7 de octubre), 'the 90
    of the last century' (les années 90). A comma before three digits (1,250) is English and
    not flagged; nor is a decimal point (1.9, 0.125), nor 'the 7th of October'."""
    prose = doc.prose
    for m in _DECIMAL_COMMA.finditer(prose) if _DECIMAL_COMMA_KEY.search(prose) else ():
        yield number_format.finding(m.start(), m.end(), f"'{m.group()}' has a decimal comma; English writes "
                                    f"'{m.group(1)}.{m.group(2)}'", suggestions=[f"{m.group(1)}.{m.group(2)}"],
                                    entry="decimal-comma")
    for m in _THOUSANDS_DOTS.finditer(prose) if _THOUSANDS_DOTS_KEY.search(prose) else ():
        english = m.group().replace(".", ",")
        yield number_format.finding(m.start(), m.end(), f"'{m.group()}' has dots between thousands; English "
                                    f"writes '{english}'", suggestions=[english], entry="thousands-dots")
    for m in _MILLIARD.finditer(prose) if "illiard" in prose else ():
        number = m.group(1)
        yield number_format.finding(m.start(), m.end(), f"'{m.group(2)}' is the source's word for a billion",
                                    suggestions=[f"{number} billion"], entry="milliard")
    for m in _DAY_OF_MONTH.finditer(prose) if _after_digit(_DAY_OF_MONTH_KEY, prose) else ():
        yield number_format.finding(m.start(), m.end(), f"'{m.group()}' is the source's date order; English writes "
                                    f"'{m.group(1)} {m.group(2)}' or '{m.group(2)} {m.group(1)}'",
                                    suggestions=[f"{m.group(1)} {m.group(2)}", f"{m.group(2)} {m.group(1)}"],
                                    entry="day-of-month")
    for m in _DECADE_OF_CENTURY.finditer(prose) if _DECADE_OF_CENTURY_KEY.search(prose) else ():
        yield number_format.finding(m.start(), m.end(), f"'{m.group()}' is the source's way to name a decade",
                                    suggestions=[f"{m.group(1)} 19{m.group(2)}s"], entry="decade-of-century")
    for m in _PLURAL_MILLIONS.finditer(prose) if _PLURAL_MILLIONS_KEY.search(prose) else ():
        word = m.group(2)
        message = f"'{m.group()}': English writes '{m.group(1)} {word[:-1]}' after a number"
        if word == "billions":
            message += " (a French or German 'billion' is an English trillion: check the source)"
        yield number_format.finding(m.start(), m.end(), message,
                                    suggestions=[f"{m.group(1)} {word[:-1]}"] if word == "millions" else [],
                                    entry="plural-after-number")
