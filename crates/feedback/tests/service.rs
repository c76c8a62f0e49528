//! The feedback service through its HTTP router, against SQLite and, when
//! the test script started one (`PORTAL_TEST_POSTGRES`), PostgreSQL.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use portal_feedback::owner::Pages;
use portal_feedback::server::{router, Service};
use portal_feedback::store::Store;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use tower::ServiceExt;

/// The databases every test runs against: a new SQLite file, and a new
/// PostgreSQL database on the server the test script started.
async fn databases(dir: &std::path::Path) -> Vec<String> {
    let mut urls = vec![format!("sqlite://{}", dir.join("feedback.db").display())];
    match std::env::var("PORTAL_TEST_POSTGRES") {
        Ok(server) => {
            let name = format!("t{}", portal_feedback::report::new_id());
            let admin = Store::open(&format!("{server}/postgres")).await.expect("the test server answers");
            admin.create_database(&name).await.expect("a test database");
            admin.close().await;
            urls.push(format!("{server}/{name}"));
        }
        Err(_) if std::env::var_os("PORTAL_TEST_REQUIRE_POSTGRES").is_some() => {
            panic!("PORTAL_TEST_POSTGRES is not set: `make test-native` starts PostgreSQL and sets it")
        }
        Err(_) => eprintln!("PostgreSQL not started (PORTAL_TEST_POSTGRES unset): SQLite only"),
    }
    urls
}

/// A content API with the shapes the service reads: a page owned by a
/// body, a body's own page, and the home page, which no body owns.
fn content_api(dir: &std::path::Path) -> Pages {
    let api = dir.join("api");
    for lang in ["kk", "ru", "en"] {
        std::fs::create_dir_all(api.join(lang).join("pages")).unwrap();
        std::fs::create_dir_all(api.join(lang).join("agencies")).unwrap();
        std::fs::write(api.join(lang).join("site.json"), r#"{"name":"Portal"}"#).unwrap();
        std::fs::write(
            api.join(lang).join("pages/passport.json"),
            r#"{"status":"available","slug":"passport","agency":{"slug":"ministry-of-internal-affairs","name":"MIA"}}"#,
        )
        .unwrap();
        std::fs::write(
            api.join(lang).join("agencies/ministry-of-justice.json"),
            r#"{"status":"available","slug":"ministry-of-justice","name":"MoJ"}"#,
        )
        .unwrap();
    }
    Pages { api_dir: api }
}

/// Runs `check` against a new service on each database of [`databases`].
async fn on_every_database(per_minute: u32, check: impl AsyncFn(&Under, &str)) {
    let dir = tempfile::tempdir().unwrap();
    for url in databases(dir.path()).await {
        let under = service(dir.path(), &url, per_minute).await;
        check(&under, &url).await;
        under.store.close().await;
    }
}

struct Under {
    app: Router,
    store: Store,
}

async fn service(dir: &std::path::Path, url: &str, per_minute: u32) -> Under {
    let store = Store::open(url).await.unwrap_or_else(|e| panic!("{e}"));
    let app = router(Service {
        pages: content_api(dir),
        store: store.clone(),
        per_minute: NonZeroU32::new(per_minute).unwrap(),
        base_path: "/portal".to_owned(),
    });
    Under { app, store }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }
}

async fn send(app: &Router, request: Request<Body>, peer: &str) -> Answer {
    let mut request = request;
    request.extensions_mut().insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer { status, headers, text: String::from_utf8_lossy(&bytes).into_owned() }
}

fn post(path: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path).header(header::CONTENT_TYPE, content_type).body(body.into()).unwrap()
}

fn json(path: &str, value: serde_json::Value) -> Request<Body> {
    post(path, "application/json", value.to_string())
}

const READER: &str = "192.0.2.10:40000";

