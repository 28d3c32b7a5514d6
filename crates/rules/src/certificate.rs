//! Russian birth certificate series and number.
//!
//! The series is a Roman numeral written in Latin letters (I, V, X, L, C), a
//! hyphen and two Cyrillic capitals; the number has six digits:
//! `IV-МЮ 123456`. People type Cyrillic look-alikes in the Roman part (`Х`,
//! `І`, `С`), Latin look-alikes in the letter part (`M`, `O`, `A`, …), leave
//! out the hyphen or a digit. Such a certificate is then "not found" at the
//! registry office. Source: DOMAIN.md ("Useful facts from outside the seeds").

use crate::id::closed_set;

closed_set!(
    /// What is wrong with a typed certificate.
    #[derive(PartialOrd, Ord)]
    CertificateProblem {
        /// Nothing typed.
        Empty => "empty",
        /// Far longer than a certificate.
        TooLong => "too_long",
        /// Characters that belong nowhere in a certificate.
        UnexpectedCharacters => "unexpected_characters",
        /// Cyrillic letters that look like Roman numerals (`Х`, `І`, `С`).
        RomanHasCyrillic => "roman_has_cyrillic",
        /// Characters that look like a Latin I but are not one (`1`, `l`, `|`)
        /// in the Roman part. `normalized` has the corrected series when only
        /// one reading is a Roman numeral (`1V` → `IV`, `lV` → `IV`); it is
        /// absent when the reading is ambiguous (a lone `l`: I or L).
        RomanLookalike => "roman_lookalike",
        /// The part before the hyphen is not a Roman numeral.
        RomanInvalid => "roman_invalid",
        /// Latin letters that look like Cyrillic ones in the two-letter part.
        LettersHaveLatin => "letters_have_latin",
        /// The part after the hyphen is not two Cyrillic letters.
        LettersInvalid => "letters_invalid",
        /// No hyphen between the Roman numeral and the letters.
        MissingHyphen => "missing_hyphen",
        /// The number does not have six digits.
        NumberLength => "number_length",
    }
);

impl CertificateProblem {
    /// The id of the user-facing text explaining this problem.
    pub fn text_id(self) -> &'static str {
        match self {
            CertificateProblem::Empty => "certificate.problem.empty",
            CertificateProblem::TooLong => "certificate.problem.too_long",
            CertificateProblem::UnexpectedCharacters => "certificate.problem.unexpected_characters",
            CertificateProblem::RomanHasCyrillic => "certificate.problem.roman_has_cyrillic",
            CertificateProblem::RomanLookalike => "certificate.problem.roman_lookalike",
            CertificateProblem::RomanInvalid => "certificate.problem.roman_invalid",
            CertificateProblem::LettersHaveLatin => "certificate.problem.letters_have_latin",
            CertificateProblem::LettersInvalid => "certificate.problem.letters_invalid",
            CertificateProblem::MissingHyphen => "certificate.problem.missing_hyphen",
            CertificateProblem::NumberLength => "certificate.problem.number_length",
        }
    }
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
    /// True when the certificate could be read and has no problems.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.normalized.is_some()
    }
}

/// The longest input read; a certificate is about 13 characters.
const MAX_CHARS: usize = 64;

/// The words people paste with the data («Серия IV-МЮ номер 123456»,
/// «сер.», «ном.»), lower-case: [`clean`] reads each as a space.
const LABELS: [&str; 4] = ["серия", "сер", "номер", "ном"];

/// Whether `text` reads as longer than [`MAX_CHARS`] whatever the cleaning
/// drops: more than that many characters that every step keeps, one each,
/// before any «№» (one among the first characters shortens what is read).
/// Decided on the text as given, without copying it; a text this does not
/// catch takes the full reading, which makes the same decision.
fn surely_too_long(text: &str) -> bool {
    text.chars().take_while(|&c| c != '№').filter(|&c| always_kept(c)).nth(MAX_CHARS).is_some()
}

/// A character that composition ([`crate::nfc`]), [`clean`] and the
/// trimming of quotes and spaces each keep as one character: an ASCII
/// letter or digit, or a Russian letter found in no label (a word of label
/// letters alone may be a label, which [`clean`] drops).
fn always_kept(c: char) -> bool {
    let russian = matches!(c, 'А'..='я' | 'Ё' | 'ё');
    c.is_ascii_alphanumeric() || (russian && !LABELS.iter().any(|l| l.contains(crate::case::lower(c))))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '－' | '﹣')
}

