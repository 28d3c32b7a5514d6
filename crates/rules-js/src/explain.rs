//! Error explanation and document comparison: `explainError`, `listErrors`,
//! `checkBirthCertificate`, `compareRecords`.

use crate::convert::{
    field_error, is_nullish, is_plain_object, js_enum, lang_at, object, optional, reject_unknown_fields,
    required_string, skip_none, string_at, type_name, uint_at, variant_at, words, ToJs,
};
use diary_rules::age::{age_on, parse_iso_date, AgeError, AgeGroup, MAX_AGE_YEARS};
use diary_rules::certificate::{self, check_birth_certificate as check_certificate};
use diary_rules::explain::{self as rules, ExplainContext as RulesContext};
use diary_rules::records::{self, compare_records as compare, PersonRecord};
use diary_rules::Lang;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// Who is asking.
#[derive(Serialize, Deserialize, Tsify, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Parent,
    Student,
}

/// Who must act.
#[derive(Serialize, Tsify, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Parent,
    Student,
    School,
    Mfc,
    Support,
}

impl From<rules::Actor> for Actor {
    fn from(a: rules::Actor) -> Self {
        match a {
            rules::Actor::Parent => Actor::Parent,
            rules::Actor::Student => Actor::Student,
            rules::Actor::School => Actor::School,
            rules::Actor::Mfc => Actor::Mfc,
            rules::Actor::Support => Actor::Support,
        }
    }
}

/// What sort of text the matched quote is.
#[derive(Serialize, Tsify, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Shown by the diary or Gosuslugi as an error or warning.
    Message,
    /// A status on a Gosuslugi document card.
    Status,
    /// A sentence of an official instruction.
    Instruction,
    /// How people describe the trouble (the project's wording).
    Paraphrase,
}

impl From<rules::QuoteKind> for QuoteKind {
    fn from(k: rules::QuoteKind) -> Self {
        match k {
            rules::QuoteKind::Message => QuoteKind::Message,
            rules::QuoteKind::Status => QuoteKind::Status,
            rules::QuoteKind::Instruction => QuoteKind::Instruction,
            rules::QuoteKind::Paraphrase => QuoteKind::Paraphrase,
        }
    }
}

/// What we know about the person; every field is optional.
#[derive(Deserialize, Tsify, Default)]
#[serde(rename_all = "camelCase")]
pub struct ExplainContext {
    #[serde(default)]
    #[tsify(optional)]
    pub role: Option<Role>,
    /// The student's date of birth (for a parent: the child's), `YYYY-MM-DD`.
    /// Wins over `ageYears`.
    #[serde(default)]
    #[tsify(optional)]
    pub birth_date: Option<String>,
    /// The student's age in full years, 0..=100.
    #[serde(default)]
    #[tsify(optional)]
    pub age_years: Option<u32>,
    /// `"kuzbass"`, `"ryazan"`, `"orenburg"` or `"generic"`; unknown ids are
    /// treated as `"generic"`.
    #[serde(default)]
    #[tsify(optional, type = "RegionId")]
    pub region: Option<String>,
    /// `"ru"` (default) or `"en"`.
    #[serde(default)]
    #[tsify(optional, type = "Lang")]
    pub lang: Option<String>,
}

/// An official page.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ErrorLink {
    pub url: String,
    pub label: Cow<'static, str>,
}

/// The answer of `explainError`.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ErrorExplanation {
    /// Catalog id: `"diary_not_found"`, `"parent_consent_required"`,
    /// `"consent_required"`, `"create_button_missing"`,
    /// `"binding_code_expired"`, `"contact_in_use"`, `"account_not_confirmed"`,
    /// `"certificate_entered_manually"`, `"data_check_in_progress"`,
    /// `"not_found_in_zags"`, `"not_found_in_sfr"`, `"foreign_certificate"`,
    /// `"password_rejected"`, `"application_submitted"`,
    /// `"diary_login_disabled"` (the diary's own login form: «Неверный логин
    /// или пароль»), `"child_login_failed"` (the child's Gosuslugi password).
    pub id: Cow<'static, str>,
    /// 0..=1, rounded to two decimals.
    pub confidence: f64,
    /// The message as shown (always Russian, word for word).
    pub quote: Cow<'static, str>,
    pub quote_kind: QuoteKind,
    pub title: Cow<'static, str>,
    pub cause: Cow<'static, str>,
    pub actor: Actor,
    pub steps: Vec<Cow<'static, str>>,
    /// Where to turn, for the region.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub contact: Option<Cow<'static, str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub links: Vec<ErrorLink>,
    /// Ids of related catalog entries.
    pub related: Vec<Cow<'static, str>>,
}

