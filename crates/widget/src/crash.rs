//! When the panel itself fails. A Rust panic is a bug in the widget; it must
//! not leave a blank box or throw into the host's login page. On the first
//! panic:
//! - one `console.error` says what happened and where (the panic message and
//!   source location; the widget never puts user input in panic messages);
//! - every mounted panel is replaced by a short apology with the region's
//!   help links and Gosuslugi's help page, built as plain DOM text (no
//!   markup parsing, no wasm event handlers);
//! - the `WebAssembly.RuntimeError` that the abort raises (and any that a
//!   later call into the broken module raises) is kept from the host page:
//!   `error` and `unhandledrejection` events carrying one are cancelled.
//!
//! Handles of crashed panels accept calls and do nothing.

use std::cell::{Cell, RefCell};

use diary_rules::eligibility::{links, region};
use diary_rules::{texts, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A mounted panel, as far as the apology needs to know it.
#[derive(Clone)]
struct Mounted {
    id: u32,
    root: web_sys::Element,
    region: Option<String>,
    lang: Lang,
    /// The apology goes inside `root` instead of replacing it: a section of
    /// the panel whose `<div>` belongs to the panel's own Yew (`sections.rs`).
    in_place: bool,
}

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static PANICKED: Cell<bool> = const { Cell::new(false) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Whether the widget has panicked (its module state can no longer be trusted).
pub fn panicked() -> bool {
    PANICKED.with(Cell::get)
}

/// Installs the panic hook and the trap filter, once per page.
pub fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    set_panic_hook();
    cancel_traps_after_a_panic();
}

/// Makes [`report`] the panic hook (again: a test harness may have replaced it).
pub fn set_panic_hook() {
    std::panic::set_hook(Box::new(|info| report(&info.to_string())));
}

/// Remembers a mounted panel; returns its id for [`update`] and [`forget`].
pub fn register(root: &web_sys::Element, region: Option<String>, lang: Lang) -> u32 {
    add(Mounted { id: 0, root: root.clone(), region, lang, in_place: false })
}

/// Like [`register`], for a lazily loaded section: its apology is shown
/// inside `root`, which the panel's Yew keeps and removes in its own time.
pub fn register_in_place(root: &web_sys::Element, region: Option<String>, lang: Lang) -> u32 {
    add(Mounted { id: 0, root: root.clone(), region, lang, in_place: true })
}

fn add(mut panel: Mounted) -> u32 {
    let id = NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)));
    panel.id = id;
    MOUNTED.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.push(panel);
        }
    });
    id
}

/// Changes the registered panel `id`, if it is there.
fn with_panel(id: u32, change: impl FnOnce(&mut Mounted)) {
    MOUNTED.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if let Some(p) = m.iter_mut().find(|p| p.id == id) {
                change(p);
            }
        }
    });
}

/// A copy of the registered panel `id`.
fn panel(id: u32) -> Option<Mounted> {
    MOUNTED.with(|m| m.try_borrow().ok().and_then(|m| m.iter().find(|p| p.id == id).cloned()))
}

/// Follows a panel's region or language changes.
pub fn update(id: u32, region: Option<Option<String>>, lang: Option<Lang>) {
    with_panel(id, |p| {
        if let Some(r) = region {
            p.region = r;
        }
        if let Some(l) = lang {
            p.lang = l;
        }
    });
}

/// Forgets an unmounted panel.
pub fn forget(id: u32) {
    MOUNTED.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.retain(|p| p.id != id);
        }
    });
}

/// What the panic hook does; public so a test can run it without a real
/// panic. Only the first call reports and replaces the panels.
pub fn report(message: &str) {
    if PANICKED.with(|p| p.replace(true)) {
        return;
    }
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "<diary-login-help>: internal error, the help panel stopped and shows a short apology instead; \
         the page's own login is not affected. Please report this to the widget's maintainers: {message}"
    )));
    let panels = MOUNTED.with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default());
    for p in panels {
        show_apology(&p);
    }
}

/// Shows the apology in one registered panel (a mount after the crash).
pub fn report_to(id: u32) {
    if let Some(p) = panel(id) {
        show_apology(&p);
    }
}

/// Empties a crashed panel's root (unmount after the crash).
pub fn clear(id: u32) {
    if let Some(p) = panel(id) {
        p.root.set_text_content(None);
    }
}

/// Renders the apology in `p` and remembers the element that now holds it.
fn show_apology(p: &Mounted) {
    if p.in_place {
        p.root.set_text_content(None);
        let _ = render_apology(&p.root, p.region.as_deref(), p.lang, false);
        return;
    }
    if let Some(fresh) = render_apology(&p.root, p.region.as_deref(), p.lang, true) {
        with_panel(p.id, |q| q.root = fresh);
    }
}

/// Replaces `root` (by a shallow copy of itself, so no listener of the
/// crashed app stays attached; in place when it has no parent or `replace`
/// is false) with the apology, and returns the element that now holds it.
pub fn render_apology(
    root: &web_sys::Element,
    region_id: Option<&str>,
    lang: Lang,
    replace: bool,
) -> Option<web_sys::Element> {
    let document = root.owner_document()?;
    let target = match root.parent_node() {
        Some(_) if replace => {
            let fresh: web_sys::Element = root.clone_node().ok()?.dyn_into().ok()?;
            root.replace_with_with_node_1(&fresh).ok()?;
            fresh
        }
        _ => {
            root.set_text_content(None);
            root.clone()
        }
    };
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
    add(&target, box_)?;
    Some(target)
}

/// Cancels `error` and `unhandledrejection` events that carry a
/// `WebAssembly.RuntimeError` once the widget has panicked, so the abort does
/// not surface as an uncaught exception of the host page.
fn cancel_traps_after_a_panic() {
    let Some(window) = web_sys::window() else { return };
    let filter = |field: &'static str| {
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if !panicked() {
                return;
            }
            let value = js_sys::Reflect::get(&event, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED);
            if value.is_instance_of::<js_sys::WebAssembly::RuntimeError>() {
                event.prevent_default();
            }
        })
    };
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        let listener = filter(field);
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        // Lives as long as the page: the module cannot be unloaded.
        listener.forget();
    }
}
