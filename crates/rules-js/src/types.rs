//! TypeScript types shared by the rules API and the widget's `mount()`:
//! always built (with or without the `api` feature), so the widget's
//! `.d.ts` has them even when it does not re-export the rules API.

use wasm_bindgen::prelude::*;

/// The text of the custom section below (a constant of its own, so tests can
/// read it; the dead-code lint does not see the section's use).
#[allow(dead_code)]
const TS_SHARED_TEXT: &str = r#"
/** The languages of every text: Russian (the default) and English. */
export type Lang = "ru" | "en";

/** The built-in region profiles. */
export type BuiltInRegionId = "kuzbass" | "orenburg" | "ryazan" | "generic";

/** A built-in region profile id, or a host's own profile's id (in results; inputs take `BuiltInRegionId`, so a typo of a built-in id fails to compile, or a `RegionProfile`). */
export type RegionId = BuiltInRegionId | (string & {});

/** A region profile a host may pass as `region`. */
export interface RegionProfile {
    /** Lower-case Latin letters, digits, "_" and "-". */
    id: string;
    name: { ru: string; en: string };
    diarySite?: { href: string; label: string };
    appName?: string;
    apps?: { store: string; href: string }[];
    loginButton?: string;
    loginFlow?: "plain" | "grant_access";
    consentVia?: "notification" | "portfolio";
    parentFlow?: "gosuslugi" | "application";
    /** Required when parentFlow is "application". */
    application?: { accessSection: string; applyButton: string; submittedMessage: string };
    problems?: "school" | "class_teacher" | "feedback_form";
    problemsLink?: { href: string; label: string };
    parentMayCreateUntil18?: boolean;
    source?: string[];
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_SHARED: &str = TS_SHARED_TEXT;

/// A TypeScript text built at compile time: `N` bytes of room, and the
/// length the text needs. Built once with `N = 0` to learn the length,
/// then with that length:
///
/// ```ignore
/// const LEN: usize = build::<0>().len();
/// const TEXT: TsText<LEN> = build::<LEN>();
/// ```
pub(crate) struct TsText<const N: usize> {
    buf: [u8; N],
    len: usize,
}

// The builders run only in the const evaluation of custom sections, which
// the dead-code lint does not see.
#[allow(dead_code)]
impl<const N: usize> TsText<N> {
    pub(crate) const fn new() -> TsText<N> {
        TsText { buf: [0; N], len: 0 }
    }

    /// Appends `s` (counted, and written while there is room).
    pub(crate) const fn push(mut self, s: &str) -> TsText<N> {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if self.len < N {
                self.buf[self.len] = bytes[i];
            }
            self.len += 1;
            i += 1;
        }
        self
    }

    /// Appends `"a" | "b" | …`.
    pub(crate) const fn push_union(mut self, ids: &[&str]) -> TsText<N> {
        let mut i = 0;
        while i < ids.len() {
            if i > 0 {
                self = self.push(" | ");
            }
            self = self.push("\"").push(ids[i]).push("\"");
            i += 1;
        }
        self
    }

    /// The length the text needs.
    pub(crate) const fn len(&self) -> usize {
        self.len
    }

    /// The text; only when `N` is exactly [`TsText::len`].
    pub(crate) const fn as_str(&self) -> &str {
        assert!(self.len == N, "TsText: built with the wrong length");
        match core::str::from_utf8(&self.buf) {
            Ok(s) => s,
            Err(_) => panic!("TsText: not UTF-8"),
        }
    }
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
    use super::*;
    use diary_rules::eligibility::region::{self, RegionProfile};
    use diary_rules::Id;

    #[test]
    fn the_profile_type_follows_the_rust_schema() {
        assert_eq!(ts_keys(TS_SHARED_TEXT, "RegionProfile"), RegionProfile::FIELDS);
        for (key, ids) in [
            ("loginFlow", <region::LoginFlow as Id>::IDS),
            ("consentVia", <region::ConsentVia as Id>::IDS),
            ("parentFlow", <region::ParentFlow as Id>::IDS),
            ("problems", <region::ProblemsContact as Id>::IDS),
        ] {
            let line = format!("    {key}?: {};\n", ts_union(ids));
            assert!(TS_SHARED_TEXT.contains(&line), "{line}");
        }
        let built_in: Vec<&str> = region::embedded_all().iter().map(|p| p.id.as_str()).collect();
        assert!(TS_SHARED_TEXT.contains(&format!("export type BuiltInRegionId = {};", ts_union(&built_in))));
        let langs: Vec<&str> = diary_rules::Lang::ALL.iter().map(|l| l.code()).collect();
        assert!(TS_SHARED_TEXT.contains(&format!("export type Lang = {};", ts_union(&langs))));
    }
}
