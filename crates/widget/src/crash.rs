//! When the panel itself fails. The module's crash net, installed on every
//! build (the shipped modules included), in two layers:
//!
//! - **Rust panics**: the panic hook, installed with Yew's own
//!   [`yew::set_custom_panic_hook`] before the first render (a plain
//!   `std::panic::set_hook` is replaced by Yew's default hook when it
//!   renders), writes one `console.error` with the panic message and source
//!   location (the widget never puts user input in panic messages) and shows
//!   the apology in every mounted panel.
//! - **Anything that escapes the wasm**: the `WebAssembly.RuntimeError` of a
//!   panic's abort, any other trap (an engine's `Out of bounds table
//!   access`), or a JS exception that unwound through the wasm frames. The
//!   JS glue wraps every export of the instance (`scripts/inline-snippets.mjs`,
//!   the guard): the first such error marks the module broken, shows the
//!   apology (from JS: the snippet below), and no later call enters the
//!   wasm. Calls the browser makes (events, timers, promise jobs) and a
//!   handle's methods return quietly; a function the host calls (`mount`)
//!   throws `Error("diary-help: internal error …")`. No `error` or
//!   `unhandledrejection` event of the page ever carries our error.
//!
//! The apology (a short text with the region's help links and Gosuslugi's
//! help page, plain DOM text, no markup parsing, no wasm event handlers) is
//! built for each panel when it is mounted and again when its region or
//! language changes, so that showing it needs no call into the wasm.
//! Handles of crashed panels accept calls and do nothing.

use std::cell::Cell;

use diary_rules::eligibility::{links, region};
use diary_rules::{texts, Lang};
use wasm_bindgen::prelude::*;

// The registry of mounted panels and their prepared apologies. The guard in
// the glue calls `crash_show_all` (by name: this snippet is pasted into the
// same module) when an error escapes the wasm.
#[wasm_bindgen(inline_js = r#"
const panels = new Map();
let crashed = false;
function crash_show_one(p) {
  if (p.shown) return;
  if (p.inPlace || !p.root.parentNode) {
    p.root.replaceChildren(p.apology);
    p.shown = p.root;
  } else {
    // A shallow copy of the root: no listener of the crashed app stays attached.
    const fresh = p.root.cloneNode(false);
    fresh.append(p.apology);
    p.root.replaceWith(fresh);
    p.shown = fresh;
  }
}
export function crash_register(id, root, apology, inPlace) {
  const p = panels.get(id);
  if (p) {
    if (!p.shown) p.apology = apology;
  } else {
    panels.set(id, { root, apology, inPlace, shown: null });
  }
  if (crashed) crash_show_one(panels.get(id));
}
export function crash_forget(id) {
  const p = panels.get(id);
  if (p && p.shown) p.shown.replaceChildren();
  panels.delete(id);
}
export function crash_crashed() {
  return crashed;
}
export function crash_show_all() {
  crashed = true;
  for (const p of panels.values()) {
    try { crash_show_one(p); } catch {}
  }
}
"#)]
extern "C" {
    fn crash_register(id: u32, root: &web_sys::Element, apology: &web_sys::Element, in_place: bool);
    fn crash_forget(id: u32);
    fn crash_show_all();
    fn crash_crashed() -> bool;
}

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static PANICKED: Cell<bool> = const { Cell::new(false) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Whether the module has failed: a panic, or any error the glue's guard
/// caught (its state can no longer be trusted).
pub fn panicked() -> bool {
    PANICKED.with(Cell::get) || crash_crashed()
}

/// Installs the panic hook, once per module, before anything renders.
pub fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| report(&info.to_string())));
}

/// Remembers a mounted panel; returns its id for [`update`] and [`forget`].
pub fn register(root: &web_sys::Element, region: Option<String>, lang: Lang) -> u32 {
    add(root, region.as_deref(), lang, false)
}

/// Like [`register`], for a lazily loaded section: its apology is shown
/// inside `root`, which the panel's Yew keeps and removes in its own time.
pub fn register_in_place(root: &web_sys::Element, region: Option<String>, lang: Lang) -> u32 {
    add(root, region.as_deref(), lang, true)
}

/// A panel's id, root, region and language, and whether its apology goes
/// inside the root: what its apology is built from again.
type Settings = (u32, web_sys::Element, Option<String>, Lang, bool);

