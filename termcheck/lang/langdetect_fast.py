"""langdetect's answer for a text, exactly, in a fraction of its time.

detect.langdetect_guess(text) asks langdetect (seeded with 0) for its best language and
probability. That costs ~0.4 s once per process to load 55 language profiles into a dict of
lists, then ~20 ms per text: 7 trials of up to 1000 random n-gram updates of 55 probabilities,
one Python loop step per language. Here:

- the profiles are read once into compact sparse rows and kept under the user's cache folder
  (`_profiles`), with the same probabilities (`freq / n_words` as langdetect divides them);
- the text is prepared and its n-grams extracted by langdetect's own helpers or a copy of its
  loop (tests/test_langdetect_fast.py compares them on arbitrary text);
- each trial draws the same random numbers from the same generator and applies the same
  floating-point operations in the same order, a whole row of 55 languages per C call;
- `guess_reaching` stops after a trial when no language can still reach the probability its
  caller needs: a trial adds at most 1/7 to a language's final probability.
"""

from __future__ import annotations

import json
import os
import random
import re
import zlib
from array import array
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from operator import itemgetter, mul
from pathlib import Path
from typing import Any

_WORD = re.compile(r"[^\W\d_]+")
# langdetect.detector.Detector's constants.
_ALPHA_DEFAULT = 0.5
_ALPHA_WIDTH = 0.05
_ITERATION_LIMIT = 1000
_PROB_THRESHOLD = 0.1
_CONV_THRESHOLD = 0.99999
_BASE_FREQ = 10000
_N_TRIAL = 7
_MAX_TEXT_LENGTH = 10000
_SPACES = re.compile(" {2,}")
_SCHEMA = 1  # part of the cache file's name


def langdetect_guess(text: str) -> tuple[str, float] | None:
    """Exactly detect.langdetect_guess(text)."""
    return guess_reaching(text, lambda lang: 0.0)


def guess_reaching(text: str, needed: Callable[[str], float]) -> tuple[str, float] | None:
    """detect.langdetect_guess(text) when that guess's probability is at least
    needed(its language); None when it is not (or there is no guess). Detection stops as soon
    as no language can reach what it needs."""
    if len(_WORD.findall(text[:2000])) < 3:
        return None
    if not _draws_as_choice():  # another Python's random.choice: ask langdetect itself
        from termcheck.lang.detect import langdetect_guess as slow

        guess = slow(text)
        return guess if guess and guess[1] >= needed(guess[0]) else None
    profiles = _profiles()
    ngrams = _ngrams(_prepared(text[:5000]), profiles)
    if not ngrams:
        return None  # langdetect raises "No features in text"
    ids, rows = profiles.rows(ngrams)
    langprob = _trials(ids, rows, [needed(lang) for lang in profiles.langs])
    if langprob is None:
        return None
    ranked = sorted(((p, i) for i, p in enumerate(langprob) if p > _PROB_THRESHOLD),
                    key=lambda pi: pi[0], reverse=True)  # as langdetect's sort of Language objects: stable
    prob, best = ranked[0]  # langdetect_guess takes [0] too (an empty list raises there as here)
    lang = profiles.langs[best]
    return (lang, prob) if prob >= needed(lang) else None


