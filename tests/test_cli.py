"""CLI contracts: exit codes, output formats, options, config and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS, run_cli

FINDING_KEYS = {"path", "line", "column", "end_line", "end_column", "start", "end", "code", "name", "severity",
                "message", "text", "suggestions", "fix", "entry"}


def test_exit_0_on_clean_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The Syrian Observatory for Human Rights reported 12 deaths in Idlib.\n")
    run = run_cli("lint", tmp_path / "a.txt")
    assert run.exit_code == 0
    assert run.stdout.strip() == "No findings in 1 file."


def test_exit_1_on_findings_with_text_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fighting raged in Idleb.\n")
    run = run_cli("lint", "a.txt", cwd=tmp_path)
    assert run.exit_code == 1
    first = run.stdout.splitlines()[0]
    assert first.startswith("a.txt:1:19: TC201 ")
    assert "(suggestion: 'Idlib')" in first
    assert run.stdout.splitlines()[-1].startswith("Found 1 finding")


def test_exit_2_on_missing_path(tmp_path: Path) -> None:
    run = run_cli("lint", tmp_path / "nope")
    assert run.exit_code == 2
    assert "nope" in run.stderr and "no such file" in run.stderr
    assert "Traceback" not in run.stderr


def test_exit_2_on_bad_option() -> None:
    assert run_cli("lint", str(SEEDS), "--format", "yaml").exit_code == 2


def test_exit_2_on_unknown_language(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text\n")
    run = run_cli("lint", tmp_path / "a.txt", "--lang", "xx")
    assert run.exit_code == 2
    assert "language 'xx' is not covered" in run.stderr


def test_json_contract(tmp_path: Path) -> None:
    text = "Rebels left Idleb.\nThe OSDH said so.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    data = run_cli("lint", tmp_path, "--format", "json").json()
    assert data["version"] == 1 and data["files"] == 1
    assert [f["code"] for f in data["findings"]] == ["TC201", "TC401"]
    for f in data["findings"]:
        assert set(f) >= FINDING_KEYS
        assert text[f["start"] : f["end"]] == f["text"]
        assert f["severity"] in ("error", "warning", "info")
    idleb, osdh = data["findings"]
    assert (idleb["line"], idleb["column"], idleb["end_line"], idleb["end_column"]) == (1, 13, 1, 18)
    assert (osdh["line"], osdh["column"]) == (2, 5)
    assert idleb["suggestions"][0] == "Idlib" and idleb["entry"] == "idlib"
    assert idleb["fix"] == {"applicability": "safe", "edits": [{"start": 12, "end": 17, "replacement": "Idlib"}]}
    assert osdh["suggestions"][0] == "SOHR"


def test_select_and_ignore(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels left Idleb. The OSDH said so.\n")
    codes = lambda *a: [f["code"] for f in run_cli("lint", tmp_path, "--format", "json", *a).json()["findings"]]  # noqa: E731
    assert codes("--select", "TC4") == ["TC401"]
    assert codes("--ignore", "TC201,TC401") == []
    assert codes("--select", "TC2", "--select", "TC4") == ["TC201", "TC401"]


def test_include_exclude_and_hidden_folders(tmp_path: Path) -> None:
    for rel in ("a.txt", "b.md", "c.html", ".hidden/d.txt", "sub/e.txt", "skip/f.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Idleb\n")

    def paths(*a: str) -> list[str]:
        found = run_cli("lint", ".", "--format", "json", *a, cwd=tmp_path).json()["findings"]
        return sorted({f["path"] for f in found})

    assert paths() == ["a.txt", "b.md", "skip/f.txt", "sub/e.txt"]
    assert paths("--exclude", "skip") == ["a.txt", "b.md", "sub/e.txt"]
    assert paths("--include", "*.html") == ["c.html"]


def test_output_is_sorted_and_deterministic(tmp_path: Path) -> None:
    for name in ("z.txt", "a.txt", "m.txt"):
        (tmp_path / name).write_text("The OSDH in Idleb.\nBachar al-Assad spoke.\n")
    first = run_cli("lint", tmp_path, "--format", "json").stdout
    assert first == run_cli("lint", tmp_path, "--format", "json").stdout
    keys = [(f["path"], f["start"]) for f in json.loads(first)["findings"]]
    assert keys == sorted(keys)


def test_config_file_and_cli_precedence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels left Idleb. The OSDH said so.\n")
    (tmp_path / "termcheck.toml").write_text('ignore = ["TC401"]\n')
    found = run_cli("lint", "a.txt", "--format", "json", cwd=tmp_path).json()["findings"]
    assert [f["code"] for f in found] == ["TC201"]
    found = run_cli("lint", "a.txt", "--format", "json", "--ignore", "TC201", cwd=tmp_path).json()["findings"]
    assert [f["code"] for f in found] == ["TC401"]


def test_config_in_pyproject_found_from_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.termcheck]\nselect = ["TC4"]\n')
    sub = tmp_path / "articles"
    sub.mkdir()
    (sub / "a.txt").write_text("Rebels left Idleb. The OSDH said so.\n")
    found = run_cli("lint", "a.txt", "--format", "json", cwd=sub).json()["findings"]
    assert [f["code"] for f in found] == ["TC401"]


def test_bad_config_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "termcheck.toml").write_text('lang = "en"\nselect = [TC2]\n')
    run = run_cli("lint", "a.txt", cwd=tmp_path)
    assert run.exit_code == 2
    assert "termcheck.toml:2:" in run.stderr and "Traceback" not in run.stderr
    (tmp_path / "termcheck.toml").write_text('lang = "en"\ncolour = "red"\n')
    run = run_cli("lint", "a.txt", cwd=tmp_path)
    assert run.exit_code == 2 and "termcheck.toml:2: unknown setting 'colour'" in run.stderr


def test_bad_glossary_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n")
    bad = tmp_path / "g.toml"
    bad.write_text('[[entry]]\nid = "x"\nkind = "place"\ncanonical = { en = "X" }\n')
    run = run_cli("lint", "a.txt", "--glossary", "g.toml", cwd=tmp_path)
    assert run.exit_code == 2
    assert "g.toml:4: entry 'x': canonical needs at least 'en' and 'fr'" in run.stderr
    bad.write_text('[[entry]]\nid = "x"\nkind = "place\n')
    run = run_cli("lint", "a.txt", "--glossary", "g.toml", cwd=tmp_path)
    assert run.exit_code == 2 and "g.toml:3: invalid TOML" in run.stderr


def test_extra_glossary_and_no_default(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The mayor of Springfeld spoke. Idleb was calm.\n")
    (tmp_path / "g.toml").write_text(
        '[[entry]]\nid = "springfield"\nkind = "place"\n'
        'canonical = { en = "Springfield", fr = "Springfield" }\nwrong = { fr = ["Springfeld"] }\n')
    found = run_cli("lint", "a.txt", "--format", "json", "--glossary", "g.toml", "--no-default-glossary",
                    cwd=tmp_path).json()["findings"]
    assert [(f["text"], f["suggestions"][0]) for f in found] == [("Springfeld", "Springfield")]


def test_rules_and_rule_commands() -> None:
    run = run_cli("rules")
    assert run.exit_code == 0
    codes = [line.split()[0] for line in run.stdout.splitlines()]
    assert codes == sorted(codes) and "TC201" in codes
    explained = run_cli("rule", "TC201")
    assert explained.exit_code == 0 and "Flagged:" in explained.stdout and "Not flagged:" in explained.stdout
    assert run_cli("rule", "TC999").exit_code == 2


def test_console_script_runs_from_another_folder(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", str(SEEDS)], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "TC201" in proc.stdout


def test_output_dash_is_standard_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels left Idleb.\n", encoding="utf-8")
    for fmt in ("json", "html"):
        proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", "a.txt", "--lang", "en", "--format", fmt,
                               "-o", "-"], cwd=tmp_path, capture_output=True, text=True)
        assert proc.returncode == 1, proc.stderr
        assert ("\"version\": 1" in proc.stdout) if fmt == "json" else proc.stdout.lstrip().startswith("<!")
        assert not (tmp_path / "-").exists() and not (tmp_path / "reports").exists()
