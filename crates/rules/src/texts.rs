//! The user-facing texts, by id. Rule code returns ids; this is the only place
//! that turns an id into words. The table is generated at build time from the
//! `[text.*]` entries of `data/*.toml` (one string of ids, one of Russian
//! words, and a table of offsets into them); the build fails if an entry lacks
//! a Russian text, an English text or a source.
//!
//! Russian is compiled in. English is a language file ([`file`](mod@file)) that the
//! crate embeds with the feature `builtin-en` (on by default; the wasm
//! builds leave it off and [`load_language`] it on demand). Until a
//! language is available its lookups give the Russian words:
//! [`is_available`] tells, so a caller can refuse instead.
//!
//! A build compiles in only the text groups its features select
//! (`texts-ui`, `texts-eligibility`, …, `all-texts`; `GROUPS` in
//! `build/texts.rs`): an id outside them is unknown to that build, like any
//! unknown id ([`entry`] is `None`, [`text`] gives the id back).

use std::sync::OnceLock;

use crate::Lang;

pub mod file;
pub(crate) mod packed;

pub use file::LangFileError;

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// The English file embedded by the feature `builtin-en`, as the JS builds
/// ship it next to their module (`scripts/build.sh` writes it out with the
/// `lang_file` example).
#[cfg(feature = "builtin-en")]
pub static BUILTIN_EN_FILE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts.en.bin"));

/// The Russian words, decoded from `RU_PACKED` on first use: all of them
/// and where each row ends.
struct Russian {
    words: String,
    ends: Vec<u32>,
}

static RUSSIAN: OnceLock<Russian> = OnceLock::new();

fn russian() -> &'static Russian {
    RUSSIAN.get_or_init(|| {
        let mut words = String::with_capacity(RU_PACKED.len() * 2);
        let mut ends = Vec::with_capacity(RU_LENS.len());
        let mut start = 0usize;
        for &len in RU_LENS {
            let end = start + usize::from(len);
            packed::decode(RU_PACKED.get(start..end).unwrap_or_default(), &mut words);
            ends.push(u32::try_from(words.len()).unwrap_or(u32::MAX));
            start = end;
        }
        Russian { words, ends }
    })
}

/// Every id, in id order, and where each ends: decoded on first use from
/// the front-coded `ID_SUFFIXES`, `ID_SHARED` and `ID_LENS`.
struct Ids {
    all: String,
    ends: Vec<u16>,
}

static IDS: OnceLock<Ids> = OnceLock::new();

fn ids() -> &'static Ids {
    IDS.get_or_init(|| {
        let mut all = String::with_capacity(ID_SUFFIXES.len() * 3);
        let mut ends = Vec::with_capacity(ID_LENS.len());
        let (mut previous, mut next) = (0usize, 0usize);
        for (&shared, &len) in ID_SHARED.iter().zip(ID_LENS) {
            let start = all.len();
            let prefix = all.get(previous..previous + usize::from(shared)).unwrap_or_default().to_owned();
            all.push_str(&prefix);
            let end = next + usize::from(len.saturating_sub(shared));
            all.push_str(ID_SUFFIXES.get(next..end).unwrap_or_default());
            (previous, next) = (start, end);
            ends.push(u16::try_from(all.len()).unwrap_or(u16::MAX));
        }
        Ids { all, ends }
    })
}

fn id_ends() -> &'static [u16] {
    &ids().ends
}

/// Whether row `i`'s English is compiled into every build (`EN_ALWAYS`).
fn english_compiled_in(i: usize) -> Option<&'static str> {
    let k = EN_ALWAYS.binary_search_by_key(&i, |&row| usize::from(row)).ok()?;
    let start: usize = EN_ALWAYS_LENS.get(..k)?.iter().map(|&len| usize::from(len)).sum();
    EN_ALWAYS_WORDS.get(start..start + usize::from(*EN_ALWAYS_LENS.get(k)?))
}

/// Reads a language file built for this table. Only the English file
/// leaves out the rows compiled into every build (`EN_ALWAYS`).
fn parse_file(bytes: &[u8]) -> Result<file::LangTable, LangFileError> {
    let english = bytes.get(5..7) == Some(Lang::En.code().as_bytes());
    file::parse(bytes, IDS_HASH, ID_LENS.len(), |i| english && english_compiled_in(i).is_some())
}

/// The words of each loaded language ([`Lang::LOADED`]), once loaded (or,
/// for English with `builtin-en`, once first used).
static LOADED: [OnceLock<file::LangTable>; Lang::LOADED.len()] = [const { OnceLock::new() }; Lang::LOADED.len()];

