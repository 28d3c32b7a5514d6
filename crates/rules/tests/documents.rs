//! Birth certificate checks and record comparison from
//! `tests/fixtures/documents.toml`, plus property tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::certificate::check_birth_certificate;
use diary_rules::records::{compare_records, PersonRecord, RecordField};
use diary_rules::snils::{check_snils, suggest_snils};
use diary_rules::texts;
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    certificate: Vec<CertificateCase>,
    comparison: Vec<ComparisonCase>,
}

#[derive(Deserialize)]
struct CertificateCase {
    text: String,
    valid: bool,
    normalized: Option<String>,
    problems: Vec<String>,
}

#[derive(Deserialize)]
struct ComparisonCase {
    name: String,
    diary: Record,
    gosuslugi: Record,
    differences: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    last_name: String,
    first_name: String,
    middle_name: Option<String>,
    birth_date: Option<String>,
    snils: Option<String>,
    certificate: Option<String>,
}

impl From<Record> for PersonRecord {
    fn from(r: Record) -> Self {
        PersonRecord {
            last_name: r.last_name,
            first_name: r.first_name,
            middle_name: r.middle_name,
            birth_date: r.birth_date,
            snils: r.snils,
            certificate: r.certificate,
        }
    }
}

fn fixture() -> Fixture {
    toml::from_str(include_str!("../../../tests/fixtures/documents.toml")).expect("fixture parses")
}

fn check_certificate(text: &str, valid: bool, normalized: Option<&str>, problems: &[String]) {
    let got = check_birth_certificate(text);
    assert_eq!(got.is_valid(), valid, "{text:?}: {got:?}");
    assert_eq!(got.normalized.as_deref(), normalized, "{text:?}");
    let ids: Vec<&str> = got.problems.iter().map(|p| p.id()).collect();
    assert_eq!(ids, problems, "{text:?}");
    for p in &got.problems {
        assert!(texts::entry(p.text_id()).is_some());
    }
}

fn check_comparison(name: &str, diary: PersonRecord, gosuslugi: PersonRecord, expect: &[String]) {
    let got = compare_records(&diary, &gosuslugi);
    let ids: Vec<String> = got.iter().map(|d| format!("{}:{}", d.field.id(), d.kind.id())).collect();
    assert_eq!(ids, expect, "{name}");
    for d in &got {
        assert!(texts::entry(d.kind.hint_id()).is_some());
    }
    // Comparing a record with itself finds nothing.
    assert!(compare_records(&diary, &diary).is_empty(), "{name}: self-comparison");
}

#[test]
fn certificates() {
    let cases = fixture().certificate;
    assert!(cases.len() >= 15);
    for c in cases {
        check_certificate(&c.text, c.valid, c.normalized.as_deref(), &c.problems);
    }
}

#[test]
fn comparisons() {
    let cases = fixture().comparison;
    assert!(cases.len() >= 15);
    let mut kinds = std::collections::BTreeSet::new();
    for c in cases {
        for d in &c.differences {
            kinds.insert(d.split(':').nth(1).unwrap_or("").to_owned());
        }
        check_comparison(&c.name, c.diary.into(), c.gosuslugi.into(), &c.differences);
    }
    // Every kind of difference has a case.
    for k in diary_rules::records::DifferenceKind::ALL {
        assert!(kinds.contains(k.id()), "no comparison case for {}", k.id());
    }
}

