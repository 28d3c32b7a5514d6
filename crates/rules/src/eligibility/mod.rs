//! The eligibility engine: from a few facts (who is at the page, the
//! student's birth date, statuses seen on Gosuslugi) to who must do what
//! next, what blocks it, how long the wait is and why.
//!
//! Pipeline: [`SituationInput`] (raw strings) → [`Situation`] (validated;
//! errors name the field) → [`assess`] → [`Assessment`]: the path, the steps
//! with actor and state, the diagnosis of «Создать», the wait estimate and
//! the notes that keep the sources' variants and contradictions visible.
//! Everything is ids; words live in `data/eligibility.toml`.
//!
//! ```
//! use diary_rules::eligibility::{assess_input, parse_local_date_time, SituationInput, Path, StepId};
//! let input = SituationInput {
//!     role: Some("parent".into()),
//!     birth_date: Some("2015-09-01".into()),
//!     today: Some("2026-03-10".into()),
//!     parent_account: Some("confirmed".into()),
//!     certificate_status: Some("checking".into()),
//!     ..Default::default()
//! };
//! let clock = parse_local_date_time("2026-03-10T12:00").unwrap();
//! let a = assess_input(&input, clock).unwrap();
//! assert_eq!(a.path, Path::ParentCreatesAccount);
//! assert_eq!(a.next, Some(StepId::CertificateCheck));
//! assert!(!a.create_button.unwrap().visible);
//! ```

use crate::id::closed_set;

pub mod calendar;
pub mod create_button;
pub mod links;
pub mod questions;
pub mod region;
mod schema;
pub mod situation;
pub mod steps;
pub mod wait;

use chrono::NaiveDateTime;

pub use create_button::{CreateButton, Missing, Unknown};
pub use links::{all as fixed_links, FixedLink};
pub use region::RegionProfile;
pub use situation::{
    format_local_date_time, parse_local_date_time, RegionArg, Role, Situation, SituationError, SituationInput,
    SituationProblem,
};
pub use steps::{Actor, LinkLabel, Step, StepId, StepLink, StepState};
pub use wait::CheckEstimate;

use crate::age::AgeGroup;
use region::{LoginFlow, ParentFlow};
use situation::{CheckStage, SnilsStatus, StudentAccount};
use steps::{Condition, Part};

closed_set!(
    /// The path the student's situation puts them on.
    Path {
        /// Under 14: a parent creates the child's account («Создать»).
        ParentCreatesAccount => "parent_creates_account",
        /// 14–17 (or a younger child with an own account): the child registers,
        /// a parent links it with a code and consents.
        ChildRegistersParentLinks => "child_registers_parent_links",
        /// 18 and over: the student acts alone.
        AdultStudent => "adult_student",
        /// A parent in a region with the application flow (seed 002).
        SchoolApplication => "school_application",
    }
);

impl Path {
    /// The id of the text naming the path (the parent's words).
    pub fn text_id(self) -> String {
        format!("elig.path.{}", self.id())
    }

    /// The id of the text naming the path for `role`'s reader.
    pub fn text_id_for(self, role: Role) -> String {
        reader_text_id(self.text_id(), role)
    }

    /// The id of the text naming the path for this situation's reader: a
    /// guardian reads `<id>_guardian` where the data has one (not «родитель»).
    pub fn text_id_in(self, s: &Situation) -> String {
        guardian_text_id(self.text_id_for(s.role), s)
    }
}

/// `<id>_guardian` for a guardian reader where the data has one, else `id`.
pub fn guardian_text_id(id: String, s: &Situation) -> String {
    if s.role == Role::Parent && s.representative == situation::Representative::Guardian {
        if let Some(e) = crate::texts::variant(&id, "guardian") {
            return e.id.to_owned();
        }
    }
    id
}

/// The text a reader in `role` sees for `base`: a student gets
/// `<base>_student` where the data has one (written with «ты», about
/// "you", not "the child"); otherwise both read `base`.
///
/// ```
/// use diary_rules::eligibility::{reader_text_id, Role};
/// assert_eq!(reader_text_id("elig.path.parent_creates_account".into(), Role::Parent), "elig.path.parent_creates_account");
/// assert_eq!(reader_text_id("elig.path.parent_creates_account".into(), Role::Student), "elig.path.parent_creates_account_student");
/// assert_eq!(reader_text_id("elig.state.done".into(), Role::Student), "elig.state.done");
/// ```
pub fn reader_text_id(base: String, role: Role) -> String {
    match crate::texts::variant(&base, "student").filter(|_| role == Role::Student) {
        Some(e) => e.id.to_owned(),
        None => base,
    }
}

