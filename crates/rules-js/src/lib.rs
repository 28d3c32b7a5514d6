//! # diary-rules-js
//!
//! The JavaScript API of `diary-rules`, built by wasm-bindgen into
//! `pkg/rules/diary_rules.js` (and re-exported by the widget's module).
//!
//! Conventions, for every function here:
//! - plain JS objects in and out, camelCase fields, string enums in
//!   snake_case; TypeScript types are generated from the Rust types (tsify);
//! - bad input throws a JS `Error` whose message starts with the name of the
//!   field at fault (`"text: expected a string"`); nothing traps;
//! - this crate is the only one that serializes: the rules crate returns
//!   Rust values and ids, this layer turns them into JS objects and texts.

mod convert;
mod documents;
mod eligibility;
mod explain;
mod password;

pub use documents::*;
pub use eligibility::*;
pub use explain::*;
pub use password::*;
