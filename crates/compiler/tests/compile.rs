//! The compiler against real content folders: a small valid fixture, each
//! kind of invalid content (with the file, line and rule it must report),
//! and the bundled content of the portal.

use portal_compiler::diagnostic::{Diagnostic, Severity};
use portal_compiler::{compile, output, Compiled, Options};
use portal_content::ProblemKind;
use std::fs;
use std::path::{Path, PathBuf};

/// A minimal portal: one topic, two pages (one without English), one body, one region.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &str)] = &[
        ("site/meta.toml", ""),
        ("site/kk.md", "+++\nname = \"Портал\"\ntagline = \"Бір жерде\"\n+++\nКіріспе.\n"),
        ("site/ru.md", "+++\nname = \"Портал\"\ntagline = \"В одном месте\"\n+++\nВведение.\n"),
        ("site/en.md", "+++\nname = \"Portal\"\ntagline = \"In one place\"\n+++\nIntroduction.\n"),
        ("accessibility/meta.toml", "updated = 2026-11-01\n"),
        ("accessibility/kk.md", "+++\ntitle = \"Қолжетімділік\"\nsummary = \"Қолжетімділік туралы.\"\n+++\nМәтін.\n"),
        ("accessibility/ru.md", "+++\ntitle = \"Доступность\"\nsummary = \"О доступности.\"\n+++\nТекст.\n"),
        ("accessibility/en.md", "+++\ntitle = \"Accessibility\"\nsummary = \"About accessibility.\"\n+++\nText.\n"),
        ("topics/documents/meta.toml", "order = 1\n"),
        ("topics/documents/kk.md", "+++\ntitle = \"Құжаттар\"\nsummary = \"Жеке басты куәландыратын құжаттар.\"\n+++\n"),
        ("topics/documents/ru.md", "+++\ntitle = \"Документы\"\nsummary = \"Документы, удостоверяющие личность.\"\n+++\n"),
        ("topics/documents/en.md", "+++\ntitle = \"Documents\"\nsummary = \"Identity documents.\"\n+++\n"),
        ("pages/passport/meta.toml", "kind = \"service\"\ntopic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2026-10-01\nreview_by = 2027-04-01\nrelated = [\"identity-card\"]\n"),
        ("pages/passport/kk.md", "+++\ntitle = \"Паспорт\"\nsummary = \"Паспорт алу.\"\n+++\n## Кім ала алады\n\nҚазақстан азаматтары. [Жеке куәлік](/pages/identity-card).\n"),
        ("pages/passport/ru.md", "+++\ntitle = \"Паспорт\"\nsummary = \"Получение паспорта.\"\n+++\n## Кто может получить\n\nГраждане Казахстана.\n"),
        ("pages/passport/en.md", "+++\ntitle = \"Passport\"\nsummary = \"Getting a passport.\"\n+++\n## Who can apply\n\nCitizens of Kazakhstan.\n"),
        ("pages/identity-card/meta.toml", "kind = \"guide\"\ntopic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2026-09-01\nreview_by = 2027-03-01\n"),
        ("pages/identity-card/kk.md", "+++\ntitle = \"Жеке куәлік\"\nsummary = \"Жеке куәлік алу.\"\n+++\nМәтін.\n"),
        ("pages/identity-card/ru.md", "+++\ntitle = \"Удостоверение личности\"\nsummary = \"Получение удостоверения.\"\n+++\nТекст.\n"),
        ("agencies/ministry-of-internal-affairs/meta.toml", "kind = \"ministry\"\nregion = \"astana\"\n"),
        ("agencies/ministry-of-internal-affairs/kk.md", "+++\nname = \"Ішкі істер министрлігі\"\nsummary = \"Қоғамдық тәртіп.\"\n+++\n"),
        ("agencies/ministry-of-internal-affairs/ru.md", "+++\nname = \"Министерство внутренних дел\"\nsummary = \"Общественный порядок.\"\n+++\n"),
        ("agencies/ministry-of-internal-affairs/en.md", "+++\nname = \"Ministry of Internal Affairs\"\nsummary = \"Public order.\"\n+++\n"),
        ("regions/astana/meta.toml", "kind = \"city\"\norder = 1\n"),
        ("regions/astana/kk.md", "+++\nname = \"Астана\"\nsummary = \"Елорда.\"\n+++\n"),
        ("regions/astana/ru.md", "+++\nname = \"Астана\"\nsummary = \"Столица.\"\n+++\n"),
        ("regions/astana/en.md", "+++\nname = \"Astana\"\nsummary = \"The capital.\"\n+++\n"),
    ];
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

fn write(root: &Path, path: &str, text: &str) {
    let file = root.join(path);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, text).unwrap();
}

fn options(content: &Path) -> Options {
    Options {
        content_dir: content.to_path_buf(),
        site_url: "https://portal.example".into(),
        today: "2026-11-26".into(),
        search_index: portal_compiler::search::Mode::Skip,
        readers: None,
    }
}

fn compile_ok(content: &Path) -> Compiled {
    match compile(&options(content)) {
        Ok(c) => c,
        Err(f) => panic!(
            "expected success, got:\n{}",
            f.diagnostics.items.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
        ),
    }
}

fn errors(content: &Path) -> Vec<Diagnostic> {
    match compile(&options(content)) {
        Ok(_) => panic!("expected the compile to fail"),
        Err(f) => f.diagnostics.items.into_iter().filter(|d| d.severity == Severity::Error).collect(),
    }
}

/// Asserts exactly one error, in `file` (relative to the content folder) at `line`, for `rule`.
fn assert_one_error(content: &Path, file: &str, line: usize, rule: &str) -> String {
    let found = errors(content);
    assert_eq!(found.len(), 1, "expected one error, got {found:#?}");
    let e = &found[0];
    assert_eq!(e.file, content.join(file), "{e}");
    assert_eq!((e.line, e.rule), (line, rule), "{e}");
    let shown = e.to_string();
    assert!(shown.starts_with(&format!("{}:{line}: error[{rule}]: ", content.join(file).display())), "{shown}");
    shown
}

fn json(c: &Compiled, path: &str) -> serde_json::Value {
    let bytes = c.files.get(path).unwrap_or_else(|| panic!("no output file {path}"));
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn a_valid_portal_compiles_to_every_document_in_every_language() {
    let dir = fixture();
    let c = compile_ok(dir.path());
    for lang in ["kk", "ru", "en"] {
        for doc in [
            "site",
            "agencies",
            "regions",
            "accessibility",
            "topics/documents",
            "pages/passport",
            "pages/identity-card",
            "agencies/ministry-of-internal-affairs",
            "regions/astana",
        ] {
            assert!(c.files.contains_key(&format!("api/v1/{lang}/{doc}.json")), "{lang}/{doc}");
        }
    }
    let page = json(&c, "api/v1/ru/pages/passport.json");
    assert_eq!(page["status"], "available");
    assert_eq!(page["title"], "Паспорт");
    assert_eq!(page["agency"]["name"], "Министерство внутренних дел");
    assert_eq!(page["updated"], "2026-10-01");
    assert_eq!(
        page["body"][0],
        serde_json::json!({"type": "heading", "level": 2, "id": "section-1", "text": [{"type": "text", "text": "Кто может получить"}]})
    );
    // The Kazakh text links to the identity card page, language neutral.
    let kk = json(&c, "api/v1/kk/pages/passport.json");
    assert_eq!(kk["body"][1]["text"][1]["to"], serde_json::json!({"route": "page", "slug": "identity-card"}));
    // A topic lists only the pages that exist in its language.
    let en_topic = json(&c, "api/v1/en/topics/documents.json");
    let en_pages: Vec<&str> =
        en_topic["pages"].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap()).collect();
    assert_eq!(en_pages, vec!["passport"]);
    let region = json(&c, "api/v1/en/regions/astana.json");
    assert_eq!(region["agencies"][0]["slug"], "ministry-of-internal-affairs");
}

#[test]
fn a_page_missing_in_a_language_says_where_it_exists() {
    let dir = fixture();
    let c = compile_ok(dir.path());
    assert_eq!(
        json(&c, "api/v1/en/pages/identity-card.json"),
        serde_json::json!({"status": "unavailable", "slug": "identity-card",
            "versions": [{"lang": "kk", "title": "Жеке куәлік"}, {"lang": "ru", "title": "Удостоверение личности"}]})
    );
    let warnings: Vec<String> = c.warnings.warnings().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("identity-card") && w.contains("missing-translation") && w.contains("no text in en")),
        "{warnings:?}"
    );
}

#[test]
fn the_sitemap_lists_every_page_in_the_languages_it_exists_in() {
    let dir = fixture();
    let c = compile_ok(dir.path());
    let sitemap = String::from_utf8(c.files["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains("<loc>https://portal.example/kk/pages/passport</loc>"));
    assert!(sitemap
        .contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://portal.example/en/pages/passport\"/>"));
    assert!(sitemap.contains("<loc>https://portal.example/ru/pages/identity-card</loc>"));
    assert!(!sitemap.contains("/en/pages/identity-card"));
    assert!(sitemap.contains("<lastmod>2026-10-01</lastmod>"));
    let robots = String::from_utf8(c.files["robots.txt"].clone()).unwrap();
    assert!(robots.lines().any(|l| l == "Sitemap: https://portal.example/sitemap.xml"), "{robots}");
    assert_eq!(
        sitemap.matches("<url>").count(),
        13 * 3 + 2,
        "home, directory, regions, news, documents, draft acts, life situations, statement, quality report, topic, passport, body and region in 3 languages; identity card in 2"
    );
}

#[test]
fn invalid_toml_names_its_line() {
    let dir = fixture();
    write(
        dir.path(),
        "pages/passport/meta.toml",
        "topic = \"documents\"\nagency = \"ministry-of-internal-affairs\nupdated = 2026-10-01\n",
    );
    assert_one_error(dir.path(), "pages/passport/meta.toml", 2, "toml");
}

#[test]
fn a_missing_or_unknown_field_is_an_error() {
    let dir = fixture();
    write(dir.path(), "topics/documents/meta.toml", "order = 1\ncolour = \"blue\"\n");
    let shown = assert_one_error(dir.path(), "topics/documents/meta.toml", 2, "field");
    assert!(shown.contains("colour"), "{shown}");

    let dir = fixture();
    write(dir.path(), "pages/passport/en.md", "+++\ntitle = \"Passport\"\n+++\nText.\n");
    let shown = assert_one_error(dir.path(), "pages/passport/en.md", 2, "field");
    assert!(shown.contains("summary"), "{shown}");
}

#[test]
fn front_matter_must_open_and_close() {
    let dir = fixture();
    write(dir.path(), "pages/passport/en.md", "title = \"Passport\"\n");
    assert_one_error(dir.path(), "pages/passport/en.md", 1, "front-matter");
    let dir = fixture();
    write(dir.path(), "pages/passport/en.md", "+++\ntitle = \"Passport\"\nsummary = \"x\"\nText.\n");
    assert_one_error(dir.path(), "pages/passport/en.md", 1, "front-matter");
}

#[test]
fn a_dead_internal_link_names_file_and_line() {
    let dir = fixture();
    write(dir.path(), "pages/passport/en.md", "+++\ntitle = \"Passport\"\nsummary = \"Getting a passport.\"\n+++\nFirst.\n\nSee [birth](/pages/birth-registration).\n");
    let shown = assert_one_error(dir.path(), "pages/passport/en.md", 7, "dead-link");
    assert!(shown.contains("/pages/birth-registration"), "{shown}");
}

#[test]
fn links_that_could_run_script_are_rejected() {
    for href in ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JavaScript:void(0)"] {
        let dir = fixture();
        write(
            dir.path(),
            "pages/passport/en.md",
            &format!("+++\ntitle = \"Passport\"\nsummary = \"s\"\n+++\n[click]({href})\n"),
        );
        assert_one_error(dir.path(), "pages/passport/en.md", 5, "link-scheme");
    }
}

#[test]
fn a_level_one_heading_in_the_body_is_rejected() {
    let dir = fixture();
    write(
        dir.path(),
        "pages/passport/en.md",
        "+++\ntitle = \"Passport\"\nsummary = \"s\"\n+++\nText.\n\n# Second title\n",
    );
    assert_one_error(dir.path(), "pages/passport/en.md", 7, "heading-level");
}

#[test]
fn references_to_unknown_items_name_the_meta_line() {
    let dir = fixture();
    write(dir.path(), "pages/passport/meta.toml", "topic = \"documents\"\nagency = \"ministry-of-magic\"\nupdated = 2026-10-01\nreview_by = 2027-04-01\nkind = \"service\"\n");
    let shown = assert_one_error(dir.path(), "pages/passport/meta.toml", 2, "reference");
    assert!(shown.contains("ministry-of-magic"), "{shown}");
}

#[test]
fn dates_must_be_dates_in_order() {
    let dir = fixture();
    write(dir.path(), "pages/passport/meta.toml", "topic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2026-10-01\nreview_by = 2026-01-01\nkind = \"service\"\n");
    assert_one_error(dir.path(), "pages/passport/meta.toml", 4, "date");
    let dir = fixture();
    write(dir.path(), "pages/passport/meta.toml", "topic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = \"last week\"\nreview_by = 2027-01-01\nkind = \"service\"\n");
    assert_one_error(dir.path(), "pages/passport/meta.toml", 3, "field");
}

#[test]
fn folders_must_be_slugs_and_hold_a_language() {
    let dir = fixture();
    write(dir.path(), "pages/Passport_2/meta.toml", "");
    let found = errors(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].rule, found[0].file.clone()), ("slug", dir.path().join("pages/Passport_2")));

    let dir = fixture();
    write(dir.path(), "topics/empty/meta.toml", "order = 2\n");
    let found = errors(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "no-language");
}

