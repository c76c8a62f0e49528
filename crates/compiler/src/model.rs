//! What editors write: the metadata (`meta.toml`) and front matter of each
//! kind of item. Unknown fields are errors, so a typo never goes unnoticed.

use crate::source::Date;
use portal_content::{AgencyKind, DocumentStatus, DocumentType, Lang, PageKind, RegionKind, TextVersion};
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteMeta {
    /// The working-day calendar of the legal deadlines.
    pub calendar: Option<Spanned<CalendarMeta>>,
}

/// Public holidays that are days off, and the days the government moves.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarMeta {
    /// Where the holidays were read (an https address).
    pub source: String,
    /// The day they were last checked there; until then the report says so.
    pub checked: Option<Date>,
    #[serde(default)]
    pub holiday: Vec<Holiday>,
    /// Days off that fall on another date every year (the first day of
    /// Kurban Ait), each year's as announced.
    #[serde(default)]
    pub dated: Vec<DatedDayOff>,
    /// Days off moved by the yearly act (a Government resolution until
    /// 2023, the labour minister's order since), and the weekend days made
    /// working days in exchange.
    #[serde(default)]
    pub moved_off: Vec<Date>,
    #[serde(default)]
    pub moved_working: Vec<Date>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// `MM-DD`, every year.
    pub date: String,
    pub name: String,
    /// Whether a holiday on a Saturday or Sunday gives the next working
    /// day off (the religious holidays do not).
    #[serde(default = "yes")]
    pub moves: bool,
    /// The first and last year it is a day off, where the law changed it.
    pub from: Option<i64>,
    pub until: Option<i64>,
}

/// A day off on a date of one year only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedDayOff {
    pub date: Date,
    pub name: String,
}

fn yes() -> bool {
    true
}

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
    /// First posted on the portal.
    pub posted: Option<Spanned<Date>>,
    pub updated: Spanned<Date>,
    pub review_by: Spanned<Date>,
    /// The day the information the page must reflect arrived: the page is
    /// updated within three working days of it (Order 124-НҚ).
    pub received: Option<Spanned<Date>>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// The page's `cost` line as a figure, for life situations to add up:
    /// the fee in monthly calculation indices (MCI), one figure or the least
    /// and the most. Written only where the cost line states it.
    pub fee_mci: Option<Spanned<Figure<f64>>>,
    /// The page's `timing` line as a figure: working days, one or the least and the most.
    pub working_days: Option<Spanned<Figure<u32>>>,
    /// Scheduled: not built, listed or indexed before this day.
    pub publish_at: Option<Spanned<Date>>,
    /// Withdrawn by its body: it stays with a notice, out of lists and search.
    pub withdrawn: Option<Spanned<Withdrawal>>,
}

/// Why and when an item was withdrawn, the reason in each of its languages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    pub date: Date,
    pub reason: std::collections::BTreeMap<Lang, String>,
}

/// What every item editors publish daily may say of its life: scheduled, withdrawn.
pub trait Lifecycle {
    fn publish_at(&self) -> Option<&Spanned<Date>>;
    fn withdrawn(&self) -> Option<&Spanned<Withdrawal>>;

    /// The last day its dates may be: today, or its publication day when it
    /// is scheduled later (its dates are then of that day).
    fn latest_day<'a>(&'a self, today: &'a str) -> &'a str {
        match self.publish_at().map(|d| d.get_ref().0.as_str()) {
            Some(day) if day > today => day,
            _ => today,
        }
    }
}

macro_rules! lifecycle {
    ($($meta:ty),*) => { $(
        impl Lifecycle for $meta {
            fn publish_at(&self) -> Option<&Spanned<Date>> {
                self.publish_at.as_ref()
            }
            fn withdrawn(&self) -> Option<&Spanned<Withdrawal>> {
                self.withdrawn.as_ref()
            }
        }
    )* };
}
lifecycle!(PageMeta, NewsMeta, DocumentMeta);

/// A figure as an editor writes it: `0.5`, or the least and the most, `[1, 15]`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub enum Figure<T> {
    One(T),
    Range([T; 2]),
}

