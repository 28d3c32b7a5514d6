//! How long the document check (birth certificate in ЕГР ЗАГС, СНИЛС in СФР)
//! should take, and whether it is overdue.
//!
//! The sources differ:
//! - "от 15 минут до 5 рабочих дней" (seed 002) — **the basis used here**:
//!   earliest = request + 15 minutes, latest = the same time on the fifth
//!   working day after the request's date (see [`super::calendar`]);
//! - "от 15 минут до 5 календарных дней" (seed 002, about the same check);
//! - "от 15 минут до нескольких дней" (seed 001);
//! - "в среднем 15-20 минут" (seed 003).
//!
//! The other readings are reported as [`EstimateVariant`]s with their
//! sources; overdue is judged against the basis only.

use crate::id::closed_set;

use chrono::{Duration, NaiveDateTime};

use super::calendar;

closed_set!(
    /// One reading of the sources about the check's duration.
    EstimateVariantId {
        /// 15 minutes to 5 working days (seed 002): the basis.
        FiveWorkingDays => "five_working_days",
        /// 15 minutes to 5 calendar days (seed 002).
        FiveCalendarDays => "five_calendar_days",
        /// 15 minutes to several days (seed 001): no upper bound given.
        SeveralDays => "several_days",
        /// 15–20 minutes on average (seed 003).
        Average15To20Minutes => "average_15_20_minutes",
    }
);

impl EstimateVariantId {
    /// The id of the text that states this reading (with its source).
    pub fn text_id(self) -> &'static str {
        match self {
            EstimateVariantId::FiveWorkingDays => "elig.estimate.five_working_days",
            EstimateVariantId::FiveCalendarDays => "elig.estimate.five_calendar_days",
            EstimateVariantId::SeveralDays => "elig.estimate.several_days",
            EstimateVariantId::Average15To20Minutes => "elig.estimate.average_15_20_minutes",
        }
    }
}

/// A reading and the latest time it implies (`None`: the source gives no
/// upper bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EstimateVariant {
    /// Which reading of the sources.
    pub id: EstimateVariantId,
    /// The latest finish time it implies (local time); `None` when the source gives no upper bound.
    pub latest: Option<NaiveDateTime>,
}

/// The estimate for a check requested at `requested_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckEstimate {
    /// When the check was requested (local time).
    pub requested_at: NaiveDateTime,
    /// Request + 15 minutes.
    pub earliest: NaiveDateTime,
    /// Request + 5 working days (the basis). Equal to `earliest` only if the
    /// calendar type's range ends (never with real dates).
    pub latest: NaiveDateTime,
    /// Which reading `latest` follows: always `FiveWorkingDays`.
    pub basis: EstimateVariantId,
    /// The check has a final status (verified or not found) already.
    pub finished: bool,
    /// Not finished and `now` is after `latest`: contact support.
    pub overdue: bool,
    /// Every reading, the basis first.
    pub variants: Vec<EstimateVariant>,
    /// Years in the window that the calendar data does not cover.
    pub years_not_covered: Vec<i32>,
    /// Years in the window whose calendar data has no known decree.
    pub years_unconfirmed: Vec<i32>,
}

/// The earliest the check can finish, in minutes after the request.
pub const EARLIEST_MINUTES: i64 = 15;
/// The typical upper end, in minutes (seed 003).
pub const AVERAGE_MAX_MINUTES: i64 = 20;
/// The basis: working days (seed 002).
pub const WORKING_DAYS: u32 = 5;
/// The calendar-days reading (seed 002).
pub const CALENDAR_DAYS: i64 = 5;

/// Estimates a check requested at `requested_at`, judged at `now`.
///
/// ```
/// use diary_rules::eligibility::{parse_local_date_time, wait::estimate};
/// let t = |s| parse_local_date_time(s).unwrap();
/// // Requested on Friday 6 March 2026; 9 March is a day off (8 March fell
/// // on a Sunday), so the fifth working day is Monday 16 March.
/// let e = estimate(t("2026-03-06T18:00"), t("2026-03-16T18:01"), false);
/// assert_eq!(e.latest, t("2026-03-16T18:00"));
/// assert!(e.overdue);
/// ```
pub fn estimate(requested_at: NaiveDateTime, now: NaiveDateTime, finished: bool) -> CheckEstimate {
    let plus = |minutes: i64| requested_at.checked_add_signed(Duration::minutes(minutes)).unwrap_or(requested_at);
    let earliest = plus(EARLIEST_MINUTES);
    let working = calendar::add_working_days(requested_at, WORKING_DAYS);
    let latest = working.unwrap_or(earliest).max(earliest);
    let calendar_days = requested_at.checked_add_signed(Duration::days(CALENDAR_DAYS));
    let (years_not_covered, years_unconfirmed) = calendar::coverage(requested_at.date(), latest.date());
    CheckEstimate {
        requested_at,
        earliest,
        latest,
        basis: EstimateVariantId::FiveWorkingDays,
        finished,
        overdue: !finished && now > latest,
        variants: vec![
            EstimateVariant { id: EstimateVariantId::FiveWorkingDays, latest: Some(latest) },
            EstimateVariant { id: EstimateVariantId::FiveCalendarDays, latest: calendar_days },
            EstimateVariant { id: EstimateVariantId::SeveralDays, latest: None },
            EstimateVariant { id: EstimateVariantId::Average15To20Minutes, latest: Some(plus(AVERAGE_MAX_MINUTES)) },
        ],
        years_not_covered,
        years_unconfirmed,
    }
}