#[test]
fn every_error_is_reported_in_one_run() {
    let dir = fixture();
    write(
        dir.path(),
        "pages/passport/en.md",
        "+++\ntitle = \"Passport\"\nsummary = \"s\"\n+++\n# Title\n\n[x](/pages/nowhere)\n",
    );
    write(dir.path(), "topics/documents/meta.toml", "order = \"first\"\n");
    let rules: Vec<&str> = errors(dir.path()).iter().map(|e| e.rule).collect();
    for rule in ["heading-level", "dead-link", "field"] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
}

#[test]
fn a_failed_build_writes_nothing() {
    let dir = fixture();
    let out: PathBuf = dir.path().join("out");
    output::write_all(&compile_ok(dir.path()).files, &out, None).unwrap();
    let before = fs::read(out.join("api/v1/en/pages/passport.json")).unwrap();
    write(dir.path(), "pages/passport/en.md", "+++\ntitle = \"Changed\"\nsummary = \"s\"\n+++\n[x](/pages/nowhere)\n");
    write(dir.path(), "pages/new-page/meta.toml", "topic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2026-10-01\nreview_by = 2027-04-01\nkind = \"service\"\n");
    write(dir.path(), "pages/new-page/en.md", "+++\ntitle = \"New\"\nsummary = \"s\"\n+++\n");
    // The binary is what editors and the build run: it must fail and leave the output as it was.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_portal-compiler"))
        .args(["build", "--content", dir.path().to_str().unwrap(), "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!status.status.success());
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(stderr.contains("error[dead-link]") && stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(fs::read(out.join("api/v1/en/pages/passport.json")).unwrap(), before);
    assert!(!out.join("api/v1/en/pages/new-page.json").exists());
}

#[test]
fn html_in_content_reaches_readers_as_text() {
    let dir = fixture();
    write(
        dir.path(),
        "pages/passport/en.md",
        "+++\ntitle = \"Passport <b>now</b>\"\nsummary = \"s\"\n+++\nClick <img src=x onerror=alert(1)> here.\n",
    );
    let c = compile_ok(dir.path());
    let page = json(&c, "api/v1/en/pages/passport.json");
    assert_eq!(page["title"], "Passport <b>now</b>");
    assert_eq!(
        page["body"][0]["text"],
        serde_json::json!([{"type": "text", "text": "Click <img src=x onerror=alert(1)> here."}])
    );
    assert!(c.warnings.warnings().any(|w| w.rule == "raw-html"));
}

#[test]
fn an_insecure_link_is_reported_and_a_malformed_one_stops_the_build() {
    let dir = fixture();
    write(
        dir.path(),
        "pages/passport/en.md",
        "+++\ntitle = \"Passport\"\nsummary = \"s\"\n+++\nSee [the old site](http://old.example.kz/passport).\n",
    );
    let compiled = compile_ok(dir.path());
    let found: Vec<_> = compiled.warnings.warnings().filter(|w| w.rule == "insecure-link").collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].line, found[0].subject.as_str()), (5, "http://old.example.kz/passport"));
    let bad =
        compiled.report.problems.iter().find(|p| p.kind == ProblemKind::BadLink).expect("the report lists the link");
    assert_eq!((bad.path.as_str(), bad.agency.as_deref()), ("/pages/passport", Some("ministry-of-internal-affairs")));

    for href in ["https://", "https://bad_host.kz/x", "https://localhost"] {
        write(
            dir.path(),
            "pages/passport/en.md",
            &format!("+++\ntitle = \"Passport\"\nsummary = \"s\"\n+++\n[x]({href})\n"),
        );
        assert_one_error(dir.path(), "pages/passport/en.md", 5, "bad-link");
    }
}

#[test]
fn the_quality_report_counts_each_problem_once_per_body() {
    let dir = fixture();
    // identity-card: no English text, a service without cost or timing, updated over a year ago.
    write(dir.path(), "pages/identity-card/meta.toml", "kind = \"service\"\ntopic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2025-06-01\nreview_by = 2027-03-01\n");
    let compiled = compile_ok(dir.path());
    let report = &compiled.report;
    let body = report.agencies.iter().find(|a| a.slug == "ministry-of-internal-affairs").unwrap();
    let count = |kind| body.counts.iter().find(|c| c.kind == kind).unwrap().count;
    assert_eq!(body.items, 3, "the body's own page and its two pages");
    assert_eq!(count(ProblemKind::MissingTranslation), 1);
    assert_eq!(count(ProblemKind::Stale), 1);
    // passport (in all three languages) and identity-card (in two) lack cost and timing: one problem each.
    assert_eq!(count(ProblemKind::Incomplete), 3, "two pages and the body's contacts: {:#?}", report.problems);
    let stale = report.problems.iter().find(|p| p.kind == ProblemKind::Stale).unwrap();
    assert_eq!(
        (stale.path.as_str(), stale.detail.as_str(), stale.file.as_str(), stale.line),
        ("/pages/identity-card", "2025-06-01", "pages/identity-card/meta.toml", 4)
    );
    assert_eq!(report.totals.iter().map(|c| c.count).sum::<u32>(), report.problems.len() as u32);
    // The portal shows the same report in every language, titled in that language.
    let kk = json(&compiled, "api/v1/kk/quality.json");
    assert_eq!(kk["problems"].as_array().unwrap().len(), report.problems.len());
    assert!(kk["problems"].as_array().unwrap().iter().any(|p| p["title"] == "Жеке куәлік"));
}

#[test]
fn a_sitemap_over_the_limit_becomes_an_index_of_parts() {
    let mut sitemap = output::Sitemap::new("https://portal.example/");
    for i in 0..(output::SITEMAP_LIMIT / 3 + 1) {
        sitemap.add(&portal_content::Route::Page(format!("p{i}")), &portal_content::Lang::ALL, None);
    }
    let files = sitemap.finish();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    assert!(
        files[0].1.contains("<sitemapindex") && files[0].1.contains("<loc>https://portal.example/sitemap-2.xml</loc>")
    );
    assert_eq!(files[1].1.matches("<url>").count(), output::SITEMAP_LIMIT);
    assert_eq!(files[2].1.matches("<url>").count(), 3 * (output::SITEMAP_LIMIT / 3 + 1) - output::SITEMAP_LIMIT);
}

#[test]
fn generated_content_at_full_directory_width_keeps_every_page_within_three_clicks() {
    use portal_compiler::generate::{generate, Shape};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("content");
    generate(&out, &Shape { bodies: 300, pages_per_body: 3, news_per_body: 4, documents_per_body: 2 }).unwrap();
    let compiled = compile_ok(&out);
    assert_eq!((compiled.stats.agencies, compiled.stats.pages, compiled.stats.documents), (300, 900, 600));
    assert_eq!(
        compiled.stats.news,
        4 * (0..300).filter(|b| b % 11 != 4).count(),
        "every body but one in eleven has news"
    );
    assert!(compiled.stats.max_clicks <= portal_content::nav::MAX_CLICKS);
    // The generator plants each kind of warning the report counts.
    let total = |kind| compiled.report.totals.iter().find(|c| c.kind == kind).unwrap().count;
    for kind in [
        ProblemKind::Stale,
        ProblemKind::MissingTranslation,
        ProblemKind::Incomplete,
        ProblemKind::BadLink,
        ProblemKind::NoRecentNews,
        ProblemKind::MissingRequisites,
        ProblemKind::Attachment,
    ] {
        assert!(total(kind) > 0, "{kind:?}");
    }
    // It refuses to write over other content.
    assert!(generate(&out, &Shape { bodies: 20, pages_per_body: 1, news_per_body: 0, documents_per_body: 0 }).is_err());
}

#[test]
fn the_search_index_covers_every_language_beside_the_api() {
    let dir = fixture();
    let compiled = match compile(&Options { search_index: portal_compiler::search::Mode::Full, ..options(dir.path()) })
    {
        Ok(c) => c,
        Err(f) => panic!("{:?}", f.diagnostics.items),
    };
    for file in ["api/v1/search/pagefind.js", "api/v1/search/pagefind-worker.js", "api/v1/search/pagefind-entry.json"] {
        assert!(compiled.files.contains_key(file), "{file} missing");
    }
    assert!(!compiled.files.keys().any(|f| f.contains("pagefind-ui")), "the prebuilt interfaces are not shipped");
    let entry = json(&compiled, "api/v1/search/pagefind-entry.json");
    let langs: Vec<&String> = entry["languages"].as_object().unwrap().keys().collect();
    assert_eq!(langs, ["en", "kk", "ru"]);
    // identity-card has no English text: English has one page, two bodies and topics fewer.
    assert!(
        entry["languages"]["kk"]["page_count"].as_u64().unwrap()
            > entry["languages"]["en"]["page_count"].as_u64().unwrap()
    );
}

/// The fixture with a news item (with an image), a decree with its files in
/// two languages and no English text, and a law that lacks its requisites.
fn fixture_with_publications() -> tempfile::TempDir {
    let dir = fixture();
    let root = dir.path();
    write(
        root,
        "news/new-service-centre/meta.toml",
        "agency = \"ministry-of-internal-affairs\"\npublished = 2026-11-20\nregion = \"astana\"\n",
    );
    write(
        root,
        "news/new-service-centre/chart.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="100" height="50"/></svg>"#,
    );
    for (lang, title, alt) in [
        ("kk", "Жаңа орталық", "Диаграмма"),
        ("ru", "Новый центр", "Диаграмма"),
        ("en", "A new centre", "Chart of visits: 10, 20"),
    ] {
        write(
            root,
            &format!("news/new-service-centre/{lang}.md"),
            &format!("+++\ntitle = \"{title}\"\nsummary = \"s & <b>\"\n+++\nText.\n\n![{alt}](chart.svg)\n"),
        );
    }
    write(root, "news/old-news/meta.toml", "agency = \"ministry-of-internal-affairs\"\npublished = 2025-01-15\n");
    for lang in ["kk", "ru", "en"] {
        write(root, &format!("news/old-news/{lang}.md"), "+++\ntitle = \"Old\"\nsummary = \"s\"\n+++\nText.\n");
    }
    write(
        root,
        "documents/decree-1/meta.toml",
        "type = \"decree\"\nagency = \"ministry-of-internal-affairs\"\nnumber = \"1\"\nadopted = 2024-05-02\nstatus = \"in_force\"\ntext = \"full\"\nrelated = [\"law-2\"]\n\n[[files]]\nlang = \"kk\"\nfile = \"decree-1-kk.pdf\"\n\n[[files]]\nlang = \"ru\"\nfile = \"decree-1-ru.pdf\"\n",
    );
    write(root, "documents/decree-1/decree-1-kk.pdf", "%PDF-1.4 kk");
    write(root, "documents/decree-1/decree-1-ru.pdf", "%PDF-1.4 ru");
    write(
        root,
        "documents/decree-1/kk.md",
        "+++\ntitle = \"Жарлық\"\nsummary = \"s\"\nsigned_by = [\"Президент\"]\n+++\n## 1-бап\n\nМәтін.\n",
    );
    write(
        root,
        "documents/decree-1/ru.md",
        "+++\ntitle = \"Указ\"\nsummary = \"s\"\nsigned_by = [\"Президент\"]\n+++\n## Статья 1\n\nТекст.\n",
    );
    write(root, "documents/law-2/meta.toml", "type = \"law\"\nagency = \"ministry-of-internal-affairs\"\nadopted = 2023-01-10\nstatus = \"amended\"\ntext = \"extract\"\n");
    for lang in ["kk", "ru", "en"] {
        write(root, &format!("documents/law-2/{lang}.md"), "+++\ntitle = \"Law\"\nsummary = \"s\"\n+++\n");
    }
    dir
}