impl<T: Copy> Figure<T> {
    /// The least and the most.
    pub fn bounds(self) -> (T, T) {
        match self {
            Figure::One(v) => (v, v),
            Figure::Range([from, to]) => (from, to),
        }
    }
}

/// A draft act's `meta.toml`: what it is, whose, when it is open for
/// comments and where they go, its files, and where it was read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftMeta {
    #[serde(rename = "type")]
    pub doc_type: DocumentType,
    pub agency: Spanned<String>,
    /// The first and the last day of the public discussion. The first may
    /// be left out where the source gives only the deadline.
    pub opens: Option<Spanned<Date>>,
    pub closes: Spanned<Date>,
    /// Where comments are submitted (an https address).
    pub comments_url: Spanned<String>,
    /// The document of the register the draft became, once adopted.
    pub adopted: Option<Spanned<String>>,
    /// Where the draft and its dates were read, and when.
    pub source: Spanned<Source>,
    #[serde(default)]
    pub files: Vec<Spanned<DraftFileEntry>>,
    pub posted: Option<Spanned<Date>>,
    pub updated: Option<Spanned<Date>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftFileEntry {
    pub role: portal_content::DraftFileRole,
    pub lang: Lang,
    /// File name in the draft's folder.
    pub file: String,
}

/// A life situation's `meta.toml`: its dates and its steps in order. Each
/// step's title and text are the `##` sections of its language files.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyMeta {
    pub updated: Spanned<Date>,
    pub review_by: Spanned<Date>,
    #[serde(default)]
    pub step: Vec<Spanned<StepMeta>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepMeta {
    /// Slugs of the pages the step needs.
    #[serde(default)]
    pub pages: Vec<Spanned<String>>,
    /// `"or"` for an alternative to the step before, `"and"` for a step done beside it.
    pub with_previous: Option<Spanned<portal_content::StepJoin>>,
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
    /// The press office's and the reception's telephone numbers.
    pub press_phone: Option<String>,
    pub reception_phone: Option<String>,
    /// Where the contacts above were read and when (the source rule).
    pub contacts_source: Option<Spanned<Source>>,
    /// Working hours, in each language.
    pub hours: Option<Spanned<Texts>>,
    /// The head, deputies and executive secretary (Law 401-V, Article 16).
    #[serde(default)]
    pub leader: Vec<Spanned<Leader>>,
    /// Departments of the body's central office and their tasks.
    #[serde(default)]
    pub department: Vec<Spanned<Department>>,
    /// Personal reception of citizens by the head and deputies.
    pub reception: Option<Spanned<Reception>>,
    /// Documents of the register that set the body's powers (its regulation).
    #[serde(default)]
    pub regulation: Vec<Spanned<String>>,
    /// When the body's page was first posted and last updated.
    pub posted: Option<Spanned<Date>>,
    pub updated: Option<Spanned<Date>>,
    /// Set when the body was merged, renamed, split or abolished.
    pub reorganised: Option<Spanned<Reorganised>>,
}

/// A reorganisation as the act that made it: exactly one of the four ways,
/// the act's day, and where that was read (the source rule).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reorganised {
    pub date: Date,
    pub merged_into: Option<Spanned<String>>,
    pub renamed_to: Option<Spanned<String>>,
    #[serde(default)]
    pub split_into: Vec<Spanned<String>>,
    #[serde(default)]
    pub abolished: bool,
    pub source: Option<Source>,
}

impl Reorganised {
    /// The way it was reorganised and the bodies named as taking its work
    /// on, or why the entry does not say one way.
    pub fn kind(&self) -> Result<(portal_content::ReorganisationKind, Vec<&Spanned<String>>), String> {
        use portal_content::ReorganisationKind::*;
        let mut ways = vec![];
        if let Some(to) = &self.merged_into {
            ways.push((MergedInto, vec![to]));
        }
        if let Some(to) = &self.renamed_to {
            ways.push((RenamedTo, vec![to]));
        }
        if !self.split_into.is_empty() {
            ways.push((SplitInto, self.split_into.iter().collect()));
        }
        if self.abolished {
            ways.push((Abolished, vec![]));
        }
        match ways.len() {
            1 => Ok(ways.remove(0)),
            0 => Err("say how the body was reorganised: merged_into, renamed_to, split_into or abolished".into()),
            _ => Err("a reorganisation is one of merged_into, renamed_to, split_into or abolished, not several".into()),
        }
    }
}

