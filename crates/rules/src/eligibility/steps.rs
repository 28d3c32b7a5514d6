//! The steps of each path: who acts, in what state, which words.
//!
//! Each step's words are text ids `elig.step.<step>.title` and
//! `elig.step.<step>.<variant>`, where the variant follows the state (e.g.
//! `waiting`, `not_found`, `unknown`). A text is written to the one who acts
//! («вы» to a parent, «ты» to a student); when someone else is at the page (a
//! 14-year-old reading a parent's step, a parent reading the child's step)
//! the variant `<variant>_other` is used where the data has one ("попроси
//! родителя…"). A student reads `<id>_student` where the data has one (a
//! title or a school's step that a parent would read as "the child's").

use super::create_button::CreateButton;
use super::links;
use super::region::{ConsentVia, ProfileLink};
use super::situation::{
    Application, BirthCertificate, CertificateStatus, CheckStage, Citizenship, Consent, ParentAccount, Question,
    Representative, Role, Situation, StudentAccount, StudentPassword,
};
use super::wait::CheckEstimate;
use crate::texts;

use crate::id::closed_set;

closed_set!(
    /// A step's stable id. Documented in docs/api/eligibility.md.
    StepId {
        /// The parent's own Gosuslugi account is confirmed.
        ParentAccount => "parent_account",
        /// The child is in «Документы → Семья и дети» with the certificate.
        ChildCard => "child_card",
        /// The birth certificate is checked in ЕГР ЗАГС («Запросить»).
        CertificateCheck => "certificate_check",
        /// The СНИЛС is found in СФР.
        SnilsCheck => "snils_check",
        /// Guardian or foreign certificate: documents confirmed at an МФЦ.
        MfcDocuments => "mfc_documents",
        /// The check is overdue: contact Gosuslugi support.
        CheckOverdue => "check_overdue",
        /// Not a Russian citizen: Gosuslugi will not create the account.
        Citizenship => "citizenship",
        /// «Создать» in the child's card.
        CreateChildAccount => "create_child_account",
        /// The 14–17 student registers an own account.
        StudentRegister => "student_register",
        /// The parent gets a binding code («Привязать»).
        LinkCode => "link_code",
        /// The student enters the binding code.
        LinkEnterCode => "link_enter_code",
        /// The minor logs into the diary.
        StudentDiaryLogin => "student_diary_login",
        /// A parent consents to the minor's diary login.
        ConsentForChild => "consent_for_child",
        /// The adult student has an own confirmed account.
        AdultAccount => "adult_account",
        /// The adult student logs in and consents at the first login.
        StudentConsent => "student_consent",
        /// The parent logs into the diary and consents at the first login.
        ParentDiaryLogin => "parent_diary_login",
        /// Application flow: log in through Gosuslugi as a private person.
        ApplicationLogin => "application_login",
        /// Application flow: «Предоставить».
        ApplicationGrant => "application_grant",
        /// Application flow: open the access section and start an application.
        ApplicationOpen => "application_open",
        /// Application flow: fill in and send; the diary says it is sent.
        ApplicationSubmit => "application_submit",
        /// Application flow: the school accepts the application.
        SchoolReview => "school_review",
        /// The child's account cannot be made online (no Russian birth
        /// certificate or citizenship): the school says how the child gets
        /// into the diary.
        SchoolAccess => "school_access",
        /// The student cannot get into the own Gosuslugi account: restore the
        /// password (the student online; a parent from the parent's profile).
        PasswordRecovery => "password_recovery",
    }
);

pub use crate::vocab::Actor;

closed_set!(
    /// Where a step stands.
    StepState {
        Done => "done",
        /// Someone has to act.
        Todo => "todo",
        /// Waiting for an agency or the school; nothing to do but wait.
        Waiting => "waiting",
        /// Cannot go on until a problem is fixed (the text says how).
        Blocked => "blocked",
        /// The step does not apply to this situation (a rule says so, e.g. a
        /// parent-created account is linked without a code: seeds 001, 002).
        NotNeeded => "not_needed",
    }
);

impl StepState {
    /// Whether nothing is left to do in the step: done, or not needed.
    pub fn is_settled(self) -> bool {
        matches!(self, StepState::Done | StepState::NotNeeded)
    }
}

