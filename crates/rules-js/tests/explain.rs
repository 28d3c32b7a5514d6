//! Error explanation and document comparison through the JS API, in a
//! browser, from the same fixtures as the native tests
//! (`tests/fixtures/explain.toml`, `tests/fixtures/documents.toml`).

use diary_rules::explain::catalog::catalog;
use diary_rules::texts;
use diary_rules_js::{check_birth_certificate, compare_records, explain_error, list_errors};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXPLAIN: &str = include_str!("../../../tests/fixtures/explain.toml");
const DOCUMENTS: &str = include_str!("../../../tests/fixtures/documents.toml");
const CORPUS: &str = include_str!("../../../tests/fixtures/explain-corpus.toml");

/// A JS value from JSON, built the way a host page would pass it.
fn js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).expect("valid JSON")
}

/// A JS result back as JSON, to compare with the fixtures.
fn json_of(value: &JsValue) -> Value {
    if value.is_null() {
        return Value::Null;
    }
    let s: String = js_sys::JSON::stringify(value).expect("stringify").into();
    serde_json::from_str(&s).expect("JSON")
}

fn fixture(text: &str) -> Value {
    let t: toml::Value = toml::from_str(text).expect("fixture parses");
    serde_json::to_value(t).expect("TOML as JSON")
}

fn error_message(err: wasm_bindgen::JsError) -> String {
    let value: JsValue = err.into();
    value.dyn_ref::<js_sys::Error>().expect("a JS Error").message().into()
}

