//! The panel's components, one per file.

pub mod app;
pub mod snils_field;
