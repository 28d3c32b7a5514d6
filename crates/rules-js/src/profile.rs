//! Region profiles a host passes as objects (`assessEligibility`'s
//! `region`, the widget's `mount()` option and `setRegion`): one reader for
//! both, always built (with or without the `api` feature).

use crate::convert::{field_error, invalid_type, is_plain_object, join, FromJs};
use diary_rules::eligibility::{region, situation::RegionArg};
use wasm_bindgen::prelude::*;

/// A host's region profile (camelCase keys, unknown keys rejected), read as
/// its JS description in crate::types derives.
pub fn read_profile(value: &JsValue, path: &str) -> Result<region::RegionProfile, JsError> {
    region::RegionProfile::from_js(value, path)
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
