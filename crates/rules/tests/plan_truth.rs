//! The plan tells each reader the truth (issue 24), for every scenario of
//! `tests/fixtures/eligibility.toml` read by a parent, a guardian and the
//! student:
//! - a step is «сделано» only when an answer the step rests on was given
//!   (the table `grounds`) — never by default;
//! - «не нужно» only where a rule says the step does not apply (the binding
//!   code of an account a parent created: seeds 001, 002), and that step is
//!   never «сделано»;
//! - the student reads no third person about the student («ученик», «он»)
//!   and no masculine-only past tense («входил»);
//! - a guardian's path text does not call the reader «родитель»;
//! - a diary-side step (login, consent) in a region whose profile names its
//!   seeds claims only what those seeds (or DOMAIN.md) say.
//!
//! `PLAN_DUMP=1 cargo test -p diary-rules --test plan_truth -- --nocapture`
//! prints every plan.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::eligibility::steps::is_diary_side;
use diary_rules::eligibility::{
    assess_input, parse_local_date_time, Assessment, Situation, SituationInput, StepId, StepState,
};
use diary_rules::texts::{self, fill};
use diary_rules::Lang;

const FIXTURES: &str = include_str!("../../../tests/fixtures/eligibility.toml");

#[path = "../../../tests/fixtures/eligibility.rs"]
#[allow(dead_code)]
mod fixture;

/// The answers (input fields) that can make a step done. A step done with
/// none of them given was marked done by nobody.
fn grounds(id: StepId) -> &'static [&'static str] {
    match id {
        StepId::ParentAccount => {
            &["parentAccount", "studentAccount", "certificateStatus", "snilsStatus", "application"]
        }
        StepId::ChildCard | StepId::CertificateCheck | StepId::SnilsCheck | StepId::MfcDocuments => {
            &["certificateStatus", "snilsStatus", "studentAccount"]
        }
        StepId::CreateChildAccount | StepId::StudentRegister | StepId::AdultAccount => &["studentAccount"],
        StepId::LinkCode | StepId::LinkEnterCode => &["studentAccount"],
        StepId::StudentDiaryLogin | StepId::ConsentForChild | StepId::StudentConsent => &["consent"],
        StepId::ParentDiaryLogin => &["parentConsent"],
        StepId::ApplicationLogin
        | StepId::ApplicationGrant
        | StepId::ApplicationOpen
        | StepId::ApplicationSubmit
        | StepId::SchoolReview => &["application"],
        StepId::CheckOverdue | StepId::Citizenship | StepId::SchoolAccess | StepId::PasswordRecovery => &[],
    }
}

/// Words that speak of the student in the third person or in the masculine only.
fn not_for_student(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '(' && c != ')')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    for w in &words {
        match w.as_str() {
            "ученик" | "ученика" | "ученику" | "учеником" | "ученике" => {
                return Some("«ученик» of the reader")
            }
            "он" | "его" | "ему" if text.contains("ученик") || text.contains("ребён") => {
                return Some("«он» of the reader")
            }
            "входил" | "зарегистрировался" | "получил" | "ввёл" | "забыл" | "сделал" => {
                return Some("masculine-only past tense")
            }
            _ => {}
        }
    }
    None
}

struct Read {
    case: String,
    reader: &'static str,
    input: toml::Value,
    situation: Situation,
    a: Assessment,
}

fn reads() -> Vec<Read> {
    let clock = parse_local_date_time("2001-01-01T00:00").unwrap();
    let mut out = Vec::new();
    for case in fixture::cases(FIXTURES) {
        if case.expect.error.is_some() {
            continue;
        }
        for reader in ["parent", "guardian", "student"] {
            let mut input = case.input.clone();
            let t = input.as_table_mut().unwrap();
            t.remove("representative");
            t.insert("role".into(), if reader == "student" { "student" } else { "parent" }.into());
            if reader == "guardian" {
                t.insert("representative".into(), "guardian".into());
            }
            let Ok(si): Result<SituationInput, _> = input.clone().try_into() else { continue };
            let Ok(a) = assess_input(&si, clock) else { continue };
            let situation = Situation::from_input(&si, clock).unwrap();
            out.push(Read { case: case.name.clone(), reader, input, situation, a });
        }
    }
    out
}

