use crate::api::ApiClient;
use crate::app::use_lang;
use crate::components::filters::{Filter, FilterForm, WORDS};
use crate::components::search_results::Results;
use crate::components::{loaded, Breadcrumbs, CardList, PageHeading, Placement};
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use crate::search::{filter_options, search, Found, Query};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use portal_content::search::*;
use portal_content::{Lang, Route, SiteDoc};
use std::collections::BTreeMap;

/// Results shown at once; the count says how many there are in all.
const SHOWN: u32 = 50;

/// The filters a reader can set, by URL parameter (the index's filter name).
const FILTERS: [&str; 4] = [FILTER_TOPIC, FILTER_BODY, FILTER_REGION, FILTER_KIND];

/// The URL parameter of the order.
const ORDER: &str = "sort";

/// `/{lang}/search?q=…&topic=…&body=…&region=…&kind=…&sort=date`: results in
/// the page's language, filters, order, and a helpful page when nothing is found.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        Query {
            words: p.get(WORDS).unwrap_or_default(),
            filters: FILTERS
                .iter()
                .filter_map(|&f| p.get(f).filter(|v| !v.is_empty()).map(|v| (f.to_owned(), v)))
                .collect(),
            newest_first: p.get(ORDER).as_deref() == Some(SORT_DATE),
        }
    });
    let client = expect_context::<ApiClient>();
    let options = {
        let client = client.clone();
        LocalResource::new(move || {
            let (client, lang) = (client.clone(), lang.get());
            async move { filter_options(&client, lang).await.unwrap_or_default() }
        })
    };
    let form = move || {
        let (lang, query) = (lang.get(), query.get());
        let filters = search_filters(&options.get().unwrap_or_default(), lang);
        let mut chosen = query.filters.clone();
        if query.newest_first {
            chosen.insert(ORDER.to_owned(), SORT_DATE.to_owned());
        }
        let action = crate::routes::search_url(lang);
        view! { <FilterForm id="search" filters chosen words=query.words action /> }
    };
    // A new query or language is a new search; the one before it is dropped.
    let results = move || {
        let (lang, query) = (lang.get(), query.get());
        if query.words.trim().is_empty() && query.filters.is_empty() {
            return view! { <p>{td!(locale_of(lang), search_prompt)}</p> }.into_any();
        }
        let (client, words) = (client.clone(), query.words.clone());
        let load = move |_| {
            let (client, query) = (client.clone(), query.clone());
            async move { search(&client, lang, &query, SHOWN).await }
        };
        let show = move |found: Found| {
            let words = words.clone();
            if found.total == 0 {
                view! { <NoResults lang words /> }.into_any()
            } else {
                view! { <Results lang found words /> }.into_any()
            }
        };
        let failed = Placement::Part { title: td_string!(locale_of(lang), search_failed_title).to_string() };
        loaded(failed, || None, load, show).into_any()
    };
    view! {
        <Breadcrumbs lang=lang.get_untracked() trail=vec![] />
        <PageHeading text=td_string!(locale_of(lang.get_untracked()), search_title).to_string() />
        {form}
        <div class="search-results">{results}</div>
    }
}

/// The filters of the search page, with the values the index holds in the
/// page's language, and the order.
fn search_filters(options: &BTreeMap<String, BTreeMap<String, u32>>, lang: Lang) -> Vec<Filter> {
    let values_of = |name: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> =
            options.get(name).map(|m| m.keys().map(|k| (k.clone(), k.clone())).collect()).unwrap_or_default();
        v.sort_by_key(|(_, text)| text.to_lowercase());
        v
    };
    let kinds = KINDS.iter().map(|k| (k.to_string(), kind_label(k, lang))).collect();
    vec![
        Filter::new(
            FILTER_TOPIC,
            td_string!(locale_of(lang), search_filter_topic).to_string(),
            values_of(FILTER_TOPIC),
            lang,
        ),
        Filter::new(
            FILTER_BODY,
            td_string!(locale_of(lang), search_filter_body).to_string(),
            values_of(FILTER_BODY),
            lang,
        ),
        Filter::new(
            FILTER_REGION,
            td_string!(locale_of(lang), search_filter_region).to_string(),
            values_of(FILTER_REGION),
            lang,
        ),
        Filter::new(FILTER_KIND, td_string!(locale_of(lang), search_filter_kind).to_string(), kinds, lang),
        Filter {
            name: ORDER,
            label: td_string!(locale_of(lang), search_sort).to_string(),
            unset: td_string!(locale_of(lang), search_sort_relevance).to_string(),
            choices: vec![(SORT_DATE.to_owned(), td_string!(locale_of(lang), search_sort_date).to_string())],
        },
    ]
}

/// What an index kind is called in the page's language.
fn kind_label(kind: &str, lang: Lang) -> String {
    match kind {
        KIND_SERVICE => td_string!(locale_of(lang), search_kind_service).to_string(),
        KIND_GUIDE => td_string!(locale_of(lang), search_kind_guide).to_string(),
        KIND_JOURNEY => td_string!(locale_of(lang), search_kind_journey).to_string(),
        KIND_DRAFT => td_string!(locale_of(lang), search_kind_draft).to_string(),
        KIND_BODY => td_string!(locale_of(lang), search_kind_body).to_string(),
        KIND_TOPIC => td_string!(locale_of(lang), search_kind_topic).to_string(),
        KIND_REGION => td_string!(locale_of(lang), search_kind_region).to_string(),
        KIND_NEWS => td_string!(locale_of(lang), search_kind_news).to_string(),
        KIND_DOCUMENT => td_string!(locale_of(lang), search_kind_document).to_string(),
        other => other.to_owned(),
    }
}

/// Nothing found: say so, suggest what to try, and offer the topics and
/// the directory, so the reader is never left with an empty list.
#[component]
fn NoResults(lang: Lang, words: String) -> impl IntoView {
    let announcer = expect_context::<crate::components::Announcer>();
    let title = if words.trim().is_empty() {
        td_string!(locale_of(lang), search_none_filtered).to_string()
    } else {
        td_string!(locale_of(lang), search_none, words = words.trim().to_owned()).to_string()
    };
    announcer.say(title.clone());
    view! {
        <div class="no-results">
            <p class="search-count">{title}</p>
            <ul class="list list-bullet">
                <li>{td!(locale_of(lang), search_tip_spelling)}</li>
                <li>{td!(locale_of(lang), search_tip_fewer)}</li>
                <li>{td!(locale_of(lang), search_tip_filters)}</li>
            </ul>
            <h2>{td!(locale_of(lang), topics_heading)}</h2>
            {crate::components::fetched(
                Route::Home,
                lang,
                move |site: SiteDoc| {
                    let topics = site.topics.into_iter().map(|t| (Route::Topic(t.slug.clone()), t)).collect();
                    view! { <CardList lang cards=topics /> }
                },
            )}
            <p>
                <a href=Route::Agencies.url(lang)>{td!(locale_of(lang), directory_link_text)}</a>
            </p>
        </div>
    }
}
