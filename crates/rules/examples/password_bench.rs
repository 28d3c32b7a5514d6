//! A small native benchmark of the password checker: prints the estimate
//! for typical passwords and the time per call on adversarial inputs of
//! 1 KB, 10 KB and 100 KB (the recipes of `bench/password-inputs.json`).
//! It asserts nothing; run with `cargo run --release -p diary-rules --example password_bench`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::password::{check_password, strength, CheckOptions};
use std::time::Instant;

const TYPICAL: &[&str] = &[
    "123456",
    "password",
    "qwerty",
    "Qwerty123!",
    "Пароль",
    "Gfhjkm123!",
    "ytrewq",
    "1q2w3e4r",
    "zaq12wsx",
    "Masha2012!",
    "Masha2012",
    "Elephant1!",
    "P@ssw0rd!",
    "Tamo-pibu42",
    "kV7#pQ2!xZ9m",
    "correct horse battery staple",
    "Solnyshko2010!",
    "Jcuken!23",
    "abcabcabc",
    "aaaaaaaa1A!",
    "10.05.2012Ab!",
    "Lyubov_1985",
    "Xk4$zq9!Lm2@",
    "Natasha!1980",
    "ghbdtn",
    "Zxcvbnm,./",
    "Ljubov!2000",
    "Dragon!2024",
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time(password: &str, runs: usize) -> f64 {
    let options = CheckOptions::default();
    let samples: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(check_password(std::hint::black_box(password), &options));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    median(samples)
}

/// The adversarial recipes: each a unit repeated to `size` bytes.
fn adversarial(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len() + 1).chars().take(size).collect()
}

fn main() {
    let personal = ["Маша", "2012-05-10"];
    for p in TYPICAL {
        let c = check_password(p, &CheckOptions { personal: &personal, ..Default::default() });
        let warnings: Vec<_> = c.warnings.iter().map(|w| w.id()).collect();
        println!(
            "{p:32} score {} log10 {:6.2} valid {:5} {:?}",
            c.strength.score,
            c.strength.guesses_log10,
            c.is_valid(),
            warnings
        );
    }
    let typical: Vec<f64> = TYPICAL.iter().map(|p| time(p, 200)).collect();
    println!("typical: median {:.4} ms per call", median(typical));
    let units = [
        "1",
        "a",
        "ab",
        "1q2w3e4r",
        "password",
        "p4$$w0rd",
        "10.05.2012",
        "aab",
        "zyxwvuts",
        "qazwsxedc",
        "йцукен",
        "!@#$%^&*()",
    ];
    for size in [1_000, 10_000, 100_000] {
        let mut worst = (0.0, "");
        for unit in units {
            let s = adversarial(unit, size);
            let t = time(&s, if size == 100_000 { 5 } else { 20 });
            if t > worst.0 {
                worst = (t, unit);
            }
        }
        if size == 100_000 {
            for unit in units {
                let s = adversarial(unit, size);
                let t = Instant::now();
                std::hint::black_box(strength::estimate(&s, &[]));
                let uncapped = t.elapsed().as_secs_f64() * 1e3;
                println!(
                    "  {unit:12} check_password {:.2} ms; strength::estimate on all 100 KB {uncapped:.2} ms",
                    time(&s, 5)
                );
            }
        }
        println!("{size:>7} bytes: worst median {:.2} ms ({:?} repeated)", worst.0, worst.1);
    }
}
