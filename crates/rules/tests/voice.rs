//! One voice per reader (issue 15): a student is addressed with «ты» and is
//! never talked about as "the child" in the third person; a parent is
//! addressed with «вы», never «ты».
//!
//! Texts carry an `audience` tag in `data/*.toml`: `student`, `parent` or
//! `any` (read by both: no form of address at all, no "the child"). Two
//! checks:
//! - every tagged text speaks as its tag says (words inside «…» are quotes of
//!   what Gosuslugi or a diary shows, and are not checked);
//! - every text the engines actually show to a student (eligibility with
//!   `role: "student"`, explanations for a student, the wizard's questions)
//!   is tagged `student` or `any`, and every text they show to a parent is
//!   tagged `parent` or `any`. The texts shown are found by running the
//!   engines over a broad sample of situations, not listed by hand; the
//!   panel's own words, the password texts and the document checks' texts
//!   (`documents.toml`: СНИЛС, certificate, records) are shown to both, a
//!   text with a `<id>_student` variant to the parent and the variant to the
//!   student (the widget's `tr`; the JS API, which does not know who reads,
//!   returns the parent's words).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use std::collections::{BTreeMap, BTreeSet};

use diary_rules::age::AgeGroup;
use diary_rules::eligibility::questions::questions;
use diary_rules::eligibility::{assess, reader_text_id, LinkLabel};
use diary_rules::explain::{self, ExplainContext};

#[path = "common/address.rs"]
mod address;
use address::{ty_forms, vy_forms, words};

const DATA: [(&str, &str); 5] = [
    ("eligibility", include_str!("../data/eligibility.toml")),
    ("errors", include_str!("../data/errors.toml")),
    ("ui", include_str!("../data/ui.toml")),
    ("password", include_str!("../data/password.toml")),
    ("documents", include_str!("../data/documents.toml")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Audience {
    Student,
    Parent,
    Any,
}

struct Text {
    ru: String,
    audience: Option<Audience>,
}

fn collect(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, Text>) {
    for (key, value) in table {
        let id = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let Some(inner) = value.as_table() else { continue };
        match inner.get("ru").and_then(|v| v.as_str()) {
            Some(ru) => {
                let audience = inner.get("audience").and_then(|v| v.as_str()).map(|a| match a {
                    "student" => Audience::Student,
                    "parent" => Audience::Parent,
                    "any" => Audience::Any,
                    other => panic!("{id}: audience {other}"),
                });
                out.insert(id, Text { ru: ru.to_owned(), audience });
            }
            None => collect(&id, inner, out),
        }
    }
}

fn texts() -> BTreeMap<String, Text> {
    let mut out = BTreeMap::new();
    for (file, raw) in DATA {
        let doc: toml::Table = toml::from_str(raw).unwrap_or_else(|e| panic!("{file}: {e}"));
        if let Some(t) = doc.get("text").and_then(|v| v.as_table()) {
            collect("", t, &mut out);
        }
    }
    out
}

const CHILD: [&str; 7] = ["ребёнок", "ребенок", "ребёнка", "ребенка", "ребёнку", "ребенку", "ребёнком"];

fn child_forms(text: &str) -> Vec<String> {
    words(text).into_iter().filter(|w| CHILD.contains(&w.as_str()) || w == "ребёнке" || w == "ребенке").collect()
}

/// What is wrong with `text` for `audience`, if anything.
fn problems(audience: Audience, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (vy, ty, child) = (vy_forms(text), ty_forms(text), child_forms(text));
    if matches!(audience, Audience::Student | Audience::Any) && !vy.is_empty() {
        out.push(format!("«вы» {vy:?}"));
    }
    if matches!(audience, Audience::Parent | Audience::Any) && !ty.is_empty() {
        out.push(format!("«ты» {ty:?}"));
    }
    if matches!(audience, Audience::Student | Audience::Any) && !child.is_empty() {
        out.push(format!("the child in the third person {child:?}"));
    }
    out
}

#[test]
fn the_checks_catch_what_they_should() {
    assert_eq!(problems(Audience::Student, "Попросите родителя добавить вас"), ["«вы» [\"попросите\", \"вас\"]"]);
    assert!(!problems(Audience::Student, "Ребёнку нет 14 лет").is_empty());
    assert!(problems(Audience::Student, "Попроси родителя. Дневник пишет «Ваш дневник не найден»").is_empty());
    assert!(problems(Audience::Student, "Откройте сайт дневника").len() == 1);
    assert!(problems(Audience::Student, "Открой дневник на сайте, в личном кабинете").is_empty());
    assert!(!problems(Audience::Student, "Зарегистрируйтесь на Госуслугах").is_empty());
    assert!(!problems(Audience::Student, "Обратитесь в школу").is_empty());
    assert!(!problems(Audience::Parent, "Покажи это родителю").is_empty());
    assert!(!problems(Audience::Parent, "Твой пароль").is_empty());
    assert!(problems(Audience::Parent, "Нажмите «Создать» в карточке ребёнка").is_empty());
    assert!(!problems(Audience::Any, "Сможете войти").is_empty());
    assert!(problems(Audience::Any, "Код привязки введён.").is_empty());
}

#[test]
fn every_tagged_text_speaks_in_its_readers_voice() {
    let mut bad = Vec::new();
    let mut tagged = 0;
    for (id, t) in texts() {
        let Some(audience) = t.audience else { continue };
        tagged += 1;
        for p in problems(audience, &t.ru) {
            bad.push(format!("{id} ({audience:?}): {p}: {}", t.ru));
        }
    }
    assert!(bad.is_empty(), "{} texts out of voice:\n{}", bad.len(), bad.join("\n"));
    assert!(tagged > 200, "{tagged} tagged texts");
}

/// A small deterministic generator, so the sample is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn pick(&mut self, ids: &'static [&'static str]) -> Option<String> {
        let i = self.next(ids.len() + 1);
        ids.get(i).map(|s| (*s).to_owned())
    }
}

