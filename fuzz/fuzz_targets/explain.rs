//! `explain::explain` and `explain::matcher::best_match`.
//!
//! Two input forms:
//! - bytes not starting with 0x00: the text itself (lossy UTF-8), explained
//!   with a context taken from the text's length (seeds: the typo, truncated
//!   and none texts of tests/fixtures/explain.toml);
//! - 0x00 then a structured input from `arbitrary`: a catalog quote (its
//!   Russian words) with random edits (insert, delete, replace, swap, case,
//!   look-alike letters, cut, repeat), to reach the matcher's deep paths.
//!
//! Invariants: the result agrees with `best_match`, confidence is in 0..=1
//! (1 at most for an exact quote), every id has a text, links are http(s),
//! related entries exist, and the unchanged quote matches its own entry.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use diary_rules::age::AgeGroup;
use diary_rules::explain::{explain, list, matcher::best_match, ExplainContext, Role};
use diary_rules::texts;
use diary_rules::Lang;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Edit {
    Insert(u16, char),
    InsertText(u16, String),
    Delete(u16),
    Replace(u16, char),
    Swap(u16),
    Upper(u16),
    /// Latin look-alike for a Cyrillic letter.
    Lookalike(u16),
    Cut(u16),
    Repeat(u8),
    /// Another quote appended or prepended.
    Join(u16, bool),
}

#[derive(Arbitrary, Debug)]
struct Structured {
    quote: u16,
    edits: Vec<Edit>,
    role: Option<bool>,
    age: Option<u8>,
    region: Option<u8>,
}

fn quotes() -> Vec<&'static str> {
    texts::all().filter(|e| e.id.starts_with("explain.quote.")).map(|e| e.ru).collect()
}

fn lookalike(c: char) -> char {
    match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        other => other,
    }
}

/// The longest text the structured mode builds.
const MAX_CHARS: usize = 4096;

fn apply(text: &str, edits: &[Edit], all: &[&str]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = |i: u16, len: usize| usize::from(i) % (len + 1);
    for e in edits.iter().take(32) {
        match e {
            Edit::Insert(i, c) => chars.insert(at(*i, chars.len()), *c),
            Edit::InsertText(i, s) => {
                let p = at(*i, chars.len());
                chars.splice(p..p, s.chars().take(64));
            }
            Edit::Delete(i) if !chars.is_empty() => {
                chars.remove(at(*i, chars.len() - 1));
            }
            Edit::Replace(i, c) if !chars.is_empty() => {
                let p = at(*i, chars.len() - 1);
                chars[p] = *c;
            }
            Edit::Swap(i) if chars.len() > 1 => {
                let p = at(*i, chars.len() - 2);
                chars.swap(p, p + 1);
            }
            Edit::Upper(i) if !chars.is_empty() => {
                let p = at(*i, chars.len() - 1);
                chars[p] = chars[p].to_uppercase().next().unwrap_or(chars[p]);
            }
            Edit::Lookalike(i) if !chars.is_empty() => {
                let p = at(*i, chars.len() - 1);
                chars[p] = lookalike(chars[p]);
            }
            Edit::Cut(i) => chars.truncate(at(*i, chars.len())),
            // Repeats stay under MAX_CHARS: long texts are cheap per
            // character but would slow the fuzzer down (the time in the
            // length is checked separately, see docs/fuzzing.md).
            Edit::Repeat(n) if (usize::from(n % 8) + 1) * (chars.len() + 1) <= MAX_CHARS => {
                let copy = chars.clone();
                for _ in 0..(n % 8) {
                    chars.push(' ');
                    chars.extend_from_slice(&copy);
                }
            }
            Edit::Join(i, front) if !all.is_empty() => {
                let other: Vec<char> = all[usize::from(*i) % all.len()].chars().collect();
                if *front {
                    chars.splice(0..0, other.into_iter().chain([' ']));
                } else {
                    chars.push(' ');
                    chars.extend(other);
                }
            }
            _ => {}
        }
        chars.truncate(MAX_CHARS);
    }
    chars.into_iter().collect()
}

fn check(text: &str, ctx: &ExplainContext, exact_entry: Option<&str>) {
    // `explain` composes decomposed letters (NFC) before matching; the
    // matcher alone must agree with it on the same composed text.
    let m = best_match(&diary_rules::nfc::nfc(text));
    let e = explain(text, ctx);
    assert_eq!(m.is_some(), e.is_some(), "explain and best_match disagree on {text:?}");
    let (Some(m), Some(e)) = (m, e) else {
        assert!(exact_entry.is_none(), "the exact quote of {exact_entry:?} matched nothing");
        return;
    };
    assert!((0.0..=1.0).contains(&m.confidence), "{}", m.confidence);
    assert_eq!(m.confidence, e.confidence);
    // `list()` gives every catalog entry in catalog order.
    assert_eq!(list().nth(m.entry).map(|l| l.id), Some(e.id), "entry index");
    if let Some(id) = exact_entry {
        // Several entries may share a quote's words; the match must be as
        // good as exact.
        assert!(m.confidence >= 0.99 || e.id == id, "{text:?}: {} ({}) instead of {id}", e.id, m.confidence);
    }
    for id in [e.quote, e.title, e.cause].into_iter().chain(e.steps.iter().copied()).chain(e.contact) {
        assert!(texts::entry(id).is_some(), "{id}");
    }
    for l in &e.links {
        assert!(l.url.starts_with("https://") || l.url.starts_with("http://"), "{}", l.url);
        assert!(texts::entry(l.label).is_some(), "{}", l.label);
    }
    for r in &e.related {
        assert!(list().any(|l| l.id == *r), "{r}");
    }
}

fn context(role: Option<bool>, age: Option<u8>, region: Option<u8>) -> ExplainContext {
    const REGIONS: [&str; 5] = ["generic", "kuzbass", "orenburg", "ryazan", "атлантида"];
    ExplainContext {
        role: role.map(|p| if p { Role::Parent } else { Role::Student }),
        age: age.map(|a| AgeGroup::of(u32::from(a))),
        region: region.map(|r| REGIONS[usize::from(r) % REGIONS.len()].to_owned()),
    }
}

fuzz_target!(|data: &[u8]| {
    if let Some((0, rest)) = data.split_first() {
        let Ok(s) = Structured::arbitrary(&mut Unstructured::new(rest)) else { return };
        let all = quotes();
        let Some(quote) = all.get(usize::from(s.quote) % all.len().max(1)) else { return };
        let ctx = context(s.role, s.age, s.region);
        let text = apply(quote, &s.edits, &all);
        let exact = s.edits.is_empty().then(|| {
            let id =
                texts::all().find(|e| e.ru == *quote && e.id.starts_with("explain.quote.")).map(|e| e.id).unwrap_or("");
            // explain.quote.<entry>.<name>
            id.strip_prefix("explain.quote.").and_then(|r| r.split('.').next()).unwrap_or("")
        });
        check(&text, &ctx, exact.filter(|id| !id.is_empty()));
        let _ = texts::text(quote, Lang::En);
        return;
    }
    let text = String::from_utf8_lossy(data);
    let n = data.len();
    let ctx = context(
        (n % 3 != 0).then_some(n % 2 == 0),
        (n % 5 != 0).then_some((n * 7 % 40) as u8),
        (n % 4 != 0).then_some(n as u8),
    );
    check(&text, &ctx, None);
});
