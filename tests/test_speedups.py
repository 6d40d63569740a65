"""The fast paths give exactly what the plain code they replace gives.

Each optimisation is checked against a straightforward reference on arbitrary input: the
span set against a scan of a list, the chunked function-word count against counting word by
word, the literal prefilters against the patterns they guard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import votes_word_by_word
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.document import Span
from termcheck.glossary.safe_regex import BoundedPattern, contains, required_literal
from termcheck.lang import detect as language
from termcheck.spans import SpanSet

SPANS = st.lists(st.tuples(st.integers(0, 300), st.sampled_from([0, 1, 2, 5, 30, 64, 65, 200])), max_size=40)


@settings(max_examples=300, deadline=None)
@given(spans=SPANS, queries=SPANS)
def test_span_set_answers_as_a_scan_does(spans: list[tuple[int, int]], queries: list[tuple[int, int]]) -> None:
    taken: list[Span] = []
    fast = SpanSet()
    for (a, n), (q, m) in zip(spans, queries + [(0, 0)] * len(spans), strict=False):
        span, query = Span(a, a + n), Span(q, q + m)
        assert fast.overlaps(query) == any(query.overlaps(t) for t in taken)
        taken.append(span)
        fast.append(span)
    assert list(fast) == taken


WORDS = st.lists(st.one_of(st.sampled_from(sorted(language._WORD_LANGS)), st.text(max_size=8),
                           st.sampled_from(["İstanbul", "ÉTÉ", "la", "De", " ", "\n", "l'", "123"])), max_size=80)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, limit=st.sampled_from([1, 3, 10, 3000]))
def test_function_word_votes_equal_counting_word_by_word(words: list[str], limit: int) -> None:
    text = " ".join(words)
    expected = votes_word_by_word(text, limit)
    got = language.function_word_votes(text, limit)
    assert list(got.items()) == list(expected.items())  # same counts, same order (ties)


def test_function_words_of_a_long_text_are_read_in_chunks() -> None:
    text = ("xyzzy " * 5000 + "le la les et ") * 3
    assert language.first_words(text, 6000) == language._WORD.findall(text)[:6000]
    glued = "a" * 50_000 + " the"  # a word longer than a chunk is not cut
    assert language.first_words(glued, 10) == ["a" * 50_000, "the"]


PATTERNS = [r"(?<![\w-])at the (?:outcome|issue) of(?= (?:the|a))", r"(?m)^[ \t]*(?:With|Avec)[ \t]+AFP[ \t]*$",
            r"(?<=held )with closed doors", r"ab+cd", r"x\.yz\d", r"[Aa]t the level of(?= the)", r"(?i)with afp"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["at the outcome of the", "With AFP", "held with closed doors", "abbbcd",
                                      "x.yz1", "At the level of the", "WITH afp", "\n", " ", "at the"]),
                     max_size=12).map("".join), pattern=st.sampled_from(PATTERNS))
def test_bounded_patterns_with_their_prefilter_match_as_re_does(text: str, pattern: str) -> None:
    bounded = BoundedPattern(pattern)
    assert [m.span() for m in bounded.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
    if bounded.required:
        assert all(contains(m.group(), bounded.required) for m in re.finditer(pattern, text))


def test_required_literal_is_taken_only_where_every_match_has_it() -> None:
    assert required_literal(r"(?<=held )with closed doors") == "with closed doors"
    assert required_literal(r"ab+cd") == ""  # 'a' and 'cd' are too short to be worth a search
    assert required_literal(r"(?i)with afp") == ""  # any case: no literal text
    assert required_literal(r"(?:alpha|beta)gamma") == "gamma"
    assert required_literal(r"x(?:abcdef)?y") == ""
    # A letter in either case (a sentence start) is kept, marked to be compared without case.
    assert required_literal(r"[Aa]t the level of") == "\0at the level of"
    assert contains("Talks At the level of", "\0at the level of")
    assert not contains("at the levels", "\0at the level of")


def test_cached_word_frequencies_equal_wordfreqs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import wordfreq

    from termcheck.lexicon import wordfreq_cache

    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(wordfreq_cache, "_db", None)
    monkeypatch.setattr(wordfreq_cache, "_tables", {})
    rng = random.Random(7)
    plain = re.compile(r"[a-zà-öø-ÿğışœ]+\Z")  # what the core reads as one token, itself
    for lang in ("en", "fr", "tr"):  # tr: the one with its own case rules
        listed = [w for w in wordfreq.iter_wordlist(lang) if plain.match(w)]
        words = rng.sample(listed, 300) + listed[:50] + ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzéèçğışüö")
                                                                  for _ in range(rng.randrange(1, 12)))
                                                          for _ in range(100)]
        for word in words + ["qamichli", "idleb", "x", "zzzzzz"]:
            assert wordfreq_cache.zipf_frequency(word, lang) == wordfreq.zipf_frequency(word, lang), (word, lang)
    assert list(tmp_path.glob("wordfreq-*.table"))
    for word, lang in [("Idlib", "en"), ("al-assad", "fr"), ("été", "fr"), ("ılımlı", "tr"), ("سوريا", "ar"),
                       ("henderson's", "en"), ("today’s", "en"), ("d'alep", "fr"), ("f-16", "en"), ("we're", "de")]:
        assert wordfreq_cache.zipf_frequency(word, lang) == wordfreq.zipf_frequency(word, lang)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "Bb", "'", "’", " ", "\n", "é", "_", "1", "-", "İ", "ß", "x'y", "''",
                                      "\u0301", "🙂", "Idleb’s"]), max_size=40).map("".join))
def test_document_words_equal_finditer(text: str) -> None:
    from termcheck.document import _WORD, Document

    doc = Document(Path("a.txt"), text)
    assert doc.words == [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(["Khan", "Cheikhoun", "al", "Abdel", "ibn", "de", "the", "of", "al-Assad",
                                      "Maaret", "al-Noomane", "UN", "ǅemal", "ßa", "é", " ", "  ", "\n", ",", "-",
                                      "'", "O'Neill", "rebels", "1", "Idleb"]), max_size=30).map(" ".join))
def test_proper_noun_runs_equal_the_plain_state_machine(text: str) -> None:
    from termcheck.rules.support.candidates import proper_noun_runs, reference_proper_noun_runs

    got = [[(t.start, t.end, t.text) for t in run] for run in proper_noun_runs(text)]
    assert got == [[(t.start, t.end, t.text) for t in run] for run in reference_proper_noun_runs(text)]


# Pieces of every construction of TC303 (rules/constructions.py), cut and mixed with the words
# and marks around them, in several cases: the key prefilter must keep every match.
CONSTRUCTION_PIECES = [
    "the biggest bank of the world", "50% of chances", "in the value of $", "a 52 years old woman",
    "leave the power", "the whole Asia", "at the time of a press conference", "According to the opinion of",
    "It is enough to look", "made of her a", "of the health.", "In the last years", "in the line of the",
    "elections of the next year", "on the early Monday morning", "is valid also for", "arrived up to the",
    "The thing is clear", "For something,", "In what concerns", "count with the", "It explained that",
    "\", affirmed the minister", "a prison of Missouri", "a restaurant of Niamey on", "in Czech Republic",
    "the park Zuccotti", "the company Vodafone", "qualified the decision as a", "described it like a",
    "declared to want to", "the head of French diplomacy", "Foodwatch-chief Thilo", "the France", "the UBS said",
    "the arrogant Germany", "the mayor Wolfgang Kellner", "detailed that", "the", "of", "a", "world", "power",
    " ", " ", "\n", ",", ".", "-", "'", "’", "\"", "x", "1",
]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from(CONSTRUCTION_PIECES),
                                 st.sampled_from([str, str.upper, str.lower, str.title]),
                                 st.integers(0, 6)), max_size=14))
def test_construction_key_prefilter_finds_what_every_pattern_finds(pieces: list[tuple[str, object, int]]) -> None:
    from termcheck.rules import constructions

    # Whole pieces, their changed case, or a piece with its first few characters cut off.
    prose = "".join(case(p)[cut if cut < 3 else 0:] for p, case, cut in pieces)  # type: ignore[operator]
    families = [constructions._inverted_reporting_verb, constructions._of_place, constructions._missing_article,
                constructions._generic_before_name, constructions._noun_before_name, constructions._describing,
                constructions._patterns]
    fast = [repr(f) for family in families for f in family(prose)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(constructions, "_may_match", lambda prose, source: True)
        plain = [repr(f) for family in families for f in family(prose)]
    assert fast == plain


# TC304's patterns as they were written first, each starting with its test of the character before.
def plain_number_patterns() -> dict[str, str]:
    from termcheck.rules.number_formats import _MONTHS, _UNIT

    return {
        "_DECIMAL_COMMA": rf"(?<![\d.,])(\d{{1,3}}),(\d{{1,2}})(?![\d,])(?=[ \t]?{_UNIT})",
        "_THOUSANDS_DOTS": r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]?\d)|(?<![\d.,])\d{1,3}\.000(?![\d.,]?\d)"
                           r"|(?<![\d.,$€£])\d{1,3}\.\d{3}(?![\d.,]?\d)(?=[ \t](?:people|persons|inhabitants|euros|"
                           r"dollars|residents|cases|deaths|soldiers|jobs|votes|copies|visitors|spectators|refugees|"
                           r"migrants|employees|workers)\b)",
        "_MILLIARD": r"(?<![\w-])(\d+(?:[.,]\d+)?)[ \t]+(milliards?|Milliarden?)(?![\w-])",
        "_DAY_OF_MONTH": rf"(?<![\w-])(?:[Tt]he )?([1-9]|[12]\d|3[01]) of ({_MONTHS})(?![\w-])",
        "_DECADE_OF_CENTURY": r"(?<![\w-])([Tt]he) ([2-9]0)s? of the (?:last|past|previous) century(?![\w-])",
        "_PLURAL_MILLIONS": r"(?<![\w.,£$€-])(\d+(?:[.,]\d+)?)[ \t]+(millions|billions)(?:[ \t]+of)?(?![\w-])",
    }


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(["1", "12", "285", "7", "90", "0", "٣", ",", ".", "$", "€", "-", "a", "x1",
                                      " ", " ", "\t", "\n", ",9", ".000", ".234", " billion", "%", " per cent",
                                      " euros", " people", " milliards", " Milliarden", " millions of", " billions",
                                      " of October", " of May", "the ", "The ", "s of the last century",
                                      " of the past century", "bn"]), max_size=16).map("".join))
def test_number_patterns_with_their_prefilters_match_as_the_plain_ones(text: str) -> None:
    from termcheck.rules import number_formats as nf

    prefilters = {"_DECIMAL_COMMA": nf._DECIMAL_COMMA_KEY.search(text),
                  "_THOUSANDS_DOTS": nf._THOUSANDS_DOTS_KEY.search(text), "_MILLIARD": "illiard" in text,
                  "_DAY_OF_MONTH": nf._after_digit(nf._DAY_OF_MONTH_KEY, text),
                  "_DECADE_OF_CENTURY": nf._DECADE_OF_CENTURY_KEY.search(text),
                  "_PLURAL_MILLIONS": nf._PLURAL_MILLIONS_KEY.search(text)}
    for name, pattern in plain_number_patterns().items():
        fast = [(m.span(), m.groups()) for m in getattr(nf, name).finditer(text)] if prefilters[name] else []
        assert fast == [(m.span(), m.groups()) for m in re.finditer(pattern, text)], name


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(["czechs", "czech", "french", "uruguay", "guinea-bissau", "guinea", "'", "’",
                                      "s", "x", ".", "com", "@", "#", "/", "-", "_", ":", " ", " ", "\n", "Czechs",
                                      "france", "24", "é", "iraqi", "iraqis", "un", "czechs'x", "uruguay’s"]),
                     max_size=20).map("".join))
def test_lower_case_names_found_from_the_word_set_as_by_the_whole_scan(text: str) -> None:
    from termcheck.document import Document
    from termcheck.rules.name_case import _lower_name_matches, _lower_names

    got = [m.span() for m in _lower_name_matches(Document(Path("a.txt"), text))]
    assert got == [m.span() for m in _lower_names().finditer(text)]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(["the", "The", "THE", " ", " ", "\n", "-", "x", "France", "UBS", "said", "head",
                                      "of", "French", "diplomacy", "whole", "Asia", "thing", "is", "clear", "mayor",
                                      "Wolfgang", "Kellner", "company", "Vodafone", "arrogant", "Germany", ".", ",",
                                      "tithe", "Euro 2012", "'s"]), max_size=24).map("".join))
def test_patterns_run_by_case_match_as_the_whole_pattern(text: str) -> None:
    from termcheck.rules import constructions as c

    patterns = [re.compile(c._article_name()), re.compile(c._article_word_name()), c._TITLE, c._NOUN_NAME,
                *(p for _, p, _, _ in c._PATTERNS)]
    assert sum(c._by_case(p.pattern, p.flags) is not None for p in patterns) >= 7
    for p in patterns:
        plain = [(m.span(), m.groups()) for m in p.finditer(text)]
        assert [(m.span(), m.groups()) for m in c._finditer(p, text)] == plain


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(["in the value of", " to", " $1", " about 5", "of the health", "of the energy",
                                      " for", ".", ",", " ", "\n", "50", "7.5", "x", "-", "% of chances",
                                      " % of probability",
                                      "It", "It explained", " explained", " that", ":", ". ", "? ", "!\"", "”", "; ",
                                      "a 52 years old woman", "The 3 year old boy", "co-chairman Liam",
                                      "Foodwatch-chief Thilo", "Foodwatch", "-chief", " Thilo", "it pointed out",
                                      ".” ", "!\" ", "It explained that", "It pointed out:", "x It declared,"]),
                     max_size=16).map("".join))
def test_faster_construction_patterns_match_as_their_own(text: str) -> None:
    from termcheck.rules import constructions as c

    patterns = {entry: pattern for entry, pattern, _, _ in c._PATTERNS}
    for entry, (fast, key) in c._faster().items():
        plain = [(m.span(), m.groups()) for m in patterns[entry].finditer(text)]
        if key is None or key.search(text):
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == plain, entry
        else:
            assert plain == [], entry


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(["the park Zuccotti", "The stadium Maksimir", "the theatre Royal", "theater",
                                      "park", "street", " ", " ", "\n", "-", "x", "The", "the ", "Monday", "Zuccotti",
                                      "DETAILED that", "detailed", "Informed", "Sustained", "evo\u212aed", " that",
                                      "that", "was informed that", ".", ",", "'", "é", "evoked that", "Valued that",
                                      "\", affirmed the minister", "”, estimated the", "»", "’ ",
                                      "a prison of Missouri", "their most visited city of the world",
                                      "An airport of Niamey on", "a bank of Chad.", "in Czech Republic", "And",
                                      " United States", "between Netherlands", "described it like a",
                                      "considered like \"", "the biggest bank of the world", "their most x y",
                                      " of the world", "its first"]),
                     max_size=16).map("".join))
def test_constructions_tried_at_their_places_match_as_finditer(text: str) -> None:
    from termcheck.rules import constructions as c

    families = [c._generic_before_name, c._speech_verb_that, c._inverted_reporting_verb, c._of_place,
                c._missing_article, c._describing, c._patterns]
    fast = [repr(f) for family in families for f in family(text)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(c, "_matches_at", lambda pattern, text, starts: pattern.finditer(text))
        plain = [repr(f) for family in families for f in family(text)]
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(word=st.text(alphabet="abcdeghijklmnoqrstuwyz çğıïëşüöâñé-", min_size=1, max_size=14))
def test_romanisation_skips_only_rules_that_cannot_match(word: str) -> None:
    """A rule is skipped when its required letters are not in the word: the rewrite is the
    one that tries every rule."""
    from dataclasses import replace

    from termcheck.lang.romanisation import romanisations

    for rom in romanisations().values():
        every_rule = replace(rom, needs=())
        assert rom.rewrite(word) == every_rule.rewrite(word)
        for i in range(len(rom.rules)):
            assert rom.rewrite(word, i) == every_rule.rewrite(word, i)
