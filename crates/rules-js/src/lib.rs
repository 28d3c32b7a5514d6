//! # diary-rules-js
//!
//! The JavaScript API of `diary-rules`, built by wasm-bindgen into
//! `pkg/rules/diary_rules.js` (and re-exported by the widget's module when
//! the widget's feature `api` is on).
//!
//! Conventions, for every function here:
//! - plain JS objects in and out, camelCase fields, string enums in
//!   snake_case; TypeScript types are generated from the Rust types (tsify);
//! - bad input throws a JS `Error` whose message starts with the name of the
//!   field at fault (`"text: expected a string"`); nothing traps;
//! - this crate is the only one that serializes: the rules crate returns
//!   Rust values and ids, this layer turns them into JS objects and texts.
//!
//! Feature `api` (default) builds the JS API. Without it only `browser`
//! is left (clock and secure random source), which is how
//! `bench/size-options.sh` measures what the API adds to the widget.

mod browser;
pub mod convert;
#[cfg(feature = "api")]
mod documents;
#[cfg(feature = "api")]
mod eligibility;
#[cfg(feature = "api")]
mod explain;
pub mod ids;
#[cfg(any(feature = "api", feature = "password-api"))]
mod lang;
#[cfg(any(feature = "api", feature = "password-api"))]
mod password;
pub mod profile;
mod types;

pub use browser::*;
#[cfg(feature = "api")]
pub use documents::*;
#[cfg(feature = "api")]
pub use eligibility::*;
#[cfg(feature = "api")]
pub use explain::*;
#[cfg(any(feature = "api", feature = "password-api"))]
pub use lang::*;
#[cfg(any(feature = "api", feature = "password-api"))]
pub use password::*;
