//! The content API client: typed documents fetched with gloo-net from a
//! base URL the deploying team sets in index.html
//! (`<meta name="portal-api-base">`), with a timeout, an in-memory cache of
//! what was read, and errors a page can explain to the reader.

use futures::future::{select, Either};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use portal_content::{Lang, Route};
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// How long one attempt at a document may take.
const TIMEOUT_MS: u32 = 10_000;
/// Pauses before the automatic retries of a request that failed for a
/// passing reason (no network, time-out, server error): a phone that
/// drops off the network for a moment still gets the page.
const RETRY_DELAYS_MS: [u32; 2] = [500, 2_000];
const DEFAULT_BASE: &str = "api/v1/";

/// Why a document could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer: offline, DNS, connection refused, request blocked.
    Network,
    Timeout,
    /// The document does not exist: the page is not found.
    NotFound,
    /// The server answered with another error status.
    Status(u16),
    /// The answer was not a document of the expected shape.
    Malformed(String),
}

#[derive(Clone, Debug)]
pub struct ApiClient {
    base: Arc<str>,
    /// At build time: the compiled API on disk, read synchronously.
    #[cfg(feature = "ssr")]
    disk: Option<Arc<disk::Source>>,
}

thread_local! {
    /// Documents already read in this visit, by URL: going back is instant
    /// and costs no data. Only successful answers are kept.
    static CACHE: RefCell<HashMap<String, Arc<str>>> = RefCell::new(HashMap::new());
}

impl ApiClient {
    pub fn new(base: &str) -> ApiClient {
        let base = if base.ends_with('/') { base.to_owned() } else { format!("{base}/") };
        ApiClient {
            base: base.into(),
            #[cfg(feature = "ssr")]
            disk: None,
        }
    }

    /// The client for the base URL in the page's `<meta name="portal-api-base">`,
    /// resolved against the document's base (so `api/v1/` follows a sub-path deployment).
    pub fn from_document() -> ApiClient {
        let document = crate::served::document();
        let base = document
            .as_ref()
            .and_then(|d| d.query_selector("meta[name=portal-api-base]").ok().flatten())
            .and_then(|m| m.get_attribute("content"))
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_BASE.to_owned());
        let resolved = document
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|page| web_sys::Url::new_with_base(&base, &page).ok())
            .map(|url| url.href());
        ApiClient::new(resolved.as_deref().unwrap_or(&base))
    }

    /// The absolute URL of the API base, ending in `/`.
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn url(&self, route: &Route, lang: Lang) -> String {
        format!("{}{}", self.base, route.api_path(lang))
    }

    /// The document behind `route` in `lang` if it can be had without
    /// waiting: read before in this visit, embedded in the page the build
    /// rendered, or, at build time, the file on disk.
    pub fn ready<T: DeserializeOwned>(&self, route: &Route, lang: Lang) -> Option<Result<T, ApiError>> {
        #[cfg(feature = "ssr")]
        if let Some(disk) = &self.disk {
            return Some(disk.read(&route.api_path(lang)).and_then(|text| parse(&text)));
        }
        let text = CACHE.with(|c| c.borrow().get(&self.url(route, lang)).cloned())?;
        Some(parse(&text))
    }

    /// Keeps the documents a rendered page carries (`served::embedded_documents`),
    /// so the app's first render is made from them, with no request.
    pub fn keep_embedded(&self) {
        for (path, text) in crate::served::embedded_documents() {
            CACHE.with(|c| c.borrow_mut().insert(format!("{}{path}", self.base), text.into()));
        }
    }

    /// The document behind `route` in `lang`.
    /// `leave` stops its request when the page that asked for it goes.
    pub async fn document<T: DeserializeOwned>(&self, route: &Route, lang: Lang, leave: &Leave) -> Result<T, ApiError> {
        if let Some(ready) = self.ready(route, lang) {
            return ready;
        }
        let url = self.url(route, lang);
        let text = fetch_with_retries(&url, leave).await?;
        let doc = parse(&text)?;
        // Kept only once it has parsed: a damaged answer is fetched again on retry.
        CACHE.with(|c| c.borrow_mut().insert(url, text.into()));
        Ok(doc)
    }
}