/// Where `lang` is in [`Lang::LOADED`] (`None`: the default, compiled in).
fn loaded_slot(lang: Lang) -> Option<&'static OnceLock<file::LangTable>> {
    // `Lang::ALL` is the declaration order, the default first.
    LOADED.get((lang as usize).checked_sub(1)?)
}

fn table(lang: Lang) -> Option<&'static file::LangTable> {
    let slot = loaded_slot(lang)?;
    #[cfg(feature = "builtin-en")]
    if lang == Lang::En && slot.get().is_none() {
        // The embedded file was validated by the test suite; a failure here
        // would be a build bug, and leaves English unavailable, not wrong.
        let parsed = parse_file(BUILTIN_EN_FILE);
        debug_assert!(parsed.is_ok(), "the embedded English file is invalid: {parsed:?}");
        if let Ok(table) = parsed {
            let _ = slot.set(table);
        }
    }
    slot.get()
}

/// Whether `lang`'s words are available: Russian always, another language
/// once loaded (English also when built in).
pub fn is_available(lang: Lang) -> bool {
    lang == Lang::default() || table(lang).is_some()
}

/// Loads a language file (see [`file`](mod@file)) and returns its language. Loading a
/// language that is already available is a no-op that still validates the
/// file. A refused file changes nothing: Russian, and whatever was loaded
/// before, keep working.
pub fn load_language(bytes: &[u8]) -> Result<Lang, LangFileError> {
    let digest = crate::sha256::sha256(bytes);
    if !FILE_SHA256.contains(&digest) {
        // Not a file this module was built with: another version, a
        // damaged download or an edited file. Which one is told apart for
        // the message; nothing of it is loaded.
        return Err(match parse_file(bytes) {
            Ok(_) => LangFileError::NotTheBuiltFile,
            Err(e) => e,
        });
    }
    let table = parse_file(bytes)?;
    let lang = table.lang;
    let slot = loaded_slot(lang).ok_or(LangFileError::UnknownLanguage)?;
    if self::table(lang).is_none() {
        let _ = slot.set(table);
    }
    Ok(lang)
}

/// Row `i`'s words in `lang`, where `lang` is not the default: from its
/// file once loaded, else (English) the words compiled in, else `ru`.
fn words_in(i: usize, lang: Lang, ru: &'static str) -> &'static str {
    let compiled_in = || if lang == Lang::En { english_compiled_in(i) } else { None };
    table(lang).and_then(|t| t.row(i)).or_else(compiled_in).unwrap_or(ru)
}

/// One text entry: its id, its words in each language and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEntry {
    /// The text id, dot-separated, e.g. `ui.panel.title`.
    pub id: &'static str,
    /// The Russian words.
    pub ru: &'static str,
    /// The English words; while English is not available ([`is_available`]),
    /// the Russian ones, except for the error quotes, whose English is always
    /// compiled in (the matcher reads messages pasted in English).
    pub en: &'static str,
    /// Seed documents (by file name) or other sources the text rests on;
    /// `"project"` marks wording that is the project's own (labels, hints).
    pub sources: &'static [&'static str],
    /// The entry's row in the table (where its words are in a language file).
    row: usize,
}

impl TextEntry {
    /// The words in `lang` (Russian while `lang` is not available).
    pub fn get(&self, lang: Lang) -> &'static str {
        if lang == Lang::default() {
            self.ru
        } else if lang == Lang::En {
            self.en
        } else {
            words_in(self.row, lang, self.ru)
        }
    }
}

/// Where row `i`'s id starts: where row `i - 1`'s ends.
fn id_start(i: usize) -> usize {
    match i.checked_sub(1).and_then(|p| id_ends().get(p)) {
        Some(&end) => usize::from(end),
        None => 0,
    }
}

/// The id of row `i` of the table.
pub(crate) fn id_of(i: usize) -> &'static str {
    let Some(&end) = id_ends().get(i) else { return "" };
    ids().all.get(id_start(i)..usize::from(end)).unwrap_or("")
}

/// Row `i` of the table as an entry.
fn at(i: usize) -> Option<TextEntry> {
    let (&id_end, &sources) = (id_ends().get(i)?, SOURCE_OF.get(i)?);
    let id = id_start(i);
    let r = russian();
    let ru_start = match i.checked_sub(1) {
        Some(p) => *r.ends.get(p)? as usize,
        None => 0,
    };
    let ru = r.words.get(ru_start..*r.ends.get(i)? as usize)?;
    Some(TextEntry {
        id: ids().all.get(id..usize::from(id_end))?,
        ru,
        en: words_in(i, Lang::En, ru),
        sources: SOURCES.get(usize::from(sources))?,
        row: i,
    })
}

