//! `eligibility::assess_input` on any situation, including a host's own
//! region profile.
//!
//! Two input forms:
//! - bytes starting with `{`: a JSON object `{"clock": "YYYY-MM-DDTHH:MM",
//!   "input": {...}}` where `input` is exactly what the JS API takes (this is
//!   the form of the seeds, made from tests/fixtures/eligibility.toml);
//! - anything else: a structured input from `arbitrary`, where every field
//!   is absent, a valid id, a near-valid date or arbitrary text, and the
//!   region is absent, an id or a generated profile object.
//!
//! Both are turned into JSON and deserialized into `SituationInput` (the
//! same hand-written `RegionArg` deserializer the JS API goes through).
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diary_rules::age::{AgeGroup, MAX_AGE_YEARS};
use diary_rules::eligibility::{assess_input, parse_local_date_time, SituationInput, StepState};
use diary_rules::texts;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Map, Value};

/// A text field: a valid value, a near-valid one, or anything.
#[derive(Arbitrary, Debug)]
enum Field {
    /// One of the field's allowed ids, by index.
    Choice(u8),
    /// A date `YYYY-MM-DD` from any numbers (often invalid: 2026-02-30).
    Date(i16, u8, u8),
    /// A date-time `YYYY-MM-DDTHH:MM` from any numbers.
    DateTime(i16, u8, u8, u8, u8),
    Text(String),
    /// A non-string JSON value where a string belongs.
    Number(i64),
}

#[derive(Arbitrary, Debug)]
enum Region {
    Id(Field),
    Profile(Profile),
    /// A profile that starts from the embedded one and changes a field.
    Edited(u8, String, Field),
}

#[derive(Arbitrary, Debug)]
struct Link {
    href: Field,
    label: Field,
}

#[derive(Arbitrary, Debug)]
struct Profile {
    id: Field,
    name_ru: Field,
    name_en: Field,
    diary_site: Option<Link>,
    app_name: Option<Field>,
    apps: Vec<(Field, Field)>,
    login_button: Option<Field>,
    login_flow: Option<Field>,
    consent_via: Option<Field>,
    parent_flow: Option<Field>,
    application: Option<(Field, Field, Field)>,
    problems: Option<Field>,
    problems_link: Option<Link>,
    parent_may_create_until_18: Option<bool>,
    source: Vec<Field>,
    /// An unknown key (rejected with its name).
    extra: Option<(String, Field)>,
}

#[derive(Arbitrary, Debug)]
struct Structured {
    clock: (i16, u8, u8, u8, u8),
    role: Option<Field>,
    birth_date: Option<Field>,
    today: Option<Field>,
    now: Option<Field>,
    lang: Option<Field>,
    region: Option<Region>,
    representative: Option<Field>,
    citizenship: Option<Field>,
    birth_certificate: Option<Field>,
    certificate_status: Option<Field>,
    snils_status: Option<Field>,
    parent_account: Option<Field>,
    student_account: Option<Field>,
    consent: Option<Field>,
    parent_consent: Option<Field>,
    application: Option<Field>,
    check_requested_at: Option<Field>,
}

const ROLES: &[&str] = &["parent", "student"];
const REPRESENTATIVES: &[&str] = &["parent", "guardian"];
const CITIZENSHIP: &[&str] = &["russian", "other"];
const CERTIFICATES: &[&str] = &["russian", "foreign"];
const CERTIFICATE_STATUS: &[&str] =
    &["not_added", "entered_manually", "checking", "searching", "not_found_in_zags", "verified"];
const SNILS_STATUS: &[&str] = &["not_added", "searching", "not_found_in_sfr", "verified"];
const PARENT_ACCOUNT: &[&str] = &["none", "simplified", "standard", "confirmed"];
const STUDENT_ACCOUNT: &[&str] = &["none", "created_by_parent", "own_unlinked", "own_linked"];
const CONSENT: &[&str] = &["not_given", "requested", "given"];
const APPLICATION: &[&str] = &["not_submitted", "submitted", "accepted"];
const LANGS: &[&str] = &["ru", "en"];
const REGIONS: &[&str] = &["generic", "kuzbass", "orenburg", "ryazan"];
const LOGIN_FLOW: &[&str] = &["plain", "grant_access"];
const CONSENT_VIA: &[&str] = &["notification", "portfolio"];
const PARENT_FLOW: &[&str] = &["gosuslugi", "application"];
const PROBLEMS: &[&str] = &["school", "class_teacher", "feedback_form"];
const TEXTS: &[&str] = &[
    "Дневник",
    "https://school.example.ru/login",
    "http://x",
    "https://",
    "my-region_1",
    "«Войти через Госуслуги»",
    " ",
    "a\u{202e}b",
    "line\nbreak",
];

