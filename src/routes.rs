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
                <Route path=path!("/drafts") view=pages::drafts::DraftsPage />
                <Route path=path!("/drafts/archive/:slug") view=pages::drafts::DraftsYearPage />
                <Route path=path!("/drafts/:slug") view=pages::drafts::DraftPage />
                <Route path=path!("/life") view=pages::life::JourneysPage />
                <Route path=path!("/life/:slug") view=pages::life::JourneyPage />
                <Route path=path!("/feedback/sent") view=pages::feedback_sent::FeedbackSentPage />
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
/// at a domain's root, `/portal` under `https://example.kz/portal/`. In the
/// browser, read from `<base href>`, which Trunk writes from its public URL;
/// at build time, set by the renderer ([`set_base_path`]).
pub fn base_path() -> &'static str {
    BASE.get_or_init(|| {
        let base_uri = crate::served::document().and_then(|d| d.base_uri().ok().flatten());
        let path = base_uri.and_then(|uri| web_sys::Url::new(&uri).ok()).map(|u| u.pathname()).unwrap_or_default();
        path.trim_end_matches('/').to_owned()
    })
}

static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets the base path for rendering at build time (`/portal/` or `/`); once a process.
pub fn set_base_path(public_url: &str) -> Result<(), String> {
    let path = public_url.trim_end_matches('/').to_owned();
    BASE.set(path).map_err(|path| format!("the base path is already set (to something other than {path})"))
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

/// `pairs` as a URL query, encoded as a form would (`body=A+B&year=2025`).
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

/// The search page's path for the router, `/{lang}/search` with `params`
/// as its query. Search has no content document, so it is not a
/// `portal_content::Route`; this is the one place its address is built.
pub fn search_path<'a>(lang: portal_content::Lang, params: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let query = query_string(params);
    let separator = if query.is_empty() { "" } else { "?" };
    format!("/{}/search{separator}{query}", lang.code())
}

/// The search page's address under the base path, for a form's `action`.
pub fn search_url(lang: portal_content::Lang) -> String {
    format!("{}{}", base_path(), search_path(lang, []))
}
