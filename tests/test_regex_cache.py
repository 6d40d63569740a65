"""Regular expressions kept between runs (termcheck.io.regex_cache): a pattern built from kept
opcodes is the pattern `re` compiles, and a run reads the file, or works without it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.io import regex_cache
from termcheck.rules import constructions, foreign_words, phrases  # noqa: F401  (their patterns)

ARTICLE = ("The OSDH said on Tuesday that the regime of Bachar al-Assad bombed Idleb. Same story on the side "
           "of the rebels, who evoked 'a massacre' (With AFP).\n")
FRAGMENTS = ["the", "The ", "diet", " of ", "Idleb", "’s", "İ", "ß", "\n", "1,5", "«", "a-b", "x" * 30]
TEXTS = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(FRAGMENTS)), max_size=20).map("".join)


def _rule_patterns() -> list[re.Pattern[str]]:
    """The compiled patterns of some rule modules, the large construction patterns among them."""
    found: list[re.Pattern[str]] = []
    for module in (constructions, foreign_words, phrases):
        found += [v for v in vars(module).values() if isinstance(v, re.Pattern) and isinstance(v.pattern, str)]
    return found


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)


@pytest.mark.parametrize("pattern", _rule_patterns(), ids=lambda p: p.pattern[:40])
def test_a_pattern_built_from_kept_opcodes_is_the_one_re_compiles(pattern: re.Pattern[str]) -> None:
    flags = pattern.flags & ~re.UNICODE  # as re.compile was given them (str patterns add UNICODE)
    built = regex_cache.build(pattern.pattern, regex_cache.opcodes(pattern.pattern, flags))
    _same(built, pattern)
    text = ARTICLE * 3
    assert [m.span() for m in built.finditer(text)] == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=100, deadline=None)
@given(text=TEXTS)
def test_built_patterns_match_as_re_does_on_any_text(text: str) -> None:
    for pattern in _rule_patterns()[:40]:
        flags = pattern.flags & ~re.UNICODE
        built = regex_cache.build(pattern.pattern, regex_cache.opcodes(pattern.pattern, flags))
        assert [(m.span(), m.groups()) for m in built.finditer(text)] == \
            [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _lint(tmp_path: Path) -> tuple[int, list[dict[str, object]]]:
    run = run_cli("lint", "a.txt", "--format", "json", "--lang", "en", cwd=tmp_path)
    return run.exit_code, json.loads(run.stdout)["findings"]


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """regex_cache as a new process finds it: nothing read, nothing set up yet."""
    for name, value in (("_kept", {}), ("_written", {}), ("_used", set()), ("_new", set()),
                        ("_state", {"seeded": False, "recording": True, "writes": 0})):
        monkeypatch.setattr(regex_cache, name, value)
    re.purge()


def test_runs_keep_the_file_read_it_and_shrug_off_a_damaged_one(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(cache))
    monkeypatch.setattr(re._compiler, "compile", re._compiler.compile)  # type: ignore[attr-defined]
    monkeypatch.setattr(regex_cache, "MIN_NEW", 0)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _fresh_process(monkeypatch)
    first = _lint(tmp_path)
    kept = list(cache.glob("regex-*.pickle"))
    assert len(kept) == 1
    # The next process reads it: its patterns come from the file, with the same findings.
    _fresh_process(monkeypatch)
    regex_cache.seed()
    assert regex_cache._kept
    assert _lint(tmp_path) == first
    assert regex_cache._used
    # A file that is not the one termcheck signed is never read: the run is the same.
    kept[0].write_bytes(b"garbage")
    _fresh_process(monkeypatch)
    regex_cache.seed()
    assert not regex_cache._kept
    assert _lint(tmp_path) == first


def test_only_patterns_of_the_set_up_are_kept_and_unused_ones_go(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(re._compiler, "compile", re._compiler.compile)  # type: ignore[attr-defined]
    monkeypatch.setattr(regex_cache, "MIN_NEW", 1)
    _fresh_process(monkeypatch)
    regex_cache.seed()
    re.compile("set-up pattern [0-9]+")
    regex_cache.settle()
    re.compile("an article's own name")  # after the first document: not kept
    regex_cache.save()
    assert set(regex_cache._kept) == {("set-up pattern [0-9]+", 0)}
    for run in range(regex_cache.KEEP_WRITES):  # later runs set up other patterns, never this one
        _fresh_process(monkeypatch)
        regex_cache.seed()
        assert ("set-up pattern [0-9]+", 0) in regex_cache._kept
        re.compile(f"another release's pattern {run}")
        regex_cache.save()
    _fresh_process(monkeypatch)
    regex_cache.seed()
    assert ("set-up pattern [0-9]+", 0) not in regex_cache._kept
    assert (f"another release's pattern {regex_cache.KEEP_WRITES - 1}", 0) in regex_cache._kept
