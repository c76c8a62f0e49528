//! Which state body answers for a page: the one its document names. Read
//! by the feedback service (where a report goes) and by the app (whose
//! contacts a reader is shown when a deployment has no feedback service).

use crate::docs::Ref;
use crate::route::Route;

/// The body responsible for the page at `route`, from its API document
/// (parsed as JSON): a body's own page is its own, a region's page its
/// akimat's, an item's (page, news, document, draft act) its `agency`.
/// `None` for pages no single body owns (the home page, topics, lists):
/// those are the portal editors'.
pub fn responsible_body(route: &Route, document: &serde_json::Value) -> Option<Ref> {
    let named = |v: &serde_json::Value| {
        Some(Ref { slug: v.get("slug")?.as_str()?.to_owned(), name: v.get("name")?.as_str()?.to_owned() })
    };
    match route {
        Route::Agency(_) => named(document),
        Route::Region(_) => document.get("akimat").and_then(named),
        _ => document.get("agency").and_then(named),
    }
}
