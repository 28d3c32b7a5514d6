//! Birth certificate checks and record comparison from
//! `tests/fixtures/documents.toml`, plus property tests.

use diary_rules::certificate::check_birth_certificate;
use diary_rules::records::{compare_records, PersonRecord};
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
        for x in diffs {
            prop_assert!(texts::entry(x.kind.hint_id()).is_some());
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
