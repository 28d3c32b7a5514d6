//! Error explanation scenarios from `tests/fixtures/explain.toml`, plus
//! property tests: no input panics, and every quote matches itself.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::age::AgeGroup;
use diary_rules::explain::{catalog::catalog, explain, explain_id, list, ExplainContext, Explanation, Role};
use diary_rules::texts;
use diary_rules::Lang;
use proptest::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;

#[path = "common/address.rs"]
mod address;

#[derive(Deserialize)]
struct Fixture {
    entry: Vec<EntryCases>,
    none: Vec<NoneCase>,
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct EntryCases {
    id: String,
    typo: Vec<String>,
    truncated: Vec<String>,
    actors: HashMap<String, String>,
}

#[derive(Deserialize)]
struct NoneCase {
    text: String,
}

#[derive(Deserialize, Default)]
struct Case {
    text: String,
    role: Option<String>,
    age: Option<u32>,
    region: Option<String>,
    lang: Option<String>,
    id: String,
    actor: Option<String>,
    contact: Option<String>,
    quote: Option<String>,
    link: Option<String>,
    first_step: Option<String>,
    min_confidence: Option<f32>,
    max_confidence: Option<f32>,
}

fn fixture() -> Fixture {
    toml::from_str(include_str!("../../../tests/fixtures/explain.toml")).expect("fixture parses")
}

fn context(role: Option<&str>, age: Option<u32>, region: Option<&str>) -> ExplainContext {
    ExplainContext {
        role: role.map(|r| match r {
            "parent" => Role::Parent,
            "student" => Role::Student,
            other => panic!("bad role {other}"),
        }),
        age: age.map(AgeGroup::of),
        region: region.map(str::to_owned),
    }
}

/// The one function that calls the API: explains `text` and checks the id
/// (`None` = no match expected).
fn check(text: &str, ctx: &ExplainContext, expect: Option<&str>) -> Option<Explanation> {
    let got = explain(text, ctx);
    let shown: String = text.chars().take(200).collect();
    assert_eq!(
        got.as_ref().map(|e| e.id),
        expect,
        "text {shown:?}, got {:?}",
        got.as_ref().map(|e| (e.quote, e.confidence))
    );
    if let Some(e) = &got {
        assert!((0.0..=1.0).contains(&e.confidence), "{shown:?}: confidence {}", e.confidence);
        assert!(!e.steps.is_empty(), "{shown:?}: no steps");
        for id in [e.quote, e.title, e.cause].into_iter().chain(e.steps.iter().copied()).chain(e.contact) {
            assert!(texts::entry(id).is_some(), "{shown:?}: no text for {id}");
        }
        for r in &e.related {
            assert!(catalog().entry(r).is_some(), "related {r}");
        }
    }
    got
}

#[test]
fn every_quote_matches_its_entry_exactly() {
    let mut count = 0;
    for entry in &catalog().entry {
        for quote in &entry.quote {
            let text = texts::entry(quote.text).expect("quote text").ru;
            let e = check(text, &ExplainContext::default(), Some(entry.id)).expect("a match");
            assert!(e.confidence >= 0.9, "{text:?}: confidence {}", e.confidence);
            // Pasted inside other text, in capitals, it still matches.
            let pasted = format!("Ошибка!\n\n{}\n\nНа главную", text.to_uppercase());
            check(&pasted, &ExplainContext::default(), Some(entry.id));
            count += 1;
        }
    }
    assert!(count >= 30, "{count} quotes");
}

#[test]
fn typos_and_truncations() {
    let f = fixture();
    let ids: Vec<&str> = catalog().entry.iter().map(|e| e.id).collect();
    let mut failures = Vec::new();
    for cases in &f.entry {
        assert!(ids.contains(&cases.id.as_str()), "fixture for unknown entry {}", cases.id);
        assert!(!cases.typo.is_empty() && !cases.truncated.is_empty(), "{}", cases.id);
        for text in cases.typo.iter().chain(&cases.truncated) {
            let got = explain(text, &ExplainContext::default());
            if got.as_ref().map(|e| e.id) != Some(cases.id.as_str()) {
                failures.push(format!("{text:?}: expected {}, got {:?}", cases.id, got.map(|e| (e.id, e.confidence))));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every catalog entry has fixture cases.
    for id in ids {
        assert!(f.entry.iter().any(|c| c.id == id), "no fixture cases for {id}");
    }
}

/// The readers an explanation is chosen for: (the fixture's key for the
/// expected actor, role, age).
const READERS: [(&str, Option<&str>, Option<u32>); 5] = [
    ("parent", Some("parent"), None),
    ("student_10", Some("student"), Some(10)),
    ("student_15", Some("student"), Some(15)),
    ("student_19", Some("student"), Some(19)),
    ("unknown", None, None),
];

#[test]
fn actors_by_role_and_age() {
    let mut failures = Vec::new();
    for cases in fixture().entry {
        let entry = catalog().entry(&cases.id).expect("entry");
        let text = texts::entry(entry.quote[0].text).expect("quote").ru;
        for (key, role, age) in READERS {
            let expect = cases.actors.get(key).unwrap_or_else(|| panic!("{}: no actor for {key}", cases.id));
            let e = check(text, &context(role, age, None), Some(&cases.id)).expect("a match");
            if e.actor.id() != expect {
                failures.push(format!("{} for {key}: expected {expect}, got {}", cases.id, e.actor.id()));
            }
            // Choosing the entry from the list gives the same answer.
            let chosen = explain_id(&cases.id, &context(role, age, None)).expect("by id");
            assert_eq!(chosen.actor, e.actor, "{} for {key} by id", cases.id);
            assert_eq!(chosen.confidence, 1.0);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unrelated_texts_match_nothing() {
    for case in fixture().none {
        check(&case.text, &ExplainContext::default(), None);
        check(&case.text, &context(Some("student"), Some(12), Some("kuzbass")), None);
    }
}

#[test]
fn scenarios() {
    for c in fixture().case {
        let ctx = context(c.role.as_deref(), c.age, c.region.as_deref());
        let e = check(&c.text, &ctx, Some(&c.id)).expect("a match");
        let what = &c.text;
        if let Some(actor) = &c.actor {
            assert_eq!(e.actor.id(), actor, "{what:?}");
        }
        if let Some(contact) = &c.contact {
            assert_eq!(e.contact, Some(contact.as_str()), "{what:?}");
        }
        if let Some(quote) = &c.quote {
            assert_eq!(e.quote, quote, "{what:?}");
        }
        if let Some(link) = &c.link {
            assert!(e.links.iter().any(|l| l.url == link), "{what:?}: links {:?}", e.links);
        }
        if let Some(step) = &c.first_step {
            assert_eq!(e.steps.first().copied(), Some(step.as_str()), "{what:?}");
        }
        if let Some(min) = c.min_confidence {
            assert!(e.confidence >= min, "{what:?}: {}", e.confidence);
        }
        if let Some(max) = c.max_confidence {
            assert!(e.confidence <= max, "{what:?}: {}", e.confidence);
        }
        let lang = c.lang.as_deref().and_then(Lang::parse).unwrap_or_default();
        for id in e.steps.iter().chain([&e.cause, &e.title]) {
            assert_ne!(texts::text(id, lang), *id, "{id} has words in {lang:?}");
        }
    }
}

#[test]
fn the_list_covers_the_catalog() {
    let listed: Vec<_> = list().collect();
    assert_eq!(listed.len(), catalog().entry.len());
    for required in [
        "diary_not_found",
        "parent_consent_required",
        "consent_required",
        "create_button_missing",
        "binding_code_expired",
        "contact_in_use",
        "account_not_confirmed",
        "certificate_entered_manually",
        "data_check_in_progress",
        "not_found_in_zags",
        "not_found_in_sfr",
        "foreign_certificate",
        "password_rejected",
        "application_submitted",
    ] {
        assert!(listed.iter().any(|l| l.id == required), "{required} missing");
    }
}

#[test]
fn a_megabyte_paste_finishes_and_finds_the_message() {
    // About 1 MB of unrelated Russian text with the message near the end.
    let filler = "Оценки за четверть появятся в электронном журнале после проверки работ учителем. ";
    let mut text = filler.repeat(1_000_000 / filler.len());
    text.push_str("«Не найдено в загсе» ");
    text.push_str(&filler.repeat(20));
    assert!(text.len() >= 1_000_000);
    check(&text, &ExplainContext::default(), Some("not_found_in_zags"));
    // The same size without the message: nothing.
    check(&filler.repeat(1_000_000 / filler.len()), &ExplainContext::default(), None);
    // One enormous word.
    check(&"д".repeat(1_000_000), &ExplainContext::default(), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_gives_a_valid_answer_or_none(text in "\\PC{0,200}") {
        if let Some(e) = explain(&text, &ExplainContext::default()) {
            prop_assert!((0.0..=1.0).contains(&e.confidence));
            prop_assert!(!e.steps.is_empty());
        }
    }

    #[test]
    fn cyrillic_soup_never_panics(text in "[а-яёА-ЯЁa-zA-Z0-9 .,!«»\\-\n]{0,400}") {
        let _ = explain(&text, &context(Some("student"), Some(15), Some("ryazan")));
    }

    #[test]
    fn one_substitution_in_a_long_word_keeps_the_match(e in 0usize..14, at in 0usize..100, c in "[а-я]") {
        let entry = &catalog().entry[e % catalog().entry.len()];
        let text = texts::entry(entry.quote[0].text).unwrap().ru;
        // Replace one letter inside the longest word.
        let longest = text.split(|ch: char| !ch.is_alphanumeric()).max_by_key(|w| w.chars().count()).unwrap();
        let n = longest.chars().count();
        prop_assume!(n >= 7);
        let pos = 1 + at % (n - 2);
        let changed: String = longest.chars().enumerate().map(|(i, ch)| if i == pos { c.chars().next().unwrap() } else { ch }).collect();
        let typo = text.replacen(longest, &changed, 1);
        let got = explain(&typo, &ExplainContext::default()).map(|x| x.id);
        prop_assert_eq!(got, Some(entry.id), "{}", typo);
    }
}

#[test]
fn one_register_per_reader() {
    // The parent of a 15-year-old too (a step can differ by the child's age).
    let audiences = READERS.into_iter().chain([("parent_15", Some("parent"), Some(15))]);
    let mut failures = Vec::new();
    for entry in &catalog().entry {
        for (who, role, age) in audiences.clone() {
            let e = explain_id(entry.id, &context(role, age, Some("kuzbass"))).expect("by id");
            let ids: Vec<&str> =
                [e.title, e.cause].into_iter().chain(e.steps.iter().copied()).chain(e.contact).collect();
            let (mut ty, mut vy) = (Vec::new(), Vec::new());
            for id in &ids {
                let text = texts::entry(id).expect("text").ru;
                let (t, v) = (address::ty_forms(text), address::vy_forms(text));
                ty.extend(t.into_iter().map(|w| format!("{w} ({id})")));
                vy.extend(v.into_iter().map(|w| format!("{w} ({id})")));
            }
            // The role the answer was chosen for (the context's, else the
            // message's wording).
            let student = e.role == Some(Role::Student);
            if student && !vy.is_empty() {
                failures.push(format!("{} for {who}: «вы» to a student: {}", entry.id, vy.join(", ")));
            }
            if !student && !ty.is_empty() {
                failures.push(format!("{} for {who}: «ты» to a parent: {}", entry.id, ty.join(", ")));
            }
        }
    }
    assert!(failures.is_empty(), "{} answers mix or use the wrong register:\n{}", failures.len(), failures.join("\n"));
}
