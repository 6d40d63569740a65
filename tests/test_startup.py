"""What a one-file run (a pre-commit hook) and the start of every run pay: heavy modules stay
unloaded, and each shortcut taken to get there answers as the code it replaces.

Nothing here times anything: the laziness is checked by the modules a run leaves loaded."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termcheck.glossary import cache
from termcheck.glossary.safe_regex import BoundedPattern
from termcheck.io.discovery import Notice, _matches, discover
from termcheck.lexicon import wordfreq_cache
from termcheck.runner import display_path
from tests.conftest import ROOT, SEEDS

CLEAN = ("The government said on Monday that it would present the budget to parliament next week.\n"
         "The minister for finance told reporters that the plan was ready and that the cabinet had "
         "approved it after a long meeting.\n")
# Never needed to check a clean plain-text article: each costs a one-file run from 5 ms (rapidfuzz)
# to 0.4 s (langdetect's profiles).
NOT_LOADED = ["pydantic", "wordfreq", "langdetect", "sacrebleu", "markdown_it", "charset_normalizer", "rich",
              "rapidfuzz", "ftfy", "langcodes", "multiprocessing", "importlib.metadata",
              # the servers' libraries (termcheck serve, termcheck lsp); lint checks through termcheck.api
              "starlette", "uvicorn", "anyio", "pygls", "lsprotocol", "cattrs", "termcheck.server",
              "termcheck.fix.edits"]

_PROBE = """
import json, sys
from termcheck.cli.main import main
sys.argv = ["termcheck", "lint", sys.argv[1]]
try:
    main()
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""


def test_a_one_file_run_loads_no_heavy_module(tmp_path: Path) -> None:
    article = tmp_path / "clean.txt"
    article.write_text(CLEAN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TERMCHECK_NO_CACHE"}
    env["TERMCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    runs = []
    for _ in range(2):  # the first may build the caches (glossary pickle, word frequencies)
        proc = subprocess.run([sys.executable, "-c", _PROBE, str(article)], cwd=tmp_path, env=env,
                              capture_output=True, text=True, check=True)
        runs.append(json.loads(proc.stdout.splitlines()[-1]))
    assert runs[-1]["exit"] == 0
    loaded = set(runs[-1]["modules"])
    assert [m for m in NOT_LOADED if m in loaded] == []


# --- wordfreq's tokens for joined words -------------------------------------------------------

LETTERS = "abdehiloqsuyzàéèíóúâêîôûåïöœçñÿøğışæëü"  # vowels and h: wordfreq's elision rule looks at them


@st.composite
def joined_words(draw: st.DrawFn) -> str:
    """Plain chunks joined by hyphens and apostrophes, sometimes with a character wordfreq
    reads differently (a capital, a digit, ß, a curly opening quote, a combining dot) put in."""
    chunks = draw(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=4), min_size=1, max_size=5))
    seps = draw(st.lists(st.sampled_from(["-", "'", "’"]), min_size=len(chunks) - 1, max_size=len(chunks) - 1))
    word = chunks[0] + "".join(s + c for s, c in zip(seps, chunks[1:], strict=True))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(word)))
        odd = draw(st.sampled_from(["-", "'", "’", "‘", " ", "A", "É", "İ", "1", "ß", "_", "\u0307"]))
        word = word[:at] + odd + word[at:]
    return word


@settings(max_examples=2000, deadline=None)
@given(word=joined_words())
def test_simple_tokens_are_wordfreqs_tokens(word: str) -> None:
    from wordfreq.tokens import lossy_tokenize

    tokens = wordfreq_cache.simple_tokens(word)
    if tokens is None:
        return  # left to wordfreq itself
    for lang in sorted(wordfreq_cache.FAST_LANGS):
        assert tokens == lossy_tokenize(word, lang), (word, lang)


def test_simple_tokens_take_the_joined_words_news_has() -> None:
    from wordfreq.tokens import lossy_tokenize

    words = ["al-assad", "abbas's", "today’s", "al-qa'ida", "l'armée", "qu'il", "qu’il", "d'alep", "o'hara",
             "y'all", "aujourd'hui", "al-qu'ila", "we're", "don't", "abdel-aziz", "aleppo-damascus", "l'l'arc"]
    for word in words:
        for lang in sorted(wordfreq_cache.FAST_LANGS):
            assert wordfreq_cache.simple_tokens(word) == lossy_tokenize(word, lang), (word, lang)
    for other in ["idlib", "f-16", "-al", "al-", "al--assad", "Al-Assad", "i̇dlib'in", "x'", "a b"]:
        assert wordfreq_cache.simple_tokens(other) is None


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(wordfreq_cache, "_db", None)
    monkeypatch.setattr(wordfreq_cache, "_tables", {})
    monkeypatch.setattr(wordfreq_cache, "_broken", False)
    return tmp_path


