//! The error catalog: `data/errors.toml` (entries, quotes, variants per role
//! and age, contacts per region, links), parsed once on first use.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::age::AgeGroup;

/// Who must act. The same vocabulary as the eligibility engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    Parent,
    Student,
    School,
    Mfc,
    Support,
}

impl Actor {
    /// The stable id (also the JS API's string value).
    pub fn id(self) -> &'static str {
        match self {
            Actor::Parent => "parent",
            Actor::Student => "student",
            Actor::School => "school",
            Actor::Mfc => "mfc",
            Actor::Support => "support",
        }
    }
}

/// Who is asking: a parent (or other legal representative) or the student.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Parent,
    Student,
}

impl Role {
    pub fn id(self) -> &'static str {
        match self {
            Role::Parent => "parent",
            Role::Student => "student",
        }
    }
}

/// An age group as written in the data (`under_14`, `from_14_to_17`, `adult`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeKey {
    #[serde(rename = "under_14")]
    Under14,
    #[serde(rename = "from_14_to_17")]
    From14To17,
    Adult,
}

impl AgeKey {
    /// The stable id (the same as [`AgeGroup::id`]).
    pub fn id(self) -> &'static str {
        match self {
            AgeKey::Under14 => "under_14",
            AgeKey::From14To17 => "from_14_to_17",
            AgeKey::Adult => "adult",
        }
    }
}

impl From<AgeGroup> for AgeKey {
    fn from(g: AgeGroup) -> Self {
        match g {
            AgeGroup::Under14 => AgeKey::Under14,
            AgeGroup::From14To17 => AgeKey::From14To17,
            AgeGroup::Adult => AgeKey::Adult,
        }
    }
}

/// What sort of text a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Shown by the diary or Gosuslugi as an error or a warning.
    Message,
    /// A status label on a Gosuslugi document card.
    Status,
    /// A sentence of an official instruction that people paste.
    Instruction,
    /// How people describe the trouble; the project's wording.
    Paraphrase,
}

impl QuoteKind {
    pub fn id(self) -> &'static str {
        match self {
            QuoteKind::Message => "message",
            QuoteKind::Status => "status",
            QuoteKind::Instruction => "instruction",
            QuoteKind::Paraphrase => "paraphrase",
        }
    }
}

/// One source or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Sources {
    One(String),
    Many(Vec<String>),
}

