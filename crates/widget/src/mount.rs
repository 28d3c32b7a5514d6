//! The host's side: `mount(target, options)` and the handle it returns.

use crate::components::app::{App, AppProps, Msg};
use crate::crash;
use crate::state::{HostConfig, Role};
use diary_rules::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

/// Longest error text the host may pass; a longer one is cut (the matcher
/// only needs the first words).
const MAX_ERROR_CHARS: usize = 2000;

fn field_error(field: &str, problem: &str) -> JsError {
    JsError::new(&format!("{field}: {problem}"))
}

/// A mounted panel. Keep it to change the panel or unmount it.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    /// The panel's entry in the crash registry.
    id: u32,
    unmounted: bool,
}

impl WidgetHandle {
    fn send(&self, msg: Msg) -> Result<(), JsError> {
        if crash::panicked() {
            // The apology is showing; the crashed app takes no more messages.
            return if self.unmounted { Err(JsError::new("handle: the panel was unmounted")) } else { Ok(()) };
        }
        match &self.app {
            Some(app) => {
                app.send_message(msg);
                Ok(())
            }
            None => Err(JsError::new("handle: the panel was unmounted")),
        }
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Shows the explanation of an error message the user saw; `null` or an
    /// empty string clears it.
    #[wasm_bindgen(js_name = setError)]
    pub fn set_error(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] text: JsValue,
    ) -> Result<(), JsError> {
        let error = optional_error_text(&text, "error")?;
        self.send(Msg::SetError(error))
    }

    /// Switches between `"parent"` and `"student"`.
    #[wasm_bindgen(js_name = setRole)]
    pub fn set_role(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"parent\" | \"guardian\" | \"student\"")] role: JsValue,
    ) -> Result<(), JsError> {
        let role = parse_role(&role, "role")?;
        self.send(Msg::SetRole(role))
    }

    /// Switches the region profile (an id such as `"kuzbass"`; `null` for generic).
    #[wasm_bindgen(js_name = setRegion)]
    pub fn set_region(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] region: JsValue,
    ) -> Result<(), JsError> {
        let region = optional_plain_string(&region, "region")?;
        self.send(Msg::SetRegion(region.clone()))?;
        crash::update(self.id, Some(region), None);
        Ok(())
    }

    /// Switches the language: `"ru"` or `"en"`.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"ru\" | \"en\"")] lang: JsValue,
    ) -> Result<(), JsError> {
        let lang = parse_lang(&lang, "lang")?;
        self.send(Msg::SetLang(lang))?;
        crash::update(self.id, None, Some(lang));
        Ok(())
    }

    /// Removes the panel from the page. Calling it twice does nothing.
    pub fn unmount(&mut self) {
        if self.unmounted {
            return;
        }
        self.unmounted = true;
        let crashed = crash::panicked();
        if let Some(app) = self.app.take() {
            if crashed {
                // Yew's state may be half-updated: never run its teardown.
                std::mem::forget(app);
            } else {
                app.destroy();
            }
        }
        if crashed {
            // Take the apology off the page.
            crash::clear(self.id);
        }
        crash::forget(self.id);
    }

    /// Whether the panel is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        !self.unmounted
    }
}

/// Resolves `target` (an element or a CSS selector) to an element.
fn resolve_target(target: &JsValue) -> Result<web_sys::Element, JsError> {
    if let Some(selector) = target.as_string() {
        let document = gloo::utils::document();
        return match document.query_selector(&selector) {
            Ok(Some(el)) => Ok(el),
            Ok(None) => Err(field_error("target", &format!("no element matches {selector:?}"))),
            Err(_) => Err(field_error("target", &format!("{selector:?} is not a valid CSS selector"))),
        };
    }
    target
        .dyn_ref::<web_sys::Element>()
        .cloned()
        .ok_or_else(|| field_error("target", "expected an element or a CSS selector"))
}

fn optional_plain_string(value: &JsValue, field: &str) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let s = value.as_string().ok_or_else(|| field_error(field, "expected a string"))?;
    let s = s.trim();
    Ok((!s.is_empty()).then(|| s.to_owned()))
}

