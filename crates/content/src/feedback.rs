//! Readers' feedback, as the feedback service (crates/feedback) and the
//! rest of the portal agree on it: which state body answers for a page (the
//! one its document names: where a report goes, and whose contacts a
//! reader is shown when a deployment has no feedback service), and the
//! counts the service gives the build for the quality report.

use crate::docs::Ref;
use crate::route::Route;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where reports about pages no single body owns are stored (the home
/// page, topics, lists, life situations): the portal's own editors.
pub const PORTAL: &str = "portal";

/// The longest text a problem report may carry, in characters: the form
/// shows it and the feedback service holds to it.
pub const TEXT_LIMIT: usize = 1000;

/// Why a reader reports a problem, as the form offers it and the service
/// stores it: something is broken (a link, a button, a file), spelling or
/// grammar, the information is wrong or out of date, something else.
pub const REASONS: [&str; 4] = ["broken", "spelling", "outdated", "other"];

/// How many pages the quality report lists of those readers reported.
pub const READER_PAGES_LISTED: usize = 100;

/// `portal-feedback counts`: what readers said, per body and page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedbackCounts {
    /// When the service counted (UTC, RFC 3339).
    pub generated: String,
    /// By body slug ([`PORTAL`] for the portal's own pages).
    pub bodies: BTreeMap<String, Vec<PageCounts>>,
}

/// What readers said about one page in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageCounts {
    /// The page, language-neutral (`/pages/passport`).
    pub route: String,
    pub lang: String,
    pub useful_yes: u64,
    pub useful_no: u64,
    /// Problem reports by reason (`broken`, `spelling`, `outdated`, `other`).
    pub reports: BTreeMap<String, u64>,
}

/// What any page's API document says about who answers for it: its own
/// slug and name (a body's page), its `agency` (a page, news item,
/// document, draft act), its `akimat` (a region). Read with serde, which
/// skips every other field.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Answerable {
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub agency: Option<Ref>,
    #[serde(default)]
    pub akimat: Option<Ref>,
    #[serde(default)]
    pub reorganised: Option<crate::Reorganisation>,
}

/// The body responsible for the page at `route`, from its API document: a
/// body's own page is its own (a former body's, its first successor's), a region's page its akimat's, an item's
/// (page, news, document, draft act) its `agency`. `None` for pages no
/// single body owns (the home page, topics, lists): those are the portal
/// editors'.
pub fn responsible_body(route: &Route, document: &Answerable) -> Option<Ref> {
    match route {
        // A former body's page is answered for by the first body that took
        // its work on (none when it was abolished: the portal's editors).
        Route::Agency(_) => match &document.reorganised {
            Some(r) => r.successors.first().cloned(),
            None => Some(Ref { slug: document.slug.clone()?, name: document.name.clone()? }),
        },
        Route::Region(_) => document.akimat.clone(),
        _ => document.agency.clone(),
    }
}
