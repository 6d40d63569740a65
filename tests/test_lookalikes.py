"""TC305: look-alikes mined from parallel news and real MT (termcheck/rules/lookalikes.py), and
the mining script (glossaries/build/mine_false_friends.py) on a small corpus written here."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, lint_text

from termcheck.lang.word_families import normal, source_family
from termcheck.rules.lookalikes import by_language, lexicon

MINER = ROOT / "glossaries" / "build" / "mine_false_friends.py"
LEXICONS = ROOT / "glossaries" / "lexicons"
OPUS = Path("/work/data/opus")
WMT12 = Path("/work/data/wmt_data/wmt12-data/plain")
POTET = Path("/work/data/python/discourse/data/docs")
FREEDICT = Path("/usr/share/dictd")


def tc305(tmp_path: Path, text: str) -> list[tuple[str, list[str]]]:
    return [(f["text"], f["suggestions"]) for f in lint_text(tmp_path, text, "--lang", "en") if f["code"] == "TC305"]


def test_the_lexicon_holds_only_reviewed_pairs() -> None:
    entries = lexicon()
    assert entries["relativized"].rare
    assert entries["relativized"].lang in ("fr", "es")
    review = [line.split("\t") for line in (ROOT / "glossaries" / "build" / "false-friend-review.tsv")
              .read_text(encoding="utf-8").splitlines() if line and not line.startswith(("#", "english\t"))]
    accepted = {(english, lang) for english, lang, decision, _, _ in review if decision == "accept"}
    assert {(e.english, e.lang) for e in entries.values()} <= accepted
    assert "acanthosis" not in entries  # mined, and rejected by the reviewer: English of one article's topic


def test_a_rare_look_alike_is_flagged_anywhere(tmp_path: Path) -> None:
    found = tc305(tmp_path, "The finance minister relativized the poor growth figures on Tuesday.")
    assert [text for text, _ in found] == ["relativized"]


def test_a_common_look_alike_is_flagged_only_with_its_cue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No cued pair passed review yet; the mechanism is tested on a pair made for the test."""
    from termcheck.rules import lookalikes

    entry = lookalikes.LookAlike("adversary", "fr", "adversaire", False, ("opponent",), ("election",))
    monkeypatch.setattr(lookalikes, "lexicon", lambda: {"adversary": entry})
    monkeypatch.setattr(lookalikes, "_words", lambda: frozenset({"adversary"}))
    found = tc305(tmp_path, "Before the election, Obama met his adversary for a last debate.")
    assert found == [("adversary", ["opponent"])]
    assert tc305(tmp_path, "The chess champion faced a familiar adversary in the final.") == []


def test_the_same_common_word_in_ordinary_english_is_clean(tmp_path: Path) -> None:
    text = ("The chess champion faced a familiar adversary in the final, and the audience "
            "applauded both players when the game ended in a draw.")
    assert tc305(tmp_path, text) == []


def test_a_capitalised_name_is_not_the_word(tmp_path: Path) -> None:
    assert tc305(tmp_path, "He said the Relativized Minds exhibition opens in May.") == []


# --- the mining script -----------------------------------------------------------------------

def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def synthetic_corpus(root: Path) -> tuple[Path, Path]:
    """A French-English corpus in the layout of the real data: human translations that write
    'played down' for 'relativisé', and three MT systems, two of which write 'relativized'."""
    opus, wmt12 = root / "opus", root / "wmt12"
    src = ["Le ministre a relativisé les chiffres du chômage.",
           "La banque a relativisé ses pertes au troisième trimestre.",
           "Le président a relativisé la portée du scandale.",
           "Le temps est beau à Paris.",
           "Le gouvernement a présenté son budget."]
    ref = ["The minister downplayed the unemployment figures.",
           "The bank downplayed its losses in the third quarter.",
           "The president downplayed the scope of the scandal.",
           "The weather is fine in Paris.",
           "The government presented its budget."]
    _write(opus / "fr-en" / "newstest2010.fr", src[:3])
    _write(opus / "fr-en" / "newstest2010.en", ref[:3])
    _write(wmt12 / "sources" / "newstest2012-src.fr", src)
    _write(wmt12 / "references" / "newstest2012-ref.en", ref)
    mt = ["The minister relativized the unemployment figures.",
          "The bank relativized its losses in the third quarter.",
          "The president relativized the scope of the scandal.",
          "The weather is beautiful in Paris.",
          "The government presented its budget."]
    folder = wmt12 / "system-outputs" / "newstest2012" / "fr-en"
    _write(folder / "newstest2012.fr-en.sysA", mt)
    _write(folder / "newstest2012.fr-en.sysB", mt)
    _write(folder / "newstest2012.fr-en.sysC", ref)  # a system that writes what the human wrote
    return opus, wmt12


