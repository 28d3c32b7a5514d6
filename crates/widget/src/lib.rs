//! # diary-help-widget
//!
//! The help panel a diary operator puts on its login page. A Yew app that
//! holds no rule logic: it asks `diary-rules` and shows the answer, with
//! every word taken from the rules crate's text data.
//!
//! Built into `pkg/widget/` as two modules (see `lazy.rs`):
//! `diary_help.js` (feature `lazy-sections`: the panel and its first screen,
//! loading the other sections on first use) and `diary_help_sections.js`
//! (feature `sections-module`: those sections). Without either feature (the
//! tests) one module holds the whole panel. With the cargo feature `api` the
//! module also re-exports the whole rules API of `diary-rules-js` (one module
//! for a host that wants both).

/// A place where the test build can make the module fail on purpose
/// (`crash_point!("render")`); nothing at all without the `crash-trigger`
/// feature, which pkg/ is never built with (tests/security/ checks).
macro_rules! crash_point {
    ($point:literal) => {
        #[cfg(feature = "crash-trigger")]
        crate::trigger::at($point);
    };
}

mod clock;
mod components;
pub mod crash;
mod history;
#[cfg(feature = "lazy-sections")]
mod lazy;
#[cfg(not(feature = "sections-module"))]
mod mount;
pub mod sections;
mod state;
pub mod storage;
mod text;
#[cfg(feature = "crash-trigger")]
mod trigger;

pub use components::app::{App, AppProps};
#[cfg(feature = "api")]
pub use diary_rules_js::*;
#[cfg(not(feature = "sections-module"))]
pub use mount::*;
pub use state::{AnswerMap, Answers, HostConfig, Role, Section};
