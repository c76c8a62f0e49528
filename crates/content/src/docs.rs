//! The documents of the content API, one type per JSON file.
//!
//! Layout under the API base (`api/v1/`), see docs/content-api.md:
//! `{lang}/site.json` [`SiteDoc`], `{lang}/topics/{slug}.json` [`TopicDoc`],
//! `{lang}/pages/{slug}.json` [`PageDoc`], `{lang}/agencies.json`
//! [`AgenciesDoc`], `{lang}/agencies/{slug}.json` [`AgencyDoc`],
//! `{lang}/regions.json` [`RegionsDoc`], `{lang}/regions/{slug}.json` [`RegionDoc`].

use crate::blocks::Block;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

macro_rules! schema {
    ($($item:item)*) => { $(
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        $item
    )* };
}
pub(crate) use schema;

/// An item (topic, page, state body, region) in one language. Items are
/// written for every language; where the item has no text in that
/// language the document says which languages it exists in. `status` is
/// always the object's first key.
// Read status first ([`crate::tag_first`]): serde's own reading of a tagged
// enum buffers the whole document before it knows the variant, code the
// browser app would carry once per kind of document.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Item<T> {
    Available(T),
    Unavailable(Unavailable),
    Moved(Moved),
}

impl<T> crate::tag_first::TagFirst for Item<T>
where
    T: for<'de> Deserialize<'de>,
{
    const TAG: &'static str = "status";
    const VARIANTS: &'static [&'static str] = &["available", "unavailable", "moved"];

    fn variant<'de, D: serde::Deserializer<'de>>(name: &str, rest: D) -> Result<Option<Self>, D::Error> {
        Ok(Some(match name {
            "available" => Item::Available(T::deserialize(rest)?),
            "unavailable" => Item::Unavailable(Unavailable::deserialize(rest)?),
            "moved" => Item::Moved(Moved::deserialize(rest)?),
            _ => return Ok(None),
        }))
    }
}

impl<'de, T> Deserialize<'de> for Item<T>
where
    T: for<'a> Deserialize<'a>,
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::tag_first::deserialize(d)
    }
}

