//! `password::check_password` and `password::generate_password`.
//!
//! Two input forms:
//! - bytes starting with `{`: a JSON case `{"password", "confirm"?,
//!   "personal"?, "policy"?}` (policy in the JS shape, camelCase; the seeds
//!   come from tests/fixtures/password.toml);
//! - anything else: a structured input from `arbitrary`: either a check
//!   (password, confirmation, personal strings, host policy overrides) or a
//!   generation (options, policy overrides, and the bytes the random source
//!   hands out).
//!
//! Invariants: a host policy is used only if it validates; a check has the
//! policy's six rules (+ the confirmation), `is_valid` agrees with them and
//! with `rule_results`; the score is 0..=4 and the guess count finite; the
//! messages fill every placeholder; a generated password passes the checker
//! (and the policy) with the requested length, and the generator never
//! reports an internal error.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use diary_rules::password::generator::{length_range, RandomSourceFailed};
use diary_rules::password::{
    check_password, generate_password, rule_results, CheckOptions, GenerateError, GeneratorOptions, Policy,
    PolicyOverrides, RuleId,
};
use diary_rules::Lang;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Overrides {
    min_length: Option<u8>,
    require_uppercase: Option<bool>,
    require_lowercase: Option<bool>,
    require_digit: Option<bool>,
    require_symbol: Option<bool>,
    symbols: Option<String>,
}

impl Overrides {
    fn policy(&self) -> Option<Policy> {
        PolicyOverrides {
            min_length: self.min_length.map(usize::from),
            require_uppercase: self.require_uppercase,
            require_lowercase: self.require_lowercase,
            require_digit: self.require_digit,
            require_symbol: self.require_symbol,
            symbols: self.symbols.clone(),
        }
        .apply(Policy::gosuslugi())
        .ok()
    }
}

#[derive(Arbitrary, Debug)]
enum Structured {
    Check { password: String, confirm: Option<String>, personal: Vec<String>, policy: Option<Overrides> },
    Generate { length: Option<u8>, memorable: bool, policy: Option<Overrides>, random: Vec<u8>, fail_after: Option<u8> },
}

fn check(password: &str, confirm: Option<&str>, personal: &[String], policy: Option<&Policy>) {
    if let Some(p) = policy {
        assert_eq!(p.validate(), Ok(()));
    }
    let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
    let c = check_password(password, &CheckOptions { confirm, personal: &personal, policy });
    let expected_rules = RuleId::POLICY.len() + usize::from(confirm.is_some());
    assert_eq!(c.rules.len(), expected_rules);
    assert_eq!(c.is_valid(), c.rules.iter().all(|r| r.passed));
    assert_eq!(c.is_valid(), c.failed_rules().is_empty());
    let gosuslugi = Policy::gosuslugi();
    let used = policy.unwrap_or(&gosuslugi);
    assert_eq!(&c.policy, used);
    let direct = rule_results(password, used);
    assert_eq!(c.rules.get(..direct.len()), Some(direct.as_slice()));
    assert_eq!(c.length, password.chars().count());
    if let Some(confirm) = confirm {
        assert_eq!(c.rules.last().map(|r| r.passed), Some(confirm == password));
    }
    // Every character the policy refuses is listed (up to the cap), and
    // only those.
    for ch in &c.invalid_chars {
        assert!(!used.allows(*ch), "{ch:?}");
    }
    assert_eq!(c.invalid_chars.is_empty(), password.chars().all(|ch| used.allows(ch)));
    assert!(c.strength.score <= 4);
    assert!(c.strength.guesses_log10.is_finite() && c.strength.guesses_log10 >= 0.0, "{}", c.strength.guesses_log10);
    for lang in Lang::ALL {
        for (id, words) in c.messages(lang) {
            assert!(!id.is_empty());
            // (The layout fix repeats the password, which may hold braces.)
            if !password.contains('{') {
                assert!(
                    !words.contains("{min}") && !words.contains("{count}") && !words.contains("{fix}"),
                    "{id}: {words}"
                );
            }
        }
    }
}

