//! The quality report: the compiler's findings that editors must act on,
//! counted per state body. It is made from the same diagnostics the build
//! prints, so the terminal and the portal never disagree.

use crate::diagnostic::Diagnostics;
use crate::{by_slug, Content, Options};
use portal_content::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The kind of problem a rule's finding is, for the rules the report counts.
pub fn kind_of(rule: &str) -> Option<ProblemKind> {
    Some(match rule {
        "dead-link" => ProblemKind::DeadLink,
        "three-clicks" => ProblemKind::TooDeep,
        "insecure-link" | "link-scheme" | "bad-link" => ProblemKind::BadLink,
        "missing-translation" => ProblemKind::MissingTranslation,
        "incomplete" => ProblemKind::Incomplete,
        "stale" | "review-overdue" => ProblemKind::Stale,
        "no-recent-news" => ProblemKind::NoRecentNews,
        "missing-requisites" => ProblemKind::MissingRequisites,
        "no-attachment" | "attachment" | "attachment-format" | "attachment-size" => ProblemKind::Attachment,
        "no-text-version" => ProblemKind::NoTextVersion,
        "mandatory-information" => ProblemKind::MandatoryInformation,
        "late" => ProblemKind::Late,
        "unmapped-address" => ProblemKind::Unmapped,
        _ => return None,
    })
}

/// Every kind, in the order the report shows them.
pub const KINDS: [ProblemKind; 13] = [
    ProblemKind::DeadLink,
    ProblemKind::TooDeep,
    ProblemKind::BadLink,
    ProblemKind::MissingTranslation,
    ProblemKind::Incomplete,
    ProblemKind::Stale,
    ProblemKind::NoRecentNews,
    ProblemKind::MissingRequisites,
    ProblemKind::Attachment,
    ProblemKind::NoTextVersion,
    ProblemKind::MandatoryInformation,
    ProblemKind::Late,
    ProblemKind::Unmapped,
];

fn counts(of: impl Fn(ProblemKind) -> usize) -> Vec<ProblemCount> {
    KINDS.iter().map(|&kind| ProblemCount { kind, count: of(kind) as u32 }).collect()
}

/// The item a finding's file belongs to: its route, the body responsible for
/// it, and its title in `lang`.
fn item_of(c: &Content, file: &Path, lang: Lang) -> Option<(Route, Option<String>, String)> {
    let rel = file.strip_prefix(&c.dir).unwrap_or(file);
    let mut parts = rel.iter().filter_map(|p| p.to_str());
    let (kind, slug) = (parts.next()?, parts.next());
    Some(match (kind, slug) {
        ("pages", Some(slug)) => {
            let p = by_slug(&c.pages, slug)?;
            (
                Route::Page(p.slug.clone()),
                Some(p.meta.agency.get_ref().clone()),
                p.text_or_any(lang)?.front.title.clone(),
            )
        }
        ("agencies", Some(slug)) => {
            let a = by_slug(&c.agencies, slug)?;
            (Route::Agency(a.slug.clone()), Some(a.slug.clone()), a.text_or_any(lang)?.front.name.clone())
        }
        ("topics", Some(slug)) => {
            let t = by_slug(&c.topics, slug)?;
            (Route::Topic(t.slug.clone()), None, t.text_or_any(lang)?.front.title.clone())
        }
        ("regions", Some(slug)) => {
            let r = by_slug(&c.regions, slug)?;
            (Route::Region(r.slug.clone()), None, r.text_or_any(lang)?.front.name.clone())
        }
        ("news", Some(slug)) => {
            let n = by_slug(&c.news, slug)?;
            (
                Route::NewsItem(n.slug.clone()),
                Some(n.meta.agency.get_ref().clone()),
                n.text_or_any(lang)?.front.title.clone(),
            )
        }
        ("documents", Some(slug)) => {
            let d = by_slug(&c.documents, slug)?;
            (
                Route::Document(d.slug.clone()),
                Some(d.meta.agency.get_ref().clone()),
                d.text_or_any(lang)?.front.title.clone(),
            )
        }
        ("drafts", Some(slug)) => {
            let d = by_slug(&c.drafts, slug)?;
            (
                Route::Draft(d.slug.clone()),
                Some(d.meta.agency.get_ref().clone()),
                d.text_or_any(lang)?.front.title.clone(),
            )
        }
        ("life", Some(slug)) => {
            let j = by_slug(&c.journeys, slug)?;
            (Route::Journey(j.slug.clone()), None, j.text_or_any(lang)?.front.title.clone())
        }
        ("accessibility", _) => (Route::Accessibility, None, c.accessibility.text_or_any(lang)?.front.title.clone()),
        ("site", _) => (Route::Home, None, c.site.text_or_any(lang)?.front.name.clone()),
        // An old site's mappings and list: the body it belonged to answers for them.
        ("transition", Some(file)) => {
            let host = file.strip_suffix(".urls").or_else(|| file.strip_suffix(".toml"))?;
            let body = crate::transition::site_of(c, host)?.meta.body.get_ref().clone();
            (Route::Agency(body.clone()), Some(body), host.to_owned())
        }
        _ => return None,
    })
}

