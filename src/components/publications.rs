//! Lists of news and documents, their labels, feed links, and the
//! filtered lists of the news page and the register. Filtered lists are answered by the
//! search index (filters only, newest first), which holds every item
//! however many there are; the unfiltered pages come from their documents.

use crate::components::search_results::Results;
use crate::components::{loaded, Announcer, Placement};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use crate::search::{search, Found, Query};
use leptos::prelude::*;
use portal_content::{DocumentCard, DocumentStatus, DocumentType, Lang, NewsCard, NewsCategory, Route};
use std::collections::BTreeMap;

/// Filtered results shown at once.
const SHOWN: u32 = 50;

pub fn doc_type_label(t: DocumentType, lang: Lang) -> String {
    match t {
        DocumentType::Law => td_string!(locale_of(lang), doc_type_law),
        DocumentType::Code => td_string!(locale_of(lang), doc_type_code),
        DocumentType::Decree => td_string!(locale_of(lang), doc_type_decree),
        DocumentType::Resolution => td_string!(locale_of(lang), doc_type_resolution),
        DocumentType::Order => td_string!(locale_of(lang), doc_type_order),
        DocumentType::Report => td_string!(locale_of(lang), doc_type_report),
        DocumentType::Form => td_string!(locale_of(lang), doc_type_form),
    }
    .to_string()
}

/// The name of a type's archive: "Laws", "Orders" …
pub fn doc_types_label(t: DocumentType, lang: Lang) -> String {
    match t {
        DocumentType::Law => td_string!(locale_of(lang), doc_types_law),
        DocumentType::Code => td_string!(locale_of(lang), doc_types_code),
        DocumentType::Decree => td_string!(locale_of(lang), doc_types_decree),
        DocumentType::Resolution => td_string!(locale_of(lang), doc_types_resolution),
        DocumentType::Order => td_string!(locale_of(lang), doc_types_order),
        DocumentType::Report => td_string!(locale_of(lang), doc_types_report),
        DocumentType::Form => td_string!(locale_of(lang), doc_types_form),
    }
    .to_string()
}

/// What a category of news is called in the page's language.
pub fn category_label(category: NewsCategory, lang: Lang) -> String {
    match category {
        NewsCategory::Appointment => td_string!(locale_of(lang), news_category_appointment),
    }
    .to_string()
}

pub fn status_label(s: DocumentStatus, lang: Lang) -> String {
    match s {
        DocumentStatus::InForce => td_string!(locale_of(lang), status_in_force),
        DocumentStatus::Amended => td_string!(locale_of(lang), status_amended),
        DocumentStatus::Repealed => td_string!(locale_of(lang), status_repealed),
    }
    .to_string()
}

/// News items, newest first: title, date, body and summary.
#[component]
pub fn NewsList(lang: Lang, items: Vec<NewsCard>) -> impl IntoView {
    view! {
        <ul class="card-list publication-list">
            {items
                .into_iter()
                .map(|n| {
                    view! {
                        <li class="card">
                            <a class="card-link" href=Route::NewsItem(n.slug.clone()).url(lang)>
                                {n.title}
                            </a>
                            <p class="card-meta">
                                <time datetime=n.published.clone()>{format::date(&n.published, lang)}</time>
                                " · "
                                {n.agency.name}
                                {n
                                    .region
                                    .map(|r| {
                                        view! {
                                            " · "
                                            {r.name}
                                        }
                                    })}
                            </p>
                            <p class="card-summary">{n.summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Documents: title (in its own language where the reader's is missing),
/// type, number, date and status.
#[component]
pub fn DocumentList(lang: Lang, documents: Vec<DocumentCard>) -> impl IntoView {
    view! {
        <ul class="card-list publication-list">
            {documents
                .into_iter()
                .map(|d| {
                    let date = format::date(&d.adopted, lang);
                    let requisites = match d.number.clone() {
                        Some(number) => {
                            td_string!(locale_of(lang), doc_card_meta, number = number, date = date.clone()).to_string()
                        }
                        None => date.clone(),
                    };
                    let status_class = if d.validity == DocumentStatus::Repealed {
                        "card-status card-status-repealed"
                    } else {
                        "card-status"
                    };
                    view! {
                        <li class="card">
                            <a
                                class="card-link"
                                href=Route::Document(d.slug.clone()).url(lang)
                                lang=d.title_lang.map(|l| l.code())
                            >
                                {d.title}
                            </a>
                            <p class="card-meta">
                                {doc_type_label(d.doc_type, lang)} " " {requisites} " · "
                                <span class=status_class>{status_label(d.validity, lang)}</span>
                            </p>
                            <p class="card-summary">{d.agency.name}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A link to an Atom feed, which feed readers and browsers can subscribe to.
#[component]
pub fn FeedLink(path: String, text: String) -> impl IntoView {
    let href = format!("{}{path}", expect_context::<crate::api::ApiClient>().base());
    view! {
        <p class="feed-link">
            <a href=href type="application/atom+xml">
                {text}
            </a>
        </p>
    }
}

/// Items of `kind` matching `filters`, newest first, from the search index.
#[component]
pub fn FilteredList(lang: Lang, kind: &'static str, filters: BTreeMap<String, String>) -> impl IntoView {
    let client = expect_context::<crate::api::ApiClient>();
    let mut all = filters;
    all.insert(portal_content::search::FILTER_KIND.to_owned(), kind.to_owned());
    let query = Query { words: String::new(), filters: all, newest_first: true };
    let load = move |_| {
        let (client, query) = (client.clone(), query.clone());
        async move { search(&client, lang, &query, SHOWN).await }
    };
    let show = move |found: Found| {
        if found.total == 0 {
            let text = td_string!(locale_of(lang), filtered_none).to_string();
            expect_context::<Announcer>().say(text.clone());
            view! { <p class="search-count">{text}</p> }.into_any()
        } else {
            view! { <Results lang found words=String::new() /> }.into_any()
        }
    };
    let failed = Placement::Part { title: td_string!(locale_of(lang), search_failed_title).to_string() };
    view! {
        <section class="filtered" aria-label=td_string!(locale_of(lang), filtered_heading).to_string()>
            {loaded(failed, || None, load, show)}
        </section>
    }
}

/// A downloadable file: its language, format and size (and what it is,
/// where `label` says), and its checksum for those who verify downloads.
#[component]
pub fn FileItem(file: portal_content::Attachment, lang: Lang, label: Option<String>) -> impl IntoView {
    let base = expect_context::<crate::api::ApiClient>().base().to_owned();
    let language = match file.lang {
        Lang::Kk => td_string!(locale_of(lang), file_lang_kk),
        Lang::Ru => td_string!(locale_of(lang), file_lang_ru),
        Lang::En => td_string!(locale_of(lang), file_lang_en),
    };
    let size = format::size(file.bytes, lang);
    let text = td_string!(
        locale_of(lang),
        doc_file,
        language = language.to_string(),
        format = file.format.to_uppercase(),
        size = size
    )
    .to_string();
    let text = match label {
        Some(label) => format!("{label}: {text}"),
        None => text,
    };
    let href = format!("{base}{}", file.href);
    let name = file.href.rsplit('/').next().unwrap_or_default().to_owned();
    view! {
        <li>
            <a href=href download=name hreflang=file.lang.code()>
                {text}
            </a>
            <details class="checksum">
                <summary>{td!(locale_of(lang), doc_checksum)}</summary>
                <code>{file.sha256}</code>
            </details>
        </li>
    }
}
