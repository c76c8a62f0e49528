//! The portal's feedback service: "Is this page useful?" answers and
//! "Report a problem with this page" reports, checked, cleaned of personal
//! data, and stored for the state body responsible for the page.
//!
//! Stages, one module each: [`report`] (what may be sent), [`scrub`]
//! (personal data out), [`owner`] (which body a page belongs to),
//! [`store`] (SQLite or PostgreSQL), [`server`] (HTTP).

pub mod owner;
pub mod report;
pub mod scrub;
pub mod server;
pub mod store;

use time::format_description::FormatItem;
use time::macros::format_description;

// Fixed width, so that times sort as text in both databases.
const RECEIVED: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// The time now, in UTC, as reports record it.
pub fn now() -> String {
    time::OffsetDateTime::now_utc().format(RECEIVED).expect("a date formats")
}

/// Parses a `YYYY-MM-DD` date (for `--since` and `?since=`).
pub fn parse_date(text: &str) -> Result<time::Date, String> {
    time::Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map_err(|_| format!("{text}: a date is written YYYY-MM-DD"))
}