/// Text ids the engines show to each reader, over a broad sample.
fn shown() -> BTreeMap<String, BTreeSet<&'static str>> {
    use diary_rules::eligibility::situation::*;
    let mut out: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    let mut add = |id: String, reader: &'static str| {
        out.entry(id).or_default().insert(reader);
    };
    let clock = diary_rules::eligibility::parse_local_date_time("2026-03-10T12:00").unwrap();
    let births = [
        "2019-05-05",
        "2015-09-01",
        "2012-03-20",
        "2012-03-10",
        "2011-01-05",
        "2009-03-11",
        "2008-03-10",
        "2000-01-01",
    ];
    let regions = ["kuzbass", "orenburg", "ryazan", "generic"];
    let mut rng = Lcg(15);
    for i in 0..24_000 {
        let role = if i % 2 == 0 { "parent" } else { "student" };
        let input = SituationInput {
            role: Some(role.into()),
            birth_date: Some(births[rng.next(births.len())].into()),
            today: Some("2026-03-10".into()),
            region: Some(RegionArg::Id(regions[rng.next(regions.len())].into())),
            representative: rng.pick(Representative::IDS),
            citizenship: rng.pick(Citizenship::IDS),
            birth_certificate: rng.pick(BirthCertificate::IDS),
            certificate_status: rng.pick(CertificateStatus::IDS),
            snils_status: rng.pick(SnilsStatus::IDS),
            parent_account: rng.pick(ParentAccount::IDS),
            student_account: rng.pick(StudentAccount::IDS),
            consent: rng.pick(Consent::IDS),
            parent_consent: rng.pick(Consent::IDS),
            application: rng.pick(Application::IDS),
            student_password: rng.pick(StudentPassword::IDS),
            check_requested_at: ["2026-02-20T10:00", "2026-03-10T11:00"].get(rng.next(3)).map(|s| (*s).into()),
            ..Default::default()
        };
        let s = Situation::from_input(&input, clock).unwrap();
        let a = assess(&s);
        let reader = if s.role == Role::Student { "student" } else { "parent" };
        for step in &a.steps {
            add(step.title_id.clone(), reader);
            add(step.text_id.clone(), reader);
            add(format!("elig.actor.{}", step.actor.id()), reader);
            add(format!("elig.state.{}", step.state.id()), reader);
            if let Some(LinkLabel::TextId(id)) = step.link.as_ref().map(|l| &l.label) {
                add(id.clone(), reader);
            }
        }
        add(a.path.text_id_for(s.role), reader);
        for n in &a.notes {
            add(n.text_id_for(s.role), reader);
            add(reader_text_id(n.text_id_in(&a.region), s.role), reader);
            if let Some(id) = n.fallback_text_id_in(&a.region) {
                add(reader_text_id(id, s.role), reader);
            }
        }
        if let Some(b) = &a.create_button {
            b.missing.iter().for_each(|m| add(m.text_id_for(s.role), reader));
            b.unknown.iter().for_each(|u| add(u.text_id_for(s.role), reader));
        }
        if let Some(e) = &a.check_estimate {
            e.variants.iter().for_each(|v| add(v.id.text_id().to_owned(), reader));
        }
        add(reader_text_id(a.region.problems.text_id().to_owned(), s.role), reader);
        for q in questions(&s) {
            add(reader_text_id(q.text_id(), s.role), reader);
            add(reader_text_id(q.hint_text_id(), s.role), reader);
            for v in q.values() {
                add(reader_text_id(q.value_text_id(v), s.role), reader);
            }
        }
    }
    // The panel's own words (all but the wizard's questions, which follow the
    // role above), the password texts and the document checks' texts are on
    // screen whoever is at the page.
    for (file, raw) in DATA {
        if !matches!(file, "ui" | "password" | "documents") {
            continue;
        }
        let mut ids = BTreeMap::new();
        let doc: toml::Table = toml::from_str(raw).unwrap();
        collect("", doc["text"].as_table().unwrap(), &mut ids);
        // A text with a «ты» variant (`<id>_student`) is the parent's; the
        // variant is the student's (the widget's `tr`). The birth-date check
        // asks only a parent (`questions::birth_date_doubtful`). The message
        // to the class teacher is a letter the reader sends, not words to
        // the reader. The intro of the plan a student sends to a parent is
        // read by the parent.
        let all: BTreeSet<String> = ids.into_keys().collect();
        for id in all.iter().filter(|id| !id.starts_with("ui.q.") && *id != "ui.kit.message.intro") {
            if id == "ui.plan.to_parent_intro" {
                add(id.clone(), "parent");
            } else if id.ends_with("_student") {
                add(id.clone(), "student");
            } else if all.contains(&format!("{id}_student")) || id.starts_with("ui.guide.confirm_birth.") {
                add(id.clone(), "parent");
            } else {
                add(id.clone(), "parent");
                add(id.clone(), "student");
            }
        }
    }
    for e in explain::list() {
        for role in [Some(explain::Role::Parent), Some(explain::Role::Student), None] {
            for age in [None, Some(AgeGroup::Under14), Some(AgeGroup::From14To17), Some(AgeGroup::Adult)] {
                for region in [None, Some("kuzbass"), Some("ryazan"), Some("orenburg")] {
                    let ctx = ExplainContext { role, age, region: region.map(str::to_owned) };
                    let x = explain::explain_id(e.id, &ctx).unwrap();
                    // The reader the answer was written for (the context's role,
                    // else the one the message's wording implies).
                    let reader = if x.role == Some(explain::Role::Student) { "student" } else { "parent" };
                    add(x.title.to_owned(), reader);
                    add(x.cause.to_owned(), reader);
                    x.steps.iter().for_each(|s| add((*s).to_owned(), reader));
                    x.contact.iter().for_each(|c| add((*c).to_owned(), reader));
                    x.links.iter().for_each(|l| add(l.label.to_owned(), reader));
                }
            }
        }
    }
    out
}

