//! Words for the panel: a thin lookup into the rules crate's text data.

use diary_rules::{texts, Lang};

/// The words for `id` in `lang`, as an owned string for `html!`.
pub fn t(id: &str, lang: Lang) -> String {
    texts::text(id, lang).to_owned()
}

/// The words for `id` with `{name}` placeholders filled from `params`.
pub fn tf(id: &str, lang: Lang, params: &[(&str, String)]) -> String {
    texts::fill(texts::text(id, lang), params)
}

/// The words for `id`, or its student variant when the reader is the student
/// and the data has a «ты» variant (`<id>_student`).
pub fn tr(id: &str, student: bool, lang: Lang) -> String {
    reader_text(id, student, lang).to_owned()
}

/// [`tr`] with `{name}` placeholders filled from `params`.
pub fn tfr(id: &str, student: bool, lang: Lang, params: &[(&str, String)]) -> String {
    texts::fill(reader_text(id, student, lang), params)
}

fn reader_text(id: &str, student: bool, lang: Lang) -> &str {
    match texts::for_reader(id, student) {
        Some(e) => e.get(lang),
        None => texts::text(id, lang),
    }
}

/// Makes `lang`'s words available in this module, from `source` (see
/// `diary_rules_js::fetch_language`; `undefined`: the file next to the
/// module). `false` if they could not load, with one console warning per
/// page and `warned` flag: "diary-help: `what` stay(s) in Russian: …".
pub async fn load_language_or_warn(
    lang: Lang,
    source: &wasm_bindgen::JsValue,
    warned: &std::sync::atomic::AtomicBool,
    what: &str,
) -> bool {
    match diary_rules_js::fetch_language(lang, source).await {
        Ok(()) => true,
        Err(why) => {
            if !warned.swap(true, std::sync::atomic::Ordering::Relaxed) {
                web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(&format!(
                    "diary-help: {what} in Russian: the \"{}\" texts could not load: {why}",
                    lang.code()
                )));
            }
            false
        }
    }
}
