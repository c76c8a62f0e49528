//! The app: providers (UI language, content client, announcer), the router
//! and the frame every page shares.

use crate::api::ApiClient;
use crate::components::layout::Frame;
use crate::components::{Announcer, NotFound};
use crate::i18n::*;
use crate::language;
use crate::prerendered::Staged;
use crate::routes::AppRoutes;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, Router};
use leptos_router::hooks::{use_location, use_params_map};
use portal_content::Lang;

#[component]
pub fn App() -> impl IntoView {
    provide_context(ApiClient::from_document());
    provide_context(Announcer::new());
    crate::components::display_panel::Display::provide();
    crate::offline::Connectivity::provide();
    view! {
        <Staged>
            <I18nContextProvider>
                <Staged>
                    <Router base=crate::routes::base_path()>
                        <AppRoutes />
                    </Router>
                </Staged>
            </I18nContextProvider>
        </Staged>
    }
}

/// `/`: sends the reader to their language's home page.
#[component]
pub fn RootRedirect() -> impl IntoView {
    // The router adds the base path itself.
    let target = portal_content::Route::Home.href(language::preferred());
    view! { <Redirect path=target /> }
}

/// Everything under `/:lang`. An unknown language code is a not-found page
/// in the reader's preferred language.
#[component]
pub fn LangLayout() -> impl IntoView {
    let params = use_params_map();
    let parsed = Memo::new(move |_| params.read().get("lang").and_then(|code| Lang::from_code(&code)));
    let lang = Signal::derive(move || parsed.get().unwrap_or_else(language::preferred));
    let i18n = use_i18n();
    // Set at once for the first render, then kept in step with the URL.
    i18n.set_locale(language::locale_of(lang.get_untracked()));
    Effect::new(move |_| {
        let lang = lang.get();
        i18n.set_locale(language::locale_of(lang));
        if parsed.get().is_some() {
            language::remember(lang);
        }
    });
    provide_context(lang);

    // After the first page, every change of location is the reader moving:
    // the next page heading takes focus and is announced.
    let announcer = expect_context::<Announcer>();
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            announcer.reader_moved();
            crate::offline::check_for_update();
        }
        path
    });

    view! {
        <Staged>
            <Frame lang>
                {move || match parsed.get() {
                    Some(_) => view! { <Outlet /> }.into_any(),
                    None => view! { <NotFound lang=lang.get() /> }.into_any(),
                }}
            </Frame>
        </Staged>
    }
}

/// The page language, provided by [`LangLayout`].
pub fn use_lang() -> Signal<Lang> {
    expect_context::<Signal<Lang>>()
}
