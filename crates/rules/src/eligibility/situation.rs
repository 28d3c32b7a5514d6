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
    Id(String),
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

/// The raw input, field for field as the JS API takes it (camelCase names).
/// Unknown field names are rejected, so a typo is reported by name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SituationInput {
    pub role: Option<String>,
    pub birth_date: Option<String>,
    pub today: Option<String>,
    pub now: Option<String>,
    pub lang: Option<String>,
    pub region: Option<RegionArg>,
    pub representative: Option<String>,
    pub citizenship: Option<String>,
    pub birth_certificate: Option<String>,
    pub certificate_status: Option<String>,
    pub snils_status: Option<String>,
    pub parent_account: Option<String>,
    pub student_account: Option<String>,
    pub consent: Option<String>,
    pub parent_consent: Option<String>,
    pub application: Option<String>,
    pub student_password: Option<String>,
    pub check_requested_at: Option<String>,
}

impl SituationInput {
    /// Every field's JS API name, in declaration order (the readers that
    /// reject unknown fields list them; a test checks them against serde's).
    pub const FIELDS: &'static [&'static str] = &[
        "role",
        "birthDate",
        "today",
        "now",
        "lang",
        "region",
        "representative",
        "citizenship",
        "birthCertificate",
        "certificateStatus",
        "snilsStatus",
        "parentAccount",
        "studentAccount",
        "consent",
        "parentConsent",
        "application",
        "studentPassword",
        "checkRequestedAt",
    ];
}

/// The validated situation.
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub role: Role,
    pub birth_date: NaiveDate,
    /// The day ages are computed on.
    pub today: NaiveDate,
    /// Full years on `today`, computed once when the situation is
    /// validated (`birth_date` ≤ `today`, so there is no fallback).
    age_years: u32,
    /// The moment "overdue" is judged at (local time).
    pub now: NaiveDateTime,
    pub lang: Lang,
    pub region: RegionProfile,
    /// Defaults to [`Representative::Parent`].
    pub representative: Representative,
    /// Defaults to [`Citizenship::Russian`].
    pub citizenship: Citizenship,
    /// Defaults to [`BirthCertificate::Russian`].
    pub birth_certificate: BirthCertificate,
    pub certificate_status: Option<CertificateStatus>,
    pub snils_status: Option<SnilsStatus>,
    pub parent_account: Option<ParentAccount>,
    pub student_account: Option<StudentAccount>,
    pub consent: Option<Consent>,
    pub parent_consent: Option<Consent>,
    pub application: Option<Application>,
    pub student_password: Option<StudentPassword>,
    pub check_requested_at: Option<NaiveDateTime>,
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
    UnknownValue { allowed: &'static [&'static str] },
    /// The birth date is after `today`.
    BirthDateInFuture,
    /// The age is over [`age::MAX_AGE_YEARS`].
    AgeOverLimit,
    /// `checkRequestedAt` is after `now`.
    AfterNow,
    /// `now` does not fall on `today`.
    NotOnToday,
    /// No embedded region profile has this id (allowed ids listed).
    UnknownRegion { allowed: Vec<&'static str> },
    /// A host's region profile is invalid; the field says where.
    InvalidProfile { problem: region::ProfileProblem },
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
    pub field: String,
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

/// Parses an optional enum field.
fn enum_field<T: Copy>(
    value: &Option<String>,
    field: &str,
    parse: fn(&str) -> Option<T>,
    allowed: &'static [&'static str],
) -> Result<Option<T>, SituationError> {
    match value {
        None => Ok(None),
        Some(s) => {
            parse(s).map(Some).ok_or_else(|| SituationError::new(field, SituationProblem::UnknownValue { allowed }))
        }
    }
}

fn date_field(value: &Option<String>, field: &str) -> Result<Option<NaiveDate>, SituationError> {
    match value {
        None => Ok(None),
        Some(s) => {
            age::parse_iso_date(s).map(Some).ok_or_else(|| SituationError::new(field, SituationProblem::InvalidDate))
        }
    }
}

