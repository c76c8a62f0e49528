//! The legal deadlines of Order 124-НҚ: news is published the day the
//! information arrives, other sections within three working days. Working
//! days skip weekends and the public holidays of Kazakhstan, which are
//! content (`content/site/meta.toml`, `[calendar]`), not code.

use crate::date::Date;
use crate::diagnostic::Diagnostics;
use crate::model::CalendarMeta;
use crate::{Content, Options};
use std::collections::BTreeSet;

/// Working days an update of a section other than news may take.
pub const SECTION_WORKING_DAYS: u32 = 3;

/// Which days are working days.
#[derive(Debug, Default)]
pub struct Calendar {
    holidays: Vec<YearlyHoliday>,
    /// Days off of one year only: dated ones and those moved by the yearly act.
    moved_off: BTreeSet<Date>,
    moved_working: BTreeSet<Date>,
}

/// A holiday on the same day every year, in the years the law makes it one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct YearlyHoliday {
    month: u32,
    day: u32,
    /// Whether one on a weekend gives the next working day off.
    moves: bool,
    years: (i64, i64),
}

impl Calendar {
    pub fn new(meta: Option<&CalendarMeta>) -> Calendar {
        let Some(meta) = meta else { return Calendar::default() };
        let dates = |list: &[crate::source::Date]| list.iter().filter_map(|d| Date::parse(&d.0)).collect();
        let mut holidays: Vec<YearlyHoliday> = meta
            .holiday
            .iter()
            .filter_map(|h| {
                let (m, d) = h.date.split_once('-')?;
                let years = (h.from.unwrap_or(i64::MIN), h.until.unwrap_or(i64::MAX));
                Some(YearlyHoliday { month: m.parse().ok()?, day: d.parse().ok()?, moves: h.moves, years })
            })
            .collect();
        holidays.sort_unstable();
        let mut moved_off: BTreeSet<Date> = dates(&meta.moved_off);
        moved_off.extend(meta.dated.iter().filter_map(|d| Date::parse(&d.date.0)));
        Calendar { holidays, moved_off, moved_working: dates(&meta.moved_working) }
    }

    /// The days off in `year` beyond weekends: the holidays, and for each
    /// that falls on a weekend (and moves), the next working day.
    fn days_off(&self, year: i64) -> BTreeSet<Date> {
        let of_year: Vec<&YearlyHoliday> =
            self.holidays.iter().filter(|h| (h.years.0..=h.years.1).contains(&year)).collect();
        let mut off: BTreeSet<Date> = of_year.iter().map(|h| Date { year, month: h.month, day: h.day }).collect();
        for &&YearlyHoliday { month, day, moves, .. } in &of_year {
            let holiday = Date { year, month, day };
            if moves && holiday.is_weekend() {
                let mut next = holiday.next();
                while next.is_weekend() || off.contains(&next) {
                    next = next.next();
                }
                off.insert(next);
            }
        }
        off
    }

    pub fn is_working_day(&self, day: Date) -> bool {
        if self.moved_working.contains(&day) {
            return true;
        }
        !day.is_weekend() && !self.moved_off.contains(&day) && !self.days_off(day.year).contains(&day)
    }

    /// The last day allowed for something that must be done within `n`
    /// working days after `received` (the day it arrived does not count;
    /// `n = 0` is the same day).
    pub fn due(&self, received: Date, n: u32) -> Date {
        let mut day = received;
        for _ in 0..n {
            day = day.next();
            while !self.is_working_day(day) {
                day = day.next();
            }
        }
        day
    }
}