#[test]
fn news_and_documents_compile_to_their_pages_archives_and_files() {
    let dir = fixture_with_publications();
    let c = compile_ok(dir.path());
    let news = json(&c, "api/v1/en/news.json");
    let latest: Vec<&str> = news["latest"].as_array().unwrap().iter().map(|n| n["slug"].as_str().unwrap()).collect();
    assert_eq!(latest, ["new-service-centre", "old-news"], "newest first");
    assert_eq!(
        news["months"],
        serde_json::json!([{"period": "2026-11", "count": 1}, {"period": "2025-01", "count": 1}])
    );
    assert_eq!(json(&c, "api/v1/ru/news/archive/2025-01.json")["items"][0]["title"], "Old");
    let item = json(&c, "api/v1/en/news/new-service-centre.json");
    assert_eq!(item["region"]["name"], "Astana");
    assert_eq!(
        item["body"][1],
        serde_json::json!({"type": "image", "src": "files/news/new-service-centre/chart.svg", "alt": "Chart of visits: 10, 20", "width": 300, "height": 150})
    );
    assert!(c.files.contains_key("api/v1/files/news/new-service-centre/chart.svg"));

    let decree = json(&c, "api/v1/ru/documents/decree-1.json");
    assert_eq!(
        (decree["doc_type"].as_str(), decree["number"].as_str(), decree["validity"].as_str()),
        (Some("decree"), Some("1"), Some("in_force"))
    );
    assert_eq!(decree["status"], "available");
    assert_eq!(decree["signed_by"], serde_json::json!(["Президент"]));
    let files = decree["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[1]["href"], "files/documents/decree-1/decree-1-ru.pdf");
    assert_eq!((files[1]["format"].as_str(), files[1]["bytes"].as_u64()), (Some("pdf"), Some(11)));
    // SHA-256 of the file, so a reader can check the download.
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(b"%PDF-1.4 ru").iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(files[1]["sha256"].as_str(), Some(expected.as_str()));
    assert_eq!(c.files["api/v1/files/documents/decree-1/decree-1-ru.pdf"], b"%PDF-1.4 ru");
    assert_eq!(decree["related"][0]["slug"], "law-2");
    // The decree has no English text: the English register still lists it,
    // titled in a language it has, and its English page says where it exists.
    let register = json(&c, "api/v1/en/documents.json");
    let listed = register["latest"].as_array().unwrap().iter().find(|d| d["slug"] == "decree-1").unwrap();
    assert_eq!((listed["title"].as_str(), listed["title_lang"].as_str()), (Some("Жарлық"), Some("kk")));
    assert_eq!(json(&c, "api/v1/en/documents/decree-1.json")["status"], "unavailable");
    let types = json(&c, "api/v1/kk/documents/types/law.json");
    assert_eq!(types["years"][0]["year"], "2023");
    assert!(c.files.contains_key("api/v1/kk/documents/types/form.json"), "every type has its document, even empty");
    // The body's page lists its news and documents and names its feed.
    let body = json(&c, "api/v1/en/agencies/ministry-of-internal-affairs.json");
    assert_eq!(body["news"][0]["slug"], "new-service-centre");
    assert_eq!(body["documents"].as_array().unwrap().len(), 2);
    assert_eq!(body["feed"], "feeds/en/ministry-of-internal-affairs.atom");
    let sitemap = String::from_utf8(c.files["sitemap.xml"].clone()).unwrap();
    assert!(
        sitemap.contains("<loc>https://portal.example/kk/documents/decree-1</loc>")
            && !sitemap.contains("/en/documents/decree-1")
    );
    assert!(sitemap.contains("<loc>https://portal.example/en/news/archive/2026-11</loc>"));
}

#[test]
fn atom_feeds_carry_the_elements_the_format_requires() {
    let dir = fixture_with_publications();
    let c = compile_ok(dir.path());
    let feed = String::from_utf8(c.files["api/v1/feeds/ru/ministry-of-internal-affairs.atom"].clone()).unwrap();
    let doc = roxmltree::Document::parse(&feed).expect("the feed is well-formed XML");
    let root = doc.root_element();
    let atom = "http://www.w3.org/2005/Atom";
    assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (Some(atom), "feed"));
    fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
        node.children().find(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", name)))
    }
    // RFC 4287: a feed has id, title and updated, an author (here the feed's),
    // and a self link; each entry has id, title, updated and a link.
    for name in ["id", "title", "updated", "author"] {
        assert!(child(root, name).is_some(), "feed without {name}");
    }
    assert_eq!(child(root, "title").unwrap().text(), Some("Министерство внутренних дел"));
    assert!(root.children().any(|n| n.has_tag_name((atom, "link")) && n.attribute("rel") == Some("self")));
    let entries: Vec<_> = root.children().filter(|n| n.has_tag_name((atom, "entry"))).collect();
    assert_eq!(entries.len(), 4, "two news items and two documents");
    for entry in &entries {
        for name in ["id", "title", "updated", "link", "summary"] {
            assert!(child(*entry, name).is_some(), "entry without {name}");
        }
        let updated = child(*entry, "updated").unwrap().text().unwrap();
        assert!(updated.len() == 20 && updated.ends_with("T00:00:00Z"), "an RFC 3339 date: {updated}");
    }
    assert_eq!(
        child(entries[0], "link").unwrap().attribute("href"),
        Some("https://portal.example/ru/news/new-service-centre")
    );
    assert_eq!(child(entries[0], "summary").unwrap().text(), Some("s & <b>"), "text is escaped, not markup");
    assert_eq!(child(root, "updated").unwrap().text(), Some("2026-11-20T00:00:00Z"));
    assert!(c.files.contains_key("api/v1/feeds/kk/news.atom"));
}

#[test]
fn the_quality_report_counts_news_and_document_problems() {
    let dir = fixture_with_publications();
    // The only news of the body is old; law-2 has no number, no signatories, no file and no text.
    fs::remove_dir_all(dir.path().join("news/new-service-centre")).unwrap();
    let c = compile_ok(dir.path());
    let body = c.report.agencies.iter().find(|a| a.slug == "ministry-of-internal-affairs").unwrap();
    let count = |kind| body.counts.iter().find(|c| c.kind == kind).unwrap().count;
    assert_eq!(body.items, 6, "its page, two pages, a news item and two documents");
    assert_eq!(count(ProblemKind::NoRecentNews), 1);
    assert_eq!(count(ProblemKind::MissingRequisites), 2, "number and signatories");
    assert_eq!(count(ProblemKind::Attachment), 1);
    assert_eq!(count(ProblemKind::NoTextVersion), 3, "one per language without text");
    assert_eq!(count(ProblemKind::MissingTranslation), 2, "the identity card page and the decree lack English");
    let stale = c.report.problems.iter().find(|p| p.kind == ProblemKind::NoRecentNews).unwrap();
    assert_eq!((stale.path.as_str(), stale.detail.as_str()), ("/agencies/ministry-of-internal-affairs", "2025-01-15"));
}

#[test]
fn document_and_news_errors_name_file_line_and_rule() {
    let dir = fixture_with_publications();
    fs::remove_file(dir.path().join("documents/decree-1/decree-1-ru.pdf")).unwrap();
    assert_one_error(dir.path(), "documents/decree-1/meta.toml", 13, "attachment");

    let dir = fixture_with_publications();
    let meta = fs::read_to_string(dir.path().join("documents/decree-1/meta.toml")).unwrap();
    write(dir.path(), "documents/decree-1/meta.toml", &meta.replace("decree-1-ru.pdf", "decree-1-ru.exe"));
    write(dir.path(), "documents/decree-1/decree-1-ru.exe", "MZ");
    // The stray .exe is also not a file an item folder may hold.
    let found: Vec<(String, usize, &str)> = errors(dir.path())
        .iter()
        .map(|e| (e.file.strip_prefix(dir.path()).unwrap().display().to_string(), e.line, e.rule))
        .collect();
    assert_eq!(
        found,
        [
            ("documents/decree-1/decree-1-ru.exe".to_owned(), 0, "layout"),
            ("documents/decree-1/meta.toml".to_owned(), 13, "attachment-format")
        ]
    );

    let dir = fixture_with_publications();
    write(dir.path(), "news/old-news/meta.toml", "agency = \"ministry-of-magic\"\npublished = 2025-01-15\n");
    assert_one_error(dir.path(), "news/old-news/meta.toml", 1, "reference");

    let dir = fixture_with_publications();
    write(dir.path(), "news/old-news/meta.toml", "agency = \"ministry-of-internal-affairs\"\npublished = 2027-01-15\n");
    assert_one_error(dir.path(), "news/old-news/meta.toml", 2, "date");

    let dir = fixture_with_publications();
    write(dir.path(), "news/old-news/en.md", "+++\ntitle = \"Old\"\nsummary = \"s\"\n+++\nText.\n\n![](chart.png)\n");
    write(dir.path(), "news/old-news/chart.png", "not really a png");
    assert_one_error(dir.path(), "news/old-news/en.md", 7, "image-alt");

    let dir = fixture_with_publications();
    write(dir.path(), "documents/law-2/meta.toml", "type = \"law\"\nagency = \"ministry-of-internal-affairs\"\nadopted = 2023-01-10\nstatus = \"valid\"\ntext = \"extract\"\n");
    let shown = assert_one_error(dir.path(), "documents/law-2/meta.toml", 4, "field");
    assert!(shown.contains("in_force"), "{shown}");
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, root: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().display().to_string(), fs::read(&path).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn an_incremental_build_after_a_change_equals_a_full_build_and_rewrites_only_what_changed() {
    let dir = fixture_with_publications();
    let out: PathBuf = dir.path().join("out");
    let first = output::write_all(&compile_ok(dir.path()).files, &out, None).unwrap();
    assert_eq!((first.unchanged, first.removed), (0, 0));
    let again = output::write_all(&compile_ok(dir.path()).files, &out, None).unwrap();
    assert_eq!((again.written, again.removed), (0, 0), "nothing changed, nothing written");

    // A page's title changes (its document, its topic's list, the search
    // index change with it) and the news item goes.
    write(
        dir.path(),
        "pages/identity-card/ru.md",
        "+++\ntitle = \"Удостоверение\"\nsummary = \"Получение удостоверения.\"\n+++\nТекст.\n",
    );
    fs::remove_dir_all(dir.path().join("news/new-service-centre")).unwrap();
    let compiled = compile_ok(dir.path());
    let changed = output::write_all(&compiled.files, &out, None).unwrap();
    assert!(changed.written > 0 && changed.removed > 0 && changed.unchanged > 0, "{changed:?}");
    assert!(!out.join("api/v1/ru/news/new-service-centre.json").exists(), "the item's document goes with it");
    assert!(changed.written < compiled.files.len() / 2, "a change rewrites what holds it, not everything: {changed:?}");

    // The same content built from nothing.
    let full: PathBuf = dir.path().join("full");
    output::write_all(&compile_ok(dir.path()).files, &full, None).unwrap();
    let (a, b) = (tree(&out), tree(&full));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "the same files");
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between the incremental and the full build");
    }
}

