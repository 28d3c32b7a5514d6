//! The eligibility scenarios of `tests/fixtures/eligibility.toml`, natively,
//! plus property tests: any input yields a valid assessment or a clean error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test or bench: a panic is its failure report"
)]

use diary_rules::eligibility::{
    assess_input, fixed_links, parse_local_date_time, Actor, Assessment, LinkLabel, Path, SituationInput, StepId,
    StepState,
};
use diary_rules::texts::{self, fill};
use diary_rules::Lang;
use proptest::prelude::*;

const FIXTURES: &str = include_str!("../../../tests/fixtures/eligibility.toml");

#[path = "../../../tests/fixtures/eligibility.rs"]
mod fixture;
use fixture::{Case, OrNone};

/// The clock used when a case gives neither `today` nor `now` (every case
/// does; a wrong default would show up as a wrong age).
const CLOCK: &str = "2001-01-01T00:00";

fn fmt_time(t: chrono::NaiveDateTime) -> String {
    diary_rules::eligibility::format_local_date_time(t)
}

/// The actors a step id may have (the password is restored by whoever
/// manages the account).
fn expected_actors(id: StepId) -> &'static [Actor] {
    match id {
        StepId::PasswordRecovery => &[Actor::Parent, Actor::Student],
        StepId::SchoolAccess => &[Actor::School],
        _ => std::slice::from_ref(expected_actor(id)),
    }
}

/// The actor every other step id must have.
fn expected_actor(id: StepId) -> &'static Actor {
    match id {
        StepId::StudentRegister
        | StepId::LinkEnterCode
        | StepId::StudentDiaryLogin
        | StepId::AdultAccount
        | StepId::StudentConsent => &Actor::Student,
        StepId::MfcDocuments => &Actor::Mfc,
        StepId::CheckOverdue => &Actor::Support,
        StepId::SchoolReview => &Actor::School,
        _ => &Actor::Parent,
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .collect()
}

/// Properties every assessment must have, whatever the input.
fn check_invariants(a: &Assessment, context: &str) {
    let first_open = a.steps.iter().find(|s| !s.state.is_settled()).map(|s| s.id);
    assert_eq!(a.next, first_open, "{context}: next is the first step not done");
    assert!(!a.steps.is_empty(), "{context}: no steps");
    for (i, step) in a.steps.iter().enumerate() {
        assert!(a.steps[..i].iter().all(|s| s.id != step.id), "{context}: {} twice", step.id.id());
        assert!(expected_actors(step.id).contains(&step.actor), "{context}: actor of {}", step.id.id());
        for id in [&step.title_id, &step.text_id] {
            let entry = texts::entry(id).unwrap_or_else(|| panic!("{context}: no text {id}"));
            for lang in Lang::ALL {
                for name in placeholders(entry.get(lang)) {
                    assert!(step.params.iter().any(|(k, _)| *k == name), "{context}: no value for {{{name}}} in {id}");
                }
                assert!(!fill(entry.get(lang), &step.params).is_empty());
            }
        }
        assert!(!step.sources().is_empty(), "{context}: {} has no source", step.id.id());
        if let Some(link) = &step.link {
            assert!(link.href.starts_with("https://") || link.href.starts_with("http://"), "{context}: {}", link.href);
            if let LinkLabel::TextId(id) = &link.label {
                assert!(texts::entry(id).is_some(), "{context}: no text {id}");
            }
        }
    }
    for note in &a.notes {
        assert!(texts::entry(&note.text_id()).is_some(), "{context}: no text for note {}", note.id());
    }
    assert!(texts::entry(&a.path.text_id()).is_some());
    match (&a.create_button, a.path) {
        (Some(b), Path::ParentCreatesAccount | Path::ChildRegistersParentLinks) => {
            assert_eq!(b.visible, b.missing.is_empty() && b.unknown.is_empty(), "{context}");
            for m in &b.missing {
                assert!(texts::entry(&m.text_id()).is_some(), "{context}: no text for {}", m.id());
            }
            for u in &b.unknown {
                assert!(texts::entry(&u.text_id()).is_some(), "{context}: no text for {}", u.id());
            }
        }
        (None, Path::AdultStudent | Path::SchoolApplication) => {}
        (b, p) => panic!("{context}: createButton {b:?} on path {}", p.id()),
    }
    if let Some(e) = &a.check_estimate {
        assert!(e.requested_at < e.earliest && e.earliest <= e.latest, "{context}: {e:?}");
        assert!(!(e.overdue && e.finished), "{context}");
        for v in &e.variants {
            assert!(texts::entry(v.id.text_id()).is_some(), "{context}");
        }
        let support = a.steps.iter().any(|s| s.id == StepId::CheckOverdue);
        let all_done = a.steps.iter().filter(|s| s.id != StepId::CheckOverdue).all(|s| s.state.is_settled());
        assert_eq!(support, e.overdue && !all_done, "{context}: support step iff overdue");
    } else {
        assert!(a.steps.iter().all(|s| s.id != StepId::CheckOverdue), "{context}");
    }
}

