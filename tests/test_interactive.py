"""`lint --interactive`: answers piped in, one a line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termcheck.cli.main import app

# A glossary of our own (and no shipped one), so the suggestions are known.
GLOSSARY = '''[meta]
title = "interactive test names"

[[entry]]
id = "idlib"
kind = "place"
canonical = { en = "Idlib", fr = "Idleb" }
alternates = { en = ["Edlib"] }
wrong = { fr = ["Idleb"] }

[[entry]]
id = "sohr"
kind = "organisation"
canonical = { en = "Syrian Observatory for Human Rights", fr = "Observatoire syrien des droits de l'homme" }
acronym = { en = "SOHR", fr = "OSDH" }
'''

ARTICLE = ("Rebels left Idleb on Tuesday, the OSDH said.\n"
           "\n"
           "Shelling of Idleb went on, according to the OSDH.\n")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    (tmp_path / "names.toml").write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def review(path: Path, answers: str, *extra: str) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(path.parent)
    try:
        result = CliRunner().invoke(app, ["lint", path.name, "--interactive", "--lang", "en", "--no-default-glossary",
                                          "--glossary", "names.toml", *extra], input=answers, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_shows_line_marked_message_and_numbered_suggestions(article: Path) -> None:
    _, out, _ = review(article, "q\n")
    lines = out.splitlines()
    assert "a.txt:1:13: TC201 'Idleb' is the French spelling; English writes 'Idlib'" in lines
    shown = next(line for line in lines if line.startswith("    1 | "))
    marks = lines[lines.index(shown) + 1]
    assert shown[marks.index("^"): marks.rindex("^") + 1] == "Idleb"
    assert "  1) Idlib" in lines and "  2) Edlib" in lines
    assert "k: skip all TC201" in out


def test_accept_skip_and_type_your_own(article: Path) -> None:
    # Idleb: take the 2nd suggestion; OSDH: skip; Idleb: own text; OSDH: the 1st suggestion.
    code, _, err = review(article, "2\ns\ne\nIdlib city\n1\n")
    assert text(article) == ("Rebels left Edlib on Tuesday, the OSDH said.\n\n"
                             "Shelling of Idlib city went on, according to the SOHR.\n")
    assert "accepted 3 changes, wrote 1 file" in err
    assert code == 1  # the skipped OSDH remains


def test_skip_all_of_a_kind(article: Path) -> None:
    _, out, _ = review(article, "k\n1\n1\n")
    assert out.count("TC201 'Idleb'") == 1  # not asked about the second Idleb
    assert text(article) == ARTICLE.replace("OSDH", "SOHR")


def test_quit_writes_what_was_accepted(article: Path) -> None:
    code, out, _ = review(article, "1\nq\n")
    assert text(article) == ARTICLE.replace("Idleb", "Idlib", 1)
    assert out.count("accept, e:") == 2  # asked twice, then quit
    assert code == 1


def test_end_of_input_is_quitting(article: Path) -> None:
    review(article, "1\n1\n")
    assert text(article) == ARTICLE.replace("Idleb", "Idlib", 1).replace("OSDH", "SOHR", 1)


def test_unknown_answer_asks_again(article: Path) -> None:
    _, out, _ = review(article, "yes\n7\n\n1\nq\n")
    assert out.count("answer with a number (1-2), e, s, k or q") == 3
    assert text(article) == ARTICLE.replace("Idleb", "Idlib", 1)


def test_all_accepted_exits_0(article: Path) -> None:
    code, out, _ = review(article, "1\n1\n1\n1\n")
    assert text(article) == ARTICLE.replace("Idleb", "Idlib").replace("OSDH", "SOHR")
    assert code == 0
    assert "No findings" in out


def test_cannot_combine_with_fix(article: Path) -> None:
    code, _, err = review(article, "", "--fix")
    assert code == 2 and "--interactive" in err
    assert text(article) == ARTICLE


def test_keeps_encoding_and_line_endings(article: Path) -> None:
    article.write_bytes(ARTICLE.replace("\n", "\r\n").replace("Rebels", "Rebelles d\u00e9j\u00e0").encode("cp1252"))
    review(article, "1\n")
    assert article.read_bytes() == ARTICLE.replace("\n", "\r\n").replace("Rebels", "Rebelles d\u00e9j\u00e0") \
        .replace("Idleb", "Idlib", 1).encode("cp1252")


def test_over_a_real_pipe(article: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.run([sys.executable, "-m", "termcheck", "lint", "a.txt", "--interactive", "--lang", "en",
                           "--no-default-glossary", "--glossary", "names.toml"],
                          input="1\ns\n2\nq\n", capture_output=True, text=True, cwd=article.parent, env=env,
                          check=False)
    assert proc.returncode == 1, proc.stderr
    assert text(article) == "Rebels left Idlib on Tuesday, the OSDH said.\n\nShelling of Edlib went on, " \
                            "according to the OSDH.\n"
    assert "> 1\n" in proc.stdout  # piped answers are echoed, so the transcript reads like a session


def test_each_question_says_where_the_review_is(article: Path) -> None:
    _, out, _ = review(article, "s\ns\nq\n")
    assert [line for line in out.splitlines() if line.startswith("finding ")] == [
        "finding 1 of 4", "finding 2 of 4", "finding 3 of 4"]


def test_one_answer_for_every_occurrence(article: Path) -> None:
    # A on the first Idleb, then which suggestion (2: Edlib) for both; the OSDH once; then the end.
    _, out, err = review(article, "A\n2\n1\n")
    assert "A: all 2 alike" in out and "which suggestion for all 2? [1-2]" in out
    assert out.count("TC201 'Idleb'") == 1  # not asked about the second
    assert text(article) == ARTICLE.replace("Idleb", "Edlib").replace("OSDH", "SOHR", 1)
    assert "accepted 3 changes" in err


def test_undo_takes_back_the_last_answer(article: Path) -> None:
    # Accept Idleb, undo it at the OSDH (Idleb asked again), skip it, accept the OSDH, undo that
    # at the second Idleb (the OSDH asked again), quit.
    _, out, err = review(article, "1\nu\ns\n1\nu\nq\n")
    assert out.count("undone, saved") == 2
    assert out.count("1:13: TC201 'Idleb'") == 2 and out.count("1:35: TC401 'OSDH'") == 3
    assert text(article) == ARTICLE
    assert "accepted 0 changes, wrote 0 files" in err


def test_undo_of_a_skip_all_asks_about_that_rule_again(article: Path) -> None:
    _, out, _ = review(article, "k\nu\n1\n")
    assert "undone\n" in out
    assert text(article) == ARTICLE.replace("Idleb", "Idlib", 1)


def test_nothing_to_undo_is_no_answer(article: Path) -> None:
    _, out, _ = review(article, "u\nq\n")
    assert "u: undo" not in out.split("answer with")[0]  # not offered before any answer
    assert "answer with a number (1-2), e, s, k or q, A\n" in out
