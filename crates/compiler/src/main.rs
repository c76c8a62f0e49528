//! `portal-compiler`: content/ in, static content API out. `--help` lists
//! the commands (build, check, schema, generate) and their options.

use clap::{Args, Parser, Subcommand};
use portal_compiler::{compile, compile_into, diagnostic::Severity, output, quality, schema, search, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compiles the portal's content (content/) into the static content API,
/// the search index and the sitemap, and checks it.
#[derive(Parser)]
#[command(name = "portal-compiler", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the content and write the content API; writes nothing on an error.
    Build {
        #[command(flatten)]
        source: Source,
        /// The output folder; only the files that changed since the last build are written.
        #[arg(long, default_value = "target/content-api")]
        out: PathBuf,
        /// Rebuild the search index whole, folding in what was published
        /// since the last full build (by default only the changes are
        /// indexed, beside the full index, once there is one).
        #[arg(long)]
        full_index: bool,
    },
    /// Every finding about the content, and the quality report per state body; fails on errors.
    Check {
        #[command(flatten)]
        source: Source,
    },
    /// Print the JSON Schema of the content API.
    Schema,
    /// The old sites' addresses still asked for that no mapping sends to
    /// their new page: those that ended on a "gone" page, and those that
    /// fell back to the body's page. Reads the old hosts' access log
    /// (deploy/nginx.conf's `transition` format).
    OldAddresses {
        /// The access log of the old hosts' server.
        #[arg(long)]
        log: PathBuf,
        /// How many addresses to list per host.
        #[arg(long, default_value_t = 20)]
        top: usize,
    },
    /// Write synthetic content of the given size, for the scale tests and benchmarks.
    Generate {
        /// State bodies (at least 20: the first 20 are the regions' akimats).
        #[arg(long, value_parser = clap::value_parser!(u32).range(20..))]
        bodies: u32,
        /// Pages per state body.
        #[arg(long)]
        pages: usize,
        /// News items per state body.
        #[arg(long, default_value_t = 0)]
        news: usize,
        /// Official documents per state body.
        #[arg(long, default_value_t = 0)]
        documents: usize,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Args)]
struct Source {
    /// The content folder.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// The portal's public address, for the sitemap.
    #[arg(long, env = "PORTAL_SITE_URL", default_value = "http://127.0.0.1:8080")]
    site_url: String,
    /// What readers told the bodies, from `portal-feedback counts --out FILE`,
    /// for the quality report (a deployment with the feedback service sets it).
    #[arg(long, env = "PORTAL_FEEDBACK_COUNTS")]
    feedback_counts: Option<PathBuf>,
}

impl Source {
    fn options(self) -> Result<Options, String> {
        let readers = match &self.feedback_counts {
            None => None,
            Some(file) => {
                let text = std::fs::read_to_string(file)
                    .map_err(|e| format!("{}: error[feedback-counts]: cannot read it: {e}", file.display()))?;
                let counts = serde_json::from_str(&text).map_err(|e| {
                    format!(
                        "{}:{}: error[feedback-counts]: not what `portal-feedback counts` writes: {e}",
                        file.display(),
                        e.line()
                    )
                })?;
                Some(counts)
            }
        };
        Ok(Options {
            content_dir: self.content,
            site_url: self.site_url,
            today: today(),
            search_index: search::Mode::Skip,
            readers,
        })
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { source, out, full_index } => {
            let mut phases = portal_compiler::phases::Phases::start();
            let search_index = if full_index { search::Mode::Full } else { since_last_full_index(&out) };
            phases.done("search ledger");
            match source.options() {
                Ok(options) => build(Options { search_index, ..options }, &out),
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { source } => match source.options() {
            Ok(options) => check(options),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        },
        Command::Schema => {
            print!("{}", schema::schemas_json());
            ExitCode::SUCCESS
        }
        Command::OldAddresses { log, top } => match std::fs::read_to_string(&log) {
            Ok(text) => {
                print!("{}", portal_compiler::transition::still_requested(&text, top));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}: error[io]: cannot read the log: {e}", log.display());
                ExitCode::FAILURE
            }
        },
        Command::Generate { bodies, pages, news, documents, out } => {
            generate(bodies as usize, pages, news, documents, &out)
        }
    }
}

/// Warnings counted by rule, so a build's log stays short; `check` lists them.
fn warning_summary<'a>(warnings: impl Iterator<Item = &'a portal_compiler::diagnostic::Diagnostic>) -> String {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for w in warnings {
        *by_rule.entry(w.rule).or_default() += 1;
    }
    let parts: Vec<String> = by_rule.iter().map(|(rule, n)| format!("{n} {rule}")).collect();
    if parts.is_empty() {
        "no warnings".into()
    } else {
        format!("warnings: {} (make check-content lists them)", parts.join(", "))
    }
}

