//! The user-facing texts, by id. Rule code returns ids; this is the only place
//! that turns an id into words. The table is generated at build time from the
//! `[text.*]` entries of `data/*.toml` (one string of all the words and a
//! table of offsets into it); the build fails if an entry lacks a Russian
//! text, an English text or a source.

use crate::Lang;

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// One text entry: its id, its words in each language and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEntry {
    pub id: &'static str,
    pub ru: &'static str,
    pub en: &'static str,
    /// Seed documents (by file name) or other sources the text rests on;
    /// `"project"` marks wording that is the project's own (labels, hints).
    pub sources: &'static [&'static str],
}

impl TextEntry {
    /// The words in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }
}

/// The id of row `row` of the table.
fn id_of(row: &(u32, u16, u16, u16, u8)) -> &'static str {
    let start = row.0 as usize;
    BLOB.get(start..start + usize::from(row.1)).unwrap_or("")
}

/// Row `row` of the table as an entry.
fn at(row: &(u32, u16, u16, u16, u8)) -> Option<TextEntry> {
    let &(start, id_len, ru_len, en_len, sources) = row;
    let id_end = start as usize + usize::from(id_len);
    let ru_end = id_end + usize::from(ru_len);
    let en_end = ru_end + usize::from(en_len);
    Some(TextEntry {
        id: BLOB.get(start as usize..id_end)?,
        ru: BLOB.get(id_end..ru_end)?,
        en: BLOB.get(ru_end..en_end)?,
        sources: SOURCES.get(usize::from(sources))?,
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
    let index = TEXTS.binary_search_by(|row| id_of(row).cmp(id)).ok()?;
    at(TEXTS.get(index)?)
}

/// The words for `id` in `lang`. An unknown id yields the id itself, so a
/// missing entry shows up as an odd word on screen instead of a crash; the
/// test suite checks that every id rule code returns has an entry.
pub fn text(id: &str, lang: Lang) -> &str {
    match entry(id) {
        Some(e) => e.get(lang),
        None => id,
    }
}

/// Every entry, sorted by id.
pub fn all() -> impl Iterator<Item = TextEntry> {
    TEXTS.iter().filter_map(at)
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
            assert!(
                e.ru.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
                    || e.ru.chars().all(|c| !c.is_alphabetic()),
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
        for pair in TEXTS.windows(2) {
            assert!(id_of(&pair[0]) < id_of(&pair[1]), "{} before {}", id_of(&pair[0]), id_of(&pair[1]));
        }
        assert_eq!(all().count(), TEXTS.len());
        assert_eq!(text("snils.problem.checksum", Lang::En), entry("snils.problem.checksum").unwrap().en);
    }

    #[test]
    fn unknown_id_falls_back_to_the_id() {
        assert_eq!(text("no.such.id", Lang::Ru), "no.such.id");
    }
}
