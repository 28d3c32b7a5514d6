//! Prints every answer (`explain_text`'s whole outcome) for each line of
//! the files given, one line per text: used to check that a change to the
//! matcher changes no result (diff two dumps).
//!
//! Run: `cargo run --release -p diary-rules --example explain_dump -- FILE...`
//! (each FILE: one text per line; a line's `\n` stands for a line break).

use diary_rules::explain::{explain_text, ExplainContext};

fn main() {
    let ctx = ExplainContext::default();
    for path in std::env::args().skip(1) {
        let Ok(list) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            std::process::exit(1);
        };
        for line in list.lines() {
            let text = line.replace("\\n", "\n");
            println!("{:?}", explain_text(&text, &ctx));
        }
    }
}