/// One part of a path's plan: one call of the step [`Builder`], which
/// pushes one step or the few that belong together. A path is a list of
/// parts ([`super::Path::plan`]): [`super::assess`] builds them, and
/// [`super::questions::questions`] asks what they read ([`Part::reads`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// [`StepId::ParentAccount`].
    ParentAccount,
    /// [`StepId::ChildCard`].
    ChildCard,
    /// The certificate's and the СНИЛС's checks, or the МФЦ visit.
    DocumentChecks,
    /// [`StepId::Citizenship`], when it blocks the account.
    Citizenship,
    /// [`StepId::CreateChildAccount`].
    CreateChildAccount,
    /// The child's login and the consent, or, when no account can exist,
    /// the school's way into the diary ([`StepId::SchoolAccess`]).
    ChildLoginOrSchool,
    /// The child's login and the consent.
    ChildLogin,
    /// [`StepId::PasswordRecovery`], when the password is forgotten.
    PasswordRecovery,
    /// [`StepId::StudentRegister`].
    StudentRegister,
    /// The binding code: [`StepId::LinkCode`], [`StepId::LinkEnterCode`].
    Linking,
    /// [`StepId::AdultAccount`].
    AdultAccount,
    /// [`StepId::StudentConsent`].
    AdultConsent,
    /// [`StepId::ParentDiaryLogin`].
    ParentDiaryLogin,
    /// The school-application flow: from the login to the school's review.
    Application,
    /// The wait estimate of the document checks, and [`StepId::CheckOverdue`]
    /// when the wait is over its basis: the part every plan ends with
    /// ([`super::Path::parts`]), on the plan once the request's time is told.
    CheckWait,
}

/// A condition on the situation, as data: what puts a part on a path's
/// plan ([`super::Path::plan`]), or what settles one of a part's reads
/// (an earlier answer decides the step, so a wizard does not ask it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Condition {
    /// The parent at the page made the account from the own profile: it is
    /// linked, and the documents passed (seeds 001, 002).
    ParentMade,
    /// The account is linked to the parent at the page (made there, or
    /// linked with a code).
    Linked,
    /// No account is known to exist: there is no password to forget.
    NoKnownAccount,
    /// A guardian or a foreign certificate: the documents are confirmed at
    /// an МФЦ (seed 001), not checked online.
    MfcNeeded,
    /// No document check is under way (neither status is «Проверка
    /// данных» or «Поиск данных») and none was told to be requested: the
    /// request's time changes nothing.
    NoCheckUnderWay,
    /// A parent (or guardian) reads the plan.
    ParentReads,
    /// The time the document check was requested is told.
    CheckTimeTold,
}

impl Condition {
    /// Whether the condition holds for `s`.
    pub(crate) fn holds(self, s: &Situation) -> bool {
        match self {
            Condition::ParentMade => s.student_account == Some(StudentAccount::CreatedByParent),
            Condition::Linked => linked(s),
            Condition::NoKnownAccount => !has_account(s),
            Condition::MfcNeeded => mfc_needed(s),
            Condition::NoCheckUnderWay => {
                let pending =
                    s.certificate_stage() == Some(CheckStage::Pending) || s.snils_stage() == Some(CheckStage::Pending);
                !pending && s.check_requested_at.is_none()
            }
            Condition::ParentReads => s.role == Role::Parent,
            Condition::CheckTimeTold => s.check_requested_at.is_some(),
        }
    }

    /// The questions the condition reads: where it decides whether a part
    /// is on the plan, a wizard asks them even when it does not hold.
    pub(crate) const fn reads(self) -> &'static [Question] {
        match self {
            Condition::ParentMade | Condition::Linked | Condition::NoKnownAccount => &[Question::StudentAccount],
            Condition::MfcNeeded => &[Question::Representative, Question::BirthCertificate],
            Condition::NoCheckUnderWay => {
                &[Question::CertificateStatus, Question::SnilsStatus, Question::CheckRequestedAt]
            }
            // The time is asked where a part reads it (the document
            // checks); once told it puts the wait on any path.
            Condition::ParentReads | Condition::CheckTimeTold => &[],
        }
    }
}