/// One entry of `listErrors`.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ErrorListItem {
    pub id: Cow<'static, str>,
    /// The message as shown (Russian).
    pub quote: Cow<'static, str>,
    pub title: Cow<'static, str>,
}

/// Today's date in the browser's time zone.
fn today() -> Option<chrono::NaiveDate> {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

fn rules_context(ctx: &ExplainContext) -> Result<RulesContext, JsError> {
    let age = match (&ctx.birth_date, ctx.age_years) {
        (Some(date), _) => {
            let birth = parse_iso_date(date).ok_or_else(|| {
                field_error("context.birthDate", format!("expected a date YYYY-MM-DD, got \"{date}\""))
            })?;
            let today = today().ok_or_else(|| field_error("context.birthDate", "cannot read today's date"))?;
            let years = age_on(birth, today).map_err(|e| match e {
                AgeError::BornInFuture => field_error("context.birthDate", "is in the future"),
                AgeError::TooOld => field_error("context.birthDate", format!("more than {MAX_AGE_YEARS} years ago")),
            })?;
            Some(AgeGroup::of(years))
        }
        (None, Some(years)) if years > MAX_AGE_YEARS => {
            return Err(field_error("context.ageYears", format!("expected 0..={MAX_AGE_YEARS}, got {years}")));
        }
        (None, Some(years)) => Some(AgeGroup::of(years)),
        (None, None) => None,
    };
    Ok(RulesContext {
        role: ctx.role.map(|r| match r {
            Role::Parent => rules::Role::Parent,
            Role::Student => rules::Role::Student,
        }),
        age,
        region: ctx.region.clone(),
    })
}

/// Explains a message the user saw (typed, pasted, with typos or cut short).
///
/// `explainError("Дневник не найден", { role: "parent", region: "ryazan" })`
/// → `{ id: "diary_not_found", confidence: 1, actor: "school", steps: [...],
/// contact: "Классный руководитель: …", ... }`; `null` when the text matches
/// no known message, or one the catalog knows to be something else (an SMS
/// code, an e-mail link, password or document expiry, a network error). Throws `Error("context.birthDate: …")` and the like for
/// a bad context, `Error("text: expected a string…")` for a non-string.
#[wasm_bindgen(js_name = explainError, unchecked_return_type = "ErrorExplanation | null")]
pub fn explain_error(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExplainContext")] context: JsValue,
) -> Result<JsValue, JsError> {
    let text = required_string(&text, "text")?;
    let ctx: ExplainContext = if is_nullish(&context) {
        ExplainContext::default()
    } else if is_plain_object(&context) {
        read_context(&context)?
    } else {
        return Err(field_error("context", format!("expected an object, got {}", type_name(&context))));
    };
    let lang = lang_at(ctx.lang.as_deref(), "context.lang")?;
    let rules_ctx = rules_context(&ctx)?;
    let Some(e) = rules::explain(&text, &rules_ctx) else { return Ok(JsValue::NULL) };
    Ok(ErrorExplanation {
        id: Cow::Borrowed(e.id),
        // Two decimals (the f32 would show as 0.7799999713897705).
        confidence: (f64::from(e.confidence) * 100.0).round() / 100.0,
        quote: words(e.quote, Lang::Ru),
        quote_kind: e.quote_kind.into(),
        title: words(e.title, lang),
        cause: words(e.cause, lang),
        actor: e.actor.into(),
        steps: e.steps.iter().map(|s| words(s, lang)).collect(),
        contact: e.contact.map(|c| words(c, lang)),
        links: e.links.iter().map(|l| ErrorLink { url: l.url.to_owned(), label: words(l.label, lang) }).collect(),
        related: e.related.iter().map(|&r| Cow::Borrowed(r)).collect(),
    }
    .to_js())
}

/// Reads the context's fields; any other key is an error (a typo such as
/// `agYears` must not be silently ignored).
fn read_context(value: &JsValue) -> Result<ExplainContext, JsError> {
    let p = "context";
    reject_unknown_fields(value, p, &["role", "birthDate", "ageYears", "region", "lang"])?;
    Ok(ExplainContext {
        role: optional(value, p, "role", |v, p| {
            variant_at(v, p, &["parent", "student"], &[Role::Parent, Role::Student])
        })?,
        birth_date: optional(value, p, "birthDate", string_at)?,
        age_years: optional(value, p, "ageYears", |v, p| {
            uint_at(v, p, u32::MAX, "a whole number of years, 0 or more")
        })?,
        region: optional(value, p, "region", string_at)?,
        lang: optional(value, p, "lang", string_at)?,
    })
}

/// Every known message, for a picker: `[{ id, quote, title }]`.
/// Throws `Error("lang: …")` for a language other than `"ru"`/`"en"`.
#[wasm_bindgen(js_name = listErrors, unchecked_return_type = "ErrorListItem[]")]
pub fn list_errors(#[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue) -> Result<JsValue, JsError> {
    let lang = optional_lang(&lang, "lang")?;
    let items: Vec<ErrorListItem> = rules::list()
        .map(|e| ErrorListItem {
            id: Cow::Borrowed(e.id),
            quote: words(e.quote, Lang::Ru),
            title: words(e.title, lang),
        })
        .collect();
    Ok(items.to_js())
}

fn optional_lang(value: &JsValue, field: &str) -> Result<Lang, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::default());
    }
    let code = required_string(value, field)?;
    lang_at(Some(&code), field)
}

