//! A list of links with a short description under each.

use leptos::prelude::*;
use crate::routes::AppUrl;
use portal_content::{Card, Lang, Route};

#[component]
pub fn CardList(lang: Lang, cards: Vec<(Route, Card)>) -> impl IntoView {
    let client = expect_context::<crate::api::ApiClient>();
    view! {
        <ul class="card-list">
            {cards
                .into_iter()
                .map(|(route, card)| {
                    let (on_hover, on_focus) = (client.clone(), client.clone());
                    let (hovered, focused) = (route.clone(), route.clone());
                    view! {
                        <li class="card">
                            <a
                                class="card-link"
                                href=route.url(lang)
                                on:mouseenter=move |_| on_hover.prefetch(&hovered, lang)
                                on:focus=move |_| on_focus.prefetch(&focused, lang)
                            >
                                {card.title}
                            </a>
                            <p class="card-summary">{card.summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