impl ApiClient {
    /// Starts loading a document the reader is likely to open next (their
    /// pointer or focus is on its link), so the page appears at once on a
    /// slow network. Fire and forget: failures are left to the real request.
    pub fn prefetch(&self, route: &Route, lang: Lang) {
        let url = self.url(route, lang);
        if CACHE.with(|c| c.borrow().contains_key(&url)) || PREFETCHING.with(|p| !p.borrow_mut().insert(url.clone())) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(text) = fetch_text(&url, &Leave::default()).await {
                if serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok() {
                    CACHE.with(|c| c.borrow_mut().insert(url.clone(), text.into()));
                }
            }
            PREFETCHING.with(|p| p.borrow_mut().remove(&url));
        });
    }
}

thread_local! {
    /// Documents being prefetched, so hovering a link twice fetches once.
    static PREFETCHING: RefCell<std::collections::HashSet<String>> = RefCell::new(std::collections::HashSet::new());
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::Malformed(e.to_string()))
}

impl ApiError {
    /// Whether trying again soon may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ApiError::Network | ApiError::Timeout | ApiError::Status(500..=599) | ApiError::Status(408 | 429)
        )
    }
}

/// Stops the request of a page the reader has left, so a phone on a slow
/// network does not go on downloading what no one will read. Each attempt
/// registers its `AbortController` here; [`Leave::now`] aborts the current one.
#[derive(Clone, Default)]
pub struct Leave(std::rc::Rc<RefCell<LeaveState>>);

#[derive(Default)]
struct LeaveState {
    current: Option<web_sys::AbortController>,
    left: bool,
}

impl Leave {
    /// The page has gone: abort its request, and make no more attempts.
    pub fn now(&self) {
        let mut state = self.0.borrow_mut();
        state.left = true;
        if let Some(controller) = state.current.take() {
            controller.abort();
        }
    }

    fn left(&self) -> bool {
        self.0.borrow().left
    }

    fn attempt(&self, controller: Option<web_sys::AbortController>) {
        self.0.borrow_mut().current = controller;
    }
}

async fn fetch_with_retries(url: &str, leave: &Leave) -> Result<String, ApiError> {
    let mut result = fetch_text(url, leave).await;
    for delay in RETRY_DELAYS_MS {
        match &result {
            Err(e) if e.is_transient() && !leave.left() => {
                TimeoutFuture::new(delay).await;
                result = fetch_text(url, leave).await;
            }
            _ => break,
        }
    }
    result
}

async fn fetch_text(url: &str, leave: &Leave) -> Result<String, ApiError> {
    if leave.left() {
        return Err(ApiError::Network);
    }
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    leave.attempt(controller.clone());
    let request = Request::get(url).abort_signal(signal.as_ref());
    let exchange = async move {
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        match response.status() {
            200..=299 => response.text().await.map_err(|_| ApiError::Network),
            404 | 410 => Err(ApiError::NotFound),
            code => Err(ApiError::Status(code)),
        }
    };
    let timeout = TimeoutFuture::new(TIMEOUT_MS);
    match select(Box::pin(exchange), timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            if let Some(c) = controller {
                c.abort();
            }
            Err(ApiError::Timeout)
        }
    }
}

/// The content API on disk, for rendering pages at build time.
#[cfg(feature = "ssr")]
pub mod disk {
    use super::{ApiClient, ApiError};
    use std::path::PathBuf;
    use std::sync::{Arc, Mutex};

    #[derive(Debug)]
    pub struct Source {
        dir: PathBuf,
        /// What the page read, in order: (path under the API base, JSON text).
        read: Mutex<Vec<(String, Arc<str>)>>,
    }

    impl Source {
        pub(super) fn read(&self, path: &str) -> Result<Arc<str>, ApiError> {
            let text: Arc<str> = match std::fs::read_to_string(self.dir.join(path)) {
                Ok(text) => text.into(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ApiError::NotFound),
                Err(e) => return Err(ApiError::Malformed(format!("{path}: {e}"))),
            };
            self.read.lock().expect("not poisoned").push((path.to_owned(), text.clone()));
            Ok(text)
        }
    }

    impl ApiClient {
        /// A client that reads the API files under `dir` (the folder holding
        /// `kk/`, `ru/`, `en/`) and links them at `base`, as the page will.
        pub fn on_disk(base: &str, dir: impl Into<PathBuf>) -> ApiClient {
            let mut client = ApiClient::new(base);
            client.disk = Some(Arc::new(Source { dir: dir.into(), read: Mutex::default() }));
            client
        }

        /// The documents read since the last call: the page's data.
        pub fn take_read(&self) -> Vec<(String, Arc<str>)> {
            self.disk.as_ref().map(|d| std::mem::take(&mut *d.read.lock().expect("not poisoned"))).unwrap_or_default()
        }
    }
}