/// Dates near the present, where the calendar data and the age rules live.
fn year(y: i16) -> i32 {
    if y.unsigned_abs() < 2000 {
        1950 + i32::from(y.unsigned_abs() % 100)
    } else {
        i32::from(y)
    }
}

fn value(f: &Field, choices: &[&str]) -> Value {
    let pick =
        |i: u8, list: &[&str]| list.get(usize::from(i) % list.len().max(1)).map(|s| s.to_string()).unwrap_or_default();
    match f {
        Field::Choice(i) if choices.is_empty() => Value::String(pick(*i, TEXTS)),
        Field::Choice(i) => Value::String(pick(*i, choices)),
        Field::Date(y, m, d) => Value::String(format!("{:04}-{:02}-{:02}", year(*y), m % 14, d % 33)),
        Field::DateTime(y, m, d, h, mi) => {
            Value::String(format!("{:04}-{:02}-{:02}T{:02}:{:02}", year(*y), m % 14, d % 33, h % 26, mi % 62))
        }
        Field::Text(s) => Value::String(s.clone()),
        Field::Number(n) => json!(n),
    }
}

fn link(l: &Link) -> Value {
    json!({ "href": value(&l.href, &[]), "label": value(&l.label, &[]) })
}

fn profile(p: &Profile) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), value(&p.id, REGIONS));
    m.insert("name".into(), json!({ "ru": value(&p.name_ru, &[]), "en": value(&p.name_en, &[]) }));
    if let Some(l) = &p.diary_site {
        m.insert("diarySite".into(), link(l));
    }
    if let Some(f) = &p.app_name {
        m.insert("appName".into(), value(f, &[]));
    }
    if !p.apps.is_empty() {
        let apps: Vec<Value> =
            p.apps.iter().map(|(s, h)| json!({ "store": value(s, &[]), "href": value(h, &[]) })).collect();
        m.insert("apps".into(), Value::Array(apps));
    }
    if let Some(f) = &p.login_button {
        m.insert("loginButton".into(), value(f, &[]));
    }
    for (key, f, choices) in [
        ("loginFlow", &p.login_flow, LOGIN_FLOW),
        ("consentVia", &p.consent_via, CONSENT_VIA),
        ("parentFlow", &p.parent_flow, PARENT_FLOW),
        ("problems", &p.problems, PROBLEMS),
    ] {
        if let Some(f) = f {
            m.insert(key.into(), value(f, choices));
        }
    }
    if let Some((a, b, c)) = &p.application {
        m.insert(
            "application".into(),
            json!({ "accessSection": value(a, &[]), "applyButton": value(b, &[]), "submittedMessage": value(c, &[]) }),
        );
    }
    if let Some(l) = &p.problems_link {
        m.insert("problemsLink".into(), link(l));
    }
    if let Some(b) = p.parent_may_create_until_18 {
        m.insert("parentMayCreateUntil18".into(), json!(b));
    }
    if !p.source.is_empty() {
        m.insert("source".into(), Value::Array(p.source.iter().map(|f| value(f, &[])).collect()));
    }
    if let Some((k, f)) = &p.extra {
        m.insert(k.clone(), value(f, &[]));
    }
    Value::Object(m)
}

/// An embedded profile as a JS host would pass it back, with one key changed.
fn edited(which: u8, key: &str, f: &Field) -> Value {
    let base = REGIONS[usize::from(which) % REGIONS.len()];
    let mut m = Map::new();
    m.insert("id".into(), json!(base));
    m.insert("name".into(), json!({ "ru": "Регион", "en": "Region" }));
    m.insert("diarySite".into(), json!({ "href": "https://school.example.ru", "label": "Дневник" }));
    m.insert("apps".into(), json!([{ "store": "RuStore", "href": "https://apps.rustore.ru/app/x" }]));
    m.insert("parentFlow".into(), json!("application"));
    m.insert(
        "application".into(),
        json!({ "accessSection": "Доступ к дневнику", "applyButton": "Подать заявление", "submittedMessage": "Заявление подано" }),
    );
    m.insert("source".into(), json!(["seeds/002_8672c0c2b5cc6735.txt"]));
    let keys = ["id", "appName", "loginButton", "loginFlow", "consentVia", "parentFlow", "problems", "source"];
    let key = if key.is_empty() { keys[usize::from(which) % keys.len()] } else { key };
    m.insert(key.to_owned(), value(f, &[]));
    Value::Object(m)
}

