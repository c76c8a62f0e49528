//! The one way a page loads what it shows: at once when it is ready, else
//! a loading indicator, then the result, or the failure with a retry. Used
//! for API documents (`fetched`, `item_page`), the search page and the
//! filtered lists. A new route, language or query builds a new loader, so
//! the previous answer is never shown as if it were the current one.

use super::{ErrorPanel, Loading, Moved, NotFound, Unavailable};
use crate::api::{ApiClient, ApiError, Leave};
use leptos::prelude::*;
use portal_content::{Item, Lang, Route};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// Where a failure is shown.
#[derive(Clone)]
pub enum Placement {
    /// As the page itself: its heading says what failed (focus and the
    /// announcement follow it), and what does not exist is the not-found page.
    Page(Lang),
    /// As one part of a page that has its own heading: an alert headed `title`.
    Part { title: String },
}

/// An answer as a loader shows it: the caller's view of its typed value,
/// made when shown. The loader works with this alone, so it is compiled
/// once and not once for every kind of answer (it was a tenth of the app's
/// WebAssembly).
#[derive(Clone)]
struct Shown(Arc<dyn Fn() -> AnyView + Send + Sync>);

type Answer = Result<Shown, ApiError>;
type Pending = Pin<Box<dyn Future<Output = Answer>>>;

/// Shows `ready()` at once when it has an answer, else loads with `load`.
/// `load` gets a [`Leave`] that stops its request when the reader moves on
/// (another page, language, query or attempt).
pub fn loaded<T, Fut, V>(
    placement: Placement,
    ready: impl Fn() -> Option<Result<T, ApiError>> + Send + Sync + 'static,
    load: impl Fn(Leave) -> Fut + Clone + Send + Sync + 'static,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
    V: IntoView + 'static,
{
    let shown = move |value: T| {
        let show = show.clone();
        Shown(Arc::new(move || show(value.clone()).into_any()))
    };
    let ready = {
        let shown = shown.clone();
        move || ready().map(|result| result.map(&shown))
    };
    let load = move |leave: Leave| -> Pending {
        let (load, shown) = (load.clone(), shown.clone());
        Box::pin(async move { load(leave).await.map(shown) })
    };
    loader(placement, Box::new(ready), Arc::new(load))
}

fn loader(
    placement: Placement,
    ready: Box<dyn Fn() -> Option<Answer> + Send + Sync>,
    load: Arc<dyn Fn(Leave) -> Pending + Send + Sync>,
) -> impl IntoView {
    let announcer = expect_context::<super::Announcer>();
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let answer = {
            let placement = placement.clone();
            move |result: Answer| match (result, &placement) {
                // Untracked: the view is made again when what it loads changes,
                // not when a string it read is set to the same value.
                (Ok(shown), _) => untrack(|| (shown.0)()),
                (Err(ApiError::NotFound), Placement::Page(lang)) => view! { <NotFound lang=*lang /> }.into_any(),
                (Err(error), placement) => {
                    let retry = Callback::new(move |()| {
                        announcer.reader_moved();
                        attempt.update(|n| *n += 1);
                    });
                    let title = match placement {
                        Placement::Page(_) => None,
                        Placement::Part { title } => Some(title.clone()),
                    };
                    view! { <ErrorPanel error retry title /> }.into_any()
                }
            }
        };
        // At build time, on the page the browser hydrates, and for what was
        // read before: at once, so the HTML is the page and not "loading".
        if let Some(result) = ready() {
            return answer(result);
        }
        let leave = Leave::default();
        let on_leave = send_wrapper::SendWrapper::new(leave.clone());
        on_cleanup(move || on_leave.now());
        let load = load.clone();
        let resource = LocalResource::new(move || load(leave.clone()));
        (move || match resource.get() {
            None => view! { <Loading /> }.into_any(),
            Some(result) => answer.clone()(result),
        })
        .into_any()
    }
}

/// One API document, shown as the page with `render`.
pub fn fetched<T, V>(route: Route, lang: Lang, render: impl Fn(T) -> V + Clone + Send + Sync + 'static) -> impl IntoView
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let client = expect_context::<ApiClient>();
    let ready = {
        let (client, route) = (client.clone(), route.clone());
        move || client.ready::<T>(&route, lang)
    };
    let load = move |leave: Leave| {
        let (client, route) = (client.clone(), route.clone());
        async move { client.document::<T>(&route, lang, &leave).await }
    };
    loaded(Placement::Page(lang), ready, load, render)
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
    T: DeserializeOwned + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let (lang, slug) = (crate::app::use_lang(), crate::routes::use_slug());
    move || {
        let (lang, route) = (lang.get(), route_for(slug.get()));
        let (this, render) = (route.clone(), render.clone());
        fetched(route, lang, move |item: Item<T>| match item {
            Item::Unavailable(info) => view! { <Unavailable lang route=this.clone() info /> }.into_any(),
            Item::Available(doc) => render(doc, lang).into_any(),
            Item::Moved(moved) => view! { <Moved lang to=moved.to /> }.into_any(),
        })
    }
}
