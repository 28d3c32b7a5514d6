//! Region profiles: what differs between regional diaries (site, apps,
//! names of buttons and sections, which variant of a step applies, where to
//! turn with problems), as data.
//!
//! The embedded profiles (`kuzbass`, `orenburg`, `ryazan`, `generic`) come
//! from `data/regions.toml`. A host can pass its own profile object through
//! the JS API: it is deserialized into [`RegionProfile`] (camelCase keys,
//! unknown keys rejected) and checked with [`RegionProfile::validate`].

use crate::id::closed_set;

use std::sync::OnceLock;

pub use super::schema::{
    AppLink, ApplicationNames, ConsentVia, LocalName, LoginFlow, ParentFlow, ProblemsContact, ProfileLink,
    RegionProfile,
};

closed_set!(
    /// What is wrong with a profile field.
    ProfileProblem {
        Empty => "empty",
        TooLong => "too_long",
        /// `id` is not lower-case Latin letters, digits, `_`, `-`.
        BadId => "bad_id",
        /// A link is not `https://…` or `http://…`, or has spaces or quotes.
        BadHref => "bad_href",
        TooMany => "too_many",
        /// A text holds control characters (line breaks, direction overrides…).
        BadCharacters => "bad_characters",
        /// `parentFlow = "application"` needs `application` names.
        RequiredForApplicationFlow => "required_for_application_flow",
    }
);

/// A profile field at fault (`apps[1].href`, camelCase) and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    /// The field's path in camelCase, e.g. `apps[1].href`.
    pub field: String,
    /// What is wrong with it.
    pub problem: ProfileProblem,
}

/// `"<field>: <problem id>"`, e.g. `apps[1].href: bad_href`.
impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.problem.id())
    }
}

impl std::error::Error for ProfileError {}

/// The longest text a profile field may hold.
pub const MAX_PROFILE_TEXT: usize = 300;
/// The most store links a profile may hold.
pub const MAX_APPS: usize = 8;

fn err(field: impl Into<String>, problem: ProfileProblem) -> ProfileError {
    ProfileError { field: field.into(), problem }
}

fn check_text(field: &str, value: &str) -> Result<(), ProfileError> {
    if value.trim().is_empty() {
        return Err(err(field, ProfileProblem::Empty));
    }
    if value.chars().count() > MAX_PROFILE_TEXT {
        return Err(err(field, ProfileProblem::TooLong));
    }
    // Control characters and bidirectional overrides (U+202A–U+202E,
    // U+2066–U+2069) would garble what the user reads.
    if value.chars().any(|c| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')) {
        return Err(err(field, ProfileProblem::BadCharacters));
    }
    Ok(())
}

fn check_href(field: &str, href: &str) -> Result<(), ProfileError> {
    check_text(field, href)?;
    let rest = href.strip_prefix("https://").or_else(|| href.strip_prefix("http://"));
    match rest {
        Some(rest)
            if !rest.is_empty()
                && !rest
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\')) =>
        {
            Ok(())
        }
        _ => Err(err(field, ProfileProblem::BadHref)),
    }
}

fn check_link(field: &str, link: &ProfileLink) -> Result<(), ProfileError> {
    check_href(&format!("{field}.href"), &link.href)?;
    check_text(&format!("{field}.label"), &link.label)
}

impl LocalName {
    /// The name in `lang`: a profile names itself in Russian and English,
    /// so any language but Russian reads the English name.
    pub fn get(&self, lang: crate::Lang) -> &str {
        if lang == crate::Lang::Ru {
            &self.ru
        } else {
            &self.en
        }
    }
}

impl RegionProfile {
    /// Checks every field; the error names the first bad one.
    ///
    /// ```
    /// use diary_rules::eligibility::region::{embedded, ProfileProblem};
    /// let mut p = embedded("generic").unwrap().clone();
    /// p.id = "My Region".into();
    /// let e = p.validate().unwrap_err();
    /// assert_eq!((e.field.as_str(), e.problem), ("id", ProfileProblem::BadId));
    /// ```
    pub fn validate(&self) -> Result<(), ProfileError> {
        check_text("id", &self.id)?;
        if self.id.len() > 40
            || !self.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        {
            return Err(err("id", ProfileProblem::BadId));
        }
        check_text("name.ru", &self.name.ru)?;
        check_text("name.en", &self.name.en)?;
        if let Some(site) = &self.diary_site {
            check_link("diarySite", site)?;
        }
        if let Some(name) = &self.app_name {
            check_text("appName", name)?;
        }
        if self.apps.len() > MAX_APPS {
            return Err(err("apps", ProfileProblem::TooMany));
        }
        for (i, app) in self.apps.iter().enumerate() {
            check_text(&format!("apps[{i}].store"), &app.store)?;
            check_href(&format!("apps[{i}].href"), &app.href)?;
        }
        if let Some(button) = &self.login_button {
            check_text("loginButton", button)?;
        }
        match (&self.application, self.parent_flow) {
            (None, ParentFlow::Application) => {
                return Err(err("application", ProfileProblem::RequiredForApplicationFlow))
            }
            (Some(names), _) => {
                check_text("application.accessSection", &names.access_section)?;
                check_text("application.applyButton", &names.apply_button)?;
                check_text("application.submittedMessage", &names.submitted_message)?;
            }
            (None, ParentFlow::Gosuslugi) => {}
        }
        if let Some(link) = &self.problems_link {
            check_link("problemsLink", link)?;
        }
        if self.source.len() > 20 {
            return Err(err("source", ProfileProblem::TooMany));
        }
        for (i, s) in self.source.iter().enumerate() {
            check_text(&format!("source[{i}]"), s)?;
        }
        Ok(())
    }

    /// The id as a `'static` string when this is an embedded profile
    /// (`"custom"` otherwise).
    pub fn id_static(&self) -> &'static str {
        embedded_all().iter().find(|p| p.id == self.id).map(|p| p.id.as_str()).unwrap_or("custom")
    }
}

// `fn profiles() -> Vec<RegionProfile>`, generated by build.rs.
include!(concat!(env!("OUT_DIR"), "/regions.rs"));

/// Every embedded profile, in the order of `data/regions.toml`.
pub fn embedded_all() -> &'static [RegionProfile] {
    static PROFILES: OnceLock<Vec<RegionProfile>> = OnceLock::new();
    PROFILES.get_or_init(profiles)
}

/// The embedded profile with this id.
pub fn embedded(id: &str) -> Option<&'static RegionProfile> {
    embedded_all().iter().find(|p| p.id == id)
}

/// The profile used when the host names none: no region specifics.
pub fn generic() -> &'static RegionProfile {
    static FALLBACK: OnceLock<RegionProfile> = OnceLock::new();
    embedded("generic").unwrap_or_else(|| {
        FALLBACK.get_or_init(|| RegionProfile {
            id: "generic".into(),
            name: LocalName { ru: "Любой регион".into(), en: "Any region".into() },
            diary_site: None,
            app_name: None,
            apps: Vec::new(),
            login_button: None,
            login_flow: LoginFlow::Plain,
            consent_via: ConsentVia::Notification,
            parent_flow: ParentFlow::Gosuslugi,
            application: None,
            problems: ProblemsContact::School,
            problems_link: None,
            parent_may_create_until_18: false,
            source: vec!["project".into()],
        })
    })
}