pub(crate) fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    let calendar_meta = c.site.meta.calendar.as_ref();
    match calendar_meta.map(|m| (m, m.get_ref())) {
        None => diags.warning_about(
            &c.site.meta_file,
            0,
            "incomplete",
            "calendar",
            "no [calendar] of public holidays: deadlines count weekends only",
        ),
        Some((spanned, m)) if m.checked.is_none() => diags.warning_about(
            &c.site.meta_file,
            c.site.meta_line(spanned),
            "incomplete",
            "calendar checked",
            format!("the holidays have not been checked against {}: add checked = YYYY-MM-DD once they are", m.source),
        ),
        Some(_) => {}
    }
    if let Some(spanned) = calendar_meta {
        for h in spanned.get_ref().holiday.iter().filter(|h| Date::parse(&format!("2000-{}", h.date)).is_none()) {
            diags.error(
                &c.site.meta_file,
                c.site.meta_line(spanned),
                "calendar",
                format!("holiday {:?} has date {:?}: write the month and day as MM-DD", h.name, h.date),
            );
        }
        for h in spanned.get_ref().holiday.iter().filter(|h| matches!((h.from, h.until), (Some(f), Some(u)) if f > u)) {
            diags.error(
                &c.site.meta_file,
                c.site.meta_line(spanned),
                "calendar",
                format!(
                    "holiday {:?} is a day off from {:?} until {:?}: the first year is after the last",
                    h.name, h.from, h.until
                ),
            );
        }
    }
    let calendar = Calendar::new(calendar_meta.map(|m| m.get_ref()));
    let today = Date::parse(&options.today);
    let date = |d: &crate::source::Date| Date::parse(&d.0);
    let late = |diags: &mut Diagnostics, file: &std::path::Path, line, received, done: Option<Date>, due| {
        let detail = match done {
            Some(done) => format!("received {received}, published {done}, due {due}"),
            None => format!("received {received}, not published, due {due}"),
        };
        diags.warning_about(file, line, "late", &detail, format!("published later than Order 124-НҚ allows: {detail}"));
    };
    for n in &c.news {
        let Some(received) = &n.meta.received else { continue };
        let (Some(r), Some(p)) = (date(received.get_ref()), date(n.meta.published.get_ref())) else { continue };
        if r > p {
            diags.error(
                &n.meta_file,
                n.meta_line(received),
                "received",
                format!("received {r} is after published {p}: news cannot be published before it is known"),
            );
        } else if p > calendar.due(r, 0) {
            late(diags, &n.meta_file, n.meta_line(received), r, Some(p), calendar.due(r, 0));
        }
    }
    for page in &c.pages {
        let Some(received) = &page.meta.received else { continue };
        let (Some(r), Some(u)) = (date(received.get_ref()), date(page.meta.updated.get_ref())) else { continue };
        let due = calendar.due(r, SECTION_WORKING_DAYS);
        let line = page.meta_line(received);
        if u >= r && u > due {
            late(diags, &page.meta_file, line, r, Some(u), due);
        } else if u < r && today.is_some_and(|t| t > due) {
            late(diags, &page.meta_file, line, r, None, due);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// Test data: two holidays as the calendar in content writes them.
    fn calendar() -> Calendar {
        let every_year = |month, day, moves| YearlyHoliday { month, day, moves, years: (i64::MIN, i64::MAX) };
        Calendar {
            holidays: vec![
                every_year(3, 21, true),
                every_year(3, 22, true),
                every_year(3, 23, true),
                every_year(12, 16, true),
                every_year(1, 7, false),
                YearlyHoliday { month: 8, day: 30, moves: true, years: (i64::MIN, 2025) },
                YearlyHoliday { month: 3, day: 15, moves: true, years: (2027, i64::MAX) },
            ],
            moved_off: [d("2026-01-02")].into(),
            moved_working: [d("2026-01-03")].into(),
        }
    }

    #[test]
    fn weekends_are_not_working_days() {
        let c = Calendar::default();
        assert!(!d("2026-12-04").is_weekend() && d("2026-12-05").is_weekend() && d("2026-12-06").is_weekend());
        // Received on a Thursday: Friday, Monday, Tuesday.
        assert_eq!(c.due(d("2026-12-03"), 3), d("2026-12-08"));
        // Received on a Saturday: Monday, Tuesday, Wednesday.
        assert_eq!(c.due(d("2026-12-05"), 3), d("2026-12-09"));
        assert_eq!(c.due(d("2026-12-05"), 0), d("2026-12-05"), "news: the same day, whatever day it is");
    }

    #[test]
    fn holidays_and_the_days_off_they_move_are_skipped() {
        let c = calendar();
        // 2026: 21 March is a Saturday and 22 March a Sunday, so 24 and 25 March are off too.
        for off in ["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25"] {
            assert!(!c.is_working_day(d(off)), "{off}");
        }
        assert!(c.is_working_day(d("2026-03-26")));
        // Received on Friday 20 March: 26, 27 and 30 March.
        assert_eq!(c.due(d("2026-03-20"), 3), d("2026-03-30"));
        // A religious holiday on a weekend moves nothing: 7 January 2024 was a Sunday.
        assert!(c.is_working_day(d("2024-01-08")));
        // 16 December 2028 is a Saturday: Monday 18 December is off.
        assert!(!c.is_working_day(d("2028-12-18")));
    }

    #[test]
    fn a_holiday_the_law_moved_counts_only_in_its_years() {
        let c = calendar();
        // 30 August 2025 was a Saturday: Monday 1 September was off.
        assert!(!c.is_working_day(d("2025-09-01")));
        // 30 August 2026 is a Sunday, no longer a holiday: Monday 31 August is a working day.
        assert!(c.is_working_day(d("2026-08-31")));
        // 15 March is one from 2027: Monday 15 March 2027 is off, Monday 15 March 2026 was not.
        assert!(!c.is_working_day(d("2027-03-15")));
        assert!(c.is_working_day(d("2026-03-16")) && d("2026-03-15").is_weekend());
    }

    #[test]
    fn days_moved_by_the_government_count_as_moved() {
        let c = calendar();
        assert!(!c.is_working_day(d("2026-01-02")), "a Friday made a day off");
        assert!(c.is_working_day(d("2026-01-03")), "a Saturday made a working day");
    }
}
