//! Comparing the student's data as the diary has it with the data on
//! Gosuslugi. The diary finds a person only when both agree exactly, so every
//! difference is a likely cause of «Дневник не найден»; each is classified so
//! the hint can say what to ask the school to fix. Sources: seeds 003 and 004
//! ("data in the journal must exactly match Gosuslugi"), DOMAIN.md (the
//! commonest mismatches: ё/е, extra spaces, Latin look-alikes).

use crate::id::closed_set;

use crate::certificate::check_birth_certificate;
use crate::explain::normalize::latin_lookalike_to_cyrillic;
use crate::snils::parse_digits;
use chrono::NaiveDate;

/// One person's data as one system holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonRecord {
    /// The last name (фамилия), as written.
    pub last_name: String,
    /// The first name (имя), as written.
    pub first_name: String,
    /// The patronymic (отчество), as written; `None` when not given.
    pub middle_name: Option<String>,
    /// `YYYY-MM-DD`, `DD.MM.YYYY`, `D.M.YY`, `10 мая 2012 г.` (see
    /// [`parse_record_date`]).
    pub birth_date: Option<String>,
    /// The СНИЛС, e.g. `123-456-789 01`.
    pub snils: Option<String>,
    /// Birth certificate series and number, e.g. `IV-МЮ 123456`.
    pub certificate: Option<String>,
}

closed_set!(
    /// A field of [`PersonRecord`].
    RecordField {
        LastName => "last_name",
        FirstName => "first_name",
        MiddleName => "middle_name",
        BirthDate => "birth_date",
        Snils => "snils",
        Certificate => "certificate",
    }
);

impl PersonRecord {
    /// The record with `field` set to `value` as a form gives it: trimmed,
    /// and an optional field left empty is `None`.
    pub fn with(mut self, field: RecordField, value: &str) -> Self {
        let value = value.trim().to_owned();
        let optional = Some(value.clone()).filter(|v| !v.is_empty());
        match field {
            RecordField::LastName => self.last_name = value,
            RecordField::FirstName => self.first_name = value,
            RecordField::MiddleName => self.middle_name = optional,
            RecordField::BirthDate => self.birth_date = optional,
            RecordField::Snils => self.snils = optional,
            RecordField::Certificate => self.certificate = optional,
        }
        self
    }

    /// A record from one value per field, in [`RecordField::ALL`]'s order
    /// (missing values are empty).
    pub fn from_values<S: AsRef<str>>(values: &[S]) -> Self {
        RecordField::ALL
            .iter()
            .zip(values)
            .fold(PersonRecord::default(), |record, (field, value)| record.with(*field, value.as_ref()))
    }
}

closed_set!(
    /// How two values of a field differ.
    DifferenceKind {
        /// «ё» in one, «е» in the other.
        YoE => "yo_e",
        /// A Latin letter that looks like a Cyrillic one (or the reverse).
        Lookalike => "lookalike",
        /// Extra, missing or doubled spaces.
        Whitespace => "whitespace",
        /// Upper or lower case.
        Case => "case",
        /// A hyphen, a dash or a space between the parts of a double name.
        Hyphen => "hyphen",
        /// One letter or digit wrong, missing or extra.
        Typo => "typo",
        /// Two neighbouring letters or digits swapped.
        Transposition => "transposition",
        /// Day and month swapped in a date.
        DayMonthSwapped => "day_month_swapped",
        /// Filled in on one side only.
        Missing => "missing",
        /// Anything else.
        Different => "different",
    }
);

impl DifferenceKind {
    /// The id of the hint: what to ask the school to fix.
    pub fn hint_id(self) -> &'static str {
        match self {
            DifferenceKind::YoE => "records.hint.yo_e",
            DifferenceKind::Lookalike => "records.hint.lookalike",
            DifferenceKind::Whitespace => "records.hint.whitespace",
            DifferenceKind::Case => "records.hint.case",
            DifferenceKind::Hyphen => "records.hint.hyphen",
            DifferenceKind::Typo => "records.hint.typo",
            DifferenceKind::Transposition => "records.hint.transposition",
            DifferenceKind::DayMonthSwapped => "records.hint.day_month_swapped",
            DifferenceKind::Missing => "records.hint.missing",
            DifferenceKind::Different => "records.hint.different",
        }
    }
}

