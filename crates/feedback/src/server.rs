//! The HTTP side: two endpoints readers post to (JSON from the app, or a
//! plain form when JavaScript is off), and two that a body's editors read
//! with their token. nginx proxies `/feedback/` to it on the portal's own
//! origin, so the portal's CSP stays `connect-src 'self'`.

use crate::owner::Pages;
use crate::report::{Refusal, Submission};
use crate::store::{Store, StoredReport};
use axum::body::{to_bytes, Body};
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use portal_content::Lang;
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

/// The largest request accepted, in bytes: a full report in Kazakh (two
/// bytes a letter, escaped in a form post) fits several times over.
pub const BODY_LIMIT: usize = 16 * 1024;

pub struct Service {
    pub pages: Pages,
    pub store: Store,
    /// Reports and answers a client address may send a minute (and at once).
    pub per_minute: NonZeroU32,
    /// The path the portal is served under (`""`, `/portal`), for the thank-you page.
    pub base_path: String,
}

struct Shared {
    service: Service,
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

pub fn router(service: Service) -> Router {
    let limiter = RateLimiter::keyed(Quota::per_minute(service.per_minute));
    let shared = Arc::new(Shared { service, limiter });
    let forget = Arc::clone(&shared);
    // Addresses not heard from for a while are forgotten, so the limiter's memory stays small.
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            forget.limiter.retain_recent();
        }
    });
    Router::new()
        .route("/feedback/useful", post(|s, c, h, b| submit(s, c, h, b, false)))
        .route("/feedback/report", post(|s, c, h, b| submit(s, c, h, b, true)))
        .route("/feedback/health", get(|| async { "ok\n" }))
        .route("/feedback/bodies/{body}/reports", get(export))
        .route("/feedback/bodies/{body}/counts", get(counts))
        .with_state(shared)
}

/// The reader's address: the peer's, or the one nginx passes in
/// `X-Real-IP` when the peer is nginx on this machine.
fn client_address(peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    let forwarded = headers.get("x-real-ip").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse().ok());
    match forwarded {
        Some(address) if peer.ip().is_loopback() => address,
        _ => peer.ip(),
    }
}

async fn submit(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
    problem: bool,
) -> Response {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let form = content_type.starts_with("application/x-www-form-urlencoded");
    let json = content_type.starts_with("application/json");
    if shared.limiter.check_key(&client_address(peer, &headers)).is_err() {
        return refuse(Refusal::Busy, form, None);
    }
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return refuse(Refusal::TooLarge, form, None);
    };
    let submission: Option<Submission> = if form {
        serde_urlencoded::from_bytes(&bytes).ok()
    } else if json {
        serde_json::from_slice(&bytes).ok()
    } else {
        None
    };
    let Some(submission) = submission else {
        return refuse(Refusal::Malformed, form, None);
    };
    let lang = Lang::from_code(&submission.lang);
    let report = match submission.check(problem, &shared.service.pages) {
        Ok(report) => report,
        Err(refusal) => return refuse(refusal, form, lang),
    };
    match shared.service.store.insert(&report, &crate::now()).await {
        Ok(stored) if form => {
            let _ = stored;
            let thanks = format!("{}/{}/feedback/sent", shared.service.base_path, report.lang.code());
            (StatusCode::SEE_OTHER, [(header::LOCATION, thanks)]).into_response()
        }
        Ok(stored) => {
            let status = if stored { StatusCode::CREATED } else { StatusCode::OK };
            (status, Json(serde_json::json!({ "id": report.id, "body": report.body, "stored": stored })))
                .into_response()
        }
        Err(error) => {
            eprintln!("portal-feedback: storing a report failed: {error}");
            refuse(Refusal::Unavailable, form, lang)
        }
    }
}

