use crate::app::use_lang;
use crate::components::{fetched, Blocks, Breadcrumbs, CardList, PageHeading, Unavailable};
use crate::format;
use crate::i18n::*;
use crate::routes::use_slug;
use leptos::prelude::*;
use crate::routes::AppUrl;
use portal_content::{Item, PageItem, Route};

/// A service or information page.
#[component]
pub fn ContentPage() -> impl IntoView {
    let (lang, slug, i18n) = (use_lang(), use_slug(), use_i18n());
    move || {
        let (lang, route) = (lang.get(), Route::Page(slug.get()));
        let this = route.clone();
        fetched(route, lang, move |item: PageItem| match item {
            Item::Unavailable(info) => view! { <Unavailable lang route=this.clone() info /> }.into_any(),
            Item::Available(page) => {
                let topic = (page.topic.name.clone(), Route::Topic(page.topic.slug.clone()));
                let related: Vec<_> = page.related.into_iter().map(|p| (Route::Page(p.slug.clone()), p)).collect();
                let has_related = !related.is_empty();
                view! {
                    <Breadcrumbs lang trail=vec![topic] />
                    <article class="content-page">
                        <PageHeading text=page.title />
                        <p class="lead">{page.summary}</p>
                        <Blocks blocks=page.body lang />
                        <dl class="page-meta">
                            <div>
                                <dt>{t!(i18n, responsible_body)}</dt>
                                <dd><a href=Route::Agency(page.agency.slug.clone()).url(lang)>{page.agency.name}</a></dd>
                            </div>
                            <div>
                                <dt>{t!(i18n, last_updated)}</dt>
                                <dd><time datetime=page.updated.clone()>{format::date(&page.updated, lang)}</time></dd>
                            </div>
                        </dl>
                    </article>
                    {has_related.then(|| view! {
                        <aside class="related" aria-labelledby="related-heading">
                            <h2 id="related-heading">{t!(i18n, related_heading)}</h2>
                            <CardList lang cards=related />
                        </aside>
                    })}
                }
                .into_any()
            }
        })
    }
}
