//! The navigation model: which links each kind of page shows.
//!
//! The app renders these links, and the compiler walks them from the home
//! page to prove that every page is within [`MAX_CLICKS`] clicks.

use crate::blocks::internal_links;
use crate::docs::*;
use crate::drafts::*;
use crate::life::*;
use crate::publications::*;
use crate::route::Route;
use std::collections::{BTreeMap, VecDeque};

/// Every page must be reachable from its language's home page in at most
/// this many clicks (Order No. 124-НҚ of 31 March 2025).
pub const MAX_CLICKS: usize = 3;

/// The main menu in the header of every page.
pub fn header_links() -> Vec<Route> {
    vec![Route::Home, Route::Agencies, Route::Regions, Route::News, Route::Documents]
}

/// Links in the footer of every page.
pub fn footer_links() -> Vec<Route> {
    vec![
        Route::Home,
        Route::Agencies,
        Route::Regions,
        Route::News,
        Route::Documents,
        Route::Drafts,
        Route::Journeys,
        Route::Accessibility,
        Route::Quality,
    ]
}

/// Links in the header and footer of every page.
pub fn chrome_links() -> Vec<Route> {
    let mut links = header_links();
    links.extend(footer_links().into_iter().filter(|r| !header_links().contains(r)));
    links
}

pub fn site_links(site: &SiteDoc) -> Vec<Route> {
    let mut links: Vec<Route> = site.topics.iter().map(|t| Route::Topic(t.slug.clone())).collect();
    links.push(Route::Journeys);
    links.extend(site.journeys.iter().map(|j| Route::Journey(j.slug.clone())));
    links.extend(internal_links(&site.intro));
    links
}

pub fn topic_links(topic: &TopicDoc) -> Vec<Route> {
    let mut links = internal_links(&topic.intro);
    links.extend(topic.pages.iter().map(|p| Route::Page(p.slug.clone())));
    links
}

pub fn page_links(page: &PageDoc) -> Vec<Route> {
    let mut links = vec![Route::Topic(page.topic.slug.clone()), Route::Agency(page.agency.slug.clone())];
    links.extend(internal_links(&page.body));
    links.extend(page.related.iter().map(|p| Route::Page(p.slug.clone())));
    for part in &page.journeys {
        links.push(Route::Journey(part.journey.slug.clone()));
        let steps = part.previous.iter().chain(part.next.iter());
        links.extend(steps.filter_map(|s| s.page.as_ref()).map(|p| Route::Page(p.slug.clone())));
    }
    links
}

pub fn journeys_links(doc: &JourneysDoc) -> Vec<Route> {
    doc.journeys.iter().map(|j| Route::Journey(j.slug.clone())).collect()
}

/// A journey's page: its intro, and each step's text and pages.
pub fn journey_links(doc: &JourneyDoc) -> Vec<Route> {
    let mut links = vec![Route::Journeys];
    links.extend(internal_links(&doc.intro));
    for step in &doc.steps {
        links.extend(internal_links(&step.text));
        links.extend(step.pages.iter().map(|p| Route::Page(p.slug.clone())));
    }
    links
}

pub fn agencies_links(doc: &AgenciesDoc) -> Vec<Route> {
    let current = doc.groups.iter().flat_map(|g| g.agencies.iter()).map(|a| &a.slug);
    current.chain(doc.former.iter().map(|f| &f.slug)).map(|slug| Route::Agency(slug.clone())).collect()
}

pub fn agency_links(agency: &AgencyDoc) -> Vec<Route> {
    let mut links = internal_links(&agency.body);
    links.extend(agency.parent.iter().map(|p| Route::Agency(p.slug.clone())));
    links.extend(agency.children.iter().map(|c| Route::Agency(c.slug.clone())));
    links.extend(agency.region.iter().map(|r| Route::Region(r.slug.clone())));
    let successors = agency.reorganised.iter().flat_map(|r| &r.successors);
    links.extend(successors.chain(agency.predecessors.iter().map(|p| &p.body)).map(|b| Route::Agency(b.slug.clone())));
    links.extend(agency.pages.iter().map(|p| Route::Page(p.slug.clone())));
    links.extend(agency.news.iter().map(|n| Route::NewsItem(n.slug.clone())));
    links.extend(agency.documents.iter().map(|d| Route::Document(d.slug.clone())));
    links.extend(agency.drafts.iter().map(|d| Route::Draft(d.slug.clone())));
    links
}

/// Every draft act is listed on one page (an archive by year, as the
/// register has, is not there yet).
/// The drafts page: the current and latest drafts and every year of the
/// archive, so any draft is at most two clicks from it.
pub fn drafts_links(doc: &DraftsDoc) -> Vec<Route> {
    let mut links: Vec<Route> = doc.drafts.iter().map(|d| Route::Draft(d.slug.clone())).collect();
    links.extend(doc.years.iter().map(|y| Route::DraftsYear(y.period.clone())));
    links
}

