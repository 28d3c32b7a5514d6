//! The region profile's schema: the one definition of what a profile holds
//! (camelCase keys, unknown keys rejected). The crate reads it for hosts'
//! profiles ([`super::region`], the fixtures), and build.rs includes this
//! file to read `data/regions.toml` into the same types.

use crate::id::closed_set;
use serde::Deserialize;

/// A region's name in each language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalName {
    /// In Russian, e.g. «Кузбасс».
    pub ru: String,
    /// In English, e.g. "Kuzbass".
    pub en: String,
}

/// A link a profile supplies. The label is shown as is (it is usually a
/// site name or the diary's own wording).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileLink {
    /// The URL: `https://…` or `http://…`.
    pub href: String,
    /// The text shown for the link, e.g. `cabinet.ruobr.ru`.
    pub label: String,
}

/// A store link for the diary's mobile app.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppLink {
    /// The store's name: "RuStore", "App Store", "Google Play", "AppGallery".
    pub store: String,
    /// The app's page in that store: `https://…` or `http://…`.
    pub href: String,
}

/// The diary's own names in the school-application flow, quoted to the
/// user exactly (seed 002: «Доступ к дневнику», «Подать заявление»,
/// «Заявление подано»).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApplicationNames {
    /// The diary's section for access, e.g. «Доступ к дневнику».
    pub access_section: String,
    /// The button that sends the application, e.g. «Подать заявление».
    pub apply_button: String,
    /// The message shown once it is sent, e.g. «Заявление подано».
    pub submitted_message: String,
}

closed_set!(
    /// How a parent gives consent for a minor's diary login.
    #[derive(Default)]
    ConsentVia {
        /// Follow the notification that arrives after the child's first login
        /// attempt (Профиль → Согласия и доверенности → Согласия, seed 003).
        #[default]
        Notification => "notification",
        /// In the «Школьное портфолио» section of Gosuslugi (seeds 003, 004).
        Portfolio => "portfolio",
    }
);

closed_set!(
    /// How the diary's login goes after the Gosuslugi login page.
    #[derive(Default)]
    LoginFlow {
        /// The diary opens straight away (after the first-login consent).
        #[default]
        Plain => "plain",
        /// The diary asks to share the Gosuslugi profile: «Предоставить»
        /// (seeds 000, 001, 002).
        GrantAccess => "grant_access",
    }
);

closed_set!(
    /// How a parent gets access to the child's diary.
    #[derive(Default)]
    ParentFlow {
        /// The parent logs in with an own Gosuslugi account; the diary matches
        /// the data (seed 004).
        #[default]
        Gosuslugi => "gosuslugi",
        /// The parent applies for access in the diary and the school accepts
        /// the application (seed 002).
        Application => "application",
    }
);

closed_set!(
    /// Where to turn with problems in the diary.
    #[derive(Default)]
    ProblemsContact {
        /// The child's school (seed 001).
        #[default]
        School => "school",
        /// The class teacher (seeds 003, 004).
        ClassTeacher => "class_teacher",
        /// The diary's feedback form (seed 003).
        FeedbackForm => "feedback_form",
    }
);

impl ProblemsContact {
    /// The id of the text that says where to turn.
    pub fn text_id(self) -> &'static str {
        match self {
            ProblemsContact::School => "elig.problems.school",
            ProblemsContact::ClassTeacher => "elig.problems.class_teacher",
            ProblemsContact::FeedbackForm => "elig.problems.feedback_form",
        }
    }
}

/// A region profile.
///
/// ```
/// use diary_rules::eligibility::region::{embedded, ConsentVia};
/// let ryazan = embedded("ryazan").unwrap();
/// assert_eq!(ryazan.consent_via, ConsentVia::Portfolio);
/// assert!(ryazan.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegionProfile {
    /// Lower-case Latin letters, digits, `_` and `-`; 1 to 40 characters.
    pub id: String,
    /// The region's name, in Russian and English.
    pub name: LocalName,
    /// The diary's login page.
    #[serde(default)]
    pub diary_site: Option<ProfileLink>,
    /// The diary app's name, e.g. «#УЧУСЬВКУЗБАССЕ».
    #[serde(default)]
    pub app_name: Option<String>,
    /// Store links for the app (at most 8).
    #[serde(default)]
    pub apps: Vec<AppLink>,
    /// The diary's button for the Gosuslugi login, quoted exactly.
    #[serde(default)]
    pub login_button: Option<String>,
    /// How the diary's login goes after Gosuslugi; default `plain`.
    #[serde(default)]
    pub login_flow: LoginFlow,
    /// How a parent consents for a minor's login; default `notification`.
    #[serde(default)]
    pub consent_via: ConsentVia,
    /// How a parent gets access to the child's diary; default `gosuslugi`.
    #[serde(default)]
    pub parent_flow: ParentFlow,
    /// Required when `parent_flow` is `application`.
    #[serde(default)]
    pub application: Option<ApplicationNames>,
    /// Where to turn with problems in the diary; default `school`.
    #[serde(default)]
    pub problems: ProblemsContact,
    /// The diary's feedback form or support page.
    #[serde(default)]
    pub problems_link: Option<ProfileLink>,
    /// Seed 003's variant: a legal representative may create the account of
    /// any child under 18 (off by default; see the note
    /// `age_limit_parent_created`).
    #[serde(default)]
    pub parent_may_create_until_18: bool,
    /// Where the profile's facts come from.
    #[serde(default)]
    pub source: Vec<String>,
}
