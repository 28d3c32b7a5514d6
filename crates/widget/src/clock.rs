//! The browser's local time, to the minute, and how the panel writes a time.

use chrono::{NaiveDate, NaiveDateTime};
use diary_rules::eligibility::format_local_date_time;

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
    format_local_date_time(d.and_time(chrono::NaiveTime::MIN)).chars().take(10).collect()
}

/// `DD.MM.YYYY HH:MM`, as people in Russia write it.
pub fn display(t: NaiveDateTime) -> String {
    let s = format_local_date_time(t);
    match (s.get(0..4), s.get(5..7), s.get(8..10), s.get(11..16)) {
        (Some(y), Some(m), Some(d), Some(hm)) => format!("{d}.{m}.{y} {hm}"),
        _ => s,
    }
}
