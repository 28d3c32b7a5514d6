//! `assessEligibility`: who must do what next to log into the diary.
//!
//! The input is read into the rules crate's `SituationInput` (unknown field
//! names rejected), validated there, and the assessment's ids are turned
//! into words in the requested language here.

use crate::browser::browser_now;
use crate::convert::{
    deny_unknown, ensure_loaded, expect_object, field_error, optional, plain_root, string_at, words, ToJs,
};
use crate::ids::TsText;
use crate::profile::{profile_problem_hint, read_region_arg};
use diary_rules::age::AgeGroup;
use diary_rules::eligibility::{
    self as elig, region,
    situation::{FieldKind, Situation},
    steps::StepState,
    wait::EstimateVariantId,
    Actor, Assessment, LinkLabel, Path, SituationError, SituationInput, SituationProblem,
};
use diary_rules::texts;
use diary_rules::Lang;
use serde::Serialize;
use std::borrow::Cow;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// The `EligibilitySituation` interface, written at compile time from
/// [`SituationInput::SCHEMA`]: one member per field, in declaration order,
/// with its doc comment, `?` unless required, and its type (a closed set's
/// ids as a union of string literals).
const fn situation_ts<const N: usize>() -> TsText<N> {
    let mut ts = TsText::EMPTY
        .push("\n/** The input of `assessEligibility`. The members without `?` are required. */\n")
        .push("export interface EligibilitySituation {\n");
    let mut i = 0;
    while i < SituationInput::SCHEMA.len() {
        let field = &SituationInput::SCHEMA[i];
        if !field.doc.is_empty() {
            ts = ts.push("    /** ").push(field.doc.trim_ascii()).push(" */\n");
        }
        ts = ts.push("    ").push(field.field.id()).push(if field.required { ": " } else { "?: " });
        ts = match field.kind {
            FieldKind::Choice(ids) => ts.push_union(ids),
            FieldKind::Date | FieldKind::DateTime => ts.push("string"),
            FieldKind::Lang => ts.push("Lang"),
            FieldKind::Region => ts.push("BuiltInRegionId | RegionProfile"),
        };
        ts = ts.push(";\n");
        i += 1;
    }
    ts.push("}\n")
}

/// The text of the custom section below (a constant of its own, so tests can
/// read it; the dead-code lint does not see the section's use).
#[allow(dead_code)]
const TS_INPUT_TEXT: &str = {
    const LEN: usize = situation_ts::<0>().needed();
    const TEXT: TsText<LEN> = situation_ts::<LEN>();
    TEXT.as_str()
};

#[wasm_bindgen(typescript_custom_section)]
const TS_INPUT: &str = TS_INPUT_TEXT;

/// A link under a step or in a region summary.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityLink {
    pub href: String,
    pub label: String,
}

/// One step of the path.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityStep {
    /// A stable step id (see docs/api/eligibility.md).
    pub id: Cow<'static, str>,
    pub actor: Actor,
    pub state: StepState,
    pub title: Cow<'static, str>,
    pub text: Cow<'static, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub link: Option<EligibilityLink>,
    /// Where the step's words come from (seed files, laws, pages).
    pub source: Vec<Cow<'static, str>>,
}

/// An id with its words and sources (a reason, a note, a reading).
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityNote {
    pub id: Cow<'static, str>,
    pub text: Cow<'static, str>,
    pub source: Vec<Cow<'static, str>>,
}

/// Why «Создать» is or is not in the child's card.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct CreateButtonDiagnosis {
    /// Expected in the card: nothing missing and nothing unknown.
    pub visible: bool,
    /// Unmet conditions, as ids.
    pub missing: Vec<Cow<'static, str>>,
    /// Conditions the input did not tell (`<field>_unknown`).
    pub unknown: Vec<Cow<'static, str>>,
    /// `missing` then `unknown`, with words and sources.
    pub reasons: Vec<EligibilityNote>,
}

/// One reading of the sources about the check's duration.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct EstimateReading {
    #[tsify(type = "EstimateId")]
    pub id: EstimateVariantId,
    /// "YYYY-MM-DDTHH:MM", or null when the source gives no bound.
    #[tsify(type = "string | null")]
    pub latest: Option<String>,
    pub text: Cow<'static, str>,
    pub source: Vec<Cow<'static, str>>,
}

