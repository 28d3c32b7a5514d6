//! Fixed links the steps point to (Gosuslugi help pages), from
//! `data/eligibility.toml` (`[[link]]`, each with its source). A link's
//! label is the text `elig.link.<id>`.

use std::sync::OnceLock;

use serde::Deserialize;

/// One fixed link.
#[derive(Debug, Clone, Deserialize)]
pub struct FixedLink {
    pub id: String,
    pub href: String,
    pub source: Vec<String>,
}

#[derive(Deserialize)]
struct EligibilityFile {
    link: Vec<FixedLink>,
}

/// Every fixed link.
pub fn all() -> &'static [FixedLink] {
    static LINKS: OnceLock<Vec<FixedLink>> = OnceLock::new();
    LINKS.get_or_init(|| {
        serde_json::from_str::<EligibilityFile>(include_str!(concat!(env!("OUT_DIR"), "/eligibility.json")))
            .map(|f| f.link)
            .unwrap_or_default()
    })
}

/// The fixed link with this id.
pub fn get(id: &str) -> Option<&'static FixedLink> {
    all().iter().find(|l| l.id == id)
}
