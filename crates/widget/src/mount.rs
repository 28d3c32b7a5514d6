//! The host's side: `mount(target, options)` and the handle it returns.

use crate::components::app::{App, AppProps};
use diary_rules::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

/// A mounted panel. Keep it to unmount the panel later.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the panel from the page. Calling it twice does nothing.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    /// Whether the panel is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.app.is_some()
    }
}

fn options_error(field: &str, problem: &str) -> JsError {
    JsError::new(&format!("{field}: {problem}"))
}

/// Resolves `target` (an element or a CSS selector) to an element.
fn resolve_target(target: &JsValue) -> Result<web_sys::Element, JsError> {
    if let Some(selector) = target.as_string() {
        let document = gloo::utils::document();
        return match document.query_selector(&selector) {
            Ok(Some(el)) => Ok(el),
            Ok(None) => Err(options_error("target", &format!("no element matches {selector:?}"))),
            Err(_) => Err(options_error("target", &format!("{selector:?} is not a valid CSS selector"))),
        };
    }
    target
        .dyn_ref::<web_sys::Element>()
        .cloned()
        .ok_or_else(|| options_error("target", "expected an element or a CSS selector"))
}

/// Reads an optional string field of the options object.
fn optional_string(options: &JsValue, field: &str) -> Result<Option<String>, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() {
        return Err(options_error("options", "expected an object"));
    }
    let value = js_sys::Reflect::get(options, &JsValue::from_str(field))
        .map_err(|_| options_error(&format!("options.{field}"), "cannot be read"))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| options_error(&format!("options.{field}"), "expected a string"))
}

/// Mounts the help panel into `target` (an element or a CSS selector).
///
/// `options`: `{ lang?: "ru" | "en" }` (more come with the panel's sections).
/// Throws an `Error` naming the option at fault.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ lang?: \"ru\" | \"en\" } | undefined")] options: JsValue,
) -> Result<WidgetHandle, JsError> {
    let element = resolve_target(&target)?;
    let lang = match optional_string(&options, "lang")? {
        None => Lang::Ru,
        Some(code) => Lang::parse(&code)
            .ok_or_else(|| options_error("options.lang", &format!("unknown language {code:?}; use \"ru\" or \"en\"")))?,
    };
    let app = yew::Renderer::<App>::with_root_and_props(element, AppProps { lang }).render();
    Ok(WidgetHandle { app: Some(app) })
}
