//! Error explanation: take whatever message the user saw (typed from memory,
//! pasted, with typos, cut short) and say what it means, who must act and
//! what to do, for this person's role and age.
//!
//! The pipeline: [`normalize`] (words) → [`matcher`] (the best catalog quote
//! and a confidence) → this module (the entry's variant for the role and age,
//! the contact for the region, links). Everything returned is an id: text ids
//! for [`crate::texts::text`], entry ids, actor ids.
//!
//! ```
//! use diary_rules::explain::{explain, ExplainContext, Role};
//! let ctx = ExplainContext { role: Some(Role::Parent), ..Default::default() };
//! let e = explain("Дневник не найден", &ctx).unwrap();
//! assert_eq!(e.id, "diary_not_found");
//! assert_eq!(e.actor.id(), "school");
//! // The diary's own login form: its login and password were switched off.
//! assert_eq!(explain("Неверный логин или пароль", &ctx).unwrap().id, "diary_login_disabled");
//! // Shares «код» with the binding code, but is an SMS code: no answer.
//! assert!(explain("Неверный код подтверждения", &ctx).is_none());
//! ```

pub mod catalog;
pub mod matcher;
pub mod normalize;

pub use catalog::{Actor, QuoteKind, Role, Side};

use crate::age::AgeGroup;
use catalog::{catalog, Entry, Quote};

/// What we know about the person asking. Everything is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExplainContext {
    /// A parent (or other legal representative) or the student.
    pub role: Option<Role>,
    /// The student's age group (for a parent: the child's).
    pub age: Option<AgeGroup>,
    /// A region id (`kuzbass`, `ryazan`, `orenburg`, `generic`); an unknown
    /// id is treated as `generic`.
    pub region: Option<String>,
}

/// An official page to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExplainLink {
    /// The page's URL.
    pub url: &'static str,
    /// Text id of the link's label.
    pub label: &'static str,
}

/// What a message means and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The catalog entry id, e.g. `"diary_not_found"`.
    pub id: &'static str,
    /// 0..=1, rounded to two decimals; 1.0 when the message was given exactly
    /// or chosen from the list.
    pub confidence: f32,
    /// Text id of the quote that matched; its Russian words are the message
    /// as shown.
    pub quote: &'static str,
    /// What sort of text that quote is.
    pub quote_kind: QuoteKind,
    /// Text ids.
    pub title: &'static str,
    /// Text id of what causes it, for the reader.
    pub cause: &'static str,
    /// Who must act (`support` when the entry has no variant).
    pub actor: Actor,
    /// Text ids of what to do, in order, for the reader.
    pub steps: Vec<&'static str>,
    /// Text id of where to turn, for the region.
    pub contact: Option<&'static str>,
    /// The kind of that contact (`school`, `feedback_form`,
    /// `gosuslugi_support`, `mfc`, `parent`): see [`operator_contact`].
    pub contact_kind: Option<&'static str>,
    /// Official pages to open: the entry's, then the region's, each URL once.
    pub links: Vec<ExplainLink>,
    /// Entry ids of related troubles.
    pub related: Vec<&'static str>,
    /// The role and ages the answer was chosen for (from the context, else
    /// from the wording of the message, else unknown).
    pub role: Option<Role>,
    /// The age groups; empty when unknown.
    pub ages: Vec<AgeGroup>,
    /// Where the message is shown (whom to ask about it).
    pub side: Side,
}

/// Explains a message. `None` when the text matches no catalog message well
/// enough (an unrelated message gets nothing rather than a wrong guess).
pub fn explain(text: &str, ctx: &ExplainContext) -> Option<Explanation> {
    // Decomposed letters (a pasted «и» + U+0306) read as the letters shown.
    let m = matcher::best_match(&crate::nfc::nfc(text))?;
    let entry = catalog().entry.get(m.entry)?;
    let quote = entry.quote.get(m.quote)?;
    Some(build(entry, quote, m.confidence, ctx))
}

/// Everything the panel shows for a text: the answer (and a second entry
/// that fits nearly as well), or, when unsure, the entries the text came
/// closest to and whom to ask on each side. Ids only; `recognised` is the
/// part of the person's own text that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The best explanation; `None` when the text matches no catalog message
    /// well enough.
    pub answer: Option<Explanation>,
    /// Another entry about as likely as the answer: show both.
    pub also: Option<Explanation>,
    /// With no answer: ids of the closest catalog entries, closest first
    /// (at most [`matcher::NEAREST_COUNT`]).
    pub maybe: Vec<&'static str>,
    /// The side (Gosuslugi or the diary) the text names, if it names one.
    pub side: Option<Side>,
    /// With no answer: text ids of whom to ask about a Gosuslugi-side and
    /// about a diary-side message, for the region.
    pub contacts: SideContacts,
    /// The words of the text that matched (from the first to the last
    /// matched word), when an answer was found.
    pub recognised: Option<String>,
}

