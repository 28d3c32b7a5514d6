//! `data/errors.toml` → the error catalog (`errors.rs`), read into the
//! crate's own closed sets (`Role`, `AgeGroup`, `Actor`, `QuoteKind`).

use std::fmt::Write as _;

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::common::{lit, opt_lit, read, Sources, Text};
use crate::vocab::{Actor, AgeGroup, QuoteKind, Role};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorsFile {
    #[serde(default)]
    #[allow(dead_code)]
    text: IgnoredAny,
    entry: Vec<Entry>,
    other: Vec<Other>,
    contact: Vec<Contact>,
    region: Vec<Region>,
    link: Vec<Link>,
    subject: Vec<Subject>,
    foreign: Vec<Subject>,
    synonym: Vec<Synonym>,
    spoken_punctuation: WordList,
    pronouns: WordList,
    relative_pronouns: WordList,
    laughing_marks: WordList,
    resolved: Resolved,
}

/// What a message can be about (`[[subject]]`: the diary, Gosuslugi, the
/// child, ...), or another service or context that shares the catalog's
/// words (`[[foreign]]`): the same fields, generated as the same `Subject`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Subject {
    id: Text,
    words: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Synonym {
    words: Vec<String>,
    means: Vec<String>,
    #[serde(default)]
    after_not: bool,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct WordList {
    words: Vec<String>,
    source: Sources,
}

/// Phrases that say a message is gone («исправили», «больше не пишет»).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Resolved {
    phrases: Vec<String>,
    changed: Vec<String>,
    now: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    source: Sources,
}

// Every datum's `source` is checked when it is read; the run time does not
// need it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Entry {
    id: Text,
    title: Text,
    cause: Text,
    related: Vec<String>,
    #[serde(default)]
    causes: Vec<String>,
    links: Vec<String>,
    anchors: Vec<String>,
    subjects: Vec<String>,
    #[serde(default)]
    others: Vec<String>,
    #[serde(default)]
    inside: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    tight: bool,
    #[serde(default)]
    over: Vec<String>,
    side: Side,
    quote: Vec<Quote>,
    variant: Vec<Variant>,
    source: Sources,
}

