//! The words of the given text ids, as JSON, for the parts of the panel that
//! are plain JS (the first screen drawn before the wasm arrives,
//! `web/diary-help-start.js`): `{"ru":{id:text,…},"en":{…}}`, with each id's
//! «ты» variant (`<id>_student`) where the data has one. Run by
//! `scripts/static-texts.mjs` at build time; an unknown id is an error.
//!
//!   cargo run -p diary-rules --example texts_json -- ui.panel.title ui.role.parent …

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::{texts, Lang};

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let ids: Vec<String> = std::env::args().skip(1).collect();
    let mut wanted = Vec::new();
    for id in &ids {
        if texts::entry(id).is_none() {
            eprintln!("texts_json: no text with id {id:?}");
            std::process::exit(1);
        }
        wanted.push(id.clone());
        if let Some(student) = texts::variant(id, "student") {
            wanted.push(student.id.to_owned());
        }
    }
    let langs = Lang::ALL
        .iter()
        .map(|&lang| {
            let fields: Vec<String> =
                wanted.iter().map(|id| format!("{}:{}", json_string(id), json_string(texts::text(id, lang)))).collect();
            format!("{}:{{{}}}", json_string(lang.code()), fields.join(","))
        })
        .collect::<Vec<_>>();
    println!("{{{}}}", langs.join(","));
}
