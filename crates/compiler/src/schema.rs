//! JSON Schema of the content API, generated from the Rust types so the
//! contract other publishers follow cannot drift from what the app reads.

use portal_content::*;
use schemars::{schema_for, Schema};
use std::collections::BTreeMap;

/// The schema of each document kind, by the name docs/content-api.md uses.
pub fn schemas() -> BTreeMap<&'static str, Schema> {
    BTreeMap::from([
        ("site", schema_for!(SiteDoc)),
        ("topic", schema_for!(TopicItem)),
        ("page", schema_for!(PageItem)),
        ("agencies", schema_for!(AgenciesDoc)),
        ("agency", schema_for!(AgencyItem)),
        ("regions", schema_for!(RegionsDoc)),
        ("region", schema_for!(RegionItem)),
        ("text", schema_for!(TextDoc)),
        ("quality", schema_for!(QualityDoc)),
        ("news", schema_for!(NewsDoc)),
        ("news-month", schema_for!(NewsMonthDoc)),
        ("news-item", schema_for!(NewsItemItem)),
        ("documents", schema_for!(DocumentsDoc)),
        ("document-type", schema_for!(DocumentTypeDoc)),
        ("document", schema_for!(DocumentItem)),
        ("drafts", schema_for!(DraftsDoc)),
        ("drafts-year", schema_for!(DraftsYearDoc)),
        ("draft", schema_for!(DraftItem)),
        ("life", schema_for!(JourneysDoc)),
        ("journey", schema_for!(JourneyItem)),
    ])
}

/// All schemas as one pretty JSON document, as committed in docs/.
pub fn schemas_json() -> String {
    let mut text = serde_json::to_string_pretty(&schemas()).expect("schemas serialize");
    text.push('\n');
    text
}

/// Which schema applies to an output file, by its path under `api/v1/`.
pub fn kind_of(path: &str) -> Option<&'static str> {
    let (_, rest) = path.split_once('/')?;
    Some(match rest.split('/').collect::<Vec<_>>().as_slice() {
        ["site.json"] => "site",
        ["agencies.json"] => "agencies",
        ["regions.json"] => "regions",
        ["accessibility.json"] => "text",
        ["quality.json"] => "quality",
        ["topics", _] => "topic",
        ["pages", _] => "page",
        ["agencies", _] => "agency",
        ["regions", _] => "region",
        ["news.json"] => "news",
        ["news", "archive", _] => "news-month",
        ["news", _] => "news-item",
        ["documents.json"] => "documents",
        ["documents", "types", _] => "document-type",
        ["documents", _] => "document",
        ["drafts.json"] => "drafts",
        ["drafts", "archive", _] => "drafts-year",
        ["drafts", _] => "draft",
        ["life.json"] => "life",
        ["life", _] => "journey",
        _ => return None,
    })
}
