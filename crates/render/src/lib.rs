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
pub mod state;

use state::{PageInputs, State};
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
    /// Where the last render's state is kept: with it, only the pages whose
    /// inputs changed are rendered, and pages gone from the sitemap removed.
    pub state: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Report {
    /// Pages in the sitemap.
    pub pages: usize,
    /// Pages rendered this time (the others were kept as they were).
    pub rendered: usize,
    /// Pages removed because they left the sitemap.
    pub removed: usize,
    /// Bytes of HTML written.
    pub bytes: u64,
    pub seconds: f64,
}

impl Report {
    pub fn pages_per_second(&self) -> f64 {
        self.rendered as f64 / self.seconds.max(1e-9)
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
        None => {
            dist.join(shell.api_base().trim_start_matches(&format!("{}/", shell.base_path())).trim_start_matches('/'))
        }
    };
    // Once a process: a second render must be for the same address.
    if let Err(e) = portal::routes::set_base_path(shell.base_path()) {
        if portal::routes::base_path() != shell.base_path() {
            return Err(e);
        }
    }
    // Once a process too; the forms' addresses are the same for every page.
    portal::feedback::set_service(shell.feedback(), shell.base_path())?;
    executor::install();
    let site = page::Site { base_path: shell.base_path(), api_base: shell.api_base(), api_dir: &api_dir };
    let mut pages = sitemap::pages(dist)?;
    // Not in the sitemap (nothing to find there), but a form posted without
    // JavaScript lands on it.
    pages.extend(portal_content::Lang::ALL.iter().map(|lang| format!("{}/feedback/sent", lang.code())));

    let build = state::build_digest(&html);
    let previous = options.state.as_deref().map(State::load).filter(|s| s.build == build).unwrap_or_default();
    // Kept: pages rendered before from the same documents, still on disk,
    // with their inputs as they stand now. Looking at every page's documents
    // is most of a publication's render: it is done on every core, and a
    // document whose file is the very one last seen is not read again.
    let (kept, to_render): (Vec<(&String, PageInputs)>, Vec<&String>) = {
        use rayon::prelude::*;
        let checked: Vec<(&String, Option<PageInputs>)> = pages
            .par_iter()
            .map(|path| {
                let before = previous.pages.get(path).filter(|_| page_file(dist, path).exists());
                (path, before.and_then(|before| state::unchanged(&api_dir, before)))
            })
            .collect();
        let mut kept = vec![];
        let mut to_render = vec![];
        for (path, inputs) in checked {
            match inputs {
                Some(inputs) => kept.push((path, inputs)),
                None => to_render.push(path),
            }
        }
        (kept, to_render)
    };
    let whole = kept.is_empty();

    let staging = dist.join(".render-staging");
    let _ = std::fs::remove_dir_all(&staging);
    let rendered = match render_into(&site, &shell, &to_render, &staging, options.jobs.max(1)) {
        Ok(rendered) => rendered,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    let bytes = rendered.iter().map(|(_, bytes, _)| *bytes).sum();

    let mut removed = 0;
    if whole {
        // Every page is new: the language folders are replaced whole, so nothing stale is left.
        for lang in portal_content::Lang::ALL {
            let (from, to) = (staging.join(lang.code()), dist.join(lang.code()));
            let _ = std::fs::remove_dir_all(&to);
            if from.exists() {
                std::fs::rename(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
            }
        }
    } else {
        for (path, _, _) in &rendered {
            let (from, to) = (page_file(&staging, path), page_file(dist, path));
            std::fs::create_dir_all(to.parent().expect("a page file has a folder"))
                .and_then(|()| std::fs::rename(&from, &to))
                .map_err(|e| format!("{}: {e}", to.display()))?;
        }
        let listed: std::collections::BTreeSet<&String> = pages.iter().collect();
        for gone in previous.pages.keys().filter(|path| !listed.contains(path)) {
            let file = page_file(dist, gone);
            if std::fs::remove_file(&file).is_ok() {
                removed += 1;
                // Folders left empty go too (not the language's own).
                let _ = file.parent().map(std::fs::remove_dir);
            }
        }
    }
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    }

    if let Some(file) = &options.state {
        let mut pages_state: std::collections::BTreeMap<String, PageInputs> =
            kept.into_iter().map(|(path, inputs)| (path.clone(), inputs)).collect();
        pages_state.extend(rendered.into_iter().map(|(path, _, inputs)| (path, inputs)));
        State { build, pages: pages_state }.save(file)?;
    }
    Ok(Report {
        pages: pages.len(),
        rendered: to_render.len(),
        removed,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Renders `pages` into `out`, each with the inputs it was made from; the
/// first error stops every worker.
fn render_into(
    site: &page::Site,
    shell: &shell::Shell,
    pages: &[&String],
    out: &Path,
    jobs: usize,
) -> Result<Vec<(String, u64, PageInputs)>, String> {
    let next = AtomicUsize::new(0);
    let failed: Mutex<Option<String>> = Mutex::new(None);
    let done = Mutex::new(Vec::with_capacity(pages.len()));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                while failed.lock().expect("not poisoned").is_none() {
                    let Some(path) = pages.get(next.fetch_add(1, Ordering::Relaxed)) else { break };
                    let result = page::render(site, path).and_then(|page| {
                        let html = shell.page(&page);
                        write_file(&page_file(out, path), &html)?;
                        let documents: Vec<String> = page.documents.iter().map(|(p, _)| p.clone()).collect();
                        let inputs = PageInputs {
                            stamps: state::stamps(site.api_dir, &documents),
                            digest: state::digest_of(&page.documents),
                            documents,
                        };
                        Ok(((*path).clone(), html.len() as u64, inputs))
                    });
                    match result {
                        Ok(page) => done.lock().expect("not poisoned").push(page),
                        Err(e) => _ = failed.lock().expect("not poisoned").get_or_insert(e),
                    }
                }
            });
        }
    });
    match failed.into_inner().expect("not poisoned") {
        Some(e) => Err(e),
        None => Ok(done.into_inner().expect("not poisoned")),
    }
}

/// The file a static server gives for the page's address: `{dir}/{path}/index.html`.
fn page_file(dir: &Path, path: &str) -> PathBuf {
    dir.join(path.trim_end_matches('/')).join("index.html")
}

fn write_file(file: &Path, html: &str) -> Result<(), String> {
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(file.parent().expect("a page file has a folder"))?;
        std::fs::write(file, html)
    };
    write().map_err(|e| format!("{}: {e}", file.display()))
}
