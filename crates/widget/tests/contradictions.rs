//! No contradictions on one screen (issue 13): every scenario of
//! `tests/fixtures/eligibility.toml` shown in the panel (its answers
//! remembered, every other question answered «Не знаю»), then the screen is
//! read back and checked: a «Создать» condition marked met (✓) has its step
//! done, one missing (✗) or unknown has it not done; the diagnosis shows
//! only while the «Создать» step is open; an overdue warning comes with the
//! "write to support" step; «the check has ended» never sits beside a check
//! still waiting; the heading of the next step is the one current step; a
//! done step offers no «Сделано» tick.
//!
//! Dates are moved by the distance between the case's day and today, so
//! ages stay what the case meant on the browser's clock.

use chrono::{NaiveDate, NaiveDateTime};
use diary_help_widget::{mount, storage::STORAGE_KEY};
use diary_rules::eligibility::questions::Question;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{host, options, settle};

const FIXTURES: &str = include_str!("../../../tests/fixtures/eligibility.toml");

// The expectations are the rules' (checked by the rules' harnesses); this
// test reads the cases' names and inputs.
#[path = "../../../tests/fixtures/eligibility.rs"]
#[allow(dead_code)]
mod fixture;

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn snake(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The steps a «Создать» condition is about.
fn condition_steps(cond: &str) -> &'static [&'static str] {
    match cond {
        "parent_account" => &["parent_account"],
        "certificate_checked" => &["certificate_check"],
        "snils_checked" => &["snils_check"],
        "no_account" => &["create_child_account"],
        "citizenship" => &["citizenship"],
        _ => &[],
    }
}

