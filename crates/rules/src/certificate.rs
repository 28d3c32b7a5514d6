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

/// No label is longer, in characters (a test checks): a longer word is
/// copied as it comes.
const LABEL_MAX_CHARS: usize = 6;

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
///
/// Stops once the copy holds `enough` characters the trimming keeps
/// ([`is_wrapping`], [`is_trailing`]): only the first [`MAX_CHARS`] + 1
/// characters of the trimmed text are read, and with `MAX_CHARS + 1` such
/// characters copied they are all in the copy, whatever follows. So an
/// over-long paste is not copied whole.
fn clean(text: &str, enough: usize) -> String {
    let mut out = String::new();
    let mut kept = 0usize;
    let push = |out: &mut String, kept: &mut usize, c: char| {
        out.push(c);
        if !is_wrapping(c) && !is_trailing(c) {
            *kept += 1;
        }
    };
    // The current word while it may still be a label (held back), and its
    // length in characters with and without the «:» and «.» it ends with.
    let mut word = String::new();
    let (mut word_chars, mut core_chars) = (0usize, 0usize);
    // The current word is no label: it is copied as it comes.
    let mut copying = false;
    let chars = text.chars().filter(|&c| !is_invisible(c)).map(|c| match crate::snils::decimal_digit(c) {
        Some(d) if !c.is_ascii_digit() => char::from(b'0' + d),
        _ => c,
    });
    for c in chars {
        if is_space(c) {
            if !copying && is_label(&word) {
                out.push(' ');
            } else {
                word.chars().chain([c]).for_each(|c| push(&mut out, &mut kept, c));
            }
            word.clear();
            (word_chars, core_chars, copying) = (0, 0, false);
        } else if copying {
            push(&mut out, &mut kept, c);
        } else {
            word.push(c);
            word_chars += 1;
            if !matches!(c, ':' | '.') {
                core_chars = word_chars;
            }
            // Longer than any label, whatever follows.
            if core_chars > LABEL_MAX_CHARS {
                word.chars().for_each(|c| push(&mut out, &mut kept, c));
                word.clear();
                copying = true;
            }
        }
        if kept >= enough {
            return out;
        }
    }
    if !copying && is_label(&word) {
        out.push(' ');
    } else {
        out.push_str(&word);
    }
    out
}

/// Whether a word (no blank in it) is one of the [`LABELS`], in any case,
/// with any «:» and «.» after it.
fn is_label(word: &str) -> bool {
    let core = word.trim_end_matches([':', '.']);
    core.chars().count() <= LABEL_MAX_CHARS && {
        let key: String = core.chars().map(crate::case::lower).collect();
        LABELS.contains(&key.as_str())
    }
}

/// What is trimmed from both ends of the cleaned text: blanks, and the
/// quotes and brackets it was pasted in.
fn is_wrapping(c: char) -> bool {
    is_space(c) || matches!(c, '«' | '»' | '"' | '“' | '”' | '„' | '(' | ')' | '[' | ']')
}

/// What is then trimmed from its end: blanks, the end of a sentence, a
/// closing quote or bracket.
fn is_trailing(c: char) -> bool {
    is_space(c) || matches!(c, '.' | ',' | ';' | '»' | '"' | '“' | '”' | ')' | ']')
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
    read_certificate(text, MAX_CHARS + 1)
}

