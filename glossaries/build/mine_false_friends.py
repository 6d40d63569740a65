#!/usr/bin/env python3
"""Mine false-friend look-alikes from parallel human translation and real machine translation.

Writes glossaries/lexicons/false-friends-<lang>.tsv (fr, de, es, it): the English look-alikes
that termcheck's TC305 (termcheck/rules/lookalikes.py) flags, each row with the counts that
justify it. Only pairs a person accepted in false-friend-review.tsv (beside this script) are
written: mining finds candidates, many of them legitimate English cognates of one article's
topic (acanthosis, gabardine), which a reviewer rejects with the reason. The data are
research-only: they are read where they lie, and only word pairs
and counts (never sentences) are written.

Inputs (all optional but the first; a missing one is skipped and named in the header):
- human parallel news (source + English reference, line-aligned): OPUS WMT test sets
  <opus>/<lang>-en/{news-test2008,newssyscomb2009,newstest2009,newstest2010,newstest2011,
  tico19-test}.{<lang>,en} (--opus), and the WMT12 newstest2012 source and reference
  <wmt12>/sources/newstest2012-src.<lang>, <wmt12>/references/newstest2012-ref.en (--wmt12);
- real MT: the WMT12 system outputs <wmt12>/system-outputs/newstest2012/<lang>-en/* (line-aligned
  with the source; --wmt12), and the French->English Moses output potet.moses with its human
  translation potet.ref (line-aligned; no source: English-side counts only; --potet);
- FreeDict dictionaries (Debian dict-freedict-{fra,deu,spa,ita}-eng, GPL-2+/GPL-3+; --freedict
  /usr/share/dictd): the English translations of a source word, used to drop true cognates
  and to rank suggestions; no dictionary text is written, only the suggestion words chosen.
`--no-newstest2012` leaves out all of newstest2012 (source, reference and MT): the variant
that does not see the sentences of the shared real-MT evaluation set.

Method. Counts are taken over word families: the inflected forms of s in the source
(relativiser, relativisé) and of e in the English (relativize, relativized; -ise/-ize alike).
A pair (s, e) is a look-alike when the spellings agree after unidecode, lower case, a few letter
mappings (ph->f, chs->x, z->s, doubled letters single, ...) and stripping inflection endings: a
shared stem (>= 4 letters), a shared beginning of >= 5 letters covering the shorter stem, or
close stems (Indel ratio >= 0.85) with a shared beginning of >= 4. Over the sentences whose
source holds s:
- n_src, n_ref: sentences of human parallel text, and those whose English reference has e;
  P_ref = n_ref / n_src (human translators' use of the look-alike);
- n_mt, n_mt_e: (system, sentence) outputs of real MT for those sentences, and those with e;
  P_mt = n_mt_e / n_mt; mt_lines: source lines where MT wrote e and the reference did not;
- potet_mt, potet_ref: lines of the Moses output, and of its human reference, with e;
- human_en: sentences of all the human English of the inputs with e.
An English word must be known to wordfreq (either spelling), more English than French, German,
Spanish or Italian (zipf), and written in lower case in most of its uses (not a name).
A pair is kept when MT writes e (P_mt >= MIN_P_MT, >= 2.5 x P_ref, in >= MIN_MT_LINES source
lines, or >= MIN_MT_OUTPUTS outputs for a word seen in fewer than MIN_SRC human sentences), or,
from Moses alone (no source: English-side counts), when Moses has e in >= MIN_POTET lines and
its reference in at most a quarter as many, e is spelt almost as s (ratio >= STRICT), is an
English word (zipf >= POTET_MIN_ZIPF), and humans never wrote it for s (n_ref 0 over >= MIN_SRC).
Its class, per English form that MT wrote:
- `rare`: rare in English news (RARE_MIN_ZIPF <= zipf < RARE_ZIPF, or < RARE_ZIPF_FEW when s is
  in fewer than MIN_SRC human sentences), in at most MAX_HUMAN_RARE human English sentences,
  P_ref <= MAX_P_REF, and not a FreeDict translation of s: TC305 flags it anywhere;
- `cued`: common English (zipf < MAX_CUED_ZIPF), with stronger MT evidence (n_src >= MIN_SRC_CUED,
  P_mt >= MIN_P_MT_CUED, mt_lines >= MIN_MT_LINES_CUED, P_ref <= MAX_P_REF_CUED) and an established
  sense: the first suggestion is a FreeDict translation of s that the references wrote in >=
  MIN_SENSE_LINES lines where MT wrote e. Its cues are words that occur with that translation
  in human English (>= MIN_CUE_LINES sentences, MIN_CUE_LIFT times more than by chance) and never
  with any form of e; TC305 flags e only with a cue near. An entry without cues is dropped, or
  becomes `source`;
- `source`: any other pair that humans seldom write for s (P_ref <= MAX_P_REF over >= MIN_SRC
  sentences) and MT does (in >= MIN_MT_LINES source lines), up to MAX_SOURCE_ZIPF: too common to
  flag in an article alone, so only TC807 reads it, where the aligned source sentence holds s.
Suggestions: the words of the reference missing from MT where MT wrote e and the reference did
not (>= 2 source lines), dictionary translations of s that the human references use next.
Rows are sorted by English word; one row per English word (the source word with most evidence).

    python glossaries/build/mine_false_friends.py --opus /work/data/opus \\
        --wmt12 /work/data/wmt_data/wmt12-data/plain \\
        --potet /work/data/python/discourse/data/docs --freedict /usr/share/dictd [--no-newstest2012]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz.distance import Indel

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the word families are termcheck's own (TC807 reads the same keys)
from termcheck.lang.word_families import SRC_ENDINGS, normal, source_family  # noqa: E402

OUT = ROOT / "glossaries" / "lexicons"
LANGS = ("fr", "de", "es", "it")
FREEDICT = {"fr": "fra", "de": "deu", "es": "spa", "it": "ita"}
OPUS_SETS = ("news-test2008", "newssyscomb2009", "newstest2009", "newstest2010", "newstest2011", "tico19-test")

MIN_LEN = 4           # letters of s and e
MIN_SRC = 3           # sentences of human parallel text with s
MAX_P_REF = 0.10      # humans write e for s at most this often (a rare e)
MAX_P_REF_CUED = 0.25 # ... (a common e, flagged only with cues: its use can depend on the sense)
MIN_P_MT = 0.20       # MT writes e for s at least this often
MIN_MT_LINES = 2      # distinct source lines where MT wrote e for s and the reference did not
MIN_MT_OUTPUTS = 3    # ... or MT outputs (systems x lines), for a source word seen in fewer than MIN_SRC sentences
MIN_POTET = 2         # Moses lines with e
RARE_ZIPF = 2.5       # below: rare English, flagged anywhere
RARE_ZIPF_FEW = 2.0   # ... when the source word is in fewer than MIN_SRC human sentences (less evidence, rarer word)
STRICT = 0.9          # spelling similarity of a pair seen only in Moses output (no source to align with)
POTET_MIN_ZIPF = 2.0  # ... and such a look-alike must be a word of English, not a typo or a name
RARE_MIN_ZIPF = 1.0   # ... but a word of English all the same (not a typo; wordfreq zipf, either spelling)
MAX_HUMAN_RARE = 1    # a rare look-alike may occur at most this often in the corpora's human English
MIN_CUE_LINES = 3     # human sentences a cue must share with the reference's word
MIN_CUE_LIFT = 8.0    # ... this many times more often than by chance
MIN_SENSE_LINES = 3   # lines where the reference wrote that word and MT the look-alike
MAX_CUED_ZIPF = 4.5   # a look-alike more common than this ('part', 'firm', 'form') is too risky to flag
MAX_SOURCE_ZIPF = 5.0 # ... alone; with the source sentence in view (class `source`, TC807) up to this
MIN_P_MT_CUED = 0.3   # a common look-alike needs more MT evidence
MIN_MT_LINES_CUED = 3
MIN_SRC_CUED = 3
MAX_CUES = 8
MAX_CUE_ZIPF = 4.5    # cues are content words, not 'people', 'year' or 'million'

_TOKEN = re.compile(r"[^\W\d_]+")
STOP = frozenset("""
a about above after again against all also although am among an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor not now
of off on once only or other our out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours said says say one two three new last first year years per cent
percent mr mrs ms quot amp
""".split())


# --- spelling --------------------------------------------------------------------------------

_EN_ENDINGS = ("ations", "ation", "ments", "ment", "ized", "ised", "izes", "ises", "ize", "ise", "ing", "ed",
               "es", "s", "e")


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def stems(word: str, endings: Iterable[str]) -> set[str]:
    """The word and what is left of it without each ending it has (>= 3 letters left)."""
    return {word} | {word[: -len(end)] for end in endings if word.endswith(end) and len(word) - len(end) >= 3}


def english_family(e_norm: str) -> str:
    """The key of an English word's inflected forms (relativize, relativized, relativises)."""
    for end in ("ing", "ed", "es", "s"):
        if e_norm.endswith(end) and len(e_norm) - len(end) >= 3:
            e_norm = e_norm[: -len(end)]
            break
    return e_norm[:-1] if e_norm.endswith("e") and len(e_norm) > 4 else e_norm


