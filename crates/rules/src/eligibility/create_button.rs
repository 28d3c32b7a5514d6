//! Why the «Создать» button (create the child's account) is or is not in the
//! child's card on Gosuslugi.
//!
//! Seed 002 lists when the button is shown: the child is 13 or younger and
//! has no account; has a Russian birth certificate and a СНИЛС; both are
//! checked and have none of the statuses «Данные введены вручную»,
//! «Проверка данных», «Поиск данных», «Не найдено в загсе», «Не найден в
//! СФР». Seeds 001 and 003 add Russian citizenship and a confirmed account of
//! the parent. Each unmet condition is one [`Missing`] id; each condition the
//! input does not tell is one [`Unknown`] id.

use super::situation::{BirthCertificate, CertificateStatus, Citizenship, ParentAccount, Situation, SnilsStatus};

/// A condition for «Создать» that is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Missing {
    /// 14 or older (18 or older with the profile option of seed 003).
    ChildTooOld,
    /// The child already has a Gosuslugi account.
    AccountExists,
    CertificateNotRussian,
    CertificateNotAdded,
    /// «Данные введены вручную».
    CertificateEnteredManually,
    /// «Проверка данных».
    CertificateChecking,
    /// «Поиск данных».
    CertificateSearching,
    /// «Не найдено в загсе».
    CertificateNotFoundInZags,
    SnilsNotAdded,
    /// «Данные введены вручную».
    SnilsEnteredManually,
    /// «Проверка данных».
    SnilsChecking,
    /// «Поиск данных».
    SnilsSearching,
    /// «Не найден в СФР».
    SnilsNotFoundInSfr,
    CitizenshipNotRussian,
    ParentAccountNotConfirmed,
}

impl Missing {
    pub const ALL: [Missing; 15] = [
        Missing::ChildTooOld,
        Missing::AccountExists,
        Missing::CertificateNotRussian,
        Missing::CertificateNotAdded,
        Missing::CertificateEnteredManually,
        Missing::CertificateChecking,
        Missing::CertificateSearching,
        Missing::CertificateNotFoundInZags,
        Missing::SnilsNotAdded,
        Missing::SnilsEnteredManually,
        Missing::SnilsChecking,
        Missing::SnilsSearching,
        Missing::SnilsNotFoundInSfr,
        Missing::CitizenshipNotRussian,
        Missing::ParentAccountNotConfirmed,
    ];

    /// The stable id (the JS API's string).
    pub fn id(self) -> &'static str {
        match self {
            Missing::ChildTooOld => "child_too_old",
            Missing::AccountExists => "account_exists",
            Missing::CertificateNotRussian => "certificate_not_russian",
            Missing::CertificateNotAdded => "certificate_not_added",
            Missing::CertificateEnteredManually => "certificate_entered_manually",
            Missing::CertificateChecking => "certificate_checking",
            Missing::CertificateSearching => "certificate_searching",
            Missing::CertificateNotFoundInZags => "certificate_not_found_in_zags",
            Missing::SnilsNotAdded => "snils_not_added",
            Missing::SnilsEnteredManually => "snils_entered_manually",
            Missing::SnilsChecking => "snils_checking",
            Missing::SnilsSearching => "snils_searching",
            Missing::SnilsNotFoundInSfr => "snils_not_found_in_sfr",
            Missing::CitizenshipNotRussian => "citizenship_not_russian",
            Missing::ParentAccountNotConfirmed => "parent_account_not_confirmed",
        }
    }

    /// The id of the text explaining this reason.
    pub fn text_id(self) -> String {
        format!("elig.create_button.{}", self.id())
    }

    /// The id of the text explaining this reason to `role`'s reader.
    pub fn text_id_for(self, role: super::Role) -> String {
        super::reader_text_id(self.text_id(), role)
    }

    /// A condition no wait or fix on Gosuslugi can meet: the child's account
    /// cannot be made online at all (seeds 001, 003: only a Russian birth
    /// certificate and Russian citizenship).
    pub fn is_permanent(self) -> bool {
        matches!(self, Missing::CertificateNotRussian | Missing::CitizenshipNotRussian)
    }
}

/// One condition for «Создать», met or not: what a panel lists with ✓ and ✗.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Condition {
    /// The child is young enough.
    Age,
    /// The child has no Gosuslugi account yet.
    NoAccount,
    /// The birth certificate is Russian.
    RussianCertificate,
    /// The certificate is checked in ЕГР ЗАГС.
    CertificateChecked,
    /// The СНИЛС is checked in СФР.
    SnilsChecked,
    /// The child is a Russian citizen.
    Citizenship,
    /// The parent's account is confirmed.
    ParentAccount,
}

impl Condition {
    pub const ALL: [Condition; 7] = [
        Condition::Age,
        Condition::NoAccount,
        Condition::RussianCertificate,
        Condition::CertificateChecked,
        Condition::SnilsChecked,
        Condition::Citizenship,
        Condition::ParentAccount,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Condition::Age => "age",
            Condition::NoAccount => "no_account",
            Condition::RussianCertificate => "russian_certificate",
            Condition::CertificateChecked => "certificate_checked",
            Condition::SnilsChecked => "snils_checked",
            Condition::Citizenship => "citizenship",
            Condition::ParentAccount => "parent_account",
        }
    }
}