/// A body's profile (the law's mandatory information). The people here are
/// test data, not content: the portal's content names no one without a source.
const PROFILE: &str = r#"kind = "ministry"
region = "astana"
phone = "+7 7172 00 00 00"
email = "info@ministry.example"
press_phone = "+7 7172 00 00 01"
contacts_source = { url = "https://ministry.example/contacts", checked = 2026-11-20 }
hours = { kk = "Дүйсенбі–жұма, 9:00–18:30", ru = "Понедельник–пятница, 9:00–18:30", en = "Monday to Friday, 9:00 to 18:30" }
regulation = ["decree-1"]

[[leader]]
role = "deputy"
name = { kk = "Тест Орынбасар", ru = "Тест Заместитель", en = "Test Deputy" }
position = { kk = "Вице-министр", ru = "Вице-министр", en = "Vice Minister" }
source = { url = "https://ministry.example/leadership", checked = 2026-11-20 }

[[leader]]
role = "head"
name = { kk = "Тест Басшы", ru = "Тест Руководитель", en = "Test Head" }
position = { kk = "Министр", ru = "Министр", en = "Minister" }
areas = { kk = "Жалпы басшылық", ru = "Общее руководство", en = "General leadership" }
appointed = 2024-02-06
source = { url = "https://ministry.example/leadership", checked = 2026-11-20 }

[[department]]
name = { kk = "Көші-қон департаменті", ru = "Департамент миграции", en = "Migration Department" }
source = { url = "https://ministry.example/structure", checked = 2026-11-20 }

[reception]
schedule = { kk = "Министр: айдың бірінші сейсенбісі", ru = "Министр: первый вторник месяца", en = "The minister: the first Tuesday of the month" }
sign_up = { kk = "e-Otinish арқылы", ru = "Через e-Otinish", en = "Through e-Otinish" }
source = { url = "https://ministry.example/reception", checked = 2026-11-20 }
"#;

#[test]
fn a_body_profile_reaches_its_document_in_each_language_with_its_sources() {
    let dir = fixture_with_publications();
    write(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", PROFILE);
    let compiled = compile_ok(dir.path());
    let doc = json(&compiled, "api/v1/ru/agencies/ministry-of-internal-affairs.json");
    let leaders = doc["leaders"].as_array().unwrap();
    assert_eq!(leaders.len(), 2);
    assert_eq!((leaders[0]["role"].as_str(), leaders[0]["name"].as_str()), (Some("head"), Some("Тест Руководитель")));
    assert_eq!(leaders[0]["appointed"], "2024-02-06");
    assert_eq!(leaders[0]["areas"], "Общее руководство");
    assert_eq!(leaders[0]["source"]["url"], "https://ministry.example/leadership");
    assert_eq!(leaders[1]["role"], "deputy");
    assert_eq!(doc["departments"][0]["name"], "Департамент миграции");
    assert_eq!(doc["reception"]["schedule"], "Министр: первый вторник месяца");
    assert_eq!(doc["contacts"]["hours"], "Понедельник–пятница, 9:00–18:30");
    assert_eq!(doc["contacts"]["press_phone"], "+7 7172 00 00 01");
    assert_eq!(doc["regulation"][0]["slug"], "decree-1");
    let en = json(&compiled, "api/v1/en/agencies/ministry-of-internal-affairs.json");
    assert_eq!(en["leaders"][0]["name"], "Test Head");
    // The ministry publishes every section but its address: only contacts are reported.
    let gaps: Vec<&str> = compiled
        .report
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::MandatoryInformation)
        .map(|p| p.detail.as_str())
        .collect();
    assert_eq!(gaps, ["contacts"]);
}

#[test]
fn a_body_without_its_profile_is_reported_section_by_section() {
    let dir = fixture();
    let compiled = compile_ok(dir.path());
    let gap = compiled.report.problems.iter().find(|p| p.kind == ProblemKind::MandatoryInformation).unwrap();
    assert_eq!(gap.agency.as_deref(), Some("ministry-of-internal-affairs"));
    assert_eq!(gap.detail, "leadership, structure, contacts, reception, regulation");
    assert_eq!(gap.file, "agencies/ministry-of-internal-affairs/meta.toml");
}

