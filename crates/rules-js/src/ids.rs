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

/// The `k`-th piece of a union's declaration: the doc comment, the name,
/// then `"id"` after `" | "` for each id, and `;`.
const fn piece<'a>(k: usize, doc: &'a str, name: &'a str, ids: &'a [&'a str]) -> &'a str {
    match k {
        0 => "/**\n * ",
        1 => doc,
        2 => "\n */\nexport type ",
        3 => name,
        4 => " = ",
        _ => {
            let (i, r) = ((k - 5) / 4, (k - 5) % 4);
            if i >= ids.len() {
                ";"
            } else if r == 0 {
                if i == 0 {
                    ""
                } else {
                    " | "
                }
            } else if r == 2 {
                ids[i]
            } else {
                "\""
            }
        }
    }
}

const fn pieces(ids: &[&str]) -> usize {
    5 + 4 * ids.len() + 1
}

/// The length of [`ts_union`]'s text.
pub const fn ts_union_len(doc: &str, name: &str, ids: &[&str]) -> usize {
    let mut len = 0;
    let mut k = 0;
    while k < pieces(ids) {
        len += piece(k, doc, name, ids).len();
        k += 1;
    }
    len
}

/// `/** doc */ export type Name = "a" | "b";` as bytes (`N` from [`ts_union_len`]).
pub const fn ts_union<const N: usize>(doc: &str, name: &str, ids: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut k = 0;
    while k < pieces(ids) {
        let bytes = piece(k, doc, name, ids).as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            out[at] = bytes[j];
            at += 1;
            j += 1;
        }
        k += 1;
    }
    out
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
                const LEN: usize = $crate::ids::ts_union_len($doc, $name, IDS);
                const BYTES: [u8; LEN] = $crate::ids::ts_union::<LEN>($doc, $name, IDS);
                match core::str::from_utf8(&BYTES) {
                    Ok(s) => s,
                    Err(_) => panic!("a union is UTF-8"),
                }
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
        const LEN: usize = ts_union_len("Doc.", "T", IDS);
        let bytes: [u8; LEN] = ts_union::<LEN>("Doc.", "T", IDS);
        assert_eq!(std::str::from_utf8(&bytes).unwrap(), "/**\n * Doc.\n */\nexport type T = \"a\" | \"b_c\";");
    }
}