thread_local! {
    /// Each mounted panel's settings.
    static SETTINGS: std::cell::RefCell<Vec<Settings>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn add(root: &web_sys::Element, region: Option<&str>, lang: Lang, in_place: bool) -> u32 {
    let id = NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)));
    SETTINGS.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            s.push((id, root.clone(), region.map(str::to_owned), lang, in_place));
        }
    });
    prepare(id);
    id
}

/// Builds panel `id`'s apology and hands it to the registry.
fn prepare(id: u32) {
    let entry = SETTINGS.with(|s| s.try_borrow().ok().and_then(|s| s.iter().find(|e| e.0 == id).cloned()));
    if let Some((id, root, region, lang, in_place)) = entry {
        if let Some(apology) = root.owner_document().and_then(|d| apology(&d, region.as_deref(), lang)) {
            crash_register(id, &root, &apology, in_place);
        }
    }
}

/// Follows a panel's region or language changes.
pub fn update(id: u32, region: Option<Option<String>>, lang: Option<Lang>) {
    let changed = SETTINGS.with(|s| {
        let Ok(mut s) = s.try_borrow_mut() else { return false };
        let Some(e) = s.iter_mut().find(|e| e.0 == id) else { return false };
        let before = (e.2.clone(), e.3);
        if let Some(r) = region {
            e.2 = r;
        }
        if let Some(l) = lang {
            e.3 = l;
        }
        before != (e.2.clone(), e.3)
    });
    if changed {
        prepare(id);
    }
}

/// Forgets an unmounted panel (and takes its apology off the page).
pub fn forget(id: u32) {
    SETTINGS.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            s.retain(|e| e.0 != id);
        }
    });
    crash_forget(id);
}

/// What the panic hook does. Only the first call reports.
fn report(message: &str) {
    if PANICKED.with(|p| p.replace(true)) {
        return;
    }
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "<diary-login-help>: internal error, the help panel stopped and shows a short apology instead; \
         the page's own login is not affected. Please report this to the widget's maintainers: {message}"
    )));
    crash_show_all();
}

/// The apology for a panel in `region_id` and `lang`: a detached
/// `div.dh-panel.dh-crash` with `role="alert"`, plain text and links.
pub fn apology(document: &web_sys::Document, region_id: Option<&str>, lang: Lang) -> Option<web_sys::Element> {
    let el = |tag: &str, class: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        Some(e)
    };
    let link = |href: &str, label: &str| -> Option<web_sys::Element> {
        let a = el("a", "dh-link", Some(label))?;
        a.set_attribute("href", href).ok()?;
        a.set_attribute("target", "_blank").ok()?;
        a.set_attribute("rel", "noopener noreferrer").ok()?;
        let hint = el("span", "dh-sr", Some(&format!(" {}", texts::text("ui.link.new_tab", lang))))?;
        add(&a, hint)?;
        Some(a)
    };
    let t = |id: &str| texts::text(id, lang).to_owned();
    fn add(parent: &web_sys::Element, child: impl AsRef<web_sys::Node>) -> Option<()> {
        parent.append_child(child.as_ref()).ok().map(|_| ())
    }

    let box_ = el("div", "dh-panel dh-crash", None)?;
    box_.set_attribute("role", "alert").ok()?;
    add(&box_, el("h2", "dh-crash-title", Some(&t("ui.crash.title")))?)?;
    add(&box_, el("p", "", Some(&t("ui.crash.text")))?)?;
    let list = el("ul", "dh-crash-links", None)?;
    let profile = region_id.and_then(region::embedded).or_else(|| region::embedded("generic"));
    if let Some(p) = &profile {
        let item = el("li", "", Some(&t(p.problems.text_id())))?;
        if let Some(l) = &p.problems_link {
            add(&item, document.create_text_node(" "))?;
            add(&item, link(&l.href, &l.label)?)?;
        }
        add(&list, item)?;
        if let Some(site) = &p.diary_site {
            let item = el("li", "", Some(&format!("{}: ", t("ui.next.diary"))))?;
            add(&item, link(&site.href, &site.label)?)?;
            add(&list, item)?;
        }
    }
    if let Some(help) = links::get("gosuslugi_support") {
        let item = el("li", "", None)?;
        add(&item, link(help.href, &t("elig.link.gosuslugi_support"))?)?;
        add(&list, item)?;
    }
    add(&box_, list)?;
    Some(box_)
}
