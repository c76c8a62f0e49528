use crate::app::use_lang;
use crate::components::filters::{chosen_filters, Filter, FilterForm};
use crate::components::publications::{
    doc_type_label, doc_types_label, status_label, DocumentList, FileItem, FilteredList,
};
use crate::components::{fetched, item_page, Blocks, Breadcrumbs, PageHeading, PostedAndUpdated, WithdrawnNotice};
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::{use_slug, AppUrl};
use leptos::prelude::*;
use portal_content::search::{FILTER_BODY, FILTER_DOCTYPE, FILTER_YEAR, KIND_DOCUMENT};
use portal_content::{DocumentDoc, DocumentTypeDoc, DocumentsDoc, Route, TextVersion};
use std::collections::BTreeSet;

const FILTERS: [&str; 3] = [FILTER_DOCTYPE, FILTER_BODY, FILTER_YEAR];

/// `/{lang}/documents`: the register by type, filters by type, body and
/// year, and the latest documents.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let lang = use_lang();
    let chosen = chosen_filters(&FILTERS);
    move || {
        let lang = lang.get();
        fetched(Route::Documents, lang, move |doc: DocumentsDoc| {
            let years: BTreeSet<String> =
                doc.types.iter().flat_map(|t| t.years.iter().map(|y| y.period.clone())).collect();
            let filters = vec![
                Filter::new(
                    FILTER_DOCTYPE,
                    td_string!(locale_of(lang), filter_type).to_string(),
                    doc.types
                        .iter()
                        .map(|t| (t.doc_type.code().to_owned(), doc_types_label(t.doc_type, lang)))
                        .collect(),
                    lang,
                ),
                Filter::new(
                    FILTER_BODY,
                    td_string!(locale_of(lang), filter_body).to_string(),
                    doc.agencies.iter().map(|a| (a.name.clone(), a.name.clone())).collect(),
                    lang,
                ),
                Filter::new(
                    FILTER_YEAR,
                    td_string!(locale_of(lang), filter_year).to_string(),
                    years.iter().rev().map(|y| (y.clone(), y.clone())).collect(),
                    lang,
                ),
            ];
            let form =
                move || view! { <FilterForm id="documents-filter" filters=filters.clone() chosen=chosen.get() /> };
            let latest = doc.latest.clone();
            let types = doc.types.clone();
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=td_string!(locale_of(lang), documents_title).to_string() />
                <p class="lead">{td!(locale_of(lang), documents_summary)}</p>
                <section aria-labelledby="types-heading">
                    <h2 id="types-heading">{td!(locale_of(lang), documents_types_heading)}</h2>
                    <ul class="archive-list">
                        {types
                            .into_iter()
                            .map(|t| {
                                let text = td_string!(
                                    locale_of(lang),
                                    documents_count,
                                    kind = doc_types_label(t.doc_type, lang),
                                    count = t.count
                                )
                                    .to_string();
                                view! {
                                    <li>
                                        <a href=Route::DocumentType(t.doc_type.code().to_owned()).url(lang)>{text}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
                {form}
                {move || {
                    let chosen = chosen.get();
                    if chosen.is_empty() {
                        view! {
                            <section aria-labelledby="latest-heading">
                                <h2 id="latest-heading">{td!(locale_of(lang), documents_latest_heading)}</h2>
                                <DocumentList lang documents=latest.clone() />
                            </section>
                        }
                            .into_any()
                    } else {
                        view! { <FilteredList lang kind=KIND_DOCUMENT filters=chosen /> }.into_any()
                    }
                }}
            }
        })
    }
}

/// `/{lang}/documents/types/{type}`: every document of one type, by year.
#[component]
pub fn DocumentTypePage() -> impl IntoView {
    let (lang, code) = (use_lang(), use_slug());
    move || {
        let (lang, code) = (lang.get(), code.get());
        fetched(Route::DocumentType(code), lang, move |doc: DocumentTypeDoc| {
            view! {
                <Breadcrumbs
                    lang
                    trail=vec![(td_string!(locale_of(lang), nav_documents).to_string(), Route::Documents)]
                />
                <PageHeading text=doc_types_label(doc.doc_type, lang) />
                {doc
                    .years
                    .into_iter()
                    .map(|y| {
                        view! {
                            <h2>{y.year}</h2>
                            <DocumentList lang documents=y.documents />
                        }
                    })
                    .collect_view()}
            }
        })
    }
}

/// `/{lang}/documents/{slug}`: requisites, the text as a page, the original
/// files to download and related documents.
#[component]
pub fn DocumentPage() -> impl IntoView {
    item_page(Route::Document, move |d: DocumentDoc, lang| {
        let type_route = Route::DocumentType(d.doc_type.code().to_owned());
        let has_text = !d.body.is_empty();
        let related = d.related;
        view! {
            <Breadcrumbs
                lang
                trail=vec![
                    (td_string!(locale_of(lang), nav_documents).to_string(), Route::Documents),
                    (doc_types_label(d.doc_type, lang), type_route),
                ]
            />
            <article class="content-page document">
                <PageHeading text=d.title />
                <WithdrawnNotice withdrawn=d.withdrawn lang />
                <p class="lead">{d.summary}</p>
                <section aria-labelledby="requisites-heading">
                    <h2 id="requisites-heading">{td!(locale_of(lang), doc_requisites_heading)}</h2>
                    <dl class="requisites">
                        <div>
                            <dt>{td!(locale_of(lang), doc_type)}</dt>
                            <dd>{doc_type_label(d.doc_type, lang)}</dd>
                        </div>
                        {d
                            .number
                            .map(|n| {
                                view! {
                                    <div>
                                        <dt>{td!(locale_of(lang), doc_number)}</dt>
                                        <dd>{n}</dd>
                                    </div>
                                }
                            })}
                        <div>
                            <dt>{td!(locale_of(lang), doc_adopted)}</dt>
                            <dd>
                                <time datetime=d.adopted.clone()>{format::date(&d.adopted, lang)}</time>
                            </dd>
                        </div>
                        <div>
                            <dt>{td!(locale_of(lang), doc_status)}</dt>
                            <dd>{status_label(d.validity, lang)}</dd>
                        </div>
                        <div>
                            <dt>{td!(locale_of(lang), doc_issued_by)}</dt>
                            <dd>
                                <a href=Route::Agency(d.agency.slug.clone()).url(lang)>{d.agency.name}</a>
                            </dd>
                        </div>
                        {(!d.signed_by.is_empty())
                            .then(|| {
                                view! {
                                    <div>
                                        <dt>{td!(locale_of(lang), doc_signed_by)}</dt>
                                        <dd>{d.signed_by.join("; ")}</dd>
                                    </div>
                                }
                            })}
                        <PostedAndUpdated posted=d.posted updated=d.updated lang />
                    </dl>
                </section>
                <section aria-labelledby="files-heading">
                    <h2 id="files-heading">{td!(locale_of(lang), doc_files_heading)}</h2>
                    {if d.files.is_empty() {
                        view! { <p>{td!(locale_of(lang), doc_no_files)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="files">
                                {d
                                    .files
                                    .into_iter()
                                    .map(|f| view! { <FileItem file=f lang label=None /> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </section>
                {has_text
                    .then(|| {
                        view! {
                            <section aria-labelledby="text-heading" class="document-text">
                                <h2 id="text-heading">{td!(locale_of(lang), doc_text_heading)}</h2>
                                {(d.text == TextVersion::Extract)
                                    .then(|| {
                                        view! {
                                            <p class="callout callout-note">
                                                {td!(locale_of(lang), doc_extract_notice)}
                                            </p>
                                        }
                                    })}
                                <Blocks blocks=shift_headings(d.body) lang />
                            </section>
                        }
                    })}
            </article>
            {(!related.is_empty())
                .then(|| {
                    view! {
                        <aside class="related" aria-labelledby="related-heading">
                            <h2 id="related-heading">{td!(locale_of(lang), doc_related_heading)}</h2>
                            <DocumentList lang documents=related />
                        </aside>
                    }
                })}
        }
    })
}

/// The document's own headings sit under the page's "Text" heading, one level down.
fn shift_headings(blocks: Vec<portal_content::Block>) -> Vec<portal_content::Block> {
    blocks
        .into_iter()
        .map(|b| match b {
            portal_content::Block::Heading { level, id, text } => {
                portal_content::Block::Heading { level: (level + 1).min(6), id, text }
            }
            other => other,
        })
        .collect()
}
