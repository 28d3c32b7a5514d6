//! The host's side: `mount(target, options)` and the handle it returns.

use crate::components::app::{App, AppProps, Msg};
use crate::crash;
use crate::state::{read_region, region_id, HostConfig, Role};
use diary_rules::eligibility::situation::RegionArg;
use diary_rules::Lang;
use diary_rules_js::convert::{argument, field_error, is_nullish, plain, with_lang_codes, FromJs, FromJsFields};
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

/// Longest error text the host may pass; a longer one is cut (the matcher
/// only needs the first words).
const MAX_ERROR_CHARS: usize = 2000;

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
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] text: JsValue,
    ) -> Result<(), JsError> {
        let error = argument(&text, "error", optional_error_text)?;
        self.send(Msg::SetError(error))
    }

    /// Switches between `"parent"` and `"student"`.
    #[wasm_bindgen(js_name = setRole)]
    pub fn set_role(&self, #[wasm_bindgen(unchecked_param_type = "PanelRole")] role: JsValue) -> Result<(), JsError> {
        let role = argument(&role, "role", parse_role)?;
        self.send(Msg::SetRole(role))
    }

    /// Switches the region profile: an id such as `"kuzbass"`, the host's own
    /// profile object (validated; the error names the field), or `null` for
    /// generic.
    #[wasm_bindgen(js_name = setRegion)]
    pub fn set_region(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "BuiltInRegionId | RegionProfile | null")] region: JsValue,
    ) -> Result<(), JsError> {
        let (region, object) = argument(&region, "region", read_region)?;
        self.send(Msg::SetRegion(region.clone(), object))?;
        crash::update(self.id, Some(region_id(&region)), None);
        Ok(())
    }

    /// Switches the language: `"ru"` or `"en"`. A language other than
    /// Russian is fetched first (`diary-texts.<lang>.bin` next to the module,
    /// once); the panel re-renders when it has arrived. The returned promise
    /// resolves then, or as soon as the panel stays in its language because
    /// the file could not load (one `console.warn` says why).
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
    ) -> Result<js_sys::Promise, JsError> {
        let lang = argument(&lang, "lang", parse_lang)?;
        if crash::panicked() || diary_rules::texts::is_available(lang) {
            #[cfg(feature = "lazy-sections")]
            crate::lazy::follow_language(lang);
            self.send(Msg::SetLang(lang))?;
            crash::update(self.id, None, Some(lang));
            return Ok(js_sys::Promise::resolve(&JsValue::UNDEFINED));
        }
        let scope = match &self.app {
            Some(app) => (**app).clone(),
            None => return Err(JsError::new("handle: the panel was unmounted")),
        };
        let id = self.id;
        Ok(wasm_bindgen_futures::future_to_promise(async move {
            if load_language(lang).await && !crash::panicked() {
                scope.send_message(Msg::SetLang(lang));
                crash::update(id, None, Some(lang));
            }
            Ok(JsValue::UNDEFINED)
        }))
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
        // Takes the apology off the page, if it is showing.
        crash::forget(self.id);
    }

    /// Whether the panel is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        !self.unmounted
    }
}

/// Fetches `lang`'s texts; `false` (with one console warning per page) if
/// they could not load, in which case the panel keeps its language.
async fn load_language(lang: Lang) -> bool {
    static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let loaded = crate::text::load_language_or_warn(lang, &JsValue::UNDEFINED, &WARNED, "staying").await;
    #[cfg(feature = "lazy-sections")]
    if loaded {
        crate::lazy::follow_language(lang);
    }
    loaded
}

/// Resolves `target` (an element or a CSS selector) to an element.
fn resolve_target(target: &JsValue) -> Result<web_sys::Element, JsError> {
    if let Some(selector) = target.as_string() {
        let document = gloo::utils::document();
        return match document.query_selector(&selector) {
            Ok(Some(el)) => Ok(el),
            Ok(None) => Err(field_error("target", "no element matches the selector")),
            Err(_) => Err(field_error("target", "not a valid CSS selector")),
        };
    }
    target
        .dyn_ref::<web_sys::Element>()
        .cloned()
        .ok_or_else(|| field_error("target", "expected an element or a CSS selector"))
}

fn optional_plain_string(value: &JsValue, field: &str) -> Result<Option<String>, JsError> {
    if is_nullish(value) {
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
    Role::parse(s.trim()).ok_or_else(|| field_error(field, "unknown role; use \"parent\", \"guardian\" or \"student\""))
}

fn parse_lang(value: &JsValue, field: &str) -> Result<Lang, JsError> {
    let s = value.as_string().ok_or_else(|| field_error(field, with_lang_codes("expected ")))?;
    Lang::parse(&s).ok_or_else(|| field_error(field, with_lang_codes("unknown language; use ")))
}

/// A true/false option.
fn bool_option(value: &JsValue, field: &str) -> Result<bool, JsError> {
    value.as_bool().ok_or_else(|| field_error(field, "expected true or false"))
}

/// The `error` query parameter of the page's URL, if any (at most
/// [`MAX_ERROR_CHARS`]; a longer one is ignored, not cut).
fn error_from_page_url() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    if search.len() > 4 * MAX_ERROR_CHARS {
        return None;
    }
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let error = params.get("error")?;
    let error = error.trim();
    (!error.is_empty() && error.chars().count() <= MAX_ERROR_CHARS).then(|| error.to_owned())
}

