//! Readers' feedback on a page, sent to the portal's feedback service
//! (crates/feedback, which nginx serves at the portal's `feedback/`
//! address). What cannot be sent is kept in the browser (localStorage) and
//! sent when the service can be reached again; each answer carries an
//! identifier, so one sent twice is stored once.

use futures::future::{select, Either};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::sync::OnceLock;

/// Where kept answers wait in localStorage.
const OUTBOX: &str = "portal-feedback-outbox";
/// How long one attempt may take on a slow network before it is kept for later.
const TIMEOUT_MS: u32 = 15_000;

static SERVICE: OnceLock<Option<String>> = OnceLock::new();

/// The feedback service's path (`/feedback/`, `/portal/feedback/`), from
/// `<meta name="portal-feedback">` in the page; `None` when the deployment
/// has none (the meta is empty or absent), and pages offer the responsible
/// body's contacts instead.
pub fn service() -> Option<&'static str> {
    SERVICE
        .get_or_init(|| {
            let meta = crate::served::document()?.query_selector("meta[name=portal-feedback]").ok()??;
            resolve(&meta.get_attribute("content")?, crate::routes::base_path())
        })
        .as_deref()
}

/// Sets the service's address for rendering at build time, from the
/// shell's meta (`None` when it has none); once a process, so a second
/// render in it must have the same.
pub fn set_service(meta: Option<&str>, base_path: &str) -> Result<(), String> {
    let wanted = meta.and_then(|m| resolve(m, base_path.trim_end_matches('/')));
    match SERVICE.get_or_init(|| wanted.clone()) {
        set if *set == wanted => Ok(()),
        set => Err(format!("the feedback service's address is already {set:?}, not {wanted:?}")),
    }
}

/// A relative meta value is under the portal's base path, like the API base.
fn resolve(meta: &str, base_path: &str) -> Option<String> {
    let meta = meta.trim().trim_end_matches('/');
    if meta.is_empty() {
        return None;
    }
    Some(if meta.starts_with('/') || meta.contains("://") {
        format!("{meta}/")
    } else {
        format!("{base_path}/{meta}/")
    })
}

/// The service's two endpoints readers send to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Endpoint {
    Useful,
    Report,
}

impl Endpoint {
    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Useful => "useful",
            Endpoint::Report => "report",
        }
    }
}

/// One answer or report, as sent and as kept.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Outgoing {
    pub endpoint: Endpoint,
    pub fields: Fields,
}

/// What the service reads (crates/feedback, `Submission`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Fields {
    pub id: String,
    /// The page, language-neutral (`/pages/passport`).
    pub route: String,
    pub lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub useful: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The field people do not see (bots fill it in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

impl Fields {
    /// About the page at `route` in `lang`, with a new identifier.
    pub fn new(route: &str, lang: portal_content::Lang) -> Fields {
        Fields { id: new_id(), route: route.to_owned(), lang: lang.code().to_owned(), ..Fields::default() }
    }
}

impl Outgoing {
    fn id(&self) -> Option<&str> {
        Some(self.fields.id.as_str()).filter(|id| !id.is_empty())
    }
}

/// The service's answer to a refusal.
#[derive(Deserialize)]
struct Refused {
    #[serde(default)]
    message: String,
}

/// What became of an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Stored,
    /// The service refused it, saying why (in the page's language).
    Refused(String),
    /// The service could not be reached or could not store it now: kept in
    /// this browser for later.
    Kept,
    /// Neither sent nor kept (the browser keeps nothing for this site, or
    /// its storage is full): the reader must try again.
    Unsent,
}

/// A new identifier for an answer: time and randomness, as the service accepts them.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    format!("{now:x}-{random:014x}")
}

