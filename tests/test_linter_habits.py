"""Issue 13, "What people expect of a linter": .gitignore and .ignore, colour, --statistics,
--show-fixes, --exit-zero, the cache's first run and commands, configuration per folder."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import Run, run_cli

MT = "Fighting raged in Idleb.\n"


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _checked(root: Path, *args: str) -> list[str]:
    run = run_cli("lint", *args, "--lang", "en", "--format", "json", cwd=root)
    assert run.exit_code in (0, 1), run.stderr
    return sorted({f["path"] for f in run.json()["findings"]})


def test_gitignored_files_are_skipped_and_no_ignore_brings_them_back(tmp_path: Path) -> None:
    _tree(tmp_path, {
        "news/.gitignore": "drafts/\n*.bak.md\n!keep.bak.md\n",
        "news/a.md": MT, "news/drafts/b.md": MT, "news/c.bak.md": MT, "news/keep.bak.md": MT,
        "news/sub/.gitignore": "secret.txt\n",  # a nested file applies to its folder only
        "news/sub/secret.txt": MT, "news/sub/d.txt": MT, "news/secret.txt": MT,
        "news/sub/.ignore": "d.txt\n",  # ripgrep's file for tools, beside .gitignore
    })
    assert _checked(tmp_path, "news") == ["news/a.md", "news/keep.bak.md", "news/secret.txt"]
    assert _checked(tmp_path, "news", "--no-ignore") == [
        "news/a.md", "news/c.bak.md", "news/drafts/b.md", "news/keep.bak.md", "news/secret.txt",
        "news/sub/d.txt", "news/sub/secret.txt"]
    assert _checked(tmp_path, "news/drafts/b.md") == ["news/drafts/b.md"]  # a file named is checked


def test_a_deeper_gitignore_overrides_a_shallower_one(tmp_path: Path) -> None:
    _tree(tmp_path, {".gitignore": "*.txt\n", "a.txt": MT, "sub/.gitignore": "!*.txt\n", "sub/b.txt": MT})
    assert _checked(tmp_path, ".") == ["sub/b.txt"]


def test_the_repository_s_gitignore_applies_to_a_folder_inside_it(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {".gitignore": "news/old/\n", "news/a.txt": MT, "news/old/b.txt": MT})
    assert _checked(tmp_path / "news", ".") == ["a.txt"]
    assert _checked(tmp_path, "news") == ["news/a.txt"]


def test_respect_gitignore_false_in_the_config(tmp_path: Path) -> None:
    _tree(tmp_path, {".gitignore": "b.txt\n", "a.txt": MT, "b.txt": MT,
                     "termcheck.toml": "respect-gitignore = false\n"})
    assert _checked(tmp_path, ".") == ["a.txt", "b.txt"]


# --- colour, --statistics, --show-fixes, --exit-zero ---------------------------------------------

ARTICLE = "Rebels in Idleb evoke the OSDH.\nIDLEB fell.\n"


def test_colour_always_never_and_in_pipes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    always = run_cli("lint", "a.txt", "--lang", "en", "--color", "always", cwd=tmp_path).stdout
    assert "\x1b[1;31mTC201\x1b[0m" in always and "\x1b[1ma.txt:1:11:\x1b[0m" in always
    for args in (["--color", "never"], []):  # CliRunner's output is no terminal: auto is plain
        plain = run_cli("lint", "a.txt", "--lang", "en", *args, cwd=tmp_path).stdout
        assert "\x1b" not in plain and plain.splitlines()[0].startswith("a.txt:1:11: TC201 ")
    assert "\x1b" not in run_cli("lint", "a.txt", "--color", "always", "-o", "r.txt", cwd=tmp_path).stdout
    assert "\x1b" not in (tmp_path / "r.txt").read_text(encoding="utf-8")  # a file is never coloured


def test_colour_auto_on_a_terminal_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.cli.main import use_color

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert use_color("auto", None) and not use_color("never", None) and not use_color("auto", Path("r.txt"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", None) and use_color("always", None)  # the flag is the nearer choice


def test_statistics_count_per_rule_and_per_term(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--statistics", cwd=tmp_path)
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert lines[:2] == ["Findings by rule:", "  2  TC201  wrong-transliteration  (2 fixable with --fix)"]
    assert "  2  TC201  'Idleb' -> 'Idlib'" in lines  # 'IDLEB' counted with 'Idleb'
    assert "  1  TC401  'OSDH' -> 'SOHR'" in lines and lines[-1].startswith("Found 4 findings")
    assert run_cli("lint", "a.txt", "--statistics", "--format", "json", cwd=tmp_path).exit_code == 2


def test_show_fixes_lists_what_fix_would_apply_and_what_it_applied(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    shown = run_cli("lint", "a.txt", "--lang", "en", "--show-fixes", cwd=tmp_path).stdout
    assert "  a.txt:1:11: TC201 'Idleb' -> 'Idlib' (--fix)" in shown
    assert "  a.txt:1:17: TC301 'evoke' -> 'speak of' (--fix --unsafe-fixes)" in shown
    fixed = run_cli("lint", "a.txt", "--lang", "en", "--fix", "--show-fixes", cwd=tmp_path)
    assert "a.txt:1:11: TC201 'Idleb' -> 'Idlib' (safe fix applied)" in fixed.stderr


def test_exit_zero_with_findings_but_not_with_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--lang", "en", "--exit-zero", cwd=tmp_path)
    assert run.exit_code == 0 and "TC201" in run.stdout
    assert run_cli("lint", "missing.txt", "--exit-zero", cwd=tmp_path).exit_code == 2


# --- the cache: first run, commands, a folder that cannot be written -------------------------------

GLOSSARY = ('[[entry]]\nid = "idlib"\nkind = "place"\ncanonical = { en = "Idlib", fr = "Idlib" }\n'
            'wrong = { fr = ["Idleb"] }\n')


def _small_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> Run:
    """A run that builds little (one small glossary, one rule): the first-run notice without its 20 s."""
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(cache))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    (tmp_path / "names.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(MT, encoding="utf-8")
    return run_cli("lint", "a.txt", "--lang", "en", "--select", "TC201", "--no-default-glossary", "--glossary",
                   "names.toml", cwd=tmp_path)


def test_the_first_run_says_it_builds_the_caches_and_how_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    first = _small_run(tmp_path, monkeypatch, tmp_path / "cache")
    assert f"first run: building the caches in {tmp_path / 'cache'}" in first.stderr
    assert re.search(r"first run took \d+\.\d s with the caches it built \(\d+\.\d MB in ", first.stderr)
    again = _small_run(tmp_path, monkeypatch, tmp_path / "cache")
    assert "caches" not in again.stderr


def test_a_cache_that_cannot_be_written_gives_one_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    run = _small_run(tmp_path, monkeypatch, tmp_path / "file" / "cache")  # unwritable even for root
    assert run.stderr.count("cannot make the cache folder") == 1, run.stderr
    assert run.exit_code == 1


def test_cache_dir_and_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _small_run(tmp_path, monkeypatch, cache)
    (cache / "notes.txt").write_text("someone else's", encoding="utf-8")
    assert run_cli("cache", "dir").stdout.strip() == str(cache)
    cleaned = run_cli("cache", "clean")
    assert cleaned.exit_code == 0 and cleaned.stdout.startswith("removed ")
    assert [p.name for p in cache.iterdir()] == ["notes.txt"]  # only termcheck's own files
    monkeypatch.setenv("TERMCHECK_NO_CACHE", "1")
    assert run_cli("cache", "dir").exit_code == 1


# --- configuration per folder ----------------------------------------------------------------------

def test_each_file_takes_the_configuration_nearest_its_folder(tmp_path: Path) -> None:
    _tree(tmp_path, {"desk/quotes/termcheck.toml": 'ignore = ["TC201"]\n', "desk/quotes/a.txt": MT,
                     "desk/news/b.txt": MT, "desk/pyproject.toml": '[tool.termcheck]\nlang = "en"\n',
                     "desk/news/deep/pyproject.toml": "[project]\nname = 'x'\n",  # no [tool.termcheck]: passed
                     "desk/news/deep/c.txt": MT})
    # Run from outside the desk: the working folder has no configuration, the files' folders do.
    assert _checked(tmp_path, "desk") == ["desk/news/b.txt", "desk/news/deep/c.txt"]
    assert _checked(tmp_path, "desk/quotes/a.txt") == []
    assert _checked(tmp_path / "desk" / "news", "../quotes", ".") == ["b.txt", "deep/c.txt"]


def test_a_configuration_in_the_working_folder_does_not_reach_files_elsewhere(tmp_path: Path) -> None:
    _tree(tmp_path, {"here/termcheck.toml": 'ignore = ["TC2"]\n', "elsewhere/a.txt": MT, "here/b.txt": MT})
    assert _checked(tmp_path / "here", "../elsewhere/a.txt", "b.txt") == ["../elsewhere/a.txt"]


def test_fix_with_two_configurations_rechecks_each_with_its_own(tmp_path: Path) -> None:
    _tree(tmp_path, {"quotes/termcheck.toml": 'ignore = ["TC201"]\n', "quotes/a.txt": MT, "news/b.txt": MT})
    run = run_cli("lint", ".", "--lang", "en", "--fix", cwd=tmp_path)
    assert run.exit_code == 0, run.stdout + run.stderr
    assert (tmp_path / "quotes" / "a.txt").read_text(encoding="utf-8") == MT  # TC201 ignored there
    assert (tmp_path / "news" / "b.txt").read_text(encoding="utf-8") == MT.replace("Idleb", "Idlib")


def test_stdin_takes_the_configuration_of_its_stdin_filename(tmp_path: Path) -> None:
    import os
    import subprocess

    from conftest import ROOT

    _tree(tmp_path, {"quotes/termcheck.toml": 'ignore = ["TC201"]\n'})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name, code in (("quotes/a.txt", 0), ("news/a.txt", 1)):
        run = subprocess.run([sys.executable, "-c", "from termcheck.cli.main import main; main()", "lint", "-",
                              "--lang", "en", "--stdin-filename", name], cwd=tmp_path, input=MT.encode(),
                             capture_output=True, env=env, timeout=120)
        assert run.returncode == code, (name, run.stdout, run.stderr)
