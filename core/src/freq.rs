//! Word frequencies with wordfreq's arithmetic, from a table of listed tokens.
//!
//! Table layout (little-endian): the magic, the number of tokens n and the length of the token
//! bytes; n frequencies (f64); n + 1 offsets (u32) into the token bytes; the tokens' UTF-8
//! bytes, sorted bytewise, so a token is found by binary search.

use std::cmp::Ordering;

const MAGIC: &[u8; 8] = b"TCWFREQ1";
const HEADER: usize = 24;
/// wordfreq.zipf_to_freq(0.0): zipf_frequency's default minimum.
const MINIMUM: f64 = 1e-9;

pub struct Layout {
    n: usize,
    offsets_at: usize,
    blob_at: usize,
    blob_len: usize,
}

fn u64_at(data: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(data.get(at..at + 8)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

impl Layout {
    /// The layout of a table's bytes, checked against their length (not their content: every
    /// read below is bounds-checked, so a damaged table gives wrong values, never a crash).
    pub fn read(data: &[u8]) -> Result<Layout, String> {
        if data.len() < HEADER || &data[..8] != MAGIC {
            return Err("not a termcheck frequency table".into());
        }
        let n = u64_at(data, 8).unwrap_or(0) as usize;
        let blob_len = u64_at(data, 16).unwrap_or(0) as usize;
        let offsets_at = n.checked_mul(8).and_then(|b| b.checked_add(HEADER));
        let blob_at = offsets_at.and_then(|o| n.checked_add(1)?.checked_mul(4)?.checked_add(o));
        match (offsets_at, blob_at) {
            (Some(offsets_at), Some(blob_at)) if blob_at.checked_add(blob_len) == Some(data.len()) => Ok(Layout {
                n,
                offsets_at,
                blob_at,
                blob_len,
            }),
            _ => Err("frequency table cut short or damaged".into()),
        }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    fn token<'a>(&self, data: &'a [u8], i: usize) -> &'a [u8] {
        let start = u32_at(data, self.offsets_at + 4 * i).unwrap_or(0) as usize;
        let end = u32_at(data, self.offsets_at + 4 * i + 4).unwrap_or(0) as usize;
        if start > end || end > self.blob_len {
            return &[];
        }
        data.get(self.blob_at + start..self.blob_at + end).unwrap_or(&[])
    }

    fn freq_at(&self, data: &[u8], i: usize) -> f64 {
        f64::from_bits(u64_at(data, HEADER + 8 * i).unwrap_or(0))
    }

    /// The listed frequency of `token`, 0.0 when it is not listed.
    pub fn freq(&self, data: &[u8], token: &str) -> f64 {
        let key = token.as_bytes();
        let (mut lo, mut hi) = (0usize, self.n);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.token(data, mid).cmp(key) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return self.freq_at(data, mid),
            }
        }
        0.0
    }

    pub fn tokens_at_least(&self, data: &[u8], least: f64) -> Vec<String> {
        (0..self.n)
            .filter(|&i| self.freq_at(data, i) >= least)
            .map(|i| String::from_utf8_lossy(self.token(data, i)).into_owned())
            .collect()
    }
}

/// A table's bytes for these (token, frequency) pairs.
pub fn encode(mut items: Vec<(String, f64)>) -> Result<Vec<u8>, String> {
    items.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    items.dedup_by(|a, b| a.0 == b.0);
    let blob_len: usize = items.iter().map(|(t, _)| t.len()).sum();
    if blob_len > u32::MAX as usize {
        return Err("too many tokens for a frequency table".into());
    }
    let n = items.len();
    let mut out = Vec::with_capacity(HEADER + 12 * n + 4 + blob_len);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(n as u64).to_le_bytes());
    out.extend_from_slice(&(blob_len as u64).to_le_bytes());
    for (_, f) in &items {
        out.extend_from_slice(&f.to_bits().to_le_bytes());
    }
    let mut at = 0u32;
    out.extend_from_slice(&at.to_le_bytes());
    for (t, _) in &items {
        at += t.len() as u32;
        out.extend_from_slice(&at.to_le_bytes());
    }
    for (t, _) in &items {
        out.extend_from_slice(t.as_bytes());
    }
    Ok(out)
}

/// Lower-case Latin letters (no ß: wordfreq folds it to ss), precomposed, as wordfreq stores
/// them: the class [a-zà-öø-ÿğışœ].
fn is_letter(c: char) -> bool {
    matches!(c, 'a'..='z' | 'à'..='ö' | 'ø'..='ÿ' | 'ğ' | 'ı' | 'ş' | 'œ')
}

/// What may follow an elided article (wordfreq's TOKEN_RE: "l'arc", "qu'il").
fn starts_elided_word(c: char) -> bool {
    "aehiouyáéíóúàèìòùâêîôûåïöœ".contains(c)
}

fn is_plain(word: &str) -> bool {
    !word.is_empty() && word.chars().all(is_letter)
}

