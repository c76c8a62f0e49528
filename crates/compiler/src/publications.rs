//! News and official documents: their checks, their API documents, their
//! downloadable files and the Atom feeds of each state body.

use crate::diagnostic::Diagnostics;
use crate::model::{FileEntry, Lifecycle};
use crate::source::Text;
use crate::{agency_ref, by_slug, json, region_ref, Content, Docs, Document, News, Options};
use portal_content::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// File formats a document may be downloaded in: open or widely readable
/// formats that assistive technology can read.
pub const ATTACHMENT_FORMATS: [&str; 7] = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "rtf"];
/// The largest file a reader should be asked to download.
pub const MAX_ATTACHMENT_BYTES: u64 = 50 * 1024 * 1024;
/// A body must publish news at least this often (Order No. 124-НҚ asks for daily news).
pub const RECENT_NEWS_DAYS: i64 = 30;
/// Items on the news page and in feeds; the archive holds the rest.
pub const LATEST_NEWS: usize = 20;
pub const LATEST_DOCUMENTS: usize = 10;
/// Items a body's page shows of its own.
pub const AGENCY_NEWS: usize = 5;
pub const AGENCY_DOCUMENTS: usize = 10;
pub const FEED_ENTRIES: usize = 50;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn days(date: &str) -> Option<i64> {
    crate::date::Date::parse(date).map(crate::date::Date::days)
}