schema! {

    /// The item was removed, and its address now leads to another page.
    pub struct Moved {
        /// The page it leads to, language-neutral (`/pages/passport`).
        pub to: String,
    }

    /// The item has no version in the requested language.
    pub struct Unavailable {
        pub slug: String,
        /// The languages the item exists in, with its title in each.
        pub versions: Vec<Version>,
    }

    pub struct Version {
        pub lang: Lang,
        pub title: String,
    }

    /// A link to a topic or a page, with what a list of them shows.
    pub struct Card {
        pub slug: String,
        pub title: String,
        pub summary: String,
    }

    /// A reference to an item by slug and its name in the document's language.
    pub struct Ref {
        pub slug: String,
        pub name: String,
    }

    /// `{lang}/site.json`: what every page and the home page need.
    pub struct SiteDoc {
        pub api_version: u32,
        pub lang: Lang,
        /// The portal's name.
        pub name: String,
        pub tagline: String,
        /// Introduction on the home page.
        pub intro: Vec<Block>,
        /// True while the bundled content is demonstration content.
        pub demonstration: bool,
        /// Date the content was compiled, `YYYY-MM-DD`.
        pub generated: String,
        /// All topics, in display order.
        pub topics: Vec<Card>,
        /// Every life situation, by title.
        #[serde(default)]
        pub journeys: Vec<Card>,
    }

    /// `{lang}/topics/{slug}.json`.
    pub struct TopicDoc {
        pub slug: String,
        pub title: String,
        pub summary: String,
        pub intro: Vec<Block>,
        /// The topic's pages, ordered by title.
        pub pages: Vec<Card>,
    }

    /// What a page is, for labels and search filters.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum PageKind {
        /// Something a person applies for.
        Service,
        /// A life situation or information.
        Guide,
    }

    /// `{lang}/pages/{slug}.json`: a service or information page.
    pub struct PageDoc {
        pub slug: String,
        pub kind: PageKind,
        pub title: String,
        pub summary: String,
        /// What the service costs, as the editor wrote it; absent when unknown.
        pub cost: Option<String>,
        /// How long the service takes; absent when unknown.
        pub timing: Option<String>,
        pub topic: Ref,
        /// The state body responsible for the page's content.
        pub agency: Ref,
        /// Date first posted on the portal, `YYYY-MM-DD`, where recorded.
        #[serde(default)]
        pub posted: Option<String>,
        /// Date last updated, `YYYY-MM-DD`.
        pub updated: String,
        /// Date by which the owner must review the page, `YYYY-MM-DD`.
        pub review_by: String,
        pub body: Vec<Block>,
        pub related: Vec<Card>,
        /// Languages the page exists in.
        pub languages: Vec<Lang>,
        /// The life situations the page is a step of.
        #[serde(default)]
        pub journeys: Vec<crate::JourneyPart>,
        /// Set when the body withdrew the page.
        #[serde(default)]
        pub withdrawn: Option<Withdrawn>,
    }

    /// An item its body withdrew: it stays at its address with this notice,
    /// and leaves lists, feeds and search.
    pub struct Withdrawn {
        /// The day it was withdrawn, `YYYY-MM-DD`.
        pub date: String,
        /// Why, in the document's language.
        pub reason: String,
    }

    /// `{lang}/accessibility.json`: a page of the portal's own, such as the
    /// accessibility statement.
    pub struct TextDoc {
        pub title: String,
        pub summary: String,
        pub body: Vec<Block>,
        /// Date last updated, `YYYY-MM-DD`.
        pub updated: String,
    }

    /// Kinds of state body, in the order the directory shows them.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum AgencyKind {
        Ministry,
        CentralAgency,
        Committee,
        StateCorporation,
        /// Akimat of a region or of a city of republican significance.
        Akimat,
        /// Akimat of a district or of a city of regional significance.
        DistrictAkimat,
    }

    /// `{lang}/agencies.json`: the directory of state bodies, grouped by kind.
    pub struct AgenciesDoc {
        /// The bodies that exist today.
        pub groups: Vec<AgencyGroup>,
        /// Bodies merged, renamed, split or abolished, newest change first:
        /// after the current ones, so a reader finds today's body first.
        #[serde(default)]
        pub former: Vec<FormerAgency>,
    }

    pub struct FormerAgency {
        pub slug: String,
        pub name: String,
        pub reorganised: Reorganisation,
    }

    /// How a body stopped existing as it was.
    #[derive(Copy, Eq, Hash)]
    #[serde(rename_all = "kebab-case")]
    pub enum ReorganisationKind {
        MergedInto,
        RenamedTo,
        SplitInto,
        Abolished,
    }

    /// What became of a former body: its page stays as a historical record
    /// with this notice naming the bodies that took its work on.
    pub struct Reorganisation {
        pub kind: ReorganisationKind,
        /// The day of the act that reorganised it, `YYYY-MM-DD`.
        pub date: String,
        /// The bodies that took its work on (none when abolished outright).
        pub successors: Vec<Ref>,
    }

    /// A former body whose work this body took on.
    pub struct Predecessor {
        pub body: Ref,
        pub kind: ReorganisationKind,
        /// `YYYY-MM-DD`.
        pub date: String,
    }

    pub struct AgencyGroup {
        pub kind: AgencyKind,
        pub agencies: Vec<AgencyCard>,
    }

    pub struct AgencyCard {
        pub slug: String,
        pub name: String,
        pub short_name: Option<String>,
        pub summary: String,
    }

    /// `{lang}/agencies/{slug}.json`: one state body.
    pub struct AgencyDoc {
        pub slug: String,
        pub name: String,
        pub short_name: Option<String>,
        pub kind: AgencyKind,
        pub summary: String,
        /// Set when the body no longer exists as it was: the page is its record.
        #[serde(default)]
        pub reorganised: Option<Reorganisation>,
        /// The former bodies whose work this one took on, newest first.
        #[serde(default)]
        pub predecessors: Vec<Predecessor>,
        pub body: Vec<Block>,
        pub contacts: Contacts,
        pub parent: Option<Ref>,
        pub children: Vec<Ref>,
        pub region: Option<Ref>,
        /// Pages this body is responsible for, ordered by title.
        pub pages: Vec<Card>,
        /// The body's latest news, newest first.
        #[serde(default)]
        pub news: Vec<crate::NewsCard>,
        /// The body's latest official documents, newest first.
        #[serde(default)]
        pub documents: Vec<crate::DocumentCard>,
        /// The body's Atom feed of news and documents, relative to the API base.
        #[serde(default)]
        pub feed: String,
        /// The head first, then the deputies, then the executive secretary.
        #[serde(default)]
        pub leaders: Vec<Leader>,
        /// Departments of the body's central office.
        #[serde(default)]
        pub departments: Vec<Department>,
        /// Personal reception of citizens by the head and deputies.
        #[serde(default)]
        pub reception: Option<Reception>,
        /// Documents of the register that set the body's powers.
        #[serde(default)]
        pub regulation: Vec<crate::DocumentCard>,
        /// The body's draft acts a reader can still comment on and the
        /// latest that ended, as the list of all drafts orders them.
        #[serde(default)]
        pub drafts: Vec<crate::DraftCard>,
        /// How many more of the body's drafts ended and are only in the
        /// drafts archive by year.
        #[serde(default)]
        pub drafts_archived: u32,
        /// How many appointment and dismissal items the body has published.
        #[serde(default)]
        pub appointments: u32,
        /// Dates the body's page was posted and last updated, `YYYY-MM-DD`, where recorded.
        #[serde(default)]
        pub posted: Option<String>,
        #[serde(default)]
        pub updated: Option<String>,
    }

    pub struct Contacts {
        pub address: Option<String>,
        pub phone: Option<String>,
        pub email: Option<String>,
        pub website: Option<String>,
        #[serde(default)]
        pub press_phone: Option<String>,
        #[serde(default)]
        pub reception_phone: Option<String>,
        /// Working hours.
        #[serde(default)]
        pub hours: Option<String>,
        /// Where the telephone numbers, e-mail and hours were read, for editors.
        #[serde(default)]
        pub source: Option<FactSource>,
    }

    /// Where a fact was read and the day it was checked there: for editors,
    /// not shown to readers.
    pub struct FactSource {
        pub url: String,
        /// `YYYY-MM-DD`.
        pub checked: String,
    }

    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum LeaderRole {
        Head,
        Deputy,
        ExecutiveSecretary,
    }

    /// One of the body's leaders.
    pub struct Leader {
        pub role: LeaderRole,
        pub name: String,
        pub position: String,
        /// The areas this person oversees.
        pub areas: Option<String>,
        /// A short record of career and education.
        pub career: Option<String>,
        /// `YYYY-MM-DD`.
        pub appointed: Option<String>,
        pub source: FactSource,
    }

    pub struct Department {
        pub name: String,
        pub tasks: Option<String>,
        pub source: FactSource,
    }

    pub struct Reception {
        /// Who receives citizens, on which days and hours.
        pub schedule: String,
        /// How to sign up.
        pub sign_up: String,
        pub source: FactSource,
    }

    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum RegionKind {
        /// A city of republican significance.
        City,
        Region,
    }

    /// `{lang}/regions.json`: cities of republican significance and regions.
    pub struct RegionsDoc {
        pub groups: Vec<RegionGroup>,
    }

    pub struct RegionGroup {
        pub kind: RegionKind,
        pub regions: Vec<Card>,
    }

    /// `{lang}/regions/{slug}.json`.
    pub struct RegionDoc {
        pub slug: String,
        pub name: String,
        pub kind: RegionKind,
        pub summary: String,
        /// The local executive body of the region or city.
        pub akimat: Option<Ref>,
        /// Other state bodies located in the region.
        pub agencies: Vec<Ref>,
    }
}

