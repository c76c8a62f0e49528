//! The JSON Schema in docs/ is the contract other publishers follow: it must
//! be what the Rust types say, and everything the compiler writes from the
//! bundled content must satisfy it.

use portal_compiler::{compile, schema, Options};
use std::path::Path;

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().parent().unwrap()
}

#[test]
fn the_committed_schema_matches_the_types() {
    let committed = std::fs::read_to_string(workspace().join("docs/content-api.schema.json")).expect("docs/content-api.schema.json (make schema writes it)");
    assert!(committed == schema::schemas_json(), "docs/content-api.schema.json is out of date: run `make schema`");
}

#[test]
fn the_bundled_content_compiles_and_every_document_fits_the_schema() {
    let options = Options { content_dir: workspace().join("content"), site_url: "https://portal.example".into(), today: "2026-11-26".into(), search_index: false };
    let compiled = match compile(&options) {
        Ok(c) => c,
        Err(f) => panic!("bundled content has errors:\n{}", f.diagnostics.errors().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")),
    };
    let schemas = schema::schemas();
    let validators: std::collections::BTreeMap<&str, jsonschema::Validator> = schemas
        .iter()
        .map(|(kind, s)| (*kind, jsonschema::validator_for(&serde_json::to_value(s).unwrap()).unwrap()))
        .collect();
    let mut checked = 0;
    for (path, bytes) in &compiled.files {
        // Feeds and files are not JSON documents; their own tests cover them.
        let Some(rest) = path.strip_prefix("api/v1/").filter(|p| p.ends_with(".json")) else { continue };
        let kind = schema::kind_of(rest).unwrap_or_else(|| panic!("no schema for {path}"));
        let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        let errors: Vec<String> = validators[kind].iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{path} does not fit the {kind} schema: {errors:?}");
        checked += 1;
    }
    assert!(checked >= 3 * (3 + 6 + 18 + 5 + 20), "only {checked} documents checked");
    // Three languages of the bundled content: the depth rule holds.
    assert!(compiled.stats.max_clicks <= portal_content::nav::MAX_CLICKS);
}