/// Rules for news and documents: references, dates, requisites, files,
/// text versions, and whether each body keeps its news current.
pub(crate) fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    let reference =
        |diags: &mut Diagnostics, file: &std::path::Path, line: usize, what: &str, slug: &str, known: bool| {
            if !known {
                diags.error(file, line, "reference", format!("no {what} with the slug {slug:?} exists in content/"));
            }
        };
    // `by`: the last day the date may be (today, or a scheduled item's day).
    let future = |diags: &mut Diagnostics, file: &std::path::Path, line: usize, field: &str, date: &str, by: &str| {
        if date > by {
            diags.error(file, line, "date", format!("{field} {date} is in the future"));
        }
    };
    let known = &c.known;
    for n in &c.news {
        let file = &n.meta_file;
        reference(
            diags,
            file,
            n.meta_line(&n.meta.agency),
            "state body",
            n.meta.agency.get_ref(),
            known.agencies.contains(n.meta.agency.get_ref()),
        );
        if let Some(region) = &n.meta.region {
            reference(
                diags,
                file,
                n.meta_line(region),
                "region",
                region.get_ref(),
                known.regions.contains(region.get_ref()),
            );
        }
        let by = n.meta.latest_day(&options.today);
        future(diags, file, n.meta_line(&n.meta.published), "published", &n.meta.published.get_ref().0, by);
        // An appointment names a person: it needs its source like any fact about one.
        if let Some(category) = &n.meta.category {
            let source = n.meta.source.as_ref().map(|s| s.get_ref());
            crate::profile::check_source(diags, file, n.meta_line(category), "an appointment", source, &options.today);
        }
        if n.slug == route::RESERVED_NEWS_SLUG {
            diags.error(
                file.parent().unwrap_or(file),
                0,
                "slug",
                format!("{:?} names the news archive; choose another slug", n.slug),
            );
        }
    }
    for d in &c.documents {
        let file = &d.meta_file;
        reference(
            diags,
            file,
            d.meta_line(&d.meta.agency),
            "state body",
            d.meta.agency.get_ref(),
            known.agencies.contains(d.meta.agency.get_ref()),
        );
        for r in &d.meta.related {
            reference(diags, file, d.meta_line(r), "document", r.get_ref(), known.documents.contains(r.get_ref()));
        }
        future(diags, file, d.meta_line(&d.meta.adopted), "adopted", &d.meta.adopted.get_ref().0, &options.today);
        if d.slug == route::RESERVED_DOCUMENT_SLUG {
            diags.error(
                file.parent().unwrap_or(file),
                0,
                "slug",
                format!("{:?} names the register's types; choose another slug", d.slug),
            );
        }
        // Requisites a reader needs to cite the document.
        if d.meta.number.as_deref().is_none_or(|n| n.trim().is_empty())
            && !matches!(d.meta.doc_type, DocumentType::Report | DocumentType::Form)
        {
            diags.warning_about(
                file,
                0,
                "missing-requisites",
                "number",
                "the document has no number: give its official number",
            );
        }
        for t in d.texts.values() {
            if t.front.signed_by.iter().all(|s| s.trim().is_empty())
                && !matches!(d.meta.doc_type, DocumentType::Report | DocumentType::Form)
            {
                diags.warning_about(
                    &t.file,
                    1,
                    "missing-requisites",
                    "signed_by",
                    "the document does not say who signed it: give signed_by",
                );
            }
            if t.body.blocks.is_empty() {
                diags.warning_about(&t.file, 0, "no-text-version", t.file.file_name().and_then(|n| n.to_str()).unwrap_or(""), "the document has no text version: readers of screen readers need its text as a page, not only a file");
            }
        }
        // The downloadable originals.
        if d.meta.files.is_empty() {
            diags.warning_about(
                file,
                0,
                "no-attachment",
                "files",
                "the document has no downloadable file: add its original under [[files]]",
            );
        }
        let folder = file.parent().unwrap_or(file);
        let mut seen = std::collections::BTreeSet::new();
        for entry in &d.meta.files {
            let line = d.meta_line(entry);
            let FileEntry { lang, file: name } = entry.get_ref();
            if !seen.insert(*lang) {
                diags.error(
                    file,
                    line,
                    "attachment",
                    format!("a second file in {}: give one file per language", lang.code()),
                );
            }
            check_file(diags, file, line, folder, name);
        }
    }
    // News kept current: every body, its latest item within the last 30 days.
    let mut latest: BTreeMap<&str, &str> = BTreeMap::new();
    for n in &c.news {
        let date = n.meta.published.get_ref().0.as_str();
        let entry = latest.entry(n.meta.agency.get_ref().as_str()).or_insert(date);
        *entry = (*entry).max(date);
    }
    let today = days(&options.today).unwrap_or(0);
    // A former body publishes no more news.
    for a in c.agencies.iter().filter(|a| a.meta.reorganised.is_none()) {
        let last = latest.get(a.slug.as_str()).copied();
        let recent = last.and_then(days).is_some_and(|d| today - d <= RECENT_NEWS_DAYS);
        if !recent {
            let (subject, message) = match last {
                Some(date) => (
                    date.to_owned(),
                    format!("the body's latest news is of {date}, more than {RECENT_NEWS_DAYS} days ago"),
                ),
                None => ("none".to_owned(), "the body has published no news".to_owned()),
            };
            diags.warning_about(&a.meta_file, 0, "no-recent-news", subject, message);
        }
    }
}

/// A downloadable file named at `line` of `file` (a meta.toml): in the
/// item's own folder, of a format readers can open, not too large.
pub(crate) fn check_file(diags: &mut Diagnostics, file: &Path, line: usize, folder: &Path, name: &String) {
    use crate::files::FileProblem::*;
    match crate::files::read_local(folder, name, &ATTACHMENT_FORMATS, MAX_ATTACHMENT_BYTES) {
        Ok(_) => {}
        Err(Name) => diags.error_about(
            file,
            line,
            "attachment",
            name.clone(),
            "a file is in the item's own folder: write its name only, in Latin letters, digits, '.', '_' and '-'",
        ),
        Err(Format) => diags.error_about(
            file,
            line,
            "attachment-format",
            name.clone(),
            format!("{name:?}: files must be {}", ATTACHMENT_FORMATS.join(", ")),
        ),
        Err(Missing) => diags.error_about(
            file,
            line,
            "attachment",
            name.clone(),
            format!("no file {name:?} in {} (or it is empty, or a link)", folder.display()),
        ),
        Err(TooLarge(bytes)) => diags.error_about(
            file,
            line,
            "attachment-size",
            name.clone(),
            format!("{name:?} is {} MB; at most {} MB", bytes >> 20, MAX_ATTACHMENT_BYTES >> 20),
        ),
        Err(Active(reason)) => diags.error_about(file, line, "attachment-format", name.clone(), reason),
    }
}

