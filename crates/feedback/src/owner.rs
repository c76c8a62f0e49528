//! Which state body is responsible for a page: read from the content API
//! the portal is serving, so a report goes where the page says, and a
//! report about a page the portal does not have is refused.

use portal_content::{Lang, Route};
use std::path::PathBuf;

pub use portal_content::feedback::PORTAL;

/// The compiled content API on disk (the folder holding `kk/`, `ru/`, `en/`).
#[derive(Clone, Debug)]
pub struct Pages {
    pub api_dir: PathBuf,
}

impl Pages {
    /// The body responsible for the page at `route` (`/pages/passport`) in
    /// `lang`, or `None` when the portal has no such page. Read each time:
    /// a publish changes pages and their owners while the service runs.
    pub fn owner(&self, lang: Lang, route: &str) -> Option<String> {
        let parsed = Route::parse_neutral(route)?;
        // A route is written one way only (no trailing slash but the home page's).
        if parsed.neutral_path() != route {
            return None;
        }
        let text = std::fs::read_to_string(self.api_dir.join(parsed.api_path(lang))).ok()?;
        let doc: portal_content::feedback::Answerable = serde_json::from_str(&text).ok()?;
        let owner = portal_content::feedback::responsible_body(&parsed, &doc).map(|body| body.slug);
        Some(owner.unwrap_or_else(|| PORTAL.to_owned()))
    }
}
