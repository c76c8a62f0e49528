//! Command line of the renderer; see the crate's documentation.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Renders every page of the portal's sitemap to HTML with the app's own
/// components, into the build Trunk wrote, for the browser to hydrate.
#[derive(Parser)]
#[command(name = "portal-render", version)]
struct Cli {
    /// The build to render into: Trunk's output, with index.html, sitemap.xml and the content API.
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// The compiled content API to read, if not the build's own copy.
    #[arg(long)]
    api: Option<PathBuf>,
    /// Pages rendered at once (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// Keep what was rendered from what in this file, and render only the
    /// pages whose documents changed since (incremental publishing).
    #[arg(long)]
    state: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let jobs = cli.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    match portal_render::render_site(&portal_render::Options { dist: cli.dist, api: cli.api, jobs, state: cli.state }) {
        Ok(report) => {
            println!(
                "render: {} pages, {} rendered ({:.1} MB of HTML), {} kept, {} removed, {:.2} s ({:.0} pages/s)",
                report.pages,
                report.rendered,
                report.bytes as f64 / 1024.0 / 1024.0,
                report.pages - report.rendered,
                report.removed,
                report.seconds,
                report.pages_per_second()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("render: error: {e}");
            ExitCode::FAILURE
        }
    }
}
