"""Issue 13, "What people expect of a linter": .gitignore and .ignore, colour, --statistics,
--show-fixes, --exit-zero, the cache's first run and commands, configuration per folder."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

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
