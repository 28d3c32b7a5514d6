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

use diary_rules_js::convert::{get as field, is_nullish};

fn optional_string(props: &JsValue, name: &str) -> Option<String> {
    field(props, name).as_string().filter(|s| !s.is_empty())
}

/// Reads the settings object `{ section, lang, role, region, error,
/// urlError, birthDate, onCheckData }` the first module builds (`region`: an id, the
/// host's profile object, read by the same validator as `mount()`'s, or
/// `null`). Both modules come from
/// the same build, so a bad object is a bug: the error names the field.
pub fn read_props(props: &JsValue) -> Result<SectionProps, String> {
    if !props.is_object() {
        return Err("settings: expected an object".into());
    }
    let enumerated =
        |name: &str| field(props, name).as_string().ok_or_else(|| format!("settings.{name}: expected a string"));
    let section_id = enumerated("section")?;
    let section = Section::parse(&section_id).ok_or_else(|| "settings.section: unknown section".to_owned())?;
    let lang_code = enumerated("lang")?;
    let lang = Lang::parse(&lang_code).ok_or_else(|| "settings.lang: unknown language".to_owned())?;
    let role_id = enumerated("role")?;
    let role = Role::parse(&role_id).ok_or_else(|| "settings.role: unknown role".to_owned())?;
    let on_check_data = match field(props, "onCheckData").dyn_into::<js_sys::Function>() {
        Ok(f) => Callback::from(move |()| {
            let _ = f.call0(&JsValue::NULL);
        }),
        Err(v) if is_nullish(&v) => Callback::noop(),
        Err(_) => return Err("settings.onCheckData: expected a function".into()),
    };
    let (region, region_object) = crate::state::read_region(&field(props, "region"), "settings.region")
        .map_err(|e| String::from(js_sys::Error::from(JsValue::from(e)).message()))?;
    Ok(SectionProps {
        section,
        lang,
        role,
        region,
        region_object,
        host_error: optional_string(props, "error"),
        url_error: optional_string(props, "urlError"),
        birth_date: optional_string(props, "birthDate"),
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
