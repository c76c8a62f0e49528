//! Where the page sits in the portal, as a list of links up to it.

use crate::i18n::*;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{Lang, Route};

#[component]
pub fn Breadcrumbs(lang: Lang, trail: Vec<(String, Route)>) -> impl IntoView {
    let locale = crate::language::locale_of(lang);
    let home = (td_string!(locale, home).to_string(), Route::Home);
    view! {
        <nav class="breadcrumbs" aria-label=td_string!(locale, breadcrumbs)>
            <ol>
                {std::iter::once(home)
                    .chain(trail)
                    .map(|(label, route)| {
                        view! {
                            <li>
                                <a href=route.url(lang)>{label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
