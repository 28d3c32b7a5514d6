//! Which questions matter for a situation: the help panel's wizard asks the
//! birth date first, then only these. Everything here is a rule decision
//! (which facts change the answer on this path), so it lives in the rules
//! crate; the panel only shows the questions and passes the answers back
//! through [`Question::set`].
//!
//! ```
//! use diary_rules::eligibility::{parse_local_date_time, questions::{questions, Question}, Situation, SituationInput};
//! let clock = parse_local_date_time("2026-03-10T12:00").unwrap();
//! let mut input = SituationInput { role: Some("student".into()), birth_date: Some("2011-01-05".into()), ..Default::default() };
//! let s = Situation::from_input(&input, clock).unwrap();
//! let asked = questions(&s);
//! assert_eq!(asked.first(), Some(&Question::StudentAccount));
//! assert!(!asked.contains(&Question::SnilsStatus)); // a 15-year-old's СНИЛС is not checked on this path
//! Question::Consent.set(&mut input, Some("requested".into()));
//! assert_eq!(input.consent.as_deref(), Some("requested"));
//! ```

use super::choose_path;
use super::region::ConsentVia;
pub use super::situation::Question;
use super::situation::{Role, Situation};
use super::steps::StepId;
use crate::age::AgeGroup;

/// The youngest age a pupil's birth date plausibly gives (first grade
/// starts at 6½ to 8, law:273-ФЗ ст. 67); below it, or at 18 and over, a
/// parent may have typed their own date.
pub const YOUNGEST_PUPIL_YEARS: u32 = 6;

impl Question {
    /// A rare case (a guardian, a foreign certificate, another
    /// citizenship): a panel may tuck these away. The defaults (parent,
    /// Russian certificate, Russian citizen) hold for most families.
    pub fn is_special_case(self) -> bool {
        matches!(self, Question::Representative | Question::BirthCertificate | Question::Citizenship)
    }

    /// A follow-up, asked after the path's own questions: whether the
    /// student can get into an account that exists, and the parent's own
    /// diary login.
    pub fn is_follow_up(self) -> bool {
        matches!(self, Question::StudentPassword | Question::ParentConsent)
    }

    /// The text id of the question (`ui.q.<id>.label`); an answer's words
    /// are [`Question::value_text_id`], an optional hint `ui.q.<id>.hint`.
    pub fn text_id(self) -> String {
        format!("ui.q.{}.label", self.id())
    }

    /// The text id of an answer's words: `ui.q.<id>.<value>`.
    pub fn value_text_id(self, value: &str) -> String {
        format!("ui.q.{}.{value}", self.id())
    }

    /// The text id of the question's hint (where to look); not every
    /// question has one.
    pub fn hint_text_id(self) -> String {
        format!("ui.q.{}.hint", self.id())
    }
}

/// The questions that change the answer for this situation, in asking
/// order. Derived from the whole plan of the situation's path
/// (`Path::parts`: its own parts and the checks' wait every plan ends
/// with): each part's reads (`steps::Part::reads`)
/// less those an earlier answer settles (a child account made by the
/// parent settles the document checks; the check's time matters only
/// while a check is under way or once told), and what decides whether a
/// conditional part is on the plan (a guardian or a foreign certificate
/// for the МФЦ, a told check time for the wait); in the order the parts read them, the follow-ups
/// ([`Question::is_follow_up`]) after them and the rare cases
/// ([`Question::is_special_case`]) last.
pub fn questions(s: &Situation) -> Vec<Question> {
    let mut read: Vec<Question> = Vec::new();
    let mut ask = |q: Question| {
        if !read.contains(&q) {
            read.push(q);
        }
    };
    for &(when, part) in choose_path(s, AgeGroup::of(s.age_years())).parts() {
        if let Some(condition) = when {
            condition.reads().iter().copied().for_each(&mut ask);
            if !condition.holds(s) {
                continue;
            }
        }
        for &(q, settled_by) in part.reads() {
            if !settled_by.iter().any(|c| c.holds(s)) {
                ask(q);
            }
        }
    }
    // Three rounds, each in the order the plan reads them (no sort: a
    // stable sort's code would weigh more than this list in the wasm).
    let round = |q: &Question| match (q.is_special_case(), q.is_follow_up()) {
        (false, false) => 0,
        (false, true) => 1,
        (true, _) => 2,
    };
    (0..3).flat_map(|r| read.iter().copied().filter(move |q| round(q) == r)).collect()
}

