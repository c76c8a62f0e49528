//! Every rule over the content as a whole: references between items, dates,
//! links in every text, what each kind must fill in, translations. Each
//! finding names its file, line and rule.

use super::*;
use crate::source::Date;
use toml::Spanned;

/// Cross-item rules: references, links, dates, required text.
pub(crate) fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    let Known { topics, pages, agencies, regions, documents, .. } = &c.known;
    let months = c.news_months();
    let exists = |route: &Route| c.exists(route, &months);
    // A reference to an item scheduled for a later day says so.
    let scheduled = |slug: &str| {
        [Route::Page(slug.into()), Route::NewsItem(slug.into()), Route::Document(slug.into())]
            .iter()
            .find_map(|r| c.scheduled.get(r))
            .map(|day| format!(" before {day}, the day it is scheduled for (publish_at)"))
            .unwrap_or_default()
    };
    let mut reference = |file: &Path, line: usize, what: &str, slug: &str, known: bool| {
        if !known {
            let when = scheduled(slug);
            diags.error(file, line, "reference", format!("no {what} with the slug {slug:?} exists in content/{when}"));
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
    for j in &c.journeys {
        for page in j.meta.step.iter().flat_map(|s| &s.get_ref().pages) {
            reference(&j.meta_file, j.meta_line(page), "page", page.get_ref(), pages.contains(page.get_ref()));
        }
    }
    for d in &c.drafts {
        let agency = &d.meta.agency;
        reference(
            &d.meta_file,
            d.meta_line(agency),
            "state body",
            agency.get_ref(),
            agencies.contains(agency.get_ref()),
        );
        if let Some(adopted) = &d.meta.adopted {
            let known = documents.contains(adopted.get_ref());
            reference(&d.meta_file, d.meta_line(adopted), "document", adopted.get_ref(), known);
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
        if updated.0.as_str() > p.meta.latest_day(&options.today) {
            diags.error(
                &p.meta_file,
                p.meta_line(&p.meta.updated),
                "date",
                format!("updated {} is in the future", updated.0),
            );
        }
    }
    // When each item was posted and last updated (Law 401-V, Article 16.3).
    // A page's `updated` and a news item's `published` are checked above and
    // in publications.rs.
    let today = &options.today;
    for p in &c.pages {
        not_future(diags, p, p.meta.latest_day(today), "posted", p.meta.posted.as_ref());
        in_order(diags, p, ("posted", p.meta.posted.as_ref()), ("updated", Some(&p.meta.updated)));
    }
    for a in &c.agencies {
        not_future(diags, a, today, "posted", a.meta.posted.as_ref());
        not_future(diags, a, today, "updated", a.meta.updated.as_ref());
        in_order(diags, a, ("posted", a.meta.posted.as_ref()), ("updated", a.meta.updated.as_ref()));
    }
    for n in &c.news {
        not_future(diags, n, n.meta.latest_day(today), "updated", n.meta.updated.as_ref());
        in_order(diags, n, ("published", Some(&n.meta.published)), ("updated", n.meta.updated.as_ref()));
    }
    for d in &c.drafts {
        not_future(diags, d, today, "posted", d.meta.posted.as_ref());
        not_future(diags, d, today, "updated", d.meta.updated.as_ref());
        in_order(diags, d, ("posted", d.meta.posted.as_ref()), ("updated", d.meta.updated.as_ref()));
    }
    withdrawals(diags, &c.pages, today);
    withdrawals(diags, &c.news, today);
    withdrawals(diags, &c.documents, today);
    for d in &c.documents {
        not_future(diags, d, d.meta.latest_day(today), "posted", d.meta.posted.as_ref());
        not_future(diags, d, d.meta.latest_day(today), "updated", d.meta.updated.as_ref());
        in_order(diags, d, ("posted", d.meta.posted.as_ref()), ("updated", d.meta.updated.as_ref()));
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
                    match c.scheduled.get(route) {
                        Some(day) => format!(
                            "link to {}: it is scheduled for {day} (publish_at); link to it from that day",
                            route.neutral_path()
                        ),
                        None => format!("link to {}: no such item in content/", route.neutral_path()),
                    },
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
    // A former body's page is a record: it is not asked for contacts.
    for a in c.agencies.iter().filter(|a| a.meta.reorganised.is_none()) {
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
    crate::profile::check(c, options, diags);
    crate::reorganisation::check(c, options, diags);
    crate::deadline::check(c, options, diags);
    crate::life::check(c, options, diags);
    crate::drafts::check(c, options, diags);
}

/// The date a year before `date` (`YYYY-MM-DD`), as text that compares in order.
pub(crate) fn a_year_before(date: &str) -> String {
    date::Date::parse(date).map_or_else(|| date.to_owned(), |d| d.a_year_before().to_string())
}

fn not_future<M, F>(
    diags: &mut Diagnostics,
    item: &crate::source::Source<M, F>,
    today: &str,
    name: &str,
    date: Option<&Spanned<Date>>,
) {
    if let Some(d) = date.filter(|d| d.get_ref().0.as_str() > today) {
        diags.error(&item.meta_file, item.meta_line(d), "date", format!("{name} {} is in the future", d.get_ref().0));
    }
}

/// The first date is not after the second.
fn in_order<M, F>(
    diags: &mut Diagnostics,
    item: &crate::source::Source<M, F>,
    (first, a): (&str, Option<&Spanned<Date>>),
    (second, b): (&str, Option<&Spanned<Date>>),
) {
    if let (Some(a), Some(b)) = (a, b) {
        if a.get_ref() > b.get_ref() {
            let message = format!("{first} {} is after {second} {}", a.get_ref().0, b.get_ref().0);
            diags.error(&item.meta_file, item.meta_line(a), "date", message);
        }
    }
}

/// A withdrawal gives its day (not a future one) and its reason in every
/// language the item has: readers of each see why.
fn withdrawals<M: Lifecycle, F>(diags: &mut Diagnostics, items: &[Source<M, F>], today: &str) {
    for item in items {
        let Some(w) = item.meta.withdrawn() else { continue };
        let line = item.meta_line(w);
        if w.get_ref().date.0.as_str() > today {
            diags.error(&item.meta_file, line, "date", format!("withdrawn on {}, after today", w.get_ref().date.0));
        }
        for lang in item.languages() {
            if w.get_ref().reason.get(&lang).is_none_or(|r| r.trim().is_empty()) {
                diags.error(
                    &item.meta_file,
                    line,
                    "withdrawn",
                    format!("the reason it was withdrawn is missing in {}: give `reason.{}`", lang.code(), lang.code()),
                );
            }
        }
    }
}