/// Runs one case and compares every expectation it gives.
fn check(case: &Case) {
    let (name, expect) = (&case.name, &case.expect);
    let clock = parse_local_date_time(CLOCK).unwrap();
    let parsed: Result<SituationInput, _> = case.input.clone().try_into();
    let result = match parsed {
        Ok(situation) => assess_input(&situation, clock).map_err(|e| format!("{}:{}", e.field, e.problem.id())),
        Err(e) => Err(format!("deserialize: {e}")),
    };
    if let Some(error) = &expect.error {
        let got = result.err().unwrap_or_else(|| panic!("{name}: expected the error {error}"));
        if let Some(field) = error.strip_suffix(":unknown_field") {
            assert!(got.contains(&format!("unknown field `{field}`")), "{name}: {got}");
        } else {
            assert_eq!(&got, error, "{name}");
        }
        return;
    }
    let a = result.unwrap_or_else(|e| panic!("{name}: {e}"));
    check_invariants(&a, name);
    if let Some(want) = expect.age_years {
        assert_eq!(a.age_years, want, "{name}: ageYears");
    }
    if let Some(want) = &expect.age_group {
        assert_eq!(a.age_group.id(), want, "{name}: ageGroup");
    }
    if let Some(want) = &expect.path {
        assert_eq!(a.path.id(), want, "{name}: path");
    }
    if let Some(want) = &expect.next {
        assert_eq!(a.next.map(|s| s.id()).unwrap_or(""), want, "{name}: next");
    }
    if let Some(want) = &expect.steps {
        let got: Vec<String> = a.steps.iter().map(|s| format!("{}:{}", s.id.id(), s.state.id())).collect();
        assert_eq!(&got, want, "{name}: steps");
    }
    match expect.create_button.as_ref().map(OrNone::as_ref) {
        None => {}
        Some(None) => assert!(a.create_button.is_none(), "{name}: createButton"),
        Some(Some(want)) => {
            let b = a.create_button.as_ref().unwrap_or_else(|| panic!("{name}: no createButton"));
            assert_eq!(b.visible, want.visible, "{name}: visible");
            let missing: Vec<&str> = b.missing.iter().map(|m| m.id()).collect();
            assert_eq!(missing, want.missing, "{name}: missing");
            let unknown: Vec<&str> = b.unknown.iter().map(|m| m.id()).collect();
            assert_eq!(unknown, want.unknown, "{name}: unknown");
        }
    }
    match expect.estimate.as_ref().map(OrNone::as_ref) {
        None => {}
        Some(None) => assert!(a.check_estimate.is_none(), "{name}: estimate"),
        Some(Some(want)) => {
            let e = a.check_estimate.as_ref().unwrap_or_else(|| panic!("{name}: no estimate"));
            let variant = |i: usize| e.variants.get(i).and_then(|v| v.latest).map(fmt_time);
            if let Some(v) = &want.earliest {
                assert_eq!(&fmt_time(e.earliest), v, "{name}: earliest");
            }
            if let Some(v) = &want.latest {
                assert_eq!(&fmt_time(e.latest), v, "{name}: latest");
            }
            if let Some(v) = want.overdue {
                assert_eq!(e.overdue, v, "{name}: overdue");
            }
            if let Some(v) = want.finished {
                assert_eq!(e.finished, v, "{name}: finished");
            }
            if want.calendar_days.is_some() {
                assert_eq!(variant(1), want.calendar_days, "{name}: calendarDays");
            }
            if want.average.is_some() {
                assert_eq!(variant(3), want.average, "{name}: average");
            }
        }
    }
    for n in &expect.notes {
        assert!(a.notes.iter().any(|x| x.id() == n), "{name}: note {n} missing from {:?}", a.notes);
    }
    for n in &expect.notes_absent {
        assert!(a.notes.iter().all(|x| x.id() != n), "{name}: note {n} should be absent");
    }
    for id in &expect.text_ids {
        assert!(a.steps.iter().any(|s| &s.text_id == id), "{name}: no step uses {id}");
    }
    for pair in &expect.links {
        let (step, href) = pair.split_once('=').unwrap();
        let s = a.steps.iter().find(|s| s.id.id() == step).unwrap_or_else(|| panic!("{name}: no step {step}"));
        assert_eq!(s.link.as_ref().map(|l| l.href.as_str()), Some(href), "{name}: link of {step}");
    }
}

