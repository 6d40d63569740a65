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
    monkeypatch.setenv("TERMCHECK_CONFIG_DIR", str(tmp_path / "config"))  # the signing key's folder
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


# --- a planted pickle runs no code (issue 12, point 16) -----------------------------------------


class _Planted:
    """Unpickling this creates the marker file: what an attacker's pickle would do."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.marker, "w"))


def test_a_planted_pickle_in_the_cache_folder_runs_no_code(tmp_path: Path) -> None:
    import os
    import pickle
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Rebels left Idleb on Tuesday, the OSDH said, with Khan Cheikhoun and the talks.\n",
                       encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TERMCHECK_NO_CACHE"}
    env["TERMCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    env["TERMCHECK_CONFIG_DIR"] = str(tmp_path / "config")

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "termcheck", "lint", str(article), "--format", "json"],
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)

    first = run()  # builds every cache file
    planted = sorted((tmp_path / "cache").glob("*.pickle"))
    assert {p.name.split("-", 1)[0] for p in planted} >= {"glossary", "index", "phrase", "langdetect"}
    marker = tmp_path / "pwned"
    for p in planted:  # as a CI cache restored from another branch could hold them
        p.write_bytes(pickle.dumps(_Planted(str(marker))))
    second = run()
    assert not marker.exists()
    assert second.returncode == first.returncode == 1, second.stderr
    assert second.stdout == first.stdout
    assert (tmp_path / "config" / "cache-key").stat().st_mode & 0o077 == 0  # the key is the user's alone
    assert not (tmp_path / "cache" / "cache-key").exists()


def test_a_key_inside_the_cache_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.io import signed_cache

    monkeypatch.setenv("TERMCHECK_CONFIG_DIR", str(tmp_path / "cache" / "config"))
    assert signed_cache.signing_key(tmp_path / "cache") is None
    assert signed_cache.signing_key(tmp_path / "elsewhere") is not None
