//! termcheck's compiled core: the per-word work the rules ask for most.
//!
//! Word frequencies: wordfreq's `zipf_frequency` for the words its tokenizer leaves alone in the
//! fast languages (see termcheck/lexicon/wordfreq_cache.py), answered from one compact table per
//! language and wordfreq version. The table is a file in the user's cache folder, memory-mapped,
//! so the `--jobs` workers share its pages; a word the table cannot answer is left to wordfreq
//! (`None`).

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use memmap2::Mmap;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

mod freq;
mod tokens;

use freq::{encode, Layout};

/// The bytes of a table: a read-only map of its file, or built in memory (no cache folder).
enum Bytes {
    Mapped(Mmap),
    Owned(Vec<u8>),
}

impl Bytes {
    fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        }
    }
}

/// One language's listed frequencies (wordfreq's get_frequency_dict).
#[pyclass(frozen, module = "termcheck._core")]
struct FreqTable {
    bytes: Bytes,
    layout: Layout,
}

impl FreqTable {
    fn from_bytes(bytes: Bytes) -> PyResult<Self> {
        let layout = Layout::read(bytes.as_slice()).map_err(PyValueError::new_err)?;
        Ok(FreqTable { bytes, layout })
    }

    fn data(&self) -> &[u8] {
        self.bytes.as_slice()
    }
}

#[pymethods]
impl FreqTable {
    /// Map a table file written by `write_freq_table`; ValueError if it is not one (a
    /// truncated or foreign file), OSError if it cannot be read.
    #[staticmethod]
    fn open(path: &str) -> PyResult<Self> {
        let file = File::open(path).map_err(|e| PyOSError::new_err(format!("{path}: {e}")))?;
        // Safety: the file is written whole under a temporary name and renamed into place, never
        // changed after; a file cut short by another program is refused by Layout::read, and
        // every read through the map is bounds-checked.
        let map = unsafe { Mmap::map(&file) }.map_err(|e| PyOSError::new_err(format!("{path}: {e}")))?;
        Self::from_bytes(Bytes::Mapped(map))
    }

    /// A table held in memory, for runs without a cache folder.
    #[staticmethod]
    fn from_items(items: Vec<(String, f64)>) -> PyResult<Self> {
        Self::from_bytes(Bytes::Owned(encode(items).map_err(PyValueError::new_err)?))
    }

    fn __len__(&self) -> usize {
        self.layout.len()
    }

    /// The listed frequency of a token (0.0 when it is not listed).
    fn freq(&self, token: &str) -> f64 {
        self.layout.freq(self.data(), token)
    }

    /// wordfreq's zipf_frequency of `word`, or None when its tokens need wordfreq's tokenizer.
    fn zipf(&self, word: &str) -> Option<f64> {
        freq::zipf(&self.layout, self.data(), word)
    }

    /// `zipf` of each word: one crossing for a document's words.
    fn zipf_many(&self, words: Vec<String>) -> Vec<Option<f64>> {
        let data = self.data();
        words.iter().map(|w| freq::zipf(&self.layout, data, w)).collect()
    }

    /// The Zipf value of a word wordfreq's tokenizer splits into these tokens; None when
    /// rounding cannot be done as wordfreq does it.
    fn zipf_of_tokens(&self, tokens: Vec<String>) -> Option<f64> {
        let data = self.data();
        let listed: Vec<f64> = tokens.iter().map(|t| self.layout.freq(data, t)).collect();
        freq::zipf_of_listed(&listed)
    }

    /// Every listed token with a frequency of at least `least`, in the table's order.
    fn tokens_at_least(&self, least: f64) -> Vec<String> {
        self.layout.tokens_at_least(self.data(), least)
    }
}

/// Write a table of these (token, frequency) pairs to `path`, whole: under a temporary name in
/// the same folder, then renamed, so a reader never maps half a file.
#[pyfunction]
fn write_freq_table(path: &str, items: Vec<(String, f64)>) -> PyResult<()> {
    let bytes = encode(items).map_err(PyValueError::new_err)?;
    let target = Path::new(path);
    let tmp = target.with_file_name(format!(
        ".{}.{}.tmp",
        target.file_name().and_then(|n| n.to_str()).unwrap_or("table"),
        std::process::id()
    ));
    let written = (|| -> std::io::Result<()> {
        let mut file = File::create(&tmp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, target)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(PyOSError::new_err(format!("{path}: {e}")));
    }
    Ok(())
}

/// wordfreq's tokens of plain words joined by hyphens or apostrophes; None for any other word
/// (termcheck.lexicon.wordfreq_cache.simple_tokens).
#[pyfunction]
fn simple_tokens(word: &str) -> Option<Vec<String>> {
    freq::simple_tokens(word)
}

/// The word tokens of `text` as (start, end, word), start and end in characters: what Python's
/// `re` finds with \w+(?:['’]\w+)*, given `word_chars`, the non-ASCII characters of the text
/// that \w matches (termcheck.document.Document.words).
#[pyfunction]
#[pyo3(name = "words")]
fn word_tokens<'py>(text: &'py str, word_chars: &str) -> Vec<(usize, usize, &'py str)> {
    let mut extra: Vec<char> = word_chars.chars().collect();
    extra.sort_unstable();
    tokens::tokens(text, &extra)
        .into_iter()
        .map(|(s, e, a, b)| (s, e, &text[a..b]))
        .collect()
}

/// The distinct non-ASCII characters of `text`, for the caller to say which are word characters.
#[pyfunction]
fn non_ascii_chars(text: &str) -> String {
    tokens::non_ascii(text)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<FreqTable>()?;
    m.add_function(wrap_pyfunction!(write_freq_table, m)?)?;
    m.add_function(wrap_pyfunction!(simple_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(word_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(non_ascii_chars, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