diary_rules_js::ts_union!(<Role as diary_rules::Id>::IDS => "PanelRole", "Who is at the page: a parent, a guardian (the parent's path with the guardian's document check) or the student.");

/// Options of `mount`. Read by `#[derive(FromJs)]` from these fields' serde
/// names (which also give the TypeScript interface); other keys are
/// ignored. Each option's own reader keeps the panel's wording.
#[derive(Tsify, FromJs, Default)]
#[serde(rename_all = "camelCase")]
#[from_js(crate = "diary_rules_js")]
pub struct MountOptions {
    /// A built-in region profile id: "kuzbass", "orenburg", "ryazan" or "generic" (typed strictly, so a typo
    /// fails to compile; at run time an unknown id reads as "generic"), or the operator's own profile object
    /// (validated; an error names the field, e.g. "options.region.diarySite.href").
    #[tsify(optional, type = "BuiltInRegionId | RegionProfile | null")]
    #[from_js(with = "read_region")]
    pub region: Option<(Option<RegionArg>, JsValue)>,
    /// Who is at the page; default "parent".
    #[tsify(optional, type = "PanelRole | null")]
    #[from_js(with = "parse_role")]
    pub role: Option<Role>,
    /// Default "ru".
    #[tsify(optional, type = "Lang | null")]
    #[from_js(with = "parse_lang")]
    pub lang: Option<Lang>,
    /// An error message the user saw: its explanation opens directly.
    #[tsify(optional, type = "string | null")]
    #[from_js(with = "optional_error_text")]
    pub error: Option<Option<String>>,
    /// Let the page URL's `?error=` open an explanation (default false). Anyone can write a link to your page
    /// with any words in it, so the value only selects: a catalog id (`?error=diary_not_found`) or a message
    /// the rules recognise opens its explanation; the URL's words are never shown. Ignored when `error` is given.
    #[tsify(optional, type = "boolean | null")]
    #[from_js(with = "bool_option")]
    pub error_from_url: Option<bool>,
    /// Remember the wizard's answers on this device (never names, СНИЛС, certificate numbers or passwords); default true.
    #[tsify(optional, type = "boolean | null")]
    #[from_js(with = "bool_option")]
    pub remember: Option<bool>,
    /// Each answer in the guide adds a browser history entry (no URL change), so that Back goes to the previous
    /// question; default true. `false` for a page whose router should see no entries but its own.
    #[tsify(optional, type = "boolean | null")]
    #[from_js(with = "bool_option")]
    pub history: Option<bool>,
}

/// Reads the mount options (see [`MountOptions`]).
fn read_options(options: &JsValue) -> Result<HostConfig, JsError> {
    let mut config = HostConfig { remember: true, history: true, ..HostConfig::default() };
    if is_nullish(options) {
        return Ok(config);
    }
    if !options.is_object() || options.is_function() || js_sys::Array::is_array(options) {
        return Err(field_error("options", "expected an object"));
    }
    let o = MountOptions::from_fields(options, "options")?;
    config.lang = o.lang.unwrap_or(config.lang);
    config.role = o.role.unwrap_or(config.role);
    (config.region, config.region_object) = o.region.unwrap_or((None, JsValue::UNDEFINED));
    config.error = o.error.flatten();
    if config.error.is_none() && o.error_from_url == Some(true) {
        config.url_error = error_from_page_url();
    }
    config.remember = o.remember.unwrap_or(config.remember);
    config.history = o.history.unwrap_or(config.history);
    Ok(config)
}

/// Mounts the help panel into `target` (an element or a CSS selector).
///
/// `options`: see `MountOptions` (every option may be left out). Throws an `Error` naming the option at fault.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element | string")] target: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "MountOptions")] options: JsValue,
) -> Result<WidgetHandle, JsError> {
    crash::install();
    let target = if target.is_string() { plain(&target, "target")? } else { target };
    let element = resolve_target(&target)?;
    let mut config = read_options(&plain(&options, "options")?)?;
    let id = crash::register(&element, region_id(&config.region), config.lang);
    if crash::panicked() {
        // The module is broken: a new panel would fail too. (The registry
        // showed the apology in `element` when it was registered.)
        return Ok(WidgetHandle { app: None, id, unmounted: false });
    }
    // A language still to be fetched: the panel renders in Russian at once
    // and switches when the texts arrive.
    let wanted = config.lang;
    if !diary_rules::texts::is_available(wanted) {
        config.lang = Lang::Ru;
    }
    crash_point!("mount");
    let app = yew::Renderer::<App>::with_root_and_props(element, AppProps { config }).render();
    let handle = WidgetHandle { app: Some(app), id, unmounted: false };
    if wanted != Lang::Ru && !diary_rules::texts::is_available(wanted) {
        let _ = handle.set_lang(JsValue::from_str(wanted.code()))?;
    }
    Ok(handle)
}

#[wasm_bindgen(typescript_custom_section)]
const MOUNT_OPTIONS_TS: &str = r#"
declare global {
    interface SymbolConstructor {
        /** `WidgetHandle[Symbol.dispose]` (wasm-bindgen's) type-checks without lib "esnext.disposable". */
        readonly dispose: unique symbol;
    }
}
"#;
