"""wordfreq's zipf_frequency without loading wordfreq for plain words.

Importing wordfreq and unpacking one language's frequency list costs about 0.4 s each, which
a one-file run (a pre-commit hook) and every --jobs worker would pay. The frequencies are
kept in an SQLite file under the user's cache folder instead (built once per language and
wordfreq version), and a plain word (lower-case Latin letters, which wordfreq reads as one
token, itself) is looked up there with the same arithmetic as wordfreq's. Plain words joined by
hyphens or apostrophes (al-assad, abbas's, today’s, l'armée) are split as wordfreq's tokenizer
splits them (`simple_tokens`), since importing that tokenizer loads wordfreq, langcodes and
ftfy (~0.1 s). Any other word goes to wordfreq itself, and its value is kept in the same file
for the next run; any trouble with the cache also goes to wordfreq, so the values are always
wordfreq's.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
from pathlib import Path

from termcheck.glossary.cache import cache_dir, installed_version

# Lower-case Latin letters (no ß: wordfreq folds it to ss), precomposed, as wordfreq stores them.
_LETTERS = "a-zà-öø-ÿğışœ"
_PLAIN = re.compile(rf"[{_LETTERS}]+\Z")
# Plain words joined by single hyphens or apostrophes (straight or curly): Unicode word breaks
# fall at each hyphen and never at an apostrophe between letters, so only wordfreq's elision
# rule and its uncurling of quotes are left to do.
_JOINED = re.compile(rf"[{_LETTERS}]+(?:[-'’][{_LETTERS}]+)+\Z")
# wordfreq's TOKEN_RE: a token does not start with 1-2 letters, a straight apostrophe and one of
# these (French "l'arc", "qu'il"); those letters are a token of their own, apostrophe stripped.
_ELIDED = re.compile(rf"[{_LETTERS}]{{1,2}}'(?=[aehiouyáéíóúàèìòùâêîôûåïöœ])")
_SCHEMA = 3  # part of the file name: a cache built for other words is not reused
# Languages whose wordfreq tokenizer returns a lower-case a-z word unchanged (tests check it).
FAST_LANGS = frozenset({"en", "fr", "de", "es", "it", "tr"})
_MINIMUM = 10**0.0 / 1e9  # wordfreq.zipf_to_freq(0.0): zipf_frequency's default minimum

_lock = threading.Lock()
_db: sqlite3.Connection | None = None
_db_pid = 0  # a connection must not cross a fork (--jobs workers open their own)
_ready: set[str] = set()
_broken = False


def zipf_frequency(word: str, lang: str) -> float:
    """Exactly wordfreq.zipf_frequency(word, lang)."""
    if lang in FAST_LANGS:
        tokens = [word] if _PLAIN.match(word) else simple_tokens(word)
        if tokens is not None:
            value = _listed_zipf(tokens, lang)
            if value is not None:
                return value
    known = _remembered(word, lang)
    if known is not None:
        return known
    value = _wordfreq_zipf(word, lang)
    _remember(word, lang, value)
    return value


def _listed_zipf(tokens: list[str], lang: str) -> float | None:
    """The Zipf value of a word made of these tokens, from the cached lists; None when the
    cache cannot tell."""
    listed = [_lookup(t, lang) for t in tokens]
    if not all(f is not None for f in listed):
        return None
    return round(math.log(_frequency([f for f in listed if f is not None]), 10) + 9, 2)


def _wordfreq_zipf(word: str, lang: str) -> float:
    """wordfreq's value, with its tokenizer and the cached lists where they suffice (its own
    lists take ~0.4 s to load)."""
    if lang in FAST_LANGS:
        tokens = _tokens(word, lang)
        if tokens is not None:
            value = _listed_zipf(tokens, lang)
            if value is not None:
                return value
    from wordfreq import zipf_frequency as slow  # heavy: only for words the cache cannot answer

    return float(slow(word, lang))


def simple_tokens(word: str) -> list[str] | None:
    """wordfreq's tokens of plain words joined by hyphens or apostrophes (the same in the
    FAST_LANGS: lower-case precomposed letters need no case folding or normalisation);
    None for any other word."""
    if not _JOINED.match(word):
        return None
    tokens: list[str] = []
    for part in word.split("-"):
        while (m := _ELIDED.match(part)) is not None:
            tokens.append(m.group()[:-1])
            part = part[m.end() :]
        tokens.append(part.replace("’", "'"))  # wordfreq uncurls quotes after splitting
    return tokens


def _tokens(word: str, lang: str) -> list[str] | None:
    """wordfreq's own tokens for a word with an apostrophe or hyphen (its tokenizer loads in a
    fraction of the time its lists take); None where numbers would need wordfreq's digit rules."""
    from wordfreq.tokens import lossy_tokenize

    tokens = lossy_tokenize(word, lang)
    return None if any(c.isdigit() for t in tokens for c in t) else list(tokens)


