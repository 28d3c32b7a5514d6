//! `data/errors.toml` → the error catalog (`errors.rs`), read into the
//! crate's own closed sets (`Role`, `AgeGroup`, `Actor`, `QuoteKind`).

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::common::{read, Sources, Text};
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

/// The catalog's encoding (read by `src/explain/catalog.rs`, `Reader`): one
/// byte string, in the order of the `Catalog` fields and of the file. Far
/// less than the `&str` and slice tables the same data makes as Rust
/// statics (8 bytes of pointer and length per string and per list, which
/// compress poorly), and one language's words side by side as in the file.
///
/// - a number: LEB128 (7 bits a byte, low first);
/// - a string: the number 2·len followed by its `len` bytes in the packed
///   encoding (src/texts/packed.rs) when it is new, else 2·k + 1 for the
///   k-th distinct string so far;
/// - a text id: the number row + 1 of the id in this build's text table
///   (src/texts.rs), or 0 followed by the id as a string when the build
///   leaves that text out;
/// - an optional string: a byte 0 (none) or 1 followed by the string;
/// - a list: its length, then each item;
/// - a bool: a byte 0 or 1;
/// - a closed set's value: a byte, its index in `ALL`; an optional one: 0
///   for none, else index + 1;
/// - optional age groups: 0 for none, else the list's length + 1 and one
///   byte per group;
/// - a side: its id as a string.
struct Enc<'a> {
    out: Vec<u8>,
    seen: std::collections::HashMap<String, usize>,
    /// The row of each text id in this build's text table.
    rows: &'a BTreeMap<&'a str, usize>,
}

impl Enc<'_> {
    fn num(&mut self, n: usize) {
        let mut n = u32::try_from(n).expect("catalog numbers under 4 G");
        while n >= 0x80 {
            self.out.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        self.out.push(n as u8);
    }

    fn str(&mut self, s: &str) {
        if let Some(&k) = self.seen.get(s) {
            self.num(2 * k + 1);
            return;
        }
        let k = self.seen.len();
        self.seen.insert(s.to_owned(), k);
        let mut packed = Vec::new();
        crate::packed::encode(s, &mut packed);
        let mut back = String::new();
        crate::packed::decode(&packed, &mut back);
        assert_eq!(back, s, "data/errors.toml: {s:?} does not survive its encoding");
        self.num(2 * packed.len());
        self.out.extend_from_slice(&packed);
    }

    fn text(&mut self, id: &str) {
        match self.rows.get(id) {
            Some(&row) => self.num(row + 1),
            None => {
                self.num(0);
                self.str(id);
            }
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.out.push(1);
                self.str(s);
            }
            None => self.out.push(0),
        }
    }

    fn strs(&mut self, list: &[String]) {
        self.num(list.len());
        for s in list {
            self.str(s);
        }
    }

    fn flag(&mut self, b: bool) {
        self.out.push(u8::from(b));
    }

    /// `v`'s index in `all` (the closed set's declaration order).
    fn index<T: PartialEq>(v: &T, all: &[T]) -> u8 {
        u8::try_from(all.iter().position(|x| x == v).expect("a value of the set")).expect("small sets")
    }

    fn role(&mut self, r: Option<Role>) {
        let b = r.map_or(0, |r| Self::index(&r, &Role::ALL) + 1);
        self.out.push(b);
    }

    fn ages(&mut self, ages: &Option<Vec<AgeGroup>>) {
        match ages {
            Some(list) => {
                self.num(list.len() + 1);
                for a in list {
                    let b = Self::index(a, &AgeGroup::ALL);
                    self.out.push(b);
                }
            }
            None => self.out.push(0),
        }
    }
}

