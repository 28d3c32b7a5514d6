//! The panel's forms are not HTML forms. The panel sits on the host's login
//! page, often inside the host's own `<form>`: a `<form>` of ours would be
//! submitted natively (reloading the host page, losing what the person typed
//! into the host's fields) whenever our handler did not run, and a field
//! owned by the host's form would join its `FormData` and submit it on
//! Enter. So:
//! - a "form" is a `<div class="dh-form">` whose action runs on a click of
//!   its button (`type="button"`) or on Enter in one of its text fields;
//! - every field carries `form={NO_FORM}`, an id no element has, so that it
//!   has no form owner at all (no implicit submission, not in any
//!   `FormData`), even when the wasm has stopped;
//! - no field has a `name`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The `form` attribute of every field: names no form, so the field has none.
pub const NO_FORM: &str = "dh-no-form";

/// The form's container, from an event inside it.
fn container(e: &Event) -> Option<web_sys::Element> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(".dh-form").ok()?
}

/// `onclick` of a form's button: runs `action` with the form's container.
pub fn on_click(action: Callback<web_sys::Element>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if let Some(form) = container(&e) {
            action.emit(form);
        }
    })
}

/// `onkeydown` of a form's container: Enter in one of its `<input>`s runs
/// `action` (not in a `<textarea>`, where Enter is a new line).
pub fn on_enter(action: Callback<web_sys::Element>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() != "Enter" || e.is_composing() {
            return;
        }
        let in_input = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some();
        if !in_input {
            return;
        }
        e.prevent_default();
        if let Some(form) = container(&e) {
            action.emit(form);
        }
    })
}

/// The value of the first `<input>` of a form.
pub fn first_input(form: &web_sys::Element) -> Option<String> {
    Some(form.query_selector("input").ok()??.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}
