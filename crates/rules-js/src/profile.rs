//! Region profiles a host passes as objects (`assessEligibility`'s
//! `region`, the widget's `mount()` option and `setRegion`): one reader for
//! both, always built (with or without the `api` feature).

use crate::convert::{
    bool_at, deny_unknown, field_error, invalid_type, is_plain_object, join, optional, string_at, strings_at,
};
use crate::ids::id_at;
use diary_rules::eligibility::{region, situation::RegionArg};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An object of known keys: `expected` names it in a type error.
fn object_at(value: &JsValue, path: &str, allowed: &[&str], expected: &str) -> Result<(), JsError> {
    if !is_plain_object(value) {
        return Err(invalid_type(path, value, expected));
    }
    deny_unknown(value, path, allowed)
}

/// A required field of a profile object.
fn required<T>(
    object: &JsValue,
    path: &str,
    key: &str,
    read: impl FnOnce(&JsValue, &str) -> Result<T, JsError>,
) -> Result<T, JsError> {
    optional(object, path, key, read)?.ok_or_else(|| field_error(path, format!("missing field `{key}`")))
}

fn profile_link(value: &JsValue, path: &str) -> Result<region::ProfileLink, JsError> {
    object_at(value, path, &["href", "label"], "struct ProfileLink")?;
    Ok(region::ProfileLink {
        href: required(value, path, "href", string_at)?,
        label: required(value, path, "label", string_at)?,
    })
}

fn app_link(value: &JsValue, path: &str) -> Result<region::AppLink, JsError> {
    object_at(value, path, &["store", "href"], "struct AppLink")?;
    Ok(region::AppLink {
        store: required(value, path, "store", string_at)?,
        href: required(value, path, "href", string_at)?,
    })
}

/// A host's region profile (camelCase keys, unknown keys rejected).
pub fn read_profile(value: &JsValue, path: &str) -> Result<region::RegionProfile, JsError> {
    object_at(value, path, region::RegionProfile::FIELDS, "struct RegionProfile")?;
    let name = required(value, path, "name", |v, p| {
        object_at(v, p, &["ru", "en"], "struct LocalName")?;
        Ok(region::LocalName { ru: required(v, p, "ru", string_at)?, en: required(v, p, "en", string_at)? })
    })?;
    let apps = optional(value, path, "apps", |v, p| {
        let Some(array) = v.dyn_ref::<js_sys::Array>() else { return Err(invalid_type(p, v, "a sequence")) };
        array.iter().enumerate().map(|(i, a)| app_link(&a, &format!("{p}[{i}]"))).collect::<Result<Vec<_>, _>>()
    })?;
    let application = optional(value, path, "application", |v, p| {
        object_at(v, p, &["accessSection", "applyButton", "submittedMessage"], "struct ApplicationNames")?;
        Ok(region::ApplicationNames {
            access_section: required(v, p, "accessSection", string_at)?,
            apply_button: required(v, p, "applyButton", string_at)?,
            submitted_message: required(v, p, "submittedMessage", string_at)?,
        })
    })?;
    Ok(region::RegionProfile {
        id: required(value, path, "id", string_at)?,
        name,
        diary_site: optional(value, path, "diarySite", profile_link)?,
        app_name: optional(value, path, "appName", string_at)?,
        apps: apps.unwrap_or_default(),
        login_button: optional(value, path, "loginButton", string_at)?,
        login_flow: optional(value, path, "loginFlow", id_at)?.unwrap_or_default(),
        consent_via: optional(value, path, "consentVia", id_at)?.unwrap_or_default(),
        parent_flow: optional(value, path, "parentFlow", id_at)?.unwrap_or_default(),
        application,
        problems: optional(value, path, "problems", id_at)?.unwrap_or_default(),
        problems_link: optional(value, path, "problemsLink", profile_link)?,
        parent_may_create_until_18: optional(value, path, "parentMayCreateUntil18", bool_at)?.unwrap_or(false),
        source: optional(value, path, "source", strings_at)?.unwrap_or_default(),
    })
}

/// A `region` value: a profile id (a string) or a profile object, read
/// (not yet validated: `Situation::from_input` and [`validated_region`] do).
pub fn read_region_arg(value: &JsValue, path: &str) -> Result<RegionArg, JsError> {
    if let Some(id) = value.as_string() {
        Ok(RegionArg::Id(id))
    } else if is_plain_object(value) {
        read_profile(value, path).map(|profile| RegionArg::Profile(Box::new(profile)))
    } else {
        Err(invalid_type(path, value, "a profile id (a string) or a profile object"))
    }
}

/// A `region` value read and checked: a profile object must pass
/// [`region::RegionProfile::validate`], and the error names the field
/// (`options.region.diarySite.href: bad_href: …`). Ids are not checked here
/// (an unknown id reads as the generic profile where the API says so).
pub fn validated_region(value: &JsValue, path: &str) -> Result<RegionArg, JsError> {
    let arg = read_region_arg(value, path)?;
    if let RegionArg::Profile(profile) = &arg {
        profile.validate().map_err(|e| {
            field_error(&join(path, &e.field), format!("{}: {}", e.problem.id(), profile_problem_hint(e.problem)))
        })?;
    }
    Ok(arg)
}

/// What a profile problem asks for, in a few words.
pub fn profile_problem_hint(problem: region::ProfileProblem) -> String {
    match problem {
        region::ProfileProblem::Empty => "must not be empty".to_owned(),
        region::ProfileProblem::TooLong => format!("is longer than {} characters", region::MAX_PROFILE_TEXT),
        region::ProfileProblem::BadId => "use lower-case Latin letters, digits, _ and - (at most 40)".to_owned(),
        region::ProfileProblem::BadHref => "must be an https:// or http:// address without spaces or quotes".to_owned(),
        region::ProfileProblem::TooMany => format!("has too many entries (apps: at most {})", region::MAX_APPS),
        region::ProfileProblem::BadCharacters => "must not hold control characters or direction overrides".to_owned(),
        region::ProfileProblem::RequiredForApplicationFlow => {
            "is required when parentFlow is \"application\"".to_owned()
        }
    }
}
