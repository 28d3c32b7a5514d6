//! What the guide shows now, as a pure function of the host's settings,
//! the answers, what the person asked to change and the clock: the birth
//! date, the check that it really is the pupil's, one question, or the
//! plan. Which question matters and which step is next are the rules'
//! answers (`questions`, `decides_next`, `assess`); this only orders the
//! guide's screens around them. Tested natively below.

use crate::state::{Answers, Role};
use diary_rules::eligibility::questions::{birth_date_doubtful, decides_next, questions, Question};
use diary_rules::eligibility::{self as elig, Assessment, RegionArg, Situation, SituationError, SituationInput};

/// What the person asked to change («Изменить», «Назад»).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Edit {
    Birth,
    Question(Question),
}

/// The engine's input from the host's settings and the answers. The role
/// answers «who represents the child» (a guardian or not). `skip`: an
/// answer left out (one the rules refused).
pub(super) fn input(
    role: Role,
    region: &Option<RegionArg>,
    answers: &Answers,
    skip: Option<Question>,
) -> SituationInput {
    let mut input = SituationInput {
        role: Some(role.role().id().to_owned()),
        birth_date: answers.birth_date.clone(),
        // An unknown region id from the host: the generic profile. A host's
        // own profile was validated by mount()/setRegion.
        region: match region {
            Some(RegionArg::Id(id)) if elig::region::embedded(id).is_none() => None,
            other => other.clone(),
        },
        ..SituationInput::default()
    };
    for q in Question::ALL {
        if let Some(v) = answers.get(q).filter(|v| q.accepts(v) && Some(q) != skip && q != Question::Representative) {
            q.set(&mut input, Some(v.to_owned()));
        }
    }
    if role == Role::Guardian {
        Question::Representative.set(&mut input, Some("guardian".to_owned()));
    }
    input
}

/// The situation, or the error of the birth date; a bad answer to another
/// question (the check's time after now) is dropped and reported with it.
pub(super) fn situation(
    role: Role,
    region: &Option<RegionArg>,
    answers: &Answers,
    clock: chrono::NaiveDateTime,
) -> Result<(Situation, Option<(Question, SituationError)>), SituationError> {
    match Situation::from_input(&input(role, region, answers, None), clock) {
        Ok(s) => Ok((s, None)),
        Err(e) if e.field == Question::CheckRequestedAt.field().id() => {
            let q = Question::CheckRequestedAt;
            let s = Situation::from_input(&input(role, region, answers, Some(q)), clock)?;
            Ok((s, Some((q, e))))
        }
        Err(e) => Err(e),
    }
}

/// The questions shown for this situation: the rules' list less the one the
/// role answers (who represents the child).
pub(super) fn asked(s: &Situation) -> Vec<Question> {
    questions(s).into_iter().filter(|q| *q != Question::Representative).collect()
}

/// What the guide shows now.
#[derive(Debug, PartialEq)]
pub(super) enum Stage {
    /// The birth date, with what is wrong with the one given.
    Birth(Option<SituationError>),
    /// Whether the birth date really is the pupil's: the age it gives.
    Confirm(u32),
    /// One question, with what is wrong with its answer.
    Ask(Question, Option<SituationError>),
    /// The next step first, then the whole plan.
    Plan(Box<Assessment>),
}

impl Stage {
    /// Which screen this is (focus moves to its heading when it changes).
    pub(super) fn key(&self) -> String {
        match self {
            Stage::Birth(_) => "birth".to_owned(),
            Stage::Confirm(_) => "confirm".to_owned(),
            Stage::Ask(q, _) => format!("q:{}", q.id()),
            Stage::Plan(a) => format!("plan:{}", a.next.map(|s| s.id()).unwrap_or("")),
        }
    }
}

/// The stage, with the questions the summary lists and the situation the
/// plan is for (`None` while the birth date is missing or wrong).
pub(super) struct Choice {
    pub(super) stage: Stage,
    pub(super) shown: Vec<Question>,
    pub(super) situation: Option<Situation>,
}

