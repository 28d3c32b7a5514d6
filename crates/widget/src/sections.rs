//! The second module's side of `lazy.rs`: «Ошибка», «Пароль» and
//! «Проверить данные» as an app of their own, mounted by the panel into the
//! `<div>` it keeps for them.
//!
//! Always compiled (the wasm tests render [`SectionApp`] and read the
//! settings object); the JS exports `mountSection` and `SectionHandle` exist
//! only in the `sections-module` build, `pkg/widget/diary_help_sections.js`.

use crate::components::check_data::CheckData;
use crate::components::error_help::ErrorHelp;
use crate::components::password::PasswordHelp;
use crate::state::{Role, Section};
use diary_rules::eligibility::situation::RegionArg;
use diary_rules::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The panel's settings for the section, as [`read_props`] reads them from
/// the object the first module passes.
#[derive(Properties, PartialEq, Clone)]
pub struct SectionProps {
    pub section: Section,
    pub lang: Lang,
    pub role: Role,
    /// A region id or the host's own profile (`None`: generic).
    pub region: Option<RegionArg>,
    /// The host's profile object as it came, when `region` is one; what the
    /// panel passes across (`undefined` otherwise).
    pub region_object: JsValue,
    pub host_error: Option<String>,
    /// The page URL's `?error=` (see `HostConfig::url_error`): selects, never shown.
    pub url_error: Option<String>,
    pub birth_date: Option<String>,
    pub on_check_data: Callback<()>,
}

#[function_component(SectionApp)]
pub fn section_app(props: &SectionProps) -> Html {
    crash_point!("section");
    let lang = props.lang;
    match props.section {
        Section::Error => html! {
            <ErrorHelp {lang} role={props.role} region={props.region.clone()} host_error={props.host_error.clone()}
                url_error={props.url_error.clone()}
                birth_date={props.birth_date.clone()} on_check_data={props.on_check_data.clone()} />
        },
        Section::Password => html! { <PasswordHelp {lang} /> },
        Section::CheckData => html! { <CheckData {lang} student={props.role.is_student()} /> },
        // The first module shows the guide itself and never asks for it.
        Section::NextSteps => html! {},
    }
}

use diary_rules_js::convert::{field_error, plain, static_str, FromJs, FromJsFields, ToJs};

/// The settings object the first module passes to the second: `lazy.rs`
/// writes it (`ToJs`), [`read_props`] reads it (`FromJs`), both derived
/// from this one definition of its keys. Both modules come from the same
/// build, so a bad object is a bug: the error names the field.
#[derive(ToJs, FromJs)]
#[serde(rename_all = "camelCase")]
#[to_js(crate = "diary_rules_js")]
#[from_js(crate = "diary_rules_js")]
pub struct SectionSettings {
    #[from_js(with = "section_at", missing = "expected a string")]
    pub section: Section,
    #[from_js(with = "lang_at", missing = "expected a string")]
    pub lang: Lang,
    #[from_js(with = "role_at", missing = "expected a string")]
    pub role: Role,
    /// A region id, the host's profile object as it came (the sections
    /// module reads it again with the same `read_region`), or `null`.
    #[serde(default)]
    #[from_js(with = "any_value")]
    pub region: JsValue,
    pub error: Option<String>,
    pub url_error: Option<String>,
    pub birth_date: Option<String>,
    /// The function the section calls to open «Проверить данные» (none: nothing happens).
    #[serde(default)]
    #[from_js(with = "function_at")]
    pub on_check_data: JsValue,
}

impl ToJs for Section {
    fn to_js(&self) -> JsValue {
        static_str(self.id())
    }
}

fn string_at(value: &JsValue, path: &str) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| field_error(path, "expected a string"))
}

fn section_at(value: &JsValue, path: &str) -> Result<Section, JsError> {
    Section::parse(&string_at(value, path)?).ok_or_else(|| field_error(path, "unknown section"))
}

fn lang_at(value: &JsValue, path: &str) -> Result<Lang, JsError> {
    Lang::parse(&string_at(value, path)?).ok_or_else(|| field_error(path, "unknown language"))
}

fn role_at(value: &JsValue, path: &str) -> Result<Role, JsError> {
    Role::parse(&string_at(value, path)?).ok_or_else(|| field_error(path, "unknown role"))
}

