//! The content compiler: reads `content/`, validates it, and produces the
//! static content API (`api/v1/...`) and `sitemap.xml`, all in memory first
//! so that a build with any error writes nothing.

mod check;
pub mod date;
pub mod deadline;
pub mod diagnostic;
mod docs;
mod drafts;
pub mod files;
pub mod generate;
mod life;
pub mod markdown;
pub mod model;
pub mod output;
pub mod phases;
mod profile;
pub mod publications;
pub mod quality;
mod reach;
mod redirects;
mod reorganisation;
pub mod schema;
pub mod search;
pub mod source;
pub mod transition;

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
type Draft = Source<DraftMeta, TitledFront>;

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
    /// What readers told the bodies (`portal-feedback counts`), for the
    /// quality report, where the deployment provides it.
    pub readers: Option<portal_content::feedback::FeedbackCounts>,
}

/// A successful compile: every output file by its path relative to the
/// output folder (or, compiled into a folder, the files staged for it), and
/// the warnings for editors.
pub struct Compiled {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Compiled with [`compile_into`] a staged sink: what [`output::Staged::commit`] moves into place.
    pub staged: Option<output::Staged>,
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
    pub drafts: usize,
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
    drafts: Vec<Draft>,
    /// What each state body publishes, by its slug (see [`Owned`]).
    owned: BTreeMap<String, Owned>,
    /// The old sites the portal replaces (content/transition/).
    old_sites: Vec<transition::OldSite>,
    /// Items scheduled for a later day (`publish_at`), left out until then: the day of each.
    scheduled: BTreeMap<Route, String>,
    /// Removed items' addresses and where they lead (content/redirects.toml).
    redirects: redirects::Redirects,
}

/// The places, in [`Content`]'s lists, of what one state body publishes and
/// of the bodies under it: made once, because each body's page going over
/// every item is 300 bodies x 45,000 pages at the size of the whole state.
#[derive(Default)]
struct Owned {
    pages: Vec<usize>,
    news: Vec<usize>,
    documents: Vec<usize>,
    drafts: Vec<usize>,
    children: Vec<usize>,
    /// Former bodies whose work this body took on.
    predecessors: Vec<usize>,
}

/// Compiles the content, every file in memory; on any error returns every
/// finding, errors and warnings.
pub fn compile(options: &Options) -> Result<Compiled, Box<Failed>> {
    compile_into(options, output::Sink::memory())
}

