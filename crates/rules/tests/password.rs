//! The password checker against the shared fixtures
//! (`tests/fixtures/password.toml`), property tests of the generator and of
//! the checker on any input, and huge adversarial inputs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::password::{
    check_password, generate_password, strength, CheckOptions, GenerateError, GeneratorOptions, Policy,
    PolicyOverrides, RandomSourceFailed, RuleId, Warning,
};
use diary_rules::Lang;
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixtures {
    case: Vec<Case>,
    policy_error: Vec<PolicyErrorCase>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PolicyFixture {
    min_length: Option<usize>,
    require_uppercase: Option<bool>,
    require_lowercase: Option<bool>,
    require_digit: Option<bool>,
    require_symbol: Option<bool>,
    symbols: Option<String>,
}

impl PolicyFixture {
    fn build(self) -> Result<Policy, diary_rules::password::PolicyError> {
        PolicyOverrides {
            min_length: self.min_length,
            require_uppercase: self.require_uppercase,
            require_lowercase: self.require_lowercase,
            require_digit: self.require_digit,
            require_symbol: self.require_symbol,
            symbols: self.symbols,
        }
        .apply(Policy::gosuslugi())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    password: String,
    confirm: Option<String>,
    personal: Option<Vec<String>>,
    policy: Option<PolicyFixture>,
    failed: Vec<String>,
    invalid_chars: Option<Vec<String>>,
    warnings: Option<Vec<String>>,
    no_warnings: Option<Vec<String>>,
    layout_fix: Option<String>,
    min_score: Option<u8>,
    max_score: Option<u8>,
    #[allow(dead_code)]
    source: toml::Value,
}

#[derive(Deserialize)]
struct PolicyErrorCase {
    policy: PolicyFixture,
    field: String,
}

fn fixtures() -> Fixtures {
    toml::from_str(include_str!("../../../tests/fixtures/password.toml")).expect("fixtures parse")
}

/// The one function that runs a fixture case through the API.
fn check(case: Case) {
    let name = &case.name;
    let personal: Vec<&str> = case.personal.iter().flatten().map(String::as_str).collect();
    let policy = case.policy.map(|p| p.build().unwrap_or_else(|e| panic!("{name}: bad policy {e}")));
    let options = CheckOptions { confirm: case.confirm.as_deref(), personal: &personal, policy: policy.as_ref() };
    let got = check_password(&case.password, &options);

    let failed: Vec<&str> = got.failed_rules().iter().map(|r| r.id()).collect();
    assert_eq!(failed, case.failed, "{name}: failed rules");
    assert_eq!(got.is_valid(), case.failed.is_empty(), "{name}: valid");
    let expected_rules = if case.confirm.is_some() { 7 } else { 6 };
    assert_eq!(got.rules.len(), expected_rules, "{name}: rule count");

    if let Some(chars) = &case.invalid_chars {
        let got_chars: Vec<String> = got.invalid_chars.iter().map(|c| c.to_string()).collect();
        assert_eq!(&got_chars, chars, "{name}: invalid chars");
    }
    let warnings: Vec<&str> = got.warnings.iter().map(|w| w.id()).collect();
    for w in case.warnings.iter().flatten() {
        assert!(warnings.contains(&w.as_str()), "{name}: expected warning {w}, got {warnings:?} ({:?})", got.strength);
    }
    for w in case.no_warnings.iter().flatten() {
        if w == "*" {
            assert!(warnings.is_empty(), "{name}: expected no warnings, got {warnings:?}");
        } else {
            assert!(!warnings.contains(&w.as_str()), "{name}: unexpected warning {w} in {warnings:?}");
        }
    }
    assert_eq!(got.layout_fix, case.layout_fix, "{name}: layout fix");
    if let Some(min) = case.min_score {
        assert!(got.strength.score >= min, "{name}: score {:?} below {min}", got.strength);
    }
    if let Some(max) = case.max_score {
        assert!(got.strength.score <= max, "{name}: score {:?} above {max}", got.strength);
    }
    // Every failed rule and warning has a message in each language, with
    // every placeholder filled in.
    for lang in Lang::ALL {
        let messages = got.messages(lang);
        assert_eq!(messages.len(), failed.len() + warnings.len(), "{name}: messages");
        for (id, text) in messages {
            assert!(!text.is_empty() && !text.starts_with("password."), "{name}: {id} has no text");
            for placeholder in ["{min}", "{count}", "{chars}", "{fix}", "{symbols}"] {
                assert!(!text.contains(placeholder), "{name}: {id}: {text}");
            }
        }
    }
}

#[test]
fn fixture_cases() {
    let fixtures = fixtures();
    assert!(fixtures.case.len() >= 40, "{}", fixtures.case.len());
    // Every rule and every warning is exercised by some case.
    let text = include_str!("../../../tests/fixtures/password.toml");
    for rule in RuleId::POLICY.iter().chain([RuleId::ConfirmMatches].iter()) {
        assert!(text.contains(&format!("\"{}\"", rule.id())), "no case fails {}", rule.id());
    }
    for w in Warning::ALL {
        assert!(text.contains(&format!("\"{}\"", w.id())), "no case for {}", w.id());
    }
    for case in fixtures.case {
        check(case);
    }
}

#[test]
fn fixture_policy_errors() {
    for case in fixtures().policy_error {
        let err = case.policy.build().expect_err("policy must be rejected");
        assert_eq!(err.field().name(), case.field, "{err}");
    }
}

#[test]
fn messages_fill_in_the_details() {
    let check = check_password("Пар 1", &CheckOptions::default());
    let ru = check.messages(Lang::Ru);
    let find = |id: &str| ru.iter().find(|(i, _)| *i == id).map(|(_, t)| t.clone()).unwrap_or_default();
    assert!(find("min_length").contains("не меньше 8") && find("min_length").contains("сейчас 5"), "{ru:?}");
    assert!(find("allowed_chars").contains("«П»") && find("allowed_chars").contains("«␣»"), "{ru:?}");
    assert!(find("cyrillic_layout").contains("Gfh 1"), "{ru:?}");
    assert!(find("symbol").contains("! \" $ %"), "{ru:?}");
}

// ---------------------------------------------------------------------------
// Huge and adversarial inputs
// ---------------------------------------------------------------------------

/// The adversarial recipes of `bench/password-inputs.json`: a unit repeated.
const ADVERSARIAL_UNITS: &[&str] = &[
    "1",
    "a",
    "ab",
    "aab",
    "1q2w3e4r",
    "p4$$w0rd",
    "10.05.2012",
    "zyxwvuts",
    "qazwsxedc",
    "йцукен",
    "!@#$%^&*()",
    "Ё\u{301}",
];

#[test]
fn adversarial_100_kb_inputs_give_sane_results() {
    // No timing here (see the password_bench example); this proves the
    // checker finishes and stays consistent on 100 KB of each recipe.
    for unit in ADVERSARIAL_UNITS {
        let s: String = unit.repeat(100_000 / unit.len() + 1).chars().take(100_000).collect();
        let got = check_password(&s, &CheckOptions { personal: &["Маша", "2012-05-10"], ..Default::default() });
        assert!(got.strength.guesses_log10.is_finite() && got.strength.guesses_log10 >= 0.0, "{unit}");
        assert!(got.invalid_chars.len() <= diary_rules::password::MAX_INVALID_CHARS);
        assert!(got.strength.score <= 4);
    }
}

#[test]
fn long_random_text_is_strong_and_long_repeats_are_not() {
    let random: String =
        (0..2000u32).map(|i| char::from(b'!' + ((i.wrapping_mul(2_654_435_761) >> 7) % 90) as u8)).collect();
    assert_eq!(strength::estimate(&random, &[]).score, 4);
    let random_estimate = strength::estimate(&random, &[]);
    assert!(random_estimate.guesses_log10 > 1000.0, "{random_estimate:?}");
    // 2000 characters of "Ab1!" cost about as much as "Ab1!" itself.
    let repeated = strength::estimate(&"Ab1!".repeat(500), &[]);
    assert!(repeated.guesses_log10 < 9.0, "{repeated:?}");
    let weak = strength::estimate(&"ab".repeat(1000), &[]);
    assert!(weak.warnings.contains(&Warning::Repeats) && weak.score <= 1, "{weak:?}");
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

/// A deterministic byte source for the tests (xorshift64*); the real one is
/// the platform's secure random source.
fn test_source(seed: u64) -> impl FnMut(&mut [u8]) -> Result<(), RandomSourceFailed> {
    let mut state = seed | 1;
    move |buf: &mut [u8]| {
        for b in buf.iter_mut() {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            *b = (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8;
        }
        Ok(())
    }
}

fn host_policy() -> impl Strategy<Value = Policy> {
    (
        1usize..=64,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::sample::subsequence(r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.chars().collect::<Vec<_>>(), 0..=32),
    )
        .prop_map(|(min_length, require_uppercase, require_lowercase, require_digit, require_symbol, symbols)| {
            let require_symbol = require_symbol && !symbols.is_empty();
            Policy {
                min_length,
                require_uppercase,
                require_lowercase,
                require_digit,
                require_symbol,
                symbols: symbols.into_iter().collect(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn generated_passwords_always_pass_gosuslugi_policy(seed in any::<u64>(), length in 8usize..=64, memorable in any::<bool>()) {
        let mut source = test_source(seed);
        let policy = Policy::gosuslugi();
        let password = generate_password(&GeneratorOptions { length: Some(length), memorable }, &policy, &mut source).unwrap();
        let check = check_password(&password, &CheckOptions::default());
        prop_assert!(check.is_valid(), "{password}: {:?}", check.failed_rules());
        if memorable {
            prop_assert!(password.chars().count() >= length);
        } else {
            prop_assert_eq!(password.chars().count(), length);
            prop_assert!(!password.chars().any(|c| "lI1O0".contains(c)), "{}", password);
        }
    }

    #[test]
    fn generated_passwords_always_pass_host_policies(seed in any::<u64>(), policy in host_policy(), length in proptest::option::of(8usize..=64), memorable in any::<bool>()) {
        let mut source = test_source(seed);
        let options = GeneratorOptions { length, memorable };
        match generate_password(&options, &policy, &mut source) {
            Ok(password) => {
                let check = check_password(&password, &CheckOptions { policy: Some(&policy), ..Default::default() });
                prop_assert!(check.is_valid(), "{password}: {:?} under {policy:?}", check.failed_rules());
            }
            // The only refusal for a valid policy: a length below its minimum.
            Err(e) => prop_assert!(matches!(e, GenerateError::LengthBelowPolicy { .. }), "{e:?}"),
        }
    }

    #[test]
    fn any_input_gives_a_consistent_verdict(password in any::<String>(), confirm in proptest::option::of(any::<String>()), personal in proptest::collection::vec(any::<String>(), 0..4)) {
        let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
        let check = check_password(&password, &CheckOptions { confirm: confirm.as_deref(), personal: &personal, policy: None });
        prop_assert!(check.strength.score <= 4);
        prop_assert!(check.strength.guesses_log10.is_finite() && check.strength.guesses_log10 >= 0.0);
        prop_assert_eq!(check.is_valid(), check.rules.iter().all(|r| r.passed));
        prop_assert_eq!(check.rules.len(), if confirm.is_some() { 7 } else { 6 });
        let has_russian_key = password.chars().any(|c| diary_rules::password::layout::english_key(c).is_some());
        prop_assert_eq!(check.layout_fix.is_some(), has_russian_key);
        for lang in Lang::ALL {
            for (_, text) in check.messages(lang) {
                let filled = !text.contains("{min}") && !text.contains("{fix}");
                prop_assert!(filled, "unfilled placeholder in {}", text);
            }
        }
    }

    #[test]
    fn typed_like_input_gives_a_consistent_verdict(password in r"[a-zA-Z0-9 !@#$%.,:;_\-йцукенгшщзхъфывапролджэячсмитьбюЁё№]{0,64}", personal in proptest::collection::vec(r"[А-Яа-яA-Za-z0-9.\- ]{0,24}", 0..4)) {
        let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
        let check = check_password(&password, &CheckOptions { personal: &personal, ..Default::default() });
        prop_assert!(check.strength.score <= 4);
        prop_assert!(check.strength.guesses_log10.is_finite());
        // A valid Gosuslugi password has neither Cyrillic nor blanks.
        if check.is_valid() {
            prop_assert!(!check.warnings.contains(&Warning::CyrillicLayout) && !check.warnings.contains(&Warning::Whitespace));
        }
    }
}