fn any_value(value: &JsValue, _path: &str) -> Result<JsValue, JsError> {
    Ok(value.clone())
}

fn function_at(value: &JsValue, path: &str) -> Result<JsValue, JsError> {
    if value.is_function() {
        Ok(value.clone())
    } else {
        Err(field_error(path, "expected a function"))
    }
}

/// Reads the settings object ([`SectionSettings`]) the first module
/// builds, through the same plain copy as every argument of the API (the
/// export `mountSection` is callable by any script on the page).
pub fn read_props(props: &JsValue) -> Result<SectionProps, String> {
    let message = |e: JsError| String::from(js_sys::Error::from(JsValue::from(e)).message());
    let props = plain(props, "settings").map_err(message)?;
    if !props.is_object() {
        return Err("settings: expected an object".into());
    }
    let settings = SectionSettings::from_fields(&props, "settings").map_err(message)?;
    let on_check_data = match settings.on_check_data.dyn_into::<js_sys::Function>() {
        Ok(f) => Callback::from(move |()| {
            let _ = f.call0(&JsValue::NULL);
        }),
        Err(_) => Callback::noop(),
    };
    let (region, region_object) = crate::state::read_region(&settings.region, "settings.region").map_err(message)?;
    let text = |s: Option<String>| s.filter(|s| !s.is_empty());
    Ok(SectionProps {
        section: settings.section,
        lang: settings.lang,
        role: settings.role,
        region,
        region_object,
        host_error: text(settings.error),
        url_error: text(settings.url_error),
        birth_date: text(settings.birth_date),
        on_check_data,
    })
}

#[cfg(feature = "sections-module")]
mod exports {
    use super::*;
    use crate::crash;
    use std::cell::RefCell;
    use std::rc::Rc;
    use yew::AppHandle;

    struct Shown {
        app: Option<AppHandle<SectionApp>>,
        /// The settings last asked for (their language may still be loading).
        latest: SectionProps,
    }

    /// A mounted section (the first module keeps it).
    #[wasm_bindgen]
    pub struct SectionHandle {
        shown: Rc<RefCell<Shown>>,
        id: u32,
    }

    /// `props` with a language whose texts are not loaded yet replaced by
    /// Russian, and that language.
    fn renderable(props: &SectionProps) -> (SectionProps, Option<Lang>) {
        let mut now = props.clone();
        if diary_rules::texts::is_available(props.lang) {
            return (now, None);
        }
        now.lang = Lang::Ru;
        (now, Some(props.lang))
    }

    // This module's own language files sit next to it: it compiles in only
    // the sections' texts, so its files hold only those (scripts/build.sh).
    // A literal URL, as in rules-js's snippet, so that bundlers emit them.
    #[wasm_bindgen(inline_js = r#"
export function sections_language_url(code) {
  if (code === "en") return new URL("../../diary-texts-sections.en.bin", import.meta.url).href;
  return undefined;
}
"#)]
    extern "C" {
        fn sections_language_url(code: &str) -> Option<String>;
    }

    /// Makes `lang`'s words available in this module, from its own file;
    /// `false` (with one console warning per page) if they could not load:
    /// the sections then stay in Russian.
    async fn load_language(lang: Lang) -> bool {
        static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        let source = sections_language_url(lang.code()).map_or(JsValue::UNDEFINED, JsValue::from);
        let what = "«Ошибка», «Пароль» and «Проверить данные» stay";
        crate::text::load_language_or_warn(lang, &source, &WARNED, what).await
    }

    /// Loads this module's words for the language code `lang` (the first
    /// module calls it when the panel changes language and when it has
    /// imported this module), so that a section opens in that language at
    /// once. Resolves to whether they are available; never rejects (a
    /// section that opens without them says so in Russian and tries again).
    #[wasm_bindgen(js_name = loadSectionsLanguage)]
    pub async fn load_sections_language(lang: String) -> bool {
        match Lang::parse(&lang) {
            Some(lang) => load_language(lang).await,
            None => false,
        }
    }