/// Whom to ask, by the side a message is shown on: text ids of catalog
/// contacts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SideContacts {
    /// Gosuslugi support (its own pages, its statuses and codes).
    pub gosuslugi: Option<&'static str>,
    /// The school (the diary's data, its login page) for the region.
    pub diary: Option<&'static str>,
}

/// The contact kind asked on each side.
fn side_contact_kind(side: Side) -> &'static str {
    match side {
        Side::Gosuslugi => "gosuslugi_support",
        Side::Diary => "school",
    }
}

/// Explains a text with everything around the answer (see [`Outcome`]).
///
/// ```
/// use diary_rules::explain::{explain_text, ExplainContext};
/// let ctx = ExplainContext { region: Some("ryazan".into()), ..Default::default() };
/// let o = explain_text("Скрин с телефона 12:40. Дневник не найден. Что делать?", &ctx);
/// assert_eq!(o.answer.unwrap().id, "diary_not_found");
/// assert_eq!(o.recognised.as_deref(), Some("Дневник не найден"));
/// // Another service's message: no answer, and no suggestion about it.
/// let o = explain_text("Этот номер уже используется в Telegram", &ctx);
/// assert!(o.answer.is_none());
/// assert!(o.contacts.gosuslugi.is_some() && o.contacts.diary.is_some());
/// ```
pub fn explain_text(text: &str, ctx: &ExplainContext) -> Outcome {
    let text = crate::nfc::nfc(text);
    let m = matcher::matches(&text);
    let c = catalog();
    let region = ctx.region.as_deref().filter(|r| c.region(r).is_some());
    let entry_of = |q: &matcher::QuoteMatch| {
        let entry = c.entry.get(q.entry)?;
        let quote = entry.quote.get(q.quote)?;
        Some(build(entry, quote, q.confidence, ctx))
    };
    let answer = m.best.as_ref().and_then(entry_of);
    let also = m.rival.as_ref().and_then(entry_of);
    let recognised = m.best.as_ref().and_then(|q| text.get(q.span.clone())).map(str::to_owned);
    let maybe = m.nearest.iter().filter_map(|&e| c.entry.get(e).map(|e| e.id)).collect();
    let contact = |side: Side| c.contact(side_contact_kind(side), region).map(|k| k.text);
    let contacts = if answer.is_none() {
        SideContacts { gosuslugi: contact(Side::Gosuslugi), diary: contact(Side::Diary) }
    } else {
        SideContacts::default()
    };
    Outcome { answer, also, maybe, side: m.side, contacts, recognised }
}

/// The side a catalog entry's message is shown on.
///
/// ```
/// use diary_rules::explain::{side_of, Side};
/// assert_eq!(side_of("diary_not_found"), Some(Side::Diary));
/// assert_eq!(side_of("binding_code_expired"), Some(Side::Gosuslugi));
/// ```
pub fn side_of(id: &str) -> Option<Side> {
    catalog().entry(id).map(|e| e.side)
}

/// Explains a catalog entry chosen by id (from [`list`]), with confidence 1.
///
/// ```
/// use diary_rules::explain::{explain_id, ExplainContext};
/// assert_eq!(explain_id("not_found_in_sfr", &ExplainContext::default()).unwrap().actor.id(), "parent");
/// assert!(explain_id("no_such_error", &ExplainContext::default()).is_none());
/// ```
pub fn explain_id(id: &str, ctx: &ExplainContext) -> Option<Explanation> {
    let entry = catalog().entry(id)?;
    let quote = entry.quote.first()?;
    Some(build(entry, quote, 1.0, ctx))
}

/// Where to turn for `e` when the host gave its own region profile: the
/// diary side (the school, the diary's feedback form) is the operator's,
/// so its words are the profile's `problems` (a text id: a student reads
/// its `_student` variant), with the profile's `problemsLink` beside them.
/// Gosuslugi support, the МФЦ and a parent do not depend on the operator:
/// `None`, keep [`Explanation::contact`].
///
/// ```
/// use diary_rules::eligibility::region::{embedded, ProblemsContact};
/// use diary_rules::explain::{explain_id, operator_contact, ExplainContext};
/// let mut profile = embedded("generic").unwrap().clone();
/// profile.problems = ProblemsContact::FeedbackForm;
/// let e = explain_id("diary_not_found", &ExplainContext::default()).unwrap();
/// assert_eq!(operator_contact(&e, &profile), Some("elig.problems.feedback_form"));
/// let e = explain_id("binding_code_expired", &ExplainContext::default()).unwrap();
/// assert_eq!(operator_contact(&e, &profile), None);
/// ```
pub fn operator_contact(e: &Explanation, profile: &crate::eligibility::RegionProfile) -> Option<&'static str> {
    matches!(e.contact_kind, Some("school" | "feedback_form")).then(|| profile.problems.text_id())
}

