//! The sections after the first screen, loaded on first use (issue 16).
//!
//! The shipped panel is two wasm modules built from this crate:
//! - `diary_help` (feature `lazy-sections`): the panel, its tabs and the
//!   guide («Что делать сейчас»), everything the first screen needs;
//! - `diary_help_sections` (feature `sections-module`): «Ошибка»,
//!   «Пароль» and «Проверить данные», with the explanation, password and
//!   document rules behind them (about a third of the download).
//!
//! [`LazySection`] stands in the panel for those three sections. It imports
//! the second module (`import("./diary_help_sections.js")`, a literal path
//! bundlers follow) the first time one of them is shown, or earlier when the
//! browser is idle after the first render, so that the whole panel works
//! offline once the page has loaded. It mounts the section into its own
//! `<div>` and passes it every change of the panel's settings.
//!
//! The boundary is plain JS values: the settings object that
//! [`crate::sections::read_props`] reads, and a handle with `update` and
//! `unmount`. No personal data crosses it except what the section itself
//! needs (the host's error text, the wizard's birth date), in memory only.

use crate::sections::SectionProps;
use crate::text::t;
use diary_rules::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

// The second module sits next to this one. The inliner
// (scripts/inline-snippets.mjs) pastes this snippet into diary_help.js and
// rewrites "../../" to "./". One import per page; a failed one is forgotten
// so that «Попробовать ещё раз» imports again. Its wasm is fetched here, not
// by its own glue: it must be served as application/wasm and its bytes must
// have the SHA-256 this module was built with (`verified`), or it is not run.
#[wasm_bindgen(inline_js = r#"
let sections, warned = false;
export function load_sections(verified) {
  if (!sections) {
    const wasm = new URL("../../diary_help_sections_bg.wasm", import.meta.url);
    sections = Promise.all([import("../../diary_help_sections.js"), fetch(wasm)]).then(async ([m, response]) => {
      const type = (response.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
      if (!response.ok) throw new Error("diary_help_sections_bg.wasm: HTTP " + response.status);
      if (type !== "application/wasm") throw new Error("diary_help_sections_bg.wasm: served as " + JSON.stringify(type) + ", expected application/wasm");
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!verified(bytes)) throw new Error("diary_help_sections_bg.wasm: not the file this panel was built with (its SHA-256 differs)");
      await m.default({ module_or_path: bytes });
      return m;
    });
    sections.catch((error) => {
      sections = undefined;
      if (!warned) warned = true, console.warn("diary-help: the sections «Ошибка», «Пароль» and «Проверить данные» could not load:", error.message);
    });
  }
  return sections;
}
export function sections_requested() {
  return sections;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load_sections(verified: &js_sys::Function) -> Result<js_sys::Promise, JsValue>;
    /// The import started by [`load_sections`], if any.
    fn sections_requested() -> Option<js_sys::Promise>;
}

#[wasm_bindgen]
extern "C" {
    pub type SectionsModule;
    #[wasm_bindgen(method, catch, js_name = mountSection)]
    fn mount_section(
        this: &SectionsModule,
        target: &web_sys::Element,
        props: &JsValue,
    ) -> Result<SectionHandle, JsValue>;

    #[wasm_bindgen(method, catch, js_name = loadSectionsLanguage)]
    fn load_sections_language(this: &SectionsModule, lang: &str) -> Result<js_sys::Promise, JsValue>;

    pub type SectionHandle;
    #[wasm_bindgen(method, catch)]
    fn update(this: &SectionHandle, props: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method)]
    fn unmount(this: &SectionHandle);
}

/// The SHA-256 (hex) of the sections' wasm as scripts/build.sh bound it,
/// compiled in by that build. A build without it (a host's own build of this
/// crate) runs no sections wasm at all: set `DIARY_SECTIONS_WASM_SHA256`.
const SECTIONS_WASM_SHA256: Option<&str> = option_env!("DIARY_SECTIONS_WASM_SHA256");

/// Whether `bytes` are the sections' wasm this panel was built with.
fn sections_wasm_verified(bytes: &[u8]) -> bool {
    let digest = diary_rules::sha256::sha256(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    SECTIONS_WASM_SHA256 == Some(hex.as_str())
}

thread_local! {
    /// [`sections_wasm_verified`] as the JS function the loader calls.
    static VERIFIER: Closure<dyn Fn(js_sys::Uint8Array) -> bool> =
        Closure::new(|bytes: js_sys::Uint8Array| sections_wasm_verified(&bytes.to_vec()));
    /// The panel's language, as [`follow_language`] last heard it.
    static LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::Ru) };
}

/// The sections module compiles in only its own texts and so has its own
/// language file. Once the panel has its words in `lang`, this has the
/// sections module (if imported, or being imported) load its own too, so that
/// a section opens in `lang` without a moment in Russian. A module imported
/// later loads them at import ([`import_sections`]).
pub fn follow_language(lang: Lang) {
    LANG.with(|l| l.set(lang));
    if lang == Lang::Ru {
        return;
    }
    if let Some(import) = sections_requested() {
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(module) = wasm_bindgen_futures::JsFuture::from(import).await {
                sections_language(&module.unchecked_into(), lang).await;
            }
        });
    }
}

/// Has the sections module load its words in `lang`; resolves when they are
/// there or could not load (the section then says so in Russian).
async fn sections_language(module: &SectionsModule, lang: Lang) {
    if let Ok(loading) = module.load_sections_language(lang.code()) {
        let _ = wasm_bindgen_futures::JsFuture::from(loading).await;
    }
}

