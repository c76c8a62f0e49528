use crate::components::blocks::ExternalLink;
use crate::components::links::agency_link;
use crate::components::publications::{DocumentList, FeedLink, NewsList};
use crate::components::{item_page, Blocks, Breadcrumbs, CardGroup, GroupedCards, PageHeading};
use crate::i18n::*;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::search::FILTER_BODY;
use portal_content::{AgencyDoc, Lang, Route};

/// One state body: its role, contacts, place in the structure and its pages.
#[component]
pub fn AgencyPage() -> impl IntoView {
    let i18n = use_i18n();
    item_page(Route::Agency, move |a: AgencyDoc, lang| {
        let c = a.contacts;
        let pages: Vec<_> = a.pages.into_iter().map(|p| (Route::Page(p.slug.clone()), p)).collect();
        let has_pages = !pages.is_empty();
        let children = a.children;
        let (news, documents, name) = (a.news, a.documents, a.name.clone());
        view! {
            <Breadcrumbs lang trail=vec![(t_string!(i18n, agencies_title).to_string(), Route::Agencies)] />
            <PageHeading text=a.name />
            <p class="lead">{a.summary}</p>
            <Blocks blocks=a.body lang />
            <section aria-labelledby="contacts-heading" class="contacts">
                <h2 id="contacts-heading">{t!(i18n, contacts_heading)}</h2>
                <dl>
                    {c
                        .address
                        .map(|v| {
                            view! {
                                <dt>{t!(i18n, address)}</dt>
                                <dd>{v}</dd>
                            }
                        })}
                    {c
                        .phone
                        .map(|v| {
                            view! {
                                <dt>{t!(i18n, phone)}</dt>
                                <dd>
                                    <a href=format!("tel:{}", v.replace(' ', ""))>{v.clone()}</a>
                                </dd>
                            }
                        })}
                    {c
                        .email
                        .map(|v| {
                            view! {
                                <dt>{t!(i18n, email)}</dt>
                                <dd>
                                    <a href=format!("mailto:{v}")>{v.clone()}</a>
                                </dd>
                            }
                        })}
                    {c
                        .website
                        .map(|v| {
                            view! {
                                <dt>{t!(i18n, website)}</dt>
                                <dd>
                                    <ExternalLink href=v.clone()>{v.clone()}</ExternalLink>
                                </dd>
                            }
                        })}
                    {a
                        .parent
                        .map(|p| {
                            view! {
                                <dt>{t!(i18n, parent_body)}</dt>
                                <dd>{agency_link(&p, lang)}</dd>
                            }
                        })}
                    {a
                        .region
                        .map(|r| {
                            view! {
                                <dt>{t!(i18n, located_in)}</dt>
                                <dd>
                                    <a href=Route::Region(r.slug.clone()).url(lang)>{r.name}</a>
                                </dd>
                            }
                        })}
                </dl>
            </section>
            {(!children.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="children-heading">
                            <h2 id="children-heading">{t!(i18n, subordinate_bodies)}</h2>
                            <ul class="list list-bullet">
                                {children.iter().map(|r| view! { <li>{agency_link(r, lang)}</li> }).collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {has_pages
                .then(|| {
                    let groups = vec![
                        CardGroup {
                            heading: t_string!(i18n, body_pages_heading).to_string(),
                            cards: pages,
                        },
                    ];
                    view! { <GroupedCards lang id="body-pages" groups level=2 /> }
                })}
            {(!news.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="body-news-heading">
                            <h2 id="body-news-heading">{t!(i18n, body_news_heading)}</h2>
                            <NewsList lang items=news />
                            <p>
                                <a href=filtered(Route::News, FILTER_BODY, &name, lang)>{t!(i18n, body_news_all)}</a>
                            </p>
                        </section>
                    }
                })}
            {(!documents.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="body-documents-heading">
                            <h2 id="body-documents-heading">{t!(i18n, body_documents_heading)}</h2>
                            <DocumentList lang documents />
                            <p>
                                <a href=filtered(
                                    Route::Documents,
                                    FILTER_BODY,
                                    &name,
                                    lang,
                                )>{t!(i18n, body_documents_all)}</a>
                            </p>
                        </section>
                    }
                })}
            <FeedLink path=a.feed text=t_string!(i18n, feed_body).to_string() />
        }
    })
}

/// A list page with one filter set, such as this body's news.
fn filtered(route: Route, filter: &str, value: &str, lang: Lang) -> String {
    format!("{}?{}", route.url(lang), crate::routes::query_string([(filter, value)]))
}
