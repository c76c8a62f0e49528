//! Search results as a list of hits: shared by the search page and the
//! filtered lists.

use crate::format;
use crate::i18n::*;
use crate::language::locale_of;
use crate::search::Found;
use leptos::prelude::*;
use portal_content::search::*;
use portal_content::Lang;

/// The results: the count (announced), then each hit.
#[component]
pub fn Results(lang: Lang, found: Found, words: String) -> impl IntoView {
    let count = found.total;
    let shown = found.hits.len();
    let announcer = expect_context::<crate::components::Announcer>();
    let summary = if words.trim().is_empty() {
        td_string!(locale_of(lang), search_count_filtered, count = count).to_string()
    } else {
        td_string!(locale_of(lang), search_count, count = count, words = words.trim().to_owned()).to_string()
    };
    // The count is what a screen-reader user needs first after searching.
    announcer.say(summary.clone());
    view! {
        <p class="search-count" id="search-count">
            {summary}
        </p>
        {(shown < count).then(|| view! { <p>{td!(locale_of(lang), search_first_shown, shown = shown)}</p> })}
        <ol class="search-hits" aria-labelledby="search-count">
            {found
                .hits
                .into_iter()
                .map(|hit| {
                    view! {
                        <li class="search-hit">
                            <h2 class="search-hit-title">
                                <a href=hit.href lang=hit.title_lang>
                                    {hit.title}
                                </a>
                            </h2>
                            <p class="search-hit-excerpt">
                                {hit
                                    .excerpt
                                    .into_iter()
                                    .map(|(text, marked)| {
                                        if marked { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() }
                                    })
                                    .collect_view()}
                            </p>
                            {(hit.body.is_some() || hit.date.is_some())
                                .then(|| {
                                    view! {
                                        <dl class="search-hit-meta">
                                            {hit
                                                .body
                                                .map(|b| {
                                                    view! {
                                                        <div>
                                                            <dt>{td!(locale_of(lang), responsible_body)}</dt>
                                                            <dd>{b}</dd>
                                                        </div>
                                                    }
                                                })}
                                            {hit
                                                .date
                                                .map(|d| {
                                                    view! {
                                                        <div>
                                                            <dt>{date_label(hit.kind.as_deref(), lang)}</dt>
                                                            <dd>
                                                                <time datetime=d.clone()>{format::date(&d, lang)}</time>
                                                            </dd>
                                                        </div>
                                                    }
                                                })}
                                        </dl>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// What a result's date is: news are published, documents adopted, pages updated.
fn date_label(kind: Option<&str>, lang: Lang) -> String {
    match kind {
        Some(KIND_NEWS) => td_string!(locale_of(lang), published),
        Some(KIND_DOCUMENT) => td_string!(locale_of(lang), doc_adopted),
        _ => td_string!(locale_of(lang), last_updated),
    }
    .to_string()
}
