//! When an item was posted on the portal and last updated: the law asks
//! every item to show both (Law 401-V, Article 16.3).

use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::Lang;

/// Entries of a `page-meta` list: "Posted" and "Last updated", each where known.
#[component]
pub fn PostedAndUpdated(posted: Option<String>, updated: Option<String>, lang: Lang) -> impl IntoView {
    let entry = move |label: String, day: String| {
        view! {
            <div>
                <dt>{label}</dt>
                <dd>
                    <time datetime=day.clone()>{format::date(&day, lang)}</time>
                </dd>
            </div>
        }
    };
    view! {
        {posted.map(|d| entry(td_string!(locale_of(lang), posted).to_string(), d))}
        {updated.map(|d| entry(td_string!(locale_of(lang), last_updated).to_string(), d))}
    }
}