/// A question a part reads, and the conditions that settle it (any one).
pub(crate) type Read = (Question, &'static [Condition]);

/// [`Part::CheckWait`]'s reads: what tells whether a check is under way
/// ([`Condition::NoCheckUnderWay`]'s reads), none settled by an earlier
/// answer. Derived, so the two lists cannot drift apart.
const CHECK_WAIT_READS: [Read; Condition::NoCheckUnderWay.reads().len()] =
    unsettled(Condition::NoCheckUnderWay.reads());

/// `questions` as reads no earlier answer settles. `N` is the length of
/// `questions` (a longer `N` fails to compile: the index is out of bounds).
#[allow(clippy::indexing_slicing, reason = "evaluated at compile time: an index out of bounds fails the build")]
const fn unsettled<const N: usize>(questions: &[Question]) -> [Read; N] {
    let mut reads: [Read; N] = [(Question::CheckRequestedAt, &[]); N];
    let mut i = 0;
    while i < N {
        reads[i] = (questions[i], &[]);
        i += 1;
    }
    reads
}

impl Part {
    /// The questions whose answers decide the part's steps, in the order
    /// a wizard asks them, each with the conditions under which an earlier
    /// answer already settles it. The one list a new question's step adds
    /// its read to: the wizard's questions are derived from these.
    pub(crate) fn reads(self) -> &'static [Read] {
        use Condition as C;
        use Question as Q;
        match self {
            Part::ParentAccount => &[(Q::ParentAccount, &[])],
            Part::ChildCard => &[(Q::StudentAccount, &[]), (Q::CertificateStatus, &[C::Linked])],
            Part::DocumentChecks => &[
                (Q::StudentAccount, &[]),
                (Q::Representative, &[]),
                (Q::BirthCertificate, &[]),
                // The МФЦ visit is told by its «Сделано» tick; the card's
                // status is asked for the child card.
                (Q::CertificateStatus, &[C::ParentMade, C::MfcNeeded]),
                (Q::SnilsStatus, &[C::ParentMade]),
                // The wait estimate (and «check overdue») of the checks.
                (Q::CheckRequestedAt, &[C::ParentMade, C::NoCheckUnderWay]),
            ],
            Part::Citizenship => &[(Q::StudentAccount, &[]), (Q::Citizenship, &[])],
            Part::CreateChildAccount | Part::StudentRegister | Part::Linking | Part::AdultAccount => {
                &[(Q::StudentAccount, &[])]
            }
            Part::ChildLoginOrSchool | Part::ChildLogin | Part::AdultConsent => &[(Q::Consent, &[])],
            Part::PasswordRecovery => &[(Q::StudentAccount, &[]), (Q::StudentPassword, &[C::NoKnownAccount])],
            Part::ParentDiaryLogin => &[(Q::ParentConsent, &[])],
            Part::Application => &[(Q::Application, &[])],
            // On any path the wait is overdue until the statuses say the
            // check ended: they are asked once the time is known, the same
            // questions that tell whether a check is under way.
            Part::CheckWait => &CHECK_WAIT_READS,
        }
    }
}

/// Whether the student has a Gosuslugi account of any kind.
pub(crate) fn has_account(s: &Situation) -> bool {
    matches!(s.student_account, Some(a) if a != StudentAccount::None)
}

/// Whether the account is linked to the parent at the page.
fn linked(s: &Situation) -> bool {
    matches!(s.student_account, Some(StudentAccount::CreatedByParent | StudentAccount::OwnLinked))
}

/// Whether the documents are confirmed at an МФЦ (a guardian, a foreign
/// certificate: seed 001).
pub(crate) fn mfc_needed(s: &Situation) -> bool {
    s.representative == Representative::Guardian || s.birth_certificate == BirthCertificate::Foreign
}

/// A link's label: a text id, or the profile's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkLabel {
    /// The id of the label's text (shown in the reader's language).
    TextId(String),
    /// The region profile's own words, shown as they are.
    Literal(String),
}

