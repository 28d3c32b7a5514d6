//! The СНИЛС check through the JS API, in a browser.

use diary_rules_js::check_snils;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn field(obj: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).expect("readable field")
}

#[wasm_bindgen_test]
fn check_snils_valid_and_invalid() {
    // (input, valid, normalized, problem); `suggestions` is present exactly
    // when the problem is the check number.
    let cases: &[(&str, bool, Option<&str>, Option<&str>)] = &[
        ("112-233-445 95", true, Some("112-233-445 95"), None),
        ("11223344595", true, Some("112-233-445 95"), None),
        ("112-233-445 96", false, Some("112-233-445 96"), Some("checksum")),
        ("112-233", false, None, Some("length")),
        ("112-233-445 9O", false, None, Some("characters")),
    ];
    for &(input, valid, normalized, problem) in cases {
        let out = check_snils(JsValue::from_str(input)).unwrap_or_else(|_| panic!("{input}"));
        assert_eq!(field(&out, "valid").as_bool(), Some(valid), "{input}");
        assert_eq!(field(&out, "normalized").as_string().as_deref(), normalized, "{input}");
        assert_eq!(field(&out, "problem").as_string().as_deref(), problem, "{input}");
        // Absent optional fields are absent, not null.
        if normalized.is_none() {
            assert!(!js_sys::Reflect::has(&out, &JsValue::from_str("normalized")).unwrap());
        }
        let has_suggestions = js_sys::Reflect::has(&out, &JsValue::from_str("suggestions")).unwrap();
        assert_eq!(has_suggestions, problem == Some("checksum"), "{input}");
        if has_suggestions {
            assert!(js_sys::Array::is_array(&field(&out, "suggestions")), "{input}");
        }
    }
}

#[wasm_bindgen_test]
fn check_snils_suggests_likely_numbers() {
    // Swapped check digits; one wrong digit.
    for input in ["112-233-445 59", "112-233-445 96", "112-233-454 95"] {
        let out = check_snils(JsValue::from_str(input)).expect("no error");
        let suggestions: js_sys::Array = field(&out, "suggestions").dyn_into().expect("an array");
        let list: Vec<String> = suggestions.iter().map(|v| v.as_string().expect("strings")).collect();
        assert!(list.contains(&"112-233-445 95".to_owned()), "{input}: {list:?}");
        assert!(list.len() <= 10);
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{input}: sorted");
    }
}

#[wasm_bindgen_test]
fn check_snils_rejects_non_strings_with_a_named_field() {
    for bad in [JsValue::from_f64(11223344595.0), JsValue::NULL, JsValue::UNDEFINED, js_sys::Object::new().into()] {
        let err = check_snils(bad).expect_err("an error");
        let err: JsValue = err.into();
        let message = err.dyn_ref::<js_sys::Error>().expect("a JS Error").message();
        assert!(String::from(message).starts_with("text: expected a string"));
    }
    // The module keeps working after an error.
    assert!(check_snils(JsValue::from_str("112-233-445 95")).is_ok());
}
