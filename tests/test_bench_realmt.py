"""bench/realmt.py: findings per 1,000 words on MT against the reference, on a tiny WMT12-shaped folder.

The sentences are written for this test (the real WMT12 data is research-only and stays
outside the repository): MT lines with artifacts termcheck flags ('Idleb', 'by diet'), and
their clean human reference.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "bench" / "realmt.py"

SOURCE = [
    "Les rebelles ont été bombardés par le régime à Idleb dimanche.",
    "Le gouvernement a annoncé de nouvelles mesures pour l'économie.",
    "Les habitants de la province d'Idleb ont fui vers la frontière.",
    "Le ministre a rencontré ses homologues européens à Bruxelles.",
]
REFERENCE = [
    "The rebels were bombed by the regime in Idlib on Sunday.",
    "The government announced new measures for the economy.",
    "The people of Idlib province fled towards the border.",
    "The minister met his European counterparts in Brussels.",
]
MT = [
    "The rebels were bombarded by diet in Idleb Sunday.",
    "The government announced new measures for the economy.",
    "The inhabitants of the province of Idleb fled to the border.",
    "The minister met his European counterparts in Brussels.",
]


def fake_wmt12(root: Path) -> Path:
    plain = root / "wmt12-data" / "plain"
    systems = plain / "system-outputs" / "newstest2012" / "fr-en"
    for folder in (plain / "sources", plain / "references", systems):
        folder.mkdir(parents=True)
    (plain / "sources" / "newstest2012-src.fr").write_text("\n".join(SOURCE) + "\n", encoding="utf-8")
    (plain / "references" / "newstest2012-ref.en").write_text("\n".join(REFERENCE) + "\n", encoding="utf-8")
    for system in ("onlineA", "uedin-wmt12"):
        (systems / f"newstest2012.fr-en.{system}").write_text("\n".join(MT) + "\n", encoding="utf-8")
    (systems / ".DS_Store").write_bytes(b"\x00\x01")  # as in the real release: not a system
    return plain


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300)


def family_row(table: str, family: str) -> list[str]:
    row = next(line for line in table.splitlines() if line.startswith(f"| fr-en | {family} |"))
    return [cell.strip() for cell in row.strip("|").split("|")]


def test_mt_rate_is_higher_than_the_reference(tmp_path: Path) -> None:
    proc = run("--wmt12", str(fake_wmt12(tmp_path)), "--pairs", "fr-en", "--no-score", "--block", "2")
    assert proc.returncode == 0, proc.stderr
    for family in ("online (commercial)", "academic SMT"):
        _pair, _family, systems, _words, mt_rate, _ref_words, ref_rate, _ratio = family_row(proc.stdout, family)
        assert systems == "1"
        assert float(mt_rate) > float(ref_rate), proc.stdout
    assert "TC201" in proc.stdout and "TC301" in proc.stdout


def test_without_the_data_it_exits_2_naming_the_variable(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("TERMCHECK_WMT12", "TERMCHECK_POTET")}
    proc = run(env=env)
    assert proc.returncode == 2
    assert "TERMCHECK_WMT12" in proc.stderr and "newstest2012" in proc.stderr


def test_reviewed_reference_slips_are_counted_apart(tmp_path: Path) -> None:
    plain = fake_wmt12(tmp_path)
    reference = REFERENCE[:3] + ["The minister said growth reached 2,5% in the third quarter."]
    (plain / "references" / "newstest2012-ref.en").write_text("\n".join(reference) + "\n", encoding="utf-8")
    slips = tmp_path / "slips.tsv"
    digest = hashlib.sha1(b"2,5").hexdigest()[:12]
    slips.write_text(f"# reviewed\nline\trule\ttext_sha1\tkind\twhy\n4\tTC304\t{digest}\tnumber\tdecimal comma\n"
                     f"2\tTC304\t{digest}\tnumber\tno such finding\n", encoding="utf-8")
    proc = run("--wmt12", str(plain), "--pairs", "fr-en", "--no-score", "--block", "2", "--slips", str(slips),
               "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    every = {r["family"]: r for r in result["families"]}
    apart = {r["family"]: r for r in result["families_false_alarms"]}
    assert every["academic SMT"]["ref_findings"] == 1
    assert apart["academic SMT"]["ref_findings"] == 0
    assert result["reference_slips"] == 1
    assert any("line 2 TC304" in note for note in result["notes"])  # the row that matches nothing


def test_malformed_slips_table_names_file_and_line(tmp_path: Path) -> None:
    slips = tmp_path / "slips.tsv"
    slips.write_text("line\trule\ttext_sha1\tkind\twhy\nfour\tTC304\tabc\tnumber\twhy\n", encoding="utf-8")
    proc = run("--wmt12", str(fake_wmt12(tmp_path)), "--pairs", "fr-en", "--no-score", "--slips", str(slips))
    assert proc.returncode != 0
    assert f"{slips}:2:" in proc.stderr