/// A link under a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLink {
    /// The address (an `https:` page).
    pub href: String,
    /// What the link says.
    pub label: LinkLabel,
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Which step this is.
    pub id: StepId,
    /// Who does it.
    pub actor: Actor,
    /// Whether it is done, to do, waiting, blocked or not needed.
    pub state: StepState,
    /// The text id of its title, for this reader (the `_student` or
    /// `_guardian` variant where the data has one).
    pub title_id: String,
    /// The text id of what to do, for this reader and this state.
    pub text_id: String,
    /// Where to do it, if there is one page for it.
    pub link: Option<StepLink>,
    /// Values for `{name}` placeholders in the texts (the profile's names).
    pub params: Vec<(&'static str, String)>,
}

impl Step {
    /// The sources of the step's words, without repeats.
    pub fn sources(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for id in [&self.title_id, &self.text_id] {
            if let Some(e) = texts::entry(id) {
                for s in e.sources {
                    if !out.contains(s) {
                        out.push(s);
                    }
                }
            }
        }
        out
    }
}

/// Builds steps for one situation.
pub(crate) struct Builder<'a> {
    pub situation: &'a Situation,
    pub steps: Vec<Step>,
    /// The checks' wait, once [`Part::CheckWait`] is built.
    pub estimate: Option<CheckEstimate>,
}

fn fixed_link(id: &str) -> Option<StepLink> {
    links::get(id).map(|l| StepLink { href: l.href.to_owned(), label: LinkLabel::TextId(format!("elig.link.{id}")) })
}

fn profile_link(link: &Option<ProfileLink>) -> Option<StepLink> {
    link.as_ref().map(|l| StepLink { href: l.href.clone(), label: LinkLabel::Literal(l.label.clone()) })
}