/// Whether answering `q` could change the next step of `input`'s
/// situation: some answer to it (for the check's time, a long-ago and a
/// just-now request) gives another next step than leaving it unknown. A
/// wizard asks the next question only while this holds, so the next step
/// is on screen as soon as the answers decide it. `false` on invalid input.
pub fn decides_next(input: &super::SituationInput, clock: chrono::NaiveDateTime, q: Question) -> bool {
    let next = |value: Option<String>| {
        let mut probe = input.clone();
        q.set(&mut probe, value);
        super::assess_input(&probe, clock).ok().map(|a| a.next)
    };
    let Some(base) = next(None) else { return false };
    let probes: Vec<String> = if q == Question::CheckRequestedAt {
        [chrono::Duration::days(60), chrono::Duration::minutes(1)]
            .iter()
            .filter_map(|d| clock.checked_sub_signed(*d))
            .map(super::format_local_date_time)
            .collect()
    } else {
        q.values().iter().map(|v| (*v).to_owned()).collect()
    };
    probes.into_iter().any(|v| next(Some(v)).is_some_and(|n| n != base))
}

/// Whether a panel should ask once whether the birth date really is the
/// pupil's: a parent (or guardian) entered a date that makes the pupil an
/// adult or younger than school age.
pub fn birth_date_doubtful(s: &Situation) -> bool {
    let age = s.age_years();
    s.role == Role::Parent && (age < YOUNGEST_PUPIL_YEARS || AgeGroup::of(age) == AgeGroup::Adult)
}

