//! `portal-render`: every page of the sitemap as HTML, rendered by the app's
//! own Leptos components natively at build time (no browser), into the
//! build Trunk wrote. The browser then hydrates each page in place.
//!
//! Stages: the shell ([`shell`]) and the pages ([`sitemap`]) are read from
//! the build; each page is rendered ([`page`]) on as many threads as the
//! machine has cores, into a staging folder; only when every page has
//! rendered do the language folders replace the build's.

pub mod executor;
pub mod page;
pub mod shell;
pub mod sitemap;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

pub struct Options {
    /// The build Trunk wrote (`dist`): its `index.html`, `sitemap.xml` and API.
    pub dist: PathBuf,
    /// The compiled API, if not the build's own copy under the API base.
    pub api: Option<PathBuf>,
    pub jobs: usize,
}

pub struct Report {
    pub pages: usize,
    pub bytes: u64,
    pub seconds: f64,
}

impl Report {
    pub fn pages_per_second(&self) -> f64 {
        self.pages as f64 / self.seconds.max(1e-9)
    }
}

pub fn render_site(options: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let dist = &options.dist;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let shell = shell::Shell::parse(&html)?;
    let api_dir = match &options.api {
        Some(dir) => dir.clone(),
        None => dist.join(shell.api_base().trim_start_matches(&format!("{}/", shell.base_path())).trim_start_matches('/')),
    };
    portal::routes::set_base_path(shell.base_path())?;
    executor::install();
    let site = page::Site { base_path: shell.base_path(), api_base: shell.api_base(), api_dir: &api_dir };
    let pages = sitemap::pages(dist)?;

    let staging = dist.join(".render-staging");
    let _ = std::fs::remove_dir_all(&staging);
    let result = render_into(&site, &shell, &pages, &staging, options.jobs.max(1));
    let bytes = match result {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    for lang in portal_content::Lang::ALL {
        let (from, to) = (staging.join(lang.code()), dist.join(lang.code()));
        let _ = std::fs::remove_dir_all(&to);
        if from.exists() {
            std::fs::rename(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
    }
    std::fs::remove_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    Ok(Report { pages: pages.len(), bytes, seconds: started.elapsed().as_secs_f64() })
}

/// Renders every page into `out`; the first error stops every worker.
fn render_into(site: &page::Site, shell: &shell::Shell, pages: &[String], out: &Path, jobs: usize) -> Result<u64, String> {
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<String>> = Mutex::new(None);
    let bytes = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                while failed.lock().expect("not poisoned").is_none() {
                    let Some(path) = pages.get(next.fetch_add(1, Ordering::Relaxed)) else { break };
                    match page::render(site, path).and_then(|page| write_page(out, path, &shell.page(&page))) {
                        Ok(written) => _ = bytes.fetch_add(written, Ordering::Relaxed),
                        Err(e) => _ = failed.lock().expect("not poisoned").get_or_insert(e),
                    }
                }
            });
        }
    });
    match failed.into_inner().expect("not poisoned") {
        Some(e) => Err(e),
        None => Ok(bytes.into_inner() as u64),
    }
}

/// Writes `{out}/{path}/index.html`, the file a static server gives for the page's address.
fn write_page(out: &Path, path: &str, html: &str) -> Result<usize, String> {
    let file = out.join(path.trim_end_matches('/')).join("index.html");
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(file.parent().expect("a page file has a folder"))?;
        std::fs::write(&file, html)
    };
    write().map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(html.len())
}
