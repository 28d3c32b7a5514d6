//! Language files: the words of one language for every text id, in the
//! build's own format, so a language other than Russian can be loaded on
//! demand instead of being compiled into every module.
//!
//! ```text
//! offset  size  field
//! 0       4     magic "DHTX"
//! 4       1     format version (1)
//! 5       2     language code, ASCII ("en")
//! 7       1     zero
//! 8       4     FNV-1a of the id table the file was built for (u32 LE)
//! 12      4     row count N (u32 LE), one row per text id, in id order
//! 16      4·N   where each row's words end in the text (u32 LE); each row
//!               starts where the one before ends
//! 16+4·N  …     the words, UTF-8
//! ```
//!
//! `build.rs` writes the file (`texts.en.bin` in OUT_DIR) next to the
//! generated table; a file built from other data is refused (its id hash
//! differs), so a stale or corrupted download can never put one id's words
//! under another.

use crate::Lang;

const MAGIC: &[u8; 4] = b"DHTX";
const VERSION: u8 = 1;
const HEADER: usize = 16;

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
        }
    }
}

impl std::fmt::Display for LangFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

impl std::error::Error for LangFileError {}

/// A language's words, validated: `words[ends[i-1]..ends[i]]` is row `i`.
#[derive(Debug)]
pub(crate) struct LangTable {
    pub(crate) lang: Lang,
    ends: Box<[u32]>,
    words: Box<str>,
}

impl LangTable {
    /// The words of row `i`.
    pub(crate) fn row(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)? as usize,
            None => 0,
        };
        self.words.get(start..end)
    }
}

/// FNV-1a, 32 bits: the id table's fingerprint (the same function as
/// `build.rs`'s; the tests check that the two agree).
#[cfg(test)]
pub(crate) fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Reads and validates a language file for an id table with `rows` rows and
/// fingerprint `ids_hash`. Every row must read as UTF-8 at char boundaries.
pub(crate) fn parse(bytes: &[u8], ids_hash: u32, rows: usize) -> Result<LangTable, LangFileError> {
    if bytes.len() < HEADER || &bytes[..4] != MAGIC {
        return Err(LangFileError::NotALanguageFile);
    }
    if bytes[4] != VERSION {
        return Err(LangFileError::UnsupportedVersion(bytes[4]));
    }
    let lang = match std::str::from_utf8(&bytes[5..7]).ok().and_then(Lang::parse) {
        Some(lang) if lang != Lang::Ru && bytes[7] == 0 => lang,
        _ => return Err(LangFileError::UnknownLanguage),
    };
    if u32_at(bytes, 8) != Some(ids_hash) || u32_at(bytes, 12).map(|n| n as usize) != Some(rows) {
        return Err(LangFileError::OtherTexts);
    }
    let words_at = rows.checked_mul(4).and_then(|n| n.checked_add(HEADER)).ok_or(LangFileError::Corrupted)?;
    let words = std::str::from_utf8(bytes.get(words_at..).ok_or(LangFileError::NotALanguageFile)?)
        .map_err(|_| LangFileError::Corrupted)?;
    let mut ends = Vec::with_capacity(rows);
    let mut previous = 0usize;
    for i in 0..rows {
        let end = u32_at(bytes, HEADER + 4 * i).ok_or(LangFileError::Corrupted)? as usize;
        if end < previous || !words.is_char_boundary(end) || end > words.len() {
            return Err(LangFileError::Corrupted);
        }
        ends.push(end as u32);
        previous = end;
    }
    if previous != words.len() {
        return Err(LangFileError::Corrupted);
    }
    Ok(LangTable { lang, ends: ends.into_boxed_slice(), words: words.into() })
}
