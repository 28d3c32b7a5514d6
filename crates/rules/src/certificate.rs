//! Russian birth certificate series and number.
//!
//! The series is a Roman numeral written in Latin letters (I, V, X, L, C), a
//! hyphen and two Cyrillic capitals; the number has six digits:
//! `IV-МЮ 123456`. People type Cyrillic look-alikes in the Roman part (`Х`,
//! `І`, `С`), Latin look-alikes in the letter part (`M`, `O`, `A`, …), leave
//! out the hyphen or a digit. Such a certificate is then "not found" at the
//! registry office. Source: DOMAIN.md ("Useful facts from outside the seeds").

/// What is wrong with a typed certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CertificateProblem {
    /// Nothing typed.
    Empty,
    /// Far longer than a certificate.
    TooLong,
    /// Characters that belong nowhere in a certificate.
    UnexpectedCharacters,
    /// Cyrillic letters that look like Roman numerals (`Х`, `І`, `С`).
    RomanHasCyrillic,
    /// The part before the hyphen is not a Roman numeral.
    RomanInvalid,
    /// Latin letters that look like Cyrillic ones in the two-letter part.
    LettersHaveLatin,
    /// The part after the hyphen is not two Cyrillic letters.
    LettersInvalid,
    /// No hyphen between the Roman numeral and the letters.
    MissingHyphen,
    /// The number does not have six digits.
    NumberLength,
}

impl CertificateProblem {
    /// The stable id (also the JS API's string value).
    pub fn id(self) -> &'static str {
        match self {
            CertificateProblem::Empty => "empty",
            CertificateProblem::TooLong => "too_long",
            CertificateProblem::UnexpectedCharacters => "unexpected_characters",
            CertificateProblem::RomanHasCyrillic => "roman_has_cyrillic",
            CertificateProblem::RomanInvalid => "roman_invalid",
            CertificateProblem::LettersHaveLatin => "letters_have_latin",
            CertificateProblem::LettersInvalid => "letters_invalid",
            CertificateProblem::MissingHyphen => "missing_hyphen",
            CertificateProblem::NumberLength => "number_length",
        }
    }

    /// The id of the user-facing text explaining this problem.
    pub fn text_id(self) -> &'static str {
        match self {
            CertificateProblem::Empty => "certificate.problem.empty",
            CertificateProblem::TooLong => "certificate.problem.too_long",
            CertificateProblem::UnexpectedCharacters => "certificate.problem.unexpected_characters",
            CertificateProblem::RomanHasCyrillic => "certificate.problem.roman_has_cyrillic",
            CertificateProblem::RomanInvalid => "certificate.problem.roman_invalid",
            CertificateProblem::LettersHaveLatin => "certificate.problem.letters_have_latin",
            CertificateProblem::LettersInvalid => "certificate.problem.letters_invalid",
            CertificateProblem::MissingHyphen => "certificate.problem.missing_hyphen",
            CertificateProblem::NumberLength => "certificate.problem.number_length",
        }
    }

    pub const ALL: [CertificateProblem; 9] = [
        CertificateProblem::Empty,
        CertificateProblem::TooLong,
        CertificateProblem::UnexpectedCharacters,
        CertificateProblem::RomanHasCyrillic,
        CertificateProblem::RomanInvalid,
        CertificateProblem::LettersHaveLatin,
        CertificateProblem::LettersInvalid,
        CertificateProblem::MissingHyphen,
        CertificateProblem::NumberLength,
    ];
}

/// The verdict on a typed certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertificateCheck {
    /// `IV-МЮ 123456`, when the series and number could be read (even with
    /// look-alike letters or without a hyphen).
    pub normalized: Option<String>,
    /// Sorted, without duplicates. Empty means valid as typed.
    pub problems: Vec<CertificateProblem>,
}

impl CertificateCheck {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.normalized.is_some()
    }
}

/// The longest input read; a certificate is about 13 characters.
const MAX_CHARS: usize = 64;

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// A Roman digit typed in Latin (any case), or a Cyrillic look-alike of one
/// (`true` in the second place).
fn roman_digit(c: char) -> Option<(char, bool)> {
    match c {
        'I' | 'i' => Some(('I', false)),
        'V' | 'v' => Some(('V', false)),
        'X' | 'x' => Some(('X', false)),
        'L' | 'l' => Some(('L', false)),
        'C' | 'c' => Some(('C', false)),
        'І' | 'і' | 'Ӏ' | 'ӏ' => Some(('I', true)),
        'Х' | 'х' => Some(('X', true)),
        'С' | 'с' => Some(('C', true)),
        _ => None,
    }
}

/// A Cyrillic capital, from a Cyrillic letter of either case or a Latin
/// look-alike (`true` in the second place).
fn series_letter(c: char) -> Option<(char, bool)> {
    if let Some(cyr) = crate::explain::normalize::latin_lookalike_to_cyrillic(c.to_ascii_uppercase()) {
        if c.is_ascii_alphabetic() {
            return Some((cyr, true));
        }
    }
    if matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё') {
        return Some((crate::case::upper_cyrillic(c), false));
    }
    None
}

