//! Age in full years on a given day, the input of every path rule.
//!
//! A person gains a year on the anniversary of the birth date. Someone born
//! on 29 February gains it on 28 February in a common year: a term counted in
//! years ends on the matching day of the last year, and when that month has
//! no such day, on the month's last day (Civil Code of the Russian
//! Federation, art. 192 p. 3).

use crate::id::closed_set;

use chrono::{Datelike, NaiveDate};

/// The oldest age the rules accept for a student (a parent typing the
/// parent's own birth date instead of the child's gets a clear error).
pub const MAX_AGE_YEARS: u32 = 100;

closed_set!(
    /// Why an age cannot be computed.
    AgeError {
        /// The birth date is after the day the age is asked for.
        BornInFuture => "birth_date_in_future",
        /// Older than [`MAX_AGE_YEARS`]: almost surely a typing mistake.
        TooOld => "age_over_limit",
    }
);

/// Whether `day` counts as the birthday of someone born on `birth` in
/// `day`'s year (29 February falls on 28 February in common years).
fn birthday_reached(birth: NaiveDate, day: NaiveDate) -> bool {
    let (bm, bd) = (birth.month(), birth.day());
    let (bm, bd) =
        if bm == 2 && bd == 29 && NaiveDate::from_ymd_opt(day.year(), 2, 29).is_none() { (2, 28) } else { (bm, bd) };
    (day.month(), day.day()) >= (bm, bd)
}

/// Full years between `birth` and `today`.
///
/// ```
/// use chrono::NaiveDate;
/// use diary_rules::age::age_on;
/// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// assert_eq!(age_on(d("2012-05-10"), d("2026-05-10")), Ok(14));
/// assert_eq!(age_on(d("2012-05-10"), d("2026-05-09")), Ok(13));
/// ```
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> Result<u32, AgeError> {
    if birth > today {
        return Err(AgeError::BornInFuture);
    }
    let mut years = today.year() - birth.year();
    if !birthday_reached(birth, today) {
        years -= 1;
    }
    let years = u32::try_from(years).unwrap_or(0);
    if years > MAX_AGE_YEARS {
        return Err(AgeError::TooOld);
    }
    Ok(years)
}

pub use crate::vocab::AgeGroup;

impl AgeGroup {
    /// The age group of someone `years` old: under 14, 14 to 17, or adult.
    pub fn of(years: u32) -> AgeGroup {
        match years {
            0..=13 => AgeGroup::Under14,
            14..=17 => AgeGroup::From14To17,
            _ => AgeGroup::Adult,
        }
    }
}

/// Parses an ISO date `YYYY-MM-DD`, strictly (no time, no spaces).
///
/// Hand-written rather than chrono's `parse_from_str`, which would pull
/// chrono's whole format parser into the wasm module.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(b, 0..4)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, digits(b, 5..7)?, digits(b, 8..10)?)
}

closed_set!(
    /// Why a typed date (or date and time) cannot be read.
    DateInputError {
        /// Not in a form we read: `ДД.ММ.ГГГГ` (or `ГГГГ-ММ-ДД`), with
        /// ` ЧЧ:ММ` after it for a time.
        Format => "date_format",
        /// The form is right but there is no such day (31.02, month 13, 25:00).
        NoSuchDay => "no_such_day",
    }
);

/// A date as people type it where the browser has no date picker (the field
/// is a text box): `ДД.ММ.ГГГГ`, the day and month with one or two digits,
/// `.`, `/` or `-` between, spaces around ignored; or the picker's own
/// `ГГГГ-ММ-ДД`. The year has four digits (a two-digit year is ambiguous).
pub fn parse_typed_date(s: &str) -> Result<NaiveDate, DateInputError> {
    let s = s.trim();
    if let Some(d) = parse_iso_date(s) {
        return Ok(d);
    }
    let (day, month, year) = day_month_year(s)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateInputError::NoSuchDay)
}

/// A date and time as typed into a text box: `ДД.ММ.ГГГГ ЧЧ:ММ` (the
/// date as [`parse_typed_date`] reads it, the hours with one or two digits),
/// or the picker's `ГГГГ-ММ-ДДTЧЧ:ММ`. Returned as the picker's form, which
/// the rules read (`checkRequestedAt`).
pub fn parse_typed_date_time(s: &str) -> Result<String, DateInputError> {
    let s = s.trim();
    let (date, time) = match s.split_once('T') {
        Some((d, t)) if parse_iso_date(d).is_some() => (d, t),
        _ => s.rsplit_once(' ').map(|(d, t)| (d.trim_end(), t)).ok_or(DateInputError::Format)?,
    };
    let date = parse_typed_date(date)?;
    let (h, m) = time.split_once(':').ok_or(DateInputError::Format)?;
    let number = |t: &str, max_len: usize| match t.len() {
        1..=2 if t.len() <= max_len => digits(t.as_bytes(), 0..t.len()).ok_or(DateInputError::Format),
        _ => Err(DateInputError::Format),
    };
    let (hour, minute) = (number(h, 2)?, number(m, 2)?);
    if m.len() != 2 {
        return Err(DateInputError::Format);
    }
    if hour > 23 || minute > 59 {
        return Err(DateInputError::NoSuchDay);
    }
    Ok(format!("{:04}-{:02}-{:02}T{hour:02}:{minute:02}", date.year(), date.month(), date.day()))
}

