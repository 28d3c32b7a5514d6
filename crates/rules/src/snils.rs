//! СНИЛС (the individual insurance account number): format and check number.
//!
//! A СНИЛС is eleven digits, written `XXX-XXX-XXX YY`. The last two digits
//! are a check number over the first nine: weights 9..1 from the left; a sum
//! under 100 is the check number itself; 100 and 101 give `00`; a larger sum
//! is taken mod 101 (and a remainder of 100 gives `00`). Numbers up to
//! 001-001-998 were issued before the check number existed and are not
//! checked. Source: DOMAIN.md ("Useful facts from outside the seeds").

use crate::id::closed_set;

closed_set!(
    /// What is wrong with a СНИЛС as typed.
    SnilsProblem {
        /// Not eleven digits.
        Length => "length",
        /// Something other than digits and separators.
        Characters => "characters",
        /// Eleven digits whose check number does not match.
        Checksum => "checksum",
    }
);

impl SnilsProblem {
    /// The id of the user-facing text that explains this problem.
    pub fn text_id(self) -> &'static str {
        match self {
            SnilsProblem::Length => "snils.problem.length",
            SnilsProblem::Characters => "snils.problem.characters",
            SnilsProblem::Checksum => "snils.problem.checksum",
        }
    }
}

/// The verdict on a typed СНИЛС.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnilsCheck {
    /// Well formed; `normalized` is `XXX-XXX-XXX YY`.
    Valid {
        /// The number as `XXX-XXX-XXX YY`.
        normalized: String,
    },
    /// Not valid. `normalized` is set when there were eleven digits (so the
    /// user can compare what was read with the paper).
    Invalid {
        /// What is wrong.
        problem: SnilsProblem,
        /// The eleven digits as `XXX-XXX-XXX YY`; `None` when eleven digits
        /// could not be read.
        normalized: Option<String>,
    },
}

impl SnilsCheck {
    /// Whether the СНИЛС is eleven digits and, where the number carries one,
    /// its check number matches.
    pub fn is_valid(&self) -> bool {
        matches!(self, SnilsCheck::Valid { .. })
    }

    /// What is wrong; `None` when valid.
    pub fn problem(&self) -> Option<SnilsProblem> {
        match self {
            SnilsCheck::Valid { .. } => None,
            SnilsCheck::Invalid { problem, .. } => Some(*problem),
        }
    }

    /// The number as `XXX-XXX-XXX YY`, when eleven digits were read.
    pub fn normalized(&self) -> Option<&str> {
        match self {
            SnilsCheck::Valid { normalized } => Some(normalized),
            SnilsCheck::Invalid { normalized, .. } => normalized.as_deref(),
        }
    }
}

/// Characters people put between the digit groups: spaces of every kind,
/// hyphens and dashes, dots, slashes and underscores from input masks, and
/// the invisible characters a copy brings along (a byte order mark, zero-width
/// spaces and joiners, direction marks, a soft hyphen).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '－' | '.' | '/' | '_' | '\u{ad}' | '\u{200b}'
                ..='\u{200f}' | '\u{2060}' | '\u{feff}'
        )
}

/// The value of a decimal digit: ASCII, full-width (`１`, from a Japanese or
/// Chinese input method or a PDF) or Arabic-Indic (`١`, `۱`, from a phone
/// keyboard in another language).
pub fn decimal_digit(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => '0',
        '０'..='９' => '０',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6f0}'..='\u{6f9}' => '\u{6f0}',
        _ => return None,
    };
    u8::try_from(u32::from(c) - u32::from(base)).ok()
}

/// Quotes and brackets a number is pasted in («112-233-445 95»), and the
/// comma or semicolon of the sentence it was copied from.
fn is_wrapper(c: char) -> bool {
    matches!(c, '«' | '»' | '"' | '“' | '”' | '„' | '\'' | '‘' | '’' | '(' | ')' | '[' | ']' | ',' | ';')
}

