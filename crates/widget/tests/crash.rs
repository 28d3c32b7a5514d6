//! The panel after a Rust panic: one console report, an apology with help
//! links in place of every mounted panel, no exception for the host page,
//! handles that keep accepting calls. Its own test binary (its own page):
//! the crash is global to the module.

use diary_help_widget::{crash, mount};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{host, options, settle};

/// Replaces `console.error` with a counter; returns the calls' first arguments.
fn capture_console_errors() -> js_sys::Array {
    let calls = js_sys::Array::new();
    let sink = calls.clone();
    let f = Closure::<dyn Fn(JsValue)>::new(move |v: JsValue| {
        sink.push(&v);
    });
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    js_sys::Reflect::set(&console, &"error".into(), f.as_ref()).unwrap();
    f.forget();
    calls
}

#[wasm_bindgen_test]
fn the_apology_is_plain_text_with_the_regions_help_links() {
    let div = host("c0");
    let inner = gloo::utils::document().create_element("p").unwrap();
    inner.set_text_content(Some("old content"));
    div.append_child(&inner).unwrap();
    let root = crash::render_apology(&div, Some("kuzbass"), diary_rules::Lang::Ru, true).expect("rendered");
    // The root was replaced by a shallow copy of itself (same id, no old children).
    assert_eq!(root.id(), "c0");
    assert!(gloo::utils::document().get_element_by_id("c0").unwrap().is_same_node(Some(&root)));
    let text = root.text_content().unwrap();
    assert!(!text.contains("old content"));
    assert!(text.contains("Помощник временно не работает"), "{text}");
    assert!(text.contains("Вход в дневник через Госуслуги работает как обычно"), "{text}");
    let alert = root.query_selector("[role=alert]").unwrap().expect("role=alert");
    assert!(alert.class_name().split(' ').any(|c| c == "dh-crash"));
    let links = root.query_selector_all("a[href]").unwrap();
    let hrefs: Vec<String> = (0..links.length())
        .map(|i| links.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("href").unwrap())
        .collect();
    assert!(hrefs.iter().any(|h| h == "https://www.gosuslugi.ru/help"), "{hrefs:?}");
    let kuzbass = diary_rules::eligibility::region::embedded("kuzbass").unwrap();
    if let Some(site) = &kuzbass.diary_site {
        assert!(hrefs.contains(&site.href), "{hrefs:?}");
    }
    for i in 0..links.length() {
        let a: Element = links.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
    // English too.
    let div = host("c0en");
    let root = crash::render_apology(&div, None, diary_rules::Lang::En, true).unwrap();
    assert!(root.text_content().unwrap().contains("The help panel has stopped working"));
    // A lazily loaded section's apology stays inside its <div>, which the
    // panel's Yew keeps (the same node, emptied first).
    let section = host("c0section");
    section.set_text_content(Some("old section"));
    let root = crash::render_apology(&section, None, diary_rules::Lang::Ru, false).unwrap();
    assert!(root.is_same_node(Some(&section)));
    assert!(gloo::utils::document().get_element_by_id("c0section").unwrap().is_same_node(Some(&section)));
    let text = section.text_content().unwrap();
    assert!(!text.contains("old section") && text.contains("Помощник временно не работает"), "{text}");
}

#[wasm_bindgen_test]
async fn a_real_panic_is_reported_once_and_replaced_by_the_apology() {
    let a = host("c1");
    let b = host("c2");
    let mut ha = mount(a.clone().into(), options(r#"{"region":"kuzbass"}"#)).unwrap();
    let hb = mount(b.clone().into(), options(r#"{"lang":"en"}"#)).unwrap();
    settle().await;
    assert!(a.query_selector(".dh-tabs, [role=tablist]").unwrap().is_some());
    let errors = capture_console_errors();
    // wasm-bindgen-test installs its own panic hook around each test, over
    // the one `mount` installed: put the widget's back, as on a real page.
    crash::set_panic_hook();

    // A real panic, in a call of its own from JavaScript (as an event handler
    // would be): it aborts that call with a WebAssembly.RuntimeError.
    let boom = Closure::<dyn Fn()>::new(|| {
        let v: Vec<u8> = Vec::new();
        let i = js_sys::Math::random() as usize + 3;
        let _ = v[i];
    });
    let call = js_sys::Function::new_with_args("f", "try { f(); return null; } catch (e) { return e; }");
    let thrown = call.call1(&JsValue::NULL, boom.as_ref()).unwrap();
    assert!(thrown.is_instance_of::<js_sys::WebAssembly::RuntimeError>(), "{thrown:?}");
    settle().await;

    // Such an error reaching the page as an `error` or `unhandledrejection`
    // event is cancelled (so the host sees no uncaught exception).
    let dispatch = js_sys::Function::new_with_args(
        "e",
        "const a = new ErrorEvent('error', { error: e, cancelable: true });\n\
         const b = new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason: e, cancelable: true });\n\
         const c = new ErrorEvent('error', { error: new TypeError('host'), cancelable: true });\n\
         return [window.dispatchEvent(a), window.dispatchEvent(b), window.dispatchEvent(c)];",
    );
    let outcome: js_sys::Array = dispatch.call1(&JsValue::NULL, &thrown).unwrap().dyn_into().unwrap();
    // dispatchEvent returns false when a listener cancelled the event; the
    // host's own errors are left alone.
    assert_eq!(outcome.get(0).as_bool(), Some(false), "error event not cancelled");
    assert_eq!(outcome.get(1).as_bool(), Some(false), "unhandledrejection not cancelled");
    assert_eq!(outcome.get(2).as_bool(), Some(true), "a host error was cancelled");

    assert!(crash::panicked());
    assert_eq!(errors.length(), 1, "one console report");
    let report = errors.get(0).as_string().unwrap();
    assert!(report.contains("internal error") && report.contains("index out of bounds"), "{report}");

    let a = gloo::utils::document().get_element_by_id("c1").unwrap();
    let b = gloo::utils::document().get_element_by_id("c2").unwrap();
    assert!(a.text_content().unwrap().contains("Помощник временно не работает"));
    assert!(b.text_content().unwrap().contains("The help panel has stopped working"));
    assert!(a.query_selector("[role=tablist]").unwrap().is_none());

    // Handles keep working (and do nothing); a second report stays silent.
    hb.set_error(JsValue::from_str("Ваш дневник не найден")).unwrap();
    hb.set_role(JsValue::from_str("student")).unwrap();
    crash::report("again");
    assert_eq!(errors.length(), 1);
    // A mount after the crash shows the apology at once.
    let c = host("c3");
    let hc = mount(c.clone().into(), JsValue::UNDEFINED).unwrap();
    assert!(hc.mounted());
    let c = gloo::utils::document().get_element_by_id("c3").unwrap();
    assert!(c.text_content().unwrap().contains("Помощник временно не работает"));
    // Unmounting takes the apology away.
    ha.unmount();
    assert!(!ha.mounted());
    assert_eq!(gloo::utils::document().get_element_by_id("c1").unwrap().text_content().unwrap(), "");
    assert!(ha.set_error(JsValue::NULL).is_err());
}