/// `rows`: the row of each text id in this build's text table.
pub fn generate(file: &str, raw: &str, rows: &BTreeMap<&str, usize>) -> String {
    let data: ErrorsFile = read(file, raw);
    let mut enc = Enc { out: Vec::new(), seen: Default::default(), rows };
    enc.num(data.entry.len());
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
        enc.str(&e.id);
        enc.text(&e.title);
        enc.text(&e.cause);
        for list in [&e.related, &e.causes, &e.links, &e.anchors, &e.subjects, &e.others, &e.inside, &e.after] {
            enc.strs(list);
        }
        enc.flag(e.tight);
        enc.strs(&e.over);
        enc.str(match e.side {
            Side::Diary => "diary",
            Side::Gosuslugi => "gosuslugi",
        });
        enc.num(e.quote.len());
        for (j, q) in e.quote.iter().enumerate() {
            enc.text(&q.text);
            enc.out.push(Enc::index(&q.kind, &QuoteKind::ALL));
            enc.role(q.role);
            enc.ages(&q.ages);
            match &q.anchors {
                Some(list) if list.is_empty() => {
                    panic!("{file}: entry[{i}].quote[{j}].anchors: an empty list; leave it out")
                }
                Some(list) => {
                    enc.flag(true);
                    enc.strs(list);
                }
                None => enc.flag(false),
            }
        }
        enc.num(e.variant.len());
        for v in &e.variant {
            enc.role(v.role);
            enc.ages(&v.ages);
            enc.out.push(Enc::index(&v.actor, &Actor::ALL));
            enc.opt_str(v.contact.as_deref());
            enc.num(v.steps.len());
            for s in &v.steps {
                enc.text(s);
            }
        }
    }
    enc.num(data.other.len());
    for o in &data.other {
        enc.str(&o.id);
        enc.strs(&o.quotes);
    }
    enc.num(data.contact.len());
    for c in &data.contact {
        enc.str(&c.kind);
        enc.opt_str(c.region.as_deref());
        enc.text(&c.text);
    }
    enc.num(data.region.len());
    for r in &data.region {
        enc.str(&r.id);
        enc.strs(&r.links);
    }
    enc.num(data.link.len());
    for l in &data.link {
        enc.str(&l.id);
        enc.str(&l.url);
        enc.text(&l.label);
    }
    // The matcher keeps a text's subjects as the bits of a u32.
    if data.subject.len() > 32 {
        panic!("{file}: {} [[subject]]s: at most 32 fit the matcher's subject bits", data.subject.len());
    }
    for (kind, list) in [("subject", &data.subject), ("foreign", &data.foreign)] {
        enc.num(list.len());
        for (i, x) in list.iter().enumerate() {
            if let Some(s) = x.unless.iter().find(|s| !data.subject.iter().any(|y| y.id.0 == **s)) {
                panic!("{file}: {kind}[{i}].unless: no [[subject]] {s:?}");
            }
            enc.str(&x.id);
            enc.strs(&x.words);
            enc.strs(&x.unless);
        }
    }
    enc.num(data.synonym.len());
    for (i, x) in data.synonym.iter().enumerate() {
        if x.words.is_empty() || x.means.is_empty() || x.means.len() > 2 {
            panic!("{file}: synonym[{i}]: needs words and one or two words in means");
        }
        enc.strs(&x.words);
        enc.strs(&x.means);
        enc.flag(x.after_not);
    }
    enc.strs(&data.spoken_punctuation.words);
    enc.strs(&data.pronouns.words);
    enc.strs(&data.relative_pronouns.words);
    for (i, m) in data.laughing_marks.words.iter().enumerate() {
        if m.chars().count() != 1 || m.chars().any(char::is_alphanumeric) {
            panic!("{file}: laughing_marks.words[{i}]: one character, not a letter or a digit");
        }
    }
    enc.strs(&data.laughing_marks.words);
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
    if let Some(w) = data.resolved.absent.iter().find(|w| w.split_whitespace().count() != 1 || w.contains('*')) {
        panic!("{file}: resolved.absent: {w:?} must be one whole word");
    }
    enc.strs(&data.resolved.phrases);
    enc.strs(&data.resolved.changed);
    enc.strs(&data.resolved.now);
    enc.strs(&data.resolved.absent);
    format!(
        "/// The catalog, encoded (build/errors.rs, `Enc`).\nstatic CATALOG_DATA: &[u8] = b\"{}\";\n",
        enc.out.escape_ascii()
    )
}