/// `text` without a label pasted in front of the number: «СНИЛС:»,
/// «СНИЛС №», «SNILS», a lone «№» (any case, any separators). Anything
/// else before the first digit is kept, to be reported.
fn strip_label(text: &str) -> &str {
    let Some(first_digit) = text.char_indices().find(|&(_, c)| decimal_digit(c).is_some()).map(|(i, _)| i) else {
        return text;
    };
    let (prefix, rest) = text.split_at(first_digit);
    let word: String = prefix
        .chars()
        .filter(|&c| !(is_separator(c) || is_wrapper(c) || matches!(c, ':' | '№' | '#')))
        .map(crate::case::lower)
        .collect();
    if matches!(word.as_str(), "" | "снилс" | "snils" | "n" | "no" | "снилсn" | "снилсno") {
        rest
    } else {
        text
    }
}

/// The eleven digits of a typed СНИЛС, or the problem that prevents reading
/// them. A label in front («СНИЛС: …») and quotes, brackets or a comma
/// around the number are dropped.
pub fn parse_digits(text: &str) -> Result<[u8; 11], SnilsProblem> {
    let mut digits = [0u8; 11];
    let mut count = 0usize;
    for c in strip_label(text).trim_end_matches(|c| is_separator(c) || is_wrapper(c)).chars() {
        if let Some(d) = decimal_digit(c) {
            if let Some(slot) = digits.get_mut(count) {
                *slot = d;
            }
            count += 1;
        } else if !is_separator(c) {
            return Err(SnilsProblem::Characters);
        }
    }
    if count != 11 {
        return Err(SnilsProblem::Length);
    }
    Ok(digits)
}

/// The check number of the first nine digits, `0..=99`.
///
/// ```
/// use diary_rules::snils::check_number;
/// assert_eq!(check_number(&[1, 1, 2, 2, 3, 3, 4, 4, 5]), 95);
/// ```
pub fn check_number(first_nine: &[u8; 9]) -> u8 {
    let sum: u32 = first_nine.iter().zip((1..=9).rev()).map(|(&d, w)| u32::from(d) * w).sum();
    let n = match sum {
        0..=99 => sum,
        100 | 101 => 0,
        _ => sum % 101 % 100,
    };
    n as u8
}

/// Whether the number (first nine digits) is new enough to carry a check
/// number: above 001-001-998.
pub fn has_check_number(first_nine: &[u8; 9]) -> bool {
    let number = first_nine.iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d));
    number > 1_001_998
}

/// Formats eleven digits as `XXX-XXX-XXX YY`.
pub fn format_digits(d: &[u8; 11]) -> String {
    let s: String = d.iter().map(|&x| char::from(b'0' + x)).collect();
    format!("{}-{}-{} {}", &s[0..3], &s[3..6], &s[6..9], &s[9..11])
}

/// Whether eleven digits form a valid СНИЛС.
pub fn digits_are_valid(d: &[u8; 11]) -> bool {
    let [d0, d1, d2, d3, d4, d5, d6, d7, d8, c0, c1] = *d;
    let first_nine = [d0, d1, d2, d3, d4, d5, d6, d7, d8];
    !has_check_number(&first_nine) || check_number(&first_nine) == c0 * 10 + c1
}

/// Checks a СНИЛС as a person typed it: with or without separators.
///
/// ```
/// use diary_rules::snils::{check_snils, SnilsProblem};
/// assert_eq!(check_snils("11223344595").normalized(), Some("112-233-445 95"));
/// assert_eq!(check_snils("112-233").problem(), Some(SnilsProblem::Length));
/// assert_eq!(check_snils("112-233-445 9O").problem(), Some(SnilsProblem::Characters));
/// ```
pub fn check_snils(text: &str) -> SnilsCheck {
    let digits = match parse_digits(text) {
        Ok(d) => d,
        Err(problem) => return SnilsCheck::Invalid { problem, normalized: None },
    };
    let normalized = format_digits(&digits);
    if digits_are_valid(&digits) {
        SnilsCheck::Valid { normalized }
    } else {
        SnilsCheck::Invalid { problem: SnilsProblem::Checksum, normalized: Some(normalized) }
    }
}