fn date_time_field(value: &Option<String>, field: &str) -> Result<Option<NaiveDateTime>, SituationError> {
    match value {
        None => Ok(None),
        Some(s) => parse_local_date_time(s)
            .map(Some)
            .ok_or_else(|| SituationError::new(field, SituationProblem::InvalidDateTime)),
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
        let role = enum_field(&input.role, "role", Role::parse, Role::IDS)?
            .ok_or_else(|| SituationError::new("role", SituationProblem::Required))?;
        let birth_date = date_field(&input.birth_date, "birthDate")?
            .ok_or_else(|| SituationError::new("birthDate", SituationProblem::Required))?;
        let today = date_field(&input.today, "today")?;
        let now = date_time_field(&input.now, "now")?;
        let (today, now) = match (today, now) {
            (Some(t), Some(n)) if n.date() != t => {
                return Err(SituationError::new("now", SituationProblem::NotOnToday))
            }
            (Some(t), Some(n)) => (t, n),
            (Some(t), None) => (t, t.and_time(clock.time())),
            (None, Some(n)) => (n.date(), n),
            (None, None) => (clock.date(), clock),
        };
        let age_years = match age::age_on(birth_date, today) {
            Ok(years) => years,
            Err(AgeError::BornInFuture) => {
                return Err(SituationError::new("birthDate", SituationProblem::BirthDateInFuture))
            }
            Err(AgeError::TooOld) => return Err(SituationError::new("birthDate", SituationProblem::AgeOverLimit)),
        };
        let lang = match &input.lang {
            None => Lang::default(),
            Some(code) => match code.as_str() {
                "ru" => Lang::Ru,
                "en" => Lang::En,
                _ => {
                    return Err(SituationError::new("lang", SituationProblem::UnknownValue { allowed: &["ru", "en"] }))
                }
            },
        };
        let region = match &input.region {
            None => region::generic().clone(),
            Some(RegionArg::Id(id)) => region::embedded(id).cloned().ok_or_else(|| {
                SituationError::new(
                    "region",
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
        let check_requested_at = date_time_field(&input.check_requested_at, "checkRequestedAt")?;
        if let Some(at) = check_requested_at {
            if at > now {
                return Err(SituationError::new("checkRequestedAt", SituationProblem::AfterNow));
            }
        }
        Ok(Situation {
            role,
            birth_date,
            today,
            age_years,
            now,
            lang,
            region,
            representative: enum_field(
                &input.representative,
                "representative",
                Representative::parse,
                Representative::IDS,
            )?
            .unwrap_or(Representative::Parent),
            citizenship: enum_field(&input.citizenship, "citizenship", Citizenship::parse, Citizenship::IDS)?
                .unwrap_or(Citizenship::Russian),
            birth_certificate: enum_field(
                &input.birth_certificate,
                "birthCertificate",
                BirthCertificate::parse,
                BirthCertificate::IDS,
            )?
            .unwrap_or(BirthCertificate::Russian),
            certificate_status: enum_field(
                &input.certificate_status,
                "certificateStatus",
                CertificateStatus::parse,
                CertificateStatus::IDS,
            )?,
            snils_status: enum_field(&input.snils_status, "snilsStatus", SnilsStatus::parse, SnilsStatus::IDS)?,
            parent_account: enum_field(
                &input.parent_account,
                "parentAccount",
                ParentAccount::parse,
                ParentAccount::IDS,
            )?,
            student_account: enum_field(
                &input.student_account,
                "studentAccount",
                StudentAccount::parse,
                StudentAccount::IDS,
            )?,
            consent: enum_field(&input.consent, "consent", Consent::parse, Consent::IDS)?,
            parent_consent: enum_field(&input.parent_consent, "parentConsent", Consent::parse, Consent::IDS)?,
            application: enum_field(&input.application, "application", Application::parse, Application::IDS)?,
            student_password: enum_field(
                &input.student_password,
                "studentPassword",
                StudentPassword::parse,
                StudentPassword::IDS,
            )?,
            check_requested_at,
        })
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