closed_set!(
    /// A note: a variant or contradiction between the sources, or a caveat.
    NoteId {
        /// Who may create a child's account: under 14 (000, 001), "up to 13
        /// inclusive" (002), any child under 18 (003).
        AgeLimitParentCreated => "age_limit_parent_created",
        /// The auto-update checkbox: off before sending (001, 003) vs off
        /// before adding and on to start the check (002).
        AutoupdateCheckbox => "autoupdate_checkbox",
        /// The check's duration in the different sources.
        CheckDuration => "check_duration",
        /// Conditions met but no «Создать»: support (002).
        CreateButtonSupport => "create_button_support",
        /// Accounts made by a parent are linked automatically (001, 002).
        ParentCreatedAutoLinked => "parent_created_auto_linked",
        /// Both parents can link; the other one is notified (003).
        SecondParent => "second_parent",
        /// Guardian or foreign certificate: documents only at an МФЦ (001).
        MfcOnly => "mfc_only",
        /// Consent holds until revoked (003).
        ConsentUntilRevoked => "consent_until_revoked",
        /// The diary asks «Предоставить» (000, 001, 002).
        GrantAccess => "grant_access",
        /// «Дневник не найден»: the diary's data must match Gosuslugi exactly.
        DiaryDataMatch => "diary_data_match",
        /// The estimate spans a year the calendar data does not cover.
        CalendarNotCovered => "calendar_not_covered",
        /// The estimate spans a year whose calendar has no known decree.
        CalendarUnconfirmed => "calendar_unconfirmed",
        /// Application flow: the child's own login still needs an account.
        SchoolApplicationChildAccount => "school_application_child_account",
        /// The profile follows seed 003: a parent may create the account of any
        /// child under 18.
        ParentMayCreateUntil18 => "parent_may_create_until_18",
        /// The child turns 14 within [`TURNS_14_WINDOW_DAYS`] days and has no
        /// account yet: after the birthday «Создать» is gone (002).
        Turns14Soon => "turns_14_soon",
    }
);

/// How many days ahead the note `turns_14_soon` looks.
pub const TURNS_14_WINDOW_DAYS: u64 = 30;

