//! On a page that is a step of a life situation: "Part of" the journey, the
//! step this page is, the steps either side, and the way back to all steps.

use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{JourneyPart, Lang, Route, StepRef};

#[component]
pub fn PartOfJourneys(lang: Lang, parts: Vec<JourneyPart>) -> impl IntoView {
    parts
        .into_iter()
        .map(|part| {
            let journey = Route::Journey(part.journey.slug.clone()).url(lang);
            let heading = format!("part-of-{}", part.journey.slug);
            let step = format!("{}. {}", part.step.number, part.step.title);
            let either_side = [
                (td_string!(locale_of(lang), step_previous).to_string(), part.previous),
                (td_string!(locale_of(lang), step_next).to_string(), part.next),
            ];
            view! {
                <aside class="part-of" aria-labelledby=heading>
                    <h2 class="part-of-heading" id=heading.clone()>
                        <span class="part-of-label">{td!(locale_of(lang), part_of)}</span>
                        " "
                        <a href=journey.clone()>{part.journey.name.clone()}</a>
                    </h2>
                    <p class="part-of-step">{td!(locale_of(lang), part_of_this_step)} " " <strong>{step}</strong></p>
                    <ul class="part-of-steps">
                        {either_side
                            .into_iter()
                            .filter_map(|(label, step)| step.map(|step| view! { <SideStep label step lang /> }))
                            .collect_view()}
                    </ul>
                    <p>
                        <a href=journey>
                            {td!(locale_of(lang), part_of_all_steps)}
                            <span class="visually-hidden">{format!(" ({})", part.journey.name)}</span>
                        </a>
                    </p>
                </aside>
            }
        })
        .collect_view()
}

/// The step before or after, linked to its first page where it has one in this language.
#[component]
fn SideStep(label: String, step: StepRef, lang: Lang) -> impl IntoView {
    let text = format!("{}. {}", step.number, step.title);
    view! {
        <li>
            <span class="part-of-side">{label}</span>
            " "
            {match step.page {
                Some(page) => view! { <a href=Route::Page(page.slug).url(lang)>{text}</a> }.into_any(),
                None => view! { <span>{text}</span> }.into_any(),
            }}
        </li>
    }
}