#[tokio::test]
async fn each_rule_refuses_with_its_status_and_reason() {
    on_every_database(1000, async |under: &Under, url: &str| {
    let long = "ы".repeat(1001);
    let cases = [
        (
            json("/feedback/useful", serde_json::json!({"route": "/pages/passport", "lang": "de", "useful": true})),
            422,
            "language",
        ),
        (
            json(
                "/feedback/useful",
                serde_json::json!({"route": "/pages/no-such-page", "lang": "ru", "useful": true}),
            ),
            422,
            "page",
        ),
        (
            json(
                "/feedback/useful",
                serde_json::json!({"route": "/pages/passport/", "lang": "ru", "useful": true}),
            ),
            422,
            "page",
        ),
        (
            json(
                "/feedback/useful",
                serde_json::json!({"route": "/pages/passport", "lang": "ru", "useful": "maybe"}),
            ),
            422,
            "useful",
        ),
        (
            json(
                "/feedback/report",
                serde_json::json!({"route": "/pages/passport", "lang": "ru", "reason": "ugly"}),
            ),
            422,
            "reason",
        ),
        (
            json(
                "/feedback/report",
                serde_json::json!({"route": "/pages/passport", "lang": "ru", "reason": "other", "text": long}),
            ),
            422,
            "too-long",
        ),
        (
            json(
                "/feedback/report",
                serde_json::json!({"id": "x", "route": "/pages/passport", "lang": "ru", "reason": "other"}),
            ),
            422,
            "id",
        ),
        (
            json(
                "/feedback/report",
                serde_json::json!({"route": "/pages/passport", "lang": "ru", "reason": "other", "website": "http://spam"}),
            ),
            422,
            "trap",
        ),
        (post("/feedback/report", "application/json", "{not json"), 400, "malformed"),
        (post("/feedback/report", "text/plain", "route=/pages/passport"), 400, "malformed"),
        (post("/feedback/report", "application/json", "x".repeat(20_000)), 413, "too-large"),
    ];
    for (request, status, code) in cases {
        let answer = send(&under.app, request, READER).await;
        assert_eq!(answer.status.as_u16(), status, "{url}: {code}: {}", answer.text);
        assert_eq!(answer.json()["error"], code, "{url}");
        assert!(!answer.json()["message"].as_str().unwrap().is_empty());
    }
    // The reason is given in the reader's language.
    let answer = send(
        &under.app,
        json("/feedback/report", serde_json::json!({"route": "/pages/passport", "lang": "kk", "reason": "none"})),
        READER,
    )
    .await;
    assert_eq!(answer.json()["message"], "Не дұрыс емес екенін тізімнен таңдаңыз.");
    // A refused form post answers with a page in the reader's language.
    let answer = send(
        &under.app,
        post(
            "/feedback/report",
            "application/x-www-form-urlencoded",
            "route=%2Fpages%2Fpassport&lang=ru&reason=&text=",
        ),
        READER,
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.text.contains("<html lang=\"ru\">") && answer.text.contains("Выберите из списка, что не так."),
        "{}",
        answer.text
    );
    assert_eq!(under.store.count_all().await.unwrap(), 0, "{url}: nothing refused is stored");
    })
    .await;
}

#[tokio::test]
async fn a_report_is_stored_with_its_body_route_and_language_and_without_personal_data() {
    on_every_database(1000, async |under: &Under, url: &str| {
    let answer = send(
        &under.app,
        json(
            "/feedback/report",
            serde_json::json!({"id": "a1b2c3d4-0000-4000-8000-000000000001", "route": "/pages/passport", "lang": "kk",
                "reason": "outdated", "text": "  Баж салығы өзгерді. Менің нөмірім +7 701 123 45 67, ЖСН 900101300123.  "}),
        ),
        READER,
    )
    .await;
    assert_eq!(answer.status, StatusCode::CREATED, "{url}: {}", answer.text);
    assert_eq!(answer.json()["body"], "ministry-of-internal-affairs");
    // A form post, as a browser without JavaScript sends it, goes on to the thank-you page.
    let answer = send(
        &under.app,
        post("/feedback/useful", "application/x-www-form-urlencoded", "route=%2F&lang=en&useful=no&website="),
        READER,
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.text);
    assert_eq!(answer.headers[header::LOCATION], "/portal/en/feedback/sent");
    let answer = send(
        &under.app,
        json(
            "/feedback/useful",
            serde_json::json!({"route": "/agencies/ministry-of-justice", "lang": "ru", "useful": true}),
        ),
        READER,
    )
    .await;
    assert_eq!(answer.status, StatusCode::CREATED);

    let reports = under.store.reports("ministry-of-internal-affairs", None).await.unwrap();
    assert_eq!(reports.len(), 1, "{url}");
    let report = &reports[0];
    assert_eq!((report.route.as_str(), report.lang.as_str()), ("/pages/passport", "kk"));
    assert_eq!(report.reason.as_deref(), Some("outdated"));
    assert_eq!(report.text.as_deref(), Some("Баж салығы өзгерді. Менің нөмірім [phone], ЖСН [IIN/BIN]."));
    let portal = under.store.reports("portal", None).await.unwrap();
    assert_eq!((portal[0].route.as_str(), portal[0].lang.as_str(), portal[0].useful), ("/", "en", Some(false)));
    let justice = under.store.reports("ministry-of-justice", None).await.unwrap();
    assert_eq!(justice[0].useful, Some(true));
    })
    .await;
}