impl NoteId {
    /// The steps the note is practical advice for, in preference order: a
    /// panel shows it inside the first of them on the plan. Empty: the
    /// note is about the sources disagreeing, not about one step.
    pub fn steps(self) -> &'static [StepId] {
        use StepId as S;
        match self {
            NoteId::AgeLimitParentCreated | NoteId::ParentMayCreateUntil18 => &[],
            NoteId::AutoupdateCheckbox => &[S::CertificateCheck, S::SnilsCheck],
            NoteId::CheckDuration | NoteId::CalendarNotCovered | NoteId::CalendarUnconfirmed => {
                &[S::CheckOverdue, S::CertificateCheck, S::SnilsCheck, S::MfcDocuments]
            }
            NoteId::CreateButtonSupport | NoteId::Turns14Soon => &[S::CreateChildAccount],
            NoteId::ParentCreatedAutoLinked | NoteId::SecondParent => &[S::LinkCode],
            NoteId::MfcOnly => &[S::MfcDocuments],
            NoteId::ConsentUntilRevoked => &[S::ConsentForChild],
            NoteId::GrantAccess => &[S::ApplicationGrant, S::ParentDiaryLogin, S::StudentDiaryLogin, S::StudentConsent],
            NoteId::DiaryDataMatch => &[S::ParentDiaryLogin, S::StudentDiaryLogin, S::StudentConsent, S::SchoolReview],
            NoteId::SchoolApplicationChildAccount => &[S::SchoolReview],
        }
    }

    /// The id of the note's text (which carries the sources).
    pub fn text_id(self) -> String {
        format!("elig.note.{}", self.id())
    }

    /// The id of the note's words inside a plan for `region`: the
    /// auto-update checkbox gets the one instruction the region's own guide
    /// gives, with the other variant as a fallback (see [`AutoupdateWay`]);
    /// every other note reads [`NoteId::text_id`]. A student reads the
    /// `_student` variant (see [`reader_text_id`]).
    pub fn text_id_in(self, region: &RegionProfile) -> String {
        match self {
            NoteId::AutoupdateCheckbox => format!("elig.note.autoupdate_{}", AutoupdateWay::of(region).id()),
            _ => self.text_id(),
        }
    }

    /// The other way the sources give, for a note whose instruction
    /// [`NoteId::text_id_in`] gives one way only: the auto-update
    /// checkbox's fallback ("if the status stays «Данные введены
    /// вручную»"). A panel shows it apart from the instruction, under «Если
    /// в разных инструкциях написано по-разному», so a step holds one
    /// procedure. A student reads the `_student` variant.
    ///
    /// ```
    /// use diary_rules::eligibility::{region::embedded, NoteId};
    /// let kuzbass = embedded("kuzbass").unwrap();
    /// assert_eq!(
    ///     NoteId::AutoupdateCheckbox.fallback_text_id_in(kuzbass).as_deref(),
    ///     Some("elig.note.autoupdate_untick_before_send_fallback")
    /// );
    /// assert_eq!(NoteId::CheckDuration.fallback_text_id_in(kuzbass), None);
    /// ```
    pub fn fallback_text_id_in(self, region: &RegionProfile) -> Option<String> {
        match self {
            NoteId::AutoupdateCheckbox => {
                Some(format!("elig.note.autoupdate_{}_fallback", AutoupdateWay::of(region).id()))
            }
            _ => None,
        }
    }

    /// Whether a panel shows the note before the step's own text, not
    /// after it: «скоро 14» changes what to do now.
    pub fn comes_first(self) -> bool {
        self == NoteId::Turns14Soon
    }

    /// Whether the note tells how the sources disagree (a panel folds it
    /// under «Если в разных инструкциях написано по-разному»).
    pub fn is_disagreement(self) -> bool {
        matches!(self, NoteId::AgeLimitParentCreated | NoteId::CheckDuration)
    }

    /// Whether the note is part of what to do in its step (a panel keeps it
    /// open in the next step's card; the rest is background).
    pub fn is_instruction(self) -> bool {
        matches!(
            self,
            NoteId::Turns14Soon
                | NoteId::AutoupdateCheckbox
                | NoteId::CreateButtonSupport
                | NoteId::MfcOnly
                | NoteId::GrantAccess
        )
    }

    /// The step of `a`'s plan a panel shows the note inside; `None`: the
    /// note is about the sources disagreeing (a drawer of its own).
    /// Mostly the first of [`NoteId::steps`] on the plan; the auto-update
    /// instruction goes to the first of its steps still open (the СНИЛС
    /// check once the certificate passed), and «скоро 14» to the step the
    /// reader is at now, since it changes what to do before the birthday.
    pub fn step_in(self, a: &Assessment) -> Option<StepId> {
        let on_plan = |id: &StepId| a.steps.iter().any(|st| st.id == *id);
        let open = |id: &StepId| a.steps.iter().any(|st| st.id == *id && !st.state.is_settled());
        let first = self.steps().iter().copied().find(on_plan);
        match self {
            NoteId::Turns14Soon => a.next.or(first),
            NoteId::AutoupdateCheckbox => self.steps().iter().copied().find(open).or(first),
            _ => first,
        }
    }

    /// The id of the note's text for `role`'s reader.
    pub fn text_id_for(self, role: Role) -> String {
        reader_text_id(self.text_id(), role)
    }
}

closed_set!(
    /// How to handle the «Автообновление» checkbox when asking ЕГР ЗАГС to
    /// check the certificate: the sources disagree, so a region gets the one
    /// its own guide gives and the other as the fallback "if the status stays
    /// «Данные введены вручную»".
    AutoupdateWay {
        /// Untick «Автообновление для сохранения актуальности документов»
        /// before «Отправить» (seeds 001 Kuzbass, 003 Ryazan).
        UntickBeforeSend => "untick_before_send",
        /// Switch auto-update off before adding the child, then on: that starts
        /// the check (seed 002, Gosuslugi's help as the Orenburg diary quotes it).
        OffThenOn => "off_then_on",
    }
);

impl AutoupdateWay {
    /// The region's way, from its profile alone: seed 002's for a profile
    /// with the school-application flow (Orenburg's); otherwise the way of
    /// seeds 001 and 003, which describe the request window itself (the
    /// generic profile and a host's own profile without that flow).
    ///
    /// ```
    /// use diary_rules::eligibility::{region::embedded, AutoupdateWay};
    /// assert_eq!(AutoupdateWay::of(embedded("orenburg").unwrap()), AutoupdateWay::OffThenOn);
    /// assert_eq!(AutoupdateWay::of(embedded("kuzbass").unwrap()), AutoupdateWay::UntickBeforeSend);
    /// ```
    pub fn of(region: &RegionProfile) -> AutoupdateWay {
        if region.parent_flow == ParentFlow::Application {
            AutoupdateWay::OffThenOn
        } else {
            AutoupdateWay::UntickBeforeSend
        }
    }
}

