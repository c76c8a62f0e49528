//! Facts the portal's JavaScript repeats from the Rust that owns them (it
//! runs before the app, or as the search index's bridge): each pair is
//! checked here, so a change on one side that the other misses fails a test.

use portal::display::{DisplaySettings, Images, LineHeight, Scheme, Spacing, FONT_SIZES};
use portal_content::search::{META_BODY, META_DATE, META_FOLDED, META_FOLDED_TITLE, META_TITLE};
use portal_content::{Lang, Route};

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)).unwrap()
}

/// The quoted values of the `one(saved.<field>, [...])` list in display-early.js.
fn allowed(script: &str, field: &str) -> Vec<String> {
    let at = script.find(&format!("one(saved.{field}, [")).unwrap_or_else(|| panic!("display-early.js reads {field}"));
    let list = &script[at..];
    let list = &list[list.find('[').unwrap() + 1..list.find(']').unwrap()];
    list.split(',').map(|v| v.trim().trim_matches('\'').to_owned()).collect()
}

#[test]
fn display_early_js_knows_every_setting_the_app_stores() {
    let script = read("public/display-early.js");
    assert!(script.contains("localStorage.getItem('portal.display')"));
    let codes = |values: &[String]| values.to_vec();
    let setting = |settings: DisplaySettings, name: &str| {
        settings.attributes().into_iter().find(|(attribute, _)| *attribute == name).unwrap().1
    };
    let schemes: Vec<String> = Scheme::ALL.iter().map(|s| s.code().to_owned()).collect();
    assert_eq!(codes(&allowed(&script, "scheme")), schemes, "colour schemes, the default first");
    let sizes: Vec<String> = FONT_SIZES.iter().map(u16::to_string).collect();
    assert_eq!(allowed(&script, "font_size"), sizes, "text sizes, the default first");
    let each = |field: &str, attribute: &str, values: Vec<DisplaySettings>| {
        let rust: Vec<String> = values.into_iter().map(|s| setting(s, attribute)).collect();
        assert_eq!(allowed(&script, field), rust, "{field}, the default first");
        assert!(script.contains(&format!("root.setAttribute('{attribute}'")), "display-early.js sets {attribute}");
    };
    let with = |f: &dyn Fn(&mut DisplaySettings)| {
        let mut s = DisplaySettings::default();
        f(&mut s);
        s
    };
    each(
        "letter_spacing",
        "data-letter-spacing",
        [Spacing::Normal, Spacing::Wider, Spacing::Widest].map(|v| with(&|s| s.letter_spacing = v)).to_vec(),
    );
    each(
        "line_height",
        "data-line-height",
        [LineHeight::Normal, LineHeight::Larger, LineHeight::Largest].map(|v| with(&|s| s.line_height = v)).to_vec(),
    );
    each(
        "images",
        "data-images",
        [Images::Shown, Images::Greyscale, Images::Hidden].map(|v| with(&|s| s.images = v)).to_vec(),
    );
}

#[test]
fn the_search_bridge_weighs_the_metadata_the_compiler_writes() {
    let script = read("src/search-runtime.js");
    for name in [META_TITLE, META_FOLDED_TITLE, META_FOLDED, META_BODY, META_DATE] {
        assert!(script.contains(&format!(" {name}: ")), "search-runtime.js weighs {name}");
    }
}

#[test]
fn preload_js_maps_addresses_to_the_documents_the_app_asks_for() {
    let script = read("public/preload.js");
    // The pattern it matches addresses with, and the document name it builds.
    let kinds =
        script.split("((?:").nth(1).and_then(|rest| rest.split(")\\/").next()).expect("preload.js has its kinds");
    let singles = script.split("+|").nth(1).and_then(|rest| rest.split(")?").next()).expect("preload.js has its pages");
    for route in
        [Route::Topic("t".into()), Route::Page("p".into()), Route::Agency("a".into()), Route::Region("r".into())]
    {
        let kind = route.neutral_path().split('/').nth(1).unwrap().to_owned();
        assert!(kinds.split('|').any(|k| k == kind), "preload.js knows /{kind}/");
        assert_eq!(route.api_path(Lang::Kk), format!("kk{}.json", route.neutral_path()));
    }
    for route in [Route::Agencies, Route::Regions, Route::Accessibility] {
        let name = route.neutral_path().trim_start_matches('/').to_owned();
        assert!(singles.split('|').any(|s| s == name), "preload.js knows /{name}");
        assert_eq!(route.api_path(Lang::Ru), format!("ru/{name}.json"));
    }
    assert!(script.contains("'site'") && Route::Home.api_path(Lang::En) == "en/site.json");
}

#[test]
fn the_search_bridge_reads_the_changes_the_compiler_publishes() {
    let script = read("src/search-runtime.js");
    let changes = serde_json::to_value(portal_content::search::LanguageChanges::default()).unwrap();
    for field in changes.as_object().unwrap().keys() {
        assert!(script.contains(&format!("published.{field}")), "search-runtime.js reads {field}");
    }
}