/// Imports the sections module (once per page) and, for a language other
/// than Russian, waits for its words in `lang` (at once when they are
/// already there).
async fn import_sections(lang: Lang) -> Result<SectionsModule, JsValue> {
    let module: SectionsModule =
        wasm_bindgen_futures::JsFuture::from(VERIFIER.with(|v| load_sections(v.as_ref().unchecked_ref()))?)
            .await?
            .unchecked_into();
    if lang != Lang::Ru {
        sections_language(&module, lang).await;
    }
    Ok(module)
}

/// Starts importing the sections module when the browser is idle (after the
/// first render), unless the user asked to save data: then on first use.
pub fn prefetch() {
    let window = gloo::utils::window();
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok().filter(|v| v.is_object());
    let save_data = get(&window, "navigator")
        .and_then(|n| get(&n, "connection"))
        .and_then(|c| js_sys::Reflect::get(&c, &JsValue::from_str("saveData")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if save_data {
        return;
    }
    let start = Closure::once_into_js(|| {
        wasm_bindgen_futures::spawn_local(async {
            crash_point!("idle");
            // A failure here is silent: the section says so when it is opened.
            let _ = import_sections(LANG.with(std::cell::Cell::get)).await;
        })
    });
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let _ = match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from_f64(5000.0));
            idle.call2(&window, &start, &options)
        }
        None => {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 1000).map(JsValue::from)
        }
    };
}

pub enum LazyMsg {
    Loaded(SectionsModule),
    Failed,
    Retry,
}

#[derive(PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed,
}

pub struct LazySection {
    host: NodeRef,
    status: Status,
    handle: Option<SectionHandle>,
    /// The JS function the section calls to open «Проверить данные»; the
    /// latest `on_check_data` is read through the shared cell.
    on_check_data: Rc<RefCell<Callback<()>>>,
    on_check_data_js: Closure<dyn Fn()>,
}

impl LazySection {
    fn props_object(&self, props: &SectionProps) -> JsValue {
        use diary_rules_js::convert::ToJs;
        // The host's profile object as it came, else the id.
        let region = if props.region_object.is_object() {
            props.region_object.clone()
        } else {
            crate::state::region_id(&props.region).map_or(JsValue::NULL, |id| JsValue::from_str(&id))
        };
        crate::sections::SectionSettings {
            section: props.section,
            lang: props.lang,
            role: props.role,
            region,
            error: props.host_error.clone(),
            url_error: props.url_error.clone(),
            birth_date: props.birth_date.clone(),
            on_check_data: self.on_check_data_js.as_ref().clone(),
        }
        .to_js()
    }

    /// Imports the module with its words in the panel's language, so that
    /// the section's first render is in that language; «Загружаем раздел…»
    /// stays until then. If they cannot load, the section opens in Russian
    /// and tries again (`sections.rs`).
    fn load(ctx: &Context<Self>) {
        let link = ctx.link().clone();
        let lang = ctx.props().lang;
        wasm_bindgen_futures::spawn_local(async move {
            match import_sections(lang).await {
                Ok(m) => link.send_message(LazyMsg::Loaded(m)),
                Err(_) => link.send_message(LazyMsg::Failed),
            }
        });
    }
}

impl Component for LazySection {
    type Message = LazyMsg;
    type Properties = SectionProps;

    fn create(ctx: &Context<Self>) -> Self {
        let on_check_data = Rc::new(RefCell::new(ctx.props().on_check_data.clone()));
        let cell = on_check_data.clone();
        // The callback is cloned out first: emitting re-renders the panel,
        // which stores the next callback in the same cell.
        let on_check_data_js = Closure::<dyn Fn()>::new(move || {
            let callback = cell.borrow().clone();
            callback.emit(())
        });
        Self::load(ctx);
        LazySection { host: NodeRef::default(), status: Status::Loading, handle: None, on_check_data, on_check_data_js }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: LazyMsg) -> bool {
        match msg {
            LazyMsg::Loaded(module) => {
                let Some(host) = self.host.cast::<web_sys::Element>() else { return false };
                match module.mount_section(&host, &self.props_object(ctx.props())) {
                    Ok(handle) => {
                        self.handle = Some(handle);
                        self.status = Status::Ready;
                    }
                    Err(_) => self.status = Status::Failed,
                }
            }
            LazyMsg::Failed => self.status = Status::Failed,
            LazyMsg::Retry => {
                self.status = Status::Loading;
                Self::load(ctx);
            }
        }
        true
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &SectionProps) -> bool {
        *self.on_check_data.borrow_mut() = ctx.props().on_check_data.clone();
        if let Some(handle) = &self.handle {
            if handle.update(&self.props_object(ctx.props())).is_err() {
                self.status = Status::Failed;
            }
        }
        true
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        if let Some(handle) = self.handle.take() {
            handle.unmount();
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let lang = ctx.props().lang;
        let status = match self.status {
            Status::Ready => html! {},
            Status::Loading => html! { <p class="dh-lazy-status" role="status">{ t("ui.lazy.loading", lang) }</p> },
            Status::Failed => html! {
                <div class="dh-lazy-status" role="alert">
                    <p>{ t("ui.lazy.failed", lang) }</p>
                    <button type="button" onclick={ctx.link().callback(|_| LazyMsg::Retry)}>
                        { t("ui.lazy.retry", lang) }
                    </button>
                </div>
            },
        };
        // The section's own root: Yew renders no children into it, so the
        // second module's app owns its content.
        html! {
            <>
                { status }
                <div class="dh-lazy" ref={self.host.clone()} aria-busy={(self.status == Status::Loading).to_string()}></div>
            </>
        }
    }
}
