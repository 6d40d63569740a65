"""The on-disk glossary cache: used when nothing changed, ignored when anything did, and
never a reason for a run to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from termcheck.glossary import cache
from termcheck.glossary.loader import load_glossary

ENTRY = '''[[entry]]
id = "idlib"
kind = "place"
canonical = { en = "Idlib", fr = "Idleb" }
'''


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    return folder


def _names(g: object) -> list[tuple[str, dict[str, str]]]:
    return [(e.id, e.canonical) for e in g.names]  # type: ignore[attr-defined]


def test_second_load_comes_from_the_cache(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    g = tmp_path / "g.toml"
    g.write_text(ENTRY, encoding="utf-8")
    first = cache.load_glossary_cached([g])
    assert len(list(cache_dir.glob("glossary-*.pickle"))) == 1

    def no_parse(paths: list[Path]) -> None:
        raise AssertionError("parsed again although nothing changed")

    monkeypatch.setattr(cache, "load_glossary", no_parse)
    assert _names(cache.load_glossary_cached([g])) == _names(first) == _names(load_glossary([g]))


def test_a_changed_file_is_read_again(tmp_path: Path, cache_dir: Path) -> None:
    g = tmp_path / "g.toml"
    g.write_text(ENTRY, encoding="utf-8")
    cache.load_glossary_cached([g])
    g.write_text(ENTRY.replace('"Idleb"', '"Idlib-fr"'), encoding="utf-8")
    assert _names(cache.load_glossary_cached([g])) == [("idlib", {"en": "Idlib", "fr": "Idlib-fr"})]


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, cache_dir: Path) -> None:
    g = tmp_path / "g.toml"
    g.write_text(ENTRY, encoding="utf-8")
    cache.load_glossary_cached([g])
    [pickle_file] = cache_dir.glob("glossary-*.pickle")
    pickle_file.write_bytes(b"not a pickle")
    assert _names(cache.load_glossary_cached([g])) == [("idlib", {"en": "Idlib", "fr": "Idleb"})]
    assert pickle_file.read_bytes() != b"not a pickle"


def test_an_unusable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    g = tmp_path / "g.toml"
    g.write_text(ENTRY, encoding="utf-8")
    assert _names(cache.load_glossary_cached([g])) == [("idlib", {"en": "Idlib", "fr": "Idleb"})]


def test_glossary_errors_are_the_loaders(tmp_path: Path, cache_dir: Path) -> None:
    from termcheck.errors import GlossaryError

    g = tmp_path / "g.toml"
    g.write_text(ENTRY + "colour = 1\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="unknown key 'colour'"):
        cache.load_glossary_cached([g])
    with pytest.raises(GlossaryError, match="glossary not found"):
        cache.load_glossary_cached([tmp_path / "missing.toml"])


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMCHECK_NO_CACHE", "1")
    assert cache.cache_dir() is None
