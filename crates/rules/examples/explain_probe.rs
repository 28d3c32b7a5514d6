//! Prints what `explain` makes of each line of stdin: the entry id (or
//! `null`), the confidence and the quote that matched; then a close second
//! (`also`), or the nearest entries (`maybe`) when nothing matched.
//!
//! `printf 'Дневник не найден\nНеверный код\n' | cargo run -p diary-rules --example explain_probe`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]
use std::io::BufRead;

use diary_rules::explain::{explain_text, ExplainContext};

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let o = explain_text(&line, &ExplainContext::default());
        match &o.answer {
            Some(e) => println!("{:<28} {:.2}  {:<50} {line}", e.id, e.confidence, e.quote),
            None => println!("{:<28} {:<4}  {:<50} {line}", "null", "", ""),
        }
        if let Some(a) = &o.also {
            println!("    also {} {:.2}", a.id, a.confidence);
        }
        if !o.maybe.is_empty() {
            println!("    maybe {}", o.maybe.join(", "));
        }
    }
}
