//! The app: providers (UI language, content client, announcer), the router
//! and the frame every page shares.

use crate::api::ApiClient;
use crate::components::layout::Frame;
use crate::components::{Announcer, NotFound};
use crate::i18n::*;
use crate::language;
use crate::routes::AppRoutes;
use leptos::prelude::*;
use leptos_i18n::context::UseLocalesOptions;
use leptos_router::components::{Outlet, Redirect, Router};
use leptos_router::hooks::{use_location, use_params_map};
use portal_content::Lang;

#[component]
pub fn App() -> impl IntoView {
    // At build time the renderer provides a client that reads the API from disk.
    if use_context::<ApiClient>().is_none() {
        let client = ApiClient::from_document();
        client.keep_embedded();
        provide_context(client);
    }
    provide_context(Announcer::new());
    crate::served::TakenOver::provide();
    crate::components::display_panel::Display::provide();
    crate::offline::Connectivity::provide();
    // No cookie (the language is in every URL) and no request headers (there is no request at build time).
    let no_header = UseLocalesOptions::default().ssr_lang_header_getter(|| None);
    view! {
        <I18nContextProvider enable_cookie=false ssr_lang_header_getter=no_header>
            <Router base=crate::routes::base_path()>
                <AppRoutes />
            </Router>
        </I18nContextProvider>
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
    // Setting the locale notifies every string even when it is the same.
    let follow = move |lang: Lang| {
        if i18n.get_locale_untracked() != language::locale_of(lang) {
            i18n.set_locale(language::locale_of(lang));
        }
    };
    // Set at once for the first render, then kept in step with the URL.
    follow(lang.get_untracked());
    Effect::new(move |_| {
        let lang = lang.get();
        follow(lang);
        if parsed.get().is_some() {
            language::remember(lang);
        }
    });
    provide_context(lang);

    // After the first page, every change of location is the reader moving:
    // the next page heading takes focus and is announced.
    let announcer = expect_context::<Announcer>();
    let location = use_location();
    // Feedback kept in this browser goes when the service may be reachable
    // again: now, when the browser is back online, and on every new page.
    let send_kept = move || {
        crate::feedback::send_kept(move |_| announcer.say_aside(t_string!(i18n, feedback_kept_sent).to_string()))
    };
    Effect::new(move |_| {
        send_kept();
        // For the whole visit: the handle is dropped on purpose.
        std::mem::forget(window_event_listener(leptos::ev::online, move |_| send_kept()));
    });
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            announcer.reader_moved();
            crate::offline::check_for_update();
            send_kept();
        }
        path
    });

    view! {
        <Frame lang>
            {move || match parsed.get() {
                Some(_) => view! { <Outlet /> }.into_any(),
                None => view! { <NotFound lang=lang.get() /> }.into_any(),
            }}
        </Frame>
    }
}

/// The page language, provided by [`LangLayout`].
pub fn use_lang() -> Signal<Lang> {
    expect_context::<Signal<Lang>>()
}
