"""wordfreq's zipf_frequency without loading wordfreq for plain words.

Importing wordfreq and unpacking one language's frequency list costs about 0.4 s each, which
a one-file run (a pre-commit hook) and every --jobs worker would pay. termcheck's compiled core
(termcheck._core.FreqTable, core/src/freq.rs) answers instead, from one table per language and
wordfreq version: a file under the user's cache folder, built once from wordfreq's list and
memory-mapped, so the --jobs workers share its pages. It answers a plain word (lower-case Latin
letters, which wordfreq reads as one token, itself) and plain words joined by hyphens or
apostrophes (al-assad, abbas's, today’s, l'armée), which it splits as wordfreq's tokenizer does,
with wordfreq's arithmetic. Any other word goes to wordfreq's tokenizer and then the table, or to
wordfreq itself, and its value is kept in a small SQLite file for the next run; any trouble with
the cache also goes to wordfreq, so the values are always wordfreq's.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from termcheck.glossary.cache import cache_dir, installed_version

if TYPE_CHECKING:
    from termcheck._core import FreqTable

_SCHEMA = 4  # part of the file names: a cache built for other words is not reused
# Languages whose wordfreq tokenizer returns a lower-case a-z word unchanged (tests check it).
FAST_LANGS = frozenset({"en", "fr", "de", "es", "it", "tr"})

_lock = threading.Lock()
_tables: dict[str, FreqTable | None] = {}  # inherited by forked workers, mapping and all
_db: sqlite3.Connection | None = None
_db_pid = 0  # a connection must not cross a fork (--jobs workers open their own)
_broken = False


def zipf_frequency(word: str, lang: str) -> float:
    """Exactly wordfreq.zipf_frequency(word, lang)."""
    if not word.isascii() and _SURROGATE.search(word):
        return _unencodable(word, lang)
    table = _table(lang)
    if table is not None:
        value = table.zipf(word)
        if value is not None:
            return value
    return _answered(word, lang)


# Lone surrogates (a JSON request may carry them) cannot cross into the core or SQLite as
# UTF-8: such a word goes to wordfreq itself, unremembered.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unencodable(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency as wordfreq_zipf

    return float(wordfreq_zipf(word, lang))


def zipf_many(words: Sequence[str], lang: str) -> list[float]:
    """zipf_frequency of each word, with one call into the core for all of them."""
    table = _table(lang)
    if table is None or any(not w.isascii() and _SURROGATE.search(w) for w in words):
        return [zipf_frequency(w, lang) for w in words]
    values = table.zipf_many(list(words))
    return [_answered(w, lang) if v is None else v for w, v in zip(words, values, strict=True)]


def tokens_at_least(lang: str, least: float) -> list[str] | None:
    """Every token wordfreq lists in `lang` at frequency `least` or more; None when the table
    cannot be had."""
    table = _table(lang)
    return None if table is None else table.tokens_at_least(least)


def simple_tokens(word: str) -> list[str] | None:
    """wordfreq's tokens of plain words joined by hyphens or apostrophes (the same in the
    FAST_LANGS: lower-case precomposed letters need no case folding or normalisation); None for
    any other word. The core's, as its table lookups use them."""
    from termcheck import _core

    return _core.simple_tokens(word)


def _table(lang: str) -> FreqTable | None:
    """The core's frequency table of a fast language; None for others, or when it cannot be had."""
    if lang not in FAST_LANGS:
        return None
    try:
        return _tables[lang]
    except KeyError:
        pass
    with _lock:
        if lang not in _tables:
            _tables[lang] = _load(lang)
        return _tables[lang]


def _load(lang: str) -> FreqTable | None:
    """Map the cached table, or build it from wordfreq's list (kept in memory when it cannot be
    written: a read-only cache or none)."""
    from termcheck import _core

    version = installed_version("wordfreq")
    if version is None:
        return None
    folder = cache_dir()
    path = None if folder is None else Path(folder) / f"wordfreq-{version}-{lang}-{_SCHEMA}.table"
    if path is not None:
        try:
            return _core.FreqTable.open(str(path))
        except (OSError, ValueError):
            pass  # not built yet, or damaged: built again below
    from wordfreq import get_frequency_dict  # heavy: once per language and wordfreq version

    items = list(get_frequency_dict(lang).items())
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _core.write_freq_table(str(path), items)
            return _core.FreqTable.open(str(path))
        except (OSError, ValueError):
            pass
    return _core.FreqTable.from_items(items)


def _answered(word: str, lang: str) -> float:
    """wordfreq's value for a word the table cannot answer by itself: remembered from an earlier
    run, or asked and remembered."""
    known = _remembered(word, lang)
    if known is not None:
        return known
    value = _wordfreq_zipf(word, lang)
    _remember(word, lang, value)
    return value


def _wordfreq_zipf(word: str, lang: str) -> float:
    """wordfreq's value, with its tokenizer and the table where they suffice (its own lists
    take ~0.4 s to load)."""
    table = _table(lang)
    if table is not None:
        tokens = _tokens(word, lang)
        if tokens is not None:
            value = table.zipf_of_tokens(tokens)
            if value is not None:
                return value
    from wordfreq import zipf_frequency as slow  # heavy: only for words the table cannot answer

    return float(slow(word, lang))


def _tokens(word: str, lang: str) -> list[str] | None:
    """wordfreq's own tokens for a word with an apostrophe or hyphen (its tokenizer loads in a
    fraction of the time its lists take); None where numbers would need wordfreq's digit rules."""
    from wordfreq.tokens import lossy_tokenize

    tokens = lossy_tokenize(word, lang)
    return None if any(c.isdigit() for t in tokens for c in t) else list(tokens)


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
    global _db, _db_pid, _broken
    if _db is None or _db_pid != os.getpid():
        _db_pid = os.getpid()
        folder = cache_dir()
        version = installed_version("wordfreq")
        if folder is None or version is None:
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _db = sqlite3.connect(str(Path(folder) / f"wordfreq-{version}-{_SCHEMA}.sqlite3"), timeout=60,
                                  check_same_thread=False)
            # wordfreq's zipf_frequency of the words it had to answer itself (see _remembered).
            _db.execute("CREATE TABLE IF NOT EXISTS z (lang TEXT, word TEXT, zipf REAL, PRIMARY KEY (lang, word))"
                        " WITHOUT ROWID")
            _db.commit()
        except (sqlite3.Error, OSError):
            _broken = True  # a locked, full or read-only cache: wordfreq answers from now on
            return None
    return _db