/// The wait estimate of the document check.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct CheckEstimate {
    pub requested_at: String,
    pub earliest: String,
    pub latest: String,
    #[tsify(type = "\"five_working_days\"")]
    pub basis: Cow<'static, str>,
    pub finished: bool,
    pub overdue: bool,
    pub variants: Vec<EstimateReading>,
    /// The sources of the production calendar for the years in the window
    /// (decrees, the Labour Code).
    pub calendar_source: Vec<Cow<'static, str>>,
}

/// The region profile the answer used, for display.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct RegionSummary {
    /// A built-in profile id, or the id of the host's own profile.
    #[tsify(type = "RegionId")]
    pub id: String,
    pub name: String,
    #[tsify(type = "EligibilityLink | null")]
    pub diary_site: Option<EligibilityLink>,
    #[tsify(type = "string | null")]
    pub app_name: Option<String>,
    pub apps: Vec<EligibilityLink>,
    /// Where to turn with problems.
    pub problems: EligibilityNote,
    #[tsify(type = "EligibilityLink | null")]
    pub problems_link: Option<EligibilityLink>,
    pub source: Vec<String>,
}

// As a plain object (`ToJs`), `None` is `null` (the API promises
// `next: null` and `createButton: null`) except for the fields that are
// left out when absent (`skip_serializing_if`: `link`, `checkEstimate`).

/// The answer of `assessEligibility`.
#[derive(Serialize, Tsify, ToJs)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityAssessment {
    pub age_years: u32,
    pub age_group: AgeGroup,
    #[tsify(type = "EligibilityPath")]
    pub path: Path,
    /// One sentence naming the path.
    pub path_text: Cow<'static, str>,
    pub steps: Vec<EligibilityStep>,
    /// The id of the first step not done; null when all is done.
    #[tsify(type = "string | null")]
    pub next: Option<Cow<'static, str>>,
    /// Null on the paths without «Создать».
    #[tsify(type = "CreateButtonDiagnosis | null")]
    pub create_button: Option<CreateButtonDiagnosis>,
    /// Present when `checkRequestedAt` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub check_estimate: Option<CheckEstimate>,
    pub notes: Vec<EligibilityNote>,
    pub region: RegionSummary,
    #[tsify(type = "Lang")]
    pub lang: &'static str,
}

/// Answers who must do what next, what blocks it, how long the wait is and
/// why. See docs/api/eligibility.md for the fields and ids.
///
/// `assessEligibility({ role: "parent", birthDate: "2015-09-01" })`.
/// Throws an `Error` whose message starts with the field at fault
/// (`"birthDate: birth_date_in_future: …"`).
#[wasm_bindgen(js_name = assessEligibility, unchecked_return_type = "EligibilityAssessment")]
pub fn assess_eligibility(
    #[wasm_bindgen(unchecked_param_type = "EligibilitySituation")] situation: JsValue,
) -> Result<JsValue, JsError> {
    let situation = plain_root(&situation, "situation")?;
    expect_object(&situation, "situation")?;
    let input = read_situation(&situation)?;
    let situation = Situation::from_input(
        &input,
        browser_now().ok_or_else(|| field_error("now", "the browser's clock gives no valid local time"))?,
    )
    .map_err(|e| situation_error(&e))?;
    ensure_loaded(situation.lang, "lang")?;
    let assessment = elig::assess(&situation);
    Ok(dto(&assessment, situation.lang).to_js())
}

/// Reads the situation object (already checked to be an object). Every
/// field is optional text here; `Situation::from_input` validates values.
fn read_situation(value: &JsValue) -> Result<SituationInput, JsError> {
    deny_unknown(value, "", SituationInput::FIELDS)?;
    let mut input = SituationInput::default();
    for field in SituationInput::SCHEMA {
        let key = field.field.id();
        if field.kind == FieldKind::Region {
            input.region = optional(value, "", key, read_region_arg)?;
        } else if let Some(text) = input.text_mut(field.field) {
            *text = optional(value, "", key, string_at)?;
        }
    }
    Ok(input)
}