_ISE = re.compile(r"i([sz])(e|ed|es|ing|ation|ations|er|ers)$")


def twin(word: str) -> str:
    """The other spelling of an -ise/-ize word (relativised ~ relativized), or the word."""
    return _ISE.sub(lambda m: "i" + ("z" if m.group(1) == "s" else "s") + m.group(2), word)


def lookalike(s_norm: str, e_norm: str, lang: str) -> bool:
    """Do two normalised words look alike: a shared stem (>= 4 letters, or 3 when the words are
    close), or a long shared beginning and close stems."""
    full = Indel.normalized_similarity(s_norm, e_norm)
    if full < 0.6:
        return False
    src, en = stems(s_norm, SRC_ENDINGS[lang]), stems(e_norm, _EN_ENDINGS)
    for a in src:
        for b in en:
            if a == b and (len(a) >= 4 or full >= 0.75):
                return True
            prefix = common_prefix(a, b)
            if prefix >= 5 and prefix >= min(len(a), len(b)) - 1:
                return True
            if prefix >= 4 and min(len(a), len(b)) >= 4 and Indel.normalized_similarity(a, b) >= 0.85 and full >= 0.7:
                return True
    return False


@cache
def zipf_frequency(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency as z

    return float(z(word, lang))


def is_english(word: str, zipf_en: float, lower_share: float) -> bool:
    """A word of English (known to wordfreq, in either spelling), not a word of a source
    language left as it was, and not a name (written in lower case in most of its uses)."""
    if not word.isascii() or lower_share < 0.5:
        return False
    known = zipf_en > 0 or zipf_frequency(word.replace("is", "iz"), "en") > 0
    return known and all(zipf_en >= zipf_frequency(word, lang) - 0.5 for lang in LANGS)


# --- data ------------------------------------------------------------------------------------

def tokens(line: str) -> frozenset[str]:
    return frozenset(t.lower() for t in _TOKEN.findall(line))


def read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


@dataclass
class Corpus:
    lang: str
    human: list[tuple[frozenset[str], frozenset[str]]] = field(default_factory=list)  # (source, reference)
    mt: list[tuple[int, frozenset[str], frozenset[str]]] = field(default_factory=list)  # (line, output, ref)
    mt_src: dict[int, frozenset[str]] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)