fn generate(length: Option<u8>, memorable: bool, policy: &Policy, random: &[u8], fail_after: Option<u8>) {
    let options = GeneratorOptions { length: length.map(usize::from), memorable };
    // The random source hands out the fuzzer's bytes, then repeats them
    // (or zeros), and may fail after some calls.
    let mut pos = 0usize;
    let mut calls = 0u32;
    let mut fill = |buf: &mut [u8]| {
        calls += 1;
        if fail_after.is_some_and(|n| calls > u32::from(n)) {
            return Err(RandomSourceFailed);
        }
        for b in buf.iter_mut() {
            *b = if random.is_empty() { 0 } else { random[pos % random.len()] };
            pos = pos.wrapping_add(1);
        }
        Ok(())
    };
    match generate_password(&options, policy, &mut fill) {
        Ok(p) => {
            let n = p.chars().count();
            let want = options.length.unwrap_or(0).max(policy.min_length);
            if memorable {
                assert!(n >= want, "{p:?} shorter than {want}");
            } else if let Some(len) = options.length {
                assert_eq!(n, len, "{p:?}");
            }
            assert!(rule_results(&p, policy).iter().all(|r| r.passed), "{p:?} fails {policy:?}");
            let c = check_password(&p, &CheckOptions { confirm: Some(&p), personal: &[], policy: Some(policy) });
            assert!(c.is_valid(), "{p:?}: {:?}", c.failed_rules());
            assert!(c.invalid_chars.is_empty());
        }
        Err(GenerateError::Internal) => panic!("internal generator error for {options:?} {policy:?}"),
        Err(GenerateError::Policy(e)) => panic!("a valid policy was refused: {e}"),
        Err(GenerateError::LengthOutOfRange { got, .. }) => {
            let (lo, hi) = length_range();
            assert!(got < lo || got > hi);
        }
        Err(GenerateError::LengthBelowPolicy { got, min }) => assert!(got < min),
        Err(GenerateError::RandomSource) => {}
    }
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonPolicy {
    min_length: Option<usize>,
    require_uppercase: Option<bool>,
    require_lowercase: Option<bool>,
    require_digit: Option<bool>,
    require_symbol: Option<bool>,
    symbols: Option<String>,
}

#[derive(serde::Deserialize)]
struct JsonCase {
    password: String,
    confirm: Option<String>,
    #[serde(default)]
    personal: Vec<String>,
    policy: Option<JsonPolicy>,
}

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&b'{') {
        let Ok(case) = serde_json::from_slice::<JsonCase>(data) else { return };
        let policy = match case.policy {
            None => None,
            Some(p) => {
                let o = PolicyOverrides {
                    min_length: p.min_length,
                    require_uppercase: p.require_uppercase,
                    require_lowercase: p.require_lowercase,
                    require_digit: p.require_digit,
                    require_symbol: p.require_symbol,
                    symbols: p.symbols,
                };
                match o.apply(Policy::gosuslugi()) {
                    Ok(p) => Some(p),
                    Err(e) => {
                        assert!(!e.to_string().is_empty());
                        return;
                    }
                }
            }
        };
        check(&case.password, case.confirm.as_deref(), &case.personal, policy.as_ref());
        let gosuslugi = Policy::gosuslugi();
        generate(
            None,
            case.password.len() % 2 == 0,
            policy.as_ref().unwrap_or(&gosuslugi),
            case.password.as_bytes(),
            None,
        );
        return;
    }
    let Ok(s) = Structured::arbitrary(&mut Unstructured::new(data)) else { return };
    match s {
        Structured::Check { password, confirm, personal, policy } => {
            let policy = policy.and_then(|o| o.policy());
            check(&password, confirm.as_deref(), &personal, policy.as_ref());
        }
        Structured::Generate { length, memorable, policy, random, fail_after } => {
            let policy = policy.and_then(|o| o.policy()).unwrap_or_else(Policy::gosuslugi);
            generate(length, memorable, &policy, &random, fail_after);
        }
    }
});
