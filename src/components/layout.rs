//! The frame of every page: skip link, header with the language switch and
//! main menu, the main landmark, the footer and the route announcer.

use super::announcer::LiveRegion;
use super::display_panel::{DisplayPanel, DisplayToggle};
use crate::i18n::*;
use crate::routes::AppUrl;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use portal_content::{nav, Lang, Route};

#[component]
pub fn Frame(lang: Signal<Lang>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main-content" on:click=skip_to_main>
            {t!(i18n, skip_to_content)}
        </a>
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href=move || Route::Home.url(lang.get())>
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">{t!(i18n, portal_name)}</span>
                </a>
                <div class="header-tools">
                    <LanguageSwitch lang />
                    <DisplayToggle />
                </div>
            </div>
            // The settings open right after their button, before the search field.
            <DisplayPanel />
            <div class="container header-search-row">
                <super::search_box::SearchBox lang />
            </div>
            <nav class="main-menu" aria-label=move || t_string!(i18n, main_menu).to_string()>
                <div class="container">
                    <ul>
                        <MenuLinks lang links=nav::header_links() />
                    </ul>
                </div>
            </nav>
        </header>
        <Notices />
        <main id="main-content" class="container main" tabindex="-1">
            {children()}
            <super::page_feedback::PageFeedback lang />
        </main>
        <footer class="site-footer">
            <div class="container">
                <h2 class="visually-hidden">{t!(i18n, footer_heading)}</h2>
                <ul class="footer-links">
                    <MenuLinks lang links=nav::footer_links() />
                </ul>
                <p class="demo-notice">{t!(i18n, demo_notice)}</p>
            </div>
        </footer>
        <LiveRegion />
    }
}

/// Offline and new-version notices, above the page.
#[component]
fn Notices() -> impl IntoView {
    let i18n = use_i18n();
    let c = expect_context::<crate::offline::Connectivity>();
    view! {
        <div class="notices" role="status">
            <Show when=move || !c.online.get()>
                <p class="notice notice-offline container">{t!(i18n, offline_notice)}</p>
            </Show>
            <Show when=move || c.update_ready.get()>
                <p class="notice notice-update container">
                    {t!(i18n, update_notice)} " "
                    <button type="button" class="button" on:click=|_| crate::offline::reload_into_new_version()>
                        {t!(i18n, update_reload)}
                    </button>
                </p>
            </Show>
        </div>
    }
}

/// The router handles in-page links itself and moves no focus, so the skip
/// link focuses the main landmark directly.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    if let Some(main) = crate::served::document().and_then(|d| d.get_element_by_id("main-content")) {
        use wasm_bindgen::JsCast;
        ev.prevent_default();
        let main: web_sys::HtmlElement = main.unchecked_into();
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// The links of every page's header and footer, from the navigation model.
#[component]
fn MenuLinks(lang: Signal<Lang>, links: Vec<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    links
        .into_iter()
        .map(|route| {
            let label = {
                let route = route.clone();
                move || match route {
                    Route::Agencies => t_string!(i18n, nav_agencies).to_string(),
                    Route::Regions => t_string!(i18n, nav_regions).to_string(),
                    Route::News => t_string!(i18n, nav_news).to_string(),
                    Route::Documents => t_string!(i18n, nav_documents).to_string(),
                    Route::Journeys => t_string!(i18n, life_title).to_string(),
                    Route::Drafts => t_string!(i18n, drafts_title).to_string(),
                    Route::Accessibility => t_string!(i18n, nav_accessibility).to_string(),
                    Route::Quality => t_string!(i18n, nav_quality).to_string(),
                    _ => t_string!(i18n, nav_home).to_string(),
                }
            };
            let href = {
                let route = route.clone();
                move || route.url(lang.get())
            };
            let target = href.clone();
            let current = move || (location.pathname.get() == target()).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=current>
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view()
}

/// Links to the same page in each language, named in that language.
#[component]
fn LanguageSwitch(lang: Signal<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // The same path with its language segment replaced; query and fragment kept.
    let href_in = move |target: Lang| {
        let path = location.pathname.get();
        let path = path.strip_prefix(crate::routes::base_path()).unwrap_or(&path);
        let rest = path.trim_start_matches('/').split_once('/').map(|(_, rest)| rest).unwrap_or("");
        let search = location.search.get();
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        format!("{}/{}/{rest}{query}", crate::routes::base_path(), target.code())
    };
    view! {
        <nav class="language-switch" aria-label=move || t_string!(i18n, language_label).to_string()>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|target| {
                        let current = move || (lang.get() == target).then_some("true");
                        view! {
                            <li>
                                <a
                                    href=move || href_in(target)
                                    hreflang=target.code()
                                    lang=target.code()
                                    aria-current=current
                                >
                                    {target.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