/// What is wrong with a birth certificate.
#[derive(Serialize, Tsify, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum CertificateProblem {
    Empty,
    TooLong,
    UnexpectedCharacters,
    RomanHasCyrillic,
    /// `1`, `l` or `|` where an I belongs (`lV-МЮ` → `IV-МЮ`); the
    /// corrected series is in `normalized` when only one reading fits.
    RomanLookalike,
    RomanInvalid,
    LettersHaveLatin,
    LettersInvalid,
    MissingHyphen,
    NumberLength,
}

impl From<certificate::CertificateProblem> for CertificateProblem {
    fn from(p: certificate::CertificateProblem) -> Self {
        use certificate::CertificateProblem as P;
        match p {
            P::Empty => CertificateProblem::Empty,
            P::TooLong => CertificateProblem::TooLong,
            P::UnexpectedCharacters => CertificateProblem::UnexpectedCharacters,
            P::RomanHasCyrillic => CertificateProblem::RomanHasCyrillic,
            P::RomanLookalike => CertificateProblem::RomanLookalike,
            P::RomanInvalid => CertificateProblem::RomanInvalid,
            P::LettersHaveLatin => CertificateProblem::LettersHaveLatin,
            P::LettersInvalid => CertificateProblem::LettersInvalid,
            P::MissingHyphen => CertificateProblem::MissingHyphen,
            P::NumberLength => CertificateProblem::NumberLength,
        }
    }
}

/// The verdict of `checkBirthCertificate`.
#[derive(Serialize, Tsify)]
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
    let text = required_string(&text, "text")?;
    let c = check_certificate(&text);
    Ok(CertificateResult {
        valid: c.is_valid(),
        normalized: c.normalized,
        problems: c.problems.into_iter().map(CertificateProblem::from).collect(),
    }
    .to_js())
}

/// A student's data as one system holds it.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct StudentRecord {
    /// Required.
    #[tsify(type = "string")]
    pub last_name: Option<String>,
    /// Required.
    #[tsify(type = "string")]
    pub first_name: Option<String>,
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

fn person(value: JsValue, root: &str) -> Result<PersonRecord, JsError> {
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(field_error(root, format!("expected an object, got {}", type_name(&value))));
    }
    let text = |key: &str| optional(&value, root, key, string_at);
    let r = StudentRecord {
        last_name: text("lastName")?,
        first_name: text("firstName")?,
        middle_name: text("middleName")?,
        birth_date: text("birthDate")?,
        snils: text("snils")?,
        certificate: text("certificate")?,
    };
    let last_name = r.last_name.ok_or_else(|| field_error(&format!("{root}.lastName"), "expected a string"))?;
    let first_name = r.first_name.ok_or_else(|| field_error(&format!("{root}.firstName"), "expected a string"))?;
    Ok(PersonRecord {
        last_name,
        first_name,
        middle_name: r.middle_name,
        birth_date: r.birth_date,
        snils: r.snils,
        certificate: r.certificate,
    })
}

/// A field of the record.
#[derive(Serialize, Tsify, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RecordField {
    LastName,
    FirstName,
    MiddleName,
    BirthDate,
    Snils,
    Certificate,
}

impl From<records::RecordField> for RecordField {
    fn from(f: records::RecordField) -> Self {
        use records::RecordField as F;
        match f {
            F::LastName => RecordField::LastName,
            F::FirstName => RecordField::FirstName,
            F::MiddleName => RecordField::MiddleName,
            F::BirthDate => RecordField::BirthDate,
            F::Snils => RecordField::Snils,
            F::Certificate => RecordField::Certificate,
        }
    }
}

/// How two values differ.
#[derive(Serialize, Tsify, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    YoE,
    Lookalike,
    Whitespace,
    Case,
    Hyphen,
    Typo,
    Transposition,
    DayMonthSwapped,
    Missing,
    Different,
}