/// The report in `lang`: the same findings in every language, titled in it.
pub(crate) fn report(c: &Content, diags: &Diagnostics, lang: Lang, options: &Options) -> QualityDoc {
    let mut problems: Vec<Problem> = diags
        .items
        .iter()
        .filter_map(|d| {
            let kind = kind_of(d.rule)?;
            let (route, agency, title) = item_of(c, &d.file, lang)?;
            let file = d.file.strip_prefix(&c.dir).unwrap_or(&d.file);
            Some(Problem {
                kind,
                agency,
                path: route.neutral_path(),
                title,
                file: file.display().to_string(),
                line: d.line as u32,
                detail: d.subject.clone(),
            })
        })
        .collect();
    // One problem per item, kind and detail: a service without a cost in all
    // three languages is one thing to fix, and the proof runs per language.
    problems.sort_by(|a, b| (&a.path, a.kind, &a.detail, &a.file).cmp(&(&b.path, b.kind, &b.detail, &b.file)));
    problems.dedup_by(|a, b| (&a.path, a.kind, &a.detail) == (&b.path, b.kind, &b.detail));

    let mut items_per_body: BTreeMap<&str, usize> = c.agencies.iter().map(|a| (a.slug.as_str(), 1)).collect();
    let owners = c
        .pages
        .iter()
        .map(|p| &p.meta.agency)
        .chain(c.news.iter().map(|n| &n.meta.agency))
        .chain(c.documents.iter().map(|d| &d.meta.agency))
        .chain(c.drafts.iter().map(|d| &d.meta.agency));
    for owner in owners {
        *items_per_body.entry(owner.get_ref().as_str()).or_default() += 1;
    }
    // Counted in one pass: at scale there are thousands of problems and hundreds of bodies.
    let mut per_body: BTreeMap<(&str, ProblemKind), usize> = BTreeMap::new();
    for p in &problems {
        if let Some(slug) = p.agency.as_deref() {
            *per_body.entry((slug, p.kind)).or_default() += 1;
        }
    }
    let mut agencies: Vec<AgencyQuality> = c
        .agencies
        .iter()
        .map(|a| {
            let mine = |kind| per_body.get(&(a.slug.as_str(), kind)).copied().unwrap_or(0);
            AgencyQuality {
                slug: a.slug.clone(),
                name: a.text_or_any(lang).map(|t| t.front.name.clone()).unwrap_or_else(|| a.slug.clone()),
                items: items_per_body.get(a.slug.as_str()).copied().unwrap_or(1) as u32,
                counts: counts(mine),
            }
        })
        .collect();
    agencies.sort_by(|a, b| b.total().cmp(&a.total()).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
    let position: BTreeMap<&str, usize> = agencies.iter().enumerate().map(|(i, a)| (a.slug.as_str(), i)).collect();
    problems.sort_by_key(|p| {
        (
            p.agency.as_deref().and_then(|s| position.get(s)).copied().unwrap_or(usize::MAX),
            p.title.to_lowercase(),
            p.kind,
        )
    });

    QualityDoc {
        generated: options.today.clone(),
        items_checked: (c.pages.len()
            + c.agencies.len()
            + c.news.len()
            + c.documents.len()
            + c.journeys.len()
            + c.drafts.len()) as u32,
        totals: counts(|kind| problems.iter().filter(|p| p.kind == kind).count()),
        agencies,
        problems,
        readers: options.readers.as_ref().map(|counts| readers_said(c, counts, lang)),
    }
}

/// The pages readers reported or found not useful, summed over languages,
/// most reports first, then most "no" answers.
fn readers_said(c: &Content, counts: &feedback::FeedbackCounts, lang: Lang) -> ReadersSaid {
    let mut pages: BTreeMap<(&str, &str), ReaderPage> = BTreeMap::new();
    for (body, list) in &counts.bodies {
        for page in list {
            let entry = pages.entry((body.as_str(), page.route.as_str())).or_insert_with(|| {
                let route = Route::parse_neutral(&page.route);
                ReaderPage {
                    agency: (body != feedback::PORTAL).then(|| body.clone()),
                    path: page.route.clone(),
                    title: route.and_then(|r| title_of(c, &r, lang)).unwrap_or_else(|| page.route.clone()),
                    useful_yes: 0,
                    useful_no: 0,
                    reports: 0,
                }
            });
            entry.useful_yes += page.useful_yes as u32;
            entry.useful_no += page.useful_no as u32;
            entry.reports += page.reports.values().sum::<u64>() as u32;
        }
    }
    let mut pages: Vec<ReaderPage> =
        pages.into_values().filter(|p| p.reports > 0 || p.useful_no > p.useful_yes).collect();
    pages.sort_by(|a, b| (b.reports, b.useful_no).cmp(&(a.reports, a.useful_no)).then_with(|| a.path.cmp(&b.path)));
    pages.truncate(feedback::READER_PAGES_LISTED);
    ReadersSaid { counted: counts.generated.clone(), pages }
}

/// An item's title as the problem list names it, found by its route.
fn title_of(c: &Content, route: &Route, lang: Lang) -> Option<String> {
    let (folder, slug) = match route {
        Route::Page(s) => ("pages", s.as_str()),
        Route::Agency(s) => ("agencies", s.as_str()),
        Route::Topic(s) => ("topics", s.as_str()),
        Route::Region(s) => ("regions", s.as_str()),
        Route::NewsItem(s) => ("news", s.as_str()),
        Route::Document(s) => ("documents", s.as_str()),
        Route::Draft(s) => ("drafts", s.as_str()),
        Route::Journey(s) => ("life", s.as_str()),
        Route::Accessibility => ("accessibility", ""),
        Route::Home => ("site", ""),
        _ => return None,
    };
    item_of(c, &c.dir.join(folder).join(slug), lang).map(|(_, _, title)| title)
}

/// The report as a table for the terminal: totals, then each body with problems.
pub fn to_text(report: &QualityDoc) -> String {
    let label = |k: ProblemKind| match k {
        ProblemKind::DeadLink => "dead links",
        ProblemKind::TooDeep => "too deep",
        ProblemKind::BadLink => "bad links",
        ProblemKind::MissingTranslation => "untranslated",
        ProblemKind::Incomplete => "incomplete",
        ProblemKind::Stale => "stale",
        ProblemKind::NoRecentNews => "no news 30 d",
        ProblemKind::MissingRequisites => "requisites",
        ProblemKind::Attachment => "files",
        ProblemKind::NoTextVersion => "no text",
        ProblemKind::MandatoryInformation => "law: missing",
        ProblemKind::Late => "late",
        ProblemKind::Unmapped => "old addresses",
    };
    let mut out = String::new();
    let header: Vec<String> = KINDS.iter().map(|&k| format!("{:>14}", label(k))).collect();
    out.push_str(&format!("{:<48}{:>6}{}\n", "state body", "items", header.join("")));
    let row = |name: &str, items: u32, counts: &[ProblemCount]| {
        let cells: Vec<String> = counts.iter().map(|c| format!("{:>14}", c.count)).collect();
        let name: String = name.chars().take(46).collect();
        format!("{name:<48}{items:>6}{}\n", cells.join(""))
    };
    for a in report.agencies.iter().filter(|a| a.total() > 0) {
        out.push_str(&row(&a.slug, a.items, &a.counts));
    }
    let without = report.problems.iter().filter(|p| p.agency.is_none()).count();
    if without > 0 {
        out.push_str(&format!("(the portal's own topics, regions and texts: {without} problems)\n"));
    }
    out.push_str(&row("all content", report.items_checked, &report.totals));
    out
}
