//! Russia's working days, from `data/calendar.toml`: Monday to Friday,
//! except the official non-working days, plus the weekend days moved to be
//! working days. Years outside the data count weekends only (and the
//! assessment says so in a note).
//!
//! ```
//! use chrono::NaiveDate;
//! use diary_rules::eligibility::calendar::is_working_day;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(!is_working_day(d(2026, 1, 9)));  // moved from 3 January
//! assert!(is_working_day(d(2026, 1, 12)));
//! assert!(is_working_day(d(2025, 11, 1)));  // a working Saturday
//! ```

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use serde::Deserialize;

use crate::age::parse_iso_date;

/// One year of the production calendar as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct CalendarYear {
    pub year: i32,
    /// False when no decree for the year is known to the project.
    pub confirmed: bool,
    pub source: Vec<String>,
    pub note: String,
    pub non_working: Vec<String>,
    pub working_weekends: Vec<String>,
}

#[derive(Deserialize)]
struct CalendarFile {
    year: Vec<CalendarYear>,
}

struct Calendar {
    years: Vec<CalendarYear>,
    non_working: BTreeSet<NaiveDate>,
    working_weekends: BTreeSet<NaiveDate>,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        let years = serde_json::from_str::<CalendarFile>(include_str!(concat!(env!("OUT_DIR"), "/calendar.json")))
            .map(|f| f.year)
            .unwrap_or_default();
        let dates = |pick: fn(&CalendarYear) -> &Vec<String>| -> BTreeSet<NaiveDate> {
            years.iter().flat_map(|y| pick(y).iter()).filter_map(|s| parse_iso_date(s)).collect()
        };
        let non_working = dates(|y| &y.non_working);
        let working_weekends = dates(|y| &y.working_weekends);
        Calendar { years, non_working, working_weekends }
    })
}

/// Every stored year, in order.
pub fn years() -> &'static [CalendarYear] {
    &calendar().years
}

/// The stored data for `year`, if any.
pub fn year(year: i32) -> Option<&'static CalendarYear> {
    calendar().years.iter().find(|y| y.year == year)
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whether `day` is a working day in Russia.
pub fn is_working_day(day: NaiveDate) -> bool {
    let c = calendar();
    if is_weekend(day) {
        c.working_weekends.contains(&day)
    } else {
        !c.non_working.contains(&day)
    }
}

/// The same time of day on the `n`-th working day after `start`'s date
/// (`None` only past the end of the calendar type's range).
///
/// ```
/// use diary_rules::eligibility::{calendar::add_working_days, parse_local_date_time};
/// let t = |s| parse_local_date_time(s).unwrap();
/// // Friday 10:00 + 5 working days = next Friday 10:00.
/// assert_eq!(add_working_days(t("2026-03-13T10:00"), 5), Some(t("2026-03-20T10:00")));
/// // Over the 2026 New Year holidays: 1–11 January are days off.
/// assert_eq!(add_working_days(t("2025-12-30T09:00"), 5), Some(t("2026-01-16T09:00")));
/// ```
pub fn add_working_days(start: NaiveDateTime, n: u32) -> Option<NaiveDateTime> {
    let mut day = start.date();
    let mut counted = 0;
    // The longest run of days off in the data is under three weeks, so this
    // bound is never reached with real data; it only keeps the loop finite.
    let mut budget = n.saturating_mul(30).saturating_add(30);
    while counted < n {
        day = day.succ_opt()?;
        if is_working_day(day) {
            counted += 1;
        }
        budget = budget.checked_sub(1)?;
    }
    Some(day.and_time(start.time()))
}

/// The years in `from..=to` (by date) that the data does not cover, and
/// those it covers without a known decree.
pub fn coverage(from: NaiveDate, to: NaiveDate) -> (Vec<i32>, Vec<i32>) {
    let mut missing = Vec::new();
    let mut unconfirmed = Vec::new();
    for y in from.year()..=to.year().max(from.year()) {
        match year(y) {
            None => missing.push(y),
            Some(data) if !data.confirmed => unconfirmed.push(y),
            Some(_) => {}
        }
    }
    (missing, unconfirmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_2023_to_2027_is_there_with_a_source() {
        for y in 2023..=2027 {
            let data = year(y).unwrap_or_else(|| panic!("{y} missing"));
            assert!(!data.source.is_empty(), "{y}: no source");
            assert!(!data.note.trim().is_empty(), "{y}: no note");
        }
    }

    #[test]
    fn dates_are_well_formed_in_their_year_and_on_the_right_kind_of_day() {
        for y in years() {
            for s in &y.non_working {
                let d = parse_iso_date(s).unwrap_or_else(|| panic!("{s}: not a date"));
                assert_eq!(d.year(), y.year, "{s}");
                assert!(!is_weekend(d), "{s} is a weekend day: list only weekdays off");
            }
            for s in &y.working_weekends {
                let d = parse_iso_date(s).unwrap_or_else(|| panic!("{s}: not a date"));
                assert_eq!(d.year(), y.year, "{s}");
                assert!(is_weekend(d), "{s} is a weekday: list only weekend days as working");
            }
        }
    }

    #[test]
    fn known_days() {
        let d = |s: &str| parse_iso_date(s).unwrap();
        let cases = [
            ("2023-02-24", false), // moved from 1 January
            ("2023-11-06", false), // 4 November was a Saturday
            ("2024-04-27", true),  // working Saturday
            ("2024-12-28", true),
            ("2024-12-30", false),
            ("2025-05-08", false),
            ("2025-06-13", false),
            ("2026-03-09", false),
            ("2026-05-11", false),
            ("2026-03-10", true),
            ("2027-05-03", false),
            ("2027-05-01", false), // a Saturday
            ("2030-01-01", true),  // outside the data: weekdays work
        ];
        for (s, working) in cases {
            assert_eq!(is_working_day(d(s)), working, "{s}");
        }
    }
}
