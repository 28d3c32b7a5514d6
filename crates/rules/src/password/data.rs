//! The password data of `data/password.toml`, as static tables.
//!
//! build.rs turns every table of the file except `[text.*]` into the
//! `DATA` value below (checking keys, types and sources); this module gives
//! it types.

#[derive(Debug)]
pub(crate) struct PasswordData {
    pub policy: PolicyData,
    pub keyboard: KeyboardData,
    pub translit: TranslitData,
    pub dictionary: DictionaryData,
    pub strength: StrengthData,
    pub generator: GeneratorData,
}

#[derive(Debug)]
pub(crate) struct PolicyData {
    pub min_length: usize,
    pub require_uppercase: bool,
    pub require_lowercase: bool,
    pub require_digit: bool,
    pub require_symbol: bool,
    pub symbols: &'static str,
    pub symbols_seed_literal: &'static str,
    pub source: &'static str,
}

#[derive(Debug)]
pub(crate) struct KeyboardData {
    pub qwerty: &'static [&'static str],
    pub qwerty_shift: &'static [&'static str],
    pub jcuken: &'static [&'static str],
    pub jcuken_shift: &'static [&'static str],
}

#[derive(Debug)]
pub(crate) struct TranslitData {
    pub letters: &'static str,
    /// The three schemes, per letter: which of its `names` spellings.
    pub popular: &'static [u8],
    pub j_style: &'static [u8],
    pub passport: &'static [u8],
    /// Per letter, `;`-separated: the spellings a name takes,
    /// `|`-separated, commonest first; `^` marks a spelling used only at a
    /// word's start or after a vowel. (One string: no pointer per entry.)
    pub names: &'static str,
    /// `;`-separated `letters=spelling|…` (`$` after the letters: only at a
    /// word's end).
    pub clusters: &'static str,
}

#[derive(Debug)]
pub(crate) struct DictionaryData {
    pub passwords: &'static str,
    pub words: &'static str,
    pub russian: &'static str,
    pub names: &'static str,
}

#[derive(Debug)]
pub(crate) struct StrengthData {
    pub score_thresholds: [f64; 4],
    pub warn_below_score: u8,
}

#[derive(Debug)]
pub(crate) struct GeneratorData {
    pub default_length: usize,
    pub min_length: usize,
    pub max_length: usize,
    pub look_alikes: &'static str,
    pub consonants: &'static str,
    pub vowels: &'static str,
    pub digits: &'static str,
    pub friendly_symbols: &'static str,
    pub blocked_words: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/password.rs"));

/// The data, generated at build time from `data/password.toml`.
pub(crate) fn data() -> &'static PasswordData {
    &DATA
}

/// How the seed's garbled symbol list was read, and why.
pub(crate) fn symbols_decision() -> &'static str {
    SYMBOLS_DECISION
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_parses() {
        let d = super::data();
        assert_eq!(d.policy.min_length, 8);
        assert_eq!(d.translit.popular.len(), d.translit.letters.chars().count());
        assert_eq!(d.translit.j_style.len(), d.translit.letters.chars().count());
        assert_eq!(d.translit.passport.len(), d.translit.letters.chars().count());
        assert_eq!(d.translit.names.split(';').count(), d.translit.letters.chars().count());
        assert_eq!(d.keyboard.qwerty.len(), 4);
    }
}
