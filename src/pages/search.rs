use crate::api::ApiClient;
use crate::app::use_lang;
use crate::components::search_results::{Results, SearchFailed};
use crate::components::{Breadcrumbs, CardList, PageHeading};
use crate::i18n::*;
use crate::routes::AppUrl;
use crate::search::{filter_options, search, Query};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_content::search::*;
use portal_content::{Lang, Route, SiteDoc};
use std::collections::BTreeMap;

/// Results shown at once; the count says how many there are in all.
const SHOWN: u32 = 50;

/// The filters a reader can set, by URL parameter (the index's filter name).
const FILTERS: [&str; 4] = [FILTER_TOPIC, FILTER_BODY, FILTER_REGION, FILTER_KIND];

/// `/{lang}/search?q=…&topic=…&body=…&region=…&kind=…&sort=date`: results in
/// the page's language, filters, order, and a helpful page when nothing is found.
#[component]
pub fn SearchPage() -> impl IntoView {
    let (lang, i18n) = (use_lang(), use_i18n());
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        Query {
            words: p.get("q").unwrap_or_default(),
            filters: FILTERS
                .iter()
                .filter_map(|&f| p.get(f).filter(|v| !v.is_empty()).map(|v| (f.to_owned(), v)))
                .collect(),
            newest_first: p.get("sort").as_deref() == Some(SORT_DATE),
        }
    });
    let client = expect_context::<ApiClient>();
    let attempt = RwSignal::new(0u32);
    let results = {
        let client = client.clone();
        LocalResource::new(move || {
            attempt.track();
            let (client, query, lang) = (client.clone(), query.get(), lang.get());
            async move {
                if query.words.trim().is_empty() && query.filters.is_empty() {
                    return None;
                }
                Some(search(&client, lang, &query, SHOWN).await)
            }
        })
    };
    let options = LocalResource::new(move || {
        let (client, lang) = (client.clone(), lang.get());
        async move { filter_options(&client, lang).await.unwrap_or_default() }
    });
    view! {
        <Breadcrumbs lang=lang.get_untracked() trail=vec![] />
        <PageHeading text=t_string!(i18n, search_title).to_string() />
        {move || view! { <SearchForm lang=lang.get() query=query.get() options=options.get().unwrap_or_default() /> }}
        <div class="search-results">
            {move || match results.get() {
                None => view! { <crate::components::Loading /> }.into_any(),
                Some(None) => view! { <p>{t!(i18n, search_prompt)}</p> }.into_any(),
                Some(Some(Err(error))) => view! { <SearchFailed error retry=Callback::new(move |()| attempt.update(|n| *n += 1)) /> }.into_any(),
                Some(Some(Ok(found))) if found.total == 0 => view! { <NoResults lang=lang.get_untracked() words=query.get_untracked().words /> }.into_any(),
                Some(Some(Ok(found))) => view! { <Results lang=lang.get_untracked() found words=query.get_untracked().words /> }.into_any(),
            }}
        </div>
    }
}

