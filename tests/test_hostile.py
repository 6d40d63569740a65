"""Hostile input: binary and huge files, odd encodings, long lines, unreadable files, bad links,
odd names, malformed glossaries and configs, patterns that backtrack without end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from termcheck.glossary import safe_regex
from termcheck.io import textio
from tests.conftest import run_cli

ARTICLE = "Fighting continued in the Idleb region, where the café owner said the talks failed.\n"


NAME_ENTRY = '''[[entry]]
id = "idlib-test"
kind = "place"
canonical = { en = "Idlib", fr = "Idleb" }
'''


def _glossary(tmp_path: Path) -> str:
    """A glossary of our own, so that these tests do not depend on the shipped data."""
    path = tmp_path.parent / f"{tmp_path.name}-names.toml"
    path.write_text(NAME_ENTRY, encoding="utf-8")
    return str(path)


def _lint(tmp_path: Path, *args: str) -> Any:
    return run_cli("lint", *args, "--format", "json", "--lang", "en", "--select", "TC201", "--jobs", "1",
                   "--no-default-glossary", "--glossary", _glossary(tmp_path), cwd=tmp_path)


def _idleb(run: Any) -> list[dict[str, Any]]:
    return [f for f in run.json()["findings"] if f["text"] == "Idleb"]


def test_binary_file_is_skipped_with_a_notice_and_the_rest_is_checked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "c.txt").write_text(ARTICLE, encoding="utf-8")
    run = _lint(tmp_path, ".")
    assert run.exit_code == 1
    assert "b.txt: binary file skipped" in run.stderr
    assert sorted(f["path"] for f in _idleb(run)) == ["a.txt", "c.txt"]
    assert run.json()["files"] == 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252",
                                      "latin-1"])
def test_encodings_are_detected_and_findings_keep_their_columns(tmp_path: Path, encoding: str) -> None:
    text = "Le café du coin: « Très bien ».\n" + ARTICLE
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    run = _lint(tmp_path, "a.txt")
    [f] = _idleb(run)
    start = text.index("Idleb")
    assert (f["line"], f["column"], f["start"], f["end"]) == (2, ARTICLE.index("Idleb") + 1, start, start + 5)


def test_french_in_windows_1252_is_not_read_as_central_european() -> None:
    text = "Le régime a été critiqué à Idleb, très près de la frontière. Où est-il ? Ça va.\n"
    decoded = textio.decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.text.encode(decoded.encoding) == text.encode("cp1252")


def test_turkish_and_cyrillic_legacy_encodings() -> None:
    turkish = "Türkiye'de güçlü bir şekilde ılımlı İstanbul ve Ağrı.\n"
    assert textio.decode_bytes(turkish.encode("cp1254")).text == turkish
    russian = "Привет, как дела? Это тест кодировки текста для проверки, и ещё немного слов.\n"
    assert textio.decode_bytes(russian.encode("cp1251")).text == russian


def test_empty_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    (tmp_path / "blank.txt").write_text("\n\n   \n", encoding="utf-8")
    run = run_cli("lint", ".", "--format", "json", "--no-default-glossary", "--glossary", _glossary(tmp_path),
                  cwd=tmp_path)
    assert run.exit_code == 0, run.stderr
    assert run.json()["files"] == 3


def test_a_100_mb_file_is_skipped_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.txt"
    chunk = (ARTICLE * (1_000_000 // len(ARTICLE))).encode("utf-8")
    with big.open("wb") as out:
        while out.tell() < 100_000_000:
            out.write(chunk)
    (tmp_path / "small.txt").write_text(ARTICLE, encoding="utf-8")
    read = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "huge.txt", "the huge file must not be read"
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    run = _lint(tmp_path, ".")
    assert run.exit_code == 1
    assert "huge.txt: file too large (100 MB" in run.stderr
    assert [f["path"] for f in _idleb(run)] == ["small.txt"]


def test_very_long_line(tmp_path: Path) -> None:
    line = "word " * 200_000 + "in the Idleb region"
    (tmp_path / "long.txt").write_text(line + "\n" + ARTICLE, encoding="utf-8")
    run = _lint(tmp_path, "long.txt")
    found = _idleb(run)
    assert [(f["line"], f["column"]) for f in found] == [(1, line.index("Idleb") + 1),
                                                          (2, ARTICLE.index("Idleb") + 1)]


def test_unreadable_file_chmod(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        run = _lint(tmp_path, ".")
    finally:
        locked.chmod(0o644)
    assert run.exit_code == 1
    paths = {f["path"] for f in _idleb(run)}
    if os.geteuid() == 0:  # root reads it anyway
        assert paths == {"locked.txt", "open.txt"}
    else:
        assert paths == {"open.txt"}
        assert "locked.txt: cannot read file" in run.stderr


def test_unreadable_file_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(ARTICLE, encoding="utf-8")
    read = textio.read_limited

    def denied(path: Path, limit: int, what: str = "file") -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return read(path, limit, what)

    monkeypatch.setattr(textio, "read_limited", denied)
    run = _lint(tmp_path, ".")
    assert run.exit_code == 1
    assert "locked.txt: cannot read file: Permission denied" in run.stderr
    assert [f["path"] for f in _idleb(run)] == ["open.txt"]
    assert "Traceback" not in run.stderr


def test_broken_symlink_and_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop-a.txt").symlink_to(tmp_path / "loop-b.txt")
    (tmp_path / "loop-b.txt").symlink_to(tmp_path / "loop-a.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "again").symlink_to(tmp_path, target_is_directory=True)  # a folder loop
    run = _lint(tmp_path, ".")
    assert run.exit_code == 1
    assert "dangling.txt: broken symbolic link skipped" in run.stderr
    assert "loop-a.txt" in run.stderr and "loop-b.txt" in run.stderr
    assert [f["path"] for f in _idleb(run)] == ["ok.txt"]
    named = _lint(tmp_path, "dangling.txt", "ok.txt")  # asked for and not checked: an error (issue 13)
    assert named.exit_code == 2 and "error: dangling.txt: broken symbolic link" in named.stderr


def test_names_with_spaces_and_non_ascii_letters(tmp_path: Path) -> None:
    folder = tmp_path / "dépêches du jour"
    folder.mkdir()
    (folder / "article n° 1 — Idlib.txt").write_text(ARTICLE, encoding="utf-8")
    run = _lint(tmp_path, "dépêches du jour")
    assert [f["path"] for f in _idleb(run)] == ["dépêches du jour/article n° 1 — Idlib.txt"]
    text = run_cli("lint", "dépêches du jour", "--lang", "en", "--select", "TC201", "--no-default-glossary",
                   "--glossary", _glossary(tmp_path), cwd=tmp_path)
    assert text.stdout.startswith("dépêches du jour/article n° 1 — Idlib.txt:1:")


# Malformed glossaries and configs: one message naming file and line, exit 2.


@pytest.mark.parametrize(("body", "line", "says"), [
    ("[[entry]]\nid = \"x\"\nkind = \"place\"\ncanonical = { en = \"A\", fr = \n", 4, "invalid TOML"),
    (NAME_ENTRY + "colour = \"red\"\n", 5, "unknown key 'colour'"),
    (NAME_ENTRY.replace('kind = "place"', 'kind = "planet"'), 3, "unknown kind"),
    (NAME_ENTRY.replace(', fr = "Idleb"', ""), 4, "canonical needs at least 'en' and 'fr'"),
    ('[[entry]]\nid = "r"\nkind = "residue"\nregex = \'(unclosed\'\nmessage = "m"\n', 4, "invalid regular expression"),
    ('[[entry]]\nid = "r"\nkind = "residue"\nregex = \'(a+)+$\'\nmessage = "m"\n', 4, "nested repetition"),
    ('[[entry]]\nid = "r"\nkind = "residue"\nregex = \'(a|a)*$\'\nmessage = "m"\n', 4, "backtracks"),
    ('[[entry]]\nid = "r"\nkind = "residue"\nregex = \'(a|aa)+$\'\nmessage = "m"\n', 4, "backtracks"),
    ('[meta]\nsource_lang = "fr"\ntarget_lang = "en"\n\n[[entry]]\nid = "p"\nkind = "false-friend"\n'
     'in_source = \'(unclosed\'\nforms = [{ match = "x", suggest = ["y"] }]\n', 8, "invalid regular expression"),
])
def test_malformed_glossary(tmp_path: Path, body: str, line: int, says: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "g.toml").write_text(body, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--no-default-glossary", "--glossary", "g.toml", cwd=tmp_path)
    assert run.exit_code == 2
    [message] = run.stderr.strip().splitlines()
    assert message.startswith(f"termcheck: error: g.toml:{line}: "), message
    assert says in message
    assert "Traceback" not in run.stderr


def test_glossary_that_is_binary_or_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bin.toml").write_bytes(b"\x00\x01\x02")
    run = run_cli("lint", "a.txt", "--no-default-glossary", "--glossary", "bin.toml", cwd=tmp_path)
    assert run.exit_code == 2 and "bin.toml" in run.stderr and "binary" in run.stderr
    (tmp_path / "latin.toml").write_bytes('[meta]\ntitle = "caf\xe9"\n'.encode("latin-1"))
    run = run_cli("lint", "a.txt", "--no-default-glossary", "--glossary", "latin.toml", cwd=tmp_path)
    assert run.exit_code == 2 and "latin.toml:2: " in run.stderr and "not UTF-8" in run.stderr


@pytest.mark.parametrize(("body", "line", "says"), [
    ('lang = "en"\nselect = [\n', 2, "invalid TOML"),
    ('lang = "en"\ncolour = "red"\n', 2, "unknown setting 'colour'"),
    ('select = "TC2"\nignore = 3\n', 2, "'ignore' must be a list of strings"),
])
def test_malformed_config(tmp_path: Path, body: str, line: int, says: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "termcheck.toml").write_text(body + "default-glossary = false\n" if "[" not in body else body,
                                             encoding="utf-8")
    run = run_cli("lint", "a.txt", "--no-default-glossary", "--glossary", _glossary(tmp_path), cwd=tmp_path)
    assert run.exit_code == 2
    [message] = run.stderr.strip().splitlines()
    assert message.startswith(f"termcheck: error: {tmp_path / 'termcheck.toml'}:{line}: ") or \
        message.startswith(f"termcheck: error: termcheck.toml:{line}: "), message
    assert says in message


def test_variant_that_is_another_entrys_canonical_form_is_reported(tmp_path: Path) -> None:
    (tmp_path / "g.toml").write_text('''[[entry]]
id = "aleppo"
kind = "place"
canonical = { en = "Aleppo", fr = "Alep" }
wrong = { fr = ["Idlib"] }

[[entry]]
id = "idlib"
kind = "place"
canonical = { en = "Idlib", fr = "Idleb" }
''', encoding="utf-8")
    run = run_cli("glossary", "validate", "g.toml", cwd=tmp_path)
    assert run.exit_code == 1
    assert "g.toml:1: wrong form 'Idlib' of entry 'aleppo' is the correct en form of entry 'idlib'" in run.stderr


def test_a_pattern_that_slips_past_the_checks_cannot_hang_the_run(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend the load-time probe missed it: matching itself must still give up in time.
    monkeypatch.setattr(safe_regex, "catastrophic", lambda compiled: False)
    monkeypatch.setattr(safe_regex, "TIMEOUT_BASE", 0.2)
    (tmp_path / "g.toml").write_text(NAME_ENTRY + '\n[[entry]]\nid = "slow"\nkind = "residue"\n'
                                     'regex = \'(a|aa)+$\'\nmessage = "m"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("a" * 60 + "!\n" + ARTICLE, encoding="utf-8")
    run = run_cli("lint", "a.txt", "--no-default-glossary", "--glossary", "g.toml", "--lang", "en", "--format",
                  "json", "--jobs", "1", cwd=tmp_path)
    assert run.exit_code == 1
    assert "a.txt: glossary pattern 'slow'" in run.stderr and "skipped" in run.stderr
    assert _idleb(run)


def test_bounded_pattern_matches_like_re() -> None:
    import re

    text = "With AFP\nRead also: the talks\n>> Lire aussi : x\n"
    for pattern in [r"(?m)^[ \t]*(?:With|Avec)[ \t]+AFP[ \t]*$", r"(?m)^>*\s*(Read also|Lire aussi)\s*:.*$", r"\w+"]:
        bounded = safe_regex.compile_bounded(pattern)
        assert [(m.span(), m.group()) for m in bounded.finditer(text)] == \
            [(m.span(), m.group()) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("source", [None, "Le ministre a soutenu que le plan marcherait ; il a relativisé les "
                                          "chiffres, réalisé six arrestations."])
def test_letters_that_case_folding_reads_as_ascii_do_not_crash(tmp_path: Path, source: str | None) -> None:
    # re's case-insensitive matching reads the long s (ſ) as s and the Kelvin sign (K) as k, so
    # a word list pattern matches 'ſustained' where its table holds only 'sustained': that was
    # an internal error (exit 3). Each word stands beside its plain spelling, which is flagged.
    text = ("The minister ſustained that the plan would work, and sustained that it would. "
            "He relativized and relativiſed the figures; the police realiſed six arrests and realised ſix more.")
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    args = ["lint", "a.txt", "--lang", "en", "--format", "json"]
    if source is not None:
        (tmp_path / "a.src").write_text(source + "\n", encoding="utf-8")
        args += ["--source", "a.src"]
    run = run_cli(*args, cwd=tmp_path)
    assert run.exit_code == 1, run.stderr
    found = {f["text"] for f in run.json()["findings"]}
    assert {"sustained", "relativized"} <= found and not any("ſ" in t for t in found)
