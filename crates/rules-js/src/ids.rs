//! The rules crate's closed sets ([`diary_rules::Id`]) at the boundary: read
//! from a JS string ([`id_at`]), written as one (`js_ids!`), and declared
//! to TypeScript as a union built from the set's own ids at compile time, so
//! the union cannot drift from the Rust type.

// Always built (the profile reader uses `id_at`). The union builders run
// only in the const evaluation of the custom sections, which the dead-code
// lint does not see.
#![allow(dead_code)]
#![cfg_attr(not(any(feature = "api", feature = "password-api")), allow(unused_macros))]

use crate::convert::{field_error, one_of, string_at};
use diary_rules::Id;
use wasm_bindgen::prelude::*;

/// Reads one of `T`'s ids (serde's `unknown variant` error otherwise).
pub fn id_at<T: Id>(value: &JsValue, path: &str) -> Result<T, JsError> {
    let name = string_at(value, path)?;
    T::parse(&name).ok_or_else(|| field_error(path, format!("unknown variant, expected {}", one_of(T::IDS))))
}

/// A TypeScript text built at compile time: `N` bytes of room, and the
/// length the text needs. Built once with `N = 0` to learn the length,
/// then with that length:
///
/// ```ignore
/// const LEN: usize = build::<0>().needed();
/// const TEXT: TsText<LEN> = build::<LEN>();
/// ```
pub struct TsText<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> TsText<N> {
    /// No text yet.
    pub const EMPTY: TsText<N> = TsText { buf: [0; N], len: 0 };

    /// Appends `s` (counted, and written while there is room).
    pub const fn push(mut self, s: &str) -> TsText<N> {
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
    pub const fn push_union(mut self, ids: &[&str]) -> TsText<N> {
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
    pub const fn needed(&self) -> usize {
        self.len
    }

    /// The text; only when `N` is exactly [`TsText::needed`].
    pub const fn as_str(&self) -> &str {
        assert!(self.len == N, "TsText: built with the wrong length");
        match core::str::from_utf8(&self.buf) {
            Ok(s) => s,
            Err(_) => panic!("TsText: not UTF-8"),
        }
    }
}

/// `/** doc */ export type Name = "a" | "b";`, in `N` bytes (see [`TsText`]).
pub const fn ts_union<const N: usize>(doc: &str, name: &str, ids: &[&str]) -> TsText<N> {
    TsText::EMPTY
        .push("/**\n * ")
        .push(doc)
        .push("\n */\nexport type ")
        .push(name)
        .push(" = ")
        .push_union(ids)
        .push(";")
}

/// A TypeScript union `Name` of the string literals `ids` (a constant
/// expression), built at compile time into a custom section. Exported for
/// the widget's own closed sets (the caller needs `wasm_bindgen`).
#[macro_export]
macro_rules! ts_union {
    ($ids:expr => $name:literal, $doc:literal) => {
        const _: () = {
            #[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
            const TS: &str = {
                const IDS: &[&str] = $ids;
                const LEN: usize = $crate::ids::ts_union::<0>($doc, $name, IDS).needed();
                const TEXT: $crate::ids::TsText<LEN> = $crate::ids::ts_union::<LEN>($doc, $name, IDS);
                TEXT.as_str()
            };
        };
    };
}

/// For each closed set: its TypeScript union (named as the JS API names it),
/// its [`crate::convert::ToJs`] as its id and its [`crate::convert::FromJs`]
/// from one ([`id_at`]).
macro_rules! js_ids {
    ($($ty:ty => $name:literal, $doc:literal;)+) => {
        $(
            ts_union!(<$ty as diary_rules::Id>::IDS => $name, $doc);

            impl $crate::convert::ToJs for $ty {
                fn to_js(&self) -> wasm_bindgen::JsValue {
                    $crate::convert::static_str(diary_rules::Id::id(*self))
                }
            }

            impl $crate::convert::FromJs for $ty {
                fn from_js(value: &wasm_bindgen::JsValue, path: &str) -> Result<Self, wasm_bindgen::JsError> {
                    $crate::ids::id_at(value, path)
                }
            }
        )+
    };
}

// What the profile reader and the widget's `mount()` use: always built.
ts_union!(&diary_rules::Lang::CODES => "Lang", "The languages of every text: Russian (the default) and English.");
ts_union!(diary_rules::eligibility::region::EMBEDDED_IDS => "BuiltInRegionId", "The built-in region profiles.");

js_ids! {
    diary_rules::eligibility::region::LoginFlow => "LoginFlow", "How the diary's login goes after the Gosuslugi login page.";
    diary_rules::eligibility::region::ConsentVia => "ConsentVia", "How a parent gives consent for a minor's diary login.";
    diary_rules::eligibility::region::ParentFlow => "ParentFlow", "How a parent gets access to the child's diary.";
    diary_rules::eligibility::region::ProblemsContact => "ProblemsContact", "Where to turn with problems in the diary.";
}

#[cfg(feature = "api")]
js_ids! {
    diary_rules::explain::Role => "Role", "Who is asking.";
    diary_rules::explain::Actor => "Actor", "Who must act.";
    diary_rules::explain::QuoteKind => "QuoteKind", "What sort of text the matched quote is.";
    diary_rules::explain::Side => "ErrorSide", "Where a message is shown: on Gosuslugi or on the diary's own pages.";
    diary_rules::certificate::CertificateProblem => "CertificateProblem", "What is wrong with a birth certificate.";
    diary_rules::records::RecordField => "RecordField", "A field of the record.";
    diary_rules::records::DifferenceKind => "DifferenceKind", "How two values differ.";
    diary_rules::snils::SnilsProblem => "SnilsProblem", "What is wrong with a СНИЛС.";
    diary_rules::eligibility::steps::StepState => "StepState", "Where a step of the path stands.";
    diary_rules::eligibility::wait::EstimateVariantId => "EstimateId", "One reading of the sources about the check's duration.";
    diary_rules::age::AgeGroup => "AgeGroup", "The student's age group.";
    diary_rules::eligibility::Path => "EligibilityPath", "The path the student's situation puts them on.";
}

#[cfg(any(feature = "api", feature = "password-api"))]
js_ids! {
    diary_rules::password::RuleId => "PasswordRuleId", "A rule of the policy.";
    diary_rules::password::Warning => "PasswordWarning", "A typing mistake or a reason the password is weak.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unions_are_built_from_the_ids() {
        const IDS: &[&str] = &["a", "b_c"];
        const LEN: usize = ts_union::<0>("Doc.", "T", IDS).needed();
        const TEXT: TsText<LEN> = ts_union::<LEN>("Doc.", "T", IDS);
        assert_eq!(TEXT.as_str(), "/**\n * Doc.\n */\nexport type T = \"a\" | \"b_c\";");
    }
}