def load(lang: str, args: argparse.Namespace) -> Corpus:
    corpus = Corpus(lang)
    if args.opus:
        for name in OPUS_SETS:
            src, ref = args.opus / f"{lang}-en" / f"{name}.{lang}", args.opus / f"{lang}-en" / f"{name}.en"
            if src.is_file() and ref.is_file():
                s, r = read(src), read(ref)
                if s and len(s) == len(r):
                    corpus.human += [(tokens(a), tokens(b)) for a, b in zip(s, r, strict=True)]
                    corpus.seen.append(f"opus:{name}({len(s)})")
    if args.wmt12 and not args.no_newstest2012:
        src = args.wmt12 / "sources" / f"newstest2012-src.{lang}"
        if src.is_file():
            src_sets = [tokens(x) for x in read(src)]
            ref_sets = [tokens(x) for x in read(args.wmt12 / "references" / "newstest2012-ref.en")]
            corpus.human += list(zip(src_sets, ref_sets, strict=False))
            corpus.seen.append(f"newstest2012-ref({len(src_sets)})")
            folder = args.wmt12 / "system-outputs" / "newstest2012" / f"{lang}-en"
            systems = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) \
                if folder.is_dir() else []
            for path in systems:
                out = read(path)
                if len(out) != len(src_sets):
                    continue
                corpus.mt += [(i, tokens(o), ref_sets[i]) for i, o in enumerate(out)]
            corpus.mt_src = dict(enumerate(src_sets))
            if systems:
                corpus.seen.append(f"newstest2012-mt({len(systems)} systems)")
    return corpus