/// Sends `outgoing`; keeps it for later when the service cannot take it now.
pub async fn send(outgoing: Outgoing) -> Outcome {
    match deliver(&outgoing).await {
        Delivery::Stored => Outcome::Stored,
        Delivery::Refused(reason) => Outcome::Refused(reason),
        Delivery::Failed if keep(outgoing) => Outcome::Kept,
        Delivery::Failed => Outcome::Unsent,
    }
}

enum Delivery {
    Stored,
    Refused(String),
    Failed,
}

async fn deliver(outgoing: &Outgoing) -> Delivery {
    let Some(service) = service() else { return Delivery::Failed };
    let Ok(request) = Request::post(&format!("{service}{}", outgoing.endpoint.path())).json(&outgoing.fields) else {
        return Delivery::Refused(String::new());
    };
    let exchange = async move {
        match request.send().await {
            Err(_) => Delivery::Failed,
            Ok(response) if response.ok() => Delivery::Stored,
            // Too many at once, or the service (or nginx in front of it) failing: worth another try.
            Ok(response) if response.status() == 429 || response.status() >= 500 => Delivery::Failed,
            Ok(response) => {
                let answer: Option<Refused> = response.json().await.ok();
                Delivery::Refused(answer.map(|a| a.message).unwrap_or_default())
            }
        }
    };
    match select(Box::pin(exchange), TimeoutFuture::new(TIMEOUT_MS)).await {
        Either::Left((delivery, _)) => delivery,
        Either::Right(_) => Delivery::Failed,
    }
}

fn kept() -> Vec<Outgoing> {
    crate::served::local_storage()
        .and_then(|s| s.get_item(OUTBOX).ok()?)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Whether the list is now what the browser keeps.
fn write_kept(list: &[Outgoing]) -> bool {
    let Some(storage) = crate::served::local_storage() else { return false };
    let written = if list.is_empty() {
        storage.remove_item(OUTBOX)
    } else {
        storage.set_item(OUTBOX, &serde_json::to_string(list).unwrap_or_default())
    };
    written.is_ok()
}

/// Keeps `outgoing` for later; false when the browser would not keep it.
fn keep(outgoing: Outgoing) -> bool {
    let mut list = kept();
    if list.iter().any(|k| k.id().is_some() && k.id() == outgoing.id()) {
        return true;
    }
    list.push(outgoing);
    write_kept(&list)
}

/// Removes one kept answer, reading the list again: another tab, or a new
/// answer kept meanwhile, may have changed it.
fn forget(id: Option<&str>) {
    let mut list = kept();
    list.retain(|k| k.id() != id);
    // If it cannot be written, the answer is sent again later and stored once.
    let _ = write_kept(&list);
}

thread_local! {
    static SENDING_KEPT: Cell<bool> = const { Cell::new(false) };
}

/// Sends what this browser kept; `sent` hears how many arrived (stored, or
/// refused, which no retry would change). One round at a time.
pub fn send_kept(sent: impl Fn(usize) + 'static) {
    if service().is_none() || SENDING_KEPT.with(|s| s.replace(true)) {
        return;
    }
    let waiting = kept();
    if waiting.is_empty() {
        SENDING_KEPT.with(|s| s.set(false));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut arrived = 0;
        for outgoing in waiting {
            match deliver(&outgoing).await {
                Delivery::Stored | Delivery::Refused(_) => {
                    forget(outgoing.id());
                    arrived += 1;
                }
                // The service is still out of reach: the rest wait for the next chance.
                Delivery::Failed => break,
            }
        }
        SENDING_KEPT.with(|s| s.set(false));
        if arrived > 0 {
            sent(arrived);
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_service_address_follows_the_base_path_unless_absolute() {
        assert_eq!(super::resolve("feedback/", "").as_deref(), Some("/feedback/"));
        assert_eq!(super::resolve("feedback", "/portal").as_deref(), Some("/portal/feedback/"));
        assert_eq!(super::resolve("/reports/", "/portal").as_deref(), Some("/reports/"));
        assert_eq!(super::resolve(" ", "/portal"), None);
    }
}