/// Compiles the content into `files` as it goes (staged on disk, a build
/// at the size of the whole state holds only the digests of its output).
pub fn compile_into(options: &Options, files: output::Sink) -> Result<Compiled, Box<Failed>> {
    let fail = |diagnostics| Box::new(Failed { diagnostics, report: None });
    let mut diags = Diagnostics::default();
    let mut phases = phases::Phases::start();
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
    let drafts = optional("drafts").map(|d| read_items(&d, &mut diags)).unwrap_or_default();
    let old_sites = transition::read(&dir.join("transition"), &mut diags);
    let redirects = redirects::read(&dir.join("redirects.toml"), &mut diags);
    let mut content = Content {
        dir: dir.clone(),
        known: Known {
            topics: topics.slugs,
            pages: pages.slugs,
            agencies: agencies.slugs,
            regions: regions.slugs,
            news: news.slugs,
            documents: documents.slugs,
            journeys: journeys.slugs,
            drafts: drafts.slugs,
        },
        topics: sorted(topics.items),
        pages: sorted(pages.items),
        agencies: sorted(agencies.items),
        regions: sorted(regions.items),
        news: sorted(news.items),
        documents: sorted(documents.items),
        journeys: sorted(journeys.items),
        drafts: sorted(drafts.items),
        owned: BTreeMap::new(),
        old_sites,
        scheduled: BTreeMap::new(),
        redirects,
        site: match site {
            Some(site) => site,
            None => return Err(fail(diags)),
        },
        accessibility: match accessibility {
            Some(text) => text,
            None => return Err(fail(diags)),
        },
    };
    content.owned = owned(&content);
    phases.done("read");
    check(&content, options, &mut diags);
    // Items scheduled after today were checked with the rest, so their own
    // problems show now and not in the unattended build on their day; now
    // they leave the content as if not yet written, and what refers to one
    // of them is an error naming its day.
    if content.leave_out_scheduled(&options.today) {
        let mut again = Diagnostics::default();
        check(&content, options, &mut again);
        let new: Vec<_> = again
            .items
            .into_iter()
            .filter(|d| d.severity == diagnostic::Severity::Error && !diags.items.contains(d))
            .collect();
        diags.items.extend(new);
        content.owned = owned(&content);
    }
    // A failed compile still reports, so `check` shows editors the table.
    let failed = |diagnostics: Diagnostics| {
        let report = quality::report(&content, &diagnostics, Lang::En, options);
        Box::new(Failed { diagnostics, report: Some(report) })
    };
    redirects::check(&content, &mut diags);
    phases.done("check");
    if diags.has_errors() {
        return Err(failed(diags));
    }
    let mut sitemap = output::Sitemap::new(&options.site_url);
    let mut stats = Stats {
        topics: content.topics.len(),
        pages: content.pages.len(),
        agencies: content.agencies.len(),
        regions: content.regions.len(),
        news: content.news.len(),
        documents: content.documents.len(),
        journeys: content.journeys.len(),
        drafts: content.drafts.len(),
        max_clicks: 0,
    };
    // A file the sink cannot take (a full disk) fails the build, naming the output.
    let put = |files: &output::Sink, path: String, bytes: Vec<u8>, diags: &mut Diagnostics| {
        if let Err(e) = files.insert(path.clone(), bytes) {
            diags.error(Path::new(&path), 0, "io", format!("cannot stage the output file: {e}"));
        }
    };
    let attachments = publications::attachments(&content);
    let draft_files = drafts::files(&content);
    phases.done("attachments");
    // The languages' documents are made on every core, each language's
    // staged as soon as it is made, so at most a language per core is held;
    // each language's routes are kept only to check the old sites' targets.
    let keep_routes = !content.old_sites.is_empty();
    let by_lang: Vec<(Diagnostics, Stats, BTreeSet<Route>)> = {
        use rayon::prelude::*;
        Lang::ALL
            .into_par_iter()
            .map(|lang| {
                let (mut found, mut reach) = (Diagnostics::default(), Stats::default());
                let mut docs = build_docs(&content, lang, options);
                publications::build(&content, lang, &attachments, &mut docs);
                life::build(&content, lang, &mut docs);
                drafts::build(&content, lang, options, &draft_files, &mut docs);
                prove_three_clicks(&content, &docs, lang, &mut found, &mut reach);
                let routes =
                    if keep_routes { docs.available.iter().map(|(r, _)| r.clone()).collect() } else { BTreeSet::new() };
                for (route, json) in docs.files {
                    put(&files, format!("api/v{API_VERSION}/{}", route), json, &mut found);
                }
                (found, reach, routes)
            })
            .collect()
    };
    let mut available = BTreeMap::new();
    for ((found, reach, routes), lang) in by_lang.into_iter().zip(Lang::ALL) {
        diags.items.extend(found.items);
        stats.max_clicks = stats.max_clicks.max(reach.max_clicks);
        available.insert(lang, routes);
    }
    transition::check(&content, &available, &mut diags);
    phases.done("documents, three clicks, staging");
    if diags.has_errors() {
        return Err(failed(diags));
    }
    // Files readers download or see: documents' originals, images in texts.
    let api = format!("api/v{API_VERSION}/");
    for (attachment, bytes) in attachments.into_values().flatten() {
        put(&files, format!("{api}{}", attachment.href), bytes, &mut diags);
    }
    for (_, attachment, bytes) in draft_files.into_values().flatten() {
        put(&files, format!("{api}{}", attachment.href), bytes, &mut diags);
    }
    for (api_path, bytes) in content.images() {
        put(&files, format!("{api}{api_path}"), bytes.clone(), &mut diags);
    }
    for (path, bytes) in redirects::outputs(&content, &api) {
        put(&files, path, bytes, &mut diags);
    }
    for (path, bytes) in transition::outputs(&content, options) {
        put(&files, path, bytes, &mut diags);
    }
    for (path, feed) in publications::feeds(&content, options) {
        put(&files, format!("{api}{path}"), feed, &mut diags);
    }
    phases.done("files and feeds");
    // The report comes last: it lists every finding, the proof's included.
    // The English one is also the terminal's.
    let mut english = None;
    for lang in Lang::ALL {
        let report = quality::report(&content, &diags, lang, options);
        put(&files, format!("api/v{API_VERSION}/{}", Route::Quality.api_path(lang)), json(&report), &mut diags);
        if lang == Lang::En {
            english = Some(report);
        }
    }
    phases.done("quality reports");
    sitemap_entries(&content, &mut sitemap);
    // The search records hold what the index needs of the content; the
    // parsed content (gigabytes at the size of the whole state) goes before
    // the indexer starts.
    let records = search::records_for(&content, &options.search_index);
    drop(content);
    phases.done("sitemap and search records");
    let index = match search::index(records, &options.search_index, &files) {
        Ok(built) => built,
        Err(e) => {
            diags.error(dir, 0, "search-index", format!("the search index could not be built: {e}"));
            return Err(Box::new(Failed { diagnostics: diags, report: None }));
        }
    };
    phases.done("search index");
    for (name, xml) in sitemap.finish() {
        put(&files, name, xml.into_bytes(), &mut diags);
    }
    // Crawlers need the sitemap's absolute address.
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n", options.site_url.trim_end_matches('/'));
    put(&files, "robots.txt".into(), robots.into_bytes(), &mut diags);
    if diags.has_errors() {
        return Err(Box::new(Failed { diagnostics: diags, report: None }));
    }
    let report = english.expect("Lang::ALL has English");
    let (files, staged) = match files {
        output::Sink::Memory(files) => (files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner()), None),
        output::Sink::Staged(staged) => (BTreeMap::new(), Some(staged)),
    };
    Ok(Compiled { files, staged, warnings: diags, stats, report, index })
}