def load_potet(folder: Path | None) -> list[tuple[frozenset[str], frozenset[str]]]:
    if folder is None:
        return []
    mt, ref = read(folder / "potet.moses"), read(folder / "potet.ref")
    return [(tokens(a), tokens(b)) for a, b in zip(mt, ref, strict=False) if not a.startswith("# lang=")]


_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def _b64(text: str) -> int:
    n = 0
    for c in text:
        n = n * 64 + _B64[c]
    return n


def freedict(folder: Path | None, lang: str) -> dict[str, frozenset[str]]:
    """Source word (lower case) -> the English words of its translations."""
    if folder is None:
        return {}
    base = folder / f"freedict-{FREEDICT[lang]}-eng"
    index, data = base.with_suffix(".index"), Path(str(base) + ".dict.dz")
    if not index.is_file() or not data.is_file():
        return {}
    with gzip.open(data) as fh:
        raw = fh.read()
    out: dict[str, set[str]] = defaultdict(set)
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00"):
            continue
        body = raw[_b64(parts[1]): _b64(parts[1]) + _b64(parts[2])].decode("utf-8", "replace").splitlines()
        if not body:
            continue
        head = body[0].split(" /")[0].strip().lower()
        for text in body[1:]:
            text = text.strip()
            if not text or text.startswith(("Synonym", "see:", "Note", "Antonym")):
                continue
            text = re.sub(r"<[^>]*>|\([^)]*\)|^\d+\.", " ", text)
            out[head] |= {t.lower() for t in _TOKEN.findall(text)}
    return {k: frozenset(v) for k, v in out.items()}


# --- mining ----------------------------------------------------------------------------------

@dataclass
class Entry:
    lang: str
    english: str
    source: str
    klass: str
    suggestions: list[str]
    zipf: float
    n_src: int
    n_ref: int
    n_mt: int
    n_mt_e: int
    mt_lines: int
    potet_mt: int
    potet_ref: int
    human_en: int
    cues: list[str]
    seen: str

    def row(self) -> str:
        return "\t".join([self.english, self.source, self.klass, "|".join(self.suggestions), f"{self.zipf:.2f}",
                          str(self.n_src), str(self.n_ref), str(self.n_mt), str(self.n_mt_e), str(self.mt_lines),
                          str(self.potet_mt), str(self.potet_ref), str(self.human_en), "|".join(self.cues),
                          self.seen])


HEADER = ("english\tsource\tclass\tsuggestions\tzipf\tn_src\tn_ref\tn_mt\tn_mt_e\tmt_lines\tpotet_mt\t"
          "potet_ref\thuman_en\tcues\tseen")