/// Writes N bodies × M pages of synthetic content in three languages.
fn generate(bodies: usize, pages_per_body: usize, news: usize, documents: usize, out: &std::path::Path) -> ExitCode {
    match portal_compiler::generate::generate(
        out,
        &portal_compiler::generate::Shape {
            bodies,
            pages_per_body,
            news_per_body: news,
            documents_per_body: documents,
        },
    ) {
        Ok(files) => {
            eprintln!(
                "generated {bodies} bodies, {} pages, up to {} news items and {} documents, {files} files in {}",
                bodies * pages_per_body,
                bodies * news,
                bodies * documents,
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: error[io]: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// The search ledger beside `out`, if it describes the full index in `out`;
/// otherwise the index is built whole.
fn since_last_full_index(out: &Path) -> search::Mode {
    let ledger: Option<search::Ledger> = std::fs::read(output::state_file(out, SEARCH_LEDGER))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let entry = out.join(search::full_index_entry());
    match ledger {
        Some(ledger) if std::fs::read(entry).is_ok_and(|bytes| output::digest(&bytes) == ledger.entry) => {
            search::Mode::Since(std::sync::Arc::new(ledger))
        }
        Some(_) => {
            eprintln!("search: the full index in {} is not the one last built here; building it whole", out.display());
            search::Mode::Full
        }
        None => search::Mode::Full,
    }
}

/// The search ledger's name beside the output (see [`output::state_file`]).
const SEARCH_LEDGER: &str = "search";

fn build(options: Options, out: &Path) -> ExitCode {
    // Each file is staged beside the output as it is made, so the build holds
    // digests, not gigabytes of output, and a failed one leaves `out` as it was.
    let sink = match output::Sink::staged(out) {
        Ok(sink) => sink,
        Err(e) => {
            eprintln!("{}: error[io]: cannot stage the output beside it: {e}", out.display());
            return ExitCode::FAILURE;
        }
    };
    match compile_into(&options, sink) {
        Ok(mut compiled) => {
            let index_dir = search::full_index_dir();
            let keep = matches!(compiled.index, Some(search::Built::Delta { .. })).then_some(index_dir.as_str());
            let staged = compiled.staged.take().expect("compiled into a staged sink");
            let produced = staged.len();
            let mut phases = portal_compiler::phases::Phases::start();
            let written = staged.commit(keep).and_then(|written| {
                match &compiled.index {
                    Some(search::Built::Full(ledger)) => {
                        let json = serde_json::to_vec(ledger).expect("the ledger serializes");
                        output::replace(&output::state_file(out, SEARCH_LEDGER), &json)?;
                    }
                    Some(search::Built::Delta { indexed, hidden }) => eprintln!(
                        "search: {indexed} new or changed records indexed beside the full index, {hidden} of its records hidden (`--full-index` folds them in)"
                    ),
                    None => {}
                }
                Ok(written)
            });
            phases.done("moving into place");
            let written = match written {
                Ok(written) => written,
                Err(e) => {
                    eprintln!("{}: error[io]: cannot write the output: {e}", out.display());
                    return ExitCode::FAILURE;
                }
            };
            let s = &compiled.stats;
            eprintln!(
                "content: {} topics, {} pages, {} state bodies, {} regions, {} news items, {} documents, {} life situations, {} draft acts; {} files in {} ({} written, {} unchanged, {} removed); deepest page {} clicks from home",
                s.topics, s.pages, s.agencies, s.regions, s.news, s.documents, s.journeys, s.drafts, produced, out.display(),
                written.written, written.unchanged, written.removed, s.max_clicks,
            );
            eprintln!("content: {}", warning_summary(compiled.warnings.warnings()));
            ExitCode::SUCCESS
        }
        Err(failed) => {
            for d in failed.diagnostics.errors() {
                eprintln!("{d}");
            }
            eprintln!("content: {} errors; nothing was written", failed.diagnostics.errors().count());
            ExitCode::FAILURE
        }
    }
}

fn check(options: Options) -> ExitCode {
    let options = Options { search_index: search::Mode::Skip, ..options };
    let (diagnostics, report, stats) = match compile(&options) {
        Ok(c) => (c.warnings, Some(c.report), Some(c.stats)),
        Err(f) => (f.diagnostics, f.report, None),
    };
    // Errors last, so they are what the editor sees at the end of the output.
    for severity in [Severity::Warning, Severity::Error] {
        for d in diagnostics.items.iter().filter(|d| d.severity == severity) {
            println!("{d}");
        }
    }
    if let Some(report) = &report {
        println!("\nQuality report ({}):\n{}", report.generated, quality::to_text(report));
    }
    if let Some(s) = stats {
        println!(
            "Every page is within {} clicks of its home page (deepest: {}).",
            portal_content::nav::MAX_CLICKS,
            s.max_clicks
        );
    }
    let errors = diagnostics.errors().count();
    println!("{errors} errors, {} warnings", diagnostics.warnings().count());
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Today's date, as the checks compare it.
fn today() -> String {
    portal_compiler::date::Date::today().to_string()
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