    /// Fetches `lang`'s texts (normally already loaded: see
    /// [`load_sections_language`]) and re-renders the section in it,
    /// unless another language was asked for meanwhile.
    fn follow_language(shown: &Rc<RefCell<Shown>>, lang: Lang) {
        let shown = shown.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if !load_language(lang).await || crash::panicked() {
                return;
            }
            let mut shown = shown.borrow_mut();
            if shown.latest.lang == lang {
                let props = shown.latest.clone();
                if let Some(app) = &mut shown.app {
                    app.update(props);
                }
            }
        });
    }

    /// The Yew tree id an element is branded with (Yew's own DOM property).
    fn tree_id(el: &JsValue) -> Option<f64> {
        js_sys::Reflect::get(el, &JsValue::from_str("__yew_subtree_id")).ok()?.as_f64()
    }

    /// The tree ids of `el`'s ancestors, through shadow roots: the panel
    /// (the first module's Yew) around the section.
    fn ancestor_tree_ids(el: &web_sys::Element) -> Vec<f64> {
        let mut ids = Vec::new();
        let mut node: Option<web_sys::Node> = el.parent_node();
        while let Some(n) = node {
            ids.extend(tree_id(&n));
            node = match n.dyn_ref::<web_sys::ShadowRoot>() {
                Some(shadow) => Some(shadow.host().into()),
                None => n.parent_node(),
            };
        }
        ids
    }

    /// Renders the section app into `target` with a Yew tree id that none of
    /// its ancestors carries.
    ///
    /// Both modules run their own copy of Yew, and each numbers its trees
    /// from 1 and marks DOM nodes and events with the same property
    /// (`__yew_subtree_id`). The panel's Yew listens on its root in the
    /// capture phase and hands an event to the innermost tree whose id it
    /// finds on the target's ancestors: were the section's id equal to the
    /// panel's, the panel would take the section's clicks for its own (and
    /// run whichever of its handlers has the same number). A distinct id
    /// makes the panel leave them to the section. Every tree takes the next
    /// id, so empty probe trees on detached elements step past the taken ones.
    fn render_distinct(target: &web_sys::Element, props: SectionProps) -> AppHandle<SectionApp> {
        let taken = ancestor_tree_ids(target);
        let document = gloo::utils::document();
        for _ in 0..64 {
            let Ok(host) = document.create_element("div") else { break };
            let empty = SectionProps { section: Section::NextSteps, ..props.clone() };
            let probe = yew::Renderer::<SectionApp>::with_root_and_props(host.clone(), empty).render();
            let next = tree_id(&host).map(|id| id + 1.0);
            probe.destroy();
            if !next.is_some_and(|id| taken.contains(&id)) {
                break;
            }
        }
        yew::Renderer::<SectionApp>::with_root_and_props(target.clone(), props).render()
    }

    /// Mounts the section named in `settings` into `target`.
    #[wasm_bindgen(js_name = mountSection)]
    pub fn mount_section(target: web_sys::Element, settings: JsValue) -> Result<SectionHandle, JsError> {
        crash::install();
        let props = read_props(&settings).map_err(|e| JsError::new(&e))?;
        let id = crash::register_in_place(&target, crate::state::region_id(&props.region), props.lang);
        let (now, later) = renderable(&props);
        let app = render_distinct(&target, now);
        let shown = Rc::new(RefCell::new(Shown { app: Some(app), latest: props }));
        if let Some(lang) = later {
            follow_language(&shown, lang);
        }
        Ok(SectionHandle { shown, id })
    }

    #[wasm_bindgen]
    impl SectionHandle {
        /// Re-renders the section with new settings.
        pub fn update(&mut self, settings: JsValue) -> Result<(), JsError> {
            let props = read_props(&settings).map_err(|e| JsError::new(&e))?;
            if crash::panicked() {
                return Ok(());
            }
            crash::update(self.id, Some(crate::state::region_id(&props.region)), Some(props.lang));
            let (now, later) = renderable(&props);
            {
                let mut shown = self.shown.borrow_mut();
                shown.latest = props;
                if let Some(app) = &mut shown.app {
                    app.update(now);
                }
            }
            if let Some(lang) = later {
                follow_language(&self.shown, lang);
            }
            Ok(())
        }

        /// Removes the section. Calling it twice does nothing.
        pub fn unmount(&mut self) {
            if let Some(app) = self.shown.borrow_mut().app.take() {
                if crash::panicked() {
                    // Yew's state may be half-updated: never run its teardown.
                    std::mem::forget(app);
                } else {
                    app.destroy();
                }
            }
            crash::forget(self.id);
        }
    }
}
