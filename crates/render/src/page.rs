//! One page through the app's own components, rendered natively: the same
//! `App` the browser hydrates, given a request URL and a content client
//! that reads the compiled API from disk.

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_router::location::RequestUrl;
use portal::api::ApiClient;
use portal::components::announcer::RenderedTitle;
use portal_content::Lang;
use std::path::Path;
use std::sync::Arc;

/// A page of the portal, ready to go into the shell.
pub struct Rendered {
    pub lang: Lang,
    pub title: String,
    /// What goes in `<body>`: the app's HTML, exactly as the browser will hydrate it.
    pub body: String,
    /// The API documents the page was made from: (path under the API base, JSON text).
    pub documents: Vec<(String, Arc<str>)>,
}

/// Where the pages find the portal and its content.
pub struct Site<'a> {
    /// The path the portal is served under, without a trailing slash (`""` or `/portal`).
    pub base_path: &'a str,
    /// The API base as links in the page name it (`/api/v1/`).
    pub api_base: &'a str,
    /// The compiled API on disk (the folder holding `kk/`, `ru/`, `en/`).
    pub api_dir: &'a Path,
}

/// Renders the page at `path` (`ru/pages/passport`, `kk/` for a home page).
/// Fails, naming the page, when it does not show its content (an error, a
/// not-found page, a version missing in its language): such a build must
/// not be deployed.
pub fn render(site: &Site, path: &str) -> Result<Rendered, String> {
    let lang = path.split('/').next().and_then(Lang::from_code).ok_or_else(|| format!("{path}: no language"))?;
    let client = ApiClient::on_disk(site.api_base, site.api_dir);
    let title = RenderedTitle::default();
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{}/{path}", site.base_path)));
        provide_context(client.clone());
        provide_context(title.clone());
        portal::app::App().to_html()
    });
    drop(owner);
    // Leptos marks the places of dynamic parts with `<!>`, which browsers
    // read as an empty comment but the HTML standard calls a bogus one;
    // `<!---->` is the same node, written conformingly. (Text and attribute
    // values have `<` escaped, so only markers match.)
    let body = body.replace("<!>", "<!---->");
    let documents = client.take_read();
    for (mark, what) in [
        ("data-testid=\"error-panel\"", "an error"),
        ("data-testid=\"not-found\"", "the not-found page"),
        ("data-testid=\"unavailable\"", "\"not in this language\""),
    ] {
        if body.contains(mark) {
            return Err(format!("/{path} shows {what} instead of its content"));
        }
    }
    if documents.is_empty() {
        return Err(format!("/{path} read no document of the content API"));
    }
    let title = title.0.lock().expect("not poisoned").clone();
    Ok(Rendered { lang, title, body, documents })
}