#[test]
fn no_step_is_done_without_an_answer_or_a_rule() {
    let all = reads();
    assert!(all.len() > 250, "{} plans", all.len());
    for r in &all {
        let given = |k: &str| r.input.get(k).is_some();
        for st in &r.a.steps {
            let ctx = format!("«{}» [{}] {}", r.case, r.reader, st.id.id());
            if st.state == StepState::Done {
                assert!(grounds(st.id).iter().any(|k| given(k)), "{ctx}: «сделано» with no answer behind it");
            }
            let parent_made = r.input.get("studentAccount").and_then(|v| v.as_str()) == Some("created_by_parent");
            let binding = matches!(st.id, StepId::LinkCode | StepId::LinkEnterCode);
            if binding && parent_made {
                assert_eq!(st.state, StepState::NotNeeded, "{ctx}: a parent-made account has no binding code");
            } else {
                assert_ne!(st.state, StepState::NotNeeded, "{ctx}: «не нужно» with no rule behind it");
            }
            if st.state == StepState::NotNeeded {
                assert!(texts::text(&st.text_id, Lang::Ru).starts_with("Не нужно"), "{ctx}: {}", st.text_id);
            }
        }
    }
}

#[test]
fn each_reader_is_named_in_their_own_words() {
    for r in reads() {
        let path = texts::text(&r.a.path.text_id_in(&r.situation), Lang::Ru).to_owned();
        let mut read = vec![(r.a.path.text_id_in(&r.situation), path.clone())];
        for st in &r.a.steps {
            read.push((st.title_id.clone(), fill(texts::text(&st.title_id, Lang::Ru), &st.params)));
            read.push((st.text_id.clone(), fill(texts::text(&st.text_id, Lang::Ru), &st.params)));
        }
        for (id, words) in &read {
            let ctx = format!("«{}» [{}] {id}: «{words}»", r.case, r.reader);
            if r.reader == "student" {
                assert_eq!(not_for_student(words), None, "{ctx}");
            }
        }
        if r.reader == "guardian" {
            assert!(!path.contains("родител"), "«{}» guardian: path «{path}»", r.case);
        }
    }
}

#[test]
fn diary_side_steps_claim_only_what_the_regions_sources_say() {
    let mut bad = std::collections::BTreeSet::new();
    for r in reads() {
        let region = &r.a.region.source;
        if region.is_empty() || !region.iter().all(|s| s.starts_with("seeds/")) {
            continue;
        }
        for st in r.a.steps.iter().filter(|st| is_diary_side(st.id)) {
            let e = texts::entry(&st.text_id).unwrap();
            let ok = e.sources.iter().any(|s| region.contains(&s.to_string()) || *s == "DOMAIN.md" || *s == "project");
            if !ok {
                bad.insert(format!("{} in {}: {} rests on {:?}", st.id.id(), r.a.region.id, st.text_id, e.sources));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_student_text_speaks_to_the_student() {
    for e in texts::all() {
        let variant = e.id.strip_suffix("_student").is_some_and(|base| texts::entry(base).is_some());
        if variant {
            assert_eq!(not_for_student(e.ru), None, "{}: «{}»", e.id, e.ru);
        }
    }
}

#[test]
fn dump() {
    if std::env::var("PLAN_DUMP").is_err() {
        return;
    }
    for r in reads() {
        println!("=== {} [{}] {}", r.case, r.reader, r.input);
        println!("  path: {}", texts::text(&r.a.path.text_id_in(&r.situation), Lang::Ru));
        for st in &r.a.steps {
            println!(
                "  - {} {} [{}] {}",
                st.id.id(),
                st.state.id(),
                st.actor.id(),
                fill(texts::text(&st.title_id, Lang::Ru), &st.params)
            );
            println!("      {}", fill(texts::text(&st.text_id, Lang::Ru), &st.params));
        }
    }
}
