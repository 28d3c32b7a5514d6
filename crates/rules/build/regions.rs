//! `data/regions.toml` → the embedded region profiles (`regions.rs`), read
//! into the crate's own `RegionProfile` (src/eligibility/schema.rs: the one
//! definition of the profile's keys, types and closed sets).

use std::fmt::Write as _;

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::common::read;
use crate::schema::{ProfileLink, RegionProfile};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    #[serde(default)]
    #[allow(dead_code)]
    text: IgnoredAny,
    region: Vec<RegionProfile>,
}

fn owned(s: &str) -> String {
    format!("{s:?}.into()")
}

fn opt_owned(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?}.into())"),
        None => "None".to_owned(),
    }
}

fn link(l: &Option<ProfileLink>) -> String {
    match l {
        Some(l) => format!("Some(ProfileLink {{ href: {}, label: {} }})", owned(&l.href), owned(&l.label)),
        None => "None".to_owned(),
    }
}

pub fn generate(file: &str, raw: &str) -> String {
    let data: RegionsFile = read(file, raw);
    let mut code = String::from("fn profiles() -> Vec<RegionProfile> {\n    vec![\n");
    for (i, r) in data.region.iter().enumerate() {
        // The embedded profiles are data with sources, every text filled in
        // (a host's profile is checked at run time by `validate`, which a
        // test runs over these too).
        let at = format!("{file}: region[{i}]");
        let mut texts: Vec<(&str, &str)> = vec![("id", &r.id), ("name.ru", &r.name.ru), ("name.en", &r.name.en)];
        for (key, l) in [("diarySite", &r.diary_site), ("problemsLink", &r.problems_link)] {
            if let Some(l) = l {
                texts.extend([(key, l.href.as_str()), (key, l.label.as_str())]);
            }
        }
        for (key, s) in [("appName", &r.app_name), ("loginButton", &r.login_button)] {
            if let Some(s) = s {
                texts.push((key, s));
            }
        }
        for a in &r.apps {
            texts.extend([("apps", a.store.as_str()), ("apps", a.href.as_str())]);
        }
        if let Some(a) = &r.application {
            texts.extend([
                ("application", a.access_section.as_str()),
                ("application", a.apply_button.as_str()),
                ("application", a.submitted_message.as_str()),
            ]);
        }
        if let Some((key, _)) = texts.iter().find(|(_, s)| s.trim().is_empty()) {
            panic!("{at}.{key}: must be a non-empty string");
        }
        if r.source.is_empty() || r.source.iter().any(|s| s.trim().is_empty()) {
            panic!("{at}: `source` must name at least one source, none empty");
        }
        let apps: Vec<String> = r
            .apps
            .iter()
            .map(|a| format!("AppLink {{ store: {}, href: {} }}", owned(&a.store), owned(&a.href)))
            .collect();
        let application = match &r.application {
            None => "None".to_owned(),
            Some(a) => format!(
                "Some(ApplicationNames {{ access_section: {}, apply_button: {}, submitted_message: {} }})",
                owned(&a.access_section),
                owned(&a.apply_button),
                owned(&a.submitted_message)
            ),
        };
        let source: Vec<String> = r.source.iter().map(|s| owned(s)).collect();
        let _ = writeln!(
            code,
            "        RegionProfile {{ id: {}, name: LocalName {{ ru: {}, en: {} }}, diary_site: {}, app_name: {}, apps: vec![{}], login_button: {}, login_flow: LoginFlow::{:?}, consent_via: ConsentVia::{:?}, parent_flow: ParentFlow::{:?}, application: {application}, problems: ProblemsContact::{:?}, problems_link: {}, parent_may_create_until_18: {}, source: vec![{}] }},",
            owned(&r.id),
            owned(&r.name.ru),
            owned(&r.name.en),
            link(&r.diary_site),
            opt_owned(&r.app_name),
            apps.join(", "),
            opt_owned(&r.login_button),
            r.login_flow,
            r.consent_via,
            r.parent_flow,
            r.problems,
            link(&r.problems_link),
            r.parent_may_create_until_18,
            source.join(", "),
        );
    }
    code.push_str("    ]\n}\n");
    let ids: Vec<String> = data.region.iter().map(|r| format!("{:?}", r.id)).collect();
    let _ = writeln!(
        code,
        "/// The embedded profiles' ids, in the order of `data/regions.toml`.\npub const EMBEDDED_IDS: &[&str] = &[{}];",
        ids.join(", ")
    );
    code
}