/// [`Owned`] for every body that publishes anything or has bodies under it.
fn owned(c: &Content) -> BTreeMap<String, Owned> {
    let mut owned: BTreeMap<String, Owned> = BTreeMap::new();
    let mut add = |body: &str, list: fn(&mut Owned) -> &mut Vec<usize>, i: usize| {
        list(owned.entry(body.to_owned()).or_default()).push(i);
    };
    c.pages.iter().enumerate().for_each(|(i, p)| add(p.meta.agency.get_ref(), |o| &mut o.pages, i));
    c.news.iter().enumerate().for_each(|(i, n)| add(n.meta.agency.get_ref(), |o| &mut o.news, i));
    c.documents.iter().enumerate().for_each(|(i, d)| add(d.meta.agency.get_ref(), |o| &mut o.documents, i));
    c.drafts.iter().enumerate().for_each(|(i, d)| add(d.meta.agency.get_ref(), |o| &mut o.drafts, i));
    for (i, a) in c.agencies.iter().enumerate() {
        if let Some(parent) = &a.meta.parent {
            add(parent.get_ref(), |o| &mut o.children, i);
        }
        for successor in reorganisation::of(a).map(|(_, _, to)| to).unwrap_or_default() {
            add(successor, |o| &mut o.predecessors, i);
        }
    }
    owned
}

