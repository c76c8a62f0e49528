//! The renderer on the bundled content, compiled by the real compiler: the
//! pages it writes, and an incremental render after a change giving exactly
//! what a full render gives.

use portal_render::{render_site, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SHELL: &str = r#"<!DOCTYPE html>
<html lang="kk">
<head>
  <meta charset="utf-8">
  <meta name="portal-api-base" content="api/v1/">
  <base href="/" />
  <title>Portal</title>
  <script type="module" src="/boot-0123456789abcdef.js"></script>
<link rel="modulepreload" href="/portal-0123456789abcdef.js" crossorigin="anonymous"><link rel="preload" href="/portal-0123456789abcdef_bg.wasm" as="fetch" type="application/wasm"></head>
<body>
  <noscript><p>Please turn on JavaScript.</p></noscript>
</body>
</html>
"#;

/// A build as Trunk leaves it: the shell, and the compiled bundled content (without its search index).
fn build(dir: &Path) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let options = portal_compiler::Options {
        content_dir: content,
        site_url: "https://portal.example.kz".into(),
        // The day the newest bundled content was written: nothing in it is in the future.
        today: "2026-12-05".into(),
        search_index: portal_compiler::search::Mode::Skip,
        readers: None,
    };
    let compiled = portal_compiler::compile(&options).unwrap_or_else(|_| panic!("the bundled content compiles"));
    for (path, bytes) in &compiled.files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    }
    std::fs::write(dir.join("index.html"), SHELL).unwrap();
}

fn options(dist: &Path, state: Option<PathBuf>) -> Options {
    Options { dist: dist.to_owned(), api: None, jobs: 2, state }
}

/// Every file under the language folders, by path.
fn pages(dist: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().display().to_string(), std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    for lang in ["kk", "ru", "en"] {
        if dist.join(lang).exists() {
            walk(&dist.join(lang), dist, &mut out);
        }
    }
    out
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} holds {from}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn every_page_is_rendered_and_an_incremental_render_equals_a_full_one() {
    let work = tempfile::tempdir().unwrap();
    let (incremental, full) = (work.path().join("incremental"), work.path().join("full"));
    let state = work.path().join("render-state.json");
    build(&incremental);

    // The first render with a state renders everything.
    let first = render_site(&options(&incremental, Some(state.clone()))).expect("the bundled content renders");
    assert_eq!(first.rendered, first.pages);
    assert!(first.pages > 900, "{first:?}");
    let passport = std::fs::read_to_string(incremental.join("en/pages/passport/index.html")).unwrap();
    assert!(passport.starts_with("<!DOCTYPE html>\n<html lang=\"en\" data-prerendered>"), "{}", &passport[..80]);
    assert!(passport.contains("<title>Get a passport for travel abroad — Portal of state bodies of Kazakhstan</title>"));
    assert!(passport.contains("<script type=\"application/json\" data-document=\"en/pages/passport.json\">{"));
    assert!(passport.contains("<h1 tabindex=\"-1\" class=\"page-title\">Get a passport for travel abroad<"));
    assert!(
        !passport.contains("modulepreload") && !passport.contains("<noscript><p>"),
        "the shell's preloads and message go"
    );
    assert!(passport.contains("</head>\n<body><a href=\"#main-content\""), "the app's first node opens the body");
    assert!(!passport.contains("<!>"), "markers are written as conforming comments");

    // Nothing changed: nothing is rendered.
    let again = render_site(&options(&incremental, Some(state.clone()))).unwrap();
    assert_eq!((again.rendered, again.removed), (0, 0));

    // A page's document changes and another page leaves the sitemap.
    edit(
        &incremental.join("api/v1/en/pages/passport.json"),
        "Get a passport for travel abroad",
        "Get a passport to travel",
    );
    edit(
        &incremental.join("sitemap.xml"),
        "<loc>https://portal.example.kz/ru/pages/name-change</loc>",
        "<loc>https://portal.example.kz/ru/pages/passport</loc>",
    );
    let changed = render_site(&options(&incremental, Some(state.clone()))).unwrap();
    assert_eq!((changed.rendered, changed.removed), (1, 1), "{changed:?}");
    assert!(!incremental.join("ru/pages/name-change/index.html").exists());

    // A full render of the same build, from nothing.
    build(&full);
    for file in ["api/v1/en/pages/passport.json", "sitemap.xml"] {
        std::fs::copy(incremental.join(file), full.join(file)).unwrap();
    }
    let whole = render_site(&options(&full, None)).unwrap();
    assert_eq!(whole.rendered, whole.pages);
    let (a, b) = (pages(&incremental), pages(&full));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "the same files");
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between the incremental and the full render");
    }
}

#[test]
fn a_page_that_cannot_show_its_content_stops_the_render_and_nothing_is_written() {
    let work = tempfile::tempdir().unwrap();
    let dist = work.path().join("dist");
    build(&dist);
    std::fs::remove_file(dist.join("api/v1/kk/pages/passport.json")).unwrap();
    let error = render_site(&options(&dist, None)).expect_err("a page without its document fails the render");
    assert!(error.contains("/kk/pages/passport shows the not-found page"), "{error}");
    assert!(!dist.join("kk").exists() && !dist.join("ru").exists(), "no page is written");
    assert!(!dist.join(".render-staging").exists());
}