/// The one function that calls `explainError`: checks the id (`None` = null).
fn check(text: &str, context: &Value, expect: Option<&str>) -> Value {
    let out = explain_error(JsValue::from_str(text), js(context))
        .unwrap_or_else(|e| panic!("{text:?}: {}", error_message(e)));
    let got = json_of(&out);
    assert_eq!(got.get("id").and_then(Value::as_str), expect, "{text:?} → {got}");
    if expect.is_some() {
        let c = got["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&c));
        // Rounded to two decimals: no 0.7749999761581421.
        assert_eq!(c, (c * 100.0).round() / 100.0, "{text:?}: confidence {c}");
        assert!(!got["steps"].as_array().expect("steps").is_empty());
        assert!(got["quote"].as_str().is_some_and(|q| !q.is_empty()));
        // Absent optional fields are absent, not null.
        for field in ["contact", "links"] {
            assert!(got.get(field).is_none_or(|v| !v.is_null()), "{field} is null");
        }
    }
    got
}

#[wasm_bindgen_test]
fn every_quote_typo_and_truncation_matches() {
    let none = json!({});
    for entry in &catalog().entry {
        for quote in &entry.quote {
            check(texts::entry(quote.text).expect("quote").ru, &none, Some(entry.id));
        }
    }
    let f = fixture(EXPLAIN);
    for cases in f["entry"].as_array().expect("entries") {
        let id = cases["id"].as_str().expect("id");
        for key in ["typo", "truncated"] {
            for text in cases[key].as_array().expect(key) {
                check(text.as_str().expect("text"), &none, Some(id));
            }
        }
    }
}

/// The labelled corpus through the JS API: the same answers as natively
/// (crates/rules/tests/explain_corpus.rs): every negative exactly as
/// expected, no positive with a wrong id.
#[wasm_bindgen_test]
fn the_labelled_corpus() {
    let corpus = fixture(CORPUS);
    let none = json!({});
    let mut recognised = 0;
    let positives = corpus["positive"].as_array().expect("positives");
    for p in positives {
        let text = p["text"].as_str().expect("text");
        let out = json_of(&explain_error(JsValue::from_str(text), js(&none)).expect("no error"));
        // Not recognised is allowed (recall); a wrong id is not.
        if let Some(id) = out.get("id").and_then(Value::as_str) {
            assert_eq!(Some(id), p["id"].as_str(), "{text:?}");
            recognised += 1;
        }
    }
    let negatives = corpus["negative"].as_array().expect("negatives");
    for n in negatives {
        let text = n["text"].as_str().expect("text");
        let expect = n["expect"].as_str().filter(|e| *e != "null");
        check(text, &none, expect);
    }
    assert!(positives.len() >= 300 && negatives.len() >= 150);
    assert!(recognised as f64 >= 0.95 * positives.len() as f64, "{recognised} of {}", positives.len());
}

#[wasm_bindgen_test]
fn actors_by_role_and_age() {
    let audiences = [
        ("parent", json!({ "role": "parent" })),
        ("student_10", json!({ "role": "student", "ageYears": 10 })),
        ("student_15", json!({ "role": "student", "ageYears": 15 })),
        ("student_19", json!({ "role": "student", "ageYears": 19 })),
        ("unknown", json!({})),
    ];
    for cases in fixture(EXPLAIN)["entry"].as_array().expect("entries") {
        let id = cases["id"].as_str().expect("id");
        let entry = catalog().entry(id).expect("entry");
        let text = texts::entry(entry.quote[0].text).expect("quote").ru;
        for (key, context) in &audiences {
            let got = check(text, context, Some(id));
            assert_eq!(got["actor"], cases["actors"][key], "{id} for {key}");
        }
    }
}

#[wasm_bindgen_test]
fn unrelated_texts_give_null() {
    for case in fixture(EXPLAIN)["none"].as_array().expect("none") {
        let text = case["text"].as_str().expect("text");
        let out = explain_error(JsValue::from_str(text), JsValue::UNDEFINED).expect("no error");
        assert!(out.is_null(), "{text:?}");
        check(text, &json!({ "role": "student", "ageYears": 12, "region": "kuzbass" }), None);
    }
}

#[wasm_bindgen_test]
fn scenarios_with_context_and_language() {
    for c in fixture(EXPLAIN)["case"].as_array().expect("cases") {
        let mut context = json!({});
        for (from, to) in [("role", "role"), ("age", "ageYears"), ("region", "region"), ("lang", "lang")] {
            if let Some(v) = c.get(from) {
                context[to] = v.clone();
            }
        }
        let text = c["text"].as_str().expect("text");
        let lang = c.get("lang").and_then(Value::as_str).and_then(diary_rules::Lang::parse).unwrap_or_default();
        let got = check(text, &context, c["id"].as_str());
        if let Some(actor) = c.get("actor") {
            assert_eq!(&got["actor"], actor, "{text:?}");
        }
        if let Some(contact) = c.get("contact").and_then(Value::as_str) {
            assert_eq!(got["contact"].as_str(), Some(texts::text(contact, lang)), "{text:?}");
        }
        if let Some(quote) = c.get("quote").and_then(Value::as_str) {
            assert_eq!(got["quote"].as_str(), Some(texts::text(quote, diary_rules::Lang::Ru)), "{text:?}");
        }
        if let Some(link) = c.get("link") {
            let links = got["links"].as_array().expect("links");
            assert!(links.iter().any(|l| &l["url"] == link && l["label"].is_string()), "{text:?}");
        }
        if let Some(step) = c.get("first_step").and_then(Value::as_str) {
            assert_eq!(got["steps"][0].as_str(), Some(texts::text(step, lang)), "{text:?}");
        }
        if let Some(min) = c.get("min_confidence").and_then(Value::as_f64) {
            assert!(got["confidence"].as_f64().unwrap() >= min - 1e-6, "{text:?}");
        }
        if let Some(max) = c.get("max_confidence").and_then(Value::as_f64) {
            assert!(got["confidence"].as_f64().unwrap() <= max + 1e-6, "{text:?}");
        }
    }
}

#[wasm_bindgen_test]
fn birth_date_in_the_context_picks_the_age() {
    // Born 2000: an adult student; born last year: a small child.
    let adult = check(
        "Для входа в дневник необходимо согласие",
        &json!({ "role": "student", "birthDate": "2000-01-01" }),
        Some("consent_required"),
    );
    assert_eq!(adult["actor"], "student");
    let year = js_sys::Date::new_0().get_full_year() - 1;
    let child = check(
        "Для входа в дневник необходимо согласие",
        &json!({ "role": "student", "birthDate": format!("{year}-01-01") }),
        Some("consent_required"),
    );
    assert_eq!(child["actor"], "parent");
}

#[wasm_bindgen_test]
fn list_for_a_picker() {
    let ru = json_of(&list_errors(JsValue::UNDEFINED).expect("list"));
    let en = json_of(&list_errors(JsValue::from_str("en")).expect("list"));
    let ru = ru.as_array().expect("array");
    assert_eq!(ru.len(), catalog().entry.len());
    assert_eq!(ru.len(), en.as_array().expect("array").len());
    for (r, e) in ru.iter().zip(en.as_array().unwrap()) {
        assert_eq!(r["id"], e["id"]);
        assert_eq!(r["quote"], e["quote"], "quotes stay Russian");
        assert_ne!(r["title"], e["title"]);
    }
    assert!(ru.iter().any(|x| x["id"] == "diary_not_found"));
}

#[wasm_bindgen_test]
fn certificates() {
    for c in fixture(DOCUMENTS)["certificate"].as_array().expect("certificates") {
        let text = c["text"].as_str().expect("text");
        let got = json_of(&check_birth_certificate(JsValue::from_str(text)).expect("no error"));
        assert_eq!(got["valid"], c["valid"], "{text:?}");
        assert_eq!(got.get("normalized"), c.get("normalized"), "{text:?}");
        assert_eq!(got["problems"], c["problems"], "{text:?}");
    }
}

#[wasm_bindgen_test]
fn comparisons() {
    for c in fixture(DOCUMENTS)["comparison"].as_array().expect("comparisons") {
        let name = c["name"].as_str().expect("name");
        let got =
            json_of(&compare_records(js(&c["diary"]), js(&c["gosuslugi"]), JsValue::UNDEFINED).expect("no error"));
        let expected: Vec<&str> = c["differences"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
        let differences = got["differences"].as_array().expect("differences");
        let ids: Vec<String> = differences
            .iter()
            .map(|d| format!("{}:{}", d["field"].as_str().unwrap(), d["kind"].as_str().unwrap()))
            .collect();
        assert_eq!(ids, expected, "{name}");
        assert_eq!(got["match"].as_bool(), Some(expected.is_empty()), "{name}");
        for d in differences {
            assert!(d["hint"].as_str().is_some_and(|h| !h.is_empty()));
            assert!(d["diaryValue"].is_string() && d["gosuslugiValue"].is_string());
        }
    }
}

#[wasm_bindgen_test]
fn bad_input_names_the_field_and_the_module_keeps_working() {
    let text = JsValue::from_str("Дневник не найден");
    let context_errors = [
        (json!({ "birthDate": "10.05.2012" }), "context.birthDate"),
        (json!({ "birthDate": "2999-01-01" }), "context.birthDate"),
        (json!({ "ageYears": 250 }), "context.ageYears"),
        (json!({ "ageYears": -1 }), "context.ageYears"),
        (json!({ "ageYears": "ten" }), "context.ageYears"),
        (json!({ "role": "teacher" }), "context.role"),
        (json!({ "lang": "de" }), "context.lang"),
        (json!({ "region": 42 }), "context.region"),
        (json!([1, 2]), "context"),
        (json!("parent"), "context"),
    ];
    for (context, field) in context_errors {
        let err = explain_error(text.clone(), js(&context)).err().unwrap_or_else(|| panic!("{context} should fail"));
        let message = error_message(err);
        assert!(message.starts_with(&format!("{field}:")), "{context}: {message}");
    }
    for bad in [JsValue::from_f64(1.0), JsValue::NULL, JsValue::UNDEFINED] {
        let message = error_message(explain_error(bad, JsValue::UNDEFINED).expect_err("an error"));
        assert!(message.starts_with("text: expected a string"), "{message}");
        let message = error_message(check_birth_certificate(JsValue::from_f64(1.0)).expect_err("an error"));
        assert!(message.starts_with("text: expected a string"), "{message}");
    }
    let message = error_message(list_errors(JsValue::from_str("fr")).expect_err("an error"));
    assert!(message.starts_with("lang:"), "{message}");

    let good = json!({ "lastName": "Иванова", "firstName": "Анна" });
    let record_errors = [
        (json!({ "firstName": "Анна" }), good.clone(), "diary.lastName"),
        (good.clone(), json!({ "lastName": "Иванова" }), "gosuslugi.firstName"),
        (json!({ "lastName": 5, "firstName": "Анна" }), good.clone(), "diary.lastName"),
        (
            good.clone(),
            json!({ "lastName": "Иванова", "firstName": "Анна", "snils": 11223344595u64 }),
            "gosuslugi.snils",
        ),
        (json!(null), good.clone(), "diary"),
        (good.clone(), json!("Иванова"), "gosuslugi"),
    ];
    for (diary, gosuslugi, field) in record_errors {
        let err = compare_records(js(&diary), js(&gosuslugi), JsValue::UNDEFINED).expect_err("an error");
        let message = error_message(err);
        assert!(message.starts_with(&format!("{field}:")), "{diary} / {gosuslugi}: {message}");
    }
    // Still working.
    check("Дневник не найден", &json!({ "role": "parent" }), Some("diary_not_found"));
    let ok = json_of(&compare_records(js(&good), js(&good), JsValue::from_str("en")).expect("works"));
    assert_eq!(ok["match"], true);
}

#[wasm_bindgen_test]
fn a_large_paste_finishes() {
    let filler = "Оценки за четверть появятся в электронном журнале после проверки работ учителем. ";
    let mut text = filler.repeat(300_000 / filler.len());
    text.push_str("Не найдено в загсе");
    check(&text, &json!({}), Some("not_found_in_zags"));
}
