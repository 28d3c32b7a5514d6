//! Issue 23's sealed evaluation: `tests/fixtures/explain-dev.toml` (tuned
//! on) and `tests/fixtures/explain-test.toml` (never tuned on: only its
//! aggregate numbers are printed). Precision counts every answer given, on
//! positives and negatives: an answer is right only when it is the
//! positive's entry. Recall is over positives.
//!
//! `cargo test -p diary-rules --test explain_splits -- --nocapture` prints
//! both splits; `EXPLAIN_SHOW=dev` also lists dev's failures (never test's).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use std::collections::BTreeMap;

use diary_rules::explain::catalog::catalog;
use diary_rules::explain::matcher::{best_match_with, Pass, Passes};
use diary_rules::explain::{explain, ExplainContext};
use diary_rules::nfc::nfc;
use serde::Deserialize;

#[derive(Deserialize)]
struct Split {
    positive: Vec<Positive>,
    negative: Vec<Negative>,
}

#[derive(Deserialize)]
struct Positive {
    id: String,
    how: String,
    text: String,
}

#[derive(Deserialize)]
struct Negative {
    expect: String,
    note: String,
    text: String,
}

/// Floors on the sealed `test` split. Issue 23's targets are precision
/// 99 % and recall 90 %; measured in round 1: precision 98.6 % (4 wrong
/// answers in 294), recall 94.2 %; in round 2: precision 98.97 % (3 wrong
/// answers in 292), recall 93.8 %; in round 4: precision 98.98 % (3 wrong
/// answers in 295), recall 94.8 %; in round 5: precision 100.0 % (297 of
/// 297), recall 96.4 %. The precision floor guards what was reached and is
/// to be raised to the target, not lowered.
const TEST_MIN_PRECISION: f64 = 0.99;
const TEST_MIN_RECALL: f64 = 0.90;
/// Floors on the blind dev split: what was measured before tuning on it
/// (precision 94.8 %, 311 of 328 answers; recall 88.1 %, 311 of 353), to be
/// raised as it is tuned on. Round 5, other services by name and brand,
/// problems said to be over, a status or a guess as the cause: precision
/// 99.4 % (336 of 338), recall 95.2 %; merged with round 5's consent
/// and platform work: precision 99.7 % (337 of 338), recall 95.5 %; whose
/// consent when the reader tells a role: precision 100.0 % (337 of 337),
/// recall 95.5 %; round 6, short paraphrases and everyday words: precision
/// 100.0 % (339 of 339), recall 96.0 %; merged with round 6's pronouns and
/// other names: 100.0 % (340 of 340), 96.3 %; round 8 (tuned on the
/// third blind split): 100.0 % (342 of 342), 96.9 %.
const DEV_BLIND_MIN_PRECISION: f64 = 0.999;
const DEV_BLIND_MIN_RECALL: f64 = 0.968;

struct Score {
    precision: f64,
    recall: f64,
    report: String,
    failures: Vec<String>,
}

fn score(raw: &str) -> Score {
    score_with(raw, &|t: &str| explain(t, &ExplainContext::default()).map(|e| e.id))
}

/// The entry the matcher picks with only `passes` (what `explain` answers
/// with all of them: `ablation` checks that).
fn id_with(text: &str, passes: Passes) -> Option<&'static str> {
    best_match_with(&nfc(text), passes).and_then(|m| catalog().entry.get(m.entry)).map(|e| e.id)
}

