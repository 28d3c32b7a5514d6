//! Passwords: the Gosuslugi policy checker, strength meter and generator.
//!
//! - `checkPassword(password, options?)` → per-rule results, characters
//!   that are not allowed, warnings, the English-layout reading, strength
//!   and the messages to show;
//! - `generatePassword(options?)` → a password that meets the policy, from
//!   the browser's secure random source;
//! - `passwordPolicy(lang?)` → the policy with its rule texts, for a host's
//!   own form.

use crate::convert::{argument, f64_at, field_error, join, optional_lang, options_at, required_string, FromJs, ToJs};
use diary_rules::password::{
    self as rules, generator, render_message, CheckOptions, GenerateError, GeneratorOptions, MessageContext, Policy,
    PolicyOverrides,
};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// A host's password policy; missing fields keep Gosuslugi's values.
#[derive(Tsify, FromJs, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[from_js(unknown = "listed")]
pub struct PasswordPolicyInput {
    /// 1 to 64.
    #[tsify(optional)]
    pub min_length: Option<usize>,
    #[tsify(optional)]
    pub require_uppercase: Option<bool>,
    #[tsify(optional)]
    pub require_lowercase: Option<bool>,
    #[tsify(optional)]
    pub require_digit: Option<bool>,
    #[tsify(optional)]
    pub require_symbol: Option<bool>,
    /// Printable ASCII punctuation, each once.
    #[tsify(optional)]
    pub symbols: Option<String>,
}

/// Options of `checkPassword`.
#[derive(Tsify, FromJs, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[from_js(unknown = "listed")]
pub struct CheckPasswordOptions {
    /// The confirmation field, when the user has typed it.
    #[tsify(optional)]
    pub confirm: Option<String>,
    /// The person's names (Latin or Cyrillic; Cyrillic names are matched
    /// in every common Latin spelling: Анастасия → anastasia, anastasiya,
    /// anastasiia…) and birth dates (`YYYY-MM-DD` or `DD.MM.YYYY`).
    #[tsify(optional)]
    pub personal: Option<Vec<String>>,
    /// `"ru"` (default) or `"en"`.
    #[tsify(optional, type = "Lang")]
    pub lang: Option<diary_rules::Lang>,
    /// Missing fields keep Gosuslugi's values.
    #[tsify(optional, type = "PasswordPolicyInput")]
    #[from_js(with = "policy_at")]
    pub policy: Option<Policy>,
}

/// One rule and whether it passed.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct PasswordRuleResult {
    #[tsify(type = "PasswordRuleId")]
    pub id: rules::RuleId,
    pub passed: bool,
}

/// The strength estimate.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct PasswordStrength {
    /// 0 (guessed at once) to 4 (very hard to guess).
    pub score: u8,
    /// log10 of the estimated number of guesses.
    pub guesses_log10: f64,
    /// The words for the score ("A weak password").
    pub label: String,
}

/// A text to show: for a failed rule or a warning (`id` is its id).
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct PasswordMessage {
    pub id: &'static str,
    pub text: String,
}

/// The verdict of `checkPassword`.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct PasswordCheckResult {
    /// Every rule passed (the confirmation too, when given).
    pub valid: bool,
    /// The policy's rules in order, then `confirm_matches` when `confirm`
    /// was given.
    pub rules: Vec<PasswordRuleResult>,
    /// Characters the policy does not allow, each once, in order (at most 32).
    pub invalid_chars: Vec<String>,
    #[tsify(type = "PasswordWarning[]")]
    pub warnings: Vec<rules::Warning>,
    /// The password as typed with the English layout, when it has Russian
    /// letters.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub layout_fix: Option<String>,
    pub strength: PasswordStrength,
    /// Texts for the failed rules, then for the warnings.
    pub messages: Vec<PasswordMessage>,
}

/// `policy`: Gosuslugi's policy with the host's overrides, checked; an
/// error names the override at fault (`options.policy.minLength`).
fn policy_at(value: &JsValue, path: &str) -> Result<Policy, JsError> {
    let p = <PasswordPolicyInput as FromJs>::from_js(value, path)?;
    let overrides = PolicyOverrides {
        min_length: p.min_length,
        require_uppercase: p.require_uppercase,
        require_lowercase: p.require_lowercase,
        require_digit: p.require_digit,
        require_symbol: p.require_symbol,
        symbols: p.symbols,
    };
    overrides.apply(Policy::gosuslugi()).map_err(|e| field_error(&join(path, e.field().name()), e))
}

/// Checks a password against the Gosuslugi policy (or `options.policy`),
/// finds typing mistakes and estimates its strength.
///
/// `checkPassword("Пароль")` → `{ valid: false, rules: [...], invalidChars:
/// ["П", ...], warnings: ["cyrillic_layout", "common_password"], layoutFix:
/// "Gfhjkm", strength: { score: 0, ... }, messages: [...] }`.
///
/// Throws an `Error` naming the field: `"password: expected a string"`,
/// `"options.lang: ..."`, `"options.policy.minLength: ..."`.
#[wasm_bindgen(js_name = checkPassword, unchecked_return_type = "PasswordCheckResult")]
pub fn check_password(
    #[wasm_bindgen(unchecked_param_type = "string")] password: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckPasswordOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let password = argument(&password, "password", required_string)?;
    let options: CheckPasswordOptions = argument(&options, "options", options_at)?;
    // Russian when absent: always loaded.
    let lang = options.lang.unwrap_or_default();
    let policy = options.policy.unwrap_or_else(Policy::gosuslugi);
    let personal: Vec<&str> = options.personal.iter().flatten().map(String::as_str).collect();
    let check = rules::check_password(
        &password,
        &CheckOptions { confirm: options.confirm.as_deref(), personal: &personal, policy: Some(&policy) },
    );
    let label = diary_rules::texts::text(rules::score_text_id(check.strength.score), lang).to_owned();
    Ok(PasswordCheckResult {
        valid: check.is_valid(),
        rules: check.rules.iter().map(|r| PasswordRuleResult { id: r.rule, passed: r.passed }).collect(),
        invalid_chars: check.invalid_chars.iter().map(|c| c.to_string()).collect(),
        warnings: check.warnings.clone(),
        layout_fix: check.layout_fix.clone(),
        strength: PasswordStrength { score: check.strength.score, guesses_log10: check.strength.guesses_log10, label },
        messages: check.messages(lang).into_iter().map(|(id, text)| PasswordMessage { id, text }).collect(),
    }
    .to_js())
}