fn optional_error_text(value: &JsValue, field: &str) -> Result<Option<String>, JsError> {
    Ok(optional_plain_string(value, field)?.map(|s| s.chars().take(MAX_ERROR_CHARS).collect()))
}

fn parse_role(value: &JsValue, field: &str) -> Result<Role, JsError> {
    let s = value.as_string().ok_or_else(|| field_error(field, "expected \"parent\" or \"student\""))?;
    Role::parse(s.trim())
        .ok_or_else(|| field_error(field, &format!("unknown role {s:?}; use \"parent\", \"guardian\" or \"student\"")))
}

fn parse_lang(value: &JsValue, field: &str) -> Result<Lang, JsError> {
    let s = value.as_string().ok_or_else(|| field_error(field, "expected \"ru\" or \"en\""))?;
    Lang::parse(&s).ok_or_else(|| field_error(field, &format!("unknown language {s:?}; use \"ru\" or \"en\"")))
}

/// Reads one field of the options object (`undefined` when absent).
fn option(options: &JsValue, field: &str) -> Result<JsValue, JsError> {
    js_sys::Reflect::get(options, &JsValue::from_str(field))
        .map_err(|_| field_error(&format!("options.{field}"), "cannot be read"))
}

/// The `error` query parameter of the page's URL, if any.
fn error_from_page_url() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let error = params.get("error")?;
    optional_error_text(&JsValue::from_str(&error), "error").ok().flatten()
}

/// Reads the mount options: `{ region?, role?, lang?, error?, remember? }`.
fn read_options(options: &JsValue) -> Result<HostConfig, JsError> {
    let mut config = HostConfig { remember: true, ..HostConfig::default() };
    if options.is_undefined() || options.is_null() {
        config.error = error_from_page_url();
        return Ok(config);
    }
    if !options.is_object() || options.is_function() || js_sys::Array::is_array(options) {
        return Err(field_error("options", "expected an object"));
    }
    let lang = option(options, "lang")?;
    if !lang.is_undefined() && !lang.is_null() {
        config.lang = parse_lang(&lang, "options.lang")?;
    }
    let role = option(options, "role")?;
    if !role.is_undefined() && !role.is_null() {
        config.role = parse_role(&role, "options.role")?;
    }
    config.region = optional_plain_string(&option(options, "region")?, "options.region")?;
    config.error = optional_error_text(&option(options, "error")?, "options.error")?.or_else(error_from_page_url);
    let remember = option(options, "remember")?;
    if !remember.is_undefined() && !remember.is_null() {
        config.remember =
            remember.as_bool().ok_or_else(|| field_error("options.remember", "expected true or false"))?;
    }
    Ok(config)
}

/// Mounts the help panel into `target` (an element or a CSS selector).
///
/// `options`: `{ region?: string, role?: "parent" | "guardian" | "student", lang?: "ru" | "en",
/// error?: string, remember?: boolean }`. Throws an `Error` naming the
/// option at fault.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MountOptions | undefined")] options: JsValue,
) -> Result<WidgetHandle, JsError> {
    crash::install();
    let element = resolve_target(&target)?;
    let config = read_options(&options)?;
    let id = crash::register(&element, config.region.clone(), config.lang);
    if crash::panicked() {
        // The module is broken: a new panel would fail too.
        crash::report_to(id);
        return Ok(WidgetHandle { app: None, id, unmounted: false });
    }
    let app = yew::Renderer::<App>::with_root_and_props(element, AppProps { config }).render();
    Ok(WidgetHandle { app: Some(app), id, unmounted: false })
}

#[wasm_bindgen(typescript_custom_section)]
const MOUNT_OPTIONS_TS: &str = r#"
/** Options of `mount`. */
export interface MountOptions {
    /** A region profile id: "kuzbass", "orenburg", "ryazan" or "generic". */
    region?: string;
    /** Who is at the page; default "parent". */
    role?: "parent" | "guardian" | "student";
    /** Default "ru". */
    lang?: "ru" | "en";
    /** An error message the user saw: its explanation opens directly. */
    error?: string;
    /** Remember the wizard's answers on this device (never names, СНИЛС, certificate numbers or passwords); default true. */
    remember?: boolean;
}
"#;
