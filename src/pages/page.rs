use crate::components::{
    item_page, Blocks, Breadcrumbs, CardList, PageHeading, PartOfJourneys, PostedAndUpdated, WithdrawnNotice,
};
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{PageDoc, Route};

/// A service or information page.
#[component]
pub fn ContentPage() -> impl IntoView {
    item_page(Route::Page, move |page: PageDoc, lang| {
        let topic = (page.topic.name.clone(), Route::Topic(page.topic.slug.clone()));
        let related: Vec<_> = page.related.into_iter().map(|p| (Route::Page(p.slug.clone()), p)).collect();
        let has_related = !related.is_empty();
        view! {
            <Breadcrumbs lang trail=vec![topic] />
            <article class="content-page">
                <PageHeading text=page.title />
                <WithdrawnNotice withdrawn=page.withdrawn lang />
                <p class="lead">{page.summary}</p>
                <PartOfJourneys lang parts=page.journeys />
                {(page.cost.is_some() || page.timing.is_some())
                    .then(|| {
                        view! {
                            <dl class="at-a-glance">
                                {page
                                    .cost
                                    .map(|cost| {
                                        view! {
                                            <div>
                                                <dt>{td!(locale_of(lang), cost)}</dt>
                                                <dd>{cost}</dd>
                                            </div>
                                        }
                                    })}
                                {page
                                    .timing
                                    .map(|timing| {
                                        view! {
                                            <div>
                                                <dt>{td!(locale_of(lang), timing)}</dt>
                                                <dd>{timing}</dd>
                                            </div>
                                        }
                                    })}
                            </dl>
                        }
                    })}
                <Blocks blocks=page.body lang />
                <dl class="page-meta">
                    <div>
                        <dt>{td!(locale_of(lang), responsible_body)}</dt>
                        <dd>
                            <a href=Route::Agency(page.agency.slug.clone()).url(lang)>{page.agency.name}</a>
                        </dd>
                    </div>
                    <PostedAndUpdated posted=page.posted updated=Some(page.updated) lang />
                </dl>
            </article>
            {has_related
                .then(|| {
                    view! {
                        <aside class="related" aria-labelledby="related-heading">
                            <h2 id="related-heading">{td!(locale_of(lang), related_heading)}</h2>
                            <CardList lang cards=related />
                        </aside>
                    }
                })}
        }
    })
}
