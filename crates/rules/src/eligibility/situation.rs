//! What the user told us: the raw input (strings, as a host or a fixture
//! passes them) and its validated, typed form.
//!
//! Every field of [`SituationInput`] is optional text; [`Situation::from_input`]
//! checks each one and fails with a [`SituationError`] naming the field (by
//! its JS API name: `birthDate`, `checkRequestedAt`, …). An omitted status
//! stays `None` ("unknown"): the step it decides is shown as to-do with a
//! hint on how to check it.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::Deserialize;

use super::region::{self, ProfileError, RegionProfile};
use crate::age::{self, AgeError};
use crate::Lang;

use crate::id::closed_set;

pub use crate::vocab::Role;
closed_set!(
    /// The adult acting for the child.
    Representative { Parent => "parent", Guardian => "guardian" }
);
closed_set!(
    /// The child's citizenship.
    Citizenship { Russian => "russian", Other => "other" }
);
closed_set!(
    /// Which country issued the birth certificate.
    BirthCertificate { Russian => "russian", Foreign => "foreign" }
);
closed_set!(
    /// The birth certificate's status in the child's card on Gosuslugi.
    CertificateStatus {
        NotAdded => "not_added",
        /// «Данные введены вручную»: saved, not yet sent to ЕГР ЗАГС.
        EnteredManually => "entered_manually",
        /// «Проверка данных».
        Checking => "checking",
        /// «Поиск данных».
        Searching => "searching",
        /// «Не найдено в загсе».
        NotFoundInZags => "not_found_in_zags",
        Verified => "verified",
    }
);
closed_set!(
    /// The СНИЛС status in the child's card.
    SnilsStatus {
        NotAdded => "not_added",
        /// «Данные введены вручную»: typed in, not checked by СФР yet (seed 002).
        EnteredManually => "entered_manually",
        /// «Проверка данных» (seed 002).
        Checking => "checking",
        /// «Поиск данных».
        Searching => "searching",
        /// «Не найден в СФР».
        NotFoundInSfr => "not_found_in_sfr",
        Verified => "verified",
    }
);
/// Where an online document check stands: the certificate's and the СНИЛС's
/// statuses are the same stages, named for the registry that checks each
/// (ЕГР ЗАГС, СФР).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CheckStage {
    NotAdded,
    EnteredManually,
    /// «Проверка данных» or «Поиск данных».
    Pending,
    /// Not found by the registry.
    NotFound,
    Verified,
}

impl CheckStage {
    /// The check has its answer (verified or not found).
    pub(crate) fn is_final(self) -> bool {
        matches!(self, CheckStage::Verified | CheckStage::NotFound)
    }
}

/// `stage()` of the two status sets, written once.
macro_rules! check_stages {
    ($($status:ident { not_found: $not_found:ident }),*) => {$(
        impl $status {
            pub(crate) fn stage(self) -> CheckStage {
                match self {
                    $status::NotAdded => CheckStage::NotAdded,
                    $status::EnteredManually => CheckStage::EnteredManually,
                    $status::Checking | $status::Searching => CheckStage::Pending,
                    $status::$not_found => CheckStage::NotFound,
                    $status::Verified => CheckStage::Verified,
                }
            }
        }
    )*};
}
check_stages!(CertificateStatus { not_found: NotFoundInZags }, SnilsStatus { not_found: NotFoundInSfr });