/// A refusal with its reason: JSON for the app; for a form post, a short
/// page in the reader's language with a way back to the portal.
fn refuse(refusal: Refusal, form: bool, lang: Option<Lang>) -> Response {
    let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let message = refusal.message(lang);
    let mut response = if form {
        let lang = lang.unwrap_or(Lang::Ru);
        let page = format!(
            "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
             content=\"width=device-width, initial-scale=1\"><title>{message}</title></head>\
             <body><main><h1>{message}</h1><p><a href=\"/{code}/\">{home}</a></p></main></body></html>\n",
            code = lang.code(),
            home = match lang {
                Lang::Kk => "Порталдың басты беті",
                Lang::Ru => "Главная страница портала",
                Lang::En => "The portal's home page",
            },
        );
        (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
    } else {
        (status, Json(serde_json::json!({ "error": refusal.code(), "message": message }))).into_response()
    };
    if refusal == Refusal::Busy {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    }
    response
}

#[derive(Deserialize)]
struct ExportQuery {
    since: Option<String>,
    format: Option<String>,
}

/// `GET /feedback/bodies/{body}/reports?since=YYYY-MM-DD&format=csv|json`, with the body's token.
async fn export(
    State(shared): State<Arc<Shared>>,
    Path(body): Path<String>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorise(&shared.service.store, &body, &headers).await {
        return refused;
    }
    if let Some(since) = &query.since {
        if crate::parse_date(since).is_err() {
            return plain(StatusCode::BAD_REQUEST, "since: a date is written YYYY-MM-DD\n");
        }
    }
    let reports = match shared.service.store.reports(&body, query.since.as_deref()).await {
        Ok(reports) => reports,
        Err(error) => return plain(StatusCode::SERVICE_UNAVAILABLE, &format!("reading the reports failed: {error}\n")),
    };
    match query.format.as_deref().unwrap_or("json") {
        "json" => Json(reports).into_response(),
        "csv" => ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], to_csv(&reports)).into_response(),
        _ => plain(StatusCode::BAD_REQUEST, "format: csv or json\n"),
    }
}

/// `GET /feedback/bodies/{body}/counts`: per page, yes/no answers and reports by reason.
async fn counts(State(shared): State<Arc<Shared>>, Path(body): Path<String>, headers: HeaderMap) -> Response {
    if let Err(refused) = authorise(&shared.service.store, &body, &headers).await {
        return refused;
    }
    match shared.service.store.counts().await {
        Ok(mut all) => Json(all.remove(&body).unwrap_or_default()).into_response(),
        Err(error) => plain(StatusCode::SERVICE_UNAVAILABLE, &format!("reading the counts failed: {error}\n")),
    }
}

async fn authorise(store: &Store, body: &str, headers: &HeaderMap) -> Result<(), Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(token) = token else {
        let mut refused = plain(StatusCode::UNAUTHORIZED, "a body's token is needed: Authorization: Bearer <token>\n");
        refused.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return Err(refused);
    };
    match store.body_of_token(token).await {
        Ok(Some(owner)) if owner == body => Ok(()),
        Ok(Some(_)) => Err(plain(StatusCode::FORBIDDEN, "this token is another body's\n")),
        Ok(None) => Err(plain(StatusCode::UNAUTHORIZED, "unknown token\n")),
        Err(error) => Err(plain(StatusCode::SERVICE_UNAVAILABLE, &format!("checking the token failed: {error}\n"))),
    }
}

fn plain(status: StatusCode, text: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text.to_owned()).into_response()
}

/// Reports as CSV, one a line, for a spreadsheet.
pub fn to_csv(reports: &[StoredReport]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(["id", "received", "body", "route", "lang", "useful", "reason", "text"]);
    for r in reports {
        let useful = r.useful.map_or("", |yes| if yes { "yes" } else { "no" });
        let _ = out.write_record([
            r.id.as_str(),
            &r.received,
            &r.body,
            &r.route,
            &r.lang,
            useful,
            r.reason.as_deref().unwrap_or(""),
            r.text.as_deref().unwrap_or(""),
        ]);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}
