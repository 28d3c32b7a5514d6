//! The password data of `data/password.toml`, parsed once.
//!
//! build.rs writes every table of the file except `[text.*]` as
//! `$OUT_DIR/password.json`; this module gives it types.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
pub(crate) struct PasswordData {
    pub policy: PolicyData,
    pub keyboard: KeyboardData,
    pub translit: TranslitData,
    pub dictionary: DictionaryData,
    pub strength: StrengthData,
    pub generator: GeneratorData,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PolicyData {
    pub min_length: usize,
    pub require_uppercase: bool,
    pub require_lowercase: bool,
    pub require_digit: bool,
    pub require_symbol: bool,
    pub symbols: String,
    pub symbols_seed_literal: String,
    pub symbols_decision: String,
    pub source: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct KeyboardData {
    pub qwerty: Vec<String>,
    pub qwerty_shift: Vec<String>,
    pub jcuken: Vec<String>,
    pub jcuken_shift: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TranslitData {
    pub letters: String,
    pub popular: Vec<String>,
    pub j_style: Vec<String>,
    pub passport: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DictionaryData {
    pub passwords: String,
    pub words: String,
    pub russian: String,
    pub names: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct StrengthData {
    pub score_thresholds: [f64; 4],
    pub warn_below_score: u8,
}

#[derive(Debug, Deserialize)]
pub(crate) struct GeneratorData {
    pub default_length: usize,
    pub min_length: usize,
    pub max_length: usize,
    pub look_alikes: String,
    pub consonants: String,
    pub vowels: String,
    pub digits: String,
    pub friendly_symbols: String,
    pub blocked_words: String,
}

/// The parsed data. The JSON is generated at build time from a TOML file
/// that the build itself parses, and a test parses it too, so a failure here
/// is a build defect, not an input problem.
pub(crate) fn data() -> &'static PasswordData {
    static DATA: OnceLock<PasswordData> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/password.json")))
            .expect("data/password.toml matches password/data.rs")
    })
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
        assert_eq!(d.keyboard.qwerty.len(), 4);
    }
}