/// One difference between the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The field that differs.
    pub field: RecordField,
    /// How the two values differ.
    pub kind: DifferenceKind,
    /// The diary's value as given; empty when it has none.
    pub diary_value: String,
    /// Gosuslugi's value as given; empty when it has none.
    pub gosuslugi_value: String,
}

/// The values longer than this are compared only as "different": no name or
/// document is that long, and it keeps the work bounded.
const MAX_VALUE_CHARS: usize = 256;

/// Compares the diary's record with Gosuslugi's. An empty list means they
/// match; otherwise there is at least one difference per differing field (a
/// field can differ in several ways at once, e.g. case and «ё»).
///
/// ```
/// use diary_rules::records::{compare_records, DifferenceKind, PersonRecord};
/// let diary = PersonRecord { last_name: "Семенов".into(), first_name: "Пётр".into(), ..Default::default() };
/// let gosuslugi = PersonRecord { last_name: "Семёнов".into(), first_name: "Пётр".into(), ..Default::default() };
/// let d = compare_records(&diary, &gosuslugi);
/// assert_eq!(d.len(), 1);
/// assert_eq!(d[0].kind, DifferenceKind::YoE);
/// ```
pub fn compare_records(diary: &PersonRecord, gosuslugi: &PersonRecord) -> Vec<Difference> {
    let mut out = Vec::new();
    type Compare = fn(&str, &str) -> Vec<DifferenceKind>;
    let fields: [(RecordField, Option<&str>, Option<&str>, Compare); 6] = [
        (RecordField::LastName, Some(&diary.last_name), Some(&gosuslugi.last_name), compare_names),
        (RecordField::FirstName, Some(&diary.first_name), Some(&gosuslugi.first_name), compare_names),
        (RecordField::MiddleName, diary.middle_name.as_deref(), gosuslugi.middle_name.as_deref(), compare_names),
        (RecordField::BirthDate, diary.birth_date.as_deref(), gosuslugi.birth_date.as_deref(), compare_dates),
        (RecordField::Snils, diary.snils.as_deref(), gosuslugi.snils.as_deref(), compare_snils),
        (
            RecordField::Certificate,
            diary.certificate.as_deref(),
            gosuslugi.certificate.as_deref(),
            compare_certificates,
        ),
    ];
    for (field, a, b, compare) in fields {
        compare_field(field, a, b, &mut out, compare);
    }
    out
}

fn compare_field(
    field: RecordField,
    diary: Option<&str>,
    gosuslugi: Option<&str>,
    out: &mut Vec<Difference>,
    compare: fn(&str, &str) -> Vec<DifferenceKind>,
) {
    fn present(v: Option<&str>) -> Option<&str> {
        v.filter(|s| !s.trim().is_empty())
    }
    let kinds = match (present(diary), present(gosuslugi)) {
        (None, None) => return,
        (Some(a), Some(b)) if a == b => return,
        (Some(a), Some(b)) => {
            // Decomposed letters pasted from a PDF («е» + U+0308) are the
            // letters they show.
            let (a, b) = (crate::nfc::nfc(a), crate::nfc::nfc(b));
            if a == b {
                return;
            }
            if a.chars().count() > MAX_VALUE_CHARS || b.chars().count() > MAX_VALUE_CHARS {
                vec![DifferenceKind::Different]
            } else {
                compare(&a, &b)
            }
        }
        _ => vec![DifferenceKind::Missing],
    };
    for kind in kinds {
        out.push(Difference {
            field,
            kind,
            diary_value: diary.unwrap_or("").to_owned(),
            gosuslugi_value: gosuslugi.unwrap_or("").to_owned(),
        });
    }
}

/// The foldings whose need is reported, in report order.
const FOLDS: [DifferenceKind; 5] = [
    DifferenceKind::Whitespace,
    DifferenceKind::Case,
    DifferenceKind::YoE,
    DifferenceKind::Hyphen,
    DifferenceKind::Lookalike,
];

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '－' | '﹣')
}