def index(sets: Iterable[frozenset[str]]) -> dict[str, list[int]]:
    idx: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(sets):
        for w in words:
            idx[w].append(i)
    return idx


def union(idx: dict[str, list[int]], words: Iterable[str]) -> set[int]:
    out: set[int] = set()
    for w in words:
        out.update(idx.get(w, ()))
    return out


def mine(lang: str, corpus: Corpus, potet: list[tuple[frozenset[str], frozenset[str]]],
         dictionary: dict[str, frozenset[str]], human_en: list[frozenset[str]],
         lower_share: dict[str, float]) -> list[Entry]:
    """Counts over word families: every inflected form of s in the source, every form of e in
    the English (relativisé, relativiser ~ relativized, relativize)."""
    src_idx = index(s for s, _ in corpus.human)
    ref_idx = index(r for _, r in corpus.human)
    mt_src_idx = index(corpus.mt_src.get(line, frozenset()) for line, _, _ in corpus.mt)
    mt_out_idx = index(o for _, o, _ in corpus.mt)
    use_potet = potet if lang == "fr" else []
    potet_mt = Counter(w for m, _ in use_potet for w in m)
    potet_ref = Counter(w for _, r in use_potet for w in r)
    human_idx = index(human_en)
    human_count = {w: len(v) for w, v in human_idx.items()}

    src_families: dict[str, set[str]] = defaultdict(set)
    for s in set(src_idx) | set(mt_src_idx):
        if len(s) >= MIN_LEN and s.isalpha():
            src_families[source_family(normal(s), lang)].add(s)
    # English word families: the words of MT and of the human references.
    en_families: dict[str, set[str]] = defaultdict(set)
    for e in set(mt_out_idx) | set(ref_idx) | set(potet_mt):
        if len(e) >= MIN_LEN and e.isascii() and e.isalpha():
            en_families[english_family(normal(e))].add(e)
    by_block: dict[str, list[str]] = defaultdict(list)
    for key in en_families:
        by_block[key[:3]].append(key)

    rows: dict[str, Entry] = {}
    for skey in sorted(src_families):
        forms_s = src_families[skey]
        s_lines = union(src_idx, forms_s)
        if not s_lines:
            continue
        s_mt = sorted(union(mt_src_idx, forms_s))
        s_show = max(sorted(forms_s), key=lambda w: len(src_idx.get(w, ())) + len(mt_src_idx.get(w, ())))
        translations = frozenset().union(*(dictionary.get(s, frozenset()) for s in forms_s))
        for ekey in by_block.get(skey[:3], []):
            forms_e = sorted(en_families[ekey])
            if not any(lookalike(normal(s_show), normal(e), lang) for e in forms_e[:3]) \
                    and not lookalike(skey, ekey, lang):
                continue
            english_forms = [e for e in forms_e if is_english(e, zipf_frequency(e, "en"), lower_share.get(e, 1.0))]
            if not english_forms:
                continue
            n_src = len(s_lines)
            n_ref = len(s_lines & union(ref_idx, english_forms))
            p_ref = n_ref / n_src
            if p_ref > MAX_P_REF_CUED:
                continue
            e_mt = union(mt_out_idx, english_forms)
            hits = [i for i in s_mt if i in e_mt]
            bad = [i for i in hits if not corpus.mt[i][2].intersection(english_forms)]
            bad_lines = {corpus.mt[i][0] for i in bad}
            p_mt = len(hits) / len(s_mt) if s_mt else 0.0
            pm = sum(potet_mt.get(e, 0) for e in english_forms)
            pr = sum(potet_ref.get(e, 0) for e in english_forms)
            bad_outputs = len(bad)
            by_mt = p_mt >= MIN_P_MT and p_mt >= 2.5 * p_ref and (
                len(bad_lines) >= MIN_MT_LINES or (n_src < MIN_SRC and bad_outputs >= MIN_MT_OUTPUTS))
            by_potet = n_src >= MIN_SRC and n_ref == 0 and pm >= MIN_POTET and pr * 4 <= pm
            if not (by_mt or by_potet):
                continue
            seen = ",".join(x for x, ok in (("newstest2012-mt", by_mt), ("potet", by_potet)) if ok)
            sugg, sugg_established = suggestions(english_forms, s_show, bad, corpus, src_idx, ref_idx, translations)
            cues: list[str] | None = None
            # The forms MT wrote where the reference did not (and their -ise/-ize twins).
            written = {e for i in bad for e in corpus.mt[i][1] if e in english_forms}
            if by_potet:
                written |= {e for e in english_forms if potet_mt.get(e, 0) >= MIN_POTET and
                            potet_ref.get(e, 0) * 4 <= potet_mt[e] and lookalike(normal(s_show), normal(e), lang)
                            and Indel.normalized_similarity(normal(s_show), normal(e)) >= STRICT
                            and zipf_frequency(e, "en") >= POTET_MIN_ZIPF}
            # -ize -> -ise always (relativized ~ relativised); -ise -> -ize only for a known word (not 'compromize').
            written |= {twin(e) for e in written if "iz" in e or zipf_frequency(twin(e), "en") > 0}
            for e in sorted(written):
                z = zipf_frequency(e, "en")
                h = human_count.get(e, 0)
                rare_below = RARE_ZIPF if n_src >= MIN_SRC else RARE_ZIPF_FEW
                known = max(z, zipf_frequency(twin(e), "en")) >= RARE_MIN_ZIPF
                enough = len(bad_lines) >= MIN_MT_LINES or n_src >= MIN_SRC or bad_outputs >= MIN_MT_OUTPUTS
                if known and z < rare_below and h <= MAX_HUMAN_RARE and p_ref <= MAX_P_REF and e not in translations \
                        and enough:
                    klass = "rare"
                    row_cues: list[str] = []
                elif by_mt and n_src >= MIN_SRC_CUED and z < MAX_CUED_ZIPF and p_mt >= MIN_P_MT_CUED \
                        and len(bad_lines) >= MIN_MT_LINES_CUED:
                    klass = "cued"
                    if cues is None:
                        sense = sugg[0] if sugg and sugg_established else None
                        cues = mine_cues(english_forms, sense, human_en, human_idx)
                    row_cues = cues
                    if not row_cues:
                        if not source_only(by_mt, n_src, p_ref, bad_lines, z):
                            continue
                        klass = "source"
                elif source_only(by_mt, n_src, p_ref, bad_lines, z):
                    klass = "source"
                    row_cues = []
                else:
                    continue
                entry = Entry(lang, e, s_show, klass, sugg, z, n_src, n_ref, len(s_mt), len(hits), len(bad_lines),
                              pm, pr, h, row_cues, seen)
                old = rows.get(e)
                if old is None or (entry.mt_lines, entry.n_mt_e, entry.potet_mt) > (old.mt_lines, old.n_mt_e,
                                                                                      old.potet_mt):
                    rows[e] = entry
    return list(rows.values())


