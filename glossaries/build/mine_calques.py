"""Calques mined from real machine translation, reviewed by a person, built into phrase
glossaries: glossaries/phrases/mined-<src>-en.toml.

Two steps:

    python glossaries/build/mine_calques.py candidates --wmt12 DIR --potet DIR --news DIR > candidates.tsv
    python glossaries/build/mine_calques.py build

`candidates` lists the word sequences (2 to 4 words, lower case) that machine translations
of at least MIN_SENTENCES different source sentences contain, in output of at least two
sources (language pairs or corpora), and that no human translation in the background
contains: the WMT12 newstest2012 reference, the potet reference and the English side of
the WMT news test sets 2008-2011 and tico19. Several systems translating one sentence count
once, so a single odd sentence never makes a candidate. The inputs are research data, read
where they lie and never copied into the project:
  --wmt12 DIR  WMT12 'plain' folder (GitHub Perilon/Meteor_POS, wmt_data/wmt12-data/plain)
  --potet DIR  folder with potet.moses and potet.ref (GitHub karins/CoherenceFramework,
               python/discourse/data/docs)
  --news DIR   folder of <pair>/ folders of test sets (GitHub Helsinki-NLP/OPUS-MT-testsets,
               testsets/<pair>/): only the English side of 2008-2011 and tico19 is read.
The clean English news that bench/precision.py measures (BBC, Lee) is NOT in the background,
so that its false-alarm figure is on text the mining never saw.

A person reviews the candidates into calque-review.tsv (beside this file): each accepted
row is a construction English does not write, with the English that replaces it and the
counts that found it; rejected rows say why (ordinary English that the background happens
to lack, a topic of the test set, a name). `build` turns the accepted rows into TOML; a
suggestion '<delete>' deletes the span, and '|' separates suggestions.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REVIEW = HERE / "calque-review.tsv"
OUT = HERE.parent / "phrases"
MIN_SENTENCES = 6
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_ENTITY = re.compile(r"&[#\w]+;")
NAMES = {"fr": "French", "de": "German", "es": "Spanish", "it": "Italian"}


def tokens(line: str) -> list[str]:
    return _TOKEN.findall(_ENTITY.sub(" ", line.lower().replace("’", "'")))


def ngrams(toks: list[str]) -> Iterator[tuple[str, ...]]:
    for n in (2, 3, 4):
        for i in range(len(toks) - n + 1):
            yield tuple(toks[i:i + n])


def lines(path: Path) -> list[str]:
    return [x for x in path.read_text(encoding="utf-8", errors="replace").splitlines() if not x.startswith("# lang=")]


def candidates(wmt12: Path, potet: Path | None, news: Path | None, least: int = MIN_SENTENCES) -> None:
    human: set[tuple[str, ...]] = set()
    background = [wmt12 / "references" / "newstest2012-ref.en"]
    if potet:
        background.append(potet / "potet.ref")
    if news:
        background += [p for p in sorted(news.glob("*/*.en")) if re.search(r"20(0[89]|1[01])|tico19", p.name)]
    for path in background:
        for line in lines(path):
            human.update(ngrams(tokens(line)))
    seen: dict[tuple[str, ...], set[tuple[str, int]]] = defaultdict(set)
    for folder in sorted(wmt12 / "system-outputs" / "newstest2012" / pair for pair in ("de-en", "es-en", "fr-en")):
        for path in sorted(folder.iterdir()):
            if not path.name.startswith("."):
                for i, line in enumerate(lines(path)):
                    for gram in ngrams(tokens(line)):
                        if gram not in human:
                            seen[gram].add((folder.name, i))
    if potet:
        for i, line in enumerate(lines(potet / "potet.moses")):
            for gram in ngrams(tokens(line)):
                if gram not in human:
                    seen[gram].add(("potet-fr-en", i))
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["phrase", "src", "sentences", "sources"])
    for gram, where in sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        sources = {s for s, _ in where}
        if len(where) < least or len(sources) < 2:
            continue
        by_src: dict[str, int] = defaultdict(int)
        for s, _ in where:
            by_src[s.split("-")[-2]] += 1
        src = max(sorted(by_src), key=by_src.__getitem__)
        out.writerow([" ".join(gram), src, len(where), ",".join(sorted(sources))])


def build() -> None:
    with REVIEW.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["decision"] == "accept"]
    by_src: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_src[row["src"]].append(row)
    for src, entries in sorted(by_src.items()):
        path = OUT / f"mined-{src}-en.toml"
        text = [
            "# Generated by glossaries/build/mine_calques.py from calque-review.tsv; do not edit here:",
            "# edit the review file and re-run `python glossaries/build/mine_calques.py build`.",
            f"# Word sequences that machine translation from {NAMES[src]} writes and human translators do not,",
            "# found in real MT and accepted by a reviewer. Each note gives the counts that found it.",
            "",
            "[meta]",
            f'source_lang = "{src}"',
            'target_lang = "en"',
            f'title = "{NAMES[src]} → English calques mined from real MT"',
            'sources = ["WMT12 newstest2012 system outputs (GitHub Perilon/Meteor_POS)", '
            '"potet Moses output (GitHub karins/CoherenceFramework)", '
            '"background: WMT newstest 2008-2012 and tico19 references, potet reference"]',
            "",
        ]
        for row in sorted(entries, key=lambda r: _slug(r["phrase"])):
            form = {"regex": row["regex"]} if row.get("regex") else {"match": row["phrase"]}
            # "<delete>" in the review file: the fix deletes the span.
            suggest = ["" if s == "<delete>" else s for s in row["suggest"].split("|")] if row["suggest"] else []
            inline = ", ".join(f"{k} = {_toml_str(v)}" for k, v in form.items())
            text += [
                "[[entry]]",
                f'id = "mined-{src}-{_slug(row["phrase"])}"',
                'kind = "calque"',
                f"source_term = {_toml_str(row['source_term'])}",
                f"note = {_toml_str(_note(row))}",
                f"forms = [{{ {inline}, suggest = {json.dumps(suggest, ensure_ascii=False)} }}]",
                "",
            ]
        path.write_text("\n".join(text), encoding="utf-8")
        print(f"{path.relative_to(HERE.parents[1])}: {len(entries)} entries")


def _note(row: dict[str, str]) -> str:
    mined = f"Mined: in MT of {row['sentences']} source sentences ({row['sources']}), in no human translation."
    return f"{row['note']} {mined}".strip()


def _slug(phrase: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")


def _toml_str(value: str) -> str:
    """A TOML literal string where it can be one (regexes keep their backslashes), else basic."""
    return f"'{value}'" if "'" not in value and "\n" not in value else json.dumps(value, ensure_ascii=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="step", required=True)
    c = sub.add_parser("candidates", help="list candidates from the data (TSV on stdout)")
    c.add_argument("--wmt12", type=Path, required=True)
    c.add_argument("--potet", type=Path)
    c.add_argument("--news", type=Path)
    c.add_argument("--min-sentences", type=int, default=MIN_SENTENCES,
                   help=f"least source sentences whose MT holds the sequence (default {MIN_SENTENCES})")
    sub.add_parser("build", help="write glossaries/phrases/mined-*.toml from calque-review.tsv")
    args = ap.parse_args()
    if args.step == "candidates":
        candidates(args.wmt12, args.potet, args.news, args.min_sentences)
    else:
        build()


if __name__ == "__main__":
    main()