/// The value of a well-formed Roman numeral of I, V, X, L, C (1..=399).
fn roman_value(s: &[char]) -> Option<u32> {
    let value = |c: char| match c {
        'I' => Some(1i64),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    if s.len() > 16 {
        return None;
    }
    let mut total = 0i64;
    for (i, &c) in s.iter().enumerate() {
        let v = value(c)?;
        let next = s.get(i + 1).and_then(|&n| value(n)).unwrap_or(0);
        if v < next {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    // Well formed iff writing the value back gives the same letters.
    (total > 0 && to_roman(total)? == s.iter().collect::<String>()).then_some(total)
}

fn to_roman(mut n: u32) -> Option<String> {
    if n == 0 || n >= 400 {
        return None;
    }
    let table = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

/// Checks a birth certificate's series and number as typed.
///
/// ```
/// use diary_rules::certificate::{check_birth_certificate, CertificateProblem};
/// assert!(check_birth_certificate("IV-МЮ 123456").is_valid());
/// // A Cyrillic «Х» in the Roman part and a Latin «M» in the letters:
/// let c = check_birth_certificate("ХII-MЮ № 123456");
/// assert_eq!(c.normalized.as_deref(), Some("XII-МЮ 123456"));
/// assert_eq!(c.problems, [CertificateProblem::RomanHasCyrillic, CertificateProblem::LettersHaveLatin]);
/// ```
pub fn check_birth_certificate(text: &str) -> CertificateCheck {
    let mut problems = Vec::new();
    let text = text.trim_matches(is_space);
    if text.is_empty() {
        return CertificateCheck { normalized: None, problems: vec![CertificateProblem::Empty] };
    }
    let chars: Vec<char> = text.chars().take(MAX_CHARS + 1).filter(|&c| c != '№').collect();
    if chars.len() > MAX_CHARS {
        return CertificateCheck { normalized: None, problems: vec![CertificateProblem::TooLong] };
    }

    // Series: everything before the first digit; number: the rest.
    let split = chars.iter().position(|c| c.is_ascii_digit()).unwrap_or(chars.len());
    let (series, number) = chars.split_at(split);
    let mut digits = String::new();
    let mut unexpected = false;
    for &c in number {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_space(c) && !is_dash(c) {
            unexpected = true;
        }
    }
    if digits.len() != 6 {
        problems.push(CertificateProblem::NumberLength);
    }

    // The series: Roman part, hyphen, letters.
    let series: Vec<char> = {
        let mut s = series.to_vec();
        while s.last().is_some_and(|&c| is_space(c)) {
            s.pop();
        }
        s
    };
    let dashes: Vec<usize> = series.iter().enumerate().filter(|(_, &c)| is_dash(c)).map(|(i, _)| i).collect();
    let (roman_raw, letters_raw): (Vec<char>, Vec<char>) = match dashes.as_slice() {
        [at] => (
            series.get(..*at).unwrap_or(&[]).iter().copied().filter(|&c| !is_space(c)).collect(),
            series.get(at + 1..).unwrap_or(&[]).iter().copied().filter(|&c| !is_space(c)).collect(),
        ),
        [] => {
            problems.push(CertificateProblem::MissingHyphen);
            let compact: Vec<char> = series.iter().copied().filter(|&c| !is_space(c)).collect();
            let cut = compact.len().saturating_sub(2);
            (compact.get(..cut).unwrap_or(&[]).to_vec(), compact.get(cut..).unwrap_or(&[]).to_vec())
        }
        _ => {
            unexpected = true;
            (Vec::new(), Vec::new())
        }
    };

    let mut roman = Vec::with_capacity(roman_raw.len());
    let mut roman_ok = !roman_raw.is_empty();
    for &c in &roman_raw {
        match roman_digit(c) {
            Some((r, lookalike)) => {
                roman.push(r);
                if lookalike && !problems.contains(&CertificateProblem::RomanHasCyrillic) {
                    problems.push(CertificateProblem::RomanHasCyrillic);
                }
            }
            None => roman_ok = false,
        }
    }
    if !roman_ok || roman_value(&roman).is_none() {
        roman_ok = false;
        problems.push(CertificateProblem::RomanInvalid);
    }

    let mut letters = String::new();
    let mut letters_ok = letters_raw.len() == 2;
    for &c in &letters_raw {
        match series_letter(c) {
            Some((l, lookalike)) => {
                letters.push(l);
                if lookalike && !problems.contains(&CertificateProblem::LettersHaveLatin) {
                    problems.push(CertificateProblem::LettersHaveLatin);
                }
            }
            None => letters_ok = false,
        }
    }
    if !letters_ok {
        problems.push(CertificateProblem::LettersInvalid);
    }
    if unexpected {
        problems.push(CertificateProblem::UnexpectedCharacters);
    }
    // In declaration order, each once (`ALL` is in that order; a test checks).
    let problems: Vec<CertificateProblem> =
        CertificateProblem::ALL.into_iter().filter(|p| problems.contains(p)).collect();

    let readable = roman_ok && letters_ok && digits.len() == 6 && !unexpected;
    let normalized = readable.then(|| format!("{}-{} {}", roman.iter().collect::<String>(), letters, digits));
    CertificateCheck { normalized, problems }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let r = |s: &str| roman_value(&s.chars().collect::<Vec<_>>());
        assert_eq!(r("IV"), Some(4));
        assert_eq!(r("XIX"), Some(19));
        assert_eq!(r("XL"), Some(40));
        assert_eq!(r("CCCXCIX"), Some(399));
        assert_eq!(r("IIII"), None);
        assert_eq!(r("VX"), None);
        assert_eq!(r("IC"), None);
        assert_eq!(r(""), None);
    }

    #[test]
    fn every_problem_has_a_text() {
        for p in CertificateProblem::ALL {
            assert!(crate::texts::entry(p.text_id()).is_some(), "{}", p.text_id());
        }
    }

    #[test]
    fn all_is_in_declaration_order() {
        // check_birth_certificate orders its problems by `ALL`.
        assert!(CertificateProblem::ALL.windows(2).all(|w| w[0] < w[1]));
    }
}