/// A text written in each language of the portal side by side, so that a
/// fact and its translations are kept in step.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub kk: Option<String>,
    pub ru: Option<String>,
    pub en: Option<String>,
}

impl Texts {
    pub fn get(&self, lang: Lang) -> Option<&String> {
        match lang {
            Lang::Kk => self.kk.as_ref(),
            Lang::Ru => self.ru.as_ref(),
            Lang::En => self.en.as_ref(),
        }
        .filter(|t| !t.trim().is_empty())
    }

    /// The languages with no text.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|&l| self.get(l).is_none()).collect()
    }
}

/// Where a fact was read (an https address) and the day it was checked
/// there. Kept in the API for editors; readers do not see it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    pub checked: Date,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leader {
    pub role: portal_content::LeaderRole,
    pub name: Texts,
    pub position: Texts,
    /// The areas this person oversees.
    pub areas: Option<Texts>,
    /// A short record of career and education.
    pub career: Option<Texts>,
    pub appointed: Option<Date>,
    pub source: Option<Source>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub name: Texts,
    pub tasks: Option<Texts>,
    pub source: Option<Source>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reception {
    /// Who receives citizens, on which days and hours.
    pub schedule: Texts,
    /// How to sign up.
    pub sign_up: Texts,
    pub source: Option<Source>,
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

/// A news item: `content/news/<slug>/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsMeta {
    /// The body whose news it is.
    pub agency: Spanned<String>,
    pub published: Spanned<Date>,
    /// Last updated after publishing.
    pub updated: Option<Spanned<Date>>,
    /// A kind with a filter of its own: `appointment`.
    pub category: Option<Spanned<portal_content::NewsCategory>>,
    /// Where an appointment was read and when (the source rule).
    pub source: Option<Spanned<Source>>,
    /// The day the body received the information (Order 124-НҚ: news the same day).
    pub received: Option<Spanned<Date>>,
    /// The region the news is about, when it is about one.
    pub region: Option<Spanned<String>>,
    /// Scheduled: not built, listed or indexed before this day.
    pub publish_at: Option<Spanned<Date>>,
    /// Withdrawn by its body: it stays with a notice, out of lists and search.
    pub withdrawn: Option<Spanned<Withdrawal>>,
}

/// An official document: `content/documents/<slug>/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    #[serde(rename = "type")]
    pub doc_type: DocumentType,
    /// The body that adopted or issued it.
    pub agency: Spanned<String>,
    /// Its official number; a document without one is reported.
    pub number: Option<String>,
    pub adopted: Spanned<Date>,
    pub status: DocumentStatus,
    pub text: TextVersion,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    #[serde(default)]
    pub files: Vec<Spanned<FileEntry>>,
    /// When it was first posted on the portal and last updated there.
    pub posted: Option<Spanned<Date>>,
    pub updated: Option<Spanned<Date>>,
    /// Scheduled: not built, listed or indexed before this day.
    pub publish_at: Option<Spanned<Date>>,
    /// Withdrawn by its body: it stays with a notice, out of lists and search.
    pub withdrawn: Option<Spanned<Withdrawal>>,
}

/// One downloadable language version of a document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub lang: Lang,
    /// File name in the document's folder.
    pub file: String,
}

/// Front matter of documents.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFront {
    pub title: String,
    pub summary: String,
    /// Position and name of each signatory, as on the document.
    #[serde(default)]
    pub signed_by: Vec<String>,
}

macro_rules! front {
    ($($kind:ty: $($field:ident),+;)+) => {
        $(impl crate::source::Front for $kind {
            fn required(&self) -> Vec<(&'static str, &String)> {
                vec![$((stringify!($field), &self.$field)),+]
            }
        })+
    };
}

front! {
    SiteFront: name, tagline;
    TitledFront: title, summary;
    PageFront: title, summary;
    AgencyFront: name, summary;
    RegionFront: name, summary;
    DocumentFront: title, summary;
}
