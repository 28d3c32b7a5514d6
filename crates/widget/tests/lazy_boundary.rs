//! The boundary between the panel and its lazily loaded sections
//! (src/lazy.rs, src/sections.rs): the settings object the panel passes, read
//! by the sections' side, and the section app rendered from it with the
//! callback back into the panel. The two-module build itself is exercised
//! end to end (tests/e2e, tests/integration).

use diary_help_widget::sections::{read_props, SectionApp};
use diary_help_widget::{Role, Section};
use diary_rules::eligibility::situation::RegionArg;
use diary_rules::Lang;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{click, find, host, options, settle};

#[wasm_bindgen_test]
fn the_settings_object_is_read_field_by_field() {
    let props = read_props(&options(
        r#"{"section":"error","lang":"en","role":"student","region":"kuzbass","error":"Ваш дневник не найден","birthDate":null}"#,
    ))
    .unwrap();
    assert_eq!(props.section, Section::Error);
    assert_eq!(props.lang, Lang::En);
    assert_eq!(props.role, Role::Student);
    assert_eq!(props.region, Some(RegionArg::Id("kuzbass".into())));
    assert!(props.region_object.is_undefined());
    assert_eq!(props.host_error.as_deref(), Some("Ваш дневник не найден"));
    assert_eq!(props.birth_date, None);
}

const PROFILE: &str = r#"{"id":"primer","name":{"ru":"Примерская область","en":"Primer Region"},
    "diarySite":{"href":"https://dnevnik.primer.example/","label":"Дневник Примерской области"},
    "problems":"feedback_form",
    "problemsLink":{"href":"https://dnevnik.primer.example/support","label":"Форма обращения в поддержку"},
    "source":["https://dnevnik.primer.example/help"]}"#;

#[wasm_bindgen_test]
fn a_hosts_profile_crosses_as_the_object_and_is_validated_again() {
    let settings = options(&format!(r#"{{"section":"error","lang":"ru","role":"parent","region":{PROFILE}}}"#));
    let props = read_props(&settings).unwrap();
    match &props.region {
        Some(RegionArg::Profile(p)) => assert_eq!(p.id, "primer"),
        other => panic!("{other:?}"),
    }
    assert!(props.region_object.is_object());
    let bad = PROFILE.replace("https://dnevnik.primer.example/support", "javascript:alert(1)");
    let settings = options(&format!(r#"{{"section":"error","lang":"ru","role":"parent","region":{bad}}}"#));
    let err = read_props(&settings).err().expect("a bad profile is refused");
    assert!(err.starts_with("settings.region.problemsLink.href"), "{err}");
}

#[wasm_bindgen_test]
fn a_bad_settings_object_is_refused_naming_the_field() {
    let cases = [
        ("null", "settings: expected an object"),
        (r#"{"lang":"ru","role":"parent"}"#, "settings.section: expected a string"),
        (r#"{"section":"nope","lang":"ru","role":"parent"}"#, "settings.section: unknown section"),
        (r#"{"section":"password","lang":"de","role":"parent"}"#, "settings.lang: unknown language"),
        (r#"{"section":"password","lang":"ru","role":"teacher"}"#, "settings.role: unknown role"),
        (
            r#"{"section":"password","lang":"ru","role":"parent","onCheckData":5}"#,
            "settings.onCheckData: expected a function",
        ),
    ];
    for (json, message) in cases {
        let err = read_props(&options(json)).err().unwrap_or_else(|| panic!("{json} was accepted"));
        assert_eq!(err, message, "{json}");
    }
}

#[wasm_bindgen_test]
async fn the_section_app_renders_the_section_and_calls_back_into_the_panel() {
    let root = host("lazy-boundary");
    let calls = Rc::new(Cell::new(0));
    let seen = calls.clone();
    let on_check_data = Closure::<dyn Fn()>::new(move || seen.set(seen.get() + 1));
    let settings =
        options(r#"{"section":"error","lang":"ru","role":"parent","region":null,"error":"Ваш дневник не найден"}"#);
    js_sys::Reflect::set(&settings, &JsValue::from_str("onCheckData"), on_check_data.as_ref()).unwrap();
    let props = read_props(&settings).unwrap();
    let app = yew::Renderer::<SectionApp>::with_root_and_props(root.clone(), props).render();
    settle().await;
    // The host's error is explained at once, with the «Дневник не найден» kit.
    find(&root, "#dh-explanation-title");
    click(&root, "#dh-kit-check");
    settle().await;
    assert_eq!(calls.get(), 1, "the kit's «Проверить данные» asks the panel to switch");
    app.destroy();
    settle().await;
    assert!(root.query_selector("#dh-explanation-title").unwrap().is_none());
}
