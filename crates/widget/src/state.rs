//! What the panel shows: the host's settings and the user's choices.

use diary_rules::eligibility::questions::Question;
use diary_rules::eligibility::situation::RegionArg;
use diary_rules::id::closed_set;
use diary_rules::Lang;

/// Who is at the login page: the rules' closed set of readers.
pub use diary_rules::Reader as Role;

closed_set!(
    /// The panel's sections; `ALL` is the tab order.
    #[derive(Default)]
    Section {
        #[default]
        NextSteps => "next",
        Error => "error",
        Password => "password",
        CheckData => "data",
    }
);

impl Section {
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
    /// A region profile: an embedded id (`"kuzbass"`, `"ryazan"`, …; an
    /// unknown id reads as generic) or the host's own profile, validated;
    /// `None` is generic.
    pub region: Option<RegionArg>,
    /// The host's own profile object as it came, when `region` is one:
    /// passed on to the lazily loaded sections, which read it with the same
    /// validator (`undefined` otherwise).
    pub region_object: wasm_bindgen::JsValue,
    /// An error message the user saw, passed by the host.
    pub error: Option<String>,
    /// The page URL's `?error=` value, when the host opted in
    /// (`errorFromUrl`). Anyone can write a link with any words in it, so
    /// it only selects: a catalog id or a message the rules recognise opens
    /// its explanation; its words are never shown (`ErrorHelp`).
    pub url_error: Option<String>,
    /// Whether progress may be remembered on this device.
    pub remember: bool,
    /// Whether the guide adds browser history entries, so that Back goes to
    /// the previous question (`history.rs`).
    pub history: bool,
}

/// The wizard's answers: the student's birth date and the answers to the
/// rules' questions (by question id; an omitted question is "I don't know").
/// This is everything the panel may remember on the device: the type has no
/// field for names, СНИЛС, certificate numbers or passwords, and
/// [`Answers::sanitized`] drops anything that is not a well-formed answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// Question id → answer id (or `YYYY-MM-DDTHH:MM` for the check's time).
    /// A «Сделано» tick on a step is stored here too, as the answer that
    /// makes the step done.
    pub answers: AnswerMap,
    /// Questions answered «Не знаю» (the wizard moves on past them).
    pub unknown: Vec<String>,
    /// The user said the birth date really is the pupil's (asked once when
    /// a parent's date makes the pupil an adult or very young).
    pub birth_checked: bool,
    /// The person ticked «Запомнить дату рождения на этом устройстве»: the
    /// birth date is kept with the other answers. Otherwise it is kept for
    /// this tab only (`sessionStorage`), see `storage.rs`.
    pub remember_birth: bool,
}

impl Answers {
    pub fn is_empty(&self) -> bool {
        self.birth_date.is_none() && self.answers.is_empty() && self.unknown.is_empty()
    }

    /// Whether `q` was answered «Не знаю».
    pub fn is_unknown(&self, q: Question) -> bool {
        self.unknown.iter().any(|k| k == q.id())
    }

    /// A copy with `q` answered «Не знаю».
    pub fn with_unknown(&self, q: Question) -> Answers {
        let mut next = self.with(q, None);
        next.unknown.push(q.id().to_owned());
        next
    }

    /// The answer to `q`, if given.
    pub fn get(&self, q: Question) -> Option<&str> {
        self.answers.get(q.id()).map(String::as_str)
    }

    /// A copy with the answer to `q` set (`None` or an empty string: not known).
    pub fn with(&self, q: Question, value: Option<String>) -> Answers {
        let mut next = self.clone();
        match value.filter(|v| !v.is_empty()) {
            Some(v) => next.answers.insert(q.id().to_owned(), v),
            None => next.answers.remove(q.id()),
        };
        next.unknown.retain(|k| k != q.id());
        next
    }

    /// Keeps only a real date and well-formed answers to known questions
    /// (what comes back from storage may be old or edited by hand).
    pub fn sanitized(self) -> Answers {
        let birth_date = self.birth_date.filter(|d| diary_rules::age::parse_iso_date(d).is_some());
        Answers {
            birth_checked: self.birth_checked && birth_date.is_some(),
            remember_birth: self.remember_birth,
            birth_date,
            // Known questions without an answer, once each, in declaration order.
            unknown: Question::ALL
                .iter()
                .map(|q| q.id())
                .filter(|k| self.unknown.iter().any(|u| u == k) && !self.answers.contains_key(k))
                .map(str::to_owned)
                .collect(),
            answers: self
                .answers
                .into_iter()
                .filter(|(k, v)| Question::parse(k).is_some_and(|q| q.accepts(v)))
                .collect(),
        }
    }
}

/// Question id → answer, sorted by id: a handful of entries, so a sorted
/// `Vec` with the few map operations the panel uses. A `BTreeMap` here cost
/// the first module its own copy of the B-tree code and a sort (issue 25).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnswerMap(Vec<(String, String)>);

impl AnswerMap {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&String> {
        let i = self.find(key).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key`'s answer; returns the one it replaces.
    pub fn insert(&mut self, key: String, value: String) -> Option<String> {
        match self.find(&key) {
            Ok(i) => self.0.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        let i = self.find(key).ok()?;
        Some(self.0.remove(i).1)
    }

    /// The answers in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl FromIterator<(String, String)> for AnswerMap {
    /// As a map: a key given twice keeps its last answer.
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        let mut map = AnswerMap::default();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl IntoIterator for AnswerMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a AnswerMap {
    type Item = &'a (String, String);
    type IntoIter = std::slice::Iter<'a, (String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Reads a `region` setting as the host gives it (`mount()`'s option,
/// `setRegion`) and as the panel passes it on to its lazily loaded sections:
/// `null`/`undefined`/blank for generic, an id, or a profile object (read
/// and validated by rules-js's one profile reader). Returns the region and,
/// when it is a profile, the object itself (else `undefined`), which the
/// panel hands to the sections module to read again.
pub fn read_region(
    value: &wasm_bindgen::JsValue,
    field: &str,
) -> Result<(Option<RegionArg>, wasm_bindgen::JsValue), wasm_bindgen::JsError> {
    use diary_rules_js::convert::is_nullish;
    use wasm_bindgen::JsValue;
    if value.is_string() || is_nullish(value) {
        let id = value.as_string().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        return Ok((id.map(RegionArg::Id), JsValue::UNDEFINED));
    }
    let region = diary_rules_js::profile::validated_region(value, field)?;
    Ok((Some(region), if value.is_object() { value.clone() } else { JsValue::UNDEFINED }))
}

/// The id of a region setting, for what takes ids (error explanations, the
/// crash apology): a host's own profile gives its own id, which reads as the
/// generic profile there.
pub fn region_id(region: &Option<RegionArg>) -> Option<String> {
    match region {
        Some(RegionArg::Id(id)) => Some(id.clone()),
        Some(RegionArg::Profile(profile)) => Some(profile.id.clone()),
        None => None,
    }
}