schema! {
    /// Kinds of problem the quality report counts, in the order it shows them.
    #[derive(Copy, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "kebab-case")]
    pub enum ProblemKind {
        /// A link to a page that does not exist (stops the build).
        DeadLink,
        /// A page more than three clicks from the home page (stops the build).
        TooDeep,
        /// A link to another site that is malformed or not `https:`.
        BadLink,
        /// The item is missing in a language of the portal.
        MissingTranslation,
        /// A required field is empty: a service's cost or timing, a body's contacts.
        Incomplete,
        /// Not reviewed in the last twelve months, or past its review date.
        Stale,
        /// A state body with no news in the last 30 days.
        NoRecentNews,
        /// An official document without its number or signatories.
        MissingRequisites,
        /// An official document without a downloadable file, or with a file
        /// missing or in a format that is not allowed (those stop the build).
        Attachment,
        /// An official document without its text as a page.
        NoTextVersion,
        /// A state body lacks a section the law requires it to publish
        /// (leadership, structure, contacts, reception, regulation).
        MandatoryInformation,
        /// Published later than Order 124-НҚ allows after the information
        /// arrived: news the same day, other sections within three working days.
        Late,
        /// An address of the body's old site that no mapping covers: it
        /// goes to the body's page instead of what replaced it.
        Unmapped,
    }

    /// `{lang}/quality.json`: the content quality report, for editors.
    pub struct QualityDoc {
        /// Date the report was made, `YYYY-MM-DD`.
        pub generated: String,
        /// Pages, state bodies, news items, documents and life situations checked.
        pub items_checked: u32,
        /// Problems over the whole portal: every kind, in order.
        pub totals: Vec<ProblemCount>,
        /// Every state body with its figures, those with most problems first.
        pub agencies: Vec<AgencyQuality>,
        /// Every problem, in the order of `agencies`; the portal's own items last.
        pub problems: Vec<Problem>,
        /// What readers told the bodies through the feedback service, where
        /// the deployment gave the build its counts (`--feedback-counts`).
        #[serde(default)]
        pub readers: Option<ReadersSaid>,
    }

    /// Readers' answers and reports, from `portal-feedback counts`.
    pub struct ReadersSaid {
        /// When the feedback service counted them (UTC, RFC 3339).
        pub counted: String,
        /// Pages readers reported problems with or found not useful, those
        /// with most reports first, then most "no" answers; at most
        /// [`crate::feedback::READER_PAGES_LISTED`].
        pub pages: Vec<ReaderPage>,
    }

    /// What readers said about one page, in every language.
    pub struct ReaderPage {
        /// The state body responsible; absent for the portal's own pages.
        pub agency: Option<String>,
        /// Language-neutral, such as `/pages/passport`.
        pub path: String,
        /// The page's title in the report's language, or in any it has; the path for a list.
        pub title: String,
        pub useful_yes: u32,
        pub useful_no: u32,
        /// Problem reports, every reason.
        pub reports: u32,
    }

    pub struct ProblemCount {
        pub kind: ProblemKind,
        pub count: u32,
    }

    pub struct AgencyQuality {
        pub slug: String,
        pub name: String,
        /// The body's own page and the pages, news and documents it is responsible for.
        pub items: u32,
        /// Every kind, in order.
        pub counts: Vec<ProblemCount>,
    }

    pub struct Problem {
        pub kind: ProblemKind,
        /// The state body responsible; absent for the portal's own items.
        pub agency: Option<String>,
        /// The item to fix, as a language-neutral path such as `/pages/passport`.
        pub path: String,
        /// The item's title in the report's language, or in any it has.
        pub title: String,
        /// The source file, relative to `content/`.
        pub file: String,
        /// 1-based line in `file`; 0 for the file or folder as a whole.
        pub line: u32,
        /// What is wrong, as a value: a date, language codes, a URL, field names.
        pub detail: String,
    }
}

impl AgencyQuality {
    /// Problems of every kind together.
    pub fn total(&self) -> u32 {
        self.counts.iter().map(|c| c.count).sum()
    }
}

/// Document types by file.
pub type TopicItem = Item<TopicDoc>;
pub type PageItem = Item<PageDoc>;
pub type AgencyItem = Item<AgencyDoc>;
pub type RegionItem = Item<RegionDoc>;
pub type NewsItemItem = Item<crate::NewsItemDoc>;
pub type DocumentItem = Item<crate::DocumentDoc>;
pub type JourneyItem = Item<crate::JourneyDoc>;
pub type DraftItem = Item<crate::DraftDoc>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unavailable_items_are_tagged() {
        let item: PageItem = Item::Unavailable(Unavailable {
            slug: "x".into(),
            versions: vec![Version { lang: Lang::Ru, title: "Икс".into() }],
        });
        let json = serde_json::to_string(&item).unwrap();
        assert_eq!(json, r#"{"status":"unavailable","slug":"x","versions":[{"lang":"ru","title":"Икс"}]}"#);
        assert_eq!(serde_json::from_str::<PageItem>(&json).unwrap(), item);
    }
}