/// The answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Who is at the page: texts are picked for this reader (see
    /// [`reader_text_id`]).
    pub role: Role,
    /// The student's full years on `today`.
    pub age_years: u32,
    /// The age group those years fall in.
    pub age_group: AgeGroup,
    /// The path the situation puts the student on.
    pub path: Path,
    /// The plan's steps for that path, in order, each with its state.
    pub steps: Vec<Step>,
    /// The first step not done; `None` when every step is done.
    pub next: Option<StepId>,
    /// On the paths where a parent looks for «Создать» (under 14, and 14–17
    /// where it explains why the button is absent); `None` elsewhere.
    pub create_button: Option<CreateButton>,
    /// When `checkRequestedAt` was given.
    pub check_estimate: Option<CheckEstimate>,
    /// The notes (source variants and caveats) that apply to this answer.
    pub notes: Vec<NoteId>,
    /// The region profile the answer used.
    pub region: RegionProfile,
}

impl Assessment {
    /// The status a plan shows for `step` (the `ui.plan.status.<id>`
    /// texts): `"done"`, `"not_needed"`, `"waiting"`, `"now"` for the next
    /// step, else `"later"`. The panel's plan and the static guide both
    /// word it so.
    pub fn plan_status(&self, step: &Step) -> &'static str {
        match step.state {
            StepState::Done => "done",
            StepState::NotNeeded => "not_needed",
            StepState::Waiting => "waiting",
            _ if self.next == Some(step.id) => "now",
            _ => "later",
        }
    }
}

/// The parts every plan ends with, after its own ([`Path::plan`]).
const EVERY_PLAN_ENDS: &[(Option<Condition>, Part)] = &[(Some(Condition::CheckTimeTold), Part::CheckWait)];

impl Path {
    /// The whole plan: the path's own parts ([`Path::plan`]) and those
    /// every plan ends with. [`assess`] builds them; [`questions::questions`]
    /// asks what they read, and what their conditions read.
    pub(crate) fn parts(self) -> impl Iterator<Item = &'static (Option<Condition>, Part)> {
        self.plan().iter().chain(EVERY_PLAN_ENDS)
    }

    /// The parts of the path's plan, in order, each with the condition
    /// that puts it on the plan (`None`: always). [`assess`] builds them;
    /// [`questions::questions`] asks what they read, and what their
    /// conditions read.
    pub(crate) fn plan(self) -> &'static [(Option<Condition>, Part)] {
        use Condition as C;
        use Part as P;
        match self {
            Path::ParentCreatesAccount => &[
                (None, P::ParentAccount),
                (None, P::ChildCard),
                (None, P::DocumentChecks),
                (None, P::Citizenship),
                (None, P::CreateChildAccount),
                (None, P::PasswordRecovery),
                (None, P::ChildLoginOrSchool),
                // Seed 004: the parent's own login has no age limit.
                (Some(C::ParentReads), P::ParentDiaryLogin),
            ],
            Path::ChildRegistersParentLinks => &[
                (None, P::StudentRegister),
                (None, P::PasswordRecovery),
                (None, P::ParentAccount),
                (None, P::ChildCard),
                (Some(C::MfcNeeded), P::DocumentChecks),
                (None, P::Linking),
                (None, P::ChildLogin),
                (Some(C::ParentReads), P::ParentDiaryLogin),
            ],
            Path::AdultStudent => &[
                (None, P::AdultAccount),
                (None, P::PasswordRecovery),
                (None, P::AdultConsent),
                (Some(C::ParentReads), P::ParentDiaryLogin),
            ],
            Path::SchoolApplication => &[(None, P::ParentAccount), (None, P::Application)],
        }
    }
}

/// Picks the path.
fn choose_path(s: &Situation, group: AgeGroup) -> Path {
    if group != AgeGroup::Adult && s.role == Role::Parent && s.region.parent_flow == ParentFlow::Application {
        return Path::SchoolApplication;
    }
    match group {
        AgeGroup::Under14 => match s.student_account {
            Some(StudentAccount::OwnUnlinked | StudentAccount::OwnLinked | StudentAccount::CreatedByOtherParent) => {
                Path::ChildRegistersParentLinks
            }
            _ => Path::ParentCreatesAccount,
        },
        AgeGroup::From14To17 => {
            if s.region.parent_may_create_until_18 && s.student_account == Some(StudentAccount::None) {
                Path::ParentCreatesAccount
            } else {
                Path::ChildRegistersParentLinks
            }
        }
        AgeGroup::Adult => Path::AdultStudent,
    }
}

/// Whether the document check still runs (a status is unknown or pending).
fn check_finished(s: &Situation) -> bool {
    s.certificate_stage().is_some_and(CheckStage::is_final) && s.snils_stage().is_some_and(CheckStage::is_final)
}

