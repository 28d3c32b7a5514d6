//! One artefact per outcome: the plain-text form of every guide page and
//! of every fixture's plan (`tests/outcomes/`), and the flow graph
//! (`docs/flow.dot`, `docs/flow.svg`), regenerated from the rules and
//! compared with the committed files. A change to what a family is told
//! shows up here as a diff; if it is intended, update them with
//!
//!     UPDATE_OUTCOMES=1 cargo test -p diary-guide --test outcomes
//!
//! and commit the changed files with the change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    dir.parent().and_then(Path::parent).unwrap_or(dir).to_path_buf()
}

/// Every file below `dir`, by path relative to it (`/`-separated).
fn committed(dir: &Path) -> BTreeMap<String, String> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if let Ok(rel) = p.strip_prefix(base) {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                out.insert(rel.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// A short line diff: the first lines that differ, with their numbers.
fn diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (a.get(i), b.get(i));
        if x != y {
            if let Some(x) = x {
                out.push_str(&format!("  {:>4} - {x}\n", i + 1));
            }
            if let Some(y) = y {
                out.push_str(&format!("  {:>4} + {y}\n", i + 1));
            }
            shown += 1;
            if shown == 8 {
                out.push_str("  …\n");
                break;
            }
        }
    }
    out
}

/// Compares `expected` with the files below `dir` (all of them when
/// `exclusive`: a file no outcome makes any more is stale); with
/// UPDATE_OUTCOMES set, writes them instead. Returns the problems.
fn check(dir: &Path, expected: &BTreeMap<String, String>, exclusive: bool) -> Vec<String> {
    let update = std::env::var_os("UPDATE_OUTCOMES").is_some();
    let have = committed(dir);
    let mut problems = Vec::new();
    for (name, text) in expected {
        match have.get(name) {
            Some(old) if old == text => {}
            old => {
                if update {
                    let p = dir.join(name);
                    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                    std::fs::write(&p, text).unwrap();
                } else {
                    match old {
                        Some(old) => problems.push(format!("{}/{name} differs:\n{}", dir.display(), diff(old, text))),
                        None => problems.push(format!("{}/{name} is missing", dir.display())),
                    }
                }
            }
        }
    }
    if exclusive {
        for name in have.keys().filter(|n| !expected.contains_key(*n)) {
            if update {
                std::fs::remove_file(dir.join(name)).unwrap();
            } else {
                problems.push(format!("{}/{name} is stale: no outcome makes it", dir.display()));
            }
        }
    }
    problems
}

#[test]
fn outcomes_and_flow_graph_are_up_to_date() {
    let root = root();
    let mut problems = check(&root.join("tests/outcomes"), &diary_guide::outcome_files(), true);
    problems.extend(check(&root.join("docs"), &diary_guide::flow::files(), false));
    assert!(
        problems.is_empty(),
        "{} outcome file(s) differ from what the rules and texts say now:\n{}\n\
         If the change is intended: UPDATE_OUTCOMES=1 cargo test -p diary-guide --test outcomes, then commit tests/outcomes/ and docs/flow.*",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_start_has_a_page_and_a_plan_in_the_fallback() {
    let files = diary_guide::guide_files();
    let starts = diary_guide::starts();
    for lang in diary_rules::Lang::ALL {
        let json: serde_json::Value =
            serde_json::from_slice(&files[&format!("fallback.{}.json", lang.code())]).expect("fallback JSON parses");
        for s in &starts {
            let page = format!("{}/{}", lang.code(), s.page());
            assert!(files.contains_key(&page), "{page}");
            let plan = &json["regions"][&s.region.id]["plans"][format!("{}/{}", s.reader.id(), s.path.id())];
            assert_eq!(plan["page"], page.as_str());
            assert!(!plan["steps"].as_array().unwrap().is_empty(), "{page}");
        }
    }
}

#[test]
fn no_text_id_is_left_unresolved() {
    // An id without an entry reads as itself: a dotted lower-case word.
    let looks_like_id = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_');
        !w.ends_with(".html") && ["ui.", "elig.", "static.", "explain.", "password."].iter().any(|p| w.starts_with(p))
    };
    for (name, bytes) in diary_guide::guide_files() {
        let text = String::from_utf8(bytes).unwrap();
        let bad: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == '>' || c == '<' || c == '"')
            .filter(|w| looks_like_id(w))
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
    }
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(diary_guide::guide_files(), diary_guide::guide_files());
}
