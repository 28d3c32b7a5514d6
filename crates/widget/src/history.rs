//! The browser's Back button inside the guide (issue 13). Each answer given
//! in the question flow (the birth date, a question, «Не знаю») adds one
//! history entry by `history.pushState(state, "")`: no URL, so the page's
//! path, query and hash stay exactly as they are. The entry's state is the
//! host's own state as it was, plus `dhGuide: { <panel>: <depth> }`, so a
//! host router that reads its own fields sees the same entry. Back
//! (`popstate`) takes each panel to the depth its state records: the
//! question before. Nothing else pushes (the plan's «Сделано», sections,
//! roles), and nothing personal goes into the state: only depths.
//!
//! Entries left when the guide is left (another section, `unmount()`) have
//! the same URL: Back passes through them without a visible change. The
//! widget never calls `history.back()`/`go()` itself, so it cannot navigate
//! a host away.

use std::cell::Cell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

const KEY: &str = "dhGuide";

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A key for one guide's entries, unique within the page.
pub fn new_id() -> String {
    NEXT.with(|n| {
        let v = n.get();
        n.set(v.wrapping_add(1));
        format!("g{v}")
    })
}

fn history() -> Option<JsValue> {
    Reflect::get(&JsValue::from(web_sys::window()?), &JsValue::from_str("history")).ok().filter(|h| h.is_object())
}

/// The depth `state` records for guide `id` (0: none, the host's own entry).
pub fn depth_in(state: &JsValue, id: &str) -> usize {
    Reflect::get(state, &JsValue::from_str(KEY))
        .ok()
        .filter(|m| m.is_object())
        .and_then(|m| Reflect::get(&m, &JsValue::from_str(id)).ok())
        .and_then(|v| v.as_f64())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map_or(0, |v| v as usize)
}

/// Adds an entry at `depth` for guide `id` (the URL unchanged).
pub fn push(id: &str, depth: usize) {
    let Some(h) = history() else { return };
    let current = Reflect::get(&h, &JsValue::from_str("state")).unwrap_or(JsValue::NULL);
    let state = Object::new();
    let ours = Object::new();
    if current.is_object() {
        Object::assign(&state, current.unchecked_ref());
        if let Ok(m) = Reflect::get(&current, &JsValue::from_str(KEY)) {
            if m.is_object() {
                Object::assign(&ours, m.unchecked_ref());
            }
        }
    }
    let _ = Reflect::set(&ours, &JsValue::from_str(id), &JsValue::from_f64(depth as f64));
    let _ = Reflect::set(&state, &JsValue::from_str(KEY), &ours);
    if let Some(f) = Reflect::get(&h, &JsValue::from_str("pushState")).ok().and_then(|f| f.dyn_into::<Function>().ok())
    {
        // A page that forbids it (a sandbox, a state too large) keeps working without Back.
        let _ = f.call2(&h, &state, &JsValue::from_str(""));
    }
}
