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
    let committed = std::fs::read_to_string(workspace().join("docs/content-api.schema.json"))
        .expect("docs/content-api.schema.json (make schema writes it)");
    assert!(committed == schema::schemas_json(), "docs/content-api.schema.json is out of date: run `make schema`");
}

#[test]
fn the_bundled_content_compiles_and_every_document_fits_the_schema() {
    let options = Options {
        content_dir: workspace().join("content"),
        site_url: "https://portal.example".into(),
        // The day the newest bundled content was written: nothing in it is in the future.
        today: "2026-12-05".into(),
        search_index: portal_compiler::search::Mode::Skip,
        readers: None,
    };
    let compiled = match compile(&options) {
        Ok(c) => c,
        Err(f) => panic!(
            "bundled content has errors:\n{}",
            f.diagnostics.errors().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
        ),
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
        let errors: Vec<String> =
            validators[kind].iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{path} does not fit the {kind} schema: {errors:?}");
        // Fitting the schema is not enough: the app reads it with these types.
        if let Err(e) = reads_back(kind, bytes) {
            panic!("{path}: the app's {kind} type cannot read it back the same: {e}");
        }
        checked += 1;
    }
    assert!(checked >= 3 * (3 + 6 + 18 + 5 + 20), "only {checked} documents checked");
    // Three languages of the bundled content: the depth rule holds.
    assert!(compiled.stats.max_clicks <= portal_content::nav::MAX_CLICKS);
}

/// Deserializes a document with the type the app uses for `kind` and
/// serializes it again: the result must be the same JSON. This catches what a
/// schema cannot, such as two fields of the same name after flattening.
fn reads_back(kind: &str, bytes: &[u8]) -> Result<(), String> {
    use portal_content::*;
    fn again<T: serde::de::DeserializeOwned + serde::Serialize>(bytes: &[u8]) -> Result<(), String> {
        let typed: T = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let original: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let round = serde_json::to_value(&typed).map_err(|e| e.to_string())?;
        if round == original {
            Ok(())
        } else {
            Err(format!("read back as {round}"))
        }
    }
    match kind {
        "site" => again::<SiteDoc>(bytes),
        "topic" => again::<TopicItem>(bytes),
        "page" => again::<PageItem>(bytes),
        "agencies" => again::<AgenciesDoc>(bytes),
        "agency" => again::<AgencyItem>(bytes),
        "regions" => again::<RegionsDoc>(bytes),
        "region" => again::<RegionItem>(bytes),
        "text" => again::<TextDoc>(bytes),
        "quality" => again::<QualityDoc>(bytes),
        "news" => again::<NewsDoc>(bytes),
        "news-month" => again::<NewsMonthDoc>(bytes),
        "news-item" => again::<NewsItemItem>(bytes),
        "documents" => again::<DocumentsDoc>(bytes),
        "document-type" => again::<DocumentTypeDoc>(bytes),
        "document" => again::<DocumentItem>(bytes),
        "drafts" => again::<DraftsDoc>(bytes),
        "drafts-year" => again::<DraftsYearDoc>(bytes),
        "draft" => again::<DraftItem>(bytes),
        "life" => again::<JourneysDoc>(bytes),
        "journey" => again::<JourneyItem>(bytes),
        other => Err(format!("no type for {other}")),
    }
}
