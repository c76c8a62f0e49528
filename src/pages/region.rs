use crate::components::links::agency_link;
use crate::components::{item_page, Breadcrumbs, PageHeading};
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::{RegionDoc, Route};

/// A region or city: its akimat and the other state bodies there.
#[component]
pub fn RegionPage() -> impl IntoView {
    item_page(Route::Region, move |r: RegionDoc, lang| {
        let others = r.agencies;
        view! {
            <Breadcrumbs lang trail=vec![(td_string!(locale_of(lang), regions_title).to_string(), Route::Regions)] />
            <PageHeading text=r.name />
            <p class="lead">{r.summary}</p>
            {r
                .akimat
                .map(|a| {
                    view! {
                        <section aria-labelledby="akimat-heading">
                            <h2 id="akimat-heading">{td!(locale_of(lang), akimat_heading)}</h2>
                            <p>{agency_link(&a, lang)}</p>
                        </section>
                    }
                })}
            {(!others.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="others-heading">
                            <h2 id="others-heading">{td!(locale_of(lang), other_bodies_heading)}</h2>
                            <ul class="list list-bullet">
                                {others.iter().map(|a| view! { <li>{agency_link(a, lang)}</li> }).collect_view()}
                            </ul>
                        </section>
                    }
                })}
        }
    })
}