def test_words_wordfreq_answered_are_remembered(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wordfreq

    odd = [("f-16", "en"), ("i̇dlib'in", "tr"), ("سوريا", "ar"), ("2019", "en"), ("ÉTÉ", "fr")]
    expected = {w: wordfreq.zipf_frequency(w, lang) for w, lang in odd}
    assert {w: wordfreq_cache.zipf_frequency(w, lang) for w, lang in odd} == expected

    def no_wordfreq(word: str, lang: str) -> float:
        raise AssertionError(f"wordfreq asked again about {word!r}")

    monkeypatch.setattr(wordfreq, "zipf_frequency", no_wordfreq)
    monkeypatch.setattr(wordfreq_cache, "_tokens", no_wordfreq)
    monkeypatch.setattr(wordfreq_cache, "_db", None)  # as in the next run
    assert {w: wordfreq_cache.zipf_frequency(w, lang) for w, lang in odd} == expected


def test_joined_words_are_answered_without_wordfreqs_tokenizer(fresh_cache: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import wordfreq

    words = [("al-assad", "en"), ("al-assad", "fr"), ("today’s", "en"), ("l'armée", "fr"), ("qu'il", "fr"),
             ("henderson's", "en"), ("al-masirah", "tr"), ("we're", "de")]
    expected = [wordfreq.zipf_frequency(w, lang) for w, lang in words]

    def no_tokens(word: str, lang: str) -> None:
        raise AssertionError(f"wordfreq's tokenizer asked about {word!r}")

    monkeypatch.setattr(wordfreq_cache, "_tokens", no_tokens)
    assert [wordfreq_cache.zipf_frequency(w, lang) for w, lang in words] == expected


def test_installed_version_is_the_packaging_metadatas() -> None:
    from importlib import metadata

    for dist in ["regex", "wordfreq", "rapidfuzz"]:
        assert cache.installed_version(dist) == metadata.version(dist)
    assert cache.installed_version("no_such_distribution_here") is None


# --- the glossary cache holds compiled patterns ------------------------------------------------

def test_cached_patterns_come_back_compiled_and_match_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.glossary.loader import default_glossary_dir, load_glossary

    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    cache.load_glossary_cached([default_glossary_dir()])  # parsed, then stored
    cached = cache.load_glossary_cached([default_glossary_dir()])  # read back
    fresh = load_glossary([default_glossary_dir()])

    def patterns(g: object) -> list[BoundedPattern]:
        found: list[BoundedPattern] = []

        class Collect(pickle.Pickler):
            def reducer_override(self, obj: object) -> object:
                if type(obj) is BoundedPattern:
                    found.append(obj)
                return NotImplemented

        Collect(io.BytesIO()).dump(g)
        return found

    got, plain = patterns(cached), patterns(fresh)
    assert len(got) == len(plain) > 100
    assert all(p._regex is not None for p in got)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("At the level of the ministry, with closed doors. Avec AFP\nWith AFP\n>> Read also: x")
    for a, b in zip(got, plain, strict=True):
        assert (a.pattern, a.label, a.required, a.groups) == (b.pattern, b.label, b.required, b.groups)
        for text in texts:
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_another_regex_version_reads_the_glossary_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    g = tmp_path / "g.toml"
    g.write_text('[[entry]]\nid = "idlib"\nkind = "place"\ncanonical = { en = "Idlib", fr = "Idleb" }\n',
                 encoding="utf-8")
    key = cache._key([g])
    real = cache.installed_version
    monkeypatch.setattr(cache, "installed_version", lambda d: "0.0" if d == "regex" else real(d))
    assert cache._key([g]) != key


# --- display paths and discovery ---------------------------------------------------------------

def _reference_display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(["a", "b", ".", "..", "..c", ".hidden", "x y", "é", "", "/"]), max_size=6))
def test_display_path_is_relpaths(parts: list[str]) -> None:
    path = Path("/".join(parts))
    assert display_path(path) == _reference_display_path(path)
    assert display_path(Path.cwd() / path) == _reference_display_path(Path.cwd() / path)


def _reference_discover(paths: list[Path], include: list[str], exclude: list[str]) -> tuple[list[Path], list[Notice]]:
    """discover() as first written: pathlib for every file."""
    files: dict[str, Path] = {}
    notices: list[Notice] = []
    for root in paths:
        if root.is_file():
            if not _matches(root.as_posix(), root.name, exclude):
                files.setdefault(os.path.normpath(root), root)
            continue
        seen: set[tuple[int, int]] = set()

        def onerror(err: OSError, root: Path = root) -> None:
            notices.append(Notice(Path(err.filename or root), f"cannot read folder: {err.strerror}"))

        for folder, dirs, names in os.walk(root, onerror=onerror):
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                path = Path(folder) / name
                if path.is_symlink() and not path.exists():
                    notices.append(Notice(path, "broken symbolic link skipped"))
                    continue
                if path.is_file():
                    rel = path.relative_to(root).as_posix()
                    if _matches(rel, path.name, include) and not _matches(rel, path.name, exclude):
                        files.setdefault(os.path.normpath(path), path)
    return sorted(files.values(), key=lambda p: p.as_posix()), notices


