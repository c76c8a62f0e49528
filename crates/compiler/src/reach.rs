//! How readers reach every page: the proof that each is within three
//! clicks of its home page, and the sitemap.

use super::*;

/// Fails the build for any page of `lang` more than three clicks from home.
pub(crate) fn prove_three_clicks(_c: &Content, docs: &Docs, lang: Lang, diags: &mut Diagnostics, stats: &mut Stats) {
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

pub(crate) fn sitemap_entries(c: &Content, sitemap: &mut output::Sitemap) {
    sitemap.add(&Route::Home, &Lang::ALL, None);
    sitemap.add(&Route::Agencies, &Lang::ALL, None);
    sitemap.add(&Route::Regions, &Lang::ALL, None);
    sitemap.add(&Route::Accessibility, &Lang::ALL, Some(&c.accessibility.meta.updated.0));
    sitemap.add(&Route::Quality, &Lang::ALL, None);
    sitemap.add(&Route::News, &Lang::ALL, None);
    sitemap.add(&Route::Documents, &Lang::ALL, None);
    sitemap.add(&Route::Journeys, &Lang::ALL, None);
    sitemap.add(&Route::Drafts, &Lang::ALL, None);
    for year in crate::drafts::years(c) {
        sitemap.add(&Route::DraftsYear(year.to_owned()), &Lang::ALL, None);
    }
    for d in &c.drafts {
        sitemap.add(
            &Route::Draft(d.slug.clone()),
            &d.languages(),
            d.meta.updated.as_ref().map(|u| u.get_ref().0.as_str()),
        );
    }
    for j in &c.journeys {
        sitemap.add(&Route::Journey(j.slug.clone()), &j.languages(), Some(&j.meta.updated.get_ref().0));
    }
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
