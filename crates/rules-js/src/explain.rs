//! Error explanation: `explainError`, `listErrors`.

use crate::browser::browser_now;
use crate::convert::{
    argument, field_error, optional_lang, options_at, required_string, string_at, uint_at, words, FromJs, ToJs,
};
use diary_rules::age::{age_on, parse_iso_date, AgeError, AgeGroup, MAX_AGE_YEARS};
use diary_rules::explain::{self as rules, Actor, ExplainContext as RulesContext, QuoteKind, Role, Side};
use diary_rules::Lang;
use serde::Serialize;
use std::borrow::Cow;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// What we know about the person; every field is optional, and any other
/// key is an error (a typo such as `agYears` must not be silently ignored).
#[derive(Tsify, FromJs, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[from_js(unknown = "listed")]
pub struct ExplainContext {
    #[serde(default)]
    #[tsify(optional)]
    pub role: Option<Role>,
    /// The student's date of birth (for a parent: the child's), `YYYY-MM-DD`.
    /// Wins over `ageYears`.
    // Read as the age group it gives on the browser's date.
    #[serde(default)]
    #[tsify(optional, type = "string")]
    #[from_js(with = "birth_date_at")]
    pub birth_date: Option<AgeGroup>,
    /// The student's age in full years, 0..=100.
    #[serde(default)]
    #[tsify(optional)]
    #[from_js(with = "years_at")]
    pub age_years: Option<u32>,
    /// `"kuzbass"`, `"ryazan"`, `"orenburg"` or `"generic"` (typed strictly,
    /// so a typo fails to compile); at run time an unknown id is treated as
    /// `"generic"`.
    #[serde(default)]
    #[tsify(optional, type = "BuiltInRegionId")]
    pub region: Option<String>,
    /// `"ru"` (default) or `"en"`.
    #[serde(default)]
    #[tsify(optional, type = "Lang")]
    pub lang: Option<Lang>,
}

/// An official page.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct ErrorLink {
    pub url: String,
    pub label: Cow<'static, str>,
}

/// The answer of `explainError`.
#[derive(Serialize, Tsify, ToJs)]
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
    /// Where this message is shown: `"gosuslugi"` or `"diary"` (whom to
    /// ask about it).
    #[tsify(type = "ErrorSide")]
    pub side: Side,
}

/// Whom to ask when the message was not recognised, by the side it may be
/// shown on (for the region).
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct ErrorContacts {
    /// About a message on Gosuslugi: its support.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub gosuslugi: Option<Cow<'static, str>>,
    /// About a message on the diary's pages: the school.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub diary: Option<Cow<'static, str>>,
}

/// The answer of `explainErrorDetails`: everything the panel shows,
/// including when unsure.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetails {
    /// The answer, exactly as `explainError` gives it; `null` when unsure.
    pub answer: Option<ErrorExplanation>,
    /// Another entry nearly as likely as the answer: show both.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub also: Option<ErrorExplanation>,
    /// With no answer: the closest catalog entries, closest first (at most
    /// three; "maybe one of these"). Empty with an answer.
    pub maybe: Vec<ErrorListItem>,
    /// The side the text itself names (Gosuslugi or the diary), when it
    /// names only one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "ErrorSide")]
    pub side: Option<Side>,
    /// With no answer: whom to ask on each side, for the region.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub contacts: Option<ErrorContacts>,
    /// The part of the text that matched, with an answer (from the first to
    /// the last matched word).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub recognised: Option<String>,
}

/// One entry of `listErrors`.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct ErrorListItem {
    pub id: Cow<'static, str>,
    /// The message as shown (Russian).
    pub quote: Cow<'static, str>,
    pub title: Cow<'static, str>,
}

fn rules_context(ctx: &ExplainContext) -> Result<RulesContext, JsError> {
    let age = match (ctx.birth_date, ctx.age_years) {
        (Some(group), _) => Some(group),
        // Checked only without a birth date, which wins.
        (None, Some(years)) if years > MAX_AGE_YEARS => {
            return Err(field_error("context.ageYears", format!("expected 0..={MAX_AGE_YEARS}")));
        }
        (None, Some(years)) => Some(AgeGroup::of(years)),
        (None, None) => None,
    };
    Ok(RulesContext { role: ctx.role, age, region: ctx.region.clone() })
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
    let text = argument(&text, "text", required_string)?;
    let ctx: ExplainContext = argument(&context, "context", options_at)?;
    let lang = ctx.lang.unwrap_or_default();
    let rules_ctx = rules_context(&ctx)?;
    let Some(e) = rules::explain(&text, &rules_ctx) else { return Ok(JsValue::NULL) };
    Ok(explanation(&e, lang).to_js())
}

