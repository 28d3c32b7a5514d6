//! Language files: the words of one language for every text id, in the
//! build's own format, so a language other than Russian can be loaded on
//! demand instead of being compiled into every module.
//!
//! ```text
//! offset  size  field
//! 0       4     magic "DHTX"
//! 4       1     format version (2)
//! 5       2     language code, ASCII ("en")
//! 7       1     zero
//! 8       4     FNV-1a of the id table the file was built for (u32 LE)
//! 12      4     row count N (u32 LE), one row per text id, in id order
//! 16      4     size T of the row table in bytes (u32 LE)
//! 20      4     FNV-1a of every byte after the header (u32 LE): a file
//!               damaged in transit is refused, not shown with wrong words
//! 24      T     the row table: per row, one unsigned LEB128 varint:
//!                 0        the row's words are compiled into every build
//!                          (the error quotes) and are not in the file;
//!                 2·len    the next `len` bytes of the words;
//!                 2·k + 1  the same words as the earlier row k
//! 24+T    …     the words of the rows that carry new words, UTF-8, in row
//!               order, each starting where the one before ends
//! ```
//!
//! Lengths instead of offsets, repeated rows by reference and no copy of
//! the compiled-in words keep the file small (README, Sizes).
//!
//! `build.rs` writes one file per language of `Lang::LOADED`
//! (`texts.<code>.bin` in OUT_DIR: `texts.en.bin`) next to the
//! generated table; a file built from other data is refused (its id hash
//! differs), so a stale or corrupted download can never put one id's words
//! under another.

use crate::Lang;

const MAGIC: &[u8; 4] = b"DHTX";
const VERSION: u8 = 2;
const HEADER: usize = 24;

/// Why a language file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangFileError {
    /// Not a language file of this project (wrong magic), or cut short.
    NotALanguageFile,
    /// A format version this build cannot read.
    UnsupportedVersion(u8),
    /// The language code in the file is not one this build knows, or is
    /// Russian (compiled in, never loaded).
    UnknownLanguage,
    /// Built for a different set of texts (another version of the package).
    OtherTexts,
    /// The offsets or the words are damaged.
    Corrupted,
    /// A well-formed file, but not the exact file this module was built
    /// with (its SHA-256 differs): edited, or from another build.
    NotTheBuiltFile,
}

impl LangFileError {
    /// A short English description, for error messages at the JS boundary.
    pub fn describe(self) -> &'static str {
        match self {
            LangFileError::NotALanguageFile => "not a language file of this package (or cut short)",
            LangFileError::UnsupportedVersion(_) => "a language file format this version cannot read",
            LangFileError::UnknownLanguage => "a language this version does not know",
            LangFileError::OtherTexts => "built for another version of the texts (reload both from the same package)",
            LangFileError::Corrupted => "the file is damaged",
            LangFileError::NotTheBuiltFile => {
                "not the file this module was built with (its SHA-256 differs: edited, or from another build)"
            }
        }
    }
}

impl std::fmt::Display for LangFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

impl std::error::Error for LangFileError {}

/// A language's words, validated: row `i` is `words[spans[i].0..spans[i].1]`;
/// an empty span marks a row whose words are compiled in (not in the file).
#[derive(Debug)]
pub(crate) struct LangTable {
    pub(crate) lang: Lang,
    spans: Box<[(u32, u32)]>,
    words: Box<str>,
}

impl LangTable {
    /// The words of row `i`; `None` for a row whose words are compiled in.
    pub(crate) fn row(&self, i: usize) -> Option<&str> {
        let &(start, end) = self.spans.get(i)?;
        self.words.get(start as usize..end as usize).filter(|w| !w.is_empty())
    }
}

/// FNV-1a, 32 bits: the id table's fingerprint and the body's checksum
/// (the same function as `build.rs`'s; the tests check that the two agree).
pub(crate) fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(b))
}

/// Reads one unsigned LEB128 varint of at most 32 bits from the front of
/// `bytes`, advancing it.
fn varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return (shift < 28 || b < 0x10).then_some(value);
        }
    }
    None
}

