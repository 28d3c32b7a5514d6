//! # diary-help-widget
//!
//! The help panel a diary operator puts on its login page. A Yew app that
//! holds no rule logic: it asks `diary-rules` and shows the answer, with
//! every word taken from the rules crate's text data.
//!
//! Built into `pkg/widget/diary_help.js`: the panel alone. With the cargo
//! feature `api` the module also re-exports the whole rules API of
//! `diary-rules-js` (one module for a host that wants both).

mod clock;
mod components;
pub mod crash;
mod history;
mod mount;
mod state;
pub mod storage;
mod text;

pub use components::app::{App, AppProps};
#[cfg(feature = "api")]
pub use diary_rules_js::*;
pub use mount::*;
pub use state::{Answers, HostConfig, Role, Section};
