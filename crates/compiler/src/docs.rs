//! The API documents of one language, built from the checked content.

use super::*;

/// The API documents of one language, by path relative to `api/v1/`.
pub(crate) struct Docs {
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// Links each route's page shows, from the navigation model.
    pub(crate) links: BTreeMap<Route, Vec<Route>>,
    /// Routes that exist in this language.
    pub(crate) available: Vec<(Route, PathBuf)>,
}

impl Docs {
    /// Adds a document; `links` (the links its page shows) only for a page
    /// that exists in this language, which the three-click proof then covers.
    pub(crate) fn emit(&mut self, lang: Lang, route: Route, bytes: Vec<u8>, links: Option<Vec<Route>>, file: &Path) {
        if let Some(links) = links {
            self.links.insert(route.clone(), links);
            self.available.push((route.clone(), file.to_path_buf()));
        }
        self.files.push((route.api_path(lang), bytes));
    }
}

pub(crate) fn json<T: serde::Serialize>(doc: &T) -> Vec<u8> {
    serde_json::to_vec(doc).expect("API documents always serialize")
}

pub(crate) fn card(slug: &str, title: &str, summary: &str) -> Card {
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

/// The notice of an item its body withdrew, the reason in `lang` (or in
/// any language it was given in).
pub(crate) fn withdrawn(meta: &impl Lifecycle, lang: Lang) -> Option<Withdrawn> {
    let w = meta.withdrawn()?.get_ref();
    let reason = w.reason.get(&lang).or_else(|| w.reason.values().next()).cloned().unwrap_or_default();
    Some(Withdrawn { date: w.date.0.clone(), reason })
}

/// Sorts cards by title, case-insensitively.
pub(crate) fn by_title(mut cards: Vec<Card>) -> Vec<Card> {
    cards.sort_by_key(|c| c.title.to_lowercase());
    cards
}

pub(crate) fn build_docs(c: &Content, lang: Lang, options: &Options) -> Docs {
    let mut docs = Docs { files: vec![], links: BTreeMap::new(), available: vec![] };
    let agency_ref = |slug: &str| agency_ref(c, lang, slug);
    let region_ref = |slug: &str| region_ref(c, lang, slug);
    let mut journey_parts = crate::life::parts(c, lang);
    let page_cards = |pages: &mut dyn Iterator<Item = &Page>| {
        by_title(
            pages
                .filter(|p| p.meta.withdrawn.is_none())
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
        journeys: crate::life::cards(c, lang),
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
            pages: page_cards(&mut c.pages.iter().filter(|p| p.meta.topic.get_ref() == &t.slug)),
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
            posted: day(&p.meta.posted),
            updated: p.meta.updated.get_ref().0.clone(),
            review_by: p.meta.review_by.get_ref().0.clone(),
            body: text.body.blocks.clone(),
            related: p
                .meta
                .related
                .iter()
                .filter_map(|r| by_slug(&c.pages, r.get_ref()))
                .filter(|q| q.meta.withdrawn.is_none())
                .filter_map(|q| q.texts.get(&lang).map(|t| card(&q.slug, &t.front.title, &t.front.summary)))
                .collect(),
            languages: p.languages(),
            journeys: journey_parts.remove(p.slug.as_str()).unwrap_or_default(),
            withdrawn: withdrawn(&p.meta, lang),
        };
        // A withdrawn page is linked from no list: the proof leaves it out.
        let links = doc.withdrawn.is_none().then(|| nav::page_links(&doc));
        docs.emit(lang, route, json(&Item::Available(doc)), links, &p.meta_file);
    }

    // The directory of state bodies.
    let mut groups: BTreeMap<AgencyKind, Vec<AgencyCard>> = BTreeMap::new();
    for a in c.agencies.iter().filter(|a| a.meta.reorganised.is_none()) {
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
        former: crate::reorganisation::former(c, lang),
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
        let mut children: Vec<Ref> = c.children_of(&a.slug).filter_map(|b| agency_ref(&b.slug)).collect();
        children.sort_by_key(|r| r.name.to_lowercase());
        let (news, documents) = publications::of_agency(c, lang, &a.slug);
        let profile = crate::profile::of(c, a, lang);
        let (drafts, drafts_archived) = crate::drafts::current(
            &crate::drafts::cards(c, lang, options, Some(&a.slug)),
            crate::drafts::LATEST_ENDED_ON_BODY_PAGE,
        );
        let doc = AgencyDoc {
            slug: a.slug.clone(),
            name: text.front.name.clone(),
            short_name: text.front.short_name.clone(),
            kind: a.meta.kind,
            summary: text.front.summary.clone(),
            reorganised: crate::reorganisation::notice(c, lang, a),
            predecessors: crate::reorganisation::predecessors(c, lang, &a.slug),
            body: text.body.blocks.clone(),
            contacts: Contacts {
                address: text.front.address.clone(),
                phone: a.meta.phone.clone(),
                email: a.meta.email.clone(),
                website: a.meta.website.clone(),
                press_phone: a.meta.press_phone.clone(),
                reception_phone: a.meta.reception_phone.clone(),
                hours: profile.hours,
                source: profile.contacts_source,
            },
            parent: a.meta.parent.as_ref().and_then(|p| agency_ref(p.get_ref())),
            children,
            region: a.meta.region.as_ref().and_then(|r| region_ref(r.get_ref())),
            pages: page_cards(&mut c.pages_of(&a.slug)),
            news,
            documents,
            feed: feed_path(lang, &a.slug),
            leaders: profile.leaders,
            departments: profile.departments,
            reception: profile.reception,
            regulation: profile.regulation,
            drafts,
            drafts_archived: drafts_archived as u32,
            appointments: c
                .news_of(&a.slug)
                .filter(|n| n.meta.category.is_some() && n.texts.contains_key(&lang))
                .count() as u32,
            posted: day(&a.meta.posted),
            updated: day(&a.meta.updated),
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

/// An optional date of the metadata as the API writes it.
pub(crate) fn day(date: &Option<toml::Spanned<crate::source::Date>>) -> Option<String> {
    date.as_ref().map(|d| d.get_ref().0.clone())
}