/// A checked file of an item, as the API describes it (under `href`), with its bytes.
pub(crate) fn attachment(folder: &Path, name: &str, lang: Lang, href: String) -> Option<(Attachment, Vec<u8>)> {
    let local = crate::files::read_local(folder, name, &ATTACHMENT_FORMATS, MAX_ATTACHMENT_BYTES).ok()?;
    let attachment = Attachment {
        lang,
        href,
        format: local.format,
        bytes: local.bytes.len() as u64,
        sha256: Sha256::digest(&local.bytes).iter().map(|b| format!("{b:02x}")).collect(),
    };
    Some((attachment, local.bytes))
}

/// Every document's files, read once for the build: what the API says of
/// each, and its bytes.
pub(crate) type Attachments = BTreeMap<String, Vec<(Attachment, Vec<u8>)>>;

pub(crate) fn attachments(c: &Content) -> Attachments {
    c.documents
        .iter()
        .map(|d| {
            let folder = d.meta_file.parent().expect("meta.toml is in a folder");
            let files = d
                .meta
                .files
                .iter()
                .filter_map(|entry| {
                    let FileEntry { lang, file } = entry.get_ref();
                    // Checked in `check`; a file that fails it is not published.
                    attachment(folder, file, *lang, format!("{FILES_DIR}documents/{}/{file}", d.slug))
                })
                .collect();
            (d.slug.clone(), files)
        })
        .collect()
}

fn news_card(c: &Content, lang: Lang, n: &News, t: &Text<crate::model::TitledFront>) -> NewsCard {
    NewsCard {
        slug: n.slug.clone(),
        title: t.front.title.clone(),
        summary: t.front.summary.clone(),
        published: n.meta.published.get_ref().0.clone(),
        agency: agency_ref(c, lang, n.meta.agency.get_ref()).expect("checked"),
        region: n.meta.region.as_ref().and_then(|r| region_ref(c, lang, r.get_ref())),
        category: n.meta.category.as_ref().map(|k| *k.get_ref()),
    }
}

/// A document in a list. Documents are listed in every language: where one
/// has no version in `lang`, its title is given in a language it has.
fn document_card(c: &Content, lang: Lang, d: &Document) -> DocumentCard {
    let (title_lang, text) = match d.texts.get(&lang) {
        Some(t) => (None, t),
        None => {
            let (l, t) = d.texts.iter().next().expect("an item has a language");
            (Some(*l), t)
        }
    };
    DocumentCard {
        slug: d.slug.clone(),
        title: text.front.title.clone(),
        title_lang,
        doc_type: d.meta.doc_type,
        number: d.meta.number.clone().filter(|n| !n.trim().is_empty()),
        adopted: d.meta.adopted.get_ref().0.clone(),
        validity: d.meta.status,
        agency: agency_ref(c, lang, d.meta.agency.get_ref()).expect("checked"),
    }
}

/// The card of document `slug`, if there is one.
pub(crate) fn card_of_document(c: &Content, lang: Lang, slug: &str) -> Option<DocumentCard> {
    crate::by_slug(&c.documents, slug).map(|d| document_card(c, lang, d))
}

