//! Files an item carries beside its text (images, documents' originals):
//! one rule for reading them, so a name, a link or an active SVG never
//! reaches readers unchecked.

use std::path::Path;

/// A file in an item's folder, read and checked.
pub struct LocalFile {
    pub bytes: Vec<u8>,
    /// Lowercase extension: `pdf`, `svg` …
    pub format: String,
}

/// Why a named file cannot be published.
#[derive(Debug, PartialEq)]
pub enum FileProblem {
    /// Not a plain file name: only Latin letters, digits, `.`, `_` and `-`,
    /// so the name is safe in a URL as it is.
    Name,
    Format,
    /// Absent, not a regular file (a symbolic link is refused: it could
    /// publish a file from outside content/), or empty.
    Missing,
    TooLarge(u64),
    /// An SVG that is not a plain drawing; the reason.
    Active(String),
}

/// The lowercase extension of a file name.
pub fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Reads `name` from `folder` if it is a plain name, in one of `formats`,
/// a regular non-empty file of at most `max` bytes, and (an SVG) free of
/// anything active.
pub fn read_local(folder: &Path, name: &str, formats: &[&str], max: u64) -> Result<LocalFile, FileProblem> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if !plain {
        return Err(FileProblem::Name);
    }
    let format = extension(name);
    if !formats.contains(&format.as_str()) {
        return Err(FileProblem::Format);
    }
    let path = folder.join(name);
    let meta = std::fs::symlink_metadata(&path).map_err(|_| FileProblem::Missing)?;
    if !meta.file_type().is_file() || meta.len() == 0 {
        return Err(FileProblem::Missing);
    }
    if meta.len() > max {
        return Err(FileProblem::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(&path).map_err(|_| FileProblem::Missing)?;
    if format == "svg" {
        if let Some(reason) = svg_problem(&bytes) {
            return Err(FileProblem::Active(reason));
        }
    }
    Ok(LocalFile { bytes, format })
}

/// Elements that run script, embed other documents or hide HTML in a drawing.
const ACTIVE_ELEMENTS: [&str; 9] =
    ["script", "foreignobject", "iframe", "object", "embed", "audio", "video", "animate", "set"];

/// Why an SVG is not a plain drawing, if it is not. It must be UTF-8 XML
/// without a DOCTYPE (no entities), with no active element, no event
/// attribute and no reference outside itself. Opened on its own, an SVG
/// runs in the portal's origin.
pub fn svg_problem(bytes: &[u8]) -> Option<String> {
    let Ok(text) = std::str::from_utf8(bytes) else { return Some("it is not UTF-8".into()) };
    let doc = match roxmltree::Document::parse(text) {
        Ok(doc) => doc,
        Err(e) => return Some(format!("it is not well-formed XML without a DOCTYPE: {e}")),
    };
    if !doc.root_element().has_tag_name("svg") {
        return Some("its root element is not <svg>".into());
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name().to_ascii_lowercase();
        if ACTIVE_ELEMENTS.contains(&name.as_str()) {
            return Some(format!("it holds a <{}> element", node.tag_name().name()));
        }
        for attr in node.attributes() {
            let (key, value) = (attr.name().to_ascii_lowercase(), attr.value().trim().to_ascii_lowercase());
            if key.starts_with("on") {
                return Some(format!("it holds an event handler ({})", attr.name()));
            }
            if key == "href" && !value.starts_with('#') {
                return Some(format!("it refers outside itself ({})", attr.value()));
            }
            if value.contains("url(") && !value.contains("url(#")
                || value.contains("javascript:")
                || value.contains("@import")
            {
                return Some(format!("an attribute refers outside itself ({}={})", attr.name(), attr.value()));
            }
        }
        if name == "style"
            && node.text().is_some_and(|t| t.contains("@import") || t.contains("url(") && !t.contains("url(#"))
        {
            return Some("its style refers outside itself".into());
        }
    }
    None
}

/// Width and height of a PNG (its header) or an SVG (its `viewBox`), so the
/// page reserves the space before the image arrives; `None` for the others.
pub fn image_size(format: &str, bytes: &[u8]) -> Option<(u32, u32)> {
    match format {
        "png" if bytes.len() >= 24 && bytes.starts_with(b"\x89PNG") => {
            let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
            Some((be(16), be(20)))
        }
        "svg" => {
            let text = std::str::from_utf8(bytes).ok()?;
            let doc = roxmltree::Document::parse(text).ok()?;
            let values: Vec<f64> = doc
                .root_element()
                .attribute("viewBox")?
                .split([' ', ','])
                .filter(|v| !v.is_empty())
                .filter_map(|v| v.parse().ok())
                .collect();
            match values.as_slice() {
                [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((w.round() as u32, h.round() as u32)),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_drawings_pass_and_active_ones_do_not() {
        let ok = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/><text font-family="sans-serif">Ақпарат</text></svg>"##;
        assert_eq!(svg_problem(ok.as_bytes()), None);
        assert_eq!(image_size("svg", ok.as_bytes()), Some((10, 10)));
        for bad in [
            r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            r#"<svg/onload="alert(1)" xmlns="http://www.w3.org/2000/svg"></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" onload ="alert(1)"></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="&#106;avascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>"#,
            r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>"#,
            "<svg viewBox=«0 0 1 1»></svg>",
        ] {
            assert!(svg_problem(bad.as_bytes()).is_some(), "{bad}");
        }
        // UTF-16 is not read as text, so it is refused rather than passed unread.
        let utf16: Vec<u8> = "<svg/>".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(svg_problem(&utf16).is_some());
        assert_eq!(image_size("svg", "<svg viewBox=«0 0 1 1»></svg>".as_bytes()), None, "no panic on odd quotes");
    }

    #[test]
    fn names_formats_links_and_sizes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.pdf"), b"%PDF").unwrap();
        std::fs::write(dir.path().join("empty.pdf"), b"").unwrap();
        let formats = ["pdf"];
        assert!(read_local(dir.path(), "a.pdf", &formats, 10).is_ok());
        assert_eq!(read_local(dir.path(), "a.pdf", &formats, 2).err(), Some(FileProblem::TooLarge(4)));
        assert_eq!(read_local(dir.path(), "empty.pdf", &formats, 10).err(), Some(FileProblem::Missing));
        assert_eq!(read_local(dir.path(), "b.pdf", &formats, 10).err(), Some(FileProblem::Missing));
        assert_eq!(read_local(dir.path(), "a.exe", &formats, 10).err(), Some(FileProblem::Format));
        for name in ["../a.pdf", "a b.pdf", "a#1.pdf", ".a.pdf", "", "приказ.pdf"] {
            assert_eq!(read_local(dir.path(), name, &formats, 10).err(), Some(FileProblem::Name), "{name}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link.pdf")).unwrap();
            assert_eq!(
                read_local(dir.path(), "link.pdf", &formats, 1 << 20).err(),
                Some(FileProblem::Missing),
                "a link is refused"
            );
        }
    }
}