/// [`check_birth_certificate`], with [`clean`] stopping at `enough` kept
/// characters (`MAX_CHARS + 1` or more give the same answer; the tests
/// compare with `usize::MAX`, the whole text).
fn read_certificate(text: &str, enough: usize) -> CertificateCheck {
    let mut problems = Vec::new();
    // Letters pasted with a separate combining mark («И» + U+0306) are the
    // composed letters (a text with marks is composed whole, one copy).
    let text = clean(&crate::nfc::nfc(text), enough);
    // Quotes and brackets it was pasted in, the end of a sentence.
    let text = text.trim_matches(is_wrapping).trim_end_matches(is_trailing);
    if text.is_empty() {
        return CertificateCheck { normalized: None, problems: vec![CertificateProblem::Empty] };
    }
    // Too long once cleaned: spaces, invisible characters and labels do not
    // count; a «№» among the first characters shortens what is read.
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
    fn over_long_pastes() {
        let too_long = |t: &str| check_birth_certificate(t).problems == [CertificateProblem::TooLong];
        // What clean() copies (composition copies a text with marks whole).
        let copied = |t: &str| clean(&crate::nfc::nfc(t), MAX_CHARS + 1).chars().count();
        // A page pasted whole, and the same certificate many times over:
        // turned down after copying a few more characters than are read.
        let page = "Свидетельство о рождении: серия IV-МЮ номер 123456, выдано 15.06.2012 отделом ЗАГС \
                    администрации Центрального района города Новосибирска, актовая запись 1234";
        assert!(too_long(page) && copied(page) < page.chars().count());
        // About 1 MB each: spaced, one word, letters with marks.
        for paste in ["IV-МЮ 123456 ".repeat(80_000), "Ж".repeat(500_000), "Е\u{308}".repeat(250_000)] {
            assert!(paste.len() >= 1_000_000 && too_long(&paste));
            assert!(copied(&paste) <= 2 * MAX_CHARS, "{} characters copied", copied(&paste));
        }
        // Padding the cleaning drops (spaces and quotes around the whole,
        // invisible characters, labels) is no reason to turn a text down.
        let padded = format!(
            "«{spaces}Серия: IV-МЮ {shy}номер № 123456{spaces}».",
            spaces = " ".repeat(80),
            shy = "\u{ad}".repeat(80)
        );
        assert_eq!(
            check_birth_certificate(&padded),
            CertificateCheck { normalized: Some("IV-МЮ 123456".into()), problems: vec![] }
        );
        // Labels are dropped whole, however many, however long their «:».
        let labelled = format!("{}IV-МЮ 123456", "Серия ".repeat(20));
        assert!(check_birth_certificate(&labelled).is_valid());
        let dotted = format!("Серия{} IV-МЮ номер{} 123456", ":".repeat(100), ".".repeat(100));
        assert!(check_birth_certificate(&dotted).is_valid());
        // A word that is no label after all is copied from its start.
        let almost = format!("серия{}x", ":".repeat(100));
        assert_eq!(check_birth_certificate(&almost), read_certificate(&almost, usize::MAX));
        assert!(too_long(&almost));
        // A «№» among the first characters shortens what is read.
        let numbered = format!("№{}", "Ж".repeat(100));
        assert!(!too_long(&numbered));
        assert_eq!(check_birth_certificate(&numbered), read_certificate(&numbered, usize::MAX));
        // Spaces after exactly enough characters are trimmed: not too long.
        let spaced = format!("{}{}", "Ж".repeat(MAX_CHARS), " ".repeat(100));
        assert!(!too_long(&spaced));
        assert!(too_long(&format!("{spaced}Ж")));
    }

    /// Stopping the copy early changes no answer: an input is turned down
    /// as too long exactly when the reading of the whole text turns it
    /// down, and every other answer is the same too. Random texts of kept
    /// characters among labels, spaces, invisible characters, marks, quotes
    /// and an occasional «№».
    #[test]
    fn stopping_early_agrees_with_the_whole_reading() {
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
        let (mut early, mut too_long) = (0, 0);
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
            let composed = crate::nfc::nfc(&text);
            let (copy, whole) = (clean(&composed, MAX_CHARS + 1), clean(&composed, usize::MAX));
            assert!(whole.starts_with(&copy), "{text:?}");
            if copy.len() < whole.len() {
                early += 1;
            }
            let check = check_birth_certificate(&text);
            if check.problems == [CertificateProblem::TooLong] {
                too_long += 1;
            }
            assert_eq!(check, read_certificate(&text, usize::MAX), "{text:?}");
        }
        // Enough of them stop early, and enough are answered otherwise, for
        // the check to mean something.
        assert!(early > 500, "{early} of 5000 stopped early");
        assert!(too_long < 4500, "{too_long} of 5000 too long");
    }

    #[test]
    fn no_label_is_longer_than_its_limit() {
        assert!(LABELS.iter().all(|l| l.chars().count() <= LABEL_MAX_CHARS));
    }

    #[test]
    fn all_is_in_declaration_order() {
        // check_birth_certificate orders its problems by `ALL`.
        assert!(CertificateProblem::ALL.windows(2).all(|w| w[0] < w[1]));
    }
}