/// What the guide shows for these answers: the birth date until there is a
/// valid one (or while it is being changed); then, once, whether a doubtful
/// date is the pupil's; then a refused answer, the question being changed,
/// or the next question that can still change the next step (not a rare
/// case, not answered, not answered «Не знаю»); else the plan. `clock`:
/// the browser's local time (`None`: unknown, the birth date is asked).
pub(super) fn choose(
    role: Role,
    region: &Option<RegionArg>,
    answers: &Answers,
    editing: Option<Edit>,
    clock: Option<chrono::NaiveDateTime>,
) -> Choice {
    let birth = |error| Choice { stage: Stage::Birth(error), shown: Vec::new(), situation: None };
    let (Some(_), Some(clock)) = (&answers.birth_date, clock) else { return birth(None) };
    let (s, bad) = match situation(role, region, answers, clock) {
        Err(e) => return birth(Some(e)),
        Ok(_) if editing == Some(Edit::Birth) => return birth(None),
        Ok(found) => found,
    };
    let shown = asked(&s);
    let stage = if birth_date_doubtful(&s) && !answers.birth_checked {
        Stage::Confirm(s.age_years())
    } else if let Some((q, e)) = bad {
        Stage::Ask(q, Some(e))
    } else if let Some(Edit::Question(q)) = editing {
        Stage::Ask(q, None)
    } else {
        let base = input(role, region, answers, None);
        let next = shown.iter().copied().find(|q| {
            !q.is_special_case()
                && answers.get(*q).is_none()
                && !answers.is_unknown(*q)
                && decides_next(&base, clock, *q)
        });
        match next {
            Some(q) => Stage::Ask(q, None),
            None => Stage::Plan(Box::new(elig::assess(&s))),
        }
    };
    Choice { stage, shown, situation: Some(s) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diary_rules::eligibility::{parse_local_date_time, SituationProblem, StepId};
    use Question as Q;

    /// The stage's kind, its question and its error's problem, and the next
    /// step of the plan: what a case expects.
    #[derive(Debug, PartialEq)]
    enum Shows {
        Birth(Option<&'static str>),
        Confirm(u32),
        Ask(Question, Option<&'static str>),
        Plan(Option<StepId>),
    }

    fn shows(stage: &Stage) -> Shows {
        let problem = |e: &Option<SituationError>| e.as_ref().map(|e| e.problem.id());
        match stage {
            Stage::Birth(e) => Shows::Birth(problem(e)),
            Stage::Confirm(age) => Shows::Confirm(*age),
            Stage::Ask(q, e) => Shows::Ask(*q, problem(e)),
            Stage::Plan(a) => Shows::Plan(a.next),
        }
    }

    fn answers(birth: Option<&str>, given: &[(Question, &str)], unknown: &[Question], checked: bool) -> Answers {
        let mut a = Answers { birth_date: birth.map(str::to_owned), birth_checked: checked, ..Answers::default() };
        for (q, v) in given {
            a = a.with(*q, Some((*v).to_owned()));
        }
        for q in unknown {
            a = a.with_unknown(*q);
        }
        a
    }

    #[test]
    fn the_guide_shows_one_stage_for_each_situation() {
        let clock = parse_local_date_time("2026-03-10T12:00");
        let all_parent = [
            (Q::ParentAccount, "confirmed"),
            (Q::StudentAccount, "created_by_parent"),
            (Q::Consent, "given"),
            (Q::StudentPassword, "known"),
            (Q::ParentConsent, "given"),
        ];
        // (who, birth date, answers, «Не знаю», date confirmed, editing, clock known, expected)
        type Case<'a> =
            (Role, Option<&'a str>, Vec<(Question, &'a str)>, Vec<Question>, bool, Option<Edit>, bool, Shows);
        let cases: Vec<Case> = vec![
            // No birth date, or no clock: the birth date.
            (Role::Parent, None, vec![], vec![], false, None, true, Shows::Birth(None)),
            (Role::Parent, Some("2015-09-01"), vec![], vec![], false, None, false, Shows::Birth(None)),
            // A birth date the rules refuse: asked again, with why.
            (
                Role::Parent,
                Some("2030-01-01"),
                vec![],
                vec![],
                false,
                None,
                true,
                Shows::Birth(Some("birth_date_in_future")),
            ),
            // Changing it: the birth date, without an error.
            (Role::Parent, Some("2015-09-01"), vec![], vec![], false, Some(Edit::Birth), true, Shows::Birth(None)),
            // A parent's own date: asked once whether it is the pupil's.
            (Role::Parent, Some("1985-01-05"), vec![], vec![], false, None, true, Shows::Confirm(41)),
            (Role::Parent, Some("2023-01-05"), vec![], vec![], false, None, true, Shows::Confirm(3)),
            (Role::Student, Some("2007-01-05"), vec![], vec![], false, None, true, Shows::Ask(Q::StudentAccount, None)),
            // Then the first question that can change the next step.
            (Role::Parent, Some("2015-09-01"), vec![], vec![], false, None, true, Shows::Ask(Q::ParentAccount, None)),
            (Role::Student, Some("2011-01-05"), vec![], vec![], false, None, true, Shows::Ask(Q::StudentAccount, None)),
            // «Не знаю» moves on.
            (
                Role::Parent,
                Some("2015-09-01"),
                vec![],
                vec![Q::ParentAccount],
                false,
                None,
                true,
                Shows::Ask(Q::StudentAccount, None),
            ),
            // A refused answer (the check's time after now) is asked again.
            (
                Role::Parent,
                Some("2015-09-01"),
                vec![(Q::CertificateStatus, "checking"), (Q::CheckRequestedAt, "2026-03-11T10:00")],
                vec![],
                false,
                None,
                true,
                Shows::Ask(Q::CheckRequestedAt, Some(SituationProblem::AfterNow.id())),
            ),
            // «Изменить» on a question: that question.
            (
                Role::Parent,
                Some("2015-09-01"),
                all_parent.to_vec(),
                vec![],
                false,
                Some(Edit::Question(Q::Consent)),
                true,
                Shows::Ask(Q::Consent, None),
            ),
            // Every question answered: the plan, all done.
            (Role::Parent, Some("2015-09-01"), all_parent.to_vec(), vec![], false, None, true, Shows::Plan(None)),
            // Nothing left that could change the next step: the plan.
            (
                Role::Parent,
                Some("2015-09-01"),
                vec![(Q::ParentAccount, "none")],
                vec![],
                false,
                None,
                true,
                Shows::Plan(Some(StepId::ParentAccount)),
            ),
            // An adult's date confirmed: the plan of the adult student.
            (
                Role::Parent,
                Some("1985-01-05"),
                vec![(Q::StudentAccount, "none")],
                vec![],
                true,
                None,
                true,
                Shows::Plan(Some(StepId::AdultAccount)),
            ),
        ];
        for (role, birth, given, unknown, checked, editing, known, expect) in cases {
            let a = answers(birth, &given, &unknown, checked);
            let choice = choose(role, &None, &a, editing, clock.filter(|_| known));
            assert_eq!(shows(&choice.stage), expect, "{role:?} {birth:?} {given:?} {unknown:?} {editing:?}");
            assert_eq!(choice.situation.is_some(), !matches!(choice.stage, Stage::Birth(_)));
        }
    }

    #[test]
    fn a_guardian_is_never_asked_who_represents_the_child() {
        let clock = parse_local_date_time("2026-03-10T12:00");
        let a = answers(Some("2011-01-05"), &[], &[], false);
        let choice = choose(Role::Guardian, &None, &a, None, clock);
        assert!(!choice.shown.contains(&Q::Representative));
        assert!(choice.shown.contains(&Q::BirthCertificate));
        let s = choice.situation.unwrap();
        assert_eq!(s.representative, diary_rules::eligibility::situation::Representative::Guardian);
    }
}
