//! Writing the compiled files, and the sitemap.

use portal_content::{Lang, Route};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

/// Replaces `out_dir` with exactly `files`: written to a sibling folder
/// first and swapped in, so a reader never sees half an output.
pub fn write_all(files: &BTreeMap<String, Vec<u8>>, out_dir: &Path) -> io::Result<()> {
    let parent = out_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let name = out_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    let staging = parent.join(format!(".{name}.writing"));
    let old = parent.join(format!(".{name}.old"));
    let _ = fs::remove_dir_all(&staging);
    let _ = fs::remove_dir_all(&old);
    for (path, bytes) in files {
        let target = staging.join(path);
        fs::create_dir_all(target.parent().expect("output files are in folders"))?;
        fs::write(target, bytes)?;
    }
    if out_dir.exists() {
        fs::rename(out_dir, &old)?;
    }
    fs::rename(&staging, out_dir)?;
    let _ = fs::remove_dir_all(&old);
    Ok(())
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
