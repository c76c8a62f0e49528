//! Search: queries the index the content compiler writes beside the API,
//! through the index's own browser runtime, loaded on the first search only
//! (src/search-runtime.js). Kazakh letters are folded on both sides, so
//! "куалик" finds "куәлік"; Russian and English are stemmed by the index.

use crate::api::{ApiClient, ApiError};
use portal_content::search::highlight;
use portal_content::search::*;
use portal_content::{fold, Lang};
use serde::Deserialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/search-runtime.js")]
extern "C" {
    #[wasm_bindgen(js_name = searchIndex, catch)]
    async fn search_index(
        base: &str,
        delta_base: &str,
        changes_url: &str,
        lang: &str,
        term: &str,
        filters_json: &str,
        sort_key: &str,
        limit: u32,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = filterValues, catch)]
    async fn filter_values(base: &str, delta_base: &str, changes_url: &str, lang: &str) -> Result<JsValue, JsValue>;
}

/// What the reader asked: words, filters (by filter name) and the order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub words: String,
    pub filters: BTreeMap<String, String>,
    pub newest_first: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The page's path for the router, as the index holds it (`/kk/pages/passport`).
    pub path: String,
    /// The same under the portal's base path, for links.
    pub href: String,
    pub title: String,
    /// The excerpt as text and highlighted (true) parts.
    pub excerpt: Vec<(String, bool)>,
    pub body: Option<String>,
    pub date: Option<String>,
    /// What it is (one of the index's kinds), for how its date is labelled.
    pub kind: Option<String>,
    /// The title's language when it is not the page's.
    pub title_lang: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub total: usize,
    pub hits: Vec<Hit>,
}

#[derive(Deserialize)]
struct RawFound {
    total: usize,
    results: Vec<RawHit>,
}

#[derive(Deserialize)]
struct RawHit {
    url: String,
    excerpt: String,
    meta: BTreeMap<String, String>,
}

/// The words as the index holds them: folded, so Kazakh letters typed or not match.
fn index_terms(words: &str) -> String {
    fold(words.trim())
}

/// Where the full index, the index of what was published since, and the
/// list of those changes are.
fn index_places(client: &ApiClient) -> [String; 3] {
    let base = client.base();
    [format!("{base}{INDEX_DIR}"), format!("{base}{DELTA_DIR}"), format!("{base}{DELTA_DIR}{DELTA_CHANGES}")]
}

pub async fn search(client: &ApiClient, lang: Lang, query: &Query, limit: u32) -> Result<Found, ApiError> {
    let [base, delta, changes] = index_places(client);
    let filters: BTreeMap<&str, &str> = query.filters.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let filters_json = serde_json::to_string(&filters).expect("a map of strings serializes");
    let sort = if query.newest_first { SORT_DATE } else { "" };
    let terms = index_terms(&query.words);
    let raw = search_index(&base, &delta, &changes, lang.code(), &terms, &filters_json, sort, limit)
        .await
        .map_err(unreachable_index)?;
    let raw: RawFound =
        serde_json::from_str(&raw.as_string().unwrap_or_default()).map_err(|e| ApiError::Malformed(e.to_string()))?;
    let hits = raw
        .results
        .into_iter()
        .map(|r| {
            let date = r.meta.get(META_DATE).filter(|d| !d.is_empty()).cloned();
            Hit {
                href: format!("{}{}", crate::routes::base_path(), r.url),
                path: r.url,
                title: r.meta.get(META_TITLE).cloned().unwrap_or_default(),
                excerpt: highlight(&r.excerpt, &terms),
                body: r.meta.get(META_BODY).cloned(),
                date,
                kind: r.meta.get(META_KIND).cloned(),
                title_lang: r.meta.get(META_TITLE_LANG).cloned(),
            }
        })
        .collect();
    Ok(Found { total: raw.total, hits })
}

/// Values each filter can take in `lang`, with how many items have them.
pub async fn filter_options(
    client: &ApiClient,
    lang: Lang,
) -> Result<BTreeMap<String, BTreeMap<String, u32>>, ApiError> {
    let [base, delta, changes] = index_places(client);
    let raw = filter_values(&base, &delta, &changes, lang.code()).await.map_err(unreachable_index)?;
    serde_json::from_str(&raw.as_string().unwrap_or_default()).map_err(|e| ApiError::Malformed(e.to_string()))
}

/// The index's runtime or one of its files could not be fetched.
fn unreachable_index(error: JsValue) -> ApiError {
    leptos::logging::warn!("search index: {error:?}");
    ApiError::Network
}