/// Plain words joined by single hyphens or apostrophes (straight or curly):
/// [L]+(?:[-'’][L]+)+ for the whole word.
fn is_joined(word: &str) -> bool {
    let mut joins = 0;
    let mut after_letter = false;
    for c in word.chars() {
        if is_letter(c) {
            after_letter = true;
        } else if matches!(c, '-' | '\'' | '’') && after_letter {
            after_letter = false;
            joins += 1;
        } else {
            return false;
        }
    }
    after_letter && joins > 0
}

/// wordfreq's tokens of plain words joined by hyphens or apostrophes: Unicode word breaks fall
/// at each hyphen and never at an apostrophe between letters, so only wordfreq's elision rule
/// and its uncurling of quotes are left to do. None for other words (a plain word is its own
/// token).
pub fn simple_tokens(word: &str) -> Option<Vec<String>> {
    if !is_joined(word) {
        return None;
    }
    let mut tokens = Vec::new();
    for part in word.split('-') {
        let mut rest: &str = part;
        // [L]{1,2}'(?=[vowels]) at the start, two letters tried before one, as a greedy regex.
        'elide: loop {
            let chars: Vec<(usize, char)> = rest.char_indices().take(4).collect();
            for k in [2usize, 1] {
                if chars.len() > k + 1
                    && chars[..k].iter().all(|&(_, c)| is_letter(c))
                    && chars[k].1 == '\''
                    && starts_elided_word(chars[k + 1].1)
                {
                    tokens.push(rest[..chars[k].0].to_string());
                    rest = &rest[chars[k + 1].0..];
                    continue 'elide;
                }
            }
            break;
        }
        tokens.push(rest.replace('’', "'")); // wordfreq uncurls quotes after splitting
    }
    Some(tokens)
}

/// CPython's round(x, ndigits) for a finite float and ndigits >= 0: the correctly rounded
/// decimal (ties to even, as Rust's exact formatting gives it) read back as the nearest float.
fn py_round(x: f64, ndigits: i32) -> Option<f64> {
    if !x.is_finite() || !(0..=300).contains(&ndigits) {
        return None;
    }
    format!("{:.*}", ndigits as usize, x).parse().ok()
}

/// Python's math.log(x, 10): log(x) / log(10), not log10 (the last bit can differ).
fn py_log10(x: f64) -> f64 {
    x.ln() / std::hint::black_box(10.0f64).ln()
}

/// wordfreq's word_frequency for tokens listed at these frequencies (0: not listed), with its
/// arithmetic: 1/f = 1/f1 + 1/f2 + ..., rounded to 3 significant digits.
fn frequency(listed: &[f64]) -> Option<f64> {
    if listed.is_empty() || listed.contains(&0.0) {
        return Some(MINIMUM);
    }
    let mut one_over_result = 0.0;
    for f in listed {
        one_over_result += 1.0 / f;
    }
    let freq = 1.0 / one_over_result;
    let unrounded = if freq > MINIMUM { freq } else { MINIMUM };
    let leading_zeroes = (-py_log10(unrounded)).floor();
    py_round(unrounded, leading_zeroes as i32 + 3)
}

/// The Zipf value of a word whose tokens are listed at these frequencies.
pub fn zipf_of_listed(listed: &[f64]) -> Option<f64> {
    py_round(py_log10(frequency(listed)?) + 9.0, 2)
}

/// wordfreq's zipf_frequency of a word its tokenizer splits without help; None for others.
pub fn zipf(layout: &Layout, data: &[u8], word: &str) -> Option<f64> {
    if is_plain(word) {
        return zipf_of_listed(&[layout.freq(data, word)]);
    }
    let tokens = simple_tokens(word)?;
    let listed: Vec<f64> = tokens.iter().map(|t| layout.freq(data, t)).collect();
    zipf_of_listed(&listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert_eq!(simple_tokens("l'armée").unwrap(), vec!["l", "armée"]);
        assert_eq!(simple_tokens("qu’il").unwrap(), vec!["qu'il"]);
        assert_eq!(simple_tokens("al-assad").unwrap(), vec!["al", "assad"]);
        assert_eq!(simple_tokens("l'l'arc").unwrap(), vec!["l'l'arc"]);
        assert!(simple_tokens("al--assad").is_none());
        assert!(simple_tokens("x'").is_none());
        assert!(simple_tokens("").is_none());
        assert!(simple_tokens("idlib").is_none());
    }

    #[test]
    fn table_round_trip() {
        let bytes = encode(vec![("b".into(), 0.5), ("a".into(), 0.25), ("été".into(), 1e-6)]).unwrap();
        let layout = Layout::read(&bytes).unwrap();
        assert_eq!(layout.freq(&bytes, "a"), 0.25);
        assert_eq!(layout.freq(&bytes, "été"), 1e-6);
        assert_eq!(layout.freq(&bytes, "c"), 0.0);
        assert!(Layout::read(&bytes[..bytes.len() - 1]).is_err());
    }
}