#[derive(Deserialize, Debug, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Side {
    Diary,
    Gosuslugi,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Quote {
    text: Text,
    kind: QuoteKind,
    role: Option<Role>,
    ages: Option<Vec<AgeGroup>>,
    anchors: Option<Vec<String>>,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Variant {
    role: Option<Role>,
    ages: Option<Vec<AgeGroup>>,
    actor: Actor,
    contact: Option<Text>,
    steps: Vec<String>,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Other {
    id: Text,
    quotes: Vec<String>,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Contact {
    kind: Text,
    region: Option<Text>,
    text: Text,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Region {
    id: Text,
    links: Vec<String>,
    source: Sources,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Link {
    id: Text,
    url: Text,
    label: Text,
    source: Sources,
}

/// `Some(Role::Parent)` or `None` (a variant's Rust name is its `Debug`).
fn role(role: Option<Role>) -> String {
    role.map_or("None".to_owned(), |r| format!("Some(Role::{r:?})"))
}

fn ages(ages: &Option<Vec<AgeGroup>>) -> String {
    match ages {
        Some(list) => {
            let vs: Vec<String> = list.iter().map(|a| format!("AgeGroup::{a:?}")).collect();
            format!("Some(&[{}])", vs.join(", "))
        }
        None => "None".to_owned(),
    }
}

pub fn generate(file: &str, raw: &str) -> String {
    let data: ErrorsFile = read(file, raw);
    let mut code = String::from("static CATALOG: Catalog = Catalog {\n    entry: List(&[\n");
    for (i, e) in data.entry.iter().enumerate() {
        if e.anchors.is_empty() {
            panic!("{file}: entry[{i}].anchors: needs at least one anchor word");
        }
        if e.subjects.is_empty() {
            panic!("{file}: entry[{i}].subjects: needs at least one subject");
        }
        for c in &e.causes {
            if !data.entry.iter().any(|x| x.id.0 == *c) || *c == e.id.0 || !e.related.contains(c) {
                panic!("{file}: entry[{i}].causes: {c:?} must be another entry, listed in `related` too");
            }
        }
        if let Some(p) = e.over.iter().find(|p| !(1..=3).contains(&p.split_whitespace().count())) {
            panic!("{file}: entry[{i}].over: {p:?}: one to three words");
        }
        for s in e.subjects.iter().chain(&e.others).chain(&e.inside).chain(&e.after) {
            if !data.subject.iter().any(|x| x.id.0 == *s) {
                panic!("{file}: entry[{i}].subjects: no [[subject]] {s:?}");
            }
        }
        let _ = writeln!(
            code,
            "        Entry {{ id: {}, title: {}, cause: {}, related: List(&{:?}), causes: List(&{:?}), links: List(&{:?}), anchors: List(&{:?}), subjects: List(&{:?}), others: List(&{:?}), inside: List(&{:?}), after: List(&{:?}), tight: {}, over: List(&{:?}), side: Side::{:?},",
            lit(&e.id),
            lit(&e.title),
            lit(&e.cause),
            e.related,
            e.causes,
            e.links,
            e.anchors,
            e.subjects,
            e.others,
            e.inside,
            e.after,
            e.tight,
            e.over,
            e.side,
        );
        code.push_str("            quote: List(&[\n");
        for (j, q) in e.quote.iter().enumerate() {
            let quote_anchors = match &q.anchors {
                Some(list) if list.is_empty() => {
                    panic!("{file}: entry[{i}].quote[{j}].anchors: an empty list; leave it out")
                }
                Some(list) => format!("Some(&{list:?})"),
                None => "None".to_owned(),
            };
            let _ = writeln!(
                code,
                "                Quote {{ text: {}, kind: QuoteKind::{:?}, role: {}, ages: {}, anchors: {} }},",
                lit(&q.text),
                q.kind,
                role(q.role),
                ages(&q.ages),
                quote_anchors,
            );
        }
        code.push_str("            ]),\n            variant: List(&[\n");
        for v in &e.variant {
            let _ = writeln!(
                code,
                "                Variant {{ role: {}, ages: {}, actor: Actor::{:?}, contact: {}, steps: List(&{:?}) }},",
                role(v.role),
                ages(&v.ages),
                v.actor,
                opt_lit(&v.contact),
                v.steps,
            );
        }
        code.push_str("            ]),\n        },\n");
    }
    code.push_str("    ]),\n    other: List(&[\n");
    for o in &data.other {
        let _ = writeln!(code, "        Other {{ id: {}, quotes: List(&{:?}) }},", lit(&o.id), o.quotes);
    }
    code.push_str("    ]),\n    contact: List(&[\n");
    for c in &data.contact {
        let _ = writeln!(
            code,
            "        Contact {{ kind: {}, region: {}, text: {} }},",
            lit(&c.kind),
            opt_lit(&c.region),
            lit(&c.text),
        );
    }
    code.push_str("    ]),\n    region: List(&[\n");
    for r in &data.region {
        let _ = writeln!(code, "        Region {{ id: {}, links: List(&{:?}) }},", lit(&r.id), r.links);
    }
    code.push_str("    ]),\n    link: List(&[\n");
    for l in &data.link {
        let _ =
            writeln!(code, "        Link {{ id: {}, url: {}, label: {} }},", lit(&l.id), lit(&l.url), lit(&l.label));
    }
    // The matcher keeps a text's subjects as the bits of a u32.
    if data.subject.len() > 32 {
        panic!("{file}: {} [[subject]]s: at most 32 fit the matcher's subject bits", data.subject.len());
    }
    for (kind, list) in [("subject", &data.subject), ("foreign", &data.foreign)] {
        let _ = write!(code, "    ]),\n    {kind}: List(&[\n");
        for (i, x) in list.iter().enumerate() {
            if let Some(s) = x.unless.iter().find(|s| !data.subject.iter().any(|y| y.id.0 == **s)) {
                panic!("{file}: {kind}[{i}].unless: no [[subject]] {s:?}");
            }
            let _ = writeln!(
                code,
                "        Subject {{ id: {}, words: List(&{:?}), unless: List(&{:?}) }},",
                lit(&x.id),
                x.words,
                x.unless
            );
        }
    }
    code.push_str("    ]),\n    synonym: List(&[\n");
    for (i, x) in data.synonym.iter().enumerate() {
        if x.words.is_empty() || x.means.is_empty() || x.means.len() > 2 {
            panic!("{file}: synonym[{i}]: needs words and one or two words in means");
        }
        let _ = writeln!(
            code,
            "        Synonym {{ words: List(&{:?}), means: List(&{:?}), after_not: {} }},",
            x.words, x.means, x.after_not
        );
    }
    let _ = writeln!(code, "    ]),\n    spoken_punctuation: List(&{:?}),", data.spoken_punctuation.words);
    let _ = writeln!(code, "    pronouns: List(&{:?}),", data.pronouns.words);
    let _ = writeln!(code, "    relative_pronouns: List(&{:?}),", data.relative_pronouns.words);
    for (i, m) in data.laughing_marks.words.iter().enumerate() {
        if m.chars().count() != 1 || m.chars().any(char::is_alphanumeric) {
            panic!("{file}: laughing_marks.words[{i}]: one character, not a letter or a digit");
        }
    }
    let _ = writeln!(code, "    laughing_marks: List(&{:?}),", data.laughing_marks.words);
    for (key, list) in [("phrases", &data.resolved.phrases), ("changed", &data.resolved.changed)] {
        for (i, p) in list.iter().enumerate() {
            let n = p.split_whitespace().count();
            if n == 0 || n > 3 {
                panic!("{file}: resolved.{key}[{i}]: one to three words");
            }
        }
    }
    if let Some(w) = data.resolved.now.iter().find(|w| w.split_whitespace().count() != 1 || w.contains('*')) {
        panic!("{file}: resolved.now: {w:?} must be one whole word");
    }
    let _ = writeln!(code, "    resolved: List(&{:?}),", data.resolved.phrases);
    let _ = writeln!(code, "    resolved_changed: List(&{:?}),", data.resolved.changed);
    let _ = writeln!(code, "    resolved_now: List(&{:?}),", data.resolved.now);
    if let Some(w) = data.resolved.absent.iter().find(|w| w.split_whitespace().count() != 1 || w.contains('*')) {
        panic!("{file}: resolved.absent: {w:?} must be one whole word");
    }
    let _ = writeln!(code, "    resolved_absent: List(&{:?}),", data.resolved.absent);
    code.push_str("};\n");
    code
}
