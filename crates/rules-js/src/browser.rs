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

// Where the language files are by default: next to the module that holds
// this glue. wasm-bindgen writes this snippet two folders below that module
// (snippets/<crate>/inline0.js), hence "../../". Each file is named in a
// literal `new URL("…", import.meta.url)` so that bundlers (Vite, webpack,
// Rollup, esbuild) see it, emit it with the build and rewrite the URL; a
// URL computed at run time would point at a file the bundle does not have.
// The password-only module (feature `password-api` without `api`) has its
// own file, with only the password texts.
#[cfg_attr(
    not(all(feature = "password-api", not(feature = "api"))),
    wasm_bindgen(inline_js = r#"
export function language_url(code) {
  if (code === "en") return new URL("../../diary-texts.en.bin", import.meta.url).href;
  return undefined;
}
"#)
)]
#[cfg_attr(
    all(feature = "password-api", not(feature = "api")),
    wasm_bindgen(inline_js = r#"
export function language_url(code) {
  if (code === "en") return new URL("../../diary-texts-password.en.bin", import.meta.url).href;
  return undefined;
}
"#)
)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn language_url(code: &str) -> Result<Option<String>, JsValue>;
}

// `language_source` reads what a host passed as a language file's source,
// inside `try` (a Proxy or a URL subclass with a throwing getter must not
// unwind through the wasm): the bytes of any ArrayBuffer or typed-array view
// (`ArrayBuffer.isView`, so a Node `Buffer` from another realm, as under
// jsdom, counts), copied; or the text of a string or URL.
#[wasm_bindgen(inline_js = r#"
export function language_source(v) {
  try {
    if (typeof v === "string") return { __proto__: null, url: v };
    if (v instanceof ArrayBuffer) return { __proto__: null, bytes: new Uint8Array(v.slice(0)) };
    if (ArrayBuffer.isView(v)) {
      return { __proto__: null, bytes: new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)) };
    }
    if (v instanceof URL) return { __proto__: null, url: String(v.href) };
  } catch {}
  return { __proto__: null };
}
"#)]
extern "C" {
    fn language_source(value: &JsValue) -> JsValue;
}

/// A language file's source as the host gave it: its bytes, its URL, or
/// neither (an `Err` with the expected types).
enum Source {
    Bytes(Vec<u8>),
    Url(String),
}

/// Reads `source` with [`language_source`] (no host code runs outside `try`).
fn read_source(source: &JsValue) -> Result<Source, String> {
    let read = language_source(source);
    let own = |key: &str| js_sys::Reflect::get(&read, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    if let Some(url) = own("url").as_string() {
        if url.len() > crate::convert::MAX_TEXT_LENGTH as usize {
            return Err("the URL is too long".into());
        }
        return Ok(Source::Url(url));
    }
    let bytes = own("bytes");
    if bytes.is_object() {
        return Ok(Source::Bytes(bytes.unchecked_into::<js_sys::Uint8Array>().to_vec()));
    }
    Err("expected the file's URL (a string or URL) or its bytes (ArrayBuffer or Uint8Array)".into())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetch)]
    fn fetch_url(url: &str) -> Result<js_sys::Promise, JsValue>;
    type Response;
    #[wasm_bindgen(method, getter)]
    fn ok(this: &Response) -> bool;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Response) -> u16;
    #[wasm_bindgen(method, catch, js_name = arrayBuffer)]
    fn array_buffer(this: &Response) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn headers(this: &Response) -> Headers;
    type Headers;
    #[wasm_bindgen(method, catch, js_name = get)]
    fn header(this: &Headers, name: &str) -> Result<Option<String>, JsValue>;
}

/// The only media type a language file is accepted with: a server that
/// answers with its HTML error or index page (`text/html`) is refused before
/// the body is read.
pub const LANGUAGE_FILE_TYPE: &str = "application/octet-stream";

/// The language file's name, next to the module (`pkg/rules/`, `pkg/widget/`).
pub fn language_file_name(lang: diary_rules::Lang) -> String {
    if cfg!(all(feature = "password-api", not(feature = "api"))) {
        format!("diary-texts-password.{}.bin", lang.code())
    } else {
        format!("diary-texts.{}.bin", lang.code())
    }
}

/// Where `lang`'s file is by default: next to the module that holds this code.
pub fn default_language_url(lang: diary_rules::Lang) -> Result<String, String> {
    match language_url(lang.code()) {
        Ok(Some(url)) => Ok(url),
        _ => Err(format!("cannot resolve {} next to the module", language_file_name(lang))),
    }
}

/// Makes `lang`'s words available: Russian always is; another language is
/// read from `source` (an `ArrayBuffer` or `Uint8Array` of the file, or its
/// URL as a string or `URL`), by default the file next to this module. The
/// only network request is for that file, the component's own. Errors are
/// one English sentence, for the caller to prefix with its field.
pub async fn fetch_language(lang: diary_rules::Lang, source: &JsValue) -> Result<(), String> {
    if diary_rules::texts::is_available(lang) {
        return Ok(());
    }
    let source = if source.is_undefined() || source.is_null() {
        Source::Url(default_language_url(lang)?)
    } else {
        read_source(source)?
    };
    let bytes: Vec<u8> = match source {
        Source::Bytes(bytes) => bytes,
        Source::Url(url) => {
            let fail = |why: &str| format!("could not load {url}: {why}");
            let promise = fetch_url(&url).map_err(|_| fail("this environment has no fetch()"))?;
            let response: Response = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map_err(|e| {
                    fail(&e.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default())
                })?
                .unchecked_into();
            if !response.ok() {
                return Err(fail(&format!("HTTP {}", response.status())));
            }
            let media_type = response.headers().header("content-type").ok().flatten().unwrap_or_default();
            let media_type = media_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
            if media_type != LANGUAGE_FILE_TYPE {
                return Err(fail(&format!("served as {media_type:?}, expected {LANGUAGE_FILE_TYPE}")));
            }
            let buffer = response.array_buffer().map_err(|_| fail("unreadable response"))?;
            let buffer =
                wasm_bindgen_futures::JsFuture::from(buffer).await.map_err(|_| fail("the download broke off"))?;
            js_sys::Uint8Array::new(&buffer).to_vec()
        }
    };
    install_bytes(lang, &bytes)
}

/// `lang`'s words from the file's bytes in memory (`Uint8Array` or
/// `ArrayBuffer`), at once: the synchronous half of [`fetch_language`].
pub fn install_language(lang: diary_rules::Lang, bytes: &JsValue) -> Result<(), String> {
    if diary_rules::texts::is_available(lang) {
        return Ok(());
    }
    // Read inside `try`, as any view of any realm (`read_source`).
    match read_source(bytes) {
        Ok(Source::Bytes(bytes)) => install_bytes(lang, &bytes),
        _ => Err("expected the file's bytes (Uint8Array or ArrayBuffer)".into()),
    }
}

fn install_bytes(lang: diary_rules::Lang, bytes: &[u8]) -> Result<(), String> {
    match diary_rules::texts::load_language(bytes) {
        Ok(got) if got == lang => Ok(()),
        Ok(got) => Err(format!("the file holds the \"{}\" texts, not \"{}\"", got.code(), lang.code())),
        Err(e) => Err(format!("the \"{}\" language file was refused: {e}", lang.code())),
    }
}