/// Looks up the entry for `id`.
///
/// ```
/// use diary_rules::texts::entry;
/// assert!(entry("snils.problem.checksum").is_some());
/// assert!(entry("no.such.id").is_none());
/// ```
pub fn entry(id: &str) -> Option<TextEntry> {
    let (mut lo, mut hi) = (0, ID_LENS.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match id_of(mid).cmp(id) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return at(mid),
        }
    }
    None
}

/// The words for `id` in `lang` (Russian while `lang` is not available). An
/// unknown id yields the id itself, so a missing entry shows up as an odd
/// word on screen instead of a crash; the test suite checks that every id
/// rule code returns has an entry.
pub fn text(id: &str, lang: Lang) -> &str {
    match entry(id) {
        Some(e) => e.get(lang),
        None => id,
    }
}

/// The entry of `<id>_<variant>` (a reader's or a context's wording of the
/// same text: `student` for «ты», `guardian`, `other`, `general`) where the
/// data has one: the one lookup of the naming convention.
///
/// ```
/// use diary_rules::texts::variant;
/// assert_eq!(variant("ui.panel.intro", "student").map(|e| e.id), Some("ui.panel.intro_student"));
/// assert!(variant("ui.panel.title", "student").is_none());
/// ```
pub fn variant(id: &str, variant: &str) -> Option<TextEntry> {
    entry(&format!("{id}_{variant}"))
}

/// `id`, or its «ты» variant when `student` and the data has one.
pub fn for_reader(id: &str, student: bool) -> Option<TextEntry> {
    match student.then(|| variant(id, "student")).flatten() {
        Some(e) => Some(e),
        None => entry(id),
    }
}

/// Every entry, sorted by id.
pub fn all() -> impl Iterator<Item = TextEntry> {
    (0..ID_LENS.len()).filter_map(at)
}