#[tokio::test]
async fn a_report_sent_again_is_stored_once() {
    on_every_database(1000, async |under: &Under, url: &str| {
    let report = serde_json::json!({"id": "kept-in-browser-0001", "route": "/pages/passport", "lang": "ru", "reason": "broken"});
    let first = send(&under.app, json("/feedback/report", report.clone()), READER).await;
    let again = send(&under.app, json("/feedback/report", report), READER).await;
    assert_eq!((first.status, first.json()["stored"].clone()), (StatusCode::CREATED, serde_json::json!(true)));
    assert_eq!((again.status, again.json()["stored"].clone()), (StatusCode::OK, serde_json::json!(false)));
    assert_eq!(under.store.count_all().await.unwrap(), 1, "{url}");
    })
    .await;
}

#[tokio::test]
async fn a_client_address_over_its_rate_is_refused_and_others_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("feedback.db").display());
    let under = service(dir.path(), &url, 3).await;
    let answer = || serde_json::json!({"route": "/pages/passport", "lang": "ru", "useful": true});
    for _ in 0..3 {
        assert_eq!(send(&under.app, json("/feedback/useful", answer()), READER).await.status, StatusCode::CREATED);
    }
    let refused = send(&under.app, json("/feedback/useful", answer()), READER).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers[header::RETRY_AFTER], "60");
    assert_eq!(refused.json()["error"], "busy");
    // Through nginx (a loopback peer) the reader's address is the one it passes on.
    let mut via_nginx = json("/feedback/useful", answer());
    via_nginx.headers_mut().insert("x-real-ip", "198.51.100.7".parse().unwrap());
    assert_eq!(send(&under.app, via_nginx, "127.0.0.1:50000").await.status, StatusCode::CREATED);
    // A client that is not on this machine cannot choose its address by sending the header.
    let mut forged = json("/feedback/useful", answer());
    forged.headers_mut().insert("x-real-ip", "203.0.113.9".parse().unwrap());
    assert_eq!(send(&under.app, forged, READER).await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(under.store.count_all().await.unwrap(), 4);
}

#[tokio::test]
async fn fifty_clients_sending_twenty_reports_each_are_all_stored_once() {
    on_every_database(1000, async |under: &Under, url: &str| {
    let mut clients = tokio::task::JoinSet::new();
    for client in 0..50 {
        let app = under.app.clone();
        clients.spawn(async move {
            let mut accepted = Vec::new();
            for n in 0..20 {
                let id = format!("client-{client:02}-report-{n:02}");
                let report = serde_json::json!({"id": id, "route": "/pages/passport", "lang": "en", "reason": "spelling", "text": format!("{client}/{n}")});
                let answer = send(&app, json("/feedback/report", report), &format!("10.0.{client}.1:4000")).await;
                assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
                accepted.push(id);
            }
            accepted
        });
    }
    let mut accepted: Vec<String> = clients.join_all().await.into_iter().flatten().collect();
    accepted.sort();
    let stored: Vec<String> = under
        .store
        .reports("ministry-of-internal-affairs", None)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    let mut stored_sorted = stored.clone();
    stored_sorted.sort();
    assert_eq!(accepted.len(), 1000);
    assert_eq!(stored_sorted, accepted, "{url}: every accepted report, each once");
    })
    .await;
}