def source_only(by_mt: bool, n_src: int, p_ref: float, bad_lines: set[int], z: float) -> bool:
    """A pair too common in English to flag alone, or without cues, but that human translators
    seldom choose for s while MT does: TC807 flags it where the aligned source sentence has s."""
    return by_mt and n_src >= MIN_SRC and p_ref <= MAX_P_REF and len(bad_lines) >= MIN_MT_LINES \
        and z < MAX_SOURCE_ZIPF


def mine_cues(forms: list[str], sense: str | None, human_en: list[frozenset[str]],
              human_idx: dict[str, list[int]]) -> list[str]:
    """Words of the sense that the reference chose instead of e: words that occur with `sense`
    (the first suggestion) in human English far more than by chance, and never with any form of
    e. A common look-alike is flagged only near one of them ('obligations' near 'yield', where
    the references write 'bonds')."""
    if not sense or sense not in human_idx:
        return []
    with_e = union(human_idx, forms)
    lines = human_idx[sense]
    together: Counter[str] = Counter(w for i in lines for w in human_en[i])
    total = len(human_en)
    cues = []
    for w, n in together.items():
        if n < MIN_CUE_LINES or w in forms or w == sense or w in STOP or len(w) < 3 or not w.isalpha():
            continue
        z = zipf_frequency(w, "en")
        if not 2.0 <= z < MAX_CUE_ZIPF or not is_english(w, z, 1.0) or normal(w)[:4] == normal(forms[0])[:4]:
            continue
        lift = (n / len(lines)) / (len(human_idx[w]) / total)
        if lift < MIN_CUE_LIFT or with_e.intersection(human_idx[w]):
            continue
        cues.append((n * lift, w))
    cues.sort(key=lambda x: (-x[0], x[1]))
    return [w for _, w in cues[:MAX_CUES]]