#[test]
fn every_text_shown_to_a_reader_is_tagged_for_that_reader() {
    let all = texts();
    let shown = shown();
    let mut bad = Vec::new();
    for (id, readers) in &shown {
        // A hint a question does not have is simply not shown.
        let Some(t) = all.get(id) else {
            assert!(id.starts_with("ui.q.") && id.ends_with(".hint") || id.ends_with(".hint_student"), "no text {id}");
            continue;
        };
        let fits = |reader: &str| {
            matches!(
                (reader, t.audience),
                (_, Some(Audience::Any)) | ("student", Some(Audience::Student)) | ("parent", Some(Audience::Parent))
            )
        };
        for reader in readers {
            if !fits(reader) {
                bad.push(format!("{id}: shown to a {reader}, tagged {:?}", t.audience));
            }
        }
    }
    assert!(bad.is_empty(), "{} texts:\n{}", bad.len(), bad.join("\n"));
    for id in [
        "elig.step.child_card.todo_other",
        "elig.step.parent_account.none",
        "explain.diary_not_found.step.tell_parent",
        "snils.problem.checksum_student",
        "certificate.problem.roman_lookalike_student",
        "records.hint.typo_student",
    ] {
        assert!(shown.contains_key(id), "the sample misses {id}");
    }
}

/// A maintenance aid, not a check: `VOICE_DUMP=file cargo test -p diary-rules
/// --test voice -- --ignored` writes every shown text id with its readers, to
/// tag new texts.
#[test]
#[ignore]
fn dump_shown_texts() {
    let path = std::env::var("VOICE_DUMP").expect("set VOICE_DUMP to a file path");
    let lines: Vec<String> = shown()
        .into_iter()
        .map(|(id, readers)| format!("{id}\t{}", readers.into_iter().collect::<Vec<_>>().join(",")))
        .collect();
    std::fs::write(path, lines.join("\n")).unwrap();
}
