use super::agency::agency_link;
use crate::app::use_lang;
use crate::components::{fetched, Breadcrumbs, PageHeading, Unavailable};
use crate::i18n::*;
use crate::routes::use_slug;
use leptos::prelude::*;
use portal_content::{Item, RegionItem, Route};

/// A region or city: its akimat and the other state bodies there.
#[component]
pub fn RegionPage() -> impl IntoView {
    let (lang, slug, i18n) = (use_lang(), use_slug(), use_i18n());
    move || {
        let (lang, route) = (lang.get(), Route::Region(slug.get()));
        let this = route.clone();
        fetched(route, lang, move |item: RegionItem| match item {
            Item::Unavailable(info) => view! { <Unavailable lang route=this.clone() info /> }.into_any(),
            Item::Available(r) => {
                let others = r.agencies;
                view! {
                    <Breadcrumbs lang trail=vec![(t_string!(i18n, regions_title).to_string(), Route::Regions)] />
                    <PageHeading text=r.name />
                    <p class="lead">{r.summary}</p>
                    {r.akimat.map(|a| view! {
                        <section aria-labelledby="akimat-heading">
                            <h2 id="akimat-heading">{t!(i18n, akimat_heading)}</h2>
                            <p>{agency_link(&a, lang)}</p>
                        </section>
                    })}
                    {(!others.is_empty()).then(|| view! {
                        <section aria-labelledby="others-heading">
                            <h2 id="others-heading">{t!(i18n, other_bodies_heading)}</h2>
                            <ul class="list list-bullet">
                                {others.iter().map(|a| view! { <li>{agency_link(a, lang)}</li> }).collect_view()}
                            </ul>
                        </section>
                    })}
                }
                .into_any()
            }
        })
    }
}