/// The answer that records `step` as done (a «Сделано» tick in a panel):
/// once given, the engine marks the step done. `None` for a step no single
/// answer settles (the child's card, citizenship, an overdue check).
pub fn done_answer(step: StepId, s: &Situation) -> Option<(Question, &'static str)> {
    use Question as Q;
    Some(match step {
        StepId::ParentAccount => (Q::ParentAccount, "confirmed"),
        StepId::CertificateCheck | StepId::MfcDocuments => (Q::CertificateStatus, "verified"),
        StepId::SnilsCheck => (Q::SnilsStatus, "verified"),
        StepId::CreateChildAccount => (Q::StudentAccount, "created_by_parent"),
        StepId::StudentRegister | StepId::AdultAccount => (Q::StudentAccount, "own_unlinked"),
        StepId::LinkCode | StepId::LinkEnterCode => (Q::StudentAccount, "own_linked"),
        StepId::StudentDiaryLogin => match s.region.consent_via {
            ConsentVia::Notification => (Q::Consent, "requested"),
            ConsentVia::Portfolio => (Q::Consent, "given"),
        },
        StepId::ConsentForChild | StepId::StudentConsent => (Q::Consent, "given"),
        StepId::ParentDiaryLogin => (Q::ParentConsent, "given"),
        StepId::ApplicationLogin | StepId::ApplicationGrant | StepId::ApplicationOpen | StepId::ApplicationSubmit => {
            (Q::Application, "submitted")
        }
        StepId::SchoolReview => (Q::Application, "accepted"),
        StepId::PasswordRecovery => (Q::StudentPassword, "known"),
        StepId::ChildCard | StepId::Citizenship | StepId::CheckOverdue | StepId::SchoolAccess => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::{parse_local_date_time, SituationInput};
    use crate::texts;
    use crate::Lang;

    fn situation(role: &str, birth: &str, region: Option<&str>, answers: &[(Question, &str)]) -> Situation {
        let mut input =
            SituationInput { role: Some(role.into()), birth_date: Some(birth.into()), ..Default::default() };
        input.region = region.map(|r| super::super::RegionArg::Id(r.into()));
        for (q, v) in answers {
            q.set(&mut input, Some((*v).into()));
        }
        let clock = parse_local_date_time("2026-03-10T12:00").unwrap();
        Situation::from_input(&input, clock).unwrap()
    }

    /// One case: who, born when, where, what was answered → the questions.
    fn check(role: &str, birth: &str, region: Option<&str>, answers: &[(Question, &str)], expect: &[Question]) {
        let s = situation(role, birth, region, answers);
        assert_eq!(questions(&s), expect, "{role} {birth} {region:?} {answers:?}");
    }

    /// No hidden question: over a broad enumeration (every region, reader
    /// and age group, with a child about to turn 14; every value, and
    /// "unknown", of the answers that choose the path and settle questions;
    /// three check times; the other answers cycled through their values),
    /// once every question `questions()` asks is answered, a question it
    /// leaves out cannot change the next step (`decides_next`; the check's time aside, which
    /// by itself says a check was requested). (The derivation from the
    /// parts' reads was first pinned to the old hand-written per-path tree
    /// on the whole enumeration, 476 280 situations; that second tree is
    /// gone, so a new question is not written twice.)
    #[test]
    fn a_question_left_out_cannot_change_the_next_step() {
        use Question as Q;
        let clock = parse_local_date_time("2026-03-10T12:00").unwrap();
        let with_unknown = |q: Q| std::iter::once(None).chain(q.values().iter().map(|v| Some(*v))).collect::<Vec<_>>();
        let others =
            [Q::Citizenship, Q::ParentAccount, Q::Consent, Q::ParentConsent, Q::Application, Q::StudentPassword];
        let mut regions: Vec<Option<&str>> = vec![None];
        regions.extend(crate::eligibility::region::embedded_all().iter().map(|p| Some(p.id_static())));
        let births = ["2023-01-01", "2015-09-01", "2012-03-25", "2011-01-05", "2008-09-01", "2007-01-05"];
        let times = [None, Some("2026-01-10T10:00"), Some("2026-03-10T11:59")];
        let (mut n, mut cycle, mut probed) = (0usize, 0usize, 0usize);
        let mut seen_paths = std::collections::BTreeSet::new();
        for region in &regions {
            for role in ["parent", "student"] {
                for birth in births {
                    for account in with_unknown(Q::StudentAccount) {
                        for representative in with_unknown(Q::Representative) {
                            for certificate in with_unknown(Q::BirthCertificate) {
                                for status in with_unknown(Q::CertificateStatus) {
                                    for snils in with_unknown(Q::SnilsStatus) {
                                        for time in times {
                                            let mut input = SituationInput {
                                                role: Some(role.into()),
                                                birth_date: Some(birth.into()),
                                                region: region.map(|r| super::super::RegionArg::Id(r.into())),
                                                ..Default::default()
                                            };
                                            for (q, v) in [
                                                (Q::StudentAccount, account),
                                                (Q::Representative, representative),
                                                (Q::BirthCertificate, certificate),
                                                (Q::CertificateStatus, status),
                                                (Q::SnilsStatus, snils),
                                                (Q::CheckRequestedAt, time),
                                            ] {
                                                q.set(&mut input, v.map(str::to_owned));
                                            }
                                            for q in others {
                                                let values = with_unknown(q);
                                                cycle = cycle.wrapping_add(7);
                                                let v = values.get(cycle % values.len()).copied().flatten();
                                                q.set(&mut input, v.map(str::to_owned));
                                            }
                                            let s = Situation::from_input(&input, clock).unwrap();
                                            seen_paths.insert(
                                                crate::eligibility::choose_path(&s, AgeGroup::of(s.age_years())).id(),
                                            );
                                            n += 1;
                                            let asked = questions(&s);
                                            if !asked.iter().all(|q| q.get(&input).is_some()) {
                                                continue;
                                            }
                                            for q in Q::ALL {
                                                // The check's time is a follow-up of a check
                                                // under way: told out of turn, it says one is.
                                                if asked.contains(&q)
                                                    || q.get(&input).is_some()
                                                    || q == Q::CheckRequestedAt
                                                {
                                                    continue;
                                                }
                                                assert!(!decides_next(&input, clock, q), "{q:?} hidden in {input:?}");
                                                probed += 1;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(seen_paths.len(), crate::eligibility::Path::ALL.len());
        assert!(n > 100_000, "{n}");
        assert!(probed > 50_000, "{probed}");
    }

    #[test]
    fn questions_follow_the_path() {
        use Question as Q;
        let specials = [Q::Representative, Q::BirthCertificate];
        // A parent's create-account path; a pending check adds the time it
        // was requested.
        let create_account = |pending: bool| {
            let documents = [Q::ParentAccount, Q::StudentAccount, Q::CertificateStatus, Q::SnilsStatus];
            let check: &[Q] = if pending { &[Q::CheckRequestedAt] } else { &[] };
            [&documents[..], check, &[Q::Consent, Q::ParentConsent], &specials, &[Q::Citizenship]].concat()
        };
        // (role, birth date, region, answers given, questions expected)
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, Vec<(Q, &'a str)>, Vec<Q>);
        let cases: Vec<Case> = vec![
            // A parent of a 10-year-old: the create-account path.
            ("parent", "2015-09-01", None, vec![], create_account(false)),
            // A pending check adds the time it was requested.
            ("parent", "2015-09-01", None, vec![(Q::CertificateStatus, "checking")], create_account(true)),
            // An account made by the parent settles the documents.
            (
                "parent",
                "2015-09-01",
                None,
                vec![(Q::StudentAccount, "created_by_parent")],
                vec![
                    Q::ParentAccount,
                    Q::StudentAccount,
                    Q::Consent,
                    Q::StudentPassword,
                    Q::ParentConsent,
                    Q::Representative,
                    Q::BirthCertificate,
                    Q::Citizenship,
                ],
            ),
            // A 15-year-old student: register, link, consent.
            (
                "student",
                "2011-01-05",
                None,
                vec![],
                [vec![Q::StudentAccount, Q::ParentAccount, Q::CertificateStatus, Q::Consent], specials.to_vec()]
                    .concat(),
            ),
            (
                "student",
                "2011-01-05",
                None,
                vec![(Q::StudentAccount, "own_linked")],
                [vec![Q::StudentAccount, Q::ParentAccount, Q::Consent, Q::StudentPassword], specials.to_vec()].concat(),
            ),
            // A guardian of a 15-year-old: the МФЦ checks the documents.
            (
                "parent",
                "2011-01-05",
                None,
                vec![(Q::Representative, "guardian")],
                [
                    vec![
                        Q::StudentAccount,
                        Q::ParentAccount,
                        Q::CertificateStatus,
                        Q::SnilsStatus,
                        Q::Consent,
                        Q::ParentConsent,
                    ],
                    specials.to_vec(),
                ]
                .concat(),
            ),
            // An adult student.
            ("student", "2007-01-05", None, vec![], vec![Q::StudentAccount, Q::Consent]),
            // The parent of an adult: the parent's own login (seed 004).
            ("parent", "2007-01-05", None, vec![], vec![Q::StudentAccount, Q::Consent, Q::ParentConsent]),
            // An account exists: whether the student can get into it.
            (
                "student",
                "2007-01-05",
                None,
                vec![(Q::StudentAccount, "own_unlinked")],
                vec![Q::StudentAccount, Q::Consent, Q::StudentPassword],
            ),
            // A СНИЛС in «Проверка данных» is a pending check too.
            ("parent", "2015-09-01", None, vec![(Q::SnilsStatus, "checking")], create_account(true)),
            // The second parent: the account the other parent created.
            (
                "parent",
                "2015-09-01",
                None,
                vec![(Q::StudentAccount, "created_by_other_parent")],
                [
                    vec![
                        Q::StudentAccount,
                        Q::ParentAccount,
                        Q::CertificateStatus,
                        Q::Consent,
                        Q::StudentPassword,
                        Q::ParentConsent,
                    ],
                    specials.to_vec(),
                ]
                .concat(),
            ),
            // A parent in Orenburg: the application flow.
            ("parent", "2015-09-01", Some("orenburg"), vec![], vec![Q::ParentAccount, Q::Application]),
            (
                "student",
                "2015-09-01",
                Some("orenburg"),
                vec![],
                vec![
                    Q::ParentAccount,
                    Q::StudentAccount,
                    Q::CertificateStatus,
                    Q::SnilsStatus,
                    Q::Consent,
                    Q::Representative,
                    Q::BirthCertificate,
                    Q::Citizenship,
                ],
            ),
        ];
        for (role, birth, region, answers, expect) in cases {
            check(role, birth, region, &answers, &expect);
        }
    }

    #[test]
    fn a_done_tick_marks_its_step_done() {
        use crate::eligibility::{assess, Path as P};
        let cases = [
            ("parent", "2015-09-01", None),
            ("parent", "2015-09-01", Some("orenburg")),
            ("parent", "2015-09-01", Some("ryazan")),
            ("student", "2011-01-05", None),
            ("parent", "2011-01-05", None),
            ("student", "2007-01-05", None),
        ];
        let mut paths = Vec::new();
        for (role, birth, region) in cases {
            let s = situation(role, birth, region, &[]);
            let a = assess(&s);
            paths.push(a.path);
            for step in a.steps.iter().filter(|st| !st.state.is_settled()) {
                let Some((q, v)) = done_answer(step.id, &s) else { continue };
                assert!(q.accepts(v), "{v}");
                let after = assess(&situation(role, birth, region, &[(q, v)]));
                let st = after.steps.iter().find(|st| st.id == step.id);
                assert!(
                    st.is_none_or(|st| st.state.is_settled()),
                    "{role} {birth} {region:?}: {:?} after {q:?}={v}: {st:?}",
                    step.id
                );
            }
        }
        for p in [P::ParentCreatesAccount, P::ChildRegistersParentLinks, P::AdultStudent, P::SchoolApplication] {
            assert!(paths.contains(&p), "{p:?} not covered");
        }
    }

    #[test]
    fn only_questions_that_can_change_the_next_step_decide_it() {
        let clock = parse_local_date_time("2026-03-10T12:00").unwrap();
        let mut input = SituationInput {
            role: Some("student".into()),
            birth_date: Some("2011-01-05".into()),
            ..Default::default()
        };
        assert!(decides_next(&input, clock, Question::StudentAccount));
        Question::StudentAccount.set(&mut input, Some("none".into()));
        // Registering comes first whatever the parent's account is.
        assert!(!decides_next(&input, clock, Question::ParentAccount));
        let mut parent = SituationInput {
            role: Some("parent".into()),
            birth_date: Some("2015-09-01".into()),
            parent_account: Some("confirmed".into()),
            student_account: Some("none".into()),
            certificate_status: Some("checking".into()),
            ..Default::default()
        };
        // A long wait makes «write to support» the next step.
        assert!(decides_next(&parent, clock, Question::CheckRequestedAt));
        parent.certificate_status = Some("verified".into());
        assert!(!decides_next(&parent, clock, Question::Consent));
    }

    #[test]
    fn doubtful_birth_dates() {
        assert!(!birth_date_doubtful(&situation("parent", "2015-09-01", None, &[])));
        assert!(birth_date_doubtful(&situation("parent", "1985-09-01", None, &[])));
        assert!(birth_date_doubtful(&situation("parent", "2023-09-01", None, &[])));
        assert!(!birth_date_doubtful(&situation("student", "2007-01-05", None, &[])));
    }

    #[test]
    fn every_question_and_answer_has_words_and_is_accepted() {
        for q in Question::ALL {
            assert_eq!(Question::parse(q.id()), Some(q));
            assert!(texts::entry(&q.text_id()).is_some(), "{}", q.text_id());
            for v in q.values() {
                let id = q.value_text_id(v);
                let entry = texts::entry(&id).unwrap_or_else(|| panic!("no text {id}"));
                for lang in Lang::ALL {
                    assert!(!entry.get(lang).is_empty(), "{id}");
                }
                assert!(q.accepts(v));
                // Every offered answer is valid input for the engine.
                situation("parent", "2015-09-01", None, &[(q, v)]);
            }
        }
        assert!(texts::entry("ui.q.unknown").is_some());
        assert!(Question::CheckRequestedAt.accepts("2026-03-06T18:00"));
        assert!(!Question::CheckRequestedAt.accepts("2026-03-06"));
        assert!(!Question::Consent.accepts("maybe"));
        assert_eq!(Question::parse("name"), None);
    }
}
