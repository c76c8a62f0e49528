//! Where reports are kept: SQLite (one file, the default) or PostgreSQL
//! (for deployments running several instances), through the same SQL.
//! A report is stored, and committed to disk, before the reader is
//! answered; one sent again (same identifier) is stored once.

use crate::report::{Report, Said};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor, Row};
use std::collections::BTreeMap;
use std::str::FromStr;

// Both databases read these: BIGINT for whole numbers (SQLite takes it as
// INTEGER), times as RFC 3339 text in UTC (which sorts as time does).
const SCHEMA: [&str; 4] = [
    "CREATE TABLE IF NOT EXISTS reports (
        id TEXT PRIMARY KEY,
        received TEXT NOT NULL,
        body TEXT NOT NULL,
        route TEXT NOT NULL,
        lang TEXT NOT NULL,
        useful BIGINT,
        reason TEXT,
        text TEXT
    )",
    "CREATE INDEX IF NOT EXISTS reports_by_body ON reports (body, received)",
    "CREATE TABLE IF NOT EXISTS tokens (
        digest TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        created TEXT NOT NULL
    )",
    "CREATE INDEX IF NOT EXISTS tokens_by_body ON tokens (body)",
];

#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
}

/// A stored report as editors get it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredReport {
    pub id: String,
    pub received: String,
    pub body: String,
    pub route: String,
    pub lang: String,
    /// For a yes/no answer.
    pub useful: Option<bool>,
    /// For a problem report.
    pub reason: Option<String>,
    pub text: Option<String>,
}

pub use portal_content::feedback::PageCounts;

impl Store {
    /// Opens (and creates where needed) the database at `url`:
    /// `sqlite://path/to/feedback.db`, `postgres://user@host:port/db`, or
    /// a plain file path, taken as SQLite.
    pub async fn open(url: &str) -> Result<Store, String> {
        sqlx::any::install_default_drivers();
        let url = if url.contains("://") { url.to_owned() } else { format!("sqlite://{url}") };
        let sqlite = url.starts_with("sqlite:");
        let url = if sqlite && !url.contains('?') { format!("{url}?mode=rwc") } else { url };
        let options = AnyConnectOptions::from_str(&url).map_err(|e| format!("{url}: {e}"))?;
        let pool = AnyPoolOptions::new()
            // SQLite has one writer at a time; more connections only wait on its lock.
            .max_connections(if sqlite { 4 } else { 16 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // Every accepted report on disk before the answer; writers wait, not fail.
                        conn.execute("PRAGMA synchronous = FULL").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(|e| format!("{url}: {e}"))?;
        if sqlite {
            // Readers (exports) do not block writers; the setting stays with the file.
            pool.execute("PRAGMA journal_mode = WAL").await.map_err(|e| format!("{url}: {e}"))?;
        }
        let creating = |e: sqlx::Error| format!("{url}: creating the tables: {e}");
        let mut tx = pool.begin().await.map_err(creating)?;
        if !sqlite {
            // Instances starting together would race in PostgreSQL's own
            // catalogue ("CREATE TABLE IF NOT EXISTS" is not safe run twice
            // at once): one creates while the others wait, then find the tables.
            tx.execute("SELECT pg_advisory_xact_lock(7242024001)").await.map_err(creating)?;
        }
        for statement in SCHEMA {
            tx.execute(statement).await.map_err(creating)?;
        }
        tx.commit().await.map_err(creating)?;
        Ok(Store { pool })
    }

    /// Stores `report`, received at `received` (RFC 3339). Returns false
    /// when a report with its identifier was already stored.
    pub async fn insert(&self, report: &Report, received: &str) -> Result<bool, sqlx::Error> {
        let (useful, reason, text) = match &report.said {
            Said::Useful(yes) => (Some(i64::from(*yes)), None, None),
            Said::Problem { reason, text } => (None, Some(*reason), Some(text.as_str())),
        };
        let done = sqlx::query(
            "INSERT INTO reports (id, received, body, route, lang, useful, reason, text)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&report.id)
        .bind(received)
        .bind(&report.body)
        .bind(&report.route)
        .bind(report.lang.code())
        .bind(useful)
        .bind(reason)
        .bind(text)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The reports about `body`'s pages received on or after `since`
    /// (RFC 3339 or a date), oldest first.
    pub async fn reports(&self, body: &str, since: Option<&str>) -> Result<Vec<StoredReport>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT id, received, body, route, lang, useful, reason, text FROM reports
             WHERE body = $1 AND received >= $2 ORDER BY received, id",
        )
        .bind(body)
        .bind(since.unwrap_or(""))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(StoredReport {
                    id: row.try_get("id")?,
                    received: row.try_get("received")?,
                    body: row.try_get("body")?,
                    route: row.try_get("route")?,
                    lang: row.try_get("lang")?,
                    useful: row.try_get::<Option<i64>, _>("useful")?.map(|v| v == 1),
                    reason: row.try_get("reason")?,
                    text: row.try_get("text")?,
                })
            })
            .collect()
    }

