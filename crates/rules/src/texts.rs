//! The user-facing texts, by id. Rule code returns ids; this is the only place
//! that turns an id into words. The table is generated at build time from the
//! `[text.*]` entries of `data/*.toml` (one string per language and one of the ids,
//! and a table of offsets into them); the build fails if an entry lacks a Russian
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

/// Where row `i`'s id, Russian and English texts start: where row `i - 1` ends.
fn starts(i: usize) -> (usize, usize, usize) {
    match i.checked_sub(1).and_then(|p| TEXTS.get(p)) {
        Some(&(ru, en, id, _)) => (ru as usize, en as usize, usize::from(id)),
        None => (0, 0, 0),
    }
}

/// The id of row `i` of the table.
fn id_of(i: usize) -> &'static str {
    let Some(&(_, _, end, _)) = TEXTS.get(i) else { return "" };
    IDS.get(starts(i).2..usize::from(end)).unwrap_or("")
}

/// Row `i` of the table as an entry.
fn at(i: usize) -> Option<TextEntry> {
    let &(ru_end, en_end, id_end, sources) = TEXTS.get(i)?;
    let (ru, en, id) = starts(i);
    Some(TextEntry {
        id: IDS.get(id..usize::from(id_end))?,
        ru: RU.get(ru..ru_end as usize)?,
        en: EN.get(en..en_end as usize)?,
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
    let (mut lo, mut hi) = (0, TEXTS.len());
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
    (0..TEXTS.len()).filter_map(at)
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
        for i in 1..TEXTS.len() {
            assert!(id_of(i - 1) < id_of(i), "{} before {}", id_of(i - 1), id_of(i));
        }
        assert_eq!(all().count(), TEXTS.len());
        assert_eq!(text("snils.problem.checksum", Lang::En), entry("snils.problem.checksum").unwrap().en);
    }

    #[test]
    fn unknown_id_falls_back_to_the_id() {
        assert_eq!(text("no.such.id", Lang::Ru), "no.such.id");
    }
}