/// `s` with every folding in `folds` applied. `compact` drops spaces
/// entirely (document numbers) instead of collapsing them.
fn fold(s: &str, folds: &[DifferenceKind], compact: bool) -> Vec<char> {
    let has = |k: DifferenceKind| folds.contains(&k);
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let mut c = c;
        if has(DifferenceKind::Hyphen) && is_dash(c) {
            c = if compact { continue } else { ' ' };
        }
        if has(DifferenceKind::Lookalike) {
            c = latin_lookalike_to_cyrillic(c).unwrap_or(match c {
                'І' => 'I',
                'і' => 'i',
                other => other,
            });
        }
        if has(DifferenceKind::Case) {
            c = crate::case::lower(c);
        }
        if has(DifferenceKind::YoE) {
            c = match c {
                'ё' => 'е',
                'Ё' => 'Е',
                other => other,
            };
        }
        if has(DifferenceKind::Whitespace) && (c.is_whitespace() || c == '\u{200b}') {
            if compact || out.last().is_none_or(|&l| l == ' ') {
                continue;
            }
            c = ' ';
        }
        out.push(c);
    }
    if has(DifferenceKind::Whitespace) && out.last() == Some(&' ') {
        out.pop();
    }
    out
}

/// Kinds of difference between two texts: the foldings each needed to make
/// them equal, or a typo, transposition or plain difference.
fn compare_text(a: &str, b: &str, compact: bool) -> Vec<DifferenceKind> {
    let fa = fold(a, &FOLDS, compact);
    let fb = fold(b, &FOLDS, compact);
    if fa == fb {
        let mut needed: Vec<DifferenceKind> = FOLDS
            .iter()
            .copied()
            .filter(|&k| {
                let rest: Vec<DifferenceKind> = FOLDS.iter().copied().filter(|&x| x != k).collect();
                fold(a, &rest, compact) != fold(b, &rest, compact)
            })
            .collect();
        if needed.is_empty() {
            // Two foldings overlap (e.g. a dash next to a space): name the first.
            needed = FOLDS
                .iter()
                .copied()
                .find(|&k| {
                    fold(a, &[k], compact) != fold(a, &[], compact) || fold(b, &[k], compact) != fold(b, &[], compact)
                })
                .into_iter()
                .collect();
        }
        return needed;
    }
    // A hyphen on one side and nothing on the other («Иванова-Петрова» and
    // «ИвановаПетрова»): a hyphen, not a missing letter.
    let undashed = |s: &str| -> String { s.chars().filter(|&c| !is_dash(c)).collect() };
    let (ua, ub) = (undashed(a), undashed(b));
    if (ua.len() != a.len() || ub.len() != b.len()) && fold(&ua, &FOLDS, compact) == fold(&ub, &FOLDS, compact) {
        let mut kinds = vec![DifferenceKind::Hyphen];
        if ua == ub {
            return kinds;
        }
        kinds.extend(compare_text(&ua, &ub, compact).into_iter().filter(|&k| k != DifferenceKind::Hyphen));
        return kinds;
    }
    vec![edit_kind(&fa, &fb)]
}

fn compare_names(a: &str, b: &str) -> Vec<DifferenceKind> {
    compare_text(a, b, false)
}

/// One edit apart: a typo or a transposition; otherwise different.
fn edit_kind(a: &[char], b: &[char]) -> DifferenceKind {
    if a.len() == b.len() {
        let diff: Vec<usize> =
            a.iter().zip(b).enumerate().filter(|(_, (x, y))| x != y).map(|(i, _)| i).take(3).collect();
        match diff.as_slice() {
            [_] => return DifferenceKind::Typo,
            &[i, j] if j == i + 1 && a.get(i) == b.get(j) && a.get(j) == b.get(i) => {
                return DifferenceKind::Transposition
            }
            _ => return DifferenceKind::Different,
        }
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return DifferenceKind::Different;
    }
    // One extra character in `long`.
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.get(prefix..) == long.get(prefix + 1..) {
        DifferenceKind::Typo
    } else {
        DifferenceKind::Different
    }
}

