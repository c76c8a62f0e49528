//! Writing the compiled files, and the sitemap.

use portal_content::{Lang, Route};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

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
    let manifest_file = state_file(out_dir, "written");
    let before: BTreeMap<String, String> = fs::read_to_string(&manifest_file)
        .map(|text| {
            text.lines().filter_map(|l| l.split_once('\t')).map(|(d, p)| (p.to_owned(), d.to_owned())).collect()
        })
        .unwrap_or_default();
    fs::create_dir_all(out_dir)?;
    let mut done = Written::default();
    let mut manifest = String::new();
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
        manifest.push_str(&format!("{digest}\t{path}\n"));
    }
    let kept = |path: &str| keep.is_some_and(|prefix| path.starts_with(prefix));
    for (path, digest) in before.iter().filter(|(path, _)| !files.contains_key(*path) && kept(path)) {
        manifest.push_str(&format!("{digest}\t{path}\n"));
    }
    for gone in before.keys().filter(|path| !files.contains_key(*path) && !kept(path)) {
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
    replace(&manifest_file, manifest.as_bytes())?;
    Ok(done)
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