pub fn drafts_year_links(doc: &DraftsYearDoc) -> Vec<Route> {
    let mut links = vec![Route::Drafts];
    links.extend(doc.drafts.iter().map(|d| Route::Draft(d.slug.clone())));
    links
}

pub fn draft_links(doc: &DraftDoc) -> Vec<Route> {
    let mut links = vec![Route::Drafts, Route::Agency(doc.agency.slug.clone())];
    links.extend(doc.adopted.iter().map(|d| Route::Document(d.slug.clone())));
    links.extend(internal_links(&doc.body));
    links
}

/// The news page: the latest items and every month of the archive, so any
/// item is at most two clicks from it however many there are.
pub fn news_links(doc: &NewsDoc) -> Vec<Route> {
    let mut links: Vec<Route> = doc.latest.iter().map(|n| Route::NewsItem(n.slug.clone())).collect();
    links.extend(doc.months.iter().map(|m| Route::NewsMonth(m.period.clone())));
    links
}

pub fn news_month_links(doc: &NewsMonthDoc) -> Vec<Route> {
    let mut links = vec![Route::News];
    links.extend(doc.items.iter().map(|n| Route::NewsItem(n.slug.clone())));
    links
}

pub fn news_item_links(item: &NewsItemDoc) -> Vec<Route> {
    let mut links = vec![Route::News, Route::Agency(item.agency.slug.clone())];
    links.extend(item.region.iter().map(|r| Route::Region(r.slug.clone())));
    links.extend(internal_links(&item.body));
    links
}

/// The documents page: every type's archive and the latest documents.
pub fn documents_links(doc: &DocumentsDoc) -> Vec<Route> {
    let mut links: Vec<Route> = doc.types.iter().map(|t| Route::DocumentType(t.doc_type.code().to_owned())).collect();
    links.extend(doc.latest.iter().map(|d| Route::Document(d.slug.clone())));
    links
}

pub fn document_type_links(doc: &DocumentTypeDoc) -> Vec<Route> {
    let mut links = vec![Route::Documents];
    links.extend(doc.years.iter().flat_map(|y| y.documents.iter()).map(|d| Route::Document(d.slug.clone())));
    links
}

pub fn document_links(doc: &DocumentDoc) -> Vec<Route> {
    let mut links = vec![
        Route::Documents,
        Route::DocumentType(doc.doc_type.code().to_owned()),
        Route::Agency(doc.agency.slug.clone()),
    ];
    links.extend(doc.related.iter().map(|d| Route::Document(d.slug.clone())));
    links.extend(internal_links(&doc.body));
    links
}

pub fn text_links(doc: &TextDoc) -> Vec<Route> {
    internal_links(&doc.body)
}

pub fn regions_links(doc: &RegionsDoc) -> Vec<Route> {
    doc.groups.iter().flat_map(|g| g.regions.iter()).map(|r| Route::Region(r.slug.clone())).collect()
}

pub fn region_links(region: &RegionDoc) -> Vec<Route> {
    let mut links: Vec<Route> = region.akimat.iter().map(|a| Route::Agency(a.slug.clone())).collect();
    links.extend(region.agencies.iter().map(|a| Route::Agency(a.slug.clone())));
    links
}

/// Clicks needed to reach each route from the home page, by breadth-first
/// search over `links_of` (which gives the links a route's page shows,
/// chrome included). Routes that cannot be reached are absent.
pub fn click_depths(links_of: impl Fn(&Route) -> Vec<Route>) -> BTreeMap<Route, usize> {
    let mut depth = BTreeMap::from([(Route::Home, 0)]);
    let mut queue = VecDeque::from([Route::Home]);
    while let Some(route) = queue.pop_front() {
        let d = depth[&route];
        for next in links_of(&route).into_iter().chain(chrome_links()) {
            depth.entry(next.clone()).or_insert_with(|| {
                queue.push_back(next);
                d + 1
            });
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depths_follow_the_shortest_path() {
        // home -> topic a -> page p -> page q (through related); q is also in chrome? no.
        let links_of = |r: &Route| match r {
            Route::Home => vec![Route::Topic("a".into())],
            Route::Topic(_) => vec![Route::Page("p".into())],
            Route::Page(s) if s == "p" => vec![Route::Page("q".into())],
            _ => vec![],
        };
        let depths = click_depths(links_of);
        assert_eq!(depths[&Route::Agencies], 1);
        assert_eq!(depths[&Route::Accessibility], 1, "the footer links the accessibility statement");
        assert_eq!(depths[&Route::Topic("a".into())], 1);
        assert_eq!(depths[&Route::Page("p".into())], 2);
        assert_eq!(depths[&Route::Page("q".into())], 3);
        assert!(!depths.contains_key(&Route::Page("orphan".into())));
    }
}
