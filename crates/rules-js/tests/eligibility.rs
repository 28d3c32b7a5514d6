//! The eligibility scenarios of `tests/fixtures/eligibility.toml` through
//! `assessEligibility`, in a browser; plus the JS-only concerns: errors name
//! the field, nulls are nulls, words are filled in, the module keeps working
//! after an error.

use diary_rules_js::assess_eligibility;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURES: &str = include_str!("../../../tests/fixtures/eligibility.toml");

// `see` and `textIds` are checked natively (crates/rules/tests/eligibility.rs).
#[path = "../../../tests/fixtures/eligibility.rs"]
#[allow(dead_code)]
mod fixture;
use fixture::{Case, OrNone};

fn get(obj: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn string(obj: &JsValue, name: &str) -> String {
    get(obj, name).as_string().unwrap_or_else(|| panic!("{name} is not a string"))
}

fn array(obj: &JsValue, name: &str) -> Vec<JsValue> {
    let value = get(obj, name);
    assert!(js_sys::Array::is_array(&value), "{name} is not an array");
    js_sys::Array::from(&value).iter().collect()
}

fn strings(obj: &JsValue, name: &str) -> Vec<String> {
    array(obj, name).iter().map(|v| v.as_string().expect("a string")).collect()
}

fn js_input(input: &toml::Value) -> JsValue {
    let json = serde_json::to_string(input).expect("TOML input converts to JSON");
    js_sys::JSON::parse(&json).expect("valid JSON")
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err: JsValue = result.expect_err("an error").into();
    String::from(err.dyn_ref::<js_sys::Error>().expect("a JS Error").message())
}

/// Properties of every answer.
fn check_shape(out: &JsValue, name: &str) {
    let steps = array(out, "steps");
    assert!(!steps.is_empty(), "{name}");
    let first_open =
        steps.iter().find(|s| !matches!(string(s, "state").as_str(), "done" | "not_needed")).map(|s| string(s, "id"));
    assert_eq!(get(out, "next").as_string(), first_open, "{name}: next");
    if first_open.is_none() {
        assert!(get(out, "next").is_null(), "{name}: next is null, not undefined");
    }
    for s in &steps {
        for key in ["id", "actor", "state", "title", "text"] {
            let v = string(s, key);
            assert!(!v.trim().is_empty() && !v.contains('{'), "{name}: step {key} = {v:?}");
        }
        assert!(!strings(s, "source").is_empty(), "{name}: step without source");
        let link = get(s, "link");
        if !link.is_undefined() {
            assert!(string(&link, "href").starts_with("http"), "{name}");
            assert!(!string(&link, "label").is_empty(), "{name}");
        }
    }
    for n in array(out, "notes") {
        assert!(!string(&n, "text").is_empty() && !strings(&n, "source").is_empty(), "{name}: note");
    }
    assert!(!string(&get(out, "region"), "id").is_empty(), "{name}");
    assert!(!string(&get(&get(out, "region"), "problems"), "text").is_empty(), "{name}");
}

fn check(case: &Case) {
    let (name, expect) = (&case.name, &case.expect);
    let result = assess_eligibility(js_input(&case.input));
    if let Some(error) = &expect.error {
        let message = error_message(result);
        let (field, id) = error.split_once(':').unwrap();
        let prefix = if id == "unknown_field" { format!("{field}: unknown field") } else { format!("{field}: {id}") };
        assert!(message.starts_with(&prefix), "{name}: {message:?} should start with {prefix:?}");
        return;
    }
    let out = result.unwrap_or_else(|e| panic!("{name}: {:?}", JsValue::from(e)));
    check_shape(&out, name);
    if let Some(want) = expect.age_years {
        assert_eq!(get(&out, "ageYears").as_f64(), Some(f64::from(want)), "{name}");
    }
    for (key, want) in [("ageGroup", &expect.age_group), ("path", &expect.path)] {
        if let Some(want) = want {
            assert_eq!(&string(&out, key), want, "{name}: {key}");
        }
    }
    if let Some(want) = &expect.next {
        assert_eq!(&get(&out, "next").as_string().unwrap_or_default(), want, "{name}: next");
    }
    if let Some(want) = &expect.steps {
        let got: Vec<String> =
            array(&out, "steps").iter().map(|s| format!("{}:{}", string(s, "id"), string(s, "state"))).collect();
        assert_eq!(&got, want, "{name}: steps");
    }
    match expect.create_button.as_ref().map(OrNone::as_ref) {
        None => {}
        Some(None) => assert!(get(&out, "createButton").is_null(), "{name}: createButton is null"),
        Some(Some(want)) => {
            let b = get(&out, "createButton");
            assert_eq!(get(&b, "visible").as_bool(), Some(want.visible), "{name}: visible");
            assert_eq!(strings(&b, "missing"), want.missing, "{name}: missing");
            assert_eq!(strings(&b, "unknown"), want.unknown, "{name}: unknown");
            assert_eq!(array(&b, "reasons").len(), want.missing.len() + want.unknown.len());
        }
    }
    match expect.estimate.as_ref().map(OrNone::as_ref) {
        None => {}
        Some(None) => assert!(get(&out, "checkEstimate").is_undefined(), "{name}: no checkEstimate"),
        Some(Some(want)) => {
            let e = get(&out, "checkEstimate");
            let variants = array(&e, "variants");
            for (k, v) in [("earliest", &want.earliest), ("latest", &want.latest)] {
                if let Some(v) = v {
                    assert_eq!(&string(&e, k), v, "{name}: {k}");
                }
            }
            for (k, v) in [("overdue", want.overdue), ("finished", want.finished)] {
                if v.is_some() {
                    assert_eq!(get(&e, k).as_bool(), v, "{name}: {k}");
                }
            }
            if want.calendar_days.is_some() {
                assert_eq!(get(&variants[1], "latest").as_string(), want.calendar_days);
            }
            if want.average.is_some() {
                assert_eq!(get(&variants[3], "latest").as_string(), want.average);
            }
            assert!(get(&variants[2], "latest").is_null(), "{name}: several days has no bound");
            assert_eq!(string(&e, "basis"), "five_working_days");
            let calendar = strings(&e, "calendarSource");
            assert!(calendar.iter().all(|s| s.starts_with("law:")), "{name}: {calendar:?}");
        }
    }
    let note_ids: Vec<String> = array(&out, "notes").iter().map(|n| string(n, "id")).collect();
    for n in &expect.notes {
        assert!(note_ids.contains(n), "{name}: note {n}");
    }
    for n in &expect.notes_absent {
        assert!(!note_ids.contains(n), "{name}: note {n} should be absent");
    }
    for pair in &expect.links {
        let (step, href) = pair.split_once('=').unwrap();
        let s = array(&out, "steps").into_iter().find(|s| string(s, "id") == step).expect("the step");
        assert_eq!(string(&get(&s, "link"), "href"), href, "{name}: link of {step}");
    }
    // textIds: ids are resolved to words in this layer; checked natively.
}

#[wasm_bindgen_test]
fn fixtures_through_the_js_api() {
    let cases = fixture::cases(FIXTURES);
    for case in &cases {
        check(case);
    }
    assert!(cases.len() >= 60);
}

#[wasm_bindgen_test]
fn errors_name_the_field_and_the_module_keeps_working() {
    let parse = |json: &str| js_sys::JSON::parse(json).unwrap();
    let cases: &[(JsValue, &str)] = &[
        (JsValue::NULL, "situation: expected an object"),
        (JsValue::UNDEFINED, "situation: expected an object"),
        (JsValue::from_str("parent"), "situation: expected an object"),
        (parse("[]"), "situation: expected an object"),
        (parse(r#"{"role":"parent","birthDate":20150901}"#), "birthDate: invalid type"),
        (parse(r#"{"role":5,"birthDate":"2015-09-01"}"#), "role: invalid type"),
        (
            parse(r#"{"role":"parent","birthDate":"2015-09-01","region":5}"#),
            "region: invalid type: integer, expected a profile id",
        ),
        (
            parse(
                r#"{"role":"parent","birthDate":"2015-09-01","region":{"id":"x","name":{"ru":"Икс","en":"X"},"consentvia":"portfolio"}}"#,
            ),
            "region.consentvia: unknown field",
        ),
        (
            parse(
                r#"{"role":"parent","birthDate":"2015-09-01","region":{"id":"x","name":{"ru":"Икс","en":"X"},"consentVia":"email"}}"#,
            ),
            "region.consentVia: unknown variant",
        ),
        (parse(r#"{"role":"parent","birthDate":"2015-09-01","region":{"id":"x"}}"#), "region: missing field `name`"),
        (
            parse(r#"{"role":"parent","birthDate":"2015-09-01","lang":"de"}"#),
            "lang: unknown_value: expected one of ru, en",
        ),
    ];
    for (input, prefix) in cases {
        let message = error_message(assess_eligibility(input.clone()));
        assert!(message.starts_with(prefix), "{message:?} should start with {prefix:?}");
        let ok = assess_eligibility(parse(r#"{"role":"parent","birthDate":"2015-09-01","today":"2026-03-10"}"#));
        assert!(ok.is_ok(), "works after {prefix}");
    }
}

#[wasm_bindgen_test]
fn today_and_now_default_to_the_browser_clock() {
    let out =
        assess_eligibility(js_sys::JSON::parse(r#"{"role":"student","birthDate":"2000-01-01"}"#).unwrap()).unwrap();
    let d = js_sys::Date::new_0();
    // Born on 1 January: the age is the difference of the years all year long.
    let expected = d.get_full_year() as f64 - 2000.0;
    assert_eq!(get(&out, "ageYears").as_f64(), Some(expected));
    // A check requested a minute ago is not overdue; one requested "now" works.
    let pad = |n: u32| format!("{n:02}");
    let at = format!(
        "{}-{}-{}T{}:{}",
        d.get_full_year(),
        pad(d.get_month() + 1),
        pad(d.get_date()),
        pad(d.get_hours()),
        pad(d.get_minutes())
    );
    let json = format!(r#"{{"role":"parent","birthDate":"2015-09-01","checkRequestedAt":"{at}"}}"#);
    let out = assess_eligibility(js_sys::JSON::parse(&json).unwrap()).unwrap();
    assert_eq!(get(&get(&out, "checkEstimate"), "overdue").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn words_follow_lang_and_profile_names_are_filled_in() {
    let input = |lang: &str| {
        js_sys::JSON::parse(&format!(
            r#"{{"role":"parent","birthDate":"2014-09-01","today":"2026-03-10","region":"orenburg","lang":"{lang}"}}"#
        ))
        .unwrap()
    };
    let ru = assess_eligibility(input("ru")).unwrap();
    let en = assess_eligibility(input("en")).unwrap();
    assert_eq!(string(&ru, "lang"), "ru");
    assert_eq!(string(&en, "lang"), "en");
    let text = |out: &JsValue, id: &str| {
        let step = array(out, "steps").into_iter().find(|s| string(s, "id") == id).expect("the step");
        string(&step, "text")
    };
    assert!(text(&ru, "application_open").contains("«Доступ к дневнику»"));
    assert!(text(&en, "application_open").contains("Press «Доступ к дневнику»"));
    assert_ne!(string(&ru, "pathText"), string(&en, "pathText"));
    assert_eq!(string(&get(&ru, "region"), "name"), "Оренбургская область");
    assert_eq!(string(&get(&en, "region"), "name"), "Orenburg region");
}
