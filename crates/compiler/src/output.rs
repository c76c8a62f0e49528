//! Writing the compiled files, and the sitemap.

use portal_content::{Lang, Route};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What [`write_all`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Files written because they were new or their bytes changed.
    pub written: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files removed because the compile no longer produces them.
    pub removed: usize,
}

/// Makes `out_dir` hold exactly `files`, writing only the files that are new
/// or whose bytes changed since the last write, and removing the files no
/// longer produced: a change to one item rewrites the documents, lists,
/// feeds and sitemap that hold it, and nothing else. Each file is written
/// beside its place and renamed into it, so no file is ever half written.
/// What the last write produced is beside the folder, in `.{name}.written`
/// (path and SHA-256 of each file), so the folder holds only the output and
/// can be a deployed build; without it, every file is written. Files under
/// `keep` (a path prefix) that the last write produced stay as they are
/// even when `files` does not hold them: the full search index beside an
/// incremental build's delta.
pub fn write_all(files: &BTreeMap<String, Vec<u8>>, out_dir: &Path, keep: Option<&str>) -> io::Result<Written> {
    let before = last_written(out_dir);
    fs::create_dir_all(out_dir)?;
    let mut done = Written::default();
    let mut produced = BTreeMap::new();
    for (path, bytes) in files {
        let digest = digest(bytes);
        let target = out_dir.join(path);
        if before.get(path) == Some(&digest) && target.is_file() {
            done.unchanged += 1;
        } else {
            fs::create_dir_all(target.parent().expect("output files are in folders"))?;
            replace(&target, bytes)?;
            done.written += 1;
        }
        produced.insert(path.clone(), digest);
    }
    settle(out_dir, &before, &produced, keep, &mut done)?;
    Ok(done)
}

/// What the last write into `out_dir` produced: each file's digest by its path.
fn last_written(out_dir: &Path) -> BTreeMap<String, String> {
    fs::read_to_string(state_file(out_dir, "written"))
        .map(|text| {
            text.lines().filter_map(|l| l.split_once('\t')).map(|(d, p)| (p.to_owned(), d.to_owned())).collect()
        })
        .unwrap_or_default()
}

