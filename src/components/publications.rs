//! Lists of news and documents, their labels, feed links, and the filters
//! of the news page and the register. Filtered lists are answered by the
//! search index (filters only, newest first), which holds every item
//! however many there are; the unfiltered pages come from their documents.

use crate::format;
use crate::i18n::*;
use crate::routes::AppUrl;
use crate::search::{search, Found, Query};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use portal_content::{DocumentCard, DocumentStatus, DocumentType, Lang, NewsCard, Route};
use std::collections::BTreeMap;

/// Filtered results shown at once.
const SHOWN: u32 = 50;

pub fn doc_type_label(t: DocumentType) -> String {
    let i18n = use_i18n();
    match t {
        DocumentType::Law => t_string!(i18n, doc_type_law),
        DocumentType::Code => t_string!(i18n, doc_type_code),
        DocumentType::Decree => t_string!(i18n, doc_type_decree),
        DocumentType::Resolution => t_string!(i18n, doc_type_resolution),
        DocumentType::Order => t_string!(i18n, doc_type_order),
        DocumentType::Report => t_string!(i18n, doc_type_report),
        DocumentType::Form => t_string!(i18n, doc_type_form),
    }
    .to_string()
}

/// The name of a type's archive: "Laws", "Orders" …
pub fn doc_types_label(t: DocumentType) -> String {
    let i18n = use_i18n();
    match t {
        DocumentType::Law => t_string!(i18n, doc_types_law),
        DocumentType::Code => t_string!(i18n, doc_types_code),
        DocumentType::Decree => t_string!(i18n, doc_types_decree),
        DocumentType::Resolution => t_string!(i18n, doc_types_resolution),
        DocumentType::Order => t_string!(i18n, doc_types_order),
        DocumentType::Report => t_string!(i18n, doc_types_report),
        DocumentType::Form => t_string!(i18n, doc_types_form),
    }
    .to_string()
}

pub fn status_label(s: DocumentStatus) -> String {
    let i18n = use_i18n();
    match s {
        DocumentStatus::InForce => t_string!(i18n, status_in_force),
        DocumentStatus::Amended => t_string!(i18n, status_amended),
        DocumentStatus::Repealed => t_string!(i18n, status_repealed),
    }
    .to_string()
}