#[test]
fn every_certificate_problem_has_a_case() {
    let f = fixture();
    for p in diary_rules::certificate::CertificateProblem::ALL {
        assert!(f.certificate.iter().any(|c| c.problems.iter().any(|x| x == p.id())), "no case for {}", p.id());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn certificate_never_panics_and_normalized_is_valid(text in "\\PC{0,80}") {
        let c = check_birth_certificate(&text);
        if let Some(n) = &c.normalized {
            prop_assert!(check_birth_certificate(n).is_valid(), "{} -> {}", text, n);
        }
        prop_assert!(c.is_valid() == (c.problems.is_empty() && c.normalized.is_some()));
    }

    #[test]
    fn certificate_like_input(text in "[IVXLCІХСivxlc]{0,5}[-– ]?[А-ЯA-Za-zа-я]{0,3} ?№?[0-9 ]{0,8}") {
        let c = check_birth_certificate(&text);
        if let Some(n) = &c.normalized {
            prop_assert!(check_birth_certificate(n).is_valid(), "{} -> {}", text, n);
        }
    }

    #[test]
    fn comparison_never_panics(a in "\\PC{0,40}", b in "\\PC{0,40}", c in "\\PC{0,20}", d in "\\PC{0,20}") {
        let diary = PersonRecord { last_name: a.clone(), first_name: b.clone(), birth_date: Some(c.clone()), snils: Some(d.clone()), certificate: Some(c.clone()), middle_name: None };
        let gos = PersonRecord { last_name: b, first_name: a, birth_date: Some(d.clone()), snils: Some(c), certificate: Some(d), middle_name: Some("Х".into()) };
        let diffs = compare_records(&diary, &gos);
        prop_assert!(compare_records(&diary, &diary).is_empty());
        prop_assert!(compare_records(&gos, &gos).is_empty());
        // The middle name is missing on one side only: always reported.
        prop_assert!(diffs.iter().any(|x| x.field == RecordField::MiddleName));
        // A difference names a field whose values really differ, and echoes them.
        let value = |r: &PersonRecord, f: RecordField| -> String {
            match f {
                RecordField::LastName => r.last_name.clone(),
                RecordField::FirstName => r.first_name.clone(),
                RecordField::MiddleName => r.middle_name.clone().unwrap_or_default(),
                RecordField::BirthDate => r.birth_date.clone().unwrap_or_default(),
                RecordField::Snils => r.snils.clone().unwrap_or_default(),
                RecordField::Certificate => r.certificate.clone().unwrap_or_default(),
            }
        };
        for x in &diffs {
            prop_assert_ne!(value(&diary, x.field), value(&gos, x.field));
            prop_assert_eq!(&x.diary_value, &value(&diary, x.field));
            prop_assert_eq!(&x.gosuslugi_value, &value(&gos, x.field));
        }
        // Fields equal on both sides are never reported.
        if diary.last_name == gos.last_name {
            prop_assert!(diffs.iter().all(|x| x.field != RecordField::LastName));
        }
    }

    /// Names pasted with decomposed letters (NFD, as from some PDFs)
    /// compare as the composed ones.
    #[test]
    fn decomposed_names_compare_as_composed(name in "[А-Яа-яЁёЙй]{1,12}", other in "[А-Яа-яЁёЙй]{1,12}") {
        use unicode_normalization::UnicodeNormalization;
        let record = |last: String, first: String| PersonRecord { last_name: last, first_name: first, ..Default::default() };
        let composed = record(name.clone(), other.clone());
        let decomposed = record(name.nfd().collect(), other.nfd().collect());
        prop_assert!(compare_records(&decomposed, &composed).is_empty());
        // And against a different value, the same verdict as composed text.
        let different = record(other.clone(), name.clone());
        prop_assert_eq!(compare_records(&decomposed, &different).iter().map(|d| d.kind).collect::<Vec<_>>(),
            compare_records(&composed, &different).iter().map(|d| d.kind).collect::<Vec<_>>());
    }

    /// A date written in any of the common forms is the same date; a
    /// day/month swap is found in any of them.
    #[test]
    fn dates_in_common_forms(y in 1950u32..2030, m in 1u32..=12, d in 1u32..=28, f1 in 0usize..5, f2 in 0usize..5) {
        const MONTHS: [&str; 12] = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
        let write = |f: usize, d: u32, m: u32| match f {
            0 => format!("{y:04}-{m:02}-{d:02}"),
            1 => format!("{d:02}.{m:02}.{y:04}"),
            2 => format!("{d}.{m}.{:02}", y % 100),
            3 => format!("{d} {} {y} г.", MONTHS[(m - 1) as usize]),
            _ => format!("{d:02}/{m:02}/{y}"),
        };
        let record = |date: String| PersonRecord { last_name: "Иванова".into(), first_name: "Анна".into(), birth_date: Some(date), ..Default::default() };
        prop_assert!(compare_records(&record(write(f1, d, m)), &record(write(f2, d, m))).is_empty());
        if d <= 12 && d != m && f1 != 3 {
            let swapped = compare_records(&record(write(f1, m, d)), &record(write(f2, d, m)));
            prop_assert_eq!(swapped.iter().map(|x| x.kind.id()).collect::<Vec<_>>(), vec!["day_month_swapped"]);
        }
    }

    /// A look-alike of I is corrected, never taken as valid: each I of a
    /// valid series typed as 1, | or (among capitals) l gives the series
    /// back with `roman_lookalike`, or no reading at all.
    #[test]
    fn roman_lookalikes_are_corrected_never_valid(n in 1u32..90, with in prop::sample::select(vec!['1', '|', 'l']), letters in "[А-ЕЖ-Я]{2}") {
        let roman = to_roman(n);
        prop_assume!(roman.contains('I') && roman.chars().any(|c| c != 'I'));
        let series = format!("{roman}-{letters} 123456");
        prop_assert!(check_birth_certificate(&series).is_valid());
        let typed = series.replacen('I', &with.to_string(), 1);
        let c = check_birth_certificate(&typed);
        prop_assert!(!c.is_valid(), "{} read as valid", typed);
        prop_assert!(c.problems.iter().any(|p| p.id() == "roman_lookalike"), "{}: {:?}", typed, c.problems);
        if let Some(n) = &c.normalized {
            prop_assert_eq!(n, &series);
        }
    }

    #[test]
    fn snils_suggestions_are_valid(digits in "[0-9]{11}") {
        let s = suggest_snils(&digits);
        prop_assert!(s.len() <= diary_rules::snils::MAX_SUGGESTIONS);
        if check_snils(&digits).is_valid() {
            prop_assert!(s.is_empty());
        }
        for x in &s {
            prop_assert!(check_snils(x).is_valid());
        }
        prop_assert!(s.windows(2).all(|w| w[0] < w[1]));
    }
}

/// `n` in Roman numerals (1..90), written digit by digit: an oracle that
/// does not share the crate's own writer (`certificate::to_roman`).
fn to_roman(n: u32) -> String {
    const TENS: [&str; 9] = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"];
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    format!("{}{}", TENS[(n / 10) as usize], UNITS[(n % 10) as usize])
}
