//! The notice on an item its body has withdrawn: the item stays readable
//! at its address, with the day and the reason, and leaves lists and search.

use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::{Lang, Withdrawn};

/// A region named by its heading, so a screen reader's list of landmarks
/// finds it, placed before the item's text.
#[component]
pub fn WithdrawnNotice(withdrawn: Option<Withdrawn>, lang: Lang) -> impl IntoView {
    withdrawn.map(|w| {
        let date = format::date(&w.date, lang);
        view! {
            <section class="withdrawn" aria-labelledby="withdrawn-title">
                <h2 id="withdrawn-title">{td_string!(locale_of(lang), withdrawn_title, date = date)}</h2>
                <p>{w.reason}</p>
            </section>
        }
    })
}
