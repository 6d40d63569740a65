"""The scans that find names, runs of proper nouns and cue words in C give exactly what the
word-by-word code they replace gives, and the per-process verdict memos never change a result."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.config import Settings
from termcheck.document import Document
from termcheck.engine import Engine
from termcheck.glossary.matcher import NameIndex
from termcheck.rules.support.base import Context, DocContext
from termcheck.rules.support.candidates import capitalised_words, proper_noun_runs, reference_proper_noun_runs
from termcheck.runner import make_engine

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = sorted((FIXTURES / "clean-news").glob("*.txt")) + sorted((FIXTURES / "articles").rglob("*.txt"))

# Pieces that exercise the edges: name particles in every case, hyphens and apostrophes,
# letters whose case Python and a plain [A-Z] disagree on, letters beyond Latin Extended-A and
# beyond the BMP, digits and underscores inside words.
PIECES = ["Khan", "Cheikhoun", "al", "AL", "aL", "Al", "Abdel", "ibn", "IBN", "de", "De", "the", "of", "al-Assad",
          "pro-Assad", "al-assad", "x-Men-y", "Maaret", "al-Noomane", "UN", "U-N", "A", "ǅemal", "Ǆ", "ßa", "é", "É",
          "İbn", "İdlib", "Ș", "Șerban", "Ελλάδα", "ΕΛΛΆΔΑ", "Москва", "𝐀bc", "🙂", " ", "  ", "\n", ",", "-", "'",
          "’", "O'Neill", "l’Ouest", "rebels", "1", "_", "Idleb", "Idleb’s", "Ⓐ", "Ⅷ", "Kelvin", "K", "Hama's",
          "Shaykhun", "Shayhkun"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join) | \
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=TEXTS)
def test_proper_noun_runs_equal_the_state_machine(text: str) -> None:
    assert proper_noun_runs(text) == reference_proper_noun_runs(text)
    assert proper_noun_runs(text, 2) == reference_proper_noun_runs(text, 2)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, min_len=st.sampled_from([1, 4, 6]))
def test_capitalised_words_equal_a_filter_of_the_documents_words(text: str, min_len: int) -> None:
    words = Document(Path("a.txt"), text).words
    assert capitalised_words(text, min_len) == [(s, w) for s, _, w in words if w[0].isupper() and len(w) >= min_len]


def test_runs_and_capitalised_words_on_real_articles() -> None:
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        assert proper_noun_runs(text) == reference_proper_noun_runs(text), path
        words = Document(path, text).words
        assert capitalised_words(text, 6) == [(s, w) for s, _, w in words if w[0].isupper() and len(w) >= 6], path


@cache
def _engine() -> Engine:
    return make_engine(Settings())


def _index() -> NameIndex:
    return _engine().context.index("en")


def _readings(matches: list) -> list:  # type: ignore[type-arg]
    return [(m.span, m.text, [(f.entry.id, f.form, f.role) for f in m.forms]) for m in matches]


NAME_PIECES = ["Idlib", "Idleb", "IDLEB", "idleb", "OSDH", "Osdh", "SOHR", "Khan Cheikhoun", "Khan  Cheikhoun",
               "Bachar al-Assad", "Bachar al Assad", "al-Assad", "pro-Idleb", "Idlebs", "xIdleb", "Idleb_",
               "Syrian Observatory of Human Rights", "Daech", "ONU", "UN", "Homs", "Hama", "Alep", "Aleppo", "é",
               "İdlib", "’", "'", "-", " ", "\n", ".", "(", ")", "the", "of"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(NAME_PIECES), max_size=25).map(" ".join)
       | st.lists(st.sampled_from(NAME_PIECES), max_size=25).map("".join))
def test_name_index_finds_what_a_scan_of_every_key_finds(text: str) -> None:
    index = _index()
    assert _readings(index.find(text)) == _readings(index.reference_find(text))


def test_name_index_on_real_articles() -> None:
    index = _index()
    for path in ARTICLES[:40]:
        text = path.read_text(encoding="utf-8")
        assert _readings(index.find(text)) == _readings(index.reference_find(text)), path


CUES = ["jihadist", "syria", "the", "rebel", "kurd", "isis", "n'djamena", "al", "assad", "government", "mali",
        "chad", "", "free syrian army", "idleb", "i̇dlib"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(NAME_PIECES + ["Jihadists", "jihadist's", "N'Djamena", "Mali", "Malian",
                                                    "normalise", "rebels", "REBEL", "l'Syria"]), max_size=25)
       .map(" ".join))
def test_word_tests_answer_as_the_set_of_lower_cased_words(text: str) -> None:
    dctx = DocContext(Document(Path("a.txt"), text), _engine().context)
    words = dctx.lower_words
    for cue in CUES:
        plain = cue in words or (len(cue) >= 5 and " " not in cue and any(w.startswith(cue) for w in words))
        assert dctx.has_word_prefix(cue) == plain, cue
    local = frozenset(["mali", "chad", "n'djamena", "algeria"])
    assert dctx.has_any_word(local) == bool(local & words)


def test_verdict_memos_do_not_change_findings() -> None:
    """TC202/TC203/TC101 remember verdicts on names across documents: checking articles in
    another order, or twice, or with a fresh engine gives the same findings."""
    docs = [Document(p, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "articles").rglob("*.txt"))]
    docs = [d for d in docs if d.text]

    def run(order: list[Document], engine: Engine) -> dict[Path, list[tuple[str, int, int, str]]]:
        return {d.path: [(f.code, f.span.start, f.span.end, f.message) for f in engine.check(d)] for d in order}

    warm = _engine()
    first = run(docs, warm)
    assert run(list(reversed(docs)), warm) == first
    fresh = Engine(Context(warm.context.glossary), warm.rules)
    assert run(list(reversed(docs)), fresh) == first


def _slip_pairs_by_comparison(words: list[str]) -> list[tuple[str, str]]:
    """TC601's pairs as first written: every two sorted words that share a first letter."""
    from rapidfuzz.distance import OSA

    from termcheck.rules.consistency import _slip

    names = sorted(set(words))
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if a[0] != b[0]:
                break
            if abs(len(a) - len(b)) <= 1 and OSA.distance(a, b) == 1 and _slip(a, b):
                out.append((a, b))
    return out


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.text(alphabet="SShaykhunAabn", min_size=6, max_size=9), max_size=30))
def test_slip_pairs_from_swaps_equal_comparing_every_pair(words: list[str]) -> None:
    from termcheck.rules.consistency import _slip, _swaps

    uses = set(words)
    pairs = sorted({(a, b) if a < b else (b, a) for a in uses for b in _swaps(a) & uses if _slip(a, b)})
    assert pairs == _slip_pairs_by_comparison(words)