/// `"<field>: <problem id>: <what is expected>"`.
fn situation_error(e: &SituationError) -> JsError {
    let hint = match &e.problem {
        SituationProblem::Required => "is required".to_owned(),
        SituationProblem::InvalidDate => "expected a real date written YYYY-MM-DD".to_owned(),
        SituationProblem::InvalidDateTime => "expected a real local time written YYYY-MM-DDTHH:MM".to_owned(),
        SituationProblem::UnknownValue { allowed } => format!("expected one of {}", allowed.join(", ")),
        SituationProblem::BirthDateInFuture => "is after today".to_owned(),
        SituationProblem::AgeOverLimit => "gives an age over 100; is it the student's birth date?".to_owned(),
        SituationProblem::AfterNow => "is after now".to_owned(),
        SituationProblem::NotOnToday => "must fall on the day given as today".to_owned(),
        SituationProblem::UnknownRegion { allowed } => {
            format!("expected one of {} or a profile object", allowed.join(", "))
        }
        SituationProblem::InvalidProfile { problem } => profile_problem_hint(*problem),
    };
    field_error(&e.field, format!("{}: {hint}", e.problem.id()))
}

fn sources_of(id: &str) -> Vec<Cow<'static, str>> {
    texts::entry(id).map(|e| e.sources.iter().map(|&s| Cow::Borrowed(s)).collect()).unwrap_or_default()
}

/// Text `id` with its `{name}` parameters filled in; the static words when
/// there is nothing to fill.
fn filled(id: &str, params: &[(&str, String)], lang: Lang) -> Cow<'static, str> {
    match words(id, lang) {
        Cow::Borrowed(w) if !params.is_empty() && w.bytes().any(|b| b == b'{') => Cow::Owned(texts::fill(w, params)),
        w => w,
    }
}

fn note(id: &'static str, text_id: &str, lang: Lang) -> EligibilityNote {
    EligibilityNote { id: Cow::Borrowed(id), text: words(text_id, lang), source: sources_of(text_id) }
}

fn fmt_time(t: chrono::NaiveDateTime) -> String {
    elig::format_local_date_time(t)
}

fn calendar_sources(from: chrono::NaiveDate, to: chrono::NaiveDate) -> Vec<Cow<'static, str>> {
    use chrono::Datelike;
    let mut out: Vec<Cow<'static, str>> = Vec::new();
    for y in from.year()..=to.year().max(from.year()) {
        for &s in elig::calendar::year(y).map_or(&[][..], |d| d.source()) {
            if !out.iter().any(|o| o == s) {
                out.push(Cow::Borrowed(s));
            }
        }
    }
    out
}

