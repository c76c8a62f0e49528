//! Life situations: the list (`/{lang}/life`) and a journey's page
//! (`/{lang}/life/{slug}`), whose steps open and close.
//!
//! Every step is in the HTML, so without scripts every step is shown and
//! the buttons are hidden by the styles. Where scripts run,
//! display-early.js marks `<html>` before the first paint, the styles close
//! the steps, and the buttons work: through the early script until the app
//! has taken the page over (or if it never does), through the app after.
//! The state is the class `step-open` on each step and `all-open` on the
//! controls, with `aria-expanded` on the buttons; the labels "Show" and
//! "Hide" are both in the HTML and the styles show the one that applies.

use crate::app::use_lang;
use crate::components::{fetched, item_page, Blocks, Breadcrumbs, CardList, PageHeading, PostedAndUpdated};
use crate::format::journey_figure;
use crate::i18n::*;
use crate::language::locale_of;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{JourneyDoc, JourneyStep, JourneysDoc, Lang, Route, StepJoin};

/// Every life situation.
#[component]
pub fn JourneysPage() -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        fetched(Route::Journeys, lang, move |doc: JourneysDoc| {
            let cards = doc.journeys.into_iter().map(|j| (Route::Journey(j.slug.clone()), j)).collect();
            view! {
                <Breadcrumbs lang trail=vec![] />
                <PageHeading text=td_string!(locale_of(lang), life_title).to_string() />
                <p class="lead">{td!(locale_of(lang), life_summary)}</p>
                <CardList lang cards />
            }
        })
    }
}

/// A journey: its steps in order, each with its text and pages.
#[component]
pub fn JourneyPage() -> impl IntoView {
    item_page(Route::Journey, move |doc: JourneyDoc, lang| {
        let opened: Vec<RwSignal<bool>> = doc.steps.iter().enumerate().map(|(i, _)| step_opened_early(i)).collect();
        let all_open = {
            let opened = opened.clone();
            Memo::new(move |_| opened.iter().all(|o| o.get()))
        };
        let toggle_all = {
            let opened = opened.clone();
            move |_| {
                let open = !all_open.get_untracked();
                opened.iter().for_each(|o| o.set(open));
            }
        };
        let glance = journey_glance(&doc, lang);
        let steps = doc
            .steps
            .into_iter()
            .zip(opened)
            .enumerate()
            .map(|(i, (step, open))| view! { <Step index=i step open lang /> })
            .collect_view();
        view! {
            <Breadcrumbs lang trail=vec![(td_string!(locale_of(lang), life_title).to_string(), Route::Journeys)] />
            <article class="journey">
                <PageHeading text=doc.title />
                <p class="lead">{doc.summary}</p>
                {glance}
                <Blocks blocks=doc.intro lang />
                <div class="steps-controls" class:all-open=move || all_open.get()>
                    <button
                        type="button"
                        class="steps-toggle-all"
                        aria-controls="steps"
                        aria-expanded=move || all_open.get().to_string()
                        on:click=toggle_all
                    >
                        <span class="when-closed">{td!(locale_of(lang), steps_show_all)}</span>
                        <span class="when-open">{td!(locale_of(lang), steps_hide_all)}</span>
                    </button>
                </div>
                <ol class="steps" id="steps">
                    {steps}
                </ol>
                <dl class="page-meta">
                    <PostedAndUpdated posted=None updated=Some(doc.updated) lang />
                </dl>
            </article>
        }
    })
}

/// Whether step `i` starts open: closed, unless the reader opened it on
/// the rendered page before the app took it over (the early script marks it).
fn step_opened_early(i: usize) -> RwSignal<bool> {
    let open = crate::served::is_served_page()
        && crate::served::document()
            .and_then(|d| d.get_element_by_id(&step_id(i)))
            .is_some_and(|step| step.class_list().contains(OPEN_CLASS));
    RwSignal::new(open)
}

/// The class of an open step, which the styles and the early script share.
const OPEN_CLASS: &str = "step-open";

fn step_id(i: usize) -> String {
    format!("step-{}", i + 1)
}

#[component]
fn Step(index: usize, step: JourneyStep, open: RwSignal<bool>, lang: Lang) -> impl IntoView {
    let id = step_id(index);
    let panel = format!("{id}-panel");
    let join = step.join.map(|join| match join {
        StepJoin::Or => td_string!(locale_of(lang), step_or).to_string(),
        StepJoin::And => td_string!(locale_of(lang), step_and).to_string(),
    });
    let pages = step
        .pages
        .into_iter()
        .map(|page| {
            let figures = [
                (td_string!(locale_of(lang), cost).to_string(), page.cost),
                (td_string!(locale_of(lang), timing).to_string(), page.timing),
            ];
            view! {
                <li>
                    <a href=Route::Page(page.slug.clone()).url(lang)>{page.title}</a>
                    {figures
                        .into_iter()
                        .filter_map(|(label, value)| value.map(|v| view! { <p class="step-figure">{label}": "{v}</p> }))
                        .collect_view()}
                </li>
            }
        })
        .collect_view();
    let joined = join.is_some();
    view! {
        <li class="step" class:step-joined=joined class:step-open=move || open.get() id=id.clone()>
            {join.map(|join| view! { <p class="step-join">{join}</p> })}
            <div class="step-header">
                <h2 class="step-heading">
                    <span class="step-number">
                        <span class="visually-hidden">{td!(locale_of(lang), step_label)} " "</span>
                        {step.number}
                    </span>
                    " "
                    <span class="step-title">{step.title.clone()}</span>
                </h2>
                <button
                    type="button"
                    class="step-toggle"
                    aria-controls=panel.clone()
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span class="when-closed">{td!(locale_of(lang), step_show)}</span>
                    <span class="when-open">{td!(locale_of(lang), step_hide)}</span>
                    <span class="visually-hidden">{format!(" ({})", step.title)}</span>
                </button>
            </div>
            <div class="step-panel" id=panel>
                <Blocks blocks=step.text lang />
                <ul class="step-pages">{pages}</ul>
            </div>
        </li>
    }
}

/// The journey's cost and time summed over its steps, where they give them.
fn journey_glance(doc: &JourneyDoc, lang: Lang) -> impl IntoView {
    view! {
        <dl class="at-a-glance">
            <div>
                <dt>{td!(locale_of(lang), life_cost)}</dt>
                <dd>{journey_figure(&doc.cost, lang, true)}</dd>
            </div>
            <div>
                <dt>{td!(locale_of(lang), life_timing)}</dt>
                <dd>{journey_figure(&doc.timing, lang, false)}</dd>
            </div>
        </dl>
    }
}
