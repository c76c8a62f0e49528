//! The content compiler: reads `content/`, validates it, and produces the
//! static content API (`api/v1/...`) and `sitemap.xml`, all in memory first
//! so that a build with any error writes nothing.

mod check;
pub mod date;
pub mod deadline;
pub mod diagnostic;
mod docs;
pub mod files;
pub mod generate;
mod life;
pub mod markdown;
pub mod model;
pub mod output;
mod profile;
pub mod publications;
pub mod quality;
mod reach;
pub mod schema;
pub mod search;
pub mod source;

use diagnostic::Diagnostics;
use model::*;
use portal_content::nav;
use portal_content::*;
use source::{read_item, read_items, AnyItem, Source};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use check::check;
use docs::{build_docs, json, unavailable, Docs};
use reach::{prove_three_clicks, sitemap_entries};

type Topic = Source<TopicMeta, TitledFront>;
type Page = Source<PageMeta, PageFront>;
type Agency = Source<AgencyMeta, AgencyFront>;
type Region = Source<RegionMeta, RegionFront>;
type Site = Source<SiteMeta, SiteFront>;
type Text = Source<TextMeta, TitledFront>;
type News = Source<NewsMeta, TitledFront>;
type Document = Source<DocumentMeta, DocumentFront>;
type Journey = Source<JourneyMeta, TitledFront>;

#[derive(Clone)]
pub struct Options {
    pub content_dir: PathBuf,
    /// Absolute URL the portal is served from, for the sitemap (no trailing slash).
    pub site_url: String,
    /// Today's date, `YYYY-MM-DD`: the compile date and the review deadline check.
    pub today: String,
    /// Whether to write the search index, whole or what changed since (the
    /// longest step; checks skip it).
    pub search_index: search::Mode,
}

/// A successful compile: every output file by its path relative to the
/// output folder, and the warnings for editors.
pub struct Compiled {
    pub files: BTreeMap<String, Vec<u8>>,
    pub warnings: Diagnostics,
    pub stats: Stats,
    /// The quality report, in English, for the terminal.
    pub report: QualityDoc,
    /// The search index built, if one was asked for.
    pub index: Option<search::Built>,
}

/// A compile that found errors: every finding, and the quality report when
/// the content could be read far enough to make one.
pub struct Failed {
    pub diagnostics: Diagnostics,
    pub report: Option<QualityDoc>,
}

#[derive(Debug, Default)]
pub struct Stats {
    pub topics: usize,
    pub pages: usize,
    pub agencies: usize,
    pub regions: usize,
    pub news: usize,
    pub documents: usize,
    pub journeys: usize,
    /// Deepest page, in clicks from the home page, over all languages.
    pub max_clicks: usize,
}

struct Content {
    /// The content folder, to name files relative to it.
    dir: PathBuf,
    site: Site,
    accessibility: Text,
    /// Slugs of every item folder, by kind, including items left out for errors.
    known: Known,
    topics: Vec<Topic>,
    pages: Vec<Page>,
    agencies: Vec<Agency>,
    regions: Vec<Region>,
    news: Vec<News>,
    documents: Vec<Document>,
    journeys: Vec<Journey>,
}

