//! The password API in a browser: the shared fixtures
//! (`tests/fixtures/password.toml`) through `checkPassword`, the generator
//! with the browser's random source, `passwordPolicy`, and errors that name
//! the field.

use diary_rules_js::{check_password, generate_password, password_policy};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURES: &str = include_str!("../../../tests/fixtures/password.toml");

fn field(obj: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).expect("readable field")
}

fn strings(value: &JsValue) -> Vec<String> {
    js_sys::Array::from(value).iter().map(|v| v.as_string().expect("a string")).collect()
}

fn json(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).expect("valid JSON")
}

fn error_message(err: wasm_bindgen::JsError) -> String {
    let value: JsValue = err.into();
    value.dyn_ref::<js_sys::Error>().expect("a JS Error").message().into()
}

fn fixtures() -> serde_json::Value {
    let table: toml::Table = toml::from_str(FIXTURES).expect("fixtures parse");
    serde_json::to_value(table).expect("TOML converts to JSON")
}

/// Runs one fixture case through `checkPassword`.
fn check(case: &serde_json::Value) {
    let name = case["name"].as_str().unwrap_or("?");
    let password = case["password"].as_str().expect("password");
    let mut options = serde_json::Map::new();
    for key in ["confirm", "personal", "policy"] {
        if let Some(v) = case.get(key) {
            options.insert(key.to_owned(), v.clone());
        }
    }
    let out = check_password(JsValue::from_str(password), json(&options.into()))
        .unwrap_or_else(|e| panic!("{name}: {}", error_message(e)));

    let rules = js_sys::Array::from(&field(&out, "rules"));
    let failed: Vec<String> = rules
        .iter()
        .filter(|r| field(r, "passed").as_bool() == Some(false))
        .map(|r| field(&r, "id").as_string().expect("rule id"))
        .collect();
    let expected: Vec<String> =
        case["failed"].as_array().expect("failed").iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    assert_eq!(failed, expected, "{name}: failed rules");
    assert_eq!(field(&out, "valid").as_bool(), Some(expected.is_empty()), "{name}: valid");
    let ids: Vec<String> = rules.iter().map(|r| field(&r, "id").as_string().unwrap()).collect();
    assert_eq!(&ids[..6], ["min_length", "uppercase", "lowercase", "digit", "symbol", "allowed_chars"], "{name}");
    assert_eq!(ids.len(), if case.get("confirm").is_some() { 7 } else { 6 }, "{name}");

    if let Some(chars) = case.get("invalid_chars") {
        let want: Vec<String> = chars.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        assert_eq!(strings(&field(&out, "invalidChars")), want, "{name}: invalid chars");
    }
    let warnings = strings(&field(&out, "warnings"));
    for w in case.get("warnings").and_then(|w| w.as_array()).into_iter().flatten() {
        assert!(warnings.iter().any(|x| x == w.as_str().unwrap()), "{name}: expected {w} in {warnings:?}");
    }
    for w in case.get("no_warnings").and_then(|w| w.as_array()).into_iter().flatten() {
        let w = w.as_str().unwrap();
        if w == "*" {
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        } else {
            assert!(!warnings.iter().any(|x| x == w), "{name}: unexpected {w}");
        }
    }
    let layout_fix = field(&out, "layoutFix").as_string();
    assert_eq!(layout_fix.as_deref(), case.get("layout_fix").and_then(|v| v.as_str()), "{name}: layoutFix");
    if layout_fix.is_none() {
        assert!(!js_sys::Reflect::has(&out, &JsValue::from_str("layoutFix")).unwrap(), "{name}: absent, not null");
    }
    let strength = field(&out, "strength");
    let score = field(&strength, "score").as_f64().expect("score");
    assert!(field(&strength, "guessesLog10").as_f64().is_some_and(|g| g >= 0.0), "{name}");
    assert!(field(&strength, "label").as_string().is_some_and(|l| !l.is_empty()), "{name}");
    if let Some(min) = case.get("min_score").and_then(|v| v.as_f64()) {
        assert!(score >= min, "{name}: score {score}");
    }
    if let Some(max) = case.get("max_score").and_then(|v| v.as_f64()) {
        assert!(score <= max, "{name}: score {score}");
    }
    let messages = js_sys::Array::from(&field(&out, "messages"));
    assert_eq!(messages.length() as usize, failed.len() + warnings.len(), "{name}: messages");
    for m in messages.iter() {
        let text = field(&m, "text").as_string().expect("text");
        assert!(
            !text.is_empty() && !text.contains("{min}") && !text.contains("{fix}") && !text.contains("{chars}"),
            "{name}: {text}"
        );
    }
}