def test_discovery_finds_what_the_pathlib_walk_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "news"
    for rel in ["a.txt", "b.md", "c.html", "sub/d.txt", "sub/deeper/e.txt", "sub/.hidden/f.txt", ".g.txt",
                "drafts/h.txt", "archive/2019/i.md", "x y/é.txt"]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("Text.\n", encoding="utf-8")
    (root / "link.txt").symlink_to(root / "a.txt")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    (root / "loop-a.txt").symlink_to(root / "loop-b.txt")
    (root / "loop-b.txt").symlink_to(root / "loop-a.txt")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    (root / "folder.txt").mkdir()
    os.mkfifo(root / "pipe.txt")
    monkeypatch.chdir(tmp_path)
    for paths in ([Path("news")], [Path("news/")], [root], [Path("news/sub"), Path("news/a.txt")], [Path(".")]):
        for include, exclude in [(["*.txt", "*.md"], []), (["*"], ["drafts", "archive/*"]), (["*.txt"], ["sub"])]:
            assert discover(paths, include, exclude) == _reference_discover(paths, include, exclude), paths
    monkeypatch.chdir(root)
    assert discover([Path(".")], ["*.txt"], []) == _reference_discover([Path(".")], ["*.txt"], [])


def test_the_shipped_glossaries_are_found_without_importlib_resources() -> None:
    from importlib import resources

    from termcheck.glossary.loader import default_glossary_dir

    packaged = Path(str(resources.files("termcheck"))) / "_glossaries"
    if packaged.is_symlink():  # a checkout: the link to glossaries/ that the wheel ships
        assert packaged.resolve() == ROOT / "glossaries"
    assert default_glossary_dir() == (packaged.resolve() if packaged.is_dir() else ROOT / "glossaries")


# --- `lint` without typer ----------------------------------------------------------------------

ARTICLE = "Rebels evoke the situation in Idleb, according to the OSDH.\nThe regime shelled Khan Cheikhoun.\n"
GLOSSARY = '[[entry]]\nid = "testville"\nkind = "place"\ncanonical = { en = "Testville", fr = "Testvil" }\n'
# Each entry is split into command-line tokens; a command line is `lint` and a few entries.
PATH_ARGS = ["mt.txt", "clean.txt", "news", "missing.txt"]
OPTION_ARGS = ["--format json", "--format=github", "-f text", "--format sarif", "--format=html", "--select TC2",
               "--select=TC201,TC301", "--ignore TC601", "--lang fr", "--lang xx", "--lang EN", "-q", "--quiet",
               "--jobs 1", "-j 1", "--no-default-glossary", "--glossary extra.toml", "--include *.md",
               "--exclude news", "--diff", "--unsafe-fixes", "-o out/report.txt", "--baseline missing.json",
               "--write-baseline base.json", "--exit-zero", "--statistics", "--show-fixes", "--no-ignore",
               "--color never", "--color=always"]
ODD_ARGS = ["--format bogus", "--jobs x", "--", "-x", "-qj1", "--quiet=1", "--help", "--select"]