/// Options of `generatePassword`.
#[derive(Tsify, FromJs, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[from_js(unknown = "listed")]
pub struct GeneratePasswordOptions {
    /// 8 to 64 (default 12, or the policy's minLength if larger). In
    /// memorable mode, the least length.
    #[tsify(optional)]
    #[from_js(with = "length_at")]
    pub length: Option<usize>,
    /// Easy syllable words, a capital, two digits and a symbol.
    #[tsify(optional)]
    pub memorable: Option<bool>,
    /// Missing fields keep Gosuslugi's values.
    #[tsify(optional, type = "PasswordPolicyInput")]
    #[from_js(with = "policy_at")]
    pub policy: Option<Policy>,
}

/// `length`: a whole number in the generator's range.
fn length_at(value: &JsValue, path: &str) -> Result<usize, JsError> {
    let x = f64_at(value, path)?;
    let (min, max) = generator::length_range();
    if x.fract() == 0.0 && x >= min as f64 && x <= max as f64 {
        Ok(x as usize)
    } else {
        Err(field_error(path, format!("must be a whole number from {min} to {max}")))
    }
}

/// Generates a password that meets the policy, from the browser's secure
/// random source (`crypto.getRandomValues`). No look-alike characters
/// (`l I 1 O 0`) unless the policy leaves no choice.
///
/// `generatePassword()` → `"xK7%pQ2!vZ9m"`; `generatePassword({ memorable:
/// true })` → `"Tamo-pibu-deka47"`.
///
/// Throws `Error("options.length: must be a whole number from 8 to 64, got
/// 7")`; `Error("random: ...")` if the secure random source fails (never
/// falls back to a weaker one).
#[wasm_bindgen(js_name = generatePassword)]
pub fn generate_password(
    #[wasm_bindgen(unchecked_optional_param_type = "GeneratePasswordOptions")] options: JsValue,
) -> Result<String, JsError> {
    let options: GeneratePasswordOptions = argument(&options, "options", options_at)?;
    let policy = options.policy.unwrap_or_else(Policy::gosuslugi);
    let mut fill = crate::browser::secure_random;
    let generated = rules::generate_password(
        &GeneratorOptions { length: options.length, memorable: options.memorable.unwrap_or(false) },
        &policy,
        &mut fill,
    );
    generated.map_err(|e| match e {
        GenerateError::LengthOutOfRange { .. } | GenerateError::LengthBelowPolicy { .. } => {
            field_error("options.length", e)
        }
        GenerateError::Policy(p) => field_error(&format!("options.policy.{}", p.field().name()), p),
        GenerateError::RandomSource => {
            field_error("random", "the browser's secure random source (crypto.getRandomValues) failed")
        }
        GenerateError::Internal => field_error("internal", e),
    })
}

/// One rule with its words.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct PasswordPolicyRule {
    #[tsify(type = "PasswordRuleId")]
    pub id: rules::RuleId,
    pub text: String,
}

/// The policy for a host's own form.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct PasswordPolicyInfo {
    pub min_length: usize,
    pub require_uppercase: bool,
    pub require_lowercase: bool,
    pub require_digit: bool,
    pub require_symbol: bool,
    /// The allowed symbols, as one string.
    pub symbols: String,
    /// The rules in order, with their words in the requested language.
    pub rules: Vec<PasswordPolicyRule>,
    /// Where the policy comes from (a seed file).
    pub source: String,
    /// The symbol list exactly as the source prints it (garbled by
    /// escaping; `symbols` is how it was read).
    pub symbols_source_literal: String,
}

/// The Gosuslugi password policy with rule texts in `lang` (`"ru"` by
/// default, or `"en"`).
///
/// Throws `Error("lang: expected \"ru\" or \"en\", ...")`.
#[wasm_bindgen(js_name = passwordPolicy, unchecked_return_type = "PasswordPolicyInfo")]
pub fn password_policy(
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsError> {
    let lang = argument(&lang, "lang", optional_lang)?;
    let policy = Policy::gosuslugi();
    let ctx = MessageContext { policy: &policy, length: 0, invalid_chars: &[], layout_fix: None };
    Ok(PasswordPolicyInfo {
        min_length: policy.min_length,
        require_uppercase: policy.require_uppercase,
        require_lowercase: policy.require_lowercase,
        require_digit: policy.require_digit,
        require_symbol: policy.require_symbol,
        symbols: policy.symbols.clone(),
        rules: rules::RuleId::POLICY
            .iter()
            .map(|&r| PasswordPolicyRule { id: r, text: render_message(r.rule_text_id(), lang, &ctx) })
            .collect(),
        source: Policy::source().to_owned(),
        symbols_source_literal: Policy::seed_literal().to_owned(),
    }
    .to_js())
}
