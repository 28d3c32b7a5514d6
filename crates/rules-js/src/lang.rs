//! `loadLanguage(lang, source?)`: languages other than Russian on demand.
//!
//! Russian is compiled into the module; English is a separate file
//! (`diary-texts.en.bin`, about 11 KB gz) fetched only when asked for. A
//! function called with `lang: "en"` before it has loaded throws
//! `Error("lang: the \"en\" texts are not loaded yet; await loadLanguage(\"en\") first")`.

use wasm_bindgen::prelude::*;

use crate::convert::{argument, field_error, parse_lang, required_string};

/// Loads the words of `lang` (`"en"`; `"ru"` is built in and resolves at
/// once). `source`: the language file's bytes (`ArrayBuffer`,
/// `Uint8Array`: the way in Node, where `fetch` cannot read `file:` URLs)
/// or its URL (string or `URL`); by default `diary-texts.<lang>.bin` next to
/// this module. Rejects with an `Error` naming `lang` or `source` and the
/// reason when the file is missing, damaged or from another version; Russian
/// keeps working either way. Loading twice is harmless.
#[wasm_bindgen(js_name = loadLanguage)]
pub async fn load_language(
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | URL | ArrayBuffer | Uint8Array")] source: Option<JsValue>,
) -> Result<(), JsError> {
    // Not yet loaded is the case this function is for: parse only.
    let lang = argument(&lang, "lang", code_of_any_language)?;
    crate::browser::fetch_language(lang, &source.unwrap_or(JsValue::UNDEFINED))
        .await
        .map_err(|e| field_error("source", e))
}

/// `loadLanguage` for a file already in memory, done when it returns (no
/// promise): how the Node entry loads English at import without a top-level
/// await, so CommonJS can `require()` it. `bytes`: the file's `Uint8Array`
/// or `ArrayBuffer`. Throws an `Error` naming `lang` or `bytes` and the
/// reason; Russian keeps working either way.
#[wasm_bindgen(js_name = loadLanguageSync)]
pub fn load_language_sync(
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ArrayBuffer | Uint8Array")] bytes: JsValue,
) -> Result<(), JsError> {
    let lang = argument(&lang, "lang", code_of_any_language)?;
    crate::browser::install_language(lang, &bytes).map_err(|e| field_error("bytes", e))
}

/// A language code, whether or not its words are loaded yet.
fn code_of_any_language(value: &JsValue, name: &str) -> Result<diary_rules::Lang, JsError> {
    parse_lang(&required_string(value, name)?, name)
}