impl<'a> Builder<'a> {
    pub fn new(situation: &'a Situation) -> Builder<'a> {
        Builder { situation, steps: Vec::new(), estimate: None }
    }

    /// Whether the one at the page does steps of `actor` (МФЦ visits and
    /// support calls are the adult's errands).
    fn viewer_acts(&self, actor: Actor) -> bool {
        matches!(
            (self.situation.role, actor),
            (Role::Parent, Actor::Parent | Actor::Mfc | Actor::Support)
                | (Role::Student, Actor::Student)
                | (_, Actor::School)
        )
    }

    fn push(&mut self, id: StepId, actor: Actor, state: StepState, variant: &str, link: Option<StepLink>) {
        let role = self.situation.role;
        let base = format!("elig.step.{}.{}", id.id(), variant);
        // The student's «ты» words; else, for a step someone else does, the
        // words about them (`_other`) where the data has those.
        let text_id = match texts::variant(&base, "student").filter(|_| role == Role::Student) {
            Some(e) => e.id.to_owned(),
            None if !self.viewer_acts(actor) => texts::variant(&base, "other").map_or(base, |e| e.id.to_owned()),
            None => base,
        };
        let text_id = self.region_sourced(id, text_id);
        self.steps.push(Step {
            id,
            actor,
            state,
            title_id: super::guardian_text_id(
                super::reader_text_id(format!("elig.step.{}.title", id.id()), role),
                self.situation,
            ),
            text_id,
            link,
            params: Vec::new(),
        });
    }

    /// A diary-side step's words in a region whose sources are named seeds
    /// that do not include the text's own: the `<id>_general` variant,
    /// which claims no message or screen of another region's diary (the
    /// Kuzbass seeds 000/001 never describe the consent request of seed 003).
    fn region_sourced(&self, id: StepId, text_id: String) -> String {
        if !is_diary_side(id) {
            return text_id;
        }
        let region = &self.situation.region.source;
        let seeded = !region.is_empty() && region.iter().all(|r| r.starts_with("seeds/"));
        match texts::entry(&text_id) {
            Some(e) if seeded && !e.sources.iter().any(|s| region.iter().any(|r| r == s)) => {
                texts::variant(&text_id, "general").map_or(text_id, |g| g.id.to_owned())
            }
            _ => text_id,
        }
    }

    fn has_account(&self) -> bool {
        has_account(self.situation)
    }

    fn linked(&self) -> bool {
        linked(self.situation)
    }

    fn mfc_needed(&self) -> bool {
        mfc_needed(self.situation)
    }

    /// Builds one part of the plan. `button`: the diagnosis of «Создать»
    /// on the paths that have one.
    pub fn part(&mut self, part: Part, button: Option<&CreateButton>) {
        match part {
            Part::ParentAccount => self.parent_account(),
            Part::ChildCard => self.child_card(),
            Part::DocumentChecks => self.document_checks(),
            Part::Citizenship => self.citizenship(),
            Part::CreateChildAccount => {
                if let Some(button) = button {
                    self.create_child_account(button);
                }
            }
            // No account can exist: no child login, no consent for it.
            Part::ChildLoginOrSchool if button.is_some_and(CreateButton::never) && !self.has_account() => {
                self.school_access()
            }
            Part::ChildLoginOrSchool | Part::ChildLogin => self.minor_consent_and_login(),
            Part::PasswordRecovery => self.password_recovery(),
            Part::StudentRegister => self.student_register(),
            Part::Linking => self.linking(),
            Part::AdultAccount => self.adult_account(),
            Part::AdultConsent => self.adult_consent(),
            Part::ParentDiaryLogin => {
                let adult = crate::age::AgeGroup::of(self.situation.age_years()) == crate::age::AgeGroup::Adult;
                self.parent_diary_login(adult)
            }
            Part::Application => self.application(),
            Part::CheckWait => self.check_wait(),
        }
    }

    /// The checks' wait from the told request time; «contact support» when
    /// it is overdue. The check also counts as finished when every check
    /// step is already done: a later step (e.g. the child's account exists)
    /// proves the documents passed, even if a stale status was entered.
    fn check_wait(&mut self) {
        let Some(at) = self.situation.check_requested_at else { return };
        let finished = super::check_finished(self.situation) || self.checks_done();
        let estimate = super::wait::estimate(at, self.situation.now, finished);
        if estimate.overdue {
            self.check_overdue();
        }
        self.estimate = Some(estimate);
    }

    fn diary_link(&self) -> Option<StepLink> {
        profile_link(&self.situation.region.diary_site)
    }

    pub fn parent_account(&mut self) {
        let (state, variant) = match self.situation.parent_account_or_implied() {
            Some(ParentAccount::Confirmed) => (StepState::Done, "done"),
            Some(ParentAccount::None) => (StepState::Todo, "none"),
            Some(ParentAccount::Simplified | ParentAccount::Standard) => (StepState::Todo, "not_confirmed"),
            None => (StepState::Todo, "unknown"),
        };
        // Registering is the how-to for no account; confirming one is asked
        // of Gosuslugi support (the seeds describe no online way).
        let link = match variant {
            "done" => None,
            "not_confirmed" => fixed_link("gosuslugi_support"),
            _ => fixed_link("gosuslugi_register"),
        };
        self.push(StepId::ParentAccount, Actor::Parent, state, variant, link);
    }

    pub fn child_card(&mut self) {
        let (state, variant) = match self.situation.certificate_status {
            // A parent-made or linked account needed the card.
            _ if self.linked() => (StepState::Done, "done"),
            Some(CertificateStatus::NotAdded) => (StepState::Todo, "todo"),
            Some(_) => (StepState::Done, "done"),
            // The news for a foreign certificate is not the card but what
            // follows from it (seeds 001, 003): said in the step that is now.
            None if self.situation.birth_certificate == BirthCertificate::Foreign => {
                (StepState::Todo, "unknown_foreign")
            }
            None => (StepState::Todo, "unknown"),
        };
        let link = if state == StepState::Done { None } else { fixed_link("gosuslugi_family") };
        self.push(StepId::ChildCard, Actor::Parent, state, variant, link);
    }

    /// The document check: online (certificate, then СНИЛС) or, for a
    /// guardian or a foreign certificate, at an МФЦ.
    pub fn document_checks(&mut self) {
        let parent_made = self.situation.student_account == Some(StudentAccount::CreatedByParent);
        if self.mfc_needed() {
            let (state, variant) = match self.situation.certificate_status {
                _ if parent_made => (StepState::Done, "done"),
                Some(CertificateStatus::Verified) => (StepState::Done, "done"),
                _ if self.situation.birth_certificate == BirthCertificate::Foreign => (StepState::Todo, "foreign"),
                _ => (StepState::Todo, "guardian"),
            };
            self.push(StepId::MfcDocuments, Actor::Mfc, state, variant, None);
        } else {
            let (state, variant) = check_step(self.situation.certificate_stage(), parent_made);
            let link = if state == StepState::Done { None } else { fixed_link("gosuslugi_family") };
            self.push(StepId::CertificateCheck, Actor::Parent, state, variant, link);
        }
        let (state, variant) = check_step(self.situation.snils_stage(), parent_made);
        self.push(StepId::SnilsCheck, Actor::Parent, state, variant, None);
    }

    pub fn citizenship(&mut self) {
        if self.situation.citizenship == Citizenship::Other && !self.has_account() {
            self.push(StepId::Citizenship, Actor::Parent, StepState::Blocked, "other", None);
        }
    }

    pub fn create_child_account(&mut self, button: &CreateButton) {
        let (state, variant) = if self.has_account() {
            (StepState::Done, "done")
        } else if button.never() {
            // No wait or fix brings the button: say so, promise nothing.
            (StepState::Blocked, "never")
        } else if !button.missing.is_empty() {
            (StepState::Blocked, "blocked")
        } else if button.visible {
            (StepState::Todo, "todo")
        } else {
            (StepState::Todo, "unknown")
        };
        let link = if matches!(variant, "done" | "never") { None } else { fixed_link("gosuslugi_child_account") };
        self.push(StepId::CreateChildAccount, Actor::Parent, state, variant, link);
    }

    /// The child's account cannot be made online: the school decides how the
    /// child gets into the diary (seed 001: problems with the diary go to the
    /// child's school). Replaces the child's login and the consent, which
    /// both need an account.
    pub fn school_access(&mut self) {
        self.push(StepId::SchoolAccess, Actor::School, StepState::Todo, "todo", None);
    }

    /// Whether the student has an account and cannot get into it.
    fn password_forgotten(&self) -> bool {
        self.situation.student_password == Some(StudentPassword::Forgotten)
            && self.situation.student_account != Some(StudentAccount::None)
    }

    /// Restoring the student's Gosuslugi password (seeds 002, 003, 004): the
    /// parent acts when the account is managed from the parent's profile
    /// (created there, or linked), otherwise the student.
    pub fn password_recovery(&mut self) {
        if !self.password_forgotten() {
            return;
        }
        let minor = crate::age::AgeGroup::of(self.situation.age_years()) != crate::age::AgeGroup::Adult;
        let managed =
            matches!(self.situation.student_account, Some(StudentAccount::CreatedByParent | StudentAccount::OwnLinked));
        let link = fixed_link("gosuslugi_child_account");
        if minor && managed {
            self.push(StepId::PasswordRecovery, Actor::Parent, StepState::Todo, "parent", link);
        } else {
            self.push(StepId::PasswordRecovery, Actor::Student, StepState::Todo, "own", None);
        }
    }

    pub fn student_register(&mut self) {
        let (state, variant) = match self.situation.student_account {
            Some(StudentAccount::CreatedByParent) => (StepState::Done, "created_by_parent"),
            Some(StudentAccount::CreatedByOtherParent) => (StepState::Done, "created_by_other_parent"),
            Some(StudentAccount::OwnUnlinked | StudentAccount::OwnLinked) => (StepState::Done, "done"),
            Some(StudentAccount::None) => (StepState::Todo, "todo"),
            None => (StepState::Todo, "unknown"),
        };
        let link = if state == StepState::Done { None } else { fixed_link("gosuslugi_register") };
        self.push(StepId::StudentRegister, Actor::Student, state, variant, link);
    }

    /// The binding code (seeds 001, 002, 003). An account the parent made
    /// from the own profile is linked automatically: no code, so both steps
    /// are «не нужно» (seeds 001, 002), never «сделано».
    pub fn linking(&mut self) {
        let linked = self.linked();
        let parent_made = self.situation.student_account == Some(StudentAccount::CreatedByParent);
        let second = self.situation.student_account == Some(StudentAccount::CreatedByOtherParent);
        let (state, variant) = match self.situation.student_account {
            _ if parent_made => (StepState::NotNeeded, "not_needed"),
            _ if linked => (StepState::Done, "done"),
            _ if second => (StepState::Todo, "second_parent"),
            None => (StepState::Todo, "unknown"),
            Some(_) => (StepState::Todo, "todo"),
        };
        let link = if state.is_settled() { None } else { fixed_link("gosuslugi_family") };
        self.push(StepId::LinkCode, Actor::Parent, state, variant, link);
        let (state, variant) = match () {
            _ if parent_made => (StepState::NotNeeded, "not_needed"),
            _ if linked => (StepState::Done, "done"),
            _ if second => (StepState::Todo, "second_parent"),
            _ => (StepState::Todo, "todo"),
        };
        self.push(StepId::LinkEnterCode, Actor::Student, state, variant, None);
    }

    /// The minor's consent and login, in the profile's order: with
    /// notifications the child's first login attempt triggers the request;
    /// with «Школьное портфолио» the parent consents first.
    pub fn minor_consent_and_login(&mut self) {
        let consent = self.situation.consent;
        let consent_step = |b: &mut Builder, todo_variant: &str| {
            let (state, variant) = match consent {
                Some(Consent::Given) => (StepState::Done, "done"),
                Some(Consent::Requested) => (StepState::Todo, "requested"),
                Some(Consent::Revoked) => (StepState::Todo, "revoked"),
                _ => (StepState::Todo, todo_variant),
            };
            b.push(StepId::ConsentForChild, Actor::Parent, state, variant, None);
        };
        match self.situation.region.consent_via {
            ConsentVia::Notification => {
                let (state, variant) = match consent {
                    Some(Consent::Requested | Consent::Given) => (StepState::Done, "done"),
                    Some(Consent::Revoked) => (StepState::Todo, "revoked"),
                    _ => (StepState::Todo, "first_try"),
                };
                let link = self.diary_link();
                self.push(StepId::StudentDiaryLogin, Actor::Student, state, variant, link);
                consent_step(self, "notification");
            }
            ConsentVia::Portfolio => {
                consent_step(self, "portfolio");
                let (state, variant) = match consent {
                    Some(Consent::Given) => (StepState::Done, "done"),
                    Some(Consent::Revoked) => (StepState::Todo, "revoked"),
                    _ => (StepState::Todo, "after_consent"),
                };
                let link = self.diary_link();
                self.push(StepId::StudentDiaryLogin, Actor::Student, state, variant, link);
            }
        }
    }

    pub fn adult_account(&mut self) {
        let (state, variant) = match self.situation.student_account {
            Some(StudentAccount::None) => (StepState::Todo, "todo"),
            Some(_) => (StepState::Done, "done"),
            None => (StepState::Todo, "unknown"),
        };
        let link = if state == StepState::Done { None } else { fixed_link("gosuslugi_register") };
        self.push(StepId::AdultAccount, Actor::Student, state, variant, link);
    }

    /// The adult student's own consent at the first diary login.
    pub fn adult_consent(&mut self) {
        let (state, variant) = match self.situation.consent {
            Some(Consent::Given) => (StepState::Done, "done"),
            Some(Consent::Requested) => (StepState::Todo, "requested"),
            Some(Consent::Revoked) => (StepState::Todo, "revoked"),
            _ => (StepState::Todo, "first_login"),
        };
        let link = self.diary_link();
        self.push(StepId::StudentConsent, Actor::Student, state, variant, link);
    }

    /// The parent's own diary login (seed 004): no age limit, so it is there
    /// for the parent of an adult student too (`adult`).
    pub fn parent_diary_login(&mut self, adult: bool) {
        let (state, variant) = match self.situation.parent_consent {
            Some(Consent::Given) => (StepState::Done, "done"),
            Some(Consent::Requested) => (StepState::Todo, "requested"),
            Some(Consent::Revoked) => (StepState::Todo, "revoked"),
            _ if adult => (StepState::Todo, "adult"),
            _ => (StepState::Todo, "todo"),
        };
        let link = self.diary_link();
        self.push(StepId::ParentDiaryLogin, Actor::Parent, state, variant, link);
    }

    pub fn application(&mut self) {
        let application = self.situation.application;
        // Any answer past "not submitted" means the parent got as far as the form.
        let reached_form = matches!(application, Some(a) if a != Application::NotSubmitted);
        let state = if reached_form { StepState::Done } else { StepState::Todo };
        let variant = if reached_form { "done" } else { "todo" };
        let link = if reached_form { None } else { self.diary_link() };
        self.push(StepId::ApplicationLogin, Actor::Parent, state, variant, link);
        self.push(StepId::ApplicationGrant, Actor::Parent, state, variant, None);
        self.push(StepId::ApplicationOpen, Actor::Parent, state, variant, None);
        let (state, variant) = match application {
            Some(Application::Submitted | Application::Accepted | Application::Rejected) => (StepState::Done, "done"),
            Some(Application::StudentNotFound) => (StepState::Blocked, "student_not_found"),
            _ => (StepState::Todo, "todo"),
        };
        self.push(StepId::ApplicationSubmit, Actor::Parent, state, variant, None);
        let (state, variant) = match application {
            Some(Application::Accepted) => (StepState::Done, "done"),
            Some(Application::Submitted) => (StepState::Waiting, "waiting"),
            Some(Application::Rejected) => (StepState::Blocked, "rejected"),
            _ => (StepState::Todo, "todo"),
        };
        self.push(StepId::SchoolReview, Actor::School, state, variant, None);
        if let Some(names) = &self.situation.region.application {
            let params = vec![
                ("access_section", names.access_section.clone()),
                ("apply_button", names.apply_button.clone()),
                ("submitted_message", names.submitted_message.clone()),
            ];
            for step in &mut self.steps {
                if matches!(step.id, StepId::ApplicationOpen | StepId::ApplicationSubmit | StepId::SchoolReview) {
                    step.params = params.clone();
                }
            }
        }
    }

    /// Whether the path has document check steps and all of them are done.
    pub fn checks_done(&self) -> bool {
        self.steps.iter().any(is_check) && self.steps.iter().filter(|s| is_check(s)).all(|s| s.state == StepState::Done)
    }

    /// Inserts "contact support" before the first unfinished check step
    /// (or, on a path without check steps, before the first unfinished
    /// step).
    pub fn check_overdue(&mut self) {
        let at = self.steps.iter().position(|s| is_check(s) && !s.state.is_settled()).or_else(|| {
            if self.steps.iter().any(is_check) {
                None
            } else {
                self.steps.iter().position(|s| !s.state.is_settled())
            }
        });
        if let Some(at) = at {
            let link = fixed_link("gosuslugi_support");
            self.push(StepId::CheckOverdue, Actor::Support, StepState::Todo, "todo", link);
            if let Some(step) = self.steps.pop() {
                self.steps.insert(at.min(self.steps.len()), step);
            }
        }
    }
}

/// A step on the diary's side (its login and consent screens differ by
/// region), as opposed to Gosuslugi's, which are the same everywhere.
pub fn is_diary_side(id: StepId) -> bool {
    matches!(
        id,
        StepId::StudentDiaryLogin | StepId::ConsentForChild | StepId::StudentConsent | StepId::ParentDiaryLogin
    )
}

/// A step of the document check (certificate, СНИЛС, or documents at the МФЦ).
fn is_check(s: &Step) -> bool {
    matches!(s.id, StepId::CertificateCheck | StepId::SnilsCheck | StepId::MfcDocuments)
}

/// The state and text variant of an online document check's step (the
/// certificate's or the СНИЛС's): an account the parent made settled it.
fn check_step(stage: Option<CheckStage>, parent_made: bool) -> (StepState, &'static str) {
    match stage {
        _ if parent_made => (StepState::Done, "done"),
        Some(CheckStage::Verified) => (StepState::Done, "done"),
        Some(CheckStage::NotAdded) => (StepState::Todo, "not_added"),
        Some(CheckStage::EnteredManually) => (StepState::Todo, "entered_manually"),
        Some(CheckStage::Pending) => (StepState::Waiting, "waiting"),
        Some(CheckStage::NotFound) => (StepState::Blocked, "not_found"),
        None => (StepState::Todo, "unknown"),
    }
}
