//! The content compiler: reads `content/`, validates it, and produces the
//! static content API (`api/v1/...`) and `sitemap.xml`, all in memory first
//! so that a build with any error writes nothing.

pub mod date;
pub mod diagnostic;
pub mod files;
pub mod generate;
pub mod markdown;
pub mod model;
pub mod output;
pub mod publications;
pub mod quality;
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

type Topic = Source<TopicMeta, TitledFront>;
type Page = Source<PageMeta, PageFront>;
type Agency = Source<AgencyMeta, AgencyFront>;
type Region = Source<RegionMeta, RegionFront>;
type Site = Source<SiteMeta, SiteFront>;
type Text = Source<TextMeta, TitledFront>;
type News = Source<NewsMeta, TitledFront>;
type Document = Source<DocumentMeta, DocumentFront>;

#[derive(Clone)]
pub struct Options {
    pub content_dir: PathBuf,
    /// Absolute URL the portal is served from, for the sitemap (no trailing slash).
    pub site_url: String,
    /// Today's date, `YYYY-MM-DD`: the compile date and the review deadline check.
    pub today: String,
    /// Whether to write the search index (the longest step; checks skip it).
    pub search_index: bool,
}

/// A successful compile: every output file by its path relative to the
/// output folder, and the warnings for editors.
pub struct Compiled {
    pub files: BTreeMap<String, Vec<u8>>,
    pub warnings: Diagnostics,
    pub stats: Stats,
    /// The quality report, in English, for the terminal.
    pub report: QualityDoc,
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
    let content = Content {
        dir: dir.clone(),
        known: Known {
            topics: topics.slugs,
            pages: pages.slugs,
            agencies: agencies.slugs,
            regions: regions.slugs,
            news: news.slugs,
            documents: documents.slugs,
        },
        topics: sorted(topics.items),
        pages: sorted(pages.items),
        agencies: sorted(agencies.items),
        regions: sorted(regions.items),
        news: sorted(news.items),
        documents: sorted(documents.items),
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
        max_clicks: 0,
    };
    let attachments = publications::attachments(&content);
    for lang in Lang::ALL {
        let mut docs = build_docs(&content, lang, options);
        publications::build(&content, lang, &attachments, &mut docs);
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
    if options.search_index {
        match search::index(&content) {
            Ok(index) => files.extend(index),
            Err(e) => {
                diags.error(dir, 0, "search-index", format!("the search index could not be built: {e}"));
                return Err(Box::new(Failed { diagnostics: diags, report: None }));
            }
        }
    }
    sitemap_entries(&content, &mut sitemap);
    for (name, xml) in sitemap.finish() {
        files.insert(name, xml.into_bytes());
    }
    // Crawlers need the sitemap's absolute address.
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n", options.site_url.trim_end_matches('/'));
    files.insert("robots.txt".into(), robots.into_bytes());
    let report = english.expect("Lang::ALL has English");
    Ok(Compiled { files, warnings: diags, stats, report })
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
}

impl Content {
    /// Every item of the six kinds editors add (topics, pages, bodies,
    /// regions, news, documents), in that order: the one way to go over them all.
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

/// Cross-item rules: references, links, dates, required text.
fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    let Known { topics, pages, agencies, regions, news, documents } = &c.known;
    let months = c.news_months();
    let exists = |route: &Route| match route {
        Route::Home
        | Route::Agencies
        | Route::Regions
        | Route::Accessibility
        | Route::Quality
        | Route::News
        | Route::Documents => true,
        Route::Topic(s) => topics.contains(s),
        Route::Page(s) => pages.contains(s),
        Route::Agency(s) => agencies.contains(s),
        Route::Region(s) => regions.contains(s),
        Route::NewsMonth(m) => months.contains(m.as_str()),
        Route::NewsItem(s) => news.contains(s),
        Route::DocumentType(t) => DocumentType::from_code(t).is_some(),
        Route::Document(s) => documents.contains(s),
    };
    let mut reference = |file: &Path, line: usize, what: &str, slug: &str, known: bool| {
        if !known {
            diags.error(file, line, "reference", format!("no {what} with the slug {slug:?} exists in content/"));
        }
    };
    for p in &c.pages {
        reference(
            &p.meta_file,
            p.meta_line(&p.meta.topic),
            "topic",
            p.meta.topic.get_ref(),
            topics.contains(p.meta.topic.get_ref()),
        );
        reference(
            &p.meta_file,
            p.meta_line(&p.meta.agency),
            "state body",
            p.meta.agency.get_ref(),
            agencies.contains(p.meta.agency.get_ref()),
        );
        for r in &p.meta.related {
            reference(&p.meta_file, p.meta_line(r), "page", r.get_ref(), pages.contains(r.get_ref()));
        }
    }
    for a in &c.agencies {
        if let Some(parent) = &a.meta.parent {
            reference(
                &a.meta_file,
                a.meta_line(parent),
                "state body",
                parent.get_ref(),
                agencies.contains(parent.get_ref()),
            );
        }
        if let Some(region) = &a.meta.region {
            reference(
                &a.meta_file,
                a.meta_line(region),
                "region",
                region.get_ref(),
                regions.contains(region.get_ref()),
            );
        }
    }
    for r in &c.regions {
        if let Some(akimat) = &r.meta.akimat {
            reference(
                &r.meta_file,
                r.meta_line(akimat),
                "state body",
                akimat.get_ref(),
                agencies.contains(akimat.get_ref()),
            );
        }
    }
    // Dates.
    for p in &c.pages {
        let (updated, review) = (p.meta.updated.get_ref(), p.meta.review_by.get_ref());
        if review < updated {
            diags.error(
                &p.meta_file,
                p.meta_line(&p.meta.review_by),
                "date",
                format!("review_by {} is before updated {}", review.0, updated.0),
            );
        } else if updated.0 < a_year_before(&options.today) {
            diags.warning_about(
                &p.meta_file,
                p.meta_line(&p.meta.updated),
                "stale",
                &updated.0,
                format!("the page was last updated on {}, more than twelve months ago", updated.0),
            );
        } else if review.0 < options.today {
            diags.warning_about(
                &p.meta_file,
                p.meta_line(&p.meta.review_by),
                "review-overdue",
                &review.0,
                format!("the page was due for review on {}", review.0),
            );
        }
        if updated.0 > options.today {
            diags.error(
                &p.meta_file,
                p.meta_line(&p.meta.updated),
                "date",
                format!("updated {} is in the future", updated.0),
            );
        }
    }
    // Links in every text, and text every item must have.
    let texts = c.everything().flat_map(|item| item.texts());
    for (file, body, required) in texts {
        for (route, line) in &body.links {
            if !exists(route) {
                diags.error(
                    file,
                    *line,
                    "dead-link",
                    format!("link to {}: no such item in content/", route.neutral_path()),
                );
            }
        }
        for (field, value) in required {
            if value.trim().is_empty() {
                diags.error(file, 2, "empty", format!("{field} must not be empty"));
            }
        }
    }
    // What a reader needs to act: a service's cost and timing, a body's contacts.
    for p in c.pages.iter().filter(|p| p.meta.kind == PageKind::Service) {
        for t in p.texts.values() {
            let missing: Vec<&str> = [("cost", &t.front.cost), ("timing", &t.front.timing)]
                .into_iter()
                .filter(|(_, v)| v.as_deref().is_none_or(|v| v.trim().is_empty()))
                .map(|(name, _)| name)
                .collect();
            if !missing.is_empty() {
                let fields = missing.join(", ");
                diags.warning_about(
                    &t.file,
                    1,
                    "incomplete",
                    &fields,
                    format!("a service page needs {fields} in its front matter"),
                );
            }
        }
    }
    for a in &c.agencies {
        let m = &a.meta;
        let address = a.texts.values().any(|t| t.front.address.is_some());
        if m.website.is_none() && m.phone.is_none() && m.email.is_none() && !address {
            diags.warning_about(
                &a.meta_file,
                0,
                "incomplete",
                "contacts",
                "the body has no contacts: give at least a website, phone, email or address",
            );
        }
    }
    // Every language of the portal should have every item.
    for (file, langs) in c.items().map(|item| (item.meta_file(), item.languages())) {
        let missing: Vec<&str> = Lang::ALL.iter().filter(|l| !langs.contains(l)).map(|l| l.code()).collect();
        if !missing.is_empty() && !langs.is_empty() {
            diags.warning_about(
                file.parent().unwrap_or(file),
                0,
                "missing-translation",
                missing.join(", "),
                format!("no text in {}", missing.join(", ")),
            );
        }
    }
    for (item, what) in [(&c.site.meta_file, "site text"), (&c.accessibility.meta_file, "accessibility statement")] {
        for lang in Lang::ALL {
            let file = item.with_file_name(format!("{}.md", lang.code()));
            if !file.exists() {
                diags.error(
                    &file,
                    0,
                    "site-language",
                    format!("the {what} must exist in every language of the portal"),
                );
            }
        }
    }
    publications::check(c, options, diags);
}

/// The date a year before `date` (`YYYY-MM-DD`), as text that compares in order.
fn a_year_before(date: &str) -> String {
    date::Date::parse(date).map_or_else(|| date.to_owned(), |d| d.a_year_before().to_string())
}

/// The API documents of one language, by path relative to `api/v1/`.
pub(crate) struct Docs {
    files: Vec<(String, Vec<u8>)>,
    /// Links each route's page shows, from the navigation model.
    links: BTreeMap<Route, Vec<Route>>,
    /// Routes that exist in this language.
    available: Vec<(Route, PathBuf)>,
}

impl Docs {
    /// Adds a document; `links` (the links its page shows) only for a page
    /// that exists in this language, which the three-click proof then covers.
    fn emit(&mut self, lang: Lang, route: Route, bytes: Vec<u8>, links: Option<Vec<Route>>, file: &Path) {
        if let Some(links) = links {
            self.links.insert(route.clone(), links);
            self.available.push((route.clone(), file.to_path_buf()));
        }
        self.files.push((route.api_path(lang), bytes));
    }
}

fn json<T: serde::Serialize>(doc: &T) -> Vec<u8> {
    serde_json::to_vec(doc).expect("API documents always serialize")
}

fn card(slug: &str, title: &str, summary: &str) -> Card {
    Card { slug: slug.to_owned(), title: title.to_owned(), summary: summary.to_owned() }
}

pub(crate) fn unavailable<M, F>(item: &Source<M, F>, title: impl Fn(&F) -> &str) -> Unavailable {
    Unavailable {
        slug: item.slug.clone(),
        versions: item
            .texts
            .iter()
            .map(|(lang, t)| Version { lang: *lang, title: title(&t.front).to_owned() })
            .collect(),
    }
}

/// Sorts cards by title, case-insensitively.
fn by_title(mut cards: Vec<Card>) -> Vec<Card> {
    cards.sort_by_key(|c| c.title.to_lowercase());
    cards
}

fn build_docs(c: &Content, lang: Lang, options: &Options) -> Docs {
    let mut docs = Docs { files: vec![], links: BTreeMap::new(), available: vec![] };
    let agency_ref = |slug: &str| agency_ref(c, lang, slug);
    let region_ref = |slug: &str| region_ref(c, lang, slug);
    let page_cards = |filter: &dyn Fn(&Page) -> bool| {
        by_title(
            c.pages
                .iter()
                .filter(|p| filter(p))
                .filter_map(|p| p.texts.get(&lang).map(|t| card(&p.slug, &t.front.title, &t.front.summary)))
                .collect(),
        )
    };

    // The portal's own pages.
    let statement = &c.accessibility.texts[&lang];
    let text_doc = TextDoc {
        title: statement.front.title.clone(),
        summary: statement.front.summary.clone(),
        body: statement.body.blocks.clone(),
        updated: c.accessibility.meta.updated.0.clone(),
    };
    docs.emit(
        lang,
        Route::Accessibility,
        json(&text_doc),
        Some(nav::text_links(&text_doc)),
        &c.accessibility.meta_file,
    );

    // Home.
    let mut topics: Vec<&Topic> = c.topics.iter().filter(|t| t.texts.contains_key(&lang)).collect();
    topics.sort_by_key(|t| (t.meta.order, t.slug.clone()));
    let site_text = &c.site.texts[&lang];
    let site = SiteDoc {
        api_version: API_VERSION,
        lang,
        name: site_text.front.name.clone(),
        tagline: site_text.front.tagline.clone(),
        intro: site_text.body.blocks.clone(),
        demonstration: true,
        generated: options.today.clone(),
        topics: topics
            .iter()
            .map(|t| {
                let f = &t.texts[&lang].front;
                card(&t.slug, &f.title, &f.summary)
            })
            .collect(),
    };
    docs.emit(lang, Route::Home, json(&site), Some(nav::site_links(&site)), &c.site.meta_file);

    for t in &c.topics {
        let route = Route::Topic(t.slug.clone());
        let Some(text) = t.texts.get(&lang) else {
            docs.emit(
                lang,
                route,
                json(&Item::<TopicDoc>::Unavailable(unavailable(t, |f| &f.title))),
                None,
                &t.meta_file,
            );
            continue;
        };
        let doc = TopicDoc {
            slug: t.slug.clone(),
            title: text.front.title.clone(),
            summary: text.front.summary.clone(),
            intro: text.body.blocks.clone(),
            pages: page_cards(&|p: &Page| p.meta.topic.get_ref() == &t.slug),
        };
        let links = nav::topic_links(&doc);
        docs.emit(lang, route, json(&Item::Available(doc)), Some(links), &t.meta_file);
    }

    for p in &c.pages {
        let route = Route::Page(p.slug.clone());
        let Some(text) = p.texts.get(&lang) else {
            docs.emit(
                lang,
                route,
                json(&Item::<PageDoc>::Unavailable(unavailable(p, |f| &f.title))),
                None,
                &p.meta_file,
            );
            continue;
        };
        let topic = by_slug(&c.topics, p.meta.topic.get_ref()).expect("checked");
        let doc = PageDoc {
            slug: p.slug.clone(),
            kind: p.meta.kind,
            title: text.front.title.clone(),
            summary: text.front.summary.clone(),
            cost: text.front.cost.clone().filter(|v| !v.trim().is_empty()),
            timing: text.front.timing.clone().filter(|v| !v.trim().is_empty()),
            topic: Ref {
                slug: topic.slug.clone(),
                name: topic.text_or_any(lang).map(|t| t.front.title.clone()).unwrap_or_default(),
            },
            agency: agency_ref(p.meta.agency.get_ref()).expect("checked"),
            updated: p.meta.updated.get_ref().0.clone(),
            review_by: p.meta.review_by.get_ref().0.clone(),
            body: text.body.blocks.clone(),
            related: p
                .meta
                .related
                .iter()
                .filter_map(|r| by_slug(&c.pages, r.get_ref()))
                .filter_map(|q| q.texts.get(&lang).map(|t| card(&q.slug, &t.front.title, &t.front.summary)))
                .collect(),
            languages: p.languages(),
        };
        let links = nav::page_links(&doc);
        docs.emit(lang, route, json(&Item::Available(doc)), Some(links), &p.meta_file);
    }

    // The directory of state bodies.
    let mut groups: BTreeMap<AgencyKind, Vec<AgencyCard>> = BTreeMap::new();
    for a in &c.agencies {
        if let Some(t) = a.texts.get(&lang) {
            groups.entry(a.meta.kind).or_default().push(AgencyCard {
                slug: a.slug.clone(),
                name: t.front.name.clone(),
                short_name: t.front.short_name.clone(),
                summary: t.front.summary.clone(),
            });
        }
    }
    let directory = AgenciesDoc {
        groups: groups
            .into_iter()
            .map(|(kind, mut agencies)| {
                agencies.sort_by_key(|a| a.name.to_lowercase());
                AgencyGroup { kind, agencies }
            })
            .collect(),
    };
    docs.emit(lang, Route::Agencies, json(&directory), Some(nav::agencies_links(&directory)), &c.site.meta_file);

    for a in &c.agencies {
        let route = Route::Agency(a.slug.clone());
        let Some(text) = a.texts.get(&lang) else {
            docs.emit(
                lang,
                route,
                json(&Item::<AgencyDoc>::Unavailable(unavailable(a, |f| &f.name))),
                None,
                &a.meta_file,
            );
            continue;
        };
        let mut children: Vec<Ref> = c
            .agencies
            .iter()
            .filter(|b| b.meta.parent.as_ref().map(|p| p.get_ref()) == Some(&a.slug))
            .filter_map(|b| agency_ref(&b.slug))
            .collect();
        children.sort_by_key(|r| r.name.to_lowercase());
        let (news, documents) = publications::of_agency(c, lang, &a.slug);
        let doc = AgencyDoc {
            slug: a.slug.clone(),
            name: text.front.name.clone(),
            short_name: text.front.short_name.clone(),
            kind: a.meta.kind,
            summary: text.front.summary.clone(),
            body: text.body.blocks.clone(),
            contacts: Contacts {
                address: text.front.address.clone(),
                phone: a.meta.phone.clone(),
                email: a.meta.email.clone(),
                website: a.meta.website.clone(),
            },
            parent: a.meta.parent.as_ref().and_then(|p| agency_ref(p.get_ref())),
            children,
            region: a.meta.region.as_ref().and_then(|r| region_ref(r.get_ref())),
            pages: page_cards(&|p: &Page| p.meta.agency.get_ref() == &a.slug),
            news,
            documents,
            feed: feed_path(lang, &a.slug),
        };
        let links = nav::agency_links(&doc);
        docs.emit(lang, route, json(&Item::Available(doc)), Some(links), &a.meta_file);
    }

    // Regions.
    let mut region_groups: BTreeMap<RegionKind, Vec<(u32, Card)>> = BTreeMap::new();
    for r in &c.regions {
        if let Some(t) = r.texts.get(&lang) {
            region_groups
                .entry(r.meta.kind)
                .or_default()
                .push((r.meta.order, card(&r.slug, &t.front.name, &t.front.summary)));
        }
    }
    let regions_doc = RegionsDoc {
        groups: region_groups
            .into_iter()
            .map(|(kind, mut list)| {
                list.sort_by_key(|a| (a.0, a.1.title.to_lowercase()));
                RegionGroup { kind, regions: list.into_iter().map(|(_, c)| c).collect() }
            })
            .collect(),
    };
    docs.emit(lang, Route::Regions, json(&regions_doc), Some(nav::regions_links(&regions_doc)), &c.site.meta_file);

    for r in &c.regions {
        let route = Route::Region(r.slug.clone());
        let Some(text) = r.texts.get(&lang) else {
            docs.emit(
                lang,
                route,
                json(&Item::<RegionDoc>::Unavailable(unavailable(r, |f| &f.name))),
                None,
                &r.meta_file,
            );
            continue;
        };
        let akimat = r.meta.akimat.as_ref().map(|a| a.get_ref().clone());
        let mut agencies: Vec<Ref> = c
            .agencies
            .iter()
            .filter(|a| {
                a.meta.region.as_ref().map(|x| x.get_ref()) == Some(&r.slug) && Some(&a.slug) != akimat.as_ref()
            })
            .filter_map(|a| agency_ref(&a.slug))
            .collect();
        agencies.sort_by_key(|a| a.name.to_lowercase());
        let doc = RegionDoc {
            slug: r.slug.clone(),
            name: text.front.name.clone(),
            kind: r.meta.kind,
            summary: text.front.summary.clone(),
            akimat: akimat.as_deref().and_then(agency_ref),
            agencies,
        };
        let links = nav::region_links(&doc);
        docs.emit(lang, route, json(&Item::Available(doc)), Some(links), &r.meta_file);
    }
    docs
}

/// Fails the build for any page of `lang` more than three clicks from home.
fn prove_three_clicks(_c: &Content, docs: &Docs, lang: Lang, diags: &mut Diagnostics, stats: &mut Stats) {
    let depths = nav::click_depths(|route| docs.links.get(route).cloned().unwrap_or_default());
    for (route, file) in &docs.available {
        match depths.get(route) {
            Some(&d) if d <= nav::MAX_CLICKS => stats.max_clicks = stats.max_clicks.max(d),
            Some(&d) => diags.error_about(
                file,
                0,
                "three-clicks",
                d.to_string(),
                format!(
                    "{} is {d} clicks from the home page; at most {} are allowed",
                    route.href(lang),
                    nav::MAX_CLICKS
                ),
            ),
            None => diags.error_about(
                file,
                0,
                "three-clicks",
                "unreachable",
                format!("{} is not linked from any page reachable from the home page", route.href(lang)),
            ),
        }
    }
}

fn sitemap_entries(c: &Content, sitemap: &mut output::Sitemap) {
    sitemap.add(&Route::Home, &Lang::ALL, None);
    sitemap.add(&Route::Agencies, &Lang::ALL, None);
    sitemap.add(&Route::Regions, &Lang::ALL, None);
    sitemap.add(&Route::Accessibility, &Lang::ALL, Some(&c.accessibility.meta.updated.0));
    sitemap.add(&Route::Quality, &Lang::ALL, None);
    sitemap.add(&Route::News, &Lang::ALL, None);
    sitemap.add(&Route::Documents, &Lang::ALL, None);
    // A month is listed in the languages it has news in.
    let mut month_languages: BTreeMap<&str, BTreeSet<Lang>> = BTreeMap::new();
    for n in &c.news {
        month_languages.entry(n.meta.published.get_ref().month()).or_default().extend(n.texts.keys());
    }
    for (month, langs) in month_languages {
        sitemap.add(&Route::NewsMonth(month.to_owned()), &langs.into_iter().collect::<Vec<_>>(), None);
    }
    let types: BTreeSet<DocumentType> = c.documents.iter().map(|d| d.meta.doc_type).collect();
    for t in types {
        sitemap.add(&Route::DocumentType(t.code().to_owned()), &Lang::ALL, None);
    }
    for n in &c.news {
        sitemap.add(&Route::NewsItem(n.slug.clone()), &n.languages(), Some(&n.meta.published.get_ref().0));
    }
    for d in &c.documents {
        sitemap.add(&Route::Document(d.slug.clone()), &d.languages(), Some(&d.meta.adopted.get_ref().0));
    }
    for t in &c.topics {
        sitemap.add(&Route::Topic(t.slug.clone()), &t.languages(), None);
    }
    for p in &c.pages {
        sitemap.add(&Route::Page(p.slug.clone()), &p.languages(), Some(&p.meta.updated.get_ref().0));
    }
    for a in &c.agencies {
        sitemap.add(&Route::Agency(a.slug.clone()), &a.languages(), None);
    }
    for r in &c.regions {
        sitemap.add(&Route::Region(r.slug.clone()), &r.languages(), None);
    }
}
