//! Helpers shared by the widget's browser tests (each test file is its own
//! binary and page; not every file uses every helper).
#![allow(dead_code)]

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// A new `<div id=…>` at the end of the body.
pub fn host(id: &str) -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    div.set_id(id);
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Yew renders asynchronously: give the scheduler a turn.
pub async fn settle() {
    TimeoutFuture::new(20).await;
}

/// Mount options from JSON.
pub fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

/// The element `selector` finds under `root`; panics naming it if none.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

/// Clicks the element `selector` finds under `root`.
pub fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<web_sys::HtmlElement>().unwrap().click();
}

/// A new host `id` with the panel mounted in it (`json`: the options),
/// rendered. Keep the handle for as long as the test uses the panel.
pub async fn mounted(id: &str, json: &str) -> (Element, diary_help_widget::WidgetHandle) {
    let div = host(id);
    let handle = diary_help_widget::mount(div.clone().into(), options(json)).unwrap();
    settle().await;
    (div, handle)
}

/// Opens the section `name` from the panel's menu (`#dh-section-<name>`)
/// and lets it render.
pub async fn open_section(root: &Element, name: &str) {
    click(root, &format!("#dh-section-{name}"));
    settle().await;
}
