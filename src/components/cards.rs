//! Lists of links with a short description under each, and the filter that
//! keeps long ones usable.

use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{fold, Card, Lang, Route};

/// Lists longer than this get a filter.
pub const FILTER_FROM: usize = 12;

/// Cards; with `query` (folded text), those that do not contain it are hidden.
/// Hovering or focusing a card fetches its page ahead.
#[component]
pub fn CardList(lang: Lang, cards: Vec<(Route, Card)>, #[prop(optional)] query: Option<Memo<String>>) -> impl IntoView {
    let client = expect_context::<crate::api::ApiClient>();
    view! {
        <ul class="card-list">
            {cards
                .into_iter()
                .map(|(route, card)| {
                    let (on_hover, on_focus) = (client.clone(), client.clone());
                    let (hovered, focused) = (route.clone(), route.clone());
                    let text = fold(&format!("{} {}", card.title, card.summary));
                    let hidden = move || query.is_some_and(|q| !text.contains(q.get().as_str()));
                    view! {
                        <li class="card" hidden=hidden>
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

/// A labelled group of cards.
pub struct CardGroup {
    pub heading: String,
    pub cards: Vec<(Route, Card)>,
}

/// Groups of cards under headings of `level` (2 or 3), with a filter by
/// words when the list is long. Every card stays in the page as a link, so
/// filtering narrows what is shown and never hides a page from the count
/// of clicks; groups without a match are hidden with their heading.
#[component]
pub fn GroupedCards(
    lang: Lang,
    /// Unique in the page, for the filter's ids.
    id: &'static str,
    groups: Vec<CardGroup>,
    level: u8,
    /// The filter's label and hint, when the page has words of its own for them.
    #[prop(optional)]
    label: Option<String>,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let folded = Memo::new(move |_| fold(query.get().trim()));
    let texts: Vec<String> =
        groups.iter().flat_map(|g| g.cards.iter().map(|(_, c)| fold(&format!("{} {}", c.title, c.summary)))).collect();
    let total = texts.len();
    let shown = Memo::new(move |_| {
        let q = folded.get();
        texts.iter().filter(|t| t.contains(q.as_str())).count()
    });
    let (input_id, hint_id, groups_id) = (format!("{id}-filter"), format!("{id}-filter-hint"), format!("{id}-groups"));
    crate::served::keep_typed(&input_id, move |text| query.set(text));
    let filter = (total > FILTER_FROM).then(|| {
        view! {
            <div class="filter" role="search">
                <label for=input_id
                    .clone()>{label.unwrap_or_else(|| td_string!(locale_of(lang), filter_label).to_string())}</label>
                <p class="hint" id=hint_id.clone()>
                    {hint.unwrap_or_else(|| td_string!(locale_of(lang), filter_hint).to_string())}
                </p>
                <input
                    id=input_id
                    type="search"
                    autocomplete="off"
                    aria-describedby=hint_id
                    aria-controls=groups_id.clone()
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <p class="filter-count" role="status">
                    {move || {
                        (!folded.get().is_empty())
                            .then(|| match shown.get() {
                                0 => td_string!(locale_of(lang), filter_none).to_string(),
                                n => td_string!(locale_of(lang), filter_count, count = n, total = total).to_string(),
                            })
                    }}
                </p>
            </div>
        }
    });
    let filtering = filter.is_some();
    let groups = groups
        .into_iter()
        .map(|group| {
            let texts: Vec<String> =
                group.cards.iter().map(|(_, c)| fold(&format!("{} {}", c.title, c.summary))).collect();
            let empty = move || filtering && !texts.iter().any(|t| t.contains(folded.get().as_str()));
            let heading = match level {
                2 => view! { <h2>{group.heading}</h2> }.into_any(),
                _ => view! { <h3>{group.heading}</h3> }.into_any(),
            };
            view! {
                <section class="card-group" hidden=empty>
                    {heading}
                    <CardList lang cards=group.cards query=folded />
                </section>
            }
        })
        .collect_view();
    view! {
        {filter}
        <div id=groups_id>{groups}</div>
    }
}
