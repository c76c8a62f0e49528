//! A former body's notice, and a current body's history: the page of a body
//! that was merged, renamed, split or abolished stays at its address as a
//! record, and names the bodies that do its work now.

use crate::components::links::agency_link;
use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use leptos::prelude::*;
use portal_content::{Lang, Predecessor, Reorganisation, ReorganisationKind};

/// A region named by its heading, placed before the body's own text, so
/// a reader who came from an old link learns first where to go now.
#[component]
pub fn ReorganisedNotice(reorganised: Option<Reorganisation>, lang: Lang) -> impl IntoView {
    reorganised.map(|r| {
        let date = format::date(&r.date, lang);
        let title = match r.kind {
            ReorganisationKind::MergedInto => td_string!(locale_of(lang), reorganised_merged_into, date = date),
            ReorganisationKind::RenamedTo => td_string!(locale_of(lang), reorganised_renamed_to, date = date),
            ReorganisationKind::SplitInto => td_string!(locale_of(lang), reorganised_split_into, date = date),
            ReorganisationKind::Abolished => td_string!(locale_of(lang), reorganised_abolished, date = date),
        };
        let successors = (!r.successors.is_empty()).then(|| {
            view! {
                <p>{td!(locale_of(lang), reorganised_successors)}</p>
                <ul>{r.successors.iter().map(|s| view! { <li>{agency_link(s, lang)}</li> }).collect_view()}</ul>
            }
        });
        view! {
            <section class="reorganised" aria-labelledby="reorganised-title">
                <h2 id="reorganised-title">{title}</h2>
                {successors}
                <p>{td!(locale_of(lang), reorganised_record)}</p>
            </section>
        }
    })
}

/// The former bodies whose work this body took on.
#[component]
pub fn Predecessors(predecessors: Vec<Predecessor>, lang: Lang) -> impl IntoView {
    (!predecessors.is_empty()).then(|| {
        view! {
            <section aria-labelledby="predecessors-heading">
                <h2 id="predecessors-heading">{td!(locale_of(lang), predecessors_heading)}</h2>
                <ul>
                    {predecessors
                        .into_iter()
                        .map(|p| {
                            let date = format::date(&p.date, lang);
                            let what = match p.kind {
                                ReorganisationKind::MergedInto => {
                                    td_string!(locale_of(lang), predecessor_merged_into, date = date)
                                }
                                ReorganisationKind::RenamedTo => {
                                    td_string!(locale_of(lang), predecessor_renamed_to, date = date)
                                }
                                ReorganisationKind::SplitInto => {
                                    td_string!(locale_of(lang), predecessor_split_into, date = date)
                                }
                                ReorganisationKind::Abolished => {
                                    td_string!(locale_of(lang), predecessor_abolished, date = date)
                                }
                            };
                            view! { <li>{agency_link(&p.body, lang)}": "{what}</li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