#[test]
fn fixtures() {
    let cases = fixture::cases(FIXTURES);
    for case in &cases {
        assert!(!case.see.is_empty(), "{}: cite a source", case.name);
        check(case);
    }
    assert!(cases.len() >= 60, "{} cases", cases.len());
}

#[test]
fn every_path_every_step_and_every_status_is_covered_by_a_fixture() {
    let all = FIXTURES;
    for p in Path::ALL {
        assert!(all.contains(&format!("path = \"{}\"", p.id())), "no fixture for path {}", p.id());
    }
    for s in StepId::ALL {
        assert!(all.contains(&format!("\"{}:", s.id())), "no fixture for step {}", s.id());
    }
    use diary_rules::eligibility::situation::*;
    let fields: [(&str, &[&str]); 10] = [
        ("certificateStatus", CertificateStatus::IDS),
        ("snilsStatus", SnilsStatus::IDS),
        ("parentAccount", ParentAccount::IDS),
        ("studentAccount", StudentAccount::IDS),
        ("consent", Consent::IDS),
        ("representative", Representative::IDS),
        ("birthCertificate", BirthCertificate::IDS),
        ("application", Application::IDS),
        ("parentConsent", Consent::IDS),
        ("studentPassword", StudentPassword::IDS),
    ];
    for (field, ids) in fields {
        for id in ids {
            let wanted = format!("{field} = \"{id}\"");
            let defaulted = matches!(*id, "parent" | "russian" | "not_submitted");
            assert!(defaulted || all.contains(&wanted), "no fixture with {wanted}");
        }
    }
    for region in ["kuzbass", "orenburg", "ryazan", "generic"] {
        assert!(all.contains(&format!("region = \"{region}\"")), "no fixture for region {region}");
    }
}

#[test]
fn every_text_the_engine_can_name_exists() {
    use diary_rules::eligibility::{Missing, NoteId, Unknown};
    for m in Missing::ALL {
        assert!(texts::entry(&m.text_id()).is_some(), "{}", m.id());
    }
    for u in Unknown::ALL {
        assert!(texts::entry(&u.text_id()).is_some(), "{}", u.id());
    }
    for n in NoteId::ALL {
        assert!(texts::entry(&n.text_id()).is_some(), "{}", n.id());
    }
    for s in StepId::ALL {
        assert!(texts::entry(&format!("elig.step.{}.title", s.id())).is_some(), "{}", s.id());
    }
    for a in Actor::ALL {
        assert!(texts::entry(&format!("elig.actor.{}", a.id())).is_some(), "{}", a.id());
    }
    for s in StepState::ALL {
        assert!(texts::entry(&format!("elig.state.{}", s.id())).is_some(), "{}", s.id());
    }
    for l in fixed_links() {
        assert!(texts::entry(&format!("elig.link.{}", l.id)).is_some(), "{}", l.id);
        assert!(!l.source.is_empty(), "{}", l.id);
    }
    assert_eq!(fixed_links().len(), 4);
}

#[test]
fn embedded_profiles_are_valid_and_cite_sources() {
    use diary_rules::eligibility::region::{embedded, embedded_all};
    let ids: Vec<&str> = embedded_all().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["kuzbass", "orenburg", "ryazan", "generic"]);
    assert_eq!(diary_rules::eligibility::region::EMBEDDED_IDS, ids.as_slice());
    for p in embedded_all() {
        assert_eq!(p.validate(), Ok(()), "{}", p.id);
        assert!(!p.source.is_empty(), "{}", p.id);
    }
    assert_eq!(embedded("kuzbass").unwrap().apps.len(), 4);
}

fn field_names() -> &'static [&'static str] {
    SituationInput::FIELDS
}

#[test]
fn the_field_list_is_serdes() {
    let err = toml::from_str::<SituationInput>("zzz = 1").expect_err("an unknown field").to_string();
    let quoted: Vec<String> = field_names().iter().map(|f| format!("`{f}`")).collect();
    assert!(err.contains(&format!("expected one of {}", quoted.join(", "))), "{err}");
}