@st.composite
def lint_lines(draw: st.DrawFn) -> list[str]:
    picks = (draw(st.lists(st.sampled_from(PATH_ARGS), min_size=1, max_size=2))
             + draw(st.lists(st.sampled_from(OPTION_ARGS), max_size=3))
             + draw(st.lists(st.sampled_from(ODD_ARGS), max_size=1)))
    return ["lint", *(token for pick in draw(st.permutations(picks)) for token in pick.split())]


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mt.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("# Idleb\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(CLEAN + "Testvil is quiet.\n", encoding="utf-8")
    (tmp_path / "extra.toml").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _outcome(run: Callable[[], object], folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[object, ...]:
    """Exit code, stdout, stderr and the files written of one run (which are then removed)."""
    try:
        run()
        code: object = None
    except SystemExit as done:
        code = done.code
    out, err = capsys.readouterr()
    written = {}
    for name in ["out/report.txt", "base.json", "reports/termcheck-report.html"]:
        if (folder / name).exists():
            written[name] = (folder / name).read_text(encoding="utf-8")
            (folder / name).unlink()
    return code, out, err, written


def _both(argv: list[str], folder: Path, capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[object, ...], tuple[object, ...]]:
    from termcheck.cli import main as cli
    from termcheck.cli.commands import app

    monkeypatch.setattr(sys, "argv", ["termcheck", *argv])
    plain = _outcome(cli.main, folder, capsys)
    typed = _outcome(lambda: app(args=argv, prog_name="termcheck"), folder, capsys)
    return plain, typed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=lint_lines())
def test_plain_lint_command_lines_run_as_typer_runs_them(argv: list[str], newsroom: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.cli import main as cli

    if cli.plain_lint(argv) is None:
        return  # typer's own
    plain, typed = _both(argv, newsroom, capsys, monkeypatch)
    assert plain == typed, argv


def test_plain_lint_takes_the_usual_command_lines(newsroom: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.cli import main as cli

    for line in ["lint mt.txt", "lint news --format json --select TC2,TC3 -q", "lint --jobs 1 mt.txt clean.txt",
                 "lint mt.txt --glossary extra.toml --no-default-glossary --format=github",
                 "lint news --include *.md -o out/report.txt", "lint mt.txt --diff --unsafe-fixes",
                 "lint news --write-baseline base.json", "lint missing.txt", "lint mt.txt --lang xx",
                 "lint news --statistics --exit-zero --color always", "lint mt.txt --show-fixes --no-ignore"]:
        argv = line.split()
        assert cli.plain_lint(argv) is not None, line
        plain, typed = _both(argv, newsroom, capsys, monkeypatch)
        assert plain == typed, line
    for other in ["lint", "lint --help", "rules", "--version", "lint -qf json mt.txt", "lint mt.txt -j2",
                  "lint mt.txt --format bogus", "lint mt.txt --jobs -1", "lint mt.txt --format json --format text",
                  "lint mt.txt --select", "lint -- mt.txt", "lint - ", "lint mt.txt -i", "lint mt.txt --fix=1",
                  "lint mt.txt --color bogus"]:
        assert cli.plain_lint(other.split()) is None, other


def test_a_one_file_run_does_not_load_typer(tmp_path: Path) -> None:
    article = tmp_path / "clean.txt"
    article.write_text(CLEAN, encoding="utf-8")
    env = {**os.environ, "TERMCHECK_NO_CACHE": "1"}  # whatever the caches hold
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(article)], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=True)
    loaded = set(json.loads(proc.stdout.splitlines()[-1])["modules"])
    assert not loaded & {"typer", "click", "termcheck.cli.commands"}


# --- name indexes kept beside the glossary -----------------------------------------------------

def test_cached_name_indexes_find_what_fresh_ones_find(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.config import Settings
    from termcheck.glossary.matcher import build_index
    from termcheck.runner import CachedContext, build_glossary

    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    build_glossary(Settings())  # parsed, then stored
    glossary = build_glossary(Settings())  # read back: its indexes may be cached
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))[:40]]

    def found(index: object) -> list[object]:
        return [[(m.span, m.text, [(f.entry.id, f.form, f.role, f.lang, f.implicit) for f in m.forms])
                 for m in index.find(t)] for t in texts]  # type: ignore[attr-defined]

    for lang in ["en", "fr", "tr"]:
        fresh = build_index(glossary, lang)
        CachedContext(glossary).index(lang)  # built and stored
        monkeypatch.setattr("termcheck.runner.build_index", lambda g, lang: pytest.fail("built again"))
        cached = CachedContext(glossary).index(lang)
        monkeypatch.undo()
        monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
        assert found(cached) == found(fresh)
        assert cached.conflicts == fresh.conflicts
        names = {id(e) for e in glossary.names}
        assert all(id(f.entry) in names for forms in cached.by_key.values() for f in forms)  # the same entries
    assert len(list(tmp_path.glob("index-*-en.pickle"))) == 1


def test_an_index_is_not_cached_for_a_glossary_the_cache_did_not_give(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from termcheck.glossary.loader import default_glossary_dir, load_glossary
    from termcheck.glossary.matcher import build_index

    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    glossary = load_glossary([default_glossary_dir()])
    cache.load_index_cached(glossary, "en", build_index)
    cache.load_index_cached(cache.load_glossary_cached([default_glossary_dir()]), "../x", build_index)
    assert not list(tmp_path.glob("index-*"))


def test_stored_structures_are_read_back_and_built_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Context.stored keeps what a rule builds from the glossary (TC202's blocks) in the cache
    folder: a second run reads it back equal instead of building it."""
    from termcheck.config import Settings
    from termcheck.runner import CachedContext, build_glossary

    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TERMCHECK_NO_CACHE", raising=False)
    build_glossary(Settings())
    glossary = build_glossary(Settings())
    built = CachedContext(glossary).stored("blocks", "en", lambda: {"k": [1, 2], "glossary": len(glossary.names)})
    again = CachedContext(glossary).stored("blocks", "en", lambda: pytest.fail("built again"))
    assert again == built
    assert len(list(tmp_path.glob("blocks-*-en.pickle"))) == 1