fn dto(a: &Assessment, lang: Lang) -> EligibilityAssessment {
    let steps = a
        .steps
        .iter()
        .map(|s| EligibilityStep {
            id: Cow::Borrowed(s.id.id()),
            actor: s.actor,
            state: s.state,
            title: filled(&s.title_id, &s.params, lang),
            text: filled(&s.text_id, &s.params, lang),
            link: s.link.as_ref().map(|l| EligibilityLink {
                href: l.href.clone(),
                label: match &l.label {
                    LinkLabel::TextId(id) => texts::text(id, lang).to_owned(),
                    LinkLabel::Literal(words) => words.clone(),
                },
            }),
            source: s.sources().into_iter().map(Cow::Borrowed).collect(),
        })
        .collect();
    let create_button = a.create_button.as_ref().map(|b| CreateButtonDiagnosis {
        visible: b.visible,
        missing: b.missing.iter().map(|m| Cow::Borrowed(m.id())).collect(),
        unknown: b.unknown.iter().map(|u| Cow::Borrowed(u.id())).collect(),
        reasons: b
            .missing
            .iter()
            .map(|m| note(m.id(), &m.text_id_for(a.role), lang))
            .chain(b.unknown.iter().map(|u| note(u.id(), &u.text_id_for(a.role), lang)))
            .collect(),
    });
    let check_estimate = a.check_estimate.as_ref().map(|e| CheckEstimate {
        requested_at: fmt_time(e.requested_at),
        earliest: fmt_time(e.earliest),
        latest: fmt_time(e.latest),
        basis: Cow::Borrowed(e.basis.id()),
        finished: e.finished,
        overdue: e.overdue,
        variants: e
            .variants
            .iter()
            .map(|v| EstimateReading {
                id: v.id,
                latest: v.latest.map(fmt_time),
                text: words(v.id.text_id(), lang),
                source: sources_of(v.id.text_id()),
            })
            .collect(),
        calendar_source: calendar_sources(e.requested_at.date(), e.latest.date()),
    });
    let r = &a.region;
    let link = |l: &region::ProfileLink| EligibilityLink { href: l.href.clone(), label: l.label.clone() };
    EligibilityAssessment {
        age_years: a.age_years,
        age_group: a.age_group,
        path: a.path,
        path_text: words(&a.path.text_id_for(a.role), lang),
        steps,
        next: a.next.map(|s| Cow::Borrowed(s.id())),
        create_button,
        check_estimate,
        notes: a.notes.iter().map(|n| note(n.id(), &n.text_id_for(a.role), lang)).collect(),
        region: RegionSummary {
            id: r.id.clone(),
            name: r.name.get(lang).to_owned(),
            diary_site: r.diary_site.as_ref().map(link),
            app_name: r.app_name.clone(),
            apps: r.apps.iter().map(|x| EligibilityLink { href: x.href.clone(), label: x.store.clone() }).collect(),
            problems: note(r.problems.id(), &elig::reader_text_id(r.problems.text_id().to_owned(), a.role), lang),
            problems_link: r.problems_link.as_ref().map(link),
            source: r.source.clone(),
        },
        lang: lang.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{ts_keys, ts_union};
    use diary_rules::eligibility::situation::*;
    use diary_rules::Id;

    /// The output's ids are typed by the closed sets' unions (`js_ids!`
    /// builds each from the set's own ids).
    #[test]
    fn the_output_unions_are_the_closed_sets() {
        use tsify::Tsify;
        for (decl, key, union) in [
            (EligibilityStep::DECL, "actor", "Actor"),
            (EligibilityStep::DECL, "state", "StepState"),
            (EstimateReading::DECL, "id", "EstimateId"),
            (EligibilityAssessment::DECL, "ageGroup", "AgeGroup"),
            (EligibilityAssessment::DECL, "path", "EligibilityPath"),
            (EligibilityAssessment::DECL, "lang", "Lang"),
        ] {
            assert!(decl.contains(&format!("{key}: {union};")), "{key}: {union} in {decl}");
        }
    }

    #[test]
    fn the_input_type_follows_the_rust_types() {
        assert_eq!(ts_keys(TS_INPUT_TEXT, "EligibilitySituation"), SituationInput::FIELDS);
        let fields: [(&str, &[&str]); 12] = [
            ("role", <Role as Id>::IDS),
            ("representative", <Representative as Id>::IDS),
            ("citizenship", <Citizenship as Id>::IDS),
            ("birthCertificate", <BirthCertificate as Id>::IDS),
            ("certificateStatus", <CertificateStatus as Id>::IDS),
            ("snilsStatus", <SnilsStatus as Id>::IDS),
            ("parentAccount", <ParentAccount as Id>::IDS),
            ("studentAccount", <StudentAccount as Id>::IDS),
            ("consent", <Consent as Id>::IDS),
            ("parentConsent", <Consent as Id>::IDS),
            ("application", <Application as Id>::IDS),
            ("studentPassword", <StudentPassword as Id>::IDS),
        ];
        for (key, ids) in fields {
            let optional = if key == "role" { "" } else { "?" };
            let line = format!("    {key}{optional}: {};\n", ts_union(ids));
            assert!(TS_INPUT_TEXT.contains(&line), "{line}");
        }
        for line in [
            "    birthDate: string;\n",
            "    today?: string;\n",
            "    lang?: Lang;\n",
            "    region?: BuiltInRegionId | RegionProfile;\n",
            "    checkRequestedAt?: string;\n",
            "    /** The student's birth date, \"YYYY-MM-DD\". */\n",
        ] {
            assert!(TS_INPUT_TEXT.contains(line), "{line} in {TS_INPUT_TEXT}");
        }
        // Every question's field is in the interface: a new `answers` line
        // in `situation!` reaches TypeScript with no other edit.
        for q in Question::ALL {
            assert!(TS_INPUT_TEXT.contains(&format!("    {}?: ", q.field().id())), "{q:?}");
        }
    }
}
