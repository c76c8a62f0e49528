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
                <Route path=path!("/*any") view=pages::not_found::NotFoundPage />
            </ParentRoute>
        </Routes>
    }
}

/// The `:slug` parameter of the current route.
pub fn use_slug() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.read().get("slug").unwrap_or_default())
}
