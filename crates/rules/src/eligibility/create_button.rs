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

use crate::id::closed_set;

use super::situation::{BirthCertificate, CertificateStatus, Citizenship, ParentAccount, Situation, SnilsStatus};

closed_set!(
    /// A condition for «Создать» that is not met.
    Missing {
        /// 14 or older (18 or older with the profile option of seed 003).
        ChildTooOld => "child_too_old",
        /// The child already has a Gosuslugi account.
        AccountExists => "account_exists",
        CertificateNotRussian => "certificate_not_russian",
        CertificateNotAdded => "certificate_not_added",
        /// «Данные введены вручную».
        CertificateEnteredManually => "certificate_entered_manually",
        /// «Проверка данных».
        CertificateChecking => "certificate_checking",
        /// «Поиск данных».
        CertificateSearching => "certificate_searching",
        /// «Не найдено в загсе».
        CertificateNotFoundInZags => "certificate_not_found_in_zags",
        SnilsNotAdded => "snils_not_added",
        /// «Данные введены вручную».
        SnilsEnteredManually => "snils_entered_manually",
        /// «Проверка данных».
        SnilsChecking => "snils_checking",
        /// «Поиск данных».
        SnilsSearching => "snils_searching",
        /// «Не найден в СФР».
        SnilsNotFoundInSfr => "snils_not_found_in_sfr",
        CitizenshipNotRussian => "citizenship_not_russian",
        ParentAccountNotConfirmed => "parent_account_not_confirmed",
    }
);

impl Missing {
    /// A condition no wait or fix on Gosuslugi can meet: the child's account
    /// cannot be made online at all (seeds 001, 003: only a Russian birth
    /// certificate and Russian citizenship).
    pub fn is_permanent(self) -> bool {
        matches!(self, Missing::CertificateNotRussian | Missing::CitizenshipNotRussian)
    }
}

closed_set!(
    /// One condition for «Создать», met or not: what a panel lists with ✓ and ✗.
    Condition {
        /// The child is young enough.
        Age => "age",
        /// The child has no Gosuslugi account yet.
        NoAccount => "no_account",
        /// The birth certificate is Russian.
        RussianCertificate => "russian_certificate",
        /// The certificate is checked in ЕГР ЗАГС.
        CertificateChecked => "certificate_checked",
        /// The СНИЛС is checked in СФР.
        SnilsChecked => "snils_checked",
        /// The child is a Russian citizen.
        Citizenship => "citizenship",
        /// The parent's account is confirmed.
        ParentAccount => "parent_account",
    }
);

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

closed_set!(
    /// A condition for «Создать» the input does not tell.
    Unknown {
        StudentAccount => "student_account_unknown",
        CertificateStatus => "certificate_status_unknown",
        SnilsStatus => "snils_status_unknown",
        ParentAccount => "parent_account_unknown",
    }
);

/// The texts of the two reason sets, written once: a reason's text (what is
/// missing, or how to find out what is unknown) is `elig.create_button.<id>`.
macro_rules! reason_texts {
    ($($set:ident),*) => {$(
        impl $set {
            /// The id of the text of this reason: `elig.create_button.<id>`
            /// (for a missing condition, why; for an unknown one, how to find out).
            pub fn text_id(self) -> String {
                format!("elig.create_button.{}", self.id())
            }

            /// The id of this reason's text for `role`'s reader.
            pub fn text_id_for(self, role: super::Role) -> String {
                super::reader_text_id(self.text_id(), role)
            }
        }
    )*};
}
reason_texts!(Missing, Unknown);

/// The diagnosis of «Создать».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateButton {
    /// Expected to be shown: nothing missing and nothing unknown.
    pub visible: bool,
    /// The conditions that are not met, in the order they are checked.
    pub missing: Vec<Missing>,
    /// The conditions the input does not tell, in the order they are checked.
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