impl Sources {
    pub fn as_slice(&self) -> &[String] {
        match self {
            Sources::One(s) => std::slice::from_ref(s),
            Sources::Many(v) => v,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Quote {
    /// The text id; its Russian words are the message as shown.
    pub text: String,
    pub kind: QuoteKind,
    /// Who sees this wording, when it tells (a student's message differs
    /// from a parent's).
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub ages: Option<Vec<AgeKey>>,
    pub source: Sources,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Variant {
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub ages: Option<Vec<AgeKey>>,
    pub actor: Actor,
    /// A [`Contact`] kind.
    #[serde(default)]
    pub contact: Option<String>,
    /// Text ids, in order.
    pub steps: Vec<String>,
    pub source: Sources,
}

impl Variant {
    /// Whether this variant is for a person with this role and age group.
    /// A condition the variant sets must be met by a known value.
    pub fn fits(&self, role: Option<Role>, age: Option<AgeKey>) -> bool {
        let role_fits = match self.role {
            None => true,
            Some(r) => role == Some(r),
        };
        let age_fits = match &self.ages {
            None => true,
            Some(ages) => age.is_some_and(|a| ages.contains(&a)),
        };
        role_fits && age_fits
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub cause: String,
    pub related: Vec<String>,
    pub links: Vec<String>,
    pub quote: Vec<Quote>,
    pub variant: Vec<Variant>,
    pub source: Sources,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Contact {
    pub kind: String,
    /// A region id; none for the generic contact of this kind.
    #[serde(default)]
    pub region: Option<String>,
    pub text: String,
    pub source: Sources,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Region {
    pub id: String,
    pub links: Vec<String>,
    pub source: Sources,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Link {
    pub id: String,
    pub url: String,
    pub label: String,
    pub source: Sources,
}

/// The whole catalog.
#[derive(Debug, Clone, Deserialize)]
pub struct Catalog {
    pub entry: Vec<Entry>,
    pub contact: Vec<Contact>,
    pub region: Vec<Region>,
    pub link: Vec<Link>,
}

impl Catalog {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entry.iter().find(|e| e.id == id)
    }

    pub fn link(&self, id: &str) -> Option<&Link> {
        self.link.iter().find(|l| l.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.region.iter().find(|r| r.id == id)
    }

    /// The contact of `kind` for `region`, or the generic one.
    pub fn contact(&self, kind: &str, region: Option<&str>) -> Option<&Contact> {
        let regional = region.and_then(|r| {
            self.contact.iter().find(|c| c.kind == kind && c.region.as_deref() == Some(r))
        });
        regional.or_else(|| self.contact.iter().find(|c| c.kind == kind && c.region.is_none()))
    }
}

/// The catalog, parsed on first use. The data is checked by the test suite,
/// so a parse failure cannot ship; should it happen anyway, the catalog is
/// empty and nothing matches (no panic).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/errors.json"))).unwrap_or(Catalog {
            entry: Vec::new(),
            contact: Vec::new(),
            region: Vec::new(),
            link: Vec::new(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts;

    #[test]
    fn data_parses() {
        let parsed: Result<Catalog, _> =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/errors.json")));
        let parsed = parsed.expect("errors.toml parses into the catalog");
        assert!(parsed.entry.len() >= 14);
    }

    #[test]
    fn every_reference_resolves() {
        let c = catalog();
        let mut ids = std::collections::HashSet::new();
        for e in &c.entry {
            assert!(ids.insert(e.id.as_str()), "duplicate entry {}", e.id);
        }
        for e in &c.entry {
            for id in [&e.title, &e.cause] {
                assert!(texts::entry(id).is_some(), "{}: no text {id}", e.id);
            }
            for r in &e.related {
                assert!(c.entry(r).is_some() && r != &e.id, "{}: bad related {r}", e.id);
            }
            for l in &e.links {
                assert!(c.link(l).is_some(), "{}: no link {l}", e.id);
            }
            assert!(!e.quote.is_empty(), "{}: no quote", e.id);
            for q in &e.quote {
                assert!(texts::entry(&q.text).is_some(), "{}: no text {}", e.id, q.text);
                assert!(!q.source.as_slice().is_empty());
            }
            assert!(!e.variant.is_empty(), "{}: no variant", e.id);
            let last = e.variant.last().expect("a variant");
            assert!(last.role.is_none() && last.ages.is_none(), "{}: the last variant must fit anyone", e.id);
            for v in &e.variant {
                assert!(!v.steps.is_empty(), "{}: a variant without steps", e.id);
                for s in &v.steps {
                    assert!(texts::entry(s).is_some(), "{}: no text {s}", e.id);
                }
                if let Some(kind) = &v.contact {
                    assert!(c.contact(kind, None).is_some(), "{}: no generic contact {kind}", e.id);
                }
                assert!(!v.source.as_slice().is_empty());
            }
        }
        for contact in &c.contact {
            assert!(texts::entry(&contact.text).is_some(), "no text {}", contact.text);
            if let Some(r) = &contact.region {
                assert!(c.region(r).is_some(), "contact for unknown region {r}");
            }
        }
        for r in &c.region {
            for l in &r.links {
                assert!(c.link(l).is_some(), "region {}: no link {l}", r.id);
            }
        }
        for l in &c.link {
            assert!(texts::entry(&l.label).is_some(), "no text {}", l.label);
            assert!(l.url.starts_with("https://") || l.url.starts_with("http://"));
        }
    }

    #[test]
    fn required_regions_exist() {
        for id in ["generic", "kuzbass", "ryazan", "orenburg"] {
            assert!(catalog().region(id).is_some(), "{id}");
        }
    }
}
