//! Prints what `explain` makes of each line of stdin: the entry id (or
//! `null`), the confidence and the quote that matched.
//!
//! `printf 'Дневник не найден\nНеверный код\n' | cargo run -p diary-rules --example explain_probe`
use std::io::BufRead;

use diary_rules::explain::{explain, ExplainContext};

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        match explain(&line, &ExplainContext::default()) {
            Some(e) => println!("{:<28} {:.2}  {:<50} {line}", e.id, e.confidence, e.quote),
            None => println!("{:<28} {:<4}  {:<50} {line}", "null", "", ""),
        }
    }
}