/// Reads and validates a language file for an id table with `rows` rows and
/// fingerprint `ids_hash`; `compiled_in(i)` tells the rows whose words are
/// compiled into every build (the file must leave exactly those out). Every
/// row must read as UTF-8 at char boundaries.
pub(crate) fn parse(
    bytes: &[u8],
    ids_hash: u32,
    rows: usize,
    compiled_in: impl Fn(usize) -> bool,
) -> Result<LangTable, LangFileError> {
    let (Some(header), Some(body)) = (bytes.get(..HEADER), bytes.get(HEADER..)) else {
        return Err(LangFileError::NotALanguageFile);
    };
    let [m0, m1, m2, m3, version, l0, l1, l2, ..] = *header else {
        return Err(LangFileError::NotALanguageFile);
    };
    if [m0, m1, m2, m3] != *MAGIC {
        return Err(LangFileError::NotALanguageFile);
    }
    if version != VERSION {
        return Err(LangFileError::UnsupportedVersion(version));
    }
    let lang = match std::str::from_utf8(&[l0, l1]).ok().and_then(Lang::parse) {
        Some(lang) if lang != Lang::default() && l2 == 0 => lang,
        _ => return Err(LangFileError::UnknownLanguage),
    };
    if u32_at(bytes, 8) != Some(ids_hash) || u32_at(bytes, 12).map(|n| n as usize) != Some(rows) {
        return Err(LangFileError::OtherTexts);
    }
    if u32_at(bytes, 20) != Some(fnv1a(body)) {
        return Err(LangFileError::Corrupted);
    }
    let table_len = u32_at(bytes, 16).ok_or(LangFileError::NotALanguageFile)? as usize;
    let words_at = HEADER.checked_add(table_len).ok_or(LangFileError::Corrupted)?;
    let mut table = bytes.get(HEADER..words_at).ok_or(LangFileError::Corrupted)?;
    let words = std::str::from_utf8(bytes.get(words_at..).ok_or(LangFileError::Corrupted)?)
        .map_err(|_| LangFileError::Corrupted)?;
    let mut spans: Vec<(u32, u32)> = Vec::with_capacity(rows);
    let mut next = 0u32;
    for i in 0..rows {
        let code = varint(&mut table).ok_or(LangFileError::Corrupted)?;
        let span = if code == 0 {
            (next, next)
        } else if code % 2 == 1 {
            // The same words as an earlier row (one with words of its own:
            // checked below, as an empty span is refused here).
            *spans.get((code / 2) as usize).ok_or(LangFileError::Corrupted)?
        } else {
            let end = next.checked_add(code / 2).ok_or(LangFileError::Corrupted)?;
            let (start, stop) = (next as usize, end as usize);
            if stop > words.len() || !words.is_char_boundary(start) || !words.is_char_boundary(stop) {
                return Err(LangFileError::Corrupted);
            }
            next = end;
            (start as u32, end)
        };
        // Exactly the compiled-in rows are empty.
        if (span.0 == span.1) != compiled_in(i) {
            return Err(LangFileError::Corrupted);
        }
        spans.push(span);
    }
    if !table.is_empty() || next as usize != words.len() {
        return Err(LangFileError::Corrupted);
    }
    Ok(LangTable { lang, spans: spans.into_boxed_slice(), words: words.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: u32 = 7;

    /// A file of `codes` (one varint each) and `words`.
    fn file(codes: &[u32], words: &str) -> Vec<u8> {
        let mut table = Vec::new();
        for &code in codes {
            let mut c = code;
            while c >= 0x80 {
                table.push((c as u8 & 0x7f) | 0x80);
                c >>= 7;
            }
            table.push(c as u8);
        }
        let mut b = b"DHTX\x02en\0".to_vec();
        b.extend_from_slice(&HASH.to_le_bytes());
        b.extend_from_slice(&(codes.len() as u32).to_le_bytes());
        b.extend_from_slice(&(table.len() as u32).to_le_bytes());
        let body = [table.as_slice(), words.as_bytes()].concat();
        b.extend_from_slice(&fnv1a(&body).to_le_bytes());
        b.extend_from_slice(&body);
        b
    }

    /// `b` with its checksum made right again after an edit.
    fn resealed(mut b: Vec<u8>) -> Vec<u8> {
        let sum = fnv1a(&b[HEADER..]);
        b[20..24].copy_from_slice(&sum.to_le_bytes());
        b
    }

    /// Rows 0 and 3 have words, row 1 is compiled in, row 2 repeats row 0.
    fn read(codes: &[u32], words: &str) -> Result<Vec<Option<String>>, LangFileError> {
        let t = parse(&file(codes, words), HASH, codes.len(), |i| i == 1)?;
        Ok((0..codes.len()).map(|i| t.row(i).map(str::to_owned)).collect())
    }

    #[test]
    fn rows_with_words_references_and_compiled_in_rows() {
        let rows = read(&[2 * 5, 0, 1, 2 * 4], "helloдо").unwrap();
        assert_eq!(rows, [Some("hello".into()), None, Some("hello".into()), Some("до".into())]);
    }

    #[test]
    fn a_damaged_table_is_refused() {
        let bad = |codes: &[u32], words: &str| read(codes, words).unwrap_err();
        // A compiled-in row with words; a row with words marked compiled in.
        assert_eq!(bad(&[10, 2, 1, 8], "helloxдо"), LangFileError::Corrupted);
        assert_eq!(bad(&[0, 0, 1, 8], "до"), LangFileError::Corrupted);
        // A reference to a later row, to itself, to the compiled-in row.
        assert_eq!(bad(&[10, 0, 7, 8], "helloдо"), LangFileError::Corrupted);
        assert_eq!(bad(&[10, 0, 5, 8], "helloдо"), LangFileError::Corrupted);
        assert_eq!(bad(&[10, 0, 3, 8], "helloдо"), LangFileError::Corrupted);
        // Words cut inside a letter; words left over; too few words.
        assert_eq!(bad(&[10, 0, 1, 6], "helloд\u{43e}"), LangFileError::Corrupted);
        assert_eq!(bad(&[10, 0, 1, 8], "helloдоx"), LangFileError::Corrupted);
        assert_eq!(bad(&[10, 0, 1, 8], "helloд"), LangFileError::Corrupted);
        // A length past the end of the words, and a varint over 32 bits.
        assert_eq!(bad(&[u32::MAX - 1, 0, 1, 8], "helloдо"), LangFileError::Corrupted);
        let mut b = file(&[10, 0, 1, 8], "helloдо");
        b.splice(HEADER..HEADER + 1, [0xff, 0xff, 0xff, 0xff, 0x7f]);
        b[16] += 4;
        assert_eq!(parse(&resealed(b), HASH, 4, |i| i == 1).unwrap_err(), LangFileError::Corrupted);
        // Bytes left in the table after the last row.
        let mut b = file(&[10, 0, 1, 8, 0], "helloдо");
        b[12] = 4;
        assert_eq!(parse(&b, HASH, 4, |i| i == 1).unwrap_err(), LangFileError::Corrupted);
    }

    #[test]
    fn words_changed_in_transit_are_refused_by_the_checksum() {
        let good = file(&[10, 0, 1, 8], "helloдо");
        assert!(parse(&good, HASH, 4, |i| i == 1).is_ok());
        // Still valid UTF-8 of the right length: only the checksum can tell.
        let mut b = good.clone();
        *b.last_mut().unwrap() ^= 1;
        let b_len = b.len();
        assert_eq!(parse(&b, HASH, 4, |i| i == 1).unwrap_err(), LangFileError::Corrupted);
        let mut b = good;
        b[b_len - 6] = b'j';
        assert_eq!(parse(&b, HASH, 4, |i| i == 1).unwrap_err(), LangFileError::Corrupted);
    }
}
