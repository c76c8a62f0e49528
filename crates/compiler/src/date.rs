//! Calendar dates of the content (`YYYY-MM-DD`), and the arithmetic the
//! checks need: days between two dates, a year back, and today.

use std::fmt;

/// A date of the civil (Gregorian) calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let (year, month, day) =
            (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (H. Hinnant's algorithm).
    pub fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date { year: era * 400 + yoe + i64::from(month <= 2), month, day }
    }

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
        (self.days() + 3).rem_euclid(7) >= 5
    }

    /// The day after.
    pub fn next(self) -> Date {
        Date::from_days(self.days() + 1)
    }

    /// The same day a year before (29 February gives 28 February).
    pub fn a_year_before(self) -> Date {
        let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let day = if self.month == 2 && self.day == 29 && !leap(self.year - 1) { 28 } else { self.day };
        Date { year: self.year - 1, day, ..self }
    }

    /// Today in Kazakhstan, or the day there of SOURCE_DATE_EPOCH (reproducible builds, previews).
    pub fn today() -> Date {
        let secs = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<i64>().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        });
        // The day in Kazakhstan (UTC+5 in the whole country since 1 March
        // 2024): a build run just after midnight there is of the new day.
        Date::from_days((secs + KAZAKHSTAN_OFFSET_SECONDS).div_euclid(86_400))
    }
}

/// Kazakhstan's time: UTC+5.
const KAZAKHSTAN_OFFSET_SECONDS: i64 = 5 * 3600;

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn days_count_the_civil_calendar_both_ways() {
        let days = |s: &str| Date::parse(s).map(Date::days);
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2024-03-01").unwrap() - days("2024-02-28").unwrap(), 2, "2024 is a leap year");
        assert_eq!(days("2026-11-27").unwrap() - days("2026-10-28").unwrap(), 30);
        assert_eq!(days("not a date"), None);
        for text in ["1970-01-01", "2000-02-29", "2026-12-03", "1899-12-31"] {
            assert_eq!(Date::from_days(days(text).unwrap()).to_string(), text);
        }
    }

    #[test]
    fn a_year_before_keeps_the_day_where_it_exists() {
        assert_eq!(Date::parse("2026-12-03").unwrap().a_year_before().to_string(), "2025-12-03");
        assert_eq!(Date::parse("2024-02-29").unwrap().a_year_before().to_string(), "2023-02-28");
    }
}
