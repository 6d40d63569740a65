"""TC501 and language detection take shortcuts; each gives what the plain code gives.

- TC501 runs foreign_language only on candidate sentences: every sentence for which the
  plain rule would ask langdetect (strong or weak) must be a candidate.
- detect_language may answer English from bounds on the vote: only where the full count
  answers English too.
- function_word_votes counts long texts from one scan of their image.
- langdetect_fast gives langdetect's own best language and probability.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
from conftest import votes_word_by_word
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.lang import detect as language
from termcheck.lang import function_words, langdetect_fast
from termcheck.rules import untranslated as tc501

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = FIXTURES.parents[1]


def _case_texts() -> list[str]:
    texts: list[str] = []
    for name in ("holdout_cases.py", "blind_cases.py"):
        spec = importlib.util.spec_from_file_location(name[:-3], FIXTURES / name)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        texts.extend(case["text"] for case in module.CASES)
    return texts


ARTICLES = [p.read_text(encoding="utf-8") for folder in ("articles", "clean-news")
            for p in sorted((FIXTURES / folder).glob("*.txt"))]
ARTICLES += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
TEXTS = ARTICLES + _case_texts()

# Pieces that make the candidate search's cases: function words of every language (a word of
# several, of the article's own), quotation marks that mask or not, sentence and line ends,
# letters the weak test counts (i, ş), digits, and characters whose lower case is special.
PIECES = st.one_of(
    st.sampled_from(sorted(language._WORD_LANGS)),
    st.sampled_from(["Rebellen", "ciudad", "Idlib", "İstanbul", "şehir", "ΟΔΟΣ", "ville", "iii", "x", "Le", "DE"]),
    st.sampled_from([" ", " ", " ", ", ", ". ", "! ", "? ", "…", "\n", "\n\n", '"', "“", "”", "«", "»", "‘", "’",
                     "'", ")", "(", "-", "3", "_", "\r\n", ".\"", "»."]),
    st.text(max_size=6),
)


def _asks_langdetect(sentence: str, lang: str) -> bool:
    """Would the plain foreign_language ask langdetect about the sentence (strong or weak)?"""
    masked = tc501._SHORT_QUOTE.sub(lambda m: " " * len(m.group()), sentence)
    if len(tc501._WORD.findall(masked)) < tc501.MIN_WORDS:
        return False
    votes = language.function_word_votes(masked)
    own = votes.get(lang, 0)
    foreign = sum(n for code, n in votes.items() if code != lang)
    strong = foreign >= tc501.MIN_VOTES and foreign >= 2 * own and votes.most_common(1)[0][0] != lang
    weak = own == 0 and (foreign >= 2 or len(tc501._FOREIGN_LETTERS.findall(masked)) >= 2)
    return strong or weak


def _check_candidates(text: str, lang: str) -> None:
    candidates = {(m.start(), m.end()) for m in tc501.candidate_sentences(text, lang)}
    everything = list(tc501._SENTENCE.finditer(text))
    assert candidates <= {(m.start(), m.end()) for m in everything}  # real sentences, as finditer cuts them
    for m in everything:
        if _asks_langdetect(m.group(), lang):
            assert (m.start(), m.end()) in candidates, (lang, m.group())


@pytest.mark.parametrize("lang", ["en", "fr", "de", "tr", "hu"])
def test_candidates_hold_every_sentence_langdetect_would_see_in_fixtures(lang: str) -> None:
    for text in TEXTS:
        _check_candidates(text, lang)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PIECES, max_size=120), lang=st.sampled_from(["en", "fr", "es", "it", "tr", "hu"]))
def test_candidates_hold_every_sentence_langdetect_would_see(pieces: list[str], lang: str) -> None:
    _check_candidates("".join(pieces), lang)


def test_long_sentences_are_all_candidates() -> None:
    # Beyond 3000 words the vote no longer sees a word of the article's language: no shortcut.
    text = "Los rebeldes y " * 1600 + "the end."
    assert [m.group() for m in tc501.candidate_sentences(text, "en")] == [text]


def test_rule_reports_what_the_plain_rule_reports_on_fixtures() -> None:
    for text in TEXTS:
        for lang in ("en", language.detect_language(text)):
            plain = [(m.start(), found) for m in tc501._SENTENCE.finditer(text)
                     if (found := tc501._reference_foreign_language(m.group(), lang))]
            fast = [(m.start(), found) for m in tc501.candidate_sentences(text, lang)
                    if (found := tc501.foreign_language(m.group(), lang))]
            assert fast == plain


def test_image_keeps_length_and_classes() -> None:
    text = "İL “de” l'été. Ça va? Οδός…\r\nx_1²"
    img = function_words.image(text)
    assert len(img) == len(text) + 2 and img[0] == img[-1] == "\n"
    for c, i in zip(text, img[1:-1], strict=True):
        if c in ".!?…\n":
            assert i == "\n"
        elif c in function_words._QUOTES:
            assert i == '"'
        elif function_words._LETTER.match(c):
            assert i not in ' \n"'
        else:
            assert i == " "


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(PIECES, min_size=1, max_size=60), copies=st.integers(1, 400))
def test_votes_of_long_texts_equal_counting_word_by_word(pieces: list[str], copies: int) -> None:
    text = ("".join(pieces) + " ") * copies
    for limit in (3000, 50):
        assert list(language.function_word_votes(text, limit).items()) == list(votes_word_by_word(text, limit).items())


def _plain_detection(text: str, default: str = "en") -> str:
    votes = votes_word_by_word(text)
    total = sum(votes.values())
    if total >= 8:
        (top, n), *rest = votes.most_common(2) + [("", 0)]
        if n >= 0.6 * total and n >= 2 * rest[0][1]:
            return top
    guess = language.langdetect_guess(text)
    return guess[0] if guess and guess[1] >= 0.9 else default


def test_detection_answers_as_the_plain_count_on_fixtures() -> None:
    for text in ARTICLES:
        assert language.detect_language(text) == _plain_detection(text)


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(PIECES, min_size=1, max_size=40), copies=st.integers(1, 300))
def test_surely_english_only_where_the_count_says_english(pieces: list[str], copies: int) -> None:
    text = ("".join(pieces) + " ") * copies
    if language._surely_english(text):
        votes = votes_word_by_word(text)
        total = sum(votes.values())
        (top, n), *rest = votes.most_common(2) + [("", 0)]
        assert top == "en" and total >= 8 and n >= 0.6 * total and n >= 2 * rest[0][1]


# --- langdetect_fast against langdetect itself

SENTENCES = [m.group() for text in TEXTS[:40] for m in tc501._SENTENCE.finditer(text)][:150] + [
    "Les rebelles ont quitté la ville dans la nuit de lundi à mardi.",
    "Die Armee hat die Stadt am Dienstag eingenommen, sagte ein Sprecher.",
    "Rejim güçleri Salı günü kente girdi ve gözlemevi bunu doğruladı.",
    "Это статья на русском языке о событиях в Сирии и о переговорах.",
    "Damascus denies using such weapons.",
    "ONLY CAPITALS HERE AND THERE, SAID THE AGENCY http://example.com a@b.cd",
    "Việt Nam đã đạt được thành tựu lớn trong năm qua.",
    "東京で会議が開かれた。 서울에서 회의가 열렸다。",
]
MIXED = st.text(alphabet=st.sampled_from(list("abcdefghij ÉéüşğıAİ.,'  ") + ["ß", "ж", "λ", "中", "한", "ٌ", "\u0301"]),
                min_size=0, max_size=80)


@pytest.mark.parametrize("text", SENTENCES)
def test_fast_langdetect_gives_langdetects_guess(text: str) -> None:
    assert langdetect_fast.langdetect_guess(text) == language.langdetect_guess(text)


@settings(max_examples=60, deadline=None)
@given(text=MIXED)
def test_fast_langdetect_gives_langdetects_guess_on_any_text(text: str) -> None:
    assert langdetect_fast.langdetect_guess(text) == language.langdetect_guess(text)


@settings(max_examples=60, deadline=None)
@given(text=st.sampled_from(SENTENCES), seed=st.integers(0, 10**6))
def test_guess_reaching_stops_only_where_the_guess_falls_short(text: str, seed: int) -> None:
    rng = random.Random(seed)
    needs = {lang: rng.choice([0.0, 0.5, 0.85, 0.97, 0.999, 2.0]) for lang in langdetect_fast._profiles().langs}
    plain = language.langdetect_guess(text)
    expected = plain if plain and plain[1] >= needs[plain[0]] else None
    assert langdetect_fast.guess_reaching(text, needs.__getitem__) == expected


@settings(max_examples=200, deadline=None)
@given(text=MIXED)
def test_text_preparation_and_ngrams_are_langdetects(text: str) -> None:
    from langdetect import detector_factory

    detector_factory.init_factory()
    detector = detector_factory._factory.create()
    detector.append(text)
    detector.cleaning_text()
    assert langdetect_fast._prepared(text) == detector.text
    assert langdetect_fast._ngrams(detector.text, langdetect_fast._profiles()) == detector._extract_ngrams()


def test_profiles_are_langdetects() -> None:
    from langdetect import detector_factory

    detector_factory.init_factory()
    factory = detector_factory._factory
    profiles = langdetect_fast._profiles()
    assert profiles.langs == factory.langlist
    grams = [g for g in factory.word_lang_prob_map if 1 <= len(g) <= 3]
    for gram in random.Random(0).sample(grams, 3000) + ["e", "th", "the", "ş", "中"]:
        if gram in factory.word_lang_prob_map:
            assert profiles.known(gram)
            assert list(profiles.row(gram)) == factory.word_lang_prob_map[gram][:len(profiles.langs)]
    assert not profiles.known("\x00q")


def test_profile_cache_is_read_back_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    langdetect_fast._profiles.cache_clear()
    try:
        built = langdetect_fast._profiles()  # reads the profiles and writes the cache
        langdetect_fast._profiles.cache_clear()
        read = langdetect_fast._profiles()  # reads the cache
        assert list(tmp_path.glob("langdetect-profiles-*.pickle"))
        assert read.langs == built.langs and read.starts == built.starts
        assert read.columns == built.columns and read.values == built.values
        assert all(read.row(g) == built.row(g) for g in ("e", "th", "the", "ş"))
    finally:
        langdetect_fast._profiles.cache_clear()
