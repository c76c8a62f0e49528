//! The route table. URLs themselves are built in one place only,
//! `portal_content::Route::href`, shared with the compiler's sitemap.

use crate::app::{LangLayout, RootRedirect};
use crate::pages;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Routes};
use leptos_router::path;

#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <pages::not_found::NotFoundPage /> }>
            <Route path=path!("/") view=RootRedirect />
            <ParentRoute path=path!("/:lang") view=LangLayout>
                <Route path=path!("") view=pages::home::HomePage />
                <Route path=path!("/topics/:slug") view=pages::topic::TopicPage />
                <Route path=path!("/pages/:slug") view=pages::page::ContentPage />
                <Route path=path!("/agencies") view=pages::agencies::AgenciesPage />
                <Route path=path!("/agencies/:slug") view=pages::agency::AgencyPage />
                <Route path=path!("/regions") view=pages::regions::RegionsPage />
                <Route path=path!("/regions/:slug") view=pages::region::RegionPage />
                <Route path=path!("/accessibility") view=pages::accessibility::AccessibilityPage />
                <Route path=path!("/quality") view=pages::quality::QualityPage />
                <Route path=path!("/search") view=pages::search::SearchPage />
                <Route path=path!("/news") view=pages::news::NewsPage />
                <Route path=path!("/news/archive/:slug") view=pages::news::NewsMonthPage />
                <Route path=path!("/news/:slug") view=pages::news::NewsItemPage />
                <Route path=path!("/documents") view=pages::documents::DocumentsPage />
                <Route path=path!("/documents/types/:slug") view=pages::documents::DocumentTypePage />
                <Route path=path!("/documents/:slug") view=pages::documents::DocumentPage />
                <Route path=path!("/*any") view=pages::not_found::NotFoundPage />
            </ParentRoute>
        </Routes>
    }
}

/// The `:slug` parameter of the current route (an item's slug, a month of
/// the news archive, a type of document).
pub fn use_slug() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.read().get("slug").unwrap_or_default())
}

/// The path the portal is deployed under, without a trailing slash: empty
/// at a domain's root, `/portal` under `https://example.kz/portal/`. Read
/// from `<base href>`, which Trunk writes from its public URL.
pub fn base_path() -> &'static str {
    use std::sync::OnceLock;
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let base_uri = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
        let path = base_uri.and_then(|uri| web_sys::Url::new(&uri).ok()).map(|u| u.pathname()).unwrap_or_default();
        path.trim_end_matches('/').to_owned()
    })
}

/// A route's address in the app: its URL path (`Route::href`) under the base path.
pub trait AppUrl {
    fn url(&self, lang: portal_content::Lang) -> String;
}

impl AppUrl for portal_content::Route {
    fn url(&self, lang: portal_content::Lang) -> String {
        format!("{}{}", base_path(), self.href(lang))
    }
}

/// The search page's path for the router, `/{lang}/search` with `params`
/// as its query. Search has no content document, so it is not a
/// `portal_content::Route`; this is the one place its address is built.
pub fn search_path(lang: portal_content::Lang, params: &web_sys::UrlSearchParams) -> String {
    let query = String::from(params.to_string());
    let separator = if query.is_empty() { "" } else { "?" };
    format!("/{}/search{separator}{query}", lang.code())
}

/// The search page's address under the base path, for a form's `action`.
pub fn search_url(lang: portal_content::Lang) -> String {
    let none = web_sys::UrlSearchParams::new().expect("UrlSearchParams exists in browsers");
    format!("{}{}", base_path(), search_path(lang, &none))
}