fn pick(ids: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        6 => proptest::sample::select(ids).prop_map(|s| Some(s.to_owned())),
        1 => "[a-zа-я_ ]{0,12}".prop_map(Some),
    ]
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        6 => (1900i32..2100, 0u32..14, 0u32..33).prop_map(|(y, m, d)| Some(format!("{y:04}-{m:02}-{d:02}"))),
        1 => ".{0,12}".prop_map(Some),
    ]
}

fn date_time() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        6 => (2022i32..2029, 1u32..13, 1u32..30, 0u32..25, 0u32..61)
            .prop_map(|(y, m, d, h, mi)| Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}"))),
        1 => ".{0,18}".prop_map(Some),
    ]
}

prop_compose! {
    fn situation()(
        role in pick(&["parent", "student"]),
        birth_date in date(),
        today in date(),
        now in date_time(),
        check in date_time(),
        lang in pick(&["ru", "en"]),
        region in pick(&["kuzbass", "orenburg", "ryazan", "generic"]),
        representative in pick(&["parent", "guardian"]),
        citizenship in pick(&["russian", "other"]),
        birth_certificate in pick(&["russian", "foreign"]),
        certificate_status in pick(&["not_added", "entered_manually", "checking", "searching", "not_found_in_zags", "verified"]),
        snils_status in pick(diary_rules::eligibility::situation::SnilsStatus::IDS),
        parent_account in pick(&["none", "simplified", "standard", "confirmed"]),
        student_account in pick(diary_rules::eligibility::situation::StudentAccount::IDS),
        consent in pick(diary_rules::eligibility::situation::Consent::IDS),
        parent_consent in pick(diary_rules::eligibility::situation::Consent::IDS),
        application in pick(diary_rules::eligibility::situation::Application::IDS),
        student_password in pick(diary_rules::eligibility::situation::StudentPassword::IDS),
    ) -> SituationInput {
        SituationInput {
            role, birth_date, today, now, lang,
            region: region.map(diary_rules::eligibility::RegionArg::Id),
            representative, citizenship, birth_certificate, certificate_status, snils_status,
            parent_account, student_account, consent, parent_consent, application, student_password,
            check_requested_at: check,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn any_input_gives_a_valid_assessment_or_a_clean_error(input in situation(), clock in (2020i32..2030, 1u32..13, 1u32..29, 0u32..24)) {
        let clock = chrono::NaiveDate::from_ymd_opt(clock.0, clock.1, clock.2).unwrap().and_hms_opt(clock.3, 0, 0).unwrap();
        match assess_input(&input, clock) {
            Ok(a) => check_invariants(&a, &format!("{input:?}")),
            Err(e) => {
                let root = e.field.split(['.', '[']).next().unwrap_or("");
                prop_assert!(field_names().contains(&root), "unknown field {}", e.field);
                prop_assert!(!e.problem.id().is_empty());
            }
        }
    }

    #[test]
    fn the_fill_helper_never_panics(template in ".{0,60}", value in ".{0,10}") {
        let out = fill(&template, &[("x", value)]);
        prop_assert!(out.len() <= template.len() * 11 + 1);
    }
}

fn text_field() -> impl Strategy<Value = String> {
    prop_oneof![12 => "[a-zA-Zа-яА-Я«»#._-][a-zA-Zа-яА-Я «»#._-]{0,20}", 1 => Just(String::new()), 1 => ".{290,310}"]
}

fn href() -> impl Strategy<Value = String> {
    prop_oneof![12 => "https://[a-z.]{1,12}(/[a-z]{0,5})?", 1 => "http://[a-z ]{0,8}", 1 => ".{0,15}"]
}

prop_compose! {
    fn link()(href in href(), label in text_field()) -> diary_rules::eligibility::region::ProfileLink {
        diary_rules::eligibility::region::ProfileLink { href, label }
    }
}

prop_compose! {
    fn host_profile()(
        id in prop_oneof![4 => "[a-z0-9_-]{1,20}", 1 => "[a-zA-Z0-9 _-]{0,45}"],
        ru in text_field(),
        en in text_field(),
        diary_site in proptest::option::of(link()),
        app_name in proptest::option::of(text_field()),
        apps in proptest::collection::vec((text_field(), href()), 0..10),
        login_button in proptest::option::of(text_field()),
        flags in (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), 0u8..3),
        names in proptest::option::of((text_field(), text_field(), text_field())),
        problems_link in proptest::option::of(link()),
        source in proptest::collection::vec(text_field(), 0..3),
    ) -> diary_rules::eligibility::RegionProfile {
        use diary_rules::eligibility::region::*;
        RegionProfile {
            id,
            name: LocalName { ru, en },
            diary_site,
            app_name,
            apps: apps.into_iter().map(|(store, href)| AppLink { store, href }).collect(),
            login_button,
            login_flow: if flags.0 { LoginFlow::GrantAccess } else { LoginFlow::Plain },
            consent_via: if flags.1 { ConsentVia::Portfolio } else { ConsentVia::Notification },
            parent_flow: if flags.2 { ParentFlow::Application } else { ParentFlow::Gosuslugi },
            application: names.map(|(a, b, c)| ApplicationNames { access_section: a, apply_button: b, submitted_message: c }),
            problems: [ProblemsContact::School, ProblemsContact::ClassTeacher, ProblemsContact::FeedbackForm][usize::from(flags.4)],
            problems_link,
            parent_may_create_until_18: flags.3,
            source,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn any_host_profile_is_used_or_rejected_by_field(profile in host_profile(), role in pick(&["parent", "student"]), birth in (1990i32..2026)) {
        let input = SituationInput {
            role: role.or(Some("parent".into())),
            birth_date: Some(format!("{birth}-05-05")),
            today: Some("2026-03-10".into()),
            region: Some(diary_rules::eligibility::RegionArg::Profile(Box::new(profile.clone()))),
            ..Default::default()
        };
        let clock = parse_local_date_time("2026-03-10T12:00").unwrap();
        match assess_input(&input, clock) {
            Ok(a) => {
                prop_assert_eq!(profile.validate(), Ok(()));
                check_invariants(&a, &format!("{profile:?}"));
                prop_assert_eq!(&a.region, &profile);
            }
            Err(e) if e.field.starts_with("region") => {
                prop_assert!(profile.validate().is_err(), "rejected a valid profile: {e:?}");
            }
            Err(e) => prop_assert!(field_names().contains(&e.field.as_str()), "{e:?}"),
        }
    }
}

/// Issue 15: for a child who is not a Russian citizen (or has a foreign
/// certificate), `explainError` and `assessEligibility` name the same one to
/// act (the school, for the diary) and the same path (no online account, so
/// no child login or consent steps).
#[test]
fn explanation_and_assessment_agree_on_a_child_without_russian_citizenship() {
    use diary_rules::explain::{explain, ExplainContext, Role as ERole};
    let clock = parse_local_date_time("2026-03-10T12:00").unwrap();
    for (citizenship, certificate) in [("other", "russian"), ("russian", "foreign")] {
        let input = SituationInput {
            role: Some("parent".into()),
            birth_date: Some("2015-09-01".into()),
            today: Some("2026-03-10".into()),
            parent_account: Some("confirmed".into()),
            certificate_status: Some("verified".into()),
            snils_status: Some("verified".into()),
            student_account: Some("none".into()),
            citizenship: Some(citizenship.into()),
            birth_certificate: Some(certificate.into()),
            ..Default::default()
        };
        let a = assess_input(&input, clock).unwrap();
        let school = a.steps.iter().find(|s| s.id == StepId::SchoolAccess).expect("a school_access step");
        assert!(a.steps.iter().all(|s| !matches!(s.id, StepId::StudentDiaryLogin | StepId::ConsentForChild)));
        let create = a.steps.iter().find(|s| s.id == StepId::CreateChildAccount).unwrap();
        assert_eq!(create.text_id, "elig.step.create_child_account.never", "{citizenship} {certificate}");
        let message = if citizenship == "other" {
            "Для создания учётной записи ребёнок должен иметь российское гражданство"
        } else {
            "Учётную запись на портале госуслуг можно создать только для детей с российским свидетельством о рождении"
        };
        let ctx = ExplainContext { role: Some(ERole::Parent), ..Default::default() };
        let e = explain(message, &ctx).unwrap();
        assert_eq!(e.actor.id(), school.actor.id(), "{message}");
        assert!(e.steps.contains(&"explain.foreign_certificate.step.school"), "{:?}", e.steps);
        assert!(e.steps.contains(&"explain.foreign_certificate.step.no_create"), "{:?}", e.steps);
    }
}
