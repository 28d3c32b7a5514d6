//! Test builds only (cargo feature `crash-trigger`, never in pkg/): makes
//! the module fail on purpose where `crash_point!` names a place, so that
//! tests/security/ can check the crash net of the build as shipped.
//!
//! The page sets `globalThis.__diaryHelpCrashAt = "<place>:<how>"` before
//! the place runs; `<how>` is `panic` (a Rust panic), `trap` (a wasm trap
//! that is not a panic, as an engine bug raises) or `throw` (a JS exception
//! unwinding through the wasm frames).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function crash_trigger_wanted() {
  const v = globalThis.__diaryHelpCrashAt;
  return typeof v === "string" ? v : "";
}
export function crash_trigger_throw() {
  throw new Error("crash-trigger: a JS exception through the wasm");
}
"#)]
extern "C" {
    fn crash_trigger_wanted() -> String;
    fn crash_trigger_throw();
}

/// Fails as the page asked, if it asked for `place`.
pub fn at(place: &str) {
    let wanted = crash_trigger_wanted();
    let Some((p, how)) = wanted.split_once(':') else { return };
    if p != place {
        return;
    }
    match how {
        "panic" => panic!("crash-trigger: a panic at {place}"),
        "trap" => core::arch::wasm32::unreachable(),
        "throw" => crash_trigger_throw(),
        _ => {}
    }
}