fn structured(s: &Structured) -> (NaiveDateTime, Value) {
    let (y, mo, d, h, mi) = s.clock;
    let clock = NaiveDate::from_ymd_opt(year(y), u32::from(mo % 12) + 1, u32::from(d % 28) + 1)
        .map(|date| {
            date.and_time(NaiveTime::from_hms_opt(u32::from(h % 24), u32::from(mi % 60), 0).unwrap_or_default())
        })
        .unwrap_or_default();
    let mut m = Map::new();
    let fields: [(&str, &Option<Field>, &[&str]); 16] = [
        ("role", &s.role, ROLES),
        ("birthDate", &s.birth_date, &[]),
        ("today", &s.today, &[]),
        ("now", &s.now, &[]),
        ("lang", &s.lang, LANGS),
        ("representative", &s.representative, REPRESENTATIVES),
        ("citizenship", &s.citizenship, CITIZENSHIP),
        ("birthCertificate", &s.birth_certificate, CERTIFICATES),
        ("certificateStatus", &s.certificate_status, CERTIFICATE_STATUS),
        ("snilsStatus", &s.snils_status, SNILS_STATUS),
        ("parentAccount", &s.parent_account, PARENT_ACCOUNT),
        ("studentAccount", &s.student_account, STUDENT_ACCOUNT),
        ("consent", &s.consent, CONSENT),
        ("parentConsent", &s.parent_consent, CONSENT),
        ("application", &s.application, APPLICATION),
        ("checkRequestedAt", &s.check_requested_at, &[]),
    ];
    for (key, f, choices) in fields {
        if let Some(f) = f {
            m.insert(key.into(), value(f, choices));
        }
    }
    match &s.region {
        None => {}
        Some(Region::Id(f)) => {
            m.insert("region".into(), value(f, REGIONS));
        }
        Some(Region::Profile(p)) => {
            m.insert("region".into(), profile(p));
        }
        Some(Region::Edited(which, key, f)) => {
            m.insert("region".into(), edited(*which, key, f));
        }
    }
    (clock, Value::Object(m))
}

fn check(clock: NaiveDateTime, input: &SituationInput) {
    let result = assess_input(input, clock);
    // Deterministic: the same input gives the same answer.
    assert_eq!(format!("{result:?}"), format!("{:?}", assess_input(input, clock)));
    let a = match result {
        Ok(a) => a,
        Err(e) => {
            assert!(!e.field.is_empty());
            assert!(!e.problem.id().is_empty());
            return;
        }
    };
    assert!(a.age_years <= MAX_AGE_YEARS, "{}", a.age_years);
    assert_eq!(a.age_group, AgeGroup::of(a.age_years));
    assert!(a.region.validate().is_ok(), "an accepted profile must be valid");
    assert!(!a.steps.is_empty());
    let next = a.steps.iter().find(|s| s.state != StepState::Done).map(|s| s.id);
    assert_eq!(a.next, next);
    for step in &a.steps {
        assert!(texts::entry(&step.title_id).is_some(), "{}", step.title_id);
        assert!(texts::entry(&step.text_id).is_some(), "{}", step.text_id);
    }
    for note in &a.notes {
        assert!(texts::entry(&note.text_id()).is_some(), "{}", note.text_id());
    }
    assert!(texts::entry(&a.path.text_id()).is_some());
    if let Some(b) = &a.create_button {
        assert_eq!(b.visible, b.missing.is_empty() && b.unknown.is_empty(), "{b:?}");
    }
    if let Some(e) = &a.check_estimate {
        assert!(e.requested_at <= e.earliest && e.earliest <= e.latest, "{e:?}");
        assert!(!(e.overdue && e.finished));
    }
}

#[derive(serde::Deserialize)]
struct JsonCase {
    clock: String,
    input: SituationInput,
}

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&b'{') {
        // The JSON form (seeds). Invalid JSON is simply skipped.
        if let Ok(case) = serde_json::from_slice::<JsonCase>(data) {
            if let Some(clock) = parse_local_date_time(&case.clock) {
                check(clock, &case.input);
            }
        }
        return;
    }
    let Ok(s) = Structured::arbitrary(&mut Unstructured::new(data)) else { return };
    let (clock, value) = structured(&s);
    match serde_json::from_value::<SituationInput>(value) {
        Ok(input) => check(clock, &input),
        // Wrong JSON types and unknown keys are rejected by serde: fine.
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
