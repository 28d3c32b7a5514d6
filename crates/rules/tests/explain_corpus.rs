//! The labelled corpus `tests/fixtures/explain-corpus.toml` (issue 15):
//! every negative must give exactly what it expects (100 % precision on
//! negatives), no positive may give a wrong entry, and recall must stay
//! above a floor. Prints the per-entry precision/recall table (run with
//! `--nocapture` to see it; README "Explanation corpus" shows it).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use std::collections::BTreeMap;

use diary_rules::explain::{catalog::catalog, explain, ExplainContext};
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
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

/// The lowest overall recall on positives the test accepts (measured 2026-11:
/// see the README table).
const MIN_RECALL: f64 = 0.95;

fn corpus() -> Corpus {
    toml::from_str(include_str!("../../../tests/fixtures/explain-corpus.toml")).expect("corpus parses")
}

fn got(text: &str) -> Option<&'static str> {
    explain(text, &ExplainContext::default()).map(|e| e.id)
}

#[derive(Default)]
struct Counts {
    positives: usize,
    true_pos: usize,
    false_pos: usize,
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "—".to_owned()
    } else {
        format!("{:.1} %", 100.0 * n as f64 / d as f64)
    }
}

#[test]
fn corpus_precision_and_recall() {
    let c = corpus();
    assert!(c.positive.len() >= 300, "{} positives", c.positive.len());
    assert!(c.negative.len() >= 150, "{} negatives", c.negative.len());
    let ids: Vec<&str> = catalog().entry.iter().map(|e| e.id).collect();
    let mut per: BTreeMap<&str, Counts> = ids.iter().map(|id| (*id, Counts::default())).collect();
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    let mut by_how: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for p in &c.positive {
        assert!(ids.contains(&p.id.as_str()), "unknown id {}", p.id);
        let g = got(&p.text);
        per.get_mut(p.id.as_str()).expect("id").positives += 1;
        let how = by_how.entry(p.how.as_str()).or_default();
        how.1 += 1;
        match g {
            Some(id) if id == p.id => {
                per.get_mut(id).expect("id").true_pos += 1;
                how.0 += 1;
            }
            Some(id) => {
                per.get_mut(id).expect("id").false_pos += 1;
                wrong.push(format!("positive {:?} ({}): expected {}, got {id}", p.text, p.how, p.id));
            }
            None => missed.push(format!("{} ({}): {:?}", p.id, p.how, p.text)),
        }
    }
    let mut negatives_right = 0;
    for n in &c.negative {
        let expect = (n.expect != "null").then_some(n.expect.as_str());
        if let Some(e) = expect {
            assert!(ids.contains(&e), "unknown id {e}");
        }
        let g = got(&n.text);
        if g == expect {
            negatives_right += 1;
        } else {
            if let Some(id) = g {
                per.get_mut(id).expect("id").false_pos += 1;
            }
            wrong.push(format!(
                "negative {:?} ({}): expected {}, got {}",
                n.text,
                n.note,
                n.expect,
                g.unwrap_or("null")
            ));
        }
    }

    let mut table = String::from("| entry | positives | recall | precision |\n|---|---:|---:|---:|\n");
    let (mut all_pos, mut all_tp, mut all_fp) = (0, 0, 0);
    for (id, k) in &per {
        all_pos += k.positives;
        all_tp += k.true_pos;
        all_fp += k.false_pos;
        table += &format!(
            "| `{id}` | {} | {} | {} |\n",
            k.positives,
            pct(k.true_pos, k.positives),
            pct(k.true_pos, k.true_pos + k.false_pos)
        );
    }
    table += &format!(
        "| **all** | {all_pos} | {} | {} |\n\nNegatives: {} of {} give exactly what they expect ({}).\n\nRecall by noise: {}\n",
        pct(all_tp, all_pos),
        pct(all_tp, all_tp + all_fp),
        negatives_right,
        c.negative.len(),
        pct(negatives_right, c.negative.len()),
        by_how.iter().map(|(h, (ok, n))| format!("{h} {}", pct(*ok, *n))).collect::<Vec<_>>().join(", "),
    );
    println!("{table}");
    if !missed.is_empty() {
        println!("Not recognised ({}):\n{}", missed.len(), missed.join("\n"));
    }
    assert!(wrong.is_empty(), "wrong answers:\n{}", wrong.join("\n"));
    let recall = all_tp as f64 / all_pos as f64;
    assert!(recall >= MIN_RECALL, "recall {recall:.3} below {MIN_RECALL}");
}