impl From<records::DifferenceKind> for DifferenceKind {
    fn from(k: records::DifferenceKind) -> Self {
        use records::DifferenceKind as K;
        match k {
            K::YoE => DifferenceKind::YoE,
            K::Lookalike => DifferenceKind::Lookalike,
            K::Whitespace => DifferenceKind::Whitespace,
            K::Case => DifferenceKind::Case,
            K::Hyphen => DifferenceKind::Hyphen,
            K::Typo => DifferenceKind::Typo,
            K::Transposition => DifferenceKind::Transposition,
            K::DayMonthSwapped => DifferenceKind::DayMonthSwapped,
            K::Missing => DifferenceKind::Missing,
            K::Different => DifferenceKind::Different,
        }
    }
}

/// One difference between the diary's record and Gosuslugi's.
#[derive(Serialize, Tsify)]
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
#[derive(Serialize, Tsify)]
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
    let diary = person(diary, "diary")?;
    let gosuslugi = person(gosuslugi, "gosuslugi")?;
    let lang = optional_lang(&lang, "lang")?;
    let differences: Vec<RecordDifference> = compare(&diary, &gosuslugi)
        .into_iter()
        .map(|d| RecordDifference {
            field: d.field.into(),
            kind: d.kind.into(),
            hint: words(d.kind.hint_id(), lang),
            diary_value: d.diary_value,
            gosuslugi_value: d.gosuslugi_value,
        })
        .collect();
    Ok(RecordComparison { matches: differences.is_empty(), differences }.to_js())
}

js_enum!(Actor { Parent => "parent", Student => "student", School => "school", Mfc => "mfc", Support => "support" });
js_enum!(QuoteKind { Message => "message", Status => "status", Instruction => "instruction", Paraphrase => "paraphrase" });
js_enum!(CertificateProblem {
    Empty => "empty",
    TooLong => "too_long",
    UnexpectedCharacters => "unexpected_characters",
    RomanHasCyrillic => "roman_has_cyrillic",
    RomanLookalike => "roman_lookalike",
    RomanInvalid => "roman_invalid",
    LettersHaveLatin => "letters_have_latin",
    LettersInvalid => "letters_invalid",
    MissingHyphen => "missing_hyphen",
    NumberLength => "number_length",
});
js_enum!(RecordField {
    LastName => "last_name",
    FirstName => "first_name",
    MiddleName => "middle_name",
    BirthDate => "birth_date",
    Snils => "snils",
    Certificate => "certificate",
});
js_enum!(DifferenceKind {
    YoE => "yo_e",
    Lookalike => "lookalike",
    Whitespace => "whitespace",
    Case => "case",
    Hyphen => "hyphen",
    Typo => "typo",
    Transposition => "transposition",
    DayMonthSwapped => "day_month_swapped",
    Missing => "missing",
    Different => "different",
});

impl ToJs for ErrorLink {
    fn to_js(&self) -> JsValue {
        let ErrorLink { url, label } = self;
        object(&[("url", url.to_js()), ("label", label.to_js())])
    }
}

impl ToJs for ErrorExplanation {
    fn to_js(&self) -> JsValue {
        let ErrorExplanation { id, confidence, quote, quote_kind, title, cause, actor, steps, contact, links, related } =
            self;
        object(&[
            ("id", id.to_js()),
            ("confidence", confidence.to_js()),
            ("quote", quote.to_js()),
            ("quoteKind", quote_kind.to_js()),
            ("title", title.to_js()),
            ("cause", cause.to_js()),
            ("actor", actor.to_js()),
            ("steps", steps.to_js()),
            ("contact", skip_none(contact)),
            ("links", if links.is_empty() { JsValue::UNDEFINED } else { links.to_js() }),
            ("related", related.to_js()),
        ])
    }
}

impl ToJs for ErrorListItem {
    fn to_js(&self) -> JsValue {
        let ErrorListItem { id, quote, title } = self;
        object(&[("id", id.to_js()), ("quote", quote.to_js()), ("title", title.to_js())])
    }
}

impl ToJs for CertificateResult {
    fn to_js(&self) -> JsValue {
        let CertificateResult { valid, normalized, problems } = self;
        object(&[("valid", valid.to_js()), ("normalized", skip_none(normalized)), ("problems", problems.to_js())])
    }
}

impl ToJs for RecordDifference {
    fn to_js(&self) -> JsValue {
        let RecordDifference { field, kind, diary_value, gosuslugi_value, hint } = self;
        object(&[
            ("field", field.to_js()),
            ("kind", kind.to_js()),
            ("diaryValue", diary_value.to_js()),
            ("gosuslugiValue", gosuslugi_value.to_js()),
            ("hint", hint.to_js()),
        ])
    }
}

impl ToJs for RecordComparison {
    fn to_js(&self) -> JsValue {
        let RecordComparison { matches, differences } = self;
        object(&[("match", matches.to_js()), ("differences", differences.to_js())])
    }
}