    /// Counts per body and page: yes/no answers and problem reports by reason.
    pub async fn counts(&self) -> Result<BTreeMap<String, Vec<PageCounts>>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT body, route, lang, useful, reason, COUNT(*) AS n FROM reports
             GROUP BY body, route, lang, useful, reason ORDER BY body, route, lang",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut pages: BTreeMap<(String, String, String), PageCounts> = BTreeMap::new();
        for row in &rows {
            let (body, route, lang): (String, String, String) =
                (row.try_get("body")?, row.try_get("route")?, row.try_get("lang")?);
            let n = u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0);
            let page = pages.entry((body, route.clone(), lang.clone())).or_insert_with(|| PageCounts {
                route,
                lang,
                ..PageCounts::default()
            });
            match (row.try_get::<Option<i64>, _>("useful")?, row.try_get::<Option<String>, _>("reason")?) {
                (Some(1), _) => page.useful_yes += n,
                (Some(_), _) => page.useful_no += n,
                (None, Some(reason)) => *page.reports.entry(reason).or_default() += n,
                (None, None) => {}
            }
        }
        let mut bodies: BTreeMap<String, Vec<PageCounts>> = BTreeMap::new();
        for ((body, _, _), page) in pages {
            bodies.entry(body).or_default().push(page);
        }
        Ok(bodies)
    }

    /// Makes a new reading token for `body`'s editors and returns it; only
    /// its digest is kept, so it is shown once.
    pub async fn add_token(&self, body: &str, created: &str) -> Result<String, sqlx::Error> {
        let token = format!("{}{}", crate::report::new_id(), crate::report::new_id());
        sqlx::query("INSERT INTO tokens (digest, body, created) VALUES ($1, $2, $3)")
            .bind(digest(&token))
            .bind(body)
            .bind(created)
            .execute(&self.pool)
            .await?;
        Ok(token)
    }

    /// The body a reading token was made for, if it is one.
    pub async fn body_of_token(&self, token: &str) -> Result<Option<String>, sqlx::Error> {
        let row = sqlx::query("SELECT body FROM tokens WHERE digest = $1")
            .bind(digest(token))
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| row.try_get("body")).transpose()
    }

    /// How many reports are stored (for tests and the benchmark).
    pub async fn count_all(&self) -> Result<i64, sqlx::Error> {
        sqlx::query("SELECT COUNT(*) AS n FROM reports").fetch_one(&self.pool).await?.try_get("n")
    }

    /// Creates a database on a PostgreSQL server (for tests, each in its own).
    pub async fn create_database(&self, name: &str) -> Result<(), sqlx::Error> {
        self.pool.execute(format!("CREATE DATABASE {name}").as_str()).await.map(|_| ())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
