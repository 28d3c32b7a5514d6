//! What the panel shows: the host's settings and the user's choices.

use diary_rules::Lang;

/// Who is at the login page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    #[default]
    Parent,
    Student,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Parent, Role::Student];

    pub fn id(self) -> &'static str {
        match self {
            Role::Parent => "parent",
            Role::Student => "student",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == s)
    }

    /// The id of the tab label.
    pub fn label_id(self) -> &'static str {
        match self {
            Role::Parent => "ui.role.parent",
            Role::Student => "ui.role.student",
        }
    }
}

/// The panel's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    NextSteps,
    Error,
    Password,
    #[default]
    CheckData,
}

impl Section {
    /// The sections the panel shows, in tab order.
    pub const ALL: &'static [Section] = &[Section::CheckData];

    pub fn id(self) -> &'static str {
        match self {
            Section::NextSteps => "next",
            Section::Error => "error",
            Section::Password => "password",
            Section::CheckData => "data",
        }
    }

    pub fn label_id(self) -> &'static str {
        match self {
            Section::NextSteps => "ui.section.next",
            Section::Error => "ui.section.error",
            Section::Password => "ui.section.password",
            Section::CheckData => "ui.section.data",
        }
    }
}

/// Settings that come from the host page (options, attributes, handle calls).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HostConfig {
    pub lang: Lang,
    pub role: Role,
    /// A region profile id (`"kuzbass"`, `"ryazan"`, …); `None` is generic.
    pub region: Option<String>,
    /// An error message the user saw, passed by the host.
    pub error: Option<String>,
    /// Whether progress may be remembered on this device.
    pub remember: bool,
}