fn score_with(raw: &str, got: &dyn Fn(&str) -> Option<&'static str>) -> Score {
    let split: Split = toml::from_str(raw).expect("split parses");
    assert!(split.positive.len() >= 300, "{} positives", split.positive.len());
    assert!(split.negative.len() >= 300, "{} negatives", split.negative.len());
    let (mut answers, mut right, mut found) = (0usize, 0usize, 0usize);
    let mut by_how: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut fp_by_note: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for p in &split.positive {
        let g = got(&p.text);
        let slot = by_how.entry(p.how.as_str()).or_default();
        slot.1 += 1;
        if let Some(id) = g {
            answers += 1;
            if id == p.id {
                right += 1;
                found += 1;
                slot.0 += 1;
                continue;
            }
        }
        failures.push(format!("positive {} ({}): {:?} → {}", p.id, p.how, p.text, g.unwrap_or("null")));
    }
    for n in &split.negative {
        let g = got(&n.text);
        let slot = fp_by_note.entry(n.note.as_str()).or_default();
        slot.1 += 1;
        let expect = (n.expect != "null").then_some(n.expect.as_str());
        if let Some(id) = g {
            answers += 1;
            if Some(id) == expect {
                right += 1;
                continue;
            }
            slot.0 += 1;
        } else if expect.is_none() {
            continue;
        }
        failures.push(format!("negative ({}): {:?} → {}", n.note, n.text, g.unwrap_or("null")));
    }
    let precision = if answers == 0 { 1.0 } else { right as f64 / answers as f64 };
    let recall = found as f64 / split.positive.len() as f64;
    let pct = |n: usize, d: usize| format!("{:.1} %", 100.0 * n as f64 / d.max(1) as f64);
    let report = format!(
        "precision {:.1} % ({right} of {answers} answers), recall {:.1} % ({found} of {} positives), {} negatives\n  recall by kind: {}\n  wrong answers on negatives by kind: {}",
        100.0 * precision,
        100.0 * recall,
        split.positive.len(),
        split.negative.len(),
        by_how.iter().map(|(h, (ok, n))| format!("{h} {}", pct(*ok, *n))).collect::<Vec<_>>().join(", "),
        fp_by_note
            .iter()
            .filter(|(_, (bad, _))| *bad > 0)
            .map(|(h, (bad, n))| format!("{h} {bad}/{n}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    Score { precision, recall, report, failures }
}

/// A split tuned on: prints its numbers (and, with `EXPLAIN_SHOW=<name>`,
/// its failures) and holds its floors.
fn tuned_split(name: &str, raw: &str, min_precision: f64, min_recall: f64) {
    let s = score(raw);
    println!("{name}: {}", s.report);
    if std::env::var("EXPLAIN_SHOW").as_deref() == Ok(name) {
        println!("{}", s.failures.join("\n"));
    }
    assert!(s.precision >= min_precision && s.recall >= min_recall, "{name}: {}", s.report);
}

/// Dev is tuned on: it must stay at least as good as the test targets.
#[test]
fn dev_split() {
    tuned_split("dev", include_str!("../../../tests/fixtures/explain-dev.toml"), TEST_MIN_PRECISION, TEST_MIN_RECALL);
}

/// Dev written blind (round 5), by a third writer who saw the catalog and
/// the seeds only: tuned on, like dev.
#[test]
fn dev_blind_split() {
    let raw = include_str!("../../../tests/fixtures/explain-dev-blind.toml");
    tuned_split("dev-blind", raw, DEV_BLIND_MIN_PRECISION, DEV_BLIND_MIN_RECALL);
}

/// Floors on the second blind dev split (round 6, written blind by another
/// writer who saw the catalog and the seeds only): what was measured
/// before tuning on it (precision 96.3 %, 316 of 328 answers; recall
/// 80.8 %, 316 of 391 positives), to be raised as it is tuned on. Round
/// 6, a place a message is shown in that no list knows, other services by
/// name, other applications, questions about the rules: precision 98.8 %
/// (316 of 320), recall 80.8 %; short paraphrases and everyday words
/// (a certificate by its country, «аккаунт», «номер уже занят»): 98.8 %
/// (328 of 332), 83.9 %; merged with round 6's pronouns, the Social Fund's
/// and the account level's other names: 98.8 % (341 of 345), 87.2 %;
/// round 8 (tuned on the third blind split): 98.8 % (342 of 346), 87.5 %.
const DEV_BLIND2_MIN_PRECISION: f64 = 0.988;
const DEV_BLIND2_MIN_RECALL: f64 = 0.874;

/// The second dev split written blind (round 6): tuned on, like dev-blind.
#[test]
fn dev_blind2_split() {
    let raw = include_str!("../../../tests/fixtures/explain-dev-blind2.toml");
    tuned_split("dev-blind2", raw, DEV_BLIND2_MIN_PRECISION, DEV_BLIND2_MIN_RECALL);
}

/// Floors on the third blind dev split (round 7, written blind by a third
/// writer from the catalog as the guide shows it and the seeds): what was
/// measured before any tuning on it (precision 93.3 %, 278 of 298
/// answers; recall 74.5 %, 278 of 373 positives), raised as it is tuned
/// on (round 8: precision 97.7 %, 302 of 309; recall 81.0 %, 302 of 373).
const DEV_BLIND3_MIN_PRECISION: f64 = 0.977;
const DEV_BLIND3_MIN_RECALL: f64 = 0.809;

/// The third dev split written blind (round 7): to be tuned on.
#[test]
fn dev_blind3_split() {
    let raw = include_str!("../../../tests/fixtures/explain-dev-blind3.toml");
    tuned_split("dev-blind3", raw, DEV_BLIND3_MIN_PRECISION, DEV_BLIND3_MIN_RECALL);
}

/// Sealed: only the aggregate numbers, never the sentences that fail.
#[test]
fn test_split() {
    let s = score(include_str!("../../../tests/fixtures/explain-test.toml"));
    println!("test: {}", s.report);
    assert!(s.precision >= TEST_MIN_PRECISION, "test precision {:.3} below {TEST_MIN_PRECISION}", s.precision);
    assert!(s.recall >= TEST_MIN_RECALL, "test recall {:.3} below {TEST_MIN_RECALL}", s.recall);
}

/// The second sealed split (round 5): written blind, from the catalog and the
/// seeds only, by a writer who never saw the matcher, its results or the
/// other splits, and committed before it was first scored. Only precision
/// and recall are printed: not even the kinds, so nothing about its
/// failures can steer the tuning. The floors guard what was measured; they
/// are raised to issue 23's targets only when they are met. First scored
/// (round 5, before any tuning of that round reached main): precision
/// 95.2 % (297 of 312 answers), recall 79.8 % (297 of 372 positives); after
/// round 5's tuning on dev and dev-blind: 96.6 % (308 of 319), 82.8 %;
/// after round 6's on dev, dev-blind and dev-blind2 (both of its branches
/// merged): 96.9 % (314 of 324), 84.4 % (314 of 372); after round 8's on
/// dev-blind3: 97.3 % (322 of 331), 86.6 % (322 of 372).
const SEALED_MIN_PRECISION: f64 = 0.972;
const SEALED_MIN_RECALL: f64 = 0.865;

#[test]
fn sealed_split() {
    let s = score(include_str!("../../../tests/fixtures/explain-sealed.toml"));
    println!("sealed: {}", s.report.lines().next().unwrap_or_default());
    assert!(s.precision >= SEALED_MIN_PRECISION, "sealed precision {:.3} below {SEALED_MIN_PRECISION}", s.precision);
    assert!(s.recall >= SEALED_MIN_RECALL, "sealed recall {:.3} below {SEALED_MIN_RECALL}", s.recall);
}

/// Issue 23's ablation: precision and recall on both splits with each pass
/// of the matcher turned off in turn (`matcher::Passes`, the parameter the
/// shipped matcher runs with all on). Aggregates only, for the sealed
/// split too. `cargo test -p diary-rules --release --test explain_splits
/// ablation -- --nocapture` prints the table the README quotes.
#[test]
fn ablation() {
    let dev = include_str!("../../../tests/fixtures/explain-dev.toml");
    let test = include_str!("../../../tests/fixtures/explain-test.toml");
    // All passes on is exactly what `explain` answers.
    for raw in [dev, test] {
        let split: Split = toml::from_str(raw).unwrap();
        let texts = split.positive.iter().map(|p| &p.text).chain(split.negative.iter().map(|n| &n.text));
        for t in texts {
            assert_eq!(id_with(t, Passes::ALL), explain(t, &ExplainContext::default()).map(|e| e.id));
        }
    }
    let mut rows = vec![("all passes".to_owned(), Passes::ALL)];
    rows.extend(Pass::ALL.iter().map(|p| (format!("without {}", p.id()), Passes::ALL.without(*p))));
    println!("| Matcher | dev precision | dev recall | test precision | test recall |");
    println!("|---|---:|---:|---:|---:|");
    for (name, passes) in rows {
        let got = |t: &str| id_with(t, passes);
        let (d, t) = (score_with(dev, &got), score_with(test, &got));
        println!(
            "| {name} | {:.1} % | {:.1} % | {:.1} % | {:.1} % |",
            100.0 * d.precision,
            100.0 * d.recall,
            100.0 * t.precision,
            100.0 * t.recall
        );
    }
}