#[wasm_bindgen_test]
async fn no_box_step_or_warning_contradicts_another_in_any_fixture() {
    let cases = fixture::cases(FIXTURES);
    let js = js_sys::Date::new_0();
    let today = NaiveDate::from_ymd_opt(js.get_full_year() as i32, js.get_month() + 1, js.get_date()).unwrap();
    let now = today.and_hms_opt(js.get_hours(), js.get_minutes(), 0).unwrap();
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    let mut checked = 0;
    for (i, case) in cases.iter().enumerate() {
        let name = &case.name;
        let input = case.input.as_table().unwrap();
        if case.expect.error.is_some() || input.get("region").is_some_and(|r| !r.is_str()) {
            continue;
        }
        let day = input
            .get("today")
            .or(input.get("now"))
            .and_then(|v| v.as_str())
            .and_then(|d| NaiveDate::parse_from_str(&d[..10], "%Y-%m-%d").ok())
            .unwrap();
        // Dates move by whole days; a date-time by the distance between the
        // case's clock and the browser's, so "five minutes ago" stays so.
        let shift = |d: &str| -> Option<String> {
            let date = NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()?;
            Some((date + (today - day)).format("%Y-%m-%d").to_string())
        };
        let case_clock = input
            .get("now")
            .and_then(|v| v.as_str())
            .and_then(|t| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok())
            .unwrap_or_else(|| day.and_hms_opt(12, 0, 0).unwrap());
        let shift_time = |t: &str| -> Option<String> {
            let at = NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok()?;
            Some((at + (now - case_clock)).format("%Y-%m-%dT%H:%M").to_string())
        };
        let Some(birth) = input.get("birthDate").and_then(|v| v.as_str()).and_then(shift) else { continue };
        let mut role = input.get("role").and_then(|v| v.as_str()).unwrap_or("parent").to_owned();
        if role == "parent" && input.get("representative").and_then(|v| v.as_str()) == Some("guardian") {
            role = "guardian".into();
        }
        let answers = serde_json::Map::from_iter(input.iter().filter_map(|(k, v)| {
            let q = Question::parse(&snake(k)).filter(|q| *q != Question::Representative)?;
            let v = v.as_str()?;
            let v = if q == Question::CheckRequestedAt { shift_time(v)? } else { v.to_owned() };
            Some((q.id().to_owned(), serde_json::Value::String(v)))
        }));
        let unknown: Vec<&str> = Question::ALL.iter().map(|q| q.id()).filter(|q| !answers.contains_key(*q)).collect();
        let saved = serde_json::json!({
            "answers": answers, "birthDate": birth, "birthChecked": true, "rememberBirth": true, "unknown": unknown,
            "role": role, "section": "next",
        });
        storage.set_item(STORAGE_KEY, &saved.to_string()).unwrap();
        let region = input.get("region").and_then(|v| v.as_str()).unwrap_or("generic");
        let div = host(&format!("c{i}"));
        let mut handle = mount(div.clone().into(), options(&format!(r#"{{"region":"{region}"}}"#))).unwrap();
        settle().await;
        let ctx = format!("case {i} «{name}» ({saved})");
        assert!(div.query_selector(".dh-ask").unwrap().is_none(), "{ctx}: the plan, not a question");
        let steps: Vec<(String, String, bool)> = all(&div, ".dh-plan > li")
            .iter()
            .map(|li| {
                let a = |k: &str| li.get_attribute(k).unwrap_or_default();
                (a("data-step"), a("data-state"), a("aria-current") == "step")
            })
            .collect();
        assert!(!steps.is_empty(), "{ctx}: no plan");
        let state_of = |id: &str| steps.iter().find(|s| s.0 == id).map(|s| s.1.clone());
        // One current step: the first not done; its title heads the screen.
        let current: Vec<_> = steps.iter().filter(|s| s.2).collect();
        let first_open = steps.iter().find(|s| s.1 != "done" && s.1 != "not_needed");
        assert_eq!(current.len(), usize::from(first_open.is_some()), "{ctx}: {steps:?}");
        assert_eq!(current.first().map(|s| &s.0), first_open.map(|s| &s.0), "{ctx}");
        let heading = div.query_selector("#dh-now-title").unwrap().expect("the next step").text_content().unwrap();
        if let Some(li) = div.query_selector(".dh-plan > li[aria-current=step] .dh-step-title").unwrap() {
            assert_eq!(li.text_content().unwrap(), heading, "{ctx}");
        }
        // «Создать»: only while its step is open; ✓ and ✗ agree with the steps.
        let create = state_of("create_child_account");
        let boxes = all(&div, ".dh-create");
        if !boxes.is_empty() {
            assert!(create.as_deref().is_some_and(|s| s != "done"), "{ctx}: diagnosis beside {create:?}");
        }
        for li in boxes.iter().flat_map(|b| all(b, "li[data-cond]")) {
            let cond = li.get_attribute("data-cond").unwrap();
            let met = li.get_attribute("data-met").unwrap();
            for step in condition_steps(&cond) {
                if *step == "create_child_account" {
                    continue;
                }
                if let Some(state) = state_of(step) {
                    assert_eq!(
                        met == "met",
                        state == "done",
                        "{ctx}: condition {cond} is {met}, step {step} is {state}"
                    );
                }
            }
        }
        // Warnings agree with the steps.
        if div.query_selector(".dh-overdue").unwrap().is_some() {
            assert!(state_of("check_overdue").is_some(), "{ctx}: overdue without the support step");
        }
        if div.query_selector(".dh-wait .dh-ok").unwrap().is_some() {
            for step in ["certificate_check", "snils_check", "mfc_documents"] {
                assert_ne!(state_of(step).as_deref(), Some("waiting"), "{ctx}: check ended but {step} waits");
            }
        }
        // A done step is not offered «Сделано».
        for li in all(&div, ".dh-plan > li[data-state=done]") {
            assert!(li.query_selector(".dh-tick").unwrap().is_none(), "{ctx}: tick on a done step");
        }
        handle.unmount();
        div.remove();
        checked += 1;
    }
    storage.clear().unwrap();
    assert!(checked >= 60, "only {checked} cases shown");
}