/// News items, newest first: title, date, body and summary.
#[component]
pub fn NewsList(lang: Lang, items: Vec<NewsCard>) -> impl IntoView {
    view! {
        <ul class="card-list publication-list">
            {items.into_iter().map(|n| view! {
                <li class="card">
                    <a class="card-link" href=Route::NewsItem(n.slug.clone()).url(lang)>{n.title}</a>
                    <p class="card-meta">
                        <time datetime=n.published.clone()>{format::date(&n.published, lang)}</time>
                        " · " {n.agency.name}
                        {n.region.map(|r| view! { " · " {r.name} })}
                    </p>
                    <p class="card-summary">{n.summary}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Documents: title (in its own language where the reader's is missing),
/// type, number, date and status.
#[component]
pub fn DocumentList(lang: Lang, documents: Vec<DocumentCard>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="card-list publication-list">
            {documents.into_iter().map(|d| {
                let date = format::date(&d.adopted, lang);
                let requisites = match d.number.clone() {
                    Some(number) => t_string!(i18n, doc_card_meta, number = number, date = date.clone()).to_string(),
                    None => date.clone(),
                };
                let status_class = if d.validity == DocumentStatus::Repealed { "card-status card-status-repealed" } else { "card-status" };
                view! {
                    <li class="card">
                        <a class="card-link" href=Route::Document(d.slug.clone()).url(lang) lang=d.title_lang.map(|l| l.code())>{d.title}</a>
                        <p class="card-meta">
                            {doc_type_label(d.doc_type)} " " {requisites} " · " <span class=status_class>{status_label(d.validity)}</span>
                        </p>
                        <p class="card-summary">{d.agency.name}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A link to an Atom feed, which feed readers and browsers can subscribe to.
#[component]
pub fn FeedLink(path: String, text: String) -> impl IntoView {
    let href = format!("{}{path}", expect_context::<crate::api::ApiClient>().base());
    view! {
        <p class="feed-link">
            <a href=href type="application/atom+xml">{text}</a>
        </p>
    }
}

/// One filter: its URL parameter (the index's filter name), label and choices (value, text).
#[derive(Clone)]
pub struct Filter {
    pub name: &'static str,
    pub label: String,
    pub choices: Vec<(String, String)>,
}

/// The filters set in the URL, by parameter. None until the app has taken
/// a rendered page over: the build rendered the unfiltered page.
pub fn chosen_filters(names: &[&'static str]) -> Memo<BTreeMap<String, String>> {
    let params = use_query_map();
    let names = names.to_vec();
    Memo::new(move |_| {
        if !crate::served::taken_over() {
            return BTreeMap::new();
        }
        let p = params.read();
        names.iter().filter_map(|&n| p.get(n).filter(|v| !v.is_empty()).map(|v| (n.to_owned(), v))).collect()
    })
}

/// A form of filters that changes the URL's query, so a filtered list can
/// be shared and the back button returns to the previous one.
#[component]
pub fn FilterForm(id: &'static str, filters: Vec<Filter>, chosen: BTreeMap<String, String>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let location = use_location();
    let form = NodeRef::<leptos::html::Form>::new();
    let names: Vec<&'static str> = filters.iter().map(|f| f.name).collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form.get() else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let params: Vec<(&str, String)> = names
            .iter()
            .filter_map(|&name| Some((name, data.get(name).as_string()?)))
            .filter(|(_, value)| !value.is_empty())
            .collect();
        let query = crate::routes::query_string(params.iter().map(|(name, value)| (*name, value.as_str())));
        let path = location.pathname.get_untracked();
        let path = path.strip_prefix(crate::routes::base_path()).unwrap_or(&path).to_owned();
        expect_context::<crate::components::Announcer>().reader_moved();
        navigate(&if query.is_empty() { path } else { format!("{path}?{query}") }, Default::default());
    };
    let any_chosen = !chosen.is_empty();
    let clear = {
        let location = use_location();
        move || location.pathname.get()
    };
    view! {
        <form class="search-form publication-filters" node_ref=form on:submit=on_submit method="get">
            <fieldset class="search-filters">
                <legend>{t!(i18n, search_filters)}</legend>
                {filters.into_iter().map(|f| {
                    let chosen = chosen.get(f.name).cloned().unwrap_or_default();
                    let field = format!("{id}-{}", f.name);
                    view! {
                        <div class="search-filter">
                            <label for=field.clone()>{f.label}</label>
                            <select id=field name=f.name>
                                <option value="" selected=chosen.is_empty()>{t!(i18n, search_any)}</option>
                                {f.choices.into_iter().map(|(value, text)| {
                                    let selected = value == chosen;
                                    view! { <option value=value selected=selected>{text}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
                <button type="submit" class="button button-secondary">{t!(i18n, search_apply)}</button>
                {any_chosen.then(|| view! { <a class="filters-clear" href=clear>{t!(i18n, filters_clear)}</a> })}
            </fieldset>
        </form>
    }
}

/// Items of `kind` matching `filters`, newest first, from the search index.
#[component]
pub fn FilteredList(lang: Lang, kind: &'static str, filters: BTreeMap<String, String>) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<crate::api::ApiClient>();
    let attempt = RwSignal::new(0u32);
    let mut all = filters;
    all.insert(portal_content::search::FILTER_KIND.to_owned(), kind.to_owned());
    let query = Query { words: String::new(), filters: all, newest_first: true };
    let results = LocalResource::new(move || {
        attempt.track();
        let (client, query) = (client.clone(), query.clone());
        async move { search(&client, lang, &query, SHOWN).await }
    });
    let announcer = expect_context::<crate::components::Announcer>();
    view! {
        <section class="filtered" aria-label=t_string!(i18n, filtered_heading).to_string()>
            {move || match results.get() {
                None => view! { <crate::components::Loading /> }.into_any(),
                Some(Err(error)) => view! {
                    <crate::components::search_results::SearchFailed error retry=Callback::new(move |()| attempt.update(|n| *n += 1)) />
                }.into_any(),
                Some(Ok(Found { total: 0, .. })) => {
                    let text = t_string!(i18n, filtered_none).to_string();
                    announcer.say(text.clone());
                    view! { <p class="search-count">{text}</p> }.into_any()
                }
                Some(Ok(found)) => view! { <crate::components::search_results::Results lang found words=String::new() /> }.into_any(),
            }}
        </section>
    }
}
