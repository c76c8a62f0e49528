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
/// naming its other language versions.
pub struct Sitemap {
    site_url: String,
    xml: String,
}

impl Sitemap {
    pub fn new(site_url: &str) -> Sitemap {
        let xml = String::from(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        ));
        Sitemap { site_url: site_url.trim_end_matches('/').to_owned(), xml }
    }

    pub fn add(&mut self, route: &Route, langs: &[Lang], lastmod: Option<&str>) {
        for &lang in langs {
            self.xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", self.url(route, lang)));
            if let Some(date) = lastmod {
                self.xml.push_str(&format!("    <lastmod>{}</lastmod>\n", escape(date)));
            }
            for &other in langs {
                self.xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    other.code(),
                    self.url(route, other)
                ));
            }
            self.xml.push_str("  </url>\n");
        }
    }

    fn url(&self, route: &Route, lang: Lang) -> String {
        escape(&format!("{}{}", self.site_url, route.href(lang)))
    }

    pub fn finish(mut self) -> String {
        self.xml.push_str("</urlset>\n");
        self.xml
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
