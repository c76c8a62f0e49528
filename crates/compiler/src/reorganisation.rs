//! Bodies that were merged, renamed, split or abolished. A former body
//! keeps its page as the record of what it was and what it issued (its news
//! and documents stay under its name); the directory and search put today's
//! bodies first, and the bodies that took its work on name it as a
//! predecessor. Services do not stay with a former body: the compiler asks
//! for the body now responsible, since after a split only an editor knows.

use crate::diagnostic::Diagnostics;
use crate::{agency_ref, by_slug, Agency, Content, Options};
use portal_content::{FormerAgency, Lang, Predecessor, Reorganisation, ReorganisationKind};
use std::collections::BTreeSet;

/// How `a` was reorganised and the slugs of the bodies that took its work
/// on, when it was and its entry says one way.
pub(crate) fn of(a: &Agency) -> Option<(ReorganisationKind, &str, Vec<&str>)> {
    let r = a.meta.reorganised.as_ref()?.get_ref();
    let (kind, to) = r.kind().ok()?;
    Some((kind, r.date.0.as_str(), to.into_iter().map(|s| s.get_ref().as_str()).collect()))
}

/// The notice a former body's page carries.
pub(crate) fn notice(c: &Content, lang: Lang, a: &Agency) -> Option<Reorganisation> {
    let (kind, date, to) = of(a)?;
    let successors = to.into_iter().filter_map(|s| agency_ref(c, lang, s)).collect();
    Some(Reorganisation { kind, date: date.to_owned(), successors })
}

/// The former bodies whose work `slug` took on, newest first.
pub(crate) fn predecessors(c: &Content, lang: Lang, slug: &str) -> Vec<Predecessor> {
    let mut found: Vec<Predecessor> = c
        .predecessors_of(slug)
        .filter_map(|a| {
            let (kind, date, _) = of(a)?;
            Some(Predecessor { body: agency_ref(c, lang, &a.slug)?, kind, date: date.to_owned() })
        })
        .collect();
    found.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.body.name.cmp(&b.body.name)));
    found
}

/// Every former body with a text in `lang`, the latest change first.
pub(crate) fn former(c: &Content, lang: Lang) -> Vec<FormerAgency> {
    let mut found: Vec<FormerAgency> = c
        .agencies
        .iter()
        .filter_map(|a| {
            Some(FormerAgency {
                slug: a.slug.clone(),
                name: a.texts.get(&lang)?.front.name.clone(),
                reorganised: notice(c, lang, a)?,
            })
        })
        .collect();
    found.sort_by(|a, b| b.reorganised.date.cmp(&a.reorganised.date).then_with(|| a.name.cmp(&b.name)));
    found
}

fn describe(kind: ReorganisationKind) -> &'static str {
    match kind {
        ReorganisationKind::MergedInto => "merged into",
        ReorganisationKind::RenamedTo => "renamed to",
        ReorganisationKind::SplitInto => "split into",
        ReorganisationKind::Abolished => "abolished",
    }
}

/// Each entry says one way, names bodies that exist, has its source and a
/// day not after today; no body leads back to itself; no service and no
/// body below stays with a former body.
pub(crate) fn check(c: &Content, options: &Options, diags: &mut Diagnostics) {
    for a in &c.agencies {
        let Some(spanned) = &a.meta.reorganised else { continue };
        let (r, file, line) = (spanned.get_ref(), a.meta_file.as_path(), a.meta_line(spanned));
        crate::profile::check_source(diags, file, line, "a reorganisation", r.source.as_ref(), &options.today);
        if r.date.0 > options.today {
            let message =
                format!("the reorganisation's date {} is after today: record it once its act is signed", r.date.0);
            diags.error(file, line, "reorganisation", message);
        }
        let (kind, to) = match r.kind() {
            Ok(way) => way,
            Err(message) => {
                diags.error(file, line, "reorganisation", message);
                continue;
            }
        };
        if kind == ReorganisationKind::SplitInto && to.len() < 2 {
            let message =
                "split_into names at least two bodies; a body that goes on under one is renamed_to or merged_into";
            diags.error(file, line, "reorganisation", message);
        }
        for s in to {
            let (slug, at) = (s.get_ref(), a.meta_line(s));
            if slug == &a.slug {
                diags.error(file, at, "reorganisation", format!("{slug} cannot take on its own work"));
            } else if !c.known.agencies.contains(slug) {
                diags.error(file, at, "reference", format!("no state body with the slug {slug:?} exists in content/"));
            }
        }
        if leads_back(c, &a.slug) {
            let message =
                format!("following who took on {}'s work leads back to it: one of these entries is wrong", a.slug);
            diags.error(file, line, "reorganisation-loop", message);
        }
    }

    let former = |slug: &str| by_slug(&c.agencies, slug).and_then(of);
    let moved = |slug: &str| {
        let (kind, date, to) = former(slug)?;
        let into = if to.is_empty() { String::new() } else { format!(" {}", to.join(", ")) };
        Some(format!("{slug} was {}{into} on {date}", describe(kind)))
    };
    for p in &c.pages {
        if let Some(what) = moved(p.meta.agency.get_ref()) {
            let message = format!("{what}: a service moves on with the work; name the body now responsible");
            diags.error(&p.meta_file, p.meta_line(&p.meta.agency), "former-body", message);
        }
    }
    for a in c.agencies.iter().filter(|a| a.meta.reorganised.is_none()) {
        let Some(parent) = &a.meta.parent else { continue };
        if let Some(what) = moved(parent.get_ref()) {
            let message = format!("{what}: name the body this one now answers to");
            diags.error(&a.meta_file, a.meta_line(parent), "former-body", message);
        }
    }
}

/// Whether following the bodies that took on `start`'s work, and theirs
/// in turn, comes back to `start`.
fn leads_back(c: &Content, start: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut next: Vec<&str> = by_slug(&c.agencies, start).and_then(of).map(|(_, _, to)| to).unwrap_or_default();
    while let Some(slug) = next.pop() {
        if slug == start {
            return true;
        }
        if seen.insert(slug) {
            next.extend(by_slug(&c.agencies, slug).and_then(of).map(|(_, _, to)| to).unwrap_or_default());
        }
    }
    false
}
