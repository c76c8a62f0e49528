//! What editors write: the metadata (`meta.toml`) and front matter of each
//! kind of item. Unknown fields are errors, so a typo never goes unnoticed.

use crate::source::Date;
use portal_content::{AgencyKind, PageKind, RegionKind};
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteMeta {}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFront {
    pub name: String,
    pub tagline: String,
}

/// A page of the portal's own, such as the accessibility statement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextMeta {
    pub updated: Date,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicMeta {
    /// Position on the home page, smallest first.
    pub order: u32,
}

/// Front matter of topics and pages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitledFront {
    pub title: String,
    pub summary: String,
}

/// Front matter of pages: services also say what they cost and how long
/// they take.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    pub summary: String,
    pub cost: Option<String>,
    pub timing: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub kind: PageKind,
    pub topic: Spanned<String>,
    pub agency: Spanned<String>,
    pub updated: Spanned<Date>,
    pub review_by: Spanned<Date>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyMeta {
    pub kind: AgencyKind,
    pub parent: Option<Spanned<String>>,
    pub region: Option<Spanned<String>>,
    pub website: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyFront {
    pub name: String,
    pub short_name: Option<String>,
    pub summary: String,
    pub address: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionMeta {
    pub kind: RegionKind,
    pub akimat: Option<Spanned<String>>,
    pub order: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionFront {
    pub name: String,
    pub summary: String,
}