/// Characters a copy brings along that show as nothing: a byte order mark,
/// zero-width joiners, direction marks, a soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200c}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// The text as the certificate's characters: invisible characters dropped,
/// full-width and Arabic-Indic digits as ASCII digits, and the words people
/// paste with the data («Серия IV-МЮ номер 123456», «серия:») as spaces.
fn clean(text: &str) -> String {
    let mapped: String = text
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| match crate::snils::decimal_digit(c) {
            Some(d) if !c.is_ascii_digit() => char::from(b'0' + d),
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(mapped.len());
    for word in mapped.split_inclusive(is_space) {
        let core = word.trim_end_matches(is_space).trim_end_matches([':', '.']);
        let label = core.chars().count() <= 6 && {
            let key: String = core.chars().map(crate::case::lower).collect();
            LABELS.contains(&key.as_str())
        };
        if label {
            out.push(' ');
        } else {
            out.push_str(word);
        }
    }
    out
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// A Roman digit typed in Latin (any case), or a Cyrillic look-alike of one
/// (`true` in the second place). Not `l`: see [`roman_readings`].
fn roman_digit(c: char) -> Option<(char, bool)> {
    match c {
        'I' | 'i' => Some(('I', false)),
        'V' | 'v' => Some(('V', false)),
        'X' | 'x' => Some(('X', false)),
        'L' => Some(('L', false)),
        'C' | 'c' => Some(('C', false)),
        'І' | 'і' | 'Ӏ' | 'ӏ' => Some(('I', true)),
        'Х' | 'х' => Some(('X', true)),
        'С' | 'с' => Some(('C', true)),
        _ => None,
    }
}

/// Characters that look like a Latin capital I in many fonts but are not
/// one: the digit 1, a vertical bar, an exclamation mark, a dotless i, the
/// click letter ǀ.
fn looks_like_i(c: char) -> bool {
    matches!(c, '1' | '|' | '!' | 'ı' | 'ǀ' | '¦')
}

/// The case of the Roman part's unambiguous letters: `Some(true)` when one
/// is a capital, `Some(false)` when all are small, `None` when there are
/// none (only `l` and look-alikes of I).
fn roman_case(roman: &[char]) -> Option<bool> {
    let letters = roman.iter().filter(|&&c| roman_digit(c).is_some());
    let mut any = None;
    for &c in letters {
        if matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'І' | 'Ӏ' | 'Х' | 'С') {
            return Some(true);
        }
        any = Some(false);
    }
    any
}

/// The ways to read one character of the Roman part: (digit, Cyrillic
/// look-alike, a guess). At most two; the first is the reading as typed.
/// - `I V X L C` in either case (but `l`) are themselves; Cyrillic `І Х С`
///   are their Latin twins (a keyboard slip, not a guess);
/// - `1 | ! ı` are a guessed I;
/// - a small `l` is an L among small letters (`xl`), a guessed I among
///   capitals (`lV`), either with no other letter to tell (`l`);
/// - a capital `L` is an L, or a guessed I when L reads as nothing.
fn roman_readings(c: char, upper: Option<bool>) -> [Option<(char, bool, bool)>; 2] {
    let guess_i = Some(('I', false, true));
    match c {
        'l' => match upper {
            Some(false) => [Some(('L', false, false)), guess_i],
            Some(true) => [guess_i, None],
            None => [guess_i, Some(('L', false, true))],
        },
        'L' => [Some(('L', false, false)), guess_i],
        c if looks_like_i(c) => [guess_i, None],
        c => [roman_digit(c).map(|(d, cyrillic)| (d, cyrillic, false)), None],
    }
}

/// How the Roman part was read.
#[derive(Debug, PartialEq, Eq)]
enum RomanReading {
    /// A well-formed numeral; whether a Cyrillic look-alike and whether a
    /// guessed I were needed.
    Read { digits: Vec<char>, cyrillic: bool, guessed: bool },
    /// Look-alikes of I that could be read in more than one way.
    Ambiguous { cyrillic: bool },
    /// No reading is a well-formed numeral.
    Invalid { cyrillic: bool },
}

/// At most this many characters of the Roman part have two readings
/// (2^8 readings tried): a numeral of the series has a few letters.
const MAX_TWO_WAY: usize = 8;

/// Reads the Roman part: as typed when that is a well-formed numeral;
/// otherwise the one reading with guessed I's that is, if only one is.
fn read_roman(raw: &[char]) -> RomanReading {
    let upper = roman_case(raw);
    let options: Vec<[Option<(char, bool, bool)>; 2]> = raw.iter().map(|&c| roman_readings(c, upper)).collect();
    let cyrillic = options.iter().any(|o| o[0].is_some_and(|(_, cyr, _)| cyr));
    let two_way: Vec<usize> = (0..options.len()).filter(|&i| options.get(i).is_some_and(|o| o[1].is_some())).collect();
    if raw.is_empty() || raw.len() > 16 || two_way.len() > MAX_TWO_WAY || options.iter().any(|o| o[0].is_none()) {
        return RomanReading::Invalid { cyrillic };
    }
    // The reading as typed, if it is a numeral; else the guessed readings
    // that are (distinct, at most two kept: one is an answer, two are not).
    let mut found: Vec<Vec<char>> = Vec::new();
    for mask in 0u32..(1 << two_way.len()) {
        let mut digits = Vec::with_capacity(options.len());
        let mut guessed = false;
        for (i, o) in options.iter().enumerate() {
            let pick = two_way.iter().position(|&t| t == i).map_or(0, |bit| (mask >> bit) as usize & 1);
            if let Some(Some((d, _, guess))) = o.get(pick) {
                digits.push(*d);
                guessed |= *guess;
            }
        }
        if roman_value(&digits).is_none() {
            continue;
        }
        if !guessed {
            return RomanReading::Read { digits, cyrillic, guessed: false };
        }
        if !found.contains(&digits) {
            found.push(digits);
        }
    }
    match found.len() {
        0 => RomanReading::Invalid { cyrillic },
        1 => RomanReading::Read { digits: found.swap_remove(0), cyrillic, guessed: true },
        _ => RomanReading::Ambiguous { cyrillic },
    }
}

/// Removes what may stand between the series and the number: blanks, a
/// dash (when the series has its own hyphen, or ends in its letters) and a
/// number sign «N», «No», «Nº», «N°», «No.» (`№` is dropped earlier).
fn trim_series_end(series: &mut Vec<char>) {
    loop {
        while series.last().is_some_and(|&c| is_space(c)) {
            series.pop();
        }
        let len = series.len();
        // A number sign: [N n] [o O о О º °]? [.]?, after a blank, a dash,
        // a Cyrillic letter or nothing.
        let mut end = len;
        if end > 0 && series.get(end - 1) == Some(&'.') {
            end -= 1;
        }
        if end > 0 && series.get(end - 1).is_some_and(|c| matches!(c, 'o' | 'O' | 'о' | 'О' | 'º' | '°')) {
            end -= 1;
        }
        let sign = end > 0
            && series.get(end - 1).is_some_and(|&c| c == 'N' || c == 'n')
            && (end == 1
                || series.get(end - 2).is_some_and(|&c| is_space(c) || is_dash(c) || !c.is_ascii_alphabetic()));
        if sign {
            series.truncate(end - 1);
            continue;
        }
        if series.last().is_some_and(|&c| is_dash(c)) {
            let rest = series.get(..len - 1).unwrap_or(&[]);
            let before = rest.iter().rev().find(|&&c| !is_space(c));
            let own_hyphen = rest.iter().any(|&c| is_dash(c));
            if own_hyphen || before.is_some_and(|&c| series_letter(c).is_some_and(|(_, latin)| !latin)) {
                series.pop();
                continue;
            }
        }
        break;
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
    // A paste far longer than a certificate is turned down before any of it
    // is copied.
    if surely_too_long(text) {
        return CertificateCheck { normalized: None, problems: vec![CertificateProblem::TooLong] };
    }
    read_certificate(text)
}

/// [`check_birth_certificate`] past the early length check.
fn read_certificate(text: &str) -> CertificateCheck {
    let mut problems = Vec::new();
    // Letters pasted with a separate combining mark («И» + U+0306) are the
    // composed letters.
    let text = clean(&crate::nfc::nfc(text));
    // Quotes and brackets it was pasted in, the end of a sentence.
    let text = text
        .trim_matches(|c| is_space(c) || matches!(c, '«' | '»' | '"' | '“' | '”' | '„' | '(' | ')' | '[' | ']'))
        .trim_end_matches(|c| is_space(c) || matches!(c, '.' | ',' | ';' | '»' | '"' | '“' | '”' | ')' | ']'));
    if text.is_empty() {
        return CertificateCheck { normalized: None, problems: vec![CertificateProblem::Empty] };
    }
    // Still too long once cleaned: spaces, invisible characters or labels
    // that `surely_too_long` does not count.
    let chars: Vec<char> = text.chars().take(MAX_CHARS + 1).filter(|&c| c != '№').collect();
    if chars.len() > MAX_CHARS {
        return CertificateCheck { normalized: None, problems: vec![CertificateProblem::TooLong] };
    }

    // Series: everything before the number; number: the rest. The number
    // starts at the first digit after the Roman part's characters, since a
    // `1` there may be an I («1V-МЮ»), unless they run straight into digits
    // («123456»: the number alone).
    let lead = chars.iter().take_while(|&&c| is_space(c) || roman_readings(c, None)[0].is_some()).count();
    let from = if chars.get(lead).is_some_and(|c| c.is_ascii_digit()) { 0 } else { lead };
    let split = chars.iter().skip(from).position(|c| c.is_ascii_digit()).map_or(chars.len(), |i| i + from);
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

    // The series: Roman part, hyphen, letters; without a dash or a number
    // sign before the number.
    let mut series = series.to_vec();
    trim_series_end(&mut series);
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

    let (roman, roman_ok) = match read_roman(&roman_raw) {
        RomanReading::Read { digits, cyrillic, guessed } => {
            if cyrillic {
                problems.push(CertificateProblem::RomanHasCyrillic);
            }
            if guessed {
                problems.push(CertificateProblem::RomanLookalike);
            }
            (digits, true)
        }
        RomanReading::Ambiguous { cyrillic } => {
            if cyrillic {
                problems.push(CertificateProblem::RomanHasCyrillic);
            }
            problems.push(CertificateProblem::RomanLookalike);
            (Vec::new(), false)
        }
        RomanReading::Invalid { .. } => {
            problems.push(CertificateProblem::RomanInvalid);
            (Vec::new(), false)
        }
    };

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
    fn early_length_check() {
        let too_long = |t: &str| check_birth_certificate(t).problems == [CertificateProblem::TooLong];
        // A page pasted whole, and the same certificate many times over.
        let page = "Свидетельство о рождении: серия IV-МЮ номер 123456, выдано 15.06.2012 отделом ЗАГС \
                    администрации Центрального района города Новосибирска, актовая запись 1234";
        assert!(surely_too_long(page) && too_long(page));
        assert!(surely_too_long(&"IV-МЮ 123456 ".repeat(100_000)));
        // Padding the cleaning drops (spaces and quotes around the whole,
        // invisible characters, labels) is no reason to turn a text down.
        let padded = format!(
            "«{spaces}Серия: IV-МЮ {shy}номер № 123456{spaces}».",
            spaces = " ".repeat(80),
            shy = "\u{ad}".repeat(80)
        );
        assert!(!surely_too_long(&padded));
        assert_eq!(
            check_birth_certificate(&padded),
            CertificateCheck { normalized: Some("IV-МЮ 123456".into()), problems: vec![] }
        );
        // Labels are dropped whole, however many.
        let labelled = format!("{}IV-МЮ 123456", "Серия ".repeat(20));
        assert!(!surely_too_long(&labelled));
        assert!(check_birth_certificate(&labelled).is_valid());
        // A «№» among the first characters is left to the full reading.
        let numbered = format!("№{}", "Ж".repeat(100));
        assert!(!surely_too_long(&numbered));
        assert_eq!(check_birth_certificate(&numbered), read_certificate(&numbered));
    }

    /// The early check changes no answer: it turns down only what the full
    /// reading turns down. Random texts of kept characters among labels, spaces, invisible
    /// characters, marks, quotes and an occasional «№».
    #[test]
    fn early_length_check_agrees_with_the_full_reading() {
        const KEPT: &[&str] = &["I", "V", "x", "7", "Ж", "ю", "й", "Ё", "Дж"];
        #[rustfmt::skip]
        const OTHER: &[&str] = &[
            "с", "Е", "ерия", "Серия", "сер.", "НОМЕР", "ном:", " серия ", " Номер: ", " сер. ", " НОМ ", "N",
            " ", "\u{a0}", "\u{200b}", "\u{feff}", "\u{ad}", "\u{301}", "\u{306}", "\u{308}", "\u{344}",
            "«", "»", "\"", "(", ")", ".", ",", ";", ":", "-", "–", "１", "٣",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap()
        };
        let mut early = 0;
        for _ in 0..5000 {
            let len = next(240);
            let mut text = String::new();
            for _ in 0..len {
                let r = next(400);
                let part = match r {
                    0 => "№",
                    _ if r % 2 == 0 => KEPT[next(KEPT.len())],
                    _ => OTHER[next(OTHER.len())],
                };
                text.push_str(part);
            }
            if surely_too_long(&text) {
                early += 1;
            }
            assert_eq!(check_birth_certificate(&text), read_certificate(&text), "{text:?}");
        }
        // Enough of them reach the early answer for the check to mean something.
        assert!(early > 500, "{early} of 5000");
    }

    #[test]
    fn all_is_in_declaration_order() {
        // check_birth_certificate orders its problems by `ALL`.
        assert!(CertificateProblem::ALL.windows(2).all(|w| w[0] < w[1]));
    }
}
