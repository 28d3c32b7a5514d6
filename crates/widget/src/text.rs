//! Words for the panel: a thin lookup into the rules crate's text data.

use diary_rules::{eligibility, texts, Lang};

/// The words for `id` in `lang`, as an owned string for `html!`.
pub fn t(id: &str, lang: Lang) -> String {
    texts::text(id, lang).to_owned()
}

/// The words for `id` with `{name}` placeholders filled from `params`.
pub fn tf(id: &str, lang: Lang, params: &[(&str, String)]) -> String {
    eligibility::fill(texts::text(id, lang), params)
}

/// The words for `id`, or its student variant when the reader is the student
/// and the data has a «ты» variant (`<id>_student`).
pub fn tr(id: &str, student: bool, lang: Lang) -> String {
    reader_text(id, student, lang).to_owned()
}

/// [`tr`] with `{name}` placeholders filled from `params`.
pub fn tfr(id: &str, student: bool, lang: Lang, params: &[(&str, String)]) -> String {
    eligibility::fill(reader_text(id, student, lang), params)
}

fn reader_text(id: &str, student: bool, lang: Lang) -> &str {
    if student {
        if let Some(e) = texts::entry(&format!("{id}_student")) {
            return e.get(lang);
        }
    }
    texts::text(id, lang)
}