/// One catalog entry for a picker: id, the text id of its first quote, the
/// text id of its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListedError {
    /// The catalog entry id, e.g. `diary_not_found`.
    pub id: &'static str,
    /// Text id of the entry's first quote.
    pub quote: &'static str,
    /// Text id of the entry's title.
    pub title: &'static str,
}

/// Every catalog entry, in catalog order.
///
/// ```
/// let ids: Vec<_> = diary_rules::explain::list().map(|e| e.id).collect();
/// assert!(ids.contains(&"diary_not_found"));
/// ```
pub fn list() -> impl Iterator<Item = ListedError> {
    catalog().entry.iter().filter_map(|e| Some(ListedError { id: e.id, quote: e.quote.first()?.text, title: e.title }))
}

const ALL_AGES: [AgeGroup; 3] = [AgeGroup::Under14, AgeGroup::From14To17, AgeGroup::Adult];
const MINOR_AGES: [AgeGroup; 2] = [AgeGroup::Under14, AgeGroup::From14To17];

/// The role and the possible age groups of the person: the context first,
/// then what the message's wording implies. A student of unknown age is
/// taken to be a minor (most are).
fn audience(quote: &Quote, ctx: &ExplainContext) -> (Option<Role>, Vec<AgeGroup>) {
    let role = ctx.role.or(quote.role);
    let ages = match (ctx.age, &quote.ages) {
        (Some(age), _) => vec![age],
        // The wording tells the age only if it was said to the same role.
        (None, Some(ages)) if !ages.is_empty() && (ctx.role.is_none() || ctx.role == quote.role) => ages.to_vec(),
        _ if role == Some(Role::Student) => MINOR_AGES.to_vec(),
        _ => Vec::new(),
    };
    (role, ages)
}

/// The text a reader in `role` sees for `id`: a student gets `<id>_student`
/// where the data has one (written with «ты», about "you", not "the child").
fn for_reader(id: &'static str, role: Option<Role>) -> &'static str {
    crate::texts::for_reader(id, role == Some(Role::Student)).map_or(id, |e| e.id)
}

fn build(entry: &'static Entry, quote: &'static Quote, confidence: f32, ctx: &ExplainContext) -> Explanation {
    let (role, ages) = audience(quote, ctx);
    let possible: &[AgeGroup] = if ages.is_empty() { &ALL_AGES } else { &ages };
    let variant = entry
        .variant
        .iter()
        .find(|v| {
            let role_fits = v.role.is_none() || v.role == role;
            let age_fits = v.ages.is_none_or(|allowed| possible.iter().all(|a| allowed.contains(a)));
            role_fits && age_fits
        })
        .or(entry.variant.last());
    let c = catalog();
    let region = ctx.region.as_deref().filter(|r| c.region(r).is_some());
    let contact_kind = variant.and_then(|v| v.contact);
    let contact = contact_kind.and_then(|kind| c.contact(kind, region)).map(|contact| contact.text);
    let mut links: Vec<ExplainLink> = Vec::new();
    let region_links: &[&str] = region.and_then(|r| c.region(r)).map_or(&[], |r| r.links.0);
    for id in entry.links.0.iter().chain(region_links) {
        if let Some(l) = c.link(id) {
            if !links.iter().any(|x| x.url == l.url) {
                links.push(ExplainLink { url: l.url, label: l.label });
            }
        }
    }
    let reader = |id: &'static str| for_reader(id, role);
    Explanation {
        id: entry.id,
        confidence,
        quote: quote.text,
        quote_kind: quote.kind,
        title: reader(entry.title),
        cause: reader(entry.cause),
        actor: variant.map_or(Actor::Support, |v| v.actor),
        steps: variant.map(|v| v.steps.iter().map(|s| reader(s)).collect()).unwrap_or_default(),
        contact: contact.map(reader),
        contact_kind: contact.and(contact_kind),
        links,
        related: entry.related.to_vec(),
        role,
        ages,
        side: entry.side,
    }
}
