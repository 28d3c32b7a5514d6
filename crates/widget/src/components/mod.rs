//! The panel's components, one per file.

pub mod app;
pub mod check_data;
pub mod error_help;
pub mod form;
pub mod link;
pub mod next_steps;
pub mod password;
pub mod tabs;