/// The words, the filters and the order, as a form that changes the URL, so
/// every search can be shared and the back button returns to the last one.
#[component]
fn SearchForm(lang: Lang, query: Query, options: BTreeMap<String, BTreeMap<String, u32>>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = NodeRef::<leptos::html::Form>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form.get() else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let params: Vec<(&str, String)> = std::iter::once("q")
            .chain(FILTERS)
            .chain(["sort"])
            .filter_map(|name| Some((name, data.get(name).as_string()?.trim().to_owned())))
            .filter(|(_, value)| !value.is_empty())
            .collect();
        expect_context::<crate::components::Announcer>().reader_moved();
        let path = crate::routes::search_path(lang, params.iter().map(|(name, value)| (*name, value.as_str())));
        navigate(&path, Default::default());
    };
    let kind_label = move |kind: &str| match kind {
        KIND_SERVICE => t_string!(i18n, search_kind_service).to_string(),
        KIND_GUIDE => t_string!(i18n, search_kind_guide).to_string(),
        KIND_BODY => t_string!(i18n, search_kind_body).to_string(),
        KIND_TOPIC => t_string!(i18n, search_kind_topic).to_string(),
        KIND_REGION => t_string!(i18n, search_kind_region).to_string(),
        KIND_NEWS => t_string!(i18n, search_kind_news).to_string(),
        KIND_DOCUMENT => t_string!(i18n, search_kind_document).to_string(),
        other => other.to_owned(),
    };
    let select = move |name: &'static str, label: String, values: Vec<(String, String)>| {
        let chosen = query.filters.get(name).cloned().unwrap_or_default();
        let id = format!("search-filter-{name}");
        view! {
            <div class="search-filter">
                <label for=id.clone()>{label}</label>
                <select id=id name=name>
                    <option value="" selected=chosen.is_empty()>{t!(i18n, search_any)}</option>
                    {values.into_iter().map(|(value, text)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let values_of = |name: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> =
            options.get(name).map(|m| m.keys().map(|k| (k.clone(), k.clone())).collect()).unwrap_or_default();
        v.sort_by_key(|(_, text)| text.to_lowercase());
        v
    };
    let kinds: Vec<(String, String)> = KINDS.iter().map(|k| (k.to_string(), kind_label(k))).collect();
    view! {
        <form class="search-form" role="search" aria-label=t_string!(i18n, search_label).to_string() node_ref=form on:submit=on_submit
            action=crate::routes::search_url(lang) method="get">
            <div class="search-words">
                <label for="search-words">{t!(i18n, search_label)}</label>
                <div class="search-field">
                    <input id="search-words" name="q" type="search" autocomplete="off" value=query.words.clone() />
                    <button type="submit" class="search-button">{t!(i18n, search_button)}</button>
                </div>
            </div>
            <fieldset class="search-filters">
                <legend>{t!(i18n, search_filters)}</legend>
                {select(FILTER_TOPIC, t_string!(i18n, search_filter_topic).to_string(), values_of(FILTER_TOPIC))}
                {select(FILTER_BODY, t_string!(i18n, search_filter_body).to_string(), values_of(FILTER_BODY))}
                {select(FILTER_REGION, t_string!(i18n, search_filter_region).to_string(), values_of(FILTER_REGION))}
                {select(FILTER_KIND, t_string!(i18n, search_filter_kind).to_string(), kinds)}
                <div class="search-filter">
                    <label for="search-sort">{t!(i18n, search_sort)}</label>
                    <select id="search-sort" name="sort">
                        <option value="" selected=!query.newest_first>{t!(i18n, search_sort_relevance)}</option>
                        <option value=SORT_DATE selected=query.newest_first>{t!(i18n, search_sort_date)}</option>
                    </select>
                </div>
                <button type="submit" class="button button-secondary">{t!(i18n, search_apply)}</button>
            </fieldset>
        </form>
    }
}

/// Nothing found: say so, suggest what to try, and offer the topics and
/// the directory, so the reader is never left with an empty list.
#[component]
fn NoResults(lang: Lang, words: String) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = expect_context::<crate::components::Announcer>();
    let title = if words.trim().is_empty() {
        t_string!(i18n, search_none_filtered).to_string()
    } else {
        t_string!(i18n, search_none, words = words.trim().to_owned()).to_string()
    };
    announcer.say(title.clone());
    view! {
        <div class="no-results">
            <p class="search-count">{title}</p>
            <ul class="list list-bullet">
                <li>{t!(i18n, search_tip_spelling)}</li>
                <li>{t!(i18n, search_tip_fewer)}</li>
                <li>{t!(i18n, search_tip_filters)}</li>
            </ul>
            <h2>{t!(i18n, topics_heading)}</h2>
            {crate::components::fetched(Route::Home, lang, move |site: SiteDoc| {
                let topics = site.topics.into_iter().map(|t| (Route::Topic(t.slug.clone()), t)).collect();
                view! { <CardList lang cards=topics /> }
            })}
            <p><a href=Route::Agencies.url(lang)>{t!(i18n, directory_link_text)}</a></p>
        </div>
    }
}
