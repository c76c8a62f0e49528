//! Loads one API document and shows it, a loading indicator, or an error
//! with a retry. A new route or language builds a new loader, so the
//! previous page is never shown as if it were the current one.

use super::{ErrorPanel, Loading, NotFound, Unavailable};
use crate::api::{ApiClient, ApiError, Leave};
use leptos::prelude::*;
use portal_content::{Item, Lang, Route};
use serde::de::DeserializeOwned;

pub fn fetched<T, V>(route: Route, lang: Lang, render: impl Fn(T) -> V + Clone + Send + Sync + 'static) -> impl IntoView
where
    T: DeserializeOwned + Clone + 'static,
    V: IntoView + 'static,
{
    let client = expect_context::<ApiClient>();
    let announcer = expect_context::<super::Announcer>();
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let show = {
            let render = render.clone();
            move |result: Result<T, ApiError>| match result {
                // Untracked: the page is made again when its route or language
                // changes, not when a string it read is set to the same value.
                Ok(doc) => untrack(|| render(doc).into_any()),
                Err(ApiError::NotFound) => view! { <NotFound lang /> }.into_any(),
                Err(error) => {
                    let retry = Callback::new(move |()| {
                        announcer.reader_moved();
                        attempt.update(|n| *n += 1);
                    });
                    view! { <ErrorPanel error retry /> }.into_any()
                }
            }
        };
        // At build time, on the page the browser hydrates, and for a page
        // read before: at once, so the HTML is the page and not "loading".
        if let Some(result) = client.ready::<T>(&route, lang) {
            return show(result);
        }
        let (client, route) = (client.clone(), route.clone());
        // Leaving the page (another route, language or attempt) stops its request.
        let leave = Leave::default();
        let on_leave = send_wrapper::SendWrapper::new(leave.clone());
        on_cleanup(move || on_leave.now());
        let resource = LocalResource::new(move || {
            let (client, route, leave) = (client.clone(), route.clone(), leave.clone());
            async move { client.document::<T>(&route, lang, &leave).await }
        });
        (move || match resource.get() {
            None => view! { <Loading /> }.into_any(),
            Some(result) => show.clone()(result),
        })
        .into_any()
    }
}

/// The page of one content item (`/:lang/<kind>/:slug`): loads the item's
/// document for the slug in the URL and renders it with `render`, or, when
/// the item has no version in the reader's language, says so and links to
/// the languages it exists in.
pub fn item_page<T, V>(
    route_for: fn(String) -> Route,
    render: impl Fn(T, Lang) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: DeserializeOwned + Clone + 'static,
    V: IntoView + 'static,
{
    let (lang, slug) = (crate::app::use_lang(), crate::routes::use_slug());
    move || {
        let (lang, route) = (lang.get(), route_for(slug.get()));
        let (this, render) = (route.clone(), render.clone());
        fetched(route, lang, move |item: Item<T>| match item {
            Item::Unavailable(info) => view! { <Unavailable lang route=this.clone() info /> }.into_any(),
            Item::Available(doc) => render(doc, lang).into_any(),
        })
    }
}
