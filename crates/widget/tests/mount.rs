//! The widget mounts into a host element, renders, reacts to input and
//! unmounts, in a real browser.

use diary_help_widget::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{host, mounted, open_section, options, settle};

#[wasm_bindgen_test]
async fn mounts_into_an_element_and_renders_the_panel() {
    let div = host("w1");
    let mut handle = mount(div.clone().into(), JsValue::UNDEFINED).expect("mounts");
    settle().await;
    let text = div.text_content().unwrap_or_default();
    assert!(text.contains("Вход в дневник через Госуслуги"), "rendered: {text}");
    assert!(div.query_selector("[role=tablist] [role=tab][aria-selected=true]").unwrap().is_some());
    handle.unmount();
    settle().await;
    assert!(div.query_selector(".dh-panel").unwrap().is_none());
    handle.unmount(); // twice is harmless
}

#[wasm_bindgen_test]
async fn mounts_by_selector_in_english() {
    let div = host("w2");
    let _handle = mount(JsValue::from_str("#w2"), options(r#"{"lang":"en"}"#)).expect("mounts");
    settle().await;
    let text = div.text_content().unwrap_or_default();
    assert!(text.contains("Logging into the diary through Gosuslugi"), "rendered: {text}");
}

#[wasm_bindgen_test]
async fn snils_field_gives_a_verdict_as_the_user_types() {
    let div = host("w3");
    let _handle = mount(div.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    open_section(&div, "data").await;
    let input: HtmlInputElement = div.query_selector("#dh-snils").unwrap().unwrap().dyn_into().unwrap();
    let verdict = || div.query_selector("#dh-snils-verdict").unwrap().unwrap().text_content().unwrap_or_default();
    for (typed, expect) in
        [("112-233-445 95", "СНИЛС записан верно"), ("112-233-445 96", "Такого СНИЛС не бывает"), ("112", "11 цифр")]
    {
        input.set_value(typed);
        let event = web_sys::InputEvent::new("input").unwrap();
        input.dispatch_event(&event).unwrap();
        settle().await;
        assert!(verdict().contains(expect), "typed {typed:?}, verdict {:?}", verdict());
    }
}

#[wasm_bindgen_test]
async fn the_data_check_speaks_to_a_student_as_ty() {
    let (div, _handle) = mounted("w3student", r#"{"role":"student","remember":false}"#).await;
    open_section(&div, "data").await;
    let input: HtmlInputElement = div.query_selector("#dh-snils").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("112");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    settle().await;
    let verdict = div.query_selector("#dh-snils-verdict").unwrap().unwrap().text_content().unwrap_or_default();
    let student = diary_rules::texts::text("snils.problem.length_student", diary_rules::Lang::Ru);
    assert_eq!(verdict, student);
    assert!(verdict.contains("Проверь"), "{verdict}");
}

#[wasm_bindgen_test]
fn bad_targets_and_options_throw_errors_naming_the_field() {
    let cases: [(JsValue, JsValue, &str); 9] = [
        (JsValue::from_str("#no-such-element"), JsValue::UNDEFINED, "target: no element matches"),
        (JsValue::from_str("[[["), JsValue::UNDEFINED, "target: "),
        (JsValue::from_f64(3.0), JsValue::UNDEFINED, "target: expected an element"),
        (host("w4").into(), options(r#"{"lang":"de"}"#), "options.lang: unknown language"),
        // The derived reader (MountOptions) keeps each option's wording.
        (host("w4").into(), options(r#"[]"#), "options: expected an object"),
        (host("w4").into(), options(r#"{"remember":1}"#), "options.remember: expected true or false"),
        (host("w4").into(), options(r#"{"role":3}"#), "options.role: expected \"parent\" or \"student\""),
        (host("w4").into(), options(r#"{"error":false}"#), "options.error: expected a string"),
        (host("w4").into(), options(r#"{"region":{"id":"x"}}"#), "options.region: missing field `name`"),
    ];
    for (target, opts, expect) in cases {
        let err: JsValue = mount(target, opts).err().expect("an error").into();
        let message: String = err.dyn_ref::<js_sys::Error>().expect("a JS Error").message().into();
        assert!(message.starts_with(expect), "{message}");
    }
}

#[wasm_bindgen_test]
async fn the_handle_switches_role_and_language_live() {
    let div = host("w5");
    let handle = mount(div.clone().into(), options(r#"{"role":"student"}"#)).unwrap();
    settle().await;
    let selected = || div.query_selector("[id^=dh-role][aria-selected=true]").unwrap().unwrap().id();
    assert_eq!(selected(), "dh-role-student");
    handle.set_role(JsValue::from_str("parent")).unwrap();
    settle().await;
    assert_eq!(selected(), "dh-role-parent");
    let err: JsValue = handle.set_role(JsValue::from_str("teacher")).err().unwrap().into();
    let message: String = err.dyn_ref::<js_sys::Error>().unwrap().message().into();
    assert!(message.starts_with("role: unknown role"), "{message}");
    // English is built into the test build: the promise resolves at once.
    wasm_bindgen_futures::JsFuture::from(handle.set_lang(JsValue::from_str("en")).unwrap()).await.unwrap();
    settle().await;
    assert!(div.text_content().unwrap().contains("I am a parent"));
}

#[wasm_bindgen_test]
async fn role_tabs_follow_the_arrow_keys() {
    let div = host("w6");
    let _handle = mount(div.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    let parent: web_sys::HtmlElement = div.query_selector("#dh-role-parent").unwrap().unwrap().dyn_into().unwrap();
    parent.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    parent.dispatch_event(&event).unwrap();
    settle().await;
    // Parent, guardian, student.
    let guardian = div.query_selector("#dh-role-guardian").unwrap().unwrap();
    assert_eq!(guardian.get_attribute("aria-selected").as_deref(), Some("true"));
    assert_eq!(guardian.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(parent.get_attribute("tabindex").as_deref(), Some("-1"));
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(active.id(), "dh-role-guardian", "focus follows the selection");
}
