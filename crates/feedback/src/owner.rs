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
        Some(owner.map(|slug| self.current(lang, slug)).unwrap_or_else(|| PORTAL.to_owned()))
    }

    /// A former body reads no reports (a document it issued is still
    /// reported under its name): they go to the first body that took its
    /// work on, and on down the line, or to the portal's editors when it was
    /// abolished outright.
    fn current(&self, lang: Lang, mut slug: String) -> String {
        // The compiler refuses loops; the bound is for an API edited by hand.
        for _ in 0..8 {
            let path = self.api_dir.join(Route::Agency(slug.clone()).api_path(lang));
            let Some(doc) = std::fs::read_to_string(path)
                .ok()
                .and_then(|text| serde_json::from_str::<portal_content::feedback::Answerable>(&text).ok())
            else {
                return slug;
            };
            match doc.reorganised.map(|r| r.successors.into_iter().next()) {
                None => return slug,
                Some(Some(successor)) => slug = successor.slug,
                Some(None) => return PORTAL.to_owned(),
            }
        }
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document issued by a ministry since split (into two), which was
    /// itself the successor of a committee abolished outright.
    #[test]
    fn reports_on_what_a_former_body_issued_go_to_the_body_doing_its_work_now() {
        let dir = tempfile::tempdir().unwrap();
        let api = dir.path();
        let write = |path: &str, json: &str| {
            let file = api.join("ru").join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, json).unwrap();
        };
        let former = |slug: &str, successors: &str| {
            format!(
                r#"{{"status":"available","slug":"{slug}","name":"{slug}","reorganised":{{"kind":"split-into","date":"2022-06-11","successors":[{successors}]}}}}"#
            )
        };
        write("documents/order-595.json", r#"{"status":"available","agency":{"slug":"old-ministry","name":"Old"}}"#);
        write(
            "agencies/old-ministry.json",
            &former("old-ministry", r#"{"slug":"enlightenment","name":"E"},{"slug":"science","name":"S"}"#),
        );
        write("agencies/enlightenment.json", r#"{"status":"available","slug":"enlightenment","name":"E"}"#);
        write("documents/order-1.json", r#"{"status":"available","agency":{"slug":"closed-committee","name":"C"}}"#);
        write("agencies/closed-committee.json", &former("closed-committee", ""));
        let pages = Pages { api_dir: api.to_path_buf() };
        assert_eq!(pages.owner(Lang::Ru, "/documents/order-595").as_deref(), Some("enlightenment"));
        assert_eq!(pages.owner(Lang::Ru, "/agencies/old-ministry").as_deref(), Some("enlightenment"));
        assert_eq!(pages.owner(Lang::Ru, "/documents/order-1").as_deref(), Some(PORTAL));
        assert_eq!(pages.owner(Lang::Ru, "/agencies/enlightenment").as_deref(), Some("enlightenment"));
    }
}