/// A date as written in a record. A two-digit year («10.5.12») keeps its
/// century open: it is taken from the other record when compared, never
/// guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordDate {
    /// The year as written: four digits, or 0..=99 when `century_known` is
    /// false.
    pub year: u32,
    /// Whether the year was written with four digits.
    pub century_known: bool,
    /// The month, 1..=12.
    pub month: u32,
    /// The day of the month, 1..=31 (a day that exists in that month).
    pub day: u32,
}

/// The month of a Russian month name, in any case and form («мая», «май»,
/// «января», «янв.»): by its first three letters.
fn month_by_name(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
    let lower: String = word.chars().map(crate::case::lower).collect();
    let count = lower.chars().count();
    if !(3..=8).contains(&count) {
        return None;
    }
    MONTHS.iter().position(|m| lower.starts_with(m)).map(|i| i as u32 + 1)
}

/// Parses a date in the ways Russian records and people write it:
/// `2012-05-10` (ISO), `10.05.2012`, `10.5.12`, `10/05/2012`, `10-05-2012`,
/// `10 05 2012`, `10 мая 2012 г.`. `None` for anything else, or a day that
/// does not exist in that month (with a two-digit year: in neither century).
///
/// ```
/// use diary_rules::records::parse_record_date;
/// let d = parse_record_date("10.5.12").unwrap();
/// assert_eq!((d.year, d.century_known, d.month, d.day), (12, false, 5, 10));
/// assert_eq!(parse_record_date("10 мая 2012 г."), parse_record_date("2012-05-10"));
/// assert!(parse_record_date("31.04.2012").is_none());
/// assert_eq!(parse_record_date("10.05.2012\u{a0}0:00:00"), parse_record_date("2012-05-10"));
/// assert_eq!(parse_record_date("2012-05-10T00:00:00+03:00"), parse_record_date("2012-05-10"));
/// ```
pub fn parse_record_date(s: &str) -> Option<RecordDate> {
    let s = crate::nfc::nfc(s);
    let mut parts = date_parts(without_time(&s));
    // «10.05.2012 г.», «10 мая 2012 года», «10.05.2012г.р.».
    while parts.len() > 3
        && parts.last().is_some_and(|p| {
            let lower: String = p.chars().map(crate::case::lower).collect();
            matches!(lower.as_str(), "г" | "гг" | "год" | "года" | "р" | "гр")
        })
    {
        parts.pop();
    }
    let [p1, p2, p3] = parts.as_slice() else { return None };
    let num = |p: &str, max_len: usize| -> Option<u32> {
        if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let (year, year_len, month, day) = if p1.len() == 4 {
        (num(p1, 4)?, 4, num(p2, 2)?, num(p3, 2)?)
    } else {
        let month = num(p2, 2).or_else(|| month_by_name(p2))?;
        (num(p3, 4)?, p3.len(), month, num(p1, 2)?)
    };
    let exists = |y: u32| NaiveDate::from_ymd_opt(y as i32, month, day).is_some();
    match year_len {
        4 if (1000..=9999).contains(&year) && exists(year) => {
            Some(RecordDate { year, century_known: true, month, day })
        }
        2 if exists(2000 + year) || exists(1900 + year) => Some(RecordDate { year, century_known: false, month, day }),
        _ => None,
    }
}

/// A date without the time an export or a spreadsheet adds to it:
/// «10.05.2012 0:00:00», «2012-05-10T00:00:00.000Z». Only a time after the
/// date is cut (digits, «:», «.», then an optional «Z» or offset).
fn without_time(s: &str) -> &str {
    let Some(colon) = s.find(':') else { return s };
    let head = s.get(..colon).unwrap_or(s);
    let Some((cut, sep)) = head.char_indices().rev().find(|&(_, c)| c.is_whitespace() || c == 'T') else {
        return s;
    };
    let time = s.get(cut + sep.len_utf8()..).unwrap_or("").trim_end();
    let time = time.strip_suffix('Z').unwrap_or(time);
    let time = match time.rfind(['+', '-']) {
        Some(i) if i > 0 => time.get(..i).unwrap_or(time),
        _ => time,
    };
    let is_time = !time.is_empty() && time.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.');
    let date = s.get(..cut).unwrap_or(s).trim_end();
    if is_time && date.chars().any(|c| c.is_ascii_digit()) {
        date
    } else {
        s
    }
}

/// The runs of digits and the runs of letters of a date, at most six:
/// «10 мая 2012г.» is `10`, `мая`, `2012`, `г` (people leave out the space
/// before «г.»).
fn date_parts(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = None;
    let mut prev_digit = false;
    for (i, c) in s.char_indices() {
        let digit = c.is_ascii_digit();
        match start {
            Some(from) if !c.is_alphanumeric() || digit != prev_digit => {
                parts.push(s.get(from..i).unwrap_or(""));
                start = c.is_alphanumeric().then_some(i);
            }
            None if c.is_alphanumeric() => start = Some(i),
            _ => {}
        }
        prev_digit = digit;
        if parts.len() > 6 {
            break;
        }
    }
    if let Some(from) = start.filter(|_| parts.len() <= 6) {
        parts.push(s.get(from..).unwrap_or(""));
    }
    parts.truncate(6);
    parts
}

/// Parses `YYYY-MM-DD`, `DD.MM.YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY` and the
/// other four-digit-year forms of [`parse_record_date`].
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let d = parse_record_date(s).filter(|d| d.century_known)?;
    NaiveDate::from_ymd_opt(d.year as i32, d.month, d.day)
}