/// Assesses a validated situation. Never panics.
pub fn assess(s: &Situation) -> Assessment {
    let age_years = s.age_years();
    let age_group = AgeGroup::of(age_years);
    let path = choose_path(s, age_group);
    // The paths where a parent looks for «Создать» (under 14, and 14–17
    // where it explains why the button is absent).
    let create = matches!(path, Path::ParentCreatesAccount | Path::ChildRegistersParentLinks)
        .then(|| create_button::diagnose(s));
    let mut b = steps::Builder::new(s);
    for &(when, part) in path.parts() {
        if when.is_none_or(|c| c.holds(s)) {
            b.part(part, create.as_ref());
        }
    }
    let estimate = b.estimate.take();
    let steps = b.steps;
    let next = steps.iter().find(|st| !st.state.is_settled()).map(|st| st.id);
    let notes = notes(s, path, &steps, create.as_ref(), estimate.as_ref());
    Assessment {
        role: s.role,
        age_years,
        age_group,
        path,
        steps,
        next,
        create_button: create,
        check_estimate: estimate,
        notes,
        region: s.region.clone(),
    }
}

fn notes(
    s: &Situation,
    path: Path,
    steps: &[Step],
    create: Option<&CreateButton>,
    estimate: Option<&CheckEstimate>,
) -> Vec<NoteId> {
    let has = |id: StepId| steps.iter().any(|st| st.id == id);
    let open = |id: StepId| steps.iter().any(|st| st.id == id && !st.state.is_settled());
    let mut out = Vec::new();
    let minor = path != Path::AdultStudent;
    if minor {
        out.push(NoteId::AgeLimitParentCreated);
    }
    if s.region.parent_may_create_until_18 && minor {
        out.push(NoteId::ParentMayCreateUntil18);
    }
    // No hurry where «Создать» can never come (no Russian certificate or citizenship).
    let never = create.is_some_and(|c| c.never());
    if path == Path::ParentCreatesAccount && open(StepId::CreateChildAccount) && !never && turns_14_soon(s) {
        out.push(NoteId::Turns14Soon);
    }
    // The request that starts the ЗАГС check also starts the СНИЛС check (002).
    // Only while the request is still to be sent: a check under way needs no
    // checkbox advice.
    let to_send = |id: StepId| steps.iter().any(|st| st.id == id && st.state == StepState::Todo);
    if to_send(StepId::CertificateCheck) || s.snils_status == Some(SnilsStatus::EnteredManually) {
        out.push(NoteId::AutoupdateCheckbox);
    }
    if open(StepId::CertificateCheck) || open(StepId::SnilsCheck) || open(StepId::MfcDocuments) || estimate.is_some() {
        out.push(NoteId::CheckDuration);
    }
    if create.is_some_and(|c| c.visible) && open(StepId::CreateChildAccount) {
        out.push(NoteId::CreateButtonSupport);
    }
    if path == Path::ChildRegistersParentLinks {
        out.push(NoteId::ParentCreatedAutoLinked);
        out.push(NoteId::SecondParent);
    }
    if steps::mfc_needed(s) {
        out.push(NoteId::MfcOnly);
    }
    if has(StepId::ConsentForChild) {
        out.push(NoteId::ConsentUntilRevoked);
    }
    if s.region.login_flow == LoginFlow::GrantAccess {
        out.push(NoteId::GrantAccess);
    }
    if path == Path::SchoolApplication {
        out.push(NoteId::SchoolApplicationChildAccount);
    }
    out.push(NoteId::DiaryDataMatch);
    if let Some(e) = estimate {
        if !e.years_not_covered.is_empty() {
            out.push(NoteId::CalendarNotCovered);
        }
        if !e.years_unconfirmed.is_empty() {
            out.push(NoteId::CalendarUnconfirmed);
        }
    }
    out
}

/// Whether a child who is 13 today (and may still get «Создать») turns 14
/// within [`TURNS_14_WINDOW_DAYS`] days.
fn turns_14_soon(s: &Situation) -> bool {
    if create_button::max_age(s) != 13 || s.age_years() != 13 {
        return false;
    }
    s.today
        .checked_add_days(chrono::Days::new(TURNS_14_WINDOW_DAYS))
        .and_then(|later| crate::age::age_on(s.birth_date, later).ok())
        .is_some_and(|age| age >= 14)
}

/// Validates `input` and assesses it. `clock` is the caller's local time
/// (the default for `today` and `now`; see [`Situation::from_input`]).
pub fn assess_input(input: &SituationInput, clock: NaiveDateTime) -> Result<Assessment, SituationError> {
    Situation::from_input(input, clock).map(|s| assess(&s))
}