/// Takes out of `items` and `slugs` those scheduled after `today`, noting
/// each with its day in `scheduled`.
fn leave_out<M: Lifecycle, F>(
    items: &mut Vec<Source<M, F>>,
    slugs: &mut BTreeSet<String>,
    today: &str,
    route: fn(String) -> Route,
    scheduled: &mut BTreeMap<Route, String>,
) {
    items.retain(|item| match item.meta.publish_at().map(|day| &day.get_ref().0) {
        Some(day) if day.as_str() > today => {
            slugs.remove(&item.slug);
            scheduled.insert(route(item.slug.clone()), day.clone());
            false
        }
        _ => true,
    });
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
    drafts: BTreeSet<String>,
}

impl Content {
    /// Every item of the kinds editors add (topics, pages, bodies, regions,
    /// news, documents, life situations, draft acts), in that order: the
    /// one way to go over them all.
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
            .chain(each(&self.drafts))
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

    /// What the body `slug` publishes and the bodies under it.
    fn owned(&self, slug: &str) -> &Owned {
        static NOTHING: Owned = Owned {
            pages: Vec::new(),
            news: Vec::new(),
            documents: Vec::new(),
            drafts: Vec::new(),
            children: Vec::new(),
            predecessors: Vec::new(),
        };
        self.owned.get(slug).unwrap_or(&NOTHING)
    }

    fn pages_of(&self, body: &str) -> impl Iterator<Item = &Page> {
        self.owned(body).pages.iter().map(|&i| &self.pages[i])
    }

    fn news_of(&self, body: &str) -> impl Iterator<Item = &News> {
        self.owned(body).news.iter().map(|&i| &self.news[i])
    }

    fn documents_of(&self, body: &str) -> impl Iterator<Item = &Document> {
        self.owned(body).documents.iter().map(|&i| &self.documents[i])
    }

    fn drafts_of(&self, body: &str) -> impl Iterator<Item = &Draft> {
        self.owned(body).drafts.iter().map(|&i| &self.drafts[i])
    }

    /// The bodies whose parent is `body`.
    fn children_of(&self, body: &str) -> impl Iterator<Item = &Agency> {
        self.owned(body).children.iter().map(|&i| &self.agencies[i])
    }

    /// The former bodies whose work `body` took on.
    fn predecessors_of(&self, body: &str) -> impl Iterator<Item = &Agency> {
        self.owned(body).predecessors.iter().map(|&i| &self.agencies[i])
    }

    /// Leaves out the pages, news and documents scheduled after `today`
    /// (see [`Content::scheduled`]); whether there were any.
    fn leave_out_scheduled(&mut self, today: &str) -> bool {
        let k = &mut self.known;
        leave_out(&mut self.pages, &mut k.pages, today, Route::Page, &mut self.scheduled);
        leave_out(&mut self.news, &mut k.news, today, Route::NewsItem, &mut self.scheduled);
        leave_out(&mut self.documents, &mut k.documents, today, Route::Document, &mut self.scheduled);
        !self.scheduled.is_empty()
    }

    /// Whether `route` is a page of the portal as the content stands;
    /// `months` are those with news ([`Content::news_months`], made once by the caller).
    fn exists(&self, route: &Route, months: &BTreeSet<&str>) -> bool {
        let k = &self.known;
        match route {
            Route::Home
            | Route::Agencies
            | Route::Regions
            | Route::Accessibility
            | Route::Quality
            | Route::News
            | Route::Documents
            | Route::Journeys
            | Route::Drafts => true,
            Route::Topic(s) => k.topics.contains(s),
            Route::Page(s) => k.pages.contains(s),
            Route::Agency(s) => k.agencies.contains(s),
            Route::Region(s) => k.regions.contains(s),
            Route::NewsMonth(m) => months.contains(m.as_str()),
            Route::NewsItem(s) => k.news.contains(s),
            Route::DocumentType(t) => DocumentType::from_code(t).is_some(),
            Route::Document(s) => k.documents.contains(s),
            Route::Journey(s) => k.journeys.contains(s),
            Route::Draft(s) => k.drafts.contains(s),
            // Rare in links (the drafts page's own), so looked up as asked.
            Route::DraftsYear(y) => self.drafts.iter().any(|d| crate::drafts::year_day(d).starts_with(y.as_str())),
        }
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