def mine(out: Path, *args: str) -> None:
    proc = subprocess.run([sys.executable, str(MINER), *args, "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def test_mining_a_synthetic_corpus(tmp_path: Path) -> None:
    opus, wmt12 = synthetic_corpus(tmp_path)
    mine(tmp_path / "out", "--opus", str(opus), "--wmt12", str(wmt12), "--langs", "fr")
    got = {r["english"]: r for r in rows(tmp_path / "out" / "false-friends-fr.tsv")}
    assert set(got) == {"relativized", "relativised"}  # the -ise twin comes with it
    row = got["relativized"]
    # Accepted in false-friend-review.tsv, whose fix replaces the mined one ('downplayed').
    assert (row["source"], row["class"], row["suggestions"]) == ("relativisé", "rare", "played down")
    # Human references: 6 sentences with the word, none with the look-alike; MT: 2 of 3 systems.
    assert (row["n_src"], row["n_ref"], row["n_mt"], row["n_mt_e"], row["mt_lines"]) == ("6", "0", "9", "6", "3")
    # Reproducible: the same inputs give the same file, byte for byte.
    mine(tmp_path / "again", "--opus", str(opus), "--wmt12", str(wmt12), "--langs", "fr")
    assert filecmp.cmp(tmp_path / "out" / "false-friends-fr.tsv", tmp_path / "again" / "false-friends-fr.tsv",
                       shallow=False)


@pytest.mark.skipif(not (OPUS.is_dir() and WMT12.is_dir() and POTET.is_dir() and FREEDICT.is_dir()),
                    reason="the research corpora (OPUS, WMT12, Potet) and FreeDict are not on this machine")
def test_mining_reproduces_the_committed_german_lexicon(tmp_path: Path) -> None:
    """German is the quickest language to mine; the others run the same code."""
    mine(tmp_path, "--opus", str(OPUS), "--wmt12", str(WMT12), "--potet", str(POTET), "--freedict", str(FREEDICT),
         "--langs", "de")
    committed = (LEXICONS / "false-friends-de.tsv").read_text(encoding="utf-8")
    assert (tmp_path / "false-friends-de.tsv").read_text(encoding="utf-8") == committed


# --- TC807: look-alikes confirmed by the aligned source sentence -------------------------------

def tc807(tmp_path: Path, target: str, source: str) -> list[tuple[str, str, list[str]]]:
    (tmp_path / "source.txt").write_text(source + "\n", encoding="utf-8")
    found = lint_text(tmp_path, target, "--lang", "en", "--source", "source.txt")
    return [(f["code"], f["text"], f["suggestions"]) for f in found if f["code"] in ("TC305", "TC807")]


def test_a_source_only_pair_is_flagged_only_beside_its_source_word(tmp_path: Path) -> None:
    entry = by_language()["fr"]["realised"]
    assert entry.source_only and "realised" not in lexicon()  # TC305 never reads it
    target = "The police realised forty arrests after the match."
    assert tc305(tmp_path, target) == []
    # Any inflected form of the source word counts: réalisait, réalisé, réaliser share a family.
    for source in ("La police réalisait quarante interpellations après le match.",
                   "La police a réalisé quarante interpellations après le match."):
        assert tc807(tmp_path, target, source) == [("TC807", "realised", ["carried out", "made"])]
    # The same English word for another source word is English: 'se rendre compte' is to realise.
    assert tc807(tmp_path, "The police realised their mistake.", "La police s'est rendu compte de son erreur.") == []


def test_a_pair_tc305_reports_alone_is_left_to_it(tmp_path: Path) -> None:
    found = tc807(tmp_path, "The finance minister relativized the poor growth figures on Tuesday.",
                  "Le ministre des Finances a relativisé les mauvais chiffres de la croissance mardi.")
    assert [code for code, _, _ in found] == ["TC305"]


def test_source_families_are_the_miners() -> None:
    # One key for the inflected forms of a source word, read by the miner and by TC807 alike.
    assert len({source_family(normal(w), "fr") for w in ("réalisé", "réalisait", "réaliser", "réalisés")}) == 1
    assert source_family(normal("evocación"), "es") != source_family(normal("realizó"), "es")
