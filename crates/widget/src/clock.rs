//! The browser's local time, to the minute, and how the panel writes a time.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// The browser's local time, to the minute; `None` if the clock gives nonsense.
pub fn now() -> Option<NaiveDateTime> {
    diary_rules_js::browser_now()
}

/// Today's local date.
pub fn today() -> Option<NaiveDate> {
    now().map(|t| t.date())
}

/// `YYYY-MM-DD` (the value of a date input).
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `DD.MM.YYYY HH:MM`, as people in Russia write it.
pub fn display(t: NaiveDateTime) -> String {
    format!("{:02}.{:02}.{:04} {:02}:{:02}", t.day(), t.month(), t.year(), t.hour(), t.minute())
}