/// `ДД.ММ.ГГГГ` → (day, month, year); the separators `.`, `/`, `-`.
fn day_month_year(s: &str) -> Result<(u32, u32, i32), DateInputError> {
    let mut parts = s.split(['.', '/', '-']);
    let (Some(d), Some(m), Some(y), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(DateInputError::Format);
    };
    let field = |t: &str, lens: std::ops::RangeInclusive<usize>| {
        if lens.contains(&t.len()) {
            digits(t.as_bytes(), 0..t.len()).ok_or(DateInputError::Format)
        } else {
            Err(DateInputError::Format)
        }
    };
    let (day, month, year) = (field(d, 1..=2)?, field(m, 1..=2)?, field(y, 4..=4)?);
    Ok((day, month, i32::try_from(year).map_err(|_| DateInputError::Format)?))
}

/// The number written by the ASCII digits `b[range]` (`None` if any is not
/// a digit or the range is out of bounds).
pub(crate) fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    b.get(range)?
        .iter()
        .try_fold(0u32, |acc, &c| if c.is_ascii_digit() { Some(acc * 10 + u32::from(c - b'0')) } else { None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_iso_date(s).unwrap()
    }

    #[test]
    fn typed_dates() {
        for s in ["03.12.2016", "3.12.2016", "03/12/2016", "3-12-2016", " 03.12.2016 ", "2016-12-03"] {
            assert_eq!(parse_typed_date(s), Ok(d("2016-12-03")), "{s}");
        }
        assert_eq!(parse_typed_date("29.02.2016"), Ok(d("2016-02-29")));
        for s in ["31.02.2016", "29.02.2015", "00.01.2016", "12.13.2016", "1.0.2016"] {
            assert_eq!(parse_typed_date(s), Err(DateInputError::NoSuchDay), "{s}");
        }
        for s in [
            "",
            "03.12.16",
            "03122016",
            "03.12",
            "03.12.2016.1",
            "а3.12.2016",
            "003.12.2016",
            "03 12 2016",
            "2016.12.03",
        ] {
            assert_eq!(parse_typed_date(s), Err(DateInputError::Format), "{s}");
        }
    }

    #[test]
    fn typed_date_times() {
        let ok = |s: &str| parse_typed_date_time(s).unwrap();
        assert_eq!(ok("02.03.2020 10:00"), "2020-03-02T10:00");
        assert_eq!(ok("2.3.2020 9:05"), "2020-03-02T09:05");
        assert_eq!(ok("2020-03-02T10:00"), "2020-03-02T10:00");
        assert_eq!(parse_typed_date_time("02.03.2020 24:00"), Err(DateInputError::NoSuchDay));
        assert_eq!(parse_typed_date_time("30.02.2020 10:00"), Err(DateInputError::NoSuchDay));
        for s in ["02.03.2020", "02.03.2020 10", "02.03.2020 10:0", "02.03.2020 10:000", "10:00", "02.03.2020T10:00"] {
            assert_eq!(parse_typed_date_time(s), Err(DateInputError::Format), "{s}");
        }
    }

    fn check(birth: &str, today: &str, expect: Result<u32, AgeError>) {
        assert_eq!(age_on(d(birth), d(today)), expect, "born {birth}, on {today}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, Result<u32, AgeError>)] = &[
            ("2012-05-10", "2026-05-10", Ok(14)), // the birthday itself
            ("2012-05-10", "2026-05-09", Ok(13)), // the day before
            ("2012-05-10", "2026-05-11", Ok(14)),
            ("2008-11-22", "2026-11-22", Ok(18)),
            ("2008-11-22", "2026-11-21", Ok(17)),
            ("2026-11-22", "2026-11-22", Ok(0)),
            ("2026-11-23", "2026-11-22", Err(AgeError::BornInFuture)),
            ("2012-12-31", "2026-01-01", Ok(13)),
            ("2012-01-01", "2025-12-31", Ok(13)),
            // 29 February: the birthday falls on 28 February in common years.
            ("2012-02-29", "2026-02-28", Ok(14)),
            ("2012-02-29", "2026-02-27", Ok(13)),
            ("2012-02-29", "2028-02-28", Ok(15)),
            ("2012-02-29", "2028-02-29", Ok(16)),
            ("1926-11-22", "2026-11-22", Ok(100)),
            ("1925-11-22", "2026-11-22", Err(AgeError::TooOld)),
        ];
        for &(birth, today, expect) in cases {
            check(birth, today, expect);
        }
    }

    #[test]
    fn groups() {
        let cases = [
            (0, AgeGroup::Under14),
            (13, AgeGroup::Under14),
            (14, AgeGroup::From14To17),
            (17, AgeGroup::From14To17),
            (18, AgeGroup::Adult),
            (100, AgeGroup::Adult),
        ];
        for (years, group) in cases {
            assert_eq!(AgeGroup::of(years), group, "{years}");
        }
    }

    #[test]
    fn strict_date_parsing() {
        let rejected = [
            "2026-02-29",
            "2026-2-1",
            " 2026-02-01",
            "",
            "2026-02-3a",
            "+026-02-03",
            "2026-00-10",
            "2026/02/01",
            "2026-02-01x",
        ];
        for text in rejected {
            assert!(parse_iso_date(text).is_none(), "{text:?}");
        }
        assert!(parse_iso_date("2024-02-29").is_some());
        assert_eq!(parse_iso_date("0999-12-31"), NaiveDate::from_ymd_opt(999, 12, 31));
    }
}
