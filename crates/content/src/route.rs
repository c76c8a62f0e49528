//! Language-neutral routes: the one place that turns a page of the portal
//! into a URL (for the app's links, the compiler's sitemap and link checks)
//! and into the path of its content API document.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// A page of the portal, independent of language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "route", content = "slug", rename_all = "snake_case")]
pub enum Route {
    Home,
    Topic(String),
    Page(String),
    Agencies,
    Agency(String),
    Regions,
    Region(String),
    /// The accessibility statement.
    Accessibility,
    /// The content quality report for editors.
    Quality,
    /// All news: the latest items, filters and the archive by month.
    News,
    /// The news of one month, `YYYY-MM`.
    NewsMonth(String),
    NewsItem(String),
    /// Official documents: the latest, filters and the archive by type.
    Documents,
    /// The documents of one type (a [`crate::DocumentType`] code), by year.
    DocumentType(String),
    Document(String),
    /// Draft acts open for public discussion, and those that were.
    Drafts,
    /// The draft acts whose discussion opened in one year, `YYYY`.
    DraftsYear(String),
    Draft(String),
    /// Every life situation.
    Journeys,
    /// One life situation: its steps across state bodies.
    Journey(String),
}

impl Route {
    /// The URL path of this route in `lang`, for example `/ru/pages/passport`.
    /// The only function that builds the portal's URLs.
    pub fn href(&self, lang: Lang) -> String {
        format!("/{}{}", lang.code(), self.neutral_path())
    }

    /// The language-neutral path editors write in Markdown links, for
    /// example `/pages/passport`; the home page is `/`.
    pub fn neutral_path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Topic(s) => format!("/topics/{s}"),
            Route::Page(s) => format!("/pages/{s}"),
            Route::Agencies => "/agencies".to_owned(),
            Route::Agency(s) => format!("/agencies/{s}"),
            Route::Regions => "/regions".to_owned(),
            Route::Region(s) => format!("/regions/{s}"),
            Route::Accessibility => "/accessibility".to_owned(),
            Route::Quality => "/quality".to_owned(),
            Route::News => "/news".to_owned(),
            Route::NewsMonth(m) => format!("/news/archive/{m}"),
            Route::NewsItem(s) => format!("/news/{s}"),
            Route::Documents => "/documents".to_owned(),
            Route::DocumentType(t) => format!("/documents/types/{t}"),
            Route::Document(s) => format!("/documents/{s}"),
            Route::Drafts => "/drafts".to_owned(),
            Route::DraftsYear(y) => format!("/drafts/archive/{y}"),
            Route::Draft(s) => format!("/drafts/{s}"),
            Route::Journeys => "/life".to_owned(),
            Route::Journey(s) => format!("/life/{s}"),
        }
    }

    /// Path of the API document behind this route, relative to the API base
    /// (`api/v1/`), for example `ru/pages/passport.json`.
    pub fn api_path(&self, lang: Lang) -> String {
        let l = lang.code();
        match self {
            Route::Home => format!("{l}/site.json"),
            Route::Topic(s) => format!("{l}/topics/{s}.json"),
            Route::Page(s) => format!("{l}/pages/{s}.json"),
            Route::Agencies => format!("{l}/agencies.json"),
            Route::Agency(s) => format!("{l}/agencies/{s}.json"),
            Route::Regions => format!("{l}/regions.json"),
            Route::Region(s) => format!("{l}/regions/{s}.json"),
            Route::Accessibility => format!("{l}/accessibility.json"),
            Route::Quality => format!("{l}/quality.json"),
            Route::News => format!("{l}/news.json"),
            Route::NewsMonth(m) => format!("{l}/news/archive/{m}.json"),
            Route::NewsItem(s) => format!("{l}/news/{s}.json"),
            Route::Documents => format!("{l}/documents.json"),
            Route::DocumentType(t) => format!("{l}/documents/types/{t}.json"),
            Route::Document(s) => format!("{l}/documents/{s}.json"),
            Route::Drafts => format!("{l}/drafts.json"),
            Route::DraftsYear(y) => format!("{l}/drafts/archive/{y}.json"),
            Route::Draft(s) => format!("{l}/drafts/{s}.json"),
            Route::Journeys => format!("{l}/life.json"),
            Route::Journey(s) => format!("{l}/life/{s}.json"),
        }
    }

    /// Parses a language-neutral path as written in content (`/pages/passport`).
    /// Returns `None` for anything that is not a route of the portal.
    pub fn parse_neutral(path: &str) -> Option<Route> {
        let rest = path.strip_prefix('/')?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let parts: Vec<&str> = if rest.is_empty() { vec![] } else { rest.split('/').collect() };
        let slug = |s: &str| crate::is_valid_slug(s).then(|| s.to_owned());
        Some(match parts.as_slice() {
            [] => Route::Home,
            ["topics", s] => Route::Topic(slug(s)?),
            ["pages", s] => Route::Page(slug(s)?),
            ["agencies"] => Route::Agencies,
            ["agencies", s] => Route::Agency(slug(s)?),
            ["regions"] => Route::Regions,
            ["regions", s] => Route::Region(slug(s)?),
            ["accessibility"] => Route::Accessibility,
            ["quality"] => Route::Quality,
            ["news"] => Route::News,
            ["news", "archive", m] if is_month(m) => Route::NewsMonth((*m).to_owned()),
            ["news", s] if *s != RESERVED_NEWS_SLUG => Route::NewsItem(slug(s)?),
            ["documents"] => Route::Documents,
            ["documents", "types", t] => Route::DocumentType(slug(t)?),
            ["documents", s] if *s != RESERVED_DOCUMENT_SLUG => Route::Document(slug(s)?),
            ["drafts"] => Route::Drafts,
            ["drafts", "archive", y] if is_year(y) => Route::DraftsYear((*y).to_owned()),
            ["drafts", s] if *s != RESERVED_DRAFT_SLUG => Route::Draft(slug(s)?),
            ["life"] => Route::Journeys,
            ["life", s] => Route::Journey(slug(s)?),
            _ => return None,
        })
    }
}

