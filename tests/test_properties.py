"""Properties that hold for any text: the checker never crashes, every finding points at the
text it names, and fixing is idempotent and leaves nothing safe to fix."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.config import Settings
from termcheck.engine import Engine
from termcheck.findings import Applicability, Finding
from termcheck.fix.edits import fix_text
from termcheck.io.textio import Decoded
from termcheck.runner import make_document, make_engine

# Pieces that make rules fire, mixed with arbitrary Unicode so that findings sit at odd offsets.
FRAGMENTS = ["Idleb", "IDLEB", "Khan Cheikhoun", "Bachar al-Assad", "OSDH", "OTAN", "by diet", "the diet's",
             "Same story on the side of", "evoked", ">> Read also: more\n", "With AFP\n", "Qamichli", "Latakkia",
             "National Liberation Front (FNL)", "Khan Shaykhun", "Khan Shayhkun", "Syria", "régime", "\r\n", "\n\n",
             "’s", "İstanbul", "ǅ", "ß", "\u0301", "\ufeff", "\x00", "🙂", "«", " ", "\t", "Idlib."]
TEXTS = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(FRAGMENTS)), max_size=25).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def engine() -> Engine:
    return make_engine(Settings())


def check(text: str, lang: str, name: str = "article.txt") -> list[Finding]:
    doc = make_document(Path(name), lang, Decoded(text, "utf-8"))
    return engine().check(doc)


@SETTINGS
@given(text=TEXTS, lang=st.sampled_from(["en", "fr", "auto"]), name=st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_text_is_checked_and_findings_point_into_it(text: str, lang: str, name: str) -> None:
    for f in check(text, lang, name):
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.text == text[f.span.start : f.span.end]
        if f.fix is not None:
            for edit in f.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)


def _fix(text: str) -> str:
    return fix_text(text, check(text, "en"), lambda t: check(t, "en")).text


@SETTINGS
@given(text=TEXTS)
def test_fixing_twice_equals_fixing_once(text: str) -> None:
    once = _fix(text)
    assert _fix(once) == once


@SETTINGS
@given(text=TEXTS)
def test_no_safe_fix_is_left_after_fixing(text: str) -> None:
    fixed = _fix(text)
    left = [f for f in check(fixed, "en") if f.fix is not None and f.fix.applicability is Applicability.SAFE]
    assert left == []


NAME_PIECES = ["Service Women's Action Network", "service women's action network", "Grand Old Party", "grand old party",
               "Parti de la Révolution Démocratique, ou PRD", "party of the democratic revolution, or PRD", "(PRD)",
               " (PRD)", ", or PRD", "the ", "of ", " ", ". ", "\n", "İstanbul", "ſ", "K", "ß", "’s", "-"]
NAME_TEXTS = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(NAME_PIECES)), max_size=12).map("".join)


@SETTINGS
@given(source=NAME_TEXTS, target=NAME_TEXTS)
def test_names_recased_point_at_a_name_written_without_its_capitals(source: str, target: str) -> None:
    from termcheck.rules.bilingual_names import recased_runs

    for start, end, name in recased_runs(target, source):
        words, capitals = target[start:end].split(), name.split()
        assert 0 <= start < end <= len(target)
        assert len(words) == len(capitals)
        assert all(w[0].islower() for w, c in zip(words, capitals, strict=True) if c[0].isupper())
