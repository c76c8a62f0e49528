//! A list of links with a short description under each.

use leptos::prelude::*;
use crate::routes::AppUrl;
use portal_content::{Card, Lang, Route};

#[component]
pub fn CardList(lang: Lang, cards: Vec<(Route, Card)>) -> impl IntoView {
    view! {
        <ul class="card-list">
            {cards
                .into_iter()
                .map(|(route, card)| {
                    view! {
                        <li class="card">
                            <a class="card-link" href=route.url(lang)>{card.title}</a>
                            <p class="card-summary">{card.summary}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
