//! Document checks: СНИЛС.

use crate::convert::{js_enum, object, required_string, skip_none, ToJs};
use diary_rules::snils;
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// What is wrong with a СНИЛС.
#[derive(Serialize, Tsify, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum SnilsProblem {
    Length,
    Characters,
    Checksum,
}

impl From<snils::SnilsProblem> for SnilsProblem {
    fn from(p: snils::SnilsProblem) -> Self {
        match p {
            snils::SnilsProblem::Length => SnilsProblem::Length,
            snils::SnilsProblem::Characters => SnilsProblem::Characters,
            snils::SnilsProblem::Checksum => SnilsProblem::Checksum,
        }
    }
}

js_enum!(SnilsProblem { Length => "length", Characters => "characters", Checksum => "checksum" });

/// The verdict of `checkSnils`.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SnilsResult {
    pub valid: bool,
    /// `XXX-XXX-XXX YY`, when eleven digits were read.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub normalized: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub problem: Option<SnilsProblem>,
    /// Only when the check number fails: valid numbers one digit or one
    /// adjacent swap away, normalized, sorted, at most 10 (may be empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub suggestions: Option<Vec<String>>,
}

/// Checks a СНИЛС as typed (with or without separators).
///
/// `checkSnils("112-233-445 95")` → `{ valid: true, normalized: "112-233-445 95" }`;
/// `checkSnils("112-233-445 59")` → `{ valid: false, normalized: "112-233-445 59",
/// problem: "checksum", suggestions: ["112-233-445 95", …] }`.
/// Throws `Error("text: expected a string, got …")` for a non-string.
#[wasm_bindgen(js_name = checkSnils, unchecked_return_type = "SnilsResult")]
pub fn check_snils(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsError> {
    let text = required_string(&text, "text")?;
    let verdict = snils::check_snils(&text);
    Ok(SnilsResult {
        valid: verdict.is_valid(),
        normalized: verdict.normalized().map(str::to_owned),
        problem: verdict.problem().map(SnilsProblem::from),
        suggestions: (verdict.problem() == Some(snils::SnilsProblem::Checksum)).then(|| snils::suggest_snils(&text)),
    }
    .to_js())
}

impl ToJs for SnilsResult {
    fn to_js(&self) -> JsValue {
        let SnilsResult { valid, normalized, problem, suggestions } = self;
        object(&[
            ("valid", valid.to_js()),
            ("normalized", skip_none(normalized)),
            ("problem", skip_none(problem)),
            ("suggestions", skip_none(suggestions)),
        ])
    }
}