#[test]
fn a_fact_without_its_source_stops_the_build_naming_its_line() {
    let dir = fixture_with_publications();
    let unsourced = PROFILE.replacen(
        "source = { url = \"https://ministry.example/leadership\", checked = 2026-11-20 }\n\n[[leader]]",
        "\n[[leader]]",
        1,
    );
    write(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", &unsourced);
    let shown = assert_one_error(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", 10, "unsourced");
    assert!(shown.contains("a leader needs its source"), "{shown}");

    let future = PROFILE.replace("checked = 2026-11-20 }\n\n[reception]", "checked = 2027-01-01 }\n\n[reception]");
    write(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", &future);
    let shown = assert_one_error(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", 24, "unsourced");
    assert!(shown.contains("2027-01-01 is in the future"), "{shown}");

    let unknown = PROFILE.replace("regulation = [\"decree-1\"]", "regulation = [\"decree-404\"]");
    write(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", &unknown);
    assert_one_error(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", 8, "dead-link");
}

#[test]
fn a_profile_text_missing_a_language_is_a_missing_translation() {
    let dir = fixture_with_publications();
    let partial = PROFILE.replace(", en = \"Migration Department\"", "");
    write(dir.path(), "agencies/ministry-of-internal-affairs/meta.toml", &partial);
    let compiled = compile_ok(dir.path());
    let missing = compiled
        .report
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::MissingTranslation && p.file.ends_with("meta.toml"))
        .unwrap();
    assert_eq!((missing.detail.as_str(), missing.line), ("en", 24));
    let en = json(&compiled, "api/v1/en/agencies/ministry-of-internal-affairs.json");
    assert_eq!(en["departments"].as_array().unwrap().len(), 0, "not shown in a language it has no text in");
}

#[test]
fn items_published_later_than_the_law_allows_are_reported_with_their_dates() {
    let dir = fixture_with_publications();
    let root = dir.path();
    // Test data: a calendar with one holiday, Friday 20 November 2026.
    write(root, "site/meta.toml", "[calendar]\nsource = \"https://calendar.example\"\nchecked = 2026-11-01\nholiday = [{ date = \"11-20\", name = \"Test holiday\" }]\n");
    // News received the day before it was published: late by the same-day rule.
    write(root, "news/new-service-centre/meta.toml", "agency = \"ministry-of-internal-affairs\"\npublished = 2026-11-20\nreceived = 2026-11-19\nregion = \"astana\"\n");
    // Received on Thursday 19 November; Friday is the holiday, so the three
    // working days are 23, 24 and 25 November; updated on the 26th.
    write(root, "pages/passport/meta.toml", "kind = \"service\"\ntopic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2026-11-26\nreview_by = 2027-04-01\nreceived = 2026-11-19\nrelated = [\"identity-card\"]\n");
    // Received on Monday 23 November and not updated since: due the 26th, which is today.
    write(root, "pages/identity-card/meta.toml", "kind = \"guide\"\ntopic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2026-09-01\nreview_by = 2027-03-01\nreceived = 2026-11-23\n");
    let compiled = compile_ok(root);
    let mut late: Vec<(String, String, u32)> = compiled
        .report
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Late)
        .map(|p| (p.path.clone(), p.detail.clone(), p.line))
        .collect();
    late.sort();
    assert_eq!(
        late,
        [
            ("/news/new-service-centre".into(), "received 2026-11-19, published 2026-11-20, due 2026-11-19".into(), 3),
            ("/pages/passport".into(), "received 2026-11-19, published 2026-11-26, due 2026-11-25".into(), 6),
        ],
        "identity-card is not late yet: today is its last day"
    );
    assert!(!compiled.report.problems.iter().any(|p| p.detail.starts_with("calendar")), "the calendar is checked");

    // The next day, the page that is still not updated is late too.
    let mut next_day = options(root);
    next_day.today = "2026-11-27".into();
    let report = compile(&next_day).map(|c| c.report).unwrap_or_else(|f| f.report.unwrap());
    let waiting = report.problems.iter().find(|p| p.path == "/pages/identity-card" && p.kind == ProblemKind::Late);
    assert_eq!(waiting.map(|p| p.detail.as_str()), Some("received 2026-11-23, not published, due 2026-11-26"));
}

#[test]
fn news_received_after_it_was_published_and_a_malformed_holiday_stop_the_build() {
    let dir = fixture_with_publications();
    let root = dir.path();
    write(root, "news/new-service-centre/meta.toml", "agency = \"ministry-of-internal-affairs\"\npublished = 2026-11-20\nregion = \"astana\"\nreceived = 2026-11-21\n");
    let shown = assert_one_error(root, "news/new-service-centre/meta.toml", 4, "received");
    assert!(shown.contains("received 2026-11-21 is after published 2026-11-20"), "{shown}");

    write(
        root,
        "news/new-service-centre/meta.toml",
        "agency = \"ministry-of-internal-affairs\"\npublished = 2026-11-20\nregion = \"astana\"\n",
    );
    write(root, "site/meta.toml", "# Site.\n[calendar]\nsource = \"https://calendar.example\"\nholiday = [{ date = \"16 December\", name = \"Test holiday\" }]\n");
    assert_one_error(root, "site/meta.toml", 2, "calendar");
}

#[test]
fn every_kind_of_item_carries_when_it_was_posted_and_last_updated() {
    let dir = fixture_with_publications();
    let root = dir.path();
    write(root, "pages/identity-card/meta.toml", "kind = \"guide\"\ntopic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nposted = 2025-01-15\nupdated = 2026-09-01\nreview_by = 2027-03-01\n");
    write(
        root,
        "agencies/ministry-of-internal-affairs/meta.toml",
        "kind = \"ministry\"\nregion = \"astana\"\nposted = 2025-01-10\nupdated = 2026-11-02\n",
    );
    write(root, "news/new-service-centre/meta.toml", "agency = \"ministry-of-internal-affairs\"\npublished = 2026-11-20\nupdated = 2026-11-21\nregion = \"astana\"\n");
    let compiled = compile_ok(root);
    let page = json(&compiled, "api/v1/ru/pages/identity-card.json");
    assert_eq!((page["posted"].as_str(), page["updated"].as_str()), (Some("2025-01-15"), Some("2026-09-01")));
    let body = json(&compiled, "api/v1/kk/agencies/ministry-of-internal-affairs.json");
    assert_eq!((body["posted"].as_str(), body["updated"].as_str()), (Some("2025-01-10"), Some("2026-11-02")));
    let news = json(&compiled, "api/v1/en/news/new-service-centre.json");
    assert_eq!((news["published"].as_str(), news["updated"].as_str()), (Some("2026-11-20"), Some("2026-11-21")));
    let passport = json(&compiled, "api/v1/en/pages/passport.json");
    assert!(passport["posted"].is_null(), "absent where not recorded");

    write(
        root,
        "agencies/ministry-of-internal-affairs/meta.toml",
        "kind = \"ministry\"\nregion = \"astana\"\nposted = 2026-11-03\nupdated = 2026-11-02\n",
    );
    let shown = assert_one_error(root, "agencies/ministry-of-internal-affairs/meta.toml", 3, "date");
    assert!(shown.contains("posted 2026-11-03 is after updated 2026-11-02"), "{shown}");
    write(
        root,
        "agencies/ministry-of-internal-affairs/meta.toml",
        "kind = \"ministry\"\nregion = \"astana\"\nupdated = 2026-12-02\n",
    );
    let shown = assert_one_error(root, "agencies/ministry-of-internal-affairs/meta.toml", 3, "date");
    assert!(shown.contains("updated 2026-12-02 is in the future"), "{shown}");
}

#[test]
fn an_appointment_is_news_of_its_own_category_and_needs_its_source() {
    let dir = fixture_with_publications();
    let root = dir.path();
    let meta = "agency = \"ministry-of-internal-affairs\"\npublished = 2026-11-20\ncategory = \"appointment\"\n";
    write(
        root,
        "news/new-service-centre/meta.toml",
        &format!("{meta}source = {{ url = \"https://ministry.example/news/1\", checked = 2026-11-20 }}\n"),
    );
    let compiled = compile_ok(root);
    let item = json(&compiled, "api/v1/kk/news/new-service-centre.json");
    assert_eq!(item["category"], "appointment");
    assert_eq!(item["source"]["url"], "https://ministry.example/news/1");
    let news = json(&compiled, "api/v1/kk/news.json");
    assert_eq!(news["latest"][0]["category"], "appointment");
    let body = json(&compiled, "api/v1/kk/agencies/ministry-of-internal-affairs.json");
    assert_eq!(body["appointments"], 1);

    write(root, "news/new-service-centre/meta.toml", meta);
    let shown = assert_one_error(root, "news/new-service-centre/meta.toml", 3, "unsourced");
    assert!(shown.contains("an appointment needs its source"), "{shown}");
}

/// The search index's files an output folder holds whose path starts with `prefix`, with their bytes.
fn under(files: &std::collections::BTreeMap<String, Vec<u8>>, prefix: &str) -> Vec<String> {
    files.keys().filter(|f| f.starts_with(prefix)).cloned().collect()
}

/// The addresses the fragments of an index under `dir` are about.
fn indexed_urls(files: &std::collections::BTreeMap<String, Vec<u8>>, dir: &str) -> Vec<String> {
    use std::io::Read;
    let mut urls: Vec<String> = under(files, &format!("{dir}fragment/"))
        .iter()
        .map(|f| {
            let mut text = String::new();
            flate2::read::GzDecoder::new(&files[f][..]).read_to_string(&mut text).unwrap();
            let json: serde_json::Value = serde_json::from_str(text.strip_prefix("pagefind_dcd").unwrap()).unwrap();
            json["url"].as_str().unwrap().to_owned()
        })
        .collect();
    urls.sort();
    urls
}

#[test]
fn publishing_indexes_only_what_changed_beside_the_full_index_and_hides_what_it_replaced() {
    use portal_compiler::search::{Built, Mode};
    let build = |dir: &Path, mode: Mode| match compile(&Options { search_index: mode, ..options(dir) }) {
        Ok(c) => c,
        Err(f) => panic!("{:?}", f.diagnostics.items),
    };
    let dir = fixture_with_publications();
    let out = dir.path().join("out");
    let first = build(dir.path(), Mode::Full);
    let Some(Built::Full(ledger)) = &first.index else { panic!("a full build gives a ledger") };
    assert!(ledger.records.values().all(|r| !r.id.is_empty()), "every record has the id the index gave it");
    let page_id = ledger.records["/ru/pages/identity-card"].id.clone();
    let news_ids: Vec<String> = ["kk", "ru", "en"]
        .iter()
        .map(|l| ledger.records[&format!("/{l}/news/new-service-centre")].id.clone())
        .collect();
    output::write_all(&first.files, &out, None).unwrap();
    assert_eq!(
        json(&first, "api/v1/search-delta/changes.json"),
        serde_json::json!({}),
        "after a full build, no changes"
    );
    let ledger = std::sync::Arc::new(ledger.clone());

    // Nothing changed: nothing indexed, nothing hidden.
    let same = build(dir.path(), Mode::Since(ledger.clone()));
    assert!(matches!(same.index, Some(Built::Delta { indexed: 0, hidden: 0 })));
    assert!(under(&same.files, "api/v1/search/").is_empty(), "the full index is not rebuilt");

    // A page's Russian title changes, a news item goes and another comes.
    write(
        dir.path(),
        "pages/identity-card/ru.md",
        "+++\ntitle = \"Удостоверение личности: новое\"\nsummary = \"Получение удостоверения.\"\n+++\nТекст.\n",
    );
    fs::remove_dir_all(dir.path().join("news/new-service-centre")).unwrap();
    write(
        dir.path(),
        "news/published-today/meta.toml",
        "agency = \"ministry-of-internal-affairs\"\npublished = 2026-11-25\n",
    );
    for lang in ["kk", "ru", "en"] {
        write(
            dir.path(),
            &format!("news/published-today/{lang}.md"),
            &format!("+++\ntitle = \"Published today {lang}\"\nsummary = \"s\"\n+++\nText.\n"),
        );
    }
    let delta = build(dir.path(), Mode::Since(ledger.clone()));
    assert!(
        matches!(delta.index, Some(Built::Delta { indexed: 4, hidden: 4 })),
        "one page and three news texts each way"
    );
    assert_eq!(
        indexed_urls(&delta.files, "api/v1/search-delta/"),
        ["/en/news/published-today", "/kk/news/published-today", "/ru/news/published-today", "/ru/pages/identity-card"]
    );
    let changes = json(&delta, "api/v1/search-delta/changes.json");
    let mut hidden_ru: Vec<&str> =
        changes["ru"]["hidden"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    hidden_ru.sort();
    let mut expected = vec![page_id.as_str(), news_ids[1].as_str()];
    expected.sort();
    assert_eq!(hidden_ru, expected, "the old page and the removed news item are hidden from Russian results");
    assert_eq!(changes["en"]["hidden"], serde_json::json!([news_ids[2]]));
    assert_eq!(changes["ru"]["indexed"], true);
    assert_eq!(changes["ru"]["uncounted"]["kind"]["news"], 1, "filter counts leave the removed item out");

    // Written into the built folder, the full index stays beside the delta.
    let written = output::write_all(&delta.files, &out, Some("api/v1/search/")).unwrap();
    assert!(out.join("api/v1/search/pagefind-entry.json").is_file() && written.removed > 0);
    assert!(out.join("api/v1/search-delta/pagefind-entry.json").is_file());

    // The next full build folds the delta in: the folder equals one built from nothing.
    let folded = build(dir.path(), Mode::Full);
    output::write_all(&folded.files, &out, None).unwrap();
    assert!(!out.join("api/v1/search-delta/pagefind-entry.json").exists(), "the delta goes");
    let fresh = dir.path().join("fresh");
    output::write_all(&build(dir.path(), Mode::Full).files, &fresh, None).unwrap();
    let (a, b) = (tree(&out), tree(&fresh));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "the same files");
    assert!(a.iter().all(|(path, bytes)| bytes == &b[path]), "the same bytes");
}

/// The fixture with a life situation of five steps over three pages: the
/// passport (1–2 MCI, 5 days), an apostille (0.5 MCI, 3–15 days) and the
/// identity card (no figures, no English).
fn fixture_with_a_journey() -> tempfile::TempDir {
    let dir = fixture();
    let root = dir.path();
    for (lang, cost, timing) in
        [("kk", "1–2 АЕК", "5 жұмыс күні"), ("ru", "1–2 МРП", "5 рабочих дней"), ("en", "1–2 MCI", "5 working days")]
    {
        let file = root.join(format!("pages/passport/{lang}.md"));
        let text = fs::read_to_string(&file).unwrap().replacen(
            "+++\n",
            &format!("+++\ncost = \"{cost}\"\ntiming = \"{timing}\"\n"),
            1,
        );
        fs::write(file, text).unwrap();
    }
    let passport = fs::read_to_string(root.join("pages/passport/meta.toml")).unwrap();
    write(root, "pages/passport/meta.toml", &format!("{passport}fee_mci = [1, 2]\nworking_days = 5\n"));
    write(root, "pages/apostille/meta.toml", "kind = \"service\"\ntopic = \"documents\"\nagency = \"ministry-of-internal-affairs\"\nupdated = 2026-10-01\nreview_by = 2027-04-01\nfee_mci = 0.5\nworking_days = [3, 15]\n");
    for (lang, title) in [("kk", "Апостиль"), ("ru", "Апостиль"), ("en", "Apostille")] {
        write(
            root,
            &format!("pages/apostille/{lang}.md"),
            &format!(
                "+++\ntitle = \"{title}\"\nsummary = \"{title}.\"\ncost = \"0,5\"\ntiming = \"3–15\"\n+++\n{title}.\n"
            ),
        );
    }
    write(
        root,
        "life/travelling-abroad/meta.toml",
        "updated = 2026-11-01\nreview_by = 2027-05-01\n\n[[step]]\npages = [\"passport\"]\n\n[[step]]\npages = [\"apostille\"]\nwith_previous = \"or\"\n\n[[step]]\npages = [\"identity-card\"]\n\n[[step]]\npages = [\"passport\", \"apostille\"]\nwith_previous = \"and\"\n\n[[step]]\npages = [\"apostille\"]\n",
    );
    for (lang, title) in [("kk", "Шетелге сапар"), ("ru", "Поездка за границу"), ("en", "Travelling abroad")]
    {
        let steps: String = (1..=5).map(|n| format!("## {title} {n}\n\nStep {n}.\n\n")).collect();
        write(
            root,
            &format!("life/travelling-abroad/{lang}.md"),
            &format!("+++\ntitle = \"{title}\"\nsummary = \"{title}.\"\n+++\nIntro.\n\n{steps}"),
        );
    }
    dir
}

#[test]
fn a_life_situation_numbers_its_steps_sums_what_they_give_and_marks_its_pages() {
    let dir = fixture_with_a_journey();
    let c = compile_ok(dir.path());
    let journey = json(&c, "api/v1/en/life/travelling-abroad.json");
    assert_eq!(journey["status"], "available");
    assert_eq!(journey["intro"][0]["text"][0]["text"], "Intro.");
    let steps = journey["steps"].as_array().unwrap();
    let numbers: Vec<(u64, &serde_json::Value)> =
        steps.iter().map(|s| (s["number"].as_u64().unwrap(), &s["join"])).collect();
    let or = serde_json::json!("or");
    let and = serde_json::json!("and");
    let none = serde_json::Value::Null;
    assert_eq!(numbers, [(1, &none), (1, &or), (2, &none), (2, &and), (3, &none)]);
    assert_eq!(steps[0]["title"], "Travelling abroad 1");
    assert_eq!(steps[0]["text"][0]["text"][0]["text"], "Step 1.");
    assert_eq!(steps[0]["pages"][0]["cost"], "1–2 MCI", "a step shows each page's own cost line");
    assert_eq!(steps[2]["pages"], serde_json::json!([]), "the identity card has no English text to link");
    // The passport or an apostille (0.5–2 MCI, 3–15 days), then the step with
    // the identity card (no figure: counted, not guessed), then an apostille.
    assert_eq!(journey["cost"], serde_json::json!({"from": 1.0, "to": 2.5, "known_steps": 2, "unknown_steps": 1}));
    assert_eq!(journey["timing"], serde_json::json!({"from": 6.0, "to": 30.0, "known_steps": 2, "unknown_steps": 1}));

    // Each step's page says where it stands: the step, and the numbers either side.
    let apostille = json(&c, "api/v1/ru/pages/apostille.json");
    let parts = apostille["journeys"].as_array().unwrap();
    assert_eq!(parts.len(), 3, "the apostille is in steps 1 (or), 2 (and) and 3");
    assert_eq!(parts[0]["journey"], serde_json::json!({"slug": "travelling-abroad", "name": "Поездка за границу"}));
    assert_eq!(parts[0]["step"]["number"], 1);
    assert_eq!(parts[0]["previous"], serde_json::Value::Null);
    assert_eq!(parts[0]["next"]["number"], 2);
    assert_eq!(parts[0]["next"]["page"]["slug"], "identity-card");
    assert_eq!(parts[2]["previous"]["title"], "Поездка за границу 4");
    assert_eq!(parts[2]["next"], serde_json::Value::Null);

    // Reached from the home page, listed, in the sitemap.
    let site = json(&c, "api/v1/kk/site.json");
    assert_eq!(site["journeys"][0]["slug"], "travelling-abroad");
    assert_eq!(json(&c, "api/v1/en/life.json")["journeys"][0]["title"], "Travelling abroad");
    let sitemap = String::from_utf8(c.files["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains("https://portal.example/ru/life/travelling-abroad"), "{sitemap}");
    assert!(sitemap.contains("https://portal.example/en/life</loc>"), "{sitemap}");

    // A journey is only as current as its pages: the untranslated step page is its problem.
    let report = json(&c, "api/v1/en/quality.json");
    let problems = report["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["path"] == "/life/travelling-abroad"
            && p["kind"] == "missing-translation"
            && p["detail"] == "/pages/identity-card: en"
            && p["file"] == "life/travelling-abroad/meta.toml"
            && p["line"] == 12),
        "{problems:#?}"
    );
}

#[test]
fn life_situation_rules_name_file_line_and_rule() {
    let cases: [(&str, &str, &str, usize, &str); 5] = [
        ("life/travelling-abroad/meta.toml", "pages = [\"identity-card\"]", "pages = [\"visa\"]", 12, "reference"),
        ("life/travelling-abroad/meta.toml", "pages = [\"identity-card\"]", "pages = []", 11, "step-pages"),
        (
            "life/travelling-abroad/meta.toml",
            "[[step]]\npages = [\"passport\"]\n",
            "[[step]]\npages = [\"passport\"]\nwith_previous = \"and\"\n",
            6,
            "step-join",
        ),
        (
            "life/travelling-abroad/meta.toml",
            "pages = [\"identity-card\"]\n",
            "pages = [\"identity-card\"]\nwith_previous = \"and\"\n",
            13,
            "step-join",
        ),
        ("life/travelling-abroad/ru.md", "## Поездка за границу 5\n\nStep 5.\n\n", "", 19, "steps"),
    ];
    for (file, from, to, line, rule) in cases {
        let dir = fixture_with_a_journey();
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        assert_one_error(dir.path(), file, line, rule);
    }
    // A page's figure restates its cost line, which every text must have.
    let dir = fixture_with_a_journey();
    let en = dir.path().join("pages/apostille/en.md");
    fs::write(&en, fs::read_to_string(&en).unwrap().replace("cost = \"0,5\"\n", "")).unwrap();
    let shown = assert_one_error(dir.path(), "pages/apostille/meta.toml", 6, "figure");
    assert!(shown.contains("in en"), "{shown}");
}

#[test]
fn a_build_staged_beside_its_folder_equals_one_written_from_memory_and_a_failed_one_changes_nothing() {
    use portal_compiler::search::Mode;
    let dir = fixture_with_publications();
    let outputs = tempfile::tempdir().unwrap();
    let (staged_out, memory_out) = (outputs.path().join("staged"), outputs.path().join("memory"));
    let opts = Options { search_index: Mode::Full, ..options(dir.path()) };
    let build_staged =
        |opts: &Options| match portal_compiler::compile_into(opts, output::Sink::staged(&staged_out).unwrap()) {
            Ok(mut c) => c.staged.take().expect("staged").commit(None).unwrap(),
            Err(f) => panic!("{:?}", f.diagnostics.items),
        };
    let first = build_staged(&opts);
    let memory = compile(&opts).ok().unwrap();
    output::write_all(&memory.files, &memory_out, None).unwrap();
    assert_eq!(first.written, memory.files.len(), "everything is new the first time");
    assert_eq!(tree(&staged_out), tree(&memory_out), "the same files, the same bytes, the search index included");
    assert!(!output::state_file(&staged_out, "staging").exists(), "the staging folder goes once committed");

    // A change stages only what it touches.
    write(
        dir.path(),
        "pages/identity-card/ru.md",
        "+++\ntitle = \"Удостоверение\"\nsummary = \"Получение.\"\n+++\nТекст.\n",
    );
    let second = build_staged(&opts);
    assert!(second.written > 0 && second.unchanged > second.written, "{second:?}");
    output::write_all(&compile(&opts).ok().unwrap().files, &memory_out, None).unwrap();
    assert_eq!(tree(&staged_out), tree(&memory_out));

    // A broken item stops the build; the folder is as it was and nothing is left staged.
    let before = tree(&staged_out);
    write(dir.path(), "pages/identity-card/ru.md", "+++\ntitle = \"Удостоверение\"\n+++\nТекст.\n");
    let failed = portal_compiler::compile_into(&opts, output::Sink::staged(&staged_out).unwrap());
    assert!(failed.is_err(), "the missing summary stops the build");
    assert_eq!(tree(&staged_out), before);
    assert!(!output::state_file(&staged_out, "staging").exists(), "a failed build leaves nothing staged");
}

/// The publications fixture with three draft acts of the ministry, on
/// 2026-11-26: one open, one not yet open, one adopted as decree-1.
fn fixture_with_drafts() -> tempfile::TempDir {
    let dir = fixture_with_publications();
    let root = dir.path();
    let source = "source = { url = \"https://legalacts.example/drafts\", checked = 2026-11-20 }";
    let drafts = [
        ("fees-order", "order", "2026-11-20", "2026-12-04", ""),
        ("queue-rules", "resolution", "2026-12-01", "2026-12-15", ""),
        ("decree-draft", "decree", "2024-03-01", "2024-03-15", "adopted = \"decree-1\"\n"),
    ];
    for (slug, doc_type, opens, closes, adopted) in drafts {
        write(
            root,
            &format!("drafts/{slug}/meta.toml"),
            &format!(
                "type = \"{doc_type}\"\nagency = \"ministry-of-internal-affairs\"\nopens = {opens}\ncloses = {closes}\ncomments_url = \"https://legalacts.example/{slug}\"\n{adopted}{source}\n\n[[files]]\nrole = \"draft\"\nlang = \"ru\"\nfile = \"draft-ru.pdf\"\n\n[[files]]\nrole = \"explanatory-note\"\nlang = \"ru\"\nfile = \"note-ru.docx\"\n"
            ),
        );
        write(root, &format!("drafts/{slug}/draft-ru.pdf"), "%PDF-1.4 draft");
        write(root, &format!("drafts/{slug}/note-ru.docx"), "PK\u{3}\u{4} note");
        for (lang, title) in [("kk", "Жоба"), ("ru", "Проект"), ("en", "Draft")] {
            write(
                root,
                &format!("drafts/{slug}/{lang}.md"),
                &format!("+++\ntitle = \"{title} {slug}\"\nsummary = \"s\"\n+++\nText.\n"),
            );
        }
    }
    dir
}

#[test]
fn draft_acts_take_their_status_from_their_dates_and_reach_their_list_body_and_files() {
    let dir = fixture_with_drafts();
    let c = compile_ok(dir.path());
    let list = json(&c, "api/v1/en/drafts.json");
    assert_eq!(list["generated"], "2026-11-26");
    let order: Vec<(&str, &str)> = list["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["slug"].as_str().unwrap(), d["discussion"].as_str().unwrap()))
        .collect();
    assert_eq!(order, [("fees-order", "open"), ("queue-rules", "upcoming"), ("decree-draft", "adopted")]);

    let draft = json(&c, "api/v1/ru/drafts/decree-draft.json");
    assert_eq!(draft["status"], "available");
    assert_eq!(draft["adopted"]["slug"], "decree-1", "the adopted act, from the register");
    assert_eq!(draft["comments_url"], "https://legalacts.example/decree-draft");
    assert_eq!(
        draft["source"],
        serde_json::json!({"url": "https://legalacts.example/drafts", "checked": "2026-11-20"})
    );
    let roles: Vec<&str> = draft["files"].as_array().unwrap().iter().map(|f| f["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["draft", "explanatory-note"]);
    let href = draft["files"][0]["file"]["href"].as_str().unwrap();
    assert_eq!(c.files[&format!("api/v1/{href}")], b"%PDF-1.4 draft", "the file is published beside the API");

    // The body lists its drafts, the footer's list is in the sitemap, and they are three clicks away at most.
    let body = json(&c, "api/v1/kk/agencies/ministry-of-internal-affairs.json");
    assert_eq!(body["drafts"].as_array().unwrap().len(), 3);
    let sitemap = String::from_utf8(c.files["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains("https://portal.example/kk/drafts/fees-order</loc>"), "{sitemap}");

    // The next day past its close, the open one is closed.
    let later = compile(&Options { today: "2026-12-05".into(), ..options(dir.path()) }).ok().unwrap();
    assert_eq!(json(&later, "api/v1/en/drafts/fees-order.json")["discussion"], "closed");
    assert_eq!(json(&later, "api/v1/en/drafts/queue-rules.json")["discussion"], "open");
}

#[test]
fn the_drafts_list_keeps_the_latest_that_ended_and_every_draft_is_in_its_years_archive() {
    let dir = fixture_with_drafts();
    let root = dir.path();
    // Test data: 22 more drafts whose discussion ended in 2025, half a month apart; the
    // first's source gave only its deadline.
    for i in 0..22u32 {
        let slug = format!("closed-{i:02}");
        let (month, day) = (1 + i / 2, 1 + (i % 2) * 14);
        let opens = if i == 0 { String::new() } else { format!("opens = 2025-{month:02}-{day:02}\n") };
        write(
            root,
            &format!("drafts/{slug}/meta.toml"),
            &format!(
                "type = \"order\"\nagency = \"ministry-of-internal-affairs\"\n{opens}closes = 2025-{month:02}-{:02}\ncomments_url = \"https://legalacts.example/{slug}\"\nsource = {{ url = \"https://legalacts.example/drafts\", checked = 2026-11-20 }}\n",
                day + 10
            ),
        );
        write(
            root,
            &format!("drafts/{slug}/ru.md"),
            &format!("+++\ntitle = \"Проект {slug}\"\nsummary = \"s\"\n+++\nText.\n"),
        );
    }
    let c = compile_ok(root);
    let list = json(&c, "api/v1/en/drafts.json");
    let slugs: Vec<&str> = list["drafts"].as_array().unwrap().iter().map(|d| d["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs.len(), 2 + 20, "the open and upcoming ones, and the 20 that ended latest: {slugs:?}");
    assert_eq!(&slugs[..3], ["fees-order", "queue-rules", "closed-21"]);
    assert!(!slugs.contains(&"closed-00") && !slugs.contains(&"decree-draft"), "the oldest wait in the archive");
    // The body's page keeps fewer that ended, and says how many more are in the archive.
    let body = json(&c, "api/v1/en/agencies/ministry-of-internal-affairs.json");
    let on_body: Vec<&str> = body["drafts"].as_array().unwrap().iter().map(|d| d["slug"].as_str().unwrap()).collect();
    assert_eq!(on_body, ["fees-order", "queue-rules", "closed-21", "closed-20", "closed-19", "closed-18", "closed-17"]);
    assert_eq!(body["drafts_archived"], 23 - 5, "22 closed and one adopted ended; five are shown");
    assert_eq!(
        list["years"],
        serde_json::json!([
            {"period": "2026", "count": 2},
            {"period": "2025", "count": 22},
            {"period": "2024", "count": 1}
        ])
    );
    // Each year's archive holds every draft opened in it, in every language (listed under a title it has).
    let year = json(&c, "api/v1/kk/drafts/archive/2025.json");
    assert_eq!(year["drafts"].as_array().unwrap().len(), 22);
    assert_eq!(year["drafts"][0]["title"], "Проект closed-21");
    assert_eq!(json(&c, "api/v1/en/drafts/archive/2024.json")["drafts"][0]["slug"], "decree-draft");
    // Without its first day, a draft is filed by the year it closed, and the report says what is missing.
    let undated = json(&c, "api/v1/ru/drafts/closed-00.json");
    assert_eq!(
        (&undated["opens"], &undated["closes"], &undated["discussion"]),
        (&serde_json::Value::Null, &"2025-01-11".into(), &"closed".into())
    );
    assert_eq!(year["drafts"].as_array().unwrap().last().unwrap()["slug"], "closed-00");
    let warned = c.report.problems.iter().find(|p| p.file.ends_with("drafts/closed-00/meta.toml")).expect("a warning");
    assert_eq!((warned.kind, warned.line, warned.detail.as_str()), (ProblemKind::Incomplete, 3, "opens"), "{warned:?}");
    let sitemap = String::from_utf8(c.files["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains("https://portal.example/en/drafts/archive/2024</loc>"), "{sitemap}");
    // The archive is a slug no draft may take.
    fs::rename(root.join("drafts/closed-00"), root.join("drafts/archive")).unwrap();
    let found = errors(root);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].file.as_path(), found[0].rule), (root.join("drafts/archive").as_path(), "slug"));
    assert!(found[0].to_string().contains("names the drafts archive"), "{}", found[0]);
}

#[test]
fn draft_act_rules_name_file_line_and_rule() {
    let cases: [(&str, &str, usize, &str); 5] = [
        ("closes = 2026-12-04", "closes = 2026-11-01", 4, "date"),
        ("agency = \"ministry-of-internal-affairs\"", "agency = \"ministry-of-magic\"", 2, "reference"),
        ("comments_url = \"https://", "comments_url = \"http://", 5, "bad-link"),
        ("checked = 2026-11-20", "checked = 2026-12-20", 6, "unsourced"),
        ("file = \"note-ru.docx\"", "file = \"note-ru.exe\"", 13, "attachment-format"),
    ];
    for (from, to, line, rule) in cases {
        let dir = fixture_with_drafts();
        let path = dir.path().join("drafts/fees-order/meta.toml");
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} in {text}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        assert_one_error(dir.path(), "drafts/fees-order/meta.toml", line, rule);
    }
}

/// The fixture with an old site of its body: three addresses moved, one
/// gone, a prefix, and the old site's list with one address left unmapped.
fn fixture_with_old_site() -> tempfile::TempDir {
    let dir = fixture();
    write(
        dir.path(),
        "transition/www.mvd.example.kz.toml",
        "body = \"ministry-of-internal-affairs\"\n\
         closed = 2026-11-01\n\
         aliases = [\"mvd.example.kz\"]\n\
         \n\
         [language]\n\
         default = \"ru\"\n\
         query = \"lang\"\n\
         marks = { kz = \"kk\", ru = \"ru\", en = \"en\" }\n\
         \n\
         [[address]]\n\
         old = \"/ru/passport\"\n\
         to = \"/pages/passport\"\n\
         \n\
         [[address]]\n\
         old = \"/kz/passport\"\n\
         to = \"/pages/passport\"\n\
         \n\
         [[address]]\n\
         old = \"/index.php?id=7&lang=en\"\n\
         to = \"/pages/passport\"\n\
         \n\
         [[address]]\n\
         old = \"/ru/tenders/2019\"\n\
         gone = true\n\
         archive = \"https://archive.example/ru/tenders/2019\"\n\
         \n\
         [[address]]\n\
         prefix = \"/ru/news/\"\n\
         to = \"/agencies/ministry-of-internal-affairs\"\n",
    );
    write(
        dir.path(),
        "transition/www.mvd.example.kz.urls",
        "# the old site's sitemap\n/ru/passport\nhttps://www.mvd.example.kz/kz/passport\n/ru/news/1\n/ru/news/2\n/index.php?id=7&lang=en\n/ru/gallery\n/ru/tenders/2019\n",
    );
    dir
}

#[test]
fn an_old_site_becomes_the_old_hosts_maps_its_pages_that_have_gone_and_its_list() {
    let dir = fixture_with_old_site();
    let c = compile_ok(dir.path());
    let text = |path: &str| String::from_utf8(c.files[path].clone()).unwrap();
    let paths = text("_transition/paths.map");
    // Each host name of the site, the language of each address.
    for host in ["www.mvd.example.kz", "mvd.example.kz"] {
        assert!(
            paths.contains(&format!("\"{host}/ru/passport\" \"https://portal.example/ru/pages/passport\";")),
            "{paths}"
        );
        assert!(
            paths.contains(&format!("\"{host}/kz/passport\" \"https://portal.example/kk/pages/passport\";")),
            "{paths}"
        );
    }
    assert!(paths.contains("\"~^www[.]mvd[.]example[.]kz/ru/news/\" \"https://portal.example/ru/agencies/ministry-of-internal-affairs\";"), "{paths}");
    let queries = text("_transition/queries.map");
    assert!(
        queries.contains("\"www.mvd.example.kz/index.php?id=7&lang=en\" \"https://portal.example/en/pages/passport\";"),
        "{queries}"
    );
    // The same path asked in Kazakh by its query goes to the Kazakh page.
    assert!(queries.contains("\"~^www[.]mvd[.]example[.]kz/ru/passport[?](.*&)?lang=kz(&|$)\" \"https://portal.example/kk/pages/passport\";"), "{queries}");
    assert!(text("_transition/hosts.conf").contains("server_name www.mvd.example.kz mvd.example.kz;"));
    let fallback = text("_transition/fallback.map");
    assert!(fallback.contains("\"~^www[.]mvd[.]example[.]kz/kz(/|[?]|$)\" \"https://portal.example/kk/agencies/ministry-of-internal-affairs\";"), "{fallback}");
    // The address that has gone has its page, in three languages, with its archived copy.
    assert!(paths.contains("\"www.mvd.example.kz/ru/tenders/2019\" \"/gone/www.mvd.example.kz/1.html\";"), "{paths}");
    let gone = text("_transition/gone/www.mvd.example.kz/1.html");
    for expected in [
        "This page has gone",
        "Этой страницы больше нет",
        "Бұл бет жоқ",
        "href=\"https://archive.example/ru/tenders/2019\"",
        "Ministry of Internal Affairs",
        "href=\"https://portal.example/en/agencies/ministry-of-internal-affairs\"",
        "action=\"https://portal.example/kk/search\"",
    ] {
        assert!(gone.contains(expected), "{expected} in {gone}");
    }
    assert!(text("_transition/redirects.txt")
        .contains("https://www.mvd.example.kz/ru/passport https://portal.example/ru/pages/passport 301"));

    // The one address of the list no mapping covers: a warning on its line, and the body's count in the report.
    let unmapped: Vec<_> = c.warnings.warnings().filter(|w| w.rule == "unmapped-address").collect();
    assert_eq!(unmapped.len(), 1, "{unmapped:#?}");
    assert_eq!(
        (unmapped[0].file.clone(), unmapped[0].line),
        (dir.path().join("transition/www.mvd.example.kz.urls"), 7)
    );
    let body = c.report.agencies.iter().find(|a| a.slug == "ministry-of-internal-affairs").unwrap();
    assert_eq!(body.counts.iter().find(|k| k.kind == ProblemKind::Unmapped).unwrap().count, 1);
    let problem = c.report.problems.iter().find(|p| p.kind == ProblemKind::Unmapped).unwrap();
    assert_eq!((problem.detail.as_str(), problem.title.as_str()), ("/ru/gallery", "www.mvd.example.kz"));
}

#[test]
fn old_site_rules_name_file_line_and_rule() {
    let file = "transition/www.mvd.example.kz.toml";
    let cases: [(&str, &str, usize, &str); 8] = [
        // A target the portal does not have, or not in the address's language (the identity card has no English).
        (
            "old = \"/ru/passport\"\nto = \"/pages/passport\"",
            "old = \"/ru/passport\"\nto = \"/pages/no-such-page\"",
            11,
            "transition-target",
        ),
        (
            "old = \"/index.php?id=7&lang=en\"\nto = \"/pages/passport\"",
            "old = \"/index.php?id=7&lang=en\"\nto = \"/pages/identity-card\"",
            19,
            "transition-target",
        ),
        // A target on another site would chain one redirect to another.
        (
            "to = \"/agencies/ministry-of-internal-affairs\"",
            "to = \"https://www.other.example.kz/ru/\"",
            29,
            "transition-target",
        ),
        // The same old address twice, or twice but for case (one to nginx).
        ("old = \"/kz/passport\"", "old = \"/ru/passport\"", 15, "transition-duplicate"),
        ("old = \"/kz/passport\"", "old = \"/RU/Passport\"", 15, "transition-duplicate"),
        ("body = \"ministry-of-internal-affairs\"", "body = \"ministry-of-magic\"", 1, "reference"),
        ("old = \"/ru/tenders/2019\"", "old = \"ru/tenders/2019\"", 23, "transition-address"),
        ("marks = { kz = \"kk\"", "marks = { kz = \"kz\"", 8, "transition-language"),
    ];
    for (from, to, line, rule) in cases {
        let dir = fixture_with_old_site();
        let path = dir.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} in {text}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        assert_one_error(dir.path(), file, line, rule);
    }
    // A file whose name is not a host, and a list without its mappings.
    let dir = fixture_with_old_site();
    fs::rename(dir.path().join(file), dir.path().join("transition/WWW_MVD.toml")).unwrap();
    let found = errors(dir.path());
    assert!(
        found.iter().any(|e| e.rule == "transition-host" && e.file == dir.path().join("transition/WWW_MVD.toml")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.rule == "transition-host" && e.file == dir.path().join("transition/www.mvd.example.kz.urls")),
        "{found:#?}"
    );
}

#[test]
fn a_withdrawn_page_keeps_its_address_with_the_notice_and_leaves_lists_and_search() {
    let dir = fixture();
    let meta = dir.path().join("pages/identity-card/meta.toml");
    let text = fs::read_to_string(&meta).unwrap();
    fs::write(
        &meta,
        format!("{text}\n[withdrawn]\ndate = 2026-11-20\nreason = {{ kk = \"Жаңа бетке ауыстырылды.\", ru = \"Заменена новой страницей.\" }}\n"),
    )
    .unwrap();
    let c =
        compile(&Options { search_index: portal_compiler::search::Mode::Full, ..options(dir.path()) }).ok().unwrap();
    let page = json(&c, "api/v1/ru/pages/identity-card.json");
    assert_eq!(page["withdrawn"]["date"], "2026-11-20");
    assert_eq!(page["withdrawn"]["reason"], "Заменена новой страницей.");
    assert_eq!(json(&c, "api/v1/kk/pages/identity-card.json")["withdrawn"]["reason"], "Жаңа бетке ауыстырылды.");
    assert!(json(&c, "api/v1/ru/pages/passport.json")["withdrawn"].is_null());
    // Out of the topic's and the body's lists and of the pages that relate to it.
    let listed = |path: &str, field: &str| -> Vec<String> {
        json(&c, path)[field].as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(listed("api/v1/ru/topics/documents.json", "pages"), ["passport"]);
    assert_eq!(listed("api/v1/ru/agencies/ministry-of-internal-affairs.json", "pages"), ["passport"]);
    assert!(listed("api/v1/ru/pages/passport.json", "related").is_empty());
    // Still at its address: in the sitemap, rendered; not in the search index.
    let sitemap = String::from_utf8(c.files["sitemap.xml"].clone()).unwrap();
    assert!(sitemap.contains("https://portal.example/ru/pages/identity-card</loc>"));
    let fragments: String = c
        .files
        .iter()
        .filter(|(path, _)| path.contains("/fragment/"))
        .map(|(_, bytes)| {
            use std::io::Read;
            let mut text = String::new();
            flate2::read::GzDecoder::new(bytes.as_slice()).read_to_string(&mut text).unwrap();
            text
        })
        .collect();
    assert!(fragments.contains("/ru/pages/passport"), "the index holds the other pages");
    assert!(!fragments.contains("/pages/identity-card"), "but not the withdrawn one");

    // The reason in every language the page has, and a day that has come.
    fs::write(&meta, format!("{text}\n[withdrawn]\ndate = 2026-11-20\nreason = {{ kk = \"Ауыстырылды.\" }}\n"))
        .unwrap();
    let line = text.lines().count() + 2;
    assert_one_error(dir.path(), "pages/identity-card/meta.toml", line, "withdrawn");
    fs::write(&meta, format!("{text}\n[withdrawn]\ndate = 2026-12-20\nreason = {{ kk = \"А.\", ru = \"Б.\" }}\n"))
        .unwrap();
    assert_one_error(dir.path(), "pages/identity-card/meta.toml", line, "date");
}

#[test]
fn a_scheduled_item_is_not_built_before_its_day_and_is_after_it() {
    let dir = fixture_with_publications();
    let meta = dir.path().join("news/old-news/meta.toml");
    fs::write(&meta, "agency = \"ministry-of-internal-affairs\"\npublished = 2026-12-01\npublish_at = 2026-12-01\n")
        .unwrap();
    let before = compile_ok(dir.path());
    assert!(!before.files.keys().any(|path| path.contains("old-news")), "no document, no file of it");
    let listed = |c: &Compiled| -> Vec<String> {
        json(c, "api/v1/en/news.json")["latest"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(!listed(&before).contains(&"old-news".to_owned()));
    assert!(!String::from_utf8(before.files["sitemap.xml"].clone()).unwrap().contains("old-news"));

    // A link to it before its day names the day.
    let page = dir.path().join("pages/passport/en.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, format!("{text}\nSee [the notice](/news/old-news).\n")).unwrap();
    let found = errors(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].rule, found[0].file.clone()), ("dead-link", page.clone()));
    assert!(found[0].message.contains("scheduled for 2026-12-01"), "{}", found[0].message);
    fs::write(&page, text).unwrap();

    // The build on its day has it, listed.
    let on_the_day = compile(&Options { today: "2026-12-01".into(), ..options(dir.path()) }).ok().unwrap();
    assert!(on_the_day.files.contains_key("api/v1/en/news/old-news.json"));
    assert!(listed(&on_the_day).contains(&"old-news".to_owned()));

    // Its own problems stop today's build, not the unattended one on its day.
    write(
        dir.path(),
        "news/old-news/en.md",
        "+++\ntitle = \"Old\"\nsummary = \"s\"\n+++\nSee [this](/pages/no-such-page).\n",
    );
    assert_one_error(dir.path(), "news/old-news/en.md", 5, "dead-link");
}

#[test]
fn a_removed_address_leads_to_its_new_page_in_each_language() {
    let dir = fixture();
    write(dir.path(), "redirects.toml", "[[redirect]]\nfrom = \"/pages/foreign-passport\"\nto = \"/pages/passport\"\n");
    let c = compile_ok(dir.path());
    for lang in ["kk", "ru", "en"] {
        let doc = json(&c, &format!("api/v1/{lang}/pages/foreign-passport.json"));
        assert_eq!(doc, serde_json::json!({ "status": "moved", "to": "/pages/passport" }));
    }
    let map = String::from_utf8(c.files["_transition/moved.map"].clone()).unwrap();
    assert!(map.contains("\"/kk/pages/foreign-passport\" \"/kk/pages/passport\";"), "{map}");
    assert!(map.contains("\"/en/pages/foreign-passport\" \"/en/pages/passport\";"), "{map}");
    assert!(!String::from_utf8(c.files["sitemap.xml"].clone()).unwrap().contains("foreign-passport"));
}

#[test]
fn redirects_lead_from_what_was_removed_to_what_exists_in_one_step() {
    let cases: [(&str, usize, &str); 4] = [
        // Still there: remove or withdraw it first.
        ("[[redirect]]\nfrom = \"/pages/identity-card\"\nto = \"/pages/passport\"\n", 2, "redirect"),
        // Nowhere to go.
        ("[[redirect]]\nfrom = \"/pages/gone\"\nto = \"/pages/never-was\"\n", 3, "redirect"),
        // A chain: the second leads to an address the first redirects.
        ("[[redirect]]\nfrom = \"/pages/old\"\nto = \"/pages/passport\"\n\n[[redirect]]\nfrom = \"/pages/older\"\nto = \"/pages/old\"\n", 7, "redirect-chain"),
        // Not an address of the portal.
        ("[[redirect]]\nfrom = \"pages/old\"\nto = \"/pages/passport\"\n", 2, "redirect"),
    ];
    for (text, line, rule) in cases {
        let dir = fixture();
        write(dir.path(), "redirects.toml", text);
        let shown = assert_one_error(dir.path(), "redirects.toml", line, rule);
        if rule == "redirect-chain" {
            assert!(shown.contains("lead straight to /pages/passport"), "{shown}");
        }
    }
    // A loop: each of its redirects says so.
    let dir = fixture();
    write(dir.path(), "redirects.toml", "[[redirect]]\nfrom = \"/pages/a\"\nto = \"/pages/b\"\n\n[[redirect]]\nfrom = \"/pages/b\"\nto = \"/pages/a\"\n");
    let found = errors(dir.path());
    assert_eq!(
        found.iter().map(|e| (e.rule, e.line)).collect::<Vec<_>>(),
        [("redirect-loop", 3), ("redirect-loop", 7)],
        "{found:#?}"
    );
}

#[test]
fn readers_reports_from_the_feedback_service_go_into_the_quality_report_with_their_pages_titles() {
    let dir = fixture();
    let counts: portal_content::feedback::FeedbackCounts = serde_json::from_value(serde_json::json!({
        "generated": "2026-12-05T08:00:00.000000Z",
        "bodies": {
            "ministry-of-internal-affairs": [
                {"route": "/pages/passport", "lang": "ru", "useful_yes": 1, "useful_no": 2, "reports": {"outdated": 2}},
                {"route": "/pages/passport", "lang": "kk", "useful_yes": 0, "useful_no": 0, "reports": {"broken": 1}},
                // Found useful and never reported: not a page to look at.
                {"route": "/pages/identity-card", "lang": "ru", "useful_yes": 5, "useful_no": 1, "reports": {}}
            ],
            "portal": [{"route": "/", "lang": "en", "useful_yes": 0, "useful_no": 3, "reports": {}}]
        }
    }))
    .unwrap();
    let compiled = compile(&Options { readers: Some(counts), ..options(dir.path()) }).ok().unwrap();
    let readers = &json(&compiled, "api/v1/en/quality.json")["readers"];
    assert_eq!(readers["counted"], "2026-12-05T08:00:00.000000Z");
    assert_eq!(
        readers["pages"],
        serde_json::json!([
            {"agency": "ministry-of-internal-affairs", "path": "/pages/passport", "title": "Passport", "useful_yes": 1, "useful_no": 2, "reports": 3},
            {"agency": null, "path": "/", "title": "Portal", "useful_yes": 0, "useful_no": 3, "reports": 0}
        ])
    );
    assert_eq!(json(&compiled, "api/v1/kk/quality.json")["readers"]["pages"][0]["title"], "Паспорт");
    // Without counts, the report says nothing about readers.
    let without = compile(&options(dir.path())).ok().unwrap();
    assert_eq!(json(&without, "api/v1/en/quality.json")["readers"], serde_json::Value::Null);
}

/// The publications fixture with a former body: its work merged into the
/// Ministry of Internal Affairs, a document still under its name.
fn fixture_with_a_former_body(reorganised: &str) -> tempfile::TempDir {
    let dir = fixture_with_publications();
    let root = dir.path();
    write(root, "agencies/police-ministry/meta.toml", &format!("kind = \"ministry\"\n\n{reorganised}"));
    for (lang, name) in [("kk", "Полиция министрлігі"), ("ru", "Министерство полиции"), ("en", "Ministry of Police")]
    {
        write(
            root,
            &format!("agencies/police-ministry/{lang}.md"),
            &format!("+++\nname = \"{name}\"\nsummary = \"s\"\n+++\n"),
        );
    }
    write(root, "documents/law-2/meta.toml", "type = \"law\"\nagency = \"police-ministry\"\nadopted = 2023-01-10\nstatus = \"amended\"\ntext = \"extract\"\n");
    dir
}

const MERGED: &str = "[reorganised]\ndate = 2024-02-01\nmerged_into = \"ministry-of-internal-affairs\"\nsource = { url = \"https://example.kz/decree\", checked = 2026-11-20 }\n";

#[test]
fn a_former_body_keeps_its_page_and_documents_and_lists_after_current_ones() {
    let dir = fixture_with_a_former_body(MERGED);
    let c = compile_ok(dir.path());
    let directory = json(&c, "api/v1/en/agencies.json");
    let current: Vec<&str> = directory["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["agencies"].as_array().unwrap())
        .map(|a| a["slug"].as_str().unwrap())
        .collect();
    assert_eq!(current, ["ministry-of-internal-affairs"], "a former body is not among today's");
    assert_eq!(directory["former"][0]["slug"], "police-ministry");
    assert_eq!(directory["former"][0]["reorganised"]["successors"][0]["name"], "Ministry of Internal Affairs");

    let former = json(&c, "api/v1/ru/agencies/police-ministry.json");
    assert_eq!(former["reorganised"]["kind"], "merged-into");
    assert_eq!(former["reorganised"]["date"], "2024-02-01");
    assert_eq!(former["documents"][0]["slug"], "law-2", "what it issued stays on its page");
    let successor = json(&c, "api/v1/ru/agencies/ministry-of-internal-affairs.json");
    assert_eq!(successor["predecessors"][0]["body"]["name"], "Министерство полиции");
    assert_eq!(successor["reorganised"], serde_json::Value::Null);
    let document = json(&c, "api/v1/en/documents/law-2.json");
    assert_eq!(document["agency"]["name"], "Ministry of Police", "a document keeps the name it was issued under");
    // A former body is not asked for contacts or news: it publishes nothing new.
    let warned: Vec<String> = c
        .warnings
        .items
        .iter()
        .filter(|d| d.file.ends_with("police-ministry/meta.toml"))
        .map(|d| d.to_string())
        .collect();
    assert!(warned.is_empty(), "{warned:#?}");
}

#[test]
fn a_reorganisation_says_one_way_with_its_source() {
    let two_ways = MERGED.replace("merged_into", "split_into = [\"a\", \"b\"]\nrenamed_to");
    let dir = fixture_with_a_former_body(&two_ways);
    let shown = assert_one_error(dir.path(), "agencies/police-ministry/meta.toml", 3, "reorganisation");
    assert!(shown.contains("not several"), "{shown}");

    let split_in_one = MERGED
        .replace("merged_into = \"ministry-of-internal-affairs\"", "split_into = [\"ministry-of-internal-affairs\"]");
    let dir = fixture_with_a_former_body(&split_in_one);
    let shown = assert_one_error(dir.path(), "agencies/police-ministry/meta.toml", 3, "reorganisation");
    assert!(shown.contains("at least two bodies"), "{shown}");

    let unsourced = MERGED.lines().filter(|l| !l.starts_with("source")).collect::<Vec<_>>().join("\n");
    let dir = fixture_with_a_former_body(&unsourced);
    assert_one_error(dir.path(), "agencies/police-ministry/meta.toml", 3, "unsourced");

    let unknown =
        MERGED.replace("merged_into = \"ministry-of-internal-affairs\"", "merged_into = \"ministry-of-nothing\"");
    let dir = fixture_with_a_former_body(&unknown);
    let shown = assert_one_error(dir.path(), "agencies/police-ministry/meta.toml", 5, "reference");
    assert!(shown.contains("ministry-of-nothing"), "{shown}");
}

#[test]
fn bodies_that_lead_back_to_each_other_are_a_loop() {
    let dir = fixture_with_a_former_body(&MERGED.replace("ministry-of-internal-affairs", "old-police"));
    write(
        dir.path(),
        "agencies/old-police/meta.toml",
        &format!("kind = \"committee\"\n\n{}", MERGED.replace("ministry-of-internal-affairs", "police-ministry")),
    );
    for lang in ["kk", "ru", "en"] {
        write(
            dir.path(),
            &format!("agencies/old-police/{lang}.md"),
            "+++\nname = \"Old police\"\nsummary = \"s\"\n+++\n",
        );
    }
    let found = errors(dir.path());
    let rules: Vec<&str> = found.iter().map(|e| e.rule).collect();
    assert_eq!(rules, ["reorganisation-loop", "reorganisation-loop"], "{found:#?}");
}

#[test]
fn a_service_of_a_former_body_must_name_the_body_now_responsible() {
    let dir = fixture_with_a_former_body(MERGED);
    let meta = "pages/identity-card/meta.toml";
    let text = fs::read_to_string(dir.path().join(meta)).unwrap();
    write(dir.path(), meta, &text.replace("ministry-of-internal-affairs", "police-ministry"));
    let shown = assert_one_error(dir.path(), meta, 3, "former-body");
    assert!(shown.contains("police-ministry was merged into ministry-of-internal-affairs on 2024-02-01"), "{shown}");
}
