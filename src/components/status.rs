//! What a page shows while its content loads, when it fails, and when it does not exist.

use super::PageHeading;
use crate::api::ApiError;
use crate::i18n::*;
use crate::routes::AppUrl;
use leptos::prelude::*;
use portal_content::{Lang, Route};

/// An accessible progress indicator: announced once, visible as a bar.
#[component]
pub fn Loading() -> impl IntoView {
    let locale = crate::language::page_locale();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <div class="loading-bar" aria-hidden="true"></div>
            <p class="loading-text">{td!(locale, loading)}</p>
        </div>
    }
}

/// The content could not be loaded: says why in the reader's language and
/// offers a retry. As the page (no `title`), its heading is the page's; as
/// one part of a page (`title`), an alert headed `title`.
#[component]
pub fn ErrorPanel(error: ApiError, retry: Callback<()>, title: Option<String>) -> impl IntoView {
    // The page's language, read once: a failed page is made again on a switch.
    let locale = crate::language::page_locale();
    let message = match &error {
        ApiError::Network | ApiError::NotFound => td_string!(locale, error_network).to_string(),
        ApiError::Timeout => td_string!(locale, error_timeout).to_string(),
        ApiError::Malformed(_) => td_string!(locale, error_malformed).to_string(),
        ApiError::Status(code) => td_string!(locale, error_status, code = *code).to_string(),
    };
    leptos::logging::warn!("could not load: {error:?}");
    // A part of a page that failed after the reader acted is said at once.
    let role = title.is_some().then_some("alert");
    let heading = match title {
        None => view! {
            <PageHeading
                text=td_string!(locale, error_title).to_string()
                announcement=td_string!(locale, page_failed).to_string()
            />
        }
        .into_any(),
        Some(title) => view! { <h2>{title}</h2> }.into_any(),
    };
    view! {
        <div class="error-panel" data-testid="error-panel" role=role>
            {heading}
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {td_string!(locale, retry)}
            </button>
        </div>
    }
}

/// A real "not found" page in the reader's language.
#[component]
pub fn NotFound(lang: Lang) -> impl IntoView {
    // Rendered at once, possibly before the UI language has followed the
    // URL, so the strings are taken for `lang` explicitly.
    let locale = crate::language::locale_of(lang);
    view! {
        <div class="not-found" data-testid="not-found">
            <PageHeading text=td_string!(locale, not_found_title).to_string() />
            <p>{td_string!(locale, not_found_text)}</p>
            <p>
                <a href=Route::Home.url(lang)>{td_string!(locale, not_found_home)}</a>
            </p>
        </div>
    }
}

/// The item exists, but not in the reader's language: says so in that
/// language and links to the versions that exist.
#[component]
pub fn Unavailable(lang: Lang, route: Route, info: portal_content::Unavailable) -> impl IntoView {
    let locale = crate::language::locale_of(lang);
    view! {
        <div class="unavailable" data-testid="unavailable">
            <PageHeading text=td_string!(locale, unavailable_title).to_string() />
            <p>{td_string!(locale, unavailable_text)}</p>
            <ul class="list list-bullet">
                {info
                    .versions
                    .into_iter()
                    .map(|v| {
                        let code = v.lang.code();
                        view! {
                            <li>
                                <a href=route.url(v.lang) hreflang=code lang=code>
                                    {format!("{}: {}", v.lang.native_name(), v.title)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The item was removed and its address leads to `to`: the app goes there
/// in place of this address (so Back does not return to it), and says
/// where it went for the moment before, with the link.
#[component]
pub fn Moved(lang: Lang, to: String) -> impl IntoView {
    let locale = crate::language::locale_of(lang);
    let href = Route::parse_neutral(&to).map(|route| route.url(lang));
    if let Some(href) = href.clone() {
        let navigate = leptos_router::hooks::use_navigate();
        Effect::new(move |_| {
            navigate(&href, leptos_router::NavigateOptions { replace: true, ..Default::default() });
        });
    }
    view! {
        <div class="moved">
            <PageHeading text=td_string!(locale, moved_title).to_string() />
            {href
                .map(|href| {
                    view! {
                        <p>
                            <a href=href>{td_string!(locale, moved_link)}</a>
                        </p>
                    }
                })}
        </div>
    }
}
