//! The closed sets the data files name (`data/errors.toml`'s roles, age
//! groups, actors and quote kinds), defined once: the crate re-exports each
//! where it belongs (`eligibility::situation::Role`, `eligibility::steps::Actor`,
//! `age::AgeGroup`, `explain::QuoteKind`), and build.rs includes this file to
//! read the data into the same types. `Reader` (who reads the help: the
//! panel's tabs, the static guide's pages) is here beside `Role`, the rules'
//! view of the same person (re-exported as `diary_rules::Reader`).

use crate::id::closed_set;

closed_set!(
    /// Who is at the page, or asking: a parent (or other legal representative) or the student.
    Role { Parent => "parent", Student => "student" }
);

closed_set!(
    /// Who reads the help: the panel's role tabs and the static guide's
    /// pages. A guardian («опекун») takes the parent's path, with the
    /// guardian's document check at an МФЦ; the words address each reader.
    #[derive(Default)]
    Reader {
        #[default]
        Parent => "parent",
        Guardian => "guardian",
        Student => "student",
    }
);

impl Reader {
    /// The student reads «ты», a parent or guardian «вы».
    pub fn is_student(self) -> bool {
        self == Reader::Student
    }

    /// The role as the rules take it (a guardian acts as a parent).
    pub fn role(self) -> Role {
        match self {
            Reader::Student => Role::Student,
            Reader::Parent | Reader::Guardian => Role::Parent,
        }
    }

    /// The id of the reader's label (the panel's tab, the guide's links).
    pub fn label_id(self) -> &'static str {
        match self {
            Reader::Parent => "ui.role.parent",
            Reader::Guardian => "ui.role.guardian",
            Reader::Student => "ui.role.student",
        }
    }
}

closed_set!(
    /// Who does a step, or must act on an error.
    Actor { Parent => "parent", Student => "student", School => "school", Mfc => "mfc", Support => "support" }
);

closed_set!(
    /// The age groups that decide the login path.
    AgeGroup {
        /// 0..=13: a parent creates the child's account.
        Under14 => "under_14",
        /// 14..=17: the child registers; a parent links and consents.
        From14To17 => "from_14_to_17",
        /// 18 and over: the student acts alone.
        Adult => "adult",
    }
);

closed_set!(
    /// What sort of text a quote is.
    QuoteKind {
        /// Shown by the diary or Gosuslugi as an error or a warning.
        Message => "message",
        /// A status label on a Gosuslugi document card.
        Status => "status",
        /// A sentence of an official instruction that people paste.
        Instruction => "instruction",
        /// How people describe the trouble; the project's wording.
        Paraphrase => "paraphrase",
    }
);
