//! The word tokens of a text, as Python's `re` finds `\w+(?:['’]\w+)*` in it
//! (termcheck.document.Document.words).
//!
//! Which characters are `\w` is Python's to say (its Unicode database moves with its version):
//! ASCII ones are [A-Za-z0-9_], and the caller names the other characters of the text that are.

/// (start, end, byte start, byte end) of each token; start and end count characters, as
/// Python's offsets do.
pub fn tokens(text: &str, word_chars: &[char]) -> Vec<(usize, usize, usize, usize)> {
    let is_w = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '_'
        } else {
            word_chars.binary_search(&c).is_ok()
        }
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_w(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && is_w(chars[i].1) {
            i += 1;
        }
        // An apostrophe joins two runs of word characters (Idleb's, aujourd’hui).
        while i + 1 < n && matches!(chars[i].1, '\'' | '’') && is_w(chars[i + 1].1) {
            i += 1;
            while i < n && is_w(chars[i].1) {
                i += 1;
            }
        }
        out.push((start, i, byte_at(start), byte_at(i)));
    }
    out
}

/// The distinct non-ASCII characters of a text, in order of first appearance.
pub fn non_ascii(text: &str) -> String {
    let mut seen = std::collections::HashSet::new();
    text.chars().filter(|c| !c.is_ascii() && seen.insert(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, extra: &str) -> Vec<&'a str> {
        let mut extra: Vec<char> = extra.chars().collect();
        extra.sort_unstable();
        tokens(text, &extra)
            .into_iter()
            .map(|(_, _, a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn apostrophes_join_words() {
        assert_eq!(words("Idleb's  l'armée' x'", "é"), vec!["Idleb's", "l'armée", "x"]);
        assert_eq!(words("a’b''c _1", ""), vec!["a’b", "c", "_1"]);
        assert_eq!(tokens("é a", &['é']), vec![(0, 1, 0, 2), (2, 3, 3, 4)]);
    }
}