/// Compiles the content; on any error returns every finding, errors and warnings.
pub fn compile(options: &Options) -> Result<Compiled, Box<Failed>> {
    let fail = |diagnostics| Box::new(Failed { diagnostics, report: None });
    let mut diags = Diagnostics::default();
    let dir = &options.content_dir;
    let site = read_item::<SiteMeta, SiteFront>(&dir.join("site"), "site".into(), &mut diags);
    let accessibility =
        read_item::<TextMeta, TitledFront>(&dir.join("accessibility"), "accessibility".into(), &mut diags);
    let (topics, pages, agencies, regions) = (
        read_items(&dir.join("topics"), &mut diags),
        read_items(&dir.join("pages"), &mut diags),
        read_items(&dir.join("agencies"), &mut diags),
        read_items(&dir.join("regions"), &mut diags),
    );
    // News and documents are optional folders: a portal may start without them.
    let optional = |name: &str| dir.join(name).is_dir().then(|| dir.join(name));
    let news = optional("news").map(|d| read_items(&d, &mut diags)).unwrap_or_default();
    let documents = optional("documents").map(|d| read_items(&d, &mut diags)).unwrap_or_default();
    let journeys = optional("life").map(|d| read_items(&d, &mut diags)).unwrap_or_default();
    let content = Content {
        dir: dir.clone(),
        known: Known {
            topics: topics.slugs,
            pages: pages.slugs,
            agencies: agencies.slugs,
            regions: regions.slugs,
            news: news.slugs,
            documents: documents.slugs,
            journeys: journeys.slugs,
        },
        topics: sorted(topics.items),
        pages: sorted(pages.items),
        agencies: sorted(agencies.items),
        regions: sorted(regions.items),
        news: sorted(news.items),
        documents: sorted(documents.items),
        journeys: sorted(journeys.items),
        site: match site {
            Some(site) => site,
            None => return Err(fail(diags)),
        },
        accessibility: match accessibility {
            Some(text) => text,
            None => return Err(fail(diags)),
        },
    };
    // A failed compile still reports, so `check` shows editors the table.
    let failed = |diagnostics: Diagnostics| {
        let report = quality::report(&content, &diagnostics, Lang::En, options);
        Box::new(Failed { diagnostics, report: Some(report) })
    };
    check(&content, options, &mut diags);
    if diags.has_errors() {
        return Err(failed(diags));
    }
    let mut files = BTreeMap::new();
    let mut sitemap = output::Sitemap::new(&options.site_url);
    let mut stats = Stats {
        topics: content.topics.len(),
        pages: content.pages.len(),
        agencies: content.agencies.len(),
        regions: content.regions.len(),
        news: content.news.len(),
        documents: content.documents.len(),
        journeys: content.journeys.len(),
        max_clicks: 0,
    };
    let attachments = publications::attachments(&content);
    for lang in Lang::ALL {
        let mut docs = build_docs(&content, lang, options);
        publications::build(&content, lang, &attachments, &mut docs);
        life::build(&content, lang, &mut docs);
        prove_three_clicks(&content, &docs, lang, &mut diags, &mut stats);
        for (route, json) in docs.files {
            files.insert(format!("api/v{API_VERSION}/{}", route), json);
        }
    }
    if diags.has_errors() {
        return Err(failed(diags));
    }
    // Files readers download or see: documents' originals, images in texts.
    let api = format!("api/v{API_VERSION}/");
    for (attachment, bytes) in attachments.into_values().flatten() {
        files.insert(format!("{api}{}", attachment.href), bytes);
    }
    for (api_path, bytes) in content.images() {
        files.insert(format!("{api}{api_path}"), bytes.clone());
    }
    for (path, feed) in publications::feeds(&content, options) {
        files.insert(format!("{api}{path}"), feed);
    }
    // The report comes last: it lists every finding, the proof's included.
    // The English one is also the terminal's.
    let mut english = None;
    for lang in Lang::ALL {
        let report = quality::report(&content, &diags, lang, options);
        files.insert(format!("api/v{API_VERSION}/{}", Route::Quality.api_path(lang)), json(&report));
        if lang == Lang::En {
            english = Some(report);
        }
    }
    let index = match search::index(&content, &options.search_index) {
        Ok((index_files, built)) => {
            files.extend(index_files);
            built
        }
        Err(e) => {
            diags.error(dir, 0, "search-index", format!("the search index could not be built: {e}"));
            return Err(Box::new(Failed { diagnostics: diags, report: None }));
        }
    };
    sitemap_entries(&content, &mut sitemap);
    for (name, xml) in sitemap.finish() {
        files.insert(name, xml.into_bytes());
    }
    // Crawlers need the sitemap's absolute address.
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n", options.site_url.trim_end_matches('/'));
    files.insert("robots.txt".into(), robots.into_bytes());
    let report = english.expect("Lang::ALL has English");
    Ok(Compiled { files, warnings: diags, stats, report, index })
}

fn sorted<M, F>(mut items: Vec<Source<M, F>>) -> Vec<Source<M, F>> {
    items.sort_by(|a, b| a.slug.cmp(&b.slug));
    items
}

/// The item with `slug` in a list sorted by slug: a binary search, because
/// at scale (45,000 pages) a linear one per reference takes minutes.
fn by_slug<'a, M, F>(items: &'a [Source<M, F>], slug: &str) -> Option<&'a Source<M, F>> {
    items.binary_search_by(|item| item.slug.as_str().cmp(slug)).ok().map(|i| &items[i])
}

struct Known {
    topics: BTreeSet<String>,
    pages: BTreeSet<String>,
    agencies: BTreeSet<String>,
    regions: BTreeSet<String>,
    news: BTreeSet<String>,
    documents: BTreeSet<String>,
    journeys: BTreeSet<String>,
}

impl Content {
    /// Every item of the seven kinds editors add (topics, pages, bodies,
    /// regions, news, documents, life situations), in that order: the one
    /// way to go over them all.
    fn items(&self) -> impl Iterator<Item = &dyn AnyItem> {
        fn each<I: AnyItem>(items: &[I]) -> impl Iterator<Item = &dyn AnyItem> {
            items.iter().map(|i| i as &dyn AnyItem)
        }
        each(&self.topics)
            .chain(each(&self.pages))
            .chain(each(&self.agencies))
            .chain(each(&self.regions))
            .chain(each(&self.news))
            .chain(each(&self.documents))
            .chain(each(&self.journeys))
    }

    /// The site's own texts (the site, the accessibility statement), then every item.
    fn everything(&self) -> impl Iterator<Item = &dyn AnyItem> {
        [&self.site as &dyn AnyItem, &self.accessibility as &dyn AnyItem].into_iter().chain(self.items())
    }

    /// Every image the texts show: its path in the API and its bytes, once each.
    fn images(&self) -> BTreeMap<&String, &Vec<u8>> {
        let mut images = BTreeMap::new();
        for item in self.everything() {
            for (_, body, _) in item.texts() {
                images.extend(body.files.iter().map(|(api, bytes)| (api, bytes)));
            }
        }
        images
    }

    /// The months that have news, `YYYY-MM`.
    pub(crate) fn news_months(&self) -> BTreeSet<&str> {
        self.news.iter().map(|n| n.meta.published.get_ref().month()).collect()
    }
}

/// A state body by slug, named in `lang` (or any language it has).
pub(crate) fn agency_ref(c: &Content, lang: Lang, slug: &str) -> Option<Ref> {
    let a = by_slug(&c.agencies, slug)?;
    Some(Ref { slug: slug.to_owned(), name: a.text_or_any(lang)?.front.name.clone() })
}

pub(crate) fn region_ref(c: &Content, lang: Lang, slug: &str) -> Option<Ref> {
    let r = by_slug(&c.regions, slug)?;
    Some(Ref { slug: slug.to_owned(), name: r.text_or_any(lang)?.front.name.clone() })
}
