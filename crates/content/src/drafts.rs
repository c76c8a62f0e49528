//! Draft acts open for public discussion (Law 401-V, Article 16): the API
//! documents `{lang}/drafts.json` ([`DraftsDoc`]), the archive by year
//! `{lang}/drafts/archive/{YYYY}.json` ([`DraftsYearDoc`]) and
//! `{lang}/drafts/{slug}.json` ([`DraftDoc`]), and the drafts a state
//! body's page lists.

use crate::blocks::Block;
use crate::docs::{schema, FactSource, Ref};
use crate::lang::Lang;
use crate::publications::{Attachment, DocumentCard, DocumentType, PeriodCount};
use serde::{Deserialize, Serialize};

schema! {
    /// Where a draft's public discussion stands, by its dates on the day
    /// the portal was built, in the order the list shows them.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum DiscussionStatus {
        /// Open for comments today.
        Open,
        /// The discussion has not begun.
        Upcoming,
        /// The discussion has ended; the act is not adopted yet.
        Closed,
        /// Adopted: the act is in the register.
        Adopted,
    }

    /// What a file of a draft is.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum DraftFileRole {
        /// The text of the draft act.
        Draft,
        /// The explanatory note.
        ExplanatoryNote,
        /// The comparison table of the current and the proposed wording.
        ComparisonTable,
    }

    /// A draft act in a list.
    pub struct DraftCard {
        pub slug: String,
        pub title: String,
        pub agency: Ref,
        pub doc_type: DocumentType,
        /// The days the discussion opens and closes, `YYYY-MM-DD`; the
        /// first is not known for some drafts carried over from the bodies'
        /// former sites, which kept only the deadline.
        pub opens: Option<String>,
        pub closes: String,
        pub discussion: DiscussionStatus,
    }

    /// `{lang}/drafts.json`: every draft open or coming up for discussion,
    /// the latest closed and adopted ones, and the archive by year.
    pub struct DraftsDoc {
        /// The day the statuses were worked out, `YYYY-MM-DD`.
        pub generated: String,
        /// Open (closing soonest first), upcoming, then the latest closed
        /// and adopted (latest first); older ones are in the archive.
        pub drafts: Vec<DraftCard>,
        /// Every year a discussion opened in, newest first, with how many
        /// drafts it has: each is a [`DraftsYearDoc`].
        #[serde(default)]
        pub years: Vec<PeriodCount>,
    }

    /// `{lang}/drafts/archive/{YYYY}.json`: every draft whose discussion
    /// opened in one year, in the list's order.
    pub struct DraftsYearDoc {
        pub year: String,
        /// The day the statuses were worked out, `YYYY-MM-DD`.
        pub generated: String,
        pub drafts: Vec<DraftCard>,
    }

    pub struct DraftFile {
        pub role: DraftFileRole,
        pub file: Attachment,
    }

    /// `{lang}/drafts/{slug}.json`: one draft act.
    pub struct DraftDoc {
        pub slug: String,
        pub title: String,
        pub summary: String,
        pub body: Vec<Block>,
        pub agency: Ref,
        pub doc_type: DocumentType,
        /// As in [`DraftCard`]: the first day may not be known.
        pub opens: Option<String>,
        pub closes: String,
        /// Where the discussion stands. (Not `status`: that names an item's availability.)
        pub discussion: DiscussionStatus,
        /// The day the statuses were worked out, `YYYY-MM-DD`.
        pub generated: String,
        /// Where comments are submitted.
        pub comments_url: String,
        /// The draft, its explanatory note and comparison table, in each language given.
        pub files: Vec<DraftFile>,
        /// The act in the register, once adopted.
        pub adopted: Option<DocumentCard>,
        /// Where the draft was read and when, for editors.
        pub source: FactSource,
        pub languages: Vec<Lang>,
        #[serde(default)]
        pub posted: Option<String>,
        #[serde(default)]
        pub updated: Option<String>,
    }
}

impl DiscussionStatus {
    pub const ALL: [DiscussionStatus; 4] =
        [DiscussionStatus::Open, DiscussionStatus::Upcoming, DiscussionStatus::Closed, DiscussionStatus::Adopted];

    /// The status of a discussion open from `opens` (where known) to
    /// `closes` (inclusive) on `today`, all `YYYY-MM-DD`.
    pub fn on(today: &str, opens: Option<&str>, closes: &str, adopted: bool) -> DiscussionStatus {
        match () {
            _ if adopted => DiscussionStatus::Adopted,
            _ if opens.is_some_and(|opens| today < opens) => DiscussionStatus::Upcoming,
            _ if today <= closes => DiscussionStatus::Open,
            _ => DiscussionStatus::Closed,
        }
    }

    /// The value in URLs (`?status=open`).
    pub fn code(self) -> &'static str {
        match self {
            DiscussionStatus::Open => "open",
            DiscussionStatus::Upcoming => "upcoming",
            DiscussionStatus::Closed => "closed",
            DiscussionStatus::Adopted => "adopted",
        }
    }

    pub fn from_code(code: &str) -> Option<DiscussionStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_follows_the_dates() {
        let on = |today| DiscussionStatus::on(today, Some("2026-11-20"), "2026-12-04", false);
        assert_eq!(on("2026-11-19"), DiscussionStatus::Upcoming);
        assert_eq!(on("2026-11-20"), DiscussionStatus::Open, "open from its first day");
        assert_eq!(on("2026-12-04"), DiscussionStatus::Open, "and on its last");
        assert_eq!(on("2026-12-05"), DiscussionStatus::Closed);
        assert_eq!(
            DiscussionStatus::on("2026-11-25", Some("2026-11-20"), "2026-12-04", true),
            DiscussionStatus::Adopted
        );
        // Only the deadline known: open until it, never upcoming.
        let until = |today| DiscussionStatus::on(today, None, "2026-12-04", false);
        assert_eq!((until("2026-01-01"), until("2026-12-05")), (DiscussionStatus::Open, DiscussionStatus::Closed));
        for s in DiscussionStatus::ALL {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
            assert_eq!(DiscussionStatus::from_code(s.code()), Some(s));
        }
    }
}