/// Once `produced` (path to digest) is in `out_dir`: removes what the last
/// write produced and this one did not (but what is under `keep`), and
/// records what the folder now holds.
fn settle(
    out_dir: &Path,
    before: &BTreeMap<String, String>,
    produced: &BTreeMap<String, String>,
    keep: Option<&str>,
    done: &mut Written,
) -> io::Result<()> {
    let mut manifest = String::new();
    for (path, digest) in produced {
        manifest.push_str(&format!("{digest}\t{path}\n"));
    }
    let kept = |path: &str| keep.is_some_and(|prefix| path.starts_with(prefix));
    for (path, digest) in before.iter().filter(|(path, _)| !produced.contains_key(*path) && kept(path)) {
        manifest.push_str(&format!("{digest}\t{path}\n"));
    }
    for gone in before.keys().filter(|path| !produced.contains_key(*path) && !kept(path)) {
        let file = out_dir.join(gone);
        if fs::remove_file(&file).is_ok() {
            done.removed += 1;
            // Folders left empty go with it.
            let mut dir = file.parent();
            while let Some(d) = dir.filter(|d| *d != out_dir) {
                if fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
    }
    replace(&state_file(out_dir, "written"), manifest.as_bytes())
}

/// Where a compile puts the files it makes, as it makes them. Threads
/// making documents put into it side by side.
pub enum Sink {
    /// Held in memory, for checks and tests, and for [`write_all`].
    Memory(Mutex<BTreeMap<String, Vec<u8>>>),
    /// Staged on disk beside the output (see [`Staged`]).
    Staged(Staged),
}

/// Files written as the compile makes them into a staging folder beside the
/// output, `.{name}.staging`, and only those whose bytes differ from what
/// the output last received: memory holds each file's digest, not its bytes
/// (at the size of the whole state, the output is gigabytes). [`Staged::commit`]
/// moves them into the output once the compile has succeeded; a failed
/// compile drops them with the staging folder, and the output is untouched.
pub struct Staged {
    out_dir: PathBuf,
    staging: PathBuf,
    before: BTreeMap<String, String>,
    produced: Mutex<BTreeMap<String, String>>,
}

impl Sink {
    /// Files held in memory.
    pub fn memory() -> Sink {
        Sink::Memory(Mutex::default())
    }

    /// Files staged for `out_dir`; a staging folder left by an interrupted build is cleared.
    pub fn staged(out_dir: &Path) -> io::Result<Sink> {
        let staging = state_file(out_dir, "staging");
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir_all(&staging)?;
        Ok(Sink::Staged(Staged {
            out_dir: out_dir.to_path_buf(),
            staging,
            before: last_written(out_dir),
            produced: Mutex::default(),
        }))
    }

    /// Adds a file; a later file of the same path replaces an earlier one.
    /// The digest and the write happen outside the lock, so threads putting
    /// different files do not wait for each other.
    pub fn insert(&self, path: String, bytes: Vec<u8>) -> io::Result<()> {
        let staged = match self {
            Sink::Memory(files) => {
                lock(files).insert(path, bytes);
                return Ok(());
            }
            Sink::Staged(staged) => staged,
        };
        let digest = digest(&bytes);
        let target = staged.staging.join(&path);
        if staged.before.get(&path) == Some(&digest) && staged.out_dir.join(&path).is_file() {
            if target.exists() {
                fs::remove_file(&target)?;
            }
        } else {
            fs::create_dir_all(target.parent().expect("output files are in folders"))?;
            fs::write(&target, &bytes)?;
        }
        lock(&staged.produced).insert(path, digest);
        Ok(())
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        match self {
            Sink::Memory(files) => lock(files).len(),
            Sink::Staged(staged) => staged.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A lock no thread panics holding: a compile that panics stops whole.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Staged {
    /// How many files the compile produced.
    pub fn len(&self) -> usize {
        lock(&self.produced).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves the staged files into the output, each renamed into place so
    /// no file is ever half written, and settles the output as [`write_all`] does.
    pub fn commit(self, keep: Option<&str>) -> io::Result<Written> {
        let mut done = Written::default();
        fs::create_dir_all(&self.out_dir)?;
        let produced = lock(&self.produced);
        for path in produced.keys() {
            let staged = self.staging.join(path);
            if staged.is_file() {
                let target = self.out_dir.join(path);
                fs::create_dir_all(target.parent().expect("output files are in folders"))?;
                fs::rename(&staged, &target)?;
                done.written += 1;
            } else {
                done.unchanged += 1;
            }
        }
        settle(&self.out_dir, &self.before, &produced, keep, &mut done)?;
        Ok(done)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

/// SHA-256, in hex.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Where a build keeps its state about `out_dir`: beside it, as
/// `.{name}.{what}`, so the folder itself holds only the output.
pub fn state_file(out_dir: &Path, what: &str) -> std::path::PathBuf {
    let name = out_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    out_dir.parent().unwrap_or(Path::new(".")).join(format!(".{name}.{what}"))
}

/// Writes `bytes` beside `path` and renames it into place, so a reader
/// never sees half a file.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let partial = path.with_file_name(format!(".{name}.partial"));
    fs::write(&partial, bytes)?;
    fs::rename(&partial, path)
}

/// `sitemap.xml` with every page in every language it exists in, each
/// naming its other language versions. A sitemap holds at most 50,000 URLs,
/// so a larger portal gets `sitemap-1.xml`, `sitemap-2.xml`, … and
/// `sitemap.xml` becomes their index.
pub struct Sitemap {
    site_url: String,
    entries: Vec<String>,
}

/// The most URLs one sitemap file may list (sitemaps.org protocol).
pub const SITEMAP_LIMIT: usize = 50_000;

const URLSET_OPEN: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
);

impl Sitemap {
    pub fn new(site_url: &str) -> Sitemap {
        Sitemap { site_url: site_url.trim_end_matches('/').to_owned(), entries: vec![] }
    }

    pub fn add(&mut self, route: &Route, langs: &[Lang], lastmod: Option<&str>) {
        for &lang in langs {
            let mut xml = format!("  <url>\n    <loc>{}</loc>\n", self.url(route, lang));
            if let Some(date) = lastmod {
                xml.push_str(&format!("    <lastmod>{}</lastmod>\n", escape(date)));
            }
            for &other in langs {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    other.code(),
                    self.url(route, other)
                ));
            }
            xml.push_str("  </url>\n");
            self.entries.push(xml);
        }
    }

    fn url(&self, route: &Route, lang: Lang) -> String {
        escape(&format!("{}{}", self.site_url, route.href(lang)))
    }

    /// The sitemap files by name: `sitemap.xml`, plus its parts when it is an index.
    pub fn finish(self) -> Vec<(String, String)> {
        let urlset = |entries: &[String]| format!("{URLSET_OPEN}{}</urlset>\n", entries.concat());
        if self.entries.len() <= SITEMAP_LIMIT {
            return vec![("sitemap.xml".into(), urlset(&self.entries))];
        }
        let parts: Vec<(String, String)> = self
            .entries
            .chunks(SITEMAP_LIMIT)
            .enumerate()
            .map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), urlset(chunk)))
            .collect();
        let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (name, _) in &parts {
            index.push_str(&format!("  <sitemap><loc>{}/{name}</loc></sitemap>\n", escape(&self.site_url)));
        }
        index.push_str("</sitemapindex>\n");
        let mut files = vec![("sitemap.xml".to_owned(), index)];
        files.extend(parts);
        files
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
