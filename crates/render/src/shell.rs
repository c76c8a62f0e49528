//! The shell every page goes into: the `index.html` Trunk wrote (styles,
//! the loader, the display settings applied before the first paint, the
//! API base), with the page's language, title, documents and body.

use crate::page::Rendered;

pub struct Shell {
    /// Up to the value of `<html lang`.
    before_lang: String,
    /// From after that value up to `<title>`.
    before_title: String,
    /// From `</title>` up to `</head>`.
    before_head_end: String,
    /// From `</body>` to the end.
    after_body: String,
    base_path: String,
    api_base: String,
    feedback: Option<String>,
}

impl Shell {
    /// Reads the shell from Trunk's `index.html`. Fails, saying what is
    /// missing, when the file does not have the shape this code fills in.
    pub fn parse(html: &str) -> Result<Shell, String> {
        let shape = |what: &str| format!("index.html has no {what}: has Trunk's output changed?");
        // The app is requested after the first paint on a rendered page
        // (public/paint-first.js): nothing is preloaded ahead of the page's own CSS.
        let html = without_preloads(html);
        let lang_at = html.find("<html lang=\"").ok_or_else(|| shape("<html lang>"))? + "<html lang=\"".len();
        let lang_end = lang_at + html[lang_at..].find('"').ok_or_else(|| shape("<html lang>"))?;
        let title_at = html.find("<title>").ok_or_else(|| shape("<title>"))?;
        let title_end = html.find("</title>").ok_or_else(|| shape("</title>"))?;
        let head_end = html.find("</head>").ok_or_else(|| shape("</head>"))?;
        let body_at = html.find("<body>").ok_or_else(|| shape("<body>"))?;
        let body_end = html.rfind("</body>").ok_or_else(|| shape("</body>"))?;
        if !(lang_end < title_at && title_end < head_end && head_end < body_at && body_at < body_end) {
            return Err(shape("head before its body"));
        }
        let base_href = attribute_of(&html, "<base href=\"").ok_or_else(|| shape("<base href>"))?;
        let api =
            attribute_of(&html, "<meta name=\"portal-api-base\" content=\"").ok_or_else(|| shape("portal-api-base"))?;
        let api_base = if api.starts_with('/') || api.contains("://") { api } else { format!("{base_href}{api}") };
        Ok(Shell {
            before_lang: html[..lang_at].to_owned(),
            before_title: format!("\" {}{}", portal::served::MARK, &html[lang_end + 1..title_at]),
            before_head_end: html[title_end + "</title>".len()..head_end].to_owned(),
            after_body: html[body_end..].to_owned(),
            base_path: base_href.trim_end_matches('/').to_owned(),
            api_base,
            feedback: attribute_of(&html, "<meta name=\"portal-feedback\" content=\""),
        })
    }

    /// The path the portal is served under, from `<base href>`: `""` or `/portal`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The feedback service's address as `<meta name="portal-feedback">` gives it, if any.
    pub fn feedback(&self) -> Option<&str> {
        self.feedback.as_deref()
    }

    /// The API base as the pages link it (`/api/v1/`).
    pub fn api_base(&self) -> &str {
        &self.api_base
    }

    /// The whole HTML file of a page.
    pub fn page(&self, page: &Rendered) -> String {
        let mut out =
            String::with_capacity(self.before_lang.len() + self.before_head_end.len() + page.body.len() + 4096);
        out.push_str(&self.before_lang);
        out.push_str(page.lang.code());
        out.push_str(&self.before_title);
        out.push_str("<title>");
        out.push_str(&escape_text(&page.title));
        out.push_str("</title>");
        out.push_str(&self.before_head_end);
        // Not executable, so the Content-Security-Policy allows it; `<` is
        // escaped so no text in a document can end the element.
        for (path, json) in &page.documents {
            out.push_str("<script type=\"application/json\" ");
            out.push_str(portal::served::DOCUMENT_ATTRIBUTE);
            out.push_str("=\"");
            out.push_str(&escape_text(path).replace('"', "&quot;"));
            out.push_str("\">");
            out.push_str(&json.trim_end().replace('<', "\\u003c"));
            out.push_str("</script>\n");
        }
        // Nothing between <body> and the app's first node: hydration starts there.
        out.push_str("</head>\n<body>");
        out.push_str(&page.body);
        out.push_str(&self.after_body);
        out
    }
}

fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link ") {
        let end = at + rest[at..].find('>').map_or(rest.len() - at, |e| e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if !(tag.contains("rel=\"modulepreload\"") || tag.contains("rel=\"preload\"")) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn attribute_of(html: &str, prefix: &str) -> Option<String> {
    let at = html.find(prefix)? + prefix.len();
    let end = at + html[at..].find('"')?;
    Some(html[at..end].to_owned())
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