def _trials(ids: list[int], rows: list[tuple[float, ...]], need: list[float]) -> list[float] | None:
    """langdetect's Detector._detect_block on the text's n-grams (`ids` index `rows`, each row a
    n-gram's probability in every language); None once no language can reach `need`.

    Languages whose probabilities are equal in every row get equal products and quotients all
    along: each such group is computed once (`shown[j]` is language j's group)."""
    groups: dict[tuple[float, ...], int] = {}
    shown = [groups.setdefault(column, len(groups)) for column in zip(*rows, strict=True)]
    pick = itemgetter(*[shown.index(g) for g in range(len(groups))], 0)  # a language of each group (and one more,
    rows = [pick(row)[:-1] for row in rows]  # so that pick returns a tuple)
    count = len(shown)
    spread = itemgetter(*shown)
    rnd = random.Random()
    rnd.seed(0)
    bits, n = rnd.getrandbits, len(ids)
    k = n.bit_length()
    langprob = [0.0] * count
    for trial in range(_N_TRIAL):
        prob = [1.0 / count] * len(groups)
        alpha = _ALPHA_DEFAULT + rnd.gauss(0.0, 1.0) * _ALPHA_WIDTH
        weight = alpha / _BASE_FREQ
        weighted: dict[int, list[float]] = {}  # weight + lang_prob_map[i] of the n-grams drawn so far
        # langdetect updates with one random n-gram per step i and normalises after steps 0, 5,
        # 10, ...: here the steps up to each of those, then the normalisation.
        i, steps = 0, 1
        while True:
            for _ in range(steps):
                r = bits(k)  # random.choice(ngrams): Random._randbelow_with_getrandbits(len(ngrams))
                while r >= n:
                    r = bits(k)
                g = ids[r]
                row = weighted.get(g)
                if row is None:
                    row = weighted[g] = [weight + p for p in rows[g]]
                prob = list(map(mul, prob, row))
            total = sum(spread(prob))  # Python's sum over every language, in langdetect's order
            prob = [p / total for p in prob]
            if max(prob) > _CONV_THRESHOLD or i >= _ITERATION_LIMIT:
                break
            i, steps = i + 5, 5
        langprob = [a + prob[j] / _N_TRIAL for a, j in zip(langprob, shown, strict=True)]
        left = (_N_TRIAL - 1 - trial) / _N_TRIAL  # the most the remaining trials can add
        if all(a + left + 1e-9 < x for a, x in zip(langprob, need, strict=True)):
            return None
    return langprob


@lru_cache(maxsize=1)
def _draws_as_choice() -> bool:
    """Does random.choice draw as _trials does (CPython's _randbelow_with_getrandbits)?"""
    for n in (1, 3, 8, 100, 129):
        mine, theirs = random.Random(0), random.Random(0)
        k = n.bit_length()
        for _ in range(20):
            r = mine.getrandbits(k)
            while r >= n:
                r = mine.getrandbits(k)
            if r != theirs.choice(range(n)):
                return False
    return True


@lru_cache(maxsize=1)
def _langdetect() -> Any:
    """langdetect's n-gram helpers (importing them costs a few ms: only when a text needs it)."""
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    return Detector, NGram


def _prepared(text: str) -> str:
    """The text as langdetect's Detector.append and cleaning_text leave it."""
    detector, ngram = _langdetect()
    text = detector.URL_RE.sub(" ", text)
    text = detector.MAIL_RE.sub(" ", text)
    text = ngram.normalize_vi(text)
    text = _SPACES.sub(" ", text[:_MAX_TEXT_LENGTH])  # append keeps no space after a space
    latin = sum(1 for ch in text if "A" <= ch <= "z")
    # cleaning_text compares unicode_block's number with a name, so every character from U+0300 counts.
    non_latin = sum(1 for ch in text if ch >= "\u0300")
    if latin * 2 < non_latin:
        text = "".join(ch for ch in text if ch < "A" or ch > "z")
    return text


@lru_cache(maxsize=65536)
def _normal(ch: str) -> str:
    return str(_langdetect()[1].normalize(ch))


def _ngrams(text: str, profiles: _Profiles) -> list[str]:
    """langdetect's Detector._extract_ngrams (NGram.add_char inlined)."""
    known = profiles.known
    result: list[str] = []
    grams, capital = " ", False
    for ch in text:
        ch = _normal(ch)
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
            if ch == " ":
                continue  # add_char returns; the grams " " give nothing
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            w = grams[-n:]
            if w and w != " " and known(w):
                result.append(w)
    return result


