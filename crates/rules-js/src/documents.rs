//! Document checks: `checkSnils`, `checkBirthCertificate`, `compareRecords`.

use crate::convert::{
    argument, expect_object, optional_lang, plain, required_string, words, FromJs, FromJsFields, ToJs,
};
use diary_rules::certificate::{check_birth_certificate as check_certificate, CertificateProblem};
use diary_rules::records::{compare_records as compare, DifferenceKind, PersonRecord, RecordField};
use diary_rules::snils::{self, SnilsProblem};
use serde::Serialize;
use std::borrow::Cow;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// The verdict of `checkSnils`.
#[derive(Serialize, Tsify, ToJs)]
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
    let text = argument(&text, "text", required_string)?;
    let verdict = snils::check_snils(&text);
    Ok(SnilsResult {
        valid: verdict.is_valid(),
        normalized: verdict.normalized().map(str::to_owned),
        problem: verdict.problem(),
        suggestions: (verdict.problem() == Some(snils::SnilsProblem::Checksum)).then(|| snils::suggest_snils(&text)),
    }
    .to_js())
}

/// The verdict of `checkBirthCertificate`.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct CertificateResult {
    pub valid: bool,
    /// `IV-МЮ 123456`, when series and number could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub normalized: Option<String>,
    pub problems: Vec<CertificateProblem>,
}

/// Checks a birth certificate's series and number. Spaces, a dash before
/// the number and a number sign (`№`, `N`, `No`) are dropped; a `1`, `l` or
/// `|` where an I belongs is `roman_lookalike` (corrected in `normalized`
/// only when one reading is a Roman numeral; never `valid`).
///
/// `checkBirthCertificate("ХII-MЮ 123456")` → `{ valid: false, normalized:
/// "XII-МЮ 123456", problems: ["roman_has_cyrillic", "letters_have_latin"] }`.
/// Texts for the problems: `certificate.problem.<id>`.
#[wasm_bindgen(js_name = checkBirthCertificate, unchecked_return_type = "CertificateResult")]
pub fn check_birth_certificate(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let text = argument(&text, "text", required_string)?;
    let c = check_certificate(&text);
    Ok(CertificateResult { valid: c.is_valid(), normalized: c.normalized, problems: c.problems }.to_js())
}

/// A student's data as one system holds it (read into the rules crate's
/// `PersonRecord`; other keys are ignored).
#[derive(Tsify, FromJs)]
#[serde(rename_all = "camelCase")]
#[from_js(remote = "PersonRecord")]
pub struct StudentRecord {
    /// Required.
    #[from_js(missing = "expected a string")]
    pub last_name: String,
    /// Required.
    #[from_js(missing = "expected a string")]
    pub first_name: String,
    #[serde(default)]
    #[tsify(optional)]
    pub middle_name: Option<String>,
    /// `YYYY-MM-DD`, `DD.MM.YYYY`, `D.M.YY` (the century taken from the
    /// other record), `10 мая 2012 г.`; also with `/`, `-` or spaces.
    #[serde(default)]
    #[tsify(optional)]
    pub birth_date: Option<String>,
    #[serde(default)]
    #[tsify(optional)]
    pub snils: Option<String>,
    #[serde(default)]
    #[tsify(optional)]
    pub certificate: Option<String>,
}

/// A record argument: `"<root>: expected an object, got <type>"` when it is
/// not one.
fn person(value: JsValue, root: &str) -> Result<PersonRecord, JsError> {
    expect_object(&value, root)?;
    PersonRecord::from_fields(&value, root)
}

/// One difference between the diary's record and Gosuslugi's.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct RecordDifference {
    pub field: RecordField,
    pub kind: DifferenceKind,
    pub diary_value: String,
    pub gosuslugi_value: String,
    /// What to ask the school to fix.
    pub hint: Cow<'static, str>,
}

/// The verdict of `compareRecords`.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct RecordComparison {
    #[serde(rename = "match")]
    pub matches: bool,
    pub differences: Vec<RecordDifference>,
}

/// Compares the student's data as the diary has it with Gosuslugi's.
///
/// `compareRecords({ lastName: "Семенова", firstName: "Анна" }, { lastName:
/// "Семёнова", firstName: "Анна" })` → `{ match: false, differences: [{ field:
/// "last_name", kind: "yo_e", diaryValue: "Семенова", gosuslugiValue:
/// "Семёнова", hint: "…" }] }`. Throws `Error("diary.lastName: …")` when a
/// required field is missing or has the wrong type.
#[wasm_bindgen(js_name = compareRecords, unchecked_return_type = "RecordComparison")]
pub fn compare_records(
    #[wasm_bindgen(unchecked_param_type = "StudentRecord")] diary: JsValue,
    #[wasm_bindgen(unchecked_param_type = "StudentRecord")] gosuslugi: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsError> {
    let diary = person(plain(&diary, "diary")?, "diary")?;
    let gosuslugi = person(plain(&gosuslugi, "gosuslugi")?, "gosuslugi")?;
    let lang = argument(&lang, "lang", optional_lang)?;
    let differences: Vec<RecordDifference> = compare(&diary, &gosuslugi)
        .into_iter()
        .map(|d| RecordDifference {
            field: d.field,
            kind: d.kind,
            hint: words(d.kind.hint_id(), lang),
            diary_value: d.diary_value,
            gosuslugi_value: d.gosuslugi_value,
        })
        .collect();
    Ok(RecordComparison { matches: differences.is_empty(), differences }.to_js())
}
