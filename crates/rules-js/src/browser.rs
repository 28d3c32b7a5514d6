//! The browser's clock and secure random source: what the JS API and the
//! widget both need from the platform. Always built, with or without the
//! `api` feature.

use wasm_bindgen::prelude::*;

/// The allocator of every module built from this workspace (the widget links
/// this crate too): talc, about 3 KB gz smaller than Rust's default dlmalloc.
/// Single-threaded wasm only (no `atomics`), which is all this project ships.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The browser's local time, to the minute; `None` if the clock gives
/// nonsense. `assessEligibility`'s default `now`, and the widget's clock.
pub fn browser_now() -> Option<chrono::NaiveDateTime> {
    let d = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    );
    diary_rules::eligibility::parse_local_date_time(&text)
}

#[wasm_bindgen]
extern "C" {
    /// The platform's secure random source, `globalThis.crypto.getRandomValues`
    /// (browsers, Node 19+). Called directly rather than through the
    /// getrandom crate, whose Node.js fallback costs JS glue and wasm code.
    #[wasm_bindgen(catch, js_namespace = crypto, js_name = getRandomValues)]
    fn get_random_values(buf: &mut [u8]) -> Result<JsValue, JsValue>;
}

/// Fills `buf` from the browser's secure random source (`generatePassword`
/// and the widget's generator button). Never falls back to a weaker source.
pub fn secure_random(buf: &mut [u8]) -> Result<(), diary_rules::password::RandomSourceFailed> {
    // getRandomValues fills at most 65536 bytes per call.
    for chunk in buf.chunks_mut(65536) {
        get_random_values(chunk).map_err(|_| diary_rules::password::RandomSourceFailed)?;
    }
    Ok(())
}
