//! `certificate::check_birth_certificate`, `snils::check_snils` and
//! `snils::suggest_snils` on the same text (lossy UTF-8; seeds: the
//! certificates and СНИЛС of tests/fixtures/documents.toml).
//!
//! Invariants:
//! - certificate: problems sorted and distinct; no problems means a
//!   normalized form; the normalized form re-checks as valid and unchanged;
//!   every problem has a text;
//! - СНИЛС: valid means no problem; the normalized form is `XXX-XXX-XXX YY`
//!   and re-checks the same way; suggestions are valid, distinct, sorted,
//!   at most MAX_SUGGESTIONS, differ from the input, and are empty for a
//!   valid or unreadable number.
#![no_main]

use diary_rules::certificate::check_birth_certificate;
use diary_rules::snils::{check_snils, suggest_snils, SnilsProblem, MAX_SUGGESTIONS};
use diary_rules::texts;
use libfuzzer_sys::fuzz_target;

fn certificate(text: &str) {
    let c = check_birth_certificate(text);
    assert!(c.problems.windows(2).all(|w| w[0] < w[1]), "{:?}", c.problems);
    if c.problems.is_empty() {
        assert!(c.normalized.is_some(), "{text:?}");
        assert!(c.is_valid());
    }
    for p in &c.problems {
        assert!(texts::entry(p.text_id()).is_some(), "{}", p.text_id());
    }
    if let Some(n) = &c.normalized {
        let again = check_birth_certificate(n);
        assert!(again.is_valid(), "{text:?} → {n:?} → {again:?}");
        assert_eq!(again.normalized.as_ref(), Some(n));
    }
}

fn is_formatted(n: &str) -> bool {
    let b = n.as_bytes();
    b.len() == 14
        && b.iter().enumerate().all(|(i, &c)| match i {
            3 | 7 => c == b'-',
            11 => c == b' ',
            _ => c.is_ascii_digit(),
        })
}

fn snils(text: &str) {
    let s = check_snils(text);
    assert_eq!(s.is_valid(), s.problem().is_none());
    assert!(texts::entry(s.problem().map_or("snils.problem.checksum", |p| p.text_id())).is_some());
    if let Some(n) = s.normalized() {
        assert!(is_formatted(n), "{n:?}");
        let again = check_snils(n);
        assert_eq!(again.is_valid(), s.is_valid());
        assert_eq!(again.normalized(), Some(n));
    } else {
        assert!(matches!(s.problem(), Some(SnilsProblem::Characters | SnilsProblem::Length)), "{s:?}");
    }
    let suggestions = suggest_snils(text);
    assert!(suggestions.len() <= MAX_SUGGESTIONS);
    if s.problem() != Some(SnilsProblem::Checksum) {
        assert!(suggestions.is_empty(), "{text:?}: {suggestions:?}");
    }
    assert!(suggestions.windows(2).all(|w| w[0] < w[1]), "{suggestions:?}");
    for x in &suggestions {
        assert!(is_formatted(x), "{x:?}");
        assert!(check_snils(x).is_valid(), "{x:?}");
        assert_ne!(Some(x.as_str()), s.normalized());
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    certificate(&text);
    snils(&text);
});