def suggestions(forms: list[str], s: str, bad: list[int], corpus: Corpus, src_idx: dict[str, list[int]],
                ref_idx: dict[str, list[int]], translations: frozenset[str]) -> tuple[list[str], bool]:
    """What the references write instead of e: words of the reference missing from MT where MT
    wrote e and the reference did not (counted once per source line), dictionary translations
    of s first; without MT, the dictionary translations of s found in s's human references."""
    ne = normal(forms[0])[:4]

    def usable(w: str) -> bool:
        return (w not in STOP and len(w) >= 3 and w.isalpha() and w.isascii() and normal(w)[:4] != ne
                and 2.0 <= zipf_frequency(w, "en") < 6.0)

    lines: dict[str, set[int]] = defaultdict(set)
    for i in bad:
        line, out, ref = corpus.mt[i]
        for w in ref - out:
            if usable(w):
                lines[w].add(line)
    human: Counter[str] = Counter()
    for i in src_idx.get(s, []):
        for w in corpus.human[i][1]:
            if usable(w):
                human[w] += 1
    ranked = []
    for w in set(lines) | {w for w in human if w in translations}:
        n = len(lines.get(w, ()))
        if n < 2 and w not in translations:  # one line's words are noise, not a translation
            continue
        ranked.append((w in translations, n, human[w], zipf_frequency(w, "en"), w))
    # The reference's own replacement first (seen in >= 2 lines), then dictionary translations.
    ranked.sort(key=lambda x: (-min(x[1], 2), -(x[0] and (x[1] > 0 or x[2] > 0)), -x[1], -x[2], -x[3], x[4]))
    # The sense is established when the first suggestion is a dictionary translation of s that
    # the references wrote in >= MIN_SENSE_LINES lines where MT wrote the look-alike.
    established = bool(ranked) and ranked[0][0] and ranked[0][1] >= MIN_SENSE_LINES
    return [r[-1] for r in ranked[:3]], established


def english_files(args: argparse.Namespace) -> list[Path]:
    files: list[Path] = []
    if args.opus:
        files += sorted(args.opus.glob("*-en/*.en"))
    if args.wmt12 and not args.no_newstest2012:
        files.append(args.wmt12 / "references" / "newstest2012-ref.en")
        files += sorted((args.wmt12 / "system-outputs" / "newstest2012").glob("*-en/newstest2012.*"))
    if args.potet:
        files += [args.potet / "potet.moses", args.potet / "potet.ref"]
    return [f for f in files if f.is_file()]


def human_english(args: argparse.Namespace) -> list[frozenset[str]]:
    """The human English sentences of all the inputs (whatever --langs says), as word sets."""
    files: list[Path] = []
    if args.opus:
        files += sorted(args.opus.glob("*-en/*.en"))
    if args.wmt12 and not args.no_newstest2012:
        files.append(args.wmt12 / "references" / "newstest2012-ref.en")
    if args.potet:
        files.append(args.potet / "potet.ref")
    sentences = {tokens(line) for f in files if f.is_file() for line in read(f) if not line.startswith("# lang=")}
    return sorted(sentences, key=lambda s: sorted(s))


