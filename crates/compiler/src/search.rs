//! The search index: one record per page, state body, news item, document,
//! topic and region in each language, written with pagefind into `api/v1/search/` beside the
//! documents it indexes. Pagefind stems Russian and English; Kazakh has no
//! stemmer, so each record also carries its words folded (қ→к, ә→а …) as a
//! searchable meta field, and the app folds what the reader types.

use crate::{by_slug, Content};
use portal_content::search::*;
use portal_content::{blocks_text, fold, Lang, Route, API_VERSION};
use std::collections::{BTreeMap, BTreeSet};

struct Record {
    route: Route,
    lang: Lang,
    title: String,
    /// The title's language when it is not `lang`.
    title_lang: Option<Lang>,
    text: String,
    body: Option<String>,
    date: Option<String>,
    filters: BTreeMap<&'static str, Vec<String>>,
}

/// The folded forms of the words of `text` that folding changes, once each.
fn folded_words(text: &str) -> String {
    let words: BTreeSet<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            let f = fold(w);
            (f != w.to_lowercase()).then_some(f)
        })
        .collect();
    words.into_iter().collect::<Vec<_>>().join(" ")
}

fn records(c: &Content) -> Vec<Record> {
    let mut out = vec![];
    let region_name = |slug: &str, lang| crate::region_ref(c, lang, slug).map(|r| r.name);
    let body_name = |slug: &str, lang| crate::agency_ref(c, lang, slug).map(|r| r.name);
    for lang in Lang::ALL {
        for p in &c.pages {
            let Some(t) = p.texts.get(&lang) else { continue };
            let agency = by_slug(&c.agencies, p.meta.agency.get_ref());
            let body = agency.and_then(|a| a.text_or_any(lang)).map(|a| a.front.name.clone());
            let topic = by_slug(&c.topics, p.meta.topic.get_ref())
                .and_then(|t| t.text_or_any(lang))
                .map(|t| t.front.title.clone());
            let region = agency.and_then(|a| a.meta.region.as_ref()).and_then(|r| region_name(r.get_ref(), lang));
            let kind = match p.meta.kind {
                portal_content::PageKind::Service => KIND_SERVICE,
                portal_content::PageKind::Guide => KIND_GUIDE,
            };
            out.push(Record {
                route: Route::Page(p.slug.clone()),
                lang,
                title: t.front.title.clone(),
                title_lang: None,
                text: format!(
                    "{}\n{}\n{}",
                    t.front.summary,
                    t.front.cost.clone().unwrap_or_default(),
                    blocks_text(&t.body.blocks)
                ),
                body: body.clone(),
                date: Some(p.meta.updated.get_ref().0.clone()),
                filters: BTreeMap::from([
                    (FILTER_KIND, vec![kind.to_owned()]),
                    (FILTER_TOPIC, topic.into_iter().collect()),
                    (FILTER_BODY, body.into_iter().collect()),
                    (FILTER_REGION, region.into_iter().collect()),
                ]),
            });
        }
        for a in &c.agencies {
            let Some(t) = a.texts.get(&lang) else { continue };
            let region = a.meta.region.as_ref().and_then(|r| region_name(r.get_ref(), lang));
            let short = t.front.short_name.clone().unwrap_or_default();
            out.push(Record {
                route: Route::Agency(a.slug.clone()),
                lang,
                title: t.front.name.clone(),
                title_lang: None,
                text: format!("{short}\n{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
                body: None,
                date: None,
                filters: BTreeMap::from([
                    (FILTER_KIND, vec![KIND_BODY.to_owned()]),
                    (FILTER_BODY, vec![t.front.name.clone()]),
                    (FILTER_REGION, region.into_iter().collect()),
                ]),
            });
        }
        for n in &c.news {
            let Some(t) = n.texts.get(&lang) else { continue };
            let body = body_name(n.meta.agency.get_ref(), lang);
            let region = n.meta.region.as_ref().and_then(|r| region_name(r.get_ref(), lang));
            let date = n.meta.published.get_ref();
            out.push(Record {
                route: Route::NewsItem(n.slug.clone()),
                lang,
                title: t.front.title.clone(),
                title_lang: None,
                text: format!("{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
                body: body.clone(),
                filters: BTreeMap::from([
                    (FILTER_KIND, vec![KIND_NEWS.to_owned()]),
                    (FILTER_BODY, body.into_iter().collect()),
                    (FILTER_REGION, region.into_iter().collect()),
                    (FILTER_PERIOD, vec![date.month().to_owned()]),
                    (FILTER_CATEGORY, n.meta.category.iter().map(|k| k.get_ref().code().to_owned()).collect()),
                ]),
                date: Some(date.0.clone()),
            });
        }
        // Documents are found in every language, as the register lists them:
        // under their own title where they have no version in `lang`.
        for d in &c.documents {
            let Some(t) = d.text_or_any(lang) else { continue };
            let title_lang = (!d.texts.contains_key(&lang)).then(|| d.texts.keys().next().copied()).flatten();
            let body = body_name(d.meta.agency.get_ref(), lang);
            let date = d.meta.adopted.get_ref();
            let number = d.meta.number.clone().unwrap_or_default();
            out.push(Record {
                route: Route::Document(d.slug.clone()),
                lang,
                title: t.front.title.clone(),
                title_lang,
                text: format!("{number}\n{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
                body: body.clone(),
                filters: BTreeMap::from([
                    (FILTER_KIND, vec![KIND_DOCUMENT.to_owned()]),
                    (FILTER_BODY, body.into_iter().collect()),
                    (FILTER_DOCTYPE, vec![d.meta.doc_type.code().to_owned()]),
                    (FILTER_YEAR, vec![date.year().to_owned()]),
                ]),
                date: Some(date.0.clone()),
            });
        }
        for topic in &c.topics {
            let Some(t) = topic.texts.get(&lang) else { continue };
            out.push(Record {
                route: Route::Topic(topic.slug.clone()),
                lang,
                title: t.front.title.clone(),
                title_lang: None,
                text: format!("{}\n{}", t.front.summary, blocks_text(&t.body.blocks)),
                body: None,
                date: None,
                filters: BTreeMap::from([
                    (FILTER_KIND, vec![KIND_TOPIC.to_owned()]),
                    (FILTER_TOPIC, vec![t.front.title.clone()]),
                ]),
            });
        }
        for r in &c.regions {
            let Some(t) = r.texts.get(&lang) else { continue };
            out.push(Record {
                route: Route::Region(r.slug.clone()),
                lang,
                title: t.front.name.clone(),
                title_lang: None,
                text: t.front.summary.clone(),
                body: None,
                date: None,
                filters: BTreeMap::from([
                    (FILTER_KIND, vec![KIND_REGION.to_owned()]),
                    (FILTER_REGION, vec![t.front.name.clone()]),
                ]),
            });
        }
    }
    out
}

/// The index files by path in the output (`api/v1/search/...`).
pub(crate) fn index(c: &Content) -> Result<Vec<(String, Vec<u8>)>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let mut index = pagefind::api::PagefindIndex::new(None).map_err(|e| e.to_string())?;
        for r in records(c) {
            let mut meta = BTreeMap::from([
                (META_TITLE.to_owned(), r.title.clone()),
                (META_DATE.to_owned(), r.date.clone().unwrap_or_default()),
                (META_FOLDED.to_owned(), folded_words(&r.text)),
                (META_FOLDED_TITLE.to_owned(), folded_words(&r.title)),
            ]);
            if let Some(body) = &r.body {
                meta.insert(META_BODY.to_owned(), body.clone());
            }
            if let Some(kind) = r.filters.get(FILTER_KIND).and_then(|k| k.first()) {
                meta.insert(META_KIND.to_owned(), kind.clone());
            }
            if let Some(title_lang) = r.title_lang {
                meta.insert(META_TITLE_LANG.to_owned(), title_lang.code().to_owned());
            }
            let filters =
                r.filters.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.to_owned(), v)).collect();
            let sort = BTreeMap::from([(SORT_DATE.to_owned(), r.date.unwrap_or_else(|| NO_DATE.to_owned()))]);
            index
                .add_custom_record(
                    r.route.href(r.lang),
                    r.text,
                    r.lang.code().to_owned(),
                    Some(meta),
                    Some(filters),
                    Some(sort),
                )
                .await
                .map_err(|e| format!("{}: {e}", r.route.href(r.lang)))?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            // The prebuilt search interfaces are not used: the app renders its own.
            .filter(|f| !f.filename.to_string_lossy().contains("-ui") && !f.filename.starts_with("playground"))
            .map(|f| (format!("api/v{API_VERSION}/{INDEX_DIR}{}", f.filename.to_string_lossy()), f.contents))
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use super::folded_words;

    #[test]
    fn folded_words_are_the_kazakh_words_folding_changes() {
        assert_eq!(folded_words("Жеке куәлік алу, куәлік және паспорт"), "жане куалик");
        assert_eq!(folded_words("Passport"), "");
    }
}
