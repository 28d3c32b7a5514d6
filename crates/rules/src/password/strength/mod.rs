//! A compact password-strength estimator in the spirit of zxcvbn.
//!
//! One pipeline: **matching** (dictionary words with leet and reversal, the
//! person's own names and dates, keyboard walks on QWERTY/ЙЦУКЕН, sequences,
//! repeats, dates and years) → **scoring** (the cheapest way to guess the
//! whole password: a shortest-path over positions, each character either
//! part of a match or guessed by brute force) → **feedback** (warning ids
//! from the matches on that path).
//!
//! Linear time: dictionary and personal words are found by Aho–Corasick
//! automata over a leet-folded alphabet (one amortized step per character,
//! plus at most [`MAX_WORD`] words ending at a position); dates look at most
//! 10 characters ahead; repeats try periods up to [`MAX_PERIOD`]; walks and
//! sequences are single passes. So the number of matches is O(n), and the
//! shortest path, computed in the same forward pass, is O(n + matches).
//!
//! The data is small on purpose (see `[dictionary]` in
//! `data/password.toml`): a few hundred words, multiplied by
//! transliteration and layout variants at load time.
//!
//! # Modules
//! - `automaton`: the Aho–Corasick automata of the dictionary and of the
//!   person's own data (names in their Latin spellings, dates);
//! - `matchers`: keyboard walks, sequences, repeats and dates;
//! - `guesses`: log10 counts of guesses (binomial sums, case, brute force);
//! - `path`: the cheapest way to guess the whole text, in one forward pass;
//! - this module: the estimate, its score and its warnings.

mod automaton;
mod guesses;
mod matchers;
mod path;

use super::data::data;
use super::layout::{key_char, lower_char};
use super::Warning;
use automaton::personal_trie_cached;
use matchers::Text;
use path::estimate_text;

/// The longest word matched (dictionary and personal tokens).
pub const MAX_WORD: usize = 32;
/// The longest block found by the repeat matcher (`abcabc` has period 3).
pub const MAX_PERIOD: usize = 8;
/// At most this many personal strings are used, each cut to
/// [`MAX_PERSONAL_CHARS`] characters.
pub const MAX_PERSONAL_STRINGS: usize = 16;
/// Each personal string is cut to this many characters.
pub const MAX_PERSONAL_CHARS: usize = 100;

/// The number of years an attacker tries for a year or a date: the birth
/// years of children and their parents span about 50 years (zxcvbn uses at
/// least 20 around the current year; we have no clock). Years from 1900 to
/// 2039 are recognised.
const YEAR_SPACE: f64 = 50.0;
/// Starting keys and average number of neighbours of a key, for walks
/// (zxcvbn's figures for QWERTY with shift).
const KEYBOARD_STARTS: f64 = 94.0;
const KEYBOARD_DEGREE: f64 = 4.6;
/// Added per pattern on the guessing path: an attacker also guesses how
/// the password is put together.
const SEGMENT_PENALTY: f64 = std::f64::consts::LOG10_2;

/// The estimate for a password.
#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    /// 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// log10 of the estimated number of guesses, rounded to 0.01.
    pub guesses_log10: f64,
    /// Why it is weak: pattern warnings, in [`Warning::ALL`] order.
    pub warnings: Vec<Warning>,
}

/// What kind of pattern a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dictionary,
    Personal,
    Walk,
    Sequence,
    Repeat,
    Date,
}

impl Kind {
    const ALL: [Kind; 6] = [Kind::Dictionary, Kind::Personal, Kind::Walk, Kind::Sequence, Kind::Repeat, Kind::Date];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    fn warning(self) -> Warning {
        match self {
            Kind::Dictionary => Warning::CommonPassword,
            Kind::Personal => Warning::PersonalInfo,
            Kind::Walk => Warning::KeyboardPattern,
            Kind::Sequence => Warning::Sequence,
            Kind::Repeat => Warning::Repeats,
            Kind::Date => Warning::Date,
        }
    }
}

/// A pattern found in `[start, end)` (character positions), costing
/// `cost` = log10(guesses).
#[derive(Debug, Clone, Copy)]
struct Match {
    start: u32,
    end: u32,
    cost: f32,
    kind: Kind,
}

impl Match {
    fn new(start: usize, end: usize, cost: f64, kind: Kind) -> Match {
        let clamp = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Match { start: clamp(start), end: clamp(end), cost: cost as f32, kind }
    }
}

/// The score for a log10 of guesses.
pub fn score_for(guesses_log10: f64) -> u8 {
    let t = &data().strength.score_thresholds;
    t.iter().take_while(|&&limit| guesses_log10 >= limit).count() as u8
}