/// Explains a message as the panel does, also when unsure: the answer (as
/// `explainError` gives it) and a second entry nearly as likely, or, with
/// no answer, the closest entries ("maybe one of these"), the side the text
/// names and whom to ask on each side for the region.
///
/// `explainErrorDetails("Пишет что-то про код ребёнка")` → `{ answer: null,
/// maybe: [{ id: "binding_code_expired", quote, title }, …], contacts: {
/// gosuslugi: "…", diary: "…" } }`. The same arguments and errors as
/// `explainError`.
#[wasm_bindgen(js_name = explainErrorDetails, unchecked_return_type = "ErrorDetails")]
pub fn explain_error_details(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExplainContext")] context: JsValue,
) -> Result<JsValue, JsError> {
    let text = argument(&text, "text", required_string)?;
    let ctx: ExplainContext = argument(&context, "context", options_at)?;
    let lang = ctx.lang.unwrap_or_default();
    let rules_ctx = rules_context(&ctx)?;
    let o = rules::explain_text(&text, &rules_ctx);
    let catalog = rules::catalog::catalog();
    let maybe = o
        .maybe
        .iter()
        .filter_map(|id| catalog.entry(id))
        .filter_map(|e| {
            Some(ErrorListItem {
                id: Cow::Borrowed(e.id),
                quote: words(e.quote.first()?.text, Lang::Ru),
                title: words(e.title, lang),
            })
        })
        .collect();
    let contacts = (o.answer.is_none()).then(|| ErrorContacts {
        gosuslugi: o.contacts.gosuslugi.map(|c| words(c, lang)),
        diary: o.contacts.diary.map(|c| words(c, lang)),
    });
    Ok(ErrorDetails {
        answer: o.answer.as_ref().map(|e| explanation(e, lang)),
        also: o.also.as_ref().map(|e| explanation(e, lang)),
        maybe,
        side: o.side,
        contacts,
        recognised: o.recognised,
    }
    .to_js())
}

/// One explanation in the JS shape.
fn explanation(e: &rules::Explanation, lang: Lang) -> ErrorExplanation {
    ErrorExplanation {
        id: Cow::Borrowed(e.id),
        // Two decimals (the f32 would show as 0.7799999713897705).
        confidence: (f64::from(e.confidence) * 100.0).round() / 100.0,
        quote: words(e.quote, Lang::Ru),
        quote_kind: e.quote_kind,
        title: words(e.title, lang),
        cause: words(e.cause, lang),
        actor: e.actor,
        steps: e.steps.iter().map(|s| words(s, lang)).collect(),
        contact: e.contact.map(|c| words(c, lang)),
        links: e.links.iter().map(|l| ErrorLink { url: l.url.to_owned(), label: words(l.label, lang) }).collect(),
        related: e.related.iter().map(|&r| Cow::Borrowed(r)).collect(),
        side: e.side,
    }
}

/// `ageYears`: a whole number (its range is checked with the birth date).
fn years_at(value: &JsValue, path: &str) -> Result<u32, JsError> {
    uint_at(value, path, u32::MAX, "a whole number of years, 0 or more")
}

/// `birthDate`: a real date, not in the future and at most
/// `MAX_AGE_YEARS` ago; the age group it gives on the browser's date.
fn birth_date_at(value: &JsValue, path: &str) -> Result<AgeGroup, JsError> {
    let birth =
        parse_iso_date(&string_at(value, path)?).ok_or_else(|| field_error(path, "expected a date YYYY-MM-DD"))?;
    let today = browser_now().map(|t| t.date()).ok_or_else(|| field_error(path, "cannot read today's date"))?;
    let years = age_on(birth, today).map_err(|e| match e {
        AgeError::BornInFuture => field_error(path, "is in the future"),
        AgeError::TooOld => field_error(path, format!("more than {MAX_AGE_YEARS} years ago")),
    })?;
    Ok(AgeGroup::of(years))
}

/// Every known message, for a picker: `[{ id, quote, title }]`.
/// Throws `Error("lang: …")` for a language other than `"ru"`/`"en"`.
#[wasm_bindgen(js_name = listErrors, unchecked_return_type = "ErrorListItem[]")]
pub fn list_errors(#[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue) -> Result<JsValue, JsError> {
    let lang = argument(&lang, "lang", optional_lang)?;
    let items: Vec<ErrorListItem> = rules::list()
        .map(|e| ErrorListItem {
            id: Cow::Borrowed(e.id),
            quote: words(e.quote, Lang::Ru),
            title: words(e.title, lang),
        })
        .collect();
    Ok(items.to_js())
}