#[tokio::test]
async fn reports_outlive_a_restart() {
    on_every_database(1000, async |under: &Under, url: &str| {
        let answer = send(
            &under.app,
            json(
                "/feedback/report",
                serde_json::json!({"route": "/", "lang": "ru", "reason": "other", "text": "Нет ссылки на форму."}),
            ),
            READER,
        )
        .await;
        assert_eq!(answer.status, StatusCode::CREATED);
        under.store.close().await;
        let reopened = Store::open(url).await.unwrap();
        let reports = reopened.reports("portal", None).await.unwrap();
        assert_eq!(reports.len(), 1, "{url}");
        assert_eq!(reports[0].text.as_deref(), Some("Нет ссылки на форму."));
        reopened.close().await;
    })
    .await;
}

#[tokio::test]
async fn a_bodys_editors_read_their_reports_with_their_token_only() {
    on_every_database(1000, async |under: &Under, _url: &str| {
    for (route, said) in [
        ("/pages/passport", serde_json::json!({"useful": true})),
        ("/pages/passport", serde_json::json!({"useful": false})),
        ("/pages/passport", serde_json::json!({"reason": "broken", "text": "Ссылка, \"кавычки\"\nи строка"})),
    ] {
        let mut report = serde_json::json!({"route": route, "lang": "ru"});
        report.as_object_mut().unwrap().extend(said.as_object().unwrap().clone());
        let path = if report.get("reason").is_some() { "/feedback/report" } else { "/feedback/useful" };
        assert_eq!(send(&under.app, json(path, report), READER).await.status, StatusCode::CREATED);
    }
    let mia = under.store.add_token("ministry-of-internal-affairs", &portal_feedback::now()).await.unwrap();
    let justice = under.store.add_token("ministry-of-justice", &portal_feedback::now()).await.unwrap();
    let read = |path: &str, token: Option<&str>| {
        let mut request = Request::get(path);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        request.body(Body::empty()).unwrap()
    };
    let reports = "/feedback/bodies/ministry-of-internal-affairs/reports";
    assert_eq!(send(&under.app, read(reports, None), READER).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(send(&under.app, read(reports, Some("not-a-token")), READER).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(send(&under.app, read(reports, Some(&justice)), READER).await.status, StatusCode::FORBIDDEN);

    let all = send(&under.app, read(reports, Some(&mia)), READER).await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(all.json().as_array().unwrap().len(), 3);
    let csv = send(&under.app, read(&format!("{reports}?format=csv"), Some(&mia)), READER).await;
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let mut lines = csv.text.lines();
    assert_eq!(lines.next(), Some("id,received,body,route,lang,useful,reason,text"));
    assert!(csv.text.contains(",/pages/passport,ru,,broken,\"Ссылка, \"\"кавычки\"\"\nи строка\""), "{}", csv.text);
    let tomorrow = time::OffsetDateTime::now_utc().date().next_day().unwrap();
    let later = send(&under.app, read(&format!("{reports}?since={tomorrow}"), Some(&mia)), READER).await;
    assert_eq!(later.json(), serde_json::json!([]));
    let bad = send(&under.app, read(&format!("{reports}?since=yesterday"), Some(&mia)), READER).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);

    let counts =
        send(&under.app, read("/feedback/bodies/ministry-of-internal-affairs/counts", Some(&mia)), READER).await;
    assert_eq!(
        counts.json(),
        serde_json::json!([{"route": "/pages/passport", "lang": "ru", "useful_yes": 1, "useful_no": 1, "reports": {"broken": 1}}])
    );
    })
    .await;
}

/// Several instances of the service starting at once against one database
/// (docs/deploy.md suggests PostgreSQL for that) all start: the tables are
/// created once, not raced for.
#[tokio::test]
async fn instances_starting_together_on_one_database_all_start() {
    let dir = tempfile::tempdir().unwrap();
    for url in databases(dir.path()).await {
        let starting: Vec<_> = (0..8)
            .map(|_| {
                let url = url.clone();
                tokio::spawn(async move { Store::open(&url).await })
            })
            .collect();
        for started in starting {
            started.await.unwrap().unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