/// News in `lang`, newest first.
fn news_cards(c: &Content, lang: Lang, agency: Option<&str>) -> Vec<NewsCard> {
    let news: Box<dyn Iterator<Item = &News>> = match agency {
        Some(a) => Box::new(c.news_of(a)),
        None => Box::new(c.news.iter()),
    };
    let mut cards: Vec<NewsCard> = news
        .filter(|n| n.meta.withdrawn.is_none())
        .filter_map(|n| n.texts.get(&lang).map(|t| news_card(c, lang, n, t)))
        .collect();
    cards.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.slug.cmp(&b.slug)));
    cards
}

/// Documents, newest first.
fn document_cards(c: &Content, lang: Lang, agency: Option<&str>) -> Vec<DocumentCard> {
    let documents: Box<dyn Iterator<Item = &Document>> = match agency {
        Some(a) => Box::new(c.documents_of(a)),
        None => Box::new(c.documents.iter()),
    };
    let mut cards: Vec<DocumentCard> =
        documents.filter(|d| d.meta.withdrawn.is_none()).map(|d| document_card(c, lang, d)).collect();
    cards.sort_by(|a, b| b.adopted.cmp(&a.adopted).then_with(|| a.slug.cmp(&b.slug)));
    cards
}

/// What a body's own page shows of its news and documents.
pub(crate) fn of_agency(c: &Content, lang: Lang, agency: &str) -> (Vec<NewsCard>, Vec<DocumentCard>) {
    let mut news = news_cards(c, lang, Some(agency));
    news.truncate(AGENCY_NEWS);
    let mut documents = document_cards(c, lang, Some(agency));
    documents.truncate(AGENCY_DOCUMENTS);
    (news, documents)
}

/// References once each, ordered by name.
fn by_name(refs: impl Iterator<Item = Ref>) -> Vec<Ref> {
    let mut refs: Vec<Ref> = refs.collect();
    refs.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.slug.cmp(&b.slug)));
    refs.dedup_by(|a, b| a.slug == b.slug);
    refs
}

/// Counts by period (the first `len` characters of a date), newest first.
pub(crate) fn periods<'a>(dates: impl Iterator<Item = &'a str>, len: usize) -> Vec<PeriodCount> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for date in dates {
        *counts.entry(&date[..len.min(date.len())]).or_default() += 1;
    }
    counts.into_iter().rev().map(|(period, count)| PeriodCount { period: period.to_owned(), count }).collect()
}