fn compare_dates(a: &str, b: &str) -> Vec<DifferenceKind> {
    match (parse_record_date(a), parse_record_date(b)) {
        (Some(mut x), Some(mut y)) => {
            // A two-digit year takes the other record's century; two of
            // them compare as written.
            match (x.century_known, y.century_known) {
                (false, true) => x.year += y.year - y.year % 100,
                (true, false) => y.year += x.year - x.year % 100,
                _ => {}
            }
            if (x.year, x.month, x.day) == (y.year, y.month, y.day) {
                Vec::new()
            } else if x.year == y.year && x.day == y.month && x.month == y.day {
                vec![DifferenceKind::DayMonthSwapped]
            } else {
                // The digits of YYYYMMDD (the year is at most 9999 here).
                let s = |d: RecordDate| {
                    let n = d.year * 10000 + d.month * 100 + d.day;
                    (0..8).rev().map(|i| char::from(b'0' + (n / 10u32.pow(i) % 10) as u8)).collect::<Vec<_>>()
                };
                vec![edit_kind(&s(x), &s(y))]
            }
        }
        _ if a.trim() == b.trim() => vec![DifferenceKind::Whitespace],
        _ => vec![DifferenceKind::Different],
    }
}

fn compare_snils(a: &str, b: &str) -> Vec<DifferenceKind> {
    match (parse_digits(a), parse_digits(b)) {
        (Ok(x), Ok(y)) if x == y => Vec::new(),
        (Ok(x), Ok(y)) => {
            let c = |d: [u8; 11]| d.iter().map(|&v| char::from(b'0' + v)).collect::<Vec<_>>();
            vec![edit_kind(&c(x), &c(y))]
        }
        _ => compare_text(a, b, true),
    }
}

