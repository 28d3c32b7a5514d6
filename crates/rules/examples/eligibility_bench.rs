//! Time per call of the eligibility engine (native, no JS boundary), split
//! into reading the input and assessing, for the two cases bench/api.mjs
//! times through the JS API.
//!
//! Run: `cargo run --release -p diary-rules --example eligibility_bench`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use std::hint::black_box;
use std::time::Instant;

use diary_rules::eligibility::{assess, parse_local_date_time, RegionArg, Situation, SituationInput};

fn time(name: &str, mut f: impl FnMut()) {
    for _ in 0..1000 {
        f();
    }
    let n = 20_000;
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    println!("{name:<48} {:>8.2} µs", t.elapsed().as_secs_f64() * 1e6 / f64::from(n));
}

fn main() {
    let s = |v: &str| Some(v.to_owned());
    let overdue = SituationInput {
        role: s("parent"),
        birth_date: s("2015-09-01"),
        region: Some(RegionArg::Id("kuzbass".to_owned())),
        parent_account: s("confirmed"),
        certificate_status: s("checking"),
        snils_status: s("searching"),
        student_account: s("none"),
        check_requested_at: s("2026-03-06T18:00"),
        now: s("2026-03-16T18:01"),
        ..SituationInput::default()
    };
    let minimal = SituationInput {
        role: s("student"),
        birth_date: s("2011-03-01"),
        today: s("2026-11-22"),
        ..SituationInput::default()
    };
    let clock = parse_local_date_time("2026-11-22T12:00").expect("a valid time");
    for (name, input) in [("parent, 10-year-old, check overdue", &overdue), ("student, 15, minimal input", &minimal)] {
        let situation = Situation::from_input(input, clock).expect("a valid input");
        time(&format!("{name}: from_input"), || {
            black_box(Situation::from_input(black_box(input), clock).ok());
        });
        time(&format!("{name}: assess"), || {
            black_box(assess(black_box(&situation)));
        });
    }
}