/// The news and documents API documents of `lang`.
pub(crate) fn build(c: &Content, lang: Lang, attachments: &Attachments, docs: &mut Docs) {
    let site_file = &c.site.meta_file;
    // News: the latest, the archive by month, each item.
    let all_news = news_cards(c, lang, None);
    let news_doc = NewsDoc {
        latest: all_news.iter().take(LATEST_NEWS).cloned().collect(),
        months: periods(all_news.iter().map(|n| n.published.as_str()), 7),
        agencies: by_name(all_news.iter().map(|n| n.agency.clone())),
        regions: by_name(all_news.iter().filter_map(|n| n.region.clone())),
        feed: news_feed_path(lang),
    };
    // Every month with news in any language has its document in every
    // language, so a link to it never breaks; only months with news in
    // this language are listed, and so proven.
    for month in c.news_months() {
        let doc = NewsMonthDoc {
            month: month.to_owned(),
            items: all_news.iter().filter(|n| n.published.starts_with(month)).cloned().collect(),
        };
        let links = (!doc.items.is_empty()).then(|| nav::news_month_links(&doc));
        docs.emit(lang, Route::NewsMonth(month.to_owned()), json(&doc), links, site_file);
    }
    docs.emit(lang, Route::News, json(&news_doc), Some(nav::news_links(&news_doc)), site_file);
    for n in &c.news {
        let route = Route::NewsItem(n.slug.clone());
        let Some(t) = n.texts.get(&lang) else {
            docs.emit(
                lang,
                route,
                json(&NewsItemItem::Unavailable(crate::unavailable(n, |f| &f.title))),
                None,
                &n.meta_file,
            );
            continue;
        };
        let card = news_card(c, lang, n, t);
        let doc = NewsItemDoc {
            slug: card.slug,
            title: card.title,
            summary: card.summary,
            published: card.published,
            category: card.category,
            source: n.meta.source.as_ref().map(|s| crate::profile::fact_source(s.get_ref())),
            updated: crate::docs::day(&n.meta.updated),
            agency: card.agency,
            region: card.region,
            body: t.body.blocks.clone(),
            languages: n.languages(),
            feed: feed_path(lang, n.meta.agency.get_ref()),
            withdrawn: crate::docs::withdrawn(&n.meta, lang),
        };
        // Withdrawn, it is in no list: the proof leaves it out.
        let links = doc.withdrawn.is_none().then(|| nav::news_item_links(&doc));
        docs.emit(lang, route, json(&NewsItemItem::Available(doc)), links, &n.meta_file);
    }

    // Documents: the register by type and year, each document.
    let all_documents = document_cards(c, lang, None);
    let mut types = vec![];
    for doc_type in DocumentType::ALL {
        let of_type: Vec<&DocumentCard> = all_documents.iter().filter(|d| d.doc_type == doc_type).collect();
        let years = periods(of_type.iter().map(|d| d.adopted.as_str()), 4);
        let doc = DocumentTypeDoc {
            doc_type,
            years: years
                .iter()
                .map(|y| DocumentYear {
                    year: y.period.clone(),
                    documents: of_type
                        .iter()
                        .filter(|d| d.adopted.starts_with(&y.period))
                        .map(|d| (*d).clone())
                        .collect(),
                })
                .collect(),
        };
        // Every type has its document, so a link to an empty one still
        // works; only types with documents are listed, and so proven.
        let links = (!of_type.is_empty()).then(|| nav::document_type_links(&doc));
        docs.emit(lang, Route::DocumentType(doc_type.code().to_owned()), json(&doc), links, site_file);
        if !of_type.is_empty() {
            types.push(TypeCount { doc_type, count: of_type.len() as u32, years });
        }
    }
    let register = DocumentsDoc {
        types,
        latest: all_documents.iter().take(LATEST_DOCUMENTS).cloned().collect(),
        agencies: by_name(all_documents.iter().map(|d| d.agency.clone())),
    };
    docs.emit(lang, Route::Documents, json(&register), Some(nav::documents_links(&register)), site_file);
    for d in &c.documents {
        let route = Route::Document(d.slug.clone());
        let Some(t) = d.texts.get(&lang) else {
            docs.emit(
                lang,
                route,
                json(&DocumentItem::Unavailable(crate::unavailable(d, |f| &f.title))),
                None,
                &d.meta_file,
            );
            continue;
        };
        // The page carries what its card in a list says, and more.
        let card = document_card(c, lang, d);
        let doc = DocumentDoc {
            slug: card.slug,
            doc_type: card.doc_type,
            title: card.title,
            summary: t.front.summary.clone(),
            number: card.number,
            adopted: card.adopted,
            validity: card.validity,
            signed_by: t.front.signed_by.iter().filter(|s| !s.trim().is_empty()).cloned().collect(),
            agency: card.agency,
            text: d.meta.text,
            body: t.body.blocks.clone(),
            files: attachments
                .get(&d.slug)
                .map(|files| files.iter().map(|(a, _)| a.clone()).collect())
                .unwrap_or_default(),
            related: d
                .meta
                .related
                .iter()
                .filter_map(|r| by_slug(&c.documents, r.get_ref()))
                .filter(|r| r.meta.withdrawn.is_none())
                .map(|r| document_card(c, lang, r))
                .collect(),
            languages: d.languages(),
            posted: crate::docs::day(&d.meta.posted),
            updated: crate::docs::day(&d.meta.updated),
            withdrawn: crate::docs::withdrawn(&d.meta, lang),
        };
        let links = doc.withdrawn.is_none().then(|| nav::document_links(&doc));
        docs.emit(lang, route, json(&DocumentItem::Available(doc)), links, &d.meta_file);
    }
}

