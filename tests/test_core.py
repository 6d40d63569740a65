"""The compiled core (core/, the extension module termcheck._core) as the package ships it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.lexicon import wordfreq_cache
from tests.conftest import ROOT, SEEDS


def test_the_wheels_version_is_the_programs() -> None:
    # maturin takes the wheel's version from core/Cargo.toml; termcheck reports __init__'s.
    import termcheck
    from termcheck import _core

    cargo = (ROOT / "core" / "Cargo.toml").read_text(encoding="utf-8")
    found = re.search(r'^version = "([^"]+)"', cargo, re.M)
    assert found is not None
    assert found.group(1) == termcheck.__version__ == _core.__version__


# --- word frequencies: the core's answers are wordfreq's ----------------------------------------

FAST = sorted(wordfreq_cache.FAST_LANGS)
# Letters the table holds and letters wordfreq folds, decomposes or reads as other tokens
# (capitals, ß, a combining dot, digits, a curly opening quote), and the joiners the core splits at.
ALPHABET = "abeilnorstuyzàéèíóúâêîôûåïöœçñÿøğışæëüAÉİß\u03071-'’‘ "


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(wordfreq_cache, "_tables", {})
    monkeypatch.setattr(wordfreq_cache, "_db", None)
    monkeypatch.setattr(wordfreq_cache, "_broken", False)
    return tmp_path


@st.composite
def words(draw: st.DrawFn) -> str:
    """Mostly listed words, changed a little or joined, and words made of any of ALPHABET."""
    import wordfreq

    if draw(st.booleans()):
        return draw(st.text(alphabet=ALPHABET, min_size=1, max_size=12))
    lang = draw(st.sampled_from(FAST))
    listed = wordfreq.top_n_list(lang, 20_000)
    word = draw(st.sampled_from(listed))
    how = draw(st.sampled_from(["as is", "joined", "changed"]))
    if how == "joined":
        word += draw(st.sampled_from(["-", "'", "’"])) + draw(st.sampled_from(listed))
    elif how == "changed":
        at = draw(st.integers(0, len(word)))
        word = word[:at] + draw(st.sampled_from(ALPHABET)) + word[at:]
    return word


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=words())
def test_the_cores_frequencies_are_wordfreqs_on_generated_words(fresh_cache: Path, word: str) -> None:
    import wordfreq

    for lang in FAST:
        expected = wordfreq.zipf_frequency(word, lang)
        assert wordfreq_cache.zipf_frequency(word, lang) == expected, (word, lang)
        assert wordfreq_cache.zipf_many([word, word.lower()], lang) == [
            expected, wordfreq.zipf_frequency(word.lower(), lang)], (word, lang)


def test_words_with_lone_surrogates_get_wordfreqs_values(fresh_cache: Path) -> None:
    # They cannot cross into the core as UTF-8 (a JSON request may carry them): wordfreq answers.
    import wordfreq

    for word in ("abc\ud800", "\udfffhouse", "ma\udc80ison"):
        for lang in FAST:
            expected = wordfreq.zipf_frequency(word, lang)
            assert wordfreq_cache.zipf_frequency(word, lang) == expected, (word, lang)
            assert wordfreq_cache.zipf_many([word, "house"], lang) == [
                expected, wordfreq.zipf_frequency("house", lang)], (word, lang)


def test_the_cores_frequencies_are_wordfreqs_on_real_text(fresh_cache: Path) -> None:
    import wordfreq

    from termcheck.document import _WORD

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/fixtures/articles").rglob("*.txt"))]
    found = sorted({m.group() for t in texts for m in _WORD.finditer(t)})
    found += [w.lower() for w in found]
    assert len(found) > 2000
    for lang in FAST:
        expected = [wordfreq.zipf_frequency(w, lang) for w in found]
        assert wordfreq_cache.zipf_many(found, lang) == expected, lang
        assert [wordfreq_cache.zipf_frequency(w, lang) for w in found] == expected, lang


def test_the_table_is_built_once_and_mapped(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wordfreq

    words = ["idleb", "l'armée", "aujourd’hui", "été"]
    expected = [wordfreq.zipf_frequency(w, "fr") for w in words]
    assert wordfreq_cache.zipf_many(words, "fr") == expected
    assert len(list(fresh_cache.glob("wordfreq-*-fr-*.table"))) == 1
    monkeypatch.setattr(wordfreq_cache, "_tables", {})  # as in the next run, which must not build it

    def no_list(lang: str) -> None:
        raise AssertionError("wordfreq's list read again")

    monkeypatch.setattr(wordfreq, "get_frequency_dict", no_list)
    assert [wordfreq_cache.zipf_frequency(w, "fr") for w in words] == expected


def test_a_damaged_table_is_built_again(fresh_cache: Path) -> None:
    import wordfreq

    wordfreq_cache.zipf_frequency("the", "tr")
    (table,) = fresh_cache.glob("wordfreq-*-tr-*.table")
    data = table.read_bytes()
    for damaged in [data[: len(data) // 2], b"not a table", b""]:
        table.write_bytes(damaged)
        wordfreq_cache._tables.clear()
        assert wordfreq_cache.zipf_frequency("istanbul", "tr") == wordfreq.zipf_frequency("istanbul", "tr")
        assert table.read_bytes() == data


def test_without_a_cache_folder_the_table_is_kept_in_memory(fresh_cache: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import wordfreq

    monkeypatch.setenv("TERMCHECK_NO_CACHE", "1")
    words = ["government", "idleb", "al-assad", "today’s", "Idlib", "f-16"]
    assert wordfreq_cache.zipf_many(words, "en") == [wordfreq.zipf_frequency(w, "en") for w in words]
    assert list(fresh_cache.iterdir()) == []


def test_tokens_at_least_are_the_lists(fresh_cache: Path) -> None:
    import wordfreq

    least = 10 ** (4.0 - 9)
    listed = wordfreq.get_frequency_dict("en")
    assert sorted(wordfreq_cache.tokens_at_least("en", least) or []) == sorted(
        w for w, f in listed.items() if f >= least)
    assert wordfreq_cache.tokens_at_least("ar", least) is None


# --- the tokeniser: Document.words are _WORD's matches ------------------------------------------

@settings(max_examples=1500, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)
       | st.lists(st.sampled_from(["a", "Ab", "'", "’", "''", " ", "\n", "_", "9", "²", "½", "é", "e\u0301", "ß",
                                   "İ", "ǅ", "ª", "٣", "ⅷ", "𝔘", "〇", "\u200d", "🙂", "-", "x'y", "Idleb’s",
                                   "\ud800", "\udfff"]),  # lone surrogates: a JSON request may carry them
                  max_size=40).map("".join))
def test_the_cores_words_are_the_patterns_matches(text: str) -> None:
    from termcheck.document import _WORD, Document

    doc = Document(Path("a.txt"), text)
    assert doc.words == [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def test_the_cores_words_on_real_text() -> None:
    from termcheck.document import _WORD, Document

    paths = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests/fixtures").rglob("*.txt"))
    assert len(paths) > 20
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert Document(path, text).words == [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)], path
