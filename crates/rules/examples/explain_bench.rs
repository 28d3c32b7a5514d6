//! Prints how long message matching takes per KB of input, for inputs from
//! 1 KB to 1 MB, so linear growth can be seen (time per KB stays flat).
//!
//! Run: `cargo run --release -p diary-rules --example explain_bench`
//! Optional first argument: extra texts to explain, one per line, from a file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use std::time::Instant;

use diary_rules::explain::{explain, ExplainContext};

fn main() {
    let ctx = ExplainContext::default();
    // Warm up (parses the catalog once).
    let _ = explain("Дневник не найден", &ctx);

    let inputs: [(&str, &str); 5] = [
        ("unique words", ""),
        // bench/api-cases.mjs' paste: full of catalog and subject words.
        (
            "api paste",
            "Здравствуйте! При входе в электронный дневник через Госуслуги пишет ошибку, помогите пожалуйста. ",
        ),
        ("russian prose", "Оценки за четверть появятся в электронном журнале после проверки работ учителем. "),
        ("near misses", "Дневник ребёнка, найдите согласие родителей и данные для входа, проверка кода. "),
        ("random-ish", "qwe ЖЖЖ 12345 ёлки-палки !!! аааааааааааааааааааааааааааааааааа, xyz. "),
    ];
    // Distinct made-up Cyrillic words, so no cached word repeats (the worst case).
    let mut unique = String::new();
    let letters: Vec<char> = "абвгдежзийклмнопрстуфхцчшщъыьэюя".chars().collect();
    let mut n = 0usize;
    while unique.len() < 1024 * 1024 {
        let mut k = n;
        for _ in 0..5 {
            unique.push(letters[k % letters.len()]);
            k /= letters.len();
        }
        unique.push(' ');
        n += 7919;
    }
    // `EXPLAIN_BENCH=NAME` runs only that input at 1 MB, 20 times (for perf).
    let only = std::env::var("EXPLAIN_BENCH").ok();
    println!("{:<14} {:>9} {:>11} {:>12}", "input", "size KB", "total ms", "µs per KB");
    for (name, unit) in inputs {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let sizes: &[usize] = if only.is_some() { &[1024] } else { &[1, 16, 256, 1024] };
        for &kb in sizes {
            let mut text = if name == "unique words" {
                unique.chars().take(kb * 1024 / 2).collect()
            } else {
                unit.repeat(kb * 1024 / unit.len() + 1)
            };
            text.push_str(" Не найден в СФР");
            let runs = if only.is_some() { 20 } else { (2048 / kb).max(1) };
            let start = Instant::now();
            let mut found = None;
            for _ in 0..runs {
                found = explain(&text, &ctx).map(|e| e.id);
            }
            let elapsed = start.elapsed().as_secs_f64() / runs as f64;
            let size_kb = text.len() as f64 / 1024.0;
            println!(
                "{name:<14} {size_kb:>9.0} {:>11.2} {:>12.1}   -> {:?}",
                elapsed * 1e3,
                elapsed * 1e6 / size_kb,
                found
            );
        }
    }

    if let Some(path) = std::env::args().nth(1) {
        let Ok(list) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            return;
        };
        for line in list.lines().filter(|l| !l.trim().is_empty()) {
            let e = explain(line, &ctx);
            println!("{line:?} -> {:?}", e.map(|e| (e.id, e.confidence)));
        }
    }
}