def _frequency(listed: list[float]) -> float:
    """wordfreq's word_frequency for tokens listed at these frequencies (0: not listed),
    with its arithmetic: 1/f = 1/f1 + 1/f2 + ..., rounded to 3 significant digits."""
    if not listed or 0.0 in listed:
        return _MINIMUM
    one_over_result = 0.0
    for f in listed:
        one_over_result += 1.0 / f
    freq = 1.0 / one_over_result
    unrounded = max(freq, _MINIMUM)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


def _lookup(word: str, lang: str) -> float | None:
    """The listed frequency of `word` (0.0 when unlisted); None when the cache cannot tell."""
    global _broken
    if _broken:
        return None
    try:
        db = _connect()
        if db is None:
            return None
        if lang not in _ready:
            _build(db, lang)
        row = db.execute("SELECT freq FROM f WHERE lang = ? AND word = ?", (lang, word)).fetchone()
        return float(row[0]) if row else 0.0
    except (sqlite3.Error, OSError):
        _broken = True  # a locked, full or read-only cache: wordfreq answers from now on
        return None


def _remembered(word: str, lang: str) -> float | None:
    """wordfreq's value for a word it was asked about in an earlier run, if any."""
    if _broken:
        return None
    try:
        db = _connect()
        row = None if db is None else db.execute("SELECT zipf FROM z WHERE lang = ? AND word = ?",
                                                 (lang, word)).fetchone()
    except (sqlite3.Error, OSError):
        return None
    return float(row[0]) if row else None


def _remember(word: str, lang: str, value: float) -> None:
    if _broken or _db is None or _db_pid != os.getpid():
        return
    try:
        with _lock:
            _db.execute("INSERT OR REPLACE INTO z VALUES (?, ?, ?)", (lang, word, value))
            _db.commit()
    except sqlite3.Error:
        pass  # a locked or read-only cache: the value is simply asked again next time


def _connect() -> sqlite3.Connection | None:
    global _db, _db_pid
    if _db is None or _db_pid != os.getpid():
        _ready.clear()
        _db_pid = os.getpid()
        folder = cache_dir()
        if folder is None:
            return None
        version = installed_version("wordfreq")
        if version is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        _db = sqlite3.connect(str(Path(folder) / f"wordfreq-{version}-{_SCHEMA}.sqlite3"), timeout=60,
                              check_same_thread=False)
        _db.execute("CREATE TABLE IF NOT EXISTS f (lang TEXT, word TEXT, freq REAL, PRIMARY KEY (lang, word))"
                    " WITHOUT ROWID")
        _db.execute("CREATE TABLE IF NOT EXISTS built (lang TEXT PRIMARY KEY)")
        # wordfreq's zipf_frequency of the words it had to answer itself (see _remembered).
        _db.execute("CREATE TABLE IF NOT EXISTS z (lang TEXT, word TEXT, zipf REAL, PRIMARY KEY (lang, word))"
                    " WITHOUT ROWID")
        _db.commit()
    return _db


def _build(db: sqlite3.Connection, lang: str) -> None:
    """Copy one language's list into the cache, once (parallel workers wait for each other)."""
    with _lock:
        if db.execute("SELECT 1 FROM built WHERE lang = ?", (lang,)).fetchone() is None:
            db.execute("BEGIN IMMEDIATE")
            try:
                if db.execute("SELECT 1 FROM built WHERE lang = ?", (lang,)).fetchone() is None:
                    from wordfreq import get_frequency_dict

                    rows = ((lang, w, f) for w, f in get_frequency_dict(lang).items())
                    db.executemany("INSERT OR REPLACE INTO f VALUES (?, ?, ?)", rows)
                    db.execute("INSERT INTO built VALUES (?)", (lang,))
                db.commit()
            except BaseException:
                db.rollback()
                raise
        _ready.add(lang)