/// The most suggestions [`suggest_snils`] returns.
pub const MAX_SUGGESTIONS: usize = 10;

/// Likely intended numbers for a СНИЛС whose check number fails: every valid
/// number that differs from the typed one by a single digit or by a swap of
/// two adjacent different digits, normalized (`XXX-XXX-XXX YY`), sorted,
/// without duplicates, at most [`MAX_SUGGESTIONS`]. Empty when the number is
/// valid or cannot be read as eleven digits.
///
/// ```
/// use diary_rules::snils::suggest_snils;
/// // The check number typed as 59 instead of 95: swapping gives it back.
/// assert!(suggest_snils("112-233-445 59").contains(&"112-233-445 95".to_owned()));
/// assert!(suggest_snils("112-233-445 95").is_empty());
/// ```
#[allow(clippy::indexing_slicing, reason = "i < 11 and i + 1 < 11 over an [u8; 11]")]
pub fn suggest_snils(text: &str) -> Vec<String> {
    let Ok(digits) = parse_digits(text) else { return Vec::new() };
    if digits_are_valid(&digits) {
        return Vec::new();
    }
    let mut found: Vec<[u8; 11]> = Vec::new();
    for i in 0..digits.len() {
        for d in 0..=9u8 {
            if d == digits[i] {
                continue;
            }
            let mut candidate = digits;
            candidate[i] = d;
            if digits_are_valid(&candidate) {
                found.push(candidate);
            }
        }
    }
    for i in 0..digits.len() - 1 {
        if digits[i] == digits[i + 1] {
            continue;
        }
        let mut candidate = digits;
        candidate.swap(i, i + 1);
        if digits_are_valid(&candidate) {
            found.push(candidate);
        }
    }
    // Insertion sort: there are at most about a hundred candidates, and the
    // general sort would add kilobytes of code to the wasm.
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 && found.get(j - 1) > found.get(j) {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    found.dedup();
    found.truncate(MAX_SUGGESTIONS);
    found.iter().map(format_digits).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Result<&str, SnilsProblem>) {
        let got = check_snils(input);
        match expect {
            Ok(normalized) => {
                assert_eq!(got, SnilsCheck::Valid { normalized: normalized.to_owned() }, "input {input:?}")
            }
            Err(problem) => assert_eq!(got.problem(), Some(problem), "input {input:?}"),
        }
    }

    #[test]
    fn table() {
        use SnilsProblem::*;
        let cases: &[(&str, Result<&str, SnilsProblem>)] = &[
            ("112-233-445 95", Ok("112-233-445 95")),
            ("11223344595", Ok("112-233-445 95")),
            ("112 233 445 95", Ok("112-233-445 95")),
            ("112-233-445-95", Ok("112-233-445 95")),
            ("112–233–445 95", Ok("112-233-445 95")),
            ("112—233—445\u{a0}95", Ok("112-233-445 95")),
            ("112.233.445.95", Ok("112-233-445 95")),
            ("  112-233-445 95\n", Ok("112-233-445 95")),
            ("112-233-445 96", Err(Checksum)),
            ("112-233-445 59", Err(Checksum)),
            ("112-233-445", Err(Length)),
            ("112-233-445 9", Err(Length)),
            ("112-233-445 955", Err(Length)),
            ("", Err(Length)),
            ("   ", Err(Length)),
            ("abc-def-ghi jk", Err(Characters)),
            ("112-233-445 9O", Err(Characters)),
            ("112+233+445 95", Err(Characters)),
            // Digits of other scripts are digits; a label in front is dropped.
            ("١١٢٢٣٣٤٤٥٩٥", Ok("112-233-445 95")),
            ("１１２-２３３-４４５ ９５", Ok("112-233-445 95")),
            ("\u{feff}112-233-445 95", Ok("112-233-445 95")),
            ("СНИЛС: 112-233-445 95", Ok("112-233-445 95")),
            ("СНИЛС № 112-233-445 95", Ok("112-233-445 95")),
            ("Номер: 112-233-445 95", Err(Characters)),
            ("112-233-445 95 СНИЛС", Err(Characters)),
            // At or below 001-001-998 the check number is not verified.
            ("001-001-998 00", Ok("001-001-998 00")),
            ("001-001-998 77", Ok("001-001-998 77")),
            ("000-000-000 00", Ok("000-000-000 00")),
            ("001-001-999 77", Err(Checksum)),
        ];
        for &(input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn check_number_edges() {
        // A sum of exactly 100 or 101 gives 00; above 101 it is mod 101.
        // 100: digits whose weighted sum is 100 (9*9 + 8*2 + 1*3 = 100).
        assert_eq!(check_number(&[9, 2, 0, 0, 0, 0, 0, 0, 3]), 0);
        assert_eq!(check_number(&[9, 2, 0, 0, 0, 0, 0, 0, 4]), 0); // 101
        assert_eq!(check_number(&[9, 2, 0, 0, 0, 0, 0, 0, 5]), 1); // 102
                                                                   // The largest sum, 9 * 45 = 405; 405 mod 101 = 1.
        assert_eq!(check_number(&[9; 9]), 1);
        // A remainder of 100 gives 00: sum 201 (e.g. 9*9+8*9+7*6+..).
        let digits = [9, 9, 6, 0, 0, 0, 0, 0, 6];
        let sum: u32 = digits.iter().zip((1..=9).rev()).map(|(&d, w)| d as u32 * w).sum();
        assert_eq!(sum, 201);
        assert_eq!(check_number(&digits), 0);
    }

    #[test]
    fn every_problem_has_a_text() {
        for p in [SnilsProblem::Length, SnilsProblem::Characters, SnilsProblem::Checksum] {
            assert!(crate::texts::entry(p.text_id()).is_some(), "{}", p.text_id());
        }
    }

    #[test]
    fn suggestions() {
        let cases: &[(&str, &[&str])] = &[
            // Valid or unreadable: nothing to suggest.
            ("112-233-445 95", &[]),
            ("112-233", &[]),
            ("112-233-445 9O", &[]),
            // The check digits swapped.
            ("112-233-445 59", &["112-233-445 95"]),
        ];
        for &(input, expect) in cases {
            let got = suggest_snils(input);
            for e in expect {
                assert!(got.contains(&(*e).to_owned()), "{input}: {got:?} lacks {e}");
            }
            if expect.is_empty() {
                assert!(got.is_empty(), "{input}: {got:?}");
            }
        }
        // Every single-digit typo and adjacent swap of a valid number is
        // undone by one of the suggestions; all suggestions are valid,
        // sorted, unique and few.
        let valid = parse_digits("112-233-445 95").unwrap();
        let mut typos = Vec::new();
        for i in 0..11 {
            for d in 0..=9u8 {
                let mut t = valid;
                t[i] = d;
                typos.push(t);
            }
            if i < 10 {
                let mut t = valid;
                t.swap(i, i + 1);
                typos.push(t);
            }
        }
        for typo in typos {
            if digits_are_valid(&typo) {
                continue;
            }
            let got = suggest_snils(&format_digits(&typo));
            assert!(got.len() <= MAX_SUGGESTIONS);
            assert!(got.windows(2).all(|w| w[0] < w[1]), "{got:?}");
            for g in &got {
                assert!(check_snils(g).is_valid(), "{g}");
            }
            if got.len() < MAX_SUGGESTIONS {
                assert!(got.contains(&"112-233-445 95".to_owned()), "{}: {got:?}", format_digits(&typo));
            }
        }
    }

    #[test]
    fn huge_input_is_rejected_quickly() {
        let long = "1".repeat(1_000_000);
        assert_eq!(check_snils(&long).problem(), Some(SnilsProblem::Length));
    }
}