def lower_case_shares(args: argparse.Namespace) -> dict[str, float]:
    """Share of a word's uses, not first in its sentence, written in lower case."""
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in english_files(args):
        for line in read(path):
            for sentence in re.split(r"[.!?:\"“”]\s+", line):
                for w in _TOKEN.findall(sentence)[1:]:
                    key = w.lower()
                    total[key] += 1
                    lower[key] += w == key
    return {w: lower[w] / n for w, n in total.items()}


REVIEW = Path(__file__).resolve().parent / "false-friend-review.tsv"


def reviewed(lang: str) -> dict[str, tuple[str, list[str]]]:
    """The reviewer's decision (accept or reject) on each mined English look-alike of `lang`,
    with the English the reviewer gives as its fix: a mined pair reaches the lexicon only once a
    person has accepted it, and the reviewer's fix replaces the mined one (the words that the
    references wrote instead are often the sentence's other words, not the translation)."""
    if not REVIEW.is_file():
        return {}
    lines = [x for x in REVIEW.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return {r["english"]: (r["decision"], [w for w in r["suggest"].split("|") if w])
            for r in rows if r["lang"] == lang}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--opus", type=Path, help="folder with <lang>-en/ OPUS WMT test sets")
    ap.add_argument("--wmt12", type=Path, help="the wmt12-data/plain folder")
    ap.add_argument("--potet", type=Path, help="folder with potet.moses and potet.ref")
    ap.add_argument("--freedict", type=Path, help="folder with freedict-*-eng.index and .dict.dz")
    ap.add_argument("--no-newstest2012", action="store_true", help="leave newstest2012 out entirely")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args()
    potet = load_potet(args.potet)
    args.out.mkdir(parents=True, exist_ok=True)
    corpora = {lang: load(lang, args) for lang in args.langs.split(",")}
    # The human English of all the corpora (the WMT test sets share their English), for the
    # cue test (a cue never occurs with e in human English), and how often each English word
    # is written in lower case inside a sentence (names are not look-alikes).
    human_en = human_english(args)
    lower_share = lower_case_shares(args)
    for lang, corpus in corpora.items():
        if args.potet and lang == "fr":
            corpus.seen.append(f"potet({len(potet)})")
        dictionary = freedict(args.freedict, lang)
        if dictionary:
            corpus.seen.append(f"freedict-{FREEDICT[lang]}-eng({len(dictionary)})")
        mined = sorted(mine(lang, corpus, potet, dictionary, human_en, lower_share), key=lambda x: x.english)
        decisions = reviewed(lang)
        pending = [r.english for r in mined if r.english not in decisions]
        if pending:
            print(f"{lang}: not reviewed yet (add them to {REVIEW.name}): {' '.join(pending)}", file=sys.stderr)
        rows = [r for r in mined if decisions.get(r.english, ("", []))[0] == "accept"]
        for r in rows:
            r.suggestions = decisions[r.english][1] or r.suggestions
        path = args.out / f"false-friends-{lang}.tsv"
        with path.open("w", encoding="utf-8") as fh:
            fh.write(f"# False-friend look-alikes from {lang} into English, mined by "
                     "glossaries/build/mine_false_friends.py\n")
            fh.write(f"# inputs: {' '.join(corpus.seen) or 'none'}\n")
            fh.write(f"# variant: {'without newstest2012' if args.no_newstest2012 else 'all inputs'}\n")
            fh.write(HEADER + "\n")
            for entry in rows:
                fh.write(entry.row() + "\n")
        print(f"{lang}: {len(rows)} entries ({sum(r.klass == 'rare' for r in rows)} rare, "
              f"{sum(r.klass == 'source' for r in rows)} with the source only) -> {path}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
