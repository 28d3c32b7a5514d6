//! The panel's components, one per file.

pub mod app;
pub mod check_data;
pub mod tabs;
