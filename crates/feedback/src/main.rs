//! `portal-feedback`: the feedback service and the editors' commands.
//!
//!   portal-feedback serve  --database sqlite://data/feedback.db --api dist/api/v1
//!   portal-feedback export --body ministry-of-justice [--since 2026-12-01] [--format csv|json]
//!   portal-feedback token  --body ministry-of-justice
//!   portal-feedback counts [--out feedback-counts.json]

use clap::{Parser, Subcommand, ValueEnum};
use portal_feedback::owner::Pages;
use portal_feedback::server::{router, to_csv, Service};
use portal_feedback::store::Store;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    version,
    about = "The portal's feedback service: readers' answers and problem reports, kept for the body responsible for each page"
)]
struct Cli {
    /// The database: `sqlite://path/feedback.db` (created when missing), `postgres://user@host:port/db`, or a file path (SQLite).
    #[arg(long, env = "PORTAL_FEEDBACK_DATABASE", default_value = "target/feedback/feedback.db", global = true)]
    database: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Answer readers' posts and editors' reads over HTTP.
    Serve {
        /// Address to listen on (nginx proxies `/feedback/` to it).
        #[arg(long, env = "PORTAL_FEEDBACK_LISTEN", default_value = "127.0.0.1:8090")]
        listen: SocketAddr,
        /// The content API the portal serves (the folder holding kk/, ru/, en/): which pages exist and who owns them.
        #[arg(long, env = "PORTAL_FEEDBACK_API", default_value = "dist/api/v1")]
        api: PathBuf,
        /// Posts one client address may make a minute.
        #[arg(long, env = "PORTAL_FEEDBACK_PER_MINUTE", default_value_t = NonZeroU32::new(20).expect("not zero"))]
        per_minute: NonZeroU32,
        /// The path the portal is served under (`/portal`), for the thank-you page a form post is sent to.
        #[arg(long, env = "PORTAL_FEEDBACK_BASE_PATH", default_value = "")]
        base_path: String,
    },
    /// Print the reports about one body's pages.
    Export {
        /// The body's slug, as in its address on the portal.
        #[arg(long)]
        body: String,
        /// Only reports received on or after this date, `YYYY-MM-DD` (UTC).
        #[arg(long)]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
    /// Make a reading token for a body's editors (printed once; only its digest is kept).
    Token {
        #[arg(long)]
        body: String,
    },
    /// Counts per body and page (yes/no, reports by reason), as JSON for the quality report.
    Counts {
        /// Where to write them (standard output when absent).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("portal-feedback: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    if let Some(folder) = sqlite_folder(&cli.database) {
        std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    let store = Store::open(&cli.database).await?;
    let result = match cli.command {
        Command::Serve { listen, api, per_minute, base_path } => {
            if !api.join("ru/site.json").is_file() {
                return Err(format!(
                    "{}: not a content API folder (no ru/site.json); build the portal first",
                    api.display()
                ));
            }
            let base_path = base_path.trim_end_matches('/').to_owned();
            let app = router(Service { pages: Pages { api_dir: api }, store: store.clone(), per_minute, base_path });
            let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| format!("{listen}: {e}"))?;
            eprintln!("portal-feedback: listening on http://{listen}/feedback/ ({})", cli.database);
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
                .with_graceful_shutdown(stopped())
                .await
                .map_err(|e| e.to_string())
        }
        Command::Export { body, since, format } => {
            if let Some(since) = &since {
                portal_feedback::parse_date(since)?;
            }
            let reports = store.reports(&body, since.as_deref()).await.map_err(|e| e.to_string())?;
            match format {
                Format::Csv => print!("{}", to_csv(&reports)),
                Format::Json => println!("{}", serde_json::to_string_pretty(&reports).expect("serialisable")),
            }
            Ok(())
        }
        Command::Token { body } => {
            let token = store.add_token(&body, &portal_feedback::now()).await.map_err(|e| e.to_string())?;
            println!("{token}");
            eprintln!("portal-feedback: a token for {body}'s editors; it is not shown again");
            Ok(())
        }
        Command::Counts { out } => {
            let bodies = store.counts().await.map_err(|e| e.to_string())?;
            let counts = portal_content::feedback::FeedbackCounts { generated: portal_feedback::now(), bodies };
            let json = serde_json::to_string_pretty(&counts).expect("serialisable");
            match out {
                Some(path) => std::fs::write(&path, json + "\n").map_err(|e| format!("{}: {e}", path.display())),
                None => {
                    println!("{json}");
                    Ok(())
                }
            }
        }
    };
    // Every write is committed when answered; closing checkpoints SQLite's log.
    store.close().await;
    result
}

/// The folder an SQLite database file goes in, so a first run can create it.
fn sqlite_folder(database: &str) -> Option<PathBuf> {
    let path = database.strip_prefix("sqlite://").or_else(|| (!database.contains("://")).then_some(database))?;
    let path = path.split('?').next()?;
    PathBuf::from(path).parent().filter(|p| !p.as_os_str().is_empty()).map(PathBuf::from)
}

/// Resolves on Ctrl+C or SIGTERM (systemd's stop): requests under way finish first.
async fn stopped() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { () = interrupt => {}, () = terminate => {} }
}