fn compare_certificates(a: &str, b: &str) -> Vec<DifferenceKind> {
    use crate::certificate::CertificateProblem as P;
    let (ca, cb) = (check_birth_certificate(a), check_birth_certificate(b));
    // The same certificate once read: what differs is how it was typed. The
    // systems store series and number apart, so spacing, dashes before the
    // number and number signs are no difference; look-alike letters and a
    // missing hyphen are.
    if ca.normalized.is_some() && ca.normalized == cb.normalized {
        let lookalike = |c: &crate::certificate::CertificateCheck| {
            c.problems.iter().any(|p| matches!(p, P::RomanHasCyrillic | P::RomanLookalike | P::LettersHaveLatin))
        };
        // Both with look-alikes: different ones, unless typed the same.
        let compact = |s: &str| -> String { s.chars().filter(|&c| !(c.is_whitespace() || is_dash(c))).collect() };
        let mut kinds = Vec::new();
        if ca.problems.contains(&P::MissingHyphen) != cb.problems.contains(&P::MissingHyphen) {
            kinds.push(DifferenceKind::Hyphen);
        }
        if lookalike(&ca) != lookalike(&cb) || (lookalike(&ca) && compact(a) != compact(b)) {
            kinds.push(DifferenceKind::Lookalike);
        }
        return kinds;
    }
    // A lone small «l» (I or L: `normalized` absent) that reads as the other
    // certificate: a look-alike, not a typo.
    let ambiguous =
        |c: &crate::certificate::CertificateCheck| c.normalized.is_none() && c.problems.contains(&P::RomanLookalike);
    for (text, this, other) in [(a, &ca, &cb), (b, &cb, &ca)] {
        if ambiguous(this) && other.normalized.is_some() {
            let reads_as_other = ['I', 'L']
                .into_iter()
                .any(|r| check_birth_certificate(&text.replace('l', &r.to_string())).normalized == other.normalized);
            if reads_as_other {
                return vec![DifferenceKind::Lookalike];
            }
        }
    }
    let mut kinds = compare_text(&a.replace('№', ""), &b.replace('№', ""), true);
    // A missing hyphen also shifts the spacing; name the hyphen only.
    if kinds.len() > 1 {
        kinds.retain(|k| *k != DifferenceKind::Whitespace);
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_hint() {
        for k in DifferenceKind::ALL {
            assert!(crate::texts::entry(k.hint_id()).is_some(), "{}", k.hint_id());
        }
    }

    #[test]
    fn a_record_from_form_values() {
        let r = PersonRecord::from_values(&[" Иванова ", "Анна", "", "01.02.2012", "  "]);
        assert_eq!(
            r,
            PersonRecord {
                last_name: "Иванова".into(),
                first_name: "Анна".into(),
                middle_name: None,
                birth_date: Some("01.02.2012".into()),
                snils: None,
                certificate: None,
            }
        );
        let full: Vec<String> = RecordField::ALL.iter().map(|f| f.id().to_owned()).collect();
        let r = PersonRecord::from_values(&full);
        assert_eq!(r.certificate.as_deref(), Some("certificate"));
        assert_eq!(r.middle_name.as_deref(), Some("middle_name"));
    }

    // `CERTIFICATE_PROBLEMS` and `RECORD_DIFFERENCES`, generated by build.rs.
    include!(concat!(env!("OUT_DIR"), "/documents.rs"));

    #[test]
    fn data_tables_match_the_code() {
        let ids: Vec<&str> = RECORD_DIFFERENCES.iter().map(|r| r.0).collect();
        assert_eq!(ids, DifferenceKind::ALL.map(|k| k.id()));
        for (row, kind) in RECORD_DIFFERENCES.iter().zip(DifferenceKind::ALL) {
            assert_eq!(row.1, kind.hint_id());
            assert!(!row.2.is_empty());
        }
        let ids: Vec<&str> = CERTIFICATE_PROBLEMS.iter().map(|r| r.0).collect();
        use crate::certificate::CertificateProblem;
        assert_eq!(ids, CertificateProblem::ALL.map(|p| p.id()));
        for (row, p) in CERTIFICATE_PROBLEMS.iter().zip(CertificateProblem::ALL) {
            assert_eq!(row.1, p.text_id());
            assert!(!row.2.is_empty());
        }
    }

    #[test]
    fn dates() {
        let d = |s: &str| parse_date(s);
        assert_eq!(d("2012-05-10"), d("10.05.2012"));
        assert_eq!(d("10/05/2012"), d("10-05-2012"));
        assert!(d("2012-02-30").is_none());
        assert!(d("10.05.12").is_none(), "no century is guessed");
        assert_eq!(d("10 мая 2012"), d("2012-05-10"));
        assert_eq!(d("10.05.2012 г."), d("2012-05-10"));
        assert_eq!(d("10 05 2012"), d("2012-05-10"));
        let r = |s: &str| parse_record_date(s);
        assert_eq!(r("10.5.12"), r("10.05.12"));
        assert!(r("29.02.00").is_some(), "2000 was a leap year");
        for text in ["30.02.12", "10.13.12", "10.5.123", "10 мая"] {
            assert!(r(text).is_none(), "{text:?}");
        }
        for text in ["", "1.2.3.4"] {
            assert!(d(text).is_none(), "{text:?}");
        }
    }
}
