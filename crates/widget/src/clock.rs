//! The browser's local time, to the minute, and how the panel writes a time.

use chrono::{NaiveDate, NaiveDateTime};
use diary_rules::eligibility::{format_local_date_time, parse_local_date_time};

/// The browser's local time; `None` if the clock gives nonsense.
pub fn now() -> Option<NaiveDateTime> {
    let d = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    );
    parse_local_date_time(&text)
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
