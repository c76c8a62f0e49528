//! News and official documents: the API documents of the news archive
//! (`{lang}/news.json`, `{lang}/news/archive/{YYYY-MM}.json`,
//! `{lang}/news/{slug}.json`), of the documents register
//! (`{lang}/documents.json`, `{lang}/documents/types/{type}.json`,
//! `{lang}/documents/{slug}.json`), and where feeds and files live.

use crate::blocks::Block;
use crate::docs::{schema, Ref};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Folder of downloadable files and images under the API base.
pub const FILES_DIR: &str = "files/";

/// Path of a state body's Atom feed relative to the API base.
pub fn feed_path(lang: Lang, agency: &str) -> String {
    format!("feeds/{}/{agency}.atom", lang.code())
}

/// Path of the portal's feed of all news in `lang`, relative to the API base.
pub fn news_feed_path(lang: Lang) -> String {
    format!("feeds/{}/news.atom", lang.code())
}

schema! {
    /// A news item in a list.
    pub struct NewsCard {
        pub slug: String,
        pub title: String,
        pub summary: String,
        /// Date published, `YYYY-MM-DD`.
        pub published: String,
        pub agency: Ref,
        pub region: Option<Ref>,
        /// What kind of news it is, where it is a kind of its own.
        #[serde(default)]
        pub category: Option<NewsCategory>,
    }

    /// A kind of news item with a filter of its own.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum NewsCategory {
        /// Appointments and dismissals of the head, deputies and heads of
        /// departments, territorial bodies and subordinate organisations.
        Appointment,
    }

    /// How many items a month (`YYYY-MM`) or a year (`YYYY`) of an archive has.
    pub struct PeriodCount {
        pub period: String,
        pub count: u32,
    }

    /// `{lang}/news.json`: the latest news and the archive's months.
    pub struct NewsDoc {
        /// The newest items, newest first.
        pub latest: Vec<NewsCard>,
        /// Every month with news, newest first.
        pub months: Vec<PeriodCount>,
        /// Bodies and regions that have news, by name: the filters' choices.
        pub agencies: Vec<Ref>,
        pub regions: Vec<Ref>,
        /// The feed of all news in this language, relative to the API base.
        pub feed: String,
    }

    /// `{lang}/news/archive/{YYYY-MM}.json`: every item of one month, newest first.
    pub struct NewsMonthDoc {
        pub month: String,
        pub items: Vec<NewsCard>,
    }

    /// `{lang}/news/{slug}.json`: one news item.
    pub struct NewsItemDoc {
        pub slug: String,
        pub title: String,
        pub summary: String,
        pub published: String,
        #[serde(default)]
        pub category: Option<NewsCategory>,
        /// Where the facts of an appointment were read, for editors.
        #[serde(default)]
        pub source: Option<crate::FactSource>,
        /// Date last updated after publishing, `YYYY-MM-DD`, where it was.
        #[serde(default)]
        pub updated: Option<String>,
        pub agency: Ref,
        pub region: Option<Ref>,
        pub body: Vec<Block>,
        pub languages: Vec<Lang>,
        /// The body's feed, relative to the API base.
        pub feed: String,
        /// Set when the body withdrew the item.
        #[serde(default)]
        pub withdrawn: Option<crate::Withdrawn>,
    }

    /// Kinds of official document, in the order the register shows them.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum DocumentType {
        /// A law of the Republic.
        Law,
        Code,
        /// A decree of the President.
        Decree,
        /// A resolution of the Government.
        Resolution,
        /// An order of a minister or head of a body.
        Order,
        Report,
        /// An application form.
        Form,
    }

    /// Whether a document is in force.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    pub enum DocumentStatus {
        InForce,
        /// In force, with later amendments.
        Amended,
        /// No longer in force.
        Repealed,
    }

    /// Whether the page carries the whole text or an extract of it.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    pub enum TextVersion {
        Full,
        Extract,
    }

    /// A document in a list.
    pub struct DocumentCard {
        pub slug: String,
        pub title: String,
        /// The title's language when the document has no version in the
        /// list's language (an order published in Kazakh and Russian only).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub title_lang: Option<Lang>,
        pub doc_type: DocumentType,
        pub number: Option<String>,
        /// Date adopted, `YYYY-MM-DD`.
        pub adopted: String,
        pub validity: DocumentStatus,
        pub agency: Ref,
    }

    /// A type of document with its count and its years, newest first.
    pub struct TypeCount {
        pub doc_type: DocumentType,
        pub count: u32,
        pub years: Vec<PeriodCount>,
    }

    /// `{lang}/documents.json`: the register's types and the latest documents.
    pub struct DocumentsDoc {
        pub types: Vec<TypeCount>,
        /// The newest documents, by date adopted.
        pub latest: Vec<DocumentCard>,
        /// Bodies that have documents, by name: the body filter's choices.
        pub agencies: Vec<Ref>,
    }

    /// `{lang}/documents/types/{type}.json`: every document of one type, by year.
    pub struct DocumentTypeDoc {
        pub doc_type: DocumentType,
        pub years: Vec<DocumentYear>,
    }

    pub struct DocumentYear {
        pub year: String,
        /// Newest first.
        pub documents: Vec<DocumentCard>,
    }

    /// A downloadable file of a document, checked by the compiler.
    pub struct Attachment {
        /// The language of this version of the file.
        pub lang: Lang,
        /// Path relative to the API base.
        pub href: String,
        /// File format, the lowercase extension: `pdf`, `docx` …
        pub format: String,
        pub bytes: u64,
        /// SHA-256 of the file, hexadecimal, so a reader can verify the download.
        pub sha256: String,
    }

    /// `{lang}/documents/{slug}.json`: one official document.
    pub struct DocumentDoc {
        pub slug: String,
        pub doc_type: DocumentType,
        pub title: String,
        pub summary: String,
        pub number: Option<String>,
        pub adopted: String,
        /// In force or not. (Not `status`: that names an item's availability.)
        pub validity: DocumentStatus,
        /// Who signed it, position and name, as on the document.
        pub signed_by: Vec<String>,
        /// The body that adopted or issued it.
        pub agency: Ref,
        pub text: TextVersion,
        pub body: Vec<Block>,
        /// The original files, every language version.
        pub files: Vec<Attachment>,
        pub related: Vec<DocumentCard>,
        pub languages: Vec<Lang>,
        /// Dates posted on the portal and last updated there, `YYYY-MM-DD`, where recorded.
        #[serde(default)]
        pub posted: Option<String>,
        #[serde(default)]
        pub updated: Option<String>,
        /// Set when the body withdrew the document (one no longer in force stays listed).
        #[serde(default)]
        pub withdrawn: Option<crate::Withdrawn>,
    }
}

impl NewsCategory {
    pub const ALL: [NewsCategory; 1] = [NewsCategory::Appointment];

    /// The category's value in the search index and the URL's filter.
    pub fn code(self) -> &'static str {
        match self {
            NewsCategory::Appointment => "appointment",
        }
    }
}

impl DocumentType {
    pub const ALL: [DocumentType; 7] = [
        DocumentType::Law,
        DocumentType::Code,
        DocumentType::Decree,
        DocumentType::Resolution,
        DocumentType::Order,
        DocumentType::Report,
        DocumentType::Form,
    ];

    /// The code in URLs and content: `law`, `code` …
    pub fn code(self) -> &'static str {
        match self {
            DocumentType::Law => "law",
            DocumentType::Code => "code",
            DocumentType::Decree => "decree",
            DocumentType::Resolution => "resolution",
            DocumentType::Order => "order",
            DocumentType::Report => "report",
            DocumentType::Form => "form",
        }
    }

    pub fn from_code(code: &str) -> Option<DocumentType> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_codes_are_the_serialized_names() {
        for t in DocumentType::ALL {
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.code()));
            assert_eq!(DocumentType::from_code(t.code()), Some(t));
        }
        assert_eq!(DocumentType::from_code("memo"), None);
    }
}