/// Slugs a news item, a document or a draft cannot have: they name the archives.
pub const RESERVED_NEWS_SLUG: &str = "archive";
pub const RESERVED_DOCUMENT_SLUG: &str = "types";
pub const RESERVED_DRAFT_SLUG: &str = "archive";

/// Whether `s` is a year as the drafts archive names it: `YYYY`.
pub fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit())
}

/// Whether `s` is a month as the news archive names it: `YYYY-MM`.
pub fn is_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit())
        && matches!(&s[5..], "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_kinds() -> Vec<Route> {
        vec![
            Route::Home,
            Route::Topic("documents".into()),
            Route::Page("identity-card".into()),
            Route::Agencies,
            Route::Agency("ministry-of-justice".into()),
            Route::Regions,
            Route::Region("astana".into()),
            Route::Accessibility,
            Route::Quality,
            Route::News,
            Route::NewsMonth("2026-11".into()),
            Route::NewsItem("new-tax-code".into()),
            Route::Documents,
            Route::DocumentType("law".into()),
            Route::Document("law-on-public-services".into()),
            Route::Drafts,
            Route::DraftsYear("2025".into()),
            Route::Draft("tax-code-amendments".into()),
            Route::Journeys,
            Route::Journey("birth-of-a-child".into()),
        ]
    }

    #[test]
    fn neutral_paths_round_trip() {
        for route in all_kinds() {
            assert_eq!(Route::parse_neutral(&route.neutral_path()), Some(route.clone()));
        }
    }

    #[test]
    fn href_carries_the_language() {
        assert_eq!(Route::Home.href(Lang::Kk), "/kk/");
        assert_eq!(Route::Page("passport".into()).href(Lang::En), "/en/pages/passport");
        assert_eq!(Route::Agencies.api_path(Lang::Ru), "ru/agencies.json");
    }

    #[test]
    fn rejects_what_is_not_a_route() {
        for bad in [
            "pages/x",
            "/pages",
            "/pages/X",
            "/pages/a/b",
            "/kk/pages/x",
            "/news/archive/2026-13",
            "/news/archive/26-11",
            "/drafts/archive/25",
            "/drafts/archive",
            "/documents/types",
            "/news/a/b",
            "/life/a/b",
        ] {
            assert_eq!(Route::parse_neutral(bad), None, "{bad}");
        }
    }
}
