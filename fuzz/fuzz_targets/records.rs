//! `records::compare_records`.
//!
//! Two input forms:
//! - bytes starting with `{`: a JSON case `{"diary": {...}, "gosuslugi":
//!   {...}}` with the record fields in camelCase (the seeds, from the
//!   [[records]] cases of tests/fixtures/documents.toml);
//! - anything else: two records from `arbitrary`, where the second is often
//!   the first with small edits (so that the classifiers are reached).
//!
//! Invariants: a record matches itself; the two records differ in one
//! direction iff they differ in the other, field by field; every
//! difference has a hint text; values are reported as given.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use diary_rules::records::{compare_records, PersonRecord, RecordField};
use diary_rules::texts;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug, serde::Deserialize, Default, Clone)]
#[serde(rename_all = "camelCase", default)]
struct Record {
    last_name: String,
    first_name: String,
    middle_name: Option<String>,
    birth_date: Option<String>,
    snils: Option<String>,
    certificate: Option<String>,
}

impl Record {
    fn person(&self) -> PersonRecord {
        PersonRecord {
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            middle_name: self.middle_name.clone(),
            birth_date: self.birth_date.clone(),
            snils: self.snils.clone(),
            certificate: self.certificate.clone(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Edit {
    Insert(u8, u8, char),
    Delete(u8, u8),
    Swap(u8, u8),
    Replace(u8, u8, char),
    Set(u8, Option<String>),
}

#[derive(Arbitrary, Debug)]
enum Structured {
    Two(Record, Record),
    Edited(Record, Vec<Edit>),
}

fn field(r: &mut Record, i: u8) -> &mut String {
    match i % 6 {
        0 => &mut r.last_name,
        1 => &mut r.first_name,
        2 => r.middle_name.get_or_insert_with(String::new),
        3 => r.birth_date.get_or_insert_with(String::new),
        4 => r.snils.get_or_insert_with(String::new),
        _ => r.certificate.get_or_insert_with(String::new),
    }
}

fn edit(r: &Record, edits: &[Edit]) -> Record {
    let mut r = r.clone();
    for e in edits.iter().take(16) {
        match e {
            Edit::Set(i, v) => match i % 6 {
                0 => r.last_name = v.clone().unwrap_or_default(),
                1 => r.first_name = v.clone().unwrap_or_default(),
                2 => r.middle_name = v.clone(),
                3 => r.birth_date = v.clone(),
                4 => r.snils = v.clone(),
                _ => r.certificate = v.clone(),
            },
            Edit::Insert(f, at, c) | Edit::Replace(f, at, c) => {
                let s = field(&mut r, *f);
                let mut chars: Vec<char> = s.chars().collect();
                let p = usize::from(*at) % (chars.len() + 1);
                if matches!(e, Edit::Replace(..)) && p < chars.len() {
                    chars[p] = *c;
                } else {
                    chars.insert(p, *c);
                }
                *s = chars.into_iter().collect();
            }
            Edit::Delete(f, at) | Edit::Swap(f, at) => {
                let s = field(&mut r, *f);
                let mut chars: Vec<char> = s.chars().collect();
                if !chars.is_empty() {
                    let p = usize::from(*at) % chars.len();
                    if matches!(e, Edit::Delete(..)) {
                        chars.remove(p);
                    } else if p + 1 < chars.len() {
                        chars.swap(p, p + 1);
                    }
                }
                *s = chars.into_iter().collect();
            }
        }
    }
    r
}

fn value(r: &PersonRecord, f: RecordField) -> &str {
    match f {
        RecordField::LastName => &r.last_name,
        RecordField::FirstName => &r.first_name,
        RecordField::MiddleName => r.middle_name.as_deref().unwrap_or(""),
        RecordField::BirthDate => r.birth_date.as_deref().unwrap_or(""),
        RecordField::Snils => r.snils.as_deref().unwrap_or(""),
        RecordField::Certificate => r.certificate.as_deref().unwrap_or(""),
    }
}

fn check(a: &PersonRecord, b: &PersonRecord) {
    assert!(compare_records(a, a).is_empty(), "{a:?} differs from itself");
    let ab = compare_records(a, b);
    let ba = compare_records(b, a);
    let fields = |d: &[diary_rules::records::Difference]| {
        let mut f: Vec<&str> = d.iter().map(|x| x.field.id()).collect();
        f.dedup();
        f
    };
    assert_eq!(fields(&ab), fields(&ba), "{a:?} / {b:?}: {ab:?} vs {ba:?}");
    for d in &ab {
        assert!(texts::entry(d.kind.hint_id()).is_some(), "{}", d.kind.hint_id());
        assert_eq!(d.diary_value, value(a, d.field));
        assert_eq!(d.gosuslugi_value, value(b, d.field));
    }
}

#[derive(serde::Deserialize)]
struct JsonCase {
    diary: Record,
    gosuslugi: Record,
}

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&b'{') {
        if let Ok(case) = serde_json::from_slice::<JsonCase>(data) {
            check(&case.diary.person(), &case.gosuslugi.person());
        }
        return;
    }
    let Ok(s) = Structured::arbitrary(&mut Unstructured::new(data)) else { return };
    let (a, b) = match s {
        Structured::Two(a, b) => (a, b),
        Structured::Edited(a, edits) => {
            let b = edit(&a, &edits);
            (a, b)
        }
    };
    check(&a.person(), &b.person());
});