#[wasm_bindgen_test]
fn fixture_cases_through_check_password() {
    let fixtures = fixtures();
    let cases = fixtures["case"].as_array().expect("cases");
    assert!(cases.len() >= 40);
    for case in cases {
        check(case);
    }
}

#[wasm_bindgen_test]
fn host_policy_errors_name_the_field() {
    let fixtures = fixtures();
    for case in fixtures["policy_error"].as_array().expect("policy errors") {
        let options = serde_json::json!({ "policy": case["policy"] });
        let err = check_password(JsValue::from_str("Xk4$zq9!Lm2@"), json(&options)).expect_err("an error");
        let want = format!("options.policy.{}:", case["field"].as_str().unwrap());
        let message = error_message(err);
        assert!(message.starts_with(&want), "{message} does not start with {want}");
    }
    assert!(check_password(JsValue::from_str("Xk4$zq9!Lm2@"), JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn bad_arguments_name_the_field() {
    let ok = JsValue::from_str("Xk4$zq9!Lm2@");
    let cases: &[(JsValue, &str, &str)] = &[
        (JsValue::from_f64(12345678.0), "{}", "password: expected a string"),
        (JsValue::NULL, "{}", "password: expected a string"),
        (ok.clone(), r#"{"lang": "de"}"#, "options.lang:"),
        (ok.clone(), r#"{"confrim": "x"}"#, "options.confrim: unknown field"),
        (ok.clone(), r#"{"policy": {"minLen": 6}}"#, "options.policy.minLen: unknown field"),
        (ok.clone(), r#"{"policy": 6}"#, "options.policy:"),
        (ok.clone(), r#"{"personal": [1]}"#, "options.personal[0]:"),
        (ok.clone(), r#"{"confirm": 5}"#, "options.confirm:"),
        (ok.clone(), r#"{"policy": {"minLength": "8"}}"#, "options.policy.minLength:"),
        (ok.clone(), r#"[1, 2]"#, "options: expected an object"),
    ];
    for (password, options, want) in cases {
        let options = js_sys::JSON::parse(options).unwrap();
        let err = check_password(password.clone(), options).err().unwrap_or_else(|| panic!("no error for {want}"));
        let message = error_message(err);
        assert!(message.starts_with(want), "{message:?} should start with {want:?}");
    }
    // The module keeps working after errors.
    let out = check_password(ok, js_sys::JSON::parse(r#"{"lang": "en"}"#).unwrap()).unwrap();
    assert_eq!(field(&out, "valid").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn messages_follow_the_language() {
    let ru = check_password(JsValue::from_str("abc"), JsValue::UNDEFINED).unwrap();
    let en = check_password(JsValue::from_str("abc"), js_sys::JSON::parse(r#"{"lang": "en"}"#).unwrap()).unwrap();
    let first =
        |out: &JsValue| field(&js_sys::Array::from(&field(out, "messages")).get(0), "text").as_string().unwrap();
    assert!(first(&ru).contains("не меньше 8"), "{}", first(&ru));
    assert!(first(&en).contains("at least 8"), "{}", first(&en));
}

#[wasm_bindgen_test]
fn generated_passwords_pass_the_checker() {
    let opts = |s: &str| js_sys::JSON::parse(s).unwrap();
    for options in [
        JsValue::UNDEFINED,
        opts("{}"),
        opts(r#"{"length": 8}"#),
        opts(r#"{"length": 64}"#),
        opts(r#"{"memorable": true}"#),
        opts(r#"{"memorable": true, "length": 20}"#),
        opts(r##"{"policy": {"symbols": "#", "minLength": 16}}"##),
    ] {
        for _ in 0..20 {
            let password = generate_password(options.clone()).unwrap_or_else(|e| panic!("{}", error_message(e)));
            let policy = js_sys::Reflect::get(&options, &JsValue::from_str("policy")).unwrap_or(JsValue::UNDEFINED);
            let check_options = js_sys::Object::new();
            if !policy.is_undefined() {
                js_sys::Reflect::set(&check_options, &JsValue::from_str("policy"), &policy).unwrap();
            }
            let out = check_password(JsValue::from_str(&password), check_options.into()).unwrap();
            assert_eq!(field(&out, "valid").as_bool(), Some(true), "{password}");
        }
    }
    let default = generate_password(JsValue::UNDEFINED).unwrap();
    assert_eq!(default.chars().count(), 12);
    assert!(!default.chars().any(|c| "lI1O0".contains(c)), "{default}");
    // Two calls differ (the source is random).
    assert_ne!(generate_password(JsValue::UNDEFINED).unwrap(), generate_password(JsValue::UNDEFINED).unwrap());
}

#[wasm_bindgen_test]
fn generator_errors_name_the_field() {
    for (options, want) in [
        (r#"{"length": 7}"#, "options.length: must be a whole number from 8 to 64"),
        (r#"{"length": 65}"#, "options.length:"),
        (r#"{"length": 8.5}"#, "options.length:"),
        (r#"{"length": "12"}"#, "options.length:"),
        (r#"{"memorable": "yes"}"#, "options.memorable:"),
        (r#"{"policy": {"minLength": 20}, "length": 12}"#, "options.length:"),
        (r#"{"policy": {"symbols": "!a"}}"#, "options.policy.symbols:"),
        (r#"{"lenght": 12}"#, "options.lenght: unknown field"),
    ] {
        let err = generate_password(js_sys::JSON::parse(options).unwrap())
            .err()
            .unwrap_or_else(|| panic!("no error for {want}"));
        let message = error_message(err);
        assert!(message.starts_with(want), "{message:?} should start with {want:?}");
    }
    assert!(generate_password(JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn password_policy_for_a_host_form() {
    let ru = password_policy(JsValue::UNDEFINED).unwrap();
    assert_eq!(field(&ru, "minLength").as_f64(), Some(8.0));
    assert_eq!(field(&ru, "symbols").as_string().as_deref(), Some("!\"$%&'()+,-./:;<=>?@[]^_{}~"));
    assert_eq!(field(&ru, "source").as_string().as_deref(), Some("seeds/003_4e5aec6d865f5664.txt"));
    let rules = js_sys::Array::from(&field(&ru, "rules"));
    assert_eq!(rules.length(), 6);
    assert_eq!(field(&rules.get(0), "text").as_string().as_deref(), Some("Не меньше 8 символов"));
    let en = password_policy(JsValue::from_str("en")).unwrap();
    let rules = js_sys::Array::from(&field(&en, "rules"));
    assert_eq!(field(&rules.get(0), "text").as_string().as_deref(), Some("At least 8 characters"));
    let err = password_policy(JsValue::from_str("de")).expect_err("an error");
    assert!(error_message(err).starts_with("lang: expected"));
    let err = password_policy(JsValue::from_f64(1.0)).expect_err("an error");
    assert!(error_message(err).starts_with("lang: expected a string"));
    assert!(password_policy(JsValue::from_str("ru-RU")).is_ok());
}

#[wasm_bindgen_test]
fn a_huge_paste_is_handled() {
    let huge = "1q2w3e4r".repeat(12_500);
    let out = check_password(JsValue::from_str(&huge), JsValue::UNDEFINED).unwrap();
    assert_eq!(field(&out, "valid").as_bool(), Some(false));
}
