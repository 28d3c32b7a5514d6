//! # diary-rules
//!
//! The rules behind logging into a Russian school e-diary through Gosuslugi
//! (ЕСИА): who does what next, whether a document number is well formed, what
//! a terse error message means. Plain Rust: no wasm-bindgen, no web-sys, no IO,
//! no panics on any input. Rule code returns ids; the words for an id live in
//! `data/*.toml` with a Russian and an English text and a source, and are
//! looked up with [`texts::text`].
//!
//! ```
//! use diary_rules::snils::{check_snils, SnilsProblem};
//! assert!(check_snils("112-233-445 95").is_valid());
//! assert_eq!(check_snils("112-233-445 96").problem(), Some(SnilsProblem::Checksum));
//! ```

pub mod age;
mod case;
pub mod certificate;
pub mod eligibility;
pub mod explain;
pub mod id;
pub mod lang;
pub mod nfc;
pub mod password;
pub mod records;
pub mod sha256;
pub mod snils;
pub mod texts;
mod vocab;

pub use id::Id;
pub use lang::Lang;
pub use vocab::Reader;