/// Fills `{name}` placeholders in `template` from `params`; unknown names
/// are left as they are. Linear in the template's length.
///
/// ```
/// use diary_rules::texts::fill;
/// let params = [("apply_button", "Подать заявление".to_string())];
/// assert_eq!(fill("Нажмите «{apply_button}».", &params), "Нажмите «Подать заявление».");
/// assert_eq!(fill("{x} и {", &params), "{x} и {");
/// ```
pub fn fill(template: &str, params: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let tail = after.get(1..).unwrap_or("");
        // The name runs over lower-case letters and `_` only, so each
        // character is scanned a bounded number of times.
        let name_len = tail.bytes().take_while(|b| b.is_ascii_lowercase() || *b == b'_').count();
        let name = tail.get(..name_len).unwrap_or("");
        let value = params.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
        match (tail.as_bytes().get(name_len), value) {
            (Some(b'}'), Some(value)) => {
                out.push_str(value);
                rest = tail.get(name_len + 1..).unwrap_or("");
            }
            _ => {
                out.push('{');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sources a text may cite: the seed documents, the domain brief, the
    /// project's own wording, or a named law or official page.
    fn is_known_source(source: &str) -> bool {
        const SEEDS: [&str; 5] = [
            "seeds/000_4695701ab99e8ce5.txt",
            "seeds/001_e09808ab7054e844.txt",
            "seeds/002_8672c0c2b5cc6735.txt",
            "seeds/003_4e5aec6d865f5664.txt",
            "seeds/004_2709ca10b38f628e.txt",
        ];
        SEEDS.contains(&source)
            || source == "DOMAIN.md"
            || source == "project"
            || source.starts_with("law:")
            || source.starts_with("https://")
    }

    #[test]
    fn every_text_has_russian_english_and_a_known_source() {
        let mut count = 0;
        for e in all() {
            count += 1;
            assert!(!e.ru.trim().is_empty(), "{}: empty ru", e.id);
            assert!(!e.en.trim().is_empty(), "{}: empty en", e.id);
            // `{name}` placeholders are not words: a template of only
            // placeholders and punctuation («{role} · {region}») passes.
            let mut words = String::new();
            let mut in_placeholder = false;
            for c in e.ru.chars() {
                match c {
                    '{' => in_placeholder = true,
                    '}' => in_placeholder = false,
                    c if !in_placeholder => words.push(c),
                    _ => {}
                }
            }
            assert!(
                words.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
                    || words.chars().all(|c| !c.is_alphabetic()),
                "{}: ru text has no Cyrillic letters: {}",
                e.id,
                e.ru
            );
            assert!(!e.sources.is_empty(), "{}: no source", e.id);
            for s in e.sources {
                assert!(is_known_source(s), "{}: unknown source {s}", e.id);
            }
        }
        assert!(count > 0);
    }

    #[test]
    fn table_is_sorted_and_unique_and_every_row_reads() {
        for i in 1..ID_LENS.len() {
            assert!(id_of(i - 1) < id_of(i), "{} before {}", id_of(i - 1), id_of(i));
        }
        assert_eq!(all().count(), ID_LENS.len());
        assert_eq!(text("snils.problem.checksum", Lang::En), entry("snils.problem.checksum").unwrap().en);
    }

    #[test]
    fn the_embedded_english_file_reads_and_matches_the_table() {
        assert_eq!(IDS_HASH, file::fnv1a(ids().all.as_bytes()));
        let table = parse_file(BUILTIN_EN_FILE).expect("valid");
        assert_eq!(table.lang, Lang::En);
        assert!(is_available(Lang::En));
        assert_eq!(load_language(BUILTIN_EN_FILE), Ok(Lang::En));
        let mut compiled_in = 0;
        for (i, e) in all().enumerate() {
            // The error quotes' English is compiled in, not in the file.
            match english_compiled_in(i) {
                Some(words) => {
                    compiled_in += 1;
                    assert_eq!((table.row(i), words), (None, e.en), "{}", e.id);
                }
                None => assert_eq!(table.row(i), Some(e.en), "{}", e.id),
            }
        }
        assert_eq!(compiled_in, EN_ALWAYS.len());
        assert_eq!(EN_ALWAYS_LENS.len(), EN_ALWAYS.len());
        assert_eq!(EN_ALWAYS_LENS.iter().map(|&l| usize::from(l)).sum::<usize>(), EN_ALWAYS_WORDS.len());
        assert!(all().any(|e| e.id.starts_with("explain.quote.")) && compiled_in > 0);
        let e = entry("snils.problem.checksum").unwrap();
        assert_eq!(text(e.id, Lang::En), e.en);
        assert_ne!(e.en, e.ru);
    }

    #[test]
    fn damaged_language_files_are_refused_with_the_reason() {
        let good = BUILTIN_EN_FILE;
        let parse = |b: &[u8]| parse_file(b).map(|t| t.lang);
        assert_eq!(parse(b""), Err(LangFileError::NotALanguageFile));
        assert_eq!(parse(&good[..10]), Err(LangFileError::NotALanguageFile));
        let mut b = good.to_vec();
        b[0] = b'X';
        assert_eq!(parse(&b), Err(LangFileError::NotALanguageFile));
        let mut b = good.to_vec();
        b[4] = 1;
        assert_eq!(parse(&b), Err(LangFileError::UnsupportedVersion(1)), "the format before lengths and references");
        for code in [*b"ru", *b"de"] {
            let mut b = good.to_vec();
            b[5..7].copy_from_slice(&code);
            assert_eq!(parse(&b), Err(LangFileError::UnknownLanguage));
        }
        let mut b = good.to_vec();
        b[8] ^= 1;
        assert_eq!(parse(&b), Err(LangFileError::OtherTexts));
        // Cut words, extra words, a broken table size, broken UTF-8.
        assert_eq!(parse(&good[..good.len() - 1]), Err(LangFileError::Corrupted));
        assert_eq!(parse(&[good, b"x"].concat()), Err(LangFileError::Corrupted));
        let mut b = good.to_vec();
        b[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(parse(&b), Err(LangFileError::Corrupted));
        let mut b = good.to_vec();
        let last = b.len() - 1;
        b[last] = 0xff;
        assert_eq!(parse(&b), Err(LangFileError::Corrupted));
        // A refused file changes nothing.
        assert_eq!(load_language(b"junk"), Err(LangFileError::NotALanguageFile));
        assert!(is_available(Lang::En));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// A language file damaged anywhere (bytes changed, cut, inserted)
        /// is refused or reads as a whole table; never a panic, never a row
        /// outside the words.
        #[test]
        fn damaged_language_files_never_panic(
            edits in proptest::collection::vec((0usize..80_000, 0u8..=255, 0u8..3), 1..6),
        ) {
            let mut b = BUILTIN_EN_FILE.to_vec();
            for (at, byte, kind) in edits {
                let at = at % (b.len() + 1);
                match kind {
                    0 if at < b.len() => b[at] = byte,
                    1 => b.truncate(at),
                    _ => b.insert(at, byte),
                }
            }
            if let Ok(table) = parse_file(&b) {
                for i in 0..ID_LENS.len() {
                    proptest::prop_assert!(table.row(i).is_some() != english_compiled_in(i).is_some(), "row {i}");
                }
            }
        }
    }

    #[test]
    fn unknown_id_falls_back_to_the_id() {
        assert_eq!(text("no.such.id", Lang::Ru), "no.such.id");
    }
}
