//! TypeScript types shared by the rules API and the widget's `mount()`:
//! always built (with or without the `api` feature), so the widget's
//! `.d.ts` has them even when it does not re-export the rules API.
//!
//! The region profile's JS description is the structs below: their serde
//! attributes give the TypeScript interfaces (tsify) and the reader
//! (`#[derive(FromJs)]`, into the rules crate's own types, whose fields the
//! struct literal checks against these), so each key is written once. The
//! `Lang`, `BuiltInRegionId` and the profile's unions come from the closed
//! sets ([`crate::ids`]).

// The structs are only descriptions: the reader builds the rules crate's
// types, so none of them is ever constructed.
#![allow(dead_code)]

use crate::convert::FromJs;
use diary_rules::eligibility::region::{self, ConsentVia, LoginFlow, ParentFlow, ProblemsContact};
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// The text of the custom section below (a constant of its own, so tests can
/// read it; the dead-code lint does not see the section's use).
const TS_SHARED_TEXT: &str = r#"
/** A built-in region profile id, or a host's own profile's id (in results; inputs take `BuiltInRegionId`, so a typo of a built-in id fails to compile, or a `RegionProfile`). */
export type RegionId = BuiltInRegionId | (string & {});
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_SHARED: &str = TS_SHARED_TEXT;

/// A region's name in each language.
#[derive(Tsify, FromJs)]
#[serde(deny_unknown_fields)]
#[from_js(remote = "region::LocalName")]
pub struct LocalName {
    pub ru: String,
    pub en: String,
}

/// A link a profile supplies.
#[derive(Tsify, FromJs)]
#[serde(deny_unknown_fields)]
#[from_js(remote = "region::ProfileLink")]
pub struct ProfileLink {
    pub href: String,
    pub label: String,
}

/// A store link for the diary's mobile app.
#[derive(Tsify, FromJs)]
#[serde(deny_unknown_fields)]
#[from_js(remote = "region::AppLink")]
pub struct AppLink {
    pub store: String,
    pub href: String,
}

/// The diary's own names in the school-application flow.
#[derive(Tsify, FromJs)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[from_js(remote = "region::ApplicationNames")]
pub struct ApplicationNames {
    pub access_section: String,
    pub apply_button: String,
    pub submitted_message: String,
}

/// A region profile a host may pass as `region`.
#[derive(Tsify, FromJs)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[from_js(remote = "region::RegionProfile")]
pub struct RegionProfile {
    /// Lower-case Latin letters, digits, "_" and "-".
    pub id: String,
    pub name: LocalName,
    #[serde(default)]
    #[tsify(optional)]
    pub diary_site: Option<ProfileLink>,
    #[serde(default)]
    #[tsify(optional)]
    pub app_name: Option<String>,
    #[serde(default)]
    pub apps: Vec<AppLink>,
    #[serde(default)]
    #[tsify(optional)]
    pub login_button: Option<String>,
    #[serde(default)]
    pub login_flow: LoginFlow,
    #[serde(default)]
    pub consent_via: ConsentVia,
    #[serde(default)]
    pub parent_flow: ParentFlow,
    /// Required when parentFlow is "application".
    #[serde(default)]
    #[tsify(optional)]
    pub application: Option<ApplicationNames>,
    #[serde(default)]
    pub problems: ProblemsContact,
    #[serde(default)]
    #[tsify(optional)]
    pub problems_link: Option<ProfileLink>,
    #[serde(default)]
    pub parent_may_create_until_18: bool,
    #[serde(default)]
    pub source: Vec<String>,
}

/// A union of string literals as the TypeScript texts write it.
#[cfg(test)]
pub(crate) fn ts_union(ids: &[&str]) -> String {
    ids.iter().map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(" | ")
}

/// The keys an interface declares in a TypeScript text, in order.
#[cfg(test)]
pub(crate) fn ts_keys(ts: &str, interface: &str) -> Vec<String> {
    let start = ts.find(&format!("export interface {interface} {{")).expect("the interface");
    let body = &ts[start..ts[start..].find("\n}").map(|e| start + e).expect("its end")];
    body.lines()
        .skip(1)
        .filter_map(|l| l.strip_prefix("    "))
        .filter(|l| !l.starts_with(' ') && !l.starts_with("/**"))
        .filter_map(|l| l.split([':', '?']).next().map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::convert::FromJsFields;
    use diary_rules::eligibility::region::RegionProfile;

    /// The derived key list is serde's for the rules crate's own type (the
    /// one `data/regions.toml` is read with).
    #[test]
    fn the_profile_keys_are_serdes() {
        let err = serde_json::from_str::<RegionProfile>(r#"{"zzz": 1}"#).expect_err("an unknown key").to_string();
        let quoted: Vec<String> = RegionProfile::FIELDS.iter().map(|f| format!("`{f}`")).collect();
        assert!(err.contains(&format!("expected one of {}", quoted.join(", "))), "{err}");
    }
}
