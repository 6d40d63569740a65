"""The pre-commit hook, run by the real pre-commit framework on a newsroom repository.

pre-commit installs the hook repository with `pip install .` in a fresh virtualenv, so this
test needs PyPI (as CI has) and takes a minute. try-repo takes the hook repository at a
commit; the working tree is snapshotted into a temporary repository first, so the test checks
the hook as it is now, committed or not (try-repo itself only picks up tracked changes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

pytest.importorskip("pre_commit", reason="pre-commit is not installed")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

GIT_ENV = {"GIT_AUTHOR_NAME": "termcheck tests", "GIT_AUTHOR_EMAIL": "tests@termcheck.invalid",
           "GIT_COMMITTER_NAME": "termcheck tests", "GIT_COMMITTER_EMAIL": "tests@termcheck.invalid"}


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of this working tree (tracked and new files and links, not ignored ones)."""
    repo = tmp_path_factory.mktemp("hook") / "termcheck"
    repo.mkdir()
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_symlink():  # termcheck/_glossaries: the wheel ships glossaries/ through it
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(os.readlink(src), repo / rel)
        elif src.is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / rel)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot")
    return repo


def _newsroom(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    return repo


def _try_repo(hook_repo: Path, newsroom: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(newsroom.parent / "pre-commit-home")}
    env.pop("CI", None)  # keep pre-commit's own output plain either way
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "termcheck",
                           "--files", *files, "--color", "never"],
                          cwd=newsroom, env=env, capture_output=True, text=True, timeout=1200)


def test_manifest_publishes_the_hook() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "termcheck" and hook["language"] == "python"
    assert hook["entry"] == "termcheck lint"
    assert (ROOT / "pyproject.toml").is_file()  # language: python installs the repository root


def test_hook_fails_on_an_artifact(hook_repo: Path, tmp_path: Path) -> None:
    newsroom = _newsroom(tmp_path, {"story.md": "# Syria\n\nRebels withdrew from Idleb on Tuesday.\n"})
    run = _try_repo(hook_repo, newsroom, "story.md")
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "Failed" in out
    assert "story.md:3:22: TC201 'Idleb' is the French spelling; English writes 'Idlib'" in out


def test_hook_passes_clean_text_and_skips_non_articles(hook_repo: Path, tmp_path: Path) -> None:
    newsroom = _newsroom(tmp_path, {
        "story.txt": "Rebels withdrew from Idlib on Tuesday, the Syrian Observatory for Human Rights said.\n",
        "scraper.py": "CITY = 'Idleb'  # code, not an article: the hook's files pattern leaves it out\n",
    })
    run = _try_repo(hook_repo, newsroom, "story.txt", "scraper.py")
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert "Passed" in out and "TC201" not in out