closed_set!(
    /// The level of the parent's own Gosuslugi account.
    ParentAccount { None => "none", Simplified => "simplified", Standard => "standard", Confirmed => "confirmed" }
);
closed_set!(
    /// The student's Gosuslugi account.
    StudentAccount {
        None => "none",
        /// Created by a parent from the parent's profile (linked automatically).
        CreatedByParent => "created_by_parent",
        /// Created by the *other* parent from that parent's profile: linked to
        /// that parent, not to the one at the page, who may link it too
        /// (seeds 001, 002, 003).
        CreatedByOtherParent => "created_by_other_parent",
        /// Registered by the student, not linked to a parent yet.
        OwnUnlinked => "own_unlinked",
        OwnLinked => "own_linked",
    }
);
closed_set!(
    /// A consent for the diary: the parent's for a minor, the student's own
    /// for an adult, or the parent's own (`parentConsent`).
    Consent {
        NotGiven => "not_given",
        Requested => "requested",
        Given => "given",
        /// Given once and revoked since: valid only «до его отзыва» (seed 003).
        Revoked => "revoked",
    }
);
closed_set!(
    /// Whether the student can get into the own Gosuslugi account (seeds 002,
    /// 003, 004: «Если не удаётся войти в учётную запись ребёнка, восстановите
    /// пароль»).
    StudentPassword { Known => "known", Forgotten => "forgotten" }
);
closed_set!(
    /// The application for diary access in the school-application flow.
    Application {
        NotSubmitted => "not_submitted",
        /// The diary did not find the pupil with the data given, so nothing
        /// went to the school (seed 002, step 9).
        StudentNotFound => "student_not_found",
        Submitted => "submitted",
        Accepted => "accepted",
        /// The school did not accept the application.
        Rejected => "rejected",
    }
);

/// The `region` input: an embedded profile's id or a host's own profile.
///
/// Deserialized by hand (a string or a map) rather than as an untagged
/// enum: errors inside a profile keep their field path, and serde's
/// buffering machinery stays out of the wasm module.
#[derive(Debug, Clone, PartialEq)]
pub enum RegionArg {
    /// An embedded profile's id (`"ryazan"`, …).
    Id(String),
    /// A host's own profile.
    Profile(Box<RegionProfile>),
}

impl<'de> Deserialize<'de> for RegionArg {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RegionArg, D::Error> {
        struct RegionVisitor;
        impl<'de> serde::de::Visitor<'de> for RegionVisitor {
            type Value = RegionArg;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a profile id (a string) or a profile object")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RegionArg, E> {
                Ok(RegionArg::Id(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RegionArg, A::Error> {
                RegionProfile::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|p| RegionArg::Profile(Box::new(p)))
            }
        }
        deserializer.deserialize_any(RegionVisitor)
    }
}

/// How the text of one input field is read: what a host may pass, and
/// what the JS boundary declares to TypeScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One of these ids (a closed set).
    Choice(&'static [&'static str]),
    /// A date written `YYYY-MM-DD`.
    Date,
    /// A local time written `YYYY-MM-DDTHH:MM`.
    DateTime,
    /// A language code.
    Lang,
    /// An embedded profile's id or a host's own profile ([`RegionArg`]).
    Region,
}

/// One field of [`SituationInput`] as the JS API takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSchema {
    /// The field (its id is its JS API name).
    pub field: Field,
    /// Whether the input must have it (`role`, `birthDate`).
    pub required: bool,
    /// What text it takes.
    pub kind: FieldKind,
    /// What the field means, in English, for the API's readers (the
    /// TypeScript declaration's doc comment); empty when the name says it.
    pub doc: &'static str,
}

/// A wizard answer's value: a closed set's id, or a local time.
pub(crate) trait Answer: Sized {
    const KIND: FieldKind;
    /// The value this text is, if any.
    fn read(text: &str) -> Option<Self>;
    /// What is wrong with a text that is not one.
    fn problem() -> SituationProblem;
}

impl<T: crate::Id> Answer for T {
    const KIND: FieldKind = FieldKind::Choice(T::IDS);
    fn read(text: &str) -> Option<T> {
        T::parse(text)
    }
    fn problem() -> SituationProblem {
        SituationProblem::UnknownValue { allowed: T::IDS }
    }
}

impl Answer for NaiveDateTime {
    const KIND: FieldKind = FieldKind::DateTime;
    fn read(text: &str) -> Option<NaiveDateTime> {
        parse_local_date_time(text)
    }
    fn problem() -> SituationProblem {
        SituationProblem::InvalidDateTime
    }
}

