//! The pages to render: every address in the build's sitemap.

use std::path::Path;

/// Every page of the sitemap in `dist` (or of the parts of a sitemap index),
/// as a path below the portal's root: `kk/` for a home page, `ru/pages/passport`.
pub fn pages(dist: &Path) -> Result<Vec<String>, String> {
    let read = |name: &str| {
        std::fs::read_to_string(dist.join(name)).map_err(|e| format!("{}: {e}", dist.join(name).display()))
    };
    let mut xml = read("sitemap.xml")?;
    if xml.contains("<sitemapindex") {
        let mut parts: Vec<String> = std::fs::read_dir(dist)
            .map_err(|e| format!("{}: {e}", dist.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.starts_with("sitemap-") && name.ends_with(".xml"))
            .collect();
        parts.sort();
        xml = parts.iter().map(|name| read(name)).collect::<Result<Vec<_>, _>>()?.join("\n");
    }
    let mut pages = Vec::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("<loc>") {
        let loc_end = rest[at..].find("</loc>").ok_or("sitemap.xml: a <loc> is not closed")? + at;
        let loc = rest[at + "<loc>".len()..loc_end].replace("&amp;", "&");
        pages.push(page_of(&loc).ok_or_else(|| format!("sitemap.xml: {loc} is not a page of the portal"))?);
        rest = &rest[loc_end..];
    }
    if pages.is_empty() {
        return Err(format!("no page in {}", dist.join("sitemap.xml").display()));
    }
    let mut seen = std::collections::HashSet::new();
    pages.retain(|page| seen.insert(page.clone()));
    Ok(pages)
}

/// `https://host/portal/ru/pages/passport` -> `ru/pages/passport`.
fn page_of(loc: &str) -> Option<String> {
    let path = loc.split_once("://").map_or(loc, |(_, rest)| rest.split_once('/').map_or("", |(_, path)| path));
    let path = format!("/{path}");
    let at = ["/kk/", "/ru/", "/en/"].iter().filter_map(|lang| path.find(lang)).min()?;
    Some(path[at + 1..].to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sitemap_address_becomes_a_page_path() {
        assert_eq!(super::page_of("https://example.kz/ru/pages/passport").as_deref(), Some("ru/pages/passport"));
        assert_eq!(super::page_of("https://example.kz/portal/kk/").as_deref(), Some("kk/"));
        assert_eq!(super::page_of("https://example.kz/about"), None);
    }
}