impl Missing {
    /// The condition this reason leaves unmet.
    pub fn condition(self) -> Condition {
        match self {
            Missing::ChildTooOld => Condition::Age,
            Missing::AccountExists => Condition::NoAccount,
            Missing::CertificateNotRussian => Condition::RussianCertificate,
            Missing::CertificateNotAdded
            | Missing::CertificateEnteredManually
            | Missing::CertificateChecking
            | Missing::CertificateSearching
            | Missing::CertificateNotFoundInZags => Condition::CertificateChecked,
            Missing::SnilsNotAdded
            | Missing::SnilsEnteredManually
            | Missing::SnilsChecking
            | Missing::SnilsSearching
            | Missing::SnilsNotFoundInSfr => Condition::SnilsChecked,
            Missing::CitizenshipNotRussian => Condition::Citizenship,
            Missing::ParentAccountNotConfirmed => Condition::ParentAccount,
        }
    }
}

impl Unknown {
    /// The condition the input does not tell.
    pub fn condition(self) -> Condition {
        match self {
            Unknown::StudentAccount => Condition::NoAccount,
            Unknown::CertificateStatus => Condition::CertificateChecked,
            Unknown::SnilsStatus => Condition::SnilsChecked,
            Unknown::ParentAccount => Condition::ParentAccount,
        }
    }
}

/// A condition for «Создать» the input does not tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unknown {
    StudentAccount,
    CertificateStatus,
    SnilsStatus,
    ParentAccount,
}

impl Unknown {
    pub const ALL: [Unknown; 4] =
        [Unknown::StudentAccount, Unknown::CertificateStatus, Unknown::SnilsStatus, Unknown::ParentAccount];

    /// The stable id: the input field's name in snake_case + `_unknown`.
    pub fn id(self) -> &'static str {
        match self {
            Unknown::StudentAccount => "student_account_unknown",
            Unknown::CertificateStatus => "certificate_status_unknown",
            Unknown::SnilsStatus => "snils_status_unknown",
            Unknown::ParentAccount => "parent_account_unknown",
        }
    }

    /// The id of the text saying how to find out.
    pub fn text_id(self) -> String {
        format!("elig.create_button.{}", self.id())
    }

    /// The id of the text saying how to find out, for `role`'s reader.
    pub fn text_id_for(self, role: super::Role) -> String {
        super::reader_text_id(self.text_id(), role)
    }
}

/// The diagnosis of «Создать».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateButton {
    /// Expected to be shown: nothing missing and nothing unknown.
    pub visible: bool,
    pub missing: Vec<Missing>,
    pub unknown: Vec<Unknown>,
}

impl CreateButton {
    /// Whether a missing condition can never be met online (see
    /// [`Missing::is_permanent`]).
    pub fn never(&self) -> bool {
        self.missing.iter().any(|m| m.is_permanent())
    }

    /// The conditions that are met: neither missing nor unknown.
    pub fn met(&self) -> Vec<Condition> {
        Condition::ALL
            .into_iter()
            .filter(|c| {
                !self.missing.iter().any(|m| m.condition() == *c) && !self.unknown.iter().any(|u| u.condition() == *c)
            })
            .collect()
    }
}

/// The oldest age at which a parent can create the child's account.
pub fn max_age(situation: &Situation) -> u32 {
    if situation.region.parent_may_create_until_18 {
        17
    } else {
        13
    }
}

/// Diagnoses «Создать» for `situation`.
pub fn diagnose(situation: &Situation) -> CreateButton {
    let mut missing = Vec::new();
    let mut unknown = Vec::new();
    if situation.age_years() > max_age(situation) {
        missing.push(Missing::ChildTooOld);
    }
    match situation.student_account {
        None => unknown.push(Unknown::StudentAccount),
        Some(super::situation::StudentAccount::None) => {}
        Some(_) => missing.push(Missing::AccountExists),
    }
    if situation.birth_certificate == BirthCertificate::Foreign {
        missing.push(Missing::CertificateNotRussian);
    }
    match situation.certificate_status {
        None => unknown.push(Unknown::CertificateStatus),
        Some(CertificateStatus::Verified) => {}
        Some(CertificateStatus::NotAdded) => missing.push(Missing::CertificateNotAdded),
        Some(CertificateStatus::EnteredManually) => missing.push(Missing::CertificateEnteredManually),
        Some(CertificateStatus::Checking) => missing.push(Missing::CertificateChecking),
        Some(CertificateStatus::Searching) => missing.push(Missing::CertificateSearching),
        Some(CertificateStatus::NotFoundInZags) => missing.push(Missing::CertificateNotFoundInZags),
    }
    match situation.snils_status {
        None => unknown.push(Unknown::SnilsStatus),
        Some(SnilsStatus::Verified) => {}
        Some(SnilsStatus::NotAdded) => missing.push(Missing::SnilsNotAdded),
        Some(SnilsStatus::EnteredManually) => missing.push(Missing::SnilsEnteredManually),
        Some(SnilsStatus::Checking) => missing.push(Missing::SnilsChecking),
        Some(SnilsStatus::Searching) => missing.push(Missing::SnilsSearching),
        Some(SnilsStatus::NotFoundInSfr) => missing.push(Missing::SnilsNotFoundInSfr),
    }
    if situation.citizenship == Citizenship::Other {
        missing.push(Missing::CitizenshipNotRussian);
    }
    match situation.parent_account_or_implied() {
        None => unknown.push(Unknown::ParentAccount),
        Some(ParentAccount::Confirmed) => {}
        Some(_) => missing.push(Missing::ParentAccountNotConfirmed),
    }
    CreateButton { visible: missing.is_empty() && unknown.is_empty(), missing, unknown }
}