/// Estimates how hard `password` is to guess. `personal` holds the person's
/// own data (names, in Latin or Cyrillic; birth dates as `YYYY-MM-DD` or
/// `DD.MM.YYYY`); those count as almost free guesses.
///
/// ```
/// use diary_rules::password::{strength::estimate, Warning};
/// let weak = estimate("qwerty123", &[]);
/// assert_eq!(weak.score, 0);
/// let named = estimate("Masha2012!", &["Маша", "2012-05-10"]);
/// assert!(named.warnings.contains(&Warning::PersonalInfo));
/// assert_eq!(estimate("kV7#pQ2!xZ9m", &[]).score, 4);
/// ```
pub fn estimate(password: &str, personal: &[&str]) -> Strength {
    let orig: Vec<char> = password.chars().collect();
    let lower: Vec<char> = orig.iter().map(|&c| lower_char(c)).collect();
    let keys: Vec<char> = lower.iter().map(|&c| key_char(c)).collect();
    let text = Text { orig: &orig, lower: &lower, keys: &keys };
    let personal_words = personal_trie_cached(personal);
    let (cost, path) = estimate_text(&text, personal_words.as_deref());
    let guesses_log10 = (cost * 100.0).round() / 100.0;
    let score = score_for(guesses_log10);
    let warn_patterns = score < data().strength.warn_below_score;
    // A pattern is reported while the score is low, or when patterns of
    // its kind make up half the password or more; personal data always.
    let n = orig.len();
    let mut found: Vec<Warning> = Vec::new();
    for kind in Kind::ALL {
        let covered: usize = path.iter().filter(|(bits, _)| bits & kind.bit() != 0).map(|&(_, len)| len).sum();
        let w = kind.warning();
        if covered > 0 && (warn_patterns || w == Warning::PersonalInfo || 2 * covered >= n) {
            found.push(w);
        }
    }
    let warnings = Warning::ALL.into_iter().filter(|w| found.contains(w)).collect();
    Strength { score, guesses_log10, warnings }
}

#[cfg(test)]
mod tests {
    use super::automaton::{date_tokens, dictionary, fold, personal_trie};
    use super::guesses::{case_variations, log10_sum_binom, log10_walks};
    use super::*;

    #[test]
    fn personal_cache_follows_the_personal_data() {
        let personal = |p: &[&str]| estimate("Vasya2011!", p).warnings.contains(&Warning::PersonalInfo);
        // Alternate so that every call after the first meets a cached
        // automaton of other data.
        for _ in 0..2 {
            assert!(personal(&["Вася", "2011-03-04"]));
            assert!(!personal(&[]));
            assert!(!personal(&["Петя"]));
            assert!(personal(&["Петя", "Вася"]));
            assert!(personal(&["04.03.2011"]));
        }
        let uncached = personal_trie(&["Вася"]).map(|t| t.len());
        assert_eq!(personal_trie_cached(&["Вася"]).map(|t| t.len()), uncached);
    }

    #[test]
    fn dictionary_is_built_from_all_lists() {
        let t = dictionary();
        assert!(t.len() > 1000, "{}", t.len());
        for w in ["password", "qwerty", "gfhjkm", "parol", "masha", "julja", "natalia", "jcuken", "ytrewq"] {
            assert!(t.word_cost(w.chars().map(fold)).is_some(), "{w}");
        }
    }

    #[test]
    fn date_tokens_cover_common_spellings() {
        let t = date_tokens("2012-05-10");
        for x in ["2012", "100512", "10052012", "20120510", "1005", "10.05.2012", "1052012", "0510"] {
            assert!(t.contains(&x.to_string()), "{x}: {t:?}");
        }
        assert_eq!(date_tokens("10.05.2012"), t);
        assert!(date_tokens("2012-13-10").is_empty());
        assert!(date_tokens("Маша").is_empty());
    }

    #[test]
    fn binomial_helpers() {
        assert!((log10_sum_binom(4, 2) - 10f64.log10()).abs() < 1e-9);
        assert_eq!(log10_sum_binom(4, 0), f64::NEG_INFINITY);
        // Σ_{i=1..2000} C(4000, i) ≈ 2^3999: far beyond f64, still finite.
        let big = log10_sum_binom(4000, 2000);
        assert!((big - 3999.0 * 2f64.log10()).abs() < 0.01, "{big}");
        // 3 keys, 1 or 2 turns: C(2,0)·4.6 + C(2,1)·4.6² = 4.6 + 42.32.
        assert!((log10_walks(3, 2, 4.6) - (4.6f64 + 2.0 * 4.6 * 4.6).log10()).abs() < 1e-9);
        assert!((log10_walks(3, 1, 4.6) - 4.6f64.log10()).abs() < 1e-9);
        assert_eq!(case_variations(&['a', 'b']), 0.0);
    }

    #[test]
    fn scores() {
        assert_eq!(score_for(0.0), 0);
        assert_eq!(score_for(2.99), 0);
        assert_eq!(score_for(3.0), 1);
        assert_eq!(score_for(9.99), 3);
        assert_eq!(score_for(25.0), 4);
    }
}