class _Profiles:
    """langdetect's profiles: `langs` in the order langdetect loads them (the folder's listing),
    and per n-gram its probability in each language as a sparse row: languages
    `columns[starts[i]:starts[i + 1]]`, probabilities `values[...]` for the i-th n-gram in sorted
    order. The n-grams are kept per first character ("\n"-joined, `first[c]` = the index of the
    first), and read into a dict only for the characters a text uses."""

    def __init__(self, langs: list[str], buckets: dict[str, tuple[int, str]], starts: array[int],
                 columns: array[int], values: array[float]) -> None:
        self.langs = langs
        self._buckets = buckets
        self._known: dict[str, dict[str, int]] = {}
        self.starts, self.columns, self.values = starts, columns, values

    def known(self, gram: str) -> bool:
        return gram in self._bucket(gram[0])

    def _bucket(self, first: str) -> dict[str, int]:
        found = self._known.get(first)
        if found is None:
            at, grams = self._buckets.get(first, (0, ""))
            found = self._known[first] = {g: at + i for i, g in enumerate(grams.split("\n"))} if grams else {}
        return found

    def rows(self, ngrams: list[str]) -> tuple[list[int], list[tuple[float, ...]]]:
        """Each n-gram's row number in a dense table of the distinct ones, and the table."""
        distinct: dict[str, int] = {}
        ids = [distinct.setdefault(g, len(distinct)) for g in ngrams]
        return ids, [self.row(g) for g in distinct]

    @lru_cache(maxsize=65536)  # noqa: B019 -- one object per process, kept for good
    def row(self, gram: str) -> tuple[float, ...]:
        """The n-gram's probability in each language (a known n-gram)."""
        row = [0.0] * len(self.langs)
        at = self._bucket(gram[0])[gram]
        for k in range(self.starts[at], self.starts[at + 1]):
            row[self.columns[k]] = self.values[k]
        return tuple(row)


@lru_cache(maxsize=1)
def _profiles() -> _Profiles:
    folder = _profile_folder()
    names = [n for n in os.listdir(folder) if not n.startswith(".") and (folder / n).is_file()]
    listing = repr([(n, (folder / n).stat().st_size, (folder / n).stat().st_mtime_ns) for n in names])
    from termcheck.glossary.cache import cache_dir
    from termcheck.io import signed_cache

    base = cache_dir()
    path = base / f"langdetect-profiles-{_SCHEMA}-{zlib.crc32(listing.encode()):08x}.pickle" if base else None
    if path is not None:
        try:  # signed: an unsigned or foreign pickle is never loaded
            stored, langs, buckets, starts, columns, values = signed_cache.load(path, path.parent)
            if stored == listing:
                return _Profiles(langs, buckets, _array("q", starts), _array("h", columns), _array("d", values))
        except Exception:  # noqa: BLE001  (missing, unsigned or damaged: read again)
            pass
    langs, grams, starts, columns, values = _read_profiles(folder, names)
    buckets = {}
    for i, g in enumerate(grams):
        at, joined = buckets.get(g[0], (i, ""))
        buckets[g[0]] = (at, f"{joined}\n{g}" if joined else g)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = signed_cache.dumps((listing, langs, buckets, starts.tobytes(), columns.tobytes(),
                                       values.tobytes()), path.parent)
            if data is not None:
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                with open(tmp, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
        except OSError:
            pass
    return _Profiles(langs, buckets, starts, columns, values)


def _array(code: str, data: bytes) -> array[Any]:
    stored = array(code)
    stored.frombytes(data)
    return stored


def _profile_folder() -> Path:
    spec = find_spec("langdetect")  # without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("langdetect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "profiles"


def _read_profiles(folder: Path, names: list[str]) -> tuple[list[str], list[str], array[int], array[int],
                                                             array[float]]:
    """What DetectorFactory.load_profile builds, as sparse rows of the n-grams of 1 to 3
    characters, sorted (no n-gram holds a line break, which separates them in the cache)."""
    langs: list[str] = []
    cells: dict[str, list[tuple[int, float]]] = {}
    for name in names:
        with open(folder / name, encoding="utf-8") as f:
            profile = json.load(f)
        index = len(langs)
        langs.append(profile["name"])
        n_words = profile["n_words"]
        for word, freq in profile["freq"].items():
            if 1 <= len(word) <= 3:
                cells.setdefault(word, []).append((index, 1.0 * freq / n_words[len(word) - 1]))
    grams = sorted(cells)
    starts = array("q", [0])
    for g in grams:
        starts.append(starts[-1] + len(cells[g]))
    columns = array("h", [c for g in grams for c, _ in cells[g]])
    values = array("d", [v for g in grams for _, v in cells[g]])
    return langs, grams, starts, columns, values