/// Escapes text for XML content and attribute values.
fn xml(text: &str) -> String {
    // XML 1.0 allows no control character but tab and line breaks.
    let text: String = text.chars().filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect();
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One Atom entry: a news item or a document, dated at midnight UTC.
struct Entry {
    route: Route,
    title: String,
    summary: String,
    date: String,
    category: &'static str,
}

/// An Atom feed (RFC 4287) with the elements the format requires: the
/// feed's id, title and updated, an author, and each entry's id, title,
/// updated and link.
fn atom(
    options: &Options,
    lang: Lang,
    self_path: &str,
    alternate: &Route,
    title: &str,
    author: &str,
    entries: &[Entry],
) -> Vec<u8> {
    let site = options.site_url.trim_end_matches('/');
    let updated = entries.iter().map(|e| e.date.as_str()).max().unwrap_or(options.today.as_str());
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", lang.code()));
    out.push_str(&format!("  <id>{site}/api/v{API_VERSION}/{self_path}</id>\n"));
    out.push_str(&format!("  <title>{}</title>\n", xml(title)));
    out.push_str(&format!("  <updated>{updated}T00:00:00Z</updated>\n"));
    out.push_str(&format!("  <author><name>{}</name></author>\n", xml(author)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{site}/api/v{API_VERSION}/{self_path}\"/>\n"
    ));
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{site}{}\"/>\n", alternate.href(lang)));
    for e in entries {
        let url = format!("{site}{}", e.route.href(lang));
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{url}</id>\n"));
        out.push_str(&format!("    <title>{}</title>\n", xml(&e.title)));
        out.push_str(&format!("    <updated>{}T00:00:00Z</updated>\n", e.date));
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n"));
        out.push_str(&format!("    <category term=\"{}\"/>\n", e.category));
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&e.summary)));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// The feeds of every language: all news, and each body's news and
/// documents, newest first. Paths are relative to the API base.
pub(crate) fn feeds(c: &Content, options: &Options) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![];
    for lang in Lang::ALL {
        let site_name = c.site.texts.get(&lang).map(|t| t.front.name.clone()).unwrap_or_default();
        let news_entry = |n: &NewsCard| Entry {
            route: Route::NewsItem(n.slug.clone()),
            title: n.title.clone(),
            summary: n.summary.clone(),
            date: n.published.clone(),
            category: "news",
        };
        let all: Vec<Entry> = news_cards(c, lang, None).iter().take(FEED_ENTRIES).map(news_entry).collect();
        let path = news_feed_path(lang);
        out.push((path.clone(), atom(options, lang, &path, &Route::News, &site_name, &site_name, &all)));
        for a in &c.agencies {
            // Every body has its feed in every language, named as its page names it.
            let Some(name) = a.text_or_any(lang).map(|t| t.front.name.clone()) else { continue };
            let mut entries: Vec<Entry> = news_cards(c, lang, Some(&a.slug)).iter().map(news_entry).collect();
            entries.extend(
                c.documents_of(&a.slug)
                    .filter(|d| d.meta.withdrawn.is_none())
                    .filter_map(|d| d.texts.get(&lang).map(|t| (d, t)))
                    .map(|(d, t)| Entry {
                        route: Route::Document(d.slug.clone()),
                        title: t.front.title.clone(),
                        summary: t.front.summary.clone(),
                        date: d.meta.adopted.get_ref().0.clone(),
                        category: "document",
                    }),
            );
            entries.sort_by(|x, y| y.date.cmp(&x.date));
            entries.truncate(FEED_ENTRIES);
            let path = feed_path(lang, &a.slug);
            out.push((
                path.clone(),
                atom(options, lang, &path, &Route::Agency(a.slug.clone()), &name, &name, &entries),
            ));
        }
    }
    out
}