/// Reads an optional answer: `None` when it was not given.
fn answer<T: Answer>(text: &Option<String>, field: Field) -> Result<Option<T>, SituationError> {
    match text {
        None => Ok(None),
        Some(s) => T::read(s).map(Some).ok_or_else(|| SituationError::new(field.id(), T::problem())),
    }
}

/// The validated type of an answer: `Option<T>` ("unknown" when not given),
/// or `T` for an answer with a default.
macro_rules! answer_type {
    ($ty:ty) => { Option<$ty> };
    ($ty:ty, $default:expr) => { $ty };
}

/// An answer read with its default, when it has one.
macro_rules! answer_value {
    ($read:expr) => {
        $read
    };
    ($read:expr, $default:expr) => {
        $read.unwrap_or($default)
    };
}

/// Declares the situation's fields once. `context` lists the fields every
/// situation has (their validation is written in [`Situation::from_input`]);
/// `answers` lists the wizard's questions, one line each: the
/// [`Question`] and its id, the input field and its JS API name, the
/// validated type (a closed set, or a local time) and the default, if any.
/// From these come the [`Field`] and [`Question`] closed sets,
/// [`SituationInput`] (whose serde names are the JS names),
/// [`SituationInput::FIELDS`] and [`SituationInput::SCHEMA`] (the JS
/// boundary's reader and TypeScript declaration), the answers' typed fields
/// in [`Situation`] and their validation, and [`Question::set`]/[`Question::get`].
macro_rules! situation {
    (
        context {
            $( $(#[doc = $cdoc:literal])* $cvariant:ident => $cfield:ident: $cjs:literal
               as $cin:ty, $ckind:expr, $required:literal ),* $(,)?
        }
        validated {
            $( $(#[$smeta:meta])* $svis:vis $sfield:ident: $sty:ty ),* $(,)?
        }
        answers {
            $( $(#[doc = $adoc:literal])* $qvariant:ident($qid:literal) => $afield:ident: $ajs:literal
               as $aty:ty $(= $default:expr)? ),* $(,)?
        }
    ) => {
        closed_set!(
            /// A field of the input, by its JS API name.
            Field { $($cvariant => $cjs,)* $($qvariant => $ajs,)* }
        );

        closed_set!(
            /// One question of the wizard: one optional field of
            /// [`SituationInput`]. Not answering ("I don't know") leaves the
            /// field out, which the engine reads as *unknown*.
            Question { $($(#[doc = $adoc])* $qvariant => $qid,)* }
        );

        /// The raw input, field for field as the JS API takes it (camelCase
        /// names). Unknown field names are rejected, so a typo is reported
        /// by name.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct SituationInput {
            $( $(#[doc = $cdoc])* #[serde(rename = $cjs)] pub $cfield: Option<$cin>, )*
            $( $(#[doc = $adoc])* #[serde(rename = $ajs)] pub $afield: Option<String>, )*
        }

        impl SituationInput {
            /// Every field's JS API name, in declaration order (the readers
            /// that reject unknown fields list them).
            pub const FIELDS: &'static [&'static str] = Field::IDS;

            /// Every field with how it is read, in declaration order.
            pub const SCHEMA: &'static [FieldSchema] = &[
                $( FieldSchema {
                    field: Field::$cvariant,
                    required: $required,
                    kind: $ckind,
                    doc: concat!($($cdoc),*),
                }, )*
                $( FieldSchema {
                    field: Field::$qvariant,
                    required: false,
                    kind: <$aty as Answer>::KIND,
                    doc: concat!($($adoc),*),
                }, )*
            ];

            /// The text of a field that is text (every field but `region`).
            pub fn text_mut(&mut self, field: Field) -> Option<&mut Option<String>> {
                match field {
                    $( Field::$cvariant => TextSlot::text(&mut self.$cfield), )*
                    $( Field::$qvariant => Some(&mut self.$afield), )*
                }
            }
        }

        /// The validated situation.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Situation {
            $( $(#[$smeta])* $svis $sfield: $sty, )*
            $( $(#[doc = $adoc])* pub $afield: answer_type!($aty $(, $default)?), )*
        }

        /// The validated context fields, before the answers are read.
        struct Validated {
            $( $sfield: $sty, )*
        }

        impl Situation {
            /// Reads the answers of `input` in declaration order (the first
            /// bad one is reported) onto the validated context.
            fn with_answers(v: Validated, input: &SituationInput) -> Result<Situation, SituationError> {
                Ok(Situation {
                    $( $sfield: v.$sfield, )*
                    $( $afield: answer_value!(answer::<$aty>(&input.$afield, Field::$qvariant)? $(, $default)?), )*
                })
            }
        }

        impl Question {
            /// The input field this question fills.
            pub const fn field(self) -> Field {
                match self { $( Question::$qvariant => Field::$qvariant, )* }
            }

            /// The answers to pick from, as input ids; empty for a question
            /// that takes a local date-time `YYYY-MM-DDTHH:MM`
            /// ([`Question::CheckRequestedAt`]).
            pub const fn values(self) -> &'static [&'static str] {
                match self {
                    $( Question::$qvariant => match <$aty as Answer>::KIND {
                        FieldKind::Choice(ids) => ids,
                        _ => &[],
                    }, )*
                }
            }

            /// Whether `value` is a well-formed answer (one of
            /// [`Question::values`], or a local date-time).
            pub fn accepts(self, value: &str) -> bool {
                match self { $( Question::$qvariant => <$aty as Answer>::read(value).is_some(), )* }
            }

            /// Writes the answer into the input (`None`: not known).
            pub fn set(self, input: &mut SituationInput, value: Option<String>) {
                match self { $( Question::$qvariant => input.$afield = value, )* }
            }

            /// The answer in the input, if given.
            pub fn get(self, input: &SituationInput) -> Option<&str> {
                match self { $( Question::$qvariant => input.$afield.as_deref(), )* }
            }
        }
    };
}

/// A field of the input read as text, or not text (`region`).
trait TextSlot {
    fn text(&mut self) -> Option<&mut Option<String>>;
}

impl TextSlot for Option<String> {
    fn text(&mut self) -> Option<&mut Option<String>> {
        Some(self)
    }
}

impl TextSlot for Option<RegionArg> {
    fn text(&mut self) -> Option<&mut Option<String>> {
        None
    }
}

situation! {
    context {
        /// Who is asking: `"parent"` (a guardian too) or `"student"`.
        Role => role: "role" as String, FieldKind::Choice(Role::IDS), true,
        /// The student's birth date, "YYYY-MM-DD".
        BirthDate => birth_date: "birthDate" as String, FieldKind::Date, true,
        /// "YYYY-MM-DD"; default: the date of `now`, else the browser's local date.
        Today => today: "today" as String, FieldKind::Date, false,
        /// Local time "YYYY-MM-DDTHH:MM" at which "overdue" is judged; default: the browser's local time (on `today` when `today` is given).
        Now => now: "now" as String, FieldKind::DateTime, false,
        /// The language of the words: "ru" (default) or "en".
        Lang => lang: "lang" as String, FieldKind::Lang, false,
        /// An embedded profile id or a host's own profile.
        Region => region: "region" as RegionArg, FieldKind::Region, false,
    }
    validated {
        /// Who is asking.
        pub role: Role,
        /// The student's birth date.
        pub birth_date: NaiveDate,
        /// The day ages are computed on.
        pub today: NaiveDate,
        /// Full years on `today`, computed once when the situation is
        /// validated (`birth_date` ≤ `today`, so there is no fallback).
        age_years: u32,
        /// The moment "overdue" is judged at (local time).
        pub now: NaiveDateTime,
        /// The language of the words.
        pub lang: Lang,
        /// The region profile (embedded, or the host's own).
        pub region: RegionProfile,
    }
    answers {
        /// The adult acting for the child (default: a parent).
        Representative("representative") => representative: "representative"
            as Representative = Representative::Parent,
        /// The child's citizenship (default: Russian).
        Citizenship("citizenship") => citizenship: "citizenship" as Citizenship = Citizenship::Russian,
        /// Which country issued the birth certificate (default: Russia).
        BirthCertificate("birth_certificate") => birth_certificate: "birthCertificate"
            as BirthCertificate = BirthCertificate::Russian,
        /// The birth certificate's status in the child's card on Gosuslugi.
        CertificateStatus("certificate_status") => certificate_status: "certificateStatus" as CertificateStatus,
        /// The СНИЛС status in the child's card.
        SnilsStatus("snils_status") => snils_status: "snilsStatus" as SnilsStatus,
        /// The level of the parent's own Gosuslugi account.
        ParentAccount("parent_account") => parent_account: "parentAccount" as ParentAccount,
        /// "created_by_other_parent": the other parent made it from their profile (linked to them, not to the parent at the page).
        StudentAccount("student_account") => student_account: "studentAccount" as StudentAccount,
        /// A parent's consent for a minor, or an adult student's own consent; "revoked": given, then withdrawn.
        Consent("consent") => consent: "consent" as Consent,
        /// The parent's own consent at the parent's first diary login.
        ParentConsent("parent_consent") => parent_consent: "parentConsent" as Consent,
        /// The school-application flow (region profiles with parentFlow "application"). "student_not_found": the diary did not find the pupil; "rejected": the school did not accept.
        Application("application") => application: "application" as Application,
        /// Whether the student can get into the own Gosuslugi account ("forgotten" adds the password_recovery step).
        StudentPassword("student_password") => student_password: "studentPassword" as StudentPassword,
        /// When the document check was requested («Запросить»/«Отправить» pressed), local time "YYYY-MM-DDTHH:MM".
        CheckRequestedAt("check_requested_at") => check_requested_at: "checkRequestedAt" as NaiveDateTime,
    }
}

/// What is wrong with one input field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SituationProblem {
    /// A required field is missing.
    Required,
    /// Not a real date written `YYYY-MM-DD`.
    InvalidDate,
    /// Not a real local time written `YYYY-MM-DDTHH:MM`.
    InvalidDateTime,
    /// Not one of the allowed values (listed).
    UnknownValue {
        /// The ids the field takes.
        allowed: &'static [&'static str],
    },
    /// The birth date is after `today`.
    BirthDateInFuture,
    /// The age is over [`age::MAX_AGE_YEARS`].
    AgeOverLimit,
    /// `checkRequestedAt` is after `now`.
    AfterNow,
    /// `now` does not fall on `today`.
    NotOnToday,
    /// No embedded region profile has this id (allowed ids listed).
    UnknownRegion {
        /// The embedded profiles' ids.
        allowed: Vec<&'static str>,
    },
    /// A host's region profile is invalid; the field says where.
    InvalidProfile {
        /// What is wrong with the profile.
        problem: region::ProfileProblem,
    },
}

impl SituationProblem {
    /// The stable id of the problem.
    pub fn id(&self) -> &'static str {
        match self {
            SituationProblem::Required => "required",
            SituationProblem::InvalidDate => "invalid_date",
            SituationProblem::InvalidDateTime => "invalid_date_time",
            SituationProblem::UnknownValue { .. } => "unknown_value",
            SituationProblem::BirthDateInFuture => AgeError::BornInFuture.id(),
            SituationProblem::AgeOverLimit => AgeError::TooOld.id(),
            SituationProblem::AfterNow => "after_now",
            SituationProblem::NotOnToday => "not_on_today",
            SituationProblem::UnknownRegion { .. } => "unknown_region",
            SituationProblem::InvalidProfile { problem } => problem.id(),
        }
    }
}

/// A bad input: which field (its JS API name, with a path for profile
/// fields such as `region.apps[1].href`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SituationError {
    /// The field at fault, by its JS API name (with a path inside a profile).
    pub field: String,
    /// What is wrong with it.
    pub problem: SituationProblem,
}

impl SituationError {
    fn new(field: &str, problem: SituationProblem) -> SituationError {
        SituationError { field: field.to_owned(), problem }
    }
}

/// `"<field>: <problem id>"`, e.g. `birthDate: invalid_date` (the JS API
/// adds a hint in English after the id).
impl std::fmt::Display for SituationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.problem.id())
    }
}

impl std::error::Error for SituationError {}

impl From<ProfileError> for SituationError {
    fn from(e: ProfileError) -> SituationError {
        SituationError {
            field: format!("region.{}", e.field),
            problem: SituationProblem::InvalidProfile { problem: e.problem },
        }
    }
}

/// Parses a local date-time written exactly `YYYY-MM-DDTHH:MM`.
///
/// ```
/// use diary_rules::eligibility::parse_local_date_time;
/// assert!(parse_local_date_time("2026-03-06T18:30").is_some());
/// assert!(parse_local_date_time("2026-03-06 18:30").is_none());
/// assert!(parse_local_date_time("2026-02-30T10:00").is_none());
/// assert!(parse_local_date_time("2026-03-06T24:00").is_none());
/// assert!(parse_local_date_time("2026-03-06T9:30 ").is_none());
/// ```
pub fn parse_local_date_time(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 16 || b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') {
        return None;
    }
    let date = age::parse_iso_date(s.get(..10)?)?;
    let time = NaiveTime::from_hms_opt(age::digits(b, 11..13)?, age::digits(b, 14..16)?, 0)?;
    Some(date.and_time(time))
}

/// Writes a local date-time as `YYYY-MM-DDTHH:MM` (the API's form).
///
/// ```
/// use diary_rules::eligibility::{format_local_date_time, parse_local_date_time};
/// let t = parse_local_date_time("2026-03-06T08:05").unwrap();
/// assert_eq!(format_local_date_time(t), "2026-03-06T08:05");
/// ```
pub fn format_local_date_time(t: NaiveDateTime) -> String {
    format!("{:04}-{:02}-{:02}T{:02}:{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute())
}

fn date_field(value: &Option<String>, field: Field) -> Result<Option<NaiveDate>, SituationError> {
    match value {
        None => Ok(None),
        Some(s) => age::parse_iso_date(s)
            .map(Some)
            .ok_or_else(|| SituationError::new(field.id(), SituationProblem::InvalidDate)),
    }
}

impl Situation {
    /// Where the certificate's check stands, when its status was told.
    pub(crate) fn certificate_stage(&self) -> Option<CheckStage> {
        self.certificate_status.map(CertificateStatus::stage)
    }

    /// Where the СНИЛС's check stands, when its status was told.
    pub(crate) fn snils_stage(&self) -> Option<CheckStage> {
        self.snils_status.map(SnilsStatus::stage)
    }

    /// Validates `input`. `clock` is the caller's local time: `today`
    /// defaults to its date (or to the date of `now` when only `now` is
    /// given), and `now` defaults to `today` at the clock's time of day.
    /// Fields are checked in the order of the JS API's documentation; the
    /// first bad one is reported.
    pub fn from_input(input: &SituationInput, clock: NaiveDateTime) -> Result<Situation, SituationError> {
        let required = |field: Field| SituationError::new(field.id(), SituationProblem::Required);
        let role = answer::<Role>(&input.role, Field::Role)?.ok_or_else(|| required(Field::Role))?;
        let birth_date = date_field(&input.birth_date, Field::BirthDate)?.ok_or_else(|| required(Field::BirthDate))?;
        let today = date_field(&input.today, Field::Today)?;
        let now = answer::<NaiveDateTime>(&input.now, Field::Now)?;
        let (today, now) = match (today, now) {
            (Some(t), Some(n)) if n.date() != t => {
                return Err(SituationError::new(Field::Now.id(), SituationProblem::NotOnToday))
            }
            (Some(t), Some(n)) => (t, n),
            (Some(t), None) => (t, t.and_time(clock.time())),
            (None, Some(n)) => (n.date(), n),
            (None, None) => (clock.date(), clock),
        };
        let age_years = match age::age_on(birth_date, today) {
            Ok(years) => years,
            Err(AgeError::BornInFuture) => {
                return Err(SituationError::new(Field::BirthDate.id(), SituationProblem::BirthDateInFuture))
            }
            Err(AgeError::TooOld) => {
                return Err(SituationError::new(Field::BirthDate.id(), SituationProblem::AgeOverLimit))
            }
        };
        let lang = match &input.lang {
            None => Lang::default(),
            Some(code) => Lang::from_code(code).ok_or_else(|| {
                SituationError::new(Field::Lang.id(), SituationProblem::UnknownValue { allowed: &Lang::CODES })
            })?,
        };
        let region = match &input.region {
            None => region::generic().clone(),
            Some(RegionArg::Id(id)) => region::embedded(id).cloned().ok_or_else(|| {
                SituationError::new(
                    Field::Region.id(),
                    SituationProblem::UnknownRegion {
                        allowed: region::embedded_all().iter().map(|p| p.id_static()).collect(),
                    },
                )
            })?,
            Some(RegionArg::Profile(profile)) => {
                profile.validate()?;
                (**profile).clone()
            }
        };
        let situation =
            Situation::with_answers(Validated { role, birth_date, today, age_years, now, lang, region }, input)?;
        if situation.check_requested_at.is_some_and(|at| at > situation.now) {
            return Err(SituationError::new(Field::CheckRequestedAt.id(), SituationProblem::AfterNow));
        }
        Ok(situation)
    }

    /// The parent's account level as told, or as implied when not told:
    /// only a confirmed account can add a child's data (seed 002) or have a
    /// child's account linked to it, so a child card with a certificate or
    /// a linked account means a confirmed parent account.
    pub fn parent_account_or_implied(&self) -> Option<ParentAccount> {
        let card_exists = matches!(
            self.certificate_status,
            Some(
                CertificateStatus::EnteredManually
                    | CertificateStatus::Checking
                    | CertificateStatus::Searching
                    | CertificateStatus::NotFoundInZags
                    | CertificateStatus::Verified
            )
        );
        let linked = matches!(self.student_account, Some(StudentAccount::CreatedByParent | StudentAccount::OwnLinked));
        match self.parent_account {
            None if card_exists || linked => Some(ParentAccount::Confirmed),
            told => told,
        }
    }

    /// Full years on `today` (validated in [`Situation::from_input`]).
    pub fn age_years(&self) -> u32 {
        self.age_years
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two status sets are the same stages: in declaration order, each
    /// certificate status and the СНИЛС status beside it stand at one stage,
    /// and only «not found» (who did not find it) differs in name.
    #[test]
    fn certificate_and_snils_statuses_share_their_stages() {
        assert_eq!(CertificateStatus::ALL.len(), SnilsStatus::ALL.len());
        for (c, s) in CertificateStatus::ALL.iter().zip(SnilsStatus::ALL) {
            assert_eq!(c.stage(), s.stage(), "{c:?} {s:?}");
            assert_eq!(c.id() == s.id(), c.stage() != CheckStage::NotFound, "{c:?} {s:?}");
        }
        let stages: Vec<CheckStage> = CertificateStatus::ALL.iter().map(|c| c.stage()).collect();
        use CheckStage::*;
        assert_eq!(stages, [NotAdded, EnteredManually, Pending, Pending, NotFound, Verified]);
        assert!(NotFound.is_final() && Verified.is_final() && !Pending.is_final());
    }
}
